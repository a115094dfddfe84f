/**
 * Notebooks 01–11: self-check for learners, in the manner of karpathy's `cmp()` (nn-zero-to-hero):
 * compare the learner's number / vector / matrix with the expected one and answer in Korean:
 *   정확히 일치            — every entry is bit-for-bit the same
 *   근사적으로 일치        — within tolerance; the largest difference is shown
 *   틀림                    — the largest difference, where it is, and a hint
 *   모양이 다름            — the shapes differ (named: "길이 3인 벡터" vs "2×3 행렬")
 * The hint names the typical mistake when it recognises one: a known wrong answer the notebook passes
 * in `related` (e.g. A1 for Z1, the sigmoid left out), the transpose, −expected, 2× or ½×.
 * `compareValues` is pure and returns a result; `check` also displays it in the notebook.
 * `checkFunction` runs the learner's function and a reference on several inputs.
 * `expectDifferent` is for demonstrations that compare two things which SHOULD differ: a neutral
 * "다름 — 예상대로" with the ratio or the sign, and a loud ✘ only if the two turn out equal.
 * What counts as close (one test for all three) and the shapes live in values.ts; the hints in hints.ts.
 */
import { displayHtml, escapeHtml } from "./output";
import { InputError, arrayArithmeticHint } from "../lesson/errors";
import {
  Numeric, Tolerance, closeTo, constantRatio, describeShape, describeValue, flatten, fmt, fmtPair, formatWhere, sameShape, shapeOf,
  unflattenIndex,
} from "./values";
import {
  HintOptions, Related, koreanFirst, learnerFunctionCause, relatedFor, relatedHint, shapeHint, transposeHint, valueHint,
} from "./hints";

export type Verdict = "exact" | "approximate" | "wrong" | "shape";

/** Tolerances for "근사적으로 일치" (atol 1e-8, rtol 1e-5 by default, like torch.allclose) and the hints. */
export interface CheckOptions extends HintOptions {
  /** A hint shown when the answer is wrong (replaces the automatic hint; a matching `related` answer comes first). */
  hint?: string;
}

export interface CheckResult {
  /** What was checked, e.g. "delta3". */
  name: string;
  verdict: Verdict;
  /** true for exact or approximate. */
  ok: boolean;
  /** Largest |actual − expected| (NaN when the shapes differ or a value is not a number). */
  maxDiff: number;
  /** Index of the largest difference (or of the first bad value), e.g. [1] or [0, 2]; [] for a number. */
  where: number[];
  /** Shapes as lists: [] for a number, [n] for a vector, [rows, cols] for a matrix. */
  actualShape: number[];
  expectedShape: number[];
  /** The Korean sentence shown to the learner. */
  message: string;
  /** A hint when wrong ("" otherwise). */
  hint: string;
}

