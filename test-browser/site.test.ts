/**
 * The built site in headless chromium: every page, every plot drawn, no page errors, formulas
 * rendered, and no request leaving the site folder (each one is aborted and counted).
 * Uses site/ from `npm run build:site` (NN_LESSON_SITE overrides), plus a small site built here
 * from test/fixtures/plots.ipynb (hostile titles: </script>, quotes, U+2028, Korean).
 */
import { test, before, after } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import { GuardedPage, PlotCount, guardedPage, launchChromium, scrollThroughPlots, waitForPlots } from "../scripts/testing/browser";
import { buildSite } from "../scripts/site/build-site";
import { PLOT_FALLBACK } from "nn-lesson/dist/internal";
import { ROOT } from "../scripts/paths";

const SITE = path.resolve(process.env.NN_LESSON_SITE ?? path.join(ROOT, "site"));
const FIXTURE_SITE = path.join(ROOT, ".tmp", "site-fixture");
const ARTIFACTS = path.join(ROOT, "artifacts");

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

interface Visit extends GuardedPage { plots: PlotCount }

/** Opens a page of `site`; every request that is not a file inside `site` is aborted and recorded. */
async function visit(site: string, file: string, width = 1100): Promise<Visit> {
  const g = await guardedPage(browser, site, width);
  await g.page.goto(pathToFileURL(path.join(site, file)).href, { waitUntil: "load" });
  // plots draw as they come near the viewport: visit each one, then every plot of the page must be drawn
  await scrollThroughPlots(g.page);
  await waitForPlots(g.page, 20000);
  // sections far from the viewport are not rendered (content-visibility: auto), so their innerText is
  // empty: render them all for the checks of what the page shows (fallback texts, unrendered TeX)
  await g.page.addStyleTag({ content: "main > section.cell { content-visibility: visible !important; }" });
  const plots = await waitForPlots(g.page, 20000);
  return { ...g, plots };
}

function pagesOf(site: string): string[] {
  return fs.readdirSync(site).filter((f) => f.endsWith(".html")).sort();
}

const expectedPlots = (site: string, file: string) => (fs.readFileSync(path.join(site, file), "utf8").match(/class="nn-lesson-plot"/g) ?? []).length;

/** Every frame-animated plot: jump to its last frame through Plotly.animate; returns how many moved. */
async function animateAll(page: Page): Promise<{ animated: number; problems: string[] }> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    let animated = 0;
    const w = window as unknown as { Plotly: { animate: (gd: Element, f: string[], o: object) => Promise<unknown> } };
    for (const gd of Array.from(document.querySelectorAll(".nn-lesson-plot"))) {
      const g = gd as unknown as { _transitionData?: { _frames?: { name: string }[] }; data: { x?: unknown[] }[]; layout: { sliders?: unknown[]; updatemenus?: unknown[] } };
      const frames = g._transitionData?._frames ?? [];
      if (frames.length < 2) continue; // one frame: nothing to step through
      if (!g.layout.sliders?.length || !g.layout.updatemenus?.length) problems.push(`${gd.id}: frames but no slider/play button`);
      // what a frame can change: positions, values, markers, text, line
      const state = () => JSON.stringify(g.data.map((t) => { const r = t as Record<string, unknown>; return [r.x, r.y, r.z, r.marker, r.text, r.line]; }));
      const opts = { frame: { duration: 0, redraw: true }, transition: { duration: 0 }, mode: "immediate" };
      const before = state();
      await w.Plotly.animate(gd, [frames[frames.length - 1].name], opts);
      const atLast = state();
      await w.Plotly.animate(gd, [frames[0].name], opts);
      if (atLast === before && state() === atLast) problems.push(`${gd.id}: stepping through the frames changed nothing`);
      else animated++;
      if (!gd.querySelector(".slider-container, .updatemenu-container")) problems.push(`${gd.id}: slider/buttons not drawn`);
    }
    return { animated, problems };
  });
}

