/**
 * The one forward and backward pass of a stack of dense layers on flat Float64Arrays, shared by
 * fast/network.ts's Network (the lesson's network: no biases, sigmoid everywhere) and beyond/classify.ts's
 * Classifier (biases, sigmoid or ReLU hidden layers, sigmoid or softmax output, a first layer that may skip
 * the inputs that are 0). Nothing here allocates.
 *
 * Every sum runs in the lesson's order (np.dot: i = 0, 1, … added to 0, or to the bias), and every product of
 * the backward pass as lesson/backward.ts multiplies it, so the fast twins stay bit-identical to the lesson.
 */
import { ACTIVATIONS, Activation } from "./activations";

/*
 * V8 inlines a call only where the call site has seen a single function: one loop calling `act.f` for the
 * sigmoid of one network and the ReLU of another inlines neither (measured: a 2-16-16-3 sigmoid classifier
 * took 30 % longer per example once a ReLU network had run in the same process). So the course's two
 * activations get a call site of their own below; any other entry of ACTIVATIONS runs the general loop.
 */
const SIGMOID = ACTIVATIONS.sigmoid, RELU = ACTIVATIONS.relu;

/** out[k] = f(a[k]) for k < n. */
function activate(act: Activation, a: Float64Array, out: Float64Array, n: number): void {
  if (act === SIGMOID) for (let k = 0; k < n; k++) out[k] = SIGMOID.f(a[k]);
  else if (act === RELU) for (let k = 0; k < n; k++) out[k] = RELU.f(a[k]);
  else for (let k = 0; k < n; k++) out[k] = act.f(a[k]);
}

/** The chain rule back through the activation: chain(g, z). */
function chain(act: Activation, g: number, z: number): number {
  if (act === SIGMOID) return SIGMOID.chain(g, z);
  if (act === RELU) return RELU.chain(g, z);
  return act.chain(g, z);
}

/** The arrays of a dense network. Layer l maps the sizes[l] values Z[l] to the sizes[l + 1] values Z[l + 1]. */
export interface DenseLayers {
  readonly sizes: readonly number[];
  /** W[l][k · sizes[l] + i]: the weight from node i of layer l to node k of layer l + 1. */
  readonly W: readonly Float64Array[];
  /** b[l][k]: the bias of node k of layer l + 1; null for a network without biases (the lesson's). */
  readonly b: readonly Float64Array[] | null;
  /** A[l] = W[l]·Z[l] (+ b[l]): the total inputs of layer l + 1; the last one holds the logits. */
  readonly A: readonly Float64Array[];
  /** Z[0] is the input, Z[l + 1] = f(A[l]). */
  readonly Z: readonly Float64Array[];
  /** delta[l] = ∂loss/∂A[l]. */
  readonly delta: readonly Float64Array[];
}

/** The arrays of a network with `sizes` (W, A and delta per layer, Z with the input first), all zeros. */
export function denseArrays(sizes: readonly number[]): Record<"W" | "A" | "Z" | "delta", Float64Array[]> {
  const layers = (n: (l: number) => number) => sizes.slice(1).map((_, l) => new Float64Array(n(l)));
  return {
    W: layers((l) => sizes[l] * sizes[l + 1]),
    A: layers((l) => sizes[l + 1]),
    Z: [new Float64Array(sizes[0]), ...layers((l) => sizes[l + 1])],
    delta: layers((l) => sizes[l + 1]),
  };
}

/** The indices of an input's entries that are not 0 (the first `count` of `index`), for the first layer. */
export class NonZeros {
  readonly index: Int32Array;
  count = 0;

  constructor(n: number) {
    this.index = new Int32Array(n);
  }

  /** Finds x's entries that are not 0. */
  scan(x: ArrayLike<number>): void {
    let count = 0;
    for (let i = 0; i < x.length; i++) if (x[i] !== 0) this.index[count++] = i;
    this.count = count;
  }
}

