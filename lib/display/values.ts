/**
 * Numbers, vectors and matrices as the self-checks see them (display/check.ts, display/hints.ts): their
 * shape, their entries in one list, short numbers for messages, and the one test of "close enough".
 */

/** What a learner may hand in: a number, a vector, a matrix (plain or typed arrays). */
export type Numeric = number | ArrayLike<number> | ArrayLike<ArrayLike<number>>;

/** Tolerances of "근사적으로 일치": |a − e| ≤ atol + rtol·|e|, as numpy's and torch's allclose. */
export interface Tolerance {
  /** Absolute tolerance (default 1e-8, like torch.allclose). */
  atol?: number;
  /** Relative tolerance (default 1e-5, like torch.allclose). */
  rtol?: number;
}

export const DEFAULT_ATOL = 1e-8;
export const DEFAULT_RTOL = 1e-5;

/**
 * One entry close enough to the expected one: equal (so Infinity matches Infinity), or within
 * atol + rtol·|e|. NaN is close to nothing, not even NaN.
 */
export function closeTo(a: number, e: number, tol: Tolerance = {}): boolean {
  return a === e || Math.abs(a - e) <= (tol.atol ?? DEFAULT_ATOL) + (tol.rtol ?? DEFAULT_RTOL) * Math.abs(e);
}

/** Every entry close enough (closeTo), for two lists of the same length. */
export function allClose(a: readonly number[], e: readonly number[], tol: Tolerance = {}): boolean {
  return a.length === e.length && a.every((v, j) => closeTo(v, e[j], tol));
}

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

export function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && typeof (v as { length?: unknown }).length === "number";
}

export function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export function flatten(v: Numeric): number[] {
  if (typeof v === "number") return [v];
  const out: number[] = [];
  for (let k = 0; k < v.length; k++) {
    const x = v[k];
    if (typeof x === "number") out.push(x);
    else for (let i = 0; i < x.length; i++) out.push(x[i]);
  }
  return out;
}

export function unflattenIndex(j: number, shape: number[]): number[] {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [j];
  return [Math.floor(j / shape[1]), j % shape[1]];
}

export function formatWhere(where: number[]): string {
  return where.length === 0 ? "값" : `위치 [${where.join("][")}]`;
}

export function describeValue(v: unknown): string {
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

/**
 * Every entry of `a` is `r` times the entry of `b`, to the relative tolerance `tol` (|a − r·b| ≤ tol·|r·b|;
 * where b is 0, a must be 0 too).
 */
export function sameRatio(a: readonly number[], b: readonly number[], r: number, tol = 1e-9): boolean {
  return a.length === b.length && a.every((v, j) => v === r * b[j] || Math.abs(v - r * b[j]) <= tol * Math.abs(r * b[j]));
}

/** a / b when every entry has the same ratio (to the relative tolerance `tol`), else NaN; a round ratio (2, not 2.0000001) when one is within tol. */
export function constantRatio(a: number[], b: number[], tol = 1e-9): number {
  if (b.length === 0 || b.some((v) => !Number.isFinite(v) || Math.abs(v) < 1e-300) || a.some((v) => !Number.isFinite(v))) return NaN;
  const r = a[0] / b[0];
  if (!sameRatio(a, b, r, tol)) return NaN;
  const round = Number(r.toPrecision(4));
  return sameRatio(a, b, round, tol) ? round : r;
}
