/**
 * The page runner: every code cell of a site page becomes an editor (CodeMirror) that runs in the
 * browser, offline, with no install. Loaded with `defer` on notebook pages; the kernel (a worker with
 * the library, mathjs and TensorFlow.js) loads only when the first cell runs.
 *
 * window.lessonRunner is the page's API (the browser tests use it): cellCount, getCode, setCode, run,
 * runAll, interrupt, restore. Cell indices count code cells only, in notebook order.
 */
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import MarkdownIt from "markdown-it";
import katexPlugin from "@vscode/markdown-it-katex";
import { PLOTLY_MARKER, PLOT_CLASS } from "nn-lesson/dist/display/markers";
import type { FromKernel, KernelError, ToKernel } from "./kernel";
import type { FromCompiler, ToCompiler } from "./compiler-worker";
import { CompiledCell, ConvertedCell, formatDiagnostics } from "./cell-types";
import { ExplainContext, explainCell, explainError } from "nn-lesson/dist/display/explain";

/**
 * What running a cell gave: the printed text (stdout), the number of plots drawn, the ✔/✘ verdicts of
 * check() outputs (data-verdict), and the error (a type error stops the cell before it runs, as in tslab).
 */
interface RunResult { text: string; plots: number; verdicts: string[]; error?: string; typeError?: boolean }
interface NotebookJson { cells: { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null; metadata?: object }[]; metadata: object; nbformat: number; nbformat_minor: number }
type Output = {
  output_type: string; name?: string; text?: string; data?: Record<string, string>; metadata?: object;
  execution_count?: null; ename?: string; evalue?: string; traceback?: string[];
};

const ASSETS = "assets/runner/";
const MODULES = ["nn-lesson-lib", "mathjs", "tfjs", "node-shims"];
/** check()'s verdict marker in an HTML output (lib/display/check.ts). */
const VERDICT = /class="nn-check" data-verdict="(\w+)"/g;
const W = window as unknown as {
  __nnRunnerSources?: Record<string, unknown>;
  Plotly?: unknown;
  lessonRunner?: unknown;
};

const md = new MarkdownIt({ html: true, linkify: false });
md.use(katexPlugin as unknown as MarkdownIt.PluginSimple);

const pageName = document.body.dataset.page ?? location.pathname.split("/").pop()?.replace(/\.html$/, "") ?? "page";
const storeKey = (i: number) => `nn-lesson/${pageName}/cell/${i}`;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`${src}을(를) 불러오지 못했습니다 / could not load ${src}`));
    document.head.appendChild(s);
  });
}

// ---------- cells ----------

interface Cell {
  section: HTMLElement;
  original: string;
  originalOutputs: string;
  view: EditorView;
  outputs: HTMLElement;
  status: HTMLElement;
  /** nbformat outputs of the last run in this page, for the downloaded notebook. */
  ran?: Output[];
}

const cells: Cell[] = [];
const notebook = JSON.parse(document.getElementById("nn-notebook")?.textContent ?? "null") as NotebookJson | null;

