/**
 * Exactness that holds in every engine (issue 15): a notebook cell that spells a computation out and
 * promises "정확히 일치" with the library must do the same multiplications and additions, grouped the
 * same way, as the library. Then the two agree to the last bit whatever the engine's Math.exp does
 * (Node 20/22/24 agree with each other; Chromium and Deno differ from them in the last bit of Math.exp
 * for about one argument in ten, and Node 24 from Node 20/22 in x ** n for whole n other than 0, 1, 2).
 *
 * Here the notebook's own cells run (types stripped by TypeScript's transpileModule) beside the library:
 *  - 07's loop (cells "let [W1, W2, W3] = …" and "for (let i = 0; i < lesson.iterations; …)") against train(),
 *  - 06's deltas against hiddenDelta(),
 * for the lesson's data and for other weights and learning rates, with Node's Math.exp and with a
 * Math.exp that is one ulp off for some arguments (another engine's, as far as exactness goes).
 * A cell that groups `Z * (1 - Z)` first, or adds in another order, fails here under Node, although
 * with the lesson's data alone it may agree by luck in one engine and not in another.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import * as math from "mathjs";
import * as ts from "typescript";
import { cloneMatrices, forward, hiddenDelta, initWeights, lessonData, outer, train } from "nn-lesson";
import { ROOT } from "./helpers";

interface Cell { cell_type: string; source: string | string[] }
const codeCells = (name: string): string[] =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, "notebooks", name), "utf8")) as { cells: Cell[] }).cells
    .filter((c) => c.cell_type === "code").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source));

/** The one code cell of `name` that matches `re`, as JavaScript. */
function cellJs(name: string, re: RegExp): string {
  const found = codeCells(name).filter((s) => re.test(s));
  assert.equal(found.length, 1, `${name}: one code cell matching ${re}`);
  return ts.transpileModule(found[0], { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
}

/** A function of `params` that runs `js` and returns the object `result` names. */
function asFunction(params: string[], js: string, result: string): (...args: unknown[]) => Record<string, unknown> {
  return new Function(...params, `${js}\nreturn ${result};`) as (...args: unknown[]) => Record<string, unknown>;
}

/** Math.exp, one ulp up or down for about one argument in four (chosen by the argument's bits). */
function otherEnginesExp(exp: (x: number) => number): (x: number) => number {
  const f = new Float64Array(1), u = new Uint32Array(f.buffer), b = new BigInt64Array(f.buffer);
  return (x) => {
    f[0] = x;
    let h = Math.imul(u[0] ^ Math.imul(u[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    const r = exp(x);
    if ((h & 3) !== 0 || !Number.isFinite(r) || r === 0 || Number.isInteger(r)) return r;
    f[0] = r;
    b[0] += h & 4 ? 1n : -1n;
    return f[0];
  };
}

/** Run `body` with Math.exp replaced by `exp` (the library and the cell both call Math.exp). */
function withExp<T>(exp: (x: number) => number, body: () => T): T {
  const original = Math.exp;
  Math.exp = exp;
  try { return body(); } finally { Math.exp = original; }
}

const lesson = lessonData();
const engines: [string, (x: number) => number][] = [["Node's Math.exp", Math.exp], ["another engine's Math.exp", otherEnginesExp(Math.exp)]];
const starts: { label: string; weights: number[][][]; learningRate: number; iterations: number }[] = [
  { label: "the lesson's weights, α = 0.1", weights: lesson.weights, learningRate: lesson.learningRate, iterations: lesson.iterations },
  ...["1", "2", "3", "4"].flatMap((seed) => [3, 10].map((learningRate) => (
    { label: `seed "${seed}", α = ${learningRate}`, weights: initWeights([3, 2, 3, 2], seed), learningRate, iterations: 300 }))),
];

test("07: the spelled-out loop (mathjs, Math.exp) gives train()'s losses and weights to the last bit, in any engine's Math.exp", () => {
  const name = "07-training-loop.ipynb";
  const setup = cellJs(name, /let \[W1, W2, W3\] = cloneMatrices\(lesson\.weights\)/);
  const loop = cellJs(name, /^for \(let i = 0; i < lesson\.iterations; i\+\+\)/);
  const run = asFunction(["math", "lesson", "X", "Y", "outer", "cloneMatrices"], `${setup}\n${loop}`, "{ losses, W: [W1, W2, W3] }");
  const differ: string[] = [];
  for (const [engine, exp] of engines) {
    for (const s of starts) {
      const cellLesson = { ...lesson, weights: s.weights, learningRate: s.learningRate, iterations: s.iterations };
      const [ours, lib] = withExp(exp, () => [
        run(math, cellLesson, lesson.x, lesson.y, outer, cloneMatrices),
        train({ weights: s.weights, x: lesson.x, y: lesson.y, learningRate: s.learningRate, iterations: s.iterations }),
      ] as const);
      const first = (ours.losses as number[]).findIndex((l, i) => !Object.is(l, lib.loss[i]));
      if (first >= 0) differ.push(`${s.label}, ${engine}: losses from iteration ${first}`);
      else if (!isDeepStrictEqual(ours.W, lib.weights)) differ.push(`${s.label}, ${engine}: final weights`);
    }
  }
  assert.deepEqual(differ, [], "the cell's loop and train() differ (see how the cell groups its products and sums)");
});

test("06: the spelled-out deltas (math.dotMultiply) equal hiddenDelta() to the last bit", () => {
  const js = cellJs("06-hidden-delta.ipynb", /const delta1 = /);
  const run = asFunction(["math", "W2", "W3", "X", "Y", "Z1", "Z2", "Z3", "outer", "hiddenDelta", "console", "showTables", "check"], js, "{ delta2, delta1 }");
  const quiet = { log: () => {} }, nothing = () => {};
  for (const s of starts) {
    const [, W2, W3] = s.weights;
    const [Z1, Z2, Z3] = forward(s.weights, lesson.x).Z;
    const ours = run(math, W2, W3, lesson.x, lesson.y, Z1, Z2, Z3, outer, hiddenDelta, quiet, nothing, nothing);
    const delta3 = Z3.map((o, k) => (o - lesson.y[k]) * o * (1 - o));
    const delta2 = hiddenDelta(W3, delta3, Z2);
    assert.deepEqual(ours.delta2, delta2, `${s.label}: delta2`);
    assert.deepEqual(ours.delta1, hiddenDelta(W2, delta2, Z1), `${s.label}: delta1`);
  }
});
