/**
 * The page runner's kernel: runs in a Web Worker made from a Blob (file:// pages cannot load a worker
 * script by URL). It runs what tslab's converter made of a cell (scripts/site/runner/compiler.ts) the way
 * tslab's executor runs it (node_modules/tslab/dist/executor.js): the cell's JavaScript is wrapped in
 * `(function (exports, require) { … })(__tslab__.exports, __tslab__.require)` and evaluated in the
 * worker's global scope, as `vm.runInThisContext` does in Node; names shared between cells live on
 * `exports` (a Proxy, as in tslab); the value of a last expression is printed with console.log unless
 * it is null or undefined. `console.log` and `tslab.display` become messages to the page; the modules
 * a cell imports ("nn-lesson", "mathjs", TensorFlow.js, "fs", "os", "path") come from bundles the page
 * sent. The page ends a runaway cell by terminating this worker and starting a new one (a restart).
 */
import { formatWithOptions } from "node-inspect-extracted";
import type { ProgressReporter } from "nn-lesson/dist/lesson/progress";

/** page → worker */
export type ToKernel =
  /** `later`: bundles the page sends after init, in a "module" message (TensorFlow.js: a first cell does not need it). */
  | { type: "init"; modules: Record<string, string>; data: Record<string, string>; later: string[] }
  /** One of init's `later` bundles (`src` undefined: the page could not load it). */
  | { type: "module"; name: string; src?: string }
  | { type: "run"; id: number; js: string; hasToplevelAwait: boolean; lastExpressionVar?: string }
  /**
   * Evaluate these bundles now (the page is idle, or the learner is about to run): the first cell then
   * need not. mathjs's functions, each made on first use (scripts/site/runner-mathjs.ts), are then made a few
   * at a time while no cell runs.
   */
  | { type: "warm"; modules: string[] }
  /** A data file the kernel asked for ("need"): base64 of its bytes (`base64` undefined: the page could not load it). */
  | { type: "data"; name: string; base64?: string };
/** A runtime error as the page shows it: tslab prints the error itself (its stack in Node). */
export interface KernelError { name: string; message: string }
/** worker → page */
export type FromKernel =
  | { type: "ready" }
  /** A cell needs a data file the page loads only then (DATA_FILES: the MNIST digits, 1.4 MB). */
  | { type: "need"; name: string }
  | { type: "out"; id: number; kind: "stdout" | "stderr" | "text/html" | "text/markdown" | "text/plain"; data: string }
  | { type: "done"; id: number; error?: KernelError }
  /** A long library loop of the running cell (lib/lesson/progress.ts), at most ~4 a second; sent while the cell still runs. */
  | { type: "progress"; id: number; label: string; done: number; total: number }
  /**
   * An error no cell caught: thrown in a setTimeout, or a Promise rejected with nobody awaiting it. tslab
   * prints these with the same words ("UncaughtException:", "UnhandledPromiseRejection:"), under the last cell.
   */
  | { type: "uncaught"; id: number; kind: "UncaughtException" | "UnhandledPromiseRejection"; error: KernelError };

type Factory = (module: { exports: unknown }, exports: unknown, require: (name: string) => unknown) => void;

const ctx = self as unknown as { postMessage(m: FromKernel): void; onmessage: ((e: MessageEvent<ToKernel>) => void) | null };

/** The notebook's folder in the page (tslab's working directory): relative paths start here. */
export const KERNEL_CWD = "/project/notebooks";

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
  zlib: ["node-shims", "zlib"],
  "node:zlib": ["node-shims", "zlib"],
};

/**
 * Data files the page loads only for a cell that asks for them (no other page, no other cell pays for
 * them): name → the path the library reads, and what in a cell's JavaScript asks for it.
 */
const DATA_FILES: Record<string, { path: string; asks: RegExp }> = {
  mnist: { path: "/project/data/mnist-10k.bin.gz", asks: /\bmnist\.load\b|\bloadMnist\b|mnist-10k\.bin\.gz/ },
};
const dataLoaded = new Map<string, Promise<void>>();
const dataArrived = new Map<string, (m: Extract<ToKernel, { type: "data" }>) => void>();

/** Ask the page for a data file, inflate it (gzip, DecompressionStream) and put it in the worker's fs and zlib. */
function loadData(name: string): Promise<void> {
  let p = dataLoaded.get(name);
  if (p) return p;
  p = (async () => {
    const m = await new Promise<Extract<ToKernel, { type: "data" }>>((resolve) => {
      dataArrived.set(name, resolve);
      ctx.postMessage({ type: "need", name });
    });
    if (m.base64 === undefined) throw new Error(`데이터 파일 ${name}을(를) 불러오지 못했습니다 / could not load the data file ${name}`);
    const bin = atob(m.base64);
    const gz = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
    const raw = new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    const shims = requireModule("node-shims") as { fs: { preloadBinary(p: string, b: Uint8Array): void }; zlib: { registerInflated(gz: Uint8Array, raw: Uint8Array): void } };
    shims.fs.preloadBinary(DATA_FILES[name].path, gz);
    shims.zlib.registerInflated(gz, raw);
  })();
  p.catch(() => dataLoaded.delete(name));
  dataLoaded.set(name, p);
  return p;
}

/**
 * Bundles still on their way (init's `later`), and the cells that need them: TensorFlow.js is required
 * by a cell that imports it or nn-lesson/tfjs, whose functions load it when called, in a later cell too.
 */
