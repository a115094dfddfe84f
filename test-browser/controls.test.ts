/**
 * The page runner's controls, through the real UI in headless Chromium (scripts/site/runner/page.ts):
 *  - ▶ double-clicked and Shift+Enter pressed twice run a cell once; ▶ on another cell while one runs
 *    queues it ("대기 중…"); run(i) asked twice gives the same promise;
 *  - ▶▶ 모두 실행 double-clicked runs every cell once;
 *  - ■ 중지 during ▶▶ 모두 실행: no later cell runs, their outputs are the very nodes they were, the
 *    stopped cell and the status line say the kernel restarted; the next ▶▶ 모두 실행 works;
 *  - an edited cell's old output is marked stale after a reload, and after an edit of a cell run here;
 *  - edits are found under their own cell in a rebuilt page (a cell inserted above), and edits stored
 *    by index (the old way) move to their cell or are dropped;
 *  - a cell's ↺ brings back its code and its original output nodes, and nothing else;
 *  - a long library loop shows its progress under the cell while it runs, and ■ 중지 ends it (how long
 *    each takes is printed as a test diagnostic, not asserted: machines are noisy).
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import type { Browser, Locator, Page } from "playwright-core";
import { launchChromium } from "../scripts/testing/browser";
import { ROOT } from "../scripts/paths";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));

interface RunResult { text: string; plots: number; error?: string; kernel: number; restarted: boolean; stopped?: boolean }
type Runner = {
  cellCount(): number; getCode(i: number): string; setCode(i: number, s: string): void; run(i: number): Promise<RunResult>;
  runAll(): Promise<{ ok: boolean; errors: string[]; stopped?: boolean }>; interrupt(): void; restore(): void; restoreCell(i: number): void;
  whenIdle(): Promise<void>; kernelGeneration(): number; kernelRestarted(): boolean; lostCells(): number[]; compilerReady(): boolean;
};
declare const lessonRunner: Runner;

let browser: Browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

/**
 * A page of the site, dialogs accepted; `rewrite` changes its HTML as served (a rebuilt page).
 * Requests outside site/ are aborted.
 */
async function open(file: string, errors: string[] = []): Promise<{ page: Page; rewrite(f?: (html: string) => string): void }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => void d.accept());
  const target = path.join(SITE, file);
  let change: ((html: string) => string) | undefined;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("blob:")) return route.continue();
    if (!url.startsWith("file:")) return route.abort();
    const p = path.resolve(fileURLToPath(url));
    if (p === target && change) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: change(fs.readFileSync(p, "utf8")) });
    return p.startsWith(SITE + path.sep) ? route.continue() : route.abort();
  });
  await page.goto(pathToFileURL(target).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 15000 });
  return { page, rewrite: (f) => { change = f; } };
}

async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 15000 });
}

const cellSel = (i: number) => `section.cell.code >> nth=${i}`;
const getCode = (page: Page, i: number) => page.evaluate((i) => lessonRunner.getCode(i), i);
const setCode = (page: Page, i: number, s: string) => page.evaluate(([i, s]) => lessonRunner.setCode(i as number, s as string), [i, s] as const);
const idle = (page: Page) => page.evaluate(() => lessonRunner.whenIdle());
/**
 * What a learner who scrolls to it sees: sections far from the viewport are not rendered
 * (content-visibility: auto, scripts/site/site-render.ts), and their innerText is empty until then.
 */
async function seen(loc: Locator): Promise<string> {
  await loc.scrollIntoViewIfNeeded();
  await loc.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))); // rendered
  return loc.innerText();
}
const statusOf = (page: Page, i: number) => seen(page.locator(cellSel(i)).locator(".run-status"));
const outputText = async (page: Page, i: number) => (await seen(page.locator(cellSel(i)).locator(".outputs"))).trim();
const toolbarButton = (page: Page, label: string) => page.locator(".runner-bar button", { hasText: label });

/** A cell that counts its runs in the kernel (one counter per name) and takes `ms` to run. */
const counting = (name: string, ms: number) =>
  `const g = globalThis as any;\ng.${name} = (g.${name} ?? 0) + 1;\nconst t0 = Date.now();\nwhile (Date.now() - t0 < ${ms}) { /* busy */ }\nconsole.log("${name} 실행 횟수", g.${name});`;

