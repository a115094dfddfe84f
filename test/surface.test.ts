import { test } from "node:test";
import * as assert from "assert/strict";
import {
  SLOPE_STEP, cloneMatrices, descendOneWeight, forward, lessonData, linspace, lossAlongWeight, lossAndSlope, lossSurface, sumSquaredError, train,
} from "nn-lesson/dist/internal";
import { assertClose, assertInputError } from "./helpers";

const d = lessonData();
const p = { layer: 2, row: 0, col: 0 }, q = { layer: 2, row: 1, col: 2 };

function lossWith(changes: [typeof p, number][]): number {
  const W = cloneMatrices(d.weights);
  for (const [at, v] of changes) W[at.layer][at.row][at.col] = v;
  return sumSquaredError(d.y, forward(W, d.x).output);
}

test("linspace includes both ends", () => {
  assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
});

test("lossSurface[j][i] is the loss with p = p[i], q = q[j], others fixed", () => {
  const s = lossSurface(d.weights, d.x, d.y, p, q, linspace(-2, 2, 7), linspace(-1, 3, 5));
  assert.equal(s.loss.length, 5);
  assert.equal(s.loss[0].length, 7);
  assertClose(s.loss[3][1], lossWith([[p, s.p[1]], [q, s.q[3]]]), 1e-15);
  assertClose(s.loss[0][6], lossWith([[p, 2], [q, -1]]), 1e-15);
});

test("lossAlongWeight gives L = Σ(y−o)² or E = ½Σ(y−o)²; lossAndSlope gives E and its central difference, as 04 writes it", () => {
  const c = lossAlongWeight(d.weights, d.x, d.y, p, [0.3, 1]);
  assert.equal(c.form, "sum");
  assertClose(c.loss[1], lossWith([[p, 1]]), 1e-15);
  const half = lossAlongWeight(d.weights, d.x, d.y, p, [0.3, 1], "half");
  assert.equal(half.form, "half");
  assert.deepEqual(half.loss, c.loss.map((l) => 0.5 * l));
  assertInputError(() => lossAlongWeight(d.weights, d.x, d.y, p, [1], "mean" as never), "loss-form");
  // E(w) and (E(w + h) − E(w − h)) / (2h), written out as a learner writes them in notebook 04
  const E = (w: number) => 0.5 * lossWith([[p, w]]);
  const h = SLOPE_STEP;
  const { loss, slope } = lossAndSlope(d.weights, d.x, d.y, p, 1);
  assert.equal(loss, E(1));
  assert.equal(slope, (E(1 + h) - E(1 - h)) / (2 * h));
});

test("descendOneWeight: w_{i+1} = w_i − α·slope_i, and the loss falls for a small α", () => {
  const path = descendOneWeight(d.weights, d.x, d.y, p, 3, 0.5, 10);
  assert.equal(path.w.length, 11);
  for (let i = 0; i < 10; i++) assertClose(path.w[i + 1], path.w[i] - 0.5 * path.slope[i], 1e-15);
  for (let i = 0; i < 10; i++) assert.ok(path.loss[i + 1] < path.loss[i]);
});

test("train() records the path of tracked weights", () => {
  const r = train({ weights: d.weights, x: d.x, y: d.y, iterations: 50, track: [p, q] });
  assert.equal(r.path[0].length, 51);
  assert.equal(r.path[0][0], d.weights[2][0][0]);
  assert.equal(r.path[1][50], r.weights[2][1][2]);
});
