/**
 * Notebook 11: cross-check with an automatic-differentiation engine: TensorFlow.js (pure JavaScript CPU backend).
 *
 * The library's gradients are derived by hand (backward.ts, network.ts, classify.ts). Here the same
 * losses are written once more with TensorFlow.js operations, `tf.grads` differentiates them
 * automatically, and the two sets of numbers are compared. TensorFlow.js computes in float32, so
 * "agreement" means: differences of the size float32 rounding leaves (about 1e-7 of the gradients' size).
 *
 * TensorFlow.js is loaded lazily, inside `tfjs()`, so `import … from "nn-lesson"` never loads it.
 * Only the type declarations are imported at the top (erased when compiled).
 */
import type * as TF from "@tensorflow/tfjs-core";
import type * as TFL from "@tensorflow/tfjs-layers";
import { Matrix, Vector, layerSizes } from "../lesson/matrix";
import { InputError, describe, requirePositive, requireWhole } from "../lesson/errors";
import { REASONS } from "../lesson/messages";
import { progressLoop } from "../lesson/progress";
import { Network } from "../fast/network";
import { Classifier, LabelledData } from "./classify";

let tfCache: typeof TF | undefined;

/**
 * @tensorflow/tfjs-core with the CPU backend chosen explicitly, loaded on first use.
 *
 * Why the notice appears: the CPU backend prints a multi-line "Hi, looks like you are running
 * TensorFlow.js in Node.js … install our node backend" through tfjs's own warning function the first
 * time it stores a tensor, whenever it runs in Node. tfjs's warnings stay silent while the documented
 * `PROD` flag is on (what `tf.enableProdMode()` sets). We turn it on only while the backend stores its
 * first tensor, then restore it, so this one notice is consumed and later warnings still show.
 */
export function tfjs(): typeof TF {
  if (tfCache) return tfCache;
  const tf = require("@tensorflow/tfjs-core") as typeof TF;
  require("@tensorflow/tfjs-backend-cpu"); // registers the "cpu" backend
  // tfjs-core's CommonJS build registers no gradient functions (the umbrella package does that with an ES
  // module import); tfjs-layers' CommonJS build registers all of core's gradients when it loads.
  require("@tensorflow/tfjs-layers");
  const env = tf.env();
  const prod = env.getBool("PROD");
  env.set("PROD", true);
  try {
    void tf.setBackend("cpu"); // the cpu backend initialises synchronously
    tf.tidy(() => tf.scalar(0)); // its first stored tensor: the notice is checked (and suppressed) here
  } finally {
    env.set("PROD", prod);
  }
  if (tf.getBackend() !== "cpu") throw new Error(`TensorFlow.js: could not select the cpu backend (got ${tf.getBackend()})`);
  tfCache = tf;
  return tf;
}

/** @tensorflow/tfjs-layers (the Keras-like API), loaded on first use, after tfjs(). */
export function tfLayers(): typeof TFL {
  tfjs();
  return require("@tensorflow/tfjs-layers") as typeof TFL;
}

/** Whether TensorFlow.js has been loaded in this process (importing nn-lesson must not load it). */
export function tfjsLoaded(): boolean {
  return Object.keys(require.cache).some((k) => k.includes(`${"@tensorflow"}/tfjs-core`));
}

export interface GradientComparison {
  /** Parameter block names, e.g. ["W1", "W2", "W3"] or ["W1", "b1", "W2", "b2"]. */
  names: string[];
  /** Hand-derived (float64) and automatic (float32) gradients, one flat array per block. */
  ours: number[][];
  theirs: number[][];
  /** The loss as TensorFlow.js computed it. */
  loss: number;
  /** Largest |ours − theirs| over all parameters, and per block. */
  maxAbsDiff: number;
  maxAbsDiffPerBlock: number[];
  /** Largest |ours| (the scale the difference should be compared with). */
  maxAbsGradient: number;
  /** maxAbsDiff / maxAbsGradient. */
  relativeDiff: number;
}

