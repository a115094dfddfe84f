import { test } from "node:test";
import * as assert from "assert/strict";
import * as fc from "fast-check";
import * as math from "mathjs";
import {
  compareFunction, FunctionCase, compareValues, describeShape, formatCheck, checkHtml, shapeOf, outputDelta, lessonData, forward, numpyReference, check, checkFunction, fmtPair,
  compareDifferent, differentHtml, expectDifferent, formatDifferent, transpose, koreanFirst,
} from "nn-lesson/dist/internal";

test("exact, approximate and wrong, like karpathy's cmp()", () => {
  const e = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
  const exact = compareValues("W1", e.map((r) => r.slice()), e);
  assert.equal(exact.verdict, "exact");
  assert.ok(exact.ok);
  assert.equal(exact.message, "W1: 정확히 일치");

  const approx = compareValues("W1", [[0.1 + 1e-12, 0.2, 0.3], [0.4, 0.5, 0.6]], e);
  assert.equal(approx.verdict, "approximate");
  assert.ok(approx.ok);
  assert.ok(Math.abs(approx.maxDiff - 1e-12) < 1e-15);
  assert.match(approx.message, /근사적으로 일치 \(가장 큰 차이 1\.00e-12, 허용 오차 안\)/);
  const lastBit = compareValues("x", [0.1 + 0.2], [0.3]);
  assert.match(lastBit.message, /가장 큰 차이 5\.55e-17, 부동소수점 반올림 수준\)/);

  const wrong = compareValues("W1", [[0.1, 0.2, 0.3], [0.4, 0.55, 0.6]], e);
  assert.equal(wrong.verdict, "wrong");
  assert.equal(wrong.ok, false);
  assert.deepEqual(wrong.where, [1, 1]);
  assert.ok(Math.abs(wrong.maxDiff - 0.05) < 1e-12);
  assert.match(wrong.message, /틀림 — 가장 큰 차이 0\.05, 위치 \[1\]\[1\]: 기대값 0\.5, 받은 값 0\.55/);
  assert.ok(wrong.hint.length > 0);
});

test("0.1 + 0.2 is approximately, not exactly, 0.3", () => {
  const r = compareValues("합", 0.1 + 0.2, 0.3);
  assert.equal(r.verdict, "approximate");
  assert.deepEqual(r.where, []);
});

test("wrong shapes are named clearly, with a transpose hint", () => {
  const e = [[1, 2, 3], [4, 5, 6]];
  const t = compareValues("dW3", [[1, 4], [2, 5], [3, 6]], e);
  assert.equal(t.verdict, "shape");
  assert.equal(t.message, "dW3: 모양이 다릅니다 — 기대한 것은 2×3 행렬, 받은 것은 3×2 행렬.");
  assert.match(t.hint, /전치/);
  const v = compareValues("delta3", [1, 2, 3], [1, 2]);
  assert.match(v.message, /길이 2인 벡터, 받은 것은 길이 3인 벡터/);
  const m = compareValues("delta3", [[1, 2]], [1, 2]);
  assert.match(m.message, /받은 것은 1×2 행렬/);
  const u = compareValues("delta3", undefined, [1, 2]);
  assert.match(u.message, /undefined/);
  assert.match(u.hint, /return/);
  const ragged = compareValues("W", [[1, 2], [3]], [[1, 2], [3, 4]]);
  assert.equal(ragged.verdict, "shape");
  assert.equal(describeShape(shapeOf(5)), "숫자 하나");
});

test("hints: opposite sign, factor of two, NaN", () => {
  assert.match(compareValues("d", [-1, 2], [1, -2]).hint, /부호가 반대/);
  assert.match(compareValues("g", [2, 4], [1, 2]).hint, /정확히 2배.*½이 빠졌는지/);
  // either direction names the Σ vs ½Σ mix-up (03 and 05 compare the two gradients on purpose)
  assert.match(compareValues("g", [0.5, 1], [1, 2]).hint, /정확히 절반.*½이 한 번 더/);
  const nan = compareValues("o", [NaN, 1], [1, 1]);
  assert.equal(nan.verdict, "wrong");
  assert.match(nan.message, /위치 \[0\]의 값이 NaN/);
  // a single number: the name is not lost ("x: 틀림 — 값의 값이 NaN" was the old message)
  assert.equal(compareValues("x", NaN, 1).message, "x: 틀림 — 받은 값이 NaN입니다 (기대값 1).");
  assert.match(compareValues("g", [1, 3], [1, 2], { hint: "내 힌트" }).hint, /^내 힌트$/);
});

