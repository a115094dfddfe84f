// test tier: slow — starts tslab kernels through the notebook driver
/**
 * The project's tslab kernel (scripts/jupyter/tslab-kernel.ts): tslab's type errors in Korean with their
 * code, and the library's line of help under a type error or a runtime error — first with tslab's executor
 * driven in this process (fast), then through the registered kernel on a small notebook (the real
 * thing: kernel.json, Jupyter, tslab's main). The kernel.json of both registrations starts it; Deno's
 * kernel is left as it is.
 */
import { after, before, test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { format } from "util";
import { installHooks } from "../scripts/jupyter/tslab-kernel";
import { TSLAB_KERNEL, kernelSpec } from "../scripts/jupyter/register-kernel";
import { runDriver } from "../scripts/jupyter/notebook-runs";
import { findNotebookPython } from "../scripts/jupyter/jupyter";
import { ROOT } from "./helpers";

const HANGUL = /[\uac00-\ud7a3]/;

interface Executor { execute(src: string): Promise<boolean>; close(): void }

let executor: Executor;
let printed: { out: string[]; err: string[] } = { out: [], err: [] };

before(() => {
  assert.equal(installHooks(), true, "TypeScript's Korean messages were found");
  const { createConverter } = require("tslab/dist/converter");
  const { createExecutor } = require("tslab/dist/executor");
  let node: unknown;
  const convs = { get node() { return (node ??= createConverter({ isJS: false, isBrowser: false })); }, get browser() { return this.node; }, close: () => (node as { close(): void } | undefined)?.close() };
  executor = createExecutor(path.join(ROOT, "notebooks"), convs, {
    log: (...a: unknown[]) => printed.out.push(format(...a)),
    error: (...a: unknown[]) => printed.err.push(format(...a)),
  });
});
after(() => executor?.close());

/** Runs one cell in the in-process tslab executor: whether it succeeded and what it printed on stderr. */
async function run(src: string): Promise<{ ok: boolean; stderr: string }> {
  printed = { out: [], err: [] };
  const ok = await executor.execute(src);
  return { ok, stderr: printed.err.join("\n") };
}

test("tslab's executor: a type error in Korean with its code, then one line of help", async () => {
  const c = await run("const c = 1; c = 2;");
  assert.equal(c.ok, false);
  const [first, help, ...rest] = c.stderr.split("\n");
  assert.equal(first, "1:14 - 상수이므로 'c'에 할당할 수 없습니다. (TS2588)");
  assert.match(help, /^💡 const로 선언한 변수에는 다시 대입할 수 없습니다: 값을 바꿀 변수라면 let으로 선언하세요/);
  assert.deepEqual(rest, []);
  const p = await run("print(1)");
  assert.match(p.stderr, /^1:1 - 'print' 이름을 찾을 수 없습니다\. \(TS2304\)\n💡 파이썬의 print\(x\)는 JavaScript에서 console\.log\(x\)입니다 \/ /);
  const w = await run("const y = W1[0];");
  assert.match(w.stderr, /\(TS2304\)\n💡 'W1'은 아직 정의되지 않았습니다: 위의 셀을 먼저 실행하세요 — ▶▶ 모두 실행/);
  const x = await run("const X = [0.5, 0.3, 0.2];\nconst X2 = X * 2;");
  assert.match(x.stderr, /^2:12 - 산술 연산의 왼쪽은 .* \(TS2362\)\n💡 배열에는 \*, -, \/, \*\*를 쓸 수 없습니다: numpy는 원소마다/);
  // the line's text reaches the help: `n % 5 = 0`
  assert.match((await run("let n = 10;\nn % 5 = 0")).stderr, /\(TS1005\)\n💡 =는 대입입니다/);
  // several diagnostics, each line of help once: for i in range(3):
  const loop = (await run("for i in range(3):\n  print(i)")).stderr.split("\n");
  assert.equal(loop.filter((l) => /\(TS\d+\)$/.test(l)).length, 6, loop.join("\n"));
  assert.deepEqual(loop.filter((l) => l.startsWith("💡")).map((l) => l.slice(0, 12)), ["💡 파이썬식 문법입니", "💡 range는 없습", "💡 파이썬의 prin"]);
  // a type error with nothing to add: Korean and its code, no line of help
  const args = await run("function f(a: number) { return a; }\nf();");
  assert.equal(args.stderr, "2:1 - 1개의 인수가 필요한데 0개를 가져왔습니다. (TS2554)");
});

test("tslab's executor: a runtime error keeps V8's English and its stack, then one line of help; the library's InputError gets none", async () => {
  const past = await run("const W = [[1, 2], [3, 4]];\nconst v = W[2][0];");
  assert.equal(past.ok, false);
  assert.match(past.stderr, /^TypeError: Cannot read properties of undefined \(reading '0'\)\n\s+at /m);
  const last = past.stderr.split("\n").pop()!;
  assert.match(last, /^💡 undefined의 \[0\]에 접근했습니다: 대개 그 앞의 인덱스가 배열의 범위를 벗어났습니다/);
  const input = await run('import { requireVector } from "nn-lesson/dist/internal";\nrequireVector([0.5, 0.3, 0.2] + "1" as unknown, "x");');
  assert.equal(input.ok, false);
  assert.equal(input.stderr.split("\n").length, 1, input.stderr);
  assert.match(input.stderr, /^입력 오류: x는 숫자의 배열이어야 합니다\. 받은 값: "0\.5,0\.3,0\.21" — 쉼표로 이어진 숫자의 문자열은 배열에 \+를 한 결과입니다/);
  const fine = await run("const ok = [1, 2].map((v) => v * 2);\nok.length");
  assert.deepEqual([fine.ok, fine.stderr], [true, ""]);
});

test("tslab's is_complete check still sees an unfinished block (it reads English messages), and the diagnostics stay Korean", async () => {
  const { isCompleteCode } = require("tslab/dist/converter");
  assert.equal(isCompleteCode("for (let i = 0; i < 3; i++) {").completed, false);
  assert.equal(isCompleteCode("const a = [1,").completed, false);
  assert.equal(isCompleteCode("const a = 1;").completed, true);
  assert.match((await run("const d = 1; d = 2;")).stderr, /상수이므로/);
});

test("kernel.json (the project's and kernel-install's) starts tslab through tslab-kernel.js; Deno's is unchanged", () => {
  const spec = kernelSpec("tslab")!;
  assert.deepEqual(spec.argv, [process.execPath, TSLAB_KERNEL, "kernel", "--config-path", "{connection_file}"]);
  assert.equal(TSLAB_KERNEL, path.join(ROOT, "build", "scripts", "jupyter", "tslab-kernel.js"));
  assert.ok(fs.existsSync(TSLAB_KERNEL));
  const deno = kernelSpec("deno");
  if (deno) assert.deepEqual(deno.argv.slice(1), ["jupyter", "--kernel", "--conn", "{connection_file}"]);
});

test("the registered kernel on a notebook: Korean type errors with help, runtime errors with help (also one nothing awaited), nothing on stderr when all is well", async (t) => {
  if (!findNotebookPython()) {
    t.skip("jupyter_client is not installed here");
    return;
  }
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-tslab-kernel-"));
  try {
    const cells = [
      "const c = 1; c = 2;",
      "print(1)",
      "const y = W1[0];",
      "const X = [0.5, 0.3, 0.2];\nconst X2 = X * 2;",
      "const W = [[1, 2], [3, 4]];\nconst v = W[2][0];",
      "console.log([1, 2].length);",
      // thrown where nothing awaits it: tslab's own handler prints it, then the help
      "setTimeout(() => { (undefined as any).x; }, 20);\nawait new Promise((r) => setTimeout(r, 300));",
    ];
    fs.writeFileSync(path.join(dir, "errors.ipynb"), JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: cells.map((source, i) => ({ id: `c${i}`, cell_type: "code", metadata: {}, source, outputs: [], execution_count: null })),
    }));
    const log: string[] = [];
    const code = await runDriver(["--out", path.join(dir, "out"), path.join(dir, "errors.ipynb")], (l) => log.push(l));
    assert.equal(code, 1, log.join("\n"));
    const nb = JSON.parse(fs.readFileSync(path.join(dir, "out", "errors.ipynb"), "utf8"));
    const stderr = nb.cells.map((c: { outputs: { name?: string; text?: string | string[] }[] }) =>
      c.outputs.filter((o) => o.name === "stderr").map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text ?? "")).join(""));
    assert.match(stderr[0], /^1:14 - 상수이므로 'c'에 할당할 수 없습니다\. \(TS2588\)\n💡 const로 선언한 변수에는/);
    assert.match(stderr[1], /\(TS2304\)\n💡 파이썬의 print\(x\)는 JavaScript에서 console\.log\(x\)입니다/);
    assert.match(stderr[2], /'W1' 이름을 찾을 수 없습니다\. \(TS2304\)\n💡 'W1'은 아직 정의되지 않았습니다: 위의 셀을 먼저 실행하세요/);
    assert.match(stderr[3], /\(TS2362\)\n💡 배열에는 \*, -, \/, \*\*를 쓸 수 없습니다/);
    assert.match(stderr[4], /TypeError: Cannot read properties of undefined \(reading '0'\)[\s\S]*\n💡 undefined의 \[0\]에 접근했습니다/);
    assert.equal(stderr[5], "");
    assert.match(stderr[6], /^UncaughtException: TypeError: Cannot read properties of undefined \(reading 'x'\)[\s\S]*\n💡 아무도 기다리지 않은 곳에서 난 오류입니다[^\n]*\n💡 undefined의 \.x에 접근했습니다/);
    for (const s of stderr.slice(0, 5)) assert.match(s.split("\n").find((l: string) => l.startsWith("💡")) ?? "", HANGUL);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
