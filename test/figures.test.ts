import { test } from "node:test";
import * as assert from "assert/strict";
import {
  Figure, descendOneWeight, descentAnimationFigure, descentFigure, figureHtml, gradients, learningRateFigure, lessonData, linspace,
  lossAlongWeight, lossHistoryFigure, lossSurface, networkFigure, sigmoid, sigmoidFigure, subscript, surfaceAnimationFigure,
  surfaceFigure, surfaceValueAt, train,
} from "nn-lesson/dist/internal";
import { assertClose, assertEmbeds, assertInputError } from "./helpers";

type AnyTrace = Record<string, any>;
const traces = (f: Figure) => f.data as AnyTrace[];
const layout = (f: Figure) => f.layout as Record<string, any>;

const d = lessonData();
// W3[1][0] has a clear valley: from 3 with α = 40 the steps walk down it (E = ½Σ(y−o)², the loss 04 descends).
const p = { layer: 2, row: 1, col: 0 }, q = { layer: 2, row: 0, col: 0 };
const curve = lossAlongWeight(d.weights, d.x, d.y, p, linspace(-5, 5, 81), "half");
const path = descendOneWeight(d.weights, d.x, d.y, p, 3, 40, 8);

/** Every figure must survive the trip into a plot output: the JSON in the output is the same figure. */
function embeds(f: Figure): void {
  assertEmbeds(figureHtml(f), f);
}

test("sigmoidFigure: σ and σ' = σ(1−σ) over the range", () => {
  const f = sigmoidFigure({ range: [-6, 6] });
  const [s, ds] = traces(f);
  assert.equal(s.x[0], -6);
  assert.equal(s.x[s.x.length - 1], 6);
  s.x.forEach((a: number, i: number) => assert.equal(s.y[i], sigmoid(a)));
  // a property, not the formula again: the σ' trace is the slope of the σ trace (central differences)
  for (let i = 1; i + 1 < s.x.length; i++) {
    assertClose(ds.y[i], (s.y[i + 1] - s.y[i - 1]) / (s.x[i + 1] - s.x[i - 1]), 1e-3);
  }
  assert.equal(Math.max(...ds.y), 0.25); // at σ = ½, a = 0
  assertInputError(() => sigmoidFigure({ range: [3, 1] }), "sigmoid-figure-range");
  embeds(f);
});

test("networkFigure: one line per weight, width by |w|, colour by sign, hover names W<l>[k][i]", () => {
  const W = d.weights;
  const f = networkFigure(W, { title: "학습 전" });
  const lines = traces(f).filter((t) => t.mode === "lines" && t.showlegend === false);
  assert.equal(lines.length, 3 * 2 + 2 * 3 + 3 * 2);
  const flat = W.flatMap((M) => M.flat());
  const maxAbs = Math.max(...flat.map(Math.abs));
  lines.forEach((t, n) => {
    assertClose(t.line.width, 0.5 + 7.5 * Math.abs(flat[n]) / maxAbs, 1e-12);
    assert.equal(t.line.color, flat[n] >= 0 ? "#1f77b4" : "#d62728");
  });
  const labels = traces(f).find((t) => t.name === "가중치")!;
  assert.equal(labels.hovertext[0].split("<br>")[0], `W1[0][0] = ${W[0][0][0].toFixed(4)}`);
  assert.equal(labels.hovertext[6].split("<br>")[0], `W2[0][0] = ${W[1][0][0].toFixed(4)}`);
  const nodes = traces(f).find((t) => t.name === "노드")!;
  assert.equal(nodes.x.length, 3 + 2 + 3 + 2);
  assert.deepEqual(nodes.text.slice(0, 3), ["x₁", "x₂", "x₃"]);
  assert.deepEqual(nodes.text.slice(-2), ["o₁", "o₂"]);
  const notes = layout(f).annotations.map((a: any) => a.text);
  assert.deepEqual(notes.slice(0, 4), ["입력층 (3)", "은닉층 1 (2)", "은닉층 2 (3)", "출력층 (2)"]);
  assert.deepEqual(notes.slice(4), flat.map((v) => v.toFixed(2)), "each line labelled with its weight");
  assert.equal(layout(networkFigure(W, { showValues: false })).annotations.length, 4);
  assert.equal(layout(f).title.text, "학습 전");
  // a shared scale makes before/after comparable
  const after = networkFigure(train({ weights: W, x: d.x, y: d.y }).weights, { scale: 10 });
  const widths = traces(after).filter((t) => t.mode === "lines" && t.showlegend === false).map((t) => t.line.width);
  assert.ok(widths.every((w: number) => w >= 0.5 && w <= 8));
  embeds(f);
});

