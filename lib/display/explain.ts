/**
 * Every notebook, in Jupyter (tslab) and on the lesson's pages: one line of Korean help under an error a
 * learner can cause — Python habits (`print(x)`, `len(x)`, `for i in range(3):`, `True`, `def f():`),
 * numpy habits on plain arrays (`X * 2`, `X + 1`, `Math.exp(X)`, `X ** 2`), a name whose cell has not run
 * (or whose value a restarted kernel lost), a const assigned again, a missing `await`, an index past
 * the end of an array (`W[2][0]` → "Cannot read properties of undefined (reading '0')").
 *
 *   explainDiagnostic — a TypeScript diagnostic (tslab's type check, the page's). Matched on the numeric
 *                       code and on the quoted names and types in the message, never on its wording:
 *                       the messages may be Korean (ts.setLocalizedDiagnosticMessages) or English.
 *   explainError      — an error thrown at run time (V8's messages are the same in Node and Chromium).
 *   explainDiagnostics — the lines for all of one cell's diagnostics at once (no line twice; "not defined
 *                       yet" left out when the cell does not even parse: Python code names its own words).
 *
 * Each gives ONE line, "💡 " + Korean + " / " + English, or undefined when it has nothing useful to add;
 * the original error is still shown above it. The library's own InputError already says everything
 * (Korean first), so it gets no line. Pure: no Node module, no tslab, nothing that displays (the page
 * bundle imports this file alone).
 */
import {
  AS_LINE, ARITHMETIC_LINE, ARRAY_PROPERTIES, AWAIT_LINE, COMPARE_LINE, CONST_LINE, DOT_MULTIPLY_AS_LINE,
  ELEMENTWISE_CALL_LINE, ExplainContext, FOR_OF_LINE, FSTRING_LINE, MATMUL_LINE, OVERLOAD_LINE, PLUS_LINE,
  PYTHON_BLOCK_LINE, PYTHON_NAMES, SPREAD_LINE, TERNARY_LINE, line, notDefined, own,
} from "./explain-lines";

export type { ExplainContext } from "./explain-lines";
export { explainError, explainLateError, mathjsShapeSentence } from "./explain-runtime";

/** A TypeScript diagnostic as tslab (and the page) report it. */
export interface DiagnosticLike {
  code: number;
  messageText: string;
  /** The text of the line the diagnostic starts on, if known: it names a few syntax errors (`n % 5 = 0`, `W @ W`). */
  lineText?: string;
}

