// test tier: slow — type-checks every snippet with tslab's converter
/**
 * The Korean line of help under an error (lib/display/explain.ts), from real errors: each snippet a
 * learner might write is type-checked by tslab's own converter (the TypeScript fork tslab uses), once
 * with TypeScript's English messages and once with its Korean ones, and must get the same line both
 * times (only codes and quoted names are read); runtime errors come from running snippets with
 * `new Function` (V8's messages, as in Chromium). The silent numpy habits (`X * 2` is NaN, `X + 1` a
 * string) are named by check()'s hints and by the library's input errors.
 */
import { after, test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import {
  DiagnosticLike, ExplainContext, InputError, compareValues, explainDiagnostic, explainDiagnostics, explainError, explainLateError, forward, lessonData,
  requireVector,
} from "nn-lesson/dist/internal";
import { tslabTypeScript } from "../scripts/jupyter/tslab-kernel";

const HANGUL = /[\uac00-\ud7a3]/;
const ts = tslabTypeScript() as ReturnType<typeof tslabTypeScript> & { setLocalizedDiagnosticMessages(m: unknown): void };
const KO = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@tslab/typescript-for-tslab", {
  paths: [path.dirname(require.resolve("tslab/package.json"))],
})), "ko", "diagnosticMessages.generated.json"), "utf8"));

interface Converter { convert(prev: string, src: string): { diagnostics: { code: number; messageText: string; start: { line: number } }[] }; close(): void }
const converter: Converter = require("tslab/dist/converter").createConverter({ isJS: false, isBrowser: false });
after(() => converter.close());

let runs = 0;
/** The diagnostics tslab reports for `src` as a cell, in English or Korean, each with the text of its line. */
function diagnose(src: string, locale: "en" | "ko"): DiagnosticLike[] {
  ts.setLocalizedDiagnosticMessages(locale === "ko" ? KO : undefined);
  try {
    // a new text each time: the converter keeps the diagnostics of a text it has already checked
    const r = converter.convert("", `${src}\n// ${locale} ${runs++}`);
    const lines = src.split("\n");
    return r.diagnostics.map((d) => ({ code: d.code, messageText: d.messageText, lineText: lines[d.start.line] }));
  } finally {
    ts.setLocalizedDiagnosticMessages(undefined);
  }
}

/** The lines of help for a cell, the same in English and Korean; also its diagnostics' codes. */
function helpFor(src: string, ctx?: ExplainContext): { lines: string[]; codes: number[] } {
  const en = diagnose(src, "en"), ko = diagnose(src, "ko");
  assert.ok(en.length > 0, `no diagnostics for ${JSON.stringify(src)}`);
  assert.deepEqual(ko.map((d) => d.code), en.map((d) => d.code));
  assert.ok(ko.every((d) => HANGUL.test(d.messageText)), `Korean messages expected: ${ko.map((d) => d.messageText).join(" | ")}`);
  assert.ok(en.every((d) => !HANGUL.test(d.messageText)), "English messages expected");
  const linesEn = explainDiagnostics(en, ctx), linesKo = explainDiagnostics(ko, ctx);
  assert.deepEqual(linesKo, linesEn, `${JSON.stringify(src)}: the help depends on the language of the messages`);
  return { lines: linesEn.filter((l): l is string => l !== undefined), codes: en.map((d) => d.code) };
}

/** Asserts that `src` gets exactly the lines matching `expected` (in that order), each a 💡 line with Korean before " / ". */
function expectHelp(src: string, code: number, expected: RegExp[], ctx?: ExplainContext): string[] {
  const { lines, codes } = helpFor(src, ctx);
  assert.ok(codes.includes(code), `${JSON.stringify(src)}: TS${code} expected, got ${codes.join(", ")}`);
  assert.equal(lines.length, expected.length, `${JSON.stringify(src)}: ${expected.length} line(s) expected, got:\n${lines.join("\n")}`);
  expected.forEach((re, i) => assert.match(lines[i], re, JSON.stringify(src)));
  for (const l of lines) {
    assert.match(l, /^💡 /);
    assert.match(l.split(" / ")[0], HANGUL);
    assert.ok(l.includes(" / "), `English after " / ": ${l}`);
    assert.doesNotMatch(l, /\n/, "one line");
  }
  return lines;
}

