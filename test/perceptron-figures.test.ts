/**
 * The perceptron figures of notebook 00c (lib/display/figures/perceptron.ts): one neuron, the step
 * function beside the sigmoid, and two-input perceptrons as a line and a half-plane.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import {
  Figure, figureHtml, neuronFigure, perceptronFigure, positiveRegion, sigmoid, stepFunction, stepSigmoidFigure, xorDataset,
} from "nn-lesson/dist/internal";
import { assertEmbeds, assertInputError } from "./helpers";

type AnyTrace = Record<string, any>;
const traces = (f: Figure) => f.data as AnyTrace[];
const annotationTexts = (f: Figure) => ((f.layout as Record<string, any>).annotations as { text: string }[]).map((a) => a.text);
const corners = xorDataset().X;

test("stepFunction: 1 above 0, 0 at and below 0", () => {
  assert.deepEqual([-1, -1e-12, 0, 1e-12, 3].map(stepFunction), [0, 0, 0, 1, 1]);
});

test("neuronFigure: inputs, Σ and the activation as nodes; one line per weight labelled with its value", () => {
  const symbolic = neuronFigure({ activation: "sigmoid", bias: null });
  const nodeTexts = traces(symbolic).filter((t) => t.mode === "text+markers").map((t) => t.text[0]);
  assert.deepEqual(nodeTexts, ["x₁", "x₂", "x₃", "Σ", "σ"]);
  assert.deepEqual(annotationTexts(symbolic).filter((t) => /^w/.test(t)), ["w₁", "w₂", "w₃"]);
  assert.ok(!annotationTexts(symbolic).some((t) => t.startsWith("b")), "bias: null draws no bias");

  const step = neuronFigure({ weights: [0.5, -0.25], bias: -0.7, activation: "step" });
  const texts = traces(step).filter((t) => t.mode === "text+markers").map((t) => t.text[0]);
  assert.deepEqual(texts, ["x₁", "x₂", "1", "Σ", "계단"]);
  assert.ok(annotationTexts(step).includes("w₁ = 0.5") && annotationTexts(step).includes("w₂ = -0.25"));
  assert.ok(annotationTexts(step).includes("b = -0.7"));
  const lines = traces(step).filter((t) => t.mode === "lines" && t.x.length === 2);
  assert.equal(lines.length, 3, "two weights and the bias");
  assert.equal(lines[1].line.color, "#d62728", "a negative weight is red");
  assert.ok(lines[0].line.width < lines[2].line.width, "|0.5| is drawn thinner than |−0.7|");
  assertEmbeds(figureHtml(step), step);

  assertInputError(() => neuronFigure({ weights: [] }), "perceptron-not-numbers");
  assertInputError(() => neuronFigure({ weights: [1, NaN] }), "perceptron-not-numbers");
  assertInputError(() => neuronFigure({ weights: Array(9).fill(1) }), "perceptron-too-many-inputs");
  assertInputError(() => neuronFigure({ bias: Infinity }), "perceptron-not-number");
  assertInputError(() => neuronFigure({ activation: "relu" as "step" }), "perceptron-activation");
});

test("stepSigmoidFigure: the step jumps at 0, the sigmoid is σ", () => {
  const f = stepSigmoidFigure({ range: [-4, 4] });
  const [step, sig] = traces(f);
  assert.deepEqual(step.x, [-4, 0, 0, 4]);
  assert.deepEqual(step.y, [0, 0, 1, 1]);
  sig.x.forEach((a: number, i: number) => assert.equal(sig.y[i], sigmoid(a)));
  assertInputError(() => stepSigmoidFigure({ range: [1, 4] }), "step-sigmoid-range");
  assertEmbeds(figureHtml(f), f);
});

test("positiveRegion: the part of the square where w·x + b > 0", () => {
  const r = positiveRegion([0.5, 0.5], -0.7);
  r.x.forEach((x, i) => assert.ok(0.5 * x + 0.5 * r.y[i] - 0.7 >= -1e-12, `vertex ${i} is on the positive side`));
  assert.ok(r.x.some((x, i) => x === 1.5 && r.y[i] === 1.5), "the far corner is inside");
  assert.ok(!r.x.some((x, i) => x === -0.5 && r.y[i] === -0.5), "the near corner is outside");
  assert.equal(positiveRegion([1, 1], 10).x.length, 4, "everything positive: the whole square");
  assert.equal(positiveRegion([1, 1], -10).x.length, 0, "nothing positive: no polygon");
});

test("perceptronFigure: AND is right on 4 of 4; OR's weights on XOR get 3 of 4 and mark (1, 1) wrong", () => {
  const f = perceptronFigure([
    { title: "AND", X: corners, targets: [0, 0, 0, 1], w: [0.5, 0.5], b: -0.7 },
    { title: "XOR", X: corners, targets: xorDataset().labels, w: [0.5, 0.5], b: -0.2 },
  ]);
  assert.deepEqual(annotationTexts(f), ["AND — 맞힘 4/4", "XOR — 맞힘 3/4"]);
  const wrong = traces(f).filter((t) => t.legendgroup === "wrong");
  assert.equal(wrong.length, 1, "only the XOR panel has wrong points");
  assert.deepEqual([wrong[0].x, wrong[0].y, wrong[0].xaxis], [[1], [1], "x2"]);
  const line = traces(f).find((t) => t.legendgroup === "line" && t.xaxis === "x")!;
  line.x.forEach((x: number, i: number) => assert.ok(Math.abs(0.5 * x + 0.5 * line.y[i] - 0.7) < 1e-12, "the line is w·x + b = 0"));
  const vertical = perceptronFigure([{ title: "x₁ > 0.5", X: corners, targets: [0, 0, 1, 1], w: [1, 0], b: -0.5 }]);
  const v = traces(vertical).find((t) => t.legendgroup === "line")!;
  assert.deepEqual(v.x, [0.5, 0.5], "w₂ = 0 gives a vertical line");
  assert.equal(traces(perceptronFigure([{ title: "0", X: corners, targets: [0, 0, 0, 0], w: [0, 0], b: 0 }]))
    .filter((t) => t.legendgroup === "line").length, 0, "no line when both weights are 0");
  assertEmbeds(figureHtml(f), f);

  assertInputError(() => perceptronFigure([]), "perceptron-panels");
  assertInputError(() => perceptronFigure([{ title: "t", X: corners, targets: [0, 1], w: [1, 1], b: 0 }]), "perceptron-panel-targets");
  assertInputError(() => perceptronFigure([{ title: "t", X: corners, targets: [0, 1, 1, 0], w: [1, 1, 1], b: 0 }]), "perceptron-panel-weights");
  assertInputError(() => perceptronFigure([{ title: "t", X: [[0, 0, 1]], targets: [0], w: [1, 1], b: 0 }]), "perceptron-panel-points");
});
