/**
 * The executed notebooks (build/notebooks/ from `npm run test:notebooks`) rendered by JupyterLab 4's
 * own output area, renderers and HTML sanitizer (the npm packages pinned in
 * scripts/testing/jupyterlab-page/package.json, bundled into build/jupyterlab-page/ by scripts/testing/jupyterlab-page.ts) in headless chromium from file://, as JupyterLab shows them:
 * - trusted (outputs produced live): every plot draws, plotly.js arrives once, no page errors, and no
 *   "cannot draw" fallback is left visible;
 * - untrusted (a saved notebook reopened; JupyterLab's sanitizer drops every script): nothing runs,
 *   every plot's box and plotSetup()'s line show the fallback, and every other output (tables,
 *   Markdown, printed text) reads exactly as in the trusted rendering.
 * Screenshots of notebooks 02 and 04 in both modes go to artifacts/ (jupyterlab-*.png).
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { PLOTLY_FALLBACK, PLOT_FALLBACK } from "nn-lesson/dist/internal";
import { GuardedPage, guardedPage, launchChromium, waitForPlots } from "../scripts/testing/browser";
import { jupyterLabPage, JupyterLabPage } from "../scripts/testing/jupyterlab-page";
import { NotebookReport, readReport } from "../scripts/jupyter/notebook-runs";
import { NOTEBOOKS, ROOT } from "../scripts/paths";

const ARTIFACTS = path.join(ROOT, "artifacts");
/** Notebooks screenshotted in both modes: 04 (four plots), 02 (tables of numbers). */
const SCREENSHOTS = new Set(["04-gradient-descent.ipynb", "02-forward.ipynb"]);

interface Output { output_type: string; data?: Record<string, string | string[]>; [k: string]: unknown }
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[] }

let browser: Browser;
let labPage: JupyterLabPage;
let report: NotebookReport;
const names = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
/** innerText of every output that is neither a plot nor plotSetup()'s, per notebook (trusted rendering). */
const trustedTexts = new Map<string, string[]>();

