/**
 * The "정답 보기" answers of the lesson notebooks really are answers: for every exercise cell with a TODO,
 * the code in the <details> block of the markdown cell just before it replaces the matching declarations
 * (`function name(…) {…}` or `const name = …;`), and
 *  - the exercise as committed shows at least one ✘ from check()/checkFunction(),
 *  - the exercise with the answer shows only ✔ (and at least one).
 * One kernel per notebook runs the notebook's cells once, with each answered exercise right after its TODO
 * version (cells after the last exercise are left out).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT, runPythonJson } from "./helpers";

const DIR = path.join(ROOT, "notebooks");
const LESSON = ["01-model-setup", "02-forward", "03-mse", "04-gradient-descent", "05-output-delta", "06-hidden-delta", "07-training-loop"]
  .map((n) => `${n}.ipynb`);

interface Cell { cell_type: string; source: string | string[]; metadata?: object; outputs?: unknown[]; execution_count?: number | null }
const src = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** Top-level declarations of a piece of code: name → [first line, last line]. */
export function declarations(code: string): Map<string, [number, number]> {
  const lines = code.split("\n");
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < lines.length; i++) {
    const fn = lines[i].match(/^function\s+(\w+)\s*\(/);
    const decl = lines[i].match(/^(?:const|let)\s+(\w+)\b/);
    if (fn) {
      let j = i;
      while (j < lines.length && lines[j] !== "}") j++;
      if (j === lines.length) throw new Error(`function ${fn[1]} has no closing "}" at the start of a line`);
      out.set(fn[1], [i, j]);
      i = j;
    } else if (decl) {
      let j = i;
      while (j < lines.length && !/;\s*(\/\/.*)?$/.test(lines[j])) j++;
      out.set(decl[1], [i, Math.min(j, lines.length - 1)]);
      i = j;
    }
  }
  return out;
}

/** The exercise with each declaration of the answer put in place of the exercise's own. */
export function substituteAnswer(exercise: string, answer: string): string {
  const ans = answer.split("\n");
  const replacements = [...declarations(answer)].map(([name, [a, b]]) => ({ name, text: ans.slice(a, b + 1) }));
  assert.ok(replacements.length > 0, "the answer declares nothing");
  let lines = exercise.split("\n");
  for (const r of replacements) {
    const at = declarations(lines.join("\n")).get(r.name);
    assert.ok(at, `the exercise has no declaration of ${r.name} for the answer to replace`);
    lines = [...lines.slice(0, at[0]), ...r.text, ...lines.slice(at[1] + 1)];
  }
  return lines.join("\n");
}

test("substituteAnswer replaces functions and consts by name and keeps the rest", () => {
  const exercise = 'const a = 0; // TODO\nfunction f(x: number) {\n  return x; // TODO\n}\ncheck("f", f(1), 2);\ncheck("a", a, 1);';
  const answer = "function f(x: number) {\n  return 2 * x;\n}\nconst a = 1;";
  assert.equal(substituteAnswer(exercise, answer),
    'const a = 1;\nfunction f(x: number) {\n  return 2 * x;\n}\ncheck("f", f(1), 2);\ncheck("a", a, 1);');
  assert.throws(() => substituteAnswer("const b = 1;", "const a = 1;"), /no declaration of a/);
});

interface Exercise { notebook: string; cell: number; todo: number; answer: number }

