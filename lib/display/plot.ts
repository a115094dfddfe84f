/**
 * Notebooks 00–11: showing plotly figures inline in a tslab notebook, offline.
 *
 * How it works (and why it renders in classic Notebook, JupyterLab, VS Code and exported HTML):
 * - plotly.js comes from the installed `plotly.js-dist-min` (read as text: it cannot run in Node).
 *   `plotSetup()` sends it ONCE as one HTML output: a <script data-nn-lesson-plotly> that sets
 *   `window.Plotly` and fires the event "nn-lesson-plotly-ready". The 4.8 MB library is never
 *   repeated in plot outputs; `showFigure` sends it itself only if nothing sent it yet in this
 *   kernel process (so a notebook that forgot plotSetup still works).
 * - Each plot output is small: a <div> and a <script> holding the figure as JSON. The script waits
 *   until its div is in the page and `window.Plotly` exists (event + short polling: outputs may be
 *   rendered in any order or before they are attached), then calls `Plotly.newPlot`, with the figure
 *   fitted to the div's width by fitFigure (figures/fit.ts: wrapped titles, stacked subplots, no
 *   overlapping point labels on a phone), which travels with plotly.js (plotFitScript), and again
 *   (`Plotly.react`) when the width changes.
 * - Every output uses the single MIME type text/html. Notebook front ends run scripts in HTML
 *   outputs of trusted notebooks; all outputs of one notebook share one page (or one VS Code
 *   webview), so one copy of the library serves every plot.
 * - The figure JSON is escaped so that no text in it (a title with `</script>`, quotes, U+2028,
 *   Korean) can end the script or break the JavaScript.
 * - Where a front end does not run the scripts of an output (JupyterLab and Notebook 7 with a reopened,
 *   untrusted notebook: its HTML sanitizer drops every <script>), each output still says why and what
 *   to do: the plot's box holds a short fallback (Korean, then English) that its script removes right
 *   before drawing, and plotSetup()'s status line is written by the library's script itself, so it
 *   only claims "loaded" when plotly.js really ran. The fallback uses only tags, attributes and inline
 *   styles that JupyterLab's sanitizer keeps (checked with the real one in test-browser/jupyterlab.test.ts).
 */
import type * as Plotly from "plotly.js";
import { InputError } from "../lesson/errors";
import { plotlyLibrary } from "../node/plotly-file";
import { escapeHtml, kernelDisplay } from "./output";
import type { Figure } from "./figures/layout";
import { fitFigure } from "./figures/fit";

export type { Figure };

import { PLOTLY_MARKER, PLOTLY_READY_EVENT, PLOTLY_STATUS_CLASS, PLOT_CLASS, PLOT_FALLBACK_CLASS, PLOT_FIT_GLOBAL } from "./markers";

export { PLOTLY_MARKER, PLOTLY_READY_EVENT, PLOTLY_STATUS_CLASS, PLOT_CLASS, PLOT_FALLBACK_CLASS, PLOT_FIT_GLOBAL };

const WHY_KO = "Jupyter가 저장된 출력의 스크립트를 실행하지 않았습니다. JupyterLab: Run → Run All Cells 또는 명령 팔레트의 Trust Notebook";
const WHY_EN = "Jupyter did not run the script saved in this output; in JupyterLab: Run → Run All Cells, or Trust Notebook in the command palette";
/** What a plot's box says until its script draws it (Korean line, English line). */
export const PLOT_FALLBACK = {
  ko: `그림을 그리려면 노트북을 처음부터 다시 실행하세요 (${WHY_KO})`,
  en: `To draw this plot, run the notebook again from the top (${WHY_EN}).`,
} as const;
/** What plotSetup()'s output says until its script has run plotly.js. */
export const PLOTLY_FALLBACK = {
  ko: `plotly.js(그림 라이브러리)가 아직 실행되지 않았습니다: 노트북을 처음부터 다시 실행하세요 (${WHY_KO})`,
  en: `plotly.js (the plotting library) has not run: run the notebook again from the top (${WHY_EN}).`,
} as const;

