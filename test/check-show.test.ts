import { test } from "node:test";
import * as assert from "assert/strict";
import {
  dot, dotHtml, formatNumber, lessonData, mathDot, sigmoidDerivation, sigmoidDerivativeMarkdown, sigmoidDerivativeRows,
  tableHtml, tablesRowHtml, lossForms, lossFormsFigure, weightChanges,
} from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

test("tableHtml labels rows and columns the way the lesson reads W[k][i]", () => {
  const d = lessonData();
  const html = tableHtml(d.weights[0], { title: "W1", rowLabel: "은닉층1 노드", colLabel: "입력 노드" });
  assert.match(html, /<caption[^>]*>W1<\/caption>/);
  for (const s of ["은닉층1 노드 0", "은닉층1 노드 1", "입력 노드 0", "입력 노드 2"]) assert.ok(html.includes(s), s);
  assert.equal((html.match(/<td /g) ?? []).length, 6);
  assert.ok(html.indexOf(">0.1<") < html.indexOf(">0.6<"));
  const v = tableHtml(d.x, { rowLabel: (i) => `x${i}`, colLabel: "X" });
  assert.equal((v.match(/<td /g) ?? []).length, 3);
  assert.ok(v.includes(">x2<") && v.includes(">X<"));
  assert.ok(tableHtml([1], { title: "<script>" }).includes("&lt;script&gt;"));
  assertInputError(() => tableHtml([["a"]] as unknown as number[][]), "table-entry");
  assert.match(tablesRowHtml(["<table></table>", "<table></table>"]), /display:flex/);
});

test("formatNumber: significant digits, no trailing zeros, exponent for tiny values", () => {
  assert.equal(formatNumber(0.1 + 0.2), "0.3");
  assert.equal(formatNumber(0.6820881663275619, 6), "0.682088");
  assert.equal(formatNumber(9.150244042815584e-6, 3), "9.15e-6");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(NaN), "NaN");
});

test("mathDot (mathjs) equals dot(); a shape mismatch is one clear line", () => {
  const d = lessonData();
  assert.deepEqual(mathDot(d.weights[0], d.x), dot(d.weights[0], d.x));
  assertInputError(() => mathDot(d.weights[1], d.x), "math-dot-columns");
});

test("dotHtml writes every row's sum out", () => {
  const d = lessonData();
  const html = dotHtml(d.weights[0], d.x, { wName: "W1", xName: "X", resultName: "A1", rowLabel: "은닉층1 노드", colLabel: "입력 노드" });
  const a = dot(d.weights[0], d.x);
  assert.ok(html.includes(`A1[0] = 0.1×0.5 + 0.2×0.3 + 0.3×0.2 = ${formatNumber(a[0])}`));
  assert.ok(html.includes(`A1[1] = 0.4×0.5 + 0.5×0.3 + 0.6×0.2 = ${formatNumber(a[1])}`));
  assert.ok(html.includes("W1 (2×3)"));
});

test("mathjs differentiates the sigmoid to something symbolically equal to σ(1 − σ)", () => {
  const s = sigmoidDerivation();
  assert.equal(s.differenceFromOutputForm, "0");
  assert.match(s.derivative, /exp\(-a\)/);
  assert.match(s.derivativeTex, /\\frac/);
});

test("the symbolic derivative equals o(1 − o) numerically", () => {
  const rows = sigmoidDerivativeRows([-6, -1, 0, 0.5, 3]);
  for (const r of rows) assert.ok(r.diff < 1e-15, `a=${r.a}: ${r.diff}`);
  assert.equal(rows[2].symbolic, 0.25);
  const md = sigmoidDerivativeMarkdown([0, 1]);
  assert.match(md, /\$\$\\sigma\(a\) = /);
  assert.match(md, /\*\*0\*\*/);
  assert.equal(md.split("\n").filter((l) => l.startsWith("| ")).length, 3);
});

test("lossForms: Σ, ½Σ and the mean differ only by a constant factor (the same minimum)", () => {
  const f = lossForms({ w: [0, 1, 2], loss: [4, 1, 2] }, 2);
  assert.deepEqual(f.half, [2, 0.5, 1]);
  assert.deepEqual(f.mean, [2, 0.5, 1]);
  const three = lossForms({ w: [0, 1], loss: [3, 6] }, 3);
  assert.deepEqual(three.mean, [1, 2]);
  assertInputError(() => lossForms({ w: [0], loss: [1] }, 0), "loss-forms-outputs");
  const fig = lossFormsFigure(f, { weightName: "W3[0][0]" });
  assert.equal(fig.data.length, 3);
  assert.deepEqual((fig.data[1] as { y: number[] }).y, f.half);
  assert.equal((fig.layout as { xaxis: { title: { text: string } } }).xaxis.title.text, "W3[0][0]");
  // the mean is what PyTorch and Keras call MSE; DLFS-ko's "평균 제곱 오차" is ½Σ, so no "textbook MSE"
  assert.deepEqual(fig.data.map((t) => (t as { name: string }).name.split("  ")[0]), ["Σ(y−o)²", "½Σ(y−o)²", "(1/n)Σ(y−o)²"]);
  assert.doesNotMatch(JSON.stringify(fig.data), /교과서/);
  const fixed = lossFormsFigure(f, { yRange: [0, 2] }).layout as { yaxis: { range?: number[] } };
  assert.deepEqual(fixed.yaxis.range, [0, 2]);
  assert.equal((fig.layout as { yaxis: { range?: number[] } }).yaxis.range, undefined);
});

test("weightChanges lists every weight, largest change first", () => {
  const c = weightChanges([[[0, 1], [2, 3]]], [[[0.5, 1], [2, 1]]]);
  assert.equal(c.length, 4);
  assert.deepEqual(c[0], { p: { layer: 0, row: 1, col: 1 }, before: 3, after: 1, change: 2 });
  assert.deepEqual(c[1].p, { layer: 0, row: 0, col: 0 });
  assertInputError(() => weightChanges([[[0, 1]]], [[[0]]]), "weight-changes-missing");
});
