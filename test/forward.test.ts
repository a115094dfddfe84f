import { test } from "node:test";
import * as assert from "assert/strict";
import { Network, dot, forward, outer, sigmoid, transpose } from "nn-lesson/dist/internal";
import { assertClose, assertInputError } from "./helpers";

test("matrix helpers match numpy's dot, outer and .T", () => {
  assert.deepEqual(dot([[1, 2, 3], [4, 5, 6]], [1, 0, -1]), [-2, -2]);
  assert.deepEqual(outer([1, 2], [3, 4, 5]), [[3, 4, 5], [6, 8, 10]]);
  assert.deepEqual(transpose([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]]);
  assertInputError(() => dot([[1, 2]], [1, 2, 3]), "dot-columns");
});

test("sigmoid and its derivative by hand", () => {
  assert.equal(sigmoid(0), 0.5);
  assertClose(sigmoid(1), 0.7310585786300049, 1e-16);
  // the derivative through the output, as backward.ts uses it: dσ/da = o (1 − o) with o = σ(a)
  const fromOutput = (o: number) => o * (1 - o);
  assert.equal(fromOutput(sigmoid(0)), 0.25);
  const h = 1e-6;
  for (const a of [-3, -0.5, 0.2, 2]) assertClose(fromOutput(sigmoid(a)), (sigmoid(a + h) - sigmoid(a - h)) / (2 * h), 1e-9, `at ${a}`);
});

test("forward pass of a tiny 2-1-1 net, by hand", () => {
  // A1 = 1*0.5 + (-1)*0.5 = 0, Z1 = 0.5; A2 = 2*0.5 = 1, Z2 = sigmoid(1).
  const r = forward([[[1, -1]], [[2]]], [0.5, 0.5]);
  assert.deepEqual(r.A, [[0], [1]]);
  assert.deepEqual(r.Z[0], [0.5]);
  assertClose(r.output, [0.7310585786300049], 1e-16);
});

test("forward pass of the lesson's first layer, by hand", () => {
  // W1 = [[0.1,0.2,0.3],[0.4,0.5,0.6]], X = [0.5,0.3,0.2]: A1 = [0.17, 0.47]
  const r = forward([[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]], [0.5, 0.3, 0.2]);
  assertClose(r.A[0], [0.17, 0.47], 1e-15);
  assertClose(r.Z[0], [1 / (1 + Math.exp(-0.17)), 1 / (1 + Math.exp(-0.47))], 1e-16);
});

test("the fast Network computes exactly what forward() computes", () => {
  const W = [[[0.3, -0.2, 0.9], [1.1, 0.4, -0.7]], [[0.5, -1.2]]];
  const net = new Network(W, [1, 2, 3], [0.25]);
  const loss = net.forward();
  const r = forward(W, [1, 2, 3]);
  assert.deepEqual(Array.from(net.output), r.output);
  assert.equal(loss, (0.25 - r.output[0]) ** 2);
  assert.deepEqual(net.weights(), W);
});

test("Network rejects x or y of the wrong length", () => {
  assertInputError(() => new Network([[[1, 2]]], [1], [0]), "vector-length");
  assertInputError(() => new Network([[[1, 2]]], [1, 2], [0, 1]), "vector-length");
});
