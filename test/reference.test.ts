import { test } from "node:test";
import * as assert from "assert/strict";
import {
  cloneMatrices, deltas, forward, gradients, lessonData, outer, sumSquaredError, train, updateWeights,
} from "nn-lesson/dist/internal";
import { assertClose, reference } from "./helpers";

const ref = reference();

test("data/lesson.json holds the lesson's X, Y and fixed weights (as in the numpy reference)", () => {
  const d = lessonData();
  assert.deepEqual(d.x, ref.x);
  assert.deepEqual(d.y, ref.y);
  assert.deepEqual(d.weights, ref.initialWeights);
  assert.equal(d.learningRate, ref.lr);
  assert.equal(d.iterations, ref.iterations);
});

test("train() reproduces numpy: first/last output, first/last loss, final weights to 1e-12", () => {
  const d = lessonData();
  const r = train({ weights: d.weights, x: d.x, y: d.y, learningRate: ref.lr, iterations: ref.iterations });
  assertClose(r.first, ref.firstOutput, 1e-12, "first");
  assertClose(r.last, ref.lastOutput, 1e-12, "last");
  assertClose(r.loss[0], ref.firstLoss, 1e-12, "first loss");
  assertClose(r.loss[ref.iterations - 1], ref.lastLoss, 1e-12, "last loss");
  assertClose(r.weights, ref.finalWeights, 1e-12, "final weights");
  assert.equal(r.loss.length, 1000);
  assert.deepEqual(d.weights, ref.initialWeights, "train() must not change the weights it was given");
});

test("the readable step-by-step functions give the same numbers as numpy", () => {
  const d = lessonData();
  const W = cloneMatrices(d.weights);
  let first: number[] = [], last: number[] = [], firstLoss = 0, lastLoss = 0;
  for (let i = 0; i < ref.iterations; i++) {
    const fwd = forward(W, d.x);
    if (i === 0) { first = fwd.output; firstLoss = sumSquaredError(d.y, fwd.output); }
    last = fwd.output;
    lastLoss = sumSquaredError(d.y, fwd.output);
    const [delta1, delta2, delta3] = deltas(W, fwd, d.y);
    updateWeights(W, [outer(delta1, d.x), outer(delta2, fwd.Z[0]), outer(delta3, fwd.Z[1])], ref.lr);
  }
  assertClose(first, ref.firstOutput, 1e-12, "first");
  assertClose(last, ref.lastOutput, 1e-12, "last");
  assertClose(firstLoss, ref.firstLoss, 1e-12, "first loss");
  assertClose(lastLoss, ref.lastLoss, 1e-12, "last loss");
  assertClose(W, ref.finalWeights, 1e-12, "final weights");
});

test("gradients() is outer(delta, input) per layer", () => {
  const d = lessonData();
  const fwd = forward(d.weights, d.x);
  const ds = deltas(d.weights, fwd, d.y);
  const g = gradients(d.weights, d.x, d.y);
  assertClose(g[2], outer(ds[2], fwd.Z[1]), 0, "dW3");
  assertClose(g[0], outer(ds[0], d.x), 0, "dW1");
});
