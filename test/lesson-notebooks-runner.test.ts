// test tier: slow — starts the notebook driver and tslab kernels
/** The notebook driver (scripts/jupyter/run_notebooks.py) reports what it must report. */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { NotebookReport, runDriver } from "../scripts/jupyter/notebook-runs";
import { ROOT } from "./helpers";

let dir: string;
let report: NotebookReport;
const printed: string[] = [];
let code: number;

const cell = (source: string) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null });
const markdown = (source: string) => ({ cell_type: "markdown", metadata: {}, source });
const notebook = (cells: object[]) => JSON.stringify({
  nbformat: 4, nbformat_minor: 5,
  metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
  cells,
});

before(async () => {
  dir = fs.mkdtempSync(path.join(ROOT, ".tmp-runner-"));
  fs.writeFileSync(path.join(dir, "rerun.ipynb"), notebook([
    cell('import { sigmoid, check } from "nn-lesson/dist/internal";\nconsole.log("s0", sigmoid(0));'),
    markdown("연습\n\n<details><summary>정답 보기</summary>\n\n```ts\nconst half = sigmoid(0);\n```\n</details>"),
    cell('const half = 0; // TODO\ncheck("half", half, 0.5);'),
    // tslab answers "abort" to the request after a failed one, so this comes last
    cell("let runs = (globalThis as any).runs = ((globalThis as any).runs ?? 0) + 1;\nif (runs > 1) throw new Error(\"second run\");"),
  ]));
  fs.writeFileSync(path.join(dir, "typed.ipynb"), notebook([cell('console.log("ok")'), cell('const typed: number = "not a number";'), cell('console.log("after")')]));
  const file = path.join(dir, "report.json");
  code = await runDriver(["--jobs", "2", "--answers", "--out", path.join(dir, "out"), "--report", file,
    path.join(dir, "rerun.ipynb"), path.join(dir, "typed.ipynb")], (l) => printed.push(l));
  report = JSON.parse(fs.readFileSync(file, "utf8"));
});

after(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the driver reports compile and runtime errors by cell, on the first and the second run, and collects output", () => {
  const r = report.notebooks["rerun.ipynb"];
  assert.match(r.stdout, /s0 0\.5/);
  assert.deepEqual(r.first, []);
  assert.equal(r.cellSeconds.length, 3);
  assert.ok(r.seconds !== null);
  assert.deepEqual(r.again.map((e) => e.replace(/: .*/, "")), ["cell 3 (second run)"]);
  assert.match(r.again[0], /^cell 3 \(second run\): error: .*second run/);
  const t = report.notebooks["typed.ipynb"];
  // tslab's type errors are Korean, with their code (scripts/jupyter/tslab-kernel.ts)
  assert.match(t.first[0], /^cell 1: error: .*'number' 형식에 할당할 수 없습니다\. \(TS2322\)$/);
  assert.equal(code, 1, "a failed notebook fails the command");
  assert.ok(printed.some((l) => /^\s+\[\d\/2\] typed\.ipynb FAILED/.test(l)), printed.join("\n"));
  assert.ok(printed.some((l) => /^\s+cell 1: error: .*할당할 수 없습니다/.test(l)), "the error is printed under the notebook's name");
});

test("the driver saves the first run's outputs and records the exercise's verdicts with and without its answer", () => {
  const saved = JSON.parse(fs.readFileSync(path.join(dir, "out", "rerun.ipynb"), "utf8"));
  const code = saved.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
  assert.deepEqual(code.map((c: { execution_count: number }) => c.execution_count), [1, 2, 3]);
  const stderr = code.flatMap((c: { outputs: { name?: string }[] }) => c.outputs).filter((o: { name?: string }) => o.name === "stderr");
  assert.deepEqual(stderr, [], "the second run's error is not in the saved copy");
  assert.deepEqual(report.notebooks["rerun.ipynb"].exercises,
    [{ cell: 2, committed: ["wrong"], answered: ["exact"], answerErrors: [], problem: "" }]);
});