/** The names and types a message quotes ('c', 'number[]', 'Promise<number>'), in order; the same in every language. */
function quoted(messageText: string): string[] {
  return [...messageText.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

const isPromise = (type: string) => /^Promise</.test(type);
/** A number list type as TypeScript prints it: number[], readonly number[], [number, number], Float64Array, … */
function kindOf(type: string): "number" | "vector" | "matrix" | "string" | undefined {
  const t = type.replace(/^readonly /, "");
  if (t === "number" || /^-?\d+(\.\d+)?$/.test(t)) return "number";
  if (t === "string" || /^".*"$/.test(t)) return "string";
  if (t === "number[][]" || /^\[number\[\](, number\[\])*\]$/.test(t) || t === "Matrix") return "matrix";
  if (t === "number[]" || /^\[number(, number)*\]$/.test(t) || /^(Float64|Float32)Array$/.test(t) || t === "Vector") return "vector";
  return undefined;
}

/** A line of code that is Python, not JavaScript: `for i in range(3):`, `if x > 0:`, `else:`, `def f(x):`. */
function isPythonBlock(lineText: string): boolean {
  return /^\s*(}\s*)?(if|elif|else|for|while|def|class|try|except|with)\b[^{]*:\s*(#.*)?$/.test(lineText)
    || /^\s*(for|while|if)\s+[^(\s]/.test(lineText);
}

/**
 * A bare `=` used where a comparison was meant: `n % 5 = 0`, `if (n % 5 = 0)`: what stands before it is
 * a computation, not a variable (`x = …`, `W[0][1] = …`, `let y = …`, `for (let i = 0; …` are left alone).
 */
function assignsToExpression(lineText: string): boolean {
  return lineText.split(";").some((statement) => {
    const m = /^(.*?[^=!<>+\-*/%&|^])=(?![=>])/.exec(statement);
    if (!m) return false;
    const target = m[1].trim().replace(/^(}\s*)?(else\s+)?(if|while|for)\s*\(/, "").replace(/^(let|const|var)\s+/, "").trim();
    return /[%+\-*/<>!]|^\d/.test(target) && !/=>|^[A-Za-z_$][\w$]*\s*:/.test(target);
  });
}

/** What a syntax error's line says, when it is one of the habits above. */
function syntaxHabit(lineText: string | undefined): string | undefined {
  if (lineText === undefined) return undefined;
  if (/\s@\s/.test(lineText)) return MATMUL_LINE;
  if (/(^|[^\w$])f["']/.test(lineText)) return FSTRING_LINE;
  if (isPythonBlock(lineText)) return PYTHON_BLOCK_LINE;
  if (/\S\s+if\s+.+\s+else\s+\S/.test(lineText) && !/^\s*(}\s*)?(if|else)\b/.test(lineText)) return TERNARY_LINE;
  if (assignsToExpression(lineText)) return COMPARE_LINE;
  return undefined;
}

/**
 * A string where a number is wanted. The line says which of the two usual causes it is: a `for…in`
 * (indices come as strings) or a number written in quotes; a line that shows neither (or no line) gets both.
 */
function stringForNumber(lineText: string | undefined): string {
  const forIn = /\bfor\s*\(\s*(?:const|let|var)\s+\w+\s+in\b/.test(lineText ?? "");
  const literal = /(["'`])([^"'`]*)\1/.exec(lineText ?? "");
  const quotes = literal
    ? [`"${literal[2]}"처럼 따옴표로 감싼 값은 문자열입니다 — 숫자는 따옴표 없이 쓰고, 문자열을 숫자로 바꾸려면 Number(s)`,
      `"${literal[2]}" in quotes is a string: write numbers without quotes, or convert with Number(s)`]
    : ["따옴표로 감싼 \"-2\"는 숫자가 아니라 문자열이니 숫자는 따옴표 없이 -2로 씁니다",
      "\"-2\" in quotes is a string, write -2"];
  const indices = ["for (const x in X)는 원소가 아니라 인덱스(문자열)를 주니 원소는 for (const x of X)로 돕니다",
    "for (const x in X) gives the indices as strings, use for (const x of X) for the entries"];
  const head = "문자열을 숫자의 자리에 넣었습니다: ", headEn = "a string where a number is expected: ";
  if (forIn) return line(head + indices[0], headEn + indices[1]);
  if (literal) return line(head + quotes[0], headEn + quotes[1]);
  return line(`${head}${quotes[0]}. ${indices[0]} (문자열을 숫자로: Number(s))`, `${headEn}${quotes[1]}; ${indices[1]} (Number(s) converts)`);
}

/** Two types, the one given and the one wanted (2322 assignment, 2345 argument), when they are a numbers-and-arrays mix-up. */
function typeMismatch(code: number, given: string | undefined, wanted: string | undefined, lineText?: string): string | undefined {
  if (given === undefined || wanted === undefined) return undefined;
  const g = kindOf(given), w = kindOf(wanted);
  if (!g || !w || g === w) return undefined;
  if ((g === "vector" || g === "matrix") && w === "number") {
    return code === 2345 ? ELEMENTWISE_CALL_LINE : line(
      "배열을 숫자 하나의 자리에 넣었습니다: 원소 하나(X[0])나 합(math.sum(X))을 뜻했는지, numpy처럼 배열 전체를 계산하려 했는지(X.map으로 원소마다) 확인하세요",
      "an array where one number is expected: did you mean one entry (X[0]), the sum (math.sum(X)), or X.map for each entry?",
    );
  }
  if (g === "number" && (w === "vector" || w === "matrix")) {
    return line("숫자 하나를 배열의 자리에 넣었습니다: 배열로 감싸거나([x]) 벡터를 돌려주는 계산(dot(W, x), X.map(…))인지 확인하세요",
      "one number where an array is expected: wrap it ([x]) or use a computation that gives a vector (dot(W, x), X.map(…))");
  }
  if (g === "matrix" && w === "vector") {
    return line("행렬(number[][])을 벡터(number[])의 자리에 넣었습니다: 행 하나(W[k])나 dot(W, x)를 뜻했는지 확인하세요",
      "a matrix (number[][]) where a vector (number[]) is expected: did you mean one row (W[k]) or dot(W, x)?");
  }
  if (g === "vector" && w === "matrix") {
    return line("벡터(number[])를 행렬(number[][])의 자리에 넣었습니다: [X]처럼 한 번 더 감싸거나 outer(a, b)를 뜻했는지 확인하세요",
      "a vector (number[]) where a matrix (number[][]) is expected: wrap it ([X]) or use outer(a, b)?");
  }
  if (g === "string" && w === "number") return stringForNumber(lineText);
  return undefined;
}

/**
 * One line of help for a TypeScript diagnostic, or undefined. `d.messageText` may be in any language
 * TypeScript speaks: only its code and the names and types it quotes are read.
 */
export function explainDiagnostic(d: DiagnosticLike, ctx: ExplainContext = {}): string | undefined {
  const q = quoted(d.messageText);
  if (q.some(isPromise) && [2339, 2551, 2322, 2345, 2365, 2488, 2461, 2349, 2769].includes(d.code)) return AWAIT_LINE;
  switch (d.code) {
    case 2304: // Cannot find name 'X'.
    case 2552: // Cannot find name 'X'. Did you mean 'Y'?
      return q[0] === undefined ? undefined : notDefined(q[0], ctx, d.lineText);
    case 2588: // Cannot assign to 'c' because it is a constant.
      return CONST_LINE;
    case 2632: // Cannot assign to 'X' because it is an import.
      return line("import로 가져온 이름에는 대입할 수 없습니다: let으로 새 변수를 만드세요 (let myW = W;)", "an imported name cannot be assigned: make a new variable with let");
    case 2362: // The left-hand side of an arithmetic operation must be of type 'any', 'number', …
    case 2363: // The right-hand side …
    case 2356: // An arithmetic operand must be …
      return ARITHMETIC_LINE;
    case 2365: { // Operator '+' cannot be applied to types 'number[]' and 'number'.
      if (!q.some((t) => kindOf(t) === "vector" || kindOf(t) === "matrix")) return undefined;
      return q.includes("+") ? PLUS_LINE : ARITHMETIC_LINE;
    }
    case 2345: // Argument of type 'number[]' is not assignable to parameter of type 'number'.
    case 2322: { // Type 'string' is not assignable to type 'number'.
      const mismatch = typeMismatch(d.code, q[0], q[1], d.lineText);
      // an array handed to Math.max / Math.min wants spreading, not a map
      if (mismatch === ELEMENTWISE_CALL_LINE && /\bMath\.(max|min)\(\s*(?!\.\.\.)/.test(d.lineText ?? "")) return SPREAD_LINE;
      return mismatch;
    }
    case 2769: // No overload matches this call. (tslab prints each overload's reasons as lines of their own)
      return OVERLOAD_LINE;
    case 2352: // Conversion of type 'X' to type 'Y' may be a mistake …
    case 2678: // Type 'X' is not comparable to type 'Y'.
      return /\bdotMultiply\b/.test(d.lineText ?? "") ? DOT_MULTIPLY_AS_LINE : AS_LINE;
    case 2339: // Property 'shape' does not exist on type 'number[]'.
    case 2551: { // … Did you mean …?
      const onList = q.some((t) => kindOf(t) === "vector" || kindOf(t) === "matrix" || kindOf(t) === "string");
      const property = q.map((t) => own(ARRAY_PROPERTIES, t)).find((p) => p !== undefined);
      return onList && property ? line(...property) : undefined;
    }
    case 2488: // Type 'number' must have a '[Symbol.iterator]()' method …
    case 2461: // Type 'number' is not an array type.
      return FOR_OF_LINE;
    case 2364: // The left-hand side of an assignment expression must be a variable or a property access.
      return COMPARE_LINE;
    case 1005: { // 'X' expected.
      const habit = syntaxHabit(d.lineText);
      if (habit) return habit;
      return d.lineText === undefined && q[0] === "(" ? PYTHON_BLOCK_LINE : undefined;
    }
    case 1434: // Unexpected keyword or identifier.
    case 1109: // Expression expected.
    case 1128: // Declaration or statement expected.
    case 1127: // Invalid character.
      return syntaxHabit(d.lineText);
    default:
      return undefined;
  }
}

/**
 * The lines for all the diagnostics of one cell, in order (undefined where a diagnostic has none): no
 * line twice, and no "not defined yet" when the cell has a syntax error — in `for i in range(3):`,
 * 'i' is not a name from another cell, and the line about the syntax says what to fix.
 */
export function explainDiagnostics(ds: readonly DiagnosticLike[], ctx: ExplainContext = {}): (string | undefined)[] {
  const syntax = ds.some((d) => d.code >= 1000 && d.code < 2000);
  // a line with arithmetic on arrays (`W - lr * g`) also makes "a number where an array is wanted":
  // the number is the result of that arithmetic, so the line about array arithmetic is the help
  const lines = ds.map((d) => explainDiagnostic(d, ctx)); // each diagnostic's own line, worked out once
  const arithmetic = new Set(ds.filter((_, k) => lines[k] === ARITHMETIC_LINE).map((d) => d.lineText));
  const seen = new Set<string>();
  return ds.map((d, k) => {
    if (syntax && (d.code === 2304 || d.code === 2552)) {
      const name = quoted(d.messageText)[0];
      if (own(PYTHON_NAMES, name) === undefined) return undefined;
    }
    const numberForArray = (d.code === 2322 || d.code === 2345) && kindOf(quoted(d.messageText)[0] ?? "") === "number";
    const l = numberForArray && arithmetic.has(d.lineText) ? ARITHMETIC_LINE : lines[k];
    if (l === undefined || seen.has(l)) return undefined;
    seen.add(l);
    return l;
  });
}

/** A diagnostic as tslab's converter gives it (tslab/dist/converter.d.ts), the fields read here. */
export interface CellDiagnosticLike {
  start: { line: number };
  messageText: string;
  code: number;
  fileName?: string;
}

/**
 * A diagnostic's text as the kernel shows it: TypeScript's message, its code, and the line of help if
 * there is one (on a line of its own).
 */
export function withHelp(d: CellDiagnosticLike, help: string | undefined): string {
  return `${d.messageText} (TS${d.code})${help ? `\n${help}` : ""}`;
}

/** Each diagnostic of one cell with its code and its line of help (none twice, see explainDiagnostics); the
 * tslab kernel (scripts/jupyter/tslab-kernel.ts) and the page (scripts/site/runner/page.ts) print them so. */
export function explainCell(diagnostics: CellDiagnosticLike[], src: string | undefined, ctx: ExplainContext = {}): void {
  const lines = src?.split("\n");
  const ds: DiagnosticLike[] = diagnostics.map((d) => ({
    code: d.code, messageText: d.messageText,
    lineText: lines && d.fileName === undefined ? lines[d.start.line] : undefined,
  }));
  explainDiagnostics(ds, ctx).forEach((help, i) => { diagnostics[i].messageText = withHelp(diagnostics[i], help); });
}
