import { test } from "node:test";
import * as assert from "assert/strict";
import { DEFAULT_SEED, initWeights, layerSizes, train } from "nn-lesson/dist/internal";

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
  assert.throws(() => initWeights([3]), /^InputError: sizes\(층의 크기 목록\)에는 입력층과 출력층을 포함해 2개 이상의 층이 있어야 합니다.* \/ sizes needs at least 2 layer sizes/);
  assert.throws(() => initWeights([3, 0, 2]), /sizes\[1\]\(층 1의 노드 수\)은\(는\) 1 이상 1000 이하의 정수여야 합니다\. 받은 값: 0 .* \/ sizes\[1\] must be a whole number from 1 to 1000, got 0/);
  assert.throws(() => initWeights([3, 2.5, 2]), /받은 값: 2\.5/);
});
