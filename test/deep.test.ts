/**
 * lib/beyond/deep.ts: ReLU, Xavier and He initialisation, and the deltas of a network whose hidden
 * layers use sigmoid or ReLU (06's ReLU section).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import {
  deltas, deltasWith, forward, forwardWith, halfSumSquaredError, initUniform, lessonData, outer, relu, reluSlope, uniformLimit,
} from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

const { weights, x, y } = lessonData();

test("ReLU and its slope", () => {
  assert.deepEqual([-2, -0, 0, 0.5, 3].map(relu), [0, 0, 0, 0.5, 3]);
  assert.deepEqual([-2, 0, 1e-12, 3].map(reluSlope), [0, 0, 1, 1]);
});

test("Xavier √(6/(n+m)) and He √(6/n): every weight inside its layer's limit, centred on 0, the same for the same seed", () => {
  const sizes = [3, 40, 40, 2];
  for (const kind of ["xavier", "he"] as const) {
    const W = initUniform(sizes, kind, "s");
    assert.deepEqual(W.map((M) => [M.length, M[0].length]), [[40, 3], [40, 40], [2, 40]]);
    W.forEach((M, l) => {
      const limit = uniformLimit(sizes[l], sizes[l + 1], kind);
      const v = M.flat();
      assert.ok(v.every((w) => Math.abs(w) <= limit), `${kind} W${l + 1} within ±${limit}`);
      assert.ok(Math.max(...v.map(Math.abs)) > 0.8 * limit, `${kind} W${l + 1} fills its range`);
    });
    const all = W[1].flat();
    assert.ok(Math.abs(all.reduce((a, b) => a + b, 0) / all.length) < 0.1 * uniformLimit(40, 40, kind), "centred on 0");
    assert.deepEqual(initUniform(sizes, kind, "s"), W, "reproducible");
  }
  assert.equal(uniformLimit(10, 30, "xavier"), Math.sqrt(6 / 40));
  assert.equal(uniformLimit(10, 30, "he"), Math.sqrt(6 / 10));
  assertInputError(() => uniformLimit(3, 3, "glorot" as "he"), "deep-init");
});

test("with sigmoid everywhere, forwardWith and deltasWith are the lesson's forward and deltas, bit for bit", () => {
  const f = forward(weights, x);
  assert.deepEqual(forwardWith(weights, x, "sigmoid"), { A: f.A, Z: f.Z });
  assert.deepEqual(deltasWith(weights, x, y, "sigmoid"), deltas(weights, f, y));
});

test("ReLU deltas give the gradient: outer(δ, input) matches central differences of E on a ReLU network", () => {
  const W = initUniform([3, 5, 4, 2], "he", "relu-check");
  const d = deltasWith(W, x, y, "relu");
  const { Z } = forwardWith(W, x, "relu");
  const E = (V: number[][][]) => halfSumSquaredError(y, forwardWith(V, x, "relu").Z[V.length - 1]);
  const h = 1e-6;
  let compared = 0;
  W.forEach((M, l) => {
    const g = outer(d[l], l === 0 ? x : Z[l - 1]);
    M.forEach((row, k) => row.forEach((_, i) => {
      const up = W.map((N) => N.map((r) => r.slice())), down = W.map((N) => N.map((r) => r.slice()));
      up[l][k][i] += h;
      down[l][k][i] -= h;
      const numeric = (E(up) - E(down)) / (2 * h);
      assert.ok(Math.abs(numeric - g[k][i]) <= 1e-7 + 1e-5 * Math.abs(g[k][i]), `W${l + 1}[${k}][${i}]: ${numeric} vs ${g[k][i]}`);
      compared++;
    }));
  });
  assert.equal(compared, 3 * 5 + 5 * 4 + 4 * 2);
});

test("in a deep network the sigmoid's deltas shrink towards the input and ReLU's do not (06's table)", () => {
  const sizes = [3, 10, 10, 10, 10, 10, 10, 10, 10, 2];
  const meanAbs = (v: number[]) => v.reduce((a, b) => a + Math.abs(b), 0) / v.length;
  const s = deltasWith(initUniform(sizes, "xavier"), x, y, "sigmoid").map(meanAbs);
  const r = deltasWith(initUniform(sizes, "he"), x, y, "relu").map(meanAbs);
  assert.ok(s[0] < 1e-4 * s[s.length - 1], `sigmoid: first ${s[0]} vs output ${s[s.length - 1]}`);
  assert.ok(r[0] > 0.05 * r[r.length - 1], `ReLU: first ${r[0]} vs output ${r[r.length - 1]}`);
});

test("bad activations and inputs: one bilingual line", () => {
  assertInputError(() => deltasWith(weights, x, y, "tanh" as "relu"), "deep-activation");
  assertInputError(() => forwardWith(weights, [1, 2], "relu"), "vector-length");
  assertInputError(() => initUniform([3], "he"), "layer-count");
});
