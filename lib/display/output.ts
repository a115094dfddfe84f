/**
 * Every notebook: where outputs go. Inside a tslab kernel, tslab's display (one MIME type per output);
 * elsewhere (scripts, tests) the plain-text fallback on the console; or a sink set with setOutputSink
 * (tests, a page that runs cells). tslab is loaded only when something is displayed.
 */

export interface OutputSink {
  html(html: string): void;
  markdown(md: string): void;
}

let custom: OutputSink | undefined;

/** Send outputs to `sink` (undefined: back to the kernel); returns the previous sink. */
export function setOutputSink(sink: OutputSink | undefined): OutputSink | undefined {
  const prev = custom;
  custom = sink;
  return prev;
}

/** tslab's display when this process is a tslab kernel, else undefined. */
export function kernelDisplay(): OutputSink | undefined {
  if (custom) return custom;
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
  } catch { /* tslab is installed but this is not a kernel: it says "Not ready" */ }
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
