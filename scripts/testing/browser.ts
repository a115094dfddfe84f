/** Headless chromium through playwright-core, for the site and notebook browser tests and figure previews. */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import type { Browser, Page } from "playwright-core";

/** Debian's chromium; NN_LESSON_CHROMIUM overrides. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.NN_LESSON_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p));
}

export const HOW_TO_GET_CHROMIUM = "chromium을 찾지 못했습니다 (chromium not found). 설치: `sudo apt-get install chromium fonts-noto-cjk` 또는 NN_LESSON_CHROMIUM=/path/to/chromium";

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

/**
 * What the page reports about its plots: how many divs, how many hold a drawn plot (svg or canvas),
 * and how many "cannot draw" fallback texts (a plot's or plotSetup()'s) are still visible.
 */
export interface PlotCount { divs: number; rendered: number; missing: string[]; fallbacks: number }

export async function countPlots(page: Page, selector = ".nn-lesson-plot"): Promise<PlotCount> {
  return page.evaluate((sel) => {
    const divs = Array.from(document.querySelectorAll(sel));
    const ok = (d: Element) => d.classList.contains("js-plotly-plot") && !!d.querySelector(".main-svg, canvas");
    const fallbacks = Array.from(document.querySelectorAll(".nn-lesson-plot-fallback")).filter((f) => (f as HTMLElement).getClientRects().length > 0 && (f as HTMLElement).innerText.trim() !== "");
    return { divs: divs.length, rendered: divs.filter(ok).length, missing: divs.filter((d) => !ok(d)).map((d) => d.id), fallbacks: fallbacks.length };
  }, selector);
}

/** Wait until every plot div on the page is drawn (or the timeout passes); returns the final count. */
export async function waitForPlots(page: Page, timeoutMs = 20000, selector = ".nn-lesson-plot"): Promise<PlotCount> {
  const until = Date.now() + timeoutMs;
  let c = await countPlots(page, selector);
  while ((c.rendered < c.divs || (c.divs > 0 && c.fallbacks > 0)) && Date.now() < until) {
    await page.waitForTimeout(200);
    c = await countPlots(page, selector);
  }
  return c;
}

/**
 * The site draws a plot only when it comes near the viewport (scripts/site/site-plots.ts): scroll to every
 * plot box in page order, as a reader would, giving the page two frames at each, then back to the top.
 * Returns how many boxes it visited. Drawing itself is left to the page (check it with waitForPlots).
 */
export async function scrollThroughPlots(page: Page, selector = ".nn-lesson-plot"): Promise<number> {
  return page.evaluate(async (sel) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const boxes = Array.from(document.querySelectorAll(sel));
    for (const b of boxes) {
      b.scrollIntoView({ block: "center" });
      await frame();
    }
    scrollTo(0, 0);
    await frame();
    return boxes.length;
  }, selector);
}

/** A page that records what went wrong on it. */
export interface GuardedPage { page: Page; errors: string[]; outside: string[]; dialogs: string[] }

/**
 * A new page that records page errors and dialogs (dismissing them) and aborts, recording its URL,
 * every request that is not for an existing file inside `folder` (an absolute path).
 */
export async function guardedPage(browser: Browser, folder: string, width = 1100): Promise<GuardedPage> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const g: GuardedPage = { page, errors: [], outside: [], dialogs: [] };
  page.on("pageerror", (e) => g.errors.push(e.message));
  page.on("dialog", (d) => { g.dialogs.push(d.message()); void d.dismiss(); });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    let inside = false;
    if (url.startsWith("file:")) {
      const p = path.resolve(fileURLToPath(url));
      inside = p.startsWith(folder + path.sep) && fs.existsSync(p);
    }
    if (inside) return route.continue();
    g.outside.push(url);
    return route.abort();
  });
  return g;
}