test("Python habits: print, len, range, True/None, def, elif, lambda, and/not, numpy", () => {
  expectHelp("print(1)", 2304, [/console\.log\(x\)/]);
  expectHelp("const x = [1, 2];\nlen(x)", 2304, [/x\.length/]);
  expectHelp("for (const i of range(3)) { console.log(i); }", 2304, [/range는 없습니다: for \(let i = 0; i < 3; i\+\+\)/]);
  expectHelp("const a = True;\nconst b = None;", 2304, [/소문자 true/, /null/]);
  expectHelp("if (1 > 0) { } elif (2 > 1) { }", 2304, [/else if/]);
  expectHelp("const X = [1, 2];\nconst z = np.dot(X, X);", 2304, [/numpy\(np\)는 없습니다: nn-lesson의 dot/]);
  expectHelp("let t = true;\nif (not t) { }", 2304, [/!x/]);
  expectHelp("let x = 3;\nif (x == 3 and x > 1) { }", 2304, [/&&/]);
});

test("Python syntax: for i in range(3):, while …:, else:, def f():, f-strings, a if c else b, @", () => {
  // 6 diagnostics ('(' expected, 'i' ×2, 'range', ')' expected, 'print'): three lines, none about 'i'
  const loop = expectHelp("for i in range(3):\n  print(i)", 1005, [/파이썬식 문법입니다: JavaScript는 조건을 \( \)로 감싸고 블록을 \{ \}로/, /range는 없습니다/, /console\.log/]);
  assert.ok(loop.every((l) => !l.includes("'i'")));
  expectHelp("let x = 1;\nwhile x < 3:\n  x += 1", 1005, [/파이썬식 문법/]);
  expectHelp("let x = 1;\nif (x > 0) {\n} else:\n  x = 2", 1109, [/파이썬식 문법/]);
  expectHelp("def f(x):\n  return x", 1434, [/파이썬식 문법/, /function f\(x\) \{ return …; \}/]);
  expectHelp("const n = 1;\nconst s = f\"{n}\";", 1005, [/`\$\{x\}`/]);
  expectHelp("const t = 1 if true else 2;", 1005, [/조건 \? a : b/]);
  expectHelp("const W = [[1]];\nconst y = W @ W;", 1005, [/행렬곱 @는 없습니다: dot\(W, x\)/]);
  // without the line's text, '(' expected still points at Python's for/if; other syntax errors get nothing
  assert.match(explainDiagnostic({ code: 1005, messageText: "'(' expected." }) ?? "", /파이썬식 문법/);
  assert.equal(explainDiagnostic({ code: 1005, messageText: "';' expected." }), undefined);
});

test("= where === was meant: n % 5 = 0", () => {
  expectHelp("let n = 10;\nn % 5 = 0", 1005, [/=는 대입입니다: 같은지 비교하려면 ===를/]);
  expectHelp("let n = 10;\nif (n % 5 = 0) { console.log(n); }", 1005, [/===/]);
  assert.match(explainDiagnostic({ code: 2364, messageText: "The left-hand side of an assignment expression must be a variable or a property access." }) ?? "", /===/);
});