function makeCell(section: HTMLElement, i: number): Cell {
  const input = section.querySelector(".input") as HTMLElement;
  const pre = input.querySelector("pre") as HTMLElement;
  const original = pre.textContent ?? "";
  let outputs = section.querySelector(".outputs") as HTMLElement | null;
  if (!outputs) {
    outputs = document.createElement("div");
    outputs.className = "outputs";
    section.appendChild(outputs);
  }
  const stored = localStorage.getItem(storeKey(i));
  const holder = document.createElement("div");
  holder.className = "editor";
  pre.replaceWith(holder);
  const status = document.createElement("span");
  status.className = "run-status";
  const button = document.createElement("button");
  button.className = "run";
  button.type = "button";
  button.textContent = "▶ 실행";
  button.title = "이 셀을 실행합니다 (Shift+Enter)";
  button.addEventListener("click", () => void run(i));
  const bar = document.createElement("div");
  bar.className = "cell-tools";
  bar.append(button, status);
  input.after(bar);
  const view = new EditorView({
    doc: stored ?? original,
    parent: holder,
    extensions: [
      basicSetup,
      javascript({ typescript: true }),
      Prec.highest(keymap.of([{ key: "Shift-Enter", run: () => { void run(i); return true; } }])),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const code = u.state.doc.toString();
        if (code === original) localStorage.removeItem(storeKey(i));
        else localStorage.setItem(storeKey(i), code);
        section.classList.toggle("edited", code !== original);
        // a learner who edits will run a cell the build did not compile: start TypeScript now
        if (code !== original) void startCompiler().catch(() => undefined);
      }),
    ],
  });
  section.classList.toggle("edited", stored !== null && stored !== original);
  return { section, original, originalOutputs: outputs.innerHTML, view, outputs, status };
}

// ---------- the kernel ----------

interface Pending { outputs: Output[]; resolve: (r: { error?: KernelError }) => void; cell: Cell }
let worker: Worker | undefined;
let ready: Promise<Worker> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
/**
 * tslab's `prevDecl`: the declarations of the cells this kernel ran, in which the next cell is
 * type-checked. Empty again after a restart, like the kernel's values.
 */
let prevDecl = "";
/** Kernel restarts so far (■ 중지, a crash); and in which of them each cell last ran. */
let generation = 0;
const ranIn = new Map<number, number>();
/** Cells compiled at build time, by (prevDecl, src): the notebook as written, run from the top. */
const compiled = new Map<string, ConvertedCell>();
/** Which original cell declares a name (for "run cell [k] first"). */
const definedIn = new Map<string, number>();
const compiledKey = (decl: string, src: string) => `${decl}\u0001${src}`;

function startKernel(): Promise<Worker> {
  if (ready) return ready;
  setStatus("커널을 불러오는 중… (처음 한 번만) / loading the kernel…");
  ready = (async () => {
    const need = ["kernel", ...MODULES, "data"].filter((n) => !(W.__nnRunnerSources && n in W.__nnRunnerSources));
    await Promise.all([
      ...need.map((n) => loadScript(`${ASSETS}${n}.js`)),
      loadCompiled(),
    ]);
    const src = W.__nnRunnerSources as Record<string, unknown>;
    const blob = new Blob([`(${String(src.kernel)})();`], { type: "text/javascript" });
    const w = new Worker(URL.createObjectURL(blob));
    const modules = Object.fromEntries(MODULES.map((n) => [n, String(src[n])]));
    await new Promise<void>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<FromKernel>) => { if (e.data.type === "ready") resolve(); };
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage({ type: "init", modules, data: src.data as Record<string, string> } satisfies ToKernel);
    });
    w.onmessage = (e: MessageEvent<FromKernel>) => onKernelMessage(e.data);
    w.onerror = (e) => { e.preventDefault(); failAll({ name: "Error", message: `커널 오류 / kernel error: ${e.message}` }); };
    worker = w;
    prevDecl = "";
    setStatus("준비됨 — 이 페이지의 셀은 브라우저에서 tslab과 같은 방식으로 실행됩니다 (타입 검사 포함) / ready");
    return w;
  })();
  ready.catch((e) => { ready = undefined; setStatus(String(e.message ?? e)); });
  return ready;
}

let compiledLoading: Promise<void> | undefined;
/** This page's cells as tslab compiled them at build time (assets/runner/compiled/<page>.js). */
function loadCompiled(): Promise<void> {
  compiledLoading ??= loadScript(`${ASSETS}compiled/${pageName}.js`).then(() => {
    const list = (W.__nnRunnerSources?.[`compiled:${pageName}`] ?? []) as CompiledCell[];
    list.forEach((c, k) => {
      compiled.set(compiledKey(c.prevDecl, c.src), c.result);
      for (const n of c.defines) if (!definedIn.has(n)) definedIn.set(n, k);
    });
  }, () => { /* a page built without it compiles every cell in the page */ });
  return compiledLoading;
}