test("networkFigure of gradients: the legend, hover and labels say 기울기 (∂E/∂W), not 가중치", () => {
  const g = gradients(d.weights, d.x, d.y);
  const f = networkFigure(g, { quantity: "gradient" });
  const legend = traces(f).filter((t) => t.showlegend !== false).map((t) => t.name);
  assert.deepEqual(legend, ["양수 기울기 (+)", "음수 기울기 (−)"]);
  assert.ok(!JSON.stringify(f).includes("가중치"), "no word 가중치 anywhere in a gradient figure");
  const hover = traces(f).find((t) => t.name === "기울기")!.hovertext;
  assert.equal(hover[0].split("<br>")[0], `∂E/∂W1[0][0] = ${g[0][0][0].toExponential(3)}`);
  const notes = layout(f).annotations.map((a: any) => a.text);
  assert.deepEqual(notes.slice(4), g.flatMap((M) => M.flat()).map((v) => v.toExponential(1)));
  assert.match(layout(f).title.text, /\|기울기\|/);
  assertInputError(() => networkFigure(g, { quantity: "delta" as "gradient" }), "network-figure-quantity");
});

test("networkFigure: bad shapes are named, Korean first", () => {
  assertInputError(() => networkFigure([]), "network-figure-no-weights");
  assertInputError(() => networkFigure([[]]), "network-figure-empty-matrix");
  assertInputError(() => networkFigure([[[1, 2, 3], [1, 2]]]), "network-figure-row");
  assertInputError(() => networkFigure([[[1, NaN]]]), "network-figure-not-finite");
  assertInputError(() => networkFigure([[[1, 2]]], { scale: -1 }), "network-figure-scale");
});

test("descentFigure: curve, points w₀…, arrows wᵢ → wᵢ₊₁, tangents with the path's slopes", () => {
  const f = descentFigure(curve, path, { weightName: "W3[0][0]" });
  const [c, tan, pts] = traces(f);
  assert.deepEqual(c.x, curve.w);
  assert.deepEqual(c.y, curve.loss);
  assert.deepEqual(pts.x, path.w);
  assert.deepEqual(pts.y, path.loss);
  assert.equal(pts.text[0], "w₀");
  assert.equal(pts.text[3], "w₃");
  // tangent segments: through (wᵢ, Lᵢ) with slope ∂L/∂w at wᵢ
  for (let i = 0; i < 3; i++) {
    const [x0, x1] = [tan.x[3 * i], tan.x[3 * i + 1]], [y0, y1] = [tan.y[3 * i], tan.y[3 * i + 1]];
    assertClose((y1 - y0) / (x1 - x0), path.slope[i], 1e-9);
    assertClose((x0 + x1) / 2, path.w[i], 1e-12);
    assertClose((y0 + y1) / 2, path.loss[i], 1e-12);
    assert.equal(tan.x[3 * i + 2], null);
  }
  const arrows = layout(f).annotations;
  assert.equal(arrows.length, path.w.length - 1);
  assert.deepEqual([arrows[0].ax, arrows[0].ay, arrows[0].x, arrows[0].y], [path.w[0], path.loss[0], path.w[1], path.loss[1]]);
  assert.equal(arrows[0].axref, "x");
  assert.equal(layout(f).xaxis.title.text, "W3[0][0]");
  assert.equal(descentFigure(curve, path, { tangents: false }).data.length, 2);
  // steps that barely move are not labelled on top of each other
  const slow = descendOneWeight(d.weights, d.x, d.y, p, 3, 1, 8);
  assert.deepEqual((descentFigure(curve, slow).data[2] as any).text.filter((t: string) => t !== ""), ["w₀"]);
  assertInputError(() => descentFigure({ w: [1, 2], loss: [1] }, path), "figure-curve-lengths");
  assertInputError(() => descentFigure({ w: [1], loss: [1] }, path), "figure-curve-short");
  assertInputError(() => descentFigure(undefined as unknown as typeof curve, path), "figure-curve");
  assertInputError(() => descentFigure(curve, { ...path, w: [] }), "figure-path-empty");
  assertInputError(() => descentFigure(curve, { ...path, slope: [1] }), "figure-path-lengths");
  // the axis names the loss the path descends; a curve of another loss is refused, not drawn under the points
  assert.equal(layout(f).yaxis.title.text, "손실 E = ½Σ(y − o)²");
  assert.equal(c.name, "손실 E(W3[0][0])");
  assert.equal(tan.name, "접선 (기울기 ∂E/∂w)");
  const printed = lossAlongWeight(d.weights, d.x, d.y, p, linspace(-5, 5, 81));
  assertInputError(() => descentFigure(printed, path), "figure-curve-path-loss");
  // a fixed y range, the same for every weight, so that a flat curve looks flat
  assert.deepEqual(layout(descentFigure(curve, path, { yRange: [0, 0.5] })).yaxis.range, [0, 0.5]);
  assertInputError(() => descentFigure(curve, path, { yRange: [0.5, 0] }), "figure-y-range");
  embeds(f);
});

