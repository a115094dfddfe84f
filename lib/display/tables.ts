/**
 * Notebooks 01–07: showing the lesson's numbers, with mathjs where it teaches:
 *  - small HTML tables for vectors and matrices, with row and column labels
 *    ("은닉층1 노드 k" × "입력 노드 i"), so a learner sees what W[k][i] means;
 *  - an `np.dot`-like display: W · x = result, computed by mathjs, with every row's sum written out;
 *  - the sigmoid's derivative derived symbolically (`math.derivative`, `math.simplify`) and
 *    compared with o(1 − o) numerically.
 * The *Html / *Markdown functions are pure (tested); show* functions only display their result.
 * mathjs (about 0.8 s to load) is loaded on first use, so importing the library stays fast.
 */
import type * as MathJs from "mathjs";
import { Matrix, Vector } from "../lesson/matrix";
import { InputError } from "../lesson/errors";
import { sigmoid } from "../lesson/activation";
import { displayHtml, displayMarkdown, escapeHtml } from "./output";

let mathCache: typeof MathJs | undefined;
/** mathjs, loaded on first use. */
function mathjs(): typeof MathJs {
  return (mathCache ??= require("mathjs") as typeof MathJs);
}

// ---------- tables ----------

export interface TableOptions {
  /** Caption above the table, e.g. "W1 (2×3)". */
  title?: string;
  /** Row label: a string gets the index appended ("은닉층1 노드" → "은닉층1 노드 0"), or a function of the index. */
  rowLabel?: string | ((k: number) => string);
  /** Column label, the same way ("입력 노드" → "입력 노드 0"). For a vector, the header of its one column. */
  colLabel?: string | ((i: number) => string);
  /** Significant digits shown (default 6). */
  digits?: number;
}

function label(l: string | ((k: number) => string) | undefined, k: number, fallback: string): string {
  if (typeof l === "function") return l(k);
  return `${l ?? fallback} ${k}`;
}

/** A number with `digits` significant digits, without trailing zeros. */
export function formatNumber(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (ax < 1e-4 || ax >= 1e6) return x.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, "e");
  return String(Number(x.toPrecision(digits)));
}

const TABLE_STYLE = "border-collapse:collapse;font-family:monospace;margin:0.3em 0.6em 0.3em 0";
const CELL = "border:1px solid #bbb;padding:2px 8px;text-align:right";
const HEAD = "border:1px solid #bbb;padding:2px 8px;background:#f2f2f2;font-family:sans-serif;font-weight:normal";

/**
 * A vector (one row per entry, like numpy's column vectors in `np.dot(W, x)`) or a matrix,
 * as an HTML table with labelled rows and columns.
 */
export function tableHtml(value: Vector | Matrix | ArrayLike<number>, opts: TableOptions = {}): string {
  const digits = opts.digits ?? 6;
  const rows: number[][] = [];
  let isMatrix = false;
  for (let k = 0; k < value.length; k++) {
    const r = (value as ArrayLike<unknown>)[k];
    if (typeof r === "number") rows.push([r]);
    else if (r && typeof (r as ArrayLike<number>).length === "number" && Array.from(r as ArrayLike<unknown>).every((v) => typeof v === "number")) {
      rows.push(Array.from(r as ArrayLike<number>));
      isMatrix = true;
    } else throw new InputError("table-entry", { k });
  }
  const cols = rows.length ? rows[0].length : 0;
  const caption = opts.title ? `<caption style="caption-side:top;text-align:left;font-family:sans-serif">${escapeHtml(opts.title)}</caption>` : "";
  const header = isMatrix
    ? `<tr><th style="${HEAD}"></th>${Array.from({ length: cols }, (_, i) => `<th style="${HEAD}">${escapeHtml(label(opts.colLabel, i, "열"))}</th>`).join("")}</tr>`
    : `<tr><th style="${HEAD}"></th><th style="${HEAD}">${escapeHtml(typeof opts.colLabel === "string" ? opts.colLabel : "값")}</th></tr>`;
  const body = rows.map((r, k) =>
    `<tr><th style="${HEAD}">${escapeHtml(label(opts.rowLabel, k, "행"))}</th>${r.map((v) => `<td style="${CELL}">${formatNumber(v, digits)}</td>`).join("")}</tr>`,
  ).join("");
  return `<table style="${TABLE_STYLE}">${caption}${header}${body}</table>`;
}

