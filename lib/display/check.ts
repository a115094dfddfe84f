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
 */
import { displayHtml, escapeHtml } from "./output";
import { InputError, arrayArithmeticHint } from "../lesson/errors";
import { mathjsShapeSentence } from "./explain";

/** What a learner may hand in: a number, a vector, a matrix (plain or typed arrays). */
export type Numeric = number | ArrayLike<number> | ArrayLike<ArrayLike<number>>;

export type Verdict = "exact" | "approximate" | "wrong" | "shape";

/**
 * Known wrong answers, by what they are: `{ "A1 (시그모이드를 적용하기 전)": A1 }`. When the learner's
 * value equals one of them, the hint says so ("흔한 실수와 같은 값입니다: A1 (시그모이드를 적용하기 전).").
 * An entry may carry its own advice: `{ label: { value, hint } }`. Values that are not numbers,
 * vectors or matrices (undefined, …) are skipped.
 */
export type Related = Record<string, unknown>;

export interface CheckOptions {
  /** Absolute tolerance for "근사적으로 일치" (default 1e-8, like torch.allclose). */
  atol?: number;
  /** Relative tolerance (default 1e-5, like torch.allclose). */
  rtol?: number;
  /** A hint shown when the answer is wrong (replaces the automatic hint; a matching `related` answer comes first). */
  hint?: string;
  /** Known wrong answers, see `Related`. */
  related?: Related;
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

const DEFAULT_ATOL = 1e-8;
const DEFAULT_RTOL = 1e-5;

/** Shape of a Numeric: [] number, [n] vector, [r, c] matrix; null when it is none of these. */
export function shapeOf(v: unknown): number[] | null {
  if (typeof v === "number") return [];
  if (!isArrayLike(v)) return null;
  const n = v.length;
  if (n === 0) return [0];
  const first = v[0];
  if (isArrayLike(first)) {
    const cols = first.length;
    for (let k = 0; k < n; k++) {
      const row = v[k];
      if (!isArrayLike(row) || row.length !== cols) return null;
      for (let i = 0; i < cols; i++) if (typeof row[i] !== "number") return null;
    }
    return [n, cols];
  }
  for (let i = 0; i < n; i++) if (typeof v[i] !== "number") return null;
  return [n];
}

/** "숫자", "길이 3인 벡터", "2×3 행렬". */
export function describeShape(shape: number[] | null): string {
  if (shape === null) return "숫자·벡터·행렬이 아닌 값";
  if (shape.length === 0) return "숫자 하나";
  if (shape.length === 1) return `길이 ${shape[0]}인 벡터`;
  return `${shape[0]}×${shape[1]} 행렬`;
}

/** Compare without displaying anything. */
export function compareValues(name: string, actual: unknown, expected: Numeric, opts: CheckOptions = {}): CheckResult {
  const atol = opts.atol ?? DEFAULT_ATOL;
  const rtol = opts.rtol ?? DEFAULT_RTOL;
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
    if (d > atol + rtol * Math.abs(e[j])) within = false;
    if (d > maxDiff) { maxDiff = d; worst = j; }
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
  const counts = ["✘", "≠", "✔"].map(m => [m, turn.filter(t => t === m).length] as const).filter(([, n]) => n > 0);
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
    return { ...r, ...(r.ok ? {} : learnerFunctionCause(learner, c.args, r, actual, caseOpts)), label: c.label };
  });
  const good = results.filter((r) => r.ok).length;
  const ok = good === results.length;
  const message = ok
    ? `${name}: 입력 ${results.length}개 모두 맞았습니다`
    : `${name}: 입력 ${results.length}개 중 ${results.length - good}개가 틀렸습니다`;
  return { name, ok, cases: results, message };
}

/** The largest argument Math.exp takes without giving Infinity (e^709.78… ≈ 1.8e308, the largest double). */
const EXP_LIMIT = Math.log(Number.MAX_VALUE);

/** The numbers in a case's arguments (numbers, vectors, matrices; anything else is skipped). */
function numbersIn(args: readonly unknown[]): number[] {
  const out: number[] = [];
  const visit = (v: unknown, depth: number) => {
    if (typeof v === "number") out.push(v);
    else if (isArrayLike(v) && depth < 2) for (let i = 0; i < v.length; i++) visit(v[i], depth + 1);
  };
  args.forEach((a) => visit(a, 0));
  return out;
}

