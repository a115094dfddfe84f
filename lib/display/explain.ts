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
/** What the caller knows about the notebook around the error. */
export interface ExplainContext {
  /** Where `name` is defined, e.g. "셀 [3]" (a cell below or not yet run); undefined when not known. */
  definedIn?: (name: string) => string | undefined;
  /** The kernel restarted since the cells above ran: their values are gone. */
  restarted?: boolean;
}

/** A TypeScript diagnostic as tslab (and the page) report it. */
export interface DiagnosticLike {
  code: number;
  messageText: string;
  /** The text of the line the diagnostic starts on, if known: it names a few syntax errors (`n % 5 = 0`, `W @ W`). */
  lineText?: string;
}

const LIGHT = "💡 ";
const line = (ko: string, en: string) => `${LIGHT}${ko} / ${en}`;

/** Python (and numpy) names a learner types out of habit, each with its JavaScript. */
const PYTHON_NAMES: Record<string, [ko: string, en: string]> = {
  print: ["파이썬의 print(x)는 JavaScript에서 console.log(x)입니다", "Python's print(x) is console.log(x) in JavaScript"],
  len: ["len(x) 대신 x.length를 씁니다 (행렬의 모양은 [W.length, W[0].length])", "use x.length instead of len(x) (a matrix's shape: [W.length, W[0].length])"],
  range: ["range는 없습니다: for (let i = 0; i < 3; i++) { … }로 반복합니다 (배열 [0, 1, 2]는 Array.from({ length: 3 }, (_, i) => i))",
    "there is no range: loop with for (let i = 0; i < 3; i++) { … }"],
  True: ["파이썬의 True는 JavaScript에서 소문자 true입니다", "Python's True is true in JavaScript"],
  False: ["파이썬의 False는 JavaScript에서 소문자 false입니다", "Python's False is false in JavaScript"],
  None: ["파이썬의 None은 JavaScript에서 null(또는 undefined)입니다", "Python's None is null (or undefined) in JavaScript"],
  def: ["함수는 def 대신 function f(x) { return …; } 또는 const f = (x) => …;로 만듭니다", "write function f(x) { return …; } or const f = (x) => … instead of def"],
  elif: ["elif 대신 else if (조건) { … }를 씁니다", "use else if (condition) { … } instead of elif"],
  lambda: ["lambda x: … 대신 화살표 함수 (x) => …를 씁니다", "use an arrow function (x) => … instead of lambda"],
  not: ["not x 대신 !x를 씁니다", "use !x instead of not x"],
  and: ["and 대신 &&를 씁니다", "use && instead of and"],
  or: ["or 대신 ||를 씁니다", "use || instead of or"],
  is: ["is 대신 ===를 씁니다 (x === null)", "use === instead of is"],
  pass: ["pass 대신 빈 블록 { }을 씁니다", "use an empty block { } instead of pass"],
  np: ["numpy(np)는 없습니다: nn-lesson의 dot, outer, transpose나 mathjs의 math.multiply, math.add를 씁니다 (00b 노트북)",
    "there is no numpy here: use nn-lesson's dot, outer, transpose or mathjs's math.multiply, math.add"],
  sum: ["sum(X) 대신 math.sum(X) 또는 X.reduce((s, v) => s + v, 0)을 씁니다", "use math.sum(X) or X.reduce((s, v) => s + v, 0) instead of sum(X)"],
  max: ["max(X) 대신 Math.max(...X)를 씁니다", "use Math.max(...X) instead of max(X)"],
  min: ["min(X) 대신 Math.min(...X)를 씁니다", "use Math.min(...X) instead of min(X)"],
  abs: ["abs(x) 대신 Math.abs(x)를 씁니다 (배열이면 X.map((v) => Math.abs(v)))", "use Math.abs(x) instead of abs(x)"],
  exp: ["exp(x) 대신 Math.exp(x)를 씁니다 (배열이면 X.map((v) => Math.exp(v)))", "use Math.exp(x) instead of exp(x)"],
  sqrt: ["sqrt(x) 대신 Math.sqrt(x)를 씁니다", "use Math.sqrt(x) instead of sqrt(x)"],
  log: ["log(x) 대신 Math.log(x)를 씁니다", "use Math.log(x) instead of log(x)"],
  zip: ["zip(X, Y) 대신 X.map((x, i) => [x, Y[i]])를 씁니다", "use X.map((x, i) => [x, Y[i]]) instead of zip(X, Y)"],
  enumerate: ["enumerate(X) 대신 X.forEach((x, i) => { … }) 또는 for (const [i, x] of X.entries())를 씁니다",
    "use X.forEach((x, i) => { … }) or for (const [i, x] of X.entries()) instead of enumerate(X)"],
  int: ["int(x) 대신 Math.trunc(x)(반올림은 Math.round(x))를 씁니다", "use Math.trunc(x) (or Math.round(x)) instead of int(x)"],
  float: ["float(x) 대신 Number(x)를 씁니다", "use Number(x) instead of float(x)"],
  str: ["str(x) 대신 String(x)를 씁니다", "use String(x) instead of str(x)"],
  list: ["list(x) 대신 Array.from(x) 또는 [...x]를 씁니다", "use Array.from(x) or [...x] instead of list(x)"],
};
PYTHON_NAMES.numpy = PYTHON_NAMES.np;