test("one test of 'close' for check, expectDifferent and the hints: NaN is close to nothing", () => {
  // an expected NaN (a broken reference) used to count as 근사적으로 일치 for any finite answer
  const r = compareValues("x", [1, 2], [1, NaN]);
  assert.equal(r.verdict, "wrong");
  assert.deepEqual(r.where, [1]);
  assert.ok(Number.isNaN(r.maxDiff));
  // expectDifferent: a NaN on either side is a difference, never "the same"
  assert.equal(compareDifferent("y", [NaN], [NaN]).verdict, "different");
  assert.equal(compareDifferent("y", [Infinity], [Infinity]).verdict, "same");
  // the same tolerance everywhere: just inside is ✔ for check and "the same" for expectDifferent
  assert.equal(compareValues("z", 1 + 9e-6, 1).verdict, "approximate");
  assert.equal(compareDifferent("z", 1 + 9e-6, 1).verdict, "same");
  assert.equal(compareValues("z", 1 + 2e-5, 1).verdict, "wrong");
  assert.equal(compareDifferent("z", 1 + 2e-5, 1).verdict, "different");
  // the 2× hint needs every entry doubled, zeros included (a relative test: tiny gradients count too)
  assert.match(compareValues("g", [2e-6, 0, -4e-6], [1e-6, 0, -2e-6]).hint, /정확히 2배/);
  assert.doesNotMatch(compareValues("g", [2e-6, 1e-10, -4e-6], [1e-6, 0, -2e-6]).hint, /정확히 2배/);
});

test("typed arrays are accepted (train() returns Float64Array)", () => {
  assert.equal(compareValues("loss", Float64Array.from([1, 2]), [1, 2]).verdict, "exact");
});

test("tolerances can be chosen", () => {
  assert.equal(compareValues("x", 1.001, 1, { atol: 0.01 }).verdict, "approximate");
  assert.equal(compareValues("x", 1.001, 1).verdict, "wrong");
});

test("a bad expected value is one clear error", () => {
  assert.throws(() => compareValues("x", 1, "a" as unknown as number), /expected value for "x" is not a number, vector or matrix/);
});

test("property: a value always matches itself exactly, and any change beyond tolerance is wrong at that index", () => {
  fc.assert(fc.property(
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
    fc.nat(), fc.double({ min: 0.01, max: 5, noNaN: true }),
    (v, j, bump) => {
      assert.equal(compareValues("v", v.slice(), v).verdict, "exact");
      const k = j % v.length;
      const w = v.slice();
      w[k] += bump;
      const r = compareValues("v", w, v);
      assert.equal(r.verdict, "wrong");
      assert.deepEqual(r.where, [k]);
    }));
});

test("formatCheck and checkHtml say the same thing; HTML is escaped", () => {
  const r = compareValues("<b>", [1], [2]);
  assert.match(formatCheck(r), /^✘ <b>: 틀림/);
  assert.match(checkHtml(r), /&lt;b&gt;: 틀림/);
  assert.match(checkHtml(r), /data-verdict="wrong"/);
});

test("compareFunction: a learner's output delta on several inputs; errors become a Korean line", () => {
  const d = lessonData();
  const o = forward(d.weights, d.x).output;
  const cases: FunctionCase<[number[], number[]]>[] = [
    { label: "수업의 출력", args: [o, d.y] },
    { label: "다른 출력", args: [[0.3, 0.9], [0.5, 0.1]] },
  ];
  const good = compareFunction("outputDelta", (o: number[], y: number[]) => o.map((ok, k) => (ok - y[k]) * ok * (1 - ok)), outputDelta, cases);
  assert.ok(good.ok);
  assert.match(good.message, /입력 2개 모두 맞았습니다/);
  const sign = compareFunction("outputDelta", (o: number[], y: number[]) => o.map((ok, k) => (y[k] - ok) * ok * (1 - ok)), outputDelta, cases);
  assert.equal(sign.ok, false);
  assert.match(sign.cases[0].hint, /부호가 반대/);
  const throws = compareFunction("outputDelta", () => { throw new Error("Z3 is not defined"); }, outputDelta, cases);
  assert.equal(throws.ok, false);
  assert.match(throws.cases[0].message, /함수가 오류를 냈습니다: Z3 is not defined/);
  assert.match(throws.message, /2개 중 2개가 틀렸습니다/);
});

