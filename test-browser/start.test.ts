/**
 * `npm start` on a machine without Jupyter: it serves the lesson's pages with the page runner on
 * 127.0.0.1, says in one line how to get Jupyter, and the printed address works in Chromium
 * (cells run in the page, outputs appear).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as path from "path";
import { spawn } from "child_process";
import { launchChromium } from "../scripts/testing/browser";
import { ROOT } from "../scripts/paths";

test("npm start without Jupyter: the page runner on loopback, the address printed, cells run in Chromium", async () => {
  const start = path.join(ROOT, "build", "scripts", "cli", "start.js");
  const child = spawn(process.execPath, [start, "--port", "0"], {
    env: { ...process.env, PATH: "/nonexistent", NN_LESSON_PYTHON: "/nonexistent/python3" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "", err = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { err += d; });
  const browser = await launchChromium();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed in 60 s:\n${out}\n${err}`)), 60000);
      child.stdout.on("data", () => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/index\.html)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${out}\n${err}`)));
    });
    const lines = out.trim().split("\n");
    assert.match(lines[0], /pip install jupyterlab/, "the first line says how to get Jupyter");
    assert.match(lines[0], /브라우저 실행기/);
    assert.equal(err, "");
    const page = await browser.newPage();
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(url.replace(/index\.html$/, "")) || u.startsWith("blob:")) return route.continue();
      outside.push(u);
      return route.abort();
    });
    await page.goto(url);
    await page.click('a[href="02-forward.html"]');
    await page.waitForFunction(() => "lessonRunner" in window);
    assert.equal(await page.locator(".outputs pre, .outputs .html").count(), 0, "pages built without running the notebooks have no outputs yet");
    const r = await page.evaluate(() => (window as unknown as { lessonRunner: { runAll(): Promise<{ ok: boolean; errors: string[] }> } }).lessonRunner.runAll());
    assert.deepEqual(r, { ok: true, errors: [] });
    assert.ok(await page.locator(".outputs pre").count() > 3, "the cells printed");
    assert.ok(await page.locator(".nn-lesson-plot.js-plotly-plot").count() >= 1, "a plot drawn");
    assert.deepEqual(outside, []);
  } finally {
    await browser.close();
    child.kill("SIGTERM");
  }
});
