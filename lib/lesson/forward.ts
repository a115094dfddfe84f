/**
 * Notebook 02 (and 03–07): the forward pass, layer by layer, the lesson's step 3.
 * The lesson's names are kept: A is a layer's linear combination `np.dot(W, previous)`,
 * Z is its activation `1 / (1 + np.exp(-A))`. (Many books use the two letters the other way round.)
 */
import { Matrix, Vector, dot, requireNetworkInput } from "./matrix";
import { InputError } from "./errors";
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
  if (weights.length > 0 && weights[0].length > 0 && weights[0][0].length !== x.length) requireNetworkInput(weights, x);
  const A: Vector[] = [];
  const Z: Vector[] = [];
  let input = x;
  for (const [l, W] of weights.entries()) {
    if (W.length === 0 || W.some((row) => row.length !== input.length)) throw badLayer(W, l, input.length);
    const a = dot(W, input);
    const z = a.map(sigmoid);
    A.push(a);
    Z.push(z);
    input = z;
  }
  return { A, Z, output: Z[Z.length - 1] ?? x };
}

/** The InputError for weight matrix W{l+1} that does not fit the `n` values coming into it. */
function badLayer(W: Matrix, l: number, n: number): InputError {
  return new InputError("forward-layer-columns", { l, n, rowLengths: W.map((row) => row.length) });
}