test("a name not defined yet: the cells above, the cell that defines it, a restarted kernel, a missing let", () => {
  expectHelp("const y = W1[0];", 2304, [/'W1'은 아직 정의되지 않았습니다: 위의 셀을 먼저 실행하세요 — ▶▶ 모두 실행/]);
  const definedIn = (name: string) => (name === "W1" ? "셀 [3]" : undefined);
  expectHelp("const y = W1[0];", 2304, [/'W1'은 셀 \[3\]에서 정의됩니다: 위의 셀을 먼저 실행하세요/], { definedIn });
  expectHelp("const y = W1[0];", 2304, [/커널이 다시 시작되어 앞 셀의 값이 사라졌습니다/], { restarted: true });
  expectHelp("const y = W1[0];", 2304, [/커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: 'W1'을 정의하는 셀 \[3\]부터/], { definedIn, restarted: true });
  // "Did you mean …?" (2552) too
  expectHelp("const lossHistry = [1];\nlossHistory.length", 2552, [/'lossHistory'는 아직 정의되지 않았습니다/]);
  expectHelp("x = 3", 2304, [/'x'는 아직 선언되지 않았습니다\. 새 변수는 let이나 const로 선언합니다/]);
  expectHelp("for (i = 0; i < 3; i++) { }", 2304, [/'i'는 아직 선언되지 않았습니다\. 새 변수는 let이나 const로/]);
  // a Python name is a Python habit even after a restart; a name the notebook defines is not
  expectHelp("print(1)", 2304, [/console\.log/], { restarted: true, definedIn });
});

test("a const assigned again", () => {
  expectHelp("const c = 1; c = 2;", 2588, [/const로 선언한 변수에는 다시 대입할 수 없습니다: 값을 바꿀 변수라면 let으로/]);
});

test("numpy arithmetic on arrays: X * 2, X ** 2, X - Y, X + 1, Math.exp(X)", () => {
  const elementwise = /배열에는 \*, -, \/, \*\*를 쓸 수 없습니다: numpy는 원소마다 계산하지만.*X\.map\(\(v\) => v \* 2\).*math\.multiply\(X, 2\)/;
  expectHelp("const X = [0.5, 0.3, 0.2];\nconst y = X * 2;", 2362, [elementwise]);
  expectHelp("const X = [0.5, 0.3, 0.2];\nconst y = X ** 2;", 2362, [elementwise]);
  expectHelp("const X = new Float64Array(3);\nconst y = X / 2;", 2362, [elementwise]);
  expectHelp("const X = [1, 2], Y = [3, 4];\nconst d = X - Y;", 2363, [elementwise]); // 2362 and 2363: one line
  expectHelp("const X = [0.5, 0.3, 0.2];\nconst y = X + 1;", 2365, [/배열 \+ 숫자는 numpy처럼 원소마다 더해지지 않습니다.*math\.add\(X, 1\)/]);
  expectHelp("const X = [0.5, 0.3, 0.2];\nconst y = Math.exp(X);", 2345, [/숫자 하나를 받는 함수.*X\.map\(\(v\) => Math\.exp\(v\)\)/]);
  // Math.max / Math.min with an array want the spread, not a map (12's exercise, 00b's appendix)
  expectHelp("const p = [0.1, 0.7, 0.2];\nconst best = p.indexOf(Math.max(p));", 2345, [/Math\.max\(\.\.\.p\)처럼 \.\.\.로 펼쳐서/]);
  expectHelp("const p = [0.1, 0.7, 0.2];\nconst m = Math.min(p, 1);", 2345, [/펼쳐서/]);
  expectHelp("const X = [1, 2];\nconst m = Math.max(X);", 2345, [/Math\.max\(\.\.\.p\)처럼/]); // not the map of Math.exp
  // 07's exercise written numpy-style: the number TypeScript complains about is the array arithmetic's
  // result, so the help is about array arithmetic, not "wrap the number in brackets"
  expectHelp("const Ws = [[[1, 2]]];\nconst g = [[[1, 2]]];\nconst next: number[][][] = Ws.map((W, l) => W - 0.1 * g[l]);", 2362, [elementwise]);
  // a lone number where an array is wanted still gets the wrap hint
  expectHelp("const v: number[] = 3;", 2322, [/숫자 하나를 배열의 자리에 넣었습니다/]);
});

