/**
 * fitFigure (lib/display/figures/fit.ts): notebook 04's figures (and the other subplot figures) fitted
 * to a phone's plot box (364 px: a 390 px screen less the page's padding) and to a desktop's (892 px).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as vm from "vm";
import {
  Figure, PLOT_FIT_GLOBAL, decisionBoundaryAnimationFigure, descendOneWeight, descentAnimationFigure, descentFigure, fitFigure,
  learningRateFigure, lessonData, linspace, lossAlongWeight, perceptronFigure, plotFitScript, plotlyLibraryHtml,
} from "nn-lesson/dist/internal";

type O = Record<string, any>;
const L = (f: Figure) => f.layout as O;
const PHONE = 364, DESKTOP = 892;

// notebook 04's figures: W3[0][0] from −2, E = ½Σ(y − o)²
const d = lessonData();
const p = { layer: 2, row: 0, col: 0 };
const curve = lossAlongWeight(d.weights, d.x, d.y, p, linspace(-6, 16, 221), "half");
const rates = [3, 30, 260];
const paths = rates.map((a) => descendOneWeight(d.weights, d.x, d.y, p, -2, a, 12));
const descent = () => descentFigure(curve, paths[1], { weightName: "W3[0][0]" });
const learningRates = () => learningRateFigure(curve, paths, { weightName: "W3[0][0]", titles: rates.map((a, i) => `α = ${a} (${["너무 작음", "알맞음", "너무 큼"][i]})`) });
const animation = () => descentAnimationFigure(curve, paths[1], { weightName: "W3[0][0]" });
const plotHeight = (l: O) => l.height - l.margin.t - l.margin.b;
const labels = (f: Figure) => (f.data as O[]).flatMap((t) => (Array.isArray(t.text) && String(t.mode).includes("text") ? t.text.filter((s: string) => s) : []));

test("fitFigure: a width that is not a positive number gives the figure back as it is; the given figure is never changed", () => {
  const f = learningRates();
  for (const w of [0, -1, NaN, undefined as unknown as number]) assert.equal(fitFigure(f, w), f);
  const copy = JSON.parse(JSON.stringify(f));
  fitFigure(f, PHONE);
  fitFigure(f, DESKTOP);
  assert.deepEqual(JSON.parse(JSON.stringify(f)), copy);
});

test("fitFigure at a desktop's 892 px: 04's descent and animation stay exactly as built", () => {
  for (const f of [descent(), animation()]) assert.deepEqual(fitFigure(f, DESKTOP), f);
});

test("fitFigure on a phone: 04's learning rates are stacked in three full-width rows, each under its own title", () => {
  const f = learningRates();
  const wide = fitFigure(f, DESKTOP);
  assert.deepEqual([L(wide).xaxis.domain, L(wide).xaxis3.domain], [L(f).xaxis.domain, L(f).xaxis3.domain], "side by side on a desktop");
  const g = fitFigure(f, PHONE);
  const l = L(g);
  const rows = ["", "2", "3"].map((k) => l[`yaxis${k}`].domain as number[]);
  for (const k of ["", "2", "3"]) assert.deepEqual(l[`xaxis${k}`].domain, [0, 1]);
  assert.ok(rows[0][0] > rows[1][1] && rows[1][0] > rows[2][1], `rows top to bottom, apart: ${JSON.stringify(rows)}`);
  const titles = (l.annotations as O[]).filter((a) => a.xref === "paper");
  assert.deepEqual(titles.map((a) => a.text), ["α = 3 (너무 작음)", "α = 30 (알맞음)", "α = 260 (너무 큼)"]);
  titles.forEach((a, i) => {
    assert.ok(Math.abs(a.x - 0.5) < 1e-9, "centred over the full width");
    assert.ok(a.y > rows[i][1] && a.y < rows[i][1] + 0.02, `title ${i} just above its row (${a.y} vs ${rows[i][1]})`);
  });
  for (const k of ["2", "3"]) assert.equal(l[`yaxis${k}`].title.text, "손실 E", "every row's y axis is named");
  // each row is at least 170 px tall, and the figure grew to hold them
  assert.ok(rows.every(([lo, hi]) => (hi - lo) * plotHeight(l) >= 170));
  assert.ok(l.height > 800, `${l.height} px`);
  assert.ok(l.font.size < 14, "smaller fonts on a phone");
  // the data are the same traces (labels may be fewer)
  assert.equal(g.data.length, f.data.length);
});

test("fitFigure: a title wider than the box wraps at spaces; the plot area keeps its height", () => {
  const f = descent();
  const g = fitFigure(f, PHONE);
  const text: string = L(g).title.text;
  assert.equal(text, "경사하강법: W3[0][0]를 기울기의 반대 방향으로<br>(α = 30)");
  assert.ok(L(g).margin.t > L(f).margin.t);
  assert.equal(plotHeight(L(g)), plotHeight(L(f)));
  // an animation's title: the same, and every frame's title too (decision boundaries over epochs, 09–10)
  const a = fitFigure(animation(), PHONE);
  assert.match(L(a).title.text, /<br>/);
  const grid = { x: [-1, 1], y: [-1, 1], cls: [[0, 1], [1, 0]], prob: [[0.2, 0.8], [0.7, 0.3]] };
  const data = { X: [[0, 0], [1, 1]], labels: [0, 1] };
  const boundary = decisionBoundaryAnimationFigure([{ label: "0", grid, note: "손실 0.693, 정확도 50.0%" }, { label: "10", grid, note: "손실 0.2, 정확도 93.0%" }], data, { binary: true });
  const b = fitFigure(boundary, PHONE);
  for (const fr of b.frames!) assert.match((fr.layout as O).title.text, /<br>/);
  assert.equal(fitFigure(boundary, DESKTOP).frames![0].layout, boundary.frames![0].layout, "frames' titles that fit stay");
});

test("fitFigure: point labels never cover each other, and one that would stick out at the side moves to the other side of its point", () => {
  const f: Figure = {
    data: [{ type: "scatter", mode: "text+markers", x: [0, 0.01, 0.02, 5, 10], y: [1, 1, 1, 5, 9], text: ["a", "b", "c", "d", "왼쪽 끝 가까이의 긴 이름표"], textposition: "top center" }],
    layout: { height: 400, margin: { l: 50, r: 20, t: 30, b: 40 }, xaxis: { range: [0, 10] }, yaxis: { range: [0, 10] } },
  };
  const g = fitFigure(f, PHONE).data[0] as O;
  assert.deepEqual(g.text, ["a", "", "", "d", "왼쪽 끝 가까이의 긴 이름표"]);
  assert.deepEqual(g.textposition, ["top right", "top center", "top center", "top center", "top left"], "labels at the plot's edges turn inward");
  // 04's try-it with α = 260 from w = 5 (yRange 0 … 0.5): five labels side by side on a desktop, every other one on a phone
  const tryIt = descentFigure(curve, descendOneWeight(d.weights, d.x, d.y, p, 5, 260, 12), { weightName: "W3[0][0]", yRange: [0, 0.5] });
  assert.deepEqual(labels(fitFigure(tryIt, DESKTOP)), ["w₀", "w₁", "w₂", "w₃", "w₄"]);
  assert.deepEqual(labels(fitFigure(tryIt, PHONE)), ["w₀", "w₂", "w₄"]);
  // the learning rates: the labels that overlapped on a desktop too (w₂ on w₀, w₇ on w₄ at α = 3; w₂ and w₇ at α = 30) are left out
  assert.deepEqual(labels(fitFigure(learningRates(), DESKTOP)), ["w₀", "w₄", "w₁₂", "w₀", "w₁", "w₀", "w₁"]);
  // inside animation frames too: the current point's long label turns right, away from the y axis
  const a = fitFigure(animation(), PHONE);
  const first = a.frames![0].data!.find((t) => (t as O).name === "현재 위치") as O;
  assert.deepEqual(first.textposition, ["top right"]);
});

test("fitFigure on a phone: an animation's slider goes below its buttons, the legend below everything, with room made for both", () => {
  const f = animation();
  const g = fitFigure(f, PHONE);
  const l = L(g), l0 = L(f);
  const [menu] = l.updatemenus as O[], [slider] = l.sliders as O[];
  assert.equal(slider.x, 0);
  assert.equal(slider.len, 1);
  assert.ok((menu.y - slider.y) * plotHeight(l) >= 49, "the slider starts a row of buttons lower");
  assert.equal(l.legend.orientation, "h");
  assert.ok(-l.legend.y * plotHeight(l) >= l0.margin.b, "the legend is under the slider");
  assert.ok(l.margin.b > l0.margin.b + 60);
  assert.equal(plotHeight(l), plotHeight(l0));
});

test("fitFigure on a phone: two perceptrons stack; the legend below keeps its distance from the plot in px", () => {
  const panel = (title: string, w: number[]) => ({ title, X: [[0, 0], [0, 1], [1, 0], [1, 1]], targets: [0, 1, 1, 0], w, b: -0.2 });
  const f = perceptronFigure([panel("XOR에 OR의 가중치", [1, 1]), panel("XOR에 w = (0.5, −0.5), b = −0.2", [0.5, -0.5])]);
  const g = fitFigure(f, PHONE);
  const l = L(g), l0 = L(f);
  assert.deepEqual([l.xaxis.domain, l.xaxis2.domain], [[0, 1], [0, 1]]);
  assert.ok(l.yaxis.domain[0] > l.yaxis2.domain[1]);
  assert.equal(l.yaxis2.title.text, "x₂", "an empty y title takes the first one's");
  const px = (y: number, h: number) => Math.round(-y * h);
  assert.equal(px(l.legend.y, plotHeight(l)) >= px(l0.legend.y, plotHeight(l0)), true);
  assert.deepEqual(fitFigure(f, DESKTOP).layout!.annotations, f.layout!.annotations, "side by side on a desktop");
});

test("plotFitScript: fitFigure's text runs on its own (no outside names), and goes with plotly.js", () => {
  const window: O = {};
  vm.runInNewContext(plotFitScript(), { window });
  const fit = window[PLOT_FIT_GLOBAL] as typeof fitFigure;
  assert.equal(typeof fit, "function");
  for (const f of [learningRates(), animation(), descent()]) {
    assert.deepEqual(JSON.parse(JSON.stringify(fit(f, PHONE))), JSON.parse(JSON.stringify(fitFigure(f, PHONE))));
  }
  assert.ok(plotlyLibraryHtml().includes(plotFitScript()), "plotSetup()'s output sets it");
});