before(async () => {
  report = readReport(names);
  labPage = await jupyterLabPage();
  console.log(`  JupyterLab page ${labPage.installed ? "packages installed, " : ""}${labPage.built ? "built" : "reused"} in ${labPage.seconds.toFixed(2)} s: ${Object.entries(labPage.versions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const join = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

function codeCells(name: string): { source: string; outputs: Output[] }[] {
  const executed = report.notebooks[name].executed;
  assert.ok(executed && fs.existsSync(executed), `${name}: no executed copy: run npm run test:notebooks`);
  const nb = JSON.parse(fs.readFileSync(executed, "utf8")) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => ({ source: join(c.source), outputs: (c.outputs ?? []).map(asServed) }));
}

/** An output as the Jupyter server hands it to JupyterLab: nbformat joins the lines of multi-line strings. */
function asServed(o: Output): Output {
  const out: Output = { ...o };
  if (o.data) out.data = Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, join(v)]));
  if (Array.isArray(o.text)) out.text = join(o.text as string[]);
  return out;
}

function expected(cells: { outputs: Output[] }[]): { plots: number; libraries: number } {
  const html = cells.flatMap((c) => c.outputs).map((o) => join(o.data?.["text/html"]));
  return {
    plots: html.reduce((n, h) => n + (h.match(/class="nn-lesson-plot"/g) ?? []).length, 0),
    libraries: html.filter((h) => h.includes("data-nn-lesson-plotly=")).length,
  };
}

interface Rendered extends GuardedPage {
  stats: {
    plotDivs: number; drawn: number; readyEvents: number; plotlyDefined: boolean; scripts: number; libraryScripts: number;
    plotFallbacks: { text: string; height: number }[]; setupLines: string[]; tables: number; katex: number; texts: string[];
    visibleFallbacks: number;
  };
}

/** Renders the code cells of `name` on the JupyterLab page; every request outside the page's folder is aborted. */
async function render(name: string, trusted: boolean): Promise<Rendered> {
  const cells = codeCells(name);
  const g = await guardedPage(browser, labPage.dir);
  const page = g.page;
  await page.goto(pathToFileURL(labPage.index).href, { waitUntil: "load" });
  await page.evaluate(async ({ cells, trusted, banner }) => {
    const w = window as unknown as { nnJupyterLab: { render(c: unknown, t: boolean): Promise<void> }; nnReady: number };
    w.nnReady = 0;
    window.addEventListener("nn-lesson-plotly-ready", () => { w.nnReady += 1; });
    document.getElementById("banner")!.textContent = banner;
    await w.nnJupyterLab.render(cells, trusted);
  }, { cells, trusted, banner: `${name} — JupyterLab 4 OutputArea, trusted: ${trusted} (${trusted ? "outputs produced live" : "a saved notebook reopened"})` });
  if (trusted) await waitForPlots(page, 30000);
  else await page.waitForTimeout(500); // time for a script to run, if any had survived
  const stats = await page.evaluate(() => {
    const nb = document.getElementById("notebook")!;
    const visible = (e: Element) => (e as HTMLElement).getClientRects().length > 0 && (e as HTMLElement).innerText.trim() !== "";
    const plots = Array.from(nb.querySelectorAll(".nn-lesson-plot"));
    const outputs = Array.from(nb.querySelectorAll(".jp-OutputArea-output"));
    const w = window as unknown as { nnReady: number; Plotly?: unknown };
    return {
      plotDivs: plots.length,
      drawn: plots.filter((d) => d.classList.contains("js-plotly-plot") && !!d.querySelector(".main-svg, canvas")).length,
      readyEvents: w.nnReady,
      plotlyDefined: w.Plotly !== undefined,
      scripts: nb.querySelectorAll("script").length,
      libraryScripts: nb.querySelectorAll("script[data-nn-lesson-plotly]").length,
      plotFallbacks: plots.map((d) => {
        const f = d.querySelector(".nn-lesson-plot-fallback");
        return { text: f && visible(f) ? (f as HTMLElement).innerText : "", height: (d as HTMLElement).getBoundingClientRect().height };
      }),
      setupLines: Array.from(nb.querySelectorAll(".nn-lesson-plotly-status")).map((e) => (e as HTMLElement).innerText),
      tables: nb.querySelectorAll("table").length,
      katex: nb.querySelectorAll(".katex").length,
      // (notebook 12's drawing pad, like a plot, says so when its script cannot run: its text differs by design)
      texts: outputs.filter((o) => !o.querySelector(".nn-lesson-plot, .nn-lesson-plotly-status, .nn-digit-pad")).map((o) => (o as HTMLElement).innerText),
      visibleFallbacks: Array.from(nb.querySelectorAll(".nn-lesson-plot-fallback")).filter(visible).length,
    };
  });
  return { ...g, stats };
}

async function screenshot(r: Rendered, file: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await r.page.screenshot({ path: path.join(ARTIFACTS, `${file}.png`), fullPage: true });
  await r.page.evaluate(() => document.querySelector(".nn-lesson-plot")?.scrollIntoView({ block: "center" }));
  await r.page.screenshot({ path: path.join(ARTIFACTS, `${file}-plot.png`) });
}

/** Renders every notebook in one mode, checks what holds in both, then `check`s the rest; closes each page. */
async function eachNotebook(trusted: boolean, check: (name: string, r: Rendered, want: { plots: number; libraries: number }) => Promise<void>): Promise<void> {
  for (const name of names) {
    const want = expected(codeCells(name));
    const r = await render(name, trusted);
    try {
      assert.deepEqual(r.errors, [], `${name}: page errors`);
      assert.deepEqual(r.dialogs, [], `${name}: dialogs`);
      assert.deepEqual(r.outside, [], `${name}: requests outside the page's folder`);
      assert.equal(r.stats.plotDivs, want.plots, `${name}: plot boxes on the page`);
      assert.equal(r.stats.setupLines.length, want.libraries, `${name}: plotSetup() lines on the page`);
      await check(name, r, want);
      if (SCREENSHOTS.has(name)) await screenshot(r, `jupyterlab-${trusted ? "trusted" : "untrusted"}-${path.basename(name, ".ipynb")}`);
    } finally {
      await r.page.close();
    }
  }
}