test("`as` that TypeScript refuses: dotMultiply where np.dot was meant, and any other impossible cast", () => {
  expectHelp("import * as math from \"mathjs\";\nconst W1 = [[1, 2], [3, 4]];\nconst X = [1, 2];\nconst a = math.dotMultiply(W1, X) as number;",
    2352, [/math\.dotMultiply는 원소끼리의 곱.*math\.multiply\(W, x\)/]);
  expectHelp("const s = \"0.5\";\nconst v = s as number;", 2352, [/as는 값을 바꾸지 않고 타입을 주장할 뿐입니다/]);
});

test("numpy attributes and list methods on arrays: .shape, .T, .append, .sum()", () => {
  expectHelp("const W = [[1, 2]];\nconst s = W.shape;", 2339, [/shape\(W\)/]);
  expectHelp("const W = [[1, 2]];\nconst t = W.T;", 2339, [/transpose\(W\)/]);
  expectHelp("const X = [1, 2];\nX.append(3);", 2339, [/X\.push\(v\)/]);
  expectHelp("const X = [1, 2];\nconst s = X.sum();", 2339, [/math\.sum\(X\)/]);
});

test("numbers and arrays mixed up, for…in, for…of a number", () => {
  expectHelp("const W = [[1, 2]];\nconst v: number[] = W;", 2322, [/행렬\(number\[\]\[\]\)을 벡터\(number\[\]\)의 자리에/, /배열을 숫자 하나의 자리에/]);
  expectHelp("const X = [1, 2, 3];\nfor (const x in X) { const y: number = x; }", 2322, [/for \(const x in X\)는 원소가 아니라 인덱스\(문자열\)를.*for \(const x of X\)/]);
  expectHelp("for (const i of 3) { }", 2488, [/for…of와 \[\.\.\.x\]는 배열에만/]);
});

test("no overload matches (TS2769, ten lines for new Set<number>([\"a\"])): how to read them, and the last line's cause", () => {
  const overload = /^💡 이 함수는 인수의 형태가 다른 호출\(오버로드\)을 여럿 받는데.*맨 아래 줄이 고칠 곳입니다/;
  expectHelp("const s = new Set<number>([\"a\"]);", 2769, [overload, /^💡 문자열을 숫자의 자리에 넣었습니다: "a"처럼 따옴표로 감싼 값은 문자열입니다/]);
  expectHelp("const a = [1, 2].concat([\"x\"]);", 2769, [overload, /"x"처럼 따옴표로 감싼/]);
  expectHelp("const s = new Set<number[]>([1]);", 2769, [overload, /^💡 숫자 하나를 배열의 자리에 넣었습니다/]);
});

test("a string for a number: the line shows which cause (quotes or for…in), and only that one", () => {
  const [quotes] = helpFor("const w: number[] = [1];\nw.push(\"2\");").lines;
  assert.match(quotes, /"2"처럼 따옴표로 감싼 값은 문자열입니다/);
  assert.doesNotMatch(quotes, /for \(const x in X\)/);
  const [indices] = helpFor("const X = [1, 2, 3];\nfor (const x in X) { const y: number = x; }").lines;
  assert.doesNotMatch(indices, /따옴표/);
});

test("a missing await: a Promise used as its value", () => {
  const awaitLine = /Promise\(아직 끝나지 않은 비동기 계산\)입니다: 결과를 쓰려면 앞에 await을/;
  expectHelp("async function load() { return [1, 2]; }\nconst data = load();\nconst n = data.length;", 2339, [awaitLine]);
  expectHelp("async function load() { return 1; }\nconst n: number = load();", 2322, [awaitLine]);
  expectHelp("async function load() { return [1]; }\nfor (const v of load()) { }", 2488, [awaitLine]);
});

