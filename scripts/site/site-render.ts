/**
 * Turning executed notebooks into static HTML pages: prose (markdown-it), formulas (KaTeX rendered at
 * build time, found by @vscode/markdown-it-katex), code and outputs. Pure functions of the notebook
 * JSON, tested in test/plot-site.test.ts.
 */
import markdownItKatex from "@vscode/markdown-it-katex";
import katex from "katex";
import MarkdownIt from "markdown-it";
import { stripVTControlCharacters } from "util";
import { PLOTLY_MARKER } from "nn-lesson/dist/internal";
import { PlotRewriteError, lazyPlotHtml, lazyPlotsScript } from "./site-plots";
import { CELL_TOOLS_HTML, staticCodeHtml } from "./runner/static-code";
import { HIGHLIGHT_CSS, highlightedLines } from "./site-code";

export { plotScriptsFile } from "./site-plots";

export interface NotebookCell {
  cell_type: "markdown" | "code" | "raw";
  source: string | string[];
  execution_count?: number | null;
  outputs?: NotebookOutput[];
}
export interface NotebookOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error";
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}
export interface Notebook { cells: NotebookCell[] }

/** One page of the site. */
export interface Page {
  /** notebooks/02-forward.ipynb → 02-forward */
  name: string;
  title: string;
  /** The first paragraph of prose after the title (for the index). */
  summary: string;
  /** The page's main HTML (cells). */
  body: string;
  /** Number of plot outputs and whether plotly.js is needed. */
  plots: number;
  needsPlotly: boolean;
  errors: number;
  /** The scripts of the page's plots (box id → script), written to assets/plots/<name>.js and run when a plot nears the viewport. */
  plotScripts: Map<string, string>;
  /** For a notebook page: the notebook without outputs, which the page runner edits, runs and saves. */
  notebook?: string;
}

export class SiteError extends Error {}

const join = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join("") : s ?? "");

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// $…$ and $$…$$ are parsed by the plugin (so `_` and `*` inside formulas stay math, and code spans,
// fenced code and \$ stay text); they are rendered by tex() below instead of the plugin's renderer.
md.use(markdownItKatex);
const escapeHtml = md.utils.escapeHtml;

/** KaTeX HTML at build time; a formula KaTeX cannot read stops the build with the place named. */
function tex(source: string, display: boolean, where: string): string {
  const mark = display ? "$$" : "$";
  try {
    const html = katex.renderToString(source, { displayMode: display, throwOnError: true, output: "html", strict: "ignore" });
    return display ? `<div class="math-display">${html}</div>` : html;
  } catch (e) {
    throw new SiteError(`${where}: KaTeX cannot render ${mark}${source.trim().slice(0, 60)}${mark}: ${(e as Error).message.split("\n")[0]}`);
  }
}

interface RenderEnv { where: string }
md.renderer.rules.math_inline = (tokens, i, _options, env: RenderEnv) => tex(tokens[i].content, false, env.where);
md.renderer.rules.math_block = (tokens, i, _options, env: RenderEnv) => tex(tokens[i].content, true, env.where) + "\n";
md.renderer.rules.math_inline_block = md.renderer.rules.math_block;

/** Markdown with $…$ and $$…$$ formulas as HTML; `where` names the place in an error. */
export function renderMarkdown(source: string, where: string): string {
  const env: RenderEnv = { where };
  return md.render(source, env);
}

/**
 * Links to other notebooks or Markdown pages of the site (`02-forward.ipynb`, `./glossary.md#x`)
 * point to their pages.
 */
export function relinkNotebooks(html: string, pages: ReadonlySet<string>): string {
  return html.replace(/href="(?:\.\/)?(?:notebooks\/)?([^"/#?]+)\.(?:ipynb|md)(#[^"]*)?"/g, (m, name, hash) =>
    pages.has(name) ? `href="${name}.html${hash ?? ""}"` : m);
}

/** True if an HTML output is the plotly.js library sent by plotSetup(). */
export function isPlotlyLibraryOutput(html: string): boolean {
  return html.includes(PLOTLY_MARKER + "=");
}

interface PageCounts { plots: number; needsPlotly: boolean; errors: number; plotScripts: Map<string, string> }

