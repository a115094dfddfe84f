import { test } from "node:test";
import * as assert from "assert/strict";
import * as vm from "vm";
import { Figure, PLOTLY_FALLBACK, PLOTLY_MARKER, PLOT_CLASS, PLOT_FALLBACK, PLOT_FALLBACK_CLASS, figureHtml, fitFigure, plotFitScript, plotSetup, plotlyLibrary, plotlyLibraryHtml, scriptSafeJson, setPlotOutput, showFigure } from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

const NASTY = 'a </script><script>alert("x")</script> \'q\' "dq" \u2028 \u2029 & <!-- 손실 함수 -->';

/** The inline scripts of an HTML output (our outputs are simple: <script>…</script> pairs). */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/** Run a plot output's script against a fake page and return what it passed to Plotly.newPlot. */
function drawn(html: string, plotlyReady = true): { id: string; fig: Figure | undefined; el: { textContent: string } } {
  const id = /<div id="([^"]+)"/.exec(html)![1];
  // the element starts with its fallback text, as in a page
  const el = { isConnected: true, textContent: "fallback" };
  let fig: Figure | undefined;
  const listeners: Record<string, () => void> = {};
  const window: Record<string, unknown> = {
    addEventListener: (name: string, f: () => void) => { listeners[name] = f; },
  };
  // JSON round trip: objects made in the vm context have that context's prototypes
  const copy = (f: Figure): Figure => JSON.parse(JSON.stringify(f));
  if (plotlyReady) window.Plotly = { newPlot: (e: unknown, f: Figure) => { assert.equal(e, el); assert.equal(el.textContent, "", "the fallback is cleared before drawing"); fig = copy(f); } };
  const ctx = vm.createContext({
    window, document: { getElementById: (x: string) => (x === id ? el : null) },
    setInterval: () => 1, clearInterval: () => undefined, Date,
  });
  for (const s of scripts(html)) vm.runInContext(s, ctx);
  if (!plotlyReady) {
    window.Plotly = { newPlot: (_e: unknown, f: Figure) => { fig = copy(f); } };
    listeners["nn-lesson-plotly-ready"]();
  }
  return { id, fig, el };
}

test("figureHtml: one plot div holding its fallback, one script; the figure reaches Plotly.newPlot unchanged", () => {
  const fig: Figure = { data: [{ type: "scatter", x: [1, 2], y: [3, 4], name: "선" }], layout: { title: { text: "제목" } } };
  const html = figureHtml(fig);
  assert.equal(html.match(new RegExp(`class="${PLOT_CLASS}"`, "g"))?.length, 1);
  const box = /<div id="[^"]+" class="nn-lesson-plot" style="[^"]*">([\s\S]*?)<\/div>\n<script>/.exec(html);
  assert.ok(box, "the fallback sits inside the plot's div");
  assert.match(box[1], new RegExp(`^<div class="${PLOT_FALLBACK_CLASS}"`));
  assert.ok(box[1].includes(PLOT_FALLBACK.ko) && box[1].includes(PLOT_FALLBACK.en), "Korean and English fallback text");
  assert.ok(box[1].indexOf(PLOT_FALLBACK.ko) < box[1].indexOf(PLOT_FALLBACK.en), "Korean first");
  assert.equal(scripts(html).length, 1);
  assert.ok(!html.includes("plotly.js v"), "the library is not inside a plot output");
  assert.ok(html.length < 5000);
  const d = drawn(html);
  const out = d.fig!;
  assert.equal(d.el.textContent, "", "no fallback text is left once drawn");
  assert.deepEqual(out.data, fig.data);
  assert.deepEqual(out.layout!.title, { text: "제목" });
  assert.equal(out.layout!.height, 420);
  assert.equal(out.config!.responsive, true);
});

test("figureHtml: </script>, quotes, U+2028/U+2029, & and Korean in titles stay text and break nothing", () => {
  const fig: Figure = { data: [{ type: "scatter", x: [0], y: [0], name: NASTY, text: [NASTY] }], layout: { title: { text: NASTY }, xaxis: { title: { text: "가중치 w₁" } } } };
  const html = figureHtml(fig);
  const [body] = scripts(html);
  assert.equal(scripts(html).length, 1, "exactly one script: the title did not close it");
  for (const bad of ["</script", "<script", "<!--", "\u2028", "\u2029"]) assert.ok(!body.toLowerCase().includes(bad), `script body contains ${JSON.stringify(bad)}`);
  const out = drawn(html).fig!;
  assert.equal((out.layout!.title as { text: string }).text, NASTY);
  assert.equal((out.data[0] as { name: string }).name, NASTY);
  assert.deepEqual((out.layout!.xaxis as { title: unknown }).title, { text: "가중치 w₁" });
});

test("figureHtml: waits for plotly.js that arrives later (ready event)", () => {
  const out = drawn(figureHtml({ data: [{ type: "bar", x: ["가"], y: [1] }] }), false);
  assert.deepEqual(out.fig!.data, [{ type: "bar", x: ["가"], y: [1] }]);
  assert.equal(out.el.textContent, "");
});

