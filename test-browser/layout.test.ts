/**
 * How the built site (site/ from `npm run build:site`, NN_LESSON_SITE overrides) opens and looks, in
 * headless Chromium from file://, at 1280×800 and on a phone (390×844):
 *  - the runner's toolbar is one opaque row, at most 15 % of a phone's screen, and stays on top;
 *  - plotly's mode bar does not cover a plot's title;
 *  - at either size, 04's plots and the other figures with subplots (00c, 11) have titles, subplot
 *    titles and point labels that do not overlap each other, and titles within the plot's width
 *    (lib/display/figures/fit.ts fits each figure to its box);
 *  - a page is usable before its editors and plots exist: ▶ and the lessonRunner API work on cells
 *    that are still static, a click turns a cell into its editor with the cursor where it was clicked,
 *    nothing moves or changes colour when it does, and plots draw only when they come near the
 *    viewport, in a box of the height they will have; restore() puts the page's plots back, and they
 *    draw again.
 * Screenshots go to artifacts/ (git-ignored).
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { countPlots, launchChromium, scrollThroughPlots, waitForPlots } from "../scripts/testing/browser";
import { ROOT } from "../scripts/paths";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));
const ARTIFACTS = path.join(ROOT, "artifacts");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

type Runner = { cellCount(): number; getCode(i: number): string; setCode(i: number, s: string): void; restore(): void };

let browser: Browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(SITE, "07-training-loop.html")), `${SITE}: run npm run build:site first`);
  browser = await launchChromium();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await browser?.close(); });

async function open(file: string, size: { width: number; height: number }, errors: string[] = []): Promise<Page> {
  const phone = size.width < 500;
  const context = await browser.newContext({ viewport: size, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => void d.accept());
  await page.goto(pathToFileURL(path.join(SITE, file)).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 15000 });
  return page;
}

const close = (page: Page) => page.context().close();

/** A page with every plot drawn (they draw as they come near the viewport: visit each one). */
async function openDrawn(file: string, size: { width: number; height: number }): Promise<Page> {
  const page = await open(file, size);
  try {
    await scrollThroughPlots(page);
    const plots = await waitForPlots(page, 30000);
    assert.equal(plots.rendered, plots.divs, `${file}: plots drawn`);
    return page;
  } catch (e) {
    await close(page);
    throw e;
  }
}

interface BarLayout {
  height: number; top: number; opaque: boolean; background: string; rows: number; overflow: boolean; rightEdge: number;
  buttons: { label: string | null; title: string }[]; statusLines: number; onTop: boolean;
}

/** The toolbar's box, background, how many rows its items take, and whether it is on top when scrolled. */
async function barLayout(page: Page): Promise<BarLayout> {
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight / 2));
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const bar = document.querySelector(".runner-bar") as HTMLElement;
    const r = bar.getBoundingClientRect();
    const bg = getComputedStyle(bar).backgroundColor;
    const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(bg);
    const items = Array.from(bar.children).filter((c) => (c as HTMLElement).getClientRects().length > 0) as HTMLElement[];
    const tops = new Set(items.map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2) >> 3));
    const status = bar.querySelector(".runner-status") as HTMLElement;
    const lh = parseFloat(getComputedStyle(status).lineHeight) || parseFloat(getComputedStyle(status).fontSize) * 1.7;
    // what a tap in the middle of the bar's empty part hits: the bar, not the page under it
    const hit = document.elementFromPoint(r.left + r.width - 2, r.top + r.height / 2);
    return {
      height: r.height, top: r.top, background: bg, opaque: bg !== "transparent" && (!alpha || Number(alpha[1]) === 1),
      rows: tops.size, overflow: bar.scrollWidth > bar.clientWidth + 1,
      rightEdge: Math.max(...items.map((c) => c.getBoundingClientRect().right)),
      buttons: Array.from(bar.querySelectorAll("button")).map((b) => ({ label: b.getAttribute("aria-label"), title: b.title })),
      statusLines: Math.round(status.getBoundingClientRect().height / lh),
      onTop: !!hit && bar.contains(hit),
    };
  });
}