function renderOutput(o: NotebookOutput, where: string, page: PageCounts): string {
  switch (o.output_type) {
    case "stream":
      return `<pre class="output stream ${o.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(stripVTControlCharacters(join(o.text)))}</pre>`;
    case "error":
      page.errors += 1;
      return `<pre class="output error">${escapeHtml(stripVTControlCharacters((o.traceback ?? []).join("\n") || `${o.ename}: ${o.evalue}`))}</pre>`;
    default: {
      const d = o.data ?? {};
      if (d["text/html"] !== undefined) {
        const html = join(d["text/html"]);
        if (isPlotlyLibraryOutput(html)) {
          page.needsPlotly = true;
          return "";
        }
        if (html.includes('class="nn-lesson-plot"')) {
          page.plots += (html.match(/class="nn-lesson-plot"/g) ?? []).length;
          page.needsPlotly = true;
          try {
            return `<div class="output html">${lazyPlotHtml(html, page.plotScripts)}</div>`;
          } catch (e) {
            if (e instanceof PlotRewriteError) throw new SiteError(`${where}: ${e.message}`);
            throw e;
          }
        }
        return `<div class="output html">${html}</div>`;
      }
      if (d["image/svg+xml"] !== undefined) return `<div class="output image">${join(d["image/svg+xml"])}</div>`;
      for (const t of ["image/png", "image/jpeg", "image/gif"]) {
        if (d[t] !== undefined) return `<div class="output image"><img alt="" src="data:${t};base64,${join(d[t]).replace(/\s/g, "")}"></div>`;
      }
      if (d["text/markdown"] !== undefined) return `<div class="output markdown">${renderMarkdown(join(d["text/markdown"]), where)}</div>`;
      if (d["text/latex"] !== undefined) {
        const tex = join(d["text/latex"]).trim().replace(/^\$\$?|\$\$?$/g, "");
        try {
          return `<div class="output math-display">${katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: "ignore" })}</div>`;
        } catch (e) {
          throw new SiteError(`${where}: KaTeX cannot render an output: ${(e as Error).message.split("\n")[0]}`);
        }
      }
      if (d["text/plain"] !== undefined) return `<pre class="output text">${escapeHtml(stripVTControlCharacters(join(d["text/plain"])))}</pre>`;
      return "";
    }
  }
}

/** The first "# heading" of the notebook, else the file name. */
export function notebookTitle(nb: Notebook, fallback: string): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(join(cell.source));
    if (m) return m[1];
  }
  return fallback;
}

/** A paragraph that is only navigation (links and separators) or a source line: not a summary. */
function isNavigation(para: string): boolean {
  return para.replace(/\[[^\]]*\]\([^)]*\)/g, "").replace(/[·|\s]/g, "") === "" || /^출처\s*:/.test(para);
}

function summaryOf(nb: Notebook): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    // drop heading lines: "## 이번 단계에서 배울 것" followed by its list is a good summary
    const paras = join(cell.source).split(/\n\s*\n/).map((p) => p.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n").trim());
    const para = paras.find((p) => p && !isNavigation(p));
    if (para) return /^\s*[-*] /m.test(para) ? para : para.replace(/\s+/g, " ");
  }
  return "";
}

/** A Markdown file of notebooks/ (the glossary) as a site page. */
export function renderMarkdownPage(source: string, name: string, pages: ReadonlySet<string>): Page {
  const nb: Notebook = { cells: [{ cell_type: "markdown", source }] } as Notebook;
  const body = `<section class="cell markdown">${relinkNotebooks(renderMarkdown(source, `${name}.md`), pages)}</section>`;
  return { ...renderNotebook(nb, name, pages), body, notebook: undefined };
}

