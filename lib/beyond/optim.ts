/**
 * Notebook 08 (and 09–10): optimisers, ways of turning gradients into weight changes.
 *
 * As in deep-learning-from-scratch's `common/optimizer.py`, every optimiser has ONE method,
 * `update(params, grads)`: `params` and `grads` are lists of the same length and shapes, each entry
 * either a Matrix (number[][]) or a flat typed array. The optimiser changes `params` in place and
 * keeps whatever memory it needs (velocity, moment estimates) between calls.
 *
 *   SGD       w ← w − α g                                (the lesson's update)
 *   Momentum  v ← μ v − α g,  w ← w + v
 *   AdaGrad   h ← h + g²,                 w ← w − α g / (√h + ε)      (every past g² counts: steps shrink)
 *   RMSProp   h ← ρ h + (1 − ρ) g²,       w ← w − α g / (√h + ε)      (a moving average: old g² fade)
 *   Adam      m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²,
 *             m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ),   w ← w − α m̂ / (√v̂ + ε)
 */
import { Matrix, Vector, WeightIndex, requireWeightIndex } from "../lesson/matrix";
import { InputError, describe, requireFraction, requirePositive, requireVector, requireWhole } from "../lesson/errors";
import { REASONS } from "../lesson/messages";
import { LESSON_ITERATIONS, MAX_ITERATIONS } from "../lesson/train";
import { progressLoop } from "../lesson/progress";
import { Network } from "../fast/network";
import { FastTrainResult, trainingLoop } from "../fast/train";

/** One parameter block: a weight matrix as rows, or a flat typed array (Network.W[l], a bias vector…). */
export type ParamBlock = Matrix | Float64Array | Float32Array | number[];

export interface Optimizer {
  /** Short name for legends, e.g. "SGD (α=0.1)". */
  readonly name: string;
  /** Change `params` in place using `grads` (same length, same shapes). */
  update(params: readonly ParamBlock[], grads: readonly ParamBlock[]): void;
  /** Forget the memory (velocity, moments, step count), as if newly created. */
  reset(): void;
}

type Row = { length: number; [i: number]: number };

/** The rows of every block, in order: a Matrix gives its rows, a flat array is one row. */
function rowsOf(blocks: readonly ParamBlock[]): Row[] {
  const rows: Row[] = [];
  for (const b of blocks) {
    if (b.length > 0 && Array.isArray(b[0])) for (const r of b as Matrix) rows.push(r);
    else rows.push(b as Row);
  }
  return rows;
}

/** "1×3" for rows of one length, else the row lengths ("[2, 3]"): a parameter list's shape for a message. */
function rowsShape(rows: readonly Row[]): string {
  const lengths = rows.map((r) => r.length);
  return lengths.every((n) => n === lengths[0]) && lengths.length > 0 ? `${lengths.length}×${lengths[0]}` : `[${lengths.join(", ")}]`;
}

function pairRows(params: readonly ParamBlock[], grads: readonly ParamBlock[]): [Row[], Row[]] {
  if (params.length !== grads.length) {
    throw new InputError("optimizer-block-count", { paramsLength: params.length, gradsLength: grads.length });
  }
  const p = rowsOf(params), g = rowsOf(grads);
  if (p.length !== g.length || p.some((r, j) => r.length !== g[j].length)) {
    throw new InputError("optimizer-shape", { paramShape: rowsShape(p), gradShape: rowsShape(g) });
  }
  return [p, g];
}

/**
 * Per-row memory: created on the first update with the parameters' shapes; on a later update, the same
 * memory if the parameters still have those shapes, else an InputError (one optimiser kept for two
 * different parameter lists would mix their memories, or read past the end of it).
 */
