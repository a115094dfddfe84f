/**
 * Notebooks 03–05, 07–08: gradient descent on one weight (the loss curve, the steps, the learning rates,
 * the animation), the three loss forms, and the loss over iterations. Pure: data in, a Figure out.
 */
import type * as Plotly from "plotly.js";
import { InputError } from "../../lesson/errors";
import { LossFormsCurve } from "../../lesson/loss";
import { Curve, DescentPath, LossForm } from "../../lesson/descent";
import {
  Annotation, COLORS, Figure, PLOT_FONT, Trace, animationControls, baseLayout, finiteRange, frameIndices, padRange, sparseLabels, subscript, toArray,
} from "./layout";

function checkCurve(curve: Curve, who: string): void {
  if (!curve || !Array.isArray(curve.w) || !Array.isArray(curve.loss)) throw new InputError("figure-curve", {
    who,
  });
  if (curve.w.length !== curve.loss.length) throw new InputError("figure-curve-lengths", {
    who, curveWLength: curve.w.length, curveLossLength: curve.loss.length,
  });
  if (curve.w.length < 2) throw new InputError("figure-curve-short", { who });
}

/** What the y axis shows: L = Σ(y − o)² (printed) or E = ½Σ(y − o)² (what the code differentiates). */
function lossSymbol(form: LossForm | undefined): { symbol: string; formula: string } {
  return form === "half" ? { symbol: "E", formula: "½Σ(y − o)²" } : { symbol: "L", formula: "Σ(y − o)²" };
}

/** A path drawn on a curve must measure the same loss, or its points float off the curve. */
function checkSameLoss(curve: Curve, path: DescentPath, who: string): void {
  const c = curve.form ?? "sum", p = path.form ?? "sum";
  if (c !== p) {
    throw new InputError("figure-curve-path-loss", {
      who, curveFormula: lossSymbol(c).formula, pathFormula: lossSymbol(p).formula, p, c,
    });
  }
}

/** A fixed y range [bottom, top] given by a learner: two finite numbers, bottom < top. */
function checkYRange(range: unknown, who: string): [number, number] | undefined {
  if (range === undefined) return undefined;
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new InputError("figure-y-range", { who, range: JSON.stringify(range) });
  }
  return [range[0], range[1]];
}

function checkPath(path: DescentPath, who: string): void {
  if (!path || !Array.isArray(path.w) || !Array.isArray(path.loss) || !Array.isArray(path.slope)) {
    throw new InputError("figure-path", { who });
  }
  if (path.w.length === 0) throw new InputError("figure-path-empty", { who });
  if (path.loss.length !== path.w.length || path.slope.length !== path.w.length) {
    throw new InputError("figure-path-lengths", {
      who, pathWLength: path.w.length, pathLossLength: path.loss.length, pathSlopeLength: path.slope.length,
    });
  }
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
  if (!Array.isArray(paths) || paths.length === 0) throw new InputError("learning-rate-figure-no-paths");
  paths.forEach((p, i) => checkPath(p, `learningRateFigure: paths[${i}]`));
  paths.forEach((p, i) => checkSameLoss(curve, p, `learningRateFigure: paths[${i}]`));
  const yRange = checkYRange(opts.yRange, "learningRateFigure");
  if (opts.titles && opts.titles.length !== paths.length) throw new InputError("learning-rate-figure-titles", {
    pathsLength: paths.length, optsTitlesLength: opts.titles.length,
  });
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
    throw new InputError("loss-history-no-series");
  }
  const data: Trace[] = series.map((s, k) => {
    const loss = toArray(s?.loss, `lossHistoryFigure: series ${k} ("${s?.name}") loss`);
    if (loss.length === 0) throw new InputError("loss-history-empty", { sName: s.name });
    if (opts.log) {
      const bad = loss.findIndex((v) => !(v > 0));
      if (bad >= 0) {
        throw new InputError("loss-history-log", { sName: s.name, iteration: bad + 1, lossBad: loss[bad] });
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