export function renderNotebook(nb: Notebook, name: string, pages: ReadonlySet<string>): Page {
  if (!nb || !Array.isArray(nb.cells)) throw new SiteError(`${name}.ipynb: not a notebook (no cells)`);
  const page: PageCounts = { plots: 0, needsPlotly: false, errors: 0, plotScripts: new Map() };
  const parts: string[] = [];
  let codeIndex = 0;
  nb.cells.forEach((cell, k) => {
    const where = `${name}.ipynb cell ${k}`;
    const src = join(cell.source);
    if (cell.cell_type === "markdown") {
      parts.push(`<section class="cell markdown">${relinkNotebooks(renderMarkdown(src, where), pages)}</section>`);
    } else if (cell.cell_type === "code") {
      const outs = (cell.outputs ?? []).map((o) => renderOutput(o, where, page)).filter(Boolean).join("\n");
      const count = cell.execution_count ?? " ";
      // the page runner's final shape, written here so the page is laid out once: the code as a static copy
      // of the editor (the runner makes the editor on first use) and the ▶ bar (the runner wires it).
      // A \r would not survive HTML parsing inside it: such a cell keeps its <pre> and the runner builds the copy.
      const code = src.includes("\r")
        ? `<pre><code class="language-typescript">${escapeHtml(src)}</code></pre></div>`
        : `<div class="editor">${staticCodeHtml(src, codeIndex, highlightedLines(src))}</div></div>${CELL_TOOLS_HTML}`;
      codeIndex++;
      parts.push(
        `<section class="cell code"><div class="input"><span class="prompt">[${count}]</span>${code}` +
          (outs ? `<div class="outputs">${outs}</div>` : "") + `</section>`,
      );
    }
  });
  let summary = summaryOf(nb);
  try {
    summary = relinkNotebooks(renderMarkdown(summary, `${name}.ipynb summary`).replace(/^<p>|<\/p>\s*$/g, ""), pages);
  } catch {
    summary = escapeHtml(summary);
  }
  const clean = { ...nb, cells: nb.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : c)) };
  return { name, title: notebookTitle(nb, name), summary, body: parts.join("\n"), ...page, notebook: JSON.stringify(clean) };
}

export const SITE_TITLE = "뉴럴 네트워크는 어떻게 배우는가";
const FONT_STACK = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';

