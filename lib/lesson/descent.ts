/**
 * Notebooks 03–04: the loss as ONE weight moves (every other weight fixed), and gradient descent
 * on that one weight. Plain arrays and the lesson's own functions (forward, sumSquaredError,
 * gradients); the fast twin of the two-weight surface is fast/surface.ts.
 */
import { Matrix, Vector, WeightIndex, cloneMatrices, requireNetworkInput, requireWeightIndex } from "./matrix";
import { requireFinite, requirePositive, requireVector, requireWhole } from "./errors";

/** The most steps descendOneWeight takes, and the most points of one curve (each is a forward pass). */
export const MAX_CURVE_POINTS = 100_000;
import { forward } from "./forward";
import { sumSquaredError } from "./loss";
import { gradients } from "./backward";

export interface Curve {
  w: number[];
  /** Σ (y − o)² at each w. */
  loss: number[];
}

/** The printed loss Σ (y − o)² as one weight moves over `values`. */
export function lossAlongWeight(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, values: number[]): Curve {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "lossAlongWeight");
  requireVector(values, "values");
  requireWhole(values.length, "values의 개수", 1, MAX_CURVE_POINTS);
  const W = cloneMatrices(weights);
  const loss = values.map((v) => {
    W[p.layer][p.row][p.col] = v;
    return sumSquaredError(y, forward(W, x).output);
  });
  return { w: values.slice(), loss };
}

/**
 * The loss and its slope ∂L/∂w at one value of one weight. L = Σ (y − o)² is what the lesson
 * prints, so its slope is twice the back-propagated ∂E/∂w (E = ½ Σ (y − o)², see loss.ts).
 */
export function lossAndSlope(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, value: number): { loss: number; slope: number } {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "lossAndSlope");
  requireFinite(value, "w");
  const W = cloneMatrices(weights);
  W[p.layer][p.row][p.col] = value;
  const loss = sumSquaredError(y, forward(W, x).output);
  const slope = 2 * gradients(W, x, y)[p.layer][p.row][p.col];
  return { loss, slope };
}

export interface DescentPath {
  /** w₀, w₁, …: the weight before each step and after the last one. */
  w: number[];
  /** L(wᵢ). */
  loss: number[];
  /** ∂L/∂w at wᵢ. */
  slope: number[];
  learningRate: number;
}

/**
 * Gradient descent on ONE weight of the network (the others fixed): w ← w − α ∂L/∂w,
 * with L = Σ (y − o)² exactly as printed, so the tangent drawn at each point touches the curve.
 */
export function descendOneWeight(
  weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, start: number, learningRate: number, steps: number,
): DescentPath {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "descendOneWeight");
  requireFinite(start, "start");
  requirePositive(learningRate, "learningRate");
  requireWhole(steps, "steps", 0, MAX_CURVE_POINTS);
  const path: DescentPath = { w: [], loss: [], slope: [], learningRate };
  let value = start;
  for (let s = 0; s <= steps; s++) {
    const { loss, slope } = lossAndSlope(weights, x, y, p, value);
    path.w.push(value);
    path.loss.push(loss);
    path.slope.push(slope);
    value -= learningRate * slope;
    if (!Number.isFinite(value)) break; // α · slope overflowed: the path ends at its last finite point
  }
  return path;
}
