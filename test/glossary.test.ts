import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { findVariants, formatVariantHit, glossary, glossaryMarkdown, glossaryTableMarkdown, notebookVariants, parseGlossary } from "nn-lesson/dist/internal";
import { ROOT, assertInputError } from "./helpers";

const NOTEBOOKS = path.join(ROOT, "notebooks");

/** The glossary variants in one .ipynb file. */
function scanNotebook(file: string) {
  return notebookVariants(path.basename(file), JSON.parse(fs.readFileSync(file, "utf8")));
}

test("the glossary has the lesson's terms, each with English, a definition and variants to reject", () => {
  const g = glossary();
  for (const t of ["경사하강법", "학습률", "역전파", "순전파", "비용 함수", "가중치", "은닉층", "출력층", "입력층",
    "활성화 함수", "기울기", "편미분", "델타", "시그모이드", "평균제곱오차", "반복", "에포크",
    "가중합", "손실", "계산 그래프", "기울기 소실", "자동 미분", "위상 정렬", "퍼셉트론", "편향",
    "과적합", "테스트 데이터", "검증 데이터", "조기 종료", "걸음"]) {
    const e = g.find((x) => x.term === t);
    assert.ok(e, `missing term ${t}`);
    assert.ok(e!.en && e!.definition && e!.variants.length > 0, t);
  }
  assert.ok(g.find((x) => x.term === "학습률")!.variants.includes("학습 속도"));
  assert.ok(g.find((x) => x.term === "경사하강법")!.variants.includes("기울기 하강"));
  // one name per idea (issue 9 §6): A is 가중합 (the lesson's code comment says 선형 결합), never 총입력;
  // DLFS-ko's 오차역전파법 is another name for 역전파
  assert.ok(g.find((x) => x.term === "가중합")!.variants.includes("총입력"));
  assert.ok(g.find((x) => x.term === "가중합")!.aliases.includes("선형 결합"));
  assert.ok(g.find((x) => x.term === "역전파")!.aliases.includes("오차역전파법"));
  assert.deepEqual(findVariants("출력층의 총입력 a와 손실값").map((h) => [h.variant, h.preferred]), [["총입력", "가중합"], ["손실값", "손실"]]);
  assert.deepEqual(findVariants("가중합(선형 결합), 손실, 오차역전파법, 계산 그래프, 기울기 소실"), []);
});

test("parseGlossary rejects duplicates and variants that are part of an accepted form", () => {
  const t = (term: string, variants: string[], aliases: string[] = []) => ({ term, en: "x", definition: "d", aliases, variants });
  assert.throws(() => parseGlossary({ terms: [t("가", ["나"]), t("다", ["나"])] }, "g.json"), /"나" appears twice/);
  assert.throws(() => parseGlossary({ terms: [t("학습률", ["학습"])] }, "g.json"), /variant "학습" of "학습률" is part of the accepted form/);
  assert.throws(() => parseGlossary({ terms: [{ term: "a" }] }, "g.json"), /term 0 needs a non-empty "en"/);
  assert.throws(() => parseGlossary({}, "g.json"), /expected \{"terms"/);
});

test("findVariants finds every variant with the preferred term", () => {
  const hits = findVariants("학습 속도를 바꾸면 기울기 하강이 빨라진다. 학습률은 그대로.");
  assert.deepEqual(hits.map((h) => [h.variant, h.preferred]), [["학습 속도", "학습률"], ["기울기 하강", "경사하강법"]]);
  assert.deepEqual(findVariants("경사하강법과 학습률, 역전파, 비용 함수(손실 함수)."), []);
});

test("scanNotebook names notebook, cell and variant", () => {
  const dir = fs.mkdtempSync(path.join(ROOT, ".tmp-glossary-"));
  try {
    const file = path.join(dir, "99-bad.ipynb");
    fs.writeFileSync(file, JSON.stringify({ cells: [{ source: ["# ok\n"] }, { source: "// 역전달 step\n" }] }));
    const hits = scanNotebook(file);
    assert.equal(hits.length, 1);
    assert.equal(formatVariantHit(hits[0]).startsWith('99-bad.ipynb cell 1: "역전달" → 용어집의 "역전파"'), true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("every notebook in notebooks/ uses the glossary's terms (no off-glossary variants)", () => {
  const files = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
  assert.ok(files.length > 0);
  const hits = files.flatMap((f) => scanNotebook(path.join(NOTEBOOKS, f)));
  assert.deepEqual(hits.map(formatVariantHit), []);
});

test("notebooks/glossary.md is generated from data/glossary.json (in sync)", () => {
  const md = fs.readFileSync(path.join(NOTEBOOKS, "glossary.md"), "utf8");
  assert.equal(md, glossaryMarkdown(), "notebooks/glossary.md is out of date: write glossaryMarkdown() to it");
  for (const t of glossary()) assert.ok(md.includes(`**${t.term}**`), t.term);
});

test("glossaryTableMarkdown shows chosen terms (by term or alias) without their variants", () => {
  const md = glossaryTableMarkdown(["학습률", "손실 함수"]);
  const lines = md.split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[2], /^\| \*\*학습률\*\* \| learning rate/);
  assert.match(lines[3], /^\| \*\*비용 함수\*\* \(손실 함수\)/);
  assert.ok(!md.includes("학습 속도"));
  assertInputError(() => glossaryTableMarkdown(["없는 말"]), "glossary-unknown-term");
  assert.equal(glossaryTableMarkdown().split("\n").length, glossary().length + 2);
});
