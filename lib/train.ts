import { Matrix, Vector } from "./matrix";
import { Network, WeightIndex } from "./network";

/** Step 6 of the lesson: repeat forward pass, loss, back-propagation and update. */
export interface TrainOptions {
  /** Initial weights; they are copied, never changed. */
  weights: readonly Matrix[];
  x: Vector;
  y: Vector;
  /** α in w ← w − α ∂E/∂w. The lesson uses 0.1. */
  learningRate?: number;
  /** The lesson repeats 1000 times. */
  iterations?: number;
  /** Weights whose value is recorded before every update (for paths on a loss surface). */
  track?: readonly WeightIndex[];
  /** Called every `progressEvery` iterations with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export interface TrainResult {
  /** Output of the first forward pass (before any update). */
  first: Vector;
  /** Output of the last forward pass, before the last update: what the lesson prints at the end. */
  last: Vector;
  /** Σ (y − o)² of every iteration, as the lesson computes it. */
  loss: Float64Array;
  /** Weights after the last update. */
  weights: Matrix[];
  /** Wall time of the training loop alone, in seconds. */
  trainSeconds: number;
  /** For each tracked weight: its value before iteration 0, 1, …, and after the last update (length iterations + 1). */
  path: Float64Array[];
}

export const LESSON_LEARNING_RATE = 0.1;
export const LESSON_ITERATIONS = 1000;

export function train(opts: TrainOptions): TrainResult {
  const lr = opts.learningRate ?? LESSON_LEARNING_RATE;
  const net = new Network(opts.weights, opts.x, opts.y);
  return trainingLoop(net, opts.iterations ?? LESSON_ITERATIONS, (n) => n.update(lr), opts);
}

/**
 * The loop itself, shared by `train()` (the lesson's update) and `trainWithOptimizer()` (optim.ts):
 * forward pass with the loss recorded, back-propagation, then `update(net)` changes the weights.
 */
export function trainingLoop(
  net: Network, n: number, update: (net: Network) => void,
  opts: Pick<TrainOptions, "track" | "onProgress" | "progressEvery"> = {},
): TrainResult {
  const track = opts.track ?? [];
  const every = opts.progressEvery ?? Math.max(1, Math.floor(n / 100));
  const loss = new Float64Array(n);
  const path = track.map(() => new Float64Array(n + 1));
  let first: Vector = [];
  let last: Vector = [];

  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < track.length; t++) path[t][i] = net.getWeight(track[t]);
    loss[i] = net.forward();
    if (i === 0) first = Array.from(net.output);
    net.backward();
    update(net);
    if (opts.onProgress && (i + 1) % every === 0) opts.onProgress(i + 1, n);
  }
  const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  for (let t = 0; t < track.length; t++) path[t][n] = net.getWeight(track[t]);
  // update() does not touch Z, so the output layer still holds the last forward pass.
  if (n > 0) last = Array.from(net.output);
  return { first, last, loss, weights: net.weights(), trainSeconds, path };
}
