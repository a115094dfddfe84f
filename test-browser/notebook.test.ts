/**
 * A live classic Jupyter Notebook server on 127.0.0.1, driven through the page in headless chromium:
 * run all cells, check every plot drew and no cell shows an error, save, reload, check the plots
 * draw again from the saved (trusted) outputs. The fixture notebook is copied into .tmp/ (so
 * "nn-lesson" resolves through the project's node_modules); the server is always stopped.
 * The fixture is enough here: it imports the library, calls plotSetup() and draws every kind of figure
 * the lessons use (network, 3D surface, animation, hostile titles). That the lesson notebooks run is
 * checked by `npm run test:notebooks`; that their outputs draw, by the site test (test-browser/site.test.ts).
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import { ChildProcess, spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium, waitForPlots } from "../scripts/testing/browser";
import { findNotebookPython } from "../scripts/jupyter/jupyter";
import { PLOT_FALLBACK } from "nn-lesson/dist/internal";
import { registerKernel } from "../scripts/jupyter/register-kernel";
import { ROOT, jupyterEnv } from "../scripts/paths";

const ARTIFACTS = path.join(ROOT, "artifacts");
const FIXTURE = path.join(ROOT, "test", "fixtures", "plots.ipynb");
/** Notebook 12's drawing pad on an untrained 784-8-10 network. */
const PAD_FIXTURE = path.join(ROOT, "test", "fixtures", "digit-pad.ipynb");

let browser: Browser;
let server: ChildProcess | undefined;
let dir: string;
let base: string;
let token: string;
let serverLog = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`jupyter notebook exited (${server.exitCode}):\n${serverLog.slice(-2000)}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`jupyter notebook did not answer within ${ms / 1000} s:\n${serverLog.slice(-2000)}`);
}

before(async () => {
  const py = findNotebookPython();
  assert.ok(py, "no Python with Jupyter");
  registerKernel();
  fs.mkdirSync(path.join(ROOT, ".tmp"), { recursive: true });
  dir = fs.mkdtempSync(path.join(ROOT, ".tmp", "live-"));
  const nbDir = path.join(dir, "notebooks");
  fs.mkdirSync(nbDir);
  fs.copyFileSync(FIXTURE, path.join(nbDir, "plots-fixture.ipynb"));
  fs.copyFileSync(PAD_FIXTURE, path.join(nbDir, "digit-pad.ipynb"));
  const port = await freePort();
  token = crypto.randomBytes(16).toString("hex");
  base = `http://127.0.0.1:${port}`;
  const env = {
    ...jupyterEnv(),
    // the server's own runtime, config and signature database stay inside the temp folder
    JUPYTER_RUNTIME_DIR: path.join(dir, "runtime"),
    JUPYTER_CONFIG_DIR: path.join(dir, "config"),
    JUPYTER_DATA_DIR: path.join(dir, "data"),
  };
  server = spawn(py!, ["-m", "notebook", "--no-browser", "--ip=127.0.0.1", `--port=${port}`, `--NotebookApp.token=${token}`,
    `--notebook-dir=${nbDir}`, "--NotebookApp.open_browser=False",
    // CI containers run as root; the server listens on loopback only, behind a random token
    ...(process.getuid?.() === 0 ? ["--allow-root"] : [])], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (b) => { serverLog += b; });
  server.stderr!.on("data", (b) => { serverLog += b; });
  await waitForServer(`${base}/api/status?token=${token}`, 30000);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server && server.pid && server.exitCode === null) {
    const pid = server.pid;
    const exited = new Promise((r) => server!.once("exit", r));
    try { process.kill(-pid, "SIGTERM"); } catch { /* gone */ }
    const t = setTimeout(() => { try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ } }, 8000);
    await exited;
    clearTimeout(t);
    // the kernels the server started run in the same process group
    try { process.kill(-pid, "SIGKILL"); } catch { /* all gone */ }
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface CellState { index: number; prompt: unknown; errors: number; stderr: string }

async function openNotebook(page: Page, name: string): Promise<void> {
  await page.goto(`${base}/notebooks/${encodeURIComponent(name)}?token=${token}`, { waitUntil: "load" });
  await page.waitForFunction(() => {
    const J = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean }; _fully_loaded?: boolean } } }).Jupyter;
    return !!J?.notebook?._fully_loaded && !!J.notebook.kernel?.is_connected();
  }, undefined, { timeout: 60000 });
}

async function cellStates(page: Page): Promise<CellState[]> {
  return page.evaluate(() => {
    const J = (window as unknown as { Jupyter: { notebook: { get_cells(): { cell_type: string; input_prompt_number: unknown; element: HTMLElement[] }[] } } }).Jupyter;
    return J.notebook.get_cells().map((c, index) => ({ c, index })).filter(({ c }) => c.cell_type === "code").map(({ c, index }) => ({
      index,
      prompt: c.input_prompt_number,
      errors: c.element[0].querySelectorAll(".output_error").length,
      stderr: Array.from(c.element[0].querySelectorAll(".output_stderr")).map((e) => (e as HTMLElement).innerText).join("\n"),
    }));
  });
}

