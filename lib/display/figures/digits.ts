/**
 * Notebook 12: figures of handwritten digits (MNIST). Pure like the other builders: data in, a Figure out.
 * digitsFigure puts 28×28 images side by side in ONE heatmap (a white gap between them, a caption over each):
 * one trace however many digits, so a page draws 24 digits as fast as one. confusionFigure is a confusion
 * matrix as a heatmap with the count written in every cell.
 */
import { InputError, describe } from "../../lesson/errors";
import { MNIST_PIXELS, MNIST_SIDE } from "../../beyond/mnist";
import { Annotation, Figure, PLOT_FONT, Trace, baseLayout } from "./layout";

/** Ink on paper: 0 white, 1 black. */
const INK: [number, string][] = [[0, "#ffffff"], [1, "#000000"]];
const GAP = 4;

export interface DigitsFigureOptions {
  /** A caption over each digit, e.g. "7" or "예측 3 / 정답 5". */
  captions?: string[];
  /** Digits per row (default: up to 10). */
  columns?: number;
  title?: string;
}

/** Digits (each 784 values in [0, 1], row after row) in a grid, with optional captions. */
export function digitsFigure(images: readonly ArrayLike<number>[], opts: DigitsFigureOptions = {}): Figure {
  if (!Array.isArray(images) || images.length === 0) {
    throw new InputError("digits-figure-no-images");
  }
  images.forEach((im, n) => {
    if (!im || im.length !== MNIST_PIXELS) {
      throw new InputError("digits-figure-image-size", {
        n, pixels: MNIST_PIXELS, imLength: describe(im?.length),
      });
    }
  });
  const cols = Math.min(opts.columns ?? 10, images.length);
  if (!Number.isInteger(cols) || cols < 1) throw new InputError("digits-figure-columns", {
    optsColumns: describe(opts.columns),
  });
  const rows = Math.ceil(images.length / cols);
  const cell = MNIST_SIDE + GAP, caption = opts.captions ? 9 : 0;
  const H = rows * (cell + caption), W = cols * cell;
  const z: (number | null)[][] = Array.from({ length: H }, () => new Array<number | null>(W).fill(null));
  const annotations: Annotation[] = [];
  images.forEach((im, n) => {
    const top = Math.floor(n / cols) * (cell + caption) + caption, left = (n % cols) * cell;
    for (let r = 0; r < MNIST_SIDE; r++) for (let c = 0; c < MNIST_SIDE; c++) z[top + r][left + c] = Math.round(im[r * MNIST_SIDE + c] * 1000) / 1000;
    if (opts.captions?.[n] !== undefined) {
      annotations.push({ x: left + MNIST_SIDE / 2 - 0.5, y: top - 1.5, text: opts.captions[n], showarrow: false, yanchor: "bottom", font: { size: 12 } });
    }
  });
  const trace: Trace = {
    type: "heatmap", z, zmin: 0, zmax: 1, colorscale: INK, showscale: false, hoverongaps: false,
    hovertemplate: "값 %{z}<extra></extra>", name: "숫자",
  } as Trace;
  const pxPerCell = cols > 8 ? 3 : 4;
  return {
    data: [trace],
    layout: baseLayout(opts.title ?? `손글씨 숫자 ${images.length}개`, {
      font: { family: PLOT_FONT, size: 13 },
      xaxis: { visible: false, range: [-0.5, W - 0.5], constrain: "domain" },
      yaxis: { visible: false, autorange: "reversed", scaleanchor: "x", constrain: "domain" },
      annotations, plot_bgcolor: "#ffffff", height: Math.max(160, 90 + H * pxPerCell), margin: { l: 10, r: 10, t: 60, b: 10 },
    }),
  };
}

/**
 * A confusion matrix (rows: true class, columns: predicted class) as a heatmap with the counts written in.
 * The colour is log(1 + count) from white (0) to blue, so a handful of mistakes shows next to a diagonal of
 * hundreds (on a linear scale every mistake looked like a 0).
 */
export function confusionFigure(cm: readonly (readonly number[])[], opts: { classes?: string[]; title?: string } = {}): Figure {
  const K = Array.isArray(cm) ? cm.length : 0;
  if (K < 2 || cm.some((row) => !Array.isArray(row) || row.length !== K || row.some((v) => !Number.isFinite(v)))) {
    throw new InputError("confusion-figure-matrix");
  }
  const names = opts.classes ?? cm.map((_, k) => String(k));
  const total = cm.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const right = cm.reduce((s, row, k) => s + row[k], 0);
  return {
    data: [{
      type: "heatmap", x: names, y: names, z: cm.map((row) => row.map((v) => Math.log1p(v))), zmin: 0,
      text: cm.map((row) => row.map(String)), colorscale: [[0, "#ffffff"], [0.35, "#9ecae1"], [1, "#08519c"]],
      showscale: false, texttemplate: "%{text}", hovertemplate: "실제 %{y}, 예측 %{x}: %{text}개<extra></extra>",
      xgap: 1, ygap: 1,
    } as unknown as Trace], // plotly.js types text as string[], a heatmap takes rows
    layout: baseLayout(opts.title ?? `혼동 행렬 (${total}개 중 ${right}개 맞힘)`, {
      xaxis: { title: { text: "예측" }, type: "category", side: "bottom" },
      yaxis: { title: { text: "실제" }, type: "category", autorange: "reversed", scaleanchor: "x" },
      height: 480,
    }),
  };
}
