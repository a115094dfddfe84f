// test tier: slow — needs the executed notebooks of npm run test:notebooks
/**
 * The computational graph figure of notebook 07b (lib/display/figures/graph.ts): the layout of a graph
 * of Value-like nodes, the figure of one output node with the lesson's numbers, and its JSON embedding.
 * The notebook's own figure (build/notebooks/, drawn from its Value engine) must show the same boxes.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import {
  Figure, GraphNode, InputError, MAX_GRAPH_NODES, computationGraphFigure, deltas, figureHtml, forward, graphLayout, graphNumber,
  lessonData, outputNodeGraph,
} from "nn-lesson/dist/internal";
import { assertEmbeds, assertInputError } from "./helpers";
import { NOTEBOOK_BUILD } from "../scripts/jupyter/notebook-runs";

type AnyRecord = Record<string, any>;
const node = (data: number, parents: GraphNode[] = [], op = "", label = "", grad = 0): GraphNode => ({ data, grad, parents, op, label });
const boxes = (f: Figure) => ((f.layout as AnyRecord).annotations as AnyRecord[]).filter((a) => a.xref === "x");
const nodeTrace = (f: Figure) => (f.data as AnyRecord[]).find((t) => t.name === "노드")!;

test("graphLayout: leaves in column 0, each node one column right of its furthest parent, a shared node once", () => {
  const a = node(2, [], "", "a"), b = node(3, [], "", "b");
  const ab = node(6, [a, b], "×");
  const r = node(8, [ab, a], "+", "r"); // a is used twice
  const { nodes, edges } = graphLayout(r);
  assert.deepEqual(nodes.map((n) => n.name), ["a", "b", "×", "r (+)"]);
  assert.deepEqual(nodes.map((n) => n.x), [0, 0, 1, 2]);
  assert.deepEqual(nodes.map((n) => n.kind), ["leaf", "leaf", "op", "op"]);
  assert.deepEqual(edges, [[0, 2], [1, 2], [2, 3], [0, 3]]);
  assert.deepEqual(nodes.map((n) => n.y), [-0, -1, -0.5, -0.25]);
  // stopAt draws the node without its parents
  const cut = graphLayout(r, [ab]);
  assert.deepEqual(cut.nodes.map((n) => [n.name, n.kind, n.x]), [["×", "cut", 0], ["a", "leaf", 0], ["r (+)", "op", 1]]);
});

test("graphLayout refuses what it cannot draw, in Korean: not a node, a cycle, too many nodes", () => {
  assertInputError(() => graphLayout({ data: 1 } as unknown as GraphNode), "graph-not-value");
  // the message names the path to the bad value
  assert.throws(() => graphLayout(node(1, [{ data: "x" } as unknown as GraphNode], "+", "r")), (e: Error) =>
    e instanceof InputError && e.code === "graph-not-value" && /r \(\+\)의 parents\[0\]은 data/.test(e.message));
  const loop = node(1, [], "+", "loop");
  (loop.parents as GraphNode[]).push(loop);
  assertInputError(() => graphLayout(loop), "graph-cycle");
  let chain = node(0);
  for (let i = 0; i < MAX_GRAPH_NODES; i++) chain = node(i, [chain], "+");
  assertInputError(() => graphLayout(chain), "graph-too-large");
  assertInputError(() => computationGraphFigure(node(1), { stopAt: 3 as unknown as GraphNode[] }), "graph-stop-at");
});

test("graphNumber: four significant digits, exponent form only for very small or large values", () => {
  assert.deepEqual([0, 0.3, -0.02556846183235976, 1.08e-19, 123456, NaN].map(graphNumber), ["0", "0.3000", "-0.02557", "1.08e-19", "1.23e+5", "NaN"]);
});

const lesson = lessonData();
const { root, inputs } = outputNodeGraph(lesson.weights, lesson.x, lesson.y, 0);

test("outputNodeGraph: o₁'s graph carries forward()'s values and the deltas as grads", () => {
  const fwd = forward(lesson.weights, lesson.x);
  const d = deltas(lesson.weights, fwd, lesson.y);
  assert.equal(root.data, fwd.output[0]);
  assert.equal(root.grad, fwd.output[0] - lesson.y[0]);
  const A = root.parents[0];
  assert.equal(A.label, "A3[0]");
  assert.equal(A.grad, d[2][0]);
  assert.equal(A.data, fwd.A[2][0]);
  assert.deepEqual(inputs.map((z) => z.data), fwd.Z[1]);
  assertInputError(() => outputNodeGraph(lesson.weights, lesson.x, lesson.y, 2), "output-node-graph-k");
  assertInputError(() => outputNodeGraph(lesson.weights, [1, 2], lesson.y, 0), "vector-length");
});

test("computationGraphFigure of o₁ = σ(W3[0]·Z2): 12 boxes (3 W, 3 Z2, 3 ×, 2 +, σ) with data and grad; the JSON round-trips", () => {
  const f = computationGraphFigure(root, { stopAt: inputs, title: "o₁" });
  const names = nodeTrace(f).text as string[];
  assert.equal(names.length, 12);
  assert.deepEqual([...names].sort(), [
    "+", "A3[0] (+)", "W3[0][0]", "W3[0][1]", "W3[0][2]", "Z2[0] (σ)", "Z2[1] (σ)", "Z2[2] (σ)", "Z3[0] (σ)", "×", "×", "×",
  ].sort());
  const b = boxes(f);
  assert.equal(b.length, 12);
  const box = (name: string) => b.find((a) => a.text.startsWith(`<b>${name}</b>`))!;
  assert.equal(box("W3[0][0]").text, `<b>W3[0][0]</b><br>data 0.3000<br>grad ${graphNumber(root.parents[0].grad * inputs[0].data)}`);
  assert.match(box("Z3[0] (σ)").text, /data 0\.6821<br>grad -0\.1179$/);
  assert.equal(box("Z2[0] (σ)").bgcolor, "#eeeeee", "Z2 is cut: grey");
  assert.equal(box("W3[0][0]").bgcolor, "#dbe9f6", "a weight is a leaf: blue");
  assert.equal(box("Z3[0] (σ)").bordercolor, "#d62728", "the value drawn has a red border");
  // columns: leaves 0, products 1, first sum 2, A3[0] 3, σ 4; 11 edges with an arrow each
  const xs = nodeTrace(f).x as number[];
  assert.deepEqual(names.map((n, i) => [n, xs[i]]).filter(([n]) => n === "A3[0] (+)" || n === "Z3[0] (σ)"), [["A3[0] (+)", 3], ["Z3[0] (σ)", 4]]);
  assert.equal((f.data as AnyRecord[]).filter((t) => t.mode === "lines+markers").length, 11);
  assert.match(nodeTrace(f).hovertext[names.indexOf("Z3[0] (σ)")], new RegExp(`data = ${root.data}<br>grad = ${root.grad}`));
  assertEmbeds(figureHtml(f), f);
});

test("notebook 07b: its graph of o₁, drawn from its own Value engine, shows the library's boxes", { skip: !fs.existsSync(path.join(NOTEBOOK_BUILD, "07b-value-autodiff.ipynb")) && "run npm run test:notebooks first" }, () => {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOK_BUILD, "07b-value-autodiff.ipynb"), "utf8")) as { cells: { outputs?: { data?: Record<string, string | string[]> }[] }[] };
  const html = nb.cells.flatMap((c) => c.outputs ?? []).map((o) => [o.data?.["text/html"] ?? ""].flat().join(""))
    .find((h) => h.includes("o₁ = Z3[0] = σ(W3[0]·Z2)의 계산 그래프"));
  assert.ok(html, "07b shows the graph of o₁");
  const shown = JSON.parse(/var id = "[^"]+", fig = (.*);\n/.exec(html!)![1]) as Figure;
  const expected = computationGraphFigure(root, { stopAt: inputs });
  const texts = (f: Figure) => boxes(f).map((a) => a.text).sort();
  assert.deepEqual(texts(shown), texts(expected));
});
