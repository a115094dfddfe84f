/**
 * The page runner (scripts/site/runner/) in headless Chromium from file://, through window.lessonRunner:
 *  - every notebook page: runAll() without errors, as many plots drawn as the tslab-executed page has,
 *    no page errors, no request outside site/;
 *  - every cell's printed text equals tslab's output of the same cell (build/notebooks/), numbers to
 *    1e-14 relative (Chromium's and Node's Math.exp may differ in the last bit), cells printing times excepted;
 *    its ✔/≠/✘ marks (marksOf: exact and approximate are both ✔; a comparison that promises "정확히 일치",
 *    with no tolerance, must hold in Chromium's V8 too) and its number of plots are the ones tslab showed;
 *  - an edit of a "직접 해 보기" cell changes the printed loss and the plot; restore() brings the original back;
 *  - a cell that loops forever is stopped by interrupt(), and the next run works;
 *  - an edit survives a reload; the downloaded notebook is valid nbformat and runs under tslab.
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { fileURLToPath, pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../scripts/testing/browser";
import { NOTEBOOK_BUILD } from "../scripts/jupyter/notebook-runs";
import { findNotebookPython } from "../scripts/jupyter/jupyter";
import { ROOT, jupyterEnv } from "../scripts/paths";
import { compareTexts, marksOf, verdictsIn } from "./compare";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));
const ARTIFACTS = path.join(ROOT, "artifacts");

interface RunResult { text: string; plots: number; verdicts: string[]; error?: string }
type Runner = {
  cellCount(): number; getCode(i: number): string; setCode(i: number, s: string): void; run(i: number): Promise<RunResult>;
  runAll(): Promise<{ ok: boolean; errors: string[] }>; interrupt(): void; restore(): void; toNotebook(): unknown;
};

let browser: Browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function open(file: string): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => void d.accept());
  await page.route("**/*", (route) => {
    const url = route.request().url();
    const inside = url.startsWith("file:") && path.resolve(fileURLToPath(url)).startsWith(SITE + path.sep);
    if (inside || url.startsWith("blob:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(path.join(SITE, file)).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 15000 });
  return { page, errors, outside };
}

const runner = (page: Page) => ({
  count: () => page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.cellCount()),
  run: (i: number) => page.evaluate((i) => (window as unknown as { lessonRunner: Runner }).lessonRunner.run(i), i),
  getCode: (i: number) => page.evaluate((i) => (window as unknown as { lessonRunner: Runner }).lessonRunner.getCode(i), i),
  setCode: (i: number, s: string) => page.evaluate(([i, s]) => (window as unknown as { lessonRunner: Runner }).lessonRunner.setCode(i as number, s as string), [i, s] as const),
});

interface Cell { cell_type: string; source: string | string[]; outputs?: { output_type: string; name?: string; text?: string | string[]; data?: Record<string, string | string[]> }[] }
const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

/** What tslab printed for each code cell: stdout and the last expression's value. */
function tslabTexts(name: string): string[] {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_BUILD, `${name}.ipynb`), "utf8")) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => (c.outputs ?? []).map((o) => {
    if (o.output_type === "stream" && o.name === "stdout") return join(o.text);
    if (o.output_type === "execute_result") return join(o.data?.["text/plain"]) + "\n";
    return "";
  }).join(""));
}

/** What tslab showed for each code cell besides text: its ✔/✘ verdicts and its number of plots. */
function tslabVerdictsAndPlots(name: string): { verdicts: string[]; plots: number }[] {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_BUILD, `${name}.ipynb`), "utf8")) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => {
    const html = (c.outputs ?? []).map((o) => join(o.data?.["text/html"])).join("");
    return { verdicts: verdictsIn(html), plots: (html.match(/class="nn-lesson-plot"/g) ?? []).length };
  });
}

