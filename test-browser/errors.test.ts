/**
 * Every error a learner can cause gets one Korean line of help in the page (issue 15, item 5): each case
 * is typed into a cell of a site page and run; the test reads what the learner sees under the cell (the
 * error box's text, and that nothing else ran). tslab's side of the same lines is test/tslab-kernel.test.ts.
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../scripts/testing/browser";
import { ROOT } from "../scripts/paths";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));

interface RunResult { text: string; error?: string; typeError?: boolean }
type Runner = { setCode(i: number, s: string): void; run(i: number): Promise<RunResult>; interrupt(): void; restore(): void };

let browser: Browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function open(file: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(SITE, file)).href, { waitUntil: "load" });
  await page.waitForFunction(() => "lessonRunner" in window, null, { timeout: 30000 });
  return page;
}

/** Runs `src` in code cell `i` and returns what the learner sees under it, with the run's result. */
async function runAndRead(page: Page, i: number, src: string): Promise<{ shown: string; result: RunResult }> {
  const result = await page.evaluate(([i, src]) => {
    const r = (window as unknown as { lessonRunner: Runner }).lessonRunner;
    r.setCode(i as number, src as string);
    return r.run(i as number);
  }, [i, src] as const);
  const box = page.locator("section.cell.code").nth(i).locator(".outputs");
  await box.scrollIntoViewIfNeeded(); // sections far from the viewport are not rendered: innerText is what a learner sees there
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shown = await box.innerText();
  return { shown, result };
}

/** [what the learner typed, what the Korean line must say] */
const CASES: [string, string, RegExp][] = [
  ["const assignment", "const fixedNumber = 1;\nfixedNumber = 2;", /상수이므로 'fixedNumber'에 할당할 수 없습니다\. \(TS2588\)\n💡 const로 선언한 변수에는 다시 대입할 수 없습니다/],
  ["a type error", "const s: number = \"a\";", /'string' 형식은 'number' 형식에 할당할 수 없습니다\. \(TS2322\)/],
  ["print()", 'print("hi")', /💡 파이썬의 print\(x\)는 JavaScript에서 console\.log\(x\)입니다/],
  ["range and a : block", "for i in range(3):\n    console.log(i)", /💡 파이썬식 문법입니다: JavaScript는 조건을 \( \)로 감싸고 블록을 \{ \}로 묶습니다[\s\S]*💡 range는 없습니다/],
  ["len()", "len([1, 2])", /💡 .*\.length/],
  ["True / None", "const flag = True;\nconst nothing = None;", /💡 .*true[\s\S]*💡 .*null/],
  ["** on an array", "const X = [1, 2, 3];\nX ** 2", /💡 배열에는 \*, -, \/, \*\*를 쓸 수 없습니다/],
  ["array * number", "const X = [1, 2, 3];\nX * 2", /💡 배열에는 \*, -, \/, \*\*를 쓸 수 없습니다: numpy는 원소마다 계산하지만/],
  ["array + number", "const X2 = [0.5, 0.3, 0.21];\nX2 + 1", /💡 배열 \+ 숫자는 numpy처럼 원소마다 더해지지 않습니다/],
  ["Math.exp(array)", "const A = [1, 2];\nMath.exp(A)", /💡 .*(map|math\.exp)/],
  ["an index past the end", "const W = [[1, 2], [3, 4]];\nW[2][0]", /TypeError: Cannot read properties of undefined \(reading '0'\)\n💡 .*(범위|끝|길이)/],
  ["undefined.x", "const nothing: any = undefined;\nnothing.x", /TypeError: Cannot read properties of undefined \(reading 'x'\)\n💡 /],
  ["a missing await", "async function one(): Promise<number> { return 1; }\nconst v = one();\nv + 1", /💡 .*await/],
  ["assignment to an rvalue", "let n = 10;\nn % 5 = 0", /💡 =는 대입입니다: 같은지 비교하려면 ===를 씁니다/],
];

