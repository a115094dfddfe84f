/**
 * Notebook 12: what the notebook uses of MNIST, as one name `mnist` (the public API keeps under 120 names,
 * test/architecture.test.ts): the digits (node/mnist-file.ts) and their figures (figures/digits.ts).
 */
import { loadMnist } from "../node/mnist-file";
import { MNIST_PIXELS, MNIST_SIDE } from "../beyond/mnist";
import { confusionFigure, digitsFigure } from "./figures/digits";
import { digitPadHtml } from "./digit-pad";
import { displayHtml } from "./output";
import type { Classifier } from "../beyond/classify";

/** Show the drawing pad for a trained 784-…-10 network (digit-pad.ts). */
function showDigitPad(net: Classifier): void {
  displayHtml(digitPadHtml(net), "[숫자 그리기 칸: 스크립트를 실행하는 화면(Jupyter, 페이지)에서 보입니다]");
}

export const mnist = {
  /** The 10,000 digits: X[n] 784 values in [0, 1] (28 rows of 28), labels 0 … 9; read once. */
  load: loadMnist,
  digitsFigure,
  confusionFigure,
  showDigitPad,
  side: MNIST_SIDE,
  pixels: MNIST_PIXELS,
};
