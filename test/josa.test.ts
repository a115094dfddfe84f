/** Korean particles after names (lib/lesson/josa.ts), as a Korean reader would say them. */
import { test } from "node:test";
import * as assert from "assert/strict";
import { josa } from "nn-lesson/dist/internal";

test("은/는 after variable names, numbers, Hangul and quoted words, read as Korean reads them", () => {
  const cases: [unknown, string][] = [
    ["start", "는"], ["h", "는"], ["epochs", "는"], ["learningRate", "는"], ["x", "는"], ["W", "는"],
    ["iterations", "는"], ["n", "은"], ["form", "은"], ["hidden", "은"], ["scale", "은"], ["label", "은"],
    ["string", "은"], ["map", "은"], ["input", "은"], ["step", "은"], ["testFraction", "은"], ["seed", "는"],
    ["weight", "는"], [1, "은"], [2, "는"], [3, "은"], [4, "는"], [10, "은"], [100, "은"], [1000, "은"],
    [0.5, "는"], ["1e-6", "은"], [0, "은"], ["W3", "은"], ["W2", "는"], ["X[3]", "은"], ["y[2]", "는"],
    ['"abc"', "는"], ["'c'", "는"], ["가중치", "는"], ["행렬", "은"], ["벡터", "는"], ["e^1000", "은"],
    ["beta1 (β₁)", "은"], ["rho (ρ)", "는"], ["momentum (μ)", "는"], ["ε", "은"], ["'lessonData'", "는"],
    ["batchSize", "는"],
  ];
  for (const [w, want] of cases) assert.equal(josa(w, "은는"), want, String(w));
});

test("the other pairs follow the same reading: 이/가, 을/를, 와/과", () => {
  assert.equal(josa("길이 3인 벡터", "과와"), "와");
  assert.equal(josa("2×3 행렬", "과와"), "과");
  assert.equal(josa("map", "을를"), "을");
  assert.equal(josa("forEach", "을를"), "를");
  assert.equal(josa("W1", "이가"), "이");
  assert.equal(josa("label", "이가"), "이");
  assert.equal(josa("species", "이가"), "가");
});
