/**
 * Notebooks 02, 05: the activation function of every layer in the lesson, the sigmoid (logistic) function.
 * Like tensorflow/playground, the function and its derivative travel together, and the
 * derivative is written in terms of the OUTPUT o = sigmoid(a), because that is how the
 * lesson's code uses it: `Z3 * (1 - Z3)`.
 */
export interface Activation {
  /** Name for display. */
  name: string;
  /** o = f(a) for a node's total input a. */
  output(a: number): number;
  /** df/da expressed through the output o = f(a). */
  derFromOutput(o: number): number;
}

/** `1 / (1 + np.exp(-A))`, written exactly as the lesson writes it. */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** d sigmoid / da = o (1 - o) with o = sigmoid(a). */
export function sigmoidDerivative(a: number): number {
  const o = sigmoid(a);
  return o * (1 - o);
}

export const SIGMOID: Activation = {
  name: "sigmoid",
  output: sigmoid,
  derFromOutput: (o) => o * (1 - o),
};
