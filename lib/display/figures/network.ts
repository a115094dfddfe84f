/**
 * Notebooks 00–02, 07: the sigmoid and the network diagram as plotly figures. Pure: data in, a Figure
 * out; show a figure with showFigure (display/plot.ts).
 */
import { sigmoid } from "../../lesson/activation";
import { Matrix, layerSizes, linspace } from "../../lesson/matrix";
import { InputError, describe } from "../../lesson/errors";
import { Annotation, COLORS, Figure, Trace, baseLayout, subscript } from "./layout";

// ---------------------------------------------------------------------------------------------
// The sigmoid

/** σ(a) = 1/(1+e^(−a)) and its derivative σ'(a) = σ(a)(1−σ(a)). */
export function sigmoidFigure(opts: { range?: [number, number]; title?: string } = {}): Figure {
  const [lo, hi] = opts.range ?? [-8, 8];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new InputError("sigmoid-figure-range", {
    lo, hi,
  });
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
  if (!Array.isArray(weights) || weights.length === 0) throw new InputError("network-figure-no-weights");
  const sizes = layerSizes(weights);
  weights.forEach((W, l) => {
    if (!Array.isArray(W) || W.length === 0) throw new InputError("network-figure-empty-matrix", {
      layer: l + 1,
    });
    W.forEach((row, k) => {
      if (!Array.isArray(row) || row.length !== sizes[l]) {
        const got = Array.isArray(row) ? row.length : 0;
        throw new InputError("network-figure-row", {
          layer: l + 1, k, expected: sizes[l], got, isRow: Array.isArray(row),
        });
      }
      row.forEach((v, i) => {
        if (!Number.isFinite(v)) throw new InputError("network-figure-not-finite", { layer: l + 1, k, i, v: describe(v) });
      });
    });
  });
  const nLayers = sizes.length;
  const maxNodes = Math.max(...sizes);
  const pos = sizes.map((n, l) => Array.from({ length: n }, (_, i) => ({ x: l, y: (n - 1) / 2 - i })));
  let maxAbs = 0;
  weights.forEach((W) => W.forEach((row) => row.forEach((v) => { maxAbs = Math.max(maxAbs, Math.abs(v)); })));
  const scale = opts.scale ?? (maxAbs || 1);
  if (!(scale > 0)) throw new InputError("network-figure-scale", {
    optsScale: describe(opts.scale), scaleRaw: opts.scale,
  });
  const showValues = opts.showValues ?? true;
  const quantity = opts.quantity ?? "weight";
  if (quantity !== "weight" && quantity !== "gradient") {
    throw new InputError("network-figure-quantity", { quantity: String(quantity) });
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
