/**
 * Plain-array vectors and matrices, stored the way the lesson's numpy code stores them:
 * a weight matrix has one row per node of the NEXT layer and one column per node of the
 * layer it reads from, so `dot(W, x)` gives the next layer's inputs.
 */

/** A column of numbers, e.g. the input X = [0.5, 0.3, 0.2]. */
export type Vector = number[];
/** Rows of numbers; `W[k][i]` is the weight from node i of one layer to node k of the next. */
export type Matrix = number[][];

/** `np.dot(W, x)`: matrix times vector. */
export function dot(W: Matrix, x: Vector): Vector {
  return W.map((row) => {
    if (row.length !== x.length) {
      throw new Error(`dot: a row has ${row.length} columns but the vector has ${x.length} entries`);
    }
    let s = 0;
    for (let i = 0; i < row.length; i++) s += row[i] * x[i];
    return s;
  });
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

/** Entry-wise a * b (numpy's `*` on two arrays of the same length). */
export function hadamard(a: Vector, b: Vector): Vector {
  return a.map((v, i) => v * b[i]);
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
  return [Ws[0][0]?.length ?? 0, ...Ws.map((W) => W.length)];
}

/** Largest |a - b| over two lists of matrices of the same shapes. */
export function maxAbsDiff(a: readonly Matrix[], b: readonly Matrix[]): number {
  let m = 0;
  a.forEach((W, l) => W.forEach((row, k) => row.forEach((v, i) => {
    m = Math.max(m, Math.abs(v - b[l][k][i]));
  })));
  return m;
}