/** numpy attributes and Python list methods a learner calls on a JavaScript array, each with its JavaScript. */
const ARRAY_PROPERTIES: Record<string, [ko: string, en: string]> = {
  shape: ["배열에는 .shape가 없습니다: 행렬의 모양은 [W.length, W[0].length](또는 nn-lesson의 shape(W)), 벡터의 길이는 X.length입니다", "arrays have no .shape: [W.length, W[0].length] (or nn-lesson's shape(W)), or X.length for a vector"],
  T: ["배열에는 .T가 없습니다: transpose(W) (또는 math.transpose(W))를 씁니다", "arrays have no .T: use transpose(W) or math.transpose(W)"],
  append: ["파이썬의 append는 JavaScript에서 X.push(v)입니다", "Python's append is X.push(v)"],
  len: ["길이는 X.length입니다 (괄호 없이)", "the length is X.length (no parentheses)"],
  size: ["원소의 개수는 X.length입니다", "the number of entries is X.length"],
  sum: ["배열에는 .sum()이 없습니다: math.sum(X) 또는 X.reduce((s, v) => s + v, 0)", "arrays have no .sum(): use math.sum(X) or X.reduce((s, v) => s + v, 0)"],
  mean: ["배열에는 .mean()이 없습니다: math.mean(X)", "arrays have no .mean(): use math.mean(X)"],
  max: ["배열에는 .max()가 없습니다: Math.max(...X)", "arrays have no .max(): use Math.max(...X)"],
  min: ["배열에는 .min()이 없습니다: Math.min(...X)", "arrays have no .min(): use Math.min(...X)"],
  dot: ["배열에는 .dot()이 없습니다: dot(W, x) 또는 math.multiply(W, x)", "arrays have no .dot(): use dot(W, x) or math.multiply(W, x)"],
  flatten: ["배열을 펼치려면 X.flat()을 씁니다", "use X.flat() to flatten"],
  reshape: ["배열에는 .reshape가 없습니다: math.reshape(X, [2, 3])", "arrays have no .reshape: use math.reshape(X, [2, 3])"],
  copy: ["배열을 복사하려면 X.slice() (행렬은 W.map((row) => row.slice()))", "copy with X.slice() (a matrix: W.map((row) => row.slice()))"],
};

/** Nothing but a reminder to declare. */
const DECLARE: [string, string] = ["새 변수는 let이나 const로 선언합니다: let x = …;", "declare a new variable with let or const: let x = …;"];
const RUN_ABOVE = "위의 셀을 먼저 실행하세요 — ▶▶ 모두 실행";
const RUN_ABOVE_EN = "run the cells above first (▶▶ Run All)";

