import { Matrix, Vector } from "./matrix";
import { Network, WeightIndex } from "./network";

/**
 * Loss as a function of one or two chosen weights, every other weight held fixed.
 * These return data only; lib/plot.ts turns data into figures.
 */

/** Evenly spaced numbers from `from` to `to`, both included. */
export function linspace(from: number, to: number, n: number): number[] {
  if (n < 2) return [from];
  return Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

export interface Curve {
  w: number[];
  /** Σ (y − o)² at each w. */
  loss: number[];
}

/** The printed loss Σ (y − o)² as one weight moves over `values`. */
export function lossAlongWeight(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, values: number[]): Curve {
  const net = new Network(weights, x, y);
  const loss = values.map((v) => {
    net.setWeight(p, v);
    return net.forward();
  });
  return { w: values.slice(), loss };
}

/** The loss and its slope ∂L/∂w (L = Σ (y − o)², so twice the back-propagated ∂E/∂w) at one value of one weight. */
export function lossAndSlope(weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, value: number): { loss: number; slope: number } {
  const net = new Network(weights, x, y);
  net.setWeight(p, value);
  const loss = net.forward();
  net.backward();
  return { loss, slope: 2 * net.gradientOf(p) };
}

export interface DescentPath {
  /** w₀, w₁, …: the weight before each step and after the last one. */
  w: number[];
  /** L(wᵢ). */
  loss: number[];
  /** ∂L/∂w at wᵢ. */
  slope: number[];
  learningRate: number;
}

/**
 * Gradient descent on ONE weight of the network (the others fixed): w ← w − α ∂L/∂w,
 * with L = Σ (y − o)² exactly as printed, so the tangent drawn at each point touches the curve.
 */
export function descendOneWeight(
  weights: readonly Matrix[], x: Vector, y: Vector, p: WeightIndex, start: number, learningRate: number, steps: number,
): DescentPath {
  const net = new Network(weights, x, y);
  const w: number[] = [], loss: number[] = [], slope: number[] = [];
  let value = start;
  for (let s = 0; s <= steps; s++) {
    net.setWeight(p, value);
    const L = net.forward();
    net.backward();
    const g = 2 * net.gradientOf(p);
    w.push(value); loss.push(L); slope.push(g);
    value -= learningRate * g;
  }
  return { w, loss, slope, learningRate };
}

export interface Surface {
  /** Values of the first weight (x axis). */
  p: number[];
  /** Values of the second weight (y axis). */
  q: number[];
  /** loss[j][i] = L at (p[i], q[j]): rows follow q, as plotly's z expects. */
  loss: number[][];
}

/** Σ (y − o)² over a grid of two weights, every other weight fixed at its value in `weights`. */
export function lossSurface(
  weights: readonly Matrix[], x: Vector, y: Vector,
  p: WeightIndex, q: WeightIndex, pValues: number[], qValues: number[],
): Surface {
  const net = new Network(weights, x, y);
  const loss = qValues.map((qv) => {
    net.setWeight(q, qv);
    return pValues.map((pv) => {
      net.setWeight(p, pv);
      return net.forward();
    });
  });
  return { p: pValues.slice(), q: qValues.slice(), loss };
}
