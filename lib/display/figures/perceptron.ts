/**
 * Notebook 00c: the perceptron's pictures. Pure: numbers in, a Figure out; nothing here displays.
 *  - neuronFigure: one neuron, inputs → weighted sum Σ (+ bias) → activation → output (the lesson's
 *    missing 그림 1, the artificial neuron);
 *  - stepSigmoidFigure: the perceptron's step function next to the sigmoid;
 *  - perceptronFigure: two-input perceptrons in the plane: the four corners, the line w·x + b = 0 and
 *    the half-plane where the perceptron answers 1, one panel per perceptron.
 */
import type * as Plotly from "plotly.js";
import { sigmoid } from "../../lesson/activation";
import { linspace } from "../../lesson/matrix";
import { InputError } from "../../lesson/errors";
import { Annotation, COLORS, Figure, Trace, baseLayout, subscript } from "./layout";

/** The perceptron's activation: 1 when the weighted sum is above 0, else 0. */
export function stepFunction(a: number): number {
  return a > 0 ? 1 : 0;
}

function requireNumbers(v: unknown, what: string, who: string): number[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "number" && Number.isFinite(x))) {
    throw new InputError("perceptron-not-numbers", { who, what });
  }
  return v;
}

function requireNumber(v: unknown, what: string, who: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new InputError("perceptron-not-number", { who, what, v: String(v) });
  }
  return v;
}

const fixed = (v: number) => String(Number(v.toFixed(2)));

// ---------------------------------------------------------------------------------------------
// One neuron

export interface NeuronOptions {
  /** The weights; their count is the number of inputs (default: three symbolic weights w₁ w₂ w₃). */
  weights?: number[];
  /** The bias b (default: a symbolic b); null draws no bias. */
  bias?: number | null;
  /** "step" for the perceptron, "sigmoid" for the lesson's nodes (default). */
  activation?: "step" | "sigmoid";
  title?: string;
}

/**
 * One neuron: inputs x₁ … xₙ, one line per weight into the Σ node (the weighted sum a = Σ wᵢxᵢ + b),
 * then the activation f and the output o = f(a). With numbers, lines are labelled with their values,
 * width grows with |w| and colour gives the sign, as in networkFigure.
 */
