import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import {
  Adam, Classifier, OutputKind, SGD, accuracy, binaryCrossEntropy, binaryCrossEntropyFromLogit, confusionMatrix,
  crossEntropyFromLogits, dataPath, decisionGrid, featureRange, logSumExp, makeRng, meanCrossEntropy, readDataset,
  selectFeatures, shuffledIndices, softmax, standardizer, trainClassifier, xorDataset,
} from "nn-lesson/dist/internal";
import { assertClose } from "./helpers";

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
  assert.throws(() => new Classifier([2, 3], "sigmoid"), /^InputError: Classifier: 시그모이드 출력층의 노드는 1개.* \/ a sigmoid output has 1 node/);
  assert.throws(() => new Classifier([2, 1], "softmax"), /^InputError: Classifier: 소프트맥스 출력층의 노드는 2개 이상.* \/ a softmax output needs at least 2 nodes/);
  assert.throws(() => new Classifier([2], "softmax"), /^InputError: sizes\(층의 크기 목록\)에는 .*2개 이상의 층/);
  assert.throws(() => new Classifier([2, 2.5, 1], "sigmoid"), /sizes\[1\]\(층 1의 노드 수\)은\(는\) 1 이상 1000 이하의 정수여야 합니다\. 받은 값: 2\.5/);
  const net = new Classifier([2, 3], "softmax");
  assert.throws(() => net.forward([1, 2, 3]), /입력의 특성은 3개인데 .* \/ the input has 3 features, the network expects 2/);
  net.forward([1, 2]);
  assert.throws(() => net.backward(3), /레이블은 클래스 번호 0 … 2 중 하나.* \/ label must be a class index 0 … 2, got 3/);
  assert.throws(() => net.setParams([[1]]), /setParams/);
  assert.throws(() => decisionGrid(new Classifier([3, 2], "softmax"), { xRange: [0, 1], yRange: [0, 1] }), /decisionGrid: 평면에 그리려면 네트워크의 입력이 2개여야 합니다/);
  assert.throws(() => trainClassifier({ net, data: { X: [[1, 2]], labels: [0] }, optimizer: new SGD(), epochs: 1, batchSize: 0 }), /batchSize은\(는\) 1 이상이어야 합니다\. 받은 값: 0/);
});