test("figureHtml: a plot that fails to draw says so in its box, Korean first", () => {
  const html = figureHtml({ data: [] });
  const id = /<div id="([^"]+)"/.exec(html)![1];
  const el = { isConnected: true, textContent: "fallback" };
  const window = { addEventListener: () => undefined, Plotly: { newPlot: () => { throw new Error("bad trace"); } } };
  vm.runInContext(scripts(html)[0], vm.createContext({ window, document: { getElementById: (x: string) => (x === id ? el : null) }, setInterval: () => 1, clearInterval: () => undefined, Date }));
  assert.equal(el.textContent, "그림을 그리지 못했습니다 / could not draw the plot: bad trace");
});

test("figureHtml: with plotly.js comes fitFigure, which the plot's script applies for its box's width, and again after a resize", () => {
  const fig: Figure = { data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: { title: { text: "경사하강법: W3[0][0]를 기울기의 반대 방향으로 (α = 30)" }, height: 400 } };
  const html = figureHtml(fig);
  const id = /<div id="([^"]+)"/.exec(html)![1];
  const el = { isConnected: true, textContent: "fallback", clientWidth: 364, style: { height: "400px" } };
  const drawnFigs: Figure[] = [];
  const listeners: Record<string, () => void> = {};
  const timers: (() => void)[] = [];
  const record = (_e: unknown, f: Figure) => { drawnFigs.push(JSON.parse(JSON.stringify(f))); };
  const window: Record<string, unknown> = { addEventListener: (n: string, f: () => void) => { listeners[n] = f; }, removeEventListener: () => undefined, Plotly: { newPlot: record, react: record } };
  const ctx = vm.createContext({
    window, document: { getElementById: (x: string) => (x === id ? el : null) },
    setInterval: () => 1, clearInterval: () => undefined, setTimeout: (f: () => void) => timers.push(f), clearTimeout: () => undefined, Date,
  });
  // the library's output first, as in a notebook: plotly.js cannot run in a vm, the fitter can
  vm.runInContext(plotFitScript(), ctx);
  vm.runInContext(scripts(html)[0], ctx);
  assert.equal(drawnFigs.length, 1);
  const expected = fitFigure({ data: fig.data, layout: { autosize: true, ...fig.layout } }, 364);
  assert.deepEqual(drawnFigs[0].layout, JSON.parse(JSON.stringify(expected.layout)), "drawn as fitFigure fits it to 364 px");
  assert.match((drawnFigs[0].layout!.title as { text: string }).text, /<br>/);
  assert.equal(el.style.height, `${drawnFigs[0].layout!.height}px`, "the box takes the fitted height");
  // a turn to landscape: a wider box is drawn again, unwrapped
  el.clientWidth = 800;
  listeners.resize();
  timers.forEach((f) => f());
  assert.equal(drawnFigs.length, 2);
  assert.equal((drawnFigs[1].layout!.title as { text: string }).text, "경사하강법: W3[0][0]를 기울기의 반대 방향으로 (α = 30)");
  assert.equal(el.style.height, "400px");
});

test("the fallback texts: Korean first, one line each, with what to do", () => {
  for (const t of [PLOT_FALLBACK, PLOTLY_FALLBACK]) {
    assert.match(t.ko, /[가-힣]/);
    assert.match(t.ko, /처음부터 다시 실행/);
    assert.match(t.en, /run the notebook again from the top/);
    assert.ok(!t.ko.includes("\n") && !t.en.includes("\n"));
    assert.match(t.ko + t.en, /Trust Notebook/);
  }
});

test("figureHtml: typed arrays become JSON arrays; frames kept; layout height sizes the div", () => {
  const html = figureHtml({
    data: [{ type: "scatter", x: Float64Array.from([1, 2]) as unknown as number[], y: [1, 2] }],
    layout: { height: 300 }, frames: [{ name: "f0", data: [{ x: [1], y: [1] }] }],
  });
  assert.match(html, /height:300px/);
  const out = drawn(html).fig!;
  assert.deepEqual((out.data[0] as { x: number[] }).x, [1, 2]);
  assert.equal(out.frames!.length, 1);
});

test("figureHtml: every output gets its own element id", () => {
  const ids = new Set(Array.from({ length: 20 }, () => /<div id="([^"]+)"/.exec(figureHtml({ data: [] }))![1]));
  assert.equal(ids.size, 20);
});

test("figureHtml: bad input is one clear line", () => {
  assertInputError(() => figureHtml(undefined as unknown as Figure), "plot-not-object");
  assertInputError(() => figureHtml({ data: "x" } as unknown as Figure), "plot-data");
  assertInputError(() => figureHtml({ data: [1] } as unknown as Figure), "plot-trace");
});

test("scriptSafeJson escapes <, >, &, U+2028, U+2029 and round-trips", () => {
  const v = { s: NASTY, n: [1.5, -2e-9], k: "한국어" };
  const json = scriptSafeJson(v);
  assert.ok(!/[<>&\u2028\u2029]/.test(json));
  assert.deepEqual(JSON.parse(json), v);
  assert.ok(json.includes("한국어"), "Korean stays readable");
});

