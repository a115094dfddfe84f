// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * Notebooks 05–06 say numbers in their prose that their cells print (issue 9: numbers in prose come
 * from a cell's output). These tests read the executed copies of `npm run test:notebooks` and check
 * that each quoted number is what the cell shows, and that 06's try-it explains the ✔ a saturated
 * [3, 60, 60, 2] network gets (its hostile-edit run, test/fixtures/hostile-edits.ts).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";
import { NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";

interface Output { output_type: string; text?: string | string[]; data?: Record<string, string | string[]> }
interface Cell { cell_type: string; id?: string; source: string | string[]; outputs?: Output[] }

const NOTEBOOKS = ["05-output-delta.ipynb", "06-hidden-delta.ipynb"];
let report: NotebookReport | undefined;
const runs = () => (report ??= readReport(NOTEBOOKS)).notebooks;
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

/** The committed cell's source and the executed cell's text (stdout and HTML with tags removed), by cell id. */
function cells(f: string): Map<string, { source: string; shown: string }> {
  const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "notebooks", f), "utf8")) as { cells: Cell[] };
  const executed = JSON.parse(fs.readFileSync(runs()[f].executed!, "utf8")) as { cells: Cell[] };
  const out = new Map<string, { source: string; shown: string }>();
  committed.cells.forEach((c, i) => {
    const shown = (executed.cells[i].outputs ?? []).map((o) => join(o.text) + join(o.data?.["text/html"]).replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/<[^>]+>/g, " ")).join("\n");
    out.set(c.id ?? String(i), { source: join(c.source), shown });
  });
  return out;
}

/** Significant digits of a number as written: "0.3120" → 4, "6.74e-9" → 3. */
function digitsOf(n: string): number {
  return n.replace(/^[−-]/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").length;
}

/** Every number quoted in `prose` is one the cell shows, rounded to the digits the prose writes. */
function quoted(prose: string, shown: string, numbers: string[]): void {
  const values = [...shown.matchAll(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g)].map((m) => Number(m[0]));
  for (const n of numbers) {
    assert.ok(prose.includes(n), `the prose no longer quotes ${n}`);
    const want = Number(n.replace("−", "-"));
    assert.ok(values.some((x) => Number(x.toPrecision(digitsOf(n))) === want), `the cell shows no ${n} (it shows: ${shown.slice(0, 300)})`);
  }
}

test("05: the try-it prose quotes the saturated −10 row and the lesson's row as the cell's tables show them", () => {
  const c = cells(NOTEBOOKS[0]);
  const prose = c.get("nb05-c14")!.source, shown = c.get("nb05-c15")!.shown;
  quoted(prose, shown, ["6.74e-9", "−6.40e-9", "0.95", "0.682", "0.790", "−0.0581", "−0.0264", "0.268"]);
  // the table's digits: o = 6.74017e-9, y − o = 0.95, delta = −6.40316e-9
  assert.match(shown, /6\.74017e-9\s+0\.95\s+6\.74017e-9\s+-6\.40316e-9/);
  // the premise: both outputs of the lesson's weights are below myY = 0.95, so both deltas are negative
  const lessonRows = [...shown.matchAll(/출력 노드 \d\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)/g)].slice(0, 2);
  assert.equal(lessonRows.length, 2);
  for (const m of lessonRows) { assert.ok(Number(m[1]) < 0.95); assert.ok(Number(m[4]) < 0); }
  quoted(c.get("nb05-c12")!.source, c.get("nb05-c13")!.shown, ["0.000486", "0.00170", "0.0215"]);
});

test("06: the shapes, the contour and the gradient-size tables are quoted as the cells print them", () => {
  const c = cells(NOTEBOOKS[1]);
  assert.match(c.get("nb06-c05")!.shown, /W3ᵀ 3×2 · delta3 2개 → delta2 3개/);
  assert.match(c.get("nb06-c05")!.shown, /W2ᵀ 2×3 · delta2 3개 → delta1 2개/);
  assert.match(c.get("nb06-one-node-calc")!.shown, /✔ ∂E\/∂h_1: 손으로 vs 중앙 차분/);
  quoted(c.get("nb06-c11")!.source, c.get("nb06-c12")!.shown, ["0.3120", "0.0158"]);
  const tables = c.get("nb06-vanishing-calc")!.shown;
  quoted(c.get("nb06-vanishing-read")!.source, tables,
    ["0.0286", "0.00274", "0.000893", "0.000298", "0.00159", "0.333", "0.579", "0.0392", "0.0386", "0.0841", "0.028", "0.0223", "0.0189"]);
  // the lesson's W1 has the smallest mean |∂E/∂W|, the ±3 weights' W1 the largest
  const rows = [...tables.matchAll(/W([123])\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)/g)].map((m) => Number(m[4]));
  assert.equal(rows.length, 6);
  assert.ok(rows[0] < rows[1] && rows[0] < rows[2], `lesson: W1's gradients are the smallest (${rows.slice(0, 3)})`);
  assert.ok(rows[3] > rows[4] && rows[3] > rows[5], `±3: W1's gradients are the largest (${rows.slice(3)})`);
});

test("06: with [3, 60, 60, 2] the try-it cell says why ✔ stands beside gradients it cannot check", () => {
  const v = (runs()[NOTEBOOKS[1]].variants ?? []).find((r) => r.label === "층의 크기 [3, 60, 60, 2] (포화)");
  assert.ok(v, "the hostile-edit run of [3, 60, 60, 2] is in the report");
  assert.match(v.stdout, /W3: 평균 \|기울기\| 1\.37e-14, 가장 큰 상대 차이 1\.67e-2/);
  assert.match(v.stdout, /수치 기울기 120개 중 120개가 정확히 0입니다/);
  assert.equal(v.stdout.match(/⚠️ 기울기가 check의 허용 오차 1e-8보다 작습니다/g)?.length, 3);
  const prose = cells(NOTEBOOKS[1]).get("nb06-c13")!.source;
  for (const n of ["1.67e-2", "1.67e-14", "1e-12", "1e-8"]) assert.ok(prose.includes(n), `06's try-it prose says ${n}`);
  // the default sizes get no warning
  assert.doesNotMatch(cells(NOTEBOOKS[1]).get("nb06-c14")!.shown, /⚠️/);
});
