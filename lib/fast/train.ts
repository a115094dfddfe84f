/**
 * The fast twin of lesson/train.ts: the same loop on the typed-array Network, for the train command,
 * the optimisers (notebook 08) and the bench. Same options, same checks, same numbers to the last bit.
 */
import { Vector } from "../lesson/matrix";
import { TrainOptions, TrainResult, trainSettings } from "../lesson/train";
import { progressLoop } from "../lesson/progress";
import { Network } from "./network";

/** The same fields as lesson/train.ts's result; the loss history and paths are Float64Arrays. */
export type FastTrainResult = TrainResult<Float64Array>;

export interface ProgressOptions {
  /** Called every `progressEvery` iterations with the number done so far. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/** `train()` on the fast Network: bit-identical results, no allocation inside the loop. */
export function trainFast(opts: TrainOptions & ProgressOptions): FastTrainResult {
  const { learningRate, iterations } = trainSettings(opts);
  const net = new Network(opts.weights, opts.x, opts.y);
  return trainingLoop(net, iterations, (n) => n.update(learningRate), opts, "trainFast() 반복");
}

/**
 * The loop itself, shared by `trainFast()` (the lesson's update) and `trainWithOptimizer()` (beyond/optim.ts):
 * forward pass with the loss recorded, back-propagation, then `update(net)` changes the weights.
 * `label` names the loop in progress reports (lesson/progress.ts).
 */
export function trainingLoop(
  net: Network, n: number, update: (net: Network) => void,
  opts: Pick<TrainOptions, "track"> & ProgressOptions = {}, label = "trainFast() 반복",
): FastTrainResult {
  const track = opts.track ?? [];
  const every = opts.progressEvery ?? Math.max(1, Math.floor(n / 100));
  const loss = new Float64Array(n);
  const path = track.map(() => new Float64Array(n + 1));
  let first: Vector = [];
  let last: Vector = [];

  const progress = progressLoop(label, n);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < track.length; t++) path[t][i] = net.getWeight(track[t]);
    loss[i] = net.forward();
    if (i === 0) first = Array.from(net.output);
    net.backward();
    update(net);
    if (opts.onProgress && (i + 1) % every === 0) opts.onProgress(i + 1, n);
    progress.tick(i + 1);
  }
  progress.end();
  const trainSeconds = (performance.now() - t0) / 1000;

  for (let t = 0; t < track.length; t++) path[t][n] = net.getWeight(track[t]);
  // update() does not touch Z, so the output layer still holds the last forward pass.
  if (n > 0) last = Array.from(net.output);
  return { first, last, loss, weights: net.weights(), trainSeconds, path };
}
