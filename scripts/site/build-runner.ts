/**
 * The page runner's files (site/assets/runner/), bundled with esbuild from scripts/site/runner/ and the
 * installed packages; nothing is downloaded at run time:
 *   page.js        the editors, buttons and output rendering (loaded with `defer` on every notebook page)
 *   markdown.js    markdown-it and KaTeX for text/markdown outputs (page.js loads it on the first one)
 *   kernel.js      the worker that runs what tslab's converter made of a cell (scripts/site/runner/kernel.ts), as a function the page turns into a Blob worker
 *   nn-lesson-lib.js  the library (lib/dist: nn-lesson and nn-lesson/tfjs) for the browser: Node's fs/path/os come from node-shims.js
 *   mathjs.js      mathjs's main entry, each function made on first use (scripts/site/runner-mathjs.ts)
 *   tfjs.js (core + cpu backend + layers), node-shims.js
 *   data.js        the text files of data/, for the worker's in-memory file system
 *   mnist.js       data/mnist-10k.bin.gz in base64, loaded only when a cell asks for the digits (kernel.ts DATA_FILES)
 *   compiler.js    tslab's converter with its TypeScript 5.0.4 (scripts/site/runner/compiler-worker.ts), for the compiler worker
 *   types.js       the files TypeScript reads (recorded by scripts/site/runner/record-types.ts) and its Korean messages
 *   compiled/<page>.js  each notebook's cells as tslab compiled them, run from the top (no TypeScript needed for those)
 * Every file but page.js and markdown.js sets `self.__nnRunnerSources[name]`: the source text of a
 * function, which the page sends to a worker, or data (a file:// page can load scripts with <script>
 * tags, not fetch them).
 */
import * as fs from "fs";
import * as path from "path";
import * as os from "os";
import { spawnSync } from "child_process";
import * as esbuild from "esbuild";
import { ROOT } from "../paths";
import { VIRTUAL_ROOT } from "./runner/tsvfs";
import type { Recording } from "./runner/record-types";
import { lazyMathjs } from "./runner-mathjs";

const RUNNER = path.join(ROOT, "scripts", "site", "runner");
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

/**
 * The source of a function the page sends to a worker, as a string: a browser reads a string literal
 * several times faster than it parses the same code (mathjs.js, 1.1 MB: ~90 ms instead of ~210 ms).
 */