for (const [name, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
  test(`${name} ${size.width}×${size.height}: the toolbar is one opaque row on top (≤ 15 % of a phone's height)`, async () => {
    const page = await open("07-training-loop.html", size);
    try {
      const bar = await barLayout(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `layout-${name}-toolbar.png`) });
      console.log(`  ${name}: toolbar ${bar.height.toFixed(0)} px (${((100 * bar.height) / size.height).toFixed(1)} % of the screen), ${bar.rows} row(s), background ${bar.background}`);
      assert.equal(bar.top, 0, "sticky at the top when scrolled");
      assert.ok(bar.opaque, `opaque background, not ${bar.background}`);
      assert.ok(bar.onTop, "the toolbar is on top of the page it covers");
      assert.equal(bar.rows, 1, "one row");
      assert.equal(bar.statusLines, 1, "the status is one line");
      assert.ok(!bar.overflow && bar.rightEdge <= size.width, `fits the width (right edge ${bar.rightEdge})`);
      assert.ok(bar.height <= 0.15 * PHONE.height, `${bar.height.toFixed(0)} px > 15 % of ${PHONE.height}`);
      assert.equal(bar.buttons.length, 4);
      for (const b of bar.buttons) {
        assert.match(b.label ?? "", /^[가-힣]/, `a Korean aria-label: ${JSON.stringify(b)}`);
        assert.match(b.title, /^[가-힣]/, `a Korean title: ${JSON.stringify(b)}`);
      }
    } finally {
      await close(page);
    }
  });

  test(`${name} ${size.width}×${size.height}: plotly's mode bar does not cover plot titles`, async () => {
    let titled = 0;
    for (const file of ["04-gradient-descent.html", "07-training-loop.html", "09-binary-classification.html"]) {
      const page = await openDrawn(file, size);
      try {
        const boxes = await page.evaluate(() => Array.from(document.querySelectorAll(".nn-lesson-plot")).map((gd) => {
          const rect = (el: Element | null) => { if (!el) return null; const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
          return { id: gd.id, title: rect(gd.querySelector(".gtitle")), modebar: rect(gd.querySelector(".modebar")), output: rect(gd.closest(".output")) };
        }));
        for (const b of boxes) {
          assert.ok(b.modebar, `${file} ${b.id}: a mode bar`);
          assert.ok(b.output && b.modebar!.top >= b.output.top - 0.5, `${file} ${b.id}: the mode bar is inside its output (not cut off)`);
          if (!b.title) continue;
          titled++;
          const overlap = !(b.modebar!.right <= b.title.left || b.title.right <= b.modebar!.left || b.modebar!.bottom <= b.title.top || b.title.bottom <= b.modebar!.top);
          assert.ok(!overlap, `${file} ${b.id}: mode bar ${JSON.stringify(b.modebar)} covers the title ${JSON.stringify(b.title)}`);
        }
        if (file === "07-training-loop.html") {
          const gd = page.locator(".nn-lesson-plot").first();
          await gd.scrollIntoViewIfNeeded();
          if (name === "phone") await gd.tap({ position: { x: 40, y: 120 } });
          else await gd.hover({ position: { x: 60, y: 120 } });
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(ARTIFACTS, `layout-${name}-plot.png`) });
        }
      } finally {
        await close(page);
      }
    }
    assert.ok(titled >= 5, `titled plots checked: ${titled}`);
  });
}

/** A text's box in a plot: the figure's title (.gtitle), a paper annotation (subplot titles) or a point label (.textpoint). */
interface TextBox { kind: "title" | "label"; text: string; left: number; top: number; right: number; bottom: number }

/** Every drawn plot's text boxes (empty annotations, the arrows of a descent, left out) and the plot's own box. */
async function plotTexts(page: Page): Promise<{ id: string; box: { left: number; right: number }; texts: TextBox[] }[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll(".nn-lesson-plot")).map((gd) => {
    const rect = (el: Element) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    const texts: TextBox[] = [];
    for (const el of Array.from(gd.querySelectorAll(".gtitle, .annotation"))) {
      const text = el.querySelector("text") ?? el;
      if (text.textContent?.trim()) texts.push({ kind: "title", text: text.textContent.trim(), ...rect(text) });
    }
    for (const el of Array.from(gd.querySelectorAll(".textpoint text"))) if (el.textContent?.trim()) texts.push({ kind: "label", text: el.textContent, ...rect(el) });
    return { id: gd.id, box: rect(gd), texts };
  }));
}

/** The pairs of boxes that overlap (by more than a pixel each way), as "a × b" lines. */
function overlaps(boxes: TextBox[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && h > 1) out.push(`"${a.text}" × "${b.text}" (${w.toFixed(0)}×${h.toFixed(0)} px)`);
  }));
  return out;
}

