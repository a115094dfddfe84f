/**
 * The 💡 line under an error thrown at run time (V8's messages, the same in Node and Chromium; mathjs's),
 * and under an error no cell caught. lib/display/explain.ts has the overview; pure, no Node module.
 */
import { josa } from "../lesson/josa";
import {
  CONST_LINE, ExplainContext, FOR_OF_LINE, PYTHON_BLOCK_LINE, PYTHON_NAMES, line, notDefined, own,
} from "./explain-lines";

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
    return line(`'${m[1]}'${josa(m[1], "을를")} let/const로 선언하는 줄보다 먼저 썼습니다: 선언을 위로 옮기세요`, `'${m[1]}' is used before its let/const line: move the declaration up`);
  }
  if ((m = /^(.+?) is not a function$/.exec(message))) {
    const method = /\.(map|forEach|reduce|filter|slice|push|length)$/.exec(m[1]);
    if (method) {
      return line(`${m[1]}: 배열이 아닌 값에 .${method[1]}${josa(method[1], "을를")} 썼습니다 (숫자, 객체, 또는 await하지 않은 Promise인지 확인하세요)`,
        `${m[1]}: .${method[1]} on something that is not an array (a number, an object, or a Promise without await?)`);
    }
    return line(`${m[1]}${josa(m[1], "은는")} 함수가 아니라서 ( )로 부를 수 없습니다: 철자와, 같은 이름의 변수가 함수를 덮어쓰지 않았는지 확인하세요`,
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
    return line(`math.${m[1]}${josa(m[1], "은는")} 행렬에 바로 쓸 수 없습니다: math.map(X, math.${m[1]}) 또는 X.map((v) => Math.${m[1]}(v))`,
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
