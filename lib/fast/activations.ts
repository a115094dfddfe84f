/**
 * The activation functions of the fast networks (fast/network.ts's Network, beyond/classify.ts's Classifier)
 * and of beyond/deep.ts, each defined once as a pair { f, df } like tensorflow/playground's nn.ts: the output
 * z = f(a) of a node whose total input is a, and the slope f′(a) written through that output
 * (σ′ = z(1 − z), ReLU′ = [z > 0]), which is all back-propagation needs. A new activation is one entry in
 * ACTIVATIONS (test/activations.test.ts adds tanh that way and trains with it).
 *
 * The lesson's own sigmoid stays lesson/activation.ts's, written as the lesson writes it; the entry here uses it.
 */
import { sigmoid } from "../lesson/activation";

/** Uniform initialisations: Xavier (Glorot) for sigmoid-like layers, He for ReLU layers (beyond/deep.ts). */
export type UniformInit = "xavier" | "he";

export interface Activation {
  /** z = f(a): a node's output from its total input a. */
  readonly f: (a: number) => number;
  /** f′(a) written through the output z = f(a). */
  readonly df: (z: number) => number;
  /**
   * g · f′(a) from z: one step of the chain rule back through the activation (a delta from the sum g that
   * comes back to the node). g · df(z) unless the entry says otherwise.
   */
  readonly chain: (g: number, z: number) => number;
  /** The initialisation of the weights that feed this activation: "xavier" unless the entry says otherwise. */
  readonly init: UniformInit;
}

/** An Activation from its pair { f, df }, with the defaults for what the pair leaves out. */
export function activation(spec: Pick<Activation, "f" | "df"> & Partial<Activation>): Activation {
  const { f, df } = spec;
  return { f, df, chain: spec.chain ?? ((g, z) => g * df(z)), init: spec.init ?? "xavier" };
}

export const ACTIVATIONS = {
  sigmoid: activation({
    f: sigmoid,
    df: (z) => z * (1 - z),
    // multiplied left to right as the lesson's `np.dot(W3.T, delta3) * Z2 * (1 - Z2)`, so the fast twins'
    // deltas are lesson/backward.ts's to the last bit (g · (z(1 − z)) can round differently)
    chain: (g, z) => g * z * (1 - z),
  }),
  relu: activation({
    f: (a) => (a > 0 ? a : 0),
    df: (z) => (z > 0 ? 1 : 0),
    // exactly 0 where the node is off, even when g is ±Infinity or NaN (g · 0 would be NaN, or −0)
    chain: (g, z) => (z > 0 ? g : 0),
    init: "he",
  }),
};

/** The name of an entry of ACTIVATIONS: what Classifier's `hidden` option and deep.ts take. */
export type ActivationName = keyof typeof ACTIVATIONS;

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(ACTIVATIONS, name);
}
