/**
 * `npm run bench:page`: the page runner in headless Chromium from file:// (site/ from `npm run build:site`):
 * time from the first click to the first output (cold), a trivial cell once warm, the lesson's
 * 1000-iteration loop in the page, and the bytes the runner adds to site/ and what a first run loads.
 * Reported, never asserted.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { launchChromium } from "./browser";
import { ROOT } from "./paths";

const SITE = path.join(ROOT, "site");

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(SITE, "assets", "runner", "page.js"))) throw new Error("site/가 없습니다: 먼저 npm run build:site / run npm run build:site first");
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const loaded: { url: string; bytes: number }[] = [];
    page.on("requestfinished", (req) => {
      const url = req.url();
      if (url.startsWith("file:")) loaded.push({ url, bytes: fs.statSync(new URL(url)).size });
    });
    await page.goto(pathToFileURL(path.join(SITE, "02-forward.html")).href, { waitUntil: "load" });
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
      return { kernel, firstOutput: performance.now() - t0, cells: i + 1 };
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
      return {
        trivial: await times("1 + 1", 21),
        loop: await times('import { lessonData, train } from "nn-lesson";\ntrain(lessonData()).trainSeconds * 1000', 21),
        fast: await times('import { lessonData, trainFast } from "nn-lesson";\ntrainFast(lessonData()).trainSeconds * 1000', 21),
      };
    });
    const kb = (xs: { bytes: number }[]) => `${(xs.reduce((s, x) => s + x.bytes, 0) / 1024).toFixed(0)} KB`;
    const runnerDir = path.join(SITE, "assets", "runner");
    const all = fs.readdirSync(runnerDir).map((f) => ({ url: f, bytes: fs.statSync(path.join(runnerDir, f)).size }));
    console.log(`site/assets/runner/: ${kb(all)} in ${all.length} files (${all.map((f) => `${f.url} ${(f.bytes / 1024).toFixed(0)} KB`).join(", ")})`);
    console.log(`loaded when a page opens (deferred): ${kb(onOpen)} (${onOpen.map((l) => path.basename(l.url)).join(", ")})`);
    console.log(`loaded by the first run: ${kb(firstRun)} (${firstRun.map((l) => path.basename(l.url)).join(", ")})`);
    console.log(`first click → kernel ready and cell 0 run: ${cold.kernel.toFixed(0)} ms; → first output (cell ${cold.cells - 1}): ${cold.firstOutput.toFixed(0)} ms`);
    console.log(`trivial cell (1 + 1), warm: ${median(timings.trivial.slice(1)).toFixed(1)} ms (median of 20)`);
    console.log(`lesson's 1000 iterations in the page: train() ${median(timings.loop.slice(1)).toFixed(2)} ms, trainFast() ${median(timings.fast.slice(1)).toFixed(2)} ms (median of 20)`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(`bench:page: ${e instanceof Error ? e.message : e}`); process.exit(1); });