test("▶ double-clicked and Shift+Enter pressed twice run the cell once; ▶ on another cell meanwhile waits its turn", async () => {
  const errors: string[] = [];
  const { page } = await open("00-overview.html", errors);
  try {
    await setCode(page, 0, counting("a", 400));
    await page.locator(cellSel(0)).locator("button.run").dblclick();
    await idle(page);
    assert.equal(await outputText(page, 0), "a 실행 횟수 1");
    assert.equal(await statusOf(page, 0), "✔ 실행함");

    await page.locator(cellSel(0)).locator(".cm-content").click();
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.press("Shift+Enter");
    await idle(page);
    assert.equal(await outputText(page, 0), "a 실행 횟수 2", "two Shift+Enter, one more run");

    // ▶ on cell 0, then at once ▶ on cell 1: cell 1 waits, then runs
    await setCode(page, 0, counting("a", 1500));
    await setCode(page, 1, counting("b", 0));
    await page.locator(cellSel(0)).locator("button.run").click();
    await page.locator(cellSel(1)).locator("button.run").click();
    const waiting = await page.locator(cellSel(1)).evaluate((s) => [s.querySelector(".run-status")?.textContent, s.classList.contains("queued")]);
    assert.deepEqual(waiting, ["대기 중…", true], "cell 1 waits");
    await idle(page);
    assert.equal(await outputText(page, 0), "a 실행 횟수 3");
    assert.equal(await outputText(page, 1), "b 실행 횟수 1");
    assert.equal(await statusOf(page, 1), "✔ 실행함");
    assert.match(await page.locator(".runner-status").innerText(), /^셀 \[2\]: ✔ 실행함/, "the toolbar names the last cell run");

    // the API follows the same rules
    const same = await page.evaluate(() => {
      const a = lessonRunner.run(0), b = lessonRunner.run(0);
      return a === b;
    });
    assert.ok(same, "run(0) twice gives the same promise");
    await idle(page);
    assert.equal(await outputText(page, 0), "a 실행 횟수 4");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("▶▶ 모두 실행 double-clicked runs every cell once, and runAll() asked twice gives the same promise", async () => {
  const errors: string[] = [];
  const { page } = await open("00-overview.html", errors);
  try {
    const n = await page.evaluate(() => lessonRunner.cellCount());
    const first = await getCode(page, 0), last = await getCode(page, n - 1);
    await setCode(page, 0, `${first}\n(globalThis as any).firstRuns = ((globalThis as any).firstRuns ?? 0) + 1;\nconsole.log("첫 셀", (globalThis as any).firstRuns);`);
    await setCode(page, n - 1, `${last}\n(globalThis as any).lastRuns = ((globalThis as any).lastRuns ?? 0) + 1;\nconsole.log("끝 셀", (globalThis as any).lastRuns);`);
    await toolbarButton(page, "모두 실행").dblclick();
    await idle(page);
    assert.match(await outputText(page, 0), /첫 셀 1$/);
    assert.match(await outputText(page, n - 1), /끝 셀 1$/);
    for (let i = 0; i < n; i++) assert.equal(await statusOf(page, i), "✔ 실행함", `cell ${i}`);
    // every cell has as many outputs as one run gives: the plots of cells 0 and 3 once each
    assert.equal(await page.locator(".outputs .nn-lesson-plot").count(), 1, "one plot (cell 3; cell 0 only loads plotly.js)");
    assert.match(await page.locator(".runner-status").innerText(), /모두 실행했습니다/);

    const same = await page.evaluate(() => lessonRunner.runAll() === lessonRunner.runAll());
    assert.ok(same);
    assert.match(await page.locator(".runner-status").innerText(), /^▶▶ 모두 실행 중… 셀 \d+ \//, "a second ▶▶ 모두 실행 says so at once");
    await idle(page);
    assert.match(await outputText(page, n - 1), /끝 셀 2$/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("■ 중지 during ▶▶ 모두 실행: later cells do not run and keep their outputs; the page says the kernel restarted", async (t) => {
  const errors: string[] = [];
  const { page } = await open("02-forward.html", errors);
  try {
    const n = await page.evaluate(() => lessonRunner.cellCount());
    const k = 3;
    await page.evaluate(() => {
      (window as unknown as { before: Node[][] }).before = Array.from(document.querySelectorAll("section.cell.code .outputs"), (o) => Array.from(o.childNodes));
    });
    await setCode(page, k, 'console.log("멈추기 전");\nwhile (true) { /* 끝나지 않는 반복 */ }');
    await toolbarButton(page, "모두 실행").click();
    await page.waitForFunction((k) => document.querySelectorAll("section.cell.code")[k].classList.contains("running"), k, { timeout: 60000 });
    await page.waitForFunction((k) => document.querySelectorAll("section.cell.code .outputs")[k].textContent?.includes("멈추기 전"), k, { timeout: 60000 });
    for (let i = k + 1; i < n; i++) assert.equal(await statusOf(page, i), "대기 중…", `cell ${i} waits`);
    const t0 = Date.now();
    await toolbarButton(page, "중지").click();
    await idle(page);
    t.diagnostic(`stopped after ${Date.now() - t0} ms`); // times are measured, not asserted (noisy machines); the loop never ends by itself

    const stopped = await outputText(page, k);
    assert.match(stopped, /멈추기 전/);
    assert.match(stopped, /중지했습니다: 커널을 다시 시작했습니다 — 앞 셀에서 만든 값은 사라졌습니다\. ▶▶ 모두 실행으로 처음부터 다시 실행하세요/);
    assert.equal(await statusOf(page, k), "■ 중지됨");
    assert.match(await page.locator(".runner-status").innerText(), /^중지했습니다: 커널을 다시 시작했습니다/);
    for (let i = 0; i < k; i++) assert.equal(await statusOf(page, i), "재시작 전에 실행함 — 값은 사라졌습니다", `cell ${i} ran in the ended kernel`);
    const kept = await page.evaluate(([k, n]) => {
      const before = (window as unknown as { before: Node[][] }).before;
      const outs = Array.from(document.querySelectorAll("section.cell.code .outputs"));
      const same: boolean[] = [];
      for (let i = k + 1; i < n; i++) {
        const now = Array.from(outs[i].childNodes);
        same.push(now.length === before[i].length && now.every((node, j) => node === before[i][j]));
      }
      return same;
    }, [k, n]);
    assert.deepEqual(kept, kept.map(() => true), "cells after the stopped one keep their original output nodes");
    for (let i = k + 1; i < n; i++) assert.equal(await statusOf(page, i), "", `cell ${i}: not run, no status`);
    assert.doesNotMatch(await page.locator("main").textContent() ?? "", /ReferenceError/); // every section, rendered or not
    assert.equal(await page.evaluate(() => lessonRunner.kernelGeneration()), 2);
    assert.equal(await page.evaluate(() => lessonRunner.kernelRestarted()), true);
    assert.deepEqual(await page.evaluate(() => lessonRunner.lostCells()), [0, 1, 2, 3]);

    // back to the original cell, and all of it again in the new kernel
    await page.evaluate((k) => lessonRunner.restoreCell(k), k);
    const again = await page.evaluate(() => lessonRunner.runAll());
    assert.deepEqual(again, { ok: true, errors: [] });
    assert.deepEqual(await page.evaluate(() => lessonRunner.lostCells()), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("■ 중지 with nothing running keeps the kernel and its values", async () => {
  const { page } = await open("00-overview.html");
  try {
    await setCode(page, 0, "const kept = 41;\nkept");
    assert.equal((await page.evaluate(() => lessonRunner.run(0))).text, "41\n");
    await toolbarButton(page, "중지").click();
    assert.match(await page.locator(".runner-status").innerText(), /실행 중인 셀이 없습니다/);
    await setCode(page, 1, "kept + 1");
    const r = await page.evaluate(() => lessonRunner.run(1));
    assert.equal(r.text, "42\n");
    assert.equal(r.restarted, false);
  } finally {
    await page.close();
  }
});

test("■ 중지 while the type checker loads stops the cell at once; the toolbar says which cell runs and how it ended", async () => {
  const errors: string[] = [];
  const { page } = await open("00-overview.html", errors);
  try {
    // an edited cell is not compiled at build time: it waits for TypeScript (seconds, the first time)
    await setCode(page, 0, "const edited: number = 1;\nconsole.log(edited);");
    await page.locator(cellSel(0)).locator("button.run").click();
    await page.waitForFunction(() => document.querySelector("section.cell.code .run-status")?.textContent?.startsWith("타입 검사기"), null, { timeout: 15000 });
    assert.match(await page.locator(".runner-status").innerText(), /^셀 \[1\] 실행 중…/);
    await toolbarButton(page, "중지").click();
    await page.waitForFunction(() => document.querySelector("section.cell.code .run-status")?.textContent === "■ 중지됨", null, { timeout: 15000 });
    assert.equal(await page.evaluate(() => lessonRunner.compilerReady()), false, "the cell stopped without waiting for the type checker");
    assert.match(await outputText(page, 0), /이 셀은 실행하기 전에 멈췄습니다/);
    assert.equal(await page.evaluate(() => lessonRunner.kernelGeneration()), 1, "nothing ran: the kernel stays");
    const again = await page.evaluate(() => lessonRunner.run(0));
    assert.equal(again.text, "1\n");
    assert.equal(await statusOf(page, 0), "✔ 실행함");
    assert.match(await page.locator(".runner-status").innerText(), /^셀 \[1\]: ✔ 실행함/);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

const staleNote = (page: Page, i: number) => page.locator(cellSel(i)).locator(".stale-note");

test("stale outputs: an edited cell's old output after a reload, and an edit after a run, are marked and dimmed", async () => {
  const { page } = await open("02-forward.html");
  try {
    const k = 5;
    const original = await getCode(page, k);
    await setCode(page, k, `${original}\nconsole.log("고친 줄");`);
    await reload(page);
    assert.ok(await staleNote(page, k).isVisible(), "the edited cell's old output is marked after a reload");
    assert.equal(await seen(staleNote(page, k)), "이 출력은 고치기 전 코드의 결과입니다 — ▶ 실행으로 새로 만드세요 / this output is from the code before your edit");
    const opacity = await page.locator(cellSel(k)).locator(".outputs").evaluate((o) => Number(getComputedStyle(o).opacity));
    assert.ok(opacity < 1, `dimmed (opacity ${opacity})`);
    assert.equal(await page.locator(".stale-note:visible").count(), 1, "no other cell is marked");

    for (let i = 0; i <= k; i++) assert.equal((await page.evaluate((i) => lessonRunner.run(i), i)).error, undefined, `cell ${i}`);
    assert.equal(await staleNote(page, k).isVisible(), false, "a run makes the output current");
    assert.match(await outputText(page, k), /고친 줄/);
    const ran = await getCode(page, k);
    await setCode(page, k, `${ran}\n// 한 번 더 고침`);
    assert.ok(await staleNote(page, k).isVisible(), "an edit after the run marks it again");
    await setCode(page, k, ran);
    assert.equal(await staleNote(page, k).isVisible(), false, "back to the code that ran: not stale");
  } finally {
    await page.evaluate(() => lessonRunner.restore());
    await page.close();
  }
});

/** The page as rebuilt with one more code cell at the top. */
const insertCell = (html: string) => html.replace('<section class="cell code">',
  '<section class="cell code"><div class="input"><span class="prompt">[ ]</span><pre><code class="language-typescript">console.log("새로 넣은 셀");</code></pre></div></section>\n<section class="cell code">');

test("edits are stored under their cell's original code: a rebuilt page with a cell inserted shows each edit under its own cell", async () => {
  const { page, rewrite } = await open("02-forward.html");
  try {
    const n = await page.evaluate(() => lessonRunner.cellCount());
    const originals = await Promise.all(Array.from({ length: n }, (_, i) => getCode(page, i)));
    await setCode(page, 5, `${originals[5]}\n// 학습자의 수정`);
    rewrite(insertCell);
    await reload(page);
    assert.equal(await page.evaluate(() => lessonRunner.cellCount()), n + 1);
    assert.equal(await getCode(page, 0), 'console.log("새로 넣은 셀");');
    assert.equal(await getCode(page, 6), `${originals[5]}\n// 학습자의 수정`, "the edit is under its own cell, now 6th");
    assert.equal(await getCode(page, 5), originals[4]);
    for (let i = 1; i <= n; i++) if (i !== 6) assert.equal(await getCode(page, i), originals[i - 1], `cell ${i}`);
  } finally {
    await page.evaluate(() => lessonRunner.restore());
    await page.close();
  }
});

test("edits stored by index (the old way) move to the cell they belong to, or are dropped; the old keys go", async () => {
  const { page, rewrite } = await open("02-forward.html");
  try {
    const n = await page.evaluate(() => lessonRunner.cellCount());
    const originals = await Promise.all(Array.from({ length: n }, (_, i) => getCode(page, i)));
    await page.evaluate(([five]) => {
      localStorage.setItem("nn-lesson/02-forward/cell/5", `${five}\n// 옛 방식으로 저장된 수정`);
      localStorage.setItem("nn-lesson/02-forward/cell/7", "전혀 다른 코드();");
    }, [originals[5]]);
    rewrite(insertCell);
    await reload(page);
    assert.equal(await getCode(page, 6), `${originals[5]}\n// 옛 방식으로 저장된 수정`, "moved to its cell (index 5 then, 6 now)");
    assert.equal(await getCode(page, 5), originals[4], "not to the cell now at index 5");
    assert.equal(await getCode(page, 8), originals[7], "an old edit that fits no cell is dropped");
    const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("/cell/")));
    assert.deepEqual(left, []);
    await reload(page);
    assert.equal(await getCode(page, 6), `${originals[5]}\n// 옛 방식으로 저장된 수정`, "kept the new way");
  } finally {
    await page.evaluate(() => lessonRunner.restore());
    await page.close();
  }
});

test("a cell's ↺ restores its code and its original output (the same drawn plot), and no other cell", async () => {
  const errors: string[] = [];
  const { page } = await open("04-gradient-descent.html", errors);
  try {
    // the cell that draws 04's descent animation (found by its code, so that new cells above do not move it)
    const k = await page.evaluate(() => Array.from(document.querySelectorAll("section.cell.code"))
      .findIndex((s) => /showFigure\(descentAnimationFigure\(/.test(s.textContent ?? "")));
    const other = 2;
    assert.ok(k > other, `04's animation cell: ${k}`);
    // as a learner scrolls to the plot (the section grows to its real height once it is rendered)
    await page.locator(cellSel(k)).scrollIntoViewIfNeeded();
    await page.evaluate((k) => document.querySelectorAll("section.cell.code")[k].querySelector(".nn-lesson-plot")?.scrollIntoView({ block: "center" }), k);
    await page.waitForFunction((k) => !!document.querySelectorAll("section.cell.code")[k].querySelector(".js-plotly-plot .main-svg"), k, { timeout: 20000 });
    await page.evaluate((k) => {
      (window as unknown as { orig: Node[] }).orig = Array.from(document.querySelectorAll("section.cell.code .outputs")[k].childNodes);
    }, k);
    const original = await getCode(page, k), otherCode = await getCode(page, other);
    const restoreButton = page.locator(cellSel(k)).locator("button.restore");
    assert.equal(await restoreButton.isVisible(), false, "nothing to restore yet");
    await setCode(page, other, `${otherCode}\n// 다른 셀의 수정`);
    await setCode(page, k, original.replace(/myAlpha = \d+/, "myAlpha = 50"));
    await page.evaluate((k) => lessonRunner.run(k), k); // alone it fails (the cells above did not run): the output changes
    assert.ok(await restoreButton.isVisible());
    await restoreButton.click();
    assert.equal(await getCode(page, k), original);
    const same = await page.evaluate((k) => {
      const now = Array.from(document.querySelectorAll("section.cell.code .outputs")[k].childNodes);
      const orig = (window as unknown as { orig: Node[] }).orig;
      return now.length === orig.length && now.every((n, j) => n === orig[j]);
    }, k);
    assert.ok(same, "the original output nodes are back");
    assert.ok(await page.locator(cellSel(k)).locator(".js-plotly-plot .main-svg").count() > 0, "with its drawn plot");
    assert.equal(await staleNote(page, k).isVisible(), false);
    assert.equal(await statusOf(page, k), "");
    assert.equal(await restoreButton.isVisible(), false);
    assert.equal(await getCode(page, other), `${otherCode}\n// 다른 셀의 수정`, "the other edit stays");
    await reload(page);
    assert.equal(await getCode(page, k), original, "and the restore is stored");
    assert.equal(await getCode(page, other), `${otherCode}\n// 다른 셀의 수정`);
    assert.deepEqual(errors, []);
  } finally {
    await page.evaluate(() => lessonRunner.restore());
    await page.close();
  }
});

const PROGRESS = (label: string, total: string) => new RegExp(`^${label.replace(/[()]/g, "\\$&")} [\\d,]+ / ${total} \\(\\d+ %\\) — 멈추려면 ■ 중지$`);

test("a long library loop shows its progress under the cell while it runs; ■ 중지 ends it", async (t) => {
  const { page } = await open("00-overview.html");
  try {
    // N, the number of iterations, is set by cell 2, so that cell 1's code, type-checked once with N = 1, runs
    // at once when ▶ is clicked with a large N: the time to the first progress is the loop's, not TypeScript's
    await setCode(page, 0, 'import { initWeights, lessonData, train, trainFast } from "nn-lesson";\nlet N = 1;\n"loaded"');
    assert.equal((await page.evaluate(() => lessonRunner.run(0))).text, "loaded\n"); // tslab prints a last value with console.log
    const cases = [
      { code: "const big = initWeights([3, 400, 400, 2]);\ntrain({ weights: big, x: [1, 2, 3], y: [0, 1], iterations: N }).loss.length", n: "100_000", label: "train() 반복", total: "100,000" },
      { code: "trainFast({ ...lessonData(), iterations: N }).loss.length", n: "10_000_000", label: "trainFast() 반복", total: "10,000,000" },
    ];
    for (const c of cases) {
      await setCode(page, 2, "N = 1;");
      assert.equal((await page.evaluate(() => lessonRunner.run(2))).error, undefined);
      await setCode(page, 1, c.code);
      assert.equal((await page.evaluate(() => lessonRunner.run(1))).error, undefined);
      await setCode(page, 2, `N = ${c.n};`);
      assert.equal((await page.evaluate(() => lessonRunner.run(2))).error, undefined);
      const t0 = Date.now();
      await page.locator(cellSel(1)).locator("button.run").click();
      const status = page.locator(cellSel(1)).locator(".run-status");
      await page.waitForFunction((label) => document.querySelectorAll("section.cell.code .run-status")[1].textContent?.startsWith(label), c.label, { timeout: 10000 });
      const shownAfter = Date.now() - t0;
      const first = await status.innerText();
      assert.match(first, PROGRESS(c.label, c.total));
      t.diagnostic(`${c.label}: progress shown ${shownAfter} ms after the click`); // measured, not asserted (noisy machines)
      await page.waitForFunction((first) => document.querySelectorAll("section.cell.code .run-status")[1].textContent !== first, first, { timeout: 15000 });
      assert.match(await status.innerText(), PROGRESS(c.label, c.total), "and it moves");
      const t1 = Date.now();
      await toolbarButton(page, "중지").click();
      await idle(page);
      t.diagnostic(`${c.label}: stopped ${Date.now() - t1} ms after ■`); // the status below shows it did not run to its end
      assert.equal(await statusOf(page, 1), "■ 중지됨");
      assert.match(await outputText(page, 1), /중지했습니다: 커널을 다시 시작했습니다/);
      // the next cell runs in the new kernel: import again
      assert.equal((await page.evaluate(() => lessonRunner.run(0))).error, undefined);
    }
  } finally {
    await page.evaluate(() => lessonRunner.restore());
    await page.close();
  }
});
