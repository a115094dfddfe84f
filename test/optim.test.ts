import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import {
  AdaGrad, Adam, Momentum, Network, RMSProp, SGD, cloneMatrices, descendTwoWeights, gradients, initWeights, lossSurface, iterationsToReach, lessonData, trainWithOptimizer,
} from "nn-lesson/dist/internal";
import { assertClose, assertInputError } from "./helpers";

test("Adam, one weight: the first three steps match values worked out by hand", () => {
  // α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, w₀ = 1, gradients 0.5, −1, 0.25.
  // t=1: m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 0.00025, m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25,
  //      w = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002
  // t=2: m = 0.045 − 0.1 = −0.055, v = 0.00024975 + 0.001 = 0.00124975,
  //      m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999, w = 0.900000002 + 0.1·0.28947368/0.79068804
  // t=3: m = −0.0495 + 0.025 = −0.0245, v = 0.00124850025 + 0.0000625 = 0.00131100025
  const expected = [
    { m: 0.05, v: 0.00025, w: 0.9000000019999999 },
    { m: -0.055, v: 0.00124975, w: 0.9366103542405653 },
    { m: -0.0245, v: 0.00131100025, w: 0.950279420338976 },
  ];
  const opt = new Adam({ learningRate: 0.1 });
  const w = [[1]];
  [0.5, -1, 0.25].forEach((g, t) => {
    opt.update([w], [[[g]]]);
    const { m, v } = opt.moments();
    assertClose(m[0][0], expected[t].m, 1e-15, `m at t=${t + 1}`);
    assertClose(v[0][0], expected[t].v, 1e-15, `v at t=${t + 1}`);
    assertClose(w[0][0], expected[t].w, 1e-14, `w at t=${t + 1}`);
  });
  assert.equal(opt.t, 3);
});

test("Adam's bias correction: the first step is ±α whatever the size of the gradient", () => {
  fc.assert(fc.property(
    fc.double({ min: 1e-4, max: 1e4, noNaN: true }), fc.boolean(), fc.double({ min: 1e-4, max: 1, noNaN: true }),
    (size, negative, lr) => {
      const g = negative ? -size : size;
      const w = new Float64Array([0.3]);
      new Adam({ learningRate: lr }).update([w], [new Float64Array([g])]);
      // m̂ = g and v̂ = g², so the step is α·g/(|g| + ε)
      assertClose(w[0], 0.3 - (lr * g) / (Math.abs(g) + 1e-8), 1e-12);
    },
  ));
});

test("momentum follows v ← μv − αg, w ← w + v; with μ = 0 it is SGD", () => {
  const opt = new Momentum(0.1, 0.9);
  const w = [[2, -1]];
  const grads = [[1, 0.5], [1, -0.5], [0, 0]];
  let v = [0, 0];
  const ref = [2, -1];
  for (const g of grads) {
    v = v.map((vi, i) => 0.9 * vi - 0.1 * g[i]);
    ref.forEach((_, i) => (ref[i] += v[i]));
    opt.update([w], [[g]]);
    assertClose(w[0], ref, 1e-15);
    assertClose(Array.from(opt.velocity()[0]), v, 1e-15);
  }
  // with zero gradient the weight keeps moving: 0.9 of the last step
  assert.ok(w[0][0] < 2 - 0.1 - 0.19);
  const a = [[0.5, 0.25]], b = [[0.5, 0.25]];
  new Momentum(0.1, 0).update(a, [[[0.3, -0.7]]]);
  new SGD(0.1).update(b, [[[0.3, -0.7]]]);
  assert.deepEqual(a, b);
});

test("Network.gradients() is Network.gradientOf for every weight", () => {
  const d = lessonData();
  const net = new Network(d.weights, d.x, d.y);
  net.forward();
  net.backward();
  const G = net.gradients();
  G.forEach((g, layer) => g.forEach((v, j) => {
    const cols = net.sizes[layer];
    assert.equal(v, net.gradientOf({ layer, row: Math.floor(j / cols), col: j % cols }));
  }));
});

test("Adam trains the lesson's network from the same seed much faster than SGD", () => {
  const d = lessonData();
  const w0 = initWeights([3, 2, 3, 2]);
  const sgd = trainWithOptimizer({ weights: w0, x: d.x, y: d.y, optimizer: new SGD(0.1) });
  const adam = trainWithOptimizer({ weights: w0, x: d.x, y: d.y, optimizer: new Adam({ learningRate: 0.01 }) });
  assert.equal(sgd.loss[0], adam.loss[0]);
  assert.ok(adam.loss[999] < sgd.loss[999] / 10, `Adam ${adam.loss[999]} vs SGD ${sgd.loss[999]}`);
  const reach = (r: { loss: Float64Array }) => iterationsToReach(r.loss, 1e-3);
  assert.ok(reach(adam) >= 0 && (reach(sgd) === -1 || reach(adam) < reach(sgd)));
  assert.deepEqual(w0, initWeights([3, 2, 3, 2]), "initial weights untouched");
});

test("one optimiser object can be reused: trainWithOptimizer resets it", () => {
  const d = lessonData();
  const opt = new Adam({ learningRate: 0.01 });
  const a = trainWithOptimizer({ weights: d.weights, x: d.x, y: d.y, optimizer: opt, iterations: 50 });
  const b = trainWithOptimizer({ weights: d.weights, x: d.x, y: d.y, optimizer: opt, iterations: 50 });
  assert.deepEqual(Array.from(a.loss), Array.from(b.loss));
});

