import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ErrorCode, InputError, classCounts, dataPath, datasetToCsv, makeMoons, parseDataset, readDataset, selectFeatures, standardizer, xorDataset,
} from "nn-lesson/dist/internal";
import { assertInputError } from "./helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-data-"));
function file(name: string, text: string): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}

test("iris.csv: 150 rows, 4 features, 3 classes of 50, Fisher's corrected rows 35 and 38", () => {
  const d = readDataset(dataPath("iris.csv"));
  assert.deepEqual(d.features, ["sepal_length", "sepal_width", "petal_length", "petal_width"]);
  assert.deepEqual(d.classes, ["setosa", "versicolor", "virginica"]);
  assert.deepEqual(classCounts(d), [50, 50, 50]);
  assert.deepEqual(d.X[0], [5.1, 3.5, 1.4, 0.2]);
  assert.deepEqual(d.X[34], [4.9, 3.1, 1.5, 0.2]);
  assert.deepEqual(d.X[37], [4.9, 3.6, 1.4, 0.1]);
  assert.deepEqual(d.X[149], [5.9, 3.0, 5.1, 1.8]);
  const means = d.features.map((_, j) => d.X.reduce((s, x) => s + x[j], 0) / 150);
  [5.8433, 3.0573, 3.758, 1.1993].forEach((m, j) => assert.ok(Math.abs(means[j] - m) < 1e-4, `${d.features[j]} mean ${means[j]}`));
});

test("moons.csv is exactly what makeMoons(200, 0.15, \"moons\") generates", () => {
  const text = fs.readFileSync(dataPath("moons.csv"), "utf8");
  assert.equal(text, datasetToCsv(makeMoons(200, 0.15, "moons")));
  const d = readDataset(dataPath("moons.csv"));
  assert.deepEqual(d.classes, ["0", "1"]);
  assert.deepEqual(classCounts(d), [100, 100]);
  const gen = makeMoons(200, 0.15, "moons");
  d.X.forEach((x, n) => x.forEach((v, j) => assert.ok(Math.abs(v - gen.X[n][j]) <= 5e-7)));
});

test("makeMoons: seeded, repeatable, different seeds differ; XOR has 4 corners", () => {
  assert.deepEqual(makeMoons(20, 0.1, 3), makeMoons(20, 0.1, 3));
  assert.notDeepEqual(makeMoons(20, 0.1, 3).X, makeMoons(20, 0.1, 4).X);
  const clean = makeMoons(11, 0, "x");
  assert.deepEqual(classCounts(clean), [6, 5]);
  assert.deepEqual(clean.X[0], [1, 0]);
  assert.deepEqual(xorDataset().labels, [0, 1, 1, 0]);
});

test("options: label column by name, chosen features, class order; blank lines, CRLF and quotes", () => {
  const f = file("ok.csv", "\uFEFFkind,a,b\r\n\"cat\",1,2\r\n\r\ndog, 3 ,4\r\n");
  const d = readDataset(f, { label: "kind", features: ["b", "a"], classes: ["dog", "cat"] });
  assert.deepEqual(d.X, [[2, 1], [4, 3]]);
  assert.deepEqual(d.labels, [1, 0]);
  assert.deepEqual(parseDataset("x,y\n1,10\n2,2\n3,10\n", "s").classes, ["2", "10"]);
  const iris2 = selectFeatures(readDataset(dataPath("iris.csv")), ["petal_length", "petal_width"]);
  assert.deepEqual(iris2.X[0], [1.4, 0.2]);
});

test("standardizer: mean 0 and standard deviation 1 per feature", () => {
  const X = [[1, 10], [2, 10], [3, 10]];
  const s = standardizer(X);
  assert.deepEqual(s.mean, [2, 10]);
  assert.deepEqual(s.std, [Math.sqrt(2 / 3), 1]);
  const Z = X.map(s.apply);
  assert.ok(Math.abs(Z.reduce((a, z) => a + z[0], 0)) < 1e-12);
  assert.deepEqual(Z.map((z) => z[1]), [0, 0, 0]);
});

const bad: [string, string, ErrorCode, RegExp][] = [
  ["a row with a missing field", "a,b,label\n1,2,x\n3,x\n", "csv-field-count", /^.*short\.csv:3: /],
  ["a non-numeric feature", "a,b,label\n1,2,x\n3,four,y\n", "csv-not-number", /^.*word\.csv:3: /],
  ["an empty feature", "a,b,label\n1,,x\n", "csv-not-number", /^.*empty\.csv:2: /],
  ["an empty label", "a,b,label\n1,2,\n", "csv-empty-label", /^.*nolabel\.csv:2: /],
  ["a duplicated column name", "a,a,label\n1,2,x\n", "csv-duplicate-column", /^.*dup\.csv:1: /],
  ["an empty file", "\n\n", "csv-empty", /^.*blank\.csv: /],
  ["a header only", "a,label\n", "csv-no-rows", /^.*header\.csv: /],
  ["too many fields after blank lines", "a,label\n\n1,x\n\n2,y,3\n", "csv-field-count", /^.*long\.csv:5: /],
];
const names = ["short", "word", "empty", "nolabel", "dup", "blank", "header", "long"];

bad.forEach(([what, text, code, where], i) => {
  test(`bad file, ${what}: InputError naming the file and line, one line`, () => {
    const f = file(`${names[i]}.csv`, text);
    assert.throws(() => readDataset(f), (e: unknown) => {
      assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
      assert.equal(e.code, code);
      assert.match(e.message, where, "the file and line come first");
      assert.ok(!(e as Error).message.includes("\n"), "one line");
      return true;
    });
  });
});

test("bad options and missing files", () => {
  assertInputError(() => readDataset(path.join(tmp, "nope.csv")), "file-unreadable");
  const f = file("opts.csv", "a,b,label\n1,2,x\n");
  assertInputError(() => readDataset(f, { label: "class" }), "csv-no-label-column");
  assertInputError(() => readDataset(f, { features: ["c"] }), "csv-no-feature-column");
  assertInputError(() => readDataset(f, { classes: ["y"] }), "csv-unknown-class");
  assertInputError(() => makeMoons(1), "moons-n");
});