/** Several tables side by side (e.g. W1, W2, W3). */
export function tablesRowHtml(tables: string[]): string {
  return `<div style="display:flex;flex-wrap:wrap;align-items:flex-start;gap:0.5em">${tables.join("")}</div>`;
}

/** Display a vector or matrix as a labelled table. */
export function showTable(value: Vector | Matrix | ArrayLike<number>, opts: TableOptions = {}): void {
  displayHtml(tableHtml(value, opts), `${opts.title ?? ""}\n${JSON.stringify(Array.from(value as ArrayLike<unknown>))}`);
}

/** Display several labelled tables side by side. */
export function showTables(items: { value: Vector | Matrix; opts?: TableOptions }[]): void {
  displayHtml(tablesRowHtml(items.map((t) => tableHtml(t.value, t.opts))),
    items.map((t) => `${t.opts?.title ?? ""} ${JSON.stringify(t.value)}`).join("\n"));
}

// ---------- np.dot with mathjs ----------

/** `np.dot(W, x)` computed by mathjs (`math.multiply`): one clear error line when the shapes do not fit. */
export function mathDot(W: Matrix, x: Vector): Vector {
  const cols = W.length ? W[0].length : 0;
  if (cols !== x.length) {
    throw new InputError("math-dot-columns", { cols, xLength: x.length, WLength: W.length });
  }
  return mathjs().multiply(W, x) as Vector;
}

export interface DotOptions {
  /** Names used in the display, e.g. "W1", "X", "A1". */
  wName?: string;
  xName?: string;
  resultName?: string;
  /** Labels of W's rows (the next layer's nodes) and of x's entries (the previous layer's nodes). */
  rowLabel?: string;
  colLabel?: string;
  digits?: number;
}

/**
 * `A = np.dot(W, x)` shown as tables W · x = A, plus one line per row writing the sum out:
 * A[k] = W[k][0]·x[0] + W[k][1]·x[1] + … . The result comes from mathjs.
 */
export function dotHtml(W: Matrix, x: Vector, opts: DotOptions = {}): string {
  const wName = opts.wName ?? "W", xName = opts.xName ?? "x", rName = opts.resultName ?? "결과";
  const digits = opts.digits ?? 6;
  const r = mathDot(W, x);
  const op = (s: string) => `<div style="align-self:center;font-size:1.4em;padding:0 0.3em">${s}</div>`;
  const tables = tablesRowHtml([
    tableHtml(W, { title: `${wName} (${W.length}×${x.length})`, rowLabel: opts.rowLabel ?? "행", colLabel: opts.colLabel ?? "열", digits }),
    op("·"),
    tableHtml(x, { title: xName, rowLabel: opts.colLabel ?? "열", digits }),
    op("="),
    tableHtml(r, { title: rName, rowLabel: opts.rowLabel ?? "행", digits }),
  ]);
  const sums = W.map((row, k) =>
    `${escapeHtml(rName)}[${k}] = ${row.map((w, i) => `${formatNumber(w, digits)}×${formatNumber(x[i], digits)}`).join(" + ")} = ${formatNumber(r[k], digits)}`,
  );
  return `${tables}<pre style="margin:0.2em 0">${sums.join("\n")}</pre>`;
}

/** Display `np.dot(W, x)` as tables and written-out sums; returns the result vector. */
export function showDot(W: Matrix, x: Vector, opts: DotOptions = {}): Vector {
  const r = mathDot(W, x);
  displayHtml(dotHtml(W, x, opts), `${opts.resultName ?? "결과"} = ${JSON.stringify(r)}`);
  return r;
}

