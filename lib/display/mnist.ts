/**
 * Notebook 12: what the notebook uses of MNIST, as one name `mnist` (the public API keeps under 120 names,
 * test/architecture.test.ts): the digits (node/mnist-file.ts) and their figures (figures/digits.ts).
 */
import { loadMnist } from "../node/mnist-file";
import { MNIST_PIXELS, MNIST_SIDE } from "../beyond/mnist";
import { confusionFigure, digitsFigure } from "./figures/digits";

export const mnist = {
  /** The 10,000 digits: X[n] 784 values in [0, 1] (28 rows of 28), labels 0 … 9; read once. */
  load: loadMnist,
  digitsFigure,
  confusionFigure,
  side: MNIST_SIDE,
  pixels: MNIST_PIXELS,
};
