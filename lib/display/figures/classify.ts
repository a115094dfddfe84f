/**
 * Notebooks 08–11: figures for the notebooks beyond the lesson (optimisers, classification, the autodiff cross-check).
 * Pure like figures/descent.ts: data in, a Figure out. Loss curves come from figures/descent.ts, surfaces from figures/surface.ts;
 * what is new here is the input plane of a classifier (decision regions + data points, also as an
 * animation over training) and the scatter of two sets of gradients.
 */
import type * as Plotly from "plotly.js";
import { FLOAT32_EPSILON } from "../../lesson/matrix";
import { InputError } from "../../lesson/errors";
import { LabelledData } from "../../beyond/classify";
import { DecisionGrid } from "../../beyond/decision-grid";
import { COLORS, Figure, PLOT_FONT, Trace, animationControls } from "./layout";
import { lossHistoryFigure } from "./descent";

/** Marker colours of the classes, and the light colours of their regions. */
export const CLASS_COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];
const REGION_COLORS = ["#c6dbef", "#fcbba1", "#c7e9c0", "#dadaeb", "#fdd0a2"];

export interface PlaneOptions {
  title?: string;
  /** Axis names, e.g. the feature names. */
  xName?: string;
  yName?: string;
  /** Class names for the legend (default "0", "1", …). */
  classes?: string[];
}

function checkGrid(g: DecisionGrid, who: string): void {
  if (!g || !Array.isArray(g.x) || !Array.isArray(g.y) || !Array.isArray(g.cls) || !Array.isArray(g.prob)) {
    throw new InputError("figure-grid", { who });
  }
  if (g.cls.length !== g.y.length || g.cls.some((row) => row.length !== g.x.length)) {
    throw new InputError("figure-grid-shape", { who, gXLength: g.x.length, gYLength: g.y.length });
  }
}

function checkData(d: LabelledData, who: string): void {
  if (!d || !Array.isArray(d.X) || !Array.isArray(d.labels) || d.X.length !== d.labels.length) {
    throw new InputError("figure-data", { who });
  }
  if (d.X.some((x) => x.length < 2)) throw new InputError("figure-data-2d", { who });
}

/** Probabilities rounded to 3 decimals: plenty for colours, and an animation's JSON stays small. */
function round3(z: number[][]): number[][] {
  return z.map((row) => row.map((v) => Math.round(v * 1000) / 1000));
}

/** Binary: P(class 1) from 0 to 1 in the two region colours. K classes: the predicted class. */
function regionTraces(grid: DecisionGrid, classCount: number, classes: string[]): Trace[] {
  const g = { ...grid, prob: round3(grid.prob) };
  if (classCount === 2) {
    return [
      {
        type: "heatmap", x: g.x, y: g.y, z: g.prob, zmin: 0, zmax: 1, zsmooth: "best", showscale: true,
        colorscale: [[0, REGION_COLORS[0]], [0.5, "#ffffff"], [1, REGION_COLORS[1]]],
        colorbar: { title: { text: `P(${classes[1]})` }, len: 0.7 },
        hovertemplate: `%{x:.2f}, %{y:.2f}<br>P(${classes[1]}) = %{z:.3f}<extra></extra>`, name: "확률",
      } as Trace,
      {
        type: "contour", x: g.x, y: g.y, z: g.prob, showscale: false, hoverinfo: "skip", name: "결정 경계 (P = 0.5)",
        contours: { start: 0.5, end: 0.5, size: 1, coloring: "none" }, line: { color: "black", width: 2.5 },
      } as Trace,
    ];
  }
  const scale: [number, string][] = [];
  for (let k = 0; k < classCount; k++) {
    scale.push([k / classCount, REGION_COLORS[k % REGION_COLORS.length]], [(k + 1) / classCount, REGION_COLORS[k % REGION_COLORS.length]]);
  }
  return [{
    type: "heatmap", x: g.x, y: g.y, z: g.cls, zmin: -0.5, zmax: classCount - 0.5, showscale: false, colorscale: scale,
    customdata: g.prob as unknown as Plotly.Datum[], name: "예측한 클래스",
    hovertemplate: "%{x:.2f}, %{y:.2f}<br>클래스 %{z} (확률 %{customdata:.3f})<extra></extra>",
  } as Trace];
}

