import { test } from "node:test";
import * as assert from "assert/strict";
import { assertClose, assertEmbeds, assertInputError } from "./helpers";
import {
  Adam, Classifier, Figure, accuracyFigure, classifierLossFigure, decisionBoundaryAnimationFigure, decisionBoundaryFigure,
  decisionGrid, figureHtml, gradientAgreementFigure, trainClassifier, trainTestLossFigure, xorDataset,
} from "nn-lesson/dist/internal";

type AnyTrace = Record<string, any>;
const traces = (f: Figure) => f.data as AnyTrace[];
const layout = (f: Figure) => f.layout as Record<string, any>;

const xor = xorDataset();
const net = new Classifier([2, 4, 1], "sigmoid", "xor");
const run = trainClassifier({ net, data: xor, optimizer: new Adam({ learningRate: 0.1 }), epochs: 200, batchSize: 4, snapshotEvery: 50 });
const range: [number, number] = [-0.5, 1.5];

test("decisionBoundaryFigure, binary: probability heatmap, the P = 0.5 contour, one marker trace per class", () => {
  const g = decisionGrid(net, { xRange: range, yRange: range, n: 21 });
  const f = decisionBoundaryFigure(g, xor, { binary: true, classes: ["거짓", "참"], xName: "x₁" });
  const [heat, line, c0, c1] = traces(f);
  assert.equal(heat.type, "heatmap");
  assert.deepEqual(heat.z, g.prob.map((row) => row.map((v) => Math.round(v * 1000) / 1000)));
  assert.equal(line.type, "contour");
  assert.equal(line.contours.start, 0.5);
  assert.deepEqual([c0.name, c1.name], ["거짓", "참"]);
  assert.deepEqual(c0.x, [0, 1]);
  assert.deepEqual(c1.y, [1, 0]);
  assert.equal(layout(f).xaxis.title.text, "x₁");
  assert.ok(figureHtml(f).includes("거짓"));
});

test("decisionBoundaryFigure, three classes: the predicted class as a 3-colour heatmap", () => {
  const three = new Classifier([2, 3], "softmax", 1);
  const g = decisionGrid(three, { xRange: [-3, 3], yRange: [-3, 3], n: 11 });
  const data = { X: [[0, 0], [1, 1], [-1, 2]], labels: [0, 1, 2] };
  const f = decisionBoundaryFigure(g, data);
  const [heat, ...points] = traces(f);
  assert.deepEqual(heat.z, g.cls);
  assert.equal(heat.zmax, 2.5);
  assert.equal(points.length, 3);
  assert.deepEqual(points.map((p) => p.name), ["0", "1", "2"]);
});

test("decisionBoundaryAnimationFigure: one frame per snapshot updating the region traces, play button and slider", () => {
  const frames = run.snapshots.map((s) => ({
    label: String(s.epoch), note: `정확도 ${(100 * s.accuracy).toFixed(0)}%`,
    grid: decisionGrid(net, { xRange: range, yRange: range, n: 15, params: s.params }),
  }));
  const f = decisionBoundaryAnimationFigure(frames, xor, { binary: true });
  assert.equal(f.frames!.length, 5);
  assert.deepEqual((f.frames![0] as any).traces, [0, 1]);
  assert.deepEqual((f.frames![4] as any).data[0].z, decisionGrid(net, { xRange: range, yRange: range, n: 15 }).prob.map((row) => row.map((v) => Math.round(v * 1000) / 1000)));
  assert.notDeepEqual((f.frames![0] as any).data[0].z, (f.frames![4] as any).data[0].z);
  assert.match((f.frames![4] as any).layout.title.text, /에포크 200, 정확도 100%/);
  const l = layout(f);
  assert.equal(l.updatemenus[0].buttons[0].method, "animate");
  assert.deepEqual(l.sliders[0].steps.map((s: any) => s.label), ["0", "50", "100", "150", "200"]);
  assertEmbeds(figureHtml(f), f);
  assertInputError(() => decisionBoundaryAnimationFigure([], xor), "boundary-animation-no-frames");
});

