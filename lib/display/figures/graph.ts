/**
 * Notebook 07b: the computational graph (계산 그래프) of a value built by a micrograd-style `Value`
 * class. Pure: a graph in, a Figure out; nothing here displays.
 *
 * The notebook's class is not known here: any object with `data`, `grad` and `parents` (and optionally
 * `op` and `label`) is a node, so the learner's own `Value` can be drawn as it is. Nodes are laid out
 * in columns by their height above the leaves (leaves left, the value drawn right), leaves top to bottom
 * in the order a walk from the value meets them, every other node at the mean height of its parents.
 * Each node is a box with its name, `data` (forward value) and `grad` (∂E/∂node after backward).
 * `outputNodeGraph` builds the same graph for one output node from the library's forward pass and
 * deltas (for tests and the figure script: what the notebook's Value engine must reproduce).
 */
import { InputError } from "../../lesson/errors";
import { Matrix, Vector, dot, requireNetworkInput, transpose } from "../../lesson/matrix";
import { forward } from "../../lesson/forward";
import { deltas } from "../../lesson/backward";
import { Annotation, COLORS, Figure, Trace, baseLayout } from "./layout";

/** What a node of the graph must have: the notebook's `Value` class fits this as it is. */
export interface GraphNode {
  data: number;
  grad: number;
  /** The values this one was computed from (none for a leaf). */
  parents: readonly GraphNode[];
  /** The operation that made it ("+", "×", "σ", …); "" or missing for a leaf. */
  op?: string;
  /** A name to show ("W3[0][0]", "A3[0]"); "" or missing shows the operation instead. */
  label?: string;
}

export interface GraphFigureOptions {
  /** Nodes drawn without their parents (where the drawing stops, e.g. the previous layer's Z). */
  stopAt?: readonly GraphNode[];
  title?: string;
}

/** Most nodes one drawing may have (a bigger graph is unreadable; draw part of it with stopAt). */
export const MAX_GRAPH_NODES = 60;

/** "leaf": no parents; "cut": has parents that are not drawn (stopAt); "op": computed and expanded. */
export type GraphNodeKind = "leaf" | "cut" | "op";

export interface PlacedNode {
  node: GraphNode;
  kind: GraphNodeKind;
  /** Column: 0 for leaves and cut nodes, 1 + the largest column of the parents otherwise. */
  x: number;
  /** Row position (0 at the top, negative below). */
  y: number;
  /** The text in the box's first line: the label, or the operation. */
  name: string;
}

export interface GraphLayout {
  /** Every node once, in the order of a walk from the value (parents before children). */
  nodes: PlacedNode[];
  /** [parent index, child index] into `nodes`, one per entry of a child's `parents`. */
  edges: [number, number][];
}

const WHO = "computationGraphFigure";

function isNode(v: unknown): v is GraphNode {
  const n = v as GraphNode;
  return typeof n === "object" && n !== null && typeof n.data === "number" && typeof n.grad === "number" && Array.isArray(n.parents);
}

function requireNode(v: unknown, what: string): GraphNode {
  if (!isNode(v)) {
    throw new InputError("graph-not-value", { who: WHO, what });
  }
  return v;
}