function compare(names: string[], ours: number[][], theirs: number[][], loss: number): GradientComparison {
  const perBlock = ours.map((o, j) => o.reduce((m, v, i) => Math.max(m, Math.abs(v - theirs[j][i])), 0));
  const maxAbsDiff = Math.max(...perBlock);
  const maxAbsGradient = Math.max(...ours.map((o) => o.reduce((m, v) => Math.max(m, Math.abs(v)), 0)));
  return { names, ours, theirs, loss, maxAbsDiff, maxAbsDiffPerBlock: perBlock, maxAbsGradient, relativeDiff: maxAbsGradient > 0 ? maxAbsDiff / maxAbsGradient : maxAbsDiff };
}

/**
 * The lesson's loss written with TensorFlow.js operations, as a function of the weight tensors:
 * Z = σ(W·Z_prev) layer by layer (the lesson's A = np.dot(W, ·), Z = 1/(1+e^(−A))), E = ½ Σ (y − o)².
 */
export function lessonLossTf(tf: typeof TF, Ws: TF.Tensor[], x: Vector, y: Vector): TF.Scalar {
  let z: TF.Tensor = tf.tensor2d(x, [x.length, 1]);
  for (const W of Ws) z = tf.sigmoid(tf.matMul(W as TF.Tensor2D, z as TF.Tensor2D));
  return tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.tensor2d(y, [y.length, 1]), z)))) as TF.Scalar;
}

/** ∂E/∂W of the lesson's network by TensorFlow.js (tf.grads) next to the back-propagated ones. */
export function compareLessonGradients(weights: readonly Matrix[], x: Vector, y: Vector): GradientComparison {
  const tf = tfjs();
  const net = new Network(weights, x, y);
  net.forward();
  net.backward();
  const ours = net.gradients().map((g) => Array.from(g));
  const { theirs, loss } = tf.tidy(() => {
    const Ws = weights.map((W) => tf.tensor2d(W as number[][]));
    const { value, grads } = tf.valueAndGrads((...ws: TF.Tensor[]) => lessonLossTf(tf, ws, x, y))(Ws);
    return { theirs: grads.map((g) => Array.from(g.dataSync())), loss: value.dataSync()[0] };
  });
  return compare(weights.map((_, l) => `W${l + 1}`), ours, theirs, loss);
}

/**
 * A classifier's mean cross-entropy written with TensorFlow.js: hidden layers σ(X·Wᵀ + b), then the
 * logits, then tf.losses.sigmoidCrossEntropy or tf.losses.softmaxCrossEntropy (TensorFlow.js's own losses).
 */
export function classifierLossTf(tf: typeof TF, sizes: readonly number[], output: "sigmoid" | "softmax", params: TF.Tensor[], data: LabelledData): TF.Scalar {
  let h: TF.Tensor2D = tf.tensor2d(data.X as number[][], [data.X.length, sizes[0]]);
  const L = sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const W = tf.reshape(params[2 * l], [sizes[l + 1], sizes[l]]) as TF.Tensor2D;
    const a = tf.add(tf.matMul(h, W, false, true), params[2 * l + 1]) as TF.Tensor2D;
    h = l < L - 1 ? tf.sigmoid(a) : a;
  }
  const labels = tf.tensor1d(data.labels as number[], "int32");
  if (output === "sigmoid") return tf.losses.sigmoidCrossEntropy(tf.reshape(tf.cast(labels, "float32"), [-1, 1]), h) as TF.Scalar;
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, sizes[L]), h) as TF.Scalar;
}

/** Mean cross-entropy gradients of a Classifier on some examples: back-propagation vs TensorFlow.js. */
export function compareClassifierGradients(net: Classifier, data: LabelledData): GradientComparison {
  const tf = tfjs();
  net.lossAndGradient(data.X, data.labels);
  const ours = net.grads().map((g) => Array.from(g));
  const { theirs, loss } = tf.tidy(() => {
    const params = net.params().map((p) => tf.tensor1d(Array.from(p)));
    const { value, grads } = tf.valueAndGrads((...ps: TF.Tensor[]) => classifierLossTf(tf, net.sizes, net.output, ps, data))(params);
    return { theirs: grads.map((g) => Array.from(g.dataSync())), loss: value.dataSync()[0] };
  });
  const names = net.W.flatMap((_, l) => [`W${l + 1}`, `b${l + 1}`]);
  return compare(names, ours, theirs, loss);
}