test("loss and accuracy per epoch; gradient agreement scatter with the diagonal", () => {
  const lf = classifierLossFigure([{ name: "Adam", loss: run.loss }]);
  assert.equal(traces(lf)[0].y.length, 200, "epoch 0 (before training) is left out of the loss curve");
  assert.equal(layout(lf).xaxis.title.text, "에포크");
  assert.equal(layout(lf).yaxis.title.text, "평균 교차 엔트로피");
  const af = accuracyFigure([{ name: "Adam", accuracy: run.accuracy }]);
  assert.equal(traces(af)[0].y[200], 100);
  const gf = gradientAgreementFigure([{ name: "W1", ours: [1, -2], theirs: [1.0000001, -2] }]);
  const [diag, pts, diff, level] = traces(gf);
  assert.deepEqual(diag.x, diag.y);
  assert.deepEqual(pts.x, [1, -2]);
  assert.equal(diff.yaxis, "y2");
  assertClose(diff.y, [1e-7, 1e-18], 1e-12, "|difference|, a zero drawn at 1e-18");
  assert.deepEqual(level.y, [2 * 2 ** -23, 2 * 2 ** -23], "float32 level = ε₃₂ · max|g|");
  assert.equal(layout(gf).yaxis2.type, "log");
  assertInputError(() => gradientAgreementFigure([{ name: "b", ours: [1], theirs: [] }]), "gradient-figure-lengths");
  assertInputError(() => decisionBoundaryFigure({ x: [0], y: [0], cls: [], prob: [] } as any, xor), "figure-grid-shape");
});

test("trainTestLossFigure: the training and held-out loss of one run side by side, a dashed held-out curve and a marked epoch", () => {
  const r = trainClassifier({ net: new Classifier([2, 4, 1], "sigmoid", "xor"), data: xor, optimizer: new Adam({ learningRate: 0.1 }), epochs: 30, batchSize: 4, heldOut: xor });
  const f = trainTestLossFigure(r, { heldOutName: "검증 데이터", mark: { epoch: 12, label: "여기서 멈춤" } });
  const [tr, ho] = traces(f);
  assert.deepEqual([tr.name, ho.name], ["학습 데이터", "검증 데이터"]);
  assert.deepEqual(tr.y, Array.from(r.loss).slice(1));
  assert.deepEqual(ho.y, Array.from(r.heldOutLoss).slice(1));
  assert.deepEqual(tr.x, ho.x);
  assert.equal(tr.x[0], 1, "x is the epoch");
  assert.equal(ho.line.dash, "dash");
  assert.notEqual(tr.line.color, ho.line.color);
  assert.deepEqual([layout(f).shapes[0].x0, layout(f).shapes[0].x1], [12, 12]);
  assert.equal(layout(f).annotations[0].text, "여기서 멈춤");
  assert.equal(layout(f).xaxis.title.text, "에포크");
  assert.equal(traces(trainTestLossFigure(r)).length, 2);
  assert.equal(layout(trainTestLossFigure(r)).shapes, undefined);
  assertEmbeds(figureHtml(f), f);
  assertInputError(() => trainTestLossFigure(run), "train-test-figure-no-held-out");
  assertInputError(() => trainTestLossFigure(r, { mark: { epoch: 31, label: "x" } }), "train-test-figure-epoch");
});

test("loss per epoch: with 10 epochs or fewer a tick at every whole epoch (2 epochs showed 1, 1.2, 1.4 …); more, plotly's own ticks", () => {
  const few = trainTestLossFigure({ loss: [1, 0.5, 0.4], heldOutLoss: [1, 0.6, 0.5] });
  assert.equal((few.layout?.xaxis as { dtick?: number }).dtick, 1);
  const many = trainTestLossFigure({ loss: Array.from({ length: 51 }, (_, e) => 1 / (e + 1)), heldOutLoss: Array.from({ length: 51 }, () => 0.5) });
  assert.equal((many.layout?.xaxis as { dtick?: number }).dtick, undefined);
});
