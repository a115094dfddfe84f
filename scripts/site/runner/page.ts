/**
 * The page runner: every code cell of a site page becomes an editor (CodeMirror) that runs in the
 * browser, offline, with no install. Loaded with `defer` on notebook pages, where the site builder has
 * already written each cell in its final shape (a static, coloured copy of the editor and its ▶ bar):
 * the runner wires them, and makes a cell's editor only when it is used (click, focus, setCode, run).
 * The kernel (a worker with the library, mathjs and TensorFlow.js) loads only when the first cell runs;
 * TypeScript (tslab's converter) only when a cell the build did not compile runs, or the learner edits.
 *
 * window.lessonRunner is the page's API (the browser tests use it): cellCount, getCode, setCode, run,
 * runAll, interrupt, restore, restoreCell, whenIdle, kernelGeneration, kernelRestarted, lostCells,
 * toNotebook. Cell indices count code cells only, in notebook order.
 *
 * The controls hold (test-browser/controls.test.ts):
 *  - one cell runs at a time; ▶ on another cell while one runs queues it ("대기 중…"); ▶, Shift+Enter or
 *    run(i) on a cell that is already queued, or running the same code, is ignored (the same promise);
 *    ▶▶ 모두 실행 while it runs is ignored too;
 *  - ■ 중지 drops every queued cell (they keep their outputs) and, if a cell is running, ends the
 *    kernel: the page then says that the values of earlier cells are gone. Kernels are counted
 *    (kernelGeneration), so the page knows which cells ran in a kernel that no longer exists;
 *  - edits are stored under a hash of the cell's original code, not its index, so that a rebuilt page
 *    never shows an edit under another cell; outputs that do not come from the code in the editor
 *    are marked stale; a cell's ↺ brings back its own original code and output;
 *  - long library loops report their progress under the running cell (lib/lesson/progress.ts).
 */
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { PLOTLY_MARKER, PLOT_CLASS } from "nn-lesson/dist/display/markers";
import { formatProgress } from "nn-lesson/dist/lesson/progress";
import type { FromKernel, KernelError, ToKernel } from "./kernel";
import type { FromCompiler, ToCompiler } from "./compiler-worker";
import { CompiledCell, ConvertedCell, formatDiagnostics } from "./cell-types";
import { ExplainContext, explainCell, explainError, explainLateError } from "nn-lesson/dist/display/explain";
import { CELL_TOOLS_HTML, STATIC_CODE_CLASS, STATIC_LINE_CLASS, staticCodeHtml, staticCodeText } from "./static-code";

/**
 * What running a cell gave: the printed text (stdout), the number of plots drawn, the ✔/✘ verdicts of
 * check() outputs (data-verdict), and the error (a type error stops the cell before it runs, as in tslab).
 */
interface RunResult {
  text: string;
  plots: number;
  verdicts: string[];
  error?: string;
  typeError?: boolean;
  /** The kernel (1, 2, … counting restarts) the cell ran in; 0 if it did not run. */
  kernel: number;
  /** The kernel had been restarted (■ 중지) since the page's first kernel: values of cells run before are gone. */
  restarted: boolean;
  /** ■ 중지 ended this run, or dropped it from the queue before it began (`notRun`). */
  stopped?: boolean;
  notRun?: boolean;
}
interface RunAllResult { ok: boolean; errors: string[]; stopped?: boolean }
interface NotebookJson { cells: { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null; metadata?: object }[]; metadata: object; nbformat: number; nbformat_minor: number }
type Output = {
  output_type: string; name?: string; text?: string; data?: Record<string, string>; metadata?: object;
  execution_count?: null; ename?: string; evalue?: string; traceback?: string[];
};

const ASSETS = "assets/runner/";
/** The kernel's bundles: sent when it starts, and after (TensorFlow.js, 848 KB, which a first cell does not need). */
const MODULES = ["nn-lesson-lib", "mathjs", "node-shims"];
const LATER_MODULES = ["tfjs"];
/** check()'s verdict marker in an HTML output (lib/display/check.ts). */
const VERDICT = /class="nn-check" data-verdict="(\w+)"/g;
const W = window as unknown as {
  __nnRunnerSources?: Record<string, unknown>;
  Plotly?: unknown;
  lessonRunner?: unknown;
};

/** Markdown with formulas for text/markdown outputs (runner/markdown.ts), loaded on the first one. */
let markdownLoading: Promise<{ render(src: string): string }> | undefined;
function markdown(): Promise<{ render(src: string): string }> {
  markdownLoading ??= loadScript(`${ASSETS}markdown.js`).then(() => (window as unknown as { __nnMarkdown: { render(src: string): string } }).__nnMarkdown);
  markdownLoading.catch(() => { markdownLoading = undefined; });
  return markdownLoading;
}
/** Outputs still being rendered (Markdown waits for its script): a run is done when they are. */
const rendering: Promise<unknown>[] = [];

const pageName = document.body.dataset.page ?? location.pathname.split("/").pop()?.replace(/\.html$/, "") ?? "page";

const STOPPED = "중지했습니다: 커널을 다시 시작했습니다 — 앞 셀에서 만든 값은 사라졌습니다. ▶▶ 모두 실행으로 처음부터 다시 실행하세요 " +
  "/ stopped: the kernel restarted, the values of earlier cells are gone; run all cells again";
const STOPPED_BEFORE = "중지했습니다: 이 셀은 실행하기 전에 멈췄습니다 / stopped before it ran";
const NOT_RUN = "중지했기 때문에 실행하지 않았습니다 / not run: stopped";
/** The status of a cell that ran in a kernel ■ 중지 has ended. */
const LOST = "재시작 전에 실행함 — 값은 사라졌습니다";
const STALE = "이 출력은 고치기 전 코드의 결과입니다 — ▶ 실행으로 새로 만드세요 / this output is from the code before your edit";

