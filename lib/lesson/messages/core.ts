/** The catalogue's entries for the checks every notebook's values go through (errors.ts) and the lesson's own modules. */
import { DotOperand, P, Reason, Text, operand, why } from "./common";
import { josa } from "../josa";

export const CORE_MESSAGES = {
  // errors.ts: the checks every notebook's values go through
  "not-finite": (p: P<"what" | "got"> & { why?: Text }) => ({
    ko: `${p.what}${josa(p.what, "은는")} 유한한 숫자여야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what} must be a finite number, got ${p.got}${p.why ? ` (${p.why.en})` : ""}`,
  }),
  "not-positive": (p: P<"what" | "v">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 0보다 커야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be positive, got ${p.v}`,
  }),
  "not-whole": (p: P<"what" | "v">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 정수여야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be a whole number, got ${p.v}`,
  }),
  "out-of-range": (p: P<"what" | "min" | "v"> & { max?: number; why?: Reason }) => ({
    ko: `${p.what}${josa(p.what, "은는")} ${p.min} 이상${p.max === undefined ? "" : ` ${p.max} 이하`}이어야 합니다${why(p.why, "ko")}. ` +
      `받은 값: ${p.v}`,
    en: `${p.what} must be ${p.max === undefined ? `at least ${p.min}` : `between ${p.min} and ${p.max}`}` +
      `${why(p.why, "en")}, got ${p.v}`,
  }),
  "not-fraction": (p: P<"what" | "v">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 0 이상 1 미만이어야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be in [0, 1), got ${p.v}`,
  }),
  "layer-count": (p: P<"what" | "got">) => ({
    ko: `${p.what}(층의 크기 목록)에는 입력층과 출력층을 포함해 2개 이상의 층이 있어야 합니다 (예: [3, 2, 3, 2]). ` +
      `받은 값: ${p.got}`,
    en: `${p.what} needs at least 2 layer sizes, got ${p.got}`,
  }),
  "layer-size": (p: P<"what" | "i" | "max" | "got" | "sizes">) => ({
    ko: `${p.what}[${p.i}](층 ${p.i}의 노드 수)${josa(p.i, "은는")} 1 이상 ${p.max} 이하의 정수여야 합니다. 받은 값: ${p.got} ` +
      `(전체 ${p.sizes})`,
    en: `${p.what}[${p.i}] must be a whole number from 1 to ${p.max}, got ${p.got}`,
  }),
  "not-vector": (p: P<"what" | "got"> & { why?: Text }) => ({
    ko: `${p.what}${josa(p.what, "은는")} 숫자의 배열이어야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what} must be a list of numbers${p.why ? ` (${p.why.en})` : ""}`,
  }),
  "vector-length": (p: P<"what" | "length" | "n" | "got"> & { why?: Reason }) => ({
    ko: `${p.what}의 원소는 ${p.length}개여야 합니다${why(p.why, "ko")}. 받은 것: ${p.n}개 ${p.got}`,
    en: `${p.what} must have ${p.length} entries, got ${p.n}`,
  }),
  "vector-entry": (p: P<"what" | "i" | "got"> & { why?: Text }) => ({
    ko: `${p.what}[${p.i}]${josa(p.i, "은는")} 유한한 숫자여야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what}[${p.i}] must be a finite number${p.why ? ` (${p.why.en})` : ""}`,
  }),

  // lesson/matrix.ts, lesson/forward.ts
  "dot-arguments": (p: { w: DotOperand; x: DotOperand }) => {
    const w = operand(p.w), x = operand(p.x), swapped = p.w.kind === "vector" && p.x.kind === "matrix";
    return {
      ko: `dot(W, x)는 첫 인자로 행렬(W), 둘째 인자로 벡터(x)를 받는데, 받은 것은 ${w.ko}${josa(w.ko, "과와")} ${x.ko}입니다.` +
        (swapped ? " 인자의 순서가 바뀌었습니다: 수업의 np.dot(W1, X)처럼 행렬을 먼저, dot(W, x)로 쓰세요." : ""),
      en: `dot(W, x) takes a matrix and then a vector, got ${w.en} and ${x.en}` +
        (swapped ? " (swap them: dot(W, x))" : ""),
    };
  },
  "forward-layer-columns": (p: { l: number; n: number; rowLengths: number[] }) => ({
    ko: `W${p.l + 1}${josa(p.l + 1, "은는")} (다음 층 노드 수)×(이전 층 노드 수) 행렬이라 모든 행의 열이 ${p.n}개` +
      `(${p.l === 0 ? "x의 원소" : `앞 층(W${p.l}의 행)의 노드`} 수)여야 하는데, ` +
      (p.rowLengths.length === 0 ? "행이 없습니다" : `각 행의 열 수는 ${p.rowLengths.join(", ")}개입니다`),
    en: `every row of W${p.l + 1} needs ${p.n} columns (one per node before it)`,
  }),

  // lesson/descent.ts
  "loss-form": (p: P<"form">) => ({
    ko: `form은 "sum"(Σ(y−o)²) 또는 "half"(½Σ(y−o)²)여야 합니다. 받은 값: ${p.form}`,
    en: `form must be "sum" or "half"`,
  }),

  // lib/lesson/backward.ts
  "output-delta-length": (p: P<"outputLength" | "yLength">) => ({
    ko: `outputDelta: 출력은 ${p.outputLength}개인데 y는 ${p.yLength}개입니다. y의 원소는 출력 노드 수(${p.outputLength}개)만큼이어야` +
      ` 합니다`,
    en: `the output has ${p.outputLength} entries but y has ${p.yLength}`,
  }),

  // lib/lesson/forward.ts

  // lib/lesson/loss.ts
  "loss-lengths": (p: P<"yLength" | "oLength">) => ({
    ko: `loss: y는 ${p.yLength}개인데 출력은 ${p.oLength}개입니다`,
    en: `y has ${p.yLength} entries but the output has ${p.oLength}`,
  }),
  "loss-forms-outputs": (p: P<"outputs">) => ({
    ko: `lossForms: 출력 노드 수는 양의 정수여야 합니다. 받은 값: ${p.outputs}`,
    en: `the number of outputs must be a positive integer, got ${p.outputs}`,
  }),

  // lib/lesson/matrix.ts
  "dot-columns": (p: P<"rowLength" | "xLength">) => ({
    ko: `dot: 행렬의 열이 ${p.rowLength}개인데 벡터의 원소는 ${p.xLength}개입니다`,
    en: `a row has ${p.rowLength} columns but the vector has ${p.xLength} entries`,
  }),
  "weight-changes-count": (p: P<"beforeLength" | "afterLength">) => ({
    ko: `weightChanges: 처음 행렬은 ${p.beforeLength}개, 나중 행렬은 ${p.afterLength}개입니다`,
    en: `${p.beforeLength} matrices before but ${p.afterLength} after`,
  }),
  "weight-changes-missing": (p: P<"layer" | "row" | "col">) => ({
    ko: `weightChanges: 나중 가중치에 W${p.layer}[${p.row}][${p.col}]이 없습니다`,
    en: `W${p.layer}[${p.row}][${p.col}] is missing after`,
  }),
  "weight-position": (p: P<"what" | "p" | "bad" | "lastLayer" | "shapes">) => ({
    ko: `${p.what}: ${p.p}의 ${p.bad}가 범위를 벗어났습니다 (layer 0…${p.lastLayer}, row는 다음 층의 노드, col은 이전 ` +
      `층의 노드; ${p.shapes})`,
    en: `${p.what}: ${p.bad} of ${p.p} is out of range (${p.shapes})`,
  }),
  "weights-none": () => ({
    ko: `weights: 가중치 행렬이 하나도 없습니다`,
    en: `weights: no weight matrices`,
  }),
} satisfies Record<string, (p: never) => Text>;