export const STYLE = `
:root { --fg: #1d1d1f; --muted: #666; --line: #e3e3e3; --code-bg: #f6f8fa; --accent: #1f6feb; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); font-family: ${FONT_STACK}; line-height: 1.7; font-size: 17px; word-break: keep-all; overflow-wrap: break-word; }
header.site, footer.site { border-bottom: 1px solid var(--line); padding: 0.6rem 1.2rem; font-size: 0.95rem; }
footer.site { border-top: 1px solid var(--line); border-bottom: none; color: var(--muted); }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.2rem 1rem; }
header.site a { color: var(--fg); text-decoration: none; font-weight: 700; }
header.site a.download, .take-home a.download { color: var(--accent); font-weight: 400; }
a.download .size { color: var(--muted); font-size: 0.85em; }
main { max-width: 980px; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
a { color: var(--accent); }
h1 { font-size: 1.9rem; line-height: 1.35; margin: 1.2rem 0 0.8rem; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
pre, code { font-family: "Noto Sans Mono CJK KR", "D2Coding", ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88rem; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
.cell { margin: 1rem 0; }
/* markdown tables (00b's numpy ↔ TypeScript, 03's notation): padded cells; code is not broken mid-expression,
   a table wider than a phone scrolls sideways on its own instead */
.cell.markdown table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
.cell.markdown th, .cell.markdown td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.cell.markdown td code { white-space: nowrap; }
/* sections far from the viewport are not laid out or painted until the reader comes near (a long page is
   usable ~0.2 s sooner); a section once drawn keeps its size (auto), so scrolling back moves nothing.
   Their innerText is empty meanwhile: tests read textContent, or render them (test-browser/site.test.ts) */
main > section.cell { content-visibility: auto; contain-intrinsic-size: auto 320px; }
/* ... but Chromium lays out every section that arrives while the page is being parsed (auto decides only
   afterwards): 06's first layout took ~170 ms, most of it KaTeX far below the fold. So while parsing, the
   sections after the first two are hidden outright, and auto takes over when </main> is reached: ready
   ~0.15 s sooner on 06 (scripts/bench/bench-page.ts). The class is set by script, so without JavaScript nothing hides */
html.parsing main > section.cell:nth-of-type(n+3) { content-visibility: hidden; }
.cell.code .input { display: flex; gap: 0.5rem; }
.cell.code .prompt { color: var(--muted); font-family: monospace; font-size: 0.8rem; padding-top: 0.7rem; min-width: 2.6rem; text-align: right; }
.cell.code pre { margin: 0; flex: 1; background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; overflow-x: auto; line-height: 1.5; }
.outputs { margin: 0.4rem 0 0 3.1rem; }
.cell.code .editor { flex: 1; min-width: 0; background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; font-size: 0.9rem; }
.cell.code.edited .editor { border-color: #d29922; }
.cell.code.running .editor { border-color: var(--accent); }
.cell.code.queued .editor { border-color: var(--accent); border-style: dashed; }
.outputs.stale { opacity: 0.45; }
.stale-note { margin: 0.3rem 0 0 3.1rem; padding: 0.1rem 0.5rem; font-size: 0.85rem; color: #7a4d00; background: #fff8e1; border-left: 3px solid #d29922; }
.cm-static { display: flex; overflow-x: auto; font-family: monospace; line-height: 1.4; cursor: text; }
.cm-static:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.cm-static-gutter { flex: none; position: sticky; left: 0; min-width: 31.7px; padding: 4px 13.7px 4px 0; background: #f5f5f5; color: #6c6c6c; border-right: 1px solid #ddd; text-align: right; }
.cm-static-gutter div { padding-left: 5px; }
.cm-static-code { flex: 1 0 auto; padding: 4px 0; }
.cm-static-line { white-space: pre; min-height: 1.4em; padding: 0 2px 0 6px; }
.cm-static-line:first-child { background-color: #cceeff44; }
.cm-static-gutter div:first-child { background-color: #e2f2ff; }
.cell-tools { margin: 0.25rem 0 0 3.1rem; display: flex; gap: 0.6rem; align-items: center; font-size: 0.85rem; color: var(--muted); }
.cell-tools button, .runner-bar button { font: inherit; font-size: 0.85rem; padding: 0.1rem 0.6rem; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
.cell-tools button { flex: none; white-space: nowrap; }
.run-status { min-width: 0; }
.cell-tools button:hover, .runner-bar button:hover { border-color: var(--accent); }
.runner-bar { position: sticky; top: 0; z-index: 5; height: 2.9rem; background: #fff; border-bottom: 1px solid var(--line); padding: 0.35rem 0; display: flex; flex-wrap: nowrap; gap: 0.4rem; align-items: center; }
.runner-bar button { flex: none; display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; min-height: 2rem; }
.runner-status { flex: 1 1 auto; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 640px) {
  main { padding: 0.5rem 0.8rem 2rem; }
  .runner-bar .label { display: none; }
  .runner-bar button { min-width: 2.4rem; min-height: 2.1rem; justify-content: center; font-size: 0.95rem; padding: 0 0.4rem; }
  .runner-status { font-size: 0.78rem; }
  /* the cell's number stays visible (hints say "셀 [11]부터 다시 실행하세요"): a small line above its code */
  .cell.code .input { flex-direction: column; gap: 0; }
  .cell.code .prompt { padding-top: 0; min-width: 0; text-align: left; font-size: 0.75rem; line-height: 1.3; }
  .outputs, .cell-tools, .stale-note { margin-left: 0; }
}
.output { margin: 0.3rem 0; overflow-x: auto; }
pre.output { background: none; border: none; padding: 0.2rem 0.2rem; white-space: pre-wrap; line-height: 1.45; }
pre.output.stderr { background: #fff5e6; }
pre.output.error { background: #fdecea; color: #8b1a1a; padding: 0.5rem; }
.output.html table { border-collapse: collapse; }
.output.html td, .output.html th { border: 1px solid var(--line); padding: 0.2rem 0.5rem; }
.nn-lesson-plot { max-width: 100%; }
.output .nn-lesson-plot { margin-top: 30px; }
.nn-lesson-plot .modebar-container { top: -30px !important; }
.nn-lesson-plot-loading { box-sizing: border-box; height: 100%; display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: 0.9rem; background: #fafafa; border: 1px dashed var(--line); border-radius: 4px; }
.math-display { overflow-x: auto; overflow-y: hidden; margin: 0.8rem 0; }
nav.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1rem 0; font-size: 0.95rem; }
nav.pager a { text-decoration: none; }
ol.toc { padding-left: 1.4rem; }
ol.toc li { margin: 0.9rem 0; }
ol.toc .summary { color: var(--muted); font-size: 0.95rem; }
blockquote { border-left: 4px solid var(--line); margin-left: 0; padding-left: 1rem; color: #444; }
img { max-width: 100%; }
${HIGHLIGHT_CSS}
`;

/** A notebook's title (Markdown: 07b has `Value` in backticks) as inline HTML for links. */
export function titleHtml(title: string): string {
  return md.renderInline(title);
}

