import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import {
  Adam, Classifier, OutputKind, SGD, accuracy, binaryCrossEntropy, binaryCrossEntropyFromLogit, confusionMatrix,
  crossEntropyFromLogits, dataPath, decisionGrid, featureRange, logSumExp, makeRng, meanCrossEntropy, readDataset,
  selectFeatures, shuffledIndices, softmax, standardizer, trainClassifier, trainTestSplit, xorDataset, classCounts,
} from "nn-lesson/dist/internal";
import { assertClose, assertInputError } from "./helpers";

/** Central-difference gradient of the mean loss over (X, labels), for every parameter in params() order. */
function numericalGrad(net: Classifier, X: number[][], labels: number[], eps = 1e-6): number[][] {
  return net.params().map((p) => Array.from(p, (_, j) => {
    const keep = p[j];
    p[j] = keep + eps;
    const plus = meanCrossEntropy(net, { X, labels });
    p[j] = keep - eps;
    const minus = meanCrossEntropy(net, { X, labels });
    p[j] = keep;
    return (plus - minus) / (2 * eps);
  }));
}

test("property: back-propagation with the o − y output delta matches central differences (sigmoid and softmax)", () => {
  fc.assert(fc.property(
    fc.constantFrom<OutputKind>("sigmoid", "softmax"),
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 1, max: 5 }),
    (kind, hidden, classes, seed, count) => {
      const nIn = hidden[0] + 1;
      const sizes = [nIn, ...hidden.slice(1), kind === "sigmoid" ? 1 : classes];
      const net = new Classifier(sizes, kind, seed);
      const rng = makeRng(seed + 1);
      net.b.forEach((b) => b.forEach((_, k) => (b[k] = rng() - 0.5)));
      const X = Array.from({ length: count }, () => Array.from({ length: sizes[0] }, () => 4 * rng() - 2));
      const labels = X.map(() => Math.floor(rng() * net.classCount));
      const num = numericalGrad(net, X, labels);
      net.lossAndGradient(X, labels);
      net.grads().forEach((g, j) => g.forEach((v, i) => {
        assert.ok(Math.abs(v - num[j][i]) <= 1e-7 + 1e-6 * Math.abs(num[j][i]), `${kind} [${sizes}] block ${j}[${i}]: ${v} vs ${num[j][i]}`);
      }));
    },
  ), { numRuns: 60 });
});

test("the output delta is exactly o − y", () => {
  const net = new Classifier([2, 3, 3], "softmax", 1);
  const o = Array.from(net.forward([0.3, -0.2]));
  net.backward(2);
  assert.deepEqual(Array.from(net.delta[1]), [o[0], o[1], o[2] - 1]);
  const bin = new Classifier([2, 1], "sigmoid", 1);
  const p = bin.forward([1, 2])[0];
  bin.backward(0);
  assert.deepEqual(Array.from(bin.delta[0]), [p]);
});

test("stable softmax and log-sum-exp: huge logits give finite, correct numbers", () => {
  assertClose(Array.from(softmax([1000, 1000, 1000])), [1 / 3, 1 / 3, 1 / 3], 1e-15);
  assertClose(Array.from(softmax([-1000, 0])), [0, 1], 1e-300);
  assertClose(logSumExp([1000, 1000]), 1000 + Math.log(2), 1e-12);
  assertClose(logSumExp([-1000, -1000]), -1000 + Math.log(2), 1e-12);
  assertClose(crossEntropyFromLogits(0, [800, 0]), 0, 1e-12);
  assertClose(crossEntropyFromLogits(1, [800, 0]), 800, 1e-12);
  assertClose(binaryCrossEntropyFromLogit(1, -800), 800, 1e-12);
  assertClose(binaryCrossEntropyFromLogit(0, 800), 800, 1e-12);
  assert.equal(binaryCrossEntropy(1, 1 / (1 + Math.exp(800))), Infinity, "the naive form overflows: why we use logits");
  fc.assert(fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 6 }), (a) => {
    const s = softmax(a);
    assertClose(s.reduce((x, y) => x + y, 0), 1, 1e-12);
    assertClose(logSumExp(a), Math.log(a.reduce((t, v) => t + Math.exp(v), 0)), 1e-9);
  }));
  fc.assert(fc.property(fc.double({ min: -15, max: 15, noNaN: true }), fc.constantFrom(0, 1), (a, y) => {
    // (the textbook form loses digits in 1 − o when |a| is large, hence the range)
    const o = 1 / (1 + Math.exp(-a));
    assertClose(binaryCrossEntropyFromLogit(y, a), binaryCrossEntropy(y, o), 1e-8);
    assertClose(binaryCrossEntropyFromLogit(y, a), crossEntropyFromLogits(y, [0, a]), 1e-12 * Math.max(1, Math.abs(a)));
  }));
});

