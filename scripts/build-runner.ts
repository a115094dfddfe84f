/**
 * The page runner's files (site/assets/runner/), bundled with esbuild from scripts/runner/ and the
 * installed packages; nothing is downloaded at run time:
 *   page.js        the editors, buttons and output rendering (loaded with `defer` on every notebook page)
 *   kernel.js      the worker (sucrase + acorn + the cell scope), as a function the page turns into a Blob worker
 *   nn-lesson-lib.js  the library (lib/dist: nn-lesson and nn-lesson/tfjs) for the browser: Node's fs/path/os come from node-shims.js
 *   mathjs.js, tfjs.js (core + cpu backend + layers), node-shims.js
 *   data.js        the files of data/, for the worker's in-memory file system
 * Every file but page.js sets `self.__nnRunnerSources[name]` to a function whose source text the page
 * sends to the worker (a file:// page can load scripts with <script> tags, not fetch them).
 */
import * as fs from "fs";
import * as path from "path";
import * as esbuild from "esbuild";
import { ROOT } from "./paths";

const RUNNER = path.join(ROOT, "scripts", "runner");
/** Where the worker finds data/ (lib/dist/node/files.ts: __dirname/../../../data). */
const VIRTUAL_LIB_NODE = "/project/lib/dist/node";
const VIRTUAL_DATA = "/project/data";

const common: esbuild.BuildOptions = {
  bundle: true, write: false, platform: "browser", minify: true, legalComments: "none", logLevel: "silent",
  define: { "process.env.NODE_ENV": '"production"', global: "self" },
};

async function bundle(opts: esbuild.BuildOptions): Promise<string> {
  const r = await esbuild.build({ ...common, ...opts });
  return r.outputFiles![0].text;
}

function asSource(name: string, code: string, params = "module, exports, require"): string {
  return `(self.__nnRunnerSources = self.__nnRunnerSources || {})[${JSON.stringify(name)}] = function (${params}) {\n${code}\n};\n`;
}

/** The library's node/plotly-file.ts reads plotly.js from disk; in the page, plotly.js is already there. */
const plotlyFileShim: esbuild.Plugin = {
  name: "plotly-file",
  setup(b) {
    b.onResolve({ filter: /[/\\]node[/\\]plotly-file(\.js)?$/ }, () => ({ path: "plotly-file", namespace: "shim" }));
    b.onLoad({ filter: /.*/, namespace: "shim" }, () => ({
      contents: "exports.plotlyLibrary = function () { return { version: 'page', code: '', file: '' }; };", loader: "js",
    }));
  },
};

export interface RunnerBuild { files: Record<string, number>; seconds: number }

/** Write the runner's files into `dir`; returns their sizes in bytes. */
export async function buildRunner(dir: string): Promise<RunnerBuild> {
  const t0 = Date.now();
  fs.mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  const cjs = { format: "cjs" as const };
  const [page, kernel, lib, mathjs, tfjs, shims] = await Promise.all([
    bundle({ entryPoints: [path.join(RUNNER, "page.ts")], format: "iife" }),
    bundle({ entryPoints: [path.join(RUNNER, "kernel.ts")], format: "iife" }),
    bundle({
      // both entries of the library in one bundle, so that nn-lesson and nn-lesson/tfjs share its classes
      // (and the progress hook of its loops, which the kernel points at the page: lib/lesson/progress.ts)
      ...cjs,
      stdin: {
        contents: 'exports.index = require("./lib/dist/index.js");\nexports.tfjs = require("./lib/dist/index-tfjs.js");\nexports.progress = require("./lib/dist/lesson/progress.js");',
        resolveDir: ROOT,
      },
      external: ["tslab", "mathjs", "@tensorflow/*", "fs", "path", "os"],
      define: { ...common.define, __dirname: JSON.stringify(VIRTUAL_LIB_NODE) },
      plugins: [plotlyFileShim],
    }),
    bundle({ ...cjs, stdin: { contents: 'module.exports = require("mathjs");', resolveDir: ROOT } }),
    bundle({
      ...cjs,
      stdin: {
        contents: 'module.exports = { core: require("@tensorflow/tfjs-core"), cpu: require("@tensorflow/tfjs-backend-cpu"), layers: require("@tensorflow/tfjs-layers") };',
        resolveDir: ROOT,
      },
    }),
    bundle({ ...cjs, entryPoints: [path.join(RUNNER, "shims", "entry.ts")] }),
  ]);
  out["page.js"] = page;
  out["kernel.js"] = asSource("kernel", kernel, "");
  out["nn-lesson-lib.js"] = asSource("nn-lesson-lib", lib);
  out["mathjs.js"] = asSource("mathjs", mathjs);
  out["tfjs.js"] = asSource("tfjs", tfjs);
  out["node-shims.js"] = asSource("node-shims", shims);
  const dataDir = path.join(ROOT, "data");
  const data = Object.fromEntries(fs.readdirSync(dataDir).filter((f) => /\.(json|csv)$/.test(f)).sort()
    .map((f) => [`${VIRTUAL_DATA}/${f}`, fs.readFileSync(path.join(dataDir, f), "utf8")]));
  out["data.js"] = `(self.__nnRunnerSources = self.__nnRunnerSources || {}).data = ${JSON.stringify(data).replace(/</g, "\\u003c")};\n`;
  const files: Record<string, number> = {};
  for (const [name, text] of Object.entries(out)) {
    fs.writeFileSync(path.join(dir, name), text);
    files[name] = Buffer.byteLength(text);
  }
  return { files, seconds: (Date.now() - t0) / 1000 };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, "site", "assets", "runner"));
  buildRunner(dir).then((r) => {
    for (const [f, n] of Object.entries(r.files)) console.log(`${f.padEnd(16)} ${(n / 1024).toFixed(0).padStart(6)} KB`);
    console.log(`runner written to ${dir} in ${r.seconds.toFixed(1)} s`);
  }, (e) => { console.error(`build-runner: ${e instanceof Error ? e.message : e}`); process.exit(1); });
}