/** Compare without displaying anything. */
export function compareValues(name: string, actual: unknown, expected: Numeric, opts: CheckOptions = {}): CheckResult {
  const expectedShape = shapeOf(expected);
  if (expectedShape === null) throw new InputError(`check: "${name}"의 기대값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다 / the expected value for "${name}" is not a number, vector or matrix`);
  const actualShape = shapeOf(actual);
  const base = { name, actualShape: actualShape ?? [], expectedShape };

  if (actualShape === null || !sameShape(actualShape, expectedShape)) {
    const hint = relatedHint(actual, opts) ?? transposeHint(actual, actualShape, expected, expectedShape, opts)
      ?? arrayArithmeticHint(actual)?.ko ?? opts.hint ?? shapeHint(actualShape, expectedShape, actual);
    const message = `${name}: 모양이 다릅니다 — 기대한 것은 ${describeShape(expectedShape)}, 받은 것은 ${describeShape(actualShape)}${actualShape === null ? describeValue(actual) : ""}.`;
    return { ...base, verdict: "shape", ok: false, maxDiff: NaN, where: [], message, hint };
  }

  const a = flatten(actual as Numeric), e = flatten(expected);
  let exact = true, within = true, maxDiff = 0, worst = 0, badIndex = -1;
  for (let j = 0; j < e.length; j++) {
    if (!Number.isFinite(a[j]) && a[j] !== e[j]) {
      if (badIndex < 0) badIndex = j;
      continue;
    }
    if (a[j] !== e[j]) exact = false;
    const d = Math.abs(a[j] - e[j]);
    if (!closeTo(a[j], e[j], opts)) within = false;
    if (d > maxDiff || (Number.isNaN(d) && !Number.isNaN(maxDiff))) { maxDiff = d; worst = j; }
  }
  if (badIndex >= 0) {
    const where = unflattenIndex(badIndex, expectedShape);
    const at = where.length === 0 ? "받은 값이" : `${formatWhere(where)}의 값이`;
    const message = `${name}: 틀림 — ${at} ${a[badIndex]}입니다 (기대값 ${fmt(e[badIndex])}).`;
    const hint = relatedHint(actual, opts) ?? arrayArithmeticHint(a[badIndex])?.ko ?? opts.hint
      ?? "Infinity가 나왔습니다. 0으로 나누었거나 값이 너무 커졌는지(학습률, exp의 인자) 확인해 보세요.";
    return { ...base, verdict: "wrong", ok: false, maxDiff: NaN, where, message, hint };
  }
  const where = unflattenIndex(worst, expectedShape);
  if (exact) return { ...base, verdict: "exact", ok: true, maxDiff: 0, where: [], message: `${name}: 정확히 일치`, hint: "" };
  if (within) {
    // Only a difference in the last digits is "rounding"; a tolerance-sized one (a central difference,
    // float32) is just inside the tolerance, and the message says so.
    const roundOff = maxDiff <= 1e-12 * Math.abs(e[worst]) || maxDiff <= 1e-15;
    const why = roundOff ? "부동소수점 반올림 수준" : "허용 오차 안";
    return { ...base, verdict: "approximate", ok: true, maxDiff, where,
      message: `${name}: 근사적으로 일치 (가장 큰 차이 ${fmt(maxDiff)}, ${why})`, hint: "" };
  }
  const hint = relatedHint(actual, opts) ?? transposeHint(actual, actualShape, expected, expectedShape, opts)
    ?? opts.hint ?? valueHint(a, e);
  const [fe, fa] = fmtPair(e[worst], a[worst]);
  const message = where.length === 0
    ? `${name}: 틀림 — 기대값 ${fe}, 받은 값 ${fa} (차이 ${fmt(maxDiff)}).`
    : `${name}: 틀림 — 가장 큰 차이 ${fmt(maxDiff)}, ${formatWhere(where)}: 기대값 ${fe}, 받은 값 ${fa}.`;
  return { ...base, verdict: "wrong", ok: false, maxDiff, where, message, hint };
}

/** One line of text for a result (what `console.log` shows outside Jupyter). */
export function formatCheck(r: CheckResult): string {
  const mark = r.verdict === "exact" ? "✔" : r.verdict === "approximate" ? "✔" : "✘";
  return `${mark} ${r.message}${r.hint ? `\n   힌트: ${r.hint}` : ""}`;
}

/** The same as a small HTML block (green for correct, red for wrong). */
export function checkHtml(r: CheckResult): string {
  return verdictHtml(r.verdict, r.ok ? "#1b7f3b" : "#b00020", r.ok ? "✔" : "✘", r.message, r.hint ? `힌트: ${r.hint}` : "");
}

/** One verdict as HTML: the mark and message in `colour`, an indented line below if any. */
function verdictHtml(verdict: string, colour: string, mark: string, message: string, below: string): string {
  const extra = below ? `<div style="margin-left:1.6em">${escapeHtml(below)}</div>` : "";
  return `<div class="nn-check" data-verdict="${verdict}" style="color:${colour};font-family:sans-serif">` +
    `${mark} ${escapeHtml(message)}${extra}</div>`;
}

/** Compare and display the result in the notebook (or print it outside Jupyter). Returns the result. */
export function check(name: string, actual: unknown, expected: Numeric, opts: CheckOptions = {}): CheckResult {
  const r = compareValues(name, actual, expected, opts);
  return showResult(r, checkHtml(r), formatCheck(r), r.ok ? "✔" : "✘");
}

/** Display a result (HTML in a notebook, text elsewhere) and return it with a one-line inspection. */
function showResult<T extends { name: string }>(r: T, html: string, textLine: string, mark: string): T {
  displayHtml(html, textLine);
  return shortInspect(r, mark, noteMark(mark));
}

/**
 * The marks of the checks run in the current synchronous turn, i.e. in one notebook cell: a cell that
 * checks W1, W2 and W3 and ends with the last check must not echo "✔" under a ✘ for W1. The array is
 * shared by the turn's results and forgotten at the next microtask.
 */
let turnMarks: string[] | undefined;
function noteMark(mark: string): string[] {
  if (!turnMarks) {
    const marks: string[] = [];
    turnMarks = marks;
    queueMicrotask(() => { if (turnMarks === marks) turnMarks = undefined; });
  }
  turnMarks.push(mark);
  return turnMarks;
}

