/** The catalogue's entries for what the notebooks show (lib/display/: check, figures, tables, the drawing pad). */
import { P, Text } from "./common";
import { josa } from "../josa";

export const DISPLAY_MESSAGES = {
  // figures/network.ts, figures/surface.ts (rows of the wrong length)
  "network-figure-row": (p: P<"layer" | "k" | "expected" | "got"> & { isRow: boolean }) => ({
    ko: `networkFigure: W${p.layer}의 ${p.k}번 행에는 숫자가 ${p.expected}개(앞 층의 노드마다 하나) 있어야 하는데 ${p.got}개입니다`,
    en: `W${p.layer} row ${p.k} has ${p.isRow ? p.got : "no"} entries, ` +
      `expected ${p.expected} (one per node of the layer before)`,
  }),
  "surface-row": (p: P<"who" | "j" | "expected"> & { got?: number }) => ({
    ko: `${p.who}: surface.loss[${p.j}]에는 p 값마다 하나씩 ${p.expected}개가 있어야 하는데 ${p.got ?? 0}개입니다`,
    en: `surface.loss[${p.j}] has ${p.got ?? "no"} values, expected ${p.expected}`,
  }),

  // display/plot.ts: a figure written by hand for showFigure / figureHtml (English-only TypeErrors before)
  "plot-not-object": () => ({
    ko: "그림(figure)은 { data: [...], layout: {...} } 모양의 객체여야 합니다",
    en: "figure: expected an object like { data: [...], layout: {...} }",
  }),
  "plot-data": () => ({
    ko: "그림의 data는 trace의 배열이어야 합니다",
    en: "figure: `data` must be an array of traces",
  }),
  "plot-trace": () => ({
    ko: "그림의 data에 있는 trace는 모두 객체여야 합니다",
    en: "figure: every trace in `data` must be an object",
  }),
  "plot-frames": () => ({
    ko: "그림의 frames는 배열이어야 합니다",
    en: "figure: `frames` must be an array",
  }),

  // display/check.ts: checkFunction given something that is not a function (was Korean only)
  "check-not-function": (p: P<"type">) => ({
    ko: `함수가 아니라 ${p.type} 값을 받았습니다`,
    en: `expected a function, got ${p.type}`,
  }),

  // lib/display/check.ts
  "check-expected-shape": (p: P<"name">) => ({
    ko: `check: "${p.name}"의 기대값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다`,
    en: `the expected value for "${p.name}" is not a number, vector or matrix`,
  }),
  "check-no-cases": (p: P<"name">) => ({
    ko: `check: "${p.name}"에는 입력 사례가 하나 이상 있어야 합니다`,
    en: `"${p.name}" needs at least one input case`,
  }),
  "expect-different-shape": (p: P<"name">) => ({
    ko: `expectDifferent: "${p.name}"의 둘째 값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다`,
    en: `the second value for "${p.name}" is not a number, vector or matrix`,
  }),

  // lib/display/digit-pad.ts
  "digit-pad-classifier": () => ({
    ko: `digitPadHtml: 입력 784개, 소프트맥스 출력 10개인 Classifier가 필요합니다`,
    en: `expected a Classifier with 784 inputs and a softmax output of 10`,
  }),

  // lib/display/glossary.ts
  "glossary-unknown-term": (p: P<"w">) => ({
    ko: `glossary: "${p.w}"${josa(p.w, "은는")} 용어집(data/glossary.json)에 없는 말입니다`,
    en: `"${p.w}" is not in the glossary`,
  }),

  // lib/display/plot.ts
  "plot-not-in-cell": () => ({
    ko: `showFigure/plotSetup: 노트북 셀 안에서 실행되지 않아 그림을 보여 줄 곳이 없습니다 (HTML은 figureHtml(fig)로 얻을 수 있습니다)`,
    en: `not running inside a notebook cell, so there is nowhere to display the plot (use figureHtml(fig) ` +
      `to get the HTML instead)`,
  }),

  // lib/display/tables.ts
  "table-entry": (p: P<"k">) => ({
    ko: `tableHtml: ${p.k}번 항목이 숫자도, 숫자로 된 행도 아닙니다`,
    en: `entry ${p.k} is not a number or a row of numbers`,
  }),
  "math-dot-columns": (p: P<"cols" | "xLength" | "WLength">) => ({
    ko: `mathDot: W의 열은 ${p.cols}개인데 x의 원소는 ${p.xLength}개입니다. 두 수가 같아야 합니다`,
    en: `W has ${p.cols} columns but x has ${p.xLength} entries; they must be equal (W is ${p.WLength}×` +
      `${p.cols})`,
  }),

  // lib/display/figures/classify.ts
  "figure-grid": (p: P<"who">) => ({
    ko: `${p.who}: grid는 decisionGrid가 돌려준 { x, y, cls, prob }여야 합니다`,
    en: `grid must be { x, y, cls, prob } (see decisionGrid)`,
  }),
  "figure-grid-shape": (p: P<"who" | "gXLength" | "gYLength">) => ({
    ko: `${p.who}: grid.cls에는 값 ${p.gXLength}개짜리 행이 ${p.gYLength}개 있어야 합니다`,
    en: `grid.cls must have ${p.gYLength} rows of ${p.gXLength} values`,
  }),
  "figure-data": (p: P<"who">) => ({
    ko: `${p.who}: data는 행마다 레이블이 하나씩 있는 { X, labels }여야 합니다`,
    en: `data must be { X, labels } with one label per row`,
  }),
  "figure-data-2d": (p: P<"who">) => ({
    ko: `${p.who}: 평면에 그리려면 데이터의 모든 행에 값이 2개 있어야 합니다`,
    en: `every data row needs 2 values to be drawn on the plane`,
  }),
  "boundary-animation-no-frames": () => ({
    ko: `decisionBoundaryAnimationFigure: 장면 { label, grid }이 하나 이상 있어야 합니다`,
    en: `expected at least one frame { label, grid }`,
  }),
  "train-test-figure-no-held-out": () => ({
    ko: `trainTestLossFigure: heldOut 데이터로 학습한 결과(heldOutLoss가 있는 것)가 필요합니다`,
    en: `expected a run trained with heldOut data (with heldOutLoss)`,
  }),
  "train-test-figure-epoch": (p: P<"lastEpoch" | "markEpoch">) => ({
    ko: `trainTestLossFigure: mark.epoch는 0 이상 ${p.lastEpoch} 이하의 정수여야 합니다. 받은 값: ${p.markEpoch}`,
    en: `mark.epoch must be an epoch of the run`,
  }),
  "accuracy-figure-no-series": () => ({
    ko: `accuracyFigure: { name, accuracy } 목록이 필요합니다`,
    en: `expected a list of { name, accuracy } series`,
  }),
  "gradient-figure-no-groups": () => ({
    ko: `gradientAgreementFigure: { name, ours, theirs } 목록이 필요합니다`,
    en: `expected a list of { name, ours, theirs }`,
  }),
  "gradient-figure-lengths": (p: P<"name" | "xLength" | "yLength">) => ({
    ko: `gradientAgreementFigure: "${p.name}"의 ours는 ${p.xLength}개인데 theirs는 ${p.yLength}개입니다`,
    en: `"${p.name}" has ${p.xLength} of ours but ${p.yLength} of theirs`,
  }),

  // lib/display/figures/descent.ts
  "figure-curve": (p: P<"who">) => ({
    ko: `${p.who}: curve는 lossAlongWeight가 돌려준 { w, loss }여야 합니다`,
    en: `curve must be { w: number[], loss: number[] } (see lossAlongWeight)`,
  }),
  "figure-curve-lengths": (p: P<"who" | "curveWLength" | "curveLossLength">) => ({
    ko: `${p.who}: curve.w는 ${p.curveWLength}개인데 curve.loss는 ${p.curveLossLength}개입니다 (같아야 합니다)`,
    en: `curve.w has ${p.curveWLength} values but curve.loss has ${p.curveLossLength}`,
  }),
  "figure-curve-short": (p: P<"who">) => ({
    ko: `${p.who}: 곡선에는 점이 2개 이상 있어야 합니다`,
    en: `curve needs at least 2 points`,
  }),
  "figure-curve-path-loss": (p: P<"who" | "curveFormula" | "pathFormula" | "p" | "c">) => ({
    ko: `${p.who}: 곡선은 ${p.curveFormula}인데 경로는 ${p.pathFormula}입니다. lossAlongWeight(…, "${p.p}")로 같은 손실의 ` +
      `곡선을 그리세요`,
    en: `the curve is ${p.c} but the path is ${p.p}`,
  }),
  "figure-y-range": (p: P<"who" | "range">) => ({
    ko: `${p.who}: yRange는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: ${p.range}`,
    en: `yRange must be [bottom, top] with bottom < top`,
  }),
  "figure-path": (p: P<"who">) => ({
    ko: `${p.who}: path는 descendOneWeight가 돌려준 { w, loss, slope, learningRate }여야 합니다`,
    en: `path must be { w, loss, slope, learningRate } (see descendOneWeight)`,
  }),
  "figure-path-empty": (p: P<"who">) => ({
    ko: `${p.who}: 경로에 점이 하나도 없습니다`,
    en: `path has no points`,
  }),
  "figure-path-lengths": (p: P<"who" | "pathWLength" | "pathLossLength" | "pathSlopeLength">) => ({
    ko: `${p.who}: path.w, path.loss, path.slope의 길이가 같아야 합니다 (${p.pathWLength}, ${p.pathLossLength}, ` +
      `${p.pathSlopeLength})`,
    en: `path.w, path.loss and path.slope must have the same length`,
  }),
  "learning-rate-figure-no-paths": () => ({
    ko: `learningRateFigure: 학습률마다 경로 하나씩, 경로의 목록이 필요합니다`,
    en: `expected a list of paths, one per learning rate`,
  }),
  "learning-rate-figure-titles": (p: P<"pathsLength" | "optsTitlesLength">) => ({
    ko: `learningRateFigure: 경로는 ${p.pathsLength}개인데 제목(titles)은 ${p.optsTitlesLength}개입니다`,
    en: `${p.optsTitlesLength} titles for ${p.pathsLength} paths`,
  }),
  "loss-history-no-series": () => ({
    ko: `lossHistoryFigure: { name, loss } 목록이 필요합니다`,
    en: `expected a list of { name, loss } series`,
  }),
  "loss-history-empty": (p: P<"sName">) => ({
    ko: `lossHistoryFigure: "${p.sName}"의 손실 기록이 비어 있습니다`,
    en: `series "${p.sName}" has no values`,
  }),
  "loss-history-log": (p: P<"sName" | "iteration" | "lossBad">) => ({
    ko: `lossHistoryFigure: 로그 눈금에는 0보다 큰 손실만 그릴 수 있는데 "${p.sName}"의 ${p.iteration}번째 반복이 ${p.lossBad}입니다 ` +
      `(log: false로 그려 보세요)`,
    en: `a log scale needs positive losses, but "${p.sName}" has ${p.lossBad} at iteration ${p.iteration}`,
  }),

  // lib/display/figures/digits.ts
  "digits-figure-no-images": () => ({
    ko: `digitsFigure: 숫자 이미지(값 784개짜리 배열)의 목록이 필요합니다`,
    en: `expected a list of digit images (784 values each)`,
  }),
  "digits-figure-image-size": (p: P<"n" | "pixels" | "imLength">) => ({
    ko: `digitsFigure: images[${p.n}]의 값은 ${p.pixels}개(28×28)여야 합니다. 받은 값: ${p.imLength}개`,
    en: `each image needs 784 values`,
  }),
  "digits-figure-columns": (p: P<"optsColumns">) => ({
    ko: `digitsFigure: columns는 1 이상의 정수여야 합니다. 받은 값: ${p.optsColumns}`,
    en: `columns must be a whole number ≥ 1`,
  }),
  "confusion-figure-matrix": () => ({
    ko: `confusionFigure: 혼동 행렬은 K×K개의 숫자여야 합니다(confusionMatrix가 돌려준 것)`,
    en: `expected a K×K matrix of counts (see confusionMatrix)`,
  }),

  // lib/display/figures/graph.ts
  "graph-not-value": (p: P<"who" | "what">) => ({
    ko: `${p.who}: ${p.what}${josa(p.what, "은는")} data(숫자), grad(숫자), parents(목록)가 있는 값이어야 합니다 (예: Value)`,
    en: `${p.what} must have data (number), grad (number) and parents (list), like a Value`,
  }),
  "graph-stop-at": (p: P<"who">) => ({
    ko: `${p.who}: stopAt은 값의 목록이어야 합니다`,
    en: `stopAt must be a list of values`,
  }),
  "graph-cycle": (p: P<"who">) => ({
    ko: `${p.who}: 그래프에 고리가 있습니다 (값이 자기 자신의 부모 노드입니다)`,
    en: `the graph has a cycle`,
  }),
  "graph-too-large": (p: P<"who" | "max">) => ({
    ko: `${p.who}: 노드가 ${p.max}개보다 많아 그릴 수 없습니다. stopAt으로 그릴 부분을 줄이세요 (예: stopAt: 앞 층의 Z)`,
    en: `more than ${p.max} nodes: draw a part of the graph with stopAt`,
  }),
  "output-node-graph-k": (p: P<"lastK" | "k">) => ({
    ko: `outputNodeGraph: k는 0 이상 ${p.lastK} 이하의 정수여야 합니다. 받은 값: ${p.k}`,
    en: `k must be an output node index`,
  }),

  // lib/display/figures/layout.ts
  "figure-not-list": (p: P<"what">) => ({
    ko: `${p.what}: 숫자의 목록(배열)이어야 합니다`,
    en: `expected a list of numbers`,
  }),

  // lib/display/figures/network.ts
  "sigmoid-figure-range": (p: P<"lo" | "hi">) => ({
    ko: `sigmoidFigure: range는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: [${p.lo}, ${p.hi}]`,
    en: `range must be [low, high] with low < high, got [${p.lo}, ${p.hi}]`,
  }),
  "network-figure-no-weights": () => ({
    ko: `networkFigure: 가중치 행렬의 목록 [W1, W2, …]이 필요합니다`,
    en: `expected a list of weight matrices [W1, W2, ...]`,
  }),
  "network-figure-empty-matrix": (p: P<"layer">) => ({
    ko: `networkFigure: W${p.layer}${josa(p.layer, "이가")} 비어 있습니다 (행이 하나 이상 필요합니다)`,
    en: `W${p.layer} is empty`,
  }),
  "network-figure-not-finite": (p: P<"layer" | "k" | "i" | "v">) => ({
    ko: `networkFigure: W${p.layer}[${p.k}][${p.i}]${josa(p.i, "이가")} 유한한 숫자가 아닙니다. 받은 값: ${p.v}`,
    en: `W${p.layer}[${p.k}][${p.i}] is not a finite number`,
  }),
  "network-figure-scale": (p: P<"optsScale" | "scaleRaw">) => ({
    ko: `networkFigure: scale은 0보다 큰 숫자여야 합니다. 받은 값: ${p.optsScale}`,
    en: `scale must be a positive number, got ${p.scaleRaw}`,
  }),
  "network-figure-quantity": (p: P<"quantity">) => ({
    ko: `networkFigure: quantity는 "weight" 또는 "gradient"여야 합니다. 받은 값: ${p.quantity}`,
    en: `quantity must be "weight" or "gradient"`,
  }),

  // lib/display/figures/perceptron.ts
  "perceptron-not-numbers": (p: P<"who" | "what">) => ({
    ko: `${p.who}: ${p.what}는 유한한 숫자의 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of finite numbers`,
  }),
  "perceptron-not-number": (p: P<"who" | "what" | "v">) => ({
    ko: `${p.who}: ${p.what}는 유한한 숫자여야 합니다 (받은 값: ${p.v})`,
    en: `${p.what} must be a finite number`,
  }),
  "perceptron-too-many-inputs": (p: P<"who" | "weightsLength">) => ({
    ko: `${p.who}: 입력은 8개까지 그립니다 (받은 값: ${p.weightsLength}개)`,
    en: `at most 8 inputs`,
  }),
  "perceptron-activation": (p: P<"who" | "activation">) => ({
    ko: `${p.who}: activation은 "step" 또는 "sigmoid"입니다 (받은 값: ${p.activation})`,
    en: `activation must be "step" or "sigmoid"`,
  }),
  "step-sigmoid-range": (p: P<"lo" | "hi">) => ({
    ko: `stepSigmoidFigure: range는 0을 사이에 둔 [낮은 값, 높은 값]입니다 (받은 값: [${p.lo}, ${p.hi}])`,
    en: `range must be [low, high] around 0`,
  }),
  "perceptron-panels": (p: P<"who">) => ({
    ko: `${p.who}: 그림 1–4개의 목록이 필요합니다`,
    en: `expected a list of 1 to 4 panels`,
  }),
  "perceptron-panel-points": (p: P<"who" | "panel">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 X는 (x₁, x₂) 점의 목록이어야 합니다`,
    en: `panel ${p.panel}: X must be a list of [x1, x2] points`,
  }),
  "perceptron-panel-targets": (p: P<"who" | "panel">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 targets는 점마다 0 또는 1입니다`,
    en: `panel ${p.panel}: one target (0 or 1) per point`,
  }),
  "perceptron-panel-weights": (p: P<"who" | "panel" | "wLength">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 w는 가중치 2개입니다 (받은 값: ${p.wLength}개)`,
    en: `w must have 2 weights`,
  }),

  // lib/display/figures/surface.ts
  "surface-not-surface": (p: P<"who">) => ({
    ko: `${p.who}: surface는 lossSurface가 돌려준 { p, q, loss }여야 합니다`,
    en: `surface must be { p, q, loss } (see lossSurface)`,
  }),
  "surface-too-small": (p: P<"who">) => ({
    ko: `${p.who}: 두 가중치 모두 값이 2개 이상 있어야 곡면을 그릴 수 있습니다`,
    en: `the surface needs at least 2 values of each weight`,
  }),
  "surface-rows": (p: P<"who" | "sQLength" | "sLossLength">) => ({
    ko: `${p.who}: surface.loss에는 q 값마다 한 행씩 ${p.sQLength}행이 있어야 하는데 ${p.sLossLength}행입니다`,
    en: `surface.loss has ${p.sLossLength} rows, expected one per q value (${p.sQLength})`,
  }),
  "surface-path-lengths": (p: P<"who" | "pathName" | "pLength" | "qLength">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"의 p 값은 ${p.pLength}개인데 q 값은 ${p.qLength}개입니다 (같아야 합니다)`,
    en: `path "${p.pathName}" has ${p.pLength} p values but ${p.qLength} q values`,
  }),
  "surface-path-empty": (p: P<"who" | "pathName">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"에 점이 하나도 없습니다`,
    en: `path "${p.pathName}" is empty`,
  }),
  "surface-path-losses": (p: P<"who" | "pathName" | "pLength" | "lossLength">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"의 점은 ${p.pLength}개인데 손실은 ${p.lossLength}개입니다`,
    en: `path "${p.pathName}" has ${p.lossLength} losses for ${p.pLength} points`,
  }),
  "surface-figure-kind": (p: P<"kind">) => ({
    ko: `surfaceFigure: kind는 "contour" 또는 "surface"여야 합니다. 받은 값: "${p.kind}"`,
    en: `kind must be "contour" or "surface", got "${p.kind}"`,
  }),
  "surface-animation-frames": (p: P<"optsFrames">) => ({
    ko: `surfaceAnimationFigure: frames는 2 이상의 정수여야 합니다. 받은 값: ${p.optsFrames}`,
    en: `frames must be an integer ≥ 2, got ${p.optsFrames}`,
  }),

} satisfies Record<string, (p: never) => Text>;
