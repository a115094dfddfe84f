/**
 * The page runner's cell compiler (scripts/runner/compile.ts): a cell runs like a tslab cell.
 * Here the compiled body runs in Node inside `with (scope)`, as the worker runs it.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import { CellSyntaxError, compileCell, runCell } from "../scripts/runner/compile";

/** A tiny kernel: one scope for all cells, modules from a table. */
function kernel(modules: Record<string, unknown> = {}) {
  const scope: Record<string, unknown> = Object.create(null);
  const requireModule = (name: string) => {
    if (!(name in modules)) throw new Error(`no module ${name}`);
    return modules[name];
  };
  return async (code: string) => {
    const cell = compileCell(code);
    const value = await runCell(cell, scope, requireModule, (m) => (m as { default?: unknown }).default ?? m);
    return { value, cell, scope };
  };
}

test("types are stripped; top-level names reach later cells; a const cell runs again", async () => {
  const run = kernel();
  await run("const a: number = 2;\nlet b = a * 3;\nfunction twice(x: number): number { return 2 * x; }");
  assert.equal((await run("twice(b)")).value, 12);
  await run("const a: number = 5;"); // running a const cell again is fine, as in tslab
  assert.equal((await run("a + b")).value, 11);
  const r = await run("interface P { x: number }\ntype Q = P;\nconst p: Q = { x: 1 } as Q;\np.x");
  assert.equal(r.value, 1);
});

test("functions are hoisted, classes and destructuring declare names, the last expression is the value", async () => {
  const run = kernel();
  const r = await run("const y = f(3);\nfunction f(n: number) { return n + 1; }\nclass C { v = 7 }\nconst { u, w: [v1] } = { u: 1, w: [2] };\ny + u + v1 + new C().v");
  assert.equal(r.value, 4 + 1 + 2 + 7);
  assert.deepEqual(r.cell.names.sort(), ["C", "f", "u", "v1", "y"]);
  assert.equal(r.cell.returnsValue, true);
  assert.equal((await run("const z = 1;")).cell.returnsValue, false);
});

test("imports: named, renamed, namespace, default; imported names reach later cells", async () => {
  const run = kernel({ "nn-lesson": { sigmoid: (a: number) => 1 / (1 + Math.exp(-a)), DEFAULT_SEED: "s" }, mathjs: { sqrt: Math.sqrt }, d: { default: 42 } });
  const r = await run('import { sigmoid, DEFAULT_SEED as seed } from "nn-lesson";\nimport * as math from "mathjs";\nimport answer from "d";\nimport type { Matrix } from "nn-lesson";');
  assert.deepEqual(r.cell.modules, ["nn-lesson", "mathjs", "d"]);
  assert.equal((await run("sigmoid(0) + math.sqrt(4) + answer + seed.length")).value, 0.5 + 2 + 42 + 1);
});

test("top-level await, and a syntax error is one line with its position", async () => {
  const run = kernel();
  assert.equal((await run("const v = await Promise.resolve(3);\nv * 2")).value, 6);
  assert.throws(() => compileCell("const = 1;"), (e: Error) => e instanceof CellSyntaxError && /\(1:7\)/.test(e.message) && !e.message.includes("\n"));
  assert.throws(() => compileCell("export const q = 1;"), /export는 노트북 셀에서 쓸 수 없습니다/);
});
