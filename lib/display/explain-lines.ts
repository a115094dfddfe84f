/**
 * The words of the 💡 lines (lib/display/explain.ts for type errors, explain-runtime.ts for errors at run
 * time): the one-line format "💡 " + Korean + " / " + English, the Python habits a learner types, and the
 * lines both kinds of error share. Pure: no Node module (the page bundles it).
 */
import { josa } from "../lesson/josa";
/** What the caller knows about the notebook around the error. */
export interface ExplainContext {
  /** Where `name` is defined, e.g. "셀 [3]" (a cell below or not yet run); undefined when not known. */
  definedIn?: (name: string) => string | undefined;
  /** The kernel restarted since the cells above ran: their values are gone. */
  restarted?: boolean;
}

const LIGHT = "💡 ";
export const line = (ko: string, en: string) => `${LIGHT}${ko} / ${en}`;

/** Python (and numpy) names a learner types out of habit, each with its JavaScript. */
export const PYTHON_NAMES: Record<string, [ko: string, en: string]> = {
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
export const ARRAY_PROPERTIES: Record<string, [ko: string, en: string]> = {
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

export const CONST_LINE = line(
  "const로 선언한 변수에는 다시 대입할 수 없습니다: 값을 바꿀 변수라면 let으로 선언하세요 (let c = 1;)",
  "a const cannot be assigned again: declare it with let if its value changes",
);
export const AWAIT_LINE = line(
  "이 값은 Promise(아직 끝나지 않은 비동기 계산)입니다: 결과를 쓰려면 앞에 await을 붙이세요 — const r = await f();",
  "this value is a Promise (an unfinished asynchronous computation): put await before it to use its result",
);
/** `x as T` where TypeScript sees that x can never be a T: the cast changes no value. */
export const AS_LINE = line(
  "as는 값을 바꾸지 않고 타입을 주장할 뿐입니다: 계산이 돌려주는 값의 모양(숫자, 벡터 number[], 행렬 number[][])이 그 타입과 맞는지 확인하세요",
  "`as` changes no value, it only asserts a type: check the shape the computation returns (a number, number[], number[][])",
);
export const DOT_MULTIPLY_AS_LINE = line(
  "math.dotMultiply는 원소끼리의 곱이라 행렬 W와 벡터 x에서 행렬이 나옵니다(numpy의 W * x). 행렬과 벡터의 곱(np.dot)은 math.multiply(W, x)입니다",
  "math.dotMultiply multiplies entry by entry (numpy's W * x) and gives a matrix here; the matrix-vector product (np.dot) is math.multiply(W, x)",
);
export const ARITHMETIC_LINE = line(
  "배열에는 *, -, /, **를 쓸 수 없습니다: numpy는 원소마다 계산하지만 JavaScript 배열은 그렇지 않습니다 — " +
    "X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y), math.dotPow(X, 2)",
  "arrays have no element-wise arithmetic in JavaScript (numpy has): use X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y), math.dotPow(X, 2)",
);
export const PLUS_LINE = line(
  "배열 + 숫자는 numpy처럼 원소마다 더해지지 않습니다 (JavaScript는 배열을 문자열 \"0.5,0.3,0.21\"로 이어 붙입니다) — X.map((v) => v + 1) 또는 math.add(X, 1)",
  "array + number does not add element-wise as in numpy (JavaScript joins the array into text): use X.map((v) => v + 1) or math.add(X, 1)",
);
export const ELEMENTWISE_CALL_LINE = line(
  "숫자 하나를 받는 함수(Math.exp, sigmoid 등)에 배열을 넘겼습니다: numpy의 np.exp(X)와 달리 원소마다 불러야 합니다 — X.map((v) => Math.exp(v)) 또는 math.map(X, Math.exp)",
  "a function of one number (Math.exp, sigmoid, …) got an array: unlike numpy's np.exp(X), call it per entry: X.map((v) => Math.exp(v))",
);
export const SPREAD_LINE = line(
  "Math.max와 Math.min은 배열이 아니라 숫자들을 받습니다: Math.max(...p)처럼 ...로 펼쳐서 넘기세요 (numpy의 np.max(p))",
  "Math.max and Math.min take numbers, not an array: spread it, Math.max(...p) (numpy's np.max(p))",
);
export const PYTHON_BLOCK_LINE = line(
  "파이썬식 문법입니다: JavaScript는 조건을 ( )로 감싸고 블록을 { }로 묶습니다 — for (let i = 0; i < 3; i++) { … }, if (x > 0) { … } else { … }",
  "this is Python syntax: JavaScript puts conditions in ( ) and blocks in { }: for (let i = 0; i < 3; i++) { … }, if (x > 0) { … } else { … }",
);
export const COMPARE_LINE = line(
  "=는 대입입니다: 같은지 비교하려면 ===를 씁니다 — if (n % 5 === 0) { … }",
  "= assigns; compare with ===: if (n % 5 === 0) { … }",
);
export const MATMUL_LINE = line(
  "파이썬의 행렬곱 @는 없습니다: dot(W, x) 또는 math.multiply(W, X)를 씁니다",
  "there is no @ operator: use dot(W, x) or math.multiply(W, X)",
);
export const FSTRING_LINE = line(
  "파이썬의 f\"{x}\" 대신 백틱 문자열 `${x}`를 씁니다", "use a template string `${x}` instead of Python's f\"{x}\"",
);
export const TERNARY_LINE = line(
  "파이썬의 a if 조건 else b 대신 조건 ? a : b를 씁니다", "use condition ? a : b instead of Python's a if condition else b",
);
export const OVERLOAD_LINE = line(
  "이 함수는 인수의 형태가 다른 호출(오버로드)을 여럿 받는데 어느 것에도 맞지 않아 오류가 깁니다: 형태마다 거절한 까닭이 이어지고, 보통 맨 아래 줄이 고칠 곳입니다",
  "no overload (accepted form of the call) matches, hence the long error: each form's reasons follow, and the last line is usually what to fix",
);
export const FOR_OF_LINE = line(
  "for…of와 [...x]는 배열에만 쓸 수 있습니다: 숫자 n번 반복은 for (let i = 0; i < n; i++) { … }",
  "for…of and [...x] need an array: to repeat n times, use for (let i = 0; i < n; i++) { … }",
);

/** table[key] if the table has it as its own entry (not "constructor", "toString", …). */
export function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** `name` is not defined (yet): a Python habit, a cell not yet run, a restarted kernel, or a declaration left out. */
export function notDefined(name: string, ctx: ExplainContext, lineText?: string): string {
  const where = ctx.definedIn?.(name);
  if (where && ctx.restarted) {
    return line(`커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: '${name}'${josa(name, "을를")} 정의하는 ${where}부터 다시 실행하세요 — ▶▶ 모두 실행`,
      `the kernel restarted and lost the earlier cells' values: run ${where}, which defines '${name}', again (▶▶ Run All)`);
  }
  if (where) {
    return line(`'${name}'${josa(name, "은는")} ${where}에서 정의됩니다: ${RUN_ABOVE}`, `'${name}' is defined in ${where}: ${RUN_ABOVE_EN}`);
  }
  const python = own(PYTHON_NAMES, name);
  if (python) return line(...python);
  if (ctx.restarted) {
    return line(`커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: ${RUN_ABOVE}`, `the kernel restarted and lost the earlier cells' values: ${RUN_ABOVE_EN}`);
  }
  const escaped = name.replace(/[$]/g, "\\$");
  if (lineText !== undefined && new RegExp(`^\\s*(for\\s*\\(\\s*)?${escaped}\\s*([-+*/%]|\\*\\*)?=(?!=)`).test(lineText)) {
    return line(`'${name}'${josa(name, "은는")} 아직 선언되지 않았습니다. ${DECLARE[0]} (앞 셀에서 선언했다면 ${RUN_ABOVE})`,
      `'${name}' is not declared: ${DECLARE[1]} (declared in an earlier cell? ${RUN_ABOVE_EN})`);
  }
  return line(`'${name}'${josa(name, "은는")} 아직 정의되지 않았습니다: ${RUN_ABOVE}. 철자(대소문자)도 확인하고, 새 변수라면 let이나 const로 선언합니다`,
    `'${name}' is not defined yet: ${RUN_ABOVE_EN}, check the spelling, or declare it with let or const`);
}
