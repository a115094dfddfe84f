/**
 * `npm run bench:page [-- --runs N] [--site DIR] [--no-kernel] [page.html ...]`: the site in headless
 * Chromium from file:// (site/ from `npm run build:site`). Reported, never asserted.
 *
 * 1. Time to interactive, for every page of the site (or the pages named): median of N cold loads
 *    (default 5), each in a fresh browser context at 1280×800, times from navigation start (the page's
 *    clock): DOMContentLoaded; "▶ ready": every code cell has its ▶ and the page runner has booted;
 *    "key": a real keystroke, typed into the first cell's code right after a real click on it, has been
 *    handled and is in lessonRunner.getCode(0) (the bench waits up to 1 s for it before it clicks ▶); "▶ click": a real click on the first ▶ has been handled
 *    (the cell shows it runs); "interactive": the last of these; `load`; and "key delay", how long the
 *    page kept the keystroke waiting. The inputs are sent as soon as ▶ is ready, so the times include
 *    the bench's own round trips (a few ms on a quiet machine).
 * 2. The page runner on 02-forward (unless --no-kernel): first click → first output (cold, at `load`, and
 *    after 3 s of reading, when the page has started the kernel in idle time: median of N), the first
 *    edited cell (it starts TypeScript for the type check) and each new edit after it, a trivial cell
 *    once warm, the lesson's 1000-iteration loop in the page, and the bytes it loads.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { parseArgs } from "util";
import type { Browser } from "playwright-core";
import { launchChromium } from "../testing/browser";
import { ROOT } from "../paths";

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Load {
  dcl: number; load: number;
  /** every code cell has its ▶ (undefined on pages without code cells) */
  buttons?: number;
  /** the keystroke typed into the first cell's editor is in its code */
  key?: number;
  /** the click on the first ▶ has been handled */
  click?: number;
  /** from sending the keystroke to its being handled: how long the page kept it waiting */
  keyDelay?: number;
  /** the interactive moment: the last of the above that applies */
  interactive: number;
}

/**
 * Inside the page, before any of its scripts: when every code cell has its ▶ button, and when a
 * keystroke (its keyup: the key has been handled) and a click on a ▶ (after the button's own handler)
 * were handled. Times are the page's performance.now(), from navigation start.
 */
const WATCH = `(() => {
  const w = window;
  w.__bench = { longTasks: [] };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__bench.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });
  } catch {}
  // ▶ ready: every code cell has its ▶ and the page runner has booted (body.runner-ready): a click now is handled
  w.__benchButtons = new Promise((resolve) => {
    const check = () => {
      const cells = document.querySelectorAll("section.cell.code");
      if (cells.length && document.body?.classList.contains("runner-ready") && document.querySelectorAll("section.cell.code button.run").length >= cells.length) {
        w.__bench.buttons = performance.now();
        resolve(true);
        return true;
      }
      return false;
    };
    const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
    obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
    document.addEventListener("DOMContentLoaded", () => { if (!document.querySelector("section.cell.code")) { obs.disconnect(); resolve(false); } });
  });
  addEventListener("pointerdown", (e) => { if (w.__bench.down === undefined) { w.__bench.down = performance.now(); w.__bench.downSent = e.timeStamp; } }, true);
  addEventListener("keyup", (e) => { w.__bench.key = performance.now(); w.__bench.keySent = e.timeStamp; }, true);
  addEventListener("click", (e) => { if (e.target.closest?.("button.run")) { w.__bench.click = performance.now(); w.__bench.clickSent = e.timeStamp; } });
})();`;

type Runner = { getCode(i: number): string };
type Bench = { buttons?: number; key?: number; keySent?: number; click?: number; clickSent?: number; longTasks: [number, number][] };

