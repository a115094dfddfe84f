/**
 * lib/fast/activations.ts and lib/fast/dense.ts: every activation is one entry { f, df } of ACTIVATIONS, and
 * the one dense forward/backward pass serves the lesson's fast twin (Network) and the Classifier alike.
 * Adding tanh is one entry: the test below adds it the way a new line in ACTIVATIONS would, and the Classifier
 * and deep.ts train and back-propagate with it, checked against central differences.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import {
  ACTIVATIONS, Activation, Classifier, InputError, Network, activation, centralDifference, deltasWith, forward, forwardWith,
  halfSumSquaredError, initUniform, isActivationName, lessonData, meanCrossEntropy, outer,
} from "nn-lesson/dist/internal";
import { assertClose } from "./helpers";

const d = lessonData();
const h = 1e-6;

/** Central-difference gradient of the Classifier's mean loss over (X, labels), in params() order. */
function numericalGrad(net: Classifier, X: number[][], labels: number[]): number[][] {
  return net.params().map((p) => Array.from(p, (_, j) => {
    const keep = p[j];
    const slope = centralDifference((w) => { p[j] = w; return meanCrossEntropy(net, { X, labels }); }, keep, h);
    p[j] = keep;
    return slope;
  }));
}

/** The activation's entry checked: df(f(a)) is f's slope, chain(g, z) is g · df(z). */
function checkEntry(name: string, act: Activation): void {
  for (const a of [-2.5, -0.7, 0.3, 1.9]) {
    const z = act.f(a);
    assertClose(act.df(z), centralDifference(act.f, a, h), 1e-7, `${name}: df(f(${a}))`);
    assertClose(act.chain(-1.3, z), -1.3 * act.df(z), 1e-15, `${name}: chain(g, f(${a}))`);
  }
}

test("centralDifference is (f(w + h) − f(w − h)) / 2h, f(w + h) measured first", () => {
  const calls: number[] = [];
  const slope = centralDifference((w) => { calls.push(w); return w ** 3; }, 2, 0.5);
  assert.deepEqual(calls, [2.5, 1.5]);
  assert.equal(slope, (2.5 ** 3 - 1.5 ** 3) / 1);
});

test("every entry of ACTIVATIONS: df is f's slope written through the output, chain is g · f′", () => {
  for (const [name, act] of Object.entries(ACTIVATIONS)) checkEntry(name, act);
  // the lesson's own sigmoid, and its derivative written as backward.ts writes it: g · z · (1 − z), left to right
  assert.equal(ACTIVATIONS.sigmoid.f(0.4), 1 / (1 + Math.exp(-0.4)));
  assert.equal(ACTIVATIONS.sigmoid.chain(0.3, 0.7), 0.3 * 0.7 * (1 - 0.7));
  assert.equal(ACTIVATIONS.relu.init, "he");
  assert.equal(ACTIVATIONS.sigmoid.init, "xavier");
  // a ReLU that is off passes back exactly 0, even an overflowed sum
  assert.ok(Object.is(ACTIVATIONS.relu.chain(-2, 0), 0) && Object.is(ACTIVATIONS.relu.chain(NaN, 0), 0));
  assert.ok(!isActivationName("tanh") && !isActivationName("toString") && isActivationName("relu"));
});

test("adding tanh is one entry of ACTIVATIONS: the Classifier and deep.ts train and back-propagate with it", () => {
  const registry = ACTIVATIONS as Record<string, Activation>;
  assert.throws(() => new Classifier([2, 3, 2], "softmax", 1, { hidden: "tanh" as "relu" }), InputError);
  registry.tanh = activation({ f: Math.tanh, df: (z) => 1 - z * z }); // the one line
  try {
    checkEntry("tanh", registry.tanh);
    const tanh = "tanh" as "relu";
    // the Classifier: tanh hidden layers (Xavier's limits), gradients = central differences of the mean loss
    const net = new Classifier([3, 4, 3, 3], "softmax", "tanh", { hidden: tanh });
    const X = [[0.5, -1, 2], [1.5, 0.2, -0.3], [-0.8, 0.9, 0.1]], labels = [0, 2, 1];
    net.b.forEach((b, l) => b.forEach((_, k) => { b[k] = 0.1 * (k - l); }));
    net.lossAndGradient(X, labels);
    const analytic = net.grads().map((g) => Array.from(g));
    numericalGrad(net, X, labels).forEach((g, j) => assertClose(analytic[j], g, 1e-7, `tanh Classifier, block ${j}`));
    net.forward(X[0]);
    assert.deepEqual(Array.from(net.Z[1]), Array.from(net.A[0], Math.tanh), "the hidden layer's output is tanh(A)");
    assert.ok(net.W[0].every((w) => Math.abs(w) <= Math.sqrt(6 / 7)), "Xavier's limit, tanh's default init");
    // deep.ts (notebook 06's plain-array deltas): ∂E/∂W = outer(δ, input) = central differences of E = ½Σ(y − o)²
    const W = initUniform([3, 4, 4, 2], "xavier", "tanh");
    const { Z } = forwardWith(W, d.x, tanh);
    assert.deepEqual(Z[0], Z[0].map((_, k) => Math.tanh(W[0][k].reduce((s, w, i) => s + w * d.x[i], 0))));
    const deltas = deltasWith(W, d.x, d.y, tanh);
    W.forEach((M, l) => {
      const grad = outer(deltas[l], l === 0 ? d.x : Z[l - 1]);
      M.forEach((row, k) => row.forEach((keep, i) => {
        const E = (w: number) => { row[i] = w; return halfSumSquaredError(d.y, forwardWith(W, d.x, tanh).Z[W.length - 1]); };
        assertClose(grad[k][i], centralDifference(E, keep, h), 1e-8, `tanh deltasWith, W${l + 1}[${k}][${i}]`);
        row[i] = keep;
      }));
    });
  } finally {
    delete registry.tanh;
  }
  assert.ok(!isActivationName("tanh"));
});

test("one dense pass: a Classifier with zero biases and a sigmoid output computes the lesson's forward pass bit for bit", () => {
  const sizes = [3, 2, 3, 1];
  const W = [d.weights[0], d.weights[1], [d.weights[2][0]]];
  const net = new Classifier(sizes, "sigmoid", 1);
  net.setParams(W.flatMap((M, l) => [M.flat(), new Array(sizes[l + 1]).fill(0)]));
  net.forward(d.x);
  const lesson = forward(W, d.x);
  assert.deepEqual(net.A.map((a) => Array.from(a)), lesson.A);
  assert.deepEqual(net.Z.slice(1).map((z) => Array.from(z)), lesson.Z);
  // and the fast twin of the lesson, through the same pass
  const fast = new Network(W, d.x, [0.5]);
  fast.forward();
  assert.deepEqual(fast.Z.map((z) => Array.from(z)), net.Z.map((z) => Array.from(z)));
});