const CONST_LINE = line(
  "const로 선언한 변수에는 다시 대입할 수 없습니다: 값을 바꿀 변수라면 let으로 선언하세요 (let c = 1;)",
  "a const cannot be assigned again: declare it with let if its value changes",
);
const AWAIT_LINE = line(
  "이 값은 Promise(아직 끝나지 않은 비동기 계산)입니다: 결과를 쓰려면 앞에 await을 붙이세요 — const r = await f();",
  "this value is a Promise (an unfinished asynchronous computation): put await before it to use its result",
);
/** `x as T` where TypeScript sees that x can never be a T: the cast changes no value. */
const AS_LINE = line(
  "as는 값을 바꾸지 않고 타입을 주장할 뿐입니다: 계산이 돌려주는 값의 모양(숫자, 벡터 number[], 행렬 number[][])이 그 타입과 맞는지 확인하세요",
  "`as` changes no value, it only asserts a type: check the shape the computation returns (a number, number[], number[][])",
);
const DOT_MULTIPLY_AS_LINE = line(
  "math.dotMultiply는 원소끼리의 곱이라 행렬 W와 벡터 x에서 행렬이 나옵니다(numpy의 W * x). 행렬과 벡터의 곱(np.dot)은 math.multiply(W, x)입니다",
  "math.dotMultiply multiplies entry by entry (numpy's W * x) and gives a matrix here; the matrix-vector product (np.dot) is math.multiply(W, x)",
);
const ARITHMETIC_LINE = line(
  "배열에는 *, -, /, **를 쓸 수 없습니다: numpy는 원소마다 계산하지만 JavaScript 배열은 그렇지 않습니다 — " +
    "X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y), math.dotPow(X, 2)",
  "arrays have no element-wise arithmetic in JavaScript (numpy has): use X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y), math.dotPow(X, 2)",
);
const PLUS_LINE = line(
  "배열 + 숫자는 numpy처럼 원소마다 더해지지 않습니다 (JavaScript는 배열을 문자열 \"0.5,0.3,0.21\"로 이어 붙입니다) — X.map((v) => v + 1) 또는 math.add(X, 1)",
  "array + number does not add element-wise as in numpy (JavaScript joins the array into text): use X.map((v) => v + 1) or math.add(X, 1)",
);
const ELEMENTWISE_CALL_LINE = line(
  "숫자 하나를 받는 함수(Math.exp, sigmoid 등)에 배열을 넘겼습니다: numpy의 np.exp(X)와 달리 원소마다 불러야 합니다 — X.map((v) => Math.exp(v)) 또는 math.map(X, Math.exp)",
  "a function of one number (Math.exp, sigmoid, …) got an array: unlike numpy's np.exp(X), call it per entry: X.map((v) => Math.exp(v))",
);
const SPREAD_LINE = line(
  "Math.max와 Math.min은 배열이 아니라 숫자들을 받습니다: Math.max(...p)처럼 ...로 펼쳐서 넘기세요 (numpy의 np.max(p))",
  "Math.max and Math.min take numbers, not an array: spread it, Math.max(...p) (numpy's np.max(p))",
);
const PYTHON_BLOCK_LINE = line(
  "파이썬식 문법입니다: JavaScript는 조건을 ( )로 감싸고 블록을 { }로 묶습니다 — for (let i = 0; i < 3; i++) { … }, if (x > 0) { … } else { … }",
  "this is Python syntax: JavaScript puts conditions in ( ) and blocks in { }: for (let i = 0; i < 3; i++) { … }, if (x > 0) { … } else { … }",
);
const COMPARE_LINE = line(
  "=는 대입입니다: 같은지 비교하려면 ===를 씁니다 — if (n % 5 === 0) { … }",
  "= assigns; compare with ===: if (n % 5 === 0) { … }",
);
const MATMUL_LINE = line(
  "파이썬의 행렬곱 @는 없습니다: dot(W, x) 또는 math.multiply(W, X)를 씁니다",
  "there is no @ operator: use dot(W, x) or math.multiply(W, X)",
);
const FSTRING_LINE = line(
  "파이썬의 f\"{x}\" 대신 백틱 문자열 `${x}`를 씁니다", "use a template string `${x}` instead of Python's f\"{x}\"",
);
const TERNARY_LINE = line(
  "파이썬의 a if 조건 else b 대신 조건 ? a : b를 씁니다", "use condition ? a : b instead of Python's a if condition else b",
);
const OVERLOAD_LINE = line(
  "이 함수는 인수의 형태가 다른 호출(오버로드)을 여럿 받는데 어느 것에도 맞지 않아 오류가 깁니다: 형태마다 거절한 까닭이 이어지고, 보통 맨 아래 줄이 고칠 곳입니다",
  "no overload (accepted form of the call) matches, hence the long error: each form's reasons follow, and the last line is usually what to fix",
);
const FOR_OF_LINE = line(
  "for…of와 [...x]는 배열에만 쓸 수 있습니다: 숫자 n번 반복은 for (let i = 0; i < n; i++) { … }",
  "for…of and [...x] need an array: to repeat n times, use for (let i = 0; i < n; i++) { … }",
);

