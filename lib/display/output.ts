/**
 * Every notebook: where outputs go. Inside a kernel, that kernel's display: tslab's `display` or, in
 * Deno's Jupyter kernel (`deno jupyter`), `Deno.jupyter.display` with a raw MIME bundle; both send
 * the same single-MIME-type output (text/html or text/markdown). Elsewhere (scripts, tests) the
 * plain-text fallback on the console. tslab is loaded only when something is displayed. Inside Deno's kernel, loading this module
 * also makes each turn that printed wait a moment at its end, so the lines reach the cell (holdTurnsThatPrint).
 */

export interface OutputSink {
  html(html: string): void;
  markdown(md: string): void;
}

/** The part of Deno's `Deno.jupyter` namespace used here (it exists only under `deno jupyter`). */
export interface DenoJupyter {
  broadcast(msgType: string, content: Record<string, unknown>): unknown;
}

/** `Deno.jupyter` when this process is Deno's Jupyter kernel, else undefined. */
export function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  if (!deno) return undefined;
  try {
    return typeof deno.jupyter?.broadcast === "function" ? deno.jupyter : undefined;
  } catch {
    return undefined; // `deno run`: reading Deno.jupyter outside a kernel may throw
  }
}

/**
 * One display_data output of one MIME type through Deno's kernel, as tslab sends it. `broadcast`
 * queues the message at once, in order with console.log; `Deno.jupyter.display(bundle, { raw: true })`
 * would send the same message one await later, which can arrive after the cell has finished
 * (the kernel then drops it or shows it under the next cell).
 */
function denoSink(jupyter: DenoJupyter): OutputSink {
  return { html: (html) => denoSend(jupyter, "text/html", html), markdown: (md) => denoSend(jupyter, "text/markdown", md) };
}

/**
 * One output of one MIME type through Deno's kernel: a display_data, or with `displayId` one that later
 * update_display_data messages (`update: true`) rewrite in place (display/progress.ts).
 */
export function denoSend(jupyter: DenoJupyter, mime: string, text: string, displayId?: string, update = false): void {
  jupyter.broadcast(update ? "update_display_data" : "display_data", {
    data: { [mime]: text }, metadata: {}, transient: displayId === undefined ? {} : { display_id: displayId },
  });
}

/** How long Deno's kernel thread waits at the end of a turn that printed (holdTurnsThatPrint). */
export const DENO_PRINT_WAIT_MS = 30;

/**
 * Under Deno's kernel (2.9), console output is handed to another thread, which sends it to Jupyter
 * while the kernel finishes the cell; the kernel says "idle" 5 ms after its reply whether or not those
 * lines went out, and a plain Jupyter client (a learner's notebook) drops what comes after "idle"
 * (denoland/deno PR #20337 left that 5 ms sleep as a known heuristic). Here every console method, after
 * printing, arms one microtask per synchronous turn that blocks this thread for DENO_PRINT_WAIT_MS:
 * microtasks run before the kernel gets the cell's result, so the printing thread has that long to
 * send the lines before the reply. The cell's value (execute_result) is sent after that by Deno itself
 * and can still come late (docs/kernels.md). Installed once, only inside Deno's kernel.
 */
export function holdTurnsThatPrint(waitMs = DENO_PRINT_WAIT_MS): boolean {
  const marker = Symbol.for("nn-lesson.holdTurnsThatPrint");
  const c = console as unknown as Record<string | symbol, unknown>;
  if (c[marker]) return false;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  let armed = false;
  const wait = () => {
    armed = false;
    Atomics.wait(cell, 0, 0, waitMs);
  };
  for (const name of ["log", "info", "debug", "warn", "error", "table", "dir"]) {
    const original = c[name];
    if (typeof original !== "function") continue;
    c[name] = function (this: unknown, ...args: unknown[]) {
      const r = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (!armed) {
        armed = true;
        queueMicrotask(wait);
      }
      return r;
    };
  }
  c[marker] = true;
  return true;
}

/** DENO_PRINT_WAIT_MS, or the environment's NN_LESSON_DENO_WAIT (milliseconds; 0 turns the wait off, for measuring). */
function denoPrintWait(): number {
  try {
    const deno = (globalThis as { Deno?: { env?: { get(k: string): string | undefined } } }).Deno;
    const ms = Number(deno?.env?.get("NN_LESSON_DENO_WAIT") ?? DENO_PRINT_WAIT_MS);
    return Number.isFinite(ms) && ms >= 0 ? ms : DENO_PRINT_WAIT_MS;
  } catch {
    return DENO_PRINT_WAIT_MS; // no permission to read the environment
  }
}

if (denoJupyter() && denoPrintWait() > 0) holdTurnsThatPrint(denoPrintWait());

/** The display of the kernel this process is (Deno's or tslab's), else undefined. */
export function kernelDisplay(): OutputSink | undefined {
  const deno = denoJupyter();
  if (deno) return denoSink(deno);
  try {
    const { display } = require("tslab") as typeof import("tslab");
    return display;
  } catch {
    return undefined;
  }
}

/** Show HTML in the notebook; outside a kernel (tests, scripts) print `fallbackText` instead. */
export function displayHtml(html: string, fallbackText: string): void {
  const d = kernelDisplay();
  try {
    if (d) { d.html(html); return; }
  } catch { /* tslab is installed but this is not a tslab kernel: it says "Not ready" */ }
  console.log(fallbackText);
}

/** Show Markdown (with $…$ LaTeX) in the notebook; plain text outside a kernel. */
export function displayMarkdown(md: string): void {
  const d = kernelDisplay();
  try {
    if (d) { d.markdown(md); return; }
  } catch { /* not inside a kernel */ }
  console.log(md);
}

/** Text safe inside HTML (and inside a double-quoted attribute). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
