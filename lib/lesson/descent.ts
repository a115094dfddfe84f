/**
 * Notebooks 03–04: the loss as ONE weight moves (every other weight fixed), and gradient descent
 * on that one weight. Plain arrays and the lesson's own functions (forward, the loss forms of
 * loss.ts); the fast twin of the two-weight surface is fast/surface.ts.
 *
 * Notebook 04 descends on E = ½ Σ (y − o)², the loss whose gradient the lesson's code follows
 * (its deltas, see loss.ts), so that a learning rate α here means exactly the lesson's
 * `learning_rate`. The slope is a central difference (E(w + h) − E(w − h)) / 2h, which a learner
 * can write before back-propagation is taught (05–06 compute the same slope exactly;
 * test/twins.test.ts checks that the two agree).
 */
import { Matrix, Vector, WeightIndex, cloneMatrices, requireNetworkInput, requireWeightIndex } from "./matrix";
import { InputError, requireFinite, requirePositive, requireVector, requireWhole } from "./errors";
import { forward } from "./forward";
import { halfSumSquaredError, sumSquaredError } from "./loss";
import { centralDifference } from "./gradcheck";
import { progressLoop } from "./progress";

/** The most steps descendOneWeight takes, and the most points of one curve (each is a forward pass). */
export const MAX_CURVE_POINTS = 100_000;

/** h of the central difference (E(w + h) − E(w − h)) / 2h, the same ε as numericalGradient (gradcheck.ts). */
export const SLOPE_STEP = 1e-6;

/**
 * Which loss a curve or a path measures: "sum" is L = Σ (y − o)², what the lesson prints;
 * "half" is E = ½ Σ (y − o)², what the lesson's deltas differentiate.
 */
export type LossForm = "sum" | "half";

export interface Curve {
  w: number[];
  /** L = Σ (y − o)² or E = ½ Σ (y − o)² at each w, as `form` says. */
  loss: number[];
  /** Which loss `loss` is; "sum" when left out. */
  form?: LossForm;
}

function lossFunction(form: LossForm): (y: Vector, o: Vector) => number {
  if (form === "sum") return sumSquaredError;
  if (form === "half") return halfSumSquaredError;
  throw new InputError(`form은(는) "sum"(Σ(y−o)²) 또는 "half"(½Σ(y−o)²)여야 합니다. 받은 값: ${String(form)} / form must be "sum" or "half"`);
}

/** The loss (L = Σ (y − o)² by default, E = ½ Σ (y − o)² for "half") as one weight moves over `values`. */
export function lossAlongWeight(
  weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, values: number[], form: LossForm = "sum",
): Curve {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "lossAlongWeight");
  requireVector(values, "values");
  requireWhole(values.length, "values의 개수", 1, MAX_CURVE_POINTS);
  const loss = lossFunction(form);
  const W = cloneMatrices(weights);
  const progress = progressLoop("lossAlongWeight() 점", values.length);
  const curve = values.map((v, k) => {
    const l = lossWithWeight(W, x, y, p, v, loss);
    progress.tick(k + 1);
    return l;
  });
  progress.end();
  return { w: values.slice(), loss: curve, form };
}

/** The loss with W's weight p set to `value` (W is changed). */
function lossWithWeight(W: Matrix[], x: Vector, y: Vector, p: WeightIndex, value: number, loss: (y: Vector, o: Vector) => number): number {
  W[p.layer][p.row][p.col] = value;
  return loss(y, forward(W, x).output);
}

/**
 * E = ½ Σ (y − o)² at one value of one weight, and its slope ∂E/∂w by the central difference
 * (E(w + h) − E(w − h)) / 2h with h = SLOPE_STEP, computed in that order, as notebook 04 writes it.
 */
export function lossAndSlope(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, value: number): { loss: number; slope: number } {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "lossAndSlope");
  requireFinite(value, "w");
  return lossAndSlopeOf(cloneMatrices(weights), x, y, p, value);
}

function lossAndSlopeOf(W: Matrix[], x: Vector, y: Vector, p: WeightIndex, value: number): { loss: number; slope: number } {
  const h = SLOPE_STEP;
  const loss = lossWithWeight(W, x, y, p, value, halfSumSquaredError);
  const slope = centralDifference((w) => lossWithWeight(W, x, y, p, w, halfSumSquaredError), value, h);
  return { loss, slope };
}

export interface DescentPath {
  /** w₀, w₁, …: the weight before each step and after the last one. */
  w: number[];
  /** E(wᵢ) = ½ Σ (y − o)². */
  loss: number[];
  /** ∂E/∂w at wᵢ (central difference). */
  slope: number[];
  learningRate: number;
  /** The loss the path descends: always "half" (E), so that α is the lesson's learning_rate. */
  form: LossForm;
}

/**
 * Gradient descent on ONE weight of the network (the others fixed): w ← w − α ∂E/∂w on
 * E = ½ Σ (y − o)², the loss the lesson's `W -= learning_rate * …` descends, with the slope by
 * central difference (lossAndSlope). The tangent drawn at each point touches the curve of E.
 */
export function descendOneWeight(
  weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, start: number, learningRate: number, steps: number,
): DescentPath {
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "descendOneWeight");
  requireFinite(start, "start");
  requirePositive(learningRate, "learningRate");
  requireWhole(steps, "steps", 0, MAX_CURVE_POINTS);
  return descend(cloneMatrices(weights), x, y, p, start, learningRate, steps);
}

/** The path of w ← w − α · ∂E/∂w from `start` (W is changed; no checks: descendOneWeight checks). */
export function descend(W: Matrix[], x: Vector, y: Vector, p: WeightIndex, start: number, learningRate: number, steps: number): DescentPath {
  const path: DescentPath = { w: [], loss: [], slope: [], learningRate, form: "half" };
  let value = start;
  const progress = progressLoop("descendOneWeight() 단계", steps + 1);
  for (let s = 0; s <= steps; s++) {
    const { loss, slope } = lossAndSlopeOf(W, x, y, p, value);
    path.w.push(value);
    path.loss.push(loss);
    path.slope.push(slope);
    value -= learningRate * slope;
    progress.tick(s + 1);
    if (!Number.isFinite(value)) break; // α · slope overflowed: the path ends at its last finite point
  }
  progress.end(path.w.length);
  return path;
}
