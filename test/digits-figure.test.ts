import { test } from "node:test";
import * as assert from "assert/strict";
import { MNIST_PIXELS, confusionFigure, digitsFigure, figureHtml, mnist } from "nn-lesson/dist/internal";
import { assertEmbeds, assertInputError } from "./helpers";

const digit = (v: (i: number) => number) => Array.from({ length: MNIST_PIXELS }, (_, i) => v(i));

test("digitsFigure: the digits side by side in one heatmap, each pixel where it belongs, a caption over each", () => {
  const a = digit((i) => (i === 0 ? 1 : 0)), b = digit((i) => (i === 28 * 27 + 27 ? 0.5 : 0)), c = digit(() => 0.25);
  const fig = digitsFigure([a, b, c], { captions: ["예측 1", "정답 2", "셋"], columns: 2 });
  assert.equal(fig.data.length, 1);
  const z = (fig.data[0] as { z: (number | null)[][] }).z;
  // 2 columns of 28 + 4 px, 2 rows of caption 9 + 28 + 4 px
  assert.equal(z[0].length, 64);
  assert.equal(z.length, 82);
  assert.equal(z[9][0], 1, "digit 0, pixel (0, 0)");
  assert.equal(z[9 + 27][32 + 27], 0.5, "digit 1, pixel (27, 27)");
  assert.equal(z[41 + 9][5], 0.25, "digit 2 in the second row");
  assert.equal(z[0][0], null, "captions and gaps stay empty");
  const ann = (fig.layout?.annotations ?? []) as { text: string }[];
  assert.deepEqual(ann.map((x) => x.text), ["예측 1", "정답 2", "셋"]);
  assertEmbeds(figureHtml(fig), fig);
  assertInputError(() => digitsFigure([[1, 2, 3]]), "digits-figure-image-size");
  assertInputError(() => digitsFigure([]), "digits-figure-no-images");
});

test("confusionFigure: the counts as a heatmap with the total right in the title; a non-square matrix is refused", () => {
  const cm = [[5, 1, 0], [0, 7, 2], [1, 0, 4]];
  const fig = confusionFigure(cm);
  // the counts are written in; the colour is log(1 + count), so a 1 among 7s is not as pale as a 0
  assert.deepEqual((fig.data[0] as { text: string[][] }).text, cm.map((row) => row.map(String)));
  const z = (fig.data[0] as { z: number[][] }).z;
  assert.deepEqual(z, cm.map((row) => row.map((v) => Math.log1p(v))));
  assert.ok(z[0][1] > 0 && z[0][2] === 0 && z[0][1] > 0.3 * z[1][1], "a single mistake has a visible colour");
  assert.match(JSON.stringify(fig.layout?.title), /20개 중 16개 맞힘/);
  assertEmbeds(figureHtml(fig), fig);
  assertInputError(() => confusionFigure([[1, 2], [3]]), "confusion-figure-matrix");
  assert.equal(mnist.confusionFigure, confusionFigure);
  assert.equal(mnist.digitsFigure, digitsFigure);
});