test("errors the learner can read without help get none: wrong argument count, a misspelt method TS corrects, a string for a string", () => {
  for (const [src, code] of [
    ["function f(a: number) { return a; }\nf();", 2554],
    ["const e = Math.Exp(1);", 2551],
    ["const s: string = 5;", 2322],
    ["const o = { a: 1 };\nconst b = o.b;", 2339],
  ] as const) {
    const { lines, codes } = helpFor(src);
    assert.ok(codes.includes(code), `${src}: TS${code} expected, got ${codes.join(", ")}`);
    assert.deepEqual(lines, [], src);
  }
  assert.equal(explainDiagnostic({ code: 9999, messageText: "'print'" }), undefined);
  // the message's own words are never read: an English sentence naming print under another code gets nothing
  assert.equal(explainDiagnostic({ code: 2554, messageText: "Cannot find name 'print'." }), undefined);
  // names from Object.prototype are not Python habits
  assert.match(explainDiagnostic({ code: 2304, messageText: "Cannot find name 'constructor'." }) ?? "", /아직 정의되지 않았습니다/);
});

/** The error `body` throws when run as a function (V8's message, as in the browser). */
function thrown(body: string): { name: string; message: string } {
  try {
    new Function("require", body)(require);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`no error from ${body}`);
}

test("runtime errors (V8): an index past the end, undefined.x, not a function, not iterable", () => {
  const past = thrown("const W = [[1, 2], [3, 4]]; return W[2][0];");
  assert.equal(past.message, "Cannot read properties of undefined (reading '0')");
  assert.match(explainError(past) ?? "", /^💡 undefined의 \[0\]에 접근했습니다: 대개 그 앞의 인덱스가 배열의 범위를 벗어났습니다.*W\.length/);
  assert.match(explainError(thrown("const W = [[1]]; W[3][0] = 1;")) ?? "", /undefined의 \[0\].*범위를 벗어났습니다/);
  assert.match(explainError(thrown("let u; return u.x;")) ?? "", /undefined의 \.x에 접근했습니다: 값이 아직 없는 변수, return을 빠뜨린 함수/);
  assert.match(explainError(thrown("const n = null; return n.length;")) ?? "", /null의 \.length/);
  assert.match(explainError(thrown("const f = 3; return f();")) ?? "", /f는 함수가 아니라서/);
  assert.match(explainError(thrown("const x = 5; return x.map((v) => v);")) ?? "", /x\.map: 배열이 아닌 값에 \.map을 썼습니다/);
  assert.match(explainError(thrown("const n = 3; for (const i of n) { }")) ?? "", /for…of와 \[\.\.\.x\]는 배열에만/);
  assert.match(explainError(thrown("const c = 1; c = 2;")) ?? "", /const로 선언한 변수에는 다시 대입할 수 없습니다/);
});

test("runtime errors (V8): names not defined, used before their let, lengths, recursion, reduce, mathjs", () => {
  assert.match(explainError(thrown("return W9 + 1;")) ?? "", /'W9'는 아직 정의되지 않았습니다: 위의 셀을 먼저 실행하세요/);
  assert.match(explainError(thrown("return W9 + 1;"), { restarted: true }) ?? "", /커널이 다시 시작되어 앞 셀의 값이 사라졌습니다/);
  assert.match(explainError(thrown("return W9 + 1;"), { definedIn: () => "셀 [2]" }) ?? "", /셀 \[2\]에서 정의됩니다/);
  assert.match(explainError(thrown("print(1);")) ?? "", /console\.log/);
  assert.match(explainError(thrown("const a = y; let y = 1;")) ?? "", /'y'를 let\/const로 선언하는 줄보다 먼저/);
  assert.match(explainError(thrown("return new Array(-1);")) ?? "", /배열의 길이는 0 이상의 정수/);
  assert.match(explainError(thrown("function f() { return f(); } return f();")) ?? "", /재귀가 멈추는 조건/);
  assert.match(explainError(thrown("return [].reduce((a, b) => a + b);")) ?? "", /X\.reduce\(\(s, v\) => s \+ v, 0\)/);
  assert.match(explainError(thrown("const math = require('mathjs'); return math.exp([1, 2]);")) ?? "", /math\.map\(X, math\.exp\)/);
  assert.match(explainError(thrown("const math = require('mathjs'); return math.multiply([[1, 2]], [1, 2, 3]);")) ?? "",
    /행렬의 열 수\(2\)와 벡터의 길이\(3\)가 달라.*전치/);
});