test("each error a learner can cause shows its Korean line under the cell, and a type error runs nothing", async () => {
  const page = await open("00-overview.html");
  try {
    const problems: string[] = [];
    for (const [label, src, line] of CASES) {
      const { shown, result } = await runAndRead(page, 0, `console.log("실행됨");\n${src}`);
      if (!result.error) problems.push(`${label}: no error`);
      if (!line.test(shown)) problems.push(`${label}: the page shows ${JSON.stringify(shown.slice(0, 400))}`);
      if (result.typeError && shown.includes("실행됨")) problems.push(`${label}: a cell with a type error ran`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    await page.close();
  }
});

test("a name from a cell not yet run: the line names that cell; after ■ 중지 it says the values were lost", async () => {
  const page = await open("00-overview.html");
  try {
    const r = (i: number) => page.evaluate((i) => (window as unknown as { lessonRunner: Runner }).lessonRunner.run(i), i);
    const read = async (i: number) => {
      const box = page.locator("section.cell.code").nth(i).locator(".outputs");
      await box.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return box.innerText();
    };
    // 00's second code cell uses lessonData, imported by the first
    const first = await r(1);
    assert.ok(first.typeError, "tslab: a name not defined is a type error");
    assert.match(await read(1), /'lessonData' 이름을 찾을 수 없습니다\. \(TS2304\)\n💡 'lessonData'는 셀 \[1\]에서 정의됩니다: 위의 셀을 먼저 실행하세요 — ▶▶ 모두 실행/);
    assert.equal((await r(0)).error, undefined);
    assert.equal((await r(1)).error, undefined, "after the cell above, it runs");
    // ■ 중지 on a running cell ends the kernel (with nothing running, the kernel and its values stay)
    await page.evaluate(() => {
      const R = (window as unknown as { lessonRunner: Runner }).lessonRunner;
      R.setCode(2, 'console.log("돌고 있음");\nwhile (true) {}');
      void R.run(2);
    });
    await page.waitForFunction(() => document.querySelectorAll("section.cell.code .outputs")[2].textContent?.includes("돌고 있음"), null, { timeout: 60000 });
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.interrupt());
    const again = await r(1);
    assert.ok(again.error);
    assert.match(await read(1), /💡 커널이 다시 시작되어 앞 셀의 값이 사라졌습니다: 'lessonData'를 정의하는 셀 \[1\]부터 다시 실행하세요/);
  } finally {
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    await page.close();
  }
});

test("an error nothing awaited (a setTimeout, a Promise without await) and a late console.log show under the cell, as tslab sends them", async () => {
  const page = await open("00-overview.html");
  try {
    const box = page.locator("section.cell.code").nth(0).locator(".outputs");
    const src = 'setTimeout(() => { console.log("나중에 출력"); (undefined as any).x; }, 20);\nPromise.reject(new Error("아무도 기다리지 않음"));\n"셀 끝"';
    const { result } = await runAndRead(page, 0, src);
    assert.equal(result.error, undefined, "the cell itself ended well");
    await page.waitForFunction(() => document.querySelector("section.cell.code .outputs")?.textContent?.includes("UncaughtException"), null, { timeout: 10000 });
    const shown = await box.innerText();
    assert.match(shown, /셀 끝/);
    assert.match(shown, /UnhandledPromiseRejection: Error: 아무도 기다리지 않음\n💡 아무도 기다리지 않은 곳에서 난 오류입니다/);
    assert.match(shown, /나중에 출력/);
    assert.match(shown, /UncaughtException: TypeError: Cannot read properties of undefined \(reading 'x'\)\n💡 아무도 기다리지 않은 곳에서 난 오류입니다.*\n💡 undefined의 \.x에 접근했습니다/);
  } finally {
    await page.evaluate(() => (window as unknown as { lessonRunner: Runner }).lessonRunner.restore());
    await page.close();
  }
});