function stateFor(who: string, state: Float64Array[] | null, rows: Row[]): Float64Array[] {
  if (state === null) return rows.map((r) => new Float64Array(r.length));
  if (state.length !== rows.length || state.some((s, j) => s.length !== rows[j].length)) {
    const was = rowsShape(state), now = rowsShape(rows);
    throw new InputError("optimizer-state-shape", { who, was, now });
  }
  return state;
}
/** Plain gradient descent, the lesson's `W -= learning_rate * grad`. */
export class SGD implements Optimizer {
  readonly name: string;
  constructor(readonly learningRate = 0.1) {
    requirePositive(learningRate, "SGD: learningRate");
    this.name = `SGD (α=${learningRate})`;
  }
  update(params: readonly ParamBlock[], grads: readonly ParamBlock[]): void {
    const [p, g] = pairRows(params, grads);
    const lr = this.learningRate;
    for (let j = 0; j < p.length; j++) {
      const w = p[j], d = g[j];
      for (let i = 0; i < w.length; i++) w[i] -= lr * d[i];
    }
  }
  reset(): void { /* SGD has no memory */ }
}

/** Momentum: a velocity v that remembers past steps, v ← μ v − α g, w ← w + v. */
export class Momentum implements Optimizer {
  readonly name: string;
  private v: Float64Array[] | null = null;
  constructor(readonly learningRate = 0.1, readonly momentum = 0.9) {
    requirePositive(learningRate, "Momentum: learningRate");
    requireFraction(momentum, "Momentum: momentum (μ)");
    this.name = `Momentum (α=${learningRate}, μ=${momentum})`;
  }
  update(params: readonly ParamBlock[], grads: readonly ParamBlock[]): void {
    const [p, g] = pairRows(params, grads);
    const v = (this.v = stateFor("Momentum", this.v, p));
    const { learningRate: lr, momentum: mu } = this;
    for (let j = 0; j < p.length; j++) {
      const w = p[j], d = g[j], vj = v[j];
      for (let i = 0; i < w.length; i++) {
        vj[i] = mu * vj[i] - lr * d[i];
        w[i] += vj[i];
      }
    }
  }
  /** The current velocity, one flat array per row of the parameters (empty before the first update). */
  velocity(): Float64Array[] {
    return (this.v ?? []).map((r) => r.slice());
  }
  reset(): void { this.v = null; }
}

/** Shared by AdaGrad and RMSProp: w ← w − α g / (√h + ε), where h is some sum or average of g². */
abstract class ScaledByGradientSize implements Optimizer {
  abstract readonly name: string;
  private h: Float64Array[] | null = null;
  constructor(readonly learningRate: number, readonly epsilon: number, private readonly who: string) {
    requirePositive(learningRate, `${who}: learningRate`);
    requirePositive(epsilon, `${who}: epsilon`);
  }
  /** The new h from the old one and the gradient. */
  protected abstract accumulate(h: number, g: number): number;
  update(params: readonly ParamBlock[], grads: readonly ParamBlock[]): void {
    const [p, g] = pairRows(params, grads);
    const h = (this.h = stateFor(this.who, this.h, p));
    const { learningRate: lr, epsilon: eps } = this;
    for (let j = 0; j < p.length; j++) {
      const w = p[j], d = g[j], hj = h[j];
      for (let i = 0; i < w.length; i++) {
        hj[i] = this.accumulate(hj[i], d[i]);
        w[i] -= (lr * d[i]) / (Math.sqrt(hj[i]) + eps);
      }
    }
  }
  /** The running h (sum or average of squared gradients), one flat array per row of the parameters. */
  squares(): Float64Array[] {
    return (this.h ?? []).map((r) => r.slice());
  }
  reset(): void { this.h = null; }
}

/** AdaGrad (Duchi et al., 2011): divides by the root of the SUM of all past squared gradients, so steps only shrink. */
export class AdaGrad extends ScaledByGradientSize {
  readonly name: string;
  constructor(learningRate = 0.1, epsilon = 1e-8) {
    super(learningRate, epsilon, "AdaGrad");
    this.name = `AdaGrad (α=${learningRate})`;
  }
  protected accumulate(h: number, g: number): number { return h + g * g; }
}

