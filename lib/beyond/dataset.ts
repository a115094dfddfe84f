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
  if (headerAt < 0) throw new InputError(`${source}: 파일이 비어 있습니다 ("x1,x2,label" 같은 머리글 줄이 있어야 합니다) / the file is empty (expected a header line such as "x1,x2,label")`);
  const header = splitCsvLine(lines[headerAt]);
  const where = (i: number) => `${source}:${i + 1}`;
  header.forEach((h, c) => {
    if (h === "") throw new InputError(`${where(headerAt)}: 머리글의 ${c + 1}번째 열에 이름이 없습니다 / column ${c + 1} of the header has no name`);
    if (header.indexOf(h) !== c) throw new InputError(`${where(headerAt)}: 열 이름 "${h}"이(가) 머리글에 두 번 나옵니다 / column name "${h}" appears twice in the header`);
  });
  if (header.length < 2) throw new InputError(`${where(headerAt)}: 머리글의 열이 ${header.length}개뿐입니다. 특성 열 하나 이상과 레이블 열이 있어야 합니다 / the header has ${header.length} column; need at least one feature and a label`);
  const labelName = opts.label ?? header[header.length - 1];
  const labelCol = header.indexOf(labelName);
  if (labelCol < 0) throw new InputError(`${where(headerAt)}: 레이블 열 "${labelName}"이(가) 없습니다 (있는 열: ${header.join(", ")}) / no label column "${labelName}" (columns: ${header.join(", ")})`);
  const features = opts.features ?? header.filter((_, c) => c !== labelCol);
  const featureCols = features.map((f) => {
    const c = header.indexOf(f);
    if (c < 0 || c === labelCol) throw new InputError(`${where(headerAt)}: 특성 열 "${f}"이(가) 없습니다 (있는 열: ${header.join(", ")}) / no feature column "${f}" (columns: ${header.join(", ")})`);
    return c;
  });

  const X: number[][] = [];
  const rawLabels: string[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = splitCsvLine(lines[i]);
    if (cells.some((c) => c.includes('"'))) {
      throw new InputError(`${where(i)}: 따옴표가 든 칸은 읽을 수 없습니다 (쉼표로만 나눈 칸만 됩니다) / a field contains a quote or a quoted comma, which this reader does not support (plain comma-separated fields only)`);
    }
    if (cells.length !== header.length) {
      throw new InputError(`${where(i)}: 칸이 ${header.length}개(${header.join(",")})여야 하는데 ${cells.length}개입니다 / expected ${header.length} fields (${header.join(",")}), found ${cells.length}`);
    }
    X.push(featureCols.map((c) => {
      const s = cells[c];
      const v = s === "" ? NaN : Number(s);
      if (!Number.isFinite(v)) throw new InputError(`${where(i)}: "${header[c]}" 열은 숫자여야 합니다. 받은 값: ${JSON.stringify(s)} / column "${header[c]}" must be a number, found ${JSON.stringify(s)}`);
      return v;
    }));
    if (cells[labelCol] === "") throw new InputError(`${where(i)}: 레이블 열 "${labelName}"이(가) 비어 있습니다 / the label column "${labelName}" is empty`);
    rawLabels.push(cells[labelCol]);
  }
  if (X.length === 0) throw new InputError(`${source}: 머리글 다음에 데이터 줄이 없습니다 / no data rows after the header`);

  const classes = opts.classes ?? defaultClassOrder(rawLabels);
  const labels = rawLabels.map((l, n) => {
    const k = classes.indexOf(l);
    if (k < 0) throw new InputError(`${source}: ${n + 1}번째 줄의 레이블 "${l}"은(는) 클래스 ${classes.join(", ")} 중 하나가 아닙니다 / label "${l}" of row ${n + 1} is not one of the classes ${classes.join(", ")}`);
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
  if (!Number.isInteger(n) || n < 2) throw new InputError(`makeMoons: n은(는) 2 이상의 정수여야 합니다. 받은 값: ${n} / n must be a whole number ≥ 2, got ${n}`);
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
  if (X.length === 0) throw new InputError("standardizer: 데이터에 행이 없습니다 / no rows");
  const d = X[0].length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[j], 0) / X.length);
  const std = mean.map((m, j) => Math.sqrt(X.reduce((s, x) => s + (x[j] - m) ** 2, 0) / X.length) || 1);
  return { mean, std, apply: (x) => x.map((v, j) => (v - mean[j]) / std[j]) };
}

/** Keep only some features of a data set (by name), e.g. the two petal measurements of iris. */
export function selectFeatures(d: Dataset, names: readonly string[]): Dataset {
  const cols = names.map((n) => {
    const c = d.features.indexOf(n);
    if (c < 0) throw new InputError(`${d.source}: "${n}"이라는 특성이 없습니다. 있는 특성: ${d.features.join(", ")} / no feature "${n}" (features: ${d.features.join(", ")})`);
    return c;
  });
  return { ...d, features: names.slice(), X: d.X.map((x) => cols.map((c) => x[c])) };
}
