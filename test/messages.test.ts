// The catalogue of learner-facing errors (lib/lesson/messages.ts): every entry used, every code used listed,
// every entry Korean first on one line with an English half that shows the same values.
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { inspect } from "util";
import {
  BEYOND_MESSAGES, CORE_MESSAGES, DISPLAY_MESSAGES, ErrorCode, FILE_MESSAGES, InputError, MESSAGES, REASONS, Reason, Text,
  requireFinite, requireVector, requireWhole,
} from "nn-lesson/dist/internal";
import { ROOT } from "./helpers";

const HANGUL = /[\uAC00-\uD7A3]/;

/** The TypeScript files that may throw an InputError: the library and the train command. */
function sources(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "dist") walk(f);
      else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.set(path.relative(ROOT, f), fs.readFileSync(f, "utf8"));
    }
  };
  walk(path.join(ROOT, "lib"));
  out.set("scripts/cli/train.ts", fs.readFileSync(path.join(ROOT, "scripts", "cli", "train.ts"), "utf8"));
  // the catalogue itself names every code: it is not a use
  for (const f of [...out.keys()]) if (f === path.join("lib", "lesson", "messages.ts") || f.startsWith(path.join("lib", "lesson", "messages") + path.sep)) out.delete(f);
  return out;
}

