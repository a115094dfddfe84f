/**
 * Notebooks 01–11 (and the train command): errors a learner can trigger, said in one line.
 *
 * Every check names the variable, what was found and what is allowed, Korean first with the
 * English after a " / ", so an edited cell answers with a sentence instead of a stack trace.
 * tslab prints a failed cell's error with `console.error(error)`, which shows Node's inspection
 * of it (normally the stack trace into lib/); an InputError inspects as its message alone.
 * The sentences themselves are in messages.ts, by code.
 */
import { ErrorArgs, ErrorCode, Reason, arrayArithmeticHint, messageText, quotedNumberHint } from "./messages";

/**
 * A problem with what the user gave (a value in a cell, a file, a flag): the message is the whole story.
 * `code` names the problem (messages.ts lists them all); tests and displays look at the code, the
 * learner reads the message: "한국어 / English" on one line, Korean first.
 */
export class InputError extends Error {
  readonly code: ErrorCode;

  constructor(...args: ErrorArgs) {
    const { ko, en } = messageText(...args);
    super(`${ko} / ${en}`);
    this.name = "InputError";
    this.code = args[0];
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

/** A finite number, or an InputError naming `what`. */
export function requireFinite(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const why = typeof value === "string" ? arrayArithmeticHint(value) ?? quotedNumberHint(value) : undefined;
    throw new InputError("not-finite", { what, got: describe(value), why });
  }
  return value;
}

/** A number > 0 (a learning rate, a step size), or an InputError naming `what`. */
export function requirePositive(value: unknown, what: string): number {
  const v = requireFinite(value, what);
  if (v <= 0) throw new InputError("not-positive", { what, v });
  return v;
}

/** A whole number in [min, max] (iterations, layer sizes, steps), or an InputError naming `what` (and `why` the limit). */
export function requireWhole(
  value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER, why?: Reason,
): number {
  const v = requireFinite(value, what);
  if (!Number.isInteger(v)) throw new InputError("not-whole", { what, v });
  if (v < min || v > max) {
    throw new InputError("out-of-range", {
      what, min, max: max === Number.MAX_SAFE_INTEGER ? undefined : max, v, why,
    });
  }
  return v;
}

/** A number in [0, 1) (β₁, β₂, the momentum μ), or an InputError naming `what`. */
export function requireFraction(value: unknown, what: string): number {
  const v = requireFinite(value, what);
  if (!(v >= 0 && v < 1)) throw new InputError("not-fraction", { what, v });
  return v;
}

/** The most nodes one layer may have in a notebook network. */
export const MAX_LAYER_SIZE = 1000;

/** Layer sizes such as [3, 2, 3, 2]: at least two whole numbers from 1 to MAX_LAYER_SIZE, or an InputError naming `what`. */
export function requireLayerSizes(sizes: unknown, what = "sizes"): number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new InputError("layer-count", { what, got: describe(sizes) });
  }
  sizes.forEach((n, i) => {
    if (!(typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= MAX_LAYER_SIZE)) {
      throw new InputError("layer-size", {
        what, i, max: MAX_LAYER_SIZE, got: describe(n), sizes: describe(sizes),
      });
    }
  });
  return sizes as number[];
}

/** A list of finite numbers (of `length` entries if given), or an InputError naming `what`. */
export function requireVector(value: unknown, what: string, length?: number, lengthWhy?: Reason): number[] {
  const isList = Array.isArray(value) || ArrayBuffer.isView(value);
  const v = value as ArrayLike<unknown>;
  if (!isList) {
    const why = arrayArithmeticHint(value);
    throw new InputError("not-vector", { what, got: describe(value), why });
  }
  if (length !== undefined && v.length !== length) {
    throw new InputError("vector-length", {
      what, length, n: v.length, got: describe(Array.from(v)), why: lengthWhy,
    });
  }
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== "number" || !Number.isFinite(v[i] as number)) {
      const why = arrayArithmeticHint(v[i]);
      throw new InputError("vector-entry", { what, i, got: describe(v[i]), why });
    }
  }
  return value as number[];
}
