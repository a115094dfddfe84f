/**
 * Notebooks 09–12: the classifiers' losses, computed from the output layer's total input a (the logits)
 * in a numerically stable way: log(1 + e^a) as max(a, 0) + log(1 + e^{−|a|}), and softmax through
 * log-sum-exp with the largest a subtracted first, so large |a| never gives Infinity or NaN.
 */
import { sigmoid } from "../lesson/activation";

/** log Σ_k e^{a_k}, computed as m + log Σ e^{a_k − m} with m = max a (never overflows). */
export function logSumExp(a: ArrayLike<number>): number {
  let m = -Infinity;
  for (let k = 0; k < a.length; k++) if (a[k] > m) m = a[k];
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.exp(a[k] - m);
  return m + Math.log(s);
}

/** softmax(a)_k = e^{a_k − m} / Σ_j e^{a_j − m} with m = max a: positive numbers that add up to 1, never overflowing. */
export function softmax(a: ArrayLike<number>, out: Float64Array = new Float64Array(a.length)): Float64Array {
  let m = -Infinity;
  for (let k = 0; k < a.length; k++) if (a[k] > m) m = a[k];
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (out[k] = Math.exp(a[k] - m));
  for (let k = 0; k < a.length; k++) out[k] /= s;
  return out;
}

/** log(1 + e^a) without overflow. */
export function softplus(a: number): number {
  return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
}

/** Binary cross-entropy of label y ∈ {0, 1} given the logit a (o = σ(a)): −[y log o + (1−y) log(1−o)] = log(1 + e^a) − y a. */
export function binaryCrossEntropyFromLogit(y: number, a: number): number {
  return softplus(a) - y * a;
}

/** ∂L/∂a of the binary cross-entropy at the logit a: σ(a) − y (the o(1 − o) of σ' cancels, notebook 09). */
export function binaryCrossEntropyDelta(y: number, a: number): number {
  return sigmoid(a) - y;
}

/** Cross-entropy −log softmax(a)_label = logSumExp(a) − a_label. */
export function crossEntropyFromLogits(label: number, a: ArrayLike<number>): number {
  return logSumExp(a) - a[label];
}

/** The textbook form −[y log o + (1−y) log(1−o)] from a probability o (inexact when o rounds to 0 or 1). */
export function binaryCrossEntropy(y: number, o: number): number {
  return -(y * Math.log(o) + (1 - y) * Math.log(1 - o));
}
