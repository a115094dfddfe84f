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
 *   rendered in any order or before they are attached), then calls `Plotly.newPlot`.
 * - Every output uses the single MIME type text/html. Notebook front ends run scripts in HTML
 *   outputs of trusted notebooks; all outputs of one notebook share one page (or one VS Code
 *   webview), so one copy of the library serves every plot.
 * - The figure JSON is escaped so that no text in it (a title with `</script>`, quotes, U+2028,
 *   Korean) can end the script or break the JavaScript.
 */
import type * as Plotly from "plotly.js";
import { InputError } from "../lesson/errors";
import { plotlyLibrary } from "../node/plotly-file";
import { kernelDisplay } from "./output";
import type { Figure } from "./figures/layout";

export type { Figure };

import { PLOTLY_MARKER, PLOTLY_READY_EVENT, PLOT_CLASS } from "./markers";

export { PLOTLY_MARKER, PLOTLY_READY_EVENT, PLOT_CLASS };

const DEFAULT_HEIGHT = 420;

/** Where HTML outputs go: the tslab display by default; tests swap it with setPlotOutput. */
export type HtmlOutput = (html: string) => void;

let output: HtmlOutput | undefined;
let librarySent = false;

function kernelOutput(html: string): void {
  const notInCell = new InputError(
    "showFigure/plotSetup: 노트북 셀 안에서 실행되지 않아 그림을 보여 줄 곳이 없습니다 (HTML은 figureHtml(fig)로 얻을 수 있습니다) / " +
      "not running inside a notebook cell, so there is nowhere to display the plot (use figureHtml(fig) to get the HTML instead)",
  );
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
 * The HTML output that loads plotly.js into the page: one <script> marked with PLOTLY_MARKER.
 * `module`, `exports` and `define` are hidden from the bundle so that it always sets window.Plotly
 * (classic Notebook has require.js on the page; some hosts define `module`).
 */
export function plotlyLibraryHtml(): string {
  const { version, code } = plotlyLibrary();
  return (
    `<script ${PLOTLY_MARKER}="${version}">\n` +
    `(function (module, exports, define) {\n${code}\n}).call(window);\n` +
    `window.dispatchEvent(new Event(${JSON.stringify(PLOTLY_READY_EVENT)}));\n` +
    `</script>\n` +
    `<div style="font-size:smaller;color:#888">plotly.js ${version} loaded (offline, from plotly.js-dist-min)</div>`
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
    throw new TypeError("figure: expected an object like { data: [...], layout: {...} }");
  }
  const f = fig as Record<string, unknown>;
  if (!Array.isArray(f.data)) throw new TypeError("figure: `data` must be an array of traces");
  if (f.data.some((t) => typeof t !== "object" || t === null)) throw new TypeError("figure: every trace in `data` must be an object");
  if (f.frames !== undefined && !Array.isArray(f.frames)) throw new TypeError("figure: `frames` must be an array");
}

/** Distinguishes the plots of two kernel runs that are shown on one page. */
const RUN_ID = Math.random().toString(36).slice(2, 8);
let counter = 0;
function newId(): string {
  counter += 1;
  return `nnplot-${RUN_ID}-${Date.now().toString(36)}-${counter}`;
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
        if (el) el.textContent = "plotly.js가 페이지에 없습니다: 노트북 첫 셀의 plotSetup()을 다시 실행하세요. (plotly.js is not loaded: run plotSetup() again.)";
        return true;
      }
      return false;
    }
    done = true;
    window.Plotly.newPlot(el, fig);
    return true;
  }
  if (attempt()) return;
  window.addEventListener(${JSON.stringify(PLOTLY_READY_EVENT)}, attempt);
  var timer = setInterval(function () { if (attempt()) clearInterval(timer); }, 50);
})();`;
  return (
    `<div id="${id}" class="${PLOT_CLASS}" style="width:100%;height:${height}px"></div>\n` +
    `<script>\n${script}\n</script>`
  );
}