/**
 * The forward pass from Z[0]: every A[l], and Z[l + 1] = f(A[l]) with `hidden` for the hidden layers and
 * `output` for the last one (null: the caller fills the output layer, e.g. a softmax of the logits).
 * With `nonZeros` (scanned from Z[0]) the first layer adds only the inputs that are not 0: adding w · 0 = ±0
 * changes no finite sum, so the results are the dense sums' to the last bit while the weights are finite.
 */
export function forwardLayers(net: DenseLayers, hidden: Activation, output: Activation | null, nonZeros?: NonZeros): void {
  const { W, b, A, Z, sizes } = net;
  const L = W.length;
  for (let l = 0; l < L; l++) {
    const w = W[l], a = A[l], input = Z[l], out = Z[l + 1];
    const cols = sizes[l], rows = sizes[l + 1];
    if (l === 0 && nonZeros) {
      // the same additions in the same order as below, but input after input (the weights of neighbouring
      // pixels share the cache), and only the inputs that are not 0
      if (b) a.set(b[0]);
      else a.fill(0);
      const nz = nonZeros.index, count = nonZeros.count;
      for (let j = 0; j < count; j++) {
        const i = nz[j], v = input[i];
        for (let k = 0; k < rows; k++) a[k] += w[k * cols + i] * v;
      }
    } else {
      const bias = b ? b[l] : null;
      for (let k = 0; k < rows; k++) {
        let s = bias ? bias[k] : 0;
        const base = k * cols;
        for (let i = 0; i < cols; i++) s += w[base + i] * input[i];
        a[k] = s;
      }
    }
    const f = l < L - 1 ? hidden : output;
    if (f) activate(f, a, out, rows);
  }
}

/**
 * The hidden layers' deltas from the output layer's (delta[L − 1] must be filled), last hidden layer first:
 * delta[l][j] = chain(Σ_k W[l + 1][k][j] · delta[l + 1][k], Z[l + 1][j]), for the sigmoid the lesson's
 * `delta2 = np.dot(W3.T, delta3) * Z2 * (1 - Z2)`.
 */
export function backpropagate(net: DenseLayers, hidden: Activation): void {
  const { W, Z, delta, sizes } = net;
  for (let l = W.length - 2; l >= 0; l--) {
    const wNext = W[l + 1], dNext = delta[l + 1], d = delta[l], z = Z[l + 1];
    const cols = sizes[l + 1], rowsNext = sizes[l + 2];
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < rowsNext; k++) s += wNext[k * cols + j] * dNext[k];
      d[j] = chain(hidden, s, z[j]);
    }
  }
}

/**
 * The weights' gradients after the deltas: gW[l][k · cols + i] = delta[l][k] · Z[l][i] (the lesson's
 * `np.outer(delta, input)`) and gb[l][k] = delta[l][k]. With `accumulate` they are ADDED to gW and gb (a sum
 * over examples); without, gW is overwritten (gb must then be null). With `nonZeros` the first layer adds only
 * the inputs that are not 0, and only the nodes whose delta is not 0 (a ReLU that is off): adding ±0 changes
 * no sum, so this needs `accumulate`.
 */
export function weightGradients(
  net: DenseLayers, gW: readonly Float64Array[], gb: readonly Float64Array[] | null, accumulate: boolean, nonZeros?: NonZeros,
): void {
  const { delta, Z, sizes } = net;
  for (let l = 0; l < gW.length; l++) {
    const g = gW[l], d = delta[l], input = Z[l];
    const cols = sizes[l], rows = sizes[l + 1];
    if (gb) for (let k = 0; k < rows; k++) gb[l][k] += d[k];
    if (l === 0 && nonZeros) {
      const nz = nonZeros.index, count = nonZeros.count;
      for (let j = 0; j < count; j++) {
        const i = nz[j], v = input[i];
        for (let k = 0; k < rows; k++) if (d[k] !== 0) g[k * cols + i] += d[k] * v;
      }
    } else if (accumulate) {
      for (let k = 0; k < rows; k++) {
        const base = k * cols;
        for (let i = 0; i < cols; i++) g[base + i] += d[k] * input[i];
      }
    } else {
      for (let k = 0; k < rows; k++) {
        const base = k * cols;
        for (let i = 0; i < cols; i++) g[base + i] = d[k] * input[i];
      }
    }
  }
}