test("plotly.js library output: marked, read from plotly.js-dist-min, sets window.Plotly even with require.js present", () => {
  const lib = plotlyLibrary();
  assert.match(lib.file, /plotly\.js-dist-min[\\/]plotly\.min\.js$/);
  assert.match(lib.version, /^\d+\.\d+\.\d+$/);
  const html = plotlyLibraryHtml();
  const status = /^<div id="([^"]+)" class="nn-lesson-plotly-status"[^>]*>(<div class="nn-lesson-plot-fallback"[\s\S]*?<\/div>)<\/div>\n<script /.exec(html);
  assert.ok(status, "a status line that holds the fallback comes first");
  assert.ok(status[2].includes(PLOTLY_FALLBACK.ko) && status[2].includes(PLOTLY_FALLBACK.en));
  assert.ok(!/loaded|불러옴/.test(html.replace(/<script[\s\S]*<\/script>/, "")), "no static text claims that plotly.js loaded");
  assert.ok(html.includes(`<script ${PLOTLY_MARKER}="${lib.version}">`));
  assert.equal(scripts(html).length, 1);
  assert.ok(html.length > 1_000_000);
  // The bundle's own header prefers a CommonJS `module` when one exists; the wrapper hides `module`,
  // `exports` and `define` so the bundle always takes its browser path. Check the wrapper with a
  // stand-in bundle of the same shape (the real bundle runs in the browser tests).
  const at = html.indexOf(lib.code);
  assert.ok(at > 0, "the library text is embedded verbatim");
  const fake = `(function (root, factory) { if (typeof module === "object" && module.exports) { module.exports = factory(); } else { root.moduleName = factory(); } }(typeof self !== "undefined" ? self : this, () => { var Plotly = { version: "${lib.version}" }; window.Plotly = Plotly; return Plotly; }));`;
  const wrapped = scripts(html)[0].replace(lib.code, fake);
  const events: string[] = [];
  const statusEl = { textContent: "fallback" };
  const ctx = vm.createContext({
    define: Object.assign(() => { throw new Error("define must not be used"); }, { amd: {} }),
    module: { exports: {} },
    Event: class { constructor(public type: string) {} },
    document: { getElementById: (x: string) => (x === status[1] ? statusEl : null) },
    setTimeout: () => { throw new Error("the status element was there: no retry"); },
  });
  vm.runInContext("var window = this, self = this;", ctx);
  (ctx as Record<string, unknown>).dispatchEvent = (e: { type: string }) => { events.push(e.type); };
  vm.runInContext(wrapped, ctx);
  assert.equal((ctx as Record<string, { version: string }>).Plotly.version, lib.version, "window.Plotly is set");
  assert.deepEqual((ctx as Record<string, { exports: object }>).module.exports, {}, "the host's module.exports is untouched");
  assert.deepEqual(events, ["nn-lesson-plotly-ready"]);
  assert.equal(statusEl.textContent, `plotly.js ${lib.version} 불러옴 (오프라인, plotly.js-dist-min) / plotly.js ${lib.version} loaded (offline, from plotly.js-dist-min)`, "the script writes what happened");
  // a bundle that did not set window.Plotly: the line says so instead of claiming it loaded
  const ctx2 = vm.createContext({ Event: class { constructor(public type: string) {} }, document: { getElementById: () => statusEl }, setTimeout });
  vm.runInContext("var window = this, self = this; this.dispatchEvent = function () {};", ctx2);
  vm.runInContext(scripts(html)[0].replace(lib.code, "/* nothing */"), ctx2);
  assert.match(statusEl.textContent, /^plotly\.js를 실행하지 못했습니다 .* \/ plotly\.js did not run/);
});

test("plotSetup sends the library once; showFigure sends it only if nothing did", () => {
  const outputs: string[] = [];
  const prev = setPlotOutput((h) => outputs.push(h));
  try {
    showFigure({ data: [] });
    showFigure({ data: [] });
    assert.equal(outputs.length, 3, "library once, then two plots");
    assert.ok(outputs[0].includes(PLOTLY_MARKER));
    assert.ok(!outputs[1].includes(PLOTLY_MARKER) && !outputs[2].includes(PLOTLY_MARKER));
    setPlotOutput((h) => outputs.push(h));
    outputs.length = 0;
    plotSetup();
    showFigure({ data: [] });
    assert.equal(outputs.length, 2);
    assert.ok(outputs[0].includes(PLOTLY_MARKER) && !outputs[1].includes(PLOTLY_MARKER));
    plotSetup();
    assert.equal(outputs.length, 3, "plotSetup always emits (re-running the cell after a page reload)");
  } finally {
    setPlotOutput(prev);
  }
});

test("showFigure outside a notebook: one clear line, no tslab internals", () => {
  assertInputError(() => showFigure({ data: [] }), "plot-not-in-cell");
});
