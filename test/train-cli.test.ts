import { test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assertClose, reference, ROOT } from "./helpers";

const TRAIN = path.join(ROOT, "build", "scripts", "cli", "train.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nn-train-"));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [TRAIN, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: unknown): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
  return f;
}

test("--weights data/lesson.json --json reproduces the numpy reference", () => {
  const ref = reference();
  const r = run(["--weights", path.join(ROOT, "data", "lesson.json"), "--json"]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j).sort(), ["first", "last", "loss", "trainSeconds", "weights"]);
  assertClose(j.first, ref.firstOutput, 1e-12);
  assertClose(j.last, ref.lastOutput, 1e-12);
  assert.equal(j.loss.length, 1000);
  assertClose(j.loss[0], ref.firstLoss, 1e-12);
  assertClose(j.loss[999], ref.lastLoss, 1e-12);
  assertClose(j.weights, ref.finalWeights, 1e-12);
  assert.ok(j.trainSeconds > 0 && j.trainSeconds < 5);
});

test("defaults: seeded 3-2-3-2 weights, 1000 iterations, repeatable; --seed changes them", () => {
  const a = JSON.parse(run(["--json"]).out), b = JSON.parse(run(["--json"]).out), c = JSON.parse(run(["--json", "--seed", "7"]).out);
  assert.equal(a.loss.length, 1000);
  assert.deepEqual(a.loss, b.loss);
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.weights.map((W: number[][]) => [W.length, W[0].length]), [[2, 3], [3, 2], [2, 3]]);
  assert.notDeepEqual(a.first, c.first);
  assert.ok(a.loss[999] < a.loss[0]);
});

test("--iterations, --lr, and x/y defaulting to the lesson's; any layer sizes", () => {
  const f = file("w.json", { weights: [[[0.1, 0.2, 0.3], [0.3, 0.2, 0.1], [0.5, 0.5, 0.5], [0, 0, 1]], [[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]]] });
  const j = JSON.parse(run(["--weights", f, "--iterations", "20", "--lr", "0.5", "--json"]).out);
  assert.equal(j.loss.length, 20);
  assert.equal(j.weights[0].length, 4);
  const g = file("xy.json", { weights: [[[1, 1]]], x: [0.1, 0.2], y: [0.9] });
  assert.equal(JSON.parse(run(["--weights", g, "--iterations", "3", "--json"]).out).first.length, 1);
});

test("learningRate and iterations stored in the file are used; flags override them; a BOM is fine", () => {
  const f = path.join(tmp, "stored.json");
  fs.writeFileSync(f, "\uFEFF" + JSON.stringify({ weights: [[[1, 2, 3]]], y: [0.5], learningRate: 2, iterations: 3 }));
  assert.equal(JSON.parse(run(["--weights", f, "--json"]).out).loss.length, 3);
  assert.match(run(["--weights", f]).out, /lr 2, 3 iterations/);
  assert.match(run(["--weights", f, "--lr", "0.5", "--iterations", "7"]).out, /lr 0\.5, 7 iterations/);
});