// ---------- the compiler (tslab's converter, TypeScript 5.0.4) ----------

let compiler: Promise<Worker> | undefined;
const compiling = new Map<number, { resolve: (r: ConvertedCell) => void; reject: (e: Error) => void }>();
/** Milliseconds the compiler took to start (reported by the worker), for the status line and the bench. */
let compilerStartMs: number | undefined;

/**
 * Starts the compiler worker (TypeScript and the type files, ~8 MB, read once per page). Called when a
 * cell that was not compiled at build time runs, and early when the learner starts editing.
 */
function startCompiler(): Promise<Worker> {
  if (compiler) return compiler;
  compiler = (async () => {
    const need = ["compiler", "types"].filter((n) => !(W.__nnRunnerSources && n in W.__nnRunnerSources));
    await Promise.all(need.map((n) => loadScript(`${ASSETS}${n}.js`)));
    const src = W.__nnRunnerSources as Record<string, unknown>;
    const blob = new Blob([`(${String(src.compiler)})();`], { type: "text/javascript" });
    const w = new Worker(URL.createObjectURL(blob));
    const types = src.types as { vfs: Extract<ToCompiler, { type: "init" }>["vfs"]; messages: Record<string, string> };
    await new Promise<void>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<FromCompiler>) => { if (e.data.type === "ready") { compilerStartMs = e.data.ms; resolve(); } };
      w.onerror = (e) => reject(new Error(`타입 검사기를 시작하지 못했습니다 / the type checker did not start: ${e.message}`));
      w.postMessage({ type: "init", vfs: types.vfs, messages: types.messages } satisfies ToCompiler);
    });
    w.onmessage = (e: MessageEvent<FromCompiler>) => {
      const m = e.data;
      if (m.type === "ready") return;
      const p = compiling.get(m.id);
      if (!p) return;
      compiling.delete(m.id);
      if (m.type === "converted") p.resolve(m.result);
      else p.reject(new Error(`타입 검사기 오류 / compiler error: ${m.error}`));
    };
    return w;
  })();
  compiler.catch(() => { compiler = undefined; });
  return compiler;
}

/**
 * What the page knows around an error in cell `i`: which other cell defines a name, and whether the
 * kernel restarted since that cell ran (its values are gone).
 */
function explainContext(i: number, name?: string): ExplainContext {
  const where = (n: string) => {
    const k = definedIn.get(n);
    return k === undefined || k === i ? undefined : k;
  };
  const k = name === undefined ? undefined : where(name);
  const ran = k === undefined ? undefined : ranIn.get(k);
  return {
    definedIn: (n) => { const c = where(n); return c === undefined ? undefined : `셀 [${c + 1}]`; },
    restarted: ran !== undefined ? ran < generation : generation > 0 && [...ranIn.values()].some((g) => g < generation),
  };
}

/** What tslab makes of `src` after the cells this kernel ran: from the build if it is there, else compiled now. */
async function convert(src: string, cell: Cell): Promise<ConvertedCell> {
  const hit = compiled.get(compiledKey(prevDecl, src));
  if (hit) return hit;
  const first = compilerStartMs === undefined;
  if (first) cell.status.textContent = "타입 검사기(TypeScript)를 불러오는 중… 처음 한 번은 몇 초 걸립니다";
  const w = await startCompiler();
  if (first) cell.status.textContent = "실행 중…";
  const id = nextId++;
  const decl = prevDecl;
  const result = await new Promise<ConvertedCell>((resolve, reject) => {
    compiling.set(id, { resolve, reject });
    w.postMessage({ type: "convert", id, prevDecl: decl, src } satisfies ToCompiler);
  });
  // tslab's convert is a function of (prevDecl, src): the same cell after the same cells compiles the same
  compiled.set(compiledKey(decl, src), result);
  return result;
}

