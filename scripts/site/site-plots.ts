/**
 * The site's plots are drawn when they come near the viewport, not all at load, and plotly.js (4.8 MB,
 * about a second of main-thread work) is loaded only when the first plot comes near or 2 s after the
 * page has loaded, when nobody is typing and no cell runs, so that a page opens and its editors work
 * at once. The plots' scripts (their figures) live in assets/plots/<page>.js, loaded with plotly.js,
 * so the page's HTML stays small. Site only: the site builder rewrites each plot output of the library (lib/display/plot.ts:
 * a <div class="nn-lesson-plot"> with its height, then an inline <script> that draws it) so that its
 * script is inert (`type="${PLOT_SCRIPT_TYPE}"`) and its box shows a loading line instead of the
 * Jupyter fallback; `lazyPlots` (inlined into the page) runs each such script, unchanged, when its
 * box is near the viewport and plotly.js has loaded. In Jupyter the library's outputs are untouched.
 */
import { PLOT_CLASS, PLOT_FALLBACK_CLASS, PLOTLY_READY_EVENT } from "nn-lesson/dist/internal";

/** The type that keeps a plot's script from running until lazyPlots runs it. */
export const PLOT_SCRIPT_TYPE = "text/x-nn-lesson-plot";
/** The class of the line a plot's box shows until it is drawn. */
export const PLOT_LOADING_CLASS = "nn-lesson-plot-loading";
const LOADING_TEXT = "그림을 불러오는 중… / loading the plot…";
const FAILED_TEXT = "plotly.js(그림 라이브러리)를 불러오지 못했습니다 / could not load plotly.js";

export class PlotRewriteError extends Error {}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One plot output of figureHtml (lib/display/plot.ts): the box with its fallback, then the script that
 * names the box's id. Anything else is left as it is.
 */
const PLOT_OUTPUT = new RegExp(
  `(<div id="([^"]+)" class="${escapeRegExp(PLOT_CLASS)}" style="[^"]*">)` +
    `<div class="${escapeRegExp(PLOT_FALLBACK_CLASS)}"[^>]*>[^<]*<br><span[^>]*>[^<]*</span></div>` +
    `(</div>\\s*)<script>(\\s*\\(function \\(\\) \\{\\s*var id = "\\2"[\\s\\S]*?)</script>`,
  "g",
);

/**
 * An HTML output of the library with every plot made lazy (see above): each plot's script moves, as
 * it is, into `scripts` (box id → script text; the builder writes them to the page's plot file) and
 * an empty inert script naming it stays after the box. Throws PlotRewriteError if a plot box is not in
 * the shape figureHtml writes (so a change of the library cannot silently leave plots that draw at
 * load, or never).
 */
export function lazyPlotHtml(html: string, scripts: Map<string, string>): string {
  let rewritten = 0;
  const out = html.replace(PLOT_OUTPUT, (_m, open: string, id: string, close: string, code: string) => {
    rewritten++;
    scripts.set(id, code);
    return `${open}<div class="${PLOT_LOADING_CLASS}">${LOADING_TEXT}</div>${close}<script type="${PLOT_SCRIPT_TYPE}" data-plot="${id}"></script>`;
  });
  const boxes = (html.match(new RegExp(`class="${escapeRegExp(PLOT_CLASS)}"`, "g")) ?? []).length;
  if (rewritten !== boxes) {
    throw new PlotRewriteError(`${boxes} plot box(es) but ${rewritten} in the shape of figureHtml (lib/display/plot.ts changed?)`);
  }
  return out;
}

/** The global the page's plot file fills: box id → the plot's script text. */
export const PLOT_SCRIPTS_GLOBAL = "__nnLessonPlotScripts";

/** A page's plot file (assets/plots/<page>.js): the scripts of its plots, as text. */
export function plotScriptsFile(scripts: Map<string, string>): string {
  const entries = Array.from(scripts, ([id, code]) => `${JSON.stringify(id)}: ${JSON.stringify(code)}`);
  return `Object.assign(window.${PLOT_SCRIPTS_GLOBAL} = window.${PLOT_SCRIPTS_GLOBAL} || {}, {\n${entries.join(",\n")}\n});\n`;
}

export interface LazyPlotOptions {
  /** plotly.js, and the page's plot file (see plotScriptsFile), relative to the page */
  src: string; plots: string;
  plotClass: string; scriptType: string; scriptsGlobal: string; readyEvent: string; loadingClass: string; failedText: string;
  /** How far outside the viewport a plot starts drawing (an IntersectionObserver rootMargin). */
  margin: string;
  /** plotly.js starts loading only after this long without a keystroke or click (ms): typing is not frozen. */
  quietMs: number;
  /** ... and not while an element matches this (a cell running: the kernel is starting or working). */
  busy: string;
  /**
   * This long after `load`, plotly.js loads even if no plot is near yet (when quiet, as above): its
   * second of work then falls while the reader reads, not when they scroll to the first plot.
   */
  prefetchMs: number;
}

/**
 * Runs in the page (inlined with Function.prototype.toString, so: no imports, no helpers). Watches
 * every inert plot script (also those put back later, e.g. by the runner's restore()); when the first
 * box comes near the viewport, or 2 s after `load`, and nobody is typing and no cell runs, loads
 * plotly.js and the page's plot file, then runs the scripts of the boxes near the viewport one task
 * at a time, in page order.
 */
