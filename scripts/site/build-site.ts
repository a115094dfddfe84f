/**
 * `npm run build:site [-- --out DIR] [--fresh] [notebook.ipynb ...]`: writes a static site (default site/)
 * from executed notebooks (all of notebooks/ by default) that opens from file:// with no network:
 * index.html, one page per notebook with prev/next links, KaTeX formulas rendered at build time, and
 * plots drawn by assets/plotly.min.js (loaded once per page instead of the library output, when a plot
 * comes near the viewport; the plots' scripts are in assets/plots/<page>.js; the file also carries
 * fitFigure, which fits each plot to its box's width, as the library output does in Jupyter), and the
 * course to take home (nn-lesson-course.zip, course-archive.ts), linked from every page's header.
 * The executed copies of `npm run test:notebooks` (build/notebooks/) are used when they are newer than
 * the notebooks, the library and data/; otherwise (or with --fresh) the notebooks are executed afresh.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs as parseArgv } from "util";
import { plotFitScript, plotlyLibrary } from "nn-lesson/dist/internal";
import { NOTEBOOK_BUILD, NotebookReport, StaleReport, TEST_RUN_COMMAND, readReport, runDriver } from "../jupyter/notebook-runs";
import { NOTEBOOKS, ROOT } from "../paths";
import { buildRunner } from "./build-runner";
import { COURSE_ZIP, writeCourseArchive } from "./course-archive";
import { Download, Notebook, Page, STYLE, SiteError, indexHtml, megabytes, pageHtml, plotFile, plotScriptsFile, renderMarkdownPage, renderNotebook } from "./site-render";

export interface SiteOptions {
  out: string;
  notebooks: string[];
  /** Where executed copies go when notebooks are executed here (kept for inspection). */
  execDir: string;
  /** Execute even where `npm run test:notebooks` left fresh executed copies. */
  fresh?: boolean;
  /** Do not execute: pages of the notebooks as committed (no outputs), for the page runner (`npm start -- --browser`). */
  unexecuted?: boolean;
  log?: (line: string) => void;
}

export interface SiteResult { pages: Page[]; seconds: number; executeSeconds: number }

const USAGE = "사용법 usage: npm run build:site -- [--out DIR] [--fresh] [notebook.ipynb ...]";

export function listNotebooks(): string[] {
  return fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(NOTEBOOKS, f));
}

/**
 * The executed copies of `npm run test:notebooks` for these notebooks (name → file) if all of them are
 * there, newer than the notebooks, the library and data/, and ran without errors; else why not.
 */
function executedCopies(notebooks: string[]): Map<string, string> | string {
  let report;
  try {
    report = readReport(notebooks.map((nb) => path.basename(nb)), {});
  } catch (e) {
    if (e instanceof StaleReport) return e.message;
    throw e;
  }
  const copies = new Map<string, string>();
  for (const nb of notebooks) {
    const run = report.notebooks[path.basename(nb)];
    if (run.first.length || !run.executed || !fs.existsSync(run.executed)) return `${path.basename(nb)}: 오류 없이 실행된 사본이 없습니다 (no executed copy without errors)`;
    copies.set(path.basename(nb, ".ipynb"), run.executed);
  }
  return copies;
}

