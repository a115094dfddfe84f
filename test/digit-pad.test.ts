/**
 * Notebook 12's drawing pad (lib/display/digit-pad.ts): the HTML output carries the weights, and the script it
 * carries — run here as the browser would run it — computes the library's probabilities and prepares a drawing
 * like an MNIST digit. The drawing itself, in Chromium, is test-browser/mnist.test.ts.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as vm from "vm";
import { Adam, Classifier, DEFAULT_SEED, digitPadHtml, loadMnist, trainClassifier, trainTestSplit } from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

type Api = {
  decode(meta: unknown, b64: string): { W: Float32Array[]; b: Float32Array[] };
  forward(model: unknown, x: ArrayLike<number>): number[];
  preprocess(ink: ArrayLike<number>, w: number, h: number): number[] | null;
};

/** The output's script, run without a document (it defines its functions and stops before the DOM). */
function scriptOf(html: string): { api: Api; meta: unknown; base64: string } {
  const m = /<script>([\s\S]*)<\/script><\/div>$/.exec(html);
  assert.ok(m, "one inline script at the end");
  const ctx: Record<string, unknown> = { atob };
  vm.runInNewContext(m![1], ctx);
  const data = /padDecode\((\{.*?\}), "([A-Za-z0-9+/=]+)"\)/.exec(m![1]);
  assert.ok(data, "the weights are in the script");
  return { api: ctx.nnDigitPad as Api, meta: JSON.parse(data![1]), base64: data![2] };
}

const { train, test: heldOut } = trainTestSplit(loadMnist(), { seed: DEFAULT_SEED });
const net = new Classifier([784, 30, 10], "softmax", DEFAULT_SEED, { hidden: "relu", sparseInput: true });
trainClassifier({ net, data: train, optimizer: new Adam({ learningRate: 0.002 }), epochs: 2, batchSize: 32, evaluate: "batches" });

test("the pad's HTML: a canvas, a clear button, ten bars, and the weights as float32", () => {
  const html = digitPadHtml(net);
  assert.match(html, /<canvas width="280" height="280"/);
  assert.match(html, /<button type="button">지우기/);
  assert.equal((html.match(/data-digit="\d"/g) ?? []).length, 10);
  const { api, meta, base64 } = scriptOf(html);
  assert.deepEqual(meta, { sizes: [784, 30, 10], hidden: "relu" });
  const model = api.decode(meta, base64);
  net.params().forEach((p, j) => {
    const block = j % 2 === 0 ? model.W[j / 2] : model.b[(j - 1) / 2];
    assert.deepEqual(Array.from(block), Array.from(p, Math.fround), `parameter block ${j}`);
  });
});

test("the script's forward pass gives the library's probabilities (float32 weights: within 1e-5)", () => {
  const { api, meta, base64 } = scriptOf(digitPadHtml(net));
  const model = api.decode(meta, base64);
  let worst = 0;
  for (let n = 0; n < 50; n++) {
    const ours = net.probabilities(heldOut.X[n]), theirs = api.forward(model, heldOut.X[n]);
    ours.forEach((p, k) => { worst = Math.max(worst, Math.abs(p - theirs[k])); });
  }
  assert.ok(worst < 1e-5, `largest difference ${worst}`);
  const sig = new Classifier([784, 5, 10], "softmax", 1, { hidden: "sigmoid" });
  const s = scriptOf(digitPadHtml(sig));
  const p = s.api.forward(s.api.decode(s.meta, s.base64), heldOut.X[0]);
  sig.probabilities(heldOut.X[0]).forEach((v, k) => assert.ok(Math.abs(v - p[k]) < 1e-5));
});

test("preprocess: an MNIST digit drawn 10× larger comes back like the digit (box 20 px, centre of mass in the middle)", () => {
  const { api } = scriptOf(digitPadHtml(net));
  assert.equal(api.preprocess(new Float32Array(280 * 280), 280, 280), null, "no ink, no digit");
  const corr: number[] = [];
  let same = 0;
  const N = 100;
  for (let n = 0; n < N; n++) {
    const x = heldOut.X[n], big = new Float32Array(280 * 280);
    for (let y = 0; y < 280; y++) for (let c = 0; c < 280; c++) big[y * 280 + c] = x[Math.floor(y / 10) * 28 + Math.floor(c / 10)];
    const back = api.preprocess(big, 280, 280)!;
    let dot = 0, a = 0, b = 0;
    back.forEach((v, i) => { dot += v * x[i]; a += v * v; b += x[i] * x[i]; });
    corr.push(dot / Math.sqrt(a * b));
    if (net.predicted(net.forward(back)) === net.predict(x)) same++;
  }
  // MNIST's own boxes were measured before anti-aliasing (often 21–22 px now), so the round trip is close, not exact
  corr.sort((p, q) => p - q);
  assert.ok(corr[N / 2] > 0.8, `median correlation ${corr[N / 2]}`);
  assert.ok(same >= 0.9 * N, `${same} of ${N} get the same answer`);
  // a thin vertical bar ("1") becomes 20 px tall, centred
  const bar = new Float32Array(280 * 280);
  for (let y = 40; y < 240; y++) for (let c = 130; c < 150; c++) bar[y * 280 + c] = 1;
  const one = api.preprocess(bar, 280, 280)!;
  const rows = [...Array(28).keys()].filter((r) => one.slice(r * 28, r * 28 + 28).some((v) => v > 0));
  assert.equal(rows.length, 20);
  assert.equal(rows[0], 4);
  assert.ok(one[14 * 28 + 13] > 0.5 || one[14 * 28 + 14] > 0.5);
});

test("the pad refuses a network that is not 784 → 10 with softmax, in Korean first", () => {
  assertInputError(() => digitPadHtml(new Classifier([4, 3, 10], "softmax")), "digit-pad-classifier");
});
