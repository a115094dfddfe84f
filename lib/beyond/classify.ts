/**
 * Notebooks 09–11: classification, the lesson's network with two changes at the output and one everywhere.
 *
 * - Biases. Every layer computes A = W·input + b (the lesson's network has no b). Without a bias every
 *   node's boundary passes through the origin, which a classifier cannot afford.
 * - Output layer and loss, chosen together:
 *     "sigmoid"  one output o = σ(a) = P(class 1),  binary cross-entropy  L = −[y log o + (1 − y) log(1 − o)]
 *     "softmax"  K outputs o_k = e^{a_k} / Σ_j e^{a_j},  cross-entropy  L = −log o_label
 *   In both cases ∂L/∂a = o − y (y the 0/1 label, or the one-hot vector): the output delta is simply
 *   `o − y`, with no o(1 − o) factor (that factor cancels against the loss's 1/o terms).
 * - Hidden layers are sigmoid, as in the lesson: delta = (Wᵀ · delta_next) · z (1 − z); or, with the option
 *   hidden: "relu" (notebook 12), ReLU with He initialisation (deep.ts): delta = (Wᵀ · delta_next) · [a > 0];
 *   any entry of fast/activations.ts's ACTIVATIONS can be named.
 * - With the option sparseInput (notebook 12: about 81 % of an MNIST digit's pixels are 0), the first layer
 *   skips the inputs that are 0, in the forward pass and in the weight gradient. Adding w · 0 = ±0 changes
 *   no finite sum, so the results are the dense path's to the last bit while the weights are finite.
 *
 * The forward and backward passes are fast/dense.ts's, which the lesson's fast twin (fast/network.ts) shares.
 * Losses are computed from the output layer's total input a (the logits), in a numerically stable
 * way (losses.ts). Training is train-classifier.ts; the answer over a grid of two features, decision-grid.ts.
 */
import { Matrix, Vector, argmax } from "../lesson/matrix";
import { makeRng, Rng } from "../lesson/random";
import { InputError, describe, requireLayerSizes } from "../lesson/errors";
import { matrixFromFlat } from "../fast/network";
import { ACTIVATIONS, Activation, isActivationName } from "../fast/activations";
import { DenseLayers, NonZeros, backpropagate, denseArrays, forwardLayers, weightGradients } from "../fast/dense";
import { HiddenActivation, uniformLimit } from "./deep";
import { binaryCrossEntropyFromLogit, crossEntropyFromLogits, softmax } from "./losses";

export type OutputKind = "sigmoid" | "softmax";

export interface ClassifierOptions {
  /** The hidden layers' activation: "sigmoid" (default, Xavier initialisation) or "relu" (He initialisation). */
  hidden?: HiddenActivation;
  /** Skip the inputs that are 0 in the first layer (same results; faster when most inputs are 0). Default false. */
  sparseInput?: boolean;
}

/** A network for classification: sigmoid (or ReLU) hidden layers with biases, and a sigmoid or softmax output. */
export class Classifier implements DenseLayers {
  /** Layer sizes, e.g. [2, 8, 1] (binary) or [2, 8, 3] (three classes). */
  readonly sizes: number[];
  readonly output: OutputKind;
  /** W[l][k·sizes[l] + i]: weight from node i of layer l to node k of layer l + 1. */
  readonly W: Float64Array[];
  /** b[l][k]: bias of node k of layer l + 1. */
  readonly b: Float64Array[];
  /** A[l] = W[l]·Z[l] + b[l]: total inputs; the last one holds the logits. */
  readonly A: Float64Array[];
  /** Z[0] is the input; Z[l + 1] is sigmoid(A[l]) for hidden layers and the class probabilities at the output. */
  readonly Z: Float64Array[];
  /** delta[l] = ∂L/∂A[l] for the last example passed to backward(). */
  readonly delta: Float64Array[];
  /** Gradients summed over the examples since zeroGrad(), same shapes as W and b. */
  readonly gW: Float64Array[];
  readonly gb: Float64Array[];
  readonly hidden: HiddenActivation;
  readonly sparseInput: boolean;
  /** The hidden layers' activation, ACTIVATIONS[hidden]; and the output layer's (null for softmax). */
  private readonly hiddenActivation: Activation;
  private readonly outputActivation: Activation | null;
  /** With sparseInput: the last input's non-zero entries. */
  private readonly nonZeros: NonZeros | undefined;
  /** Examples of the last lossAndGradient() whose most probable class was the label. */
  lastCorrect = 0;

