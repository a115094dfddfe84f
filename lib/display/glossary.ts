/**
 * Notebooks 01–11: the project's one Korean glossary (용어집), read from data/glossary.json.
 * Every notebook uses the preferred term (or one of its listed aliases) and never an
 * off-glossary variant: d2l-ko mixes 경사하강법 / 기울기 하강 and 학습률 / 학습 속도, we do not.
 * `findVariants` / `notebookVariants` find variants (test/glossary.test.ts runs them over every
 * notebook); `glossaryMarkdown` renders notebooks/glossary.md, which a test keeps in sync.
 */
import * as fs from "fs";
import { dataPath } from "../node/files";
import { displayMarkdown } from "./output";
import { InputError } from "../lesson/errors";

export interface GlossaryTerm {
  /** The preferred Korean term, e.g. "학습률". */
  term: string;
  /** The English term, e.g. "learning rate (α)". */
  en: string;
  /** Other accepted Korean forms, e.g. "손실 함수" for "비용 함수". */
  aliases: string[];
  /** One line in Korean. */
  definition: string;
  /** Forms a notebook must not use, e.g. "학습 속도". */
  variants: string[];
}

export const GLOSSARY_PATH = dataPath("glossary.json");

let cached: GlossaryTerm[] | undefined;

/** All terms, in the order of data/glossary.json. */
export function glossary(): GlossaryTerm[] {
  if (!cached) cached = parseGlossary(JSON.parse(fs.readFileSync(GLOSSARY_PATH, "utf8")), GLOSSARY_PATH);
  return cached;
}

/** Check the glossary's structure; one clear line for the first problem. */
export function parseGlossary(raw: unknown, source: string): GlossaryTerm[] {
  const terms = (raw as { terms?: unknown })?.terms;
  if (!Array.isArray(terms)) throw new Error(`${source}: expected {"terms": [...]}`);
  const seen = new Map<string, string>();
  return terms.map((t, n) => {
    const e = t as Partial<GlossaryTerm>;
    for (const key of ["term", "en", "definition"] as const) {
      if (typeof e[key] !== "string" || !(e[key] as string).trim()) throw new Error(`${source}: term ${n} needs a non-empty "${key}"`);
    }
    for (const key of ["aliases", "variants"] as const) {
      if (!Array.isArray(e[key]) || !(e[key] as unknown[]).every((s) => typeof s === "string" && s.trim())) {
        throw new Error(`${source}: term ${n} (${e.term}) needs "${key}" as a list of non-empty strings`);
      }
    }
    const g = e as GlossaryTerm;
    for (const form of [g.term, ...g.aliases, ...g.variants]) {
      const before = seen.get(form);
      if (before !== undefined) throw new Error(`${source}: "${form}" appears twice (in "${before}" and "${g.term}")`);
      seen.set(form, g.term);
    }
    for (const v of g.variants) {
      const clash = [g.term, ...g.aliases].find((ok) => ok.includes(v));
      if (clash) throw new Error(`${source}: variant "${v}" of "${g.term}" is part of the accepted form "${clash}"`);
    }
    return g;
  });
}

export interface VariantHit {
  /** The off-glossary form found, e.g. "학습 속도". */
  variant: string;
  /** The term to use instead, e.g. "학습률". */
  preferred: string;
  en: string;
  /** Character offset in the text. */
  index: number;
  /** A few characters around the hit. */
  context: string;
}

/** Every off-glossary variant in a text (case-insensitive for Latin letters). */
export function findVariants(text: string, terms: GlossaryTerm[] = glossary()): VariantHit[] {
  const lower = text.toLowerCase();
  const hits: VariantHit[] = [];
  for (const t of terms) {
    for (const v of t.variants) {
      const needle = v.toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
        hits.push({
          variant: v, preferred: t.term, en: t.en, index: at,
          context: text.slice(Math.max(0, at - 12), at + v.length + 12).replace(/\s+/g, " "),
        });
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

export interface NotebookVariantHit extends VariantHit {
  notebook: string;
  /** 0-based cell index. */
  cell: number;
}

/** The variants in every cell (markdown and code) of a notebook, given its parsed JSON and its file name. */
export function notebookVariants(notebook: string, nb: { cells?: { source?: string | string[] }[] },
  terms: GlossaryTerm[] = glossary()): NotebookVariantHit[] {
  const hits: NotebookVariantHit[] = [];
  (nb.cells ?? []).forEach((c, cell) => {
    const src = Array.isArray(c.source) ? c.source.join("") : c.source ?? "";
    for (const h of findVariants(src, terms)) hits.push({ ...h, notebook, cell });
  });
  return hits;
}

/** "02-forward.ipynb cell 5: '학습 속도' → use '학습률' (learning rate (α)) … context". */
export function formatVariantHit(h: NotebookVariantHit): string {
  return `${h.notebook} cell ${h.cell}: "${h.variant}" → 용어집의 "${h.preferred}" (${h.en})를 쓰세요 … ${h.context}`;
}

/** The glossary as Markdown (notebooks/glossary.md is exactly this). */
export function glossaryMarkdown(terms: GlossaryTerm[] = glossary()): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  const lines = [
    "# 용어집 (Glossary)",
    "",
    "모든 노트북은 아래 **용어**(또는 함께 적힌 다른 이름)만 씁니다. \"쓰지 않는 말\" 열의 표현이 노트북에 나오면",
    "`npm test`가 실패하고 노트북·셀·표현과 바꿔 쓸 용어를 알려 줍니다 (`test/glossary.test.ts`).",
    "이 파일은 `data/glossary.json`에서 만들어집니다: 용어를 고칠 때는 JSON을 고치고 `glossaryMarkdown()`의 결과로 이 파일을 바꾸세요.",
    "",
    "| 용어 | English | 뜻 | 함께 쓰는 이름 | 쓰지 않는 말 |",
    "|---|---|---|---|---|",
    ...terms.map((t) => `| **${esc(t.term)}** | ${esc(t.en)} | ${esc(t.definition)} | ${esc(t.aliases.join(", "))} | ${esc(t.variants.join(", "))} |`),
    "",
  ];
  return lines.join("\n");
}

/** A small Markdown table of some terms (or all), without the rejected variants: what a notebook shows. */
export function glossaryTableMarkdown(words?: string[]): string {
  const all = glossary();
  const chosen = words ? words.map((w) => {
    const t = all.find((g) => g.term === w || g.aliases.includes(w));
    if (!t) throw new InputError("glossary-unknown-term", { w });
    return t;
  }) : all;
  return [
    "| 용어 | English | 뜻 |",
    "|---|---|---|",
    ...chosen.map((t) => `| **${t.term}**${t.aliases.length ? ` (${t.aliases.join(", ")})` : ""} | ${t.en} | ${t.definition.replace(/\|/g, "\\|")} |`),
  ].join("\n");
}

/** Show some terms (or all) in a notebook. */
export function showGlossary(words?: string[]): void {
  displayMarkdown(glossaryTableMarkdown(words));
}
