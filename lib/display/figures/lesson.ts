/**
 * Notebooks 00–08: the lesson's pictures as plotly figures. Pure: data in (curves, paths, surfaces,
 * weights), a Figure out; nothing here trains or displays. Show a figure with showFigure (display/plot.ts).
 */
import type * as Plotly from "plotly.js";
import { sigmoid } from "../../lesson/activation";
import { Matrix, layerSizes, linspace } from "../../lesson/matrix";
import { InputError, describe } from "../../lesson/errors";
import { LossFormsCurve } from "../../lesson/loss";
import { Curve, DescentPath, LossForm } from "../../lesson/descent";
import { Surface } from "../../fast/surface";
import {
  Annotation, COLORS, Figure, PLOT_FONT, Trace, animationControls, baseLayout, finiteRange, frameIndices, padRange, sparseLabels, subscript, toArray,
} from "./layout";

function checkCurve(curve: Curve, who: string): void {
  if (!curve || !Array.isArray(curve.w) || !Array.isArray(curve.loss)) throw new InputError(`${who}: curve는 lossAlongWeight가 돌려준 { w, loss }여야 합니다 / curve must be { w: number[], loss: number[] } (see lossAlongWeight)`);
  if (curve.w.length !== curve.loss.length) throw new InputError(`${who}: curve.w는 ${curve.w.length}개인데 curve.loss는 ${curve.loss.length}개입니다 (같아야 합니다) / curve.w has ${curve.w.length} values but curve.loss has ${curve.loss.length}`);
  if (curve.w.length < 2) throw new InputError(`${who}: 곡선에는 점이 2개 이상 있어야 합니다 / curve needs at least 2 points`);
}

/** What the y axis shows: L = Σ(y − o)² (printed) or E = ½Σ(y − o)² (what the code differentiates). */
function lossSymbol(form: LossForm | undefined): { symbol: string; formula: string } {
  return form === "half" ? { symbol: "E", formula: "½Σ(y − o)²" } : { symbol: "L", formula: "Σ(y − o)²" };
}

/** A path drawn on a curve must measure the same loss, or its points float off the curve. */
function checkSameLoss(curve: Curve, path: DescentPath, who: string): void {
  const c = curve.form ?? "sum", p = path.form ?? "sum";
  if (c !== p) {
    throw new InputError(`${who}: 곡선은 ${lossSymbol(c).formula}인데 경로는 ${lossSymbol(p).formula}입니다. ` +
      `lossAlongWeight(…, "${p}")로 같은 손실의 곡선을 그리세요 / the curve is ${c} but the path is ${p}`);
  }
}

/** A fixed y range [bottom, top] given by a learner: two finite numbers, bottom < top. */
function checkYRange(range: unknown, who: string): [number, number] | undefined {
  if (range === undefined) return undefined;
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new InputError(`${who}: yRange는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: ${JSON.stringify(range)} / yRange must be [bottom, top] with bottom < top`);
  }
  return [range[0], range[1]];
}

function checkPath(path: DescentPath, who: string): void {
  if (!path || !Array.isArray(path.w) || !Array.isArray(path.loss) || !Array.isArray(path.slope)) {
    throw new InputError(`${who}: path는 descendOneWeight가 돌려준 { w, loss, slope, learningRate }여야 합니다 / path must be { w, loss, slope, learningRate } (see descendOneWeight)`);
  }
  if (path.w.length === 0) throw new InputError(`${who}: 경로에 점이 하나도 없습니다 / path has no points`);
  if (path.loss.length !== path.w.length || path.slope.length !== path.w.length) {
    throw new InputError(`${who}: path.w, path.loss, path.slope의 길이가 같아야 합니다 (${path.w.length}, ${path.loss.length}, ${path.slope.length}) / ` +
      `path.w, path.loss and path.slope must have the same length`);
  }
}

// ---------------------------------------------------------------------------------------------
// The sigmoid