function pointTraces(d: LabelledData, classes: string[]): Trace[] {
  return classes.map((name, k) => {
    const rows = d.X.filter((_, n) => d.labels[n] === k);
    return {
      type: "scatter", mode: "markers", name, x: rows.map((x) => x[0]), y: rows.map((x) => x[1]),
      marker: { color: CLASS_COLORS[k % CLASS_COLORS.length], size: 7, line: { color: "white", width: 1 } },
    } as Trace;
  });
}

function planeLayout(g: DecisionGrid, title: string, opts: PlaneOptions, extra: Partial<Plotly.Layout> = {}): Partial<Plotly.Layout> {
  return {
    title: { text: title, x: 0.02, xanchor: "left" },
    font: { family: PLOT_FONT, size: 14 },
    height: 520,
    margin: { l: 65, r: 20, t: 60, b: 60 },
    xaxis: { title: { text: opts.xName ?? "x₁" }, range: [g.x[0], g.x[g.x.length - 1]], automargin: true },
    yaxis: { title: { text: opts.yName ?? "x₂" }, range: [g.y[0], g.y[g.y.length - 1]], automargin: true },
    legend: { x: 1.02, xanchor: "left", y: 1 },
    ...extra,
  };
}

function classNames(opts: PlaneOptions, d: LabelledData, g: DecisionGrid, binary: boolean): string[] {
  let count = Math.max(0, ...d.labels) + 1;
  for (const row of g.cls) for (const c of row) count = Math.max(count, c + 1);
  if (binary) count = 2;
  return opts.classes ?? Array.from({ length: count }, (_, k) => String(k));
}

/** The decision regions of a trained classifier over the input plane, with the data points on top. */
export function decisionBoundaryFigure(grid: DecisionGrid, data: LabelledData, opts: PlaneOptions & { binary?: boolean } = {}): Figure {
  checkGrid(grid, "decisionBoundaryFigure");
  checkData(data, "decisionBoundaryFigure");
  const classes = classNames(opts, data, grid, opts.binary ?? false);
  return {
    data: [...regionTraces(grid, classes.length, classes), ...pointTraces(data, classes)],
    layout: planeLayout(grid, opts.title ?? "결정 경계와 데이터", opts),
  };
}

export interface BoundaryFrame {
  /** Slider label, e.g. the epoch. */
  label: string;
  grid: DecisionGrid;
  /** Shown in the title while this frame is displayed, e.g. "손실 0.21, 정확도 93%". */
  note?: string;
}

/** The decision regions changing during training: ▶ plays the frames, the slider picks one. */
export function decisionBoundaryAnimationFigure(frames: BoundaryFrame[], data: LabelledData, opts: PlaneOptions & { binary?: boolean; prefix?: string } = {}): Figure {
  if (!Array.isArray(frames) || frames.length === 0) throw new InputError("boundary-animation-no-frames");
  frames.forEach((f, i) => checkGrid(f?.grid, `decisionBoundaryAnimationFigure: frame ${i}`));
  checkData(data, "decisionBoundaryAnimationFigure");
  const first = frames[0].grid;
  const classes = classNames(opts, data, frames[frames.length - 1].grid, opts.binary ?? false);
  const base = opts.title ?? "학습하는 동안 바뀌는 결정 경계";
  const titleOf = (f: BoundaryFrame) => `${base}: ${opts.prefix ?? "에포크 "}${f.label}${f.note ? `, ${f.note}` : ""}`;
  const regions = (g: DecisionGrid) => regionTraces(g, classes.length, classes);
  const nRegion = regions(first).length;
  const names = frames.map((_, i) => `frame-${i}`);
  return {
    data: [...regions(first), ...pointTraces(data, classes)],
    frames: frames.map((f, i) => ({
      name: names[i],
      data: regions(f.grid) as Plotly.Data[],
      traces: Array.from({ length: nRegion }, (_, t) => t),
      layout: { title: { text: titleOf(f), x: 0.02, xanchor: "left" } } as Partial<Plotly.Layout>,
    })),
    layout: planeLayout(first, titleOf(frames[0]), opts, {
      height: 640,
      margin: { l: 65, r: 20, t: 60, b: 170 },
      ...animationControls(names, frames.map((f) => f.label), opts.prefix ?? "에포크 ", 640 - 60 - 170, { redraw: true, frameMs: 500 }),
    }),
  };
}

