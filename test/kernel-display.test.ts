/**
 * The library's display sink (lib/display/output.ts) in Deno's kernel: with a `Deno.jupyter` like the
 * one `deno jupyter` provides, every output goes to Deno.jupyter.broadcast as one display_data message
 * of one MIME type, the message tslab sends; without it (Node, `deno run`), not. The real kernels are
 * exercised by `npm run test:notebooks` and `npm run test:notebooks:deno` (./deno-notebooks.test.ts).
 */
import { afterEach, test } from "node:test";
import * as assert from "assert/strict";
import { check, displayHtml, displayMarkdown, kernelDisplay, plotSetup, showFigure } from "nn-lesson/dist/internal";

type Sent = [string, Record<string, unknown>];
const g = globalThis as { Deno?: unknown };

function fakeDeno(): Sent[] {
  const sent: Sent[] = [];
  g.Deno = { version: { deno: "2.9.6" }, jupyter: { broadcast: (type: string, content: Record<string, unknown>) => { sent.push([type, content]); } } };
  return sent;
}

afterEach(() => { delete g.Deno; });

test("in Deno's kernel: HTML and Markdown go to Deno.jupyter.broadcast as display_data, one MIME type each", () => {
  const sent = fakeDeno();
  displayHtml("<b>표</b>", "fallback");
  displayMarkdown("| 용어 |\n|---|");
  assert.deepEqual(sent, [
    ["display_data", { data: { "text/html": "<b>표</b>" }, metadata: {}, transient: {} }],
    ["display_data", { data: { "text/markdown": "| 용어 |\n|---|" }, metadata: {}, transient: {} }],
  ]);
});

test("in Deno's kernel: check() and the plots are sent at once (not one await later), in the order called", () => {
  const sent = fakeDeno();
  check("a", [1], [1]);
  plotSetup();
  showFigure({ data: [{ type: "scatter", x: [0, 1], y: [1, 0] }] });
  assert.equal(sent.length, 3);
  const html = sent.map(([, c]) => (c.data as Record<string, string>)["text/html"]);
  assert.match(html[0], /class="nn-check" data-verdict="exact"/);
  assert.match(html[1], /data-nn-lesson-plotly/);
  assert.match(html[2], /class="nn-lesson-plot"/);
});

/** What displayHtml prints on the console instead of displaying. */
function printedBy(f: () => void): string[] {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => { lines.push(a.join(" ")); };
  try { f(); } finally { console.log = log; }
  return lines;
}

test("Deno without Jupyter (`deno run`, or reading Deno.jupyter throws): the console fallback", () => {
  g.Deno = { version: { deno: "2.9.6" } };
  assert.deepEqual(printedBy(() => displayHtml("<b>x</b>", "x as text")), ["x as text"]);
  g.Deno = Object.defineProperty({}, "jupyter", { get() { throw new Error("not in a Jupyter kernel"); } });
  assert.deepEqual(printedBy(() => displayHtml("<b>x</b>", "x as text")), ["x as text"]);
});

test("in Node outside a kernel there is no display (tslab says it is not ready), so scripts print text", () => {
  assert.equal(g.Deno, undefined);
  const d = kernelDisplay();
  assert.ok(d, "tslab's display (tslab is a dependency)");
  assert.throws(() => d.html("<b>x</b>"), /Not ready/);
});