/** σ(a) = 1/(1+e^(−a)) and its derivative σ'(a) = σ(a)(1−σ(a)). */
export function sigmoidFigure(opts: { range?: [number, number]; title?: string } = {}): Figure {
  const [lo, hi] = opts.range ?? [-8, 8];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new InputError(`sigmoidFigure: range는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: [${lo}, ${hi}] / range must be [low, high] with low < high, got [${lo}, ${hi}]`);
  const a = linspace(lo, hi, 201);
  const s = a.map(sigmoid);
  return {
    data: [
      { type: "scatter", mode: "lines", name: "σ(a) = 1 / (1 + e⁻ᵃ)", x: a, y: s, line: { color: COLORS.curve, width: 3 } },
      { type: "scatter", mode: "lines", name: "σ′(a) = σ(a)(1 − σ(a))", x: a, y: s.map((o) => o * (1 - o)), line: { color: COLORS.derivative, width: 3, dash: "dash" } },
    ],
    layout: baseLayout(opts.title ?? "시그모이드 함수와 그 도함수", {
      xaxis: { title: { text: "입력 a" }, zeroline: true },
      yaxis: { title: { text: "출력" }, range: [-0.05, 1.05] },
      legend: { x: 0.02, y: 0.95, bgcolor: "rgba(255,255,255,0.7)" },
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The network diagram

/** Korean names of the layers of a network with `n` layers (input, hidden…, output). */
function layerTitles(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? "입력층" : i === n - 1 ? "출력층" : n === 3 ? "은닉층" : `은닉층 ${i}`));
}

function nodeLabel(layer: number, n: number, i: number): string {
  return layer === 0 ? `x${subscript(i + 1)}` : layer === n - 1 ? `o${subscript(i + 1)}` : `h${subscript(layer)}${subscript(i + 1)}`;
}

/**
 * The network as a diagram: one circle per node, one line per weight. Line width grows with |w|,
 * colour gives the sign (blue +, red −); hovering a line's midpoint shows W<l>[k][i] and its value.
 * `scale` is the |w| drawn at full width (default: the largest |w| here); give two figures the same
 * scale to compare them (before and after training).
 * `quantity: "gradient"` draws ∂E/∂W instead of weights (notebooks 05–06): the legend, the hover
 * (∂E/∂W<l>[k][i]) and the value labels then say 기울기, with numbers in exponent form.
 */
export function networkFigure(
  weights: Matrix[], opts: { title?: string; scale?: number; showValues?: boolean; quantity?: "weight" | "gradient" } = {},
): Figure {
  if (!Array.isArray(weights) || weights.length === 0) throw new InputError("networkFigure: 가중치 행렬의 목록 [W1, W2, …]이 필요합니다 / expected a list of weight matrices [W1, W2, ...]");
  const sizes = layerSizes(weights);
  weights.forEach((W, l) => {
    if (!Array.isArray(W) || W.length === 0) throw new InputError(`networkFigure: W${l + 1}이(가) 비어 있습니다 (행이 하나 이상 필요합니다) / W${l + 1} is empty`);
    W.forEach((row, k) => {
      if (!Array.isArray(row) || row.length !== sizes[l]) {
        const got = Array.isArray(row) ? row.length : 0;
        throw new InputError(`networkFigure: W${l + 1}의 ${k}번 행에는 숫자가 ${sizes[l]}개(앞 층의 노드마다 하나) 있어야 하는데 ${got}개입니다 / ` +
          `W${l + 1} row ${k} has ${Array.isArray(row) ? row.length : "no"} entries, expected ${sizes[l]} (one per node of the layer before)`);
      }
      row.forEach((v, i) => { if (!Number.isFinite(v)) throw new InputError(`networkFigure: W${l + 1}[${k}][${i}]이(가) 유한한 숫자가 아닙니다. 받은 값: ${describe(v)} / W${l + 1}[${k}][${i}] is not a finite number`); });
    });
  });
  const nLayers = sizes.length;
  const maxNodes = Math.max(...sizes);
  const pos = sizes.map((n, l) => Array.from({ length: n }, (_, i) => ({ x: l, y: (n - 1) / 2 - i })));
  let maxAbs = 0;
  weights.forEach((W) => W.forEach((row) => row.forEach((v) => { maxAbs = Math.max(maxAbs, Math.abs(v)); })));
  const scale = opts.scale ?? (maxAbs || 1);
  if (!(scale > 0)) throw new InputError(`networkFigure: scale은(는) 0보다 큰 숫자여야 합니다. 받은 값: ${describe(opts.scale)} / scale must be a positive number, got ${opts.scale}`);
  const showValues = opts.showValues ?? true;
  const quantity = opts.quantity ?? "weight";
  if (quantity !== "weight" && quantity !== "gradient") {
    throw new InputError(`networkFigure: quantity는 "weight" 또는 "gradient"여야 합니다. 받은 값: ${String(quantity)} / quantity must be "weight" or "gradient"`);
  }
  const gradient = quantity === "gradient";
  const word = gradient ? "기울기" : "가중치";
  const valueText = (v: number, digits: number) => (gradient ? v.toExponential(digits - 1) : v.toFixed(digits));

  const traces: Trace[] = [];
  const mid = { x: [] as number[], y: [] as number[], hover: [] as string[] };
  const valueLabels: Annotation[] = [];
  weights.forEach((W, l) => W.forEach((row, k) => row.forEach((v, i) => {
    const a = pos[l][i], b = pos[l + 1][k];
    traces.push({
      type: "scatter", mode: "lines", x: [a.x, b.x], y: [a.y, b.y], hoverinfo: "skip", showlegend: false,
      line: { color: v >= 0 ? COLORS.positive : COLORS.negative, width: 0.5 + 7.5 * Math.min(1, Math.abs(v) / scale) },
      opacity: 0.75,
    });
    // Each target node gets its own distance along the lines, so labels of lines that cross or
    // meet at a node do not sit on top of each other.
    const t = 0.22 + (0.56 * (k + 0.5)) / W.length;
    const x = a.x + (b.x - a.x) * t, y = a.y + (b.y - a.y) * t;
    mid.x.push(x);
    mid.y.push(y);
    mid.hover.push(`${gradient ? "∂E/∂" : ""}W${l + 1}[${k}][${i}] = ${valueText(v, 4)}<br>${nodeLabel(l, nLayers, i)} → ${nodeLabel(l + 1, nLayers, k)}`);
    if (showValues) {
      valueLabels.push({ x, y, text: valueText(v, 2), showarrow: false, font: { size: 10, color: v >= 0 ? "#174a7a" : "#8b1a1a" }, bgcolor: "rgba(255,255,255,0.85)", borderpad: 1 });
    }
  })));
  traces.push({
    type: "scatter", mode: "markers", x: mid.x, y: mid.y, hovertext: mid.hover, hoverinfo: "text",
    marker: { size: 14, color: "rgba(0,0,0,0)" }, showlegend: false, name: word,
  });
  const nodes = { x: [] as number[], y: [] as number[], text: [] as string[] };
  pos.forEach((layer, l) => layer.forEach((p, i) => { nodes.x.push(p.x); nodes.y.push(p.y); nodes.text.push(nodeLabel(l, nLayers, i)); }));
  traces.push({
    type: "scatter", mode: "text+markers", x: nodes.x, y: nodes.y, text: nodes.text, hoverinfo: "text",
    textfont: { color: "white", size: 13 }, showlegend: false, name: "노드",
    marker: { size: 34, color: COLORS.node, line: { color: "white", width: 2 } },
  });
  // Two legend entries explain the colours.
  traces.push({ type: "scatter", mode: "lines", x: [null], y: [null], name: `양수 ${word} (+)`, line: { color: COLORS.positive, width: 4 } } as Trace);
  traces.push({ type: "scatter", mode: "lines", x: [null], y: [null], name: `음수 ${word} (−)`, line: { color: COLORS.negative, width: 4 } } as Trace);

  const titles = layerTitles(nLayers);
  const annotations: Annotation[] = sizes.map((n, l) => ({
    x: l, y: (maxNodes - 1) / 2 + 0.65, text: `${titles[l]} (${n})`, showarrow: false, font: { size: 13 },
  } as Annotation));
  annotations.push(...valueLabels);
  return {
    data: traces,
    layout: baseLayout(opts.title ?? `신경망 ${sizes.join("-")}: 선의 굵기 = |${word}|, 색 = 부호`, {
      xaxis: { visible: false, range: [-0.4, nLayers - 0.6] },
      yaxis: { visible: false, range: [-(maxNodes - 1) / 2 - 0.6, (maxNodes - 1) / 2 + 0.9] },
      annotations,
      legend: { orientation: "h", x: 0.5, xanchor: "center", y: -0.02, yanchor: "top" },
      height: 380,
      margin: { l: 20, r: 20, t: 60, b: 40 },
      hovermode: "closest",
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Gradient descent on one weight

interface Axes { x: string; y: string; xref: string; yref: string }
const MAIN_AXES: Axes = { x: "x", y: "y", xref: "x", yref: "y" };

function axesFor(i: number): Axes {
  const n = i === 0 ? "" : String(i + 1);
  return { x: `x${n}`, y: `y${n}`, xref: `x${n}`, yref: `y${n}` };
}

/** The y range that shows the curve and the path, but not runaway tangents; a fixed `yRange` when given. */
function descentRanges(curve: Curve, path: DescentPath, yRange?: [number, number]): { x: [number, number]; y: [number, number] } {
  const x = padRange(finiteRange([...curve.w, ...path.w]), 0.03);
  const y = yRange ?? padRange(finiteRange([...curve.loss, ...path.loss]), 0.08);
  return { x, y };
}

/** A short piece of the tangent line at (w, L) with slope s, of the same on-screen length whatever the slope. */
function tangentSegment(w: number, L: number, s: number, ranges: { x: [number, number]; y: [number, number] }): { x: number[]; y: number[] } {
  const xr = ranges.x[1] - ranges.x[0], yr = ranges.y[1] - ranges.y[0];
  const half = 0.12 / Math.sqrt(1 / (xr * xr) + (s * s) / (yr * yr));
  return { x: [w - half, w + half], y: [L - s * half, L + s * half] };
}

/**
 * Labels w₀, w₁, … for the steps, left out where a point would sit on an earlier label (steps that
 * barely move, or many steps): a label needs 4% of the plot's width/height of room.
 */
function stepLabels(path: DescentPath, ranges: { x: [number, number]; y: [number, number] }): string[] {
  const xr = ranges.x[1] - ranges.x[0], yr = ranges.y[1] - ranges.y[0];
  const placed: [number, number][] = [];
  return path.w.map((w, i) => {
    const u = w / xr, v = path.loss[i] / yr;
    if (!Number.isFinite(u) || !Number.isFinite(v) || placed.length >= 15) return "";
    if (placed.some(([pu, pv]) => Math.abs(pu - u) < 0.03 && Math.abs(pv - v) < 0.05)) return "";
    placed.push([u, v]);
    return `w${subscript(i)}`;
  });
}

function descentTraces(curve: Curve, path: DescentPath, weightName: string, axes: Axes, tangents: boolean, legend: boolean, ranges: { x: [number, number]; y: [number, number] }): { traces: Trace[]; annotations: Annotation[] } {
  const n = path.w.length;
  const E = lossSymbol(path.form).symbol;
  const traces: Trace[] = [
    { type: "scatter", mode: "lines", name: `손실 ${E}(${weightName})`, x: curve.w, y: curve.loss, xaxis: axes.x, yaxis: axes.y, line: { color: COLORS.curve, width: 3 }, showlegend: legend, legendgroup: "curve" },
  ];
  if (tangents) {
    const tx: (number | null)[] = [], ty: (number | null)[] = [];
    const count = Math.min(n, 3);
    for (let i = 0; i < count; i++) {
      const seg = tangentSegment(path.w[i], path.loss[i], path.slope[i], ranges);
      tx.push(...seg.x, null); ty.push(...seg.y, null);
    }
    traces.push({ type: "scatter", mode: "lines", name: `접선 (기울기 ∂${E}/∂w)`, x: tx, y: ty, xaxis: axes.x, yaxis: axes.y, line: { color: COLORS.tangent, width: 3 }, opacity: 0.8, hoverinfo: "skip", showlegend: legend, legendgroup: "tangent" } as Trace);
  }
  const text = stepLabels(path, ranges);
  const hover = path.w.map((w, i) => `w${subscript(i)} = ${w.toPrecision(4)}<br>${E} = ${path.loss[i].toPrecision(4)}<br>기울기 = ${path.slope[i].toPrecision(4)}`);
  traces.push({
    type: "scatter", mode: "text+markers", name: `경사하강법 단계 (α = ${path.learningRate})`, x: path.w, y: path.loss, text, hovertext: hover, hoverinfo: "text",
    textposition: "top center", xaxis: axes.x, yaxis: axes.y, marker: { color: COLORS.path, size: 10, line: { color: "white", width: 1 } },
    textfont: { color: COLORS.path, size: 13 }, showlegend: legend, legendgroup: "path",
  });
  const annotations: Annotation[] = [];
  for (let i = 0; i + 1 < n && i < 30; i++) {
    if (![path.w[i], path.w[i + 1], path.loss[i], path.loss[i + 1]].every(Number.isFinite)) break;
    if (path.w[i] === path.w[i + 1] && path.loss[i] === path.loss[i + 1]) continue;
    annotations.push({
      x: path.w[i + 1], y: path.loss[i + 1], ax: path.w[i], ay: path.loss[i], xref: axes.xref, yref: axes.yref, axref: axes.xref, ayref: axes.yref,
      showarrow: true, arrowhead: 2, arrowsize: 1.2, arrowwidth: 1.5, arrowcolor: COLORS.path, standoff: 5, startstandoff: 5, text: "",
    } as Annotation);
  }
  return { traces, annotations };
}

/**
 * Loss against one weight w, the gradient-descent steps w₀, w₁, … as points joined by arrows, and
 * (by default) the tangent at the first steps: its slope ∂E/∂w is what each step follows downhill.
 * `yRange` fixes the y axis (e.g. the same for every weight, so that a flat curve looks flat).
 */
export function descentFigure(
  curve: Curve, path: DescentPath, opts: { title?: string; weightName?: string; tangents?: boolean; yRange?: [number, number] } = {},
): Figure {
  checkCurve(curve, "descentFigure");
  checkPath(path, "descentFigure");
  checkSameLoss(curve, path, "descentFigure");
  const name = opts.weightName ?? "w";
  const ranges = descentRanges(curve, path, checkYRange(opts.yRange, "descentFigure"));
  const loss = lossSymbol(path.form);
  const { traces, annotations } = descentTraces(curve, path, name, MAIN_AXES, opts.tangents ?? true, true, ranges);
  return {
    data: traces,
    layout: baseLayout(opts.title ?? `경사하강법: ${name}를 기울기의 반대 방향으로 (α = ${path.learningRate})`, {
      xaxis: { title: { text: name }, range: ranges.x, zeroline: false },
      yaxis: { title: { text: `손실 ${loss.symbol} = ${loss.formula}` }, range: ranges.y },
      annotations,
      legend: { orientation: "h", x: 0, y: -0.26, yanchor: "top" },
      margin: { l: 65, r: 20, t: 60, b: 110 },
      height: 480,
    }),
  };
}

/**
 * The same curve with one descent per learning rate, side by side (too small, about right, too large).
 * `yRange` gives every panel the same fixed y axis.
 */
export function learningRateFigure(
  curve: Curve, paths: DescentPath[], opts: { titles?: string[]; weightName?: string; title?: string; yRange?: [number, number] } = {},
): Figure {
  checkCurve(curve, "learningRateFigure");
  if (!Array.isArray(paths) || paths.length === 0) throw new InputError("learningRateFigure: 학습률마다 경로 하나씩, 경로의 목록이 필요합니다 / expected a list of paths, one per learning rate");
  paths.forEach((p, i) => checkPath(p, `learningRateFigure: paths[${i}]`));
  paths.forEach((p, i) => checkSameLoss(curve, p, `learningRateFigure: paths[${i}]`));
  const yRange = checkYRange(opts.yRange, "learningRateFigure");
  if (opts.titles && opts.titles.length !== paths.length) throw new InputError(`learningRateFigure: 경로는 ${paths.length}개인데 제목(titles)은 ${opts.titles.length}개입니다 / ${opts.titles.length} titles for ${paths.length} paths`);
  const name = opts.weightName ?? "w";
  const n = paths.length, gap = 0.06, width = (1 - gap * (n - 1)) / n;
  const data: Trace[] = [];
  const annotations: Annotation[] = [];
  const layout: Partial<Plotly.Layout> = baseLayout(opts.title, {
    height: 430, showlegend: false, margin: { l: 60, r: 20, t: opts.title ? 90 : 55, b: 55 },
  });
  paths.forEach((path, i) => {
    const axes = axesFor(i);
    const ranges = descentRanges(curve, path, yRange);
    const part = descentTraces(curve, path, name, axes, true, false, ranges);
    data.push(...part.traces);
    annotations.push(...part.annotations);
    const x0 = i * (width + gap);
    const key = i === 0 ? "" : String(i + 1);
    (layout as Record<string, unknown>)[`xaxis${key}`] = { domain: [x0, x0 + width], title: { text: name }, range: ranges.x, anchor: axes.y, zeroline: false };
    (layout as Record<string, unknown>)[`xaxis${key}`] = { ...(layout as Record<string, object>)[`xaxis${key}`], automargin: true };
    (layout as Record<string, unknown>)[`yaxis${key}`] = { range: ranges.y, anchor: axes.x, title: i === 0 ? { text: `손실 ${lossSymbol(path.form).symbol}` } : undefined, automargin: true };
    annotations.push({
      text: opts.titles?.[i] ?? `학습률 α = ${path.learningRate}`, x: x0 + width / 2, y: 1.02, xref: "paper", yref: "paper",
      xanchor: "center", yanchor: "bottom", showarrow: false, font: { size: 15 },
    });
  });
  layout.annotations = annotations;
  return { data, layout };
}

// ---------------------------------------------------------------------------------------------
// Loss over iterations

/** The most points one loss history keeps in a figure; longer runs are thinned to this (see thinHistory). */
export const MAX_HISTORY_POINTS = 2000;

/**
 * Iteration numbers (1-based) and losses of a long history, thinned to about `max` points: each of
 * max/2 equal stretches keeps its lowest and its highest point, in order, so spikes and the
 * envelope survive; the first and last iterations are always kept.
 */
export function thinHistory(loss: readonly number[], max = MAX_HISTORY_POINTS): { x: number[]; y: number[] } {
  const n = loss.length;
  if (n <= max) return { x: loss.map((_, i) => i + 1), y: loss.slice() };
  const keep = new Set<number>([0, n - 1]);
  const buckets = Math.max(1, Math.floor(max / 2) - 1);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets), to = Math.floor(((b + 1) * n) / buckets);
    let lo = from, hi = from;
    for (let i = from; i < to; i++) {
      if (loss[i] < loss[lo]) lo = i;
      if (loss[i] > loss[hi]) hi = i;
    }
    keep.add(lo).add(hi);
  }
  const idx = [...keep].sort((a, b) => a - b);
  return { x: idx.map((i) => i + 1), y: idx.map((i) => loss[i]) };
}

/** Loss against iteration (1, 2, …) for one or more runs; `log: true` uses a log-scale y axis. */
export function lossHistoryFigure(series: { name: string; loss: ArrayLike<number> }[], opts: { log?: boolean; title?: string } = {}): Figure {
  if (!Array.isArray(series) || series.length === 0) {
    throw new InputError("lossHistoryFigure: { name, loss } 목록이 필요합니다 / expected a list of { name, loss } series");
  }
  const data: Trace[] = series.map((s, k) => {
    const loss = toArray(s?.loss, `lossHistoryFigure: series ${k} ("${s?.name}") loss`);
    if (loss.length === 0) throw new InputError(`lossHistoryFigure: "${s.name}"의 손실 기록이 비어 있습니다 / series "${s.name}" has no values`);
    if (opts.log) {
      const bad = loss.findIndex((v) => !(v > 0));
      if (bad >= 0) {
        throw new InputError(`lossHistoryFigure: 로그 눈금에는 0보다 큰 손실만 그릴 수 있는데 "${s.name}"의 ${bad + 1}번째 반복이 ${loss[bad]}입니다 (log: false로 그려 보세요) / ` +
          `a log scale needs positive losses, but "${s.name}" has ${loss[bad]} at iteration ${bad + 1}`);
      }
    }
    const { x, y } = thinHistory(loss);
    return { type: "scatter", mode: "lines", name: s.name, x, y, line: { width: 2.5 } } as Trace;
  });
  return {
    data,
    layout: baseLayout(opts.title ?? `반복에 따른 손실${opts.log ? " (로그 눈금)" : ""}`, {
      xaxis: { title: { text: "반복 횟수" } },
      yaxis: { title: { text: "손실 L = Σ(y − o)²" }, type: opts.log ? "log" : "linear", exponentformat: "power" },
      legend: { x: 0.98, xanchor: "right", y: 0.98, bgcolor: "rgba(255,255,255,0.7)" },
      showlegend: series.length > 1,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The loss surface over two weights

/** A gradient-descent path over two weights (e.g. TrainResult.path for two tracked weights). */
export interface SurfacePath {
  name: string;
  p: ArrayLike<number>;
  q: ArrayLike<number>;
  /** The loss at each point, if known; otherwise it is read off the surface (for the 3D view). */
  loss?: ArrayLike<number>;
}

function checkSurface(s: Surface, who: string): void {
  if (!s || !Array.isArray(s.p) || !Array.isArray(s.q) || !Array.isArray(s.loss)) {
    throw new InputError(`${who}: surface는 lossSurface가 돌려준 { p, q, loss }여야 합니다 / surface must be { p, q, loss } (see lossSurface)`);
  }
  if (s.p.length < 2 || s.q.length < 2) {
    throw new InputError(`${who}: 두 가중치 모두 값이 2개 이상 있어야 곡면을 그릴 수 있습니다 / the surface needs at least 2 values of each weight`);
  }
  if (s.loss.length !== s.q.length) {
    throw new InputError(`${who}: surface.loss에는 q 값마다 한 행씩 ${s.q.length}행이 있어야 하는데 ${s.loss.length}행입니다 / ` +
      `surface.loss has ${s.loss.length} rows, expected one per q value (${s.q.length})`);
  }
  s.loss.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== s.p.length) {
      throw new InputError(`${who}: surface.loss[${j}]에는 p 값마다 하나씩 ${s.p.length}개가 있어야 하는데 ${Array.isArray(row) ? row.length : 0}개입니다 / ` +
        `surface.loss[${j}] has ${Array.isArray(row) ? row.length : "no"} values, expected ${s.p.length}`);
    }
  });
}

function checkSurfacePath(path: SurfacePath, who: string): { p: number[]; q: number[]; loss?: number[] } {
  const p = toArray(path?.p, `${who}: path "${path?.name}" p`), q = toArray(path?.q, `${who}: path "${path?.name}" q`);
  if (p.length !== q.length) throw new InputError(`${who}: 경로 "${path.name}"의 p 값은 ${p.length}개인데 q 값은 ${q.length}개입니다 (같아야 합니다) / path "${path.name}" has ${p.length} p values but ${q.length} q values`);
  if (p.length === 0) throw new InputError(`${who}: 경로 "${path.name}"에 점이 하나도 없습니다 / path "${path.name}" is empty`);
  const loss = path.loss === undefined ? undefined : toArray(path.loss, `${who}: path "${path.name}" loss`);
  if (loss && loss.length !== p.length) throw new InputError(`${who}: 경로 "${path.name}"의 점은 ${p.length}개인데 손실은 ${loss.length}개입니다 / path "${path.name}" has ${loss.length} losses for ${p.length} points`);
  return { p, q, loss };
}

function locate(grid: number[], v: number): { i: number; t: number } {
  const n = grid.length;
  const asc = grid[n - 1] > grid[0];
  const g = asc ? grid : grid.slice().reverse();
  let i = 0;
  while (i < n - 2 && v > g[i + 1]) i++;
  const t = Math.max(0, Math.min(1, (v - g[i]) / (g[i + 1] - g[i])));
  return asc ? { i, t } : { i: n - 2 - i, t: 1 - t };
}

/** The surface's loss at (p, q), interpolated bilinearly between grid points (clamped at the edges). */
export function surfaceValueAt(s: Surface, p: number, q: number): number {
  const a = locate(s.p, p), b = locate(s.q, q);
  const z00 = s.loss[b.i][a.i], z01 = s.loss[b.i][a.i + 1], z10 = s.loss[b.i + 1][a.i], z11 = s.loss[b.i + 1][a.i + 1];
  return (1 - b.t) * ((1 - a.t) * z00 + a.t * z01) + b.t * ((1 - a.t) * z10 + a.t * z11);
}

const PATH_COLORS = ["#d62728", "#ff7f0e", "#9467bd", "#17becf", "#e377c2"];

function surfaceTrace(s: Surface, kind: "contour" | "surface", pName: string, qName: string): Trace {
  if (kind === "surface") {
    return {
      type: "surface", x: s.p, y: s.q, z: s.loss, colorscale: "Viridis", opacity: 0.9, name: "손실",
      colorbar: { title: { text: "L" }, len: 0.7, x: 0.92 },
      hovertemplate: `${pName} = %{x:.3f}<br>${qName} = %{y:.3f}<br>L = %{z:.4f}<extra></extra>`,
    } as Trace;
  }
  return {
    type: "contour", x: s.p, y: s.q, z: s.loss, colorscale: "Viridis", ncontours: 25, name: "손실",
    contours: { coloring: "heatmap", showlines: true }, line: { width: 0.5, color: "rgba(255,255,255,0.5)" },
    colorbar: { title: { text: "L" } },
    hovertemplate: `${pName} = %{x:.3f}<br>${qName} = %{y:.3f}<br>L = %{z:.4f}<extra></extra>`,
  } as Trace;
}

function pathTraces(s: Surface, path: { p: number[]; q: number[]; loss?: number[] }, name: string, color: string, kind: "contour" | "surface"): Trace[] {
  const last = path.p.length - 1;
  if (kind === "surface") {
    const zRange = finiteRange(s.loss.flat());
    const lift = (zRange[1] - zRange[0]) * 0.02;
    const z = path.p.map((p, i) => (path.loss ? path.loss[i] : surfaceValueAt(s, p, path.q[i])) + lift);
    return [
      { type: "scatter3d", mode: "lines", name, x: path.p, y: path.q, z, line: { color, width: 6 } } as Trace,
      { type: "scatter3d", mode: "text+markers", x: [path.p[0], path.p[last]], y: [path.q[0], path.q[last]], z: [z[0], z[last]], text: ["시작", "끝"], showlegend: false, marker: { size: 5, color: ["white", color], line: { color, width: 2 } }, textfont: { color: "black" }, name } as Trace,
    ];
  }
  return [
    { type: "scatter", mode: "lines", name, x: path.p, y: path.q, line: { color, width: 3 } },
    { type: "scatter", mode: "text+markers", x: [path.p[0], path.p[last]], y: [path.q[0], path.q[last]], text: ["시작", "끝"], textposition: "top right", showlegend: false, name, marker: { size: [11, 13], color: ["white", color], symbol: ["circle", "star"], line: { color, width: 2 } }, textfont: { color: "white", size: 13 } } as Trace,
  ];
}

/**
 * The loss over two weights (others fixed) as a contour map (default) or a 3D surface, with
 * gradient-descent paths drawn on it.
 */
export function surfaceFigure(surface: Surface, opts: { kind?: "contour" | "surface"; paths?: SurfacePath[]; title?: string; pName?: string; qName?: string } = {}): Figure {
  checkSurface(surface, "surfaceFigure");
  const kind = opts.kind ?? "contour";
  if (kind !== "contour" && kind !== "surface") throw new InputError(`surfaceFigure: kind는 "contour" 또는 "surface"여야 합니다. 받은 값: "${kind}" / kind must be "contour" or "surface", got "${kind}"`);
  const pName = opts.pName ?? "p", qName = opts.qName ?? "q";
  const data: Trace[] = [surfaceTrace(surface, kind, pName, qName)];
  (opts.paths ?? []).forEach((path, k) => {
    data.push(...pathTraces(surface, checkSurfacePath(path, "surfaceFigure"), path.name, PATH_COLORS[k % PATH_COLORS.length], kind));
  });
  const title = opts.title ?? `두 가중치 ${pName}, ${qName}에 대한 손실 (나머지 가중치는 고정)`;
  if (kind === "surface") {
    return {
      data,
      layout: baseLayout(title, {
        height: 600, margin: { l: 0, r: 0, t: 60, b: 0 },
        scene: {
          xaxis: { title: { text: pName } }, yaxis: { title: { text: qName } }, zaxis: { title: { text: "L" } },
          camera: { eye: { x: 1.35, y: 1.35, z: 1.1 } },
        },
        legend: { orientation: "h", x: 0.02, y: 0.02 },
      }),
    };
  }
  return {
    data,
    layout: baseLayout(title, {
      height: 520,
      xaxis: { title: { text: pName }, range: [surface.p[0], surface.p[surface.p.length - 1]] },
      yaxis: { title: { text: qName }, range: [surface.q[0], surface.q[surface.q.length - 1]] },
      legend: { orientation: "h", x: 0, y: -0.15, yanchor: "top" },
      margin: { l: 65, r: 20, t: 60, b: 90 },
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Animations (plotly frames + play button + slider)

/**
 * Gradient descent on one weight, step by step: press play or drag the slider. Each frame shows
 * the steps so far, the current point and its tangent.
 */
export function descentAnimationFigure(curve: Curve, path: DescentPath, opts: { title?: string; weightName?: string } = {}): Figure {
  checkCurve(curve, "descentAnimationFigure");
  checkPath(path, "descentAnimationFigure");
  checkSameLoss(curve, path, "descentAnimationFigure");
  const name = opts.weightName ?? "w";
  const ranges = descentRanges(curve, path);
  const E = lossSymbol(path.form).symbol;
  const idx = frameIndices(path.w.length, 60);
  const stepTraces = (i: number): Trace[] => {
    const seg = tangentSegment(path.w[i], path.loss[i], path.slope[i], ranges);
    return [
      { type: "scatter", mode: "lines+markers", x: path.w.slice(0, i + 1), y: path.loss.slice(0, i + 1), name: "지나온 단계", line: { color: COLORS.path, width: 1.5, dash: "dot" }, marker: { color: COLORS.path, size: 7 } },
      { type: "scatter", mode: "lines", x: seg.x, y: seg.y, name: "접선", line: { color: COLORS.tangent, width: 3 } },
      {
        type: "scatter", mode: "text+markers", x: [path.w[i]], y: [path.loss[i]], name: "현재 위치",
        text: [`w${subscript(i)} = ${path.w[i].toFixed(3)}, 기울기 ${path.slope[i].toFixed(3)}`], textposition: "top center",
        marker: { color: COLORS.path, size: 15, line: { color: "white", width: 2 } }, textfont: { color: COLORS.path, size: 14 },
      },
    ];
  };
  const names = idx.map((i) => `step-${i}`);
  return {
    data: [
      { type: "scatter", mode: "lines", name: `손실 ${E}(${name})`, x: curve.w, y: curve.loss, line: { color: COLORS.curve, width: 3 } },
      ...stepTraces(0),
    ],
    frames: idx.map((i, k) => ({ name: names[k], data: stepTraces(i) as Plotly.Data[], traces: [1, 2, 3] })),
    layout: baseLayout(opts.title ?? `경사하강법 한 단계씩 (α = ${path.learningRate}): ▶을 누르거나 슬라이더를 움직이세요`, {
      yaxis: { title: { text: `손실 ${E}` }, range: ranges.y },
      xaxis: { title: { text: name }, range: ranges.x, zeroline: false },
      height: 540,
      margin: { l: 65, r: 20, t: 60, b: 150 },
      legend: { x: 0.98, xanchor: "right", y: 0.98, bgcolor: "rgba(255,255,255,0.7)" },
      ...animationControls(names, sparseLabels(idx), "단계 ", 540 - 60 - 150),
    }),
  };
}

/** Gradient descent over two weights on the contour map, step by step (at most `frames` frames, default 60). */
export function surfaceAnimationFigure(surface: Surface, path: SurfacePath, opts: { title?: string; pName?: string; qName?: string; frames?: number } = {}): Figure {
  checkSurface(surface, "surfaceAnimationFigure");
  const pts = checkSurfacePath(path, "surfaceAnimationFigure");
  const maxFrames = opts.frames ?? 60;
  if (!(Number.isInteger(maxFrames) && maxFrames >= 2)) throw new InputError(`surfaceAnimationFigure: frames는 2 이상의 정수여야 합니다. 받은 값: ${opts.frames} / frames must be an integer ≥ 2, got ${opts.frames}`);
  const pName = opts.pName ?? "p", qName = opts.qName ?? "q";
  const idx = frameIndices(pts.p.length, maxFrames);
  const lossAt = (i: number) => (pts.loss ? pts.loss[i] : surfaceValueAt(surface, pts.p[i], pts.q[i]));
  const stepTraces = (i: number): Trace[] => [
    { type: "scatter", mode: "lines", x: pts.p.slice(0, i + 1), y: pts.q.slice(0, i + 1), name: path.name, line: { color: COLORS.path, width: 3 } },
    {
      type: "scatter", mode: "markers", x: [pts.p[i]], y: [pts.q[i]], name: "현재 위치",
      marker: { color: "white", size: 14, line: { color: COLORS.path, width: 3 } },
      hovertext: [`반복 ${i}: ${pName} = ${pts.p[i].toFixed(3)}, ${qName} = ${pts.q[i].toFixed(3)}, L = ${lossAt(i).toFixed(4)}`], hoverinfo: "text",
    },
  ];
  const names = idx.map((i) => `iter-${i}`);
  return {
    data: [surfaceTrace(surface, "contour", pName, qName), ...stepTraces(0)],
    frames: idx.map((i, k) => ({ name: names[k], data: stepTraces(i) as Plotly.Data[], traces: [1, 2] })),
    layout: baseLayout(opts.title ?? `손실 곡면 위의 경사하강법 (${pName}, ${qName}): ▶을 누르거나 슬라이더를 움직이세요`, {
      xaxis: { title: { text: pName }, range: [surface.p[0], surface.p[surface.p.length - 1]] },
      yaxis: { title: { text: qName }, range: [surface.q[0], surface.q[surface.q.length - 1]] },
      height: 600,
      margin: { l: 65, r: 20, t: 60, b: 150 },
      showlegend: false,
      ...animationControls(names, sparseLabels(idx), "반복 ", 600 - 60 - 150),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The three loss forms side by side (notebook 03)

/**
 * Three lines over one weight: same minimum, different heights and slopes. Display with showFigure.
 * `yRange` fixes the y axis, so that curves of different weights can be compared by eye.
 */
export function lossFormsFigure(forms: LossFormsCurve, opts: { weightName?: string; title?: string; yRange?: [number, number] } = {}): Figure {
  const yRange = checkYRange(opts.yRange, "lossFormsFigure");
  const line = (name: string, y: number[], dash: string): Trace => ({ type: "scatter", mode: "lines", name, x: forms.w, y, line: { width: 2.5, dash } } as Trace);
  return {
    data: [
      line("Σ(y−o)²  (수업 코드가 출력하는 손실)", forms.sum, "solid"),
      line("½Σ(y−o)²  (델타 식이 미분하는 손실)", forms.half, "dash"),
      line("(1/n)Σ(y−o)²  (평균: PyTorch·Keras의 MSE)", forms.mean, "dot"),
    ],
    layout: {
      title: { text: opts.title ?? "같은 오차, 세 가지 비용 함수" },
      font: { family: PLOT_FONT, size: 14 },
      xaxis: { title: { text: opts.weightName ?? "w" } },
      yaxis: { title: { text: "손실" }, ...(yRange ? { range: yRange } : {}) },
      legend: { orientation: "h", x: 0, y: -0.3, yanchor: "top" },
      margin: { l: 65, r: 20, t: 60, b: 110 },
      height: 460,
    },
  };
}
