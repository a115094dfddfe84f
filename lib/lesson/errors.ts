/**
 * Notebooks 01–11 (and the train command): errors a learner can trigger, said in one line.
 *
 * Every check names the variable, what was found and what is allowed, Korean first with the
 * English after a " / ", so an edited cell answers with a sentence instead of a stack trace.
 */

/** A problem with what the user gave (a value in a cell, a file, a flag): the message is the whole story. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
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
    throw new InputError(`${what}은(는) 유한한 숫자여야 합니다. 받은 값: ${describe(value)} / ${what} must be a finite number, got ${describe(value)}`);
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
export function requireWhole(value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = requireFinite(value, what);
  if (!Number.isInteger(v)) throw new InputError(`${what}은(는) 정수여야 합니다. 받은 값: ${v} / ${what} must be a whole number, got ${v}`);
  if (v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} 이상` : `${min} 이상 ${max} 이하`;
    const rangeEn = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new InputError(`${what}은(는) ${range}이어야 합니다. 받은 값: ${v} / ${what} must be ${rangeEn}, got ${v}`);
  }
  return v;
}
