/**
 * Notebooks 05–07: back-propagation, written as the lesson's numpy lines are.
 *
 * delta[l] is "the error derivative with respect to the total input A of layer l"
 * (∂E/∂A for E = ½ Σ (y − o)², see loss.ts):
 *   output layer:  delta3 = (Z3 − Y) · Z3 · (1 − Z3)
 *   hidden layer:  delta2 = (W3ᵀ · delta3) · Z2 · (1 − Z2),  delta1 = (W2ᵀ · delta2) · Z1 · (1 − Z1)
 * and the gradient of weight W[l][k][i] is delta[l][k] times the i-th input of that layer:
 *   ∂E/∂W3 = outer(delta3, Z2), ∂E/∂W2 = outer(delta2, Z1), ∂E/∂W1 = outer(delta1, X).
 */
import { Matrix, Vector, dot, outer, requireNetworkInput, transpose } from "./matrix";
import { ForwardResult, forward } from "./forward";
import { InputError } from "./errors";

/**
 * The output layer's delta: `delta3 = (Z3 - Y) * Z3 * (1 - Z3)`, multiplied in that order.
 * (o − y) is ∂E/∂o (loss.ts), o(1 − o) the sigmoid's derivative (activation.ts).
 */
export function outputDelta(output: Vector, y: Vector): Vector {
  if (output.length !== y.length) {
    throw new InputError("output-delta-length", { outputLength: output.length, yLength: y.length });
  }
  return output.map((o, k) => (o - y[k]) * o * (1 - o));
}

/** A hidden layer's delta: `delta2 = np.dot(W3.T, delta3) * Z2 * (1 - Z2)`, multiplied in that order. */
export function hiddenDelta(Wnext: Matrix, deltaNext: Vector, Z: Vector): Vector {
  const back = dot(transpose(Wnext), deltaNext);
  return Z.map((z, j) => back[j] * z * (1 - z));
}

/** All deltas, first layer first: [delta1, delta2, delta3] for the lesson's network. */
export function deltas(weights: readonly Matrix[], fwd: ForwardResult, y: Vector): Vector[] {
  const L = weights.length;
  const d: Vector[] = new Array(L);
  d[L - 1] = outputDelta(fwd.output, y);
  for (let l = L - 2; l >= 0; l--) d[l] = hiddenDelta(weights[l + 1], d[l + 1], fwd.Z[l]);
  return d;
}

/** ∂E/∂W for every weight (E = ½ Σ (y − o)²), same shapes as `weights`. */
export function gradients(weights: readonly Matrix[], x: Vector, y: Vector): Matrix[] {
  requireNetworkInput(weights, x, y);
  const fwd = forward(weights, x);
  const d = deltas(weights, fwd, y);
  return d.map((dl, l) => outer(dl, l === 0 ? x : fwd.Z[l - 1]));
}

/** `W -= learning_rate * np.outer(delta, input)` for every layer, in place, last layer first as the lesson does. */
export function updateWeights(weights: Matrix[], grads: readonly Matrix[], learningRate: number): void {
  for (let l = weights.length - 1; l >= 0; l--) {
    weights[l].forEach((row, k) => {
      for (let i = 0; i < row.length; i++) row[i] -= learningRate * grads[l][k][i];
    });
  }
}
