/**
 * Notebooks 09–12: training a Classifier (classify.ts): a seeded train/test split, mini-batches in a
 * seeded order, an optimiser (optim.ts), the loss and accuracy per epoch on the training data and on
 * held-out data, snapshots for animations, and early stopping's data.
 */
import { makeRng, Rng } from "../lesson/random";
import { InputError, describe, requireFinite, requireVector, requireWhole } from "../lesson/errors";
import { REASONS } from "../lesson/messages";
import { progressLoop } from "../lesson/progress";
import { Optimizer } from "./optim";
import { Classifier, LabelledData, lossAndAccuracy } from "./classify";

/** 0, 1, …, n − 1 in a seeded random order (Fisher–Yates). */
export function shuffledIndices(n: number, rng: Rng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

export interface SplitOptions {
  /** Share of every class that goes to the test part, in (0, 1). Default 0.2. */
  testFraction?: number;
  /** Seed of the draw: the same seed always gives the same split. */
  seed?: string | number;
}

/**
 * A seeded, stratified split into a training and a test part: from every class, round(testFraction × its
 * count) randomly chosen examples go to the test part, so both parts keep the class proportions. Both parts
 * keep the data's other fields (a Dataset stays a Dataset) and the examples' original order.
 */
export function trainTestSplit<D extends LabelledData>(data: D, opts: SplitOptions = {}): { train: D; test: D } {
  if (!data || !Array.isArray(data.X) || !Array.isArray(data.labels) || data.X.length !== data.labels.length) {
    throw new InputError("split-data");
  }
  const f = requireFinite(opts.testFraction ?? 0.2, "testFraction");
  if (!(f > 0 && f < 1)) throw new InputError("split-fraction", { f });
  const rng = makeRng(opts.seed ?? "split");
  const byClass = new Map<number, number[]>();
  data.labels.forEach((l, n) => { if (!byClass.has(l)) byClass.set(l, []); byClass.get(l)!.push(n); });
  const isTest = new Array<boolean>(data.X.length).fill(false);
  for (const k of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(k)!;
    const order = shuffledIndices(members.length, rng);
    const take = Math.round(f * members.length);
    for (let i = 0; i < take; i++) isTest[members[order[i]]] = true;
  }
  const part = (test: boolean): D => {
    const idx = data.labels.map((_, n) => n).filter((n) => isTest[n] === test);
    return { ...data, X: idx.map((n) => data.X[n]), labels: idx.map((n) => data.labels[n]) };
  };
  const train = part(false), test = part(true);
  if (train.X.length === 0 || test.X.length === 0) {
    throw new InputError("split-empty", { f, emptyTrain: train.X.length === 0, n: data.X.length });
  }
  return { train, test };
}

export interface ClassifierTrainOptions {
  net: Classifier;
  data: LabelledData;
  optimizer: Optimizer;
  epochs: number;
  /** Examples per update; the last batch of an epoch may be smaller. Default 16; data.X.length = full batch. */
  batchSize?: number;
  /** Seed of the shuffling (a fresh order every epoch). */
  seed?: string | number;
  /** Keep a copy of the parameters every this many epochs (and at epoch 0 and the end). 0 = none. */
  snapshotEvery?: number;
  /** Examples never trained on, measured after every epoch (a test or validation set). */
  heldOut?: LabelledData;
  /**
   * Early stopping (needs heldOut): stop once the held-out loss has not reached a new low for this many
   * epochs, and put back the parameters of the epoch with the lowest held-out loss. 0 = train all epochs.
   */
  patience?: number;
  /**
   * What loss[e] and accuracy[e] measure for e ≥ 1: "full" (default) the whole data set after epoch e, one more
   * pass over it every epoch; "batches" the mean over epoch e's mini-batches as they were trained (free, but the
   * weights moved during the epoch). loss[0] and accuracy[0] are always the full data set before training.
   */
  evaluate?: "full" | "batches";
}

export interface Snapshot {
  epoch: number;
  params: Float64Array[];
  loss: number;
  accuracy: number;
}

export interface ClassifierTrainResult {
  /** Mean cross-entropy over the whole data set before training (index 0) and after each epoch. */
  loss: Float64Array;
  /** Accuracy, the same way. */
  accuracy: Float64Array;
  /** Mean cross-entropy and accuracy on opts.heldOut, the same way (empty without heldOut). */
  heldOutLoss: Float64Array;
  heldOutAccuracy: Float64Array;
  /** The epoch with the lowest held-out loss (the first one if several tie); −1 without heldOut. */
  bestEpoch: number;
  /** Epochs actually trained: opts.epochs, or fewer when early stopping stopped the run. */
  epochsRun: number;
  snapshots: Snapshot[];
  /** Number of optimiser updates done. */
  updates: number;
  trainSeconds: number;
}

/** The most epochs one trainClassifier run may ask for (two moons, 2-16-1: about 1 ms per epoch). */
export const MAX_EPOCHS = 5000;

/** `data` has examples that fit `net` (one finite number per input node) and one valid label each. */
export function requireLabelledData(data: LabelledData, net: Classifier, name = "data"): void {
  if (!data || !Array.isArray(data.X) || !Array.isArray(data.labels)) {
    throw new InputError("train-data", { name });
  }
  const N = data.X.length;
  if (N === 0 || data.labels.length !== N) {
    throw new InputError("train-data-labels", { name, N, dataLabelsLength: data.labels.length });
  }
  data.X.forEach((x, n) => requireVector(x, `${name}.X[${n}]`, net.sizes[0], REASONS["network-input"]()));
  data.labels.forEach((l, n) => {
    if (!(Number.isInteger(l) && l >= 0 && l < net.classCount)) {
      throw new InputError("train-data-label", { name, n, lastClass: net.classCount - 1, l: describe(l) });
    }
  });
}

/** Mini-batch training: every epoch shuffles the examples and updates once per batch with the mean gradient. */
export function trainClassifier(opts: ClassifierTrainOptions): ClassifierTrainResult {
  const { net, data, optimizer, epochs } = opts;
  const N = data.X.length;
  requireLabelledData(data, net);
  requireWhole(epochs, "epochs", 0, MAX_EPOCHS, REASONS["epochs-slow"]({ max: MAX_EPOCHS }));
  const batch = requireWhole(opts.batchSize ?? 16, "batchSize", 1);
  const every = requireWhole(opts.snapshotEvery ?? 0, "snapshotEvery", 0);
  const rng = makeRng(opts.seed ?? "shuffle");
  const heldOut = opts.heldOut;
  if (heldOut !== undefined) requireLabelledData(heldOut, net, "heldOut");
  const patience = requireWhole(opts.patience ?? 0, "patience", 0, MAX_EPOCHS);
  if (patience > 0 && !heldOut) {
    throw new InputError("train-patience-held-out");
  }
  const loss = new Float64Array(epochs + 1);
  const acc = new Float64Array(epochs + 1);
  const hLoss = new Float64Array(heldOut ? epochs + 1 : 0);
  const hAcc = new Float64Array(heldOut ? epochs + 1 : 0);
  const snapshots: Snapshot[] = [];
  let bestEpoch = -1, best: Float64Array[] | null = null;
  const snapshot = (epoch: number) => snapshots.push({ epoch, params: net.snapshot(), loss: loss[epoch], accuracy: acc[epoch] });
  const evaluate = opts.evaluate ?? "full";
  if (evaluate !== "full" && evaluate !== "batches") {
    throw new InputError("train-evaluate", { evaluate: describe(evaluate) });
  }
  let batchLoss = 0, batchCorrect = 0;
  const record = (epoch: number) => {
    if (epoch > 0 && evaluate === "batches") {
      loss[epoch] = batchLoss / N;
      acc[epoch] = batchCorrect / N;
    } else {
      ({ loss: loss[epoch], accuracy: acc[epoch] } = lossAndAccuracy(net, data));
    }
    if (heldOut) {
      ({ loss: hLoss[epoch], accuracy: hAcc[epoch] } = lossAndAccuracy(net, heldOut));
      if (bestEpoch < 0 || hLoss[epoch] < hLoss[bestEpoch]) {
        bestEpoch = epoch;
        if (patience > 0) best = net.snapshot();
      }
    }
    if (every > 0 && epoch % every === 0) snapshot(epoch);
  };
  optimizer.reset();
  const params = net.params(), grads = net.grads();
  let updates = 0, epochsRun = epochs;
  const progress = progressLoop("trainClassifier() 업데이트", epochs * Math.ceil(N / batch));
  const t0 = performance.now();
  record(0);
  for (let e = 1; e <= epochs; e++) {
    const order = shuffledIndices(N, rng);
    batchLoss = 0;
    batchCorrect = 0;
    for (let start = 0; start < N; start += batch) {
      const idx = order.slice(start, start + batch);
      batchLoss += idx.length * net.lossAndGradient(idx.map((n) => data.X[n]), idx.map((n) => data.labels[n]));
      batchCorrect += net.lastCorrect;
      optimizer.update(params, grads);
      updates++;
      progress.tick(updates);
    }
    record(e);
    if (patience > 0 && e - bestEpoch >= patience) { epochsRun = e; break; }
  }
  progress.end();
  if (every > 0 && epochsRun % every !== 0) snapshot(epochsRun); // the last epoch is always in the snapshots
  if (best) net.setParams(best);
  const cut = (a: Float64Array) => (a.length > epochsRun + 1 ? a.slice(0, epochsRun + 1) : a);
  return {
    loss: cut(loss), accuracy: cut(acc), heldOutLoss: cut(hLoss), heldOutAccuracy: cut(hAcc), bestEpoch, epochsRun,
    snapshots, updates, trainSeconds: (performance.now() - t0) / 1000,
  };
}