/** The same title as plain text, for the window title. */
export function plainTitle(title: string): string {
  return title.replace(/`([^`]*)`/g, "$1");
}

function pager(prev: Page | undefined, next: Page | undefined): string {
  return `<nav class="pager"><span>${prev ? `<a rel="prev" href="${prev.name}.html">← ${titleHtml(prev.title)}</a>` : `<a href="index.html">← 목차</a>`}</span>` +
    `<span>${next ? `<a rel="next" href="${next.name}.html">${titleHtml(next.title)} →</a>` : `<a href="index.html">목차 →</a>`}</span></nav>`;
}

/** What a notebook page needs for its runner: its name and the notebook (JSON, no outputs). */
interface RunnerPage { name: string; notebook: string }

/** The site path of a page's plot file. */
export const plotFile = (name: string) => `assets/plots/${name}.js`;

/**
 * The page shell. The page runner loads with `defer` (its editors and ▶ work as soon as the page is
 * parsed); with `plots`, the page's plots draw when they come near the viewport (site-plots.ts).
 */
/** The course archive the site offers (course-archive.ts): its file name in the site and its size. */
export interface Download { href: string; bytes: number }

/** "0.4 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The header's link to the course archive. */
function downloadLink(d: Download): string {
  return `<a class="download" href="${escapeHtml(d.href)}" download title="노트북·라이브러리·데이터를 zip 하나로: 풀고 그 폴더에서 npm install, npm start">강의 전체 내려받기 <span class="size">(zip, ${megabytes(d.bytes)})</span></a>`;
}

function shell(title: string, body: string, plots: string | undefined, runner?: RunnerPage, download?: Download): string {
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>document.documentElement.classList.add("parsing")</script>
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/katex/katex.min.css">
<link rel="stylesheet" href="assets/style.css">
${runner ? '<script defer src="assets/runner/page.js"></script>\n' : ""}${plots ? `<script>${lazyPlotsScript("assets/plotly.min.js", plots)}</script>\n` : ""}</head>
<body${runner ? ` data-page="${escapeHtml(runner.name)}"` : ""}>
<header class="site"><a href="index.html">${escapeHtml(SITE_TITLE)}</a>${download ? downloadLink(download) : ""}</header>
<main>
${body}
</main>
<script>document.documentElement.classList.remove("parsing")</script>
${runner ? `<script type="application/json" id="nn-notebook">${runner.notebook.replace(/</g, "\\u003c")}</script>\n` : ""}<footer class="site">TypeScript(tslab) 노트북을 실행한 결과로 만든 정적 사이트입니다. 인터넷 연결 없이 열립니다.</footer>
</body>
</html>
`;
}

export function pageHtml(pages: Page[], i: number, download?: Download): string {
  const p = pages[i];
  const runner = p.notebook ? { name: p.name, notebook: p.notebook } : undefined;
  // the runner's toolbar fills this reserved row (same height): nothing moves when it appears
  const bar = runner && p.body.includes('<section class="cell code">') ? '<div class="runner-bar"></div>\n' : "";
  return shell(`${plainTitle(p.title)} · ${SITE_TITLE}`, `${bar}${pager(pages[i - 1], pages[i + 1])}\n${p.body}\n${pager(pages[i - 1], pages[i + 1])}`, p.plotScripts.size > 0 ? plotFile(p.name) : undefined, runner, download);
}

export function indexHtml(pages: Page[], download?: Download): string {
  const items = pages.map((p) => `<li><a href="${p.name}.html">${titleHtml(p.title)}</a>${p.summary ? `<div class="summary">${p.summary}</div>` : ""}</li>`).join("\n");
  return shell(SITE_TITLE, `<h1>${escapeHtml(SITE_TITLE)}</h1>
<p>수업 자료(lesson.ko.txt)의 3-2-3-2 신경망이 1000번의 반복으로 배우는 과정을 단계별 노트북으로 따라갑니다. 각 페이지는 노트북을 처음부터 다시 실행한 결과이며, 그림은 마우스로 움직여 볼 수 있습니다.</p>
${download ? `<p class="take-home">${downloadLink(download)} — 노트북(출력 없이), 라이브러리 소스, 데이터, 설치에 필요한 파일을 zip 하나로 받습니다.
압축을 푼 폴더에서 <code>npm install</code>, 그다음 <code>npm start</code>를 실행하면 내 컴퓨터의 Jupyter에서 같은 수업이 열립니다(Node.js 20 이상 필요, Jupyter가 없으면 브라우저 실행기로).</p>\n` : ""}<ol class="toc">
${items}
</ol>`, undefined, undefined, download);
}