function failAll(error: KernelError): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.resolve({ error });
  }
}

function onKernelMessage(m: FromKernel): void {
  if (m.type === "ready") return;
  const p = pending.get(m.id);
  if (!p) return;
  if (m.type === "done") {
    pending.delete(m.id);
    p.resolve({ error: m.error });
    return;
  }
  let o: Output;
  if (m.kind === "stdout" || m.kind === "stderr") {
    const last = p.outputs[p.outputs.length - 1];
    if (last && last.output_type === "stream" && last.name === m.kind) {
      last.text += m.data;
      render(p.cell, last, true);
      return;
    }
    o = { output_type: "stream", name: m.kind, text: m.data };
  } else {
    o = { output_type: "display_data", data: { [m.kind]: m.data }, metadata: {} };
  }
  p.outputs.push(o);
  render(p.cell, o);
}

// ---------- outputs ----------

let plotlyLoading: Promise<void> | undefined;
function ensurePlotly(): void {
  if (W.Plotly || plotlyLoading) return;
  plotlyLoading = loadScript("assets/plotly.min.js").then(() => { window.dispatchEvent(new Event("nn-lesson-plotly-ready")); });
}

/** Insert HTML and run its scripts (innerHTML alone does not run them). */
function insertHtml(el: HTMLElement, html: string): void {
  el.innerHTML = html;
  for (const old of Array.from(el.querySelectorAll("script"))) {
    const s = document.createElement("script");
    for (const a of Array.from(old.attributes)) s.setAttribute(a.name, a.value);
    s.textContent = old.textContent;
    old.replaceWith(s);
  }
}

function render(cell: Cell, o: Output, update = false): void {
  const box = cell.outputs;
  if (update) {
    const last = box.lastElementChild as HTMLElement | null;
    if (last) last.textContent = o.text ?? "";
    return;
  }
  let el: HTMLElement;
  if (o.output_type === "stream" && !(o.name === "stderr" && (o.metadata as { typeError?: boolean } | undefined)?.typeError)) {
    el = document.createElement("pre");
    el.className = `output stream ${o.name}`;
    el.textContent = o.text ?? "";
  } else if (o.output_type === "error") {
    el = document.createElement("pre");
    el.className = "output error";
    el.textContent = (o.traceback ?? []).join("\n");
  } else if (o.output_type === "stream" && o.name === "stderr" && (o.metadata as { typeError?: boolean } | undefined)?.typeError) {
    // tslab prints type errors on stderr; the page shows them as the error they are (and still saves a stream)
    el = document.createElement("pre");
    el.className = "output error type-error";
    el.textContent = o.text ?? "";
  } else {
    const d = o.data ?? {};
    if (d["text/html"] !== undefined) {
      const html = d["text/html"];
      if (html.includes(PLOTLY_MARKER + "=")) { ensurePlotly(); return; }
      if (html.includes(PLOT_CLASS)) ensurePlotly();
      el = document.createElement("div");
      el.className = "output html";
      box.appendChild(el);
      insertHtml(el, html);
      return;
    }
    if (d["text/markdown"] !== undefined) {
      el = document.createElement("div");
      el.className = "output markdown";
      el.innerHTML = md.render(d["text/markdown"]);
    } else {
      el = document.createElement("pre");
      el.className = "output text";
      el.textContent = d["text/plain"] ?? "";
    }
  }
  box.appendChild(el);
}

function plotsIn(el: HTMLElement): { divs: number; drawn: number } {
  const divs = Array.from(el.querySelectorAll(`.${PLOT_CLASS}`));
  return { divs: divs.length, drawn: divs.filter((d) => d.classList.contains("js-plotly-plot") && d.querySelector(".main-svg, canvas")).length };
}

