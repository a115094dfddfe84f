/**
 * Every notebook: the names by which a page finds the library's plot outputs (display/plot.ts writes
 * them; the site builder and the page runner read them). No imports, so a page bundle can use it alone.
 */

/** The attribute that marks the output carrying plotly.js (the site builder replaces it by one <script src>). */
export const PLOTLY_MARKER = "data-nn-lesson-plotly";
/** The class of every plot's <div>. */
export const PLOT_CLASS = "nn-lesson-plot";
/** The event fired on `window` once plotly.js has run. */
export const PLOTLY_READY_EVENT = "nn-lesson-plotly-ready";
/** The class of plotSetup()'s status line (JupyterLab's sanitizer keeps classes, not ids). */
export const PLOTLY_STATUS_CLASS = "nn-lesson-plotly-status";
/** The class of the fallback text inside a plot's box (and of plotSetup()'s status line before its script runs). */
export const PLOT_FALLBACK_CLASS = "nn-lesson-plot-fallback";
/** The global that plotly.js's script also sets: the function that fits a figure to its box (display/figures/fit.ts). */
export const PLOT_FIT_GLOBAL = "nnLessonFitFigure";