test("descendTwoWeights: the path lies on lossSurface, and its first SGD step is −α ∂E/∂w", () => {
  const d = lessonData();
  const w0 = initWeights([3, 2, 3, 2]);
  const p = { layer: 2, row: 0, col: 0 }, q = { layer: 2, row: 1, col: 0 };
  const adam = descendTwoWeights(w0, d.x, d.y, p, q, [-3, 4], new Adam({ learningRate: 0.1 }), 200);
  assert.equal(adam.p.length, 201);
  assert.equal(adam.name, "Adam (α=0.1)");
  adam.p.forEach((pv, i) => {
    if (i % 50 !== 0) return;
    assert.equal(lossSurface(w0, d.x, d.y, p, q, [pv], [adam.q[i]]).loss[0][0], adam.loss[i]);
  });
  assert.ok(adam.loss[200] < 1e-6 && adam.loss[0] > 0.5);
  const sgd = descendTwoWeights(w0, d.x, d.y, p, q, [-3, 4], new SGD(0.1), 1);
  const W = cloneMatrices(w0);
  W[2][0][0] = -3;
  W[2][1][0] = 4;
  const G = gradients(W, d.x, d.y);
  assertClose([sgd.p[1], sgd.q[1]], [-3 - 0.1 * G[2][0][0], 4 - 0.1 * G[2][1][0]], 1e-15);
});

test("bad input: clear messages", () => {
  assertInputError(() => new SGD(-1), "not-positive");
  assertInputError(() => new Adam({ beta1: 1 }), "not-fraction");
  assertInputError(() => new Momentum(0.1, 1.5), "not-fraction");
  assertInputError(() => new Adam({ learningRate: NaN }), "not-finite");
  assertInputError(() => new SGD().update([[[1, 2]]], [[[1]]]), "optimizer-shape");
  assertInputError(() => new SGD().update([[[1]]], []), "optimizer-block-count");
  const d = lessonData();
  assertInputError(() => trainWithOptimizer({ weights: d.weights, x: d.x, y: d.y, optimizer: new SGD(), iterations: 0 }), "out-of-range");
});

test("AdaGrad and RMSProp, one weight with gradient 1 every time: AdaGrad's steps shrink as α/√t, RMSProp's settle at α", () => {
  const steps = (opt: AdaGrad | RMSProp, n: number) => {
    const w = [[0]], out: number[] = [];
    for (let t = 0; t < n; t++) {
      const before = w[0][0];
      opt.update([w], [[[1]]]);
      out.push(before - w[0][0]);
    }
    return out;
  };
  // AdaGrad: h = t after t steps, the t-th step is α / (√t + ε)
  steps(new AdaGrad(0.1), 100).forEach((s, i) => assertClose(s, 0.1 / (Math.sqrt(i + 1) + 1e-8), 1e-15, `AdaGrad step ${i + 1}`));
  // RMSProp (ρ = 0.9): h = 1 − 0.9ᵗ, the first step is α/√0.1 ≈ 3.16α, later ones tend to α
  const rms = steps(new RMSProp(0.1, 0.9), 100);
  rms.forEach((s, i) => assertClose(s, 0.1 / (Math.sqrt(1 - 0.9 ** (i + 1)) + 1e-8), 1e-14, `RMSProp step ${i + 1}`));
  assertClose(rms[99], 0.1, 2e-6, "RMSProp after 100 steps (0.9¹⁰⁰ ≈ 2.7e-5 of h still missing)");
});

test("Adam with β₁ = 0 is RMSProp (ρ = β₂) plus bias correction: the same update once 1 − β₂ᵗ is put back", () => {
  // β₁ = 0: m̂ = g, v = h, so Adam's step α·g / √(h / (1 − β₂ᵗ)) is RMSProp's α·g / √h times √(1 − β₂ᵗ)
  // (ε = 1e-300 on both, so it never counts; gradients too small to square are left out: g² would be 0)
  const gradient = fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true }).filter((g) => Math.abs(g) > 1e-100));
  fc.assert(fc.property(fc.array(gradient, { minLength: 1, maxLength: 20 }), (gs) => {
    const beta2 = 0.9;
    const rms = new RMSProp(0.01, beta2, 1e-300), adam = new Adam({ learningRate: 0.01, beta1: 0, beta2, epsilon: 1e-300 });
    const wr = [[0]], wa = [[0]];
    gs.forEach((g, i) => {
      wr[0][0] = 0; // each step from 0, so that the weight after it IS the step (no cancellation)
      wa[0][0] = 0;
      rms.update([wr], [[[g]]]);
      adam.update([wa], [[[g]]]);
      const h = rms.squares()[0][0];
      assertClose(adam.moments().v[0][0], h, 1e-12 * Math.max(1, h), `v at t=${i + 1}`);
      const rmsStep = wr[0][0], adamStep = wa[0][0];
      const expected = rmsStep * Math.sqrt(1 - beta2 ** (i + 1));
      assertClose(adamStep, expected, 1e-12 * Math.abs(expected), `Adam's step at t=${i + 1}`);
      if (g !== 0) assert.ok(adamStep !== 0 && Math.sign(adamStep) === -Math.sign(g), `a step against the gradient at t=${i + 1}`);
    });
  }));
});

test("AdaGrad and RMSProp refuse a bad learning rate or ρ in Korean, and reset() forgets", () => {
  assertInputError(() => new AdaGrad(0), "not-positive");
  assertInputError(() => new RMSProp(NaN), "not-finite");
  assertInputError(() => new RMSProp(0.1, 1), "not-fraction");
  const opt = new AdaGrad(0.1), w = [[0]];
  opt.update([w], [[[2]]]);
  assert.deepEqual(Array.from(opt.squares()[0]), [4]);
  opt.reset();
  assert.deepEqual(opt.squares(), []);
  assert.equal(new RMSProp(0.1, 0.5).name, "RMSProp (α=0.1, ρ=0.5)");
});