/** Runs scripts/jupyter/run_notebooks.py on the notebooks, two at a time (one kernel per notebook). */
async function executeAll(notebooks: string[], execDir: string, log: (l: string) => void): Promise<Map<string, string>> {
  fs.rmSync(execDir, { recursive: true, force: true });
  fs.mkdirSync(execDir, { recursive: true });
  const other: string[] = [];
  const report = path.join(execDir, "report.json");
  let code: number;
  try {
    // progress lines "  [3/12] 02-forward.ipynb ok (7.1 s)" and the errors under them; the rest only on failure
    code = await runDriver(["--jobs", "2", "--out", execDir, "--report", report, ...notebooks],
      (l) => (/^( {2}\[\d+\/\d+\] | {6}\S)/.test(l) ? log(l) : other.push(l)));
  } catch (e) {
    throw new SiteError((e as Error).message);
  }
  const runs: NotebookReport["notebooks"] = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")).notebooks : {};
  const failures = notebooks.map((nb) => path.basename(nb)).filter((n) => !runs[n] || runs[n].first.length);
  if (code !== 0 || failures.length) {
    if (!Object.keys(runs).length) for (const l of other.slice(-5)) log(`      ${l}`);
    throw new SiteError(`사이트를 만들지 못했습니다: 노트북 실행 실패 (notebook failed): ${(failures.length ? failures : notebooks.map((nb) => path.basename(nb))).join(", ")}`);
  }
  return new Map(notebooks.map((nb) => [path.basename(nb, ".ipynb"), path.join(execDir, path.basename(nb))]));
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

function writeAssets(out: string): void {
  const assets = path.join(out, "assets");
  fs.mkdirSync(assets, { recursive: true });
  // plotly.js and, in the same file, the function every plot's script fits its figure with
  fs.writeFileSync(path.join(assets, "plotly.min.js"), `${plotlyLibrary().code}\n${plotFitScript()}\n`);
  const katexDist = path.dirname(require.resolve("katex/dist/katex.min.css"));
  fs.mkdirSync(path.join(assets, "katex"), { recursive: true });
  fs.copyFileSync(path.join(katexDist, "katex.min.css"), path.join(assets, "katex", "katex.min.css"));
  copyDir(path.join(katexDist, "fonts"), path.join(assets, "katex", "fonts"));
  fs.writeFileSync(path.join(assets, "style.css"), STYLE.trimStart());
}

export async function buildSite(opts: SiteOptions): Promise<SiteResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const t0 = Date.now();
  if (opts.notebooks.length === 0) throw new SiteError("만들 노트북이 없습니다 (no notebooks to build: notebooks/*.ipynb is empty)");
  for (const nb of opts.notebooks) if (!fs.existsSync(nb)) throw new SiteError(`노트북이 없습니다 (no such notebook): ${nb}`);
  const names = opts.notebooks.map((nb) => path.basename(nb, ".ipynb"));
  if (new Set(names).size !== names.length) throw new SiteError("같은 이름의 노트북이 둘 있습니다 (two notebooks have the same file name)");
  // notebooks of notebooks/ only: the fixture site of the browser test is always executed
  const ours = opts.notebooks.every((nb) => path.dirname(nb) === NOTEBOOKS);
  const copies = ours && !opts.fresh && !opts.unexecuted ? executedCopies(opts.notebooks) : undefined;
  let executed: Map<string, string>;
  if (opts.unexecuted) {
    executed = new Map(opts.notebooks.map((nb) => [path.basename(nb, ".ipynb"), nb]));
  } else if (copies instanceof Map) {
    log(`using the executed notebooks of \`${TEST_RUN_COMMAND}\` (${path.relative(ROOT, NOTEBOOK_BUILD)}/, newer than the notebooks and the library)`);
    executed = copies;
  } else {
    log(`executing ${opts.notebooks.length} notebook(s) afresh (executed copies: ${path.relative(ROOT, opts.execDir) || opts.execDir})`);
    if (copies) log(`  ${path.relative(ROOT, NOTEBOOK_BUILD)}/ not used: ${copies}`);
    executed = await executeAll(opts.notebooks, opts.execDir, log);
  }
  const executeSeconds = (Date.now() - t0) / 1000;

  log(`writing ${path.relative(ROOT, opts.out) || opts.out}/`);
  // Markdown files beside the notebooks (the glossary) become pages after the notebooks.
  const folders = [...new Set(opts.notebooks.map((nb) => path.dirname(nb)))];
  const markdown = folders.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".md")).sort().map((f) => path.join(d, f)));
  const pageSet = new Set([...names, ...markdown.map((f) => path.basename(f, ".md"))]);
  const pages = names.map((name) => {
    const nb = JSON.parse(fs.readFileSync(executed.get(name)!, "utf8")) as Notebook;
    return renderNotebook(nb, name, pageSet);
  });
  for (const f of markdown) {
    pages.push(renderMarkdownPage(fs.readFileSync(f, "utf8"), path.basename(f, ".md"), pageSet));
  }
  const bad = pages.filter((p) => p.errors > 0);
  if (bad.length) throw new SiteError(`error outputs in: ${bad.map((p) => p.name).join(", ")}`);
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  writeAssets(opts.out);
  const runner = await buildRunner(path.join(opts.out, "assets", "runner"), opts.notebooks);
  log(`  assets/runner/: the page runner, ${(Object.values(runner.files).reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} MB in ${Object.keys(runner.files).length} files (${runner.seconds.toFixed(1)} s)`);
  // the course to take home (not for `npm start -- --browser`: that learner has the project already)
  let download: Download | undefined;
  if (!opts.unexecuted) {
    const zip = writeCourseArchive(opts.out);
    download = { href: COURSE_ZIP, bytes: zip.bytes };
    log(`  ${COURSE_ZIP}: the course to take home, ${zip.files} files, ${megabytes(zip.bytes)}`);
  }
  pages.forEach((p, i) => {
    fs.writeFileSync(path.join(opts.out, `${p.name}.html`), pageHtml(pages, i, download));
    if (p.plotScripts.size > 0) {
      fs.mkdirSync(path.join(opts.out, path.dirname(plotFile(p.name))), { recursive: true });
      fs.writeFileSync(path.join(opts.out, plotFile(p.name)), plotScriptsFile(p.plotScripts));
    }
    log(`  ${p.name}.html  "${p.title}"  ${p.plots} plot(s)`);
  });
  fs.writeFileSync(path.join(opts.out, "index.html"), indexHtml(pages, download));
  const seconds = (Date.now() - t0) / 1000;
  log(`site ready: ${path.join(opts.out, "index.html")}  (${pages.length} pages, ${pages.reduce((s, p) => s + p.plots, 0)} plots, ${seconds.toFixed(1)} s)`);
  return { pages, seconds, executeSeconds };
}

export function parseArgs(argv: string[]): SiteOptions | "help" {
  let parsed;
  try {
    parsed = parseArgv({
      args: argv,
      options: { out: { type: "string" }, fresh: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const message = (e as Error).message.split("\n")[0];
    const missing = /Option '(--?\w+)[^']*' argument missing/.exec(message);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new SiteError(`${missing ? `${missing[1]} 다음에 값이 필요합니다 (needs a value)` : unknown ? `모르는 옵션입니다 (unknown option): ${unknown[1]}` : message} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (values.out === "") throw new SiteError(`--out 다음에 폴더가 필요합니다 (--out needs a folder) (${USAGE})`);
  const out = path.resolve(values.out ?? path.join(ROOT, "site"));
  const execDir = path.join(ROOT, ".tmp", "site-exec", path.basename(out));
  const notebooks = positionals.map((p) => path.resolve(p));
  return { out, notebooks: notebooks.length ? notebooks : listNotebooks(), execDir, fresh: values.fresh ?? false };
}

if (require.main === module) {
  (async () => {
    const opts = parseArgs(process.argv.slice(2));
    if (opts === "help") console.log(USAGE);
    else await buildSite(opts);
  })().then(() => process.exit(0), (e) => {
    console.error(e instanceof SiteError ? `build:site: ${e.message}` : e);
    process.exit(1);
  });
}