/** Build the notebook to run: cells up to the last exercise, each answer cell inserted after its exercise. */
function answerNotebook(f: string): { cells: Cell[]; exercises: Exercise[] } {
  const nb = JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"));
  const cells: Cell[] = [];
  const exercises: Exercise[] = [];
  const original: Cell[] = nb.cells;
  const last = original.map((c, i) => (c.cell_type === "code" && src(c).includes("TODO") ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  assert.ok(last >= 0, `${f}: no exercise cell with a TODO`);
  original.slice(0, last + 1).forEach((c, i) => {
    cells.push({ ...c, outputs: c.cell_type === "code" ? [] : undefined });
    if (c.cell_type !== "code" || !src(c).includes("TODO")) return;
    const before = i > 0 ? src(original[i - 1]) : "";
    const details = before.match(/<details>[\s\S]*?<\/details>/);
    assert.ok(details && details[0].includes("정답 보기"), `${f} cell ${i}: the markdown cell before the exercise has no "정답 보기" block`);
    const code = [...details![0].matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1].trimEnd()).join("\n");
    assert.ok(code, `${f} cell ${i}: the "정답 보기" block has no \`\`\`ts code`);
    const answered = substituteAnswer(src(c), code);
    assert.ok(!answered.includes("TODO"), `${f} cell ${i}: the answer leaves a TODO line in place`);
    exercises.push({ notebook: f, cell: i, todo: cells.length - 1, answer: cells.length });
    cells.push({ cell_type: "code", metadata: {}, source: answered, outputs: [], execution_count: null });
  });
  return { cells: cells.map((c) => (c.cell_type === "code" ? c : { cell_type: c.cell_type, metadata: {}, source: c.source })), exercises };
}

const RUNNER = String.raw`
import json, sys, os
import nbformat
from nbclient import NotebookClient
result = {}
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="tslab", timeout=120, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    status = {}
    client.on_cell_executed = lambda cell, cell_index, execute_reply: status.__setitem__(cell_index, execute_reply.get("content", {}).get("status", "ok"))
    cells = []
    try:
        with client.setup_kernel():
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    cells.append(None)
                    continue
                client.execute_cell(cell, i)
                text = []
                for o in cell.get("outputs", []):
                    text.append(o.get("text", "") or o.get("data", {}).get("text/html", "") or o.get("data", {}).get("text/plain", ""))
                cells.append({"status": status.get(i, "ok"), "output": "\n".join(text)})
    except Exception as e:
        cells.append({"status": "error", "output": f"{type(e).__name__}: {e}"})
    result[os.path.basename(path)] = cells
print(json.dumps(result))
`;

function runOnce(files: string[]): Promise<Record<string, ({ status: string; output: string } | null)[]>> {
  return runPythonJson(RUNNER, files);
}

/** The verdicts of the check() / checkFunction() outputs of one cell. */
const verdicts = (html: string) => [...html.matchAll(/class="nn-check" data-verdict="(\w+)"/g)].map((m) => m[1]);

const built = LESSON.map((f) => ({ f, ...answerNotebook(f) }));
const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-answers-"));
const files = built.map(({ f, cells }) => {
  const nb = JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8"));
  const file = path.join(dir, f);
  fs.writeFileSync(file, JSON.stringify({ ...nb, cells }));
  return file;
});
const runs = runOnce(files);
runs.catch(() => undefined).finally(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const { f, exercises } of built) {
  test(`${f}: every exercise shows ✘ as committed and only ✔ with the "정답 보기" answer`, async () => {
    const cells = (await runs)[f];
    assert.ok(cells, `${f} did not run`);
    for (const e of exercises) {
      const todo = cells[e.todo], answer = cells[e.answer];
      assert.ok(todo && answer, `${f} cell ${e.cell}: not executed (${JSON.stringify(cells[cells.length - 1])})`);
      assert.equal(answer.status, "ok", `${f} cell ${e.cell} with the answer: ${answer.output.slice(0, 300)}`);
      const bad = verdicts(todo.output).filter((v) => v === "wrong" || v === "shape");
      assert.ok(bad.length > 0, `${f} cell ${e.cell}: the exercise as committed shows no ✘`);
      const got = verdicts(answer.output);
      assert.ok(got.length > 0, `${f} cell ${e.cell}: the answer shows no check result`);
      assert.deepEqual(got.filter((v) => v !== "exact" && v !== "approximate"), [],
        `${f} cell ${e.cell}: the answer does not pass every check`);
    }
  });
}
