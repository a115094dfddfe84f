/**
 * Why a learner's answer is wrong, in Korean: a known wrong answer it equals (`related`), the transpose,
 * a wrong shape, −1×/2×/½× the expected value, a function that returned nothing or overflowed Math.exp,
 * and mathjs's shape errors. display/check.ts picks the hint; display/mistakes.ts builds the `related` maps.
 */
import { josa } from "../lesson/josa";
import { mathjsShapeSentence } from "./explain";
import { Numeric, Tolerance, allClose, describeShape, describeValue, flatten, isArrayLike, sameRatio, sameShape, shapeOf } from "./values";

/**
 * Known wrong answers, by what they are: `{ "A1 (시그모이드를 적용하기 전)": A1 }`. When the learner's
 * value equals one of them, the hint says so ("흔한 실수와 같은 값입니다: A1 (시그모이드를 적용하기 전).").
 * An entry may carry its own advice: `{ label: { value, hint } }`. Values that are not numbers,
 * vectors or matrices (undefined, …) are skipped.
 */
export type Related = Record<string, unknown>;

/** What the hints need to know besides the values: the tolerances and the known wrong answers. */
export interface HintOptions extends Tolerance {
  /** Known wrong answers, see `Related`. */
  related?: Related;
}

function isRelatedEntry(v: unknown): v is { value: unknown; hint?: string } {
  return typeof v === "object" && v !== null && !isArrayLike(v) && "value" in v;
}

/** The hint for a known wrong answer the learner's value equals, if any. */
export function relatedHint(actual: unknown, opts: HintOptions): string | undefined {
  const shape = shapeOf(actual);
  if (!opts.related || shape === null) return undefined;
  for (const [label, entry] of Object.entries(opts.related)) {
    const value = isRelatedEntry(entry) ? entry.value : entry;
    const s = shapeOf(value);
    if (s === null || !sameShape(s, shape)) continue;
    if (allClose(flatten(actual as Numeric), flatten(value as Numeric), opts)) {
      const extra = isRelatedEntry(entry) && entry.hint ? ` ${entry.hint}` : "";
      return `흔한 실수와 같은 값입니다: ${label}.${extra}`;
    }
  }
  return undefined;
}

/** A map of known wrong answers for one case: the function's result, or {} if it throws (an index out of range…). */
export function relatedFor<Args extends unknown[]>(related: Related | ((...args: Args) => Related) | undefined, args: Args): Related | undefined {
  if (typeof related !== "function") return related;
  try {
    return related(...args);
  } catch {
    return {};
  }
}

/** "the transpose": the learner's matrix equals the expected one with rows and columns swapped. */
export function transposeHint(actual: unknown, aShape: number[] | null, expected: Numeric, eShape: number[], opts: HintOptions): string | undefined {
  if (aShape === null || aShape.length !== 2 || eShape.length !== 2 || aShape[0] !== eShape[1] || aShape[1] !== eShape[0]) return undefined;
  const e = expected as ArrayLike<ArrayLike<number>>;
  const t: number[] = [];
  for (let i = 0; i < eShape[1]; i++) for (let k = 0; k < eShape[0]; k++) t.push(e[k][i]);
  if (!allClose(flatten(actual as Numeric), t, opts)) return undefined;
  if (sameShape(aShape, eShape) && allClose(t, flatten(expected), opts)) return undefined; // symmetric: no news
  return "받은 행렬이 기대한 행렬의 전치(transpose)와 같습니다: 값은 맞고 행과 열이 뒤바뀌었습니다. " +
    "W[k][i]에서 행 k는 받는 노드, 열 i는 보내는 노드입니다. outer(a, b)라면 인자의 순서를, W.T를 썼다면 필요한지 확인해 보세요.";
}

export function shapeHint(actual: number[] | null, expected: number[], value: unknown): string {
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

export function valueHint(a: number[], e: number[]): string {
  const ratioAll = (r: number) => sameRatio(a, e, r);
  const someNonZero = e.some((v) => Math.abs(v) > 1e-12);
  if (someNonZero && ratioAll(-1)) {
    return "부호가 반대입니다: 모든 값이 기대값의 −1배입니다. 빼는 순서(o − y와 y − o), h(1 − h)와 h(h − 1), 업데이트의 방향(w − α·g와 w + α·g)처럼 부호를 정하는 곳을 확인해 보세요.";
  }
  if (someNonZero && ratioAll(2)) return "모든 값이 정확히 2배입니다. 있어야 할 ½이 빠졌는지(½Σ(y−o)² 대신 Σ(y−o)², 또는 그 기울기 (o−y) 대신 2(o−y)), 같은 값을 두 번 더했는지 확인해 보세요.";
  if (someNonZero && ratioAll(0.5)) return "모든 값이 정확히 절반입니다. ½이 한 번 더 들어갔는지(Σ(y−o)² 대신 ½Σ(y−o)², 또는 그 기울기 2(o−y) 대신 (o−y)) 확인해 보세요.";
  return "계산의 중간값을 하나씩 console.log로 출력해서 어디서부터 달라지는지 찾아 보세요.";
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
export function learnerFunctionCause(
  learner: unknown, args: readonly unknown[], message: string, actual: unknown, opts: HintOptions,
): { message?: string; hint?: string } {
  if (relatedHint(actual, opts) !== undefined) return {};
  if (actual === undefined && typeof learner === "function") {
    const src = Function.prototype.toString.call(learner);
    const expressionArrow = /^\s*(async\s*)?(\([^)]*\)|[\w$]+)\s*(:[^=]*)?=>\s*[^{\s]/.test(src);
    const said = (why: string) => message.replace(describeValue(undefined), ` (undefined: ${why})`);
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
      hint: `입력에 ${big}처럼 큰 값이 있어 Math.exp가 넘쳤습니다: e^${big}${josa(big, "은는")} double의 한계(약 1.8e308, e^709.78)를 넘어 Infinity가 되고, ` +
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
