/** Notebook 01: small random initial weights, the lesson's step 2. A seeded generator makes every run repeatable. */
import seedrandom from "seedrandom";
import { Matrix } from "./matrix";
import { requireLayerSizes } from "./errors";

/** The seed used when none is given (the train command, the notebooks). */
export const DEFAULT_SEED = "nn-lesson";

/** A function returning uniform numbers in [0, 1), like Python's `random.random()`, from a seed. */
export type Rng = () => number;

export function makeRng(seed: string | number = DEFAULT_SEED): Rng {
  return seedrandom(String(seed));
}

/** The lesson's `random_num(n)`: n uniform numbers in [0, 1). */
export function randomNum(n: number, rng: Rng): number[] {
  return Array.from({ length: n }, () => rng());
}

/**
 * Initial weights for layer sizes such as [3, 2, 3, 2]: one matrix per pair of layers,
 * `sizes[l+1]` rows by `sizes[l]` columns, filled row by row as the lesson does
 * (`W1 = np.array([random_num(3), random_num(3)])`).
 */
export function initWeights(sizes: readonly number[], seed: string | number = DEFAULT_SEED): Matrix[] {
  requireLayerSizes(sizes, "sizes");
  const rng = makeRng(seed);
  const Ws: Matrix[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    Ws.push(Array.from({ length: sizes[l + 1] }, () => randomNum(sizes[l], rng)));
  }
  return Ws;
}
