/**
 * The project's Markdown documents (README.md, CONTRIBUTING.md, docs/*.md): every link to a local path
 * names a file or folder that exists inside the repository, and a `#fragment` into a Markdown file names
 * one of its headings (as GitHub makes heading anchors). The README is the learner's landing page: at most
 * 150 lines, one line linking each notebook in notebooks/, and links to CONTRIBUTING.md, LICENSE and
 * every page in docs/. Needs no notebook run.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

const DOCS = path.join(ROOT, "docs");
const documents = (): string[] => [
  "README.md", "CONTRIBUTING.md",
  ...fs.readdirSync(DOCS).filter((f) => f.endsWith(".md")).sort().map((f) => path.join("docs", f)),
];

/** The text without fenced code blocks (their `# comment` lines are no headings, their `[x](y)` no links). */
function withoutFences(md: string): string {
  return md.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
}

/** The text without fenced code blocks, each inline code span kept as `code` (so `](` inside code is no link). */
function prose(md: string): string {
  return withoutFences(md).replace(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, "code");
}

/** The targets of the inline links and images `[text](target)` / `![alt](target "title")`. */
export function linkTargets(md: string): string[] {
  const text = prose(md);
  return [...text.matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** The anchors GitHub gives the headings of a Markdown text (github-slugger: lower case, punctuation dropped, -1, -2 for repeats). */
export function headingAnchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const m of withoutFences(md).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = m[1]
      .replace(/!?\[((?:[^\][]|\[[^\]]*\])*)\]\([^)]*\)/g, "$1") // a link shows its text
      .replace(/[*`]/g, "");
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** What is wrong with the local links of `file` (a path relative to the repository), one line each. */
export function brokenLinks(file: string, md: string, root = ROOT): string[] {
  const problems: string[] = [];
  for (const target of linkTargets(md)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: … — not a local path
    const hash = target.indexOf("#");
    const rel = decodeURIComponent(hash >= 0 ? target.slice(0, hash) : target);
    const fragment = hash >= 0 ? decodeURIComponent(target.slice(hash + 1)) : undefined;
    const abs = rel === "" ? path.join(root, file) : path.resolve(root, path.dirname(file), rel);
    const inside = path.relative(root, abs);
    if (inside.startsWith("..") || path.isAbsolute(inside)) {
      problems.push(`${file}: ${target} points outside the repository`);
      continue;
    }
    if (!fs.existsSync(abs)) {
      problems.push(`${file}: ${target} — no such file ${inside}`);
      continue;
    }
    if (fragment !== undefined && abs.endsWith(".md")) {
      const anchors = rel === "" ? headingAnchors(md) : headingAnchors(fs.readFileSync(abs, "utf8"));
      if (!anchors.has(fragment)) problems.push(`${file}: ${target} — no heading #${fragment} in ${inside}`);
    }
  }
  return problems;
}

test("the checker finds links, skips code, and makes GitHub's heading anchors", () => {
  const md = "# 제목 (`npm run kernel:install`)\n## VS Code나 JupyterLab\n## A\n## A\n" +
    "[a](x.md) ![b](img/y.png \"t\") [`c`](../z.ts#L1) `[no](not-a-link.md)`\n```sh\n[no](in-fence.md)\n# not a heading\n```\n<https://example.org>\n";
  assert.deepEqual(linkTargets(md), ["x.md", "img/y.png", "../z.ts#L1"]);
  assert.deepEqual([...headingAnchors(md)], ["제목-npm-run-kernelinstall", "vs-code나-jupyterlab", "a", "a-1"]);
});

test("the checker reports a missing file, a missing heading and a path outside the repository", () => {
  const md = "# 있음\n[ok](README.md) [self](#있음) [gone](docs/nowhere.md) [bad](#없음) [out](../elsewhere.txt) [web](https://example.org/x)\n" +
    "[anchor](CONTRIBUTING.md#no-such-heading)";
  const problems = brokenLinks("README.md", md);
  assert.equal(problems.length, 4, problems.join("\n"));
  assert.match(problems[0], /docs\/nowhere\.md — no such file/);
  assert.match(problems[1], /#없음 — no heading #없음/);
  assert.match(problems[2], /\.\.\/elsewhere\.txt points outside the repository/);
  assert.match(problems[3], /CONTRIBUTING\.md#no-such-heading — no heading/);
});

test("every local link in README.md, CONTRIBUTING.md and docs/*.md resolves (file, and heading after #)", () => {
  const problems: string[] = [];
  let links = 0;
  for (const f of documents()) {
    const md = fs.readFileSync(path.join(ROOT, f), "utf8");
    links += linkTargets(md).length;
    problems.push(...brokenLinks(f, md));
  }
  assert.deepEqual(problems, []);
  assert.ok(links > 50, `only ${links} links found: is the link pattern still right?`);
});

test("README.md is a landing page: at most 150 lines, linking CONTRIBUTING.md, LICENSE and every page in docs/", () => {
  const md = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const lines = md.split("\n").length - (md.endsWith("\n") ? 1 : 0);
  assert.ok(lines <= 150, `README.md has ${lines} lines: move detail into docs/ (issue 17)`);
  const targets = new Set(linkTargets(md).map((t) => t.split("#")[0]));
  const wanted = ["CONTRIBUTING.md", "LICENSE", ...documents().filter((f) => f.startsWith("docs")).map((f) => f.split(path.sep).join("/"))];
  assert.deepEqual(wanted.filter((f) => !targets.has(f)), [], "README.md links every one of these");
});

test("README.md lists every notebook in notebooks/, one line each", () => {
  const md = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const notebooks = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  assert.ok(notebooks.length > 0);
  for (const nb of notebooks) {
    const lines = md.split("\n").filter((l) => linkTargets(l).includes(`notebooks/${nb}`));
    assert.equal(lines.length, 1, `README.md should link notebooks/${nb} on exactly one line (found ${lines.length})`);
  }
});