// ---------- the sigmoid's derivative, symbolically ----------

/** The lesson's activation `1 / (1 + np.exp(-A))` as a mathjs expression in a. */
export const SIGMOID_EXPRESSION = "1 / (1 + exp(-a))";

export interface SigmoidDerivation {
  /** σ(a) as text and LaTeX. */
  expression: string;
  expressionTex: string;
  /** dσ/da from `math.derivative`, simplified, as text and LaTeX. */
  derivative: string;
  derivativeTex: string;
  /** `math.simplify(dσ/da − σ(a)(1 − σ(a)))`: "0" proves the two are the same function. */
  differenceFromOutputForm: string;
}

/** Differentiate the sigmoid with mathjs and check symbolically that the result is σ(1 − σ). */
export function sigmoidDerivation(): SigmoidDerivation {
  const math = mathjs();
  const expr = math.parse(SIGMOID_EXPRESSION);
  const d = math.simplify(math.derivative(expr, "a"));
  const s = `(${SIGMOID_EXPRESSION})`;
  const diff = math.simplify(`(${d.toString()}) - ${s} * (1 - ${s})`);
  return {
    expression: expr.toString(),
    expressionTex: expr.toTex(),
    derivative: d.toString(),
    derivativeTex: d.toTex(),
    differenceFromOutputForm: diff.toString(),
  };
}

export interface SigmoidDerivativeRow {
  a: number;
  /** o = σ(a). */
  o: number;
  /** mathjs's symbolic derivative evaluated at a. */
  symbolic: number;
  /** o (1 − o), the form the lesson's code uses (`Z3 * (1 - Z3)`). */
  fromOutput: number;
  /** |symbolic − fromOutput|. */
  diff: number;
}

/** Evaluate the symbolic derivative and o(1 − o) at each a. */
export function sigmoidDerivativeRows(points: number[]): SigmoidDerivativeRow[] {
  const math = mathjs();
  const d = math.derivative(math.parse(SIGMOID_EXPRESSION), "a").compile();
  return points.map((a) => {
    const o = sigmoid(a);
    const symbolic = d.evaluate({ a }) as number;
    const fromOutput = o * (1 - o);
    return { a, o, symbolic, fromOutput, diff: Math.abs(symbolic - fromOutput) };
  });
}

/** Markdown (with LaTeX) for the derivation plus a table of the numeric comparison. */
export function sigmoidDerivativeMarkdown(points: number[] = [-4, -2, 0, 2, 4]): string {
  const d = sigmoidDerivation();
  const rows = sigmoidDerivativeRows(points);
  const table = [
    "| a | o = σ(a) | mathjs 도함수 | o(1 − o) | 차이 |",
    "|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.a} | ${formatNumber(r.o)} | ${formatNumber(r.symbolic, 10)} | ${formatNumber(r.fromOutput, 10)} | ${r.diff === 0 ? "0" : r.diff.toExponential(1)} |`),
  ].join("\n");
  return [
    `mathjs가 미분한 결과 (\`math.derivative\` → \`math.simplify\`):`,
    ``,
    `$$\\sigma(a) = ${d.expressionTex} \\qquad \\frac{d\\sigma}{da} = ${d.derivativeTex}$$`,
    ``,
    `\`math.simplify(도함수 − σ(a)(1 − σ(a)))\` = **${d.differenceFromOutputForm}** → 두 식은 같은 함수입니다.`,
    ``,
    table,
  ].join("\n");
}

/** Display the derivation and the numeric table; returns the rows. */
export function showSigmoidDerivative(points: number[] = [-4, -2, 0, 2, 4]): SigmoidDerivativeRow[] {
  displayMarkdown(sigmoidDerivativeMarkdown(points));
  return sigmoidDerivativeRows(points);
}