test("XOR needs a hidden layer: with 4 sigmoid hidden nodes Adam gets all 4 right, without one it cannot", () => {
  const xor = xorDataset();
  const deep = new Classifier([2, 4, 1], "sigmoid", "xor");
  const r = trainClassifier({ net: deep, data: xor, optimizer: new Adam({ learningRate: 0.1 }), epochs: 500, batchSize: 4 });
  assert.equal(r.accuracy[500], 1);
  assert.ok(r.loss[500] < 0.05, `loss ${r.loss[500]}`);
  const flat = new Classifier([2, 1], "sigmoid", "xor");
  trainClassifier({ net: flat, data: xor, optimizer: new Adam({ learningRate: 0.1 }), epochs: 500, batchSize: 4 });
  assert.ok(accuracy(flat, xor) <= 0.75);
});

test("two moons and iris: trained accuracy and loss", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const net = new Classifier([2, 16, 1], "sigmoid", "moons-net");
  const r = trainClassifier({ net, data: moons, optimizer: new Adam({ learningRate: 0.1 }), epochs: 300, batchSize: 16, seed: "moons" });
  assert.ok(r.accuracy[0] < 0.8 && r.accuracy[300] >= 0.97, `moons accuracy ${r.accuracy[0]} → ${r.accuracy[300]}`);
  assert.equal(r.updates, 300 * Math.ceil(200 / 16));
  const iris = selectFeatures(readDataset(dataPath("iris.csv")), ["petal_length", "petal_width"]);
  const st = standardizer(iris.X);
  const data = { X: iris.X.map(st.apply), labels: iris.labels };
  const inet = new Classifier([2, 8, 3], "softmax", "iris-net");
  const ri = trainClassifier({ net: inet, data, optimizer: new Adam({ learningRate: 0.05 }), epochs: 100, seed: "iris" });
  assert.ok(ri.accuracy[100] >= 0.94, `iris accuracy ${ri.accuracy[100]}`);
  assert.ok(ri.loss[100] < ri.loss[0] / 5);
  const cm = confusionMatrix(inet, data);
  assert.deepEqual(cm.map((row) => row.reduce((a, b) => a + b, 0)), [50, 50, 50]);
  assert.equal(cm[0][0], 50, "setosa is separable");
});