async function liveRun(name: string, expectedPlots?: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/") || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  try {
    await openNotebook(page, name);
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { execute_all_cells(): void } } }).Jupyter.notebook.execute_all_cells());
    // all code cells have a number (not "*") and the kernel is idle
    await page.waitForFunction(() => {
      const J = (window as unknown as { Jupyter: { notebook: { get_cells(): { cell_type: string; input_prompt_number: unknown }[] } } }).Jupyter;
      const done = J.notebook.get_cells().every((c) => c.cell_type !== "code" || typeof c.input_prompt_number === "number");
      return done && document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null;
    }, undefined, { timeout: 180000, polling: 250 });
    const runSeconds = (Date.now() - t0) / 1000;
    const cells = await cellStates(page);
    for (const c of cells) assert.equal(c.errors, 0, `${name} cell ${c.index}: shows an error`);
    const plots = await waitForPlots(page, 30000);
    assert.ok(plots.divs > 0, `${name}: no plot outputs`);
    if (expectedPlots !== undefined) assert.equal(plots.divs, expectedPlots, `${name}: plot outputs`);
    assert.equal(plots.rendered, plots.divs, `${name}: plots not drawn: ${plots.missing.join(", ")}`);
    const libraries = await page.evaluate(() => document.querySelectorAll("script[data-nn-lesson-plotly]").length);
    assert.ok(libraries <= 1, `${name}: plotly.js sent ${libraries} times`);
    assert.equal(plots.fallbacks, 0, `${name}: a "cannot draw" fallback is still visible after drawing`);
    const text = await page.evaluate(() => document.body.innerText);
    assert.ok(!text.includes(PLOT_FALLBACK.ko), `${name}: fallback text visible after drawing`);
    assert.match(text, /plotly\.js \d+\.\d+\.\d+ 불러옴 \(오프라인/, `${name}: plotSetup()'s line says plotly.js loaded`);
    assert.deepEqual(errors, [], `${name}: page errors`);
    console.log(`  live ${name}: ${cells.length} code cells run through the page in ${runSeconds.toFixed(1)} s, ${plots.rendered}/${plots.divs} plots drawn, plotly.js sent ${libraries}×`);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shotName = `notebook-live-${path.basename(name, ".ipynb")}.png`;
    await page.evaluate(() => document.querySelector(".nn-lesson-plot")?.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, shotName) });

    // save, reload: the outputs come back from the saved, signed (trusted) notebook and draw again
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { save_notebook(): Promise<unknown> } } }).Jupyter.notebook.save_notebook());
    await page.waitForFunction(() => !(window as unknown as { Jupyter: { notebook: { dirty: boolean } } }).Jupyter.notebook.dirty, undefined, { timeout: 30000 });
    await page.reload({ waitUntil: "load" });
    await openNotebook(page, name).catch(() => undefined);
    await page.waitForFunction(() => !!(window as unknown as { Jupyter?: { notebook?: { _fully_loaded?: boolean } } }).Jupyter?.notebook?._fully_loaded, undefined, { timeout: 60000 });
    const trusted = await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { trusted: boolean } } }).Jupyter.notebook.trusted);
    assert.equal(trusted, true, `${name}: the saved notebook is trusted`);
    const again = await waitForPlots(page, 30000);
    assert.equal(again.divs, plots.divs, `${name}: plot outputs after reload`);
    assert.equal(again.rendered, again.divs, `${name}: plots not drawn after reload: ${again.missing.join(", ")}`);
    assert.equal(again.fallbacks, 0, `${name}: a "cannot draw" fallback is still visible after reload`);
    assert.equal((await cellStates(page)).reduce((s, c) => s + c.errors, 0), 0);
    assert.deepEqual(errors, [], `${name}: page errors after reload`);
    console.log(`  live ${name} after save + reload: ${again.rendered}/${again.divs} plots drawn (trusted: ${trusted}); requests to outside hosts aborted: ${outside.length}`);
  } finally {
    await page.close();
  }
}

test("live classic Notebook: the fixture notebook (7 plots, hostile titles)", async () => {
  await liveRun("plots-fixture.ipynb", 7);
});

test("live classic Notebook: notebook 12's drawing pad runs its script, answers a drawn stroke, and clears", async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await openNotebook(page, "digit-pad.ipynb");
    await page.evaluate(() => (window as unknown as { Jupyter: { notebook: { execute_all_cells(): void } } }).Jupyter.notebook.execute_all_cells());
    const pad = page.locator(".nn-digit-pad").first();
    await pad.waitFor({ timeout: 120000 });
    await page.waitForFunction(() => document.querySelector(".nn-digit-pad")?.getAttribute("data-best") === "-1", undefined, { timeout: 30000 });
    assert.equal(await page.locator(".nn-digit-pad-fallback").count(), 0, "the script removed its fallback");
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.locator("canvas").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + box.width * (0.3 + 0.04 * k), box.y + box.height * (0.3 + 0.04 * k));
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector(".nn-digit-pad")?.getAttribute("data-best") !== "-1", undefined, { timeout: 10000 });
    const bars = await pad.locator("[data-digit]").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-p"))));
    assert.ok(Math.abs(bars.reduce((a, b) => a + b, 0) - 1) < 1e-6, `probabilities ${bars}`);
    await pad.locator("button").click();
    await page.waitForFunction(() => document.querySelector(".nn-digit-pad")?.getAttribute("data-best") === "-1", undefined, { timeout: 10000 });
    assert.deepEqual(errors, []);
    console.log(`  live digit-pad.ipynb: the pad answered a stroke (${bars.map((p) => p.toFixed(2)).join(" ")}) and cleared`);
  } finally {
    await page.close();
  }
});
