/** Notebooks 09–10: a trained Classifier's answer over a grid of two features, for decision-boundary plots. */
import { argmax, linspace } from "../lesson/matrix";
import { InputError, requireWhole } from "../lesson/errors";
import { progressLoop } from "../lesson/progress";
import { Classifier } from "./classify";

export interface DecisionGrid {
  /** Grid coordinates along the first and second input (in the data's own units). */
  x: number[];
  y: number[];
  /** cls[j][i]: predicted class at (x[i], y[j]); rows follow y, as plotly's z expects. */
  cls: number[][];
  /** prob[j][i]: P(class 1) for a sigmoid output, the winning class's probability for softmax. */
  prob: number[][];
}

export interface DecisionGridOptions {
  xRange: [number, number];
  yRange: [number, number];
  /** Points per axis (default 60). */
  n?: number;
  /** Applied to every grid point before the network sees it (e.g. a standardizer's apply). */
  transform?: (p: number[]) => number[];
  /** Evaluate with these parameters (a Snapshot's params) instead of the current ones; the net is restored afterwards. */
  params?: readonly ArrayLike<number>[];
}

/** The network's answer over a grid of the input plane (networks with 2 inputs): data for a decision-boundary plot. */
export function decisionGrid(net: Classifier, opts: DecisionGridOptions): DecisionGrid {
  if (net.sizes[0] !== 2) {
    throw new InputError("decision-grid-inputs", { netSizes0: net.sizes[0] });
  }
  const n = requireWhole(opts.n ?? 60, "n", 2, 1000);
  const x = linspace(opts.xRange[0], opts.xRange[1], n), y = linspace(opts.yRange[0], opts.yRange[1], n);
  const keep = opts.params ? net.snapshot() : null;
  if (opts.params) net.setParams(opts.params);
  const cls: number[][] = [], prob: number[][] = [];
  const progress = progressLoop("decisionGrid() 격자 점", n * n);
  let done = 0;
  for (const yj of y) {
    const cRow: number[] = [], pRow: number[] = [];
    for (const xi of x) {
      const p = net.probabilities(opts.transform ? opts.transform([xi, yj]) : [xi, yj]);
      const best = argmax(p);
      cRow.push(best);
      pRow.push(net.output === "sigmoid" ? p[1] : p[best]);
      progress.tick(++done);
    }
    cls.push(cRow);
    prob.push(pRow);
  }
  progress.end();
  if (keep) net.setParams(keep);
  return { x, y, cls, prob };
}

/** [min − margin, max + margin] of one feature: a plotting range around the data. */
export function featureRange(X: readonly (readonly number[])[], j: number, margin = 0.1): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of X) { lo = Math.min(lo, x[j]); hi = Math.max(hi, x[j]); }
  const pad = (hi - lo) * margin || 1;
  return [lo - pad, hi + pad];
}
