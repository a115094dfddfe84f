/**
 * The page kernel behaves like tslab: the edge cells of conformance-cells.ts run in one tslab kernel
 * (Jupyter, scripts/jupyter/run_notebooks.py) and in one page kernel (Chromium, a site page's first cell
 * edited and run again and again). For each cell: ok/error the same, the printed text the same (numbers to
 * 1e-14), the same ✔/✘ verdicts and the same number of plots. The notebooks' own cells are compared the
 * same way page by page in runner.test.ts.
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { launchChromium } from "../scripts/testing/browser";
import { runDriver } from "../scripts/jupyter/notebook-runs";
import { ROOT } from "../scripts/paths";
import { EDGE_CELLS } from "./conformance-cells";
import { compareTexts, verdictsIn } from "./compare";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));

export interface CellOutcome { ok: boolean; text: string; verdicts: string[]; plots: number; detail: string }

interface NbOutput { output_type: string; name?: string; text?: string | string[]; data?: Record<string, string | string[]> }
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

/** Runs the cells in one tslab kernel; what each gave. */
async function underTslab(sources: string[]): Promise<CellOutcome[]> {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-conformance-"));
  try {
    const nb = {
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: sources.map((s, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source: s })),
    };
    const file = path.join(dir, "conformance.ipynb");
    fs.writeFileSync(file, JSON.stringify(nb));
    const log: string[] = [];
    const code = await runDriver(["--out", path.join(dir, "out"), "--report", path.join(dir, "report.json"), file], (l) => log.push(l));
    const report = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")).notebooks["conformance.ipynb"] as { first: string[] };
    assert.ok(fs.existsSync(path.join(dir, "out", "conformance.ipynb")), `tslab did not finish (${code}): ${log.slice(-5).join(" / ")}`);
    const executed = JSON.parse(fs.readFileSync(path.join(dir, "out", "conformance.ipynb"), "utf8")) as { cells: { outputs: NbOutput[] }[] };
    return executed.cells.map((c, i) => {
      const errors = report.first.filter((e) => e.startsWith(`cell ${i}: `));
      const html = c.outputs.map((o) => join(o.data?.["text/html"])).join("");
      return {
        ok: errors.length === 0,
        text: c.outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? join(o.text) : o.output_type === "execute_result" ? join(o.data?.["text/plain"]) + "\n" : "")).join(""),
        verdicts: verdictsIn(html),
        plots: (html.match(/class="nn-lesson-plot"/g) ?? []).length,
        detail: errors.join(" / ") + c.outputs.filter((o) => o.name === "stderr").map((o) => join(o.text)).join("").slice(0, 300),
      };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let browser: Browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

interface RunResult { text: string; plots: number; verdicts: string[]; error?: string }
type Runner = { setCode(i: number, s: string): void; run(i: number): Promise<RunResult> };

/** Runs the cells one after another in one page kernel (the first cell of 00's page, edited each time). */
async function inThePage(sources: string[]): Promise<CellOutcome[]> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(pathToFileURL(path.join(SITE, "00-overview.html")).href, { waitUntil: "load" });
    await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 15000 });
    const out: CellOutcome[] = [];
    for (const src of sources) {
      const r = await page.evaluate(async (src) => {
        const runner = (window as unknown as { lessonRunner: Runner }).lessonRunner;
        runner.setCode(0, src);
        return runner.run(0);
      }, src);
      out.push({ ok: !r.error, text: r.text, verdicts: r.verdicts, plots: r.plots, detail: r.error ?? "" });
    }
    assert.deepEqual(errors, [], "page errors");
    await page.evaluate(() => localStorage.clear());
    return out;
  } finally {
    await page.close();
  }
}

test(`conformance: ${EDGE_CELLS.length} edge cells give the same ok/error, text, verdicts and plots under tslab and in the page`, async (t) => {
  assert.ok(EDGE_CELLS.length >= 40, "at least 40 edge cells");
  const sources = EDGE_CELLS.map((c) => c.source);
  const [tslab, page] = [await underTslab(sources), await inThePage(sources)];
  assert.equal(tslab.length, sources.length);
  const problems: string[] = [];
  EDGE_CELLS.forEach((c, i) => {
    const a = page[i], b = tslab[i];
    const where = `cell ${i} (${c.label})`;
    if (a.ok !== b.ok) problems.push(`${where}: page ${a.ok ? "ok" : "error"} [${a.detail}] vs tslab ${b.ok ? "ok" : "error"} [${b.detail}]`);
    const d = compareTexts(a.text, b.text);
    if (d) problems.push(`${where}: ${d}`);
    if (a.verdicts.join() !== b.verdicts.join()) problems.push(`${where}: verdicts page [${a.verdicts}] vs tslab [${b.verdicts}]`);
    if (a.plots !== b.plots) problems.push(`${where}: plots page ${a.plots} vs tslab ${b.plots}`);
  });
  t.diagnostic(`errors in both: ${EDGE_CELLS.filter((_, i) => !tslab[i].ok).map((c) => c.label).join("; ")}`);
  assert.deepEqual(problems, []);
});