export function lazyPlots(o: LazyPlotOptions): void {
  const w = window as unknown as Record<string, unknown>;
  const near = new Set<Element>();
  let state: "no" | "loading" | "yes" = "no";
  let lastInput = -1e9;
  let draining = false;
  let waiting = false;
  const noteInput = () => { lastInput = performance.now(); };
  addEventListener("keydown", noteInput, true);
  addEventListener("pointerdown", noteInput, true);

  function failed(): void {
    state = "no";
    near.forEach((d) => { const l = d.querySelector("." + o.loadingClass); if (l) l.textContent = o.failedText; });
  }

  /** Loads a script once (the page runner may have started loading plotly.js already). */
  function load(src: string, ok: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      if (ok()) return resolve();
      // the same file, not just the same name: assets/plots/<page>.js is not assets/runner/compiled/<page>.js
      const url = new URL(src, location.href).href;
      let s = Array.from(document.scripts).find((e) => e.src === url);
      if (!s) {
        s = document.createElement("script");
        s.src = src;
        s.async = true;
        document.head.appendChild(s);
      }
      s.addEventListener("load", () => (ok() ? resolve() : reject()));
      s.addEventListener("error", () => reject());
    });
  }

  function start(): void {
    if (state !== "no") return;
    state = "loading";
    const hadPlotly = !!w.Plotly;
    Promise.all([load(o.src, () => !!w.Plotly), load(o.plots, () => !!w[o.scriptsGlobal])]).then(() => {
      if (!hadPlotly) dispatchEvent(new Event(o.readyEvent));
      state = "yes";
      drain();
    }, failed);
  }

  /** Start loading once the page is idle, nobody has typed or clicked for a moment and no cell runs. */
  function whenQuiet(): void {
    if (waiting || state !== "no") return;
    waiting = true;
    const ric = (w.requestIdleCallback as ((f: () => void, o: object) => void) | undefined) ?? ((g: () => void) => setTimeout(g, 1));
    const check = () => {
      const wait = lastInput + o.quietMs - performance.now();
      if (wait > 0) { setTimeout(() => ric(check, { timeout: 2000 }), wait); return; }
      if (document.querySelector(o.busy)) { setTimeout(() => ric(check, { timeout: 2000 }), 200); return; }
      waiting = false;
      start();
    };
    ric(check, { timeout: 2000 });
  }

  function drain(): void {
    if (draining || state !== "yes") return;
    draining = true;
    const step = () => {
      const boxes = Array.from(near).filter((b) => b.isConnected);
      near.clear();
      boxes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      const box = boxes.shift();
      boxes.forEach((b) => near.add(b));
      if (!box) { draining = false; return; }
      const inert = box.nextElementSibling;
      if (inert && inert.tagName === "SCRIPT" && (inert as HTMLScriptElement).type === o.scriptType) {
        const code = (inert as HTMLElement).dataset.plot ? (w[o.scriptsGlobal] as Record<string, string>)[(inert as HTMLElement).dataset.plot!] : inert.textContent;
        if (code === undefined) {
          const l = box.querySelector("." + o.loadingClass);
          if (l) l.textContent = o.failedText;
        } else {
          // the library's own script, unchanged: it finds its box by id and draws with Plotly.newPlot
          const s = document.createElement("script");
          s.textContent = code;
          inert.replaceWith(s);
        }
      }
      setTimeout(step, 0);
    };
    step();
  }

  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      io.unobserve(e.target);
      near.add(e.target);
    }
    if (near.size === 0) return;
    if (state === "yes") drain();
    else whenQuiet();
  }, { rootMargin: o.margin });

  function watch(root: Element | Document): void {
    const sel = `script[type="${o.scriptType}"]`;
    const scripts = Array.from(root.querySelectorAll(sel));
    if (root instanceof Element && root.matches(sel)) scripts.push(root);
    for (const s of scripts) {
      const box = s.previousElementSibling;
      if (box && box.classList.contains(o.plotClass)) io.observe(box);
    }
  }

  const begin = () => {
    watch(document);
    const prefetch = () => setTimeout(() => { if (document.querySelector(`script[type="${o.scriptType}"]`)) whenQuiet(); }, o.prefetchMs);
    if (document.readyState === "complete") prefetch();
    else addEventListener("load", prefetch);
    new MutationObserver((records) => {
      for (const r of records) r.addedNodes.forEach((n) => { if (n.nodeType === 1) watch(n as Element); });
    }).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
  else begin();
}

/** The inline script of a page with plots. */
export function lazyPlotsScript(src: string, plots: string): string {
  const opts: LazyPlotOptions = {
    src, plots, plotClass: PLOT_CLASS, scriptType: PLOT_SCRIPT_TYPE, scriptsGlobal: PLOT_SCRIPTS_GLOBAL, readyEvent: PLOTLY_READY_EVENT,
    loadingClass: PLOT_LOADING_CLASS, failedText: FAILED_TEXT, margin: "50% 0px", quietMs: 600, busy: ".cell.code.running", prefetchMs: 2000,
  };
  return `(${lazyPlots.toString()})(${JSON.stringify(opts).replace(/</g, "\\u003c")});`;
}