test("training is repeatable with the same seeds, the shuffling seed matters, snapshots are copies", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const run = (seed: string) => {
    const net = new Classifier([2, 4, 1], "sigmoid", "n");
    return { net, r: trainClassifier({ net, data: moons, optimizer: new SGD(0.5), epochs: 6, batchSize: 10, seed, snapshotEvery: 3 }) };
  };
  const a = run("a"), b = run("a"), c = run("c");
  assert.deepEqual(Array.from(a.r.loss), Array.from(b.r.loss));
  assert.notDeepEqual(Array.from(a.r.loss), Array.from(c.r.loss));
  assert.deepEqual(a.r.snapshots.map((s) => s.epoch), [0, 3, 6]);
  assert.deepEqual(a.r.snapshots[2].params, a.net.snapshot());
  assert.notDeepEqual(a.r.snapshots[0].params, a.net.snapshot());
  assert.equal(a.r.snapshots[1].loss, a.r.loss[3]);
  const order = shuffledIndices(10, makeRng(1));
  assert.deepEqual([...order].sort((x, y) => x - y), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("decisionGrid: class and probability over the plane, rows follow y; params option leaves the net unchanged", () => {
  const net = new Classifier([2, 1], "sigmoid", 0);
  net.setParams([[1, 0], [0]]); // P(class 1) = σ(x): boundary at x = 0
  const g = decisionGrid(net, { xRange: [-1, 1], yRange: [0, 3], n: 5 });
  assert.deepEqual(g.x, [-1, -0.5, 0, 0.5, 1]);
  assert.equal(g.cls.length, 5);
  g.cls.forEach((row) => assert.deepEqual(row, [0, 0, 0, 1, 1]));
  assertClose(g.prob[0][4], 1 / (1 + Math.exp(-1)), 1e-15);
  const before = net.snapshot();
  const h = decisionGrid(net, { xRange: [-1, 1], yRange: [0, 3], n: 5, params: [[-1, 0], [0]], transform: ([x, y]) => [x + 1, y] });
  h.cls.forEach((row) => assert.deepEqual(row, [0, 0, 0, 0, 0]));
  assert.deepEqual(net.snapshot(), before);
  const [lo, hi] = featureRange([[0], [10]], 0);
  assert.deepEqual([lo, hi], [-1, 11]);
});

test("bad input: clear messages", () => {
  assertInputError(() => new Classifier([2, 3], "sigmoid"), "classifier-sigmoid-nodes");
  assertInputError(() => new Classifier([2, 1], "softmax"), "classifier-softmax-nodes");
  assertInputError(() => new Classifier([2], "softmax"), "layer-count");
  assertInputError(() => new Classifier([2, 2.5, 1], "sigmoid"), "layer-size");
  const net = new Classifier([2, 3], "softmax");
  assertInputError(() => net.forward([1, 2, 3]), "classifier-input-size");
  net.forward([1, 2]);
  assertInputError(() => net.backward(3), "classifier-label");
  assertInputError(() => net.setParams([[1]]), "classifier-params-shape");
  assertInputError(() => decisionGrid(new Classifier([3, 2], "softmax"), { xRange: [0, 1], yRange: [0, 1] }), "decision-grid-inputs");
  assertInputError(() => trainClassifier({ net, data: { X: [[1, 2]], labels: [0] }, optimizer: new SGD(), epochs: 1, batchSize: 0 }), "out-of-range");
});

test("trainTestSplit: seeded, stratified, disjoint, keeps the order and the data's other fields", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const { train, test: held } = trainTestSplit(moons, { testFraction: 0.2, seed: "split" });
  assert.equal(train.X.length, 160);
  assert.equal(held.X.length, 40);
  assert.deepEqual(held.labels.filter((l) => l === 0).length, 20, "stratified: 20 % of each class");
  assert.deepEqual(train.classes, moons.classes);
  assert.equal(train.source, moons.source);
  // every example lands in exactly one part, with its own label, in the original order
  const key = (x: readonly number[]) => x.join(",");
  const where = new Map(moons.X.map((x, n) => [key(x), n]));
  const tIdx = train.X.map((x) => where.get(key(x))!), hIdx = held.X.map((x) => where.get(key(x))!);
  assert.deepEqual([...tIdx, ...hIdx].sort((a, b) => a - b), moons.X.map((_, n) => n));
  assert.deepEqual(tIdx, [...tIdx].sort((a, b) => a - b));
  tIdx.forEach((n, i) => assert.equal(train.labels[i], moons.labels[n]));
  hIdx.forEach((n, i) => assert.equal(held.labels[i], moons.labels[n]));
  // the same seed gives the same split, another seed another one
  assert.deepEqual(trainTestSplit(moons, { seed: "split" }).test.X, held.X);
  assert.notDeepEqual(trainTestSplit(moons, { seed: "other" }).test.X, held.X);
  const iris = readDataset(dataPath("iris.csv"));
  assert.deepEqual(classCounts(trainTestSplit(iris, { seed: "x" }).test), [10, 10, 10]);
  assertInputError(() => trainTestSplit(moons, { testFraction: 1 }), "split-fraction");
  assertInputError(() => trainTestSplit(moons, { testFraction: NaN }), "not-finite");
  assertInputError(() => trainTestSplit(xorDataset(), { testFraction: 0.1 }), "split-empty");
});

test("trainClassifier with heldOut: the held-out loss and accuracy per epoch are those of the net at that epoch, never trained on", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const { train, test: held } = trainTestSplit(moons, { seed: "split" });
  const make = () => new Classifier([2, 8, 1], "sigmoid", "h");
  const plainNet = make();
  const plain = trainClassifier({ net: plainNet, data: train, optimizer: new Adam({ learningRate: 0.1 }), epochs: 20, seed: "s", snapshotEvery: 5 });
  const net = make();
  const r = trainClassifier({ net, data: train, optimizer: new Adam({ learningRate: 0.1 }), epochs: 20, seed: "s", heldOut: held, snapshotEvery: 5 });
  assert.deepEqual(r.loss, plain.loss, "measuring held-out data does not change the training");
  assert.deepEqual(plain.heldOutLoss.length, 0);
  assert.equal(plain.bestEpoch, -1);
  assert.equal(r.heldOutLoss.length, 21);
  for (const s of r.snapshots) {
    net.setParams(s.params);
    assert.equal(r.heldOutLoss[s.epoch], meanCrossEntropy(net, held));
    assert.equal(r.heldOutAccuracy[s.epoch], accuracy(net, held));
  }
  const lo = Math.min(...r.heldOutLoss);
  assert.equal(r.heldOutLoss[r.bestEpoch], lo);
  assert.equal(r.heldOutLoss.indexOf(lo), r.bestEpoch, "the first epoch with the lowest loss");
  assert.equal(r.epochsRun, 20);
});

