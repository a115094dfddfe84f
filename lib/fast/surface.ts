/**
 * Notebooks 07–08: the loss over a grid of two weights, every other weight fixed, on the fast
 * Network (a 101×101 grid is 10,201 forward passes). The one-weight curve is lesson/descent.ts.
 * Data only; display/figures turns it into a figure.
 */
import { Matrix, Vector, WeightIndex, requireNetworkInput, requireWeightIndex } from "../lesson/matrix";
import { requireVector, requireWhole } from "../lesson/errors";
import { progressLoop } from "../lesson/progress";

/** The most grid points of one surface (each is a forward pass): 1001 × 1001. */
export const MAX_SURFACE_POINTS = 1001 * 1001;
import { Network } from "./network";

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
  requireNetworkInput(weights, x, y);
  requireWeightIndex(weights, p, "lossSurface");
  requireWeightIndex(weights, q, "lossSurface");
  requireVector(pValues, "pValues");
  requireVector(qValues, "qValues");
  requireWhole(pValues.length * qValues.length, "격자 점의 수 (pValues × qValues)", 1, MAX_SURFACE_POINTS);
  const net = new Network(weights, x, y);
  const progress = progressLoop("lossSurface() 격자 점", pValues.length * qValues.length);
  let done = 0;
  const loss = qValues.map((qv) => {
    net.setWeight(q, qv);
    return pValues.map((pv) => {
      net.setWeight(p, pv);
      const l = net.forward();
      progress.tick(++done);
      return l;
    });
  });
  progress.end();
  return { p: pValues.slice(), q: qValues.slice(), loss };
}
