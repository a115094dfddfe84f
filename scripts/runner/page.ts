/**
 * The page runner: every code cell of a site page becomes an editor (CodeMirror) that runs in the
 * browser, offline, with no install. Loaded with `defer` on notebook pages, where the site builder has
 * already written each cell in its final shape (a static, coloured copy of the editor and its ▶ bar):
 * the runner wires them, and makes a cell's editor only when it is used (click, focus, setCode, run).
 * The kernel (a worker with the library, mathjs and TensorFlow.js) loads only when the first cell runs.
 *
 * window.lessonRunner is the page's API (the browser tests use it): cellCount, getCode, setCode, run,
 * runAll, interrupt, restore. Cell indices count code cells only, in notebook order.
 */
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import type MarkdownIt from "markdown-it";
import { PLOTLY_MARKER, PLOT_CLASS } from "nn-lesson/dist/display/markers";
import type { FromKernel, ToKernel } from "./kernel";
import { CELL_TOOLS_HTML, STATIC_CODE_CLASS, staticCodeHtml, staticCodeText } from "./static-code";

interface RunResult { text: string; plots: number; error?: string }
interface NotebookJson { cells: { cell_type: string; source: string | string[]; outputs?: unknown[]; execution_count?: number | null; metadata?: object }[]; metadata: object; nbformat: number; nbformat_minor: number }
type Output = {
  output_type: string; name?: string; text?: string; data?: Record<string, string>; metadata?: object;
  execution_count?: null; ename?: string; evalue?: string; traceback?: string[];
};

const ASSETS = "assets/runner/";
const MODULES = ["nn-lesson-lib", "mathjs", "tfjs", "node-shims"];
const W = window as unknown as {
  __nnRunnerSources?: Record<string, unknown>;
  Plotly?: unknown;
  lessonRunner?: unknown;
};

/** Markdown with formulas for text/markdown outputs, made on first use (KaTeX takes a while to set up: not at page load). */
let markdownIt: MarkdownIt | undefined;
function md(): MarkdownIt {
  if (!markdownIt) {
    // require, not import: the bundle runs these modules only when this is first called
    const Markdown = require("markdown-it") as typeof MarkdownIt; // its CommonJS build: module.exports = MarkdownIt
    const katexPlugin = (require("@vscode/markdown-it-katex") as { default: MarkdownIt.PluginSimple }).default;
    markdownIt = new Markdown({ html: true, linkify: false });
    markdownIt.use(katexPlugin);
  }
  return markdownIt;
}

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
  /** The cell's editor: made on first use (a click, focus, setCode, restore). */
  view: EditorView;
  /** The cell's code, without making its editor. */
  code(): string;
  outputs: HTMLElement;
  status: HTMLElement;
  /** nbformat outputs of the last run in this page, for the downloaded notebook. */
  ran?: Output[];
}

const cells: Cell[] = [];
const notebook = JSON.parse(document.getElementById("nn-notebook")?.textContent ?? "null") as NotebookJson | null;

/*
 * Until its editor is made, a cell shows its code in a static copy of the editor's layout (static-code.ts;
 * the site builder writes it into the page), so nothing moves when the editor replaces it. A click turns
 * it into the editor with the cursor where it was clicked; keyboard focus (Tab) turns it into the editor too.
 */

const idle = (f: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 1));

function makeCell(section: HTMLElement, i: number): Cell {
  const input = section.querySelector(".input") as HTMLElement;
  let holder = input.querySelector<HTMLElement>(".editor");
  let original: string;
  if (holder) {
    original = staticCodeText(holder);
  } else {
    // a page written without the static copy: make it from the <pre>
    const pre = input.querySelector("pre") as HTMLElement;
    original = pre.textContent ?? "";
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
  const stored = localStorage.getItem(storeKey(i));
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
  let view: EditorView | undefined;
  const makeEditor = (): EditorView => {
    if (view) return view;
    const focused = document.activeElement === placeholder;
    view = new EditorView({
      doc: stored ?? original,
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
        }),
      ],
    });
    placeholder.replaceWith(view.dom);
    if (focused) view.focus();
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
    const v = makeEditor();
    const pos = v.posAtCoords({ x: e.clientX, y: e.clientY });
    if (pos !== null) v.dispatch({ selection: { anchor: pos } });
    v.focus();
  });
  // the site writes the original code coloured like the editor; a stored edit is shown as plain text
  // until its editor, made when the page is idle, colours it
  if (stored !== null && stored !== original) idle(() => void makeEditor());
  section.classList.toggle("edited", stored !== null && stored !== original);
  const cell = {
    section, original, originalOutputs: outputs.innerHTML, outputs, status,
    code: () => (view ? view.state.doc.toString() : stored ?? original),
  } as Cell;
  Object.defineProperty(cell, "view", { get: makeEditor, enumerable: true });
  return cell;
}

// ---------- the kernel ----------