const later = new Map<string, { arrived: Promise<void>; arrive: () => void }>();
const NEEDS_LATER: Record<string, RegExp> = { tfjs: /require\("(?:@tensorflow\/|nn-lesson\/tfjs)/ };
const needed = new Set<string>();

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
    const e = new Error(`Cannot find module '${name}' — "${name}" 모듈은 이 페이지에서 쓸 수 없습니다 (쓸 수 있는 것: nn-lesson, mathjs, os, path, fs, TensorFlow.js)`);
    (e as Error & { code: string }).code = "MODULE_NOT_FOUND";
    throw e;
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

const format = (args: unknown[]) => formatWithOptions({ colors: false }, ...args);
console.log = (...a: unknown[]) => send("stdout", format(a) + "\n");
console.info = console.log;
console.debug = console.log;
console.warn = (...a: unknown[]) => send("stderr", format(a) + "\n");
console.error = console.warn;

/**
 * What a cell sees of Node's `process`: its folder (path.resolve, relative fs paths), an empty env.
 * No `versions`, so the bundled libraries (TensorFlow.js) do not take the page for Node.
 */
const processShim = {
  cwd: () => KERNEL_CWD,
  env: {} as Record<string, string>,
  argv: ["node"],
  platform: "linux",
  nextTick: (f: (...a: unknown[]) => void, ...a: unknown[]) => queueMicrotask(() => f(...a)),
  exit: () => { throw new Error("process.exit()는 페이지에서 쓸 수 없습니다 / process.exit() is not available in the page"); },
};
(self as unknown as { process: unknown }).process = processShim;

/**
 * tslab's `exports`: a Proxy whose defineProperty stores the value (TypeScript's CommonJS output defines
 * named imports with getters; tslab keeps them rewritable), and ignores `__esModule`.
 */
const locals: Record<string, unknown> = {};
const exportsProxy = new Proxy(locals, {
  defineProperty: (_t, prop, attrs) => {
    if (prop === "__esModule") return true;
    locals[prop as string] = attrs.get ? attrs.get() : attrs.value;
    return true;
  },
});
(self as unknown as { __tslab__: unknown }).__tslab__ = { exports: exportsProxy, require: requireModule };

function asKernelError(e: unknown): KernelError {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: "Error", message: (() => { try { return format([e]); } catch { return String(e); } })() };
}

async function run(m: Extract<ToKernel, { type: "run" }>): Promise<void> {
  for (const [name, re] of Object.entries(NEEDS_LATER)) if (re.test(m.js)) needed.add(name);
  for (const name of needed) await later.get(name)?.arrived;
  current = m.id;
  for (const [name, f] of Object.entries(DATA_FILES)) {
    if (!f.asks.test(m.js)) continue;
    try {
      await loadData(name);
    } catch (e) {
      ctx.postMessage({ type: "done", id: m.id, error: asKernelError(e) });
      return;
    }
  }
  const prefix = m.hasToplevelAwait ? "(async function(exports, require) { " : "(function(exports, require) { ";
  try {
    const ret = (0, eval)(`${prefix}${m.js}\n})(__tslab__.exports, __tslab__.require)`);
    if (m.hasToplevelAwait) await ret;
  } catch (e) {
    ctx.postMessage({ type: "done", id: m.id, error: asKernelError(e) });
    return;
  }
  if (m.lastExpressionVar && locals[m.lastExpressionVar] != null) {
    const value = locals[m.lastExpressionVar];
    delete locals[m.lastExpressionVar];
    console.log(value);
  }
  ctx.postMessage({ type: "done", id: m.id });
}

/**
 * Read every export of a module (mathjs: each read makes a function), a few milliseconds at a time,
 * only while no cell runs: a cell that comes meanwhile runs first, and finds made what has been.
 */
function warmExports(name: string): void {
  let keys: string[] | undefined;
  let k = 0;
  const step = () => {
    if (queued > 0) { setTimeout(step, 20); return; }
    const m = cache.get(name) as Record<string, unknown> | undefined;
    if (!m) return;
    keys ??= Object.keys(m);
    const until = performance.now() + 5;
    for (; k < keys.length && performance.now() < until; k++) {
      try { void m[keys[k]]; } catch { /* a cell that uses it will show the error */ }
    }
    if (k < keys.length) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

self.addEventListener("error", (e) => {
  e.preventDefault();
  ctx.postMessage({ type: "uncaught", id: current, kind: "UncaughtException", error: asKernelError(e.error ?? e.message) });
});
self.addEventListener("unhandledrejection", (e) => {
  e.preventDefault();
  ctx.postMessage({ type: "uncaught", id: current, kind: "UnhandledPromiseRejection", error: asKernelError(e.reason) });
});

let queue = Promise.resolve();
/** Cells asked to run and not finished (their awaits included). */
let queued = 0;
ctx.onmessage = (e) => {
  const m = e.data;
  if (m.type === "init") {
    for (const [name, src] of Object.entries(m.modules)) sources.set(name, src);
    for (const name of m.later) {
      let arrive!: () => void;
      const arrived = new Promise<void>((r) => { arrive = r; });
      later.set(name, { arrived, arrive });
    }
    (requireModule("node-shims") as { fs: { preload(d: Record<string, string>): void } }).fs.preload(m.data);
    ctx.postMessage({ type: "ready" });
  } else if (m.type === "module") {
    if (m.src !== undefined) sources.set(m.name, m.src);
    later.get(m.name)?.arrive();
  } else if (m.type === "run") {
    queued++;
    queue = queue.then(() => run(m)).finally(() => { queued--; });
  } else if (m.type === "data") {
    dataArrived.get(m.name)?.(m);
    dataArrived.delete(m.name);
  } else if (m.type === "warm") {
    queue = queue.then(() => {
      for (const name of m.modules) {
        try { requireModule(name); } catch { /* a cell that imports it will show the error */ }
        if (name === "mathjs") warmExports(name);
      }
    });
  }
};