/** "2×3 행렬, 숫자 1, 숫자 2": the shapes of a case's arguments, for a hint. */
function describeArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === "number" ? `숫자 ${a}` : describeShape(shapeOf(a)))).join(", ");
}

/**
 * What the learner's function did, when its result says more than the value can: it returned undefined
 * (no `return`, or a value read past the end of an array), or it gave Infinity / NaN on an input large
 * enough to overflow Math.exp. A replacement message and hint, or {} when neither applies (a matching
 * `related` answer keeps its own hint).
 */
function learnerFunctionCause(learner: unknown, args: readonly unknown[], r: CheckResult, actual: unknown, opts: CheckOptions): Partial<CheckResult> {
  if (relatedHint(actual, opts) !== undefined) return {};
  if (actual === undefined && typeof learner === "function") {
    const src = Function.prototype.toString.call(learner);
    const expressionArrow = /^\s*(async\s*)?(\([^)]*\)|[\w$]+)\s*(:[^=]*)?=>\s*[^{\s]/.test(src);
    const said = (why: string) => r.message.replace(describeValue(undefined), ` (undefined: ${why})`);
    if (!expressionArrow && !/\breturn\b/.test(src)) {
      return { message: said("함수에 return이 없습니다"), hint: "함수가 undefined를 돌려주었습니다: 함수에 return이 없습니다. 본문을 { }로 감싼 함수는 return으로 값을 돌려줘야 합니다 — function f(x) { … return 값; }" };
    }
    return {
      message: said("함수가 돌려준 값이 undefined입니다"),
      hint: `함수가 undefined를 돌려주었습니다: return은 있으니, 돌려준 값이 배열의 끝을 넘은 인덱스에서 읽은 것이 아닌지 확인하세요 ` +
        `(길이 n인 배열의 인덱스는 0부터 n−1까지, W[k][i]의 k는 W.length보다, i는 W[0].length보다 작아야 합니다). 이 입력의 인자: ${describeArgs(args)}.`,
    };
  }
  const values = isArrayLike(actual) ? Array.from(actual as ArrayLike<unknown>).flatMap((v) => (isArrayLike(v) ? Array.from(v) : [v])) : [actual];
  const nonFinite = values.some((v) => typeof v === "number" && !Number.isFinite(v));
  const big = numbersIn(args).find((v) => v > EXP_LIMIT);
  if (nonFinite && big !== undefined) {
    return {
      hint: `입력에 ${big}처럼 큰 값이 있어 Math.exp가 넘쳤습니다: e^${big}은(는) double의 한계(약 1.8e308, e^709.78)를 넘어 Infinity가 되고, ` +
        "Infinity / Infinity = NaN입니다. exp 전에 가장 큰 값 m을 빼세요 — Math.exp(a − m)은 1을 넘지 않고, 분자와 분모에 같은 e^(−m)이 곱해지므로 값은 그대로입니다.",
    };
  }
  return {};
}

/**
 * An error message from inside a learner's function, with a Korean sentence first when it is one of
 * mathjs's dimension-mismatch errors (the usual result of a missing transpose); the original follows
 * after " / ". Other messages are returned as they are.
 */