/** RMSProp (Hinton's lecture 6e, 2012): AdaGrad with a moving average, h ← ρ h + (1 − ρ) g², so old gradients fade. */
export class RMSProp extends ScaledByGradientSize {
  readonly name: string;
  constructor(learningRate = 0.01, readonly rho = 0.9, epsilon = 1e-8) {
    super(learningRate, epsilon, "RMSProp");
    requireFraction(rho, "RMSProp: rho (ρ)");
    this.name = `RMSProp (α=${learningRate}, ρ=${rho})`;
  }
  protected accumulate(h: number, g: number): number { return this.rho * h + (1 - this.rho) * g * g; }
}

export interface AdamOptions {
  /** α: the step size. Kingma & Ba suggest 0.001. */
  learningRate?: number;
  /** β₁: how much of the previous mean of the gradients is kept (0.9). */
  beta1?: number;
  /** β₂: how much of the previous mean of the squared gradients is kept (0.999). */
  beta2?: number;
  /** ε: a tiny number that keeps the division finite when v̂ is 0 (1e-8). */
  epsilon?: number;
}

const ADAM_OPTIONS = ["learningRate", "beta1", "beta2", "epsilon"];

/**
 * Adam's settings come as one object, `new Adam({ learningRate: 0.1 })`: a bare number (`new Adam(0.1)`,
 * the other optimisers' form) or a misspelt name (`learningrate`) would otherwise leave the default α = 0.001.
 */
function requireAdamOptions(opts: unknown): void {
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    const example = typeof opts === "number" ? `new Adam({ learningRate: ${opts} })` : "new Adam({ learningRate: 0.01 })";
    throw new InputError("adam-options-object", { example, opts: describe(opts) });
  }
  for (const key of Object.keys(opts)) {
    if (!ADAM_OPTIONS.includes(key)) {
      const near = ADAM_OPTIONS.find((k) => k.toLowerCase() === key.toLowerCase());
      throw new InputError("adam-unknown-option", { key, near, settings: ADAM_OPTIONS.join(", ") });
    }
  }
}

/** Adam (Kingma & Ba, 2015) with bias correction. */
export class Adam implements Optimizer {
  readonly name: string;
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Number of updates done so far (t in the formulas). */
  t = 0;
  private m: Float64Array[] | null = null;
  private v: Float64Array[] | null = null;

  constructor(opts: AdamOptions = {}) {
    requireAdamOptions(opts);
    this.learningRate = opts.learningRate ?? 0.001;
    this.beta1 = opts.beta1 ?? 0.9;
    this.beta2 = opts.beta2 ?? 0.999;
    this.epsilon = opts.epsilon ?? 1e-8;
    requirePositive(this.learningRate, "Adam: learningRate");
    requirePositive(this.epsilon, "Adam: epsilon");
    requireFraction(this.beta1, "Adam: beta1 (β₁)");
    requireFraction(this.beta2, "Adam: beta2 (β₂)");
    // the settings that differ from the defaults name themselves, so a legend stays right after an edit
    const changed = [[this.beta1, 0.9, "β₁"], [this.beta2, 0.999, "β₂"], [this.epsilon, 1e-8, "ε"]] as const;
    this.name = `Adam (α=${this.learningRate}${changed.map(([v, d, n]) => (v === d ? "" : `, ${n}=${v}`)).join("")})`;
  }

