// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * The "정답 보기" answers of notebooks 00b, 00c, 01–11 and 07b really are answers: for every exercise cell with a TODO,
 * the code in the <details> block of the markdown cell just before it replaces the matching declarations
 * (`function name(…) {…}` or `const name = …;`), and
 *  - the exercise as committed shows at least one ✘ from check()/checkFunction(),
 *  - the exercise with the answer shows only ✔ (and at least one).
 * The driver (scripts/jupyter/run_notebooks.py --answers) runs each answered exercise right after
 * re-running the exercise in the second pass of `npm run test:notebooks`; the verdicts are read from its
 * report. The substitution itself is checked through `run_notebooks.py --print-answers` (no kernel).
 * Outside the exercises no check shows ✘: demonstrations that compare two different things use
 * expectDifferent ("≠ 다름 — 예상대로"), and none of those turned out equal.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { NotebookReport, readReport, runDriver } from "../scripts/jupyter/notebook-runs";
import { ROOT } from "./helpers";

const LESSON = [
  "00b-typescript-for-numpy", "00c-perceptron",
  "01-model-setup", "02-forward", "03-mse", "04-gradient-descent", "05-output-delta", "06-hidden-delta", "07-training-loop", "07b-value-autodiff",
  "08-optimizers", "09-binary-classification", "10-softmax-classification", "11-autodiff-crosscheck", "12-mnist",
].map((n) => `${n}.ipynb`);

interface Answered { cell: number; answered: string | null; error: string | null }

/** The exercise cell with the answer substituted, as the driver does it. */
async function substituteAnswer(exercise: string, answer: string): Promise<Answered> {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-answers-"));
  try {
    const file = path.join(dir, "exercise.ipynb");
    fs.writeFileSync(file, JSON.stringify({
      nbformat: 4, nbformat_minor: 5, metadata: {},
      cells: [
        { cell_type: "markdown", metadata: {}, source: `연습\n\n<details><summary>정답 보기</summary>\n\n\`\`\`ts\n${answer}\n\`\`\`\n</details>` },
        { cell_type: "code", metadata: {}, source: exercise, outputs: [], execution_count: null },
      ],
    }));
    const lines: string[] = [];
    const code = await runDriver(["--print-answers", file], (l) => lines.push(l));
    assert.equal(code, 0, lines.join("\n"));
    const found: Answered[] = JSON.parse(lines.filter((l) => l.startsWith("{")).pop()!)["exercise.ipynb"];
    assert.equal(found.length, 1);
    return found[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("substituteAnswer replaces functions and consts by name and keeps the rest", async () => {
  const exercise = 'const a = 0; // TODO\nfunction f(x: number) {\n  return x; // TODO\n}\ncheck("f", f(1), 2);\ncheck("a", a, 1);';
  const answer = "function f(x: number) {\n  return 2 * x;\n}\nconst a = 1;";
  assert.equal((await substituteAnswer(exercise, answer)).answered,
    'const a = 1;\nfunction f(x: number) {\n  return 2 * x;\n}\ncheck("f", f(1), 2);\ncheck("a", a, 1);');
  assert.match((await substituteAnswer("const b = 1; // TODO", "const a = 1;")).error ?? "", /no declaration of a/);
});

test("substituteAnswer reads declarations by their brackets, not by the first ';' or '}' of a line", async () => {
  // an arrow function whose body has statements: the old line-based reading cut it after its first ';'
  // and left the exercise's TODO in place
  const exercise = "const f = (a: number) => {\n  return 0; // TODO\n};\nconsole.log(f(1));";
  const answer = "const f = (a: number) => {\n  const y = a * 2;\n  return y;\n};";
  assert.equal((await substituteAnswer(exercise, answer)).answered,
    "const f = (a: number) => {\n  const y = a * 2;\n  return y;\n};\nconsole.log(f(1));");
  // ';' and '}' inside strings, template literals and comments end nothing; a literal over several lines is one
  const tricky = 'function g(x: number): string {\n  if (x > 0) { return "}"; } // }\n  return `${x};`;\n}\n' +
    "const W = [\n  [1, 2],\n  [3, 4],\n];";
  const ex2 = "function g(x: number): string {\n  return \"\"; // TODO\n}\nconst W = [[0]]; // TODO\ncheck(\"W\", W, [[1, 2], [3, 4]]);";
  assert.equal((await substituteAnswer(ex2, tricky)).answered, tricky + '\ncheck("W", W, [[1, 2], [3, 4]]);');
  // a declaration that never ends is named
  assert.match((await substituteAnswer("const a = 0; // TODO", "const a = (1 + 2")).error ?? "", /a does not end/);
});

let report: NotebookReport | undefined;
const runs = () => (report ??= readReport(LESSON, { rerun: true, answers: true })).notebooks;

for (const f of LESSON) {
  test(`${f}: every exercise shows ✘ as committed and only ✔ with the "정답 보기" answer`, () => {
    const r = runs()[f];
    assert.ok(r.exercises.length > 0, `${f}: no exercise cell with a TODO`);
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
