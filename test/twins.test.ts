/**
 * The readable lesson core (lib/lesson, plain arrays) and its fast twin (lib/fast, Float64Arrays) compute
 * the same numbers to the last bit: the same products and sums in the same order. So the comparisons
 * here are exact (deepStrictEqual), never within a tolerance.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import {
  SGD, initWeights, lessonData, linspace, lossAlongWeight, lossSurface, train, trainFast, trainWithOptimizer, descendOneWeight, Network,
  gradients, forward, sumSquaredError,
} from "nn-lesson/dist/internal";

/** The result without its timing, typed arrays as plain arrays. */
function plain(r: { first: number[]; last: number[]; loss: ArrayLike<number>; weights: number[][][]; path: ArrayLike<number>[] }) {
  return { first: r.first, last: r.last, loss: Array.from(r.loss), weights: r.weights, path: r.path.map((p) => Array.from(p)) };
}

test("the lesson's program: train() and trainFast() give bit-identical outputs, losses, weights and paths", () => {
  const d = lessonData();
  const track = [{ layer: 2, row: 0, col: 0 }, { layer: 0, row: 1, col: 2 }];
  const slow = train({ ...d, track });
  const fast = trainFast({ ...d, track });
  assert.deepStrictEqual(plain(fast), plain(slow));
  assert.equal(slow.loss.length, 1000);
  assert.equal(slow.path[0].length, 1001);
});

test("any shape, seed, learning rate: train() and trainFast() agree to the last bit", () => {
  fc.assert(fc.property(
    fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }), fc.string({ maxLength: 6 }),
    fc.double({ min: 0.01, max: 5, noNaN: true }), fc.integer({ min: 1, max: 60 }),
    (sizes, seed, learningRate, iterations) => {
      const weights = initWeights(sizes, seed);
      const x = linspace(-1, 1, sizes[0]), y = linspace(0.1, 0.9, sizes[sizes.length - 1]);
      const opts = { weights, x, y, learningRate, iterations };
      assert.deepStrictEqual(plain(trainFast(opts)), plain(train(opts)));
    },
  ), { numRuns: 150 });
});

test("trainWithOptimizer(SGD) is train() to the last bit (the lesson's weights and another shape, with tracked paths)", () => {
  const d = lessonData();
  const track = [{ layer: 2, row: 0, col: 0 }, { layer: 0, row: 1, col: 2 }];
  for (const [w0, lr, iterations] of [[d.weights, 0.1, 1000], [initWeights([3, 4, 2, 2], 7), 0.3, 300]] as const) {
    const viaSgd = trainWithOptimizer({ weights: w0, x: d.x, y: d.y, optimizer: new SGD(lr), iterations, track });
    assert.deepStrictEqual(plain(viaSgd), plain(train({ weights: w0, x: d.x, y: d.y, learningRate: lr, iterations, track })));
    assert.equal(viaSgd.optimizer, `SGD (α=${lr})`);
  }
});

test("Network.step() is one iteration of the lesson's loop; its gradients are gradients()", () => {
  const d = lessonData();
  const net = new Network(d.weights, d.x, d.y);
  net.forward();
  net.backward();
  assert.deepStrictEqual(net.gradients().map((g) => Array.from(g)), gradients(d.weights, d.x, d.y).map((G) => G.flat()));
  const loss = new Network(d.weights, d.x, d.y).step(0.1);
  assert.equal(loss, sumSquaredError(d.y, forward(d.weights, d.x).output));
});

test("lossSurface (fast) along one row is lossAlongWeight (lesson) to the last bit", () => {
  const d = lessonData();
  const p = { layer: 2, row: 0, col: 0 }, q = { layer: 1, row: 2, col: 1 };
  const values = linspace(-3, 3, 25);
  const qValue = d.weights[1][2][1];
  const surface = lossSurface(d.weights, d.x, d.y, p, q, values, [qValue]);
  assert.deepStrictEqual(surface.loss[0], lossAlongWeight(d.weights, d.x, d.y, p, values).loss);
});

test("descendOneWeight's central-difference slopes are the back-propagated ∂E/∂w of 05–06 (E = ½Σ, no factor 2), each step w − α·slope", () => {
  const d = lessonData();
  for (const p of [{ layer: 2, row: 1, col: 2 }, { layer: 2, row: 0, col: 0 }, { layer: 0, row: 1, col: 2 }]) {
    const path = descendOneWeight(d.weights, d.x, d.y, p, 0.8, 5, 3);
    assert.equal(path.form, "half");
    path.w.forEach((w, i) => {
      const W = d.weights.map((M) => M.map((r) => r.slice()));
      W[p.layer][p.row][p.col] = w;
      const backprop = gradients(W, d.x, d.y)[p.layer][p.row][p.col];
      assert.ok(Math.abs(path.slope[i] - backprop) <= 1e-6 * Math.abs(backprop) + 1e-10, `${JSON.stringify(p)} step ${i}: ${path.slope[i]} vs ${backprop}`);
      if (i > 0) assert.equal(w, path.w[i - 1] - 5 * path.slope[i - 1]);
    });
  }
});
