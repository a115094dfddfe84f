/**
 * Notebooks 09–11: small labelled data sets for classification, made here (two moons, XOR) or parsed
 * from CSV text (node/files.ts reads the files in data/).
 *
 * What the CSV reader reads: a header line, then one example per non-empty line, fields separated by
 * commas: numeric feature columns and one label column (a class name such as "setosa", or a whole
 * number). A field may be wrapped in double quotes, but a field cannot contain a comma or a quote
 * (a line with a quote inside a field is refused). A bad line is reported as an InputError
 * "source:line: what is wrong", one line, no stack trace.
 */
import { InputError } from "../lesson/errors";
import { Rng, makeRng } from "../lesson/random";

export interface Dataset {
  /** Where the rows came from (a file path or a description). */
  source: string;
  /** Feature column names, in order. */
  features: string[];
  /** X[n] = the feature values of example n. */
  X: number[][];
  /** labels[n] = the class index of example n, 0 … classes.length − 1. */
  labels: number[];
  /** Class names; labels index into this list. */
  classes: string[];
}

export interface ReadDatasetOptions {
  /** Name of the label column; default: the last column. */
  label?: string;
  /** Feature columns to keep, in this order; default: every column except the label. */
  features?: string[];
  /** Class names in the order their indices should have; default: order of first appearance (or numeric order for whole numbers). */
  classes?: string[];
}

/** Parse CSV text; `source` names it in error messages ("source:line: …"). */
export function parseDataset(text: string, source: string, opts: ReadDatasetOptions = {}): Dataset {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== "");
  if (headerAt < 0) throw new InputError("csv-empty", { source });
  const header = splitCsvLine(lines[headerAt]);
  const where = (i: number) => `${source}:${i + 1}`;
  header.forEach((h, c) => {
    if (h === "") throw new InputError("csv-unnamed-column", { where: where(headerAt), column: c + 1 });
    if (header.indexOf(h) !== c) throw new InputError("csv-duplicate-column", { where: where(headerAt), h });
  });
  if (header.length < 2) throw new InputError("csv-too-few-columns", {
    where: where(headerAt), headerLength: header.length,
  });
  const labelName = opts.label ?? header[header.length - 1];
  const labelCol = header.indexOf(labelName);
  if (labelCol < 0) throw new InputError("csv-no-label-column", {
    where: where(headerAt), labelName, headerList: header.join(", "),
  });
  const features = opts.features ?? header.filter((_, c) => c !== labelCol);
  const featureCols = features.map((f) => {
    const c = header.indexOf(f);
    if (c < 0 || c === labelCol) throw new InputError("csv-no-feature-column", {
      where: where(headerAt), f, headerList: header.join(", "),
    });
    return c;
  });

  const X: number[][] = [];
  const rawLabels: string[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = splitCsvLine(lines[i]);
    if (cells.some((c) => c.includes('"'))) {
      throw new InputError("csv-quote", { where: where(i) });
    }
    if (cells.length !== header.length) {
      throw new InputError("csv-field-count", {
        where: where(i), headerLength: header.length, headerList: header.join(","), cellsLength: cells.length,
      });
    }
    X.push(featureCols.map((c) => {
      const s = cells[c];
      const v = s === "" ? NaN : Number(s);
      if (!Number.isFinite(v)) throw new InputError("csv-not-number", {
        where: where(i), column: header[c], s: JSON.stringify(s),
      });
      return v;
    }));
    if (cells[labelCol] === "") throw new InputError("csv-empty-label", { where: where(i), labelName });
    rawLabels.push(cells[labelCol]);
  }
  if (X.length === 0) throw new InputError("csv-no-rows", { source });

  const classes = opts.classes ?? defaultClassOrder(rawLabels);
  const labels = rawLabels.map((l, n) => {
    const k = classes.indexOf(l);
    if (k < 0) throw new InputError("csv-unknown-class", {
      source, row: n + 1, l, classesList: classes.join(", "),
    });
    return k;
  });
  return { source, features, X, labels, classes };
}