for (const [name, size] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
  test(`${name} ${size.width}×${size.height}: every code cell shows its number (hints name cells by it), ▶ and ↺ stay one line, a stale note lines up with the outputs`, async () => {
    const page = await open("07-training-loop.html", size);
    try {
      // an edited cell with an output (stale note, ↺ shown) and a long status beside its buttons
      await page.evaluate(() => {
        const w = window as unknown as { lessonRunner: Runner };
        w.lessonRunner.setCode(1, `${w.lessonRunner.getCode(1)}\n// 고침`);
        const s = document.querySelectorAll("section.cell.code")[1].querySelector(".run-status") as HTMLElement;
        s.textContent = "✘ 타입 오류 — 실행하지 않았습니다";
      });
      const cells = await page.evaluate(() => Array.from(document.querySelectorAll("section.cell.code")).map((c) => {
        const prompt = c.querySelector(".prompt") as HTMLElement;
        const box = (el: Element | null) => { const r = el?.getBoundingClientRect(); return r ? { left: r.left, width: r.width, height: r.height } : null; };
        const buttons = Array.from(c.querySelectorAll(".cell-tools button")).filter((b) => !(b as HTMLElement).hidden)
          .map((b) => ({ text: b.textContent, height: b.getBoundingClientRect().height, line: parseFloat(getComputedStyle(b).lineHeight) || 20 }));
        const note = c.querySelector(".stale-note") as HTMLElement | null;
        return {
          prompt: prompt && prompt.offsetHeight > 0 && getComputedStyle(prompt).visibility === "visible" ? prompt.textContent : null,
          buttons, outputs: box(c.querySelector(".outputs")), note: note && !note.hidden ? box(note) : null,
        };
      }));
      cells.forEach((c, i) => assert.equal(c.prompt, `[${i + 1}]`, `cell ${i}: its number is shown`));
      for (const [i, c] of cells.entries()) {
        for (const b of c.buttons) assert.ok(b.height < 2 * b.line, `cell ${i}: "${b.text}" is one line (${b.height} px)`);
      }
      const edited = cells[1];
      assert.ok(edited.note && edited.outputs, "the edited cell shows the stale note above its outputs");
      assert.ok(Math.abs(edited.note!.left - edited.outputs!.left) <= 1, `stale note at x=${edited.note!.left}, outputs at x=${edited.outputs!.left}`);
      assert.ok(edited.buttons.length === 2, "▶ and ↺");
      await page.locator("section.cell.code").nth(1).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `layout-${name}-cell-number.png`) });
    } finally {
      await close(page);
    }
  });

  test(`${name} ${size.width}×${size.height}: 04's plots and the other subplot figures (00c, 11) have titles, subplot titles and point labels that do not overlap and fit the plot's width`, async () => {
    let titles = 0, labels = 0;
    for (const file of ["04-gradient-descent.html", "00c-perceptron.html", "11-autodiff-crosscheck.html"]) {
      const page = await openDrawn(file, size);
      try {
        for (const plot of await plotTexts(page)) {
          const where = `${file} ${plot.id}`;
          const heads = plot.texts.filter((t) => t.kind === "title"), points = plot.texts.filter((t) => t.kind === "label");
          titles += heads.length;
          labels += points.length;
          for (const t of heads) {
            assert.ok(t.left >= plot.box.left - 1 && t.right <= plot.box.right + 1, `${where}: "${t.text}" (${t.left.toFixed(0)}–${t.right.toFixed(0)}) is outside the plot (${plot.box.left.toFixed(0)}–${plot.box.right.toFixed(0)})`);
          }
          assert.deepEqual(overlaps(heads), [], `${where}: titles overlap`);
          assert.deepEqual(overlaps(points), [], `${where}: point labels overlap`);
        }
        if (file === "04-gradient-descent.html") {
          const gd = page.locator(".nn-lesson-plot").nth(1);
          await gd.scrollIntoViewIfNeeded();
          await gd.screenshot({ path: path.join(ARTIFACTS, `layout-${name}-04-learning-rates.png`) });
        }
      } finally {
        await close(page);
      }
    }
    console.log(`  ${name}: ${titles} titles and ${labels} point labels, none overlapping`);
    assert.ok(titles >= 8 && labels >= 10, `checked ${titles} titles, ${labels} labels`);
  });
}