test("every catalogue entry is used, and every code thrown is in the catalogue", () => {
  const used = new Map<string, string>();
  const reasons = new Set<string>();
  for (const [file, text] of sources()) {
    for (const m of text.matchAll(/new InputError\(\s*"([^"]+)"/g)) used.set(m[1], file);
    for (const m of text.matchAll(/REASONS\["([^"]+)"\]/g)) reasons.add(m[1]);
  }
  const unknown = [...used].filter(([code]) => !(code in MESSAGES)).map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(unknown, [], "codes thrown but not in the catalogue");
  assert.deepEqual(Object.keys(MESSAGES).filter((c) => !used.has(c)), [], "catalogue entries nobody throws");
  assert.deepEqual(Object.keys(REASONS).filter((r) => !reasons.has(r)), [], "reasons nobody gives");
  // the scan itself sees what it should: the general checks and a CLI one
  for (const c of ["not-finite", "out-of-range", "cli-empty-seed"]) assert.ok(used.has(c), c);
});

test("the catalogue's parts (core, beyond, display, files) share no code", () => {
  const parts = [CORE_MESSAGES, BEYOND_MESSAGES, DISPLAY_MESSAGES, FILE_MESSAGES].map((m) => Object.keys(m));
  assert.equal(parts.reduce((n, p) => n + p.length, 0), Object.keys(MESSAGES).length, "a code in two parts (the later one wins in MESSAGES)");
  assert.ok(parts.every((p) => p.length > 0));
});

test("codes are lower-case English words joined by '-'", () => {
  for (const c of [...Object.keys(MESSAGES), ...Object.keys(REASONS)]) assert.match(c, /^[a-z0-9]+(-[a-z0-9]+)*$/, c);
});

/**
 * Parameters for the entries that read structured values; every other entry gets a stand-in whose every
 * parameter is a marker such as ‹what›, so the test can see that each parameter it reads is shown.
 */
const SAMPLES: Partial<Record<ErrorCode, { params: object; shows: string[] }>> = {
  "not-finite": { params: { what: "x", got: '"1,2"', why: { ko: "한국어 이유", en: "the reason" } }, shows: ['"1,2"', "the reason"] },
  "not-vector": { params: { what: "x", got: '"1,2"', why: { ko: "한국어 이유", en: "the reason" } }, shows: ['"1,2"', "the reason"] },
  "vector-entry": { params: { what: "x", i: 3, got: "NaN", why: { ko: "한국어 이유", en: "the reason" } }, shows: ["x[3]", "NaN"] },
  "out-of-range": {
    params: { what: "iterations", min: 1, max: 1000, v: 5000, why: { ko: "느립니다", en: "slow" } },
    shows: ["1 이상 1000 이하", "between 1 and 1000", "5000", "(느립니다)", "(slow)"],
  },
  "vector-length": { params: { what: "x", length: 3, n: 2, got: "[1,2]", why: { ko: "입력층" } }, shows: ["3개", "2개", "[1,2]"] },
  "dot-arguments": {
    params: { w: { kind: "vector", n: 3 }, x: { kind: "matrix", rows: 2, cols: 3 } },
    shows: ["길이 3인 벡터", "2×3 행렬", "a vector of length 3", "swap them"],
  },
  "forward-layer-columns": { params: { l: 2, n: 3, rowLengths: [2, 2] }, shows: ["W3", "3개", "2, 2개", "W2의 행"] },
  "network-figure-row": { params: { layer: 1, k: 1, expected: 3, got: 2, isRow: true }, shows: ["W1", "3개", "2개", "has 2 entries"] },
  "surface-row": { params: { who: "surfaceFigure", j: 4, expected: 5, got: undefined }, shows: ["surface.loss[4]", "5개", "0개", "no values"] },
  "adam-unknown-option": { params: { key: "learningrate", near: "learningRate", settings: "a, b" }, shows: ['"learningrate"', "learningRate의 철자"] },
  "split-empty": { params: { f: 0.99, emptyTrain: true, n: 4 }, shows: ["0.99", "학습 데이터", "training part", "4"] },
  "mnist-file-size": { params: { rows: 27, cols: 28 }, shows: ["27×28"] },
};

function render(code: ErrorCode): { text: Text; shows: string[] } {
  const entry = MESSAGES[code] as (p?: unknown) => Text;
  const sample = SAMPLES[code];
  if (sample) return { text: entry(sample.params), shows: sample.shows };
  const read = new Set<string>();
  const params = new Proxy({}, { get: (_t, key) => { read.add(String(key)); return `‹${String(key)}›`; } });
  const text = entry(params);
  return { text, shows: [...read].map((k) => `‹${k}›`) };
}

test("every entry reads Korean first, one line, with an English half, and shows every value it is given", () => {
  for (const code of Object.keys(MESSAGES) as ErrorCode[]) {
    const { text, shows } = render(code);
    assert.match(text.ko, HANGUL, `${code}: the Korean half is Korean`);
    assert.ok(text.en.trim().length > 0, `${code}: the English half is not empty`);
    assert.doesNotMatch(text.en, HANGUL, `${code}: the English half is English`);
    for (const half of [text.ko, text.en]) {
      assert.ok(!half.includes("\n"), `${code}: one line`);
      assert.ok(!half.includes("undefined") && !half.includes("[object"), `${code}: ${half}`);
    }
    assert.ok(!text.ko.includes(" / "), `${code}: " / " separates the halves, so the Korean one has none`);
    const both = `${text.ko} / ${text.en}`;
    for (const s of shows) assert.ok(both.includes(s), `${code}: shows ${s} in "${both}"`);
  }
  for (const [name, reason] of Object.entries(REASONS) as [string, (p: unknown) => Reason][]) {
    const r = reason({ max: 7, shapes: "W1: 2×3", last: 3 });
    assert.match(r.ko, HANGUL, name);
    assert.ok(!r.ko.includes(" / ") && !(r.en ?? "").includes(" / "), name);
  }
});

// One test per message shape, on purpose about the wording a learner reads.

test("a value check: names the variable, says what is allowed and what came, Korean first, one line", () => {
  for (const [fn, code, ko, en] of [
    [() => requireWhole(2.5, "iterations", 1), "not-whole", "iterations는 정수여야 합니다. 받은 값: 2.5", "iterations must be a whole number, got 2.5"],
    [() => requireWhole(0, "iterations", 1, 1000), "out-of-range", "iterations는 1 이상 1000 이하이어야 합니다. 받은 값: 0",
      "iterations must be between 1 and 1000, got 0"],
    [() => requireFinite("-2", "start"), "not-finite", '받은 값: "-2" — 따옴표로 감싼 문자열입니다', 'start must be a finite number, got "-2" (a number in quotes'],
  ] as [() => unknown, ErrorCode, string, string][]) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.code, code);
      const [koHalf, enHalf] = [e.message.slice(0, e.message.indexOf(" / ")), e.message.slice(e.message.indexOf(" / ") + 3)];
      assert.ok(koHalf.includes(ko), `${koHalf} has ${ko}`);
      assert.ok(enHalf.includes(en), `${enHalf} has ${en}`);
      assert.ok(!e.message.includes("\n"));
      assert.equal(inspect(e), `입력 오류: ${e.message}`, "tslab shows one line, no stack");
      return true;
    });
  }
});

test("a length check: the reason is given in Korean, the numbers in both halves", () => {
  assert.throws(() => requireVector([1, 2], "x", 3, REASONS["input-nodes"]({ shapes: "W1: 2×3" })), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, "x의 원소는 3개여야 합니다 (입력층의 노드 수, W1의 열 수; W1: 2×3). 받은 것: 2개 [1,2] / x must have 3 entries, got 2");
    return true;
  });
});

test("a file's problem: the file (and line) first, then the sentence", () => {
  const e = new InputError("csv-field-count", { where: "data/x.csv:3", headerLength: 3, headerList: "a,b,label", cellsLength: 2 });
  assert.equal(e.message, "data/x.csv:3: 칸이 3개(a,b,label)여야 하는데 2개입니다 / expected 3 fields (a,b,label), found 2");
});
