/**
 * Notebook 02 (and 03–07): the forward pass, layer by layer, the lesson's step 3.
 * The lesson's names are kept: A is a layer's linear combination `np.dot(W, previous)`,
 * Z is its activation `1 / (1 + np.exp(-A))`. (Many books use the two letters the other way round.)
 */
import { Matrix, Vector, dot } from "./matrix";
import { sigmoid } from "./activation";

export interface ForwardResult {
  /** A[l] = dot(W[l], input of layer l): A1, A2, A3 in the lesson (index 0 here is A1). */
  A: Vector[];
  /** Z[l] = sigmoid(A[l]): Z1, Z2, Z3 in the lesson; the last one is the network's output. */
  Z: Vector[];
  /** The network's output, the same array as the last Z. */
  output: Vector;
}

export function forward(weights: readonly Matrix[], x: Vector): ForwardResult {
  const A: Vector[] = [];
  const Z: Vector[] = [];
  let input = x;
  for (const W of weights) {
    const a = dot(W, input);
    const z = a.map(sigmoid);
    A.push(a);
    Z.push(z);
    input = z;
  }
  return { A, Z, output: Z[Z.length - 1] ?? x };
}
