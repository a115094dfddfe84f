/**
 * Notebooks 01–11 (and the train command): errors a learner can trigger, said in one line.
 *
 * Every check names the variable, what was found and what is allowed, Korean first with the
 * English after a " / ", so an edited cell answers with a sentence instead of a stack trace.
 * tslab prints a failed cell's error with `console.error(error)`, which shows Node's inspection
 * of it (normally the stack trace into lib/); an InputError inspects as its message alone.
 */

/** A problem with what the user gave (a value in a cell, a file, a flag): the message is the whole story. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }

  /** What console.error / util.inspect (and so tslab) show: one line, no stack trace. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `입력 오류: ${this.message}`;
  }
}

/** `value` as text for a message: numbers as they are, everything else as JSON (or its type). */
export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === undefined) return "undefined";
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/**
 * What numpy habits leave in a plain array's place: `X + 1` is the string "0.5,0.3,0.21" (JavaScript joins
 * the array into text), `X * 2`, `X - Y`, `X ** 2` and `Math.exp(X)` are NaN. For such a value, the sentence
 * that says so, Korean and English (to go on either side of a message's " / "); undefined for anything else.
 */
export function arrayArithmeticHint(value: unknown): { ko: string; en: string } | undefined {
  if (typeof value === "string" && /^\s*-?[\d.]+(e[+-]?\d+)?(\s*,\s*-?[\d.]+(e[+-]?\d+)?)+\s*$/i.test(value)) {
    return {
      ko: "쉼표로 이어진 숫자의 문자열은 배열에 +를 한 결과입니다. numpy와 달리 JavaScript의 배열 + 숫자는 원소마다 더하지 않고 문자열로 이어 붙이니, " +
        "X.map((v) => v + 1)이나 math.add(X, 1)을 쓰세요",
      en: "a string of comma-separated numbers is what array + number gives: JavaScript joins the array into text instead of adding " +
        "element-wise as numpy does; use X.map((v) => v + 1) or math.add(X, 1)",
    };
  }
  if (typeof value === "number" && Number.isNaN(value)) {
    return {
      ko: "NaN은 배열에 *, -, /, **를 하거나 Math.exp(배열)처럼 숫자 하나를 받는 함수에 배열을 넣으면 나옵니다. numpy와 달리 JavaScript는 배열을 원소마다 계산하지 않으니, " +
        "X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y)를 쓰세요 (0/0이나 값이 없는 변수도 NaN이 됩니다)",
      en: "NaN is what *, -, /, ** on an array (or Math.exp(array)) give: JavaScript has no element-wise arithmetic on arrays, " +
        "unlike numpy; use X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y)",
    };
  }
  return undefined;
}

/** For a number written in quotes ("-2"): the sentence that says so, Korean and English; undefined for other strings. */
function quotedNumberHint(value: string): { ko: string; en: string } | undefined {
  const t = value.trim();
  if (t === "" || !Number.isFinite(Number(t))) return undefined;
  return {
    ko: `따옴표로 감싼 문자열입니다: 숫자는 따옴표 없이 ${t}처럼 씁니다 (문자열에 +를 하면 더하지 않고 문자열로 이어 붙입니다: "${t}" + 1e-6 = "${t}1e-6")`,
    en: `a number in quotes is a string: write ${t} without quotes (string + number joins text: "${t}" + 1e-6 = "${t}1e-6")`,
  };
}

/** A finite number, or an InputError naming `what`. */
export function requireFinite(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const why = typeof value === "string" ? arrayArithmeticHint(value) ?? quotedNumberHint(value) : undefined;
    throw new InputError(`${what}은(는) 유한한 숫자여야 합니다. 받은 값: ${describe(value)}${why ? ` — ${why.ko}` : ""} / ` +
      `${what} must be a finite number, got ${describe(value)}${why ? ` (${why.en})` : ""}`);
  }
  return value;
}

/** A number > 0 (a learning rate, a step size), or an InputError naming `what`. */
export function requirePositive(value: unknown, what: string): number {
  const v = requireFinite(value, what);
  if (v <= 0) throw new InputError(`${what}은(는) 0보다 커야 합니다. 받은 값: ${v} / ${what} must be positive, got ${v}`);
  return v;
}

