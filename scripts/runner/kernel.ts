/**
 * The page runner's kernel: runs in a Web Worker made from a Blob (file:// pages cannot load a worker
 * script by URL). It plays the part tslab plays in Jupyter: cells share one scope, `console.log` and
 * `tslab.display` become messages to the page, and the modules a cell imports ("nn-lesson", "mathjs",
 * TensorFlow.js, "os", "path") come from bundles the page sent. The page ends a runaway cell by
 * terminating this worker and starting a new one (a kernel restart).
 */
import { formatWithOptions, inspect } from "node-inspect-extracted";
import type { ProgressReporter } from "nn-lesson/dist/lesson/progress";
import { CellSyntaxError, compileCell, runCell } from "./compile";

/** page → worker */
export type ToKernel =
  | { type: "init"; modules: Record<string, string>; data: Record<string, string> }
  | { type: "run"; id: number; code: string };
/** worker → page */
export type FromKernel =
  | { type: "ready" }
  | { type: "out"; id: number; kind: "stdout" | "stderr" | "result" | "text/html" | "text/markdown" | "text/plain"; data: string }
  | { type: "done"; id: number; error?: string }
  /** A long library loop of the running cell (lib/lesson/progress.ts), at most ~4 a second; sent while the cell still runs. */
  | { type: "progress"; id: number; label: string; done: number; total: number };

type Factory = (module: { exports: unknown }, exports: unknown, require: (name: string) => unknown) => void;

const ctx = self as unknown as { postMessage(m: FromKernel): void; onmessage: ((e: MessageEvent<ToKernel>) => void) | null };

/** Module sources by name, and what evaluating them gave. */
const sources = new Map<string, string>();
const cache = new Map<string, unknown>();
/** Names that are parts of another bundle: "@tensorflow/tfjs-core" → ["tfjs", "core"], "nn-lesson" → ["nn-lesson-lib", "index"]. */
const PARTS: Record<string, [string, string]> = {
  "nn-lesson": ["nn-lesson-lib", "index"],
  "nn-lesson/tfjs": ["nn-lesson-lib", "tfjs"],
  "@tensorflow/tfjs-core": ["tfjs", "core"],
  "@tensorflow/tfjs-backend-cpu": ["tfjs", "cpu"],
  "@tensorflow/tfjs-layers": ["tfjs", "layers"],
  fs: ["node-shims", "fs"],
  os: ["node-shims", "os"],
  path: ["node-shims", "path"],
  "node:fs": ["node-shims", "fs"],
  "node:os": ["node-shims", "os"],
  "node:path": ["node-shims", "path"],
};

/** The cell being run: where console output and displays go. */
let current = -1;
function send(kind: Extract<FromKernel, { type: "out" }>["kind"], data: string): void {
  ctx.postMessage({ type: "out", id: current, kind, data });
}

const tslab = {
  display: {
    html: (s: string) => send("text/html", String(s)),
    markdown: (s: string) => send("text/markdown", String(s)),
    text: (s: string) => send("text/plain", String(s)),
  },
};

function requireModule(name: string): unknown {
  if (name === "tslab") return tslab;
  const part = PARTS[name];
  if (part) return (requireModule(part[0]) as Record<string, unknown>)[part[1]];
  if (cache.has(name)) return cache.get(name);
  const src = sources.get(name);
  if (src === undefined) {
    throw new Error(`"${name}" 모듈은 이 페이지에서 쓸 수 없습니다 (쓸 수 있는 것: nn-lesson, mathjs, os, path, fs, TensorFlow.js) / module "${name}" is not available in the page`);
  }
  const module = { exports: {} as unknown };
  cache.set(name, module.exports);
  const factory = (0, eval)(`(${src})`) as Factory;
  factory(module, module.exports, requireModule);
  cache.set(name, module.exports);
  if (name === "nn-lesson-lib") reportProgressToPage(module.exports as LibBundle);
  return module.exports;
}

interface LibBundle { progress?: { setProgressReporter(r: ProgressReporter | undefined): unknown } }

/**
 * The library's long loops report to the page, which shows them under the running cell: postMessage
 * works from a worker busy in a synchronous loop (the page's thread receives it).
 */
function reportProgressToPage(lib: LibBundle): void {
  lib.progress?.setProgressReporter((e) => ctx.postMessage({ type: "progress", id: current, label: e.label, done: e.done, total: e.total }));
}
(requireModule as unknown as { cache: Record<string, unknown> }).cache = {};

function interopDefault(m: unknown): unknown {
  return m && typeof m === "object" && "default" in (m as object) ? (m as { default: unknown }).default : m;
}

const format = (args: unknown[]) => formatWithOptions({ colors: false }, ...args);
console.log = (...a: unknown[]) => send("stdout", format(a) + "\n");
console.info = console.log;
console.debug = console.log;
console.warn = (...a: unknown[]) => send("stderr", format(a) + "\n");
console.error = console.warn;

/** Every top-level name of every cell so far (the tslab kernel's memory). */
const scope: Record<string, unknown> = Object.create(null);
// tslab cells may also `require` a module, as CommonJS code does
scope.require = requireModule;

async function run(id: number, code: string): Promise<void> {
  current = id;
  try {
    const cell = compileCell(code);
    for (const m of cell.modules) requireModule(m);
    const value = await runCell(cell, scope, requireModule, interopDefault);
    if (cell.returnsValue && value !== undefined) send("result", inspect(value));
    ctx.postMessage({ type: "done", id });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const message = err instanceof CellSyntaxError ? `SyntaxError: ${err.message}` : `${err.name}: ${err.message}`;
    ctx.postMessage({ type: "done", id, error: message });
  }
}

let queue = Promise.resolve();
ctx.onmessage = (e) => {
  const m = e.data;
  if (m.type === "init") {
    for (const [name, src] of Object.entries(m.modules)) sources.set(name, src);
    (requireModule("node-shims") as { fs: { preload(d: Record<string, string>): void } }).fs.preload(m.data);
    ctx.postMessage({ type: "ready" });
  } else if (m.type === "run") {
    queue = queue.then(() => run(m.id, m.code));
  }
};
