/**
 * The fast twin of the lesson's network (lesson/forward.ts, backward.ts, train.ts), used where speed
 * matters: the train command, loss surfaces, optimisers (notebooks 07–08), the bench.
 *
 * The same products and sums as the lesson's plain-array functions, in the same order, on flat
 * Float64Arrays allocated once, so a training step allocates nothing. The tests require this class
 * and lesson/train.ts to give bit-identical losses and weights.
 */
import { Matrix, Vector, WeightIndex, layerSizes, requireNetworkInput } from "../lesson/matrix";

/** Rows `rows` × `cols` of a flat row-major array, as a plain matrix. */
export function matrixFromFlat(flat: Float64Array, rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, (_, k) => Array.from(flat.subarray(k * cols, (k + 1) * cols)));
}

export class Network {
  /** Layer sizes, e.g. [3, 2, 3, 2]. */
  readonly sizes: number[];
  /** W[l] flattened row by row: W[l][k * sizes[l] + i] is the weight from node i to node k. */
  readonly W: Float64Array[];
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
    this.W = weights.map((W) => Float64Array.from(W.flat()));
    this.grad = this.W.map((w) => new Float64Array(w.length));
    this.A = weights.map((W) => new Float64Array(W.length));
    this.Z = [Float64Array.from(x), ...weights.map((W) => new Float64Array(W.length))];
    this.delta = weights.map((W) => new Float64Array(W.length));
    this.y = Float64Array.from(y);
  }

  /** The output layer's values (a view: it changes with the next forward pass). */
  get output(): Float64Array {
    return this.Z[this.Z.length - 1];
  }

  /** Forward pass; returns the printed loss Σ (y − o)². */
  forward(): number {
    const { W, A, Z, sizes } = this;
    for (let l = 0; l < W.length; l++) {
      const w = W[l], a = A[l], input = Z[l], out = Z[l + 1];
      const cols = sizes[l], rows = sizes[l + 1];
      for (let k = 0; k < rows; k++) {
        let s = 0;
        const base = k * cols;
        for (let i = 0; i < cols; i++) s += w[base + i] * input[i];
        a[k] = s;
        out[k] = 1 / (1 + Math.exp(-s));
      }
    }
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
    const { W, Z, delta, sizes, y } = this;
    const L = W.length;
    const o = Z[L], dOut = delta[L - 1];
    for (let k = 0; k < o.length; k++) dOut[k] = (o[k] - y[k]) * o[k] * (1 - o[k]);
    backpropagateHidden(W, Z, delta, sizes);
  }

  /** After `backward()`: grad[l][k·cols + i] = delta[l][k] · input[i], the lesson's `np.outer(delta, input)`. */
  gradients(): Float64Array[] {
    const { sizes, delta, Z, grad } = this;
    for (let l = 0; l < grad.length; l++) {
      const g = grad[l], d = delta[l], input = Z[l];
      const cols = sizes[l], rows = sizes[l + 1];
      for (let k = 0; k < rows; k++) {
        const base = k * cols;
        for (let i = 0; i < cols; i++) g[base + i] = d[k] * input[i];
      }
    }
    return grad;
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

/**
 * The hidden layers' deltas from the output layer's (delta[L − 1] must be filled), last hidden layer first:
 * delta[l] = (W[l + 1]ᵀ · delta[l + 1]) · Z[l + 1] · (1 − Z[l + 1]), i.e. the lesson's
 * `delta2 = np.dot(W3.T, delta3) * Z2 * (1 - Z2)`. Shared by every network with sigmoid hidden layers.
 */
export function backpropagateHidden(
  W: readonly Float64Array[], Z: readonly Float64Array[], delta: readonly Float64Array[], sizes: readonly number[],
): void {
  for (let l = W.length - 2; l >= 0; l--) {
    const wNext = W[l + 1], dNext = delta[l + 1], d = delta[l], z = Z[l + 1];
    const cols = sizes[l + 1], rowsNext = sizes[l + 2];
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < rowsNext; k++) s += wNext[k * cols + j] * dNext[k];
      d[j] = s * z[j] * (1 - z[j]);
    }
  }
}