test("a click and a key sent the moment ▶ is ready land in the first cell's code: nothing under them moves after the runner boots", async () => {
  let loads = 0;
  for (const file of ["11-autodiff-crosscheck.html", "06-hidden-delta.html", "00b-typescript-for-numpy.html"]) {
    for (let k = 0; k < 3; k++) {
      const context = await browser.newContext({ viewport: DESKTOP });
      try {
        const page = await context.newPage();
        await page.goto(pathToFileURL(path.join(SITE, file)).href, { waitUntil: "commit" });
        // as bench-page.ts does: at the moment the runner is ready, scroll the first cell into view and aim at its code
        const at = await page.evaluate(async () => {
          await new Promise<void>((resolve) => {
            const ready = () => document.body?.classList.contains("runner-ready");
            if (ready()) return resolve();
            const obs = new MutationObserver(() => { if (ready()) { obs.disconnect(); resolve(); } });
            obs.observe(document, { subtree: true, attributes: true, childList: true });
          });
          const cell = document.querySelector("section.cell.code") as HTMLElement;
          const box = cell.getBoundingClientRect();
          if (box.top < 80 || box.top + Math.min(box.height, 300) > innerHeight) scrollBy(0, box.top - 120);
          const r = (cell.querySelector(".editor") as HTMLElement).getBoundingClientRect();
          return { x: r.left + Math.min(r.width / 2, 60), y: r.top + Math.min(r.height / 2, 12), top: r.top, before: (window as unknown as { lessonRunner: Runner }).lessonRunner.getCode(0) };
        });
        await page.mouse.click(at.x, at.y);
        await page.keyboard.type("Q");
        await page.waitForTimeout(200);
        const after = await page.evaluate(() => ({
          code: (window as unknown as { lessonRunner: Runner }).lessonRunner.getCode(0),
          top: (document.querySelector("section.cell.code .editor") as HTMLElement).getBoundingClientRect().top,
        }));
        assert.equal(after.top, at.top, `${file} load ${k + 1}: the first cell moved from y=${at.top} to y=${after.top} after ▶ was ready`);
        assert.equal(after.code.length, at.before.length + 1, `${file} load ${k + 1}: the key typed right after the click is in the code`);
        loads++;
      } finally {
        await context.close();
      }
    }
  }
  assert.equal(loads, 9);
});