  update(params: readonly ParamBlock[], grads: readonly ParamBlock[]): void {
    const [p, g] = pairRows(params, grads);
    const m = (this.m = stateFor("Adam", this.m, p));
    const v = (this.v = stateFor("Adam", this.v, p));
    this.t += 1;
    const { learningRate: lr, beta1: b1, beta2: b2, epsilon: eps } = this;
    const c1 = 1 - b1 ** this.t, c2 = 1 - b2 ** this.t;
    for (let j = 0; j < p.length; j++) {
      const w = p[j], d = g[j], mj = m[j], vj = v[j];
      for (let i = 0; i < w.length; i++) {
        mj[i] = b1 * mj[i] + (1 - b1) * d[i];
        vj[i] = b2 * vj[i] + (1 - b2) * d[i] * d[i];
        const mHat = mj[i] / c1, vHat = vj[i] / c2;
        w[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
      }
    }
  }

  /** The moment estimates m and v, one flat array per row of the parameters. */
  moments(): { m: Float64Array[]; v: Float64Array[] } {
    return { m: (this.m ?? []).map((r) => r.slice()), v: (this.v ?? []).map((r) => r.slice()) };
  }

  reset(): void { this.t = 0; this.m = null; this.v = null; }
}

export interface OptimizerTrainOptions {
  /** Initial weights; copied, never changed. */
  weights: readonly Matrix[];
  x: Vector;
  y: Vector;
  optimizer: Optimizer;
  /** The lesson repeats 1000 times. */
  iterations?: number;
  /** Weights whose value is recorded before every update (for paths on a loss surface). */
  track?: readonly WeightIndex[];
}

/**
 * The lesson's training loop with a chosen optimiser: forward, loss, backward (all from `Network`),
 * then `optimizer.update(W, ∂E/∂W)`. With `new SGD(α)` this gives exactly what `train()` gives.
 * The optimiser is reset first, so one object can be used for several runs.
 */
export function trainWithOptimizer(opts: OptimizerTrainOptions): FastTrainResult & { optimizer: string } {
  const n = requireWhole(opts.iterations ?? LESSON_ITERATIONS, "iterations", 1, MAX_ITERATIONS);
  const net = new Network(opts.weights, opts.x, opts.y);
  const opt = opts.optimizer;
  opt.reset();
  const result = trainingLoop(net, n, (m) => opt.update(m.W, m.gradients()), opts, `trainWithOptimizer(${opt.name}) 반복`);
  return { ...result, optimizer: opt.name };
}

export interface TwoWeightPath {
  name: string;
  /** Values of the two weights before each step and after the last one (steps + 1 points). */
  p: number[];
  q: number[];
  /** The printed loss Σ (y − o)² at each point. */
  loss: number[];
}

/**
 * Let an optimiser move only two weights, every other weight fixed: the path then lies exactly on
 * the loss surface `lossSurface(weights, x, y, p, q, …)` draws. Gradients are ∂E/∂w as in training.
 */
export function descendTwoWeights(
  weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, q: WeightIndex,
  start: [number, number], optimizer: Optimizer, steps: number,
): TwoWeightPath {
  requireWeightIndex(weights, p, "descendTwoWeights");
  requireWeightIndex(weights, q, "descendTwoWeights");
  requireVector(start, "start", 2, REASONS["start-pq"]());
  requireWhole(steps, "steps", 0, MAX_ITERATIONS);
  const net = new Network(weights, x, y);
  optimizer.reset();
  const w = new Float64Array(start), g = new Float64Array(2);
  const path: TwoWeightPath = { name: optimizer.name, p: [], q: [], loss: [] };
  const progress = progressLoop("descendTwoWeights() 단계", steps);
  for (let s = 0; s <= steps; s++) {
    net.setWeight(p, w[0]);
    net.setWeight(q, w[1]);
    path.p.push(w[0]);
    path.q.push(w[1]);
    path.loss.push(net.forward());
    if (s === steps) break;
    net.backward();
    g[0] = net.gradientOf(p);
    g[1] = net.gradientOf(q);
    optimizer.update([w], [g]);
    progress.tick(s + 1);
  }
  progress.end();
  return path;
}

/** The first iteration whose printed loss is below `threshold`, or -1 if none is. */
export function iterationsToReach(loss: ArrayLike<number>, threshold: number): number {
  for (let i = 0; i < loss.length; i++) if (loss[i] < threshold) return i;
  return -1;
}