export function koreanFirst(error: string): string {
  const ko = mathjsShapeSentence(error);
  return ko ? `${ko} (mathjs의 모양 오류) / ${error}` : error;
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

export interface DifferenceOptions {
  /** Two values closer than atol + rtol·|b| count as equal (defaults as for check). */
  atol?: number;
  rtol?: number;
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
  const atol = opts.atol ?? DEFAULT_ATOL, rtol = opts.rtol ?? DEFAULT_RTOL;
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
    if (!(x[j] === y[j] || d <= atol + rtol * Math.abs(y[j]))) same = false;
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

// ---- helpers ----

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && typeof (v as { length?: unknown }).length === "number";
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function flatten(v: Numeric): number[] {
  if (typeof v === "number") return [v];
  const out: number[] = [];
  for (let k = 0; k < v.length; k++) {
    const x = v[k];
    if (typeof x === "number") out.push(x);
    else for (let i = 0; i < x.length; i++) out.push(x[i]);
  }
  return out;
}

function unflattenIndex(j: number, shape: number[]): number[] {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [j];
  return [Math.floor(j / shape[1]), j % shape[1]];
}

function formatWhere(where: number[]): string {
  return where.length === 0 ? "값" : `위치 [${where.join("][")}]`;
}

function describeValue(v: unknown): string {
  if (v === undefined) return " (undefined: 아직 값을 넣지 않았거나 return을 빠뜨렸나요?)";
  if (v === null) return " (null)";
  if (typeof v === "string") return ` (문자열 "${v.slice(0, 20)}")`;
  if (isArrayLike(v) && v.length > 0 && Array.from(v).every((x) => x === undefined)) {
    return ` (원소 ${v.length}개가 모두 undefined입니다: map 등에 넘긴 함수가 값을 돌려주지 않았습니다)`;
  }
  if (isArrayLike(v)) return " (길이가 다른 행이 있거나 숫자가 아닌 값이 들어 있습니다)";
  return ` (${typeof v})`;
}

/** Short numbers for messages: 4 significant digits, exponent form when tiny. */
export function fmt(x: number): string {
  if (x === 0) return "0";
  const ax = Math.abs(x);
  if (ax < 1e-3 || ax >= 1e5) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** Two different numbers written with just enough digits to look different (0.4 vs 0.4001, not 0.4 vs 0.4). */
export function fmtPair(a: number, b: number): [string, string] {
  let fa = fmt(a), fb = fmt(b);
  for (let digits = 5; fa === fb && a !== b && digits <= 17; digits++) {
    fa = String(Number(a.toPrecision(digits)));
    fb = String(Number(b.toPrecision(digits)));
  }
  return [fa, fb];
}

function shapeHint(actual: number[] | null, expected: number[], value: unknown): string {
  if (actual === null) {
    if (value === undefined) return "함수 끝에 return을 썼는지 확인해 보세요.";
    if (isArrayLike(value) && value.length > 0 && Array.from(value).every((x) => x === undefined)) {
      return "함수가 undefined를 돌려주었습니다: 본문을 { }로 감싼 함수는 return이 있어야 값을 돌려줍니다 (return을 빠뜨렸나요?) — function f(x) { … return 값; }";
    }
    return "숫자만 들어 있는 배열(행이 모두 같은 길이)인지 확인해 보세요.";
  }
  if (actual.length === 2 && expected.length === 2 && actual[0] === expected[1] && actual[1] === expected[0]) {
    return "행과 열이 뒤바뀌었습니다. 전치(transpose)를 하거나 outer(a, b)의 인자 순서를 바꿔 보세요.";
  }
  if (actual.length === 2 && expected.length === 1) return "벡터가 필요한데 행렬이 나왔습니다. outer 대신 원소별 곱이나 dot을 써야 하는지 확인해 보세요.";
  if (actual.length === 1 && expected.length === 2) return "행렬이 필요한데 벡터가 나왔습니다. outer(delta, 입력)처럼 두 벡터의 외적이 필요한지 확인해 보세요.";
  if (actual.length === 1 && expected.length === 1) return "길이가 다릅니다. 어느 층의 값인지(노드 수) 확인해 보세요.";
  return "기대한 모양과 같은 모양이 되도록 계산을 확인해 보세요.";
}

function valueHint(a: number[], e: number[]): string {
  const ratioAll = (r: number) => e.every((v, j) => Math.abs(a[j] - r * v) <= 1e-9 * Math.max(1, Math.abs(v)));
  const someNonZero = e.some((v) => Math.abs(v) > 1e-12);
  if (someNonZero && ratioAll(-1)) {
    return "부호가 반대입니다: 모든 값이 기대값의 −1배입니다. 빼는 순서(o − y와 y − o), h(1 − h)와 h(h − 1), 업데이트의 방향(w − α·g와 w + α·g)처럼 부호를 정하는 곳을 확인해 보세요.";
  }
  if (someNonZero && ratioAll(2)) return "모든 값이 정확히 2배입니다. 있어야 할 ½이 빠졌는지(½Σ(y−o)² 대신 Σ(y−o)², 또는 그 기울기 (o−y) 대신 2(o−y)), 같은 값을 두 번 더했는지 확인해 보세요.";
  if (someNonZero && ratioAll(0.5)) return "모든 값이 정확히 절반입니다. ½이 한 번 더 들어갔는지(Σ(y−o)² 대신 ½Σ(y−o)², 또는 그 기울기 2(o−y) 대신 (o−y)) 확인해 보세요.";
  return "계산의 중간값을 하나씩 console.log로 출력해서 어디서부터 달라지는지 찾아 보세요.";
}

/** a / b when every entry has the same ratio (to the relative tolerance `tol`), else NaN; a round ratio (2, not 2.0000001) when one is within tol. */
function constantRatio(a: number[], b: number[], tol = 1e-9): number {
  if (b.length === 0 || b.some((v) => !Number.isFinite(v) || Math.abs(v) < 1e-300) || a.some((v) => !Number.isFinite(v))) return NaN;
  const r = a[0] / b[0];
  const near = (x: number, y: number) => Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));
  if (!a.every((v, j) => near(v / b[j], r))) return NaN;
  const round = Number(r.toPrecision(4));
  return a.every((v, j) => near(v / b[j], round)) ? round : r;
}

function withinTolerance(a: number[], e: number[], opts: CheckOptions): boolean {
  const atol = opts.atol ?? DEFAULT_ATOL, rtol = opts.rtol ?? DEFAULT_RTOL;
  return a.every((v, j) => v === e[j] || Math.abs(v - e[j]) <= atol + rtol * Math.abs(e[j]));
}

function isRelatedEntry(v: unknown): v is { value: unknown; hint?: string } {
  return typeof v === "object" && v !== null && !isArrayLike(v) && "value" in v;
}

/** The hint for a known wrong answer the learner's value equals, if any. */
function relatedHint(actual: unknown, opts: CheckOptions): string | undefined {
  const shape = shapeOf(actual);
  if (!opts.related || shape === null) return undefined;
  for (const [label, entry] of Object.entries(opts.related)) {
    const value = isRelatedEntry(entry) ? entry.value : entry;
    const s = shapeOf(value);
    if (s === null || !sameShape(s, shape)) continue;
    if (withinTolerance(flatten(actual as Numeric), flatten(value as Numeric), opts)) {
      const extra = isRelatedEntry(entry) && entry.hint ? ` ${entry.hint}` : "";
      return `흔한 실수와 같은 값입니다: ${label}.${extra}`;
    }
  }
  return undefined;
}

/** A map of known wrong answers for one case: the function's result, or {} if it throws (an index out of range…). */
function relatedFor<Args extends unknown[]>(related: Related | ((...args: Args) => Related) | undefined, args: Args): Related | undefined {
  if (typeof related !== "function") return related;
  try {
    return related(...args);
  } catch {
    return {};
  }
}

/** "the transpose": the learner's matrix equals the expected one with rows and columns swapped. */
function transposeHint(actual: unknown, aShape: number[] | null, expected: Numeric, eShape: number[], opts: CheckOptions): string | undefined {
  if (aShape === null || aShape.length !== 2 || eShape.length !== 2 || aShape[0] !== eShape[1] || aShape[1] !== eShape[0]) return undefined;
  const e = expected as ArrayLike<ArrayLike<number>>;
  const t: number[] = [];
  for (let i = 0; i < eShape[1]; i++) for (let k = 0; k < eShape[0]; k++) t.push(e[k][i]);
  if (!withinTolerance(flatten(actual as Numeric), t, opts)) return undefined;
  if (sameShape(aShape, eShape) && withinTolerance(t, flatten(expected), opts)) return undefined; // symmetric: no news
  return "받은 행렬이 기대한 행렬의 전치(transpose)와 같습니다: 값은 맞고 행과 열이 뒤바뀌었습니다. " +
    "W[k][i]에서 행 k는 받는 노드, 열 i는 보내는 노드입니다. outer(a, b)라면 인자의 순서를, W.T를 썼다면 필요한지 확인해 보세요.";
}