/** "(결과: ✔ name)" for a lone check; for several in one cell, how many of each mark. */
export function echoLine(name: string, mark: string, turn: readonly string[]): string {
  if (turn.length <= 1) return `(결과: ${mark} ${name})`;
  const counts = ["✘", "≠", "✔"].map((m) => [m, turn.filter((t) => t === m).length] as const).filter(([, n]) => n > 0);
  if (counts.length === 1) return `(결과: 이 셀의 검사 ${turn.length}개 모두 ${counts[0][0]})`;
  return `(결과: 이 셀의 검사 ${turn.length}개 — ${counts.map(([m, n]) => `${m} ${n}개`).join(", ")})`;
}

/**
 * When a notebook cell ends with `check(...)`, tslab prints the returned value under the HTML;
 * a one-line summary of the cell's checks keeps that from repeating the whole message.
 */
function shortInspect<T extends { name: string }>(r: T, mark: string, turn: readonly string[]): T {
  Object.defineProperty(r, Symbol.for("nodejs.util.inspect.custom"), { value: () => echoLine(r.name, mark, turn), enumerable: false });
  return r;
}

export interface FunctionCase<Args extends unknown[] = unknown[]> {
  /** A label for this input, e.g. "수업의 가중치" or "무작위 시드 3". */
  label: string;
  /** The arguments passed to both functions. */
  args: Args;
}

export interface FunctionCheckResult {
  name: string;
  /** true when every case is exact or approximate. */
  ok: boolean;
  cases: (CheckResult & { label: string; error?: string })[];
  message: string;
}

/**
 * Run the learner's function and the reference on every case and compare the results.
 * An exception thrown by the learner's function becomes a "틀림" line, never a stack trace.
 */
export interface FunctionCheckOptions<Args extends unknown[]> extends Omit<CheckOptions, "related" | "hint"> {
  /** Known wrong answers for each input: a map, or a function of the case's arguments giving one. */
  related?: Related | ((...args: Args) => Related);
  /** The hint when a case is wrong: a text, or a function of the case's arguments giving one (to name its shapes). */
  hint?: string | ((...args: Args) => string);
}

export function compareFunction<Args extends unknown[]>(
  name: string, learner: (...args: Args) => unknown, reference: (...args: Args) => Numeric,
  cases: FunctionCase<Args>[], opts: FunctionCheckOptions<Args> = {},
): FunctionCheckResult {
  if (cases.length === 0) throw new InputError(`check: "${name}"에는 입력 사례가 하나 이상 있어야 합니다 / "${name}" needs at least one input case`);
  const results = cases.map((c) => {
    const expected = reference(...c.args);
    const hint = typeof opts.hint === "function" ? opts.hint(...c.args) : opts.hint;
    const caseOpts: CheckOptions = { ...opts, related: relatedFor(opts.related, c.args), hint };
    let actual: unknown;
    try {
      if (typeof learner !== "function") throw new Error(`함수가 아니라 ${typeof learner} 값을 받았습니다`);
      actual = learner(...c.args);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const r: CheckResult = {
        name: `${name} (${c.label})`, verdict: "wrong", ok: false, maxDiff: NaN, where: [],
        actualShape: [], expectedShape: shapeOf(expected) ?? [],
        message: `${name} (${c.label}): 틀림 — 함수가 오류를 냈습니다: ${koreanFirst(error)}`,
        hint: hint ?? "함수 안에서 쓰는 변수 이름과 인자의 순서를 확인해 보세요.",
      };
      return { ...r, label: c.label, error };
    }
    const r = compareValues(`${name} (${c.label})`, actual, expected, caseOpts);
    return { ...r, ...(r.ok ? {} : learnerFunctionCause(learner, c.args, r.message, actual, caseOpts)), label: c.label };
  });
  const good = results.filter((r) => r.ok).length;
  const ok = good === results.length;
  const message = ok
    ? `${name}: 입력 ${results.length}개 모두 맞았습니다`
    : `${name}: 입력 ${results.length}개 중 ${results.length - good}개가 틀렸습니다`;
  return { name, ok, cases: results, message };
}

/** compareFunction, then display every case. */
export function checkFunction<Args extends unknown[]>(
  name: string, learner: (...args: Args) => unknown, reference: (...args: Args) => Numeric,
  cases: FunctionCase<Args>[], opts: FunctionCheckOptions<Args> = {},
): FunctionCheckResult {
  const r = compareFunction(name, learner, reference, cases, opts);
  const colour = r.ok ? "#1b7f3b" : "#b00020";
  const html = `<div style="font-family:sans-serif"><b style="color:${colour}">${r.ok ? "✔" : "✘"} ${escapeHtml(r.message)}</b>` +
    r.cases.map(checkHtml).join("") + "</div>";
  return showResult(r, html, [`${r.ok ? "✔" : "✘"} ${r.message}`, ...r.cases.map(formatCheck)].join("\n"), r.ok ? "✔" : "✘");
}

