/**
 * Issue 16 §4 and issue 17: wrong answers and edits written as a learner writes them, each getting the hint or
 * Korean line that names what actually happened (not the Σ-vs-½Σ, transpose or "return을 빠뜨렸나요?" hint).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as math from "mathjs";
import {
  Adam, AdaGrad, Classifier, Momentum, RMSProp, binaryCrossEntropyDelta, binaryCrossEntropyFromLogit, centralDifferenceMistakes,
  compareFunction, compareValues, dot, explainError, forward, hiddenDelta, hiddenDeltaHint, hiddenDeltaMistakes, lessonData, outputDelta,
  requireFinite, requirePositive, softmax, transpose,
} from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

const d = lessonData();
const [W1, W2, W3] = d.weights;
const [Z1, Z2, Z3] = forward(d.weights, d.x).Z;
const thrown = (f: () => unknown): Error => { try { f(); } catch (e) { return e as Error; } throw new Error("did not throw"); };

test("09: the central difference divided by ε instead of 2ε names the denominator, not ½Σ", () => {
  const cases = [{ label: "a", args: [1, 0.3] as [number, number] }, { label: "b", args: [0, 2] as [number, number] }];
  const byEps = (y: number, a: number) => { const eps = 1e-5; return (binaryCrossEntropyFromLogit(y, a + eps) - binaryCrossEntropyFromLogit(y, a - eps)) / eps; };
  const r = compareFunction("δ (중앙 차분)", byEps, binaryCrossEntropyDelta, cases, { related: centralDifferenceMistakes });
  for (const c of r.cases) {
    assert.match(c.hint, /^흔한 실수와 같은 값입니다: \(L\(a\+ε\) − L\(a−ε\)\) \/ ε \(분모의 2를 빠뜨림.*2ε로 나눕니다/);
    assert.doesNotMatch(c.hint, /½/);
  }
});

test("05: math.dotMultiply(delta3, Z2) for outer(delta3, Z2) gets a line about element-wise vs outer product", () => {
  const e = thrown(() => math.dotMultiply(outputDelta(Z3, d.y), Z2));
  const help = explainError(e) ?? "";
  assert.match(help, /^💡 길이가 2인 배열과 3인 배열은 원소끼리 계산할 수 없습니다: math\.dotMultiply.*원소마다 곱합니다.*외적 outer\(a, b\)/);
  assert.doesNotMatch(help, /전치/);
  // a matrix product's mismatch keeps the transpose line
  assert.match(explainError(thrown(() => math.multiply([[1, 2]], [1, 2, 3]))) ?? "", /전치/);
});

test("00c: a function without return mapped over the corners says it returned undefined", () => {
  const noReturn = (x: number[]) => { void x; };
  const r = compareValues("XOR", [[0, 0], [0, 1], [1, 0], [1, 1]].map(noReturn), [0, 1, 1, 0]);
  assert.match(r.message, /원소 4개가 모두 undefined입니다: map 등에 넘긴 함수가 값을 돌려주지 않았습니다/);
  assert.match(r.hint, /^함수가 undefined를 돌려주었습니다: .*return을 빠뜨렸나요/);
  assert.doesNotMatch(r.message, /길이가 다른 행/);
});

test("01: an index past the end names the index and the arguments' shapes; a function with no return says so", () => {
  const sendOne = (W: number[][], from: number, to: number) => dot(W, W[0].map((_, i) => (i === from ? 1 : 0)))[to];
  const swapped = (W: number[][], from: number, to: number) => W[from][to];
  const r = compareFunction("가중치", swapped, sendOne, [{ label: "W2", args: [W2, 1, 2] }]);
  assert.match(r.cases[0].message, /\(undefined: 함수가 돌려준 값이 undefined입니다\)/);
  assert.match(r.cases[0].hint, /배열의 끝을 넘은 인덱스.*이 입력의 인자: 3×2 행렬, 숫자 1, 숫자 2\./);
  assert.doesNotMatch(r.cases[0].message + r.cases[0].hint, /return을 빠뜨렸나요/);
  // reads the weight and forgets to return it
  // eslint-disable-next-line @typescript-eslint/no-unused-expressions
  const none = compareFunction("가중치", function (W: number[][], from: number, to: number) { W[to][from]; } as unknown as typeof sendOne, sendOne, [{ label: "W2", args: [W2, 1, 2] }]);
  assert.match(none.cases[0].hint, /함수에 return이 없습니다/);
});

test("06: σ applied twice and back * Z on arrays get their own hints, not the transpose hint", () => {
  const delta3 = outputDelta(Z3, d.y);
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  const twice = (Wn: number[][], dn: number[], Z: number[]) => {
    const back = math.multiply(math.transpose(Wn), dn) as number[];
    return Z.map((z, j) => back[j] * sig(z) * (1 - sig(z)));
  };
  const r = compareFunction("은닉층 델타", twice, hiddenDelta, [{ label: "delta2", args: [W3, delta3, Z2] }],
    { related: hiddenDeltaMistakes, hint: hiddenDeltaHint });
  assert.match(r.cases[0].hint, /^흔한 실수와 같은 값입니다: σ\(Z\)\(1−σ\(Z\)\)를 곱한 값 \(시그모이드를 두 번 적용\)/);
  const arrays = (Wn: number[][], dn: number[], Z: number[]) => {
    const back = dot(transpose(Wn), dn) as unknown as number;
    return (back * (Z as unknown as number) * (1 - (Z as unknown as number))) as unknown as number[];
  };
  const a = compareFunction("은닉층 델타", arrays, hiddenDelta, [{ label: "delta2", args: [W3, delta3, Z2] }],
    { related: hiddenDeltaMistakes, hint: hiddenDeltaHint });
  assert.match(a.cases[0].hint, /^NaN은 배열에 \*, -, \/, \*\*를 하거나/);
  assert.doesNotMatch(a.cases[0].hint, /전치/);
});

test("10: the committed softmax overflows e^1000: the hint names exp's overflow and subtracting the max", () => {
  const naive = (a: number[]) => { const e = a.map((v) => Math.exp(v)); const t = e.reduce((s, v) => s + v, 0); return e.map((v) => v / t); };
  const r = compareFunction("소프트맥스", naive, softmax, [{ label: "big", args: [[1000, 1001, 1002]] }, { label: "small", args: [[2, 1, 0.1]] }]);
  assert.match(r.cases[0].hint, /Math\.exp가 넘쳤습니다: e\^1000은 .*Infinity \/ Infinity = NaN.*가장 큰 값 m을 빼세요/);
  assert.doesNotMatch(r.cases[0].hint, /0으로 나누었거나/);
  assert.ok(r.cases[1].ok);
});

test("00b: dot(X, W1) names the shapes given and the order", () => {
  assert.throws(() => dot(d.x as unknown as number[][], W1 as unknown as number[]),
    /^InputError: dot\(W, x\)는 첫 인자로 행렬\(W\), 둘째 인자로 벡터\(x\)를 받는데, 받은 것은 길이 3인 벡터와 2×3 행렬입니다\. 인자의 순서가 바뀌었습니다/);
  assert.deepEqual(dot(W1, d.x), forward(d.weights, d.x).A[0]);
  void Z1;
});

test("04: a start written in quotes and h ≤ 0 are refused in Korean", () => {
  assertInputError(() => requireFinite("-2", "start"), "not-finite");
  assertInputError(() => requirePositive(0, "h"), "not-positive");
});

test("08: new Adam(0.1) and learningrate: are refused, naming the expected form", () => {
  assertInputError(() => new Adam(0.1 as never), "adam-options-object");
  assertInputError(() => new Adam({ learningrate: 0.1 } as never), "adam-unknown-option");
  assert.equal(new Adam({ learningRate: 0.1 }).learningRate, 0.1);
});

test("issue 17: an optimiser used on a 1×2 then a 1×3 parameter refuses in one bilingual line; reset() lets it go on", () => {
  for (const make of [() => new Momentum(0.1, 0.9), () => new Adam({ learningRate: 0.1 }), () => new AdaGrad(0.1), () => new RMSProp(0.1)]) {
    const opt = make();
    opt.update([[[0, 1]]], [[[1, 1]]]);
    const three = [[0, 1, 2]];
    assertInputError(() => opt.update([three], [[[1, 1, 1]]]), "optimizer-state-shape");
    assert.deepEqual(three, [[0, 1, 2]], "nothing changed");
    opt.reset();
    opt.update([three], [[[1, 1, 1]]]);
    assert.ok(three[0].every(Number.isFinite));
  }
  assertInputError(() => new Momentum().update([[[0, 1]]], [[[1, 1, 1]]]), "optimizer-shape");
  assertInputError(() => new Momentum().update([[[0]], [[0]]], [[[1]]]), "optimizer-block-count");
  // on purpose about the wording: the message shows both block sizes
  assert.throws(() => new Classifier([2, 2, 1], "sigmoid", "s").setParams([[1]]), /^InputError: Classifier\.setParams: params\(\)와 같은 블록.*원소 수 \[4, 2, 2, 1\].*받은 것의 원소 수: \[1\] \/ expected/);
});

test("04 under tslab: const start = \"-2\" fails the type check, and its line of help names the quotes", async () => {
  const { explainDiagnostic } = await import("nn-lesson/dist/internal");
  const help = explainDiagnostic({ code: 2345, messageText: "Argument of type 'string' is not assignable to parameter of type 'number'." }) ?? "";
  assert.match(help, /^💡 문자열을 숫자의 자리에 넣었습니다: 따옴표로 감싼 "-2"는 숫자가 아니라 문자열이니 숫자는 따옴표 없이 -2로 씁니다/);
});