/** A whole number in [min, max] (iterations, layer sizes, steps), or an InputError naming `what`. */
export function requireWhole(value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER, why = ""): number {
  const v = requireFinite(value, what);
  if (!Number.isInteger(v)) throw new InputError(`${what}은(는) 정수여야 합니다. 받은 값: ${v} / ${what} must be a whole number, got ${v}`);
  if (v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} 이상` : `${min} 이상 ${max} 이하`;
    const rangeEn = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    const [whyKo, whyEn] = why ? why.split(" / ") : ["", ""];
    throw new InputError(`${what}은(는) ${range}이어야 합니다${whyKo ? ` (${whyKo})` : ""}. 받은 값: ${v} / ` +
      `${what} must be ${rangeEn}${whyEn ? ` (${whyEn})` : ""}, got ${v}`);
  }
  return v;
}

/** A number in [0, 1) (β₁, β₂, the momentum μ), or an InputError naming `what`. */
export function requireFraction(value: unknown, what: string): number {
  const v = requireFinite(value, what);
  if (!(v >= 0 && v < 1)) throw new InputError(`${what}은(는) 0 이상 1 미만이어야 합니다. 받은 값: ${v} / ${what} must be in [0, 1), got ${v}`);
  return v;
}

/** The most nodes one layer may have in a notebook network. */
export const MAX_LAYER_SIZE = 1000;

/** Layer sizes such as [3, 2, 3, 2]: at least two whole numbers from 1 to MAX_LAYER_SIZE, or an InputError naming `what`. */
export function requireLayerSizes(sizes: unknown, what = "sizes"): number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new InputError(
      `${what}(층의 크기 목록)에는 입력층과 출력층을 포함해 2개 이상의 층이 있어야 합니다 (예: [3, 2, 3, 2]). 받은 값: ${describe(sizes)} / ` +
      `${what} needs at least 2 layer sizes, got ${describe(sizes)}`,
    );
  }
  sizes.forEach((n, i) => {
    if (!(typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_LAYER_SIZE)) {
      throw new InputError(
        `${what}[${i}](층 ${i}의 노드 수)은(는) 1 이상 ${MAX_LAYER_SIZE} 이하의 정수여야 합니다. 받은 값: ${describe(n)} (전체 ${describe(sizes)}) / ` +
        `${what}[${i}] must be a whole number from 1 to ${MAX_LAYER_SIZE}, got ${describe(n)}`,
      );
    }
  });
  return sizes as number[];
}

/** A list of finite numbers (of `length` entries if given), or an InputError naming `what`. */
export function requireVector(value: unknown, what: string, length?: number, lengthWhy = ""): number[] {
  const isList = Array.isArray(value) || ArrayBuffer.isView(value);
  const v = value as ArrayLike<unknown>;
  if (!isList) {
    const why = arrayArithmeticHint(value);
    throw new InputError(`${what}은(는) 숫자의 배열이어야 합니다. 받은 값: ${describe(value)}${why ? ` — ${why.ko}` : ""} / ` +
      `${what} must be a list of numbers${why ? ` (${why.en})` : ""}`);
  }
  if (length !== undefined && v.length !== length) {
    throw new InputError(
      `${what}의 원소는 ${length}개여야 합니다${lengthWhy ? ` (${lengthWhy})` : ""}. 받은 것: ${v.length}개 ${describe(Array.from(v))} / ` +
      `${what} must have ${length} entries, got ${v.length}`,
    );
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== "number" || !Number.isFinite(v[i] as number)) {
      const why = arrayArithmeticHint(v[i]);
      throw new InputError(`${what}[${i}]은(는) 유한한 숫자여야 합니다. 받은 값: ${describe(v[i])}${why ? ` — ${why.ko}` : ""} / ` +
        `${what}[${i}] must be a finite number${why ? ` (${why.en})` : ""}`);
    }
  }
  return value as number[];
}