// ---- demonstrations: two things that should differ ----

/** Two values within the tolerances (atol + rtol·|b|, defaults as for check) count as equal. */
export interface DifferenceOptions extends Tolerance {
  /** Why they differ, shown under the verdict (e.g. "수업의 숫자는 기록되지 않은 가중치에서 나왔습니다."). */
  note?: string;
}

export interface DifferenceResult {
  name: string;
  /** "different": as expected; "same": the two turned out equal, which the demonstration did not expect. */
  verdict: "different" | "same";
  /** true when they differ. */
  ok: boolean;
  /** a / b when every entry has the same ratio (2 for "exactly twice", −1 for "the opposite sign"), else NaN. */
  ratio: number;
  /** Largest |a − b| (NaN when the shapes differ). */
  maxDiff: number;
  message: string;
  note: string;
}

/** Compare two values that a demonstration expects to DIFFER, without displaying anything. */
export function compareDifferent(name: string, a: unknown, b: Numeric, opts: DifferenceOptions = {}): DifferenceResult {
  const note = opts.note ?? "";
  const bShape = shapeOf(b);
  if (bShape === null) throw new InputError(`expectDifferent: "${name}"의 둘째 값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다 / the second value for "${name}" is not a number, vector or matrix`);
  const aShape = shapeOf(a);
  if (aShape === null || !sameShape(aShape, bShape)) {
    return { name, verdict: "different", ok: true, ratio: NaN, maxDiff: NaN, note,
      message: `${name}: 다름 — 예상대로 (모양부터 다릅니다: ${describeShape(aShape)}와 ${describeShape(bShape)})` };
  }
  const x = flatten(a as Numeric), y = flatten(b);
  let maxDiff = 0, same = true;
  for (let j = 0; j < y.length; j++) {
    const d = Math.abs(x[j] - y[j]);
    if (!closeTo(x[j], y[j], opts)) same = false;
    if (d > maxDiff || Number.isNaN(d)) maxDiff = d;
  }
  if (same) {
    return { name, verdict: "same", ok: false, ratio: 1, maxDiff, note,
      message: `${name}: 같습니다 — 달라야 하는 두 값이 ${maxDiff === 0 ? "정확히" : `가장 큰 차이 ${fmt(maxDiff)}로`} 같게 나왔습니다. 셀의 값을 바꾸었는지 확인해 보세요.` };
  }
  const ratio = constantRatio(x, y, Math.max(1e-9, opts.rtol ?? 0));
  let detail: string;
  if (ratio === -1) detail = "부호가 반대: 모든 값이 −1배";
  else if (Number.isFinite(ratio)) detail = `비율 ${fmt(ratio)}: 모든 값이 ${fmt(ratio)}배`;
  else if (x.every((v, j) => v * y[j] < 0)) detail = `모든 값의 부호가 반대, 가장 큰 차이 ${fmt(maxDiff)}`;
  else {
    const worst = x.reduce((w, v, j) => (Math.abs(v - y[j]) > Math.abs(x[w] - y[w]) ? j : w), 0);
    const [fa, fb] = fmtPair(x[worst], y[worst]);
    const where = unflattenIndex(worst, bShape);
    detail = `가장 큰 차이 ${fmt(maxDiff)}${where.length ? `, ${formatWhere(where)}` : ""}: ${fa} 대 ${fb}`;
  }
  return { name, verdict: "different", ok: true, ratio, maxDiff, note, message: `${name}: 다름 — 예상대로 (${detail})` };
}

/** One line of text for a DifferenceResult. */
export function formatDifferent(r: DifferenceResult): string {
  return `${r.ok ? "≠" : "✘"} ${r.message}${r.note ? `\n   ${r.note}` : ""}`;
}

/** The same as HTML: neutral grey when they differ, red when they turned out equal. */
export function differentHtml(r: DifferenceResult): string {
  return verdictHtml(r.verdict, r.ok ? "#555555" : "#b00020", r.ok ? "≠" : "✘", r.message, r.note);
}

/**
 * For demonstrations that compare two things which should differ (the lesson's printed numbers and
 * ours, Σ's gradient and ½Σ's): shows "≠ 다름 — 예상대로" with the ratio or the sign, never the red
 * "✘ 틀림" that means a mistake; if the two turn out equal it shows a red ✘ saying so.
 */
export function expectDifferent(name: string, a: unknown, b: Numeric, opts: DifferenceOptions = {}): DifferenceResult {
  const r = compareDifferent(name, a, b, opts);
  return showResult(r, differentHtml(r), formatDifferent(r), r.ok ? "≠" : "✘");
}