test("a page is usable before its editors exist: getCode without an editor, ▶ and setCode on a static cell, a click places the cursor, nothing moves or changes colour", async () => {
  const errors: string[] = [];
  const page = await open("07b-value-autodiff.html", DESKTOP, errors);
  try {
    const n = await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.cellCount());
    assert.ok(n > 10);
    // a cell far below the first screen is still static: its code is readable without making the editor
    const last = n - 1;
    const state = () => page.evaluate((i) => {
      const s = document.querySelectorAll("section.cell.code")[i];
      return { editor: !!s.querySelector(".cm-editor"), placeholder: !!s.querySelector(".cm-static"), buttons: !!s.querySelector("button.run") };
    }, last);
    assert.deepEqual(await state(), { editor: false, placeholder: true, buttons: true }, "far cells are static, with their ▶");
    const code = (await page.evaluate((i) => (window as unknown as { lessonRunner: Runner }).lessonRunner.getCode(i), last)) as string;
    const shown = await page.evaluate((i) => Array.from(document.querySelectorAll("section.cell.code")[i].querySelectorAll(".cm-static-line")).map((l) => l.textContent).join("\n"), last);
    assert.equal(code, shown, "getCode gives the code the static cell shows");
    assert.ok(code.length > 0);
    assert.equal((await state()).editor, false, "getCode made no editor");

    // no jump: every cell's box has the same size as a static copy and as an editor
    const sizes = () => page.evaluate(() => Array.from(document.querySelectorAll("section.cell.code .editor")).map((e) => {
      const r = e.getBoundingClientRect();
      const text = e.querySelector(".cm-static-line, .cm-line");
      return { height: r.height, width: r.width, textLeft: text ? text.getBoundingClientRect().left : NaN };
    }));
    const statics = await page.evaluate(() => Array.from(document.querySelectorAll("section.cell.code")).map((s) => !!s.querySelector(".cm-static")));
    const before = await sizes();
    // and the same colours: each piece of text of every line, with its colour
    const colours = () => page.evaluate(() => Array.from(document.querySelectorAll("section.cell.code .editor")).map((e) => {
      const pieces: string[] = [];
      const walk = (n: Node) => {
        if (n.nodeType === 3) { if (n.textContent) pieces.push(`${n.textContent}:${getComputedStyle(n.parentElement!).color}`); return; }
        n.childNodes.forEach(walk);
      };
      e.querySelectorAll(".cm-static-line, .cm-line").forEach(walk);
      return pieces.join("|");
    }));
    const colouredBefore = await colours();
    // every cell becomes an editor (focus does it, as Tab would)
    await page.evaluate(() => { for (const s of Array.from(document.querySelectorAll(".cm-static"))) (s as HTMLElement).focus(); });
    assert.equal(await page.locator(".cm-static").count(), 0);
    const afterSizes = await sizes();
    let compared = 0;
    before.forEach((b, i) => {
      if (!statics[i]) return;
      compared++;
      assert.ok(Math.abs(b.height - afterSizes[i].height) <= 1, `cell ${i}: height ${b.height} static vs ${afterSizes[i].height} editor`);
      assert.ok(Math.abs(b.textLeft - afterSizes[i].textLeft) <= 1.5, `cell ${i}: code starts at x=${b.textLeft} static vs ${afterSizes[i].textLeft} editor`);
    });
    assert.ok(compared > 5, `cells compared: ${compared}`);
    const colouredAfter = await colours();
    colouredBefore.forEach((c, i) => assert.equal(c, colouredAfter[i], `cell ${i}: the static copy's colours are the editor's`));
    assert.ok(new Set(colouredBefore.join("|").match(/rgb\([^)]*\)/g)).size >= 4, "coloured, not plain text");
    assert.deepEqual(errors, []);
  } finally {
    await close(page);
  }

  // a real click on a static cell's second line: the editor takes the click, with the cursor there
  const page2 = await open("07b-value-autodiff.html", DESKTOP, errors);
  try {
    const runner = <T>(f: string, ...args: unknown[]) => page2.evaluate(([f, args]) => (window as unknown as Record<string, Record<string, (...a: unknown[]) => T>>).lessonRunner[f as string](...(args as unknown[])), [f, args] as const);
    const n = await runner<number>("cellCount");
    const k = await page2.evaluate(() => Array.from(document.querySelectorAll("section.cell.code")).findIndex((s) => !!s.querySelector(".cm-static") && s.querySelectorAll(".cm-static-line").length >= 3));
    assert.ok(k >= 0, "a static cell with 3 lines");
    const before = await runner<string>("getCode", k);
    const line2 = page2.locator("section.cell.code").nth(k).locator(".cm-static-line").nth(1);
    await line2.scrollIntoViewIfNeeded();
    const at = (await line2.boundingBox())!;
    await page2.mouse.click(at.x + 7, at.y + at.height / 2);
    const clicked = await page2.evaluate((k) => {
      const editor = document.querySelectorAll("section.cell.code")[k].querySelector(".cm-editor");
      return !!editor && editor.contains(document.activeElement);
    }, k);
    assert.ok(clicked, "the click made the editor, focused");
    await page2.keyboard.type("Z");
    const after = await runner<string>("getCode", k);
    assert.equal(after.split("\n")[1], "Z" + before.split("\n")[1], `the key went to the start of line 2: ${JSON.stringify(after.split("\n").slice(0, 3))}`);
    await runner("setCode", k, before); // the "Z" would be a type error (as in tslab) when the cell runs below

    // setCode on a static cell makes its editor with the new code
    const m = n - 2;
    assert.equal(await page2.evaluate((m) => !!document.querySelectorAll("section.cell.code")[m].querySelector(".cm-static"), m), true);
    await runner("setCode", m, "const 바뀐값 = 1;");
    assert.equal(await runner<string>("getCode", m), "const 바뀐값 = 1;");
    assert.equal(await page2.evaluate((m) => document.querySelectorAll("section.cell.code")[m].querySelector(".cm-content")?.textContent, m), "const 바뀐값 = 1;");

    // ▶ on a cell that is still static runs its code
    assert.equal(await page2.evaluate(() => !!document.querySelector("section.cell.code .cm-static")), true, "cell 0 is static");
    await page2.locator("section.cell.code").first().locator("button.run").click();
    await page2.waitForFunction(() => /✔|✘/.test(document.querySelector("section.cell.code .run-status")!.textContent ?? ""), null, { timeout: 120000 });
    assert.equal(await page2.evaluate(() => document.querySelector("section.cell.code .run-status")!.textContent), "✔ 실행함");
    assert.equal(await page2.evaluate(() => !!document.querySelector("section.cell.code .cm-static")), true, "running a cell reads its code without making its editor");
    assert.deepEqual(errors, []);
  } finally {
    await close(page2);
  }

  // a stored edit shows after a reload (as plain text until its editor, made when the page is idle, colours it), and ▶ runs it
  const page3 = await open("07b-value-autodiff.html", DESKTOP, errors);
  try {
    const n = await page3.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.cellCount());
    const last = n - 1;
    const code = 'console.log("정적 셀에서 실행: " + (20 + 22))';
    // stored as the learner's edit is (under the hash of the cell's original code), then the page reloads
    await page3.evaluate(([i, code]) => (window as unknown as { lessonRunner: Runner }).lessonRunner.setCode(i as number, code as string), [last, code] as const);
    await page3.reload({ waitUntil: "load" });
    await page3.waitForFunction(() => "lessonRunner" in window);
    const shown = await page3.evaluate((i) => {
      const s = document.querySelectorAll("section.cell.code")[i];
      const text = s.querySelector(".cm-static") ? Array.from(s.querySelectorAll(".cm-static-line")).map((l) => l.textContent).join("\n") : s.querySelector(".cm-content")?.textContent;
      return { text, edited: s.classList.contains("edited") };
    }, last);
    assert.deepEqual(shown, { text: code, edited: true });
    assert.equal(await page3.evaluate((i) => (window as unknown as { lessonRunner: Runner }).lessonRunner.getCode(i), last), code);
    await page3.waitForFunction((i) => !!document.querySelectorAll("section.cell.code")[i].querySelector(".cm-editor"), last, { timeout: 5000 });
    await page3.evaluate((i) => (document.querySelectorAll("section.cell.code")[i].querySelector("button.run") as HTMLButtonElement).click(), last);
    await page3.waitForFunction((i) => /✔|✘/.test(document.querySelectorAll("section.cell.code")[i].querySelector(".run-status")!.textContent ?? ""), last, { timeout: 120000 });
    // textContent: the cell may be far from the viewport, where innerText is empty (content-visibility: auto)
    const out = await page3.evaluate((i) => document.querySelectorAll("section.cell.code")[i].querySelector(".outputs")!.textContent ?? "", last);
    assert.match(out, /정적 셀에서 실행: 42/);
    // Markdown outputs with formulas: markdown-it and KaTeX are set up on first use, not at page load
    await page3.evaluate(async (i) => {
      const r = (window as unknown as { lessonRunner: Runner & { run(i: number): Promise<unknown> } }).lessonRunner;
      r.setCode(i, 'import { showSigmoidDerivative } from "nn-lesson";\nshowSigmoidDerivative();');
      await r.run(i);
    }, last);
    const markdown = await page3.evaluate((i) => document.querySelectorAll("section.cell.code")[i].querySelectorAll(".output.markdown .katex").length, last);
    assert.ok(markdown > 0, "a Markdown output with KaTeX formulas");
    assert.deepEqual(errors, []);
  } finally {
    await page3.evaluate(() => localStorage.clear());
    await close(page3);
  }
});

