import { test } from "node:test";
import * as assert from "assert/strict";
import { DEFAULT_SEED, initWeights, layerSizes, train } from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

test("initWeights: the lesson's shapes, uniform in [0, 1)", () => {
  const W = initWeights([3, 2, 3, 2], 1);
  assert.deepEqual(W.map((M) => [M.length, M[0].length]), [[2, 3], [3, 2], [2, 3]]);
  assert.deepEqual(layerSizes(W), [3, 2, 3, 2]);
  for (const w of W.flat(2)) assert.ok(w >= 0 && w < 1, `${w} outside [0, 1)`);
});

test("same seed → bit-identical weights and training; other seed → other weights", () => {
  const a = initWeights([3, 2, 3, 2], "abc"), b = initWeights([3, 2, 3, 2], "abc"), c = initWeights([3, 2, 3, 2], "abd");
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
  const x = [0.5, 0.3, 0.2], y = [0.8, 0.6];
  const r1 = train({ weights: a, x, y }), r2 = train({ weights: b, x, y });
  assert.deepEqual(Array.from(r1.loss), Array.from(r2.loss));
  assert.deepEqual(r1.weights, r2.weights);
  assert.deepEqual(initWeights([3, 2, 3, 2]), initWeights([3, 2, 3, 2], DEFAULT_SEED));
});

test("initWeights: any layer sizes; bad sizes are named", () => {
  assert.deepEqual(initWeights([5, 4, 1], 3).map((M) => [M.length, M[0].length]), [[4, 5], [1, 4]]);
  assertInputError(() => initWeights([3]), "layer-count");
  assertInputError(() => initWeights([3, 0, 2]), "layer-size");
  assertInputError(() => initWeights([3, 2.5, 2]), "layer-size");
});