async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    page.on("dialog", (d) => void d.dismiss());
    await page.addInitScript(WATCH);
    await page.goto(url, { waitUntil: "commit", timeout: 60000 });
    // one round trip: wait (in the page) until ▶ is ready, then say where to click
    const at = await page.evaluate(async () => {
      const w = window as unknown as { __benchButtons: Promise<boolean>; lessonRunner?: Runner };
      if (!(await w.__benchButtons)) return null;
      // the first cell, with its ▶, in view (scrolled only if it is not)
      const cell = document.querySelector("section.cell.code") as HTMLElement;
      const box = cell.getBoundingClientRect();
      // (below the sticky toolbar)
      if (box.top < 80 || box.top + Math.min(box.height, 300) > innerHeight) scrollBy(0, box.top - 120);
      const button = cell.querySelector("button.run") as HTMLElement;
      if (button.getBoundingClientRect().bottom > innerHeight) button.scrollIntoView({ block: "end" });
      const centre = (sel: string) => {
        const r = (cell.querySelector(sel) as HTMLElement).getBoundingClientRect();
        return { x: r.left + Math.min(r.width / 2, 60), y: r.top + Math.min(r.height / 2, 12) };
      };
      return { before: w.lessonRunner ? w.lessonRunner.getCode(0) : null, code: centre(".editor"), run: centre("button.run") };
    });
    const r: Partial<Load> = {};
    if (at) {
      // as soon as ▶ is ready: click into the first cell's code, type a key, click its ▶
      const before = at.before;
      await page.mouse.click(at.code.x, at.code.y);
      await page.keyboard.type("Q");
      // the key is handled when it is in the cell's code: wait for it (a keystroke that never arrives fails the load)
      const landed = await page.evaluate(async (before) => {
        const w = window as unknown as { lessonRunner: Runner };
        for (let i = 0; i < 200; i++) {
          if (w.lessonRunner.getCode(0).length === (before ?? "").length + 1) return performance.now();
          await new Promise((r) => setTimeout(r, 5));
        }
        return null;
      }, before);
      await page.mouse.click(at.run.x, at.run.y);
      const b = await page.evaluate((before) => {
        const w = window as unknown as { lessonRunner: Runner; __bench: Bench };
        const code = w.lessonRunner.getCode(0);
        const cell = document.querySelector("section.cell.code") as HTMLElement;
        const status = cell.querySelector(".run-status")?.textContent ?? "";
        return {
          ...w.__bench,
          typed: before !== null && code.length === before.length + 1 && code.includes("Q"),
          ran: cell.classList.contains("running") || status !== "",
        };
      }, before);
      if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(b));
      r.buttons = b.buttons;
      // the keyup, or later if the key reached the code only after it
      r.key = b.typed && landed !== null ? Math.max(b.key ?? 0, landed) : NaN;
      r.keyDelay = b.typed && b.key !== undefined && b.keySent !== undefined ? b.key - b.keySent : NaN;
      r.click = b.ran ? b.click : NaN;
    }
    await page.waitForLoadState("load", { timeout: 60000 });
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventStart };
    });
    const interactive = [nav.dcl, r.buttons, r.key, r.click].some((x) => x !== undefined && Number.isNaN(x)) ? NaN : Math.max(nav.dcl, r.buttons ?? 0, r.key ?? 0, r.click ?? 0);
    return { ...nav, ...r, interactive };
  } finally {
    await context.close();
  }
}

async function interactiveTimes(browser: Browser, site: string, files: string[], runs: number): Promise<void> {
  const ms = (xs: (number | undefined)[]) => {
    if (xs.every((x) => x === undefined)) return "—";
    if (xs.some((x) => x === undefined || Number.isNaN(x))) return "failed";
    return median(xs as number[]).toFixed(0);
  };
  const col = (s: string, w: number) => s.padStart(w);
  console.log(`time to interactive, ms from navigation start, median of ${runs} cold loads (fresh context each, 1280×800, file://):`);
  console.log(`${"page".padEnd(34)}${col("DCL", 7)}${col("▶ ready", 8)}${col("key", 7)}${col("▶ click", 9)}${col("interactive", 13)}${col("load", 7)}${col("key delay", 11)}`);
  const worst: [string, number][] = [];
  for (const file of files) {
    const url = pathToFileURL(path.join(site, file)).href;
    const loads: Load[] = [];
    for (let k = 0; k < runs; k++) loads.push(await coldLoad(browser, url));
    const failed = loads.some((l) => Number.isNaN(l.interactive));
    const interactive = failed ? NaN : median(loads.map((l) => l.interactive));
    worst.push([file, failed ? Infinity : interactive]);
    console.log(`${file.padEnd(34)}${col(ms(loads.map((l) => l.dcl)), 7)}${col(ms(loads.map((l) => l.buttons)), 8)}${col(ms(loads.map((l) => l.key)), 7)}` +
      `${col(ms(loads.map((l) => l.click)), 9)}${col(failed ? "failed" : interactive.toFixed(0), 13)}${col(ms(loads.map((l) => l.load)), 7)}${col(ms(loads.map((l) => l.keyDelay)), 11)}`);
  }
  worst.sort((a, b) => b[1] - a[1]);
  console.log(`slowest page to interactive: ${worst[0][0]} ${worst[0][1].toFixed(0)} ms`);
}

