/**
 * What the catalogue's entries share (lib/lesson/messages.ts has the overview): the two-language sentence,
 * the reasons given after a range or a length, and the hints and phrases several entries use.
 */
/** A sentence in both languages. */
export interface Text {
  ko: string;
  en: string;
}

/** The parameters an entry reads, by name. */
export type P<K extends string> = Record<K, unknown>;

/** A reason in parentheses after a range or a length: English optional (some are shown in Korean only). */
export interface Reason {
  ko: string;
  en?: string;
}

/** Why a number has a ceiling or a list has a length, to pass to requireWhole / requireVector. */
export const REASONS = {
  "readable-train-slow": (): Reason => ({
    ko: "읽기 쉬운 train()은 100만 번에 1–2초가 걸립니다", en: "the readable train() takes 1–2 s per million",
  }),
  "model-fit-slow": (): Reason => ({
    ko: "model.fit은 반복마다 텐서를 만들어 느립니다", en: "model.fit is slow per iteration",
  }),
  "epochs-slow": (p: P<"max">): Reason => ({
    ko: `에포크 한 번은 데이터 전체를 한 번 도는 것이라 ${p.max}번이면 이미 몇 초가 걸립니다`,
    en: "one epoch passes over all the data",
  }),
  "network-input": (): Reason => ({ ko: "네트워크의 입력층 sizes[0]" }),
  "start-pq": (): Reason => ({ ko: "두 가중치의 처음 값 [p, q]" }),
  "input-nodes": (p: P<"shapes">): Reason => ({ ko: `입력층의 노드 수, W1의 열 수; ${p.shapes}` }),
  "output-nodes": (p: P<"last" | "shapes">): Reason => ({ ko: `출력층의 노드 수, W${p.last}의 행 수; ${p.shapes}` }),
} satisfies Record<string, (p: never) => Reason>;

/**
 * What numpy habits leave in a plain array's place: `X + 1` is the string "0.5,0.3,0.21" (JavaScript joins
 * the array into text), `X * 2`, `X - Y`, `X ** 2` and `Math.exp(X)` are NaN. For such a value, the sentence
 * that says so, Korean and English (to go on either side of a message's " / "); undefined for anything else.
 */
export function arrayArithmeticHint(value: unknown): Text | undefined {
  const joined = /^\s*-?[\d.]+(e[+-]?\d+)?(\s*,\s*-?[\d.]+(e[+-]?\d+)?)+\s*$/i;
  if (typeof value === "string" && joined.test(value)) {
    return {
      ko: "쉼표로 이어진 숫자의 문자열은 배열에 +를 한 결과입니다. numpy와 달리 JavaScript의 배열 + 숫자는 원소마다 더하지 않고 " +
        "문자열로 이어 붙이니, X.map((v) => v + 1)이나 math.add(X, 1)을 쓰세요",
      en: "a string of comma-separated numbers is what array + number gives: " +
        "JavaScript joins the array into text instead of adding element-wise as numpy does; " +
        "use X.map((v) => v + 1) or math.add(X, 1)",
    };
  }
  if (typeof value === "number" && Number.isNaN(value)) {
    return {
      ko: "NaN은 배열에 *, -, /, **를 하거나 Math.exp(배열)처럼 숫자 하나를 받는 함수에 배열을 넣으면 나옵니다. numpy와 달리 " +
        "JavaScript는 배열을 원소마다 계산하지 않으니, X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y)를 " +
        "쓰세요 (0/0이나 값이 없는 변수도 NaN이 됩니다)",
      en: "NaN is what *, -, /, ** on an array (or Math.exp(array)) give: " +
        "JavaScript has no element-wise arithmetic on arrays, unlike numpy; " +
        "use X.map((v) => v * 2), math.multiply(X, 2), math.dotMultiply(X, Y)",
    };
  }
  return undefined;
}

/** For a number in quotes ("-2"): the sentence that says so, both languages; undefined for other strings. */
export function quotedNumberHint(value: string): Text | undefined {
  const t = value.trim();
  if (t === "" || !Number.isFinite(Number(t))) return undefined;
  return {
    ko: `따옴표로 감싼 문자열입니다: 숫자는 따옴표 없이 ${t}처럼 씁니다 ` +
      `(문자열에 +를 하면 더하지 않고 문자열로 이어 붙입니다: "${t}" + 1e-6 = "${t}1e-6")`,
    en: `a number in quotes is a string: write ${t} without quotes ` +
      `(string + number joins text: "${t}" + 1e-6 = "${t}1e-6")`,
  };
}

/** What dot() was given, for its message. */
export type DotOperand =
  | { kind: "matrix"; rows: number; cols: number }
  | { kind: "vector"; n: number }
  | { kind: "other"; text: string };

export function operand(o: DotOperand): Text {
  if (o.kind === "matrix") return { ko: `${o.rows}×${o.cols} 행렬`, en: `a ${o.rows}×${o.cols} matrix` };
  if (o.kind === "vector") return { ko: `길이 ${o.n}인 벡터`, en: `a vector of length ${o.n}` };
  return { ko: o.text, en: o.text };
}

/** A broken data/mnist-10k.bin.gz, with what is wrong with it. */
export function mnistBroken(ko: string, en: string): Text {
  return {
    ko: `MNIST 데이터 파일이 올바르지 않습니다: ${ko} (npm run data:mnist로 다시 만드세요)`,
    en: `the MNIST data file is broken: ${en}`,
  };
}

/** " (reason)" after a range or a length, in one language; "" without one. */
export function why(r: Reason | undefined, lang: "ko" | "en"): string {
  const s = r?.[lang];
  return s ? ` (${s})` : "";
}
