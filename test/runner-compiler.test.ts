// test tier: slow — loads TypeScript and tslab's converter for every case
/**
 * The page runner compiles cells with tslab's own converter over a recorded, virtual file system
 * (scripts/site/runner/record-types.ts, tsvfs.ts, compiler.ts). Here, in Node: the virtual converter gives
 * exactly what the real one gave on the real project for every cell of two notebooks, and its
 * diagnostics are Korean (TypeScript's own translations).
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { NOTEBOOKS } from "../scripts/paths";
import { declaredNames, record } from "../scripts/site/runner/record-types";
import { createPageConverter } from "../scripts/site/runner/compiler";
import { formatDiagnostics } from "../scripts/site/runner/cell-types";
import { VIRTUAL_ROOT } from "../scripts/site/runner/tsvfs";

const notebooks = ["02-forward.ipynb", "07-training-loop.ipynb"].map((f) => path.join(NOTEBOOKS, f));
const recording = record(notebooks);
const messages = JSON.parse(fs.readFileSync(require.resolve("@tslab/typescript-for-tslab/lib/ko/diagnosticMessages.generated.json"), "utf8"));
const conv = createPageConverter(recording.vfs, messages);

test("the recording holds the lesson's cells compiled by tslab, and no path of this machine", () => {
  const cells = recording.notebooks["07-training-loop"];
  assert.ok(cells.length >= 10, `07 has ${cells.length} code cells`);
  assert.ok(cells.every((c) => c.result.diagnostics.length === 0), "07 compiles under tslab");
  assert.ok(cells.some((c) => /exports\.\w+/.test(c.result.output ?? "")), "names shared through exports, as tslab does");
  assert.ok(Object.keys(recording.vfs.files).every((p) => !p.includes(path.resolve(NOTEBOOKS, ".."))), "paths are virtual");
  assert.ok(Object.keys(recording.vfs.files).some((p) => p.startsWith(`${VIRTUAL_ROOT}/node_modules/@types/node/`)), "@types/node, as tslab includes it");
  assert.ok(Object.keys(recording.vfs.files).some((p) => p.endsWith("/mathjs/types/index.d.ts")), "mathjs's types");
});

test("the virtual converter gives exactly what tslab's converter gave on the real project, cell by cell", () => {
  let n = 0;
  for (const [name, cells] of Object.entries(recording.notebooks)) {
    for (const [k, c] of cells.entries()) {
      const r = conv.convert(c.prevDecl, c.src);
      assert.deepEqual(r, c.result, `${name} cell ${k}`);
      n++;
    }
  }
  assert.ok(n >= 20, `${n} cells compared`);
});

test("type errors come in Korean, with tslab's line:column format; the cell does not compile", () => {
  const cases: [string, number, RegExp][] = [
    ["const fixedNumber = 1;\nfixedNumber = 2;", 2588, /^2:1 - 상수이므로 'fixedNumber'에 할당할 수 없습니다\./],
    ["const s: number = 'a';", 2322, /'string' 형식은 'number' 형식에 할당할 수 없습니다/],
    ["lessonData()", 2304, /'lessonData' 이름을 찾을 수 없습니다/],
    ["const X = [1, 2];\nX * 2", 2362, /산술 연산의 왼쪽/],
    ["leaked = 3", 2304, /'leaked' 이름을 찾을 수 없습니다/],
  ];
  for (const [src, code, message] of cases) {
    const r = conv.convert("", src);
    assert.equal(r.output, undefined, src);
    assert.ok(r.diagnostics.some((d) => d.code === code), `${src}: ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
    assert.match(formatDiagnostics(r.diagnostics), message, src);
  }
});

test("a cell sees the declarations of the cells before it (prevDecl), as in tslab", () => {
  const a = conv.convert("", "const n: number = 2;");
  assert.deepEqual(a.diagnostics, []);
  const b = conv.convert(a.declOutput ?? "", "n * 21");
  assert.deepEqual(b.diagnostics, []);
  assert.match(b.output ?? "", /exports\.n \* 21/);
  assert.ok(b.lastExpressionVar, "the last expression's value is kept for printing");
  assert.equal(conv.convert(a.declOutput ?? "", "n = 3;").diagnostics[0]?.code, 2588, "a const of an earlier cell cannot be reassigned");
});

test("declaredNames: the names a cell defines at the top level", () => {
  assert.deepEqual(declaredNames('import { a, b as c } from "m";\nimport * as d from "n";\nconst { e, f: [g] } = x;\nfunction h() {}\nclass K {}\nfor (const z of y) {}').sort(),
    ["K", "a", "c", "d", "e", "g", "h"]);
});