test("learningRateFigure: one panel per learning rate, on its own axes, titled", () => {
  const rates = [10, 40, 120];
  const paths = rates.map((lr) => descendOneWeight(d.weights, d.x, d.y, p, 3, lr, 6));
  const f = learningRateFigure(curve, paths, { titles: ["너무 작음", "적당함", "너무 큼"] });
  const axes = new Set(traces(f).map((t) => t.xaxis));
  assert.deepEqual([...axes], ["x", "x2", "x3"]);
  const L = layout(f);
  assert.ok(L.xaxis.domain[1] < L.xaxis2.domain[0] && L.xaxis2.domain[1] < L.xaxis3.domain[0], "panels side by side, no overlap");
  const titles = L.annotations.filter((a: any) => a.xref === "paper").map((a: any) => a.text);
  assert.deepEqual(titles, ["너무 작음", "적당함", "너무 큼"]);
  const pts = traces(f).filter((t) => t.mode === "text+markers");
  pts.forEach((t, i) => assert.deepEqual(t.x, paths[i].w));
  const arrows = L.annotations.filter((a: any) => a.xref !== "paper");
  assert.ok(arrows.some((a: any) => a.xref === "x3" && a.axref === "x3"));
  assert.deepEqual(learningRateFigure(curve, paths).layout!.annotations!.filter((a: any) => a.xref === "paper").map((a: any) => a.text), rates.map((r) => `학습률 α = ${r}`));
  assertInputError(() => learningRateFigure(curve, paths, { titles: ["a"] }), "learning-rate-figure-titles");
  assertInputError(() => learningRateFigure(curve, []), "learning-rate-figure-no-paths");
  assert.equal(L.yaxis.title.text, "손실 E");
  const fixed = layout(learningRateFigure(curve, paths, { yRange: [0, 0.5] }));
  assert.deepEqual([fixed.yaxis.range, fixed.yaxis2.range, fixed.yaxis3.range], [[0, 0.5], [0, 0.5], [0, 0.5]]);
  embeds(f);
});

test("lossHistoryFigure: iterations 1…n, typed arrays accepted, log axis on request", () => {
  const r = train({ weights: d.weights, x: d.x, y: d.y, iterations: 50 });
  const f = lossHistoryFigure([{ name: "α = 0.1", loss: r.loss }, { name: "다른 실행", loss: Float64Array.from([3, 2, 1]) }], { log: true });
  const [a, b] = traces(f);
  assert.equal(a.x.length, 50);
  assert.equal(a.x[0], 1);
  assert.deepEqual(a.y, Array.from(r.loss));
  assert.ok(Array.isArray(b.y));
  assert.equal(layout(f).yaxis.type, "log");
  assert.equal(layout(lossHistoryFigure([{ name: "x", loss: [1, 0] }])).yaxis.type, "linear");
  assertInputError(() => lossHistoryFigure([{ name: "x", loss: [1, 0] }], { log: true }), "loss-history-log");
  embeds(f);
});

