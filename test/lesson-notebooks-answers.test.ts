// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * The "정답 보기" answers of notebooks 00b, 00c, 01–11 and 07b really are answers: for every exercise cell
 * (metadata "nn-lesson": {"exercise": ID}), the ```ts blocks of its answer cell replace its marked regions
 * (`// ▼ 여기에 답을 쓰세요` … `// ▲ 여기까지`), and
 *  - the exercise as committed shows at least one ✘ from check()/checkFunction(),
 *  - the exercise with the answer shows only ✔ (and at least one).
 * The driver (scripts/jupyter/run_notebooks.py --answers) runs each answered exercise right after
 * re-running the exercise in the second pass of `npm run test:notebooks`; the verdicts are read from its
 * report. The substitution itself and every notebook's markers: test/answer-regions.test.ts (fast).
 * Outside the exercises no check shows ✘: demonstrations that compare two different things use
 * expectDifferent ("≠ 다름 — 예상대로"), and none of those turned out equal.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import { NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";

const LESSON = [
  "00b-typescript-for-numpy", "00c-perceptron",
  "01-model-setup", "02-forward", "03-mse", "04-gradient-descent", "05-output-delta", "06-hidden-delta", "07-training-loop", "07b-value-autodiff",
  "08-optimizers", "09-binary-classification", "10-softmax-classification", "11-autodiff-crosscheck", "12-mnist",
].map((n) => `${n}.ipynb`);

let report: NotebookReport | undefined;
const runs = () => (report ??= readReport(LESSON, { rerun: true, answers: true })).notebooks;

for (const f of LESSON) {
  test(`${f}: every exercise shows ✘ as committed and only ✔ with the "정답 보기" answer`, () => {
    const r = runs()[f];
    assert.ok(r.exercises.length > 0, `${f}: no exercise cell`);
    for (const e of r.exercises) {
      assert.equal(e.problem, "", `${f} cell ${e.cell}: ${e.problem}`);
      assert.deepEqual(e.answerErrors, [], `${f} cell ${e.cell} with the answer: errors`);
      const bad = e.committed.filter((v) => v === "wrong" || v === "shape");
      assert.ok(bad.length > 0, `${f} cell ${e.cell}: the exercise as committed shows no ✘`);
      assert.ok(e.answered.length > 0, `${f} cell ${e.cell}: the answer shows no check result`);
      assert.deepEqual(e.answered.filter((v) => v !== "exact" && v !== "approximate"), [],
        `${f} cell ${e.cell}: the answer does not pass every check`);
    }
  });
}

for (const f of LESSON) {
  test(`${f}: outside the exercises every check is ✔, and every expected difference is "다름 — 예상대로"`, () => {
    const r = runs()[f];
    assert.ok(r.executed, `${f}: no executed copy`);
    const cells: { cell_type: string; outputs?: { data?: Record<string, unknown> }[] }[] = JSON.parse(fs.readFileSync(r.executed!, "utf8")).cells;
    const exercises = new Set(r.exercises.map((e) => e.cell));
    const bad: string[] = [];
    cells.forEach((c, i) => {
      if (c.cell_type !== "code" || exercises.has(i)) return;
      const html = (c.outputs ?? []).map((o) => String(o.data?.["text/html"] ?? "")).join("");
      for (const m of html.matchAll(/data-verdict="(\w+)"[^>]*>([^<]*)/g)) {
        if (!["exact", "approximate", "different"].includes(m[1])) bad.push(`cell ${i}: ${m[1]}: ${m[2]}`);
      }
    });
    assert.deepEqual(bad, [], `${f}: a red ✘ outside the exercises`);
  });
}
