/**
 * Notebooks 02, 05: the activation function of every layer in the lesson, the sigmoid (logistic) function.
 * Its derivative is used through the OUTPUT o = sigmoid(a), as the lesson's code does: `Z3 * (1 - Z3)`
 * in backward.ts (notebook 05 checks symbolically that dσ/da = σ(1 − σ)).
 */

/** `1 / (1 + np.exp(-A))`, written exactly as the lesson writes it. */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}
