import { Matrix, Vector, dot, outer, transpose } from "./matrix";
import { SIGMOID } from "./activation";
import { ForwardResult, forward } from "./forward";
import { halfSumSquaredErrorGradient } from "./loss";

/**
 * Steps 4-5 of the lesson: back-propagation.
 *
 * delta[l] is "the error derivative with respect to the total input A of layer l"
 * (∂E/∂A for E = ½ Σ (y − o)², see loss.ts):
 *   output layer:  delta3 = (Z3 − Y) · Z3 · (1 − Z3)
 *   hidden layer:  delta2 = (W3ᵀ · delta3) · Z2 · (1 − Z2),  delta1 = (W2ᵀ · delta2) · Z1 · (1 − Z1)
 * and the gradient of weight W[l][k][i] is delta[l][k] times the i-th input of that layer:
 *   ∂E/∂W3 = outer(delta3, Z2), ∂E/∂W2 = outer(delta2, Z1), ∂E/∂W1 = outer(delta1, X).
 */

/** The output layer's delta: `(Z3 - Y) * Z3 * (1 - Z3)`. */
export function outputDelta(output: Vector, y: Vector): Vector {
  const dEdo = halfSumSquaredErrorGradient(y, output);
  return output.map((o, k) => dEdo[k] * SIGMOID.derFromOutput(o));
}

/** A hidden layer's delta: `np.dot(W_next.T, delta_next) * Z * (1 - Z)`. */
export function hiddenDelta(Wnext: Matrix, deltaNext: Vector, Z: Vector): Vector {
  const back = dot(transpose(Wnext), deltaNext);
  return Z.map((z, j) => back[j] * SIGMOID.derFromOutput(z));
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
  const fwd = forward(weights, x);
  const d = deltas(weights, fwd, y);
  return d.map((dl, l) => outer(dl, l === 0 ? x : fwd.Z[l - 1]));
}

/** `W -= learning_rate * np.outer(delta, input)` for every layer, in place. */
export function updateWeights(weights: Matrix[], grads: readonly Matrix[], learningRate: number): void {
  weights.forEach((W, l) => W.forEach((row, k) => {
    for (let i = 0; i < row.length; i++) row[i] -= learningRate * grads[l][k][i];
  }));
}