/** The nodes and edges of the graph under `root` with their positions (see the file comment). */
export function graphLayout(root: GraphNode, stopAt: readonly GraphNode[] = []): GraphLayout {
  requireNode(root, "root");
  if (!Array.isArray(stopAt)) throw new InputError("graph-stop-at", { who: WHO });
  const cut = new Set<GraphNode>(stopAt);
  const index = new Map<GraphNode, number>();
  const nodes: PlacedNode[] = [];
  const edges: [number, number][] = [];
  const onPath = new Set<GraphNode>();
  const leafOrder: number[] = [];
  // depth-first from the root, parents in order; a node is placed after all its parents
  const visit = (n: GraphNode, what: string): number => {
    const seen = index.get(n);
    if (seen !== undefined) return seen;
    requireNode(n, what);
    if (onPath.has(n)) throw new InputError("graph-cycle", { who: WHO });
    const expand = !cut.has(n) && n.parents.length > 0;
    onPath.add(n);
    const parentIdx = expand ? n.parents.map((p, i) => visit(p, `${nameOf(n) || "노드"}의 parents[${i}]`)) : [];
    onPath.delete(n);
    if (nodes.length >= MAX_GRAPH_NODES) {
      throw new InputError("graph-too-large", { who: WHO, max: MAX_GRAPH_NODES });
    }
    const i = nodes.length;
    index.set(n, i);
    const kind: GraphNodeKind = expand ? "op" : n.parents.length > 0 ? "cut" : "leaf";
    const x = expand ? 1 + Math.max(...parentIdx.map((p) => nodes[p].x)) : 0;
    nodes.push({ node: n, kind, x, y: 0, name: nameOf(n) });
    for (const p of parentIdx) edges.push([p, i]);
    if (!expand) leafOrder.push(i);
    return i;
  };
  visit(root, "root");
  // leaves one row apart, top to bottom; then every other node at the mean row of its parents
  leafOrder.forEach((i, row) => { nodes[i].y = -row; });
  nodes.forEach((p, i) => {
    if (p.kind !== "op") return;
    const ys = edges.filter(([, c]) => c === i).map(([a]) => nodes[a].y);
    p.y = ys.reduce((s, v) => s + v, 0) / ys.length;
  });
  return { nodes, edges };
}

function nameOf(n: GraphNode): string {
  const label = typeof n.label === "string" ? n.label : "";
  const op = typeof n.op === "string" ? n.op : "";
  if (label && op) return `${label} (${op})`;
  return label || op;
}

/** A number for a box: 4 significant digits, exponent form only when very small or large. */
export function graphNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e5 ? v.toPrecision(4) : v.toExponential(2);
}

const FILL: Record<GraphNodeKind, string> = { leaf: "#dbe9f6", cut: "#eeeeee", op: "#fde9d3" };
const KIND_KO: Record<GraphNodeKind, string> = {
  leaf: "잎 노드 (부모 노드 없이 처음부터 주어진 값)",
  cut: "앞쪽 계산에서 온 값 (그 앞은 그리지 않음)",
  op: "연산 노드",
};

/**
 * The computational graph under `root` (the value drawn at the right): one box per node with its name,
 * data and grad, lines from each value to what was computed from it (arrows point forward). Hovering a
 * box shows data and grad with all their digits.
 */