interface Pending { outputs: Output[]; resolve: (r: { error?: string }) => void; cell: Cell }
let worker: Worker | undefined;
let ready: Promise<Worker> | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startKernel(): Promise<Worker> {
  if (ready) return ready;
  setStatus("커널을 불러오는 중… (처음 한 번만) / loading the kernel…");
  ready = (async () => {
    const need = ["kernel", ...MODULES, "data"].filter((n) => !(W.__nnRunnerSources && n in W.__nnRunnerSources));
    await Promise.all(need.map((n) => loadScript(`${ASSETS}${n}.js`)));
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
    w.onerror = (e) => { e.preventDefault(); failAll(`커널 오류 / kernel error: ${e.message}`); };
    worker = w;
    setStatus("준비됨 — 이 페이지의 셀은 브라우저에서 실행됩니다 (타입 검사는 하지 않습니다) / ready");
    return w;
  })();
  ready.catch((e) => { ready = undefined; setStatus(String(e.message ?? e)); });
  return ready;
}

function failAll(message: string): void {
  for (const [id, p] of pending) {
    pending.delete(id);
    p.resolve({ error: message });
  }
}

function onKernelMessage(m: FromKernel): void {
  if (m.type === "ready") return;
  const p = pending.get(m.id);
  if (!p) return;
  if (m.type === "done") {
    pending.delete(m.id);
    if (m.error) {
      const o: Output = { output_type: "error", ename: m.error.split(":")[0], evalue: m.error.split(": ").slice(1).join(": "), traceback: [m.error] };
      p.outputs.push(o);
      render(p.cell, o);
    }
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
  } else if (m.kind === "result") {
    o = { output_type: "execute_result", data: { "text/plain": m.data }, metadata: {}, execution_count: null };
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
  // the site's lazy plots (scripts/site-plots.ts) may be loading it already: never twice
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
  const box = cell.outputs;
  if (update) {
    const last = box.lastElementChild as HTMLElement | null;
    if (last) last.textContent = o.text ?? "";
    return;
  }
  let el: HTMLElement;
  if (o.output_type === "stream") {
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
      el.innerHTML = md().render(d["text/markdown"]);
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
  return outputs.map((o) => (o.output_type === "stream" ? o.text : o.output_type === "execute_result" ? (o.data?.["text/plain"] ?? "") + "\n" : "")).join("");
}

// ---------- running ----------

async function run(i: number): Promise<RunResult> {
  const cell = cells[i];
  if (!cell) throw new Error(`셀 ${i}은(는) 없습니다 (코드 셀은 0…${cells.length - 1}) / no code cell ${i}`);
  cell.section.classList.add("running");
  cell.status.textContent = "실행 중…";
  cell.outputs.innerHTML = "";
  const outputs: Output[] = [];
  cell.ran = outputs;
  let result: { error?: string };
  try {
    const w = await startKernel();
    const id = nextId++;
    result = await new Promise((resolve) => {
      pending.set(id, { outputs, resolve, cell });
      w.postMessage({ type: "run", id, code: cell.code() } satisfies ToKernel);
    });
  } catch (e) {
    result = { error: (e as Error).message };
    const o: Output = { output_type: "error", ename: "Error", evalue: result.error, traceback: [result.error ?? ""] };
    outputs.push(o);
    render(cell, o);
  }
  const plots = await waitForPlots(cell.outputs, 15000);
  cell.section.classList.remove("running");
  cell.status.textContent = result.error ? "✘ 오류" : "✔ 실행함";
  return { text: textOf(outputs), plots, ...(result.error ? { error: result.error } : {}) };
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
  failAll("중지했습니다: 커널을 다시 시작합니다 (이전 셀의 값은 사라졌습니다) / interrupted: the kernel restarts");
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
  button("■", "중지", "실행 중인 셀을 멈추고 커널을 다시 시작합니다", interrupt);
  button("↺", "원래대로", "고친 코드와 출력을 모두 원래대로 되돌립니다", () => {
    if (confirm("고친 코드를 모두 지우고 원래 코드와 출력으로 되돌릴까요?")) restore();
  });
  button("⬇", "노트북으로 저장", "고친 코드와 출력을 .ipynb 파일로 내려받습니다 (Jupyter의 tslab 커널로 열 수 있습니다)", download);
  statusEl = document.createElement("span");
  statusEl.className = "runner-status";
  statusEl.setAttribute("role", "status");
  bar.appendChild(statusEl);
  setStatus("셀을 고치고 ▶ 실행 (Shift+Enter)으로 브라우저에서 실행할 수 있습니다. 설치가 필요 없고, 타입 검사는 하지 않습니다.");
  if (!reserved) {
    const main = document.querySelector("main") ?? document.body;
    main.insertBefore(bar, main.firstChild);
  }
}

function boot(): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>("section.cell.code"));
  if (sections.length === 0) return;
  toolbar();
  sections.forEach((s, i) => cells.push(makeCell(s, i)));
  W.lessonRunner = {
    cellCount: () => cells.length,
    getCode: (i: number) => cells[i].code(),
    setCode: (i: number, source: string) => cells[i].view.dispatch({ changes: { from: 0, to: cells[i].view.state.doc.length, insert: source } }),
    run, runAll, interrupt, restore, toNotebook,
  };
  document.body.classList.add("runner-ready");
}

boot();
