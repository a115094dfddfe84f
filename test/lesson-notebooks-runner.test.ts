/** The notebook runner (test/notebook-runner.ts) reports errors it must report. */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";
import { runNotebooksTwice } from "./notebook-runner";

test("the runner reports compile and runtime errors by cell, on the first and the second run, and collects output", async () => {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-runner-"));
  try {
    const cell = (source: string) => ({ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null });
    const notebook = (cells: string[]) => JSON.stringify({
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: cells.map(cell),
    });
    const rerun = path.join(dir, "rerun.ipynb"), typed = path.join(dir, "typed.ipynb");
    fs.writeFileSync(rerun, notebook([
      'import { sigmoid } from "nn-lesson/dist/internal";\nconsole.log("s0", sigmoid(0));',
      "let runs = (globalThis as any).runs = ((globalThis as any).runs ?? 0) + 1;\nif (runs > 1) throw new Error(\"second run\");",
    ]));
    fs.writeFileSync(typed, notebook(['console.log("ok")', 'const typed: number = "not a number";', 'console.log("after")']));
    const r = await runNotebooksTwice([rerun, typed]);
    assert.match(r["rerun.ipynb"].stdout, /s0 0\.5/);
    assert.deepEqual(r["rerun.ipynb"].first, []);
    assert.equal(r["rerun.ipynb"].cellSeconds.length, 2);
    assert.ok(r["rerun.ipynb"].seconds !== null);
    assert.match(r["rerun.ipynb"].again.join("; "), /^cell 1 \(second run\): error: .*second run/);
    const t = r["typed.ipynb"];
    assert.match(t.first[0], /^cell 1: error: .*not assignable to type 'number'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