test("compareTexts: numbers to 1e-14 relative, everything else exactly", () => {
  assert.equal(compareTexts("loss 0.7970074218203818\n", "loss 0.7970074218203816\n"), "");
  assert.match(compareTexts("loss 0.7970074218203\n", "loss 0.7970074218203816\n"), /number 0 differs/);
  assert.match(compareTexts("loss 0.8\n", "loss 0.7\n"), /number 0 differs/);
  assert.match(compareTexts("손실 1\n", "비용 1\n"), /text differs/);
});

/**
 * Central differences (numericalGradient, gradientCheck) divide rounding by 2·eps = 2e-6, so a last-bit
 * difference of Math.exp between Chromium and Node shows up around the 8th digit there: 1e-6 for those cells.
 */
const FINITE_DIFFERENCES = /numericalGradient|gradientCheck/;

/** A time measured while running (it differs on every run): masked in both texts, the rest still compared. */
const TIMED = /\d[\d.,]*(?:e[-+]?\d+)?\s*(ms|밀리초|초|µs)(?![가-힣A-Za-z])/g;
const maskTimes = (text: string) => text.replace(TIMED, "⏱ $1");

const pages = fs.existsSync(SITE) ? fs.readdirSync(SITE).filter((f) => /^\d\d[a-z]?-.*\.html$/.test(f)).sort() : [];

test("the site has notebook pages to run", () => {
  assert.ok(pages.length >= 12, `site pages: ${pages.join(", ")} (run npm run build:site first)`);
});

for (const file of pages) {
  test(`${file}: runAll() in the page: no errors; per cell the text, ✔/✘ verdicts and plots tslab showed; nothing from outside`, async (t) => {
    const name = file.replace(/\.html$/, "");
    const { page, errors, outside } = await open(file);
    try {
      const r = runner(page);
      const staticPlots = await page.evaluate(() => document.querySelectorAll(".nn-lesson-plot").length);
      const n = await r.count();
      const texts = tslabTexts(name);
      const shown = tslabVerdictsAndPlots(name);
      assert.equal(n, texts.length, "code cells on the page vs in the executed notebook");
      const t0 = Date.now();
      const problems: string[] = [];
      let plots = 0;
      for (let i = 0; i < n; i++) {
        const res = await r.run(i);
        plots += res.plots;
        if (marksOf(res.verdicts) !== marksOf(shown[i].verdicts)) problems.push(`cell ${i}: verdicts page [${res.verdicts}] vs tslab [${shown[i].verdicts}]`);
        if (res.plots !== shown[i].plots) problems.push(`cell ${i}: plots page ${res.plots} vs tslab ${shown[i].plots}`);
        if (res.error) problems.push(`cell ${i}: ${res.error}`);
        else {
          const code = await r.getCode(i);
          const d = compareTexts(maskTimes(res.text), maskTimes(texts[i]), FINITE_DIFFERENCES.test(code) ? 1e-6 : undefined);
          if (d) problems.push(`cell ${i}: ${d}`);
        }
      }
      t.diagnostic(`${file}: ${n} cells run in the page in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${plots}/${staticPlots} plots drawn`);
      assert.deepEqual(problems, []);
      assert.equal(plots, staticPlots, "plots drawn by the page vs plots tslab drew");
      assert.deepEqual(errors, [], "page errors");
      assert.deepEqual(outside, [], "requests outside site/");
    } finally {
      await page.close();
    }
  });
}

/** The learner's "직접 해 보기" cell of 07 and its plot's data, to see an edit take effect. */
async function plotData(page: Page, i: number): Promise<string> {
  return page.evaluate((i) => {
    const cell = document.querySelectorAll("section.cell.code")[i];
    const gd = cell.querySelector(".nn-lesson-plot") as unknown as { data?: unknown } | null;
    return JSON.stringify(gd?.data ?? null);
  }, i);
}