  constructor(sizes: readonly number[], output: OutputKind, seed: string | number = "classifier", opts: ClassifierOptions = {}) {
    requireLayerSizes(sizes, "sizes");
    const nOut = sizes[sizes.length - 1];
    if (output !== "sigmoid" && output !== "softmax") {
      throw new InputError(`Classifier: 출력층은 "sigmoid" 또는 "softmax"여야 합니다. 받은 값: ${describe(output)} / output must be "sigmoid" or "softmax"`);
    }
    if (output === "sigmoid" && nOut !== 1) {
      throw new InputError(`Classifier: 시그모이드 출력층의 노드는 1개(P(클래스 1))여야 합니다. sizes의 마지막 값: ${nOut} / a sigmoid output has 1 node, got ${nOut}`);
    }
    if (output === "softmax" && nOut < 2) {
      throw new InputError(`Classifier: 소프트맥스 출력층의 노드는 2개 이상(클래스 수)이어야 합니다. sizes의 마지막 값: ${nOut} / a softmax output needs at least 2 nodes, got ${nOut}`);
    }
    const hidden = opts.hidden ?? "sigmoid";
    if (!isActivationName(hidden)) {
      throw new InputError(`Classifier: 은닉층의 활성화 함수(hidden)는 "sigmoid" 또는 "relu"여야 합니다. 받은 값: ${describe(hidden)} / hidden must be "sigmoid" or "relu"`);
    }
    this.sizes = sizes.slice();
    this.output = output;
    this.hidden = hidden;
    this.hiddenActivation = ACTIVATIONS[hidden];
    this.outputActivation = output === "sigmoid" ? ACTIVATIONS.sigmoid : null;
    this.sparseInput = opts.sparseInput === true;
    this.nonZeros = this.sparseInput ? new NonZeros(sizes[0]) : undefined;
    ({ W: this.W, A: this.A, Z: this.Z, delta: this.delta } = denseArrays(sizes));
    this.b = this.A.map((a) => new Float64Array(a.length));
    this.gW = this.W.map((w) => new Float64Array(w.length));
    this.gb = this.b.map((b) => new Float64Array(b.length));
    this.initialize(makeRng(seed));
  }

  /**
   * Xavier/Glorot uniform weights in ±√(6 / (fan_in + fan_out)); with hidden "relu", He's ±√(6 / fan_in) for
   * the layers that feed a ReLU (the output layer keeps Xavier's): the activation's `init`. Biases 0.
   */
  initialize(rng: Rng): void {
    const L = this.W.length;
    this.W.forEach((w, l) => {
      const he = this.hiddenActivation.init === "he" && l < L - 1;
      const r = he ? uniformLimit(this.sizes[l], this.sizes[l + 1], "he") : Math.sqrt(6 / (this.sizes[l] + this.sizes[l + 1]));
      for (let j = 0; j < w.length; j++) w[j] = (2 * rng() - 1) * r;
    });
    this.b.forEach((b) => b.fill(0));
  }

  /** Number of classes: 2 for a sigmoid output. */
  get classCount(): number {
    return this.output === "sigmoid" ? 2 : this.sizes[this.sizes.length - 1];
  }

  /** The parameters as one list [W1, b1, W2, b2, …] (views, not copies): what an Optimizer updates. */
  params(): Float64Array[] {
    return this.W.flatMap((w, l) => [w, this.b[l]]);
  }

  /** The summed gradients in the same order as params(). */
  grads(): Float64Array[] {
    return this.gW.flatMap((g, l) => [g, this.gb[l]]);
  }

  /** Copy of the parameters, e.g. a snapshot during training. */
  snapshot(): Float64Array[] {
    return this.params().map((p) => p.slice());
  }

  /** Overwrite the parameters with a snapshot (same order and shapes as params()). */
  setParams(values: readonly ArrayLike<number>[]): void {
    const p = this.params();
    if (values.length !== p.length || values.some((v, j) => v.length !== p[j].length)) {
      const lengths = (list: readonly ArrayLike<number>[]) => `[${list.map((v) => v.length).join(", ")}]`;
      throw new InputError(`Classifier.setParams: params()와 같은 블록([W1, b1, W2, b2, …], 원소 수 ${lengths(p)})을 주어야 합니다. 받은 것의 원소 수: ${lengths(values)} / ` +
        `expected the same blocks as params() (sizes ${lengths(p)}), got sizes ${lengths(values)}`);
    }
    p.forEach((dst, j) => dst.set(values[j]));
  }

  /** The weights as plain matrices (lesson layout, rows = nodes of the next layer). */
  weightMatrices(): Matrix[] {
    return this.W.map((w, l) => matrixFromFlat(w, this.sizes[l + 1], this.sizes[l]));
  }

  biasVectors(): Vector[] {
    return this.b.map((b) => Array.from(b));
  }