async function waitForPlots(el: HTMLElement, ms: number): Promise<number> {
  const until = Date.now() + ms;
  let c = plotsIn(el);
  while (c.drawn < c.divs && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    c = plotsIn(el);
  }
  return c.drawn;
}

function textOf(outputs: Output[]): string {
  return outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : "")).join("");
}

function verdictsOf(outputs: Output[]): string[] {
  return outputs.flatMap((o) => [...(o.data?.["text/html"] ?? "").matchAll(VERDICT)].map((m) => m[1]));
}

// ---------- running ----------

/** Cells run one after another: each is compiled against the declarations the cell before it left. */
let runChain: Promise<unknown> = Promise.resolve();
function run(i: number): Promise<RunResult> {
  const next = runChain.then(() => runNow(i));
  runChain = next.catch(() => undefined);
  return next;
}

async function runNow(i: number): Promise<RunResult> {
  const cell = cells[i];
  if (!cell) throw new Error(`셀 ${i}은(는) 없습니다 (코드 셀은 0…${cells.length - 1}) / no code cell ${i}`);
  cell.section.classList.add("running");
  cell.status.textContent = "실행 중…";
  cell.outputs.innerHTML = "";
  const outputs: Output[] = [];
  cell.ran = outputs;
  const src = cell.view.state.doc.toString();
  let error: string | undefined;
  let typeError = false;
  const fail = (message: string, o: Output) => {
    error = message;
    outputs.push(o);
    render(cell, o);
  };
  try {
    const w = await startKernel();
    const conv = await convert(src, cell);
    if (conv.diagnostics.length) {
      // as tslab: the diagnostics on stderr, and the cell does not run
      typeError = true;
      // tslab's kernel here (scripts/tslab-kernel.ts) adds each diagnostic's code and a line of help; so does the page
      const diagnostics = conv.diagnostics.map((d) => ({ ...d }));
      const missing = diagnostics.find((d) => d.code === 2304 || d.code === 2552);
      explainCell(diagnostics, src, explainContext(i, missing ? /'([^']+)'/.exec(missing.messageText)?.[1] : undefined));
      const text = formatDiagnostics(diagnostics);
      fail(text.trim(), { output_type: "stream", name: "stderr", text, metadata: { typeError: true } });
    } else if (!conv.output) {
      prevDecl = conv.declOutput ?? "";
    } else {
      const id = nextId++;
      const declAfter = conv.declOutput ?? "";
      const r = await new Promise<{ error?: KernelError }>((resolve) => {
        pending.set(id, { outputs, resolve, cell });
        w.postMessage({ type: "run", id, js: conv.output!, hasToplevelAwait: !!conv.hasToplevelAwait, lastExpressionVar: conv.lastExpressionVar } satisfies ToKernel);
      });
      if (r.error) {
        const line = `${r.error.name}: ${r.error.message}`;
        const notDefined = /^(\S+) is not defined$/.exec(r.error.message)?.[1];
        const help = r.error.name === "Interrupted" ? undefined : explainError(r.error, explainContext(i, notDefined));
        const traceback = help ? [line, help] : [line];
        fail(traceback.join("\n"), { output_type: "error", ename: r.error.name, evalue: r.error.message, traceback });
      } else if (worker === w) {
        prevDecl = declAfter;
      }
      if (worker === w) ranIn.set(i, generation);
    }
  } catch (e) {
    const message = (e as Error).message;
    fail(message, { output_type: "error", ename: "Error", evalue: message, traceback: [message] });
  }
  const plots = await waitForPlots(cell.outputs, 15000);
  cell.section.classList.remove("running");
  cell.status.textContent = typeError ? "✘ 타입 오류 — 실행하지 않았습니다" : error ? "✘ 오류" : "✔ 실행함";
  return { text: textOf(outputs), plots, verdicts: verdictsOf(outputs), ...(error ? { error } : {}), ...(typeError ? { typeError } : {}) };
}

