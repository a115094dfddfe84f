/**
 * Notebook cells a learner reads side by side with the lesson stay narrow: no code line over 110
 * characters (CONTRIBUTING.md), so a cell fits a laptop's Jupyter and the page without a scroll bar.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

const NOTEBOOKS = path.join(ROOT, "notebooks");
const MAX = 110;

test(`no code line of a notebook is over ${MAX} characters`, () => {
  const files = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
  assert.ok(files.length >= 15, `notebooks: ${files.join(", ")}`);
  const long: string[] = [];
  for (const f of files) {
    const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, f), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      const src = Array.isArray(c.source) ? c.source.join("") : c.source;
      src.split("\n").forEach((line, k) => {
        // code points, not UTF-16 units: 한글 counts one each, as an editor's column does
        const width = [...line].length;
        if (width > MAX) long.push(`${f} cell ${i} line ${k + 1}: ${width} characters: ${line.slice(0, 60)}…`);
      });
    });
  }
  assert.deepEqual(long, []);
});