// ---------- stored edits ----------

/** localStorage, which may be missing or full (a private window, a file:// page in some browsers): then edits are not kept. */
const store = {
  get(k: string): string | null { try { return localStorage.getItem(k); } catch { return null; } },
  set(k: string, v: string): void { try { localStorage.setItem(k, v); } catch { /* not kept */ } },
  remove(k: string): void { try { localStorage.removeItem(k); } catch { /* nothing stored */ } },
  keys(): string[] {
    try { return Array.from({ length: localStorage.length }, (_, k) => localStorage.key(k) ?? ""); } catch { return []; }
  },
};

/** FNV-1a of the text (32 bits) and its length, in base 36: the name of a cell's original code. */
function codeHash(s: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}${s.length.toString(36)}`;
}

/**
 * Where each cell's edit is stored: the page and the hash of the cell's original code, so that a
 * rebuilt page with cells inserted or moved finds every edit under its own cell. Identical cells are
 * told apart by their order (":2" for the second one).
 */
function editKeys(originals: string[]): string[] {
  const seen = new Map<string, number>();
  return originals.map((o) => {
    const h = codeHash(o);
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `nn-lesson/${pageName}/edit/${h}${n > 1 ? `:${n}` : ""}`;
  });
}

/** The non-blank lines of some code, trimmed. */
const linesOf = (code: string) => new Set(code.split("\n").map((l) => l.trim()).filter(Boolean));

/**
 * Edits stored by an earlier version of the page under the cell's index (nn-lesson/<page>/cell/<i>):
 * each goes to the cell whose original code it shares most lines with (shared lines at least half of
 * the longer of the two; the cell at index i wins a tie), if that cell has no edit stored the new way;
 * otherwise it is dropped: an edit shown under the wrong cell would be worse than a lost one.
 * The old keys are removed either way, so that an old edit never comes back later.
 */
function migrateIndexKeys(originals: string[], keys: string[]): void {
  const prefix = `nn-lesson/${pageName}/cell/`;
  for (const old of store.keys().filter((k) => k.startsWith(prefix))) {
    const i = Number(old.slice(prefix.length));
    const code = store.get(old);
    store.remove(old);
    if (code === null || !Number.isInteger(i)) continue;
    const have = linesOf(code);
    let best = -1, bestScore = 0;
    originals.forEach((o, k) => {
      const lines = linesOf(o);
      const score = [...lines].filter((l) => have.has(l)).length / Math.max(lines.size, have.size, 1);
      if (score > bestScore || (score === bestScore && k === i)) { best = k; bestScore = score; }
    });
    if (best < 0 || bestScore < 0.5 || store.get(keys[best]) !== null || code === originals[best]) continue;
    store.set(keys[best], code);
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`${src}을(를) 불러오지 못했습니다 / could not load ${src}`));
    document.head.appendChild(s);
  });
}

/**
 * A data file the kernel asked for (a cell needs it), loaded only then: assets/runner/<name>.js sets
 * __nnRunnerSources[name] to the file's bytes in base64 (a file:// page cannot fetch, only load scripts).
 */
function sendData(name: string): void {
  const w = worker;
  const send = () => w?.postMessage({ type: "data", name, base64: typeof W.__nnRunnerSources?.[name] === "string" ? String(W.__nnRunnerSources[name]) : undefined } satisfies ToKernel);
  if (W.__nnRunnerSources && name in W.__nnRunnerSources) send();
  else loadScript(`${ASSETS}${name}.js`).then(send, send);
}

// ---------- cells ----------

interface Cell {
  index: number;
  section: HTMLElement;
  original: string;
  /** Where its edit is stored (editKeys). */
  key: string;
  /** The outputs the page was built with (the nodes themselves, so that a restored plot is the same drawn plot). */
  originalOutputs: Node[];
  /** The cell's editor: made on first use (a click, focus, setCode, restore of an edit). */
  view: EditorView;
  /** The cell's code, without making its editor. */
  code(): string;
  outputs: HTMLElement;
  status: HTMLElement;
  restoreButton: HTMLButtonElement;
  /** "이 출력은 고치기 전 코드의 결과입니다", shown above stale outputs. */
  staleNote: HTMLElement;
  /** The code whose outputs are shown: the original until the cell runs here. */
  shownFrom: string;
  /** The kernel it last ran in (0: never in this page). */
  ranIn: number;
  /** nbformat outputs of the last run in this page, for the downloaded notebook. */
  ran?: Output[];
  queued?: Job;
  running?: Job;
}

const cells: Cell[] = [];
const notebook = JSON.parse(document.getElementById("nn-notebook")?.textContent ?? "null") as NotebookJson | null;

/*
 * Until its editor is made, a cell shows its code in a static copy of the editor's layout (static-code.ts;
 * the site builder writes it into the page), so nothing moves when the editor replaces it. A click turns
 * it into the editor with the cursor where it was clicked; keyboard focus (Tab) turns it into the editor too.
 */

const idle = (f: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 1));

/** A code cell's original code: its static copy (written by the site builder), or a plain <pre>. */
function originalCode(section: HTMLElement): string {
  const holder = section.querySelector<HTMLElement>(".input .editor");
  return holder ? staticCodeText(holder) : section.querySelector(".input pre")?.textContent ?? "";
}

function makeCell(section: HTMLElement, i: number, key: string): Cell {
  const input = section.querySelector(".input") as HTMLElement;
  const original = originalCode(section);
  let holder = input.querySelector<HTMLElement>(".editor");
  if (!holder) {
    // a page written without the static copy: make it from the <pre>
    const pre = input.querySelector("pre") as HTMLElement;
    holder = document.createElement("div");
    holder.className = "editor";
    holder.innerHTML = staticCodeHtml(original, i);
    pre.replaceWith(holder);
  }
  let outputs = section.querySelector(".outputs") as HTMLElement | null;
  if (!outputs) {
    outputs = document.createElement("div");
    outputs.className = "outputs";
    section.appendChild(outputs);
  }
  const stored = store.get(key);
  if (stored !== null && stored !== original) holder.innerHTML = staticCodeHtml(stored, i);
  const placeholder = holder.querySelector(`.${STATIC_CODE_CLASS}`) as HTMLElement;
  let bar = section.querySelector<HTMLElement>(".cell-tools");
  if (!bar) {
    input.insertAdjacentHTML("afterend", CELL_TOOLS_HTML);
    bar = input.nextElementSibling as HTMLElement;
  }
  const button = bar.querySelector("button.run") as HTMLButtonElement;
  const status = bar.querySelector(".run-status") as HTMLElement;
  button.addEventListener("click", () => void run(i));
  const restoreButton = bar.querySelector("button.restore") as HTMLButtonElement;
  restoreButton.addEventListener("click", () => {
    const c = cells[i];
    if (code(c) === c.original || confirm("이 셀의 고친 코드를 지우고 원래 코드와 출력으로 되돌릴까요?")) restoreCell(i);
  });
  const staleNote = document.createElement("div");
  staleNote.className = "stale-note";
  staleNote.textContent = STALE;
  staleNote.hidden = true;
  outputs.before(staleNote);
  let view: EditorView | undefined;
  /** `anchor`: where the cursor starts (a click on the static copy). */
  const makeEditor = (anchor?: number): EditorView => {
    if (view) return view;
    const focused = document.activeElement === placeholder;
    const doc = stored ?? original;
    editorMade = true;
    view = new EditorView({
      doc,
      ...(anchor !== undefined ? { selection: { anchor: Math.min(anchor, doc.length) } } : {}),
      extensions: [
        basicSetup,
        javascript({ typescript: true }),
        Prec.highest(keymap.of([{ key: "Shift-Enter", run: () => { void run(i); return true; } }])),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          const code = u.state.doc.toString();
          if (code === original) store.remove(key);
          else store.set(key, code);
          if (cells[i]) showCellState(cells[i]);
          // a learner who edits will run a cell the build did not compile: start TypeScript now
          if (code !== original) void startCompiler().catch(() => undefined);
        }),
      ],
    });
    placeholder.replaceWith(view.dom);
    if (focused) view.focus();
    // the learner is about to edit: TypeScript (the first type check takes seconds) starts loading now, in idle time
    idle(() => void startCompiler().catch(() => undefined));
    return view;
  };
  // a pointer focuses the static copy before its click: the click places the cursor
  let pointing = false;
  placeholder.addEventListener("pointerdown", () => { pointing = true; });
  placeholder.addEventListener("pointercancel", () => { pointing = false; });
  placeholder.addEventListener("blur", () => { pointing = false; });
  placeholder.addEventListener("focus", () => { if (!pointing) makeEditor().focus(); });
  placeholder.addEventListener("click", (e) => {
    pointing = false;
    if (window.getSelection()?.toString()) return; // selecting text to copy it: stays static until the next click
    // the cursor's place, read from the static copy (laid out already): the editor starts with it, and
    // need not measure itself and be updated inside the click
    const anchor = staticPosAt(placeholder, e.clientX, e.clientY);
    const v = makeEditor(anchor ?? undefined);
    if (anchor === null) {
      const pos = v.posAtCoords({ x: e.clientX, y: e.clientY });
      if (pos !== null) v.dispatch({ selection: { anchor: pos } });
    }
    v.focus();
  });
  // the site writes the original code coloured like the editor; a stored edit is shown as plain text
  // until its editor, made when the page is idle, colours it
  if (stored !== null && stored !== original) idle(() => void makeEditor());
  const cell = {
    index: i, section, original, key, originalOutputs: Array.from(outputs.childNodes), outputs, status, restoreButton, staleNote,
    shownFrom: original, ranIn: 0,
    code: () => (view ? view.state.doc.toString() : stored ?? original),
  } as Omit<Cell, "view"> as Cell;
  Object.defineProperty(cell, "view", { get: makeEditor, enumerable: true });
  showCellState(cell);
  return cell;
}

const code = (cell: Cell) => cell.code();
/** A cell's editor has been made (the warm-up is then of no use). */
let editorMade = false;

/**
 * The position in the code of a point over a static copy (static-code.ts): the line under it and the
 * character the caret would stand before; null off the code's text (the gutter, the padding).
 */
function staticPosAt(box: HTMLElement, x: number, y: number): number | null {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?(x: number, y: number): Range | null;
  };
  const caret = doc.caretPositionFromPoint?.(x, y) ?? (() => {
    const r = doc.caretRangeFromPoint?.(x, y);
    return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
  })();
  if (!caret) return null;
  const start = caret.offsetNode instanceof Element ? caret.offsetNode : caret.offsetNode.parentElement;
  const line = start?.closest(`.${STATIC_LINE_CLASS}`);
  if (!line || !box.contains(line)) return null;
  const lines = Array.from(box.querySelectorAll(`.${STATIC_LINE_CLASS}`));
  const k = lines.indexOf(line);
  const before = document.createRange();
  before.setStart(line, 0);
  before.setEnd(caret.offsetNode, caret.offset);
  let pos = before.toString().length;
  for (let j = 0; j < k; j++) pos += (lines[j].textContent ?? "").length + 1;
  return pos;
}

/**
 * Make one editor off the page, edit it and drop it, in idle time once the page has opened: the first
 * editor a learner opens then costs a fraction (CodeMirror's code has run once, its styles are in the
 * page). In two steps, so that a click that comes meanwhile waits for one of them at most; not once a
 * cell's editor has been made.
 */
function warmEditor(): void {
  idle(() => {
    if (editorMade) return;
    const state = EditorState.create({ doc: cells[0]?.original ?? "", extensions: [basicSetup, javascript({ typescript: true })] });
    idle(() => {
      if (editorMade) return;
      const view = new EditorView({ state });
      view.dispatch({ changes: { from: 0, insert: "x" }, selection: { anchor: 1 } });
      view.destroy();
    });
  });
}

/** The marks that follow from a cell's code and outputs: edited, stale outputs, whether ↺ has anything to do. */
function showCellState(cell: Cell): void {
  const now = code(cell);
  const edited = now !== cell.original;
  cell.section.classList.toggle("edited", edited);
  const stale = now !== cell.shownFrom && cell.outputs.childNodes.length > 0;
  cell.outputs.classList.toggle("stale", stale);
  cell.staleNote.hidden = !stale;
  cell.restoreButton.hidden = !edited && cell.ran === undefined;
}

// ---------- the kernel ----------

interface Pending { outputs: Output[]; resolve: (r: { error?: KernelError }) => void; cell: Cell }
let worker: Worker | undefined;
let ready: Promise<Worker> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();
/** Kernels so far: 1 until ■ 중지 ends one, then 2, … (a cell's values live in the kernel it ran in). */
let generation = 1;
/**
 * tslab's `prevDecl`: the declarations of the cells this kernel ran, in which the next cell is
 * type-checked. Empty again after a restart, like the kernel's values.
 */
let prevDecl = "";
/** Cells compiled at build time, by (prevDecl, src): the notebook as written, run from the top. */
const compiled = new Map<string, ConvertedCell>();
/** Which original cell declares a name (for "run cell [k] first"). */
const definedIn = new Map<string, number>();
const compiledKey = (decl: string, src: string) => `${decl}\u0001${src}`;

function startKernel(): Promise<Worker> {
  if (ready) return ready;
  setStatus("커널을 불러오는 중… (처음 한 번만) / loading the kernel…");
  ready = (async () => {
    const source = (n: string) => (W.__nnRunnerSources && n in W.__nnRunnerSources ? Promise.resolve() : loadScript(`${ASSETS}${n}.js`));
    // the worker's own script first (54 KB): the worker starts while the bundles load
    const kernel = source("kernel");
    const bundles = Promise.all([...[...MODULES, "data"].map(source), loadCompiled()]);
    await kernel;
    const src = W.__nnRunnerSources as Record<string, unknown>;
    const blob = new Blob([`(${String(src.kernel)})();`], { type: "text/javascript" });
    const w = new Worker(URL.createObjectURL(blob));
    try {
      await bundles;
    } catch (e) {
      w.terminate();
      throw e;
    }
    const modules = Object.fromEntries(MODULES.map((n) => [n, String(src[n])]));
    await new Promise<void>((resolve, reject) => {
      w.onmessage = (e: MessageEvent<FromKernel>) => { if (e.data.type === "ready") resolve(); };
      w.onerror = (e) => reject(new Error(e.message));
      w.postMessage({ type: "init", modules, data: src.data as Record<string, string>, later: LATER_MODULES } satisfies ToKernel);
    });
    // the later bundles follow (a cell that needs one waits for it in the kernel)
    for (const n of LATER_MODULES) {
      const send = () => w.postMessage({ type: "module", name: n, src: n in src ? String(src[n]) : undefined } satisfies ToKernel);
      void source(n).then(send, send);
    }
    // the first cells' outputs include Markdown (the glossary): its script (~100 ms on this thread) loads
    // and runs while the worker evaluates the library for the first cell
    void markdown().catch(() => undefined);
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

/**
 * Start the kernel before the first ▶, so that the first output comes at once: when the page has been
 * open a moment and is idle (nobody typing, 1.5 s after load), or as soon as the learner points at a ▶,
 * the toolbar or a cell's code. The kernel's bundles load as scripts (parsed, not run, on this thread)
 * and the worker evaluates the library and mathjs on its own thread. TensorFlow.js waits for a cell
 * that imports it.
 */
let warming = false;
function prewarm(): void {
  if (warming) return;
  warming = true;
  startKernel().then((w) => w.postMessage({ type: "warm", modules: ["nn-lesson-lib", "mathjs"] } satisfies ToKernel), () => { warming = false; });
}

function prewarmWhenIdle(): void {
  let lastInput = -1e9;
  const note = () => { lastInput = performance.now(); };
  addEventListener("keydown", note, true);
  addEventListener("pointerdown", note, true);
  const check = () => {
    const wait = lastInput + 600 - performance.now();
    if (wait > 0) setTimeout(() => idle(check), wait);
    else prewarm();
  };
  const later = () => setTimeout(() => idle(check), 1500);
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
  // intent: a pointer on a ▶ or the toolbar, keyboard focus there, a touch on a cell's code
  for (const sel of [".cell-tools", ".runner-bar", ".cell.code .editor"]) {
    for (const el of Array.from(document.querySelectorAll(sel))) {
      el.addEventListener("pointerenter", prewarm, { once: true });
      el.addEventListener("pointerdown", prewarm, { once: true });
      el.addEventListener("focusin", prewarm, { once: true });
    }
  }
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
 * cell that was not compiled at build time runs, and early, in idle time, when the learner starts
 * editing or after the first run.
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
      // the page's imports are type-checked while the learner reads: mathjs's and the library's types load now
      const warm = cells.find((c) => /\bfrom\s+["']/.test(c.original))?.original ?? "";
      w.postMessage({ type: "init", vfs: types.vfs, messages: types.messages, warm } satisfies ToCompiler);
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
  const ran = k === undefined ? 0 : cells[k]?.ranIn ?? 0;
  return {
    definedIn: (n) => { const c = where(n); return c === undefined ? undefined : `셀 [${c + 1}]`; },
    restarted: ran > 0 ? ran < generation : lostCells().length > 0,
  };
}

/** What tslab makes of `src` after the cells this kernel ran: from the build if it is there, else compiled now. */
async function convert(src: string, job: Job): Promise<ConvertedCell> {
  const hit = compiled.get(compiledKey(prevDecl, src));
  if (hit) return hit;
  // the status says what the cell waits for: not "실행 중…" while TypeScript loads or checks it
  if (compilerStartMs === undefined) {
    job.phase = "타입 검사기(TypeScript)를 불러오는 중… 처음 한 번은 몇 초 걸립니다";
    showRunning(job);
  }
  const w = await startCompiler();
  job.phase = "타입 검사 중…";
  showRunning(job);
  const id = nextId++;
  const decl = prevDecl;
  const result = await new Promise<ConvertedCell>((resolve, reject) => {
    compiling.set(id, { resolve, reject });
    w.postMessage({ type: "convert", id, prevDecl: decl, src } satisfies ToCompiler);
  }).finally(() => { job.phase = undefined; showRunning(job); });
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

/**
 * The cell and outputs of each run sent to the kernel: what a cell prints after it has ended (in a
 * setTimeout, or a Promise not awaited) goes under it, as tslab sends it to the last cell's output.
 */
const runs = new Map<number, { cell: Cell; outputs: Output[] }>();

function onKernelMessage(m: FromKernel): void {
  if (m.type === "ready") return;
  if (m.type === "need") {
    sendData(m.name);
    return;
  }
  const p = pending.get(m.id);
  if (!p) {
    const late = runs.get(m.id);
    // only while the cell still shows that run (not run again, not restored)
    if (late && late.cell.ran === late.outputs && (m.type === "out" || m.type === "uncaught")) show(late, m);
    return;
  }
  if (m.type === "progress") {
    const job = p.cell.running;
    if (job) {
      job.progress = formatProgress(m);
      showRunning(job);
    }
    return;
  }
  if (m.type === "done") {
    pending.delete(m.id);
    p.resolve({ error: m.error });
    return;
  }
  show(p, m);
}

/** One output of a run under its cell; an error thrown outside the cell's own run as tslab prints it, with its help. */
function show(to: { cell: Cell; outputs: Output[] }, m: Extract<FromKernel, { type: "out" | "uncaught" }>): void {
  const kind = m.type === "uncaught" ? "stderr" : m.kind;
  const data = m.type === "uncaught" ? `${m.kind}: ${m.error.name}: ${m.error.message}\n${explainLateError(m.error)}\n` : m.data;
  let o: Output;
  if (kind === "stdout" || kind === "stderr") {
    const last = to.outputs[to.outputs.length - 1];
    if (last && last.output_type === "stream" && last.name === kind) {
      last.text += data;
      render(to.cell, last, true);
      return;
    }
    o = { output_type: "stream", name: kind, text: data };
  } else {
    o = { output_type: "display_data", data: { [kind]: data }, metadata: {} };
  }
  to.outputs.push(o);
  render(to.cell, o);
}

// ---------- outputs ----------

let plotlyLoading: Promise<void> | undefined;
function ensurePlotly(): void {
  if (W.Plotly || plotlyLoading) return;
  // the site's lazy plots (scripts/site/site-plots.ts) may be loading it already: never twice
  if (document.querySelector('script[src$="plotly.min.js"]')) return;
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
  if (cell.running?.detached) return; // the cell was restored while it ran: its outputs are not shown
  const box = cell.outputs;
  if (update) {
    const last = box.lastElementChild as HTMLElement | null;
    if (last) last.textContent = o.text ?? "";
    return;
  }
  let el: HTMLElement;
  const typeError = o.output_type === "stream" && o.name === "stderr" && (o.metadata as { typeError?: boolean } | undefined)?.typeError;
  if (typeError) {
    // tslab prints type errors on stderr; the page shows them as the error they are (and still saves a stream)
    el = document.createElement("pre");
    el.className = "output error type-error";
    el.textContent = o.text ?? "";
  } else if (o.output_type === "stream") {
    el = document.createElement("pre");
    el.className = `output stream ${o.name}`;
    el.textContent = o.text ?? "";
  } else if (o.output_type === "error") {
    el = document.createElement("pre");
    el.className = "output error";
    el.textContent = (o.traceback ?? []).join("\n");
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
      const src = d["text/markdown"];
      const target = el;
      target.textContent = src; // the source until markdown.js has loaded (a moment, once per page)
      rendering.push(markdown().then((m) => { target.innerHTML = m.render(src); }, () => undefined));
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

/** What the cell printed on stdout (as the notebook driver reads tslab's outputs). */
function textOf(outputs: Output[]): string {
  return outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : "")).join("");
}

function verdictsOf(outputs: Output[]): string[] {
  return outputs.flatMap((o) => [...(o.data?.["text/html"] ?? "").matchAll(VERDICT)].map((m) => m[1]));
}

// ---------- running ----------

/** One request to run a cell: waiting in the queue, then running. */
interface Job {
  cell: Cell;
  promise: Promise<RunResult>;
  resolve: (r: RunResult) => void;
  /** The code it runs, read when it starts. */
  code?: string;
  started?: number;
  /** The status before it was queued (shown again if ■ 중지 drops it). */
  before: string;
  /** Resolves when ■ 중지 stops it (a wait for the kernel or the type checker ends there). */
  halted: Promise<void>;
  halt: () => void;
  /** formatProgress() of the last report of a long library loop. */
  progress?: string;
  /** What the cell waits for before it runs: TypeScript loading, or its type check (shown instead of "실행 중…"). */
  phase?: string;
  stopped?: boolean;
  /** The kernel has answered (or it could not run): only its plots may still be drawing. */
  settled?: boolean;
  /** The cell was restored (↺) while this ran: its outputs and status are left alone. */
  detached?: boolean;
}

/** Cells waiting to run, in order; one runs at a time. */
const queue: Job[] = [];
let current: Job | undefined;
let allRun: Promise<RunAllResult> | undefined;
let idleWaiters: (() => void)[] = [];

function cellAt(i: number): Cell {
  const cell = cells[i];
  if (!cell) throw new Error(`셀 ${i}은(는) 없습니다 (코드 셀은 0…${cells.length - 1}) / no code cell ${i}`);
  return cell;
}

/**
 * Run cell i (▶, Shift+Enter). A cell already waiting is not queued twice (it will run the code as it
 * is when its turn comes), and a cell running the code it has now is not run again: both give the
 * promise of the run already asked for. A cell edited while it runs is queued to run once more.
 */
function run(i: number): Promise<RunResult> {
  const cell = cellAt(i);
  if (cell.queued) return cell.queued.promise;
  if (cell.running && !cell.running.detached && cell.running.code === code(cell)) return cell.running.promise;
  return enqueue(cell).promise;
}

function enqueue(cell: Cell): Job {
  let resolve!: (r: RunResult) => void;
  const promise = new Promise<RunResult>((r) => { resolve = r; });
  let halt!: () => void;
  const halted = new Promise<void>((r) => { halt = r; });
  const job: Job = { cell, promise, resolve, before: cell.status.textContent ?? "", halted, halt };
  queue.push(job);
  cell.queued = job;
  cell.section.classList.add("queued");
  cell.status.textContent = "대기 중…";
  void pump();
  return job;
}

let pumping = false;
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      job.cell.queued = undefined;
      job.cell.running = current = job;
      let r: RunResult;
      try {
        r = await execute(job);
      } catch (e) {
        r = { text: "", plots: 0, verdicts: [], error: String((e as Error)?.message ?? e), kernel: 0, restarted: generation > 1 };
      }
      job.cell.running = current = undefined;
      job.resolve(r);
    }
  } finally {
    pumping = false;
  }
  // a learner who runs cells will soon edit one or run one out of order, which the build did not
  // compile: TypeScript (seconds to start) loads now, in idle time, not on that cell
  idle(() => void startCompiler().catch(() => undefined));
  const waiters = idleWaiters;
  idleWaiters = [];
  for (const w of waiters) w();
}

/** Resolves when no cell runs or waits. */
function whenIdle(): Promise<void> {
  if (!pumping && queue.length === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}

/** The toolbar while a cell runs: which cell, and in ▶▶ 모두 실행 how far it has come. */
function showRunningStatus(job: Job): void {
  const n = job.cell.index + 1;
  setStatus(allRun ? `▶▶ 모두 실행 중… 셀 ${n} / ${cells.length} / running all` : `셀 [${n}] 실행 중… / running cell ${n}`);
}

/** "실행 중…", after 2 s with the time and how to stop, or the progress of a long library loop. */
function showRunning(job: Job): void {
  if (job.detached || job.stopped) return;
  const s = Math.floor((Date.now() - (job.started ?? Date.now())) / 1000);
  job.cell.status.textContent = job.progress ? `${job.progress} — 멈추려면 ■ 중지`
    : job.phase ? (s >= 2 ? `${job.phase} ${s}초` : job.phase)
    : s >= 2 ? `실행 중… ${s}초 — 멈추려면 ■ 중지` : "실행 중…";
}

async function execute(job: Job): Promise<RunResult> {
  const cell = job.cell;
  const code = cell.code();
  job.code = code;
  job.started = Date.now();
  cell.section.classList.remove("queued");
  cell.section.classList.add("running");
  showRunning(job);
  const ticker = setInterval(() => showRunning(job), 1000);
  showRunningStatus(job);
  cell.outputs.replaceChildren();
  const outputs: Output[] = [];
  cell.ran = outputs;
  cell.shownFrom = code;
  showCellState(cell);
  let error: string | undefined;
  let typeError = false;
  let kernel = 0;
  const fail = (message: string, o: Output) => {
    error = message;
    outputs.push(o);
    render(cell, o);
  };
  try {
    // ■ 중지 while the kernel or the type checker loads ends the wait at once (they go on loading)
    const unlessStopped = <T>(p: Promise<T>): Promise<T> =>
      Promise.race([p, job.halted.then((): never => { throw new Error(STOPPED_BEFORE); })]);
    const w = await unlessStopped(startKernel());
    showRunningStatus(job);
    const conv = await unlessStopped(convert(code, job));
    if (conv.diagnostics.length) {
      // as tslab: the diagnostics on stderr, and the cell does not run; with each diagnostic's code and a
      // line of help, as the project's tslab kernel prints them (scripts/jupyter/tslab-kernel.ts)
      typeError = true;
      const diagnostics = conv.diagnostics.map((d) => ({ ...d }));
      const missing = diagnostics.find((d) => d.code === 2304 || d.code === 2552);
      explainCell(diagnostics, code, explainContext(cell.index, missing ? /'([^']+)'/.exec(missing.messageText)?.[1] : undefined));
      const text = formatDiagnostics(diagnostics);
      fail(text.trim(), { output_type: "stream", name: "stderr", text, metadata: { typeError: true } });
    } else if (!conv.output) {
      prevDecl = conv.declOutput ?? "";
    } else {
      const id = nextId++;
      const declAfter = conv.declOutput ?? "";
      kernel = cell.ranIn = generation;
      const r = await new Promise<{ error?: KernelError }>((resolve) => {
        pending.set(id, { outputs, resolve, cell });
        runs.set(id, { outputs, cell });
        w.postMessage({ type: "run", id, js: conv.output!, hasToplevelAwait: !!conv.hasToplevelAwait, lastExpressionVar: conv.lastExpressionVar } satisfies ToKernel);
      });
      if (job.stopped) {
        error = STOPPED;
      } else if (r.error) {
        const line = `${r.error.name}: ${r.error.message}`;
        const notDefined = /^(\S+) is not defined$/.exec(r.error.message)?.[1];
        const help = explainError(r.error, explainContext(cell.index, notDefined));
        const traceback = help ? [line, help] : [line];
        fail(traceback.join("\n"), { output_type: "error", ename: r.error.name, evalue: r.error.message, traceback });
      } else if (worker === w) {
        prevDecl = declAfter;
      }
    }
  } catch (e) {
    const message = (e as Error).message;
    if (job.stopped) error = message;
    else fail(message, { output_type: "error", ename: "Error", evalue: message, traceback: [message] });
  }
  job.settled = true;
  clearInterval(ticker);
  if (job.stopped) {
    const message = error ?? STOPPED;
    error = message;
    const o: Output = { output_type: "error", ename: "중지", evalue: message, traceback: [message] };
    outputs.push(o);
    render(cell, o);
  }
  await Promise.all(rendering.splice(0));
  const plots = job.stopped ? 0 : await waitForPlots(cell.outputs, 15000);
  cell.section.classList.remove("running");
  if (!job.detached) {
    cell.status.textContent = job.stopped ? "■ 중지됨" : typeError ? "✘ 타입 오류 — 실행하지 않았습니다" : error ? "✘ 오류" : "✔ 실행함";
    showCellState(cell);
    if (!allRun && !job.stopped) setStatus(`셀 [${cell.index + 1}]: ${cell.status.textContent} / cell ${cell.index + 1} ${error ? "failed" : "ran"}`);
  }
  return {
    text: textOf(outputs), plots, verdicts: verdictsOf(outputs), ...(error ? { error } : {}), ...(typeError ? { typeError } : {}),
    kernel, restarted: generation > 1,
    ...(job.stopped ? { stopped: true } : {}),
  };
}

/**
 * ▶▶ 모두 실행: every cell from the top, in order, after the cell running now. Cells already waiting
 * move to their place in that order. Asked again while it runs, it gives the same promise.
 */
function runAll(): Promise<RunAllResult> {
  if (allRun) return allRun;
  const jobs = cells.map((cell) => {
    const waiting = cell.queued;
    if (!waiting) return enqueue(cell);
    queue.splice(queue.indexOf(waiting), 1);
    queue.push(waiting);
    return waiting;
  });
  const all = (async (): Promise<RunAllResult> => {
    const results = await Promise.all(jobs.map((j) => j.promise));
    const errors = results.flatMap((r, i) => (r.error && !r.notRun ? [`cell ${i}: ${r.error}`] : []));
    const stopped = results.some((r) => r.stopped);
    if (!stopped) setStatus(`▶▶ 모두 실행했습니다 — 셀 ${cells.length}개${errors.length ? `, 오류가 난 셀 ${errors.length}개` : ""} / ran all cells`);
    return { ok: errors.length === 0 && !stopped, errors, ...(stopped ? { stopped } : {}) };
  })();
  allRun = all;
  void all.finally(() => { if (allRun === all) allRun = undefined; });
  // the first cell started before allRun was set: say now that all of them run
  if (current) showRunningStatus(current);
  return all;
}

/** Take a waiting job out of the queue: its cell keeps its outputs and status. */
function dropQueued(job: Job): void {
  const k = queue.indexOf(job);
  if (k >= 0) queue.splice(k, 1);
  job.cell.queued = undefined;
  job.cell.section.classList.remove("queued");
  job.cell.status.textContent = job.before;
  job.resolve({ text: "", plots: 0, verdicts: [], error: NOT_RUN, kernel: 0, restarted: generation > 1, stopped: true, notRun: true });
}

/**
 * ■ 중지: no waiting cell runs any more, and a running cell is stopped by ending the kernel (a worker
 * busy in a loop cannot be asked to stop); the next run starts a new kernel, without the values of
 * the cells run before.
 */
function interrupt(): void {
  const waiting = queue.slice();
  for (const job of waiting) dropQueued(job);
  const job = current;
  if (!job) {
    if (!waiting.length) setStatus("실행 중인 셀이 없습니다 / nothing is running");
    return;
  }
  if (job.settled) return; // it has run; only its plots are still drawing
  job.stopped = true;
  job.halt();
  if (![...pending.values()].some((p) => p.cell === job.cell)) {
    // the kernel or the type checker is still loading: nothing has run in the kernel, so it can stay
    setStatus(STOPPED_BEFORE);
    return;
  }
  if (worker) worker.terminate();
  worker = undefined;
  ready = undefined;
  prevDecl = "";
  generation += 1;
  failAll({ name: "중지", message: STOPPED });
  setStatus(STOPPED);
  // the cells that ran before keep their outputs, but their values are gone with the kernel
  for (const k of lostCells()) {
    const c = cells[k];
    if (c !== job.cell && !c.queued && !c.running) c.status.textContent = LOST;
  }
}

/** The cells that ran in a kernel that ■ 중지 has ended, and not since: their values are gone. */
function lostCells(): number[] {
  return cells.filter((c) => c.ranIn > 0 && c.ranIn < generation).map((c) => c.index);
}

/** ↺ of one cell: its original code and the outputs the page was built with. A run of it is left to finish unseen. */
function restoreCell(i: number): void {
  const c = cellAt(i);
  if (c.queued) dropQueued(c.queued);
  if (c.running) {
    c.running.detached = true;
    c.section.classList.remove("running");
  }
  store.remove(c.key);
  if (code(c) !== c.original) c.view.dispatch({ changes: { from: 0, to: c.view.state.doc.length, insert: c.original } });
  c.outputs.replaceChildren(...c.originalOutputs);
  c.ran = undefined;
  c.shownFrom = c.original;
  c.status.textContent = "";
  showCellState(c);
}

function restore(): void {
  cells.forEach((_, i) => restoreCell(i));
  const prefix = `nn-lesson/${pageName}/`;
  for (const k of store.keys()) if (k.startsWith(prefix)) store.remove(k);
  // the last "셀 [n]: ✔ 실행함" no longer describes what the page shows
  if (!pumping) setStatus("모든 셀을 원래 코드와 출력으로 되돌렸습니다 (커널의 값은 그대로입니다) / every cell restored (the kernel keeps its values)");
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
    const code = cell.code();
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
  if (!statusEl) return;
  statusEl.textContent = text;
  // one line on a phone (cut with …): the whole text on hover and for screen readers
  statusEl.title = text;
}

/** The sticky toolbar: one opaque row; on a phone only the icons show (their names are title and aria-label). */
function toolbar(): void {
  // the site builder reserves the bar's place (an empty .runner-bar of its height): nothing moves
  const reserved = document.querySelector<HTMLElement>("main > .runner-bar");
  const bar = reserved ?? document.createElement("div");
  bar.className = "runner-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "노트북 실행 도구 / notebook tools");
  const button = (icon: string, label: string, title: string, f: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    const i = document.createElement("span");
    i.className = "icon";
    i.setAttribute("aria-hidden", "true");
    i.textContent = icon;
    const l = document.createElement("span");
    l.className = "label";
    l.textContent = label;
    b.append(i, l);
    b.title = `${label}: ${title}`;
    b.setAttribute("aria-label", label);
    b.addEventListener("click", f);
    bar.appendChild(b);
    return b;
  };
  button("▶▶", "모두 실행", "모든 코드 셀을 위에서부터 차례로 실행합니다", () => void runAll());
  button("■", "중지", "실행 중인 셀을 멈추고 (커널을 다시 시작합니다) 기다리는 셀은 실행하지 않습니다", interrupt);
  button("↺", "원래대로", "고친 코드와 출력을 모두 원래대로 되돌립니다", () => {
    if (confirm("고친 코드를 모두 지우고 원래 코드와 출력으로 되돌릴까요?")) restore();
  });
  button("⬇", "노트북으로 저장", "고친 코드와 출력을 .ipynb 파일로 내려받습니다 (Jupyter의 tslab 커널로 열 수 있습니다)", download);
  statusEl = document.createElement("span");
  statusEl.className = "runner-status";
  statusEl.setAttribute("role", "status");
  bar.appendChild(statusEl);
  setStatus("셀을 고치고 ▶ 실행 (Shift+Enter)으로 브라우저에서 실행할 수 있습니다. 설치가 필요 없고, tslab처럼 타입 검사를 합니다.");
  if (!reserved) {
    const main = document.querySelector("main") ?? document.body;
    main.insertBefore(bar, main.firstChild);
  }
}

function boot(): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>("section.cell.code"));
  if (sections.length === 0) return;
  toolbar();
  const originals = sections.map(originalCode);
  const keys = editKeys(originals);
  migrateIndexKeys(originals, keys);
  sections.forEach((s, i) => cells.push(makeCell(s, i, keys[i])));
  W.lessonRunner = {
    cellCount: () => cells.length,
    getCode: (i: number) => cells[i].code(),
    setCode: (i: number, source: string) => cells[i].view.dispatch({ changes: { from: 0, to: cells[i].view.state.doc.length, insert: source } }),
    run, runAll, interrupt, restore, restoreCell, whenIdle, toNotebook, lostCells,
    kernelGeneration: () => generation,
    kernelRestarted: () => generation > 1,
    compilerReady: () => compilerStartMs !== undefined,
  };
  document.body.classList.add("runner-ready");
  warmEditor();
  prewarmWhenIdle();
}

// The sections below the first two were hidden while the page was parsed (scripts/site/site-render.ts) and
// are laid out in the page's first frame: boot after that frame, so that the code under a learner's
// first click (or the bench's) no longer moves. A page opened in a background tab gets no frames.
let booted = false;
const bootOnce = () => {
  if (booted) return;
  booted = true;
  boot();
};
requestAnimationFrame(() => setTimeout(bootOnce, 0));
setTimeout(bootOnce, 250);