/**
 * The lesson's network in TensorFlow.js's layers API: dense layers without bias, sigmoid activation,
 * sizes taken from `weights`, and the weights copied in. A Dense kernel is stored input × output,
 * the transpose of the lesson's W (output rows × input columns).
 */
export function lessonLayersModel(weights: readonly Matrix[]): TFL.Sequential {
  const tf = tfjs();
  const tfl = tfLayers();
  const sizes = layerSizes(weights);
  const model = tfl.sequential();
  weights.forEach((W, l) => {
    model.add(tfl.layers.dense({ units: sizes[l + 1], activation: "sigmoid", useBias: false, ...(l === 0 ? { inputShape: [sizes[0]] } : {}) }));
  });
  model.setWeights(weights.map((W) => tf.transpose(tf.tensor2d(W as number[][]))));
  return model;
}

/** The weights of a layers model back in the lesson's layout (W[l] = kernelᵀ). */
export function layersModelWeights(model: TFL.LayersModel): Matrix[] {
  const tf = tfjs();
  return model.getWeights().map((k) => tf.tidy(() => tf.transpose(k).arraySync() as number[][]));
}

export interface LayersTrainResult {
  /** Σ (y − o)² of every iteration (before each update), as the lesson prints it. */
  loss: number[];
  weights: Matrix[];
  /** The model's output after training. */
  output: Vector;
  seconds: number;
  /** What it was compiled with, for legends, e.g. "tfjs adam (α=0.01)". */
  optimizer: string;
}

/** The optimisers trainLayersModel compiles with (TensorFlow.js's own, with tfjs's defaults: Adam's ε is 1e-7). */
export const LAYERS_OPTIMIZERS = ["sgd", "adam"] as const;
/** model.fit runs about 1000 epochs a second here; more than this would keep a learner waiting. */
export const MAX_LAYERS_ITERATIONS = 5000;

/**
 * Train a layers model the lesson's way: one example, learning rate α on E = ½ Σ (y − o)² (the loss the
 * lesson's deltas differentiate), `iterations` updates. Uses `model.compile` + `model.fit`; the model is
 * compiled here with `optimizer` ("sgd", the lesson's plain update, or "adam"), so whatever it was compiled
 * with before does not count.
 */
export async function trainLayersModel(model: TFL.LayersModel, x: Vector, y: Vector, learningRate = 0.1, iterations = 1000, optimizer = "sgd"): Promise<LayersTrainResult> {
  requirePositive(learningRate, "learningRate");
  requireWhole(iterations, "iterations", 0, MAX_LAYERS_ITERATIONS, REASONS["model-fit-slow"]());
  if (!(LAYERS_OPTIMIZERS as readonly unknown[]).includes(optimizer)) {
    throw new InputError("autodiff-optimizer", { optimizer: describe(optimizer) });
  }
  const tf = tfjs();
  const halfSse = (yTrue: TF.Tensor, yPred: TF.Tensor) => tf.mul(0.5, tf.sum(tf.square(tf.sub(yTrue, yPred)), -1));
  model.compile({ optimizer: optimizer === "adam" ? tf.train.adam(learningRate) : tf.train.sgd(learningRate), loss: halfSse });
  const xs = tf.tensor2d([x]), ys = tf.tensor2d([y]);
  const progress = progressLoop("trainLayersModel() 반복", iterations);
  const t0 = Date.now();
  const hist = await model.fit(xs, ys, {
    epochs: iterations, batchSize: 1, shuffle: false, verbose: 0, callbacks: { onEpochEnd: (epoch: number) => { progress.tick(epoch + 1); } },
  });
  progress.end();
  const seconds = (Date.now() - t0) / 1000;
  const out = tf.tidy(() => Array.from((model.predict(xs) as TF.Tensor).dataSync()));
  xs.dispose();
  ys.dispose();
  // history holds ½ Σ (y − o)²; the lesson prints twice that
  const loss = iterations > 0 ? (hist.history.loss as number[]).map((v) => 2 * v) : [];
  return { loss, weights: layersModelWeights(model), output: out, seconds, optimizer: `tfjs ${optimizer} (α=${learningRate})` };
}
