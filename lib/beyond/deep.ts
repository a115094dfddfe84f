/**
 * Beyond the lesson's sigmoid (06's ReLU section, 01's initialisation note): ReLU for hidden layers,
 * the two uniform initialisations that go with each activation, and the deltas of a network whose
 * hidden layers use either, for one example. The output layer stays the lesson's sigmoid with
 * E = ½ Σ (y − o)², so with "sigmoid" everywhere the deltas are exactly lesson/backward.ts's.
 */
import { Matrix, Vector, dot, requireNetworkInput } from "../lesson/matrix";
import { InputError, describe, requireLayerSizes } from "../lesson/errors";
import { outputDelta } from "../lesson/backward";
import { DEFAULT_SEED, makeRng } from "../lesson/random";
import { ACTIVATIONS, ActivationName, UniformInit, isActivationName } from "../fast/activations";

export type { UniformInit } from "../fast/activations";
/** The activation of a network's hidden layers: a name in fast/activations.ts's ACTIVATIONS. */
export type HiddenActivation = ActivationName;

/** ReLU: a for a > 0, else 0. */
export const relu: (a: number) => number = ACTIVATIONS.relu.f;

/** ReLU's slope: 1 for a > 0, else 0 (at 0 itself, 0 by the usual convention); [a > 0] is [relu(a) > 0]. */
export const reluSlope: (a: number) => number = ACTIVATIONS.relu.df;

function requireActivation(f: unknown): HiddenActivation {
  if (isActivationName(f)) return f;
  throw new InputError(`활성화 함수는 "sigmoid"나 "relu"여야 합니다. 받은 값: ${describe(f)} / the activation must be "sigmoid" or "relu", got ${describe(f)}`);
}

/**
 * The limit of a layer's uniform weights with n inputs and m outputs: Xavier √(6 / (n + m)) keeps a
 * sigmoid layer's sums near its steep middle; He √(6 / n) keeps a ReLU layer's output as large as its
 * input on average (half the ReLUs pass, so twice Xavier's variance when n = m).
 */
export function uniformLimit(n: number, m: number, kind: UniformInit): number {
  if (kind === "xavier") return Math.sqrt(6 / (n + m));
  if (kind === "he") return Math.sqrt(6 / n);
  throw new InputError(`초기화는 "xavier"나 "he"여야 합니다. 받은 값: ${describe(kind)} / the initialisation must be "xavier" or "he", got ${describe(kind)}`);
}

/** Weights for `sizes`, each uniform in ±uniformLimit(n, m, kind), drawn in the order initWeights fills rows. */
export function initUniform(sizes: readonly number[], kind: UniformInit, seed: string | number = DEFAULT_SEED): Matrix[] {
  requireLayerSizes(sizes, "sizes");
  const rng = makeRng(seed);
  const Ws: Matrix[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const limit = uniformLimit(sizes[l], sizes[l + 1], kind);
    Ws.push(Array.from({ length: sizes[l + 1] }, () => Array.from({ length: sizes[l] }, () => (2 * rng() - 1) * limit)));
  }
  return Ws;
}

/** The forward pass with `f` in the hidden layers and a sigmoid output: A (sums) and Z (values) of every layer. */
export function forwardWith(weights: readonly Matrix[], x: Vector, f: HiddenActivation): { A: Vector[]; Z: Vector[] } {
  requireActivation(f);
  requireNetworkInput(weights, x);
  const A: Vector[] = [];
  const Z: Vector[] = [];
  let input = x;
  weights.forEach((W, l) => {
    const a = dot(W, input);
    const z = a.map(ACTIVATIONS[l === weights.length - 1 ? "sigmoid" : f].f);
    A.push(a);
    Z.push(z);
    input = z;
  });
  return { A, Z };
}

/**
 * δ = ∂E/∂a of every layer for one example (E = ½ Σ (y − o)²): the output layer's as in 05, then
 * back through each hidden layer, δ = (Wᵀ·δ_next) ⊙ f′(a), where f′ is σ(1 − σ) or ReLU's 0/1 (the activation's
 * `chain`, fast/activations.ts).
 * ∂E/∂W of layer l is outer(δ[l], its input), as in 06.
 */
export function deltasWith(weights: readonly Matrix[], x: Vector, y: Vector, f: HiddenActivation): Vector[] {
  requireActivation(f);
  requireNetworkInput(weights, x, y);
  const { Z } = forwardWith(weights, x, f);
  const L = weights.length;
  const d: Vector[] = new Array(L);
  d[L - 1] = outputDelta(Z[L - 1], y);
  for (let l = L - 2; l >= 0; l--) {
    const next = weights[l + 1];
    d[l] = Z[l].map((z, j) => {
      let back = 0;
      for (let k = 0; k < next.length; k++) back += next[k][j] * d[l + 1][k];
      // for "sigmoid" multiplied in hiddenDelta's order (back · z · (1 − z)), so it gives its deltas bit for bit
      return ACTIVATIONS[f].chain(back, z);
    });
  }
  return d;
}
