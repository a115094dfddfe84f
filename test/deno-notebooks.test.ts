// test tier: slow — needs the executed notebooks of npm run test:notebooks and test:notebooks:deno
/**
 * Every notebook, unchanged, under Deno's Jupyter kernel (`npm run test:notebooks -- --deno`, into
 * build/notebooks-deno/) against the same notebooks under tslab (build/notebooks/): no errors, the same
 * HTML outputs and exercise verdicts, and, cell by cell, the same printed text: stdout and the cell's
 * last value, which tslab prints on stdout and Deno sends as an execute_result. tslab shows a value only
 * when the cell ends in an expression; Deno also shows the completion value of a cell that ends in a
 * statement (a for loop shows its last assignment), so that one is left out. Numbers agree to 1e-12
 * relative, not to the last bit (the kernels run different V8 versions, whose Math.exp may round the
 * last bit differently); below 1e-15 in size they are rounding noise of the lesson's order-1 quantities
 * (Adam's loss reaches 0 under one kernel, 1.2e-32 under the other). Measured durations ("8.8 ms",
 * "0.15초") are never equal between two runs and are compared as text without their number.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { DENO_REPORT, NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";
import { NOTEBOOKS } from "../scripts/paths";
import { printedByCell, printedDifference } from "./printed";

test("printedDifference: text exact, numbers to 1e-12 relative", () => {
  assert.equal(printedDifference("loss 0.7970074218203818\n", "loss 0.7970074218203816\n"), undefined);
  assert.equal(printedDifference("[ 1, 2e-20 ]", "[ 1, 2.0000000000001e-20 ]"), undefined);
  assert.match(printedDifference("loss 0.79700742182\n", "loss 0.79700742183\n")!, /number 1/);
  assert.match(printedDifference("✔ Z1\n", "✘ Z1\n")!, /text differs at line 1/);
  assert.match(printedDifference("a 1\nb 2\n", "a 1\n")!, /line 2/);
  assert.equal(printedDifference("Adam 손실 0.00e+0, 8.8 ms, 0.15초", "Adam 손실 1.23e-32, 7.3 ms, 0.20초"), undefined);
  assert.match(printedDifference("손실 1e-14", "손실 2e-14")!, /number 1/);
});

const names = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
const tslab: NotebookReport = readReport(names, { answers: true });
const deno: NotebookReport = readReport(names, { answers: true }, DENO_REPORT);

test("the Deno run used Deno's kernel and the tslab run tslab", () => {
  assert.equal(deno.options.kernel, "deno");
  assert.equal(tslab.options.kernel ?? "tslab", "tslab");
});

for (const name of names) {
  test(`${name}: under Deno as under tslab`, (ctx) => {
    const d = deno.notebooks[name], t = tslab.notebooks[name];
    if (d.retried) ctx.diagnostic(`${name} ran twice under Deno: the first run met a kernel glitch (${d.retried})`);
    assert.deepEqual(d.first, [], `${name} under Deno, first run`);
    assert.deepEqual(d.again, [], `${name} under Deno, every cell again`);
    assert.equal(d.stderr.trim(), "", `${name} under Deno printed on stderr`);
    assert.equal(d.html, t.html, "HTML outputs (tables, plots, checks)");
    assert.deepEqual(
      d.exercises.map((e) => [e.cell, e.committed, e.answered, e.problem]),
      t.exercises.map((e) => [e.cell, e.committed, e.answered, e.problem]),
      "exercise verdicts, as committed and with the answer",
    );
    const [byDeno, byTslab] = [d, t].map((r) => printedByCell(r.executed!));
    assert.equal(byDeno.length, byTslab.length);
    assert.ok(byTslab.join("").trim().length > 0, "tslab printed something to compare");
    byTslab.forEach((text, k) => {
      const diff = printedDifference(byDeno[k], text);
      assert.equal(diff, undefined, `${name}, code cell ${k + 1}: Deno vs tslab printed output: ${diff}`);
    });
  });
}

test("the executed Deno copies are saved beside the report", () => {
  for (const name of names) {
    const file = deno.notebooks[name].executed;
    assert.ok(file && fs.existsSync(file), `${name}: executed copy`);
    assert.equal(path.dirname(file!), path.dirname(DENO_REPORT));
  }
});