export function neuronFigure(opts: NeuronOptions = {}): Figure {
  const who = "neuronFigure";
  const weights = opts.weights === undefined ? null : requireNumbers(opts.weights, "weights", who);
  if (weights && weights.length > 8) throw new InputError("perceptron-too-many-inputs", {
    who, weightsLength: weights.length,
  });
  const bias = opts.bias === undefined ? undefined : opts.bias === null ? null : requireNumber(opts.bias, "bias", who);
  const activation = opts.activation ?? "sigmoid";
  if (activation !== "step" && activation !== "sigmoid") {
    throw new InputError("perceptron-activation", { who, activation: String(activation) });
  }
  const n = weights ? weights.length : 3;
  const inputs = Array.from({ length: n }, (_, i) => ({ x: 0, y: (n - 1) / 2 - i }));
  const withBias = bias !== null;
  const sum = { x: 2.2, y: 0 }, act = { x: 3.4, y: 0 }, out = { x: 4.5, y: 0 };
  const biasNode = { x: 1.1, y: -(n - 1) / 2 - 0.9 };
  const maxAbs = weights ? Math.max(...weights.map(Math.abs), bias ? Math.abs(bias) : 0) || 1 : 1;

  const traces: Trace[] = [];
  const annotations: Annotation[] = [];
  const edge = (from: { x: number; y: number }, label: string, value: number | null, t: number) => {
    const width = value === null ? 2.5 : 0.8 + 6 * Math.min(1, Math.abs(value) / maxAbs);
    const color = value === null || value >= 0 ? COLORS.positive : COLORS.negative;
    traces.push({ type: "scatter", mode: "lines", x: [from.x, sum.x], y: [from.y, sum.y], line: { color, width }, hoverinfo: "skip", showlegend: false, opacity: 0.8 });
    annotations.push({
      x: from.x + (sum.x - from.x) * t, y: from.y + (sum.y - from.y) * t, text: label, showarrow: false,
      font: { size: 13, color: "#222" }, bgcolor: "rgba(255,255,255,0.9)", borderpad: 2,
    });
  };
  inputs.forEach((p, i) => {
    const name = `w${subscript(i + 1)}`;
    edge(p, weights ? `${name} = ${fixed(weights[i])}` : name, weights ? weights[i] : null, 0.45);
  });
  if (withBias) edge(biasNode, typeof bias === "number" ? `b = ${fixed(bias)}` : "b", typeof bias === "number" ? bias : null, 0.4);
  traces.push({ type: "scatter", mode: "lines", x: [sum.x, act.x, out.x], y: [0, 0, 0], line: { color: COLORS.node, width: 2.5 }, hoverinfo: "skip", showlegend: false });
  annotations.push(
    { x: (sum.x + act.x) / 2, y: 0.22, text: "a", showarrow: false, font: { size: 15 } },
    { x: out.x, y: 0, ax: act.x + 0.3, ay: 0, xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2, arrowsize: 1.4, arrowwidth: 2, arrowcolor: COLORS.node, standoff: 16, text: "" } as Annotation,
  );

  const node = (p: { x: number; y: number }, text: string, hover: string, color: string, size: number) =>
    traces.push({
      type: "scatter", mode: "text+markers", x: [p.x], y: [p.y], text: [text], hovertext: [hover], hoverinfo: "text", showlegend: false,
      textfont: { color: "white", size: 15 }, marker: { size, color, line: { color: "white", width: 2 } },
    });
  inputs.forEach((p, i) => node(p, `x${subscript(i + 1)}`, `입력 x${subscript(i + 1)}`, COLORS.node, 38));
  if (withBias) node(biasNode, "1", "편향의 입력은 언제나 1", "#888888", 30);
  const terms = Array.from({ length: n }, (_, i) => `w${subscript(i + 1)}x${subscript(i + 1)}`).join(" + ");
  node(sum, "Σ", `가중합 a = ${terms}${withBias ? " + b" : ""}`, COLORS.curve, 50);
  const actText = activation === "step" ? "계단" : "σ";
  const actHover = activation === "step" ? "계단 함수: a > 0 이면 1, 아니면 0" : "시그모이드 σ(a) = 1 / (1 + e⁻ᵃ)";
  node(act, actText, actHover, COLORS.derivative, 50);
  annotations.push({ x: out.x + 0.12, y: 0, text: "o", showarrow: false, xanchor: "left", font: { size: 18 } });

  const f = activation === "step" ? "계단(a)" : "σ(a)";
  annotations.push({
    x: sum.x, y: -(n - 1) / 2 - 0.9, text: `a = ${terms}${withBias ? " + b" : ""}<br>o = ${f}`, showarrow: false,
    xanchor: "left", font: { size: 13 }, align: "left",
  });
  const top = (n - 1) / 2 + 0.6, bottom = -(n - 1) / 2 - 1.4;
  annotations.push(
    { x: 0, y: top, text: "입력", showarrow: false, font: { size: 13 } },
    { x: sum.x, y: top, text: "가중합", showarrow: false, font: { size: 13 } },
    { x: act.x, y: top, text: "활성화 함수", showarrow: false, font: { size: 13 } },
    { x: out.x, y: top, text: "출력", showarrow: false, font: { size: 13 } },
  );
  return {
    data: traces,
    layout: baseLayout(opts.title ?? (activation === "step" ? "퍼셉트론: 가중합 Σ → 계단 함수" : "노드 하나: 가중합 Σ → 시그모이드 σ"), {
      xaxis: { visible: false, range: [-0.5, 5.2] },
      yaxis: { visible: false, range: [bottom, top + 0.3] },
      annotations,
      height: 300 + 30 * n,
      margin: { l: 20, r: 20, t: 60, b: 20 },
      hovermode: "closest",
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Step function and sigmoid

/** The step function (a jump at 0, slope 0 everywhere else) and the sigmoid on the same axes. */
export function stepSigmoidFigure(opts: { range?: [number, number]; title?: string } = {}): Figure {
  const [lo, hi] = opts.range ?? [-6, 6];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < 0 && hi > 0)) {
    throw new InputError("step-sigmoid-range", { lo, hi });
  }
  const a = linspace(lo, hi, 241);
  return {
    data: [
      { type: "scatter", mode: "lines", name: "계단 함수 (퍼셉트론)", x: [lo, 0, 0, hi], y: [0, 0, 1, 1], line: { color: COLORS.path, width: 3, shape: "linear" } },
      { type: "scatter", mode: "lines", name: "시그모이드 σ(a)", x: a, y: a.map(sigmoid), line: { color: COLORS.curve, width: 3 } },
    ],
    layout: baseLayout(opts.title ?? "계단 함수와 시그모이드", {
      xaxis: { title: { text: "가중합 a" }, zeroline: true },
      yaxis: { title: { text: "출력" }, range: [-0.08, 1.08] },
      legend: { x: 0.02, y: 0.95, bgcolor: "rgba(255,255,255,0.7)" },
      height: 340,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Perceptrons in the plane

export interface PerceptronPanel {
  title: string;
  /** Points (x₁, x₂). */
  X: number[][];
  /** The answer (0 or 1) for each point. */
  targets: number[];
  /** The two weights and the bias of the perceptron drawn in this panel. */
  w: number[];
  b: number;
}

const BOX: [number, number] = [-0.5, 1.5];

/** The part of the square BOX×BOX where w·x + b > 0 (a polygon, possibly empty). */
export function positiveRegion(w: number[], b: number): { x: number[]; y: number[] } {
  const [lo, hi] = BOX;
  const poly: [number, number][] = [[lo, lo], [hi, lo], [hi, hi], [lo, hi]];
  const f = ([x, y]: [number, number]) => w[0] * x + w[1] * y + b;
  const out: [number, number][] = [];
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % poly.length];
    const fp = f(p), fq = f(q);
    if (fp > 0) out.push(p);
    if ((fp > 0) !== (fq > 0)) {
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return { x: out.map((p) => p[0]), y: out.map((p) => p[1]) };
}

/** The line w₁x₁ + w₂x₂ + b = 0 inside the square, or null when both weights are 0. */
function boundary(w: number[], b: number): { x: number[]; y: number[] } | null {
  const [lo, hi] = BOX;
  if (w[1] !== 0) {
    const xs = [lo, hi];
    return { x: xs, y: xs.map((x) => -(w[0] * x + b) / w[1]) };
  }
  if (w[0] !== 0) return { x: [-b / w[0], -b / w[0]], y: [lo, hi] };
  return null;
}

/**
 * Two-input perceptrons side by side: the points coloured by their answer (○ 0, ● 1), the line
 * w₁x₁ + w₂x₂ + b = 0 and the shaded half-plane where the perceptron says 1. Each panel's title
 * gets "맞힘 k/n", the points whose answer the perceptron gets right; wrong points are marked ✕.
 */
export function perceptronFigure(panels: PerceptronPanel[], opts: { title?: string } = {}): Figure {
  const who = "perceptronFigure";
  if (!Array.isArray(panels) || panels.length === 0 || panels.length > 4) {
    throw new InputError("perceptron-panels", { who });
  }
  const traces: Trace[] = [];
  const annotations: Annotation[] = [];
  const layoutAxes: Record<string, unknown> = {};
  const gap = 0.06;
  panels.forEach((p, i) => {
    const X = p.X;
    if (!Array.isArray(X) || X.length === 0 || !X.every((x) => Array.isArray(x) && x.length === 2 && x.every(Number.isFinite))) {
      throw new InputError("perceptron-panel-points", { who, panel: i + 1 });
    }
    if (!Array.isArray(p.targets) || p.targets.length !== X.length || !p.targets.every((t) => t === 0 || t === 1)) {
      throw new InputError("perceptron-panel-targets", { who, panel: i + 1 });
    }
    const w = requireNumbers(p.w, "w", who);
    if (w.length !== 2) throw new InputError("perceptron-panel-weights", {
      who, panel: i + 1, wLength: w.length,
    });
    const b = requireNumber(p.b, "b", who);
    const n = i === 0 ? "" : String(i + 1);
    const xa = `x${n}`, ya = `y${n}`;
    const outputs = X.map((x) => stepFunction(w[0] * x[0] + w[1] * x[1] + b));
    const right = outputs.filter((o, k) => o === p.targets[k]).length;
    const region = positiveRegion(w, b);
    const first = i === 0;
    if (region.x.length > 0) {
      traces.push({
        type: "scatter", mode: "none", x: region.x, y: region.y, fill: "toself", fillcolor: "rgba(31,119,180,0.15)", xaxis: xa, yaxis: ya,
        name: "퍼셉트론의 출력이 1인 곳", showlegend: first, legendgroup: "region", hoverinfo: "skip",
      } as Trace);
    }
    const line = boundary(w, b);
    if (line) {
      traces.push({
        type: "scatter", mode: "lines", x: line.x, y: line.y, xaxis: xa, yaxis: ya, line: { color: COLORS.node, width: 2, dash: "dash" },
        name: "w₁x₁ + w₂x₂ + b = 0", showlegend: first, legendgroup: "line", hoverinfo: "skip",
      });
    }
    for (const t of [0, 1]) {
      const idx = X.map((_, k) => k).filter((k) => p.targets[k] === t);
      traces.push({
        type: "scatter", mode: "markers", x: idx.map((k) => X[k][0]), y: idx.map((k) => X[k][1]), xaxis: xa, yaxis: ya,
        hovertext: idx.map((k) => `(${X[k].join(", ")}): 정답 ${t}, 퍼셉트론 ${outputs[k]}`), hoverinfo: "text",
        marker: { size: 16, color: t === 1 ? COLORS.curve : "white", line: { color: COLORS.curve, width: 2.5 } },
        name: `정답 ${t}`, showlegend: first, legendgroup: `t${t}`,
      });
    }
    const wrong = X.map((_, k) => k).filter((k) => outputs[k] !== p.targets[k]);
    if (wrong.length > 0) {
      traces.push({
        type: "scatter", mode: "markers", x: wrong.map((k) => X[k][0]), y: wrong.map((k) => X[k][1]), xaxis: xa, yaxis: ya,
        marker: { size: 24, symbol: "x-thin-open", color: COLORS.path, line: { color: COLORS.path, width: 3 } },
        name: "틀린 점", showlegend: true, legendgroup: "wrong", hoverinfo: "skip",
      });
    }
    const lo = i / panels.length + (i === 0 ? 0 : gap / 2), hi = (i + 1) / panels.length - (i === panels.length - 1 ? 0 : gap / 2);
    layoutAxes[`xaxis${n}`] = { domain: [lo, hi], range: BOX, title: { text: "x₁" }, anchor: ya, zeroline: false, dtick: 1 };
    layoutAxes[`yaxis${n}`] = { range: BOX, title: { text: first ? "x₂" : "" }, anchor: xa, zeroline: false, dtick: 1 };
    annotations.push({
      x: (lo + hi) / 2, y: 1.02, xref: "paper", yref: "paper", xanchor: "center", yanchor: "bottom", showarrow: false,
      text: `${p.title} — 맞힘 ${right}/${X.length}`, font: { size: 14 },
    });
  });
  // A legend entry appears once however many panels have wrong points.
  let seenWrong = false;
  for (const t of traces) {
    const tr = t as { legendgroup?: string; showlegend?: boolean };
    if (tr.legendgroup === "wrong") { tr.showlegend = !seenWrong; seenWrong = true; }
  }
  return {
    data: traces,
    layout: baseLayout(opts.title, {
      ...layoutAxes,
      annotations,
      height: 400,
      legend: { orientation: "h", x: 0.5, xanchor: "center", y: -0.3, yanchor: "top" },
      margin: { l: 60, r: 20, t: opts.title ? 90 : 50, b: 100 },
    } as Partial<Plotly.Layout>),
  };
}