test("an edited try-it cell (07: learning rates) prints a new loss and draws a new plot; restore() brings the original back", async () => {
  const { page, errors } = await open("07-training-loop.html");
  try {
    const r = runner(page);
    const n = await r.count();
    const codes = await Promise.all(Array.from({ length: n }, (_, i) => r.getCode(i)));
    const k = codes.findIndex((c) => /const myLearningRates = \[/.test(c));
    assert.ok(k > 0, "07 has a try-it cell with myLearningRates");
    for (let i = 0; i < k; i++) assert.equal((await r.run(i)).error, undefined, `cell ${i}`);
    const before = await r.run(k);
    const beforePlot = await plotData(page, k);
    await r.setCode(k, codes[k].replace(/const myLearningRates = \[[^\]]*\]/, "const myLearningRates = [0.5, 3]"));
    const after = await r.run(k);
    assert.equal(after.error, undefined);
    assert.match(after.text, /α = 0\.5: .*α = 3:/s);
    assert.notEqual(after.text, before.text);
    assert.notEqual(await plotData(page, k), beforePlot, "the plot shows the new run");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator("section.cell.code").nth(k).screenshot({ path: path.join(ARTIFACTS, "runner-07-edited.png") });
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    assert.equal(await r.getCode(k), codes[k]);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("interrupt() stops a cell that loops forever; the next run works (a fresh kernel)", async (t) => {
  const { page } = await open("00-overview.html");
  try {
    const r = runner(page);
    await r.setCode(0, "1 + 1");
    assert.equal((await r.run(0)).text, "2\n");
    await r.setCode(0, "let spins = 0;\nwhile (true) { spins++; }");
    const pending = r.run(0);
    await page.waitForTimeout(500);
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.interrupt());
    const stopped = await pending;
    t.diagnostic(`stopped after ${Date.now() - t0} ms`); // measured, not asserted: the loop never ends by itself
    assert.match(stopped.error ?? "", /중지했습니다/);
    await r.setCode(0, "const after = 20 + 1;\nafter * 2");
    const again = await r.run(0);
    assert.equal(again.error, undefined);
    assert.equal(again.text, "42\n");
    await r.setCode(0, 'const m = require("mathjs");\nm.sqrt(16)');
    assert.equal((await r.run(0)).text, "4\n", "require() works in a cell, as in tslab");
  } finally {
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    await page.close();
  }
});

test("an edit survives a reload; the downloaded notebook is valid and runs under tslab", async () => {
  const { page } = await open("02-forward.html");
  try {
    const r = runner(page);
    const marker = 'console.log("학습자가 고친 셀");';
    await r.setCode(1, `${await r.getCode(1)}\n${marker}`);
    await page.reload({ waitUntil: "load" });
    await page.waitForFunction(() => "lessonRunner" in window);
    assert.ok((await r.getCode(1)).endsWith(marker), "the edit is still there after a reload");
    const n = await r.count();
    for (let i = 0; i < 2; i++) assert.equal((await r.run(i)).error, undefined);
    await r.setCode(2, `${await r.getCode(2)}\n"a value shown like tslab's execute_result"`);
    assert.equal((await r.run(2)).error, undefined);
    const nb = await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.toNotebook());
    const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-runner-nb-"));
    try {
      const file = path.join(dir, "02-forward.ipynb");
      fs.writeFileSync(file, JSON.stringify(nb));
      const py = findNotebookPython();
      assert.ok(py, "a Python with nbformat");
      const v = spawnSync(py!, ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", file], { encoding: "utf8" });
      assert.equal(v.stdout.trim(), "valid", v.stderr);
      const codeCells = (nb as { cells: Cell[] }).cells.filter((c) => c.cell_type === "code");
      assert.equal(codeCells.length, n);
      assert.ok(join(codeCells[1].source).endsWith(marker));
      assert.ok((codeCells[1].outputs ?? []).some((o) => o.output_type === "stream" && join(o.text).includes("학습자가 고친 셀")), "outputs of the cells run in the page");
      const run = spawnSync(py!, [path.join(ROOT, "scripts", "jupyter", "run_notebooks.py"), "--out", path.join(dir, "out"), file], { encoding: "utf8", env: jupyterEnv() });
      assert.equal(run.status, 0, run.stdout + run.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    await page.close();
  }
});