test("surfaceFigure: contour or 3D surface of the grid, with paths (3D paths lie on the surface)", () => {
  const s = lossSurface(d.weights, d.x, d.y, p, q, linspace(-3, 3, 21), linspace(-2, 4, 25));
  const r = train({ weights: d.weights, x: d.x, y: d.y, iterations: 200, learningRate: 2, track: [p, q] });
  const sp = { name: "경사하강법 (α = 2)", p: r.path[0], q: r.path[1] };
  const c = surfaceFigure(s, { paths: [sp], pName: "W3[0][0]", qName: "W3[1][2]" });
  const [z, line, ends] = traces(c);
  assert.equal(z.type, "contour");
  assert.deepEqual(z.z, s.loss);
  assert.deepEqual(z.x, s.p);
  assert.deepEqual(line.x, Array.from(r.path[0]));
  assert.deepEqual(ends.x, [r.path[0][0], r.path[0][200]]);
  assert.equal(layout(c).xaxis.title.text, "W3[0][0]");
  const sf = surfaceFigure(s, { kind: "surface", paths: [sp] });
  const [surf, l3] = traces(sf);
  assert.equal(surf.type, "surface");
  assert.equal(l3.type, "scatter3d");
  // the first point sits on the surface (bilinear read-off, lifted by 2% of the z range)
  const zs = s.loss.flat();
  const lift = (Math.max(...zs) - Math.min(...zs)) * 0.02;
  assertClose(l3.z[0], surfaceValueAt(s, sp.p[0], sp.q[0]) + lift, 1e-12);
  assertInputError(() => surfaceFigure(s, { kind: "pie" as "surface" }), "surface-figure-kind");
  assertInputError(() => surfaceFigure({ ...s, loss: s.loss.slice(1) }), "surface-rows");
  assertInputError(() => surfaceFigure({ ...s, loss: [s.loss[0].slice(1), ...s.loss.slice(1)] }), "surface-row");
  assertInputError(() => surfaceFigure({ p: [0, 1], q: [0, 1], loss: [[1, 2]] }), "surface-rows");
  embeds(c);
  embeds(sf);
});

test("surfaceValueAt: exact at grid points, bilinear in between", () => {
  const s = { p: [0, 1, 2], q: [0, 2], loss: [[0, 1, 2], [10, 11, 12]] };
  assert.equal(surfaceValueAt(s, 1, 2), 11);
  assert.equal(surfaceValueAt(s, 0.5, 1), 5.5);
  assert.equal(surfaceValueAt(s, 5, -1), 2, "clamped at the edges");
});

test("descentAnimationFigure: one frame per step, play/pause buttons and a slider naming the frames", () => {
  const f = descentAnimationFigure(curve, path);
  assert.equal(f.frames!.length, path.w.length);
  const last = f.frames![path.w.length - 1] as any;
  assert.deepEqual(last.traces, [1, 2, 3]);
  assert.deepEqual(last.data[0].x, path.w);
  assert.deepEqual(last.data[2].x, [path.w[path.w.length - 1]]);
  const L = layout(f);
  assert.deepEqual(L.updatemenus[0].buttons.map((b: any) => b.method), ["animate", "animate"]);
  assert.deepEqual(L.sliders[0].steps.map((s: any) => s.args[0][0]), f.frames!.map((fr) => fr.name));
  assert.ok(L.xaxis.range && L.yaxis.range, "fixed axes, so frames do not rescale");
  // long paths are thinned to at most 60 frames, keeping the first and the last step
  const long = descendOneWeight(d.weights, d.x, d.y, p, 3, 1, 300);
  const g = descentAnimationFigure(curve, long);
  assert.equal(g.frames!.length, 60);
  assert.equal(g.frames![59].name, "step-300");
  embeds(f);
});

test("surfaceAnimationFigure: contour plus the path so far, at most `frames` frames", () => {
  const s = lossSurface(d.weights, d.x, d.y, p, q, linspace(-3, 3, 11), linspace(-2, 4, 11));
  const r = train({ weights: d.weights, x: d.x, y: d.y, iterations: 100, learningRate: 2, track: [p, q] });
  const f = surfaceAnimationFigure(s, { name: "경로", p: r.path[0], q: r.path[1] }, { frames: 11 });
  assert.equal(traces(f)[0].type, "contour");
  assert.equal(f.frames!.length, 11);
  const last = f.frames![10] as any;
  assert.equal(last.name, "iter-100");
  assert.equal(last.data[0].x.length, 101);
  assert.deepEqual(last.data[1].x, [r.path[0][100]]);
  assert.equal(layout(f).sliders[0].steps.length, 11);
  assertInputError(() => surfaceAnimationFigure(s, { name: "x", p: [1, 2], q: [1] }), "surface-path-lengths");
  embeds(f);
});

test("subscript digits", () => {
  assert.equal(subscript(10), "₁₀");
});
