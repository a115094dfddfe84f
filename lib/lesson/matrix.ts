/**
 * Notebooks 01–07: vectors and matrices on plain arrays, stored the way the lesson's numpy code
 * stores them: a weight matrix has one row per node of the NEXT layer and one column per node of
 * the layer it reads from, so `dot(W, x)` gives the next layer's inputs.
 */
import { InputError, describe, requireVector } from "./errors";
import { DotOperand, REASONS } from "./messages";

/** A column of numbers, e.g. the input X = [0.5, 0.3, 0.2]. */
export type Vector = number[];
/** Rows of numbers; `W[k][i]` is the weight from node i of one layer to node k of the next. */
export type Matrix = number[][];

/** `np.dot(W, x)`: matrix times vector, each entry summed from the first column to the last. */
export function dot(W: Matrix, x: Vector): Vector {
  if (kindOf(W) !== "matrix" || kindOf(x) !== "vector") {
    throw new InputError("dot-arguments", { w: operand(W), x: operand(x) });
  }
  return W.map((row) => {
    if (row.length !== x.length) {
      throw new InputError("dot-columns", { rowLength: row.length, xLength: x.length });
    }
    let s = 0;
    for (let i = 0; i < row.length; i++) s += row[i] * x[i];
    return s;
  });
}

/** Whether a value handed to dot() is a matrix (a non-empty array of arrays), a vector, or something else. */
function kindOf(v: unknown): "matrix" | "vector" | "other" {
  if (Array.isArray(v) && v.length > 0 && v.every(Array.isArray)) return "matrix";
  if (ArrayBuffer.isView(v) || (Array.isArray(v) && !v.some(Array.isArray))) return "vector";
  return "other";
}

/** What `v` is, for dot()'s message ("2×3 행렬", "길이 3인 벡터"; built only when dot() refuses). */
function operand(v: unknown): DotOperand {
  const kind = kindOf(v);
  if (kind === "matrix") return { kind, rows: (v as unknown[][]).length, cols: (v as unknown[][])[0].length };
  if (kind === "vector") return { kind, n: (v as ArrayLike<unknown>).length };
  return { kind, text: describe(v) };
}

/** `np.outer(a, b)`: the matrix whose entry [k][i] is a[k] * b[i]. */
export function outer(a: Vector, b: Vector): Matrix {
  return a.map((ak) => b.map((bi) => ak * bi));
}

/** `W.T`: rows become columns. */
export function transpose(W: Matrix): Matrix {
  const cols = W.length === 0 ? 0 : W[0].length;
  const T: Matrix = [];
  for (let i = 0; i < cols; i++) T.push(W.map((row) => row[i]));
  return T;
}

/** [rows, columns] of a matrix, like numpy's `W.shape`. */
export function shape(W: Matrix): [number, number] {
  return [W.length, W.length === 0 ? 0 : W[0].length];
}

/** A deep copy, so training one copy leaves the other untouched. */
export function cloneMatrices(Ws: readonly Matrix[]): Matrix[] {
  return Ws.map((W) => W.map((row) => row.slice()));
}

/** The layer sizes implied by a list of weight matrices: [inputs, hidden..., outputs]. */
export function layerSizes(Ws: readonly Matrix[]): number[] {
  if (Ws.length === 0) return [];
  const first = Ws[0][0];
  return [first === undefined ? 0 : first.length, ...Ws.map((W) => W.length)];
}

/** Largest |a - b| over two lists of matrices of the same shapes. */
export function maxAbsDiff(a: readonly Matrix[], b: readonly Matrix[]): number {
  let m = 0;
  a.forEach((W, l) => W.forEach((row, k) => row.forEach((v, i) => {
    m = Math.max(m, Math.abs(v - b[l][k][i]));
  })));
  return m;
}

/** float32's machine epsilon 2⁻²³ (float64 engines like this one agree with float32 ones to about this, relatively). */
export const FLOAT32_EPSILON = 2 ** -23;

/** Evenly spaced numbers from `from` to `to`, both included (numpy's `np.linspace`). */
export function linspace(from: number, to: number, n: number): number[] {
  if (n < 2) return [from];
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** The index of the largest entry (the first one on a tie), like `np.argmax`. */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
  return best;
}

/**
 * One weight of the network, 0-based: `layer` 0 is W1, `row` is the node it feeds,
 * `col` the node it comes from. The lesson's W3[1][2] is { layer: 2, row: 1, col: 2 }.
 */
export interface WeightIndex {
  layer: number;
  row: number;
  col: number;
}

/** "W3[1][2]" for { layer: 2, row: 1, col: 2 }. */
export function weightName(p: WeightIndex): string {
  return `W${p.layer + 1}[${p.row}][${p.col}]`;
}

export interface WeightChange {
  /** Layer (0 = W1), row (node it feeds), col (node it comes from). */
  p: WeightIndex;
  before: number;
  after: number;
  /** |after − before|. */
  change: number;
}

/** Every weight's change between two lists of matrices of the same shapes, largest change first. */
export function weightChanges(before: readonly Matrix[], after: readonly Matrix[]): WeightChange[] {
  if (before.length !== after.length) throw new InputError("weight-changes-count", {
    beforeLength: before.length, afterLength: after.length,
  });
  const out: WeightChange[] = [];
  before.forEach((W, layer) => W.forEach((r, row) => r.forEach((b, col) => {
    const a = after[layer][row] === undefined ? undefined : after[layer][row][col];
    if (typeof a !== "number") throw new InputError("weight-changes-missing", { layer: layer + 1, row, col });
    out.push({ p: { layer, row, col }, before: b, after: a, change: Math.abs(a - b) });
  })));
  return out.sort((x, y) => y.change - x.change);
}

/** `p` if it names a weight that exists in `weights`, else an InputError saying which index is out of range. */
export function requireWeightIndex(weights: readonly Matrix[], p: WeightIndex, what = "weight"): WeightIndex {
  const ok = (n: unknown, size: number) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < size;
  const sizes = layerSizes(weights);
  const bad = !p || typeof p !== "object" ? "p"
    : !ok(p.layer, weights.length) ? "layer"
    : !ok(p.row, sizes[p.layer + 1]) ? "row"
    : !ok(p.col, sizes[p.layer]) ? "col" : undefined;
  if (bad === undefined) return p;
  const shapes = weights.map((W, l) => `W${l + 1}: ${sizes[l + 1]}×${sizes[l]}`).join(", ");
  throw new InputError("weight-position", {
    what, p: describe(p), bad, lastLayer: weights.length - 1, shapes,
  });
}

/**
 * x (and y, if given) fit the network `weights`: x has one finite number per input node, y one per
 * output node. An InputError names which one does not and what the layers need.
 */
export function requireNetworkInput(weights: readonly Matrix[], x: unknown, y?: unknown): void {
  const sizes = layerSizes(weights);
  if (sizes.length < 2) throw new InputError("weights-none");
  const shapes = weights.map((W, l) => `W${l + 1}: ${sizes[l + 1]}×${sizes[l]}`).join(", ");
  requireVector(x, "x", sizes[0], REASONS["input-nodes"]({ shapes }));
  if (y !== undefined) requireVector(y, "y", sizes[sizes.length - 1], REASONS["output-nodes"]({ last: weights.length, shapes }));
}
