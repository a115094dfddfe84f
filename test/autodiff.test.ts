import { test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import {
  Adam, Classifier, FLOAT32_EPSILON, SGD, compareClassifierGradients, compareLessonGradients, dataPath, forward, initWeights,
  layersModelWeights, lessonData, lessonLayersModel, makeRng, maxAbsDiff, meanCrossEntropy, readDataset, standardizer,
  sumSquaredError, tfjs, train, trainLayersModel, trainWithOptimizer,
} from "nn-lesson/dist/internal";
import { ROOT, assertClose, assertRejectsInputError } from "./helpers";

function node(code: string) {
  const r = spawnSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Agreement to float32 precision: the largest difference is a few float32 roundings of the largest gradient. */
const FLOAT32_AGREEMENT = 16 * FLOAT32_EPSILON; // ≈ 1.9e-6

test("the 'install our node backend' notice: printed by a bare tfjs-core + cpu, silent through tfjs(); later warnings still on", () => {
  const bare = node(`const tf = require("@tensorflow/tfjs-core"); require("@tensorflow/tfjs-backend-cpu"); tf.scalar(1);`);
  assert.match(bare.err, /install our node backend/, "control: without tfjs() the notice does appear");
  const quiet = node(`
    const n = require("nn-lesson");
    const t = require("nn-lesson/tfjs");
    const d = n.lessonData();
    const tf = t.tfjs();
    t.compareLessonGradients(d.weights, d.x, d.y);
    t.lessonLayersModel(d.weights).predict(tf.tensor2d([d.x]));
    console.log(tf.getBackend(), tf.env().getBool("PROD"));
  `);
  assert.equal(quiet.code, 0, quiet.err);
  assert.equal(quiet.err, "", "nothing at all on stderr");
  assert.equal(quiet.out.trim(), "cpu false");
});

test("lesson network, fixed weights: hand-derived ∂E/∂W equal tf.grads to float32 precision", () => {
  const d = lessonData();
  const c = compareLessonGradients(d.weights, d.x, d.y);
  assert.deepEqual(c.names, ["W1", "W2", "W3"]);
  assert.deepEqual(c.theirs.map((g) => g.length), [6, 6, 6]);
  assert.ok(c.relativeDiff < FLOAT32_AGREEMENT, `largest difference ${c.maxAbsDiff} (${c.relativeDiff} of the largest gradient)`);
  assert.ok(c.maxAbsDiff > 0, "TensorFlow.js computes in float32, so not bit-identical: a real second computation");
  assertClose(c.loss, 0.5 * sumSquaredError(d.y, forward(d.weights, d.x).output), 1e-7);
});

test("lesson network, random weights and data: agreement to float32 precision", () => {
  for (let s = 0; s < 5; s++) {
    const rng = makeRng(`autodiff-${s}`);
    const W = initWeights([3, 2, 3, 2], s).map((M) => M.map((row) => row.map((w) => 4 * w - 2)));
    const x = [rng(), rng(), rng()], y = [rng(), rng()];
    const c = compareLessonGradients(W, x, y);
    assert.ok(c.relativeDiff < FLOAT32_AGREEMENT, `seed ${s}: ${c.relativeDiff}`);
  }
});

test("classification nets (sigmoid + BCE, softmax + cross-entropy, with biases): agreement with tf.losses", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const iris = readDataset(dataPath("iris.csv"));
  const st = standardizer(iris.X);
  const irisStd = { X: iris.X.map(st.apply), labels: iris.labels };
  const cases: [string, Classifier, { X: number[][]; labels: number[] }][] = [
    ["moons 2-16-1", new Classifier([2, 16, 1], "sigmoid", "a"), moons],
    ["moons 2-5-4-1", new Classifier([2, 5, 4, 1], "sigmoid", "b"), moons],
    ["iris 4-8-3", new Classifier([4, 8, 3], "softmax", "c"), irisStd],
    ["iris 4-6-5-3", new Classifier([4, 6, 5, 3], "softmax", "d"), irisStd],
  ];
  for (const [name, net, data] of cases) {
    const rng = makeRng(name);
    net.b.forEach((b) => b.forEach((_, k) => (b[k] = rng() - 0.5)));
    const c = compareClassifierGradients(net, data);
    assert.equal(c.names.length, 2 * (net.sizes.length - 1));
    assert.ok(c.relativeDiff < FLOAT32_AGREEMENT, `${name}: ${c.maxAbsDiff} (${c.relativeDiff})`);
    assertClose(c.loss, meanCrossEntropy(net, data), 1e-6 * Math.max(1, c.loss));
  }
});

test("the same network in tfjs-layers: same outputs, and trained with SGD it follows train() to float32 precision", async () => {
  const tf = tfjs();
  const d = lessonData();
  const model = lessonLayersModel(d.weights);
  assert.deepEqual(model.layers.map((l) => l.getConfig().units), [2, 3, 2]);
  assertClose(layersModelWeights(model), d.weights, 1e-7);
  const out = Array.from((model.predict(tf.tensor2d([d.x])) as ReturnType<typeof tf.tensor2d>).dataSync());
  assertClose(out, forward(d.weights, d.x).output, 1e-6);
  const t = await trainLayersModel(model, d.x, d.y, 0.1, 200);
  const ours = train({ weights: d.weights, x: d.x, y: d.y, learningRate: 0.1, iterations: 200 });
  assert.equal(t.loss.length, 200);
  t.loss.forEach((v, i) => assert.ok(Math.abs(v - ours.loss[i]) < 1e-6, `iteration ${i + 1}: ${v} vs ${ours.loss[i]}`));
  assert.ok(maxAbsDiff(t.weights, ours.weights) < 1e-5);
});

test("trainLayersModel compiles with the optimiser it is told (no silent SGD): tfjs Adam follows our Adam (ε = 1e-7) to float32 precision", async () => {
  const d = lessonData();
  const w0 = initWeights([3, 2, 3, 2]);
  const t = await trainLayersModel(lessonLayersModel(w0), d.x, d.y, 0.01, 100, "adam");
  assert.equal(t.optimizer, "tfjs adam (α=0.01)");
  const ours = trainWithOptimizer({ weights: w0, x: d.x, y: d.y, optimizer: new Adam({ learningRate: 0.01, epsilon: 1e-7 }), iterations: 100 });
  const sgd = trainWithOptimizer({ weights: w0, x: d.x, y: d.y, optimizer: new SGD(0.01), iterations: 100 });
  assert.ok(maxAbsDiff(t.weights, ours.weights) < 1e-4, `tfjs adam vs ours: ${maxAbsDiff(t.weights, ours.weights)}`);
  assert.ok(maxAbsDiff(t.weights, sgd.weights) > 1e-2, "tfjs adam must not be SGD");
  await assertRejectsInputError(trainLayersModel(lessonLayersModel(w0), d.x, d.y, 0.01, 10, "rmsprop"), "autodiff-optimizer");
  await assertRejectsInputError(trainLayersModel(lessonLayersModel(w0), d.x, d.y, NaN, 10), "not-finite");
  await assertRejectsInputError(trainLayersModel(lessonLayersModel(w0), d.x, d.y, 0.1, 1e7), "out-of-range");
  assert.deepEqual((await trainLayersModel(lessonLayersModel(w0), d.x, d.y, 0.1, 0)).loss, []);
});
