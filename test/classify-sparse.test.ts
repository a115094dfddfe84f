/**
 * Notebook 12's additions to Classifier: ReLU hidden layers with He initialisation, the sparse first layer
 * (skipping inputs that are 0), and trainClassifier's evaluate: "batches".
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import { Adam, Classifier, makeRng, meanCrossEntropy, trainClassifier, uniformLimit } from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

/** `n` examples of `size` inputs, about `zeros` of them 0, with labels 0 … classes − 1. */
function sparseData(n: number, size: number, classes: number, seed: string, zeros = 0.7) {
  const rng = makeRng(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: size }, () => (rng() < zeros ? 0 : rng() * 2 - 0.5)));
  return { X, labels: X.map(() => Math.floor(rng() * classes)) };
}

test("property: the sparse first layer gives the dense path's outputs, losses and gradients to the last bit", () => {
  fc.assert(fc.property(
    fc.constantFrom("sigmoid" as const, "relu" as const),
    fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 2 }),
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 0, max: 1e6 }),
    (hidden, hiddenSizes, inputs, seed) => {
      const sizes = [inputs, ...hiddenSizes, 3];
      const dense = new Classifier(sizes, "softmax", seed, { hidden });
      const sparse = new Classifier(sizes, "softmax", seed, { hidden, sparseInput: true });
      const d = sparseData(6, inputs, 3, `data-${seed}`);
      d.X.forEach((x) => assert.deepStrictEqual(sparse.forward(x), dense.forward(x)));
      assert.deepStrictEqual(sparse.lossAndGradient(d.X, d.labels), dense.lossAndGradient(d.X, d.labels));
      assert.deepStrictEqual(sparse.grads(), dense.grads());
      assert.equal(sparse.lastCorrect, dense.lastCorrect);
    },
  ), { numRuns: 60 });
});

test("training with the sparse first layer ends with the dense path's parameters, bit for bit (ReLU, Adam, mini-batches)", () => {
  const d = sparseData(40, 25, 4, "train-sparse");
  const run = (sparseInput: boolean) => {
    const net = new Classifier([25, 8, 4], "softmax", "s", { hidden: "relu", sparseInput });
    const r = trainClassifier({ net, data: d, optimizer: new Adam({ learningRate: 0.01 }), epochs: 5, batchSize: 7, seed: "x" });
    return { params: net.snapshot(), loss: r.loss };
  };
  const a = run(true), b = run(false);
  assert.deepStrictEqual(a.params, b.params);
  assert.deepStrictEqual(a.loss, b.loss);
  assert.ok(a.loss[5] < a.loss[0], "it learns");
});

test("ReLU + sparse input: back-propagation matches central differences on a tiny net", () => {
  const d = sparseData(5, 6, 3, "gradcheck", 0.5);
  const net = new Classifier([6, 5, 4, 3], "softmax", "gc", { hidden: "relu", sparseInput: true });
  // biases away from 0, so that no sum sits exactly on ReLU's kink (a layer whose inputs are all 0 would give a = b = 0)
  const rng = makeRng("biases");
  net.b.forEach((b) => b.forEach((_, k) => { b[k] = rng() * 0.4 - 0.2; }));
  net.lossAndGradient(d.X, d.labels);
  const analytic = net.grads().map((g) => Array.from(g));
  const eps = 1e-6;
  let checked = 0;
  net.params().forEach((p, b) => {
    for (let j = 0; j < p.length; j++) {
      const keep = p[j];
      p[j] = keep + eps;
      const plus = meanCrossEntropy(net, d);
      p[j] = keep - eps;
      const minus = meanCrossEntropy(net, d);
      p[j] = keep;
      const numeric = (plus - minus) / (2 * eps);
      assert.ok(Math.abs(numeric - analytic[b][j]) <= 1e-7 + 1e-5 * Math.abs(numeric), `block ${b} [${j}]: ${analytic[b][j]} vs ${numeric}`);
      checked++;
    }
  });
  assert.equal(checked, 6 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
  // some hidden ReLUs are off for some example, so the slope 0 branch is exercised
  assert.ok(d.X.some((x) => { net.forward(x); return net.A[0].some((a) => a <= 0); }));
});

test("ReLU layers get He's limit √(6/n), the output layer Xavier's; the default stays sigmoid with the same weights", () => {
  const net = new Classifier([50, 40, 10], "softmax", "init", { hidden: "relu" });
  const max = (w: Float64Array) => w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  assert.ok(max(net.W[0]) <= uniformLimit(50, 40, "he") && max(net.W[0]) > uniformLimit(50, 40, "xavier"));
  assert.ok(max(net.W[1]) <= uniformLimit(40, 10, "xavier"));
  assert.deepStrictEqual(new Classifier([5, 4, 3], "softmax", "same", { hidden: "sigmoid", sparseInput: true }).W,
    new Classifier([5, 4, 3], "softmax", "same").W);
  net.forward(Array.from({ length: 50 }, (_, i) => (i % 3) - 1));
  assert.ok(net.Z[1].every((z, k) => z === Math.max(net.A[0][k], 0)), "hidden values are ReLU(a)");
});

test("evaluate: \"batches\" records the epoch's mini-batch losses; with one batch per epoch that is the loss before its update", () => {
  const d = sparseData(30, 10, 3, "batches");
  const held = sparseData(10, 10, 3, "batches-held");
  const run = (evaluate: "full" | "batches") => {
    const net = new Classifier([10, 6, 3], "softmax", "e", { hidden: "relu", sparseInput: true });
    return trainClassifier({ net, data: d, heldOut: held, optimizer: new Adam({ learningRate: 0.02 }), epochs: 6, batchSize: 30, evaluate });
  };
  const full = run("full"), batches = run("batches");
  assert.deepStrictEqual(batches.heldOutLoss, full.heldOutLoss, "the training itself is the same");
  assert.equal(batches.loss[0], full.loss[0]);
  for (let e = 1; e <= 6; e++) {
    assert.ok(Math.abs(batches.loss[e] - full.loss[e - 1]) <= 1e-15 * full.loss[e - 1], `epoch ${e}`);
    assert.equal(batches.accuracy[e], full.accuracy[e - 1]);
  }
});

test("a hidden activation or evaluate mode that does not exist is refused in Korean first, one line", () => {
  assertInputError(() => new Classifier([2, 3, 2], "softmax", 1, { hidden: "tanh" as "relu" }), "classifier-hidden");
  const net = new Classifier([2, 3, 2], "softmax");
  assertInputError(
    () => trainClassifier({ net, data: { X: [[0, 1]], labels: [1] }, optimizer: new Adam(), epochs: 1, evaluate: "test" as "full" }),
    "train-evaluate");
});
