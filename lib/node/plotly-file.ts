/**
 * plotly.js as text, read from the installed plotly.js-dist-min (display/plot.ts sends it to the
 * notebook page once; the site copies the file). plotly.js cannot run in Node: it needs a window.
 */
import * as fs from "fs";

let libraryCache: { version: string; code: string } | undefined;

/** plotly.js from node_modules/plotly.js-dist-min, as text, checked to be safe inside a <script>. */
export function plotlyLibrary(): { version: string; code: string; file: string } {
  const file = require.resolve("plotly.js-dist-min/plotly.min.js");
  if (!libraryCache) {
    const code = fs.readFileSync(file, "utf8");
    if (/<\/?script/i.test(code)) {
      throw new Error(`${file}: contains "<script" or "</script", so it cannot be embedded inline`);
    }
    const m = /plotly\.js v(\d+\.\d+\.\d+)/.exec(code.slice(0, 200));
    libraryCache = { version: m ? m[1] : "unknown", code };
  }
  return { ...libraryCache, file };
}
