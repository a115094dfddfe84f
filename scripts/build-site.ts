/**
 * `npm run build:site [-- --out DIR] [notebook.ipynb ...]`: executes every notebook afresh (all of
 * notebooks/ by default) and writes a static site (default site/) that opens from file:// with no
 * network: index.html, one page per notebook with prev/next links, KaTeX formulas rendered at build
 * time, and plots drawn by assets/plotly.min.js (loaded once per page instead of the library output).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { plotlyLibrary } from "nn-lesson/dist/internal";
import { HOW_TO_GET_JUPYTER, findNotebookPython } from "./jupyter";
import { registerKernel } from "./register-kernel";
import { NOTEBOOKS, ROOT, jupyterEnv } from "./paths";
import { Notebook, Page, STYLE, SiteError, indexHtml, pageHtml, renderMarkdownPage, renderNotebook } from "./site-render";

export interface SiteOptions {
  out: string;
  notebooks: string[];
  /** Where executed copies go (kept for inspection). */
  execDir: string;
  log?: (line: string) => void;
}

export interface SiteResult { pages: Page[]; seconds: number; executeSeconds: number }

function listNotebooks(): string[] {
  return fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(NOTEBOOKS, f));
}

/** Runs scripts/run_notebooks.py on each notebook, two at a time (one kernel per notebook). */
async function executeAll(notebooks: string[], execDir: string, log: (l: string) => void): Promise<void> {
  const py = findNotebookPython();
  if (!py) throw new SiteError(HOW_TO_GET_JUPYTER);
  registerKernel();
  fs.rmSync(execDir, { recursive: true, force: true });
  fs.mkdirSync(execDir, { recursive: true });
  const queue = notebooks.slice();
  const failures: string[] = [];
  const workers = Math.max(1, Math.min(2, os.cpus().length, queue.length));
  let done = 0;
  const runOne = (nb: string) => new Promise<void>((resolve) => {
    const started = Date.now();
    const child = spawn(py, [path.join(ROOT, "scripts", "run_notebooks.py"), "--out", execDir, nb], { env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (b) => { text += b; });
    child.stderr.on("data", (b) => { text += b; });
    child.on("close", (code) => {
      done += 1;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (code === 0) {
        log(`  [${done}/${notebooks.length}] ${path.basename(nb)} ok (${secs} s)`);
      } else {
        const detail = text.split("\n").filter((l) => /^\s{4}\S/.test(l)).map((l) => l.trim());
        log(`  [${done}/${notebooks.length}] ${path.basename(nb)} FAILED (${secs} s)`);
        for (const l of detail.length ? detail : text.trim().split("\n").slice(-5)) log(`      ${l}`);
        failures.push(path.basename(nb));
      }
      resolve();
    });
  });
  await Promise.all(Array.from({ length: workers }, async () => {
    for (let nb = queue.shift(); nb; nb = queue.shift()) await runOne(nb);
  }));
  if (failures.length) throw new SiteError(`사이트를 만들지 못했습니다: 노트북 실행 실패 (notebook failed): ${failures.join(", ")}`);
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

function writeAssets(out: string): void {
  const assets = path.join(out, "assets");
  fs.mkdirSync(assets, { recursive: true });
  fs.copyFileSync(plotlyLibrary().file, path.join(assets, "plotly.min.js"));
  const katexDist = path.dirname(require.resolve("katex/dist/katex.min.css"));
  fs.mkdirSync(path.join(assets, "katex"), { recursive: true });
  fs.copyFileSync(path.join(katexDist, "katex.min.css"), path.join(assets, "katex", "katex.min.css"));
  copyDir(path.join(katexDist, "fonts"), path.join(assets, "katex", "fonts"));
  fs.writeFileSync(path.join(assets, "style.css"), STYLE.trimStart());
}

export async function buildSite(opts: SiteOptions): Promise<SiteResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const t0 = Date.now();
  if (opts.notebooks.length === 0) throw new SiteError("no notebooks to build (notebooks/*.ipynb is empty)");
  for (const nb of opts.notebooks) if (!fs.existsSync(nb)) throw new SiteError(`${nb}: no such notebook`);
  const names = opts.notebooks.map((nb) => path.basename(nb, ".ipynb"));
  if (new Set(names).size !== names.length) throw new SiteError("two notebooks have the same file name");
  log(`executing ${opts.notebooks.length} notebook(s) afresh (executed copies: ${path.relative(ROOT, opts.execDir) || opts.execDir})`);
  await executeAll(opts.notebooks, opts.execDir, log);
  const executeSeconds = (Date.now() - t0) / 1000;

  log(`writing ${path.relative(ROOT, opts.out) || opts.out}/`);
  // Markdown files beside the notebooks (the glossary) become pages after the notebooks.
  const folders = [...new Set(opts.notebooks.map((nb) => path.dirname(nb)))];
  const markdown = folders.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".md")).sort().map((f) => path.join(d, f)));
  const pageSet = new Set([...names, ...markdown.map((f) => path.basename(f, ".md"))]);
  const pages = names.map((name) => {
    const file = path.join(opts.execDir, `${name}.ipynb`);
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
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
  pages.forEach((p, i) => {
    fs.writeFileSync(path.join(opts.out, `${p.name}.html`), pageHtml(pages, i));
    log(`  ${p.name}.html  "${p.title}"  ${p.plots} plot(s)`);
  });
  fs.writeFileSync(path.join(opts.out, "index.html"), indexHtml(pages));
  const seconds = (Date.now() - t0) / 1000;
  log(`site ready: ${path.join(opts.out, "index.html")}  (${pages.length} pages, ${pages.reduce((s, p) => s + p.plots, 0)} plots, ${seconds.toFixed(1)} s)`);
  return { pages, seconds, executeSeconds };
}

export function parseArgs(argv: string[]): SiteOptions {
  let out = path.join(ROOT, "site");
  const notebooks: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") {
      if (!argv[i + 1]) throw new SiteError("--out needs a folder");
      out = path.resolve(argv[++i]);
    } else if (argv[i].startsWith("-")) {
      throw new SiteError(`unknown option ${argv[i]} (usage: build-site [--out DIR] [notebook.ipynb ...])`);
    } else {
      notebooks.push(path.resolve(argv[i]));
    }
  }
  const execDir = path.join(ROOT, ".tmp", "site-exec", path.basename(out));
  return { out, notebooks: notebooks.length ? notebooks : listNotebooks(), execDir };
}

if (require.main === module) {
  (async () => {
    const opts = parseArgs(process.argv.slice(2));
    await buildSite(opts);
  })().then(() => process.exit(0), (e) => {
    console.error(e instanceof SiteError ? `build:site: ${e.message}` : e);
    process.exit(1);
  });
}