/** A fallback box: two lines of text, styled only with what JupyterLab's sanitizer keeps. */
function fallbackHtml(text: { ko: string; en: string }, fill: boolean): string {
  const box = fill
    ? "box-sizing:border-box;height:100%;padding:12px 16px;border:1px dashed #b0b0b0;border-radius:4px;background-color:#fafafa;"
    : "";
  return (
    `<div class="${PLOT_FALLBACK_CLASS}" style="${box}color:#555;font-size:14px;line-height:1.5">` +
    `${escapeHtml(text.ko)}<br><span style="font-size:12px;color:#777">${escapeHtml(text.en)}</span></div>`
  );
}

const DEFAULT_HEIGHT = 420;

/** Where HTML outputs go: the tslab display by default; tests swap it with setPlotOutput. */
export type HtmlOutput = (html: string) => void;

let output: HtmlOutput | undefined;
let librarySent = false;

function kernelOutput(html: string): void {
  const notInCell = new InputError("plot-not-in-cell");
  const display = kernelDisplay();
  if (!display) throw notInCell;
  try {
    display.html(html);
  } catch {
    throw notInCell;
  }
}

/**
 * Replace where plot outputs go (for tests and scripts); returns the previous one. `undefined`
 * restores the tslab display. Also forgets whether the library was sent.
 */
export function setPlotOutput(sink: HtmlOutput | undefined): HtmlOutput | undefined {
  const prev = output;
  output = sink;
  librarySent = false;
  return prev;
}

function emit(html: string): void {
  (output ?? kernelOutput)(html);
}

/**
 * The script that goes wherever plotly.js goes (plotSetup()'s output here, the site's assets/plotly.min.js):
 * it sets window[PLOT_FIT_GLOBAL] to fitFigure (figures/fit.ts), which every plot's script calls to fit
 * its figure to its box. One copy per page, not one per plot.
 */
export function plotFitScript(): string {
  return `window.${PLOT_FIT_GLOBAL} = ${fitFigure.toString()};`;
}

/**
 * The HTML output that loads plotly.js into the page: a status line, then one <script> marked with
 * PLOTLY_MARKER. `module`, `exports` and `define` are hidden from the bundle so that it always sets
 * window.Plotly (classic Notebook has require.js on the page; some hosts define `module`). The status
 * line shows PLOTLY_FALLBACK until the script has run; then the script writes what happened.
 */
export function plotlyLibraryHtml(): string {
  const { version, code } = plotlyLibrary();
  const id = newId("nnplotly");
  const loaded = `plotly.js ${version} 불러옴 (오프라인, plotly.js-dist-min) / plotly.js ${version} loaded (offline, from plotly.js-dist-min)`;
  const failed = "plotly.js를 실행하지 못했습니다 (브라우저 콘솔을 보세요) / plotly.js did not run (see the browser console)";
  // the status element may not be in the page yet when the script runs (classic Notebook evaluates
  // output scripts while attaching them): look for it a while
  const mark = `(function mark(n) {
  var el = document.getElementById(${JSON.stringify(id)});
  if (!el) { if (n < 600) setTimeout(function () { mark(n + 1); }, 50); return; }
  el.textContent = window.Plotly ? ${JSON.stringify(loaded)} : ${JSON.stringify(failed)};
})(0);`;
  return (
    `<div id="${id}" class="${PLOTLY_STATUS_CLASS}" style="font-size:smaller;color:#888">${fallbackHtml(PLOTLY_FALLBACK, false)}</div>\n` +
    `<script ${PLOTLY_MARKER}="${version}">\n` +
    `(function (module, exports, define) {\n${code}\n}).call(window);\n` +
    `${plotFitScript()}\n` +
    `window.dispatchEvent(new Event(${JSON.stringify(PLOTLY_READY_EVENT)}));\n` +
    `${mark}\n` +
    `</script>`
  );
}

/** First code cell of every notebook that plots: sends plotly.js to the page (once per run of the cell). */
export function plotSetup(): void {
  emit(plotlyLibraryHtml());
  librarySent = true;
}

/** Shows a figure inline in a tslab cell; sends plotly.js first if nothing sent it yet in this kernel. */
export function showFigure(fig: Figure): void {
  const html = figureHtml(fig);
  if (!librarySent) plotSetup();
  emit(html);
}