test("plots draw when they come near the viewport, in a box of their final height; restore() brings them back and they draw again", async () => {
  const errors: string[] = [];
  const page = await open("07-training-loop.html", DESKTOP, errors);
  try {
    const boxes = () => page.evaluate(() => Array.from(document.querySelectorAll(".nn-lesson-plot")).map((d) => ({ id: d.id, height: d.getBoundingClientRect().height, drawn: d.classList.contains("js-plotly-plot") })));
    await page.waitForTimeout(1500);
    const first = await boxes();
    assert.ok(first.length >= 4);
    const far = first[first.length - 1];
    assert.equal(far.drawn, false, "the last plot, far below, is not drawn while the reader is at the top");
    await scrollThroughPlots(page);
    const drawn = await waitForPlots(page, 30000);
    assert.equal(drawn.rendered, drawn.divs, `plots drawn after scrolling: ${drawn.missing.join(", ")}`);
    const second = await boxes();
    second.forEach((b, i) => assert.ok(Math.abs(b.height - first[i].height) <= 1, `${b.id}: ${first[i].height} px before drawing, ${b.height} px drawn`));
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src$="plotly.min.js"]').length), 1, "plotly.js loaded once");
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    const restored = await countPlots(page);
    assert.equal(restored.divs, first.length);
    await scrollThroughPlots(page);
    const again = await waitForPlots(page, 30000);
    assert.equal(again.rendered, again.divs, `plots drawn again after restore(): ${again.missing.join(", ")}`);
    assert.deepEqual(errors, []);
  } finally {
    await close(page);
  }
});
