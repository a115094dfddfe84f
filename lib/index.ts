/**
 * nn-lesson: the lesson's neural network as a small typed library. This file is the public API:
 * the names the notebooks import, each from the room it lives in.
 *
 *   lesson/    notebooks 01–07 on plain arrays, line for line the lesson's numpy code
 *                matrix (np.dot, np.outer, .T), random (초기 가중치), activation (시그모이드), forward (순전파),
 *                loss (Σ vs ½Σ), descent (one weight), backward (델타), gradcheck, train (the loop), data, errors
 *   fast/      the same network on Float64Arrays, bit-identical to lesson/ (train command, surfaces, bench)
 *                activations ({ f, df } per name), dense (the one forward/backward pass, shared with
 *                beyond/classify), network, train (trainFast), surface
 *   beyond/    notebooks 08–11: optim (SGD, Momentum, AdaGrad, RMSProp, Adam), classify, dataset, autodiff (TensorFlow.js)
 *   display/   what needs a notebook page: output (tslab), plot, tables (mathjs), check, mistakes (typical
 *                wrong answers of the exercises), glossary, explain (a Korean line of help under an error:
 *                the tslab kernel's and the page's; imports nothing but lesson/, so a page bundle can take it alone),
 *                figures/ (layout shared by every builder, lesson, classification and perceptron figures,
 *                the computational graph of notebook 07b, and fit: every figure fitted to its box's width
 *                in the browser, e.g. a phone's)
 *   node/      file I/O: data/ files, network JSON files, CSV data sets, plotly.js as text
 *
 * lesson/, fast/ and beyond/ use no Node module and no tslab (test/architecture.test.ts); mathjs,
 * TensorFlow.js and plotly.js load only when a function that needs them runs. Scripts and tests
 * import everything else from "nn-lesson/dist/internal".
 *
 * The TensorFlow.js cross-check (notebook 11) is its own entry, "nn-lesson/tfjs" (index-tfjs.ts):
 * tslab type-checks every cell, and a name typed with TensorFlow.js's types would make the first cell
 * that imports anything from "nn-lesson" read those ~1 MB of .d.ts files (about 0.5 s of CPU) in
 * every notebook. Nothing this file exports may have a type from @tensorflow (test/architecture.test.ts).
 */
export type { Matrix, Vector, WeightIndex, WeightChange } from "./lesson/matrix";
export { dot, outer, transpose, shape, layerSizes, cloneMatrices, linspace, weightName, weightChanges } from "./lesson/matrix";
export { InputError, requireFinite, requirePositive } from "./lesson/errors";
export { DEFAULT_SEED, makeRng, randomNum, initWeights } from "./lesson/random";
export { sigmoid } from "./lesson/activation";
export type { ForwardResult } from "./lesson/forward";
export { forward } from "./lesson/forward";
export { sumSquaredError, halfSumSquaredError, halfSumSquaredErrorGradient, meanSquaredError, lossForms } from "./lesson/loss";
export type { Curve, DescentPath, LossForm } from "./lesson/descent";
export { lossAlongWeight, lossAndSlope, descendOneWeight } from "./lesson/descent";
export { outputDelta, hiddenDelta, deltas, gradients, updateWeights } from "./lesson/backward";
export { numericalGradient, gradientCheck } from "./lesson/gradcheck";
export type { TrainOptions, TrainResult } from "./lesson/train";
export { train, LESSON_LEARNING_RATE, LESSON_ITERATIONS } from "./lesson/train";
export type { LessonData, NumpyReference } from "./lesson/data";
export { lessonData, numpyReference } from "./lesson/data";

export { trainFast } from "./fast/train";
export type { Surface } from "./fast/surface";
export { lossSurface } from "./fast/surface";

export type { Optimizer } from "./beyond/optim";
export { SGD, Momentum, AdaGrad, RMSProp, Adam, trainWithOptimizer, descendTwoWeights, iterationsToReach } from "./beyond/optim";
export type { HiddenActivation, UniformInit } from "./beyond/deep";
export { initUniform, deltasWith } from "./beyond/deep";
export type { Dataset } from "./beyond/dataset";
export { classCounts, selectFeatures, standardizer, xorDataset, makeMoons } from "./beyond/dataset";
export {
  binaryCrossEntropyDelta, binaryCrossEntropyFromLogit, crossEntropyFromLogits, logSumExp, softmax,
} from "./beyond/losses";
export { Classifier, accuracy, confusionMatrix, meanCrossEntropy } from "./beyond/classify";
export { trainClassifier, trainTestSplit } from "./beyond/train-classifier";
export { decisionGrid, featureRange } from "./beyond/decision-grid";

export type { Figure } from "./display/figures/layout";
export { plotSetup, showFigure } from "./display/plot";
export { showTable, showTables, showDot, showSigmoidDerivative } from "./display/tables";
export { check, checkFunction, expectDifferent } from "./display/check";
export { layerMistakes, sumSquaredErrorMistakes, outputDeltaMistakes, hiddenDeltaMistakes, hiddenDeltaHint, stepMistakes, logitDeltaMistakes, centralDifferenceMistakes, descentMistakes, adamMistakes, mulBackwardMistakes, mulSameValueMistakes } from "./display/mistakes";
export { showGlossary } from "./display/glossary";
export type { ExplainContext, DiagnosticLike } from "./display/explain";
export { explainDiagnostic, explainDiagnostics, explainError, explainLateError } from "./display/explain";
export { sigmoidFigure, networkFigure } from "./display/figures/network";
export {
  descentFigure, learningRateFigure, lossHistoryFigure, descentAnimationFigure, lossFormsFigure,
} from "./display/figures/descent";
export { surfaceFigure, surfaceValueAt, surfaceAnimationFigure } from "./display/figures/surface";
export {
  decisionBoundaryFigure, decisionBoundaryAnimationFigure, classifierLossFigure, accuracyFigure, gradientAgreementFigure, trainTestLossFigure,
} from "./display/figures/classify";
export type { NeuronOptions, PerceptronPanel } from "./display/figures/perceptron";
export { neuronFigure, perceptronFigure, stepSigmoidFigure } from "./display/figures/perceptron";
export type { GraphNode, GraphFigureOptions } from "./display/figures/graph";
export { computationGraphFigure } from "./display/figures/graph";

export { dataPath, readDataset } from "./node/files";
export type { MnistData } from "./beyond/mnist";
export type { ClassifierOptions } from "./beyond/classify";
export { mnist } from "./display/mnist";
export { readNetworkFile, writeNetworkFile } from "./node/network-file";

// In Jupyter (tslab), long loops show their progress on a line of the running cell (display/progress.ts).
import { installJupyterProgress } from "./display/progress";
installJupyterProgress();
