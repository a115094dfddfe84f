/**
 * Notebook prose renders as written: no `**` is left over after markdown-it (with the site's KaTeX plugin)
 * has rendered a markdown cell. CommonMark does not close `**…)**` when a Hangul letter follows the
 * closing `**` (the delimiter is not right-flanking), so the stars would show up on the page.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { renderMarkdown } from "../scripts/site/site-render";
import { ROOT } from "./helpers";

/** Literal `**` in rendered HTML, outside code and formulas. */
export function leftoverStars(html: string): string[] {
  const text = html.replace(/<(code|pre)[^>]*>[\s\S]*?<\/\1>/g, "").replace(/<span class="katex[\s\S]*?<\/annotation>/g, "");
  return [...text.matchAll(/[^\s>]{0,12}\*\*[^\s<]{0,12}/g)].map((m) => m[0]);
}

test("leftoverStars finds the stars CommonMark leaves after ')' before a Hangul letter", () => {
  assert.deepEqual(leftoverStars(renderMarkdown("그 **위치(인덱스)**도", "t")), ["**위치(인덱스)**도"]);
  assert.deepEqual(leftoverStars(renderMarkdown("그 **위치**(인덱스)도 `a**b`", "t")), []);
});

test("no markdown cell of any notebook leaves ** on the page", () => {
  const dir = path.join(ROOT, "notebooks");
  const problems: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb")).sort()) {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== "markdown") return;
      const src = Array.isArray(c.source) ? c.source.join("") : c.source;
      for (const s of leftoverStars(renderMarkdown(src, `${f} cell ${i}`))) problems.push(`${f} cell ${i}: ${s}`);
    });
  }
  assert.deepEqual(problems, []);
});