async function checkSite(site: string, label: string, screenshotOf?: (pages: string[]) => string): Promise<Record<string, number>> {
  assert.ok(fs.existsSync(path.join(site, "index.html")), `${site}/index.html missing: run npm run build:site first`);
  const counts: Record<string, number> = {};
  const files = pagesOf(site);
  const shot = screenshotOf?.(files);
  for (const file of files) {
    const v = await visit(site, file);
    try {
      const expected = expectedPlots(site, file);
      assert.deepEqual(v.errors, [], `${label}/${file}: page errors`);
      assert.deepEqual(v.dialogs, [], `${label}/${file}: dialogs`);
      assert.deepEqual(v.outside, [], `${label}/${file}: requests outside the site folder`);
      assert.equal(v.plots.divs, expected, `${label}/${file}: plot divs on the page`);
      assert.equal(v.plots.rendered, v.plots.divs, `${label}/${file}: plots not drawn: ${v.plots.missing.join(", ")}`);
      assert.equal(v.plots.fallbacks, 0, `${label}/${file}: a "cannot draw" fallback is still visible after drawing`);
      const math = await v.page.evaluate((fallback) => ({
        katex: document.querySelectorAll(".katex").length,
        errors: document.querySelectorAll(".katex-error").length,
        rawDollars: Array.from(document.querySelectorAll(".cell.markdown")).filter((c) => /\$\$|\\frac|\\sum|\uFFFD|\uE000/.test((c as HTMLElement).innerText)).length,
        plotlyScripts: document.querySelectorAll('script[src$="plotly.min.js"]').length,
        inlineLibrary: document.querySelectorAll("script[data-nn-lesson-plotly]").length,
        fallbackText: [fallback.ko, fallback.en].some((t) => document.body.innerText.includes(t)),
      }), PLOT_FALLBACK);
      assert.equal(math.fallbackText, false, `${label}/${file}: fallback text visible`);
      assert.equal(math.errors, 0, `${label}/${file}: KaTeX errors`);
      assert.equal(math.rawDollars, 0, `${label}/${file}: unrendered TeX in the prose`);
      assert.equal(math.inlineLibrary, 0, `${label}/${file}: the inline plotly.js output was not replaced`);
      assert.ok(math.plotlyScripts <= 1, `${label}/${file}: plotly.js loaded ${math.plotlyScripts} times`);
      if (expected > 0) assert.equal(math.plotlyScripts, 1);
      const anim = await animateAll(v.page);
      assert.deepEqual(anim.problems, [], `${label}/${file}: animations`);
      assert.deepEqual(v.errors, [], `${label}/${file}: page errors after animating`);
      if (file !== "index.html") {
        const links = await v.page.evaluate(() => Array.from(document.querySelectorAll("nav.pager a")).map((a) => (a as HTMLAnchorElement).getAttribute("href")));
        assert.ok(links.length === 4, `${label}/${file}: prev/next links at top and bottom`);
        for (const l of links) assert.ok(fs.existsSync(path.join(site, l!)), `${label}/${file}: link to missing ${l}`);
      }
      // every link inside the site leads to a file of the site
      const hrefs = await v.page.evaluate(() => Array.from(document.querySelectorAll("a[href]")).map((a) => a.getAttribute("href")!));
      for (const h of hrefs.filter((h) => !/^(#|[a-z]+:)/i.test(h))) {
        assert.ok(fs.existsSync(path.join(site, decodeURI(h.split("#")[0]))), `${label}/${file}: link to missing ${h}`);
      }
      counts[file] = v.plots.rendered;
      console.log(`  ${label}/${file}: ${v.plots.rendered}/${expected} plots drawn, ${math.katex} formulas, ${anim.animated} animations stepped, 0 outside requests`);
      if (file === shot) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await v.page.screenshot({ path: path.join(ARTIFACTS, `site-${path.basename(file, ".html")}.png`), fullPage: true });
        await v.page.evaluate(() => document.querySelector(".nn-lesson-plot")?.scrollIntoView({ block: "center" }));
        await v.page.screenshot({ path: path.join(ARTIFACTS, `site-${path.basename(file, ".html")}-plot.png`) });
      }
    } finally {
      await v.page.close();
    }
  }
  return counts;
}

test("the guard catches requests that leave the site folder", async () => {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp", "probe-"));
  try {
    fs.writeFileSync(path.join(dir, "p.html"), `<!doctype html><img src="https://cdn.example.invalid/x.png"><script src="file:///usr/share/javascript/jquery/jquery.min.js"></script><img src="inside-missing.png">`);
    const v = await visit(path.resolve(dir), "p.html");
    await v.page.close();
    assert.equal(v.outside.length, 3, v.outside.join(", "));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("fixture site (plots.ipynb: Korean, </script> and quotes in titles, 3D, animation)", async () => {
  await buildSite({ out: FIXTURE_SITE, notebooks: [path.join(ROOT, "test", "fixtures", "plots.ipynb")], execDir: path.join(ROOT, ".tmp", "site-exec", "site-fixture"), log: () => undefined });
  const counts = await checkSite(FIXTURE_SITE, "fixture");
  assert.equal(counts["plots.html"], 7);
  const v = await visit(FIXTURE_SITE, "plots.html");
  try {
    const titles = await v.page.evaluate(() => Array.from(document.querySelectorAll(".gtitle")).map((t) => t.textContent));
    assert.ok(titles.some((t) => t!.includes("</script>") && t!.includes("따옴표")), `the hostile title is shown as text: ${titles.join(" | ")}`);
    assert.deepEqual(v.dialogs, [], "the <script>alert(…)</script> inside a trace name did not run");
  } finally {
    await v.page.close();
  }
});

test("every page of the built site", async () => {
  const counts = await checkSite(SITE, "site", (files) => {
    // screenshot the page with the most plots
    const withPlots = files.filter((f) => f !== "index.html").map((f) => [f, expectedPlots(SITE, f)] as const).sort((a, b) => b[1] - a[1]);
    return withPlots[0]?.[0] ?? "index.html";
  });
  const notebooks = fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) => f.replace(/\.ipynb$/, ".html"));
  for (const n of notebooks) assert.ok(n in counts, `${n} is missing from the site: rebuild it (npm run build:site)`);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`  site: ${total} plots drawn on ${Object.keys(counts).length} pages`);
});
