import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import {
  Network, gradientCheck, gradients, halfSumSquaredError, initWeights, lessonData, sumSquaredError,
} from "nn-lesson/dist/internal";
import { assertClose } from "./helpers";

test("on the lesson's network: back-propagation is the gradient of ½Σ(y−o)², for every weight", () => {
  const d = lessonData();
  const r = gradientCheck(d.weights, d.x, d.y, halfSumSquaredError);
  r.maxRelDiffPerLayer.forEach((rel, l) => assert.ok(rel < 1e-7, `W${l + 1}: relative difference ${rel}`));
  assert.equal(r.numerical.flat(2).length, 18);
});

test("on the lesson's network: the printed loss Σ(y−o)² has exactly twice that gradient", () => {
  const d = lessonData();
  const r = gradientCheck(d.weights, d.x, d.y, sumSquaredError);
  r.backprop.forEach((G, l) => G.forEach((row, k) => row.forEach((b, i) => {
    const n = r.numerical[l][k][i];
    assert.ok(Math.abs(n - 2 * b) <= 1e-8 * Math.max(1, Math.abs(n)), `W${l + 1}[${k}][${i}]: numerical ${n} vs 2×backprop ${2 * b}`);
  })));
  // and so it is NOT the backprop gradient itself: relative difference 1/3 = |b − 2b| / (|b| + |2b|)
  r.maxRelDiffPerLayer.forEach((rel) => assertClose(rel, 1 / 3, 1e-6));
});

test("property: gradient check on random shapes, seeds and data (every weight)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
      (sizes, seed, data) => {
        const W = initWeights(sizes, seed).map((M) => M.map((row) => row.map((w) => 2 * w - 1)));
        const x = Array.from({ length: sizes[0] }, (_, i) => data[i % 8]);
        const y = Array.from({ length: sizes[sizes.length - 1] }, (_, i) => (data[(i + 3) % 8] + 1) / 2);
        const r = gradientCheck(W, x, y, halfSumSquaredError, 1e-5);
        r.backprop.forEach((G, l) => G.forEach((row, k) => row.forEach((b, i) => {
          const n = r.numerical[l][k][i];
          assert.ok(Math.abs(b - n) <= 1e-8 + 1e-5 * Math.abs(n), `sizes ${sizes} seed ${seed} W${l + 1}[${k}][${i}]: ${b} vs ${n}`);
        })));
      },
    ),
    { numRuns: 150, seed: 20261128 },
  );
});

test("property: the fast Network's deltas give the same gradients as the readable code", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }), fc.integer({ min: 0, max: 1e6 }), (sizes, seed) => {
      const W = initWeights(sizes, seed);
      const x = initWeights([sizes[0], 1], seed + 1)[0][0];
      const y = Array.from({ length: sizes[sizes.length - 1] }, (_, k) => (k % 2 ? 0.2 : 0.7));
      const net = new Network(W, x, y);
      net.forward();
      net.backward();
      const g = gradients(W, x, y);
      g.forEach((G, l) => G.forEach((row, k) => row.forEach((v, i) => {
        assertClose(net.gradientOf({ layer: l, row: k, col: i }), v, 1e-15, `W${l + 1}[${k}][${i}]`);
      })));
    }),
    { numRuns: 100, seed: 7 },
  );
});