/** Draws a vertical stroke on the first drawing pad (notebook 12) and returns the digit its bars read. */
async function drawOne(page: Page): Promise<string> {
  const pad = page.locator(".nn-digit-pad").first();
  await pad.scrollIntoViewIfNeeded();
  assert.equal(await pad.getAttribute("data-best"), "-1", "the pad is empty before drawing");
  const box = (await pad.locator("canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 20; k++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.7 * k / 20));
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector(".nn-digit-pad")?.getAttribute("data-best") !== "-1", undefined, { timeout: 10000 });
  return (await pad.getAttribute("data-best")) ?? "";
}

const pads: string[] = [];

test("JupyterLab, trusted outputs (produced live): every plot draws, plotly.js once, no errors, no fallback left", async () => {
  let total = 0;
  await eachNotebook(true, async (name, r, want) => {
    const s = r.stats;
    assert.equal(s.drawn, s.plotDivs, `${name}: plots drawn`);
    assert.ok(want.libraries <= 1, `${name}: plotly.js is in ${want.libraries} outputs`);
    if (want.plots > 0) assert.equal(want.libraries, 1, `${name}: plots but no plotSetup() output`);
    assert.equal(s.libraryScripts, want.libraries, `${name}: plotly.js scripts on the page`);
    assert.equal(s.readyEvents, want.libraries, `${name}: plotly.js ran ${s.readyEvents} times`);
    assert.equal(s.visibleFallbacks, 0, `${name}: a "cannot draw" fallback is still visible`);
    for (const line of s.setupLines) assert.match(line, /^plotly\.js \d+\.\d+\.\d+ 불러옴 \(오프라인, plotly\.js-dist-min\) \/ plotly\.js \d+\.\d+\.\d+ loaded/, `${name}: plotSetup()'s line`);
    trustedTexts.set(name, s.texts);
    total += s.drawn;
    if (await r.page.locator(".nn-digit-pad").count() > 0) pads.push(`${name}: ${await drawOne(r.page)}`);
    console.log(`  trusted   ${name}: ${s.drawn}/${want.plots} plots drawn, plotly.js ran ${s.readyEvents}×, ${s.tables} tables, ${s.katex} formulas, ${s.texts.length} other outputs`);
  });
  assert.ok(total > 0, "no plot drawn in any notebook");
  // notebook 12's drawing pad works in JupyterLab's output area: a vertical stroke is read as a 1
  assert.deepEqual(pads, ["12-mnist.ipynb: 1"], "drawing pads and what a drawn 1 was read as");
});

test("JupyterLab, untrusted outputs (a saved notebook reopened): no script runs, every plot place says why, the rest reads the same", async () => {
  await eachNotebook(false, async (name, r, want) => {
    const s = r.stats;
    assert.equal(s.scripts, 0, `${name}: the sanitizer left a script`);
    assert.equal(s.readyEvents, 0, `${name}: plotly.js ran`);
    assert.equal(s.plotlyDefined, false, `${name}: window.Plotly is set`);
    assert.equal(s.drawn, 0, `${name}: a plot was drawn`);
    s.plotFallbacks.forEach((f, i) => {
      assert.ok(f.text.includes(PLOT_FALLBACK.ko) && f.text.includes(PLOT_FALLBACK.en), `${name}: plot ${i + 1} does not show the fallback: ${JSON.stringify(f.text)}`);
      assert.ok(f.height >= 200, `${name}: plot ${i + 1}'s box collapsed to ${f.height}px`);
    });
    for (const line of s.setupLines) {
      assert.ok(line.includes(PLOTLY_FALLBACK.ko) && line.includes(PLOTLY_FALLBACK.en), `${name}: plotSetup()'s line: ${JSON.stringify(line)}`);
      assert.doesNotMatch(line, /loaded|불러옴/, `${name}: plotSetup()'s line claims plotly.js loaded`);
    }
    const padTexts = await r.page.locator(".nn-digit-pad").allInnerTexts();
    for (const t of padTexts) assert.match(t, /이 출력의 스크립트가 실행되지 않았습니다/, `${name}: the drawing pad's fallback`);
    const same = trustedTexts.get(name);
    assert.ok(same, `${name}: the trusted rendering did not run first`);
    assert.deepEqual(s.texts, same, `${name}: tables, Markdown or printed text read differently than when trusted`);
    for (const t of s.texts) assert.doesNotMatch(t, /^\s*\|\s*-{3}|\$\$/m, `${name}: unrendered Markdown or TeX: ${t.slice(0, 80)}`);
    console.log(`  untrusted ${name}: 0 scripts ran, ${s.plotFallbacks.length}/${want.plots} plot boxes and ${s.setupLines.length} plotSetup() line show the fallback, ${s.tables} tables, ${s.katex} formulas, ${s.texts.length} other outputs as when trusted`);
  });
});
