/**
 * Korean particles after a name the message does not know in advance (a variable, a number, a word in
 * quotes): 은/는, 이/가, 을/를, 과/와 depend on whether the word, read aloud, ends in a consonant (받침).
 * Hangul is read from its last syllable; a number from how it is read (3 삼 → 은, 2 이 → 는, 10 십 → 은);
 * a Latin name from how Korean writes it: a letter by its name (n 엔, l 엘, m 엠, r 알 end in one), a word
 * ending in m, n, ng, l or le (form 폼, hidden 히든, label 레이블), or in p, t or k after one short vowel
 * (map 맵, input 인풋, step 스텝) ends in one; start 스타트, epochs 에폭스, rate 레이트 do not. A best guess
 * for names, never "은(는)". Pure: no imports.
 */

/** The four particle pairs, each with the form that follows a final consonant first (과와: 행렬과, 벡터와). */
export type ParticlePair = "은는" | "이가" | "을를" | "과와";

/** Whether each digit, read aloud, ends in a consonant (a whole number ending in 0s reads 십, 백, 천, 만: all do). */
// 영 일 이 삼 사 오 육 칠 팔 구
const DIGIT_ENDS_IN_CONSONANT = [true, true, false, true, false, false, true, true, true, false];

/** Whether `word`, read aloud in Korean, ends in a consonant; undefined if it ends in nothing readable. */
export function endsInConsonant(word: unknown): boolean | undefined {
  const text = String(word).replace(/[^\p{L}\p{N}]+$/u, "")
    .replace(/[₀-₉]/g, (d) => String(d.charCodeAt(0) - 0x2080)); // β₁ reads 베타 원: as 1
  if (text === "") return undefined;
  // Greek letters by their Korean names: only ε (엡실론) ends in a consonant; α 알파, β 베타, ρ 로, μ 뮤 … do not
  if (/[α-ω]$/.test(text)) return text.endsWith("ε");
  const last = text[text.length - 1];
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/\d/.test(last)) {
    const whole = /(\d+)(?:\.\d*)?$/.exec(text);
    if (whole && !text.includes(".") && /[1-9]0+$/.test(whole[1])) return true; // 십, 백, 천, 만 (…0)
    return DIGIT_ENDS_IN_CONSONANT[Number(last)];
  }
  const latin = /[A-Za-z]+$/.exec(text)?.[0].toLowerCase();
  if (!latin) return undefined;
  if (latin.length === 1) return "lmnr".includes(latin);
  if (/(m|n|ng|l|le)$/.test(latin)) return true;
  return /(^|[^aeiou])[aeiou][ptk]$/.test(latin);
}

/** The particle of `pair` that follows `word`: josa("start", "은는") is "는", josa("form", "은는") is "은". */
export function josa(word: unknown, pair: ParticlePair): string {
  return endsInConsonant(word) === false ? pair[1] : pair[0];
}