test("the library's own errors and errors with nothing to add get no line", () => {
  let input: unknown;
  try { requireVector("a", "x"); } catch (e) { input = e; }
  assert.ok(input instanceof InputError);
  assert.equal(explainError(input as InputError), undefined);
  assert.equal(explainError(new Error("something else")), undefined);
  assert.equal(explainError({ name: "TypeError", message: "Converting circular structure to JSON" }), undefined);
});

test("silent numpy habits at run time: X * 2 is NaN, X + 1 a string — named by check() and by the input errors", () => {
  const X = [0.5, 0.3, 0.2];
  const times = new Function("X", "return X * 2;")(X) as number;
  const plus = new Function("X", "return X + 1;")(X) as string;
  assert.ok(Number.isNaN(times));
  assert.equal(plus, "0.5,0.3,0.21");
  // check(): a NaN where a vector was expected, a vector containing NaN, a number that is NaN, the string
  assert.match(compareValues("X2", times, [1, 0.6, 0.4]).hint, /NaN은 배열에 \*, -, \/, \*\*를 하거나.*numpy와 달리.*X\.map\(\(v\) => v \* 2\)/);
  assert.match(compareValues("o", [NaN, 1], [1, 1]).hint, /numpy와 달리/);
  assert.match(compareValues("s", NaN, 1).hint, /math\.multiply\(X, 2\)/);
  const s = compareValues("X1", plus, [1.5, 1.3, 1.2]);
  assert.equal(s.verdict, "shape");
  assert.match(s.hint, /쉼표로 이어진 숫자의 문자열은 배열에 \+를 한 결과입니다.*math\.add\(X, 1\)/);
  // the notebook's own hint comes after these (the value says what went wrong), a known wrong answer before
  assert.match(compareValues("X1", plus, [1.5, 1.3, 1.2], { hint: "내 힌트" }).hint, /math\.add/);
  assert.match(compareValues("d", [Infinity, 1], [1, 1]).hint, /Infinity/);
  assert.doesNotMatch(compareValues("d", [1, 3], [1, 2]).hint, /numpy/);
  // the library's input errors: x is the string, or has a NaN entry
  const d = lessonData();
  assert.throws(() => forward(d.weights, plus as unknown as number[]), (e: Error) =>
    e instanceof InputError && /^x는 숫자의 배열이어야 합니다\. 받은 값: "0\.5,0\.3,0\.21" — 쉼표로 이어진 숫자의 문자열은 배열에 \+를 한 결과입니다.* \/ x must be a list of numbers \(a string of comma-separated numbers is what array \+ number gives/.test(e.message));
  assert.throws(() => requireVector([NaN, 1], "x"), /x\[0\]은 유한한 숫자여야 합니다\. 받은 값: NaN — NaN은 배열에 \*.* \/ x\[0\] must be a finite number \(NaN is what/);
  assert.throws(() => requireVector("abc", "x"), (e: Error) => !/numpy/.test(e.message));
});

test("an error nothing awaited (tslab's UncaughtException / UnhandledPromiseRejection) says why it shows under another cell, then its own help", () => {
  const general = /^💡 아무도 기다리지 않은 곳에서 난 오류입니다 \(setTimeout 안, 또는 await하지 않은 Promise\).*마지막에 실행한 셀 아래에 나옵니다/;
  const thrownLate = explainLateError(new TypeError("Cannot read properties of undefined (reading 'x')")).split("\n");
  assert.equal(thrownLate.length, 2);
  assert.match(thrownLate[0], general);
  assert.match(thrownLate[1], /^💡 undefined의 \.x에 접근했습니다/);
  // a rejection with no Error in it, and an error the library explains itself (InputError), get the first line only
  assert.match(explainLateError(5), general);
  assert.equal(explainLateError(5).split("\n").length, 1);
  assert.equal(explainLateError(new InputError("not-positive", { what: "learningRate", v: 0 })).split("\n").length, 1);
});