/** Cross-entropy (or any loss) per epoch for one or more runs: figures/descent.ts's loss history with the right axis names. */
export function classifierLossFigure(series: { name: string; loss: ArrayLike<number> }[], opts: { title?: string; log?: boolean; yName?: string } = {}): Figure {
  const fig = lossHistoryFigure(series.map((s) => ({ name: s.name, loss: Array.from(s.loss).slice(1) })), { log: opts.log, title: opts.title ?? "에포크에 따른 손실 (교차 엔트로피)" });
  const layout = fig.layout ?? {};
  const epochs = Math.max(...series.map((s) => s.loss.length - 1));
  return {
    ...fig,
    layout: {
      ...layout,
      // epochs are whole numbers: with few of them, a tick at each (not 1, 1.2, 1.4, …)
      xaxis: { ...(layout.xaxis ?? {}), title: { text: "에포크" }, ...(epochs <= 10 ? { dtick: 1 } : {}) },
      yaxis: { ...(layout.yaxis ?? {}), title: { text: opts.yName ?? "평균 교차 엔트로피" } },
    },
  };
}

/**
 * Training loss and held-out loss of one run, side by side on one axis (a trainClassifier result with
 * heldOut fits). `mark` draws a dashed vertical line at one epoch, e.g. the lowest held-out loss.
 */
export function trainTestLossFigure(
  run: { loss: ArrayLike<number>; heldOutLoss: ArrayLike<number> },
  opts: { title?: string; log?: boolean; trainName?: string; heldOutName?: string; mark?: { epoch: number; label: string } } = {},
): Figure {
  if (!run || !run.loss || !run.heldOutLoss || run.heldOutLoss.length === 0) {
    throw new InputError("train-test-figure-no-held-out");
  }
  const fig = classifierLossFigure([
    { name: opts.trainName ?? "학습 데이터", loss: run.loss },
    { name: opts.heldOutName ?? "테스트 데이터", loss: run.heldOutLoss },
  ], { log: opts.log, title: opts.title ?? "학습 데이터와 테스트 데이터의 손실" });
  const colors = [CLASS_COLORS[0], CLASS_COLORS[1]];
  fig.data.forEach((t, k) => { (t as Plotly.PlotData).line = { width: 2.5, color: colors[k], dash: k === 1 ? "dash" : "solid" }; });
  const mark = opts.mark;
  if (!mark) return fig;
  if (!Number.isInteger(mark.epoch) || mark.epoch < 0 || mark.epoch >= run.loss.length) {
    throw new InputError("train-test-figure-epoch", {
      lastEpoch: run.loss.length - 1, markEpoch: mark.epoch,
    });
  }
  return {
    ...fig,
    layout: {
      ...fig.layout,
      shapes: [{ type: "line", xref: "x", yref: "paper", x0: mark.epoch, x1: mark.epoch, y0: 0, y1: 1, line: { color: COLORS.node, dash: "dot", width: 2 } }],
      annotations: [{ xref: "x", yref: "paper", x: mark.epoch, y: 1, yanchor: "bottom", text: mark.label, showarrow: false, font: { size: 12, color: COLORS.node } }],
    },
  };
}

/** Accuracy per epoch (index 0 = before training) for one or more runs, in percent. */
export function accuracyFigure(series: { name: string; accuracy: ArrayLike<number> }[], opts: { title?: string } = {}): Figure {
  if (!Array.isArray(series) || series.length === 0) throw new InputError("accuracy-figure-no-series");
  return {
    data: series.map((s, k) => ({
      type: "scatter", mode: "lines", name: s.name, x: Array.from(s.accuracy, (_, e) => e), y: Array.from(s.accuracy, (a) => 100 * a),
      line: { width: 2.5, color: CLASS_COLORS[k % CLASS_COLORS.length] },
    }) as Trace),
    layout: {
      title: { text: opts.title ?? "에포크에 따른 정확도", x: 0.02, xanchor: "left" },
      font: { family: PLOT_FONT, size: 14 },
      xaxis: { title: { text: "에포크" }, automargin: true },
      yaxis: { title: { text: "정확도 (%)" }, range: [0, 101], automargin: true },
      legend: { x: 0.98, xanchor: "right", y: 0.05, yanchor: "bottom", bgcolor: "rgba(255,255,255,0.7)" },
      showlegend: series.length > 1,
    },
  };
}