export function computationGraphFigure(root: GraphNode, opts: GraphFigureOptions = {}): Figure {
  const { nodes, edges } = graphLayout(root, opts.stopAt ?? []);
  const cols = Math.max(...nodes.map((n) => n.x));
  const rows = nodes.filter((n) => n.kind !== "op").length;
  const traces: Trace[] = edges.map(([a, b]) => {
    const p = nodes[a], c = nodes[b];
    const mid = { x: (p.x + c.x) / 2, y: (p.y + c.y) / 2 };
    return {
      type: "scatter", mode: "lines+markers", x: [p.x, mid.x, c.x], y: [p.y, mid.y, c.y], hoverinfo: "skip", showlegend: false,
      line: { color: "#999999", width: 1.5 },
      marker: { symbol: "arrow", angleref: "previous", size: [0, 11, 0], color: "#777777" },
    } as Trace;
  });
  traces.push({
    type: "scatter", mode: "markers", name: "노드", x: nodes.map((n) => n.x), y: nodes.map((n) => n.y),
    text: nodes.map((n) => n.name),
    hovertext: nodes.map((n) => `${escapePlotlyText(n.name) || "노드"}<br>${KIND_KO[n.kind]}<br>data = ${n.node.data}<br>grad = ${n.node.grad}`),
    hoverinfo: "text", showlegend: false, marker: { size: 40, opacity: 0, color: COLORS.node },
  });
  const annotations: Annotation[] = nodes.map((n, i) => ({
    x: n.x, y: n.y, xref: "x", yref: "y", showarrow: false, align: "center",
    text: `<b>${escapePlotlyText(n.name)}</b><br>data ${graphNumber(n.node.data)}<br>grad ${graphNumber(n.node.grad)}`,
    font: { size: 12, color: "#222222" }, bgcolor: FILL[n.kind], borderpad: 4, borderwidth: i === nodes.length - 1 ? 2.5 : 1,
    bordercolor: i === nodes.length - 1 ? COLORS.path : "#888888",
  }));
  annotations.push({
    x: 0, y: 1.02, xref: "paper", yref: "paper", xanchor: "left", yanchor: "bottom", showarrow: false, align: "left",
    text: "순전파 → data가 왼쪽에서 오른쪽으로 · 역전파 ← grad가 오른쪽에서 왼쪽으로", font: { size: 12, color: "#555555" },
  });
  return {
    data: traces,
    layout: baseLayout(opts.title ?? "계산 그래프", {
      xaxis: { visible: false, range: [-0.6, cols + 0.6], fixedrange: true },
      yaxis: { visible: false, range: [-(rows - 1) - 0.6, 0.6], fixedrange: true },
      annotations,
      height: Math.max(300, 70 * rows + 130),
      margin: { l: 20, r: 20, t: 80, b: 20 },
      hovermode: "closest",
      showlegend: false,
    }),
  };
}

/**
 * Names go into annotation text, which plotly reads as a little HTML. Not output.ts's escapeHtml:
 * plotly knows no &quot;, so quotes stay as they are (this text is never an attribute).
 */
function escapePlotlyText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The graph of output node k of a network, o_k = σ(W_last[k] · Z_prev), as the notebook builds it with
 * Value (products, then additions from the left, then the sigmoid), its numbers from `forward` and
 * `deltas` for E = ½Σ(y − o)². Returns the output node and the previous layer's nodes (its stopAt);
 * their grad is the whole ∂E/∂Z (every output's share, W_lastᵀ · delta).
 */
export function outputNodeGraph(weights: readonly Matrix[], x: Vector, y: Vector, k: number): { root: GraphNode; inputs: GraphNode[] } {
  requireNetworkInput(weights, x, y);
  const L = weights.length;
  if (!Number.isInteger(k) || k < 0 || k >= y.length) {
    throw new InputError("output-node-graph-k", { lastK: y.length - 1, k });
  }
  const fwd = forward(weights, x);
  const all = deltas(weights, fwd, y);
  const d = all[L - 1];
  const prev = L > 1 ? fwd.Z[L - 2] : x;
  const back = dot(transpose(weights[L - 1]), d);
  const leaf = (data: number, grad: number, label: string): GraphNode => ({ data, grad, parents: [], op: "", label });
  // the previous layer's Z nodes keep their own parent (the A node before the sigmoid), so stopAt cuts them
  const inputs = prev.map((z, j): GraphNode => (L > 1
    ? { data: z, grad: back[j], op: "σ", label: `Z${L - 1}[${j}]`, parents: [leaf(fwd.A[L - 2][j], all[L - 2][j], `A${L - 1}[${j}]`)] }
    : leaf(z, back[j], `X[${j}]`)));
  const row = weights[L - 1][k];
  const products = row.map((w, j): GraphNode =>
    ({ data: w * prev[j], grad: d[k], op: "×", label: "", parents: [leaf(w, d[k] * prev[j], `W${L}[${k}][${j}]`), inputs[j]] }));
  const sum = products.reduce((s, p) => ({ data: s.data + p.data, grad: d[k], op: "+", label: "", parents: [s, p] }));
  sum.label = `A${L}[${k}]`;
  const o = fwd.output[k];
  return { root: { data: o, grad: o - y[k], op: "σ", label: `Z${L}[${k}]`, parents: [sum] }, inputs };
}