function asSource(name: string, code: string, params = "module, exports, require"): string {
  return `(self.__nnRunnerSources = self.__nnRunnerSources || {})[${JSON.stringify(name)}] = ${scriptJson(`function (${params}) {\n${code}\n}`)};\n`;
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

/** JSON inside a classic <script> file: no "</script>" can end it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * tslab's converter over `notebooks` (scripts/site/runner/record-types.ts), in a child process: TypeScript's
 * `sys` is global to a process, and this one may have other uses for it.
 */
function recordTypes(notebooks: string[]): Recording {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-lesson-types-"));
  try {
    const out = path.join(tmp, "recording.json");
    const r = spawnSync(process.execPath, [path.join(__dirname, "runner", "record-types.js"), out, ...notebooks], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`record-types failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" / ")}`);
    return JSON.parse(fs.readFileSync(out, "utf8")) as Recording;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Write the runner's files into `dir` (with each of `notebooks` compiled as tslab would); returns their sizes in bytes. */
export async function buildRunner(dir: string, notebooks: string[] = []): Promise<RunnerBuild> {
  const t0 = Date.now();
  fs.mkdirSync(path.join(dir, "compiled"), { recursive: true });
  const out: Record<string, string> = {};
  const cjs = { format: "cjs" as const };
  const [page, markdown, kernel, compiler, lib, mathjs, tfjs, shims] = await Promise.all([
    bundle({ entryPoints: [path.join(RUNNER, "page.ts")], format: "iife" }),
    bundle({ entryPoints: [path.join(RUNNER, "markdown.ts")], format: "iife" }),
    bundle({ entryPoints: [path.join(RUNNER, "kernel.ts")], format: "iife" }),
    bundle({
      entryPoints: [path.join(RUNNER, "compiler-worker.ts")], format: "iife",
      // tslab's converter asks Node's version (≥ 18: ES2022, as under Node 20) and knows its folder
      define: { ...common.define, "process.version": JSON.stringify(process.version), __dirname: JSON.stringify(`${VIRTUAL_ROOT}/node_modules/tslab/dist`) },
      alias: { path: "path-browserify" },
      // TypeScript loads these only when it runs in Node: never in the worker
      external: ["fs", "os", "crypto", "buffer", "perf_hooks", "inspector", "source-map-support", "module", "vm", "child_process"],
    }),
    bundle({
      // both entries of the library in one bundle, so that nn-lesson and nn-lesson/tfjs share its classes
      // (and the progress hook of its loops, which the kernel points at the page: lib/lesson/progress.ts)
      ...cjs,
      stdin: {
        contents: 'exports.index = require("./lib/dist/index.js");\nexports.tfjs = require("./lib/dist/index-tfjs.js");\nexports.progress = require("./lib/dist/lesson/progress.js");',
        resolveDir: ROOT,
      },
      external: ["tslab", "mathjs", "@tensorflow/*", "fs", "path", "os", "zlib"],
      define: { ...common.define, __dirname: JSON.stringify(VIRTUAL_LIB_NODE) },
      plugins: [plotlyFileShim],
    }),
    bundle({ ...cjs, stdin: { contents: 'module.exports = require("mathjs");', resolveDir: ROOT }, plugins: [lazyMathjs] }),
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
  out["markdown.js"] = markdown;
  out["kernel.js"] = asSource("kernel", kernel, "");
  out["compiler.js"] = asSource("compiler", compiler, "");
  const recording = recordTypes(notebooks);
  const messages = JSON.parse(fs.readFileSync(require.resolve("@tslab/typescript-for-tslab/lib/ko/diagnosticMessages.generated.json"), "utf8"));
  out["types.js"] = `(self.__nnRunnerSources = self.__nnRunnerSources || {}).types = ${scriptJson({ vfs: recording.vfs, messages })};\n`;
  for (const [name, list] of Object.entries(recording.notebooks)) {
    out[`compiled/${name}.js`] = `(self.__nnRunnerSources = self.__nnRunnerSources || {})[${JSON.stringify(`compiled:${name}`)}] = ${scriptJson(list)};\n`;
  }
  out["nn-lesson-lib.js"] = asSource("nn-lesson-lib", lib);
  out["mathjs.js"] = asSource("mathjs", mathjs);
  out["tfjs.js"] = asSource("tfjs", tfjs);
  out["node-shims.js"] = asSource("node-shims", shims);
  const dataDir = path.join(ROOT, "data");
  const data = Object.fromEntries(fs.readdirSync(dataDir).filter((f) => /\.(json|csv)$/.test(f)).sort()
    .map((f) => [`${VIRTUAL_DATA}/${f}`, fs.readFileSync(path.join(dataDir, f), "utf8")]));
  out["data.js"] = `(self.__nnRunnerSources = self.__nnRunnerSources || {}).data = ${scriptJson(data)};\n`;
  out["mnist.js"] = `(self.__nnRunnerSources = self.__nnRunnerSources || {}).mnist = "${fs.readFileSync(path.join(dataDir, "mnist-10k.bin.gz")).toString("base64")}";\n`;
  const files: Record<string, number> = {};
  for (const [name, text] of Object.entries(out)) {
    fs.writeFileSync(path.join(dir, name), text);
    files[name] = Buffer.byteLength(text);
  }
  return { files, seconds: (Date.now() - t0) / 1000 };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, "site", "assets", "runner"));
  buildRunner(dir, process.argv.slice(3).map((p) => path.resolve(p))).then((r) => {
    for (const [f, n] of Object.entries(r.files)) console.log(`${f.padEnd(16)} ${(n / 1024).toFixed(0).padStart(6)} KB`);
    console.log(`runner written to ${dir} in ${r.seconds.toFixed(1)} s`);
  }, (e) => { console.error(`build-runner: ${e instanceof Error ? e.message : e}`); process.exit(1); });
}