  /** Forward pass for one example; returns the output layer (P(class 1), or the K class probabilities). */
  forward(x: ArrayLike<number>): Float64Array {
    const { W, A, Z, sizes } = this;
    if (x.length !== sizes[0]) {
      throw new InputError(`Classifier: 입력의 특성은 ${x.length}개인데 네트워크의 입력층(sizes[0])은 ${sizes[0]}개입니다 / the input has ${x.length} features, the network expects ${sizes[0]}`);
    }
    Z[0].set(x);
    this.nonZeros?.scan(x);
    forwardLayers(this, this.hiddenActivation, this.outputActivation, this.nonZeros);
    const L = W.length;
    if (this.output === "softmax") softmax(A[L - 1], Z[L]);
    return Z[L];
  }

  /** Cross-entropy of the last forward pass for class `label`, from the logits (stable). */
  loss(label: number): number {
    const a = this.A[this.A.length - 1];
    return this.output === "sigmoid" ? binaryCrossEntropyFromLogit(label, a[0]) : crossEntropyFromLogits(label, a);
  }

  /** After forward(x): back-propagate for class `label` and ADD this example's gradients to gW, gb. */
  backward(label: number): void {
    const { W, Z, delta, gW, gb } = this;
    const L = W.length;
    const o = Z[L], dOut = delta[L - 1];
    checkLabel(label, this.classCount);
    // output delta: o − y (y = the label for a sigmoid output, the one-hot vector for softmax)
    for (let k = 0; k < o.length; k++) dOut[k] = o[k] - (this.output === "sigmoid" ? label : k === label ? 1 : 0);
    backpropagate(this, this.hiddenActivation);
    weightGradients(this, gW, gb, true, this.nonZeros);
  }

  zeroGrad(): void {
    this.gW.forEach((g) => g.fill(0));
    this.gb.forEach((g) => g.fill(0));
  }

  /** Multiply the summed gradients by `factor` (1 / batch size turns the sum into a mean). */
  scaleGrad(factor: number): void {
    this.grads().forEach((g) => { for (let j = 0; j < g.length; j++) g[j] *= factor; });
  }

  /** Class probabilities [P(0), P(1), …] for one input (two entries for a sigmoid output). */
  probabilities(x: ArrayLike<number>): number[] {
    const o = this.forward(x);
    return this.output === "sigmoid" ? [1 - o[0], o[0]] : Array.from(o);
  }

  /** The most probable class. */
  predict(x: ArrayLike<number>): number {
    return this.predicted(this.forward(x));
  }

  /** The most probable class for an output layer `o` (forward's result). */
  predicted(o: ArrayLike<number>): number {
    if (this.output === "sigmoid") return o[0] > 0.5 ? 1 : 0;
    return argmax(o);
  }

  /** Mean cross-entropy over examples, and the summed gradient of that mean into gW, gb. */
  lossAndGradient(X: readonly ArrayLike<number>[], labels: readonly number[]): number {
    this.zeroGrad();
    let total = 0, correct = 0;
    for (let n = 0; n < X.length; n++) {
      const o = this.forward(X[n]);
      total += this.loss(labels[n]);
      if (this.predicted(o) === labels[n]) correct++;
      this.backward(labels[n]);
    }
    this.lastCorrect = correct;
    this.scaleGrad(1 / X.length);
    return total / X.length;
  }
}

function checkLabel(label: number, classes: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new InputError(`Classifier: 레이블은 클래스 번호 0 … ${classes - 1} 중 하나여야 합니다. 받은 값: ${describe(label)} / label must be a class index 0 … ${classes - 1}, got ${describe(label)}`);
  }
}

/** Examples and their class indices (a Dataset from dataset.ts fits). */
export interface LabelledData {
  X: readonly (readonly number[])[];
  labels: readonly number[];
}

/** Mean cross-entropy over a data set. */
export function meanCrossEntropy(net: Classifier, data: LabelledData): number {
  let s = 0;
  data.X.forEach((x, n) => { net.forward(x); s += net.loss(data.labels[n]); });
  return s / data.X.length;
}

/** Fraction of examples whose most probable class is the right one. */
export function accuracy(net: Classifier, data: LabelledData): number {
  let right = 0;
  data.X.forEach((x, n) => { if (net.predict(x) === data.labels[n]) right++; });
  return right / data.X.length;
}

/** meanCrossEntropy and accuracy in one pass over the data (the same numbers, half the forward passes). */
export function lossAndAccuracy(net: Classifier, data: LabelledData): { loss: number; accuracy: number } {
  let s = 0, right = 0;
  data.X.forEach((x, n) => {
    const o = net.forward(x);
    s += net.loss(data.labels[n]);
    if (net.predicted(o) === data.labels[n]) right++;
  });
  return { loss: s / data.X.length, accuracy: right / data.X.length };
}

/** confusion[true class][predicted class] = count. */
export function confusionMatrix(net: Classifier, data: LabelledData): number[][] {
  const m = Array.from({ length: net.classCount }, () => new Array(net.classCount).fill(0));
  data.X.forEach((x, n) => { m[data.labels[n]][net.predict(x)]++; });
  return m;
}