test("early stopping: stops `patience` epochs after the lowest held-out loss and puts that epoch's parameters back", () => {
  const moons = readDataset(dataPath("moons.csv"));
  const { train, test: held } = trainTestSplit(moons, { seed: "split" });
  const { test: few } = trainTestSplit(train, { testFraction: 0.125, seed: "few" });
  const opts = () => ({ data: few, optimizer: new Adam({ learningRate: 0.1 }), epochs: 400, batchSize: 20, seed: "few", heldOut: held, snapshotEvery: 1 });
  const fullNet = new Classifier([2, 16, 1], "sigmoid", "big");
  const full = trainClassifier({ ...opts(), net: fullNet });
  assert.ok(full.bestEpoch > 0 && full.bestEpoch + 30 < 400, `this run overfits: best epoch ${full.bestEpoch}`);
  assert.ok(full.heldOutLoss[400] > full.heldOutLoss[full.bestEpoch], "the held-out loss went up again");
  const net = new Classifier([2, 16, 1], "sigmoid", "big");
  const r = trainClassifier({ ...opts(), net, patience: 30 });
  // expected from the full run's curve: the first epoch that is 30 epochs past the lowest loss so far
  let low = 0, stop = -1;
  for (let e = 1; e <= 400 && stop < 0; e++) {
    if (full.heldOutLoss[e] < full.heldOutLoss[low]) low = e;
    if (e - low >= 30) stop = e;
  }
  assert.ok(stop > 0 && stop < 400, `stops early (${stop})`);
  assert.equal(r.bestEpoch, low);
  assert.equal(r.epochsRun, stop);
  assert.equal(r.loss.length, r.epochsRun + 1);
  assert.equal(r.heldOutLoss.length, r.epochsRun + 1);
  assert.deepEqual(Array.from(r.heldOutLoss), Array.from(full.heldOutLoss.slice(0, r.epochsRun + 1)), "the same run up to the stop");
  assert.equal(r.snapshots[r.snapshots.length - 1].epoch, r.epochsRun, "the stopping epoch is the last snapshot");
  assert.equal(meanCrossEntropy(net, held), full.heldOutLoss[low], "the net is back at its best epoch");
  assert.deepEqual(net.snapshot(), full.snapshots[low].params);
  // patience larger than the run: no stop, but the best parameters are still put back
  const n2 = new Classifier([2, 16, 1], "sigmoid", "big");
  const r2 = trainClassifier({ ...opts(), net: n2, epochs: 50, patience: 5000 });
  assert.equal(r2.epochsRun, 50);
  assert.equal(meanCrossEntropy(n2, held), r2.heldOutLoss[r2.bestEpoch]);
  assertInputError(() => trainClassifier({ ...opts(), net, heldOut: undefined, patience: 3 }), "train-patience-held-out");
  assertInputError(() => trainClassifier({ ...opts(), net, patience: 2.5 }), "not-whole");
  assertInputError(() => trainClassifier({ ...opts(), net, heldOut: { X: [[1, 2, 3]], labels: [0] } }), "vector-length");
});
