/**
 * The lesson's program against numpy: data/lesson.json and lib/lesson/data.ts hold the lesson's numbers,
 * and train() (the readable loop) reproduces the numpy reference run. Not to the last bit in general:
 * numpy's exp and V8's Math.exp may round the last bit differently for some inputs; here the largest
 * difference is printed and must stay below 1e-12.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import {
  forward, gradients, lessonData, numpyReference, readNetworkFile, sumSquaredError, train, updateWeights, cloneMatrices, maxAbsDiff,
} from "nn-lesson/dist/internal";
import { ROOT, assertClose, reference } from "./helpers";

const ref = reference();

test("lessonData() and numpyReference() hold the lesson's numbers: equal to data/lesson.json and the numpy reference file", () => {
  const d = lessonData();
  assert.deepEqual(d.x, ref.x);
  assert.deepEqual(d.y, ref.y);
  assert.deepEqual(d.weights, ref.initialWeights);
  assert.equal(d.learningRate, ref.lr);
  assert.equal(d.iterations, ref.iterations);
  const file = readNetworkFile(path.join(ROOT, "data", "lesson.json"));
  assert.deepEqual({ ...file }, { weights: d.weights, x: d.x, y: d.y, learningRate: d.learningRate, iterations: d.iterations });
  const n = numpyReference();
  for (const k of ["x", "y", "lr", "iterations", "initialWeights", "finalWeights", "firstOutput", "lastOutput", "firstLoss", "lastLoss"] as const) {
    assert.deepEqual(n[k], ref[k], k);
  }
  const shared = path.join(ROOT, "..", "shared", "reference", "lesson-fixed-weights.json");
  if (fs.existsSync(shared)) assert.deepEqual(JSON.parse(fs.readFileSync(shared, "utf8")), ref, "test/fixtures is a copy of ../shared/reference");
});

test("lessonData() gives a fresh copy: changing it in one cell does not change it for the next", () => {
  const a = lessonData();
  a.weights[0][0][0] = 99;
  a.x[0] = 99;
  assert.equal(lessonData().weights[0][0][0], 0.1);
  assert.equal(lessonData().x[0], 0.5);
});

test("train() reproduces numpy: first/last output, first/last loss, final weights to 1e-12", () => {
  const d = lessonData();
  const r = train(d);
  const diff = Math.max(
    ...r.first.map((v, i) => Math.abs(v - ref.firstOutput[i])), ...r.last.map((v, i) => Math.abs(v - ref.lastOutput[i])),
    Math.abs(r.loss[0] - ref.firstLoss), Math.abs(r.loss[ref.iterations - 1] - ref.lastLoss), maxAbsDiff(r.weights, ref.finalWeights),
  );
  console.log(`# train() vs numpy: largest difference ${diff.toExponential(2)} (outputs, losses, final weights)`);
  assertClose(r.first, ref.firstOutput, 1e-12, "first");
  assertClose(r.last, ref.lastOutput, 1e-12, "last");
  assertClose(r.loss[0], ref.firstLoss, 1e-12, "first loss");
  assertClose(r.loss[ref.iterations - 1], ref.lastLoss, 1e-12, "last loss");
  assertClose(r.weights, ref.finalWeights, 1e-12, "final weights");
  assert.equal(r.loss.length, 1000);
  assert.deepEqual(d.weights, ref.initialWeights, "train() must not change the weights it was given");
});

test("one gradient step along gradients() lowers E = ½Σ(y−o)² by about α·|∇E|² (first order)", () => {
  const d = lessonData();
  const E = (W: number[][][]) => sumSquaredError(d.y, forward(W, d.x).output) / 2;
  const g = gradients(d.weights, d.x, d.y);
  const norm2 = g.flat(2).reduce((s, v) => s + v * v, 0);
  for (const alpha of [1e-3, 1e-4]) {
    const W = cloneMatrices(d.weights);
    updateWeights(W, g, alpha);
    const drop = E(d.weights) - E(W);
    assert.ok(drop > 0, "the loss goes down");
    assert.ok(Math.abs(drop / (alpha * norm2) - 1) < 50 * alpha, `drop ${drop} vs α|∇E|² ${alpha * norm2}`);
  }
});