test("compareFunction: mathjs's dimension errors get a Korean sentence first, the original after /", () => {
  const W3 = lessonData().weights[2]; // 2×3
  const noTranspose = (W: number[][], d: number[]) => math.multiply(W, d) as number[];
  const r = compareFunction("hiddenDelta", noTranspose, (W: number[][], d: number[]) => math.multiply(math.transpose(W), d) as number[],
    [{ label: "delta2", args: [W3, [0.1, 0.2]] }]);
  assert.match(r.cases[0].message,
    /함수가 오류를 냈습니다: 행렬의 열 수\(3\)와 벡터의 길이\(2\)가 달라 곱할 수 없습니다 \(mathjs의 모양 오류\) \/ Dimension mismatch in multiplication\. Matrix columns \(3\) must match Vector length \(2\)$/);
  const messageOf = (f: () => unknown) => { try { f(); } catch (e) { return koreanFirst((e as Error).message); } throw new Error("no error"); };
  assert.match(messageOf(() => math.multiply([1, 2], [[1, 2], [3, 4], [5, 6]])), /^벡터의 길이\(2\)와 행렬의 행 수\(3\)가 달라 .* \/ Dimension mismatch/);
  assert.match(messageOf(() => math.multiply([[1, 2]], [[1, 2]])), /^앞 행렬의 열 수\(2\)와 뒤 행렬의 행 수\(1\)가 달라 .* \/ Dimension mismatch/);
  assert.match(messageOf(() => math.dot([1, 2], [1, 2, 3])), /^두 벡터의 길이\(2, 3\)가 달라 내적을 구할 수 없습니다 .* \/ Vectors must have equal length/);
  assert.match(messageOf(() => math.dotMultiply([1, 2, 3], [1, 2])), /^길이가 2인 배열과 3인 배열은 원소끼리 계산할 수 없습니다 .* \/ shape mismatch/);
  assert.equal(koreanFirst("Z3 is not defined"), "Z3 is not defined");
});

test("numpyReference reads the numpy run the notebooks compare against", () => {
  const r = numpyReference();
  assert.equal(r.iterations, 1000);
  assert.equal(r.firstOutput.length, 2);
  assert.deepEqual(r.initialWeights, lessonData().weights);
});

test("check() returns the result; printing it gives one short line", () => {
  const logs: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => { logs.push(a.join(" ")); };
  try {
    const r = check("x", 1, 2);
    assert.equal(r.verdict, "wrong");
    assert.match(logs.join("\n"), /^✘ x: 틀림/);
    assert.equal(require("util").inspect(r), "(결과: ✘ x)");
    const f = checkFunction("f", (a: number) => a, (a: number) => a, [{ label: "1", args: [1] }]);
    assert.ok(f.ok);
    // Both ran in one turn (one cell): the last one's echo counts both, so no ✔ stands under a ✘.
    assert.equal(require("util").inspect(f), "(결과: 이 셀의 검사 2개 — ✘ 1개, ✔ 1개)");
  } finally {
    console.log = orig;
  }
});

test("check(): a cell's echo counts only that cell's checks (a later turn starts afresh)", async () => {
  const orig = console.log;
  console.log = () => {};
  try {
    check("a", 1, 2);
    check("b", 1, 1);
    const c = check("c", 2, 2);
    assert.equal(require("util").inspect(c), "(결과: 이 셀의 검사 3개 — ✘ 1개, ✔ 2개)");
    await new Promise((r) => setTimeout(r, 0)); // the next cell
    const d = check("d", 3, 3);
    assert.equal(require("util").inspect(d), "(결과: ✔ d)");
    const e = check("e", 3, 3);
    assert.equal(require("util").inspect(e), "(결과: 이 셀의 검사 2개 모두 ✔)");
    // The earlier result still echoes its own cell.
    assert.equal(require("util").inspect(c), "(결과: 이 셀의 검사 3개 — ✘ 1개, ✔ 2개)");
  } finally {
    console.log = orig;
  }
});

test("compareFunction: something that is not a function is a Korean line, not an exception", () => {
  const r = compareFunction("f", 3 as unknown as () => number, () => 1, [{ label: "a", args: [] }]);
  assert.equal(r.ok, false);
  assert.match(r.cases[0].message, /함수가 아니라 number 값을 받았습니다/);
});

test("expected and received values are written with enough digits to differ", () => {
  const r = compareValues("w", 0.40009, 0.4);
  assert.equal(r.message, "w: 틀림 — 기대값 0.4, 받은 값 0.4001 (차이 9.00e-5).");
  assert.deepEqual(fmtPair(1, 1 + 1e-12), ["1", "1.000000000001"]);
});