test("human report: initial output, loss now and then, final output", () => {
  const r = run(["--iterations", "100"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /first output: \[/);
  assert.match(r.out, /\[1\] loss: /);
  assert.match(r.out, /\[100\] loss: /);
  assert.match(r.out, /last output: {2}\[/);
});

const bad: [string, () => string[], RegExp][] = [
  ["missing file", () => ["--weights", path.join(tmp, "nope.json")], /nope\.json: 파일을 읽을 수 없습니다 \/ cannot read the file \(no such file\)/],
  ["malformed JSON", () => ["--weights", file("bad.json", "{weights: [")], /bad\.json: JSON 형식이 아닙니다 .* \/ not valid JSON/],
  ["not an object", () => ["--weights", file("arr.json", [1, 2])], /expected a JSON object/],
  ["no weights", () => ["--weights", file("now.json", { x: [1] })], /"weights" must be a non-empty list/],
  ["ragged matrix", () => ["--weights", file("rag.json", { weights: [[[1, 2, 3], [1, 2]], [[1, 2]]] })], /W1의 행 길이가 다릅니다: 1번 행은 2개, 0번 행은 3개 \/ .*W1 is ragged: row 1 has 2 numbers, row 0 has 3/],
  ["mis-chained", () => ["--weights", file("chain.json", { weights: [[[1, 2, 3], [1, 2, 3]], [[1, 2, 3]]] })], /W2 has 3 columns but W1 has 2 rows/],
  ["non-number", () => ["--weights", file("nan.json", { weights: [[[1, "a", 3], [1, 2, 3]]], y: [1, 1] })], /W1\[0\]\[1\]은 유한한 숫자여야 합니다\. 받은 값: "a" \/ .*W1\[0\]\[1\] must be a finite number, found "a"/],
  ["wrong x length", () => ["--weights", file("x.json", { weights: [[[1, 2]]], x: [1, 2, 3], y: [1] })], /x has 3 entries but W1 has 2 columns/],
  ["wrong y length (default y)", () => ["--weights", file("y.json", { weights: [[[1, 2, 3]]] })], /y has 2 entries but W1 has 1 rows/],
  ["zero iterations", () => ["--iterations", "0"], /--iterations must be positive, got 0/],
  ["fractional iterations", () => ["--iterations", "2.5"], /--iterations must be a whole number, got 2\.5/],
  ["non-numeric lr", () => ["--lr", "fast"], /^train: --lr의 값은 숫자여야 합니다\. 받은 값: "fast" \/ --lr must be a number, got "fast"/],
  ["negative lr", () => ["--lr", "-0.1"], /--lr must be positive, got -0\.1/],
  ["unknown flag", () => ["--learning-rate", "0.1"], /^train: 명령의 인자를 읽을 수 없습니다: Unknown option '--learning-rate'.* \/ Unknown option '--learning-rate'/],
  ["flag without value", () => ["--lr"], /^train: --lr에 값이 없습니다 \/ --lr needs a value \(usage: /],
  ["flag followed by another flag", () => ["--weights", "--json"], /^train: --weights에 값이 없습니다 \/ --weights needs a value \(usage: /],
  ["too many iterations", () => ["--iterations", "1e23"], /--iterations must be at most 10000000, got 1e\+23/],
  ["hexadecimal lr", () => ["--lr", "0x10"], /--lr must be a number, got "0x10"/],
  ["empty seed", () => ["--seed", ""], /^train: --seed의 값이 비어 있습니다 \/ --seed must not be empty/],
  ["seed with weights", () => ["--seed", "1", "--weights", path.join(ROOT, "data", "lesson.json")], /^train: --seed는 .* \/ --seed chooses random weights; it cannot be used together with --weights/],
  ["target outside (0, 1)", () => ["--weights", file("y2.json", { weights: [[[1, 2, 3]]], y: [2] })], /y\[0\]은 0과 1 사이여야 합니다 .* \/ y\[0\] must be between 0 and 1, found 2/],
  ["bad stored learningRate", () => ["--weights", file("lrx.json", { weights: [[[1, 2, 3]]], y: [0.5], learningRate: "x" })], /learningRate must be a finite number, found "x"/],
  ["bad stored iterations", () => ["--weights", file("itx.json", { weights: [[[1, 2, 3]]], y: [0.5], iterations: 0 })], /iterations must be positive, got 0/],
  ["unknown key", () => ["--weights", file("key.json", { weights: [[[1, 2, 3]]], y: [0.5], lr: 1 })], /unknown key "lr" \(expected weights, x, y, learningRate, iterations, about\)/],
  ["a directory", () => ["--weights", tmp], /cannot read the file \(EISDIR\)/],
];

for (const [name, args, message] of bad) {
  test(`bad input, ${name}: non-zero exit, one clear line, no stack trace`, () => {
    const r = run(args());
    assert.notEqual(r.code, 0);
    assert.equal(r.out, "");
    const lines = r.err.trimEnd().split("\n");
    assert.equal(lines.length, 1, `exactly one line on stderr, got: ${r.err}`);
    assert.match(lines[0], /^train: /);
    assert.match(lines[0], message);
    assert.doesNotMatch(r.err, /\n\s+at /, "no stack trace");
  });
}
