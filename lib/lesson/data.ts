/**
 * Notebooks 00–08, 11: the lesson's numbers, as a module (no file to read, so it works in a browser too).
 *
 * `LESSON` is the example of the lesson's step 5 (lesson.ko.txt): input X, target Y, learning rate,
 * iterations and the fixed initial weights the lesson gives in comments. data/lesson.json holds the
 * same values in the train command's file format (a test keeps the two equal).
 *
 * `NUMPY_REFERENCE` is what the lesson's numpy program computes from those weights (numpy 1.24,
 * float64): test/fixtures/lesson-fixed-weights.json, equal to ../shared/reference (tested).
 */
import { Matrix, Vector } from "./matrix";

export interface LessonData {
  /** `X = np.array([0.5, 0.3, 0.2])`: the input. */
  x: Vector;
  /** `Y = np.array([0.8, 0.6])`: the target (실제값). */
  y: Vector;
  /** `# W1 = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]])` and W2, W3: the fixed initial weights. */
  weights: Matrix[];
  /** `learning_rate = 0.1` */
  learningRate: number;
  /** `for i in range(1000)` */
  iterations: number;
}

const LESSON: LessonData = {
  x: [0.5, 0.3, 0.2],
  y: [0.8, 0.6],
  weights: [
    [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
    [[0.2, 0.3], [0.4, 0.5], [0.6, 0.7]],
    [[0.3, 0.4, 0.5], [0.6, 0.7, 0.8]],
  ],
  learningRate: 0.1,
  iterations: 1000,
};

/** The lesson's data: a fresh copy every call, so a cell that changes it cannot change it for the next. */
export function lessonData(): LessonData {
  return { ...LESSON, x: LESSON.x.slice(), y: LESSON.y.slice(), weights: LESSON.weights.map((W) => W.map((r) => r.slice())) };
}

/** What the lesson's numpy program printed and computed, from the fixed weights. */
export interface NumpyReference {
  x: Vector; y: Vector; lr: number; iterations: number;
  initialWeights: Matrix[]; finalWeights: Matrix[];
  /** Z3 of the first and of the last iteration (the lesson prints both). */
  firstOutput: Vector; lastOutput: Vector;
  /** Σ (y − o)² of the first and of the last iteration. */
  firstLoss: number; lastLoss: number;
}

const NUMPY: NumpyReference = {
  x: [0.5, 0.3, 0.2], y: [0.8, 0.6], lr: 0.1, iterations: 1000,
  initialWeights: LESSON.weights,
  firstOutput: [0.6820881663275619, 0.7904831620730173],
  lastOutput: [0.7970074218203816, 0.6004412707577977],
  firstLoss: 0.05018703555333211,
  lastLoss: 9.150244042815584e-06,
  finalWeights: [
    [
      [0.09774605937376081, 0.19864763562425655, 0.2990984237495044],
      [0.397307036419003, 0.4983842218514017, 0.598922814567602],
    ],
    [
      [0.19151946477616272, 0.29037832140994513],
      [0.39164216193365303, 0.49051752809171795],
      [0.5918176518174372, 0.6907166317561266],
    ],
    [
      [0.5943279499892635, 0.7229934498504783, 0.8500945757633293],
      [0.15641583154034402, 0.21320958059344167, 0.27235360556868266],
    ],
  ],
};

/** The numpy reference run, so a notebook can check its numbers against numpy's (a fresh copy). */
export function numpyReference(): NumpyReference {
  return JSON.parse(JSON.stringify(NUMPY)) as NumpyReference;
}
