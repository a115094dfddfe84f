/**
 * The fast twin of the lesson's network (lesson/forward.ts, backward.ts, train.ts), used where speed
 * matters: the train command, loss surfaces, optimisers (notebooks 07–08), the bench.
 *
 * The same products and sums as the lesson's plain-array functions, in the same order, on flat
 * Float64Arrays allocated once, so a training step allocates nothing. The passes are fast/dense.ts's, which
 * the Classifier (beyond/classify.ts) shares. The tests require this class and lesson/train.ts to give
 * bit-identical losses and weights.
 */
import { Matrix, Vector, WeightIndex, layerSizes, requireNetworkInput } from "../lesson/matrix";
import { ACTIVATIONS } from "./activations";
import { DenseLayers, backpropagate, denseArrays, forwardLayers, weightGradients } from "./dense";

/** Rows `rows` × `cols` of a flat row-major array, as a plain matrix. */
export function matrixFromFlat(flat: Float64Array, rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, k) => Array.from(flat.subarray(k * cols, (k + 1) * cols)));
}

/** The lesson's activation, in every layer. */
const SIGMOID = ACTIVATIONS.sigmoid;

export class Network implements DenseLayers {
  /** Layer sizes, e.g. [3, 2, 3, 2]. */
  readonly sizes: number[];
  /** W[l] flattened row by row: W[l][k * sizes[l] + i] is the weight from node i to node k. */
  readonly W: Float64Array[];
  /** No biases in the lesson's network. */
  readonly b = null;
  /** A[l]: the total input of layer l + 1 (the lesson's A1, A2, A3). */
  readonly A: Float64Array[];
  /** Z[0] is the input X; Z[l + 1] = sigmoid(A[l]) (the lesson's Z1, Z2, Z3). */
  readonly Z: Float64Array[];
  /** delta[l] = ∂E/∂A[l] with E = ½ Σ (y − o)² (see lesson/loss.ts). */
  readonly delta: Float64Array[];
  /** grad[l] = ∂E/∂W[l], flat like W[l], after `gradients()`. */
  readonly grad: Float64Array[];
  private readonly y: Float64Array;

  constructor(weights: readonly Matrix[], x: Vector, y: Vector) {
    this.sizes = layerSizes(weights);
    requireNetworkInput(weights, x, y);
    ({ W: this.W, A: this.A, Z: this.Z, delta: this.delta } = denseArrays(this.sizes));
    weights.forEach((W, l) => this.W[l].set(W.flat()));
    this.Z[0].set(x);
    this.grad = this.W.map((w) => new Float64Array(w.length));
    this.y = Float64Array.from(y);
  }

  /** The output layer's values (a view: it changes with the next forward pass). */
  get output(): Float64Array {
    return this.Z[this.Z.length - 1];
  }

  /** Forward pass; returns the printed loss Σ (y − o)². */
  forward(): number {
    forwardLayers(this, SIGMOID, SIGMOID);
    const o = this.output, y = this.y;
    let loss = 0;
    for (let k = 0; k < o.length; k++) {
      const e = y[k] - o[k];
      loss += e * e;
    }
    return loss;
  }

  /** Back-propagation after `forward()`: fills every delta, `(o - y) * o * (1 - o)` at the output. */
  backward(): void {
    const { Z, delta, y } = this;
    const L = delta.length;
    const o = Z[L], dOut = delta[L - 1];
    for (let k = 0; k < o.length; k++) dOut[k] = SIGMOID.chain(o[k] - y[k], o[k]);
    backpropagate(this, SIGMOID);
  }

  /** After `backward()`: grad[l][k·cols + i] = delta[l][k] · input[i], the lesson's `np.outer(delta, input)`. */
  gradients(): Float64Array[] {
    weightGradients(this, this.grad, null, false);
    return this.grad;
  }

  /** `W -= learning_rate * np.outer(delta, input)` for every layer, after `backward()`. */
  update(learningRate: number): void {
    const grad = this.gradients();
    this.W.forEach((w, l) => {
      const g = grad[l];
      for (let j = 0; j < w.length; j++) w[j] -= learningRate * g[j];
    });
  }

  /** One whole iteration of the lesson's loop; returns the loss before the update. */
  step(learningRate: number): number {
    const loss = this.forward();
    this.backward();
    this.update(learningRate);
    return loss;
  }

  /** Read one weight (layer l, row k = node of the next layer, column i = node it comes from). */
  getWeight(p: WeightIndex): number {
    return this.W[p.layer][p.row * this.sizes[p.layer] + p.col];
  }

  setWeight(p: WeightIndex, value: number): void {
    this.W[p.layer][p.row * this.sizes[p.layer] + p.col] = value;
  }

  /** ∂E/∂w of one weight after `backward()`: delta[l][k] · input[i]. */
  gradientOf(p: WeightIndex): number {
    return this.delta[p.layer][p.row] * this.Z[p.layer][p.col];
  }

  /** The current weights as plain matrices. */
  weights(): Matrix[] {
    return this.W.map((w, l) => matrixFromFlat(w, this.sizes[l + 1], this.sizes[l]));
  }
}