/** table[key] if the table has it as its own entry (not "constructor", "toString", …). */
function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
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

/** `name` is not defined (yet): a Python habit, a cell not yet run, a restarted kernel, or a declaration left out. */
function notDefined(name: string, ctx: ExplainContext, lineText?: string): string {
  const where = ctx.definedIn?.(name);
  if (where && ctx.restarted) {
    return line(`커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: '${name}'을(를) 정의하는 ${where}부터 다시 실행하세요 — ▶▶ 모두 실행`,
      `the kernel restarted and lost the earlier cells' values: run ${where}, which defines '${name}', again (▶▶ Run All)`);
  }
  if (where) {
    return line(`'${name}'은(는) ${where}에서 정의됩니다: ${RUN_ABOVE}`, `'${name}' is defined in ${where}: ${RUN_ABOVE_EN}`);
  }
  const python = own(PYTHON_NAMES, name);
  if (python) return line(...python);
  if (ctx.restarted) {
    return line(`커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: ${RUN_ABOVE}`, `the kernel restarted and lost the earlier cells' values: ${RUN_ABOVE_EN}`);
  }
  const escaped = name.replace(/[$]/g, "\\$");
  if (lineText !== undefined && new RegExp(`^\\s*(for\\s*\\(\\s*)?${escaped}\\s*([-+*/%]|\\*\\*)?=(?!=)`).test(lineText)) {
    return line(`'${name}'은(는) 아직 선언되지 않았습니다. ${DECLARE[0]} (앞 셀에서 선언했다면 ${RUN_ABOVE})`,
      `'${name}' is not declared: ${DECLARE[1]} (declared in an earlier cell? ${RUN_ABOVE_EN})`);
  }
  return line(`'${name}'은(는) 아직 정의되지 않았습니다: ${RUN_ABOVE}. 철자(대소문자)도 확인하고, 새 변수라면 let이나 const로 선언합니다`,
    `'${name}' is not defined yet: ${RUN_ABOVE_EN}, check the spelling, or declare it with let or const`);
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

/** mathjs's shape errors (the usual result of a missing transpose), each with the Korean sentence to say. */
const MATHJS_SHAPE_ERRORS: [RegExp, (a: string, b: string) => string][] = [
  [/Matrix columns \((\d+)\) must match Vector length \((\d+)\)/, (a, b) => `행렬의 열 수(${a})와 벡터의 길이(${b})가 달라 곱할 수 없습니다`],
  [/Vector length \((\d+)\) must match Matrix rows \((\d+)\)/, (a, b) => `벡터의 길이(${a})와 행렬의 행 수(${b})가 달라 곱할 수 없습니다`],
  [/Matrix A columns \((\d+)\) must match Matrix B rows \((\d+)\)/, (a, b) => `앞 행렬의 열 수(${a})와 뒤 행렬의 행 수(${b})가 달라 곱할 수 없습니다`],
  [/Vectors must have the same length/, () => "두 벡터의 길이가 달라 곱할 수 없습니다"],
  [/^Vectors must have equal length \((\d+) != (\d+)\)/, (a, b) => `두 벡터의 길이(${a}, ${b})가 달라 내적을 구할 수 없습니다`],
  [/^Dimension mismatch \((.+?) != (.+?)\)/, (a, b) => `두 값의 모양(${a}, ${b})이 달라 원소끼리 계산할 수 없습니다`],
  [/^shape mismatch: .* with size (\d+) to size (\d+)/, (a, b) => `길이가 ${a}인 배열과 ${b}인 배열은 원소끼리 계산할 수 없습니다`],
];

/** mathjs's element-wise operations (dotMultiply, add, subtract …) on two shapes that differ, not a product's rows and columns. */
function isElementwiseMismatch(message: string): boolean {
  return /^Dimension mismatch \(/.test(message) || /^shape mismatch: .*broadcast/.test(message);
}

/** The Korean sentence for one of mathjs's dimension-mismatch messages, or undefined for any other message. */
export function mathjsShapeSentence(message: string): string | undefined {
  for (const [re, say] of MATHJS_SHAPE_ERRORS) {
    const m = re.exec(message);
    if (m) return say(m[1], m[2]);
  }
  if (/^(Dimension|shape) mismatch/.test(message)) return "행렬이나 벡터의 모양이 맞지 않습니다";
  return undefined;
}

/**
 * One line of help for an error thrown at run time, or undefined. Reads V8's messages (Node and
 * Chromium alike), mathjs's, and the names of Python habits in them.
 */
export function explainError(e: { name: string; message: string }, ctx: ExplainContext = {}): string | undefined {
  const { name, message } = e;
  if (name === "InputError") return undefined; // the library's own: already one Korean line
  let m: RegExpExecArray | null;
  if ((m = /^Cannot (read|set) properties of (undefined|null) \((?:reading|setting) '(.*)'\)$/.exec(message))) {
    const [, , what, prop] = m;
    const access = /^\d+$/.test(prop) ? `[${prop}]` : `.${prop}`;
    if (/^\d+$/.test(prop)) {
      return line(`${what}의 ${access}에 접근했습니다: 대개 그 앞의 인덱스가 배열의 범위를 벗어났습니다 (길이 2인 W의 W[2]는 undefined) — 인덱스는 0부터 길이−1까지이고, 길이는 W.length로 봅니다`,
        `${access} of ${what}: usually the index before it is past the end of an array (W[2] of a 2-row W is undefined); indices go from 0 to length − 1`);
    }
    return line(`${what}의 ${access}에 접근했습니다: 값이 아직 없는 변수, return을 빠뜨린 함수, 범위를 벗어난 인덱스(X[X.length])가 없는지 확인하세요`,
      `${access} of ${what}: look for a variable with no value yet, a function without return, or an index past the end`);
  }
  if (message === "Assignment to constant variable.") return CONST_LINE;
  if ((m = /^(\S+) is not defined$/.exec(message)) && name === "ReferenceError") return notDefined(m[1], ctx);
  if ((m = /^Cannot access '(.+)' before initialization$/.exec(message))) {
    return line(`'${m[1]}'을(를) let/const로 선언하는 줄보다 먼저 썼습니다: 선언을 위로 옮기세요`, `'${m[1]}' is used before its let/const line: move the declaration up`);
  }
  if ((m = /^(.+?) is not a function$/.exec(message))) {
    const method = /\.(map|forEach|reduce|filter|slice|push|length)$/.exec(m[1]);
    if (method) {
      return line(`${m[1]}: 배열이 아닌 값에 .${method[1]}을(를) 썼습니다 (숫자, 객체, 또는 await하지 않은 Promise인지 확인하세요)`,
        `${m[1]}: .${method[1]} on something that is not an array (a number, an object, or a Promise without await?)`);
    }
    return line(`${m[1]}은(는) 함수가 아니라서 ( )로 부를 수 없습니다: 철자와, 같은 이름의 변수가 함수를 덮어쓰지 않았는지 확인하세요`,
      `${m[1]} is not a function and cannot be called: check the spelling, and whether a variable of that name replaced the function`);
  }
  if (/ is not iterable/.test(message)) return FOR_OF_LINE;
  if (message === "Invalid array length") {
    return line("배열의 길이는 0 이상의 정수여야 합니다: new Array(n)이나 Array.from({ length: n })의 n을 확인하세요",
      "an array's length must be a whole number ≥ 0: check the n of new Array(n) or Array.from({ length: n })");
  }
  if (message === "Maximum call stack size exceeded") {
    return line("함수가 끝없이 자기 자신을 부릅니다: 재귀가 멈추는 조건을 확인하세요", "a function calls itself without end: check the condition that stops the recursion");
  }
  if (message === "Reduce of empty array with no initial value") {
    return line("빈 배열에 reduce를 썼습니다: 처음 값을 주세요 — X.reduce((s, v) => s + v, 0)", "reduce on an empty array: give a start value, X.reduce((s, v) => s + v, 0)");
  }
  if (message === "Cannot convert undefined or null to object") {
    return line("undefined나 null을 객체처럼 썼습니다: 변수에 값이 들어 있는지 먼저 확인하세요", "undefined or null used as an object: check that the variable has a value");
  }
  if ((m = /^Function '(\w+)' doesn't apply to matrices/.exec(message))) {
    return line(`math.${m[1]}은(는) 행렬에 바로 쓸 수 없습니다: math.map(X, math.${m[1]}) 또는 X.map((v) => Math.${m[1]}(v))`,
      `math.${m[1]} does not take matrices: use math.map(X, math.${m[1]}) or X.map((v) => Math.${m[1]}(v))`);
  }
  const shape = mathjsShapeSentence(message);
  if (shape && isElementwiseMismatch(message)) {
    return line(`${shape}: math.dotMultiply(a, b)(numpy의 a * b)는 모양이 같은 두 값을 원소마다 곱합니다. ` +
      "길이가 다른 두 벡터의 모든 쌍의 곱(행렬, 예: 가중치의 기울기 δ·입력)은 외적 outer(a, b)(numpy의 np.outer)입니다",
    "element-wise operations (math.dotMultiply(a, b), numpy's a * b) need two values of the same shape; " +
      "the matrix of all products of two vectors of different lengths (a weight's gradient) is the outer product outer(a, b)");
  }
  if (shape) return line(`${shape}: 전치(transpose)나 곱하는 순서를 확인하세요`, "the shapes do not fit: check for a missing transpose or the order of the factors");
  if (name === "SyntaxError") {
    const python = own(PYTHON_NAMES, /^Unexpected identifier '(\w+)'/.exec(message)?.[1]);
    if (python) return line(...python);
    if (/^Unexpected token ':'/.test(message)) return PYTHON_BLOCK_LINE;
  }
  return undefined;
}

/** A diagnostic as tslab's converter gives it (tslab/dist/converter.d.ts), the fields read here. */
/**
 * The help under an error no cell caught (tslab: "UncaughtException: …", "UnhandledPromiseRejection: …"):
 * why it shows under another cell; then the error's own line of help, if it has one.
 */
export function explainLateError(reason: unknown): string {
  const late = line("아무도 기다리지 않은 곳에서 난 오류입니다 (setTimeout 안, 또는 await하지 않은 Promise): 그래서 오류를 낸 셀이 아니라 지금 실행 중이거나 마지막에 실행한 셀 아래에 나옵니다 — Promise는 await로 기다리세요",
    "an error nothing awaited (in a setTimeout, or a Promise without await): it shows under the cell running or run last, not the one that caused it — await the Promise");
  const r = reason as { name?: unknown; message?: unknown } | null;
  const own = typeof r === "object" && r !== null && typeof r.name === "string" && typeof r.message === "string"
    ? explainError({ name: r.name, message: r.message }) : undefined;
  return own ? `${late}\n${own}` : late;
}

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
 * tslab kernel (scripts/tslab-kernel.ts) and the page (scripts/runner/page.ts) both print them so. */
export function explainCell(diagnostics: CellDiagnosticLike[], src: string | undefined, ctx: ExplainContext = {}): void {
  const lines = src?.split("\n");
  const ds: DiagnosticLike[] = diagnostics.map((d) => ({
    code: d.code, messageText: d.messageText,
    lineText: lines && d.fileName === undefined ? lines[d.start.line] : undefined,
  }));
  explainDiagnostics(ds, ctx).forEach((help, i) => { diagnostics[i].messageText = withHelp(diagnostics[i], help); });
}
