/**
 * What a learner's edit of a "직접 해 보기" cell meets in the library: one Korean line (English after " / ")
 * naming the variable and what is allowed, shown without a stack trace (tslab prints errors with
 * console.error, i.e. util.inspect); limits that keep every call to a few seconds; long loss histories
 * thinned for figures. The notebooks themselves are edited and run in test/hostile-edits.test.ts.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import { inspect } from "util";
import {
  Adam, Classifier, InputError, MAX_EPOCHS, MAX_TRAIN_ITERATIONS, SGD, binaryCrossEntropyDelta, binaryCrossEntropyFromLogit,
  compareFunction, compareValues, descendOneWeight, forward, gradientCheck, hiddenDelta, hiddenDeltaHint, hiddenDeltaMistakes, initWeights, layerMistakes,
  lessonData, logitDeltaMistakes, lossAlongWeight, lossHistoryFigure, lossSurface, outputDelta, outputDeltaMistakes,
  sigmoid, stepMistakes, descentMistakes, adamMistakes, mulBackwardMistakes, mulSameValueMistakes, sumSquaredError, sumSquaredErrorMistakes, halfSumSquaredError, thinHistory, train, trainClassifier, trainFast, transpose, dot, updateWeights, cloneMatrices, gradients,
} from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

const d = lessonData();
const p = { layer: 2, row: 0, col: 0 };

test("an InputError inspects as one line, as tslab shows it; other errors keep their stack", () => {
  const e = new InputError("not-positive", { what: "learningRate", v: -1 });
  assert.equal(e.code, "not-positive");
  assert.equal(inspect(e), "입력 오류: learningRate는 0보다 커야 합니다. 받은 값: -1 / learningRate must be positive, got -1");
  assert.ok(e instanceof Error);
  assert.ok((e.stack ?? "").includes("\n    at "), "the stack is still there for a developer");
  assert.match(inspect(new Error("x")), /\n\s+at /);
});

test("train(): iterations up to MAX_TRAIN_ITERATIONS, the limit named with the reason; trainFast keeps 10⁷", () => {
  assert.equal(MAX_TRAIN_ITERATIONS, 1_000_000);
  const run = (iterations: number, learningRate = 0.1) => train({ weights: d.weights, x: d.x, y: d.y, iterations, learningRate });
  assertInputError(() => run(1e7), "out-of-range");
  assertInputError(() => run(0), "out-of-range");
  assertInputError(() => run(2.5), "not-whole");
  assertInputError(() => run(10, NaN), "not-finite");
  assertInputError(() => run(10, 0), "not-positive");
  assert.ok(run(3, 1e9).loss.every(Number.isFinite), "a huge learning rate saturates, it does not give NaN");
  assertInputError(() => trainFast({ weights: d.weights, x: d.x, y: d.y, iterations: 1e7 + 1 }), "out-of-range");
  assertInputError(() => train({ weights: d.weights, x: [1, 2], y: d.y }), "vector-length");
  assertInputError(() => train({ weights: d.weights, x: d.x, y: [1, NaN] }), "vector-entry");
});

test("forward, gradients and gradientCheck name the matrix or vector that does not fit", () => {
  assertInputError(() => forward([d.weights[0], d.weights[1], [[1, 2], [3, 4]]], d.x), "forward-layer-columns");
  assertInputError(() => gradientCheck(initWeights([4, 2]), d.x, [1, 2]), "vector-length");
  assertInputError(() => gradients(d.weights, d.x, [1]), "vector-length");
  assertInputError(() => outputDelta([0.1, 0.2], [1]), "output-delta-length");
  assertInputError(() => initWeights([3, 1001]), "layer-size");
});

test("one weight's descent and the loss surface refuse what would be nonsense or take minutes", () => {
  assertInputError(() => descendOneWeight(d.weights, d.x, d.y, p, 0, -1, 3), "not-positive");
  assertInputError(() => descendOneWeight(d.weights, d.x, d.y, p, NaN, 1, 3), "not-finite");
  assertInputError(() => descendOneWeight(d.weights, d.x, d.y, p, 0, 1, 2.5), "not-whole");
  assertInputError(() => descendOneWeight(d.weights, d.x, d.y, { layer: 2, row: 0, col: 5 }, 0, 1, 3), "weight-position");
  const far = descendOneWeight(d.weights, d.x, d.y, p, 5, 1e300, 3);
  assert.ok(far.w.every(Number.isFinite), "an overflowing step ends the path at its last finite point");
  assertInputError(() => lossAlongWeight(d.weights, d.x, [1], p, [0, 1]), "vector-length");
  assertInputError(() => lossAlongWeight(d.weights, d.x, d.y, p, [0, NaN]), "vector-entry");
  const grid = Array.from({ length: 1002 }, (_, i) => i);
  assertInputError(() => lossSurface(d.weights, d.x, d.y, p, { layer: 2, row: 1, col: 0 }, grid, grid), "out-of-range");
});

test("classifiers: Korean messages for sizes, data that does not fit, labels and epochs (with the limit)", () => {
  const net = new Classifier([2, 3, 1], "sigmoid", "t");
  const data = { X: [[0, 1], [1, 0]], labels: [0, 1] };
  const fit = (o: object) => trainClassifier({ net, data, optimizer: new SGD(0.1), epochs: 1, ...o });
  assertInputError(() => fit({ epochs: MAX_EPOCHS + 1 }), "out-of-range");
  assertInputError(() => fit({ epochs: 2.5 }), "not-whole");
  assertInputError(() => fit({ data: { X: [[0, 1, 2]], labels: [0] } }), "vector-length");
  assertInputError(() => fit({ data: { X: [[0, 1]], labels: [2] } }), "train-data-label");
  assertInputError(() => fit({ data: { X: [[0, 1]], labels: [] } }), "train-data-labels");
  assert.equal(fit({ epochs: 0 }).loss.length, 1, "0 epochs: only the loss before training");
});

test("Adam names the settings that differ from the defaults, so a legend follows an edit", () => {
  assert.equal(new Adam({ learningRate: 0.1 }).name, "Adam (α=0.1)");
  assert.equal(new Adam({ learningRate: 0.1, beta1: 0 }).name, "Adam (α=0.1, β₁=0)");
  assert.equal(new Adam({ learningRate: 0.01, beta2: 0.9, epsilon: 1e-6 }).name, "Adam (α=0.01, β₂=0.9, ε=0.000001)");
});

test("thinHistory keeps short histories whole and long ones to about 2000 points, with their lows and highs", () => {
  assert.deepEqual(thinHistory([3, 2, 1]), { x: [1, 2, 3], y: [3, 2, 1] });
  const long = Array.from({ length: 1_000_000 }, (_, i) => 1 / (i + 1) + (i === 500_123 ? 5 : 0));
  const t = thinHistory(long);
  assert.ok(t.x.length <= 2000 && t.x.length > 1000, `${t.x.length} points`);
  assert.equal(t.x[0], 1);
  assert.equal(t.x[t.x.length - 1], 1_000_000);
  assert.ok(t.x.includes(500_124), "a spike survives");
  assert.ok(t.x.every((x, i) => i === 0 || x > t.x[i - 1]), "in order");
  const fig = lossHistoryFigure([{ name: "long", loss: long }]);
  assert.ok((fig.data[0] as { x: number[] }).x.length <= 2000);
  assertInputError(() => lossHistoryFigure([{ name: "zero", loss: [1, 0] }], { log: true }), "loss-history-log");
});

test("binaryCrossEntropyDelta is the central difference of binaryCrossEntropyFromLogit", () => {
  for (const [y, a] of [[1, 0.3], [0, 2], [1, -8], [0, -30]]) {
    const eps = 1e-5;
    const num = (binaryCrossEntropyFromLogit(y, a + eps) - binaryCrossEntropyFromLogit(y, a - eps)) / (2 * eps);
    assert.ok(Math.abs(binaryCrossEntropyDelta(y, a) - num) < 1e-8, `y=${y}, a=${a}`);
    assert.equal(binaryCrossEntropyDelta(y, a), sigmoid(a) - y);
  }
});

test("the typical mistakes the exercises name are the wrong answers they say they are", () => {
  const [W1, W2, W3] = d.weights;
  const fwd = forward(d.weights, d.x);
  const [Z1, Z2, Z3] = fwd.Z;
  const hintFor = (actual: unknown, expected: number[] | number[][] | number, related: object) =>
    compareValues("x", actual, expected, { related: related as Record<string, unknown> }).hint;
  assert.match(hintFor(dot(W1, d.x), Z1, layerMistakes(W1, d.x)), /^흔한 실수와 같은 값입니다: W·input \(시그모이드를 적용하기 전의 가중합 A\)\./);
  assert.match(hintFor(dot(W1, d.x).map((a) => 1 / (1 + Math.exp(a))), Z1, layerMistakes(W1, d.x)), /σ\(−A\) \(Math\.exp\(-a\)의 마이너스를 빠뜨림\).*1 − σ\(a\)/);
  // 03: Σ(y−o)² — the starter's first output only, no squares, the square of the sum, the mean, ½Σ
  const sse = sumSquaredError(d.y, Z3), sseRelated = sumSquaredErrorMistakes(d.y, Z3);
  const diffs = d.y.map((yk, k) => yk - Z3[k]);
  assert.match(hintFor(diffs[0] ** 2, sse, sseRelated), /^흔한 실수와 같은 값입니다: 첫 번째 출력의 \(y₀ − o₀\)²만\. k = 0 하나만/);
  assert.match(hintFor(diffs[0] + diffs[1], sse, sseRelated), /제곱하지 않은 합/);
  assert.match(hintFor((diffs[0] + diffs[1]) ** 2, sse, sseRelated), /합을 제곱한 값/);
  assert.match(hintFor(sse / 2, sse, sseRelated), /평균제곱오차 = ½Σ\(y−o\)² \(출력이 2개라서 같은 값\)\. .*n으로 나누거나 ½을 곱하지/);
  assert.match(hintFor(0.14 / 3, 0.14, sumSquaredErrorMistakes([1, 0, 0], [0.7, 0.2, 0.1])), /평균제곱오차 \(n으로 나눈 값\)/);
  assert.match(hintFor(0.14 / 2, 0.14, sumSquaredErrorMistakes([1, 0, 0], [0.7, 0.2, 0.1])), /½Σ\(y−o\)²\. 이것은 델타 식이 미분하는 E/);
  // with a one-hot answer and outputs summing to 1 the unsquared sum is 0: still named
  const y3 = [1, 0, 0], o3 = [0.7, 0.2, 0.1];
  assert.match(hintFor(0, sumSquaredError(y3, o3), sumSquaredErrorMistakes(y3, o3)), /제곱하지 않은 합/);
  const noSlope = Z3.map((o, k) => o - d.y[k]);
  assert.match(hintFor(noSlope, outputDelta(Z3, d.y), outputDeltaMistakes(Z3, d.y)), /o(1−o)를 곱하지 않은 값|o\(1−o\)를 곱하지 않은 값/);
  // 05's starter cell has y − o: deleting its o(1 − o) leaves y − o, named too, and so is (o − y)·o
  assert.match(hintFor(noSlope.map((v) => -v), outputDelta(Z3, d.y), outputDeltaMistakes(Z3, d.y)), /^흔한 실수와 같은 값입니다: y − o \(o\(1−o\)를 곱하지 않았고/);
  assert.match(hintFor(Z3.map((o, k) => (o - d.y[k]) * o), outputDelta(Z3, d.y), outputDeltaMistakes(Z3, d.y)), /\(1 − o\)를 빠뜨린 값/);
  const delta3 = outputDelta(Z3, d.y);
  const right = hiddenDelta(W3, delta3, Z2);
  assert.match(hintFor(right.map((v) => -v), right, hiddenDeltaMistakes(W3, delta3, Z2)), /수업의 h\(h−1\)/);
  const back = dot(transpose(W3), delta3);
  assert.match(hintFor(back, right, hiddenDeltaMistakes(W3, delta3, Z2)), /Z\(1−Z\)를 곱하지 않은 값/);
  const sq = initWeights([3, 3, 3], "square")[1], dn = [0.1, -0.2, 0.3], Z = [0.5, 0.6, 0.7];
  const noT = dot(sq, dn).map((b, j) => b * Z[j] * (1 - Z[j]));
  assert.match(hintFor(noT, hiddenDelta(sq, dn, Z), hiddenDeltaMistakes(sq, dn, Z)), /전치를 빠뜨린 값/);
  // 06's hint names the shapes of each input: W3 is 2×3, W2 is 3×2
  const noTranspose = (Wnext: number[][], deltaNext: number[], Zh: number[]) => dot(Wnext, deltaNext).map((b, j) => b * Zh[j] * (1 - Zh[j]));
  const missing = compareFunction("은닉층 델타", noTranspose, hiddenDelta, [
    { label: "delta2", args: [W3, delta3, Z2] }, { label: "delta1", args: [W2, right, Z1] },
  ], { hint: hiddenDeltaHint });
  assert.match(missing.cases[0].hint, /이 입력에서는 2×3\)\. 전치한 Wnextᵀ\(3×2\)를 델타\(2개\)와 곱해야 이 층의 노드 수\(3개\)만큼/);
  assert.match(missing.cases[1].hint, /이 입력에서는 3×2\)\. 전치한 Wnextᵀ\(2×3\)를 델타\(3개\)와 곱해야 이 층의 노드 수\(2개\)만큼/);
  const g = gradients(d.weights, d.x, d.y);
  const uphill = d.weights.map((W, l) => W.map((row, k) => row.map((w, i) => w + 0.1 * g[l][k][i])));
  const expected = cloneMatrices(d.weights);
  updateWeights(expected, g, 0.1);
  const steps = stepMistakes(d.weights, d.x, d.y, 0.1);
  assert.match(hintFor(uphill[1], expected[1], steps[1]), /기울기 방향으로 올라간 값/);
  assert.match(hintFor(W2, expected[1], steps[1]), /업데이트하지 않은 값/);
  const o = sigmoid(-8);
  assert.match(hintFor((o - 1) * o * (1 - o), binaryCrossEntropyDelta(1, -8), logitDeltaMistakes(1, -8)), /수업의 MSE 델타/);
});

test("08's Adam loop: a loop without the bias correction and the untouched TODO get the hints that name them", () => {
  const grads = [0.001, 1000, -0.5, 0.2];
  const right = (() => {
    const w = [[1]], adam = new Adam({ learningRate: 0.01 });
    return grads.map((g) => (adam.update([w], [[[g]]]), w[0][0]));
  })();
  // the learner's loop as written in 08's answer, without dividing by 1 − βᵗ
  let w = 1, m = 0, v = 0;
  const uncorrected = grads.map((g) => {
    m = 0.9 * m + (1 - 0.9) * g;
    v = 0.999 * v + (1 - 0.999) * g * g;
    w = w - (0.01 * m) / (Math.sqrt(v) + 1e-8);
    return w;
  });
  assert.ok(Math.abs(1 - uncorrected[0]) > 3 * Math.abs(1 - right[0]), "without the correction the first step is about 3.16α");
  const hint = (actual: number[]) => compareValues("x", actual, right, { related: adamMistakes(1, grads, 0.01) }).hint;
  assert.match(hint(uncorrected), /^흔한 실수와 같은 값입니다: 편향 보정을 빠뜨린 값/);
  assert.match(hint(grads.map(() => 1)), /^흔한 실수와 같은 값입니다: 처음 가중치 그대로/);
  assert.doesNotMatch(hint(right.map((x) => x + 0.5)), /흔한 실수/);
});

test("04's descent loop: each typical wrong loop, written as a learner writes it, gets the hint that names it", () => {
  const p = { layer: 2, row: 0, col: 0 };
  const E = (w: number) => {
    const W = cloneMatrices(d.weights);
    W[2][0][0] = w;
    return halfSumSquaredError(d.y, forward(W, d.x).output);
  };
  const h = 1e-6;
  type Loop = (start: number, alpha: number) => number[] | number;
  const loop = (body: (w: number, alpha: number, slope: number, ws: number[]) => number, slopeOf = (w: number) => (E(w + h) - E(w - h)) / (2 * h)): Loop =>
    (start, alpha) => {
      const ws = [start];
      let w = start;
      for (let i = 0; i < 12; i++) w = body(w, alpha, slopeOf(w), ws);
      return ws;
    };
  const right = loop((w, a, s, ws) => { ws.push(w - a * s); return w - a * s; });
  const wrong: [string, Loop][] = [
    ["w \\+ α·기울기로 올라간 경로", loop((w, a, s, ws) => { ws.push(w + a * s); return w + a * s; })],
    ["w가 한 번도 바뀌지 않은 경로", loop((w, _a, _s, ws) => { ws.push(w); return w; })],
    ["w₁만 되풀이한 경로", loop((w, a, s, ws) => { ws.push(w - a * s); return w; })],
    ["마지막 값 w₁₂", (start, alpha) => { const ws = right(start, alpha) as number[]; return ws[12]; }],
    ["처음 값 w₀가 빠진 경로", (start, alpha) => (right(start, alpha) as number[]).slice(1)],
    ["기울기가 2배인 경로", loop((w, a, s, ws) => { ws.push(w - a * s); return w - a * s; }, (w) => (E(w + h) - E(w - h)) / h)],
    ["기울기를 처음에 한 번만 잰 경로", (start, alpha) => {
      const once = (E(start + h) - E(start - h)) / (2 * h); // measured before the loop
      const ws = [start];
      let w = start;
      for (let i = 0; i < 12; i++) { w = w - alpha * once; ws.push(w); }
      return ws;
    }],
  ];
  for (const [start, alpha] of [[-2, 30], [5, 100]]) {
    const expected = descendOneWeight(d.weights, d.x, d.y, p, start, alpha, 12).w;
    assert.equal(compareValues("path", right(start, alpha), expected).verdict, "exact", "the central difference as 04 writes it is the library's, to the last bit");
    const related = descentMistakes(d.weights, d.x, d.y, p, start, alpha, 12);
    for (const [name, f] of wrong) {
      const r = compareValues("path", f(start, alpha), expected, { related });
      assert.ok(!r.ok, name);
      assert.match(r.hint, new RegExp(`^흔한 실수와 같은 값입니다: [^.]*${name}`), `${name} (w₀ = ${start}, α = ${alpha}): ${r.hint}`);
    }
  }
});

test("07b's and 11's mul exercise: the typical wrong backward rules give the values their labels name", () => {
  const xy = mulBackwardMistakes(3, -2, 2) as Record<string, { value: number[] }>;
  assert.deepEqual(Object.entries(xy).map(([label, e]) => [label, e.value]), [
    ["[2, 2] (덧셈의 규칙)", [2, 2]], ["[−2, 3] (뒤에서 온 기울기를 곱하지 않음)", [-2, 3]],
    ["[6, −4] (자기 값을 곱함)", [6, -4]]]);
  const tt = mulSameValueMistakes(3) as Record<string, { value: number }>;
  assert.deepEqual(Object.entries(tt).map(([label, e]) => [label, e.value]), [["3 (= 로 덮어씀)", 3], ["2 (덧셈의 규칙)", 2]]);
  assert.match(compareValues("①", [-2, 3], [-4, 6], { related: xy }).hint,
    /^흔한 실수와 같은 값입니다: \[−2, 3\] \(뒤에서 온 기울기를 곱하지 않음\)\. .*여기서는 2/);
  // 11: each input times its own value ([dc·a, dc·b]) names the other input, not the generic hint
  const own = compareValues("곱셈 노드", [3, -2], [-2, 3], { related: mulBackwardMistakes(3, -2, 1) }).hint;
  assert.match(own, /^흔한 실수와 같은 값입니다: \[3, −2\] \(자기 값을 곱함\)\. a의 기울기에는 a가 아니라 상대편 b/);
});