test("values equal to 4 digits are shown with more digits", () => {
  const r = compareValues("w", 0.4000097, 0.4);
  assert.match(r.message, /기대값 0\.4, 받은 값 0\.40001 \(차이/);
});

test("related: a known wrong answer gets its own hint, before the automatic ones", () => {
  const A1 = [0.3, 1.2], Z1 = A1.map((a) => 1 / (1 + Math.exp(-a)));
  const r = compareValues("Z1", A1, Z1, { related: { "A1 (시그모이드를 적용하기 전)": A1 }, hint: "일반 힌트" });
  assert.equal(r.hint, "흔한 실수와 같은 값입니다: A1 (시그모이드를 적용하기 전).");
  const withAdvice = compareValues("Z1", A1, Z1, { related: { A1: { value: A1, hint: "σ를 적용하세요." } } });
  assert.equal(withAdvice.hint, "흔한 실수와 같은 값입니다: A1. σ를 적용하세요.");
  // not equal to the related value: the notebook's hint, then the automatic one
  assert.equal(compareValues("Z1", [9, 9], Z1, { related: { A1 }, hint: "일반 힌트" }).hint, "일반 힌트");
  // values that are not numbers (an index out of range gave undefined) are skipped
  assert.match(compareValues("Z1", [9, 9], Z1, { related: { none: undefined } }).hint, /console\.log/);
  // a related answer of another shape is recognised when the shapes differ too
  assert.match(compareValues("d", [[1, 2]], [1, 2], { related: { "outer(…)": [[1, 2]] } }).hint, /흔한 실수와 같은 값입니다: outer\(…\)\./);
});

test("the transpose is recognised, for square matrices too; −expected is named as a sign error", () => {
  const e = [[1, 2, 3], [4, 5, 6]];
  assert.match(compareValues("dW3", transpose(e), e).hint, /^받은 행렬이 기대한 행렬의 전치\(transpose\)와 같습니다/);
  const sq = [[1, 2], [3, 4]];
  const t = compareValues("W", transpose(sq), sq);
  assert.equal(t.verdict, "wrong");
  assert.match(t.hint, /전치\(transpose\)/);
  assert.doesNotMatch(compareValues("W", [[1, 2], [2, 5]], [[1, 2], [2, 4]]).hint, /전치/, "a symmetric matrix is its own transpose");
  assert.match(compareValues("d", [1, -2], [-1, 2]).hint, /부호가 반대입니다: 모든 값이 기대값의 −1배/);
});

test("checkFunction: related answers may depend on the case's arguments; a throwing related map is ignored", () => {
  const sig = (a: number[]) => a.map((v) => 1 / (1 + Math.exp(-v)));
  const cases: FunctionCase<[number[]]>[] = [{ label: "a", args: [[0.5, -1]] }, { label: "b", args: [[2]] }];
  const r = compareFunction("layer", (a: number[]) => a, sig, cases, { related: (a) => ({ "A (시그모이드 전)": a }) });
  assert.equal(r.ok, false);
  for (const c of r.cases) assert.equal(c.hint, "흔한 실수와 같은 값입니다: A (시그모이드 전).");
  const throwing = compareFunction("layer", (a: number[]) => a, sig, cases, { related: () => { throw new TypeError("x"); } });
  assert.match(throwing.cases[0].hint, /console\.log/);
});

test("expectDifferent: a neutral verdict with the ratio or the sign; a loud ✘ if the two are equal", () => {
  const twice = compareDifferent("∂L/∂W3 vs outer", [[2, 4]], [[1, 2]]);
  assert.equal(twice.verdict, "different");
  assert.ok(twice.ok);
  assert.equal(twice.ratio, 2);
  assert.equal(twice.message, "∂L/∂W3 vs outer: 다름 — 예상대로 (비율 2: 모든 값이 2배)");
  assert.match(compareDifferent("sign", [-1, 2], [1, -2]).message, /다름 — 예상대로 \(부호가 반대: 모든 값이 −1배\)/);
  const other = compareDifferent("첫 출력", [0.7, 0.6], [0.82129409, 0.73044517], { note: "기록되지 않은 가중치" });
  assert.match(other.message, /^첫 출력: 다름 — 예상대로 \(가장 큰 차이 0\.1304, 위치 \[1\]: 0\.6 대 0\.7304\)$/);
  assert.match(formatDifferent(other), /^≠ 첫 출력: 다름 — 예상대로.*\n {3}기록되지 않은 가중치$/);
  assert.match(differentHtml(other), /data-verdict="different" style="color:#555555/);
  assert.doesNotMatch(differentHtml(other), /✘|틀림/);
  const same = compareDifferent("x", [1, 2], [1, 2]);
  assert.equal(same.verdict, "same");
  assert.equal(same.ok, false);
  assert.match(same.message, /^x: 같습니다 — 달라야 하는 두 값이 정확히 같게 나왔습니다/);
  assert.match(differentHtml(same), /data-verdict="same" style="color:#b00020[^>]*>✘/);
  assert.match(compareDifferent("shape", [1, 2, 3], [1, 2]).message, /다름 — 예상대로 \(모양부터 다릅니다: 길이 3인 벡터와 길이 2인 벡터\)/);
  const logs: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => { logs.push(a.join(" ")); };
  try {
    const r = expectDifferent("y", 2, 1);
    assert.equal(require("util").inspect(r), "(결과: ≠ y)");
    assert.match(logs.join("\n"), /^≠ y: 다름 — 예상대로 \(비율 2: 모든 값이 2배\)/);
  } finally {
    console.log = orig;
  }
});