/**
 * JSON that is safe inside an inline <script>: `<`, `>`, `&`, U+2028 and U+2029 become \u escapes
 * (still the same JSON value), so no string in the figure can close the script or break the code.
 */
export function scriptSafeJson(value: unknown): string {
  const json = JSON.stringify(value, (_key, v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v));
  if (json === undefined) throw new Error("scriptSafeJson: the value cannot be written as JSON");
  return json.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function checkFigure(fig: unknown): asserts fig is Figure {
  if (typeof fig !== "object" || fig === null || Array.isArray(fig)) {
    throw new InputError("plot-not-object");
  }
  const f = fig as Record<string, unknown>;
  if (!Array.isArray(f.data)) throw new InputError("plot-data");
  if (f.data.some((t) => typeof t !== "object" || t === null)) throw new InputError("plot-trace");
  if (f.frames !== undefined && !Array.isArray(f.frames)) throw new InputError("plot-frames");
}

/** Distinguishes the plots of two kernel runs that are shown on one page. */
const RUN_ID = Math.random().toString(36).slice(2, 8);
let counter = 0;
function newId(prefix = "nnplot"): string {
  counter += 1;
  return `${prefix}-${RUN_ID}-${Date.now().toString(36)}-${counter}`;
}

/**
 * The HTML of one plot output: a div and a script that waits for window.Plotly, then draws.
 * Pure apart from the fresh element id; does not include plotly.js.
 */
export function figureHtml(fig: Figure): string {
  checkFigure(fig);
  const layout: Partial<Plotly.Layout> = { autosize: true, ...(fig.layout ?? {}) };
  const height = typeof layout.height === "number" && layout.height > 0 ? layout.height : DEFAULT_HEIGHT;
  layout.height = height;
  const config: Partial<Plotly.Config> = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const payload: Figure = { data: fig.data, layout, config };
  if (fig.frames && fig.frames.length > 0) payload.frames = fig.frames;
  const id = newId();
  const script = `(function () {
  var id = "${id}", fig = ${scriptSafeJson(payload)};
  var started = Date.now(), done = false;
  function attempt() {
    if (done) return true;
    var el = document.getElementById(id);
    if (!el || !window.Plotly || !el.isConnected) {
      if (Date.now() - started > 30000) {
        done = true;
        if (el) el.textContent = "plotly.js가 페이지에 없습니다: 노트북 첫 셀의 plotSetup()을 다시 실행하세요 / plotly.js is not loaded: run plotSetup() again";
        return true;
      }
      return false;
    }
    done = true;
    // Plotly.newPlot keeps the div's children: remove the fallback first
    el.textContent = "";
    function failed(e) { el.textContent = "그림을 그리지 못했습니다 / could not draw the plot: " + (e && e.message); }
    try {
      var drawing = window.Plotly.newPlot(el, fitted(el));
      if (drawing && typeof drawing.then === "function") drawing.then(null, failed);
      if (window.${PLOT_FIT_GLOBAL}) window.addEventListener("resize", refit);
    } catch (e) {
      failed(e);
    }
    return true;
  }
  // the figure fitted to the box's width (lib/display/figures/fit.ts, sent with plotly.js), and again when that width changes
  var width = 0, resizing;
  function fitted(el) {
    var fit = window.${PLOT_FIT_GLOBAL};
    if (!fit) return fig;
    width = el.clientWidth || 0;
    var f = fit(fig, width);
    if (el.style && f.layout && f.layout.height) el.style.height = f.layout.height + "px";
    return f;
  }
  function refit() {
    var el = document.getElementById(id);
    if (!el || !el.isConnected) { window.removeEventListener("resize", refit); return; }
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      if (Math.abs(el.clientWidth - width) > 20) window.Plotly.react(el, fitted(el));
    }, 150);
  }
  if (attempt()) return;
  window.addEventListener(${JSON.stringify(PLOTLY_READY_EVENT)}, attempt);
  var timer = setInterval(function () { if (attempt()) clearInterval(timer); }, 50);
})();`;
  return (
    `<div id="${id}" class="${PLOT_CLASS}" style="width:100%;height:${height}px">${fallbackHtml(PLOT_FALLBACK, true)}</div>\n` +
    `<script>\n${script}\n</script>`
  );
}
