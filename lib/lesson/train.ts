/**
 * Notebooks 00, 07 (and 03, 08, 11): the lesson's whole program, its step 5. Every iteration is
 * forward pass → loss → deltas → update, line for line the lesson's numpy loop, on plain arrays.
 *
 * fast/train.ts is the twin of this loop on typed arrays (the train command, surfaces, optimisers,
 * bench use it). The two multiply and add the same numbers in the same order, and the tests require
 * them to give bit-identical losses and weights.
 */
import { Matrix, Vector, WeightIndex, cloneMatrices, layerSizes, outer, requireNetworkInput, requireWeightIndex } from "./matrix";
import { forward } from "./forward";
import { sumSquaredError } from "./loss";
import { deltas, updateWeights } from "./backward";
import { requirePositive, requireWhole } from "./errors";
import { REASONS, Reason } from "./messages";
import { progressLoop } from "./progress";

/** `learning_rate = 0.1` in the lesson. */
export const LESSON_LEARNING_RATE = 0.1;
/** `for i in range(1000)` in the lesson. */
export const LESSON_ITERATIONS = 1000;
/** The most iterations one run of the fast twins may ask for: the loss history keeps one number per iteration. */
export const MAX_ITERATIONS = 10_000_000;
/**
 * The most iterations one run of the readable train() may ask for: it takes about 1.5–2 s for 10⁶
 * iterations of the lesson's network on one core (10⁷ would take about 20 s), so more is refused
 * with this limit named rather than left running.
 */
export const MAX_TRAIN_ITERATIONS = 1_000_000;

export interface TrainOptions {
  /** Initial weights [W1, W2, …]; they are copied, never changed. */
  weights: readonly Matrix[];
  /** The input X. */
  x: Vector;
  /** The target Y. */
  y: Vector;
  /** α in w ← w − α ∂E/∂w. The lesson uses 0.1. */
  learningRate?: number;
  /** How many times to repeat. The lesson repeats 1000 times. */
  iterations?: number;
  /** Weights whose value is recorded before every update (for paths on a loss surface). */
  track?: readonly WeightIndex[];
}

export interface TrainResult<Series extends ArrayLike<number> = number[]> {
  /** Output of the first forward pass (before any update): the lesson's first `print(Z3)`. */
  first: Vector;
  /** Output of the last forward pass, before the last update: the lesson's last `print(Z3)`. */
  last: Vector;
  /** Σ (y − o)² of every iteration, as the lesson computes `loss`. */
  loss: Series;
  /** Weights after the last update. */
  weights: Matrix[];
  /** Wall time of the loop alone, in seconds. */
  trainSeconds: number;
  /** For each tracked weight: its value before iteration 0, 1, …, and after the last update (iterations + 1 values). */
  path: Series[];
}

/** The settings of a run, checked: one line naming the problem (in Korean first) for anything out of range. */
export function trainSettings(
  opts: TrainOptions, maxIterations = MAX_ITERATIONS, why?: Reason,
): { learningRate: number; iterations: number; sizes: number[] } {
  const learningRate = requirePositive(opts.learningRate ?? LESSON_LEARNING_RATE, "learningRate");
  const iterations = requireWhole(opts.iterations ?? LESSON_ITERATIONS, "iterations", 1, maxIterations, why);
  const sizes = layerSizes(opts.weights);
  requireNetworkInput(opts.weights, opts.x, opts.y);
  for (const p of opts.track ?? []) requireWeightIndex(opts.weights, p, "track");
  return { learningRate, iterations, sizes };
}

/** The lesson's training loop. */
export function train(opts: TrainOptions): TrainResult {
  const { learningRate, iterations } =
    trainSettings(opts, MAX_TRAIN_ITERATIONS, REASONS["readable-train-slow"]());
  const X = opts.x, Y = opts.y;
  const W = cloneMatrices(opts.weights); // [W1, W2, W3]
  const track = opts.track ?? [];
  const path: number[][] = track.map(() => []);
  const losses: number[] = [];
  let first: Vector = [];
  let last: Vector = [];

  const progress = progressLoop("train() 반복", iterations);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    track.forEach((p, t) => path[t].push(W[p.layer][p.row][p.col]));

    // forward pass: A1 = np.dot(W1, X), Z1 = 1 / (1 + np.exp(-A1)), … Z3
    const fwd = forward(W, X);
    const Z3 = fwd.output;
    if (i === 0) first = Z3;
    last = Z3;

    // loss: loss = np.sum((Y - Z3) ** 2)
    losses.push(sumSquaredError(Y, Z3));

    // back-propagation: delta3 = (Z3 - Y) * Z3 * (1 - Z3), delta2 = np.dot(W3.T, delta3) * Z2 * (1 - Z2), delta1
    const delta = deltas(W, fwd, Y);

    // weight update: W3 -= learning_rate * np.outer(delta3, Z2), then W2 (with Z1) and W1 (with X)
    const grads = delta.map((d, l) => outer(d, l === 0 ? X : fwd.Z[l - 1]));
    updateWeights(W, grads, learningRate);
    progress.tick(i + 1);
  }
  progress.end();
  const trainSeconds = (performance.now() - t0) / 1000;

  track.forEach((p, t) => path[t].push(W[p.layer][p.row][p.col]));
  return { first, last, loss: losses, weights: W, trainSeconds, path };
}
