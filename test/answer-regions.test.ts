/**
 * The exercises' answer regions and the verdicts' markers, one definition each (lib/display/markers.ts):
 *  - every exercise of every notebook is marked (cell metadata "nn-lesson": {"exercise": ID}, its answer
 *    cell {"answer": ID}, each TODO inside a `// ▼ 여기에 답을 쓰세요` … `// ▲ 여기까지` region), and the
 *    notebook driver puts every "정답 보기" answer in place (`run_notebooks.py --print-answers`, no kernel);
 *  - the driver replaces exactly the marked regions, and says which notebook and cell when a marker, the
 *    answer or a block is missing or unbalanced;
 *  - every reader of check()'s verdicts (the page runner, the browser tests, the driver) finds what
 *    check.ts writes, whatever the order of the <div>'s attributes;
 *  - the installed tslab still answers "abort" after a failed cell in the way the driver expects.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  ANSWER_BEGIN, ANSWER_END, ANSWER_LINE_CLASS, CELL_METADATA_KEY, VERDICT_PATTERN, answerRegionLines,
  verdictsIn,
} from "nn-lesson/dist/display/markers";
import { checkHtml, compareDifferent, compareValues, differentHtml } from "nn-lesson/dist/internal";
import { findPython } from "../scripts/jupyter/jupyter";
import { DRIVER } from "../scripts/jupyter/notebook-runs";
import { NOTEBOOKS } from "../scripts/paths";
import { staticCodeHtml } from "../scripts/site/runner/static-code";
import { ROOT } from "./helpers";

interface Cell { cell_type: string; source: string | string[]; metadata?: Record<string, unknown> }
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);
const marked = (c: Cell, key: "exercise" | "answer") =>
  (c.metadata?.[CELL_METADATA_KEY] as Record<string, string> | undefined)?.[key];

const python = findPython("json");

/** Run the driver (or Python code with the driver's folder on sys.path); its stdout, stderr and status. */
function py(args: string[], input?: string) {
  assert.ok(python, "python3이 없습니다 (no python3)");
  const r = spawnSync(python, args, {
    cwd: ROOT, input, encoding: "utf8", timeout: 60000,
    env: { ...process.env, NN_LESSON_NODE: process.execPath },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface Answered { cell: number; answered: string | null; error: string | null }

/** The driver's --print-answers for these notebook files: {file name: [{cell, answered, error}]}. */
function printAnswers(files: string[]): Record<string, Answered[]> {
  const r = py([DRIVER, "--print-answers", ...files]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const notebookFiles = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();

test("every exercise in every notebook is marked: metadata, answer cell, each TODO inside a region", () => {
  let exercises = 0;
  for (const f of notebookFiles) {
    const cells: Cell[] = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, f), "utf8")).cells;
    const ids = cells.map((c) => marked(c, "exercise")).filter((x): x is string => x !== undefined);
    const answers = cells.map((c) => marked(c, "answer")).filter((x): x is string => x !== undefined);
    assert.equal(new Set(ids).size, ids.length, `${f}: two exercises with one id`);
    assert.deepEqual([...answers].sort(), [...ids].sort(), `${f}: one answer cell per exercise, none alone`);
    cells.forEach((c, i) => {
      const where = `${f} cell ${i}`;
      if (c.cell_type === "markdown" && text(c).includes("정답 보기")) {
        assert.ok(marked(c, "answer"), `${where}: "정답 보기" without "${CELL_METADATA_KEY}": {"answer": …}`);
      }
      if (c.cell_type !== "code") return;
      let inside = false;
      text(c).split("\n").forEach((line, k) => {
        if (line.trim().startsWith(ANSWER_BEGIN)) inside = true;
        else if (line.trim().startsWith(ANSWER_END)) inside = false;
        else if (line.includes("TODO")) {
          assert.ok(marked(c, "exercise"), `${where}: a TODO in a cell not marked as an exercise`);
          assert.ok(inside, `${where}, line ${k + 1}: a TODO outside "${ANSWER_BEGIN}" … "${ANSWER_END}"`);
        }
      });
      if (marked(c, "exercise")) exercises++;
    });
    if (cells.some((c) => c.cell_type === "markdown" && /^## 스스로 확인하기/m.test(text(c)))) {
      assert.ok(ids.length > 0, `${f}: "스스로 확인하기" without a marked exercise`);
    }
  }
  assert.ok(exercises >= 15, `only ${exercises} exercises`);
  // and the driver puts every answer in place: no error, no TODO left, the markers kept
  const all = printAnswers(notebookFiles.map((f) => path.join(NOTEBOOKS, f)));
  const found = Object.entries(all).flatMap(([f, list]) => list.map((a) => ({ f, ...a })));
  assert.equal(found.length, exercises);
  for (const a of found) {
    assert.equal(a.error, null, `${a.f} cell ${a.cell}: ${a.error}`);
    assert.doesNotMatch(a.answered!, /TODO/);
    assert.ok(a.answered!.includes(ANSWER_BEGIN) && a.answered!.includes(ANSWER_END));
  }
});

interface Case { exercise: string; answers: string[]; exerciseId?: string | null; answerCells?: number }

/**
 * One notebook file (in a temporary folder) with, for each case, its answer cells and its exercise cell:
 * what --print-answers says of each exercise, in order (one driver run for all).
 */
function substitute(cases: Case[]): Answered[] {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-regions-"));
  try {
    const file = path.join(dir, "exercise.ipynb");
    const cells = cases.flatMap((c, k) => {
      const blocks = c.answers.map((a) => `\`\`\`ts\n${a}\n\`\`\`\n`).join("");
      const answer = {
        cell_type: "markdown", metadata: { [CELL_METADATA_KEY]: { answer: `ex${k}` } },
        source: `연습\n\n<details><summary>정답 보기</summary>\n\n${blocks}</details>`,
      };
      const id = c.exerciseId === undefined ? `ex${k}` : c.exerciseId;
      return [
        ...Array.from({ length: c.answerCells ?? 1 }, () => answer),
        {
          cell_type: "code", metadata: id === null ? {} : { [CELL_METADATA_KEY]: { exercise: id } },
          source: c.exercise, outputs: [], execution_count: null,
        },
      ];
    });
    fs.writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
    const found = printAnswers([file])["exercise.ipynb"];
    assert.equal(found.length, cases.length);
    return found;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const region = (code: string) => `${ANSWER_BEGIN}\n${code}\n${ANSWER_END}`;

test("the driver replaces each marked region by its block, whatever the code, and keeps the rest", () => {
  // a multi-line arrow function: the old reading by declarations cut it after its first ';'
  const arrow = "const f = (a: number) => {\n  const y = 0;\n  return y; // TODO\n};";
  const arrowAnswer = "const f = (a: number) => {\n  const y = a * 2;\n  return y;\n};";
  // two regions, in order; an indented region; code that no bracket scanner would like
  const tricky = 'const s = "};"; /* } */ const t = `${s}`;';
  const two = `const keep = 1;\n${region("const a = 0; // TODO")}\ncheck("a", a, 1);\nfunction g() {\n` +
    `  ${ANSWER_BEGIN}\n  return 0; // TODO\n  ${ANSWER_END}\n}`;
  const [one, both] = substitute([
    { exercise: `${region(arrow)}\nconsole.log(f(1));`, answers: [arrowAnswer] },
    { exercise: two, answers: [tricky, "  return 1;"] },
  ]);
  assert.deepEqual(one, { cell: 1, answered: `${region(arrowAnswer)}\nconsole.log(f(1));`, error: null });
  assert.equal(both.answered,
    `const keep = 1;\n${region(tricky)}\ncheck("a", a, 1);\nfunction g() {\n` +
    `  ${ANSWER_BEGIN}\n  return 1;\n  ${ANSWER_END}\n}`);
});

test("bad markers, a missing answer, a TODO outside: a loud error naming notebook and cell", () => {
  const todo = region("const a = 0; // TODO");
  const cases: [Case, RegExp][] = [
    [{ exercise: "const a = 0; // TODO", answers: ["const a = 1;"] }, /답을 쓰는 곳.*없습니다 \(.*no answer region\)/],
    [{ exercise: `${ANSWER_BEGIN}\nconst a = 0; // TODO`, answers: ["const a = 1;"] }, /줄 1.*never closed/],
    [{ exercise: `const a = 0; // TODO\n${ANSWER_END}`, answers: ["const a = 1;"] }, /줄 2.*never opened/],
    [{ exercise: `${ANSWER_BEGIN}\n${region("const a = 0;")}`, answers: ["x"] }, /opened again at line 2/],
    [{ exercise: todo, answers: ["const a = 1;", "const b = 2;"] }, /1 answer regions, 2 answer blocks/],
    [{ exercise: todo, answers: [] }, /no ```ts code/],
    [{ exercise: todo, answers: ["const a = 1; // TODO"] }, /marker or a TODO/],
    [{ exercise: `${region("const a = 0;")}\nconst b = 0; // TODO`, answers: ["a"] }, /outside the answer/],
    [{ exercise: todo, answers: ["const a = 1;"], answerCells: 0 }, /하나가 아니라 0개/],
    [{ exercise: todo, answers: ["const a = 1;"], answerCells: 2 }, /하나가 아니라 2개/],
    [{ exercise: todo, answers: ["const a = 1;"], exerciseId: "other" }, /exercise other/],
    [{ exercise: todo, answers: ["const a = 1;"], exerciseId: null }, /not marked as an exercise/],
  ];
  substitute(cases.map(([c]) => c)).forEach((got, k) => {
    assert.equal(got.answered, null, `case ${k}`);
    assert.match(got.error ?? "", new RegExp(`^exercise\\.ipynb 셀 ${got.cell} \\(cell ${got.cell}\\): `));
    assert.match(got.error ?? "", cases[k][1]);
  });
});

test("the page marks the lines of each answer region, its markers included, and no other line", () => {
  const code = `const keep = 1;\n${region("const a = 0; // TODO")}\ncheck("a", a, 1);\n` +
    `  ${ANSWER_BEGIN}\n  return 0;`;
  assert.deepEqual(answerRegionLines(code), [false, true, true, true, false, true, true]);
  const html = staticCodeHtml(code, 0);
  const classes = [...html.matchAll(/<div class="cm-static-line( [\w-]+)?">/g)]
    .map((m) => m[1] === ` ${ANSWER_LINE_CLASS}`);
  assert.deepEqual(classes, answerRegionLines(code));
});

/** What the driver's verdict pattern finds in each piece of HTML (one Python run). */
function driverVerdicts(htmls: string[]): string[][] {
  const code = "import json, sys; sys.path.insert(0, sys.argv[1]); import run_notebooks as d; " +
    "print(json.dumps([d.shared()['verdict'].findall(h) for h in json.load(sys.stdin)]))";
  const r = py(["-c", code, path.dirname(DRIVER)], JSON.stringify(htmls));
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("every reader finds the verdicts check.ts writes, in either attribute order", () => {
  const written = [
    checkHtml(compareValues("a", 1, 1)), checkHtml(compareValues("a", 1 + 1e-12, 1)),
    checkHtml(compareValues("a", 2, 1)), checkHtml(compareValues("a", [1, 2], 1)),
    differentHtml(compareDifferent("a", 1, 2)), differentHtml(compareDifferent("a", 1, 1)),
  ].join("\n<p>between</p>\n");
  const expected = ["exact", "approximate", "wrong", "shape", "different", "same"];
  assert.deepEqual(verdictsIn(written), expected);
  // the same blocks with the class after the verdict, or other attributes before both
  const swapped = written.replace(/<div class="([^"]*)" data-verdict="(\w+)"/g,
    '<div data-verdict="$2" id="x" class="$1"');
  assert.notEqual(swapped, written);
  assert.deepEqual(verdictsIn(swapped), expected);
  // a <div> without the class, or the words in text, are no verdict
  const none = '<div data-verdict="exact">x</div> class="nn-check" data-verdict="wrong"';
  assert.deepEqual(verdictsIn(none), []);
  assert.deepEqual(driverVerdicts([written, swapped, none]), [expected, expected, []]);
  assert.equal(new RegExp(VERDICT_PATTERN).source, VERDICT_PATTERN);
  // the page runner and the browser tests read through verdictsIn, not a pattern of their own
  for (const f of ["scripts/site/runner/page.ts", "test-browser/compare.ts", path.relative(ROOT, DRIVER)]) {
    const src = fs.readFileSync(path.join(ROOT, f), "utf8");
    assert.doesNotMatch(src, /data-verdict|nn-check/, `${f} spells the verdict marker itself`);
  }
});

test("the installed tslab answers \"abort\" after a failed cell, for less than the driver retries", () => {
  const jupyter = fs.readFileSync(require.resolve("tslab/dist/jupyter.js"), "utf8");
  const window = /this\.execQueue\.reset\((\d+)\)/.exec(jupyter);
  assert.ok(window && /status = "abort"/.test(jupyter), "tslab no longer aborts as run_notebooks.py says");
  const driver = fs.readFileSync(DRIVER, "utf8");
  const seconds = Number(/^ABORT_SECONDS = ([\d.]+)$/m.exec(driver)?.[1]);
  assert.ok(seconds * 1000 >= 10 * Number(window[1]), `${seconds} s of retries, tslab: ${window[1]} ms`);
});
