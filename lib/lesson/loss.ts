/**
 * Notebooks 03, 05–07: THE ONE PLACE where this project says which loss is which.
 *
 * - The lesson PRINTS  `loss = np.sum((Y - Z3) ** 2)`, i.e.  L = Σ_k (y_k − o_k)².
 *   We call that `sumSquaredError` and report it everywhere a "loss" is printed or plotted.
 * - The lesson's delta formula `delta3 = (Z3 − Y) · Z3 · (1 − Z3)` is the gradient of HALF of it,
 *   E = ½ Σ_k (y_k − o_k)²,  because ∂E/∂o_k = o_k − y_k  (while ∂L/∂o_k = 2 (o_k − y_k)).
 *   We call that `halfSumSquaredError`; the back-propagated gradients (`gradients` in backward.ts)
 *   are gradients of E. So a gradient step with learning rate α on E is the same as a step with
 *   α/2 on the printed loss L. `test/gradient.test.ts` proves this with central differences.
 * - What textbooks usually call MSE divides by the number of outputs: (1/n) Σ (y − o)².
 */
import { Vector } from "./matrix";
import { InputError } from "./errors";

/** L = Σ (y − o)²: the loss the lesson prints. */
export function sumSquaredError(y: Vector, o: Vector): number {
  checkSameLength(y, o);
  let s = 0;
  for (let k = 0; k < y.length; k++) s += (y[k] - o[k]) ** 2;
  return s;
}

/** E = ½ Σ (y − o)²: the loss whose gradient the lesson's deltas are. */
export function halfSumSquaredError(y: Vector, o: Vector): number {
  return 0.5 * sumSquaredError(y, o);
}

/** Textbook MSE = (1/n) Σ (y − o)². */
export function meanSquaredError(y: Vector, o: Vector): number {
  return sumSquaredError(y, o) / y.length;
}

/** ∂E/∂o_k = o_k − y_k for E = ½ Σ (y − o)²: the `(Z3 - Y)` in the lesson's delta3. */
export function halfSumSquaredErrorGradient(y: Vector, o: Vector): Vector {
  checkSameLength(y, o);
  return o.map((ok, k) => ok - y[k]);
}

function checkSameLength(y: Vector, o: Vector): void {
  if (y.length !== o.length) throw new InputError("loss-lengths", { yLength: y.length, oLength: o.length });
}

export interface LossFormsCurve {
  /** Values of the chosen weight. */
  w: number[];
  /** Σ (y − o)² (what the lesson prints), ½ Σ (y − o)² (what its deltas differentiate), (1/n) Σ (y − o)² (textbook MSE). */
  sum: number[];
  half: number[];
  mean: number[];
}

/** The three loss forms along one weight, from a curve of the printed loss Σ(y − o)² and the number of outputs. */
export function lossForms(curve: { w: number[]; loss: number[] }, outputs: number): LossFormsCurve {
  if (!Number.isInteger(outputs) || outputs < 1) throw new InputError("loss-forms-outputs", { outputs });
  return { w: curve.w.slice(), sum: curve.loss.slice(), half: curve.loss.map((l) => l / 2), mean: curve.loss.map((l) => l / outputs) };
}