function splitCsvLine(line: string): string[] {
  return line.split(",").map((s) => s.trim().replace(/^"(.*)"$/, "$1"));
}

function defaultClassOrder(raw: string[]): string[] {
  const seen = [...new Set(raw)];
  return seen.every((s) => /^-?\d+$/.test(s)) ? seen.sort((a, b) => Number(a) - Number(b)) : seen;
}

/** The CSV text of a data set (header, then one line per example, label by class name). */
export function datasetToCsv(d: Dataset, labelName = "label", digits = 6): string {
  const rows = d.X.map((x, n) => [...x.map((v) => Number(v.toFixed(digits))), d.classes[d.labels[n]]].join(","));
  return [[...d.features, labelName].join(","), ...rows].join("\n") + "\n";
}

/** How many examples of each class: counts[k] for class k. */
export function classCounts(d: Pick<Dataset, "labels" | "classes">): number[] {
  const counts = d.classes.map(() => 0);
  for (const l of d.labels) counts[l]++;
  return counts;
}

/** A standard normal number from two uniform ones (Box–Muller). */
export function gaussian(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * Two interleaving half circles ("two moons", as scikit-learn's make_moons draws them):
 * class 0 on the upper arc (cos t, sin t), class 1 on the lower arc (1 − cos t, ½ − sin t),
 * t ∈ [0, π], plus Gaussian noise of standard deviation `noise`. No straight line separates them,
 * so a network without a hidden layer cannot classify them all.
 */
export function makeMoons(n = 200, noise = 0.15, seed: string | number = "moons"): Dataset {
  if (!Number.isInteger(n) || n < 2) throw new InputError("moons-n", { n });
  const rng = makeRng(seed);
  const X: number[][] = [];
  const labels: number[] = [];
  const half = Math.ceil(n / 2);
  for (let j = 0; j < n; j++) {
    const cls = j < half ? 0 : 1;
    const count = cls === 0 ? half : n - half;
    const idx = cls === 0 ? j : j - half;
    const t = count === 1 ? 0 : (Math.PI * idx) / (count - 1);
    const x = cls === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = cls === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    X.push([x + noise * gaussian(rng), y + noise * gaussian(rng)]);
    labels.push(cls);
  }
  return { source: `makeMoons(${n}, ${noise}, ${JSON.stringify(seed)})`, features: ["x1", "x2"], X, labels, classes: ["0", "1"] };
}

/** The four corners of XOR: output 1 when exactly one input is 1. */
export function xorDataset(): Dataset {
  return { source: "XOR", features: ["x1", "x2"], X: [[0, 0], [0, 1], [1, 0], [1, 1]], labels: [0, 1, 1, 0], classes: ["0", "1"] };
}

export interface Standardizer {
  mean: number[];
  std: number[];
  /** (x − mean) / std, feature by feature. */
  apply(x: readonly number[]): number[];
}

/** Feature means and standard deviations of X, to put every feature on the same scale before training. */
export function standardizer(X: readonly (readonly number[])[]): Standardizer {
  if (X.length === 0) throw new InputError("standardizer-no-rows");
  const d = X[0].length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j], 0) / X.length);
  const std = mean.map((m, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - m) ** 2, 0) / X.length) || 1);
  return { mean, std, apply: (x) => x.map((v, j) => (v - mean[j]) / std[j]) };
}

/** Keep only some features of a data set (by name), e.g. the two petal measurements of iris. */
export function selectFeatures(d: Dataset, names: readonly string[]): Dataset {
  const cols = names.map((n) => {
    const c = d.features.indexOf(n);
    if (c < 0) throw new InputError("dataset-no-feature", {
      source: d.source, n, features: d.features.join(", "),
    });
    return c;
  });
  return { ...d, features: names.slice(), X: d.X.map((x) => cols.map((c) => x[c])) };
}
