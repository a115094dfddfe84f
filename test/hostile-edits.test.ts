// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * Every "직접 해 보기" cell, edited the way a learner might break it (test/fixtures/hostile-edits.ts:
 * learning rate 0, −1, NaN, 1e9; iterations 0, 2.5, 10⁷; layer sizes [3], [3, 0, 2], [3, 2.5, 2];
 * a seed of ""; x or y of the wrong length; …), gives either
 *  - a sensible result: the cell runs, prints nothing on stderr and no NaN, and its output stays small; or
 *  - ONE line on stderr, Korean first ("입력 오류: …", the English after " / "), naming the variable and
 *    what is allowed (the pattern of the spec), with no stack trace into lib/;
 * and never hangs (the driver gives each variant HOSTILE_TIMEOUT seconds).
 * `npm run test:notebooks` runs the edited cells last in each notebook's kernel (run_notebooks.py --variants);
 * this test reads them from build/notebooks/report.json.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { TRY_IT, planHostile } from "./fixtures/hostile-edits";
import { NotebookReport, TEST_RUN_COMMAND, VariantRun, readReport } from "../scripts/jupyter/notebook-runs";
import { ROOT } from "./helpers";

const HANGUL = /[\uac00-\ud7a3]/;
/** Most bytes one edited cell may write into the notebook (07 with 10⁵ iterations once wrote 9 MB). */
const MAX_OUTPUT_BYTES = 1_000_000;
const joined = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join("") : t ?? "");

let report: NotebookReport | undefined;
const runs = () => (report ??= readReport([...new Set(TRY_IT.map((t) => t.notebook))])).notebooks;

test("every notebook with a 직접 해 보기 section has its try-it cells in the hostile-edit spec", () => {
  const dir = path.join(ROOT, "notebooks");
  for (const f of fs.readdirSync(dir).filter((n) => /^(0[1-9]|1\d)[a-z]?-.*\.ipynb$/.test(n))) {
    const md = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).cells
      .filter((c: { cell_type: string }) => c.cell_type === "markdown").map((c: { source: string[] }) => joined(c.source)).join("\n");
    if (md.includes("## 직접 해 보기")) assert.ok(TRY_IT.some((t) => t.notebook === f), `${f} has a 직접 해 보기 section but no hostile edits`);
  }
  const kinds = TRY_IT.flatMap((t) => t.edits.map((e) => e.label)).join(" ");
  for (const k of ["학습률 0", "학습률 −1", "학습률 NaN", "학습률 1e9", "반복 0번", "반복 2.5번", "반복 10⁷번", "층의 크기 [3]",
    "층의 크기 [3, 0, 2]", "층의 크기 [3, 2.5, 2]", '시드 ""', "x의 원소", "y의 원소"]) {
    assert.ok(kinds.includes(k), `no hostile edit "${k}"`);
  }
});

test("the plan makes each edit exactly where the spec says, and refuses an edit whose text is gone", () => {
  const plan = planHostile();
  for (const t of TRY_IT) {
    const variants = plan[t.notebook].filter((v) => v.source.includes(t.marker) || t.edits.some((e) => e.label === v.label));
    assert.ok(variants.length >= t.edits.length);
  }
  const [v] = planHostile([{ notebook: "04-gradient-descent.ipynb", marker: "const myAlpha = 100;",
    edits: [{ label: "α = 0", replace: [["const myAlpha = 100;", "const myAlpha = 0;"]], expect: "ok" }] }])["04-gradient-descent.ipynb"];
  assert.match(v.source, /^const myAlpha = 0;$/m);
  assert.doesNotMatch(v.source, /myAlpha = 100/);
  assert.throws(() => planHostile([{ notebook: "04-gradient-descent.ipynb", marker: "const myAlpha = 100;",
    edits: [{ label: "x", replace: [["no such text", "y"]], expect: "ok" }] }]), /"no such text" occurs 0 times, expected once/);
});

for (const tryIt of TRY_IT) {
  test(`${tryIt.notebook} (${tryIt.marker.slice(0, 40)}): every hostile edit gives a result or one Korean line`, (t) => {
    const r = runs()[tryIt.notebook];
    const planned = planHostile([tryIt])[tryIt.notebook];
    const redo = `run \`${TEST_RUN_COMMAND}\` again`;
    assert.ok(r.variants, `${tryIt.notebook}: the report has no hostile edits: ${redo}`);
    for (const [k, e] of tryIt.edits.entries()) {
      const where = `${tryIt.notebook}, edit "${e.label}"`;
      const v: VariantRun | undefined = r.variants!.find((x) => x.label === e.label && x.cell === planned[k].cell);
      assert.ok(v, `${where} did not run (${[...r.first, ...r.again].join("; ") || redo})`);
      assert.equal(v!.source, planned[k].source, `${where}: the edited cell changed since the report: ${redo}`);
      const failed = v!.errors.length > 0;
      t.diagnostic(`${e.label}: ${failed ? v!.stderr.trim() : "ok"} (${v!.seconds} s, ${(v!.outputBytes / 1000).toFixed(0)} kB)`);
      assert.doesNotMatch(v!.stderr, /^\s+at |\blib\/|dist\/|\.js:\d/m, `${where}: a stack trace on stderr:\n${v!.stderr}`);
      assert.ok(v!.outputBytes < MAX_OUTPUT_BYTES, `${where}: ${v!.outputBytes} bytes of output`);
      if (e.expect === "ok") {
        assert.ok(!failed, `${where}: expected a result, got an error: ${v!.errors.join("; ")} ${v!.stderr}`);
        assert.equal(v!.stderr, "", `${where}: something on stderr`);
        assert.doesNotMatch(v!.stdout, /NaN/, `${where}: NaN printed`);
        if (e.stdout) assert.match(v!.stdout, new RegExp(e.stdout, "m"), `${where}: the cell did not print what it should`);
      } else {
        assert.ok(failed, `${where}: expected a Korean error line, but the cell ran (stdout: ${v!.stdout.slice(0, 200)})`);
        assert.doesNotMatch(v!.errors[0], /^abort/, `${where}: tslab aborted the cell instead of running it`);
        const lines: string[] = v!.stderr.split("\n").filter((l: string) => l.trim());
        assert.equal(lines.length, 1, `${where}: expected one line on stderr, got ${lines.length}:\n${v!.stderr}`);
        const [line] = lines;
        assert.match(line, /^입력 오류: /, `${where}: the line does not start with "입력 오류: ": ${line}`);
        const korean = line.split(" / ")[0];
        assert.match(korean, HANGUL, `${where}: the part before " / " is not Korean: ${line}`);
        assert.match(korean, new RegExp(e.expect), `${where}: the message does not say what the spec expects (${e.expect}): ${line}`);
      }
    }
  });
}