/**
 * Two sets of gradients of the same parameters. Left: one point per parameter, our hand-derived value
 * on x, the autodiff engine's on y (agreement puts every point on the diagonal). Right: |difference| per
 * parameter on a log scale, with the float32 rounding level ε₃₂·max|g| drawn as a line.
 */
export function gradientAgreementFigure(
  groups: { name: string; ours: ArrayLike<number>; theirs: ArrayLike<number> }[],
  opts: { title?: string; oursName?: string; theirsName?: string } = {},
): Figure {
  if (!Array.isArray(groups) || groups.length === 0) throw new InputError("gradient-figure-no-groups");
  let lo = Infinity, hi = -Infinity, maxAbs = 0, count = 0;
  const ours = opts.oursName ?? "직접 유도한 역전파", theirs = opts.theirsName ?? "TensorFlow.js 자동 미분";
  const scatter: Trace[] = [], diffs: Trace[] = [];
  groups.forEach((g, k) => {
    const x = Array.from(g.ours), y = Array.from(g.theirs);
    if (x.length !== y.length) throw new InputError("gradient-figure-lengths", {
      name: g.name, xLength: x.length, yLength: y.length,
    });
    for (const v of [...x, ...y]) { lo = Math.min(lo, v); hi = Math.max(hi, v); maxAbs = Math.max(maxAbs, Math.abs(v)); }
    const color = CLASS_COLORS[k % CLASS_COLORS.length];
    scatter.push({
      type: "scatter", mode: "markers", name: g.name, legendgroup: g.name, x, y,
      marker: { size: 9, color, opacity: 0.8 },
      hovertemplate: `${g.name}<br>${ours}: %{x:.6g}<br>${theirs}: %{y:.6g}<extra></extra>`,
    } as Trace);
    // a difference of exactly 0 cannot sit on a log axis: drawn at 1e-18
    diffs.push({
      type: "scatter", mode: "markers", name: g.name, legendgroup: g.name, showlegend: false, xaxis: "x2", yaxis: "y2",
      x: x.map((_, i) => count + i + 1), y: x.map((v, i) => Math.max(Math.abs(v - y[i]), 1e-18)),
      marker: { size: 7, color, symbol: "diamond" }, hovertemplate: `${g.name}[%{customdata}]<br>|차이| = %{y:.3g}<extra></extra>`,
      customdata: x.map((_, i) => i) as unknown as Plotly.Datum[],
    } as Trace);
    count += x.length;
  });
  if (lo === hi) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.05;
  const f32 = FLOAT32_EPSILON * maxAbs;
  return {
    data: [
      { type: "scatter", mode: "lines", name: "y = x", x: [lo - pad, hi + pad], y: [lo - pad, hi + pad], line: { color: COLORS.node, dash: "dot", width: 1.5 }, hoverinfo: "skip" },
      ...scatter,
      ...diffs,
      { type: "scatter", mode: "lines", name: "float32 반올림 수준", xaxis: "x2", yaxis: "y2", x: [0.5, count + 0.5], y: [f32, f32], line: { color: COLORS.path, dash: "dash", width: 1.5 }, hovertemplate: `ε₃₂ · max|g| = ${f32.toExponential(2)}<extra></extra>` } as Trace,
    ],
    layout: {
      title: { text: opts.title ?? "두 방법으로 구한 기울기", x: 0.02, xanchor: "left" },
      font: { family: PLOT_FONT, size: 14 },
      height: 480,
      margin: { l: 70, r: 20, t: 60, b: 60 },
      xaxis: { domain: [0, 0.45], title: { text: ours }, automargin: true, zeroline: true },
      yaxis: { title: { text: theirs }, automargin: true, zeroline: true },
      xaxis2: { domain: [0.58, 1], anchor: "y2", title: { text: "매개변수 번호" }, automargin: true },
      yaxis2: { anchor: "x2", type: "log", title: { text: "|차이|" }, exponentformat: "power", automargin: true },
      legend: { x: 0.01, y: 0.99, bgcolor: "rgba(255,255,255,0.7)" },
    },
  };
}