/** ▶ on the first cells of 02-forward until one prints: ms from the click to that output (in a fresh context). */
async function firstOutputAfter(browser: Browser, site: string, readMs: number): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(site, "02-forward.html")).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window);
  await page.waitForTimeout(readMs);
  const ms = await page.evaluate(async () => {
    const r = (window as unknown as { lessonRunner: { run(i: number): Promise<{ text: string }> } }).lessonRunner;
    const t0 = performance.now();
    let i = 0;
    while (!(await r.run(i)).text) i++;
    return performance.now() - t0;
  });
  await context.close();
  return ms;
}

async function kernelTimes(browser: Browser, site: string, runs: number): Promise<void> {
  // a learner who reads a moment first: the page has started the kernel in idle time (scripts/site/runner/page.ts, prewarm)
  const afterReading: number[] = [];
  for (let k = 0; k < runs; k++) afterReading.push(await firstOutputAfter(browser, site, 3000));
  const page = await browser.newPage();
  const loaded: { url: string; bytes: number }[] = [];
  page.on("requestfinished", (req) => {
    const url = req.url();
    if (url.startsWith("file:")) loaded.push({ url, bytes: fs.statSync(new URL(url)).size });
  });
  await page.goto(pathToFileURL(path.join(site, "02-forward.html")).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window);
  const onOpen = loaded.splice(0).filter((l) => l.url.includes("/assets/runner/"));
  // the first click: ▶ on the first cell, then the next cells until something is printed
  const cold = await page.evaluate(async () => {
    const r = (window as unknown as { lessonRunner: { run(i: number): Promise<{ text: string }> } }).lessonRunner;
    const t0 = performance.now();
    await r.run(0);
    const kernel = performance.now() - t0;
    let i = 1;
    while (!(await r.run(i)).text) i++;
    return { kernel, firstOutput: performance.now() - t0, cells: i + 1, clickedAt: t0 };
  });
  const firstRun = loaded.splice(0).filter((l) => l.url.includes("/assets/runner/"));
  const timings = await page.evaluate(async () => {
    const r = (window as unknown as { lessonRunner: { run(i: number): Promise<{ text: string }>; setCode(i: number, s: string): void } }).lessonRunner;
    const times = async (code: string, n: number) => {
      r.setCode(0, code);
      const out: number[] = [];
      for (let k = 0; k < n; k++) {
        const t = performance.now();
        const res = await r.run(0);
        out.push(code.includes("trainSeconds") ? Number(res.text) : performance.now() - t);
      }
      return out;
    };
    const loopTimes = async (fn: string) => {
      const [first] = await times(`import { lessonData, ${fn} } from "nn-lesson";\n${fn}(lessonData()).trainSeconds * 1000`, 1);
      r.setCode(0, `const ms_${fn}: number[] = [];\nfor (let k = 0; k < 150; k++) ms_${fn}.push(${fn}(lessonData()).trainSeconds * 1000);\n` +
        `ms_${fn}.slice(50).sort((a, b) => a - b)[50]`);
      const res = await r.run(0) as { text: string; error?: string };
      const warm = Number(res.text);
      if (res.error || !(warm > 0)) throw new Error(`the warm ${fn}() cell failed: ${res.error ?? JSON.stringify(res.text)}`);
      return { first, warm };
    };
    // an edited cell is not among the build's compiled cells: the first one starts TypeScript (the compiler worker)
    r.setCode(0, "const firstEdit: number = 1;\nfirstEdit * 2");
    let t = performance.now();
    await r.run(0);
    const firstCheck = performance.now() - t;
    // then each new code is type-checked and compiled by tslab's converter, then run
    const checks: number[] = [];
    for (let k = 0; k < 11; k++) {
      r.setCode(0, `const edit${k}: number[] = [${k}, 2];\nedit${k}.map((v) => v * 2)`);
      t = performance.now();
      await r.run(0);
      checks.push(performance.now() - t);
    }
    return {
      firstCheck, checks,
      trivial: await times("1 + 1", 21),
      // the first run (what a learner's first ▶ sees), then warm as in npm run bench: one cell runs the loop
      // 150 times and reports the median of the last 100 (run cell by cell, the JIT does not stay warm)
      loop: await loopTimes("train"),
      fast: await loopTimes("trainFast"),
    };
  });
  await page.close();
  const kb = (xs: { bytes: number }[]) => `${(xs.reduce((s, x) => s + x.bytes, 0) / 1024).toFixed(0)} KB`;
  const runnerDir = path.join(site, "assets", "runner");
  const all = fs.readdirSync(runnerDir).map((f) => ({ url: f, bytes: fs.statSync(path.join(runnerDir, f)).size }));
  console.log(`site/assets/runner/: ${kb(all)} in ${all.length} files (${all.map((f) => `${f.url} ${(f.bytes / 1024).toFixed(0)} KB`).join(", ")})`);
  console.log(`loaded when a page opens: ${kb(onOpen)} (${onOpen.map((l) => path.basename(l.url)).join(", ")})`);
  console.log(`loaded by the first run: ${kb(firstRun)} (${firstRun.map((l) => path.basename(l.url)).join(", ")})`);
  console.log(`first click (at \`load\`, ${cold.clickedAt.toFixed(0)} ms after navigation) → kernel ready and cell 0 run: ${cold.kernel.toFixed(0)} ms; → first output (cell ${cold.cells - 1}): ${cold.firstOutput.toFixed(0)} ms; navigation → first output: ${(cold.clickedAt + cold.firstOutput).toFixed(0)} ms`);
  console.log(`a click after reading 3 s (kernel started in idle time) → first output: ${median(afterReading).toFixed(0)} ms (median of ${runs})`);
  console.log(`first edited cell (loads TypeScript 5.0.4 and tslab's converter, type-checks, runs): ${timings.firstCheck.toFixed(0)} ms; ` +
    `each new edit after it (type-check + run): ${median(timings.checks.slice(1)).toFixed(0)} ms (median of 10)`);
  console.log(`trivial cell (1 + 1), warm: ${median(timings.trivial.slice(1)).toFixed(1)} ms (median of 20)`);
  const loopMs = (t: { first: number; warm: number }) => `${t.warm.toFixed(2)} ms warm (first run ${t.first.toFixed(1)} ms)`;
  console.log(`lesson's 1000 iterations in the page: train() ${loopMs(timings.loop)}, trainFast() ${loopMs(timings.fast)}` +
    " (warm: median of runs 51–150 in one cell)");
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2), allowPositionals: true,
    options: { runs: { type: "string", default: "5" }, site: { type: "string" }, "no-kernel": { type: "boolean", default: false } },
  });
  const site = path.resolve(values.site ?? path.join(ROOT, "site"));
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number ≥ 1, not ${values.runs}`);
  if (!fs.existsSync(path.join(site, "assets", "runner", "page.js"))) throw new Error(`${site}에 사이트가 없습니다: 먼저 npm run build:site / no site in ${site}: run npm run build:site first`);
  const all = fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
  const files = positionals.length ? positionals.map((p) => path.basename(p)) : all;
  for (const f of files) if (!all.includes(f)) throw new Error(`${f}: not a page of ${site}`);
  const browser = await launchChromium();
  try {
    await interactiveTimes(browser, site, files, runs);
    if (!values["no-kernel"]) await kernelTimes(browser, site, runs);
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(`bench:page: ${e instanceof Error ? e.message : e}`); process.exit(1); });
