// test tier: slow — starts the notebook driver and tslab kernels
/** The notebook driver (scripts/jupyter/run_notebooks.py) reports what it must report. */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { NotebookReport, runDriver } from "../scripts/jupyter/notebook-runs";
import { ROOT } from "./helpers";
import { ANSWER_BEGIN, ANSWER_END, CELL_METADATA_KEY } from "nn-lesson/dist/display/markers";

let dir: string;
let report: NotebookReport;
const printed: string[] = [];
let code: number;

const cell = (source: string) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null });
const markdown = (source: string) => ({ cell_type: "markdown", metadata: {}, source });
/** An exercise (lib/display/markers.ts): its answer cell and the cell with the marked region. */
const exercise = (id: string, answer: string, before: string, todo: string, after: string) => [
  { ...markdown(`연습\n\n<details><summary>정답 보기</summary>\n\n\`\`\`ts\n${answer}\n\`\`\`\n</details>`),
    metadata: { [CELL_METADATA_KEY]: { answer: id } } },
  { ...cell(`${before}${ANSWER_BEGIN}\n${todo} // TODO\n${ANSWER_END}\n${after}`),
    metadata: { [CELL_METADATA_KEY]: { exercise: id } } },
];
const notebook = (cells: object[]) => JSON.stringify({
  nbformat: 4, nbformat_minor: 5,
  metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
  cells,
});

before(async () => {
  dir = fs.mkdtempSync(path.join(ROOT, ".tmp-runner-"));
  fs.writeFileSync(path.join(dir, "rerun.ipynb"), notebook([
    cell('import { sigmoid, check } from "nn-lesson/dist/internal";\nconsole.log("s0", sigmoid(0));'),
    ...exercise("half", "const half = sigmoid(0);", "", "const half = 0;", 'check("half", half, 0.5);'),
    // tslab answers "abort" to the request after a failed one, so this comes last
    cell("let runs = (globalThis as any).runs = ((globalThis as any).runs ?? 0) + 1;\nif (runs > 1) throw new Error(\"second run\");"),
  ]));
  // an exercise whose check() shows nothing: the driver says so, naming notebook and cell
  fs.writeFileSync(path.join(dir, "silent.ipynb"), notebook([
    cell('import { sigmoid } from "nn-lesson/dist/internal";'),
    ...exercise("quiet", "const q = sigmoid(0);", "", "const q = 0;", "console.log(q);"),
  ]));
  fs.writeFileSync(path.join(dir, "typed.ipynb"), notebook([cell('console.log("ok")'), cell('const typed: number = "not a number";'), cell('console.log("after")')]));
  const file = path.join(dir, "report.json");
  code = await runDriver(["--jobs", "2", "--answers", "--out", path.join(dir, "out"), "--report", file,
    ...["rerun.ipynb", "typed.ipynb", "silent.ipynb"].map((f) => path.join(dir, f))], (l) => printed.push(l));
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
  assert.ok(printed.some((l) => /^\s+\[\d\/3\] typed\.ipynb FAILED/.test(l)), printed.join("\n"));
  // the cell right after the failed one: tslab answered "abort" to it for a while, the driver ran it again
  assert.equal(t.first.length, 1, t.first.join("\n"));
  assert.match(t.stdout, /^ok\nafter\n$/);
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

test("an exercise that shows no verdict fails its notebook, naming notebook and cell", () => {
  const [ex] = report.notebooks["silent.ipynb"].exercises;
  assert.equal(ex.cell, 2);
  assert.deepEqual(ex.committed, []);
  assert.match(ex.problem, /^silent\.ipynb 셀 2 \(cell 2\): .*판정.*\(no verdict\)$/);
  assert.ok(printed.some((l) => /^\s+\[\d\/3\] silent\.ipynb FAILED/.test(l)), printed.join("\n"));
});
