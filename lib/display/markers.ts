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

/**
 * The verdicts of check() / checkFunction() / expectDifferent() (display/check.ts writes them with
 * verdictOpenTag; the page runner, the notebook driver scripts/jupyter/run_notebooks.py and the tests read
 * them with VERDICT_PATTERN):
 * `<div class="nn-check" data-verdict="exact|approximate|wrong|shape|same|different">`.
 */
export const VERDICT_CLASS = "nn-check";
export const VERDICT_ATTRIBUTE = "data-verdict";

/** The opening tag of one verdict's block. */
export function verdictOpenTag(verdict: string, style: string): string {
  return `<div class="${VERDICT_CLASS}" ${VERDICT_ATTRIBUTE}="${verdict}" style="${style}">`;
}

/**
 * The source of the regular expression that finds each verdict (group 1) in HTML: a <div> with the
 * class and the attribute, in either order. The same text works in JavaScript and in Python's `re`
 * (the driver gets it from this module through `node`), so there is one definition.
 */
export const VERDICT_PATTERN =
  `<div(?=[^>]*\\sclass="${VERDICT_CLASS}")[^>]*\\s${VERDICT_ATTRIBUTE}="(\\w+)"`;

/** Every verdict in `html`, in order. */
export function verdictsIn(html: string): string[] {
  return [...html.matchAll(new RegExp(VERDICT_PATTERN, "g"))].map((m) => m[1]);
}

/**
 * The answer region of an exercise cell ("스스로 확인하기"): the lines between a line that starts with
 * ANSWER_BEGIN and the next line that starts with ANSWER_END (after indentation) are what the learner
 * writes. The exercise cell has `"nn-lesson": {"exercise": ID}` in its metadata, the markdown cell with
 * the "정답 보기" answer `"nn-lesson": {"answer": ID}`; the answer's k-th ```ts block replaces the k-th
 * region (scripts/jupyter/run_notebooks.py --answers; test/answer-regions.test.ts checks every notebook).
 */
export const ANSWER_BEGIN = "// ▼ 여기에 답을 쓰세요";
export const ANSWER_END = "// ▲ 여기까지";
/** The key of the project's cell metadata. */
export const CELL_METADATA_KEY = "nn-lesson";
/** The class of a line of an answer region (its markers included) in the page's code cells. */
export const ANSWER_LINE_CLASS = "nn-answer-line";

/**
 * For each line of `code` (split at "\n"): whether it belongs to an answer region, its two marker lines
 * included. Lenient, for showing only: an unclosed region runs to the end (the driver is the strict one).
 */
export function answerRegionLines(code: string): boolean[] {
  let inside = false;
  return code.split("\n").map((line) => {
    const text = line.trim();
    if (text.startsWith(ANSWER_BEGIN)) return (inside = true);
    if (text.startsWith(ANSWER_END)) return !(inside = false);
    return inside;
  });
}
