/**
 * The formatting rules of `npm run lint` are really on (eslint.config.mjs): ESLint's Node API lints
 * in-memory texts with the project's config — a badly formatted TypeScript file and a notebook with a
 * badly formatted code cell — and must report each rule; a well-formatted twin must pass; `--fix` must
 * rewrite only the bad cell of the notebook, byte for byte in the notebooks' JSON format.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ESLint } from "eslint";
import { ROOT } from "./helpers";

const eslint = new ESLint({ cwd: ROOT });

async function lint(text: string, filePath: string, fix = false) {
  const [result] = await (fix ? new ESLint({ cwd: ROOT, fix: true }) : eslint).lintText(text, { filePath });
  return result;
}

const GOOD_TS = [
  "export function mean(xs: number[]): number {",
  "  if (xs.length === 0) {",
  "    return 0;",
  "  } else {",
  "    return xs.reduce((a, b) => a + b, 0) / xs.length;",
  "  }",
  "}",
  `export const NOTE = "${"x".repeat(110 - 23)}";`,
  "export const sign = (x: number): string => x > 0 ? \"+\"",
  "  : x < 0 ? \"-\"",
  "  : \"0\";",
  "",
].join("\n");

/** One bad line per rule the brief names (issue 17 item 8), each breaking only that rule. */
const BAD_TS: [rule: string, line: string][] = [
  ["@stylistic/indent", "export function a(): number {\n    return 1;\n}"],
  ["@stylistic/semi", "export const b = 1"],
  ["@stylistic/quotes", "export const c = 'single';"],
  ["@stylistic/no-trailing-spaces", "export const d = 1; "],
  ["@stylistic/no-tabs", "export const e = 1;\t// tab"],
  ["@stylistic/brace-style",
    "export function f(x: number): number {\n  if (x) {\n    return 1;\n  }\n  else {\n    return 2;\n  }\n}",
  ],
  ["@stylistic/max-len", `export const g = "${"x".repeat(111 - 20)}";`],
];

test("a well-formatted TypeScript file passes, a 110-character line included", async () => {
  assert.equal([...GOOD_TS.split("\n")[7]].length, 110);
  const r = await lint(GOOD_TS, "lib/format-probe.ts");
  assert.deepEqual(r.messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`), []);
});

for (const [rule, bad] of BAD_TS) {
  test(`${rule} catches a badly formatted TypeScript line, in lib/, scripts/ and the tests`, async () => {
    for (const dir of ["lib", "scripts", "test", "test-browser"]) {
      const r = await lint(bad + "\n", `${dir}/format-probe.ts`);
      assert.deepEqual([...new Set(r.messages.map((m) => m.ruleId))], [rule], `${dir}: ${bad}`);
    }
  });
}

interface Cell {
  cell_type: string; id: string; metadata: object; source: string[]; execution_count?: null; outputs?: [];
}
const code = (id: string, lines: string[]): Cell =>
  ({ cell_type: "code", execution_count: null, id, metadata: {}, outputs: [], source: lines });
const notebook = (cells: Cell[]) => ({ cells, metadata: { kernelspec: { name: "tslab" } }, nbformat: 4,
  nbformat_minor: 5 });
/** The notebooks' format: json.dumps(indent=1, ensure_ascii=False) and a newline (every notebook is). */
const text = (nb: object) => JSON.stringify(nb, null, 1) + "\n";

test("every notebook is in the format the processor writes: json.dumps(indent=1, ensure_ascii=False)", () => {
  const dir = path.join(ROOT, "notebooks");
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb"))) {
    const t = fs.readFileSync(path.join(dir, f), "utf8");
    assert.equal(text(JSON.parse(t)), t, f);
  }
});

const CELLS = [
  { cell_type: "markdown", id: "md", metadata: {}, source: ["# 제목\n", "글"] },
  // what a tslab cell may do: use what earlier cells declared, declare for later cells, await at the
  // top, show a value with a bare expression, let a later cell reassign, leave a placeholder for a TODO
  code("fine", ["const w = await Promise.resolve(W1); // 앞 셀의 W1\n", "let n = 0;\n", "n = n; // TODO\n",
    "tslab.display.text(\"한글\");\n", "w;"]),
  code("bad", ["const x = 'a'\n", "if (x) {\n", "    console.log(x);  \n", "}"]),
];

test("notebook code cells get the same rules; messages name cell and line, at the JSON line", async () => {
  const nb = notebook(CELLS as Cell[]);
  const t = text(nb);
  const r = await lint(t, "notebooks/zz-format-probe.ipynb");
  const lines = t.split("\n");
  const got = r.messages.map((m) => ({ rule: m.ruleId, at: lines[m.line - 1].slice(m.column - 1),
    message: m.message.replace(/\): .*/, ")") }));
  assert.deepEqual(got, [
    { rule: "@stylistic/quotes", at: "'a'\\n\",", message: "셀 3 줄 1:11 (cell bad)" },
    { rule: "@stylistic/semi", at: "\\n\",", message: "셀 3 줄 1:14 (cell bad)" },
    { rule: "@stylistic/indent", at: "    console.log(x);  \\n\",", message: "셀 3 줄 3:1 (cell bad)" },
    { rule: "@stylistic/no-trailing-spaces", at: "  \\n\",", message: "셀 3 줄 3:20 (cell bad)" },
  ]);
});

test("eslint --fix rewrites only the bad cell, keeping the notebook's JSON format", async () => {
  const before = text(notebook(CELLS as Cell[]));
  const r = await lint(before, "notebooks/zz-format-probe.ipynb", true);
  const fixed = notebook([CELLS[0], CELLS[1],
    code("bad", ["const x = \"a\";\n", "if (x) {\n", "  console.log(x);\n", "}"])] as Cell[]);
  assert.equal(r.output, text(fixed));
  assert.deepEqual(r.messages, []);
  const [a, b] = [before.split("\n"), r.output!.split("\n")];
  assert.equal(a.length, b.length);
  const changed = ["    \"const x = \\\"a\\\";\\n\",", "    \"  console.log(x);\\n\","];
  assert.deepEqual(b.filter((l, i) => l !== a[i]), changed);
});

test("a notebook not in the notebooks' JSON format is reported and not rewritten", async () => {
  const t = JSON.stringify(notebook(CELLS as Cell[]), null, 2) + "\n";
  const r = await lint(t, "notebooks/zz-format-probe.ipynb", true);
  assert.equal(r.output, undefined);
  assert.match(r.messages[0].message, /json\.dumps\(indent=1, ensure_ascii=False\)/);
  assert.ok(r.messages.some((m) => m.ruleId === "@stylistic/quotes"), "the cells are still linted");
});

test("npm run lint covers lib/, scripts/, the tests and notebooks/; npm run format fixes", async () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
  assert.equal(scripts.lint, "eslint --max-warnings 0 .");
  assert.equal(scripts.format, "eslint --fix --prune-suppressions .");
  for (const f of ["lib/lesson/forward.ts", "scripts/x.ts", "test/x.test.ts", "test-browser/x.test.ts"]) {
    assert.equal(await eslint.isPathIgnored(f), false, f);
    const config = await eslint.calculateConfigForFile(f);
    assert.ok(config?.rules?.["@stylistic/max-len"], f);
  }
  const nb = await eslint.calculateConfigForFile("notebooks/02-forward.ipynb");
  assert.ok(nb?.processor, "notebooks go through the cell processor");
  assert.equal(await eslint.isPathIgnored("notebooks/02-forward.ipynb"), false);
});