async function runAll(): Promise<{ ok: boolean; errors: string[] }> {
  const errors: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const r = await run(i);
    if (r.error) errors.push(`cell ${i}: ${r.error}`);
  }
  return { ok: errors.length === 0, errors };
}

function interrupt(): void {
  if (worker) worker.terminate();
  worker = undefined;
  ready = undefined;
  prevDecl = "";
  generation++;
  failAll({ name: "Interrupted", message: "중지했습니다: 커널을 다시 시작합니다 (이전 셀의 값은 사라졌습니다) / interrupted: the kernel restarts" });
  setStatus("중지됨 — 다음 실행 때 커널을 새로 시작합니다 / interrupted");
}

function restore(): void {
  cells.forEach((c, i) => {
    localStorage.removeItem(storeKey(i));
    c.view.dispatch({ changes: { from: 0, to: c.view.state.doc.length, insert: c.original } });
    c.outputs.innerHTML = c.originalOutputs;
    c.ran = undefined;
    c.status.textContent = "";
    c.section.classList.remove("edited");
  });
}

/** The page as a notebook: the learner's code, and the outputs of the cells run here. */
function toNotebook(): NotebookJson {
  if (!notebook) throw new Error("이 페이지에는 노트북 정보가 없습니다 / this page carries no notebook");
  const nb = JSON.parse(JSON.stringify(notebook)) as NotebookJson;
  let k = 0;
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    const cell = cells[k++];
    if (!cell) break;
    const code = cell.view.state.doc.toString();
    c.source = code.split(/(?<=\n)/);
    c.outputs = (cell.ran ?? []).map((o) => ({ ...o, ...(o.text !== undefined ? { text: o.text } : {}) }));
    c.execution_count = null;
  }
  return nb;
}

function download(): void {
  const blob = new Blob([JSON.stringify(toNotebook(), null, 1) + "\n"], { type: "application/x-ipynb+json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${pageName}.ipynb`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// ---------- the toolbar ----------

let statusEl: HTMLElement | undefined;
function setStatus(text: string): void {
  if (statusEl) statusEl.textContent = text;
}

function toolbar(): void {
  const bar = document.createElement("div");
  bar.className = "runner-bar";
  const button = (label: string, title: string, f: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.addEventListener("click", f);
    bar.appendChild(b);
    return b;
  };
  button("▶▶ 모두 실행", "모든 코드 셀을 위에서부터 차례로 실행합니다", () => void runAll());
  button("■ 중지", "실행 중인 셀을 멈추고 커널을 다시 시작합니다", interrupt);
  button("↺ 원래대로", "고친 코드와 출력을 모두 원래대로 되돌립니다", () => {
    if (confirm("고친 코드를 모두 지우고 원래 코드와 출력으로 되돌릴까요?")) restore();
  });
  button("⬇ 노트북으로 저장", "고친 코드와 출력을 .ipynb 파일로 내려받습니다 (Jupyter의 tslab 커널로 열 수 있습니다)", download);
  statusEl = document.createElement("span");
  statusEl.className = "runner-status";
  statusEl.textContent = "셀을 고치고 ▶ 실행 (Shift+Enter)으로 브라우저에서 실행할 수 있습니다. 설치가 필요 없고, tslab처럼 타입 검사를 합니다.";
  bar.appendChild(statusEl);
  const main = document.querySelector("main") ?? document.body;
  main.insertBefore(bar, main.firstChild);
}

function boot(): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>("section.cell.code"));
  if (sections.length === 0) return;
  toolbar();
  sections.forEach((s, i) => cells.push(makeCell(s, i)));
  W.lessonRunner = {
    cellCount: () => cells.length,
    getCode: (i: number) => cells[i].view.state.doc.toString(),
    setCode: (i: number, source: string) => cells[i].view.dispatch({ changes: { from: 0, to: cells[i].view.state.doc.length, insert: source } }),
    run, runAll, interrupt, restore, toNotebook,
  };
  document.body.classList.add("runner-ready");
}

boot();
