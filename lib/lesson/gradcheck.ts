/**
 * Notebooks 03, 05–06: numerical gradient check: nudge one weight by ±eps and watch the loss,
 *   ∂L/∂w ≈ (L(w + eps) − L(w − eps)) / (2 eps)   (central difference),
 * then compare with the back-propagated gradient. Like deep-learning-from-scratch's
 * ch05/gradient_check.py, the result is reported per layer.
 */
import { Matrix, Vector, cloneMatrices, requireNetworkInput } from "./matrix";
import { forward } from "./forward";
import { gradients } from "./backward";
import { halfSumSquaredError } from "./loss";
import { progressLoop } from "./progress";

/**
 * The slope of f at w by the central difference (f(w + h) − f(w − h)) / 2h, f(w + h) measured first: the one
 * numerical derivative of the library (numericalGradient here, descent.ts's slope of notebook 04).
 */
export function centralDifference(f: (w: number) => number, w: number, h: number): number {
  return (f(w + h) - f(w - h)) / (2 * h);
}

/** A loss of the network's output, e.g. `halfSumSquaredError` or `sumSquaredError`. */
export type LossFn = (y: Vector, o: Vector) => number;

export function numericalGradient(
  weights: readonly Matrix[], x: Vector, y: Vector, loss: LossFn = halfSumSquaredError, eps = 1e-6,
): Matrix[] {
  requireNetworkInput(weights, x, y);
  const Ws = cloneMatrices(weights);
  const progress = progressLoop("numericalGradient() 가중치", Ws.reduce((n, W) => n + W.length * (W[0]?.length ?? 0), 0));
  let done = 0;
  const grads = Ws.map((W) => W.map((row) => row.map((_, i) => {
    const keep = row[i];
    const slope = centralDifference((w) => {
      row[i] = w;
      return loss(y, forward(Ws, x).output);
    }, keep, eps);
    row[i] = keep;
    progress.tick(++done);
    return slope;
  })));
  progress.end();
  return grads;
}

export interface GradientCheckResult {
  /** Back-propagated gradient of ½Σ(y−o)² (what the lesson's deltas give). */
  backprop: Matrix[];
  /** Central-difference gradient of the chosen loss. */
  numerical: Matrix[];
  /** Per layer: the largest |backprop − numerical|. */
  maxAbsDiffPerLayer: number[];
  /** Per layer: the largest relative difference |b − n| / max(|b| + |n|, 1e-12). */
  maxRelDiffPerLayer: number[];
}

/**
 * Compare back-propagation with central differences.
 * `loss` chooses which loss the numerical side differentiates: with `halfSumSquaredError`
 * (the default) they agree; with `sumSquaredError` (what the lesson prints) the numerical
 * gradient is exactly twice the back-propagated one.
 */
export function gradientCheck(
  weights: readonly Matrix[], x: Vector, y: Vector, loss: LossFn = halfSumSquaredError, eps = 1e-6,
): GradientCheckResult {
  const backprop = gradients(weights, x, y);
  const numerical = numericalGradient(weights, x, y, loss, eps);
  const maxAbsDiffPerLayer: number[] = [];
  const maxRelDiffPerLayer: number[] = [];
  backprop.forEach((G, l) => {
    let abs = 0;
    let rel = 0;
    G.forEach((row, k) => row.forEach((b, i) => {
      const n = numerical[l][k][i];
      const d = Math.abs(b - n);
      abs = Math.max(abs, d);
      rel = Math.max(rel, d / Math.max(Math.abs(b) + Math.abs(n), 1e-12));
    }));
    maxAbsDiffPerLayer.push(abs);
    maxRelDiffPerLayer.push(rel);
  });
  return { backprop, numerical, maxAbsDiffPerLayer, maxRelDiffPerLayer };
}
