/**
 * Every notebook (and the train command): the one catalogue of what a learner's error says.
 *
 * An InputError (errors.ts) is made from a code and its parameters, `new InputError("not-positive",
 * { what: "learningRate", v: -1 })`; this table turns them into the Korean sentence and its English
 * twin, which errors.ts joins as "한국어 / English" on one line, Korean first. Tests and displays look at
 * the code, never at the wording, so a sentence here can be improved without touching them.
 *
 * Codes are English, lower-case words joined by "-": a general check says what is wrong with the value
 * ("not-finite", "out-of-range", "vector-length"); a check that belongs to one function or file starts
 * with its subject ("csv-…", "network-file-…", "classifier-…", "optimizer-…", "surface-…"). A code is
 * never renamed or reused for another meaning: add a new one. A parameter is a value as the learner
 * should see it (a number, or text made with describe()); the sentence decides where it goes.
 * test/messages.test.ts checks that every entry is used, that every code used is here, and that each
 * entry renders Korean first, on one line, with an English half.
 *
 * No imports: the lesson core runs in the browser too.
 */

/** A sentence in both languages. */
export interface Text {
  ko: string;
  en: string;
}

/** The parameters an entry reads, by name. */
type P<K extends string> = Record<K, unknown>;

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

function operand(o: DotOperand): Text {
  if (o.kind === "matrix") return { ko: `${o.rows}×${o.cols} 행렬`, en: `a ${o.rows}×${o.cols} matrix` };
  if (o.kind === "vector") return { ko: `길이 ${o.n}인 벡터`, en: `a vector of length ${o.n}` };
  return { ko: o.text, en: o.text };
}

/** A broken data/mnist-10k.bin.gz, with what is wrong with it. */
function mnistBroken(ko: string, en: string): Text {
  return {
    ko: `MNIST 데이터 파일이 올바르지 않습니다: ${ko} (npm run data:mnist로 다시 만드세요)`,
    en: `the MNIST data file is broken: ${en}`,
  };
}

/** " (reason)" after a range or a length, in one language; "" without one. */
function why(r: Reason | undefined, lang: "ko" | "en"): string {
  const s = r?.[lang];
  return s ? ` (${s})` : "";
}

/** The catalogue: code → (parameters) → { ko, en }. */
export const MESSAGES = {
  // errors.ts: the checks every notebook's values go through
  "not-finite": (p: P<"what" | "got"> & { why?: Text }) => ({
    ko: `${p.what}은(는) 유한한 숫자여야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what} must be a finite number, got ${p.got}${p.why ? ` (${p.why.en})` : ""}`,
  }),
  "not-positive": (p: P<"what" | "v">) => ({
    ko: `${p.what}은(는) 0보다 커야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be positive, got ${p.v}`,
  }),
  "not-whole": (p: P<"what" | "v">) => ({
    ko: `${p.what}은(는) 정수여야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be a whole number, got ${p.v}`,
  }),
  "out-of-range": (p: P<"what" | "min" | "v"> & { max?: number; why?: Reason }) => ({
    ko: `${p.what}은(는) ${p.min} 이상${p.max === undefined ? "" : ` ${p.max} 이하`}이어야 합니다${why(p.why, "ko")}. ` +
      `받은 값: ${p.v}`,
    en: `${p.what} must be ${p.max === undefined ? `at least ${p.min}` : `between ${p.min} and ${p.max}`}` +
      `${why(p.why, "en")}, got ${p.v}`,
  }),
  "not-fraction": (p: P<"what" | "v">) => ({
    ko: `${p.what}은(는) 0 이상 1 미만이어야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be in [0, 1), got ${p.v}`,
  }),
  "layer-count": (p: P<"what" | "got">) => ({
    ko: `${p.what}(층의 크기 목록)에는 입력층과 출력층을 포함해 2개 이상의 층이 있어야 합니다 (예: [3, 2, 3, 2]). ` +
      `받은 값: ${p.got}`,
    en: `${p.what} needs at least 2 layer sizes, got ${p.got}`,
  }),
  "layer-size": (p: P<"what" | "i" | "max" | "got" | "sizes">) => ({
    ko: `${p.what}[${p.i}](층 ${p.i}의 노드 수)은(는) 1 이상 ${p.max} 이하의 정수여야 합니다. 받은 값: ${p.got} ` +
      `(전체 ${p.sizes})`,
    en: `${p.what}[${p.i}] must be a whole number from 1 to ${p.max}, got ${p.got}`,
  }),
  "not-vector": (p: P<"what" | "got"> & { why?: Text }) => ({
    ko: `${p.what}은(는) 숫자의 배열이어야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what} must be a list of numbers${p.why ? ` (${p.why.en})` : ""}`,
  }),
  "vector-length": (p: P<"what" | "length" | "n" | "got"> & { why?: Reason }) => ({
    ko: `${p.what}의 원소는 ${p.length}개여야 합니다${why(p.why, "ko")}. 받은 것: ${p.n}개 ${p.got}`,
    en: `${p.what} must have ${p.length} entries, got ${p.n}`,
  }),
  "vector-entry": (p: P<"what" | "i" | "got"> & { why?: Text }) => ({
    ko: `${p.what}[${p.i}]은(는) 유한한 숫자여야 합니다. 받은 값: ${p.got}${p.why ? ` — ${p.why.ko}` : ""}`,
    en: `${p.what}[${p.i}] must be a finite number${p.why ? ` (${p.why.en})` : ""}`,
  }),

  // lesson/matrix.ts, lesson/forward.ts
  "dot-arguments": (p: { w: DotOperand; x: DotOperand }) => {
    const w = operand(p.w), x = operand(p.x), swapped = p.w.kind === "vector" && p.x.kind === "matrix";
    return {
      ko: `dot(W, x)는 첫 인자로 행렬(W), 둘째 인자로 벡터(x)를 받는데, 받은 것은 ${w.ko}와(과) ${x.ko}입니다.` +
        (swapped ? " 인자의 순서가 바뀌었습니다: 수업의 np.dot(W1, X)처럼 행렬을 먼저, dot(W, x)로 쓰세요." : ""),
      en: `dot(W, x) takes a matrix and then a vector, got ${w.en} and ${x.en}` +
        (swapped ? " (swap them: dot(W, x))" : ""),
    };
  },
  "forward-layer-columns": (p: { l: number; n: number; rowLengths: number[] }) => ({
    ko: `W${p.l + 1}은(는) (다음 층 노드 수)×(이전 층 노드 수) 행렬이라 모든 행의 열이 ${p.n}개` +
      `(${p.l === 0 ? "x의 원소" : `앞 층(W${p.l}의 행)의 노드`} 수)여야 하는데, ` +
      (p.rowLengths.length === 0 ? "행이 없습니다" : `각 행의 열 수는 ${p.rowLengths.join(", ")}개입니다`),
    en: `every row of W${p.l + 1} needs ${p.n} columns (one per node before it)`,
  }),

  // beyond/mnist.ts: what is wrong with the data file
  "mnist-file-magic": () => mnistBroken('"MNZ1"로 시작하지 않습니다', 'it does not start with "MNZ1"'),
  "mnist-file-size": (p: P<"rows" | "cols">) =>
    mnistBroken(`크기가 ${p.rows}×${p.cols}입니다`, `size ${p.rows}×${p.cols}, not 28×28`),
  "mnist-file-short": () => mnistBroken("파일이 중간에 끝납니다", "it ends too soon"),
  "mnist-file-label": () => mnistBroken("레이블이 0 … 9가 아닙니다", "a label is not 0 … 9"),
  "mnist-file-extra": () => mnistBroken("화소 값이 남습니다", "values are left over"),

  // figures/network.ts, figures/surface.ts (rows of the wrong length)
  "network-figure-row": (p: P<"layer" | "k" | "expected" | "got"> & { isRow: boolean }) => ({
    ko: `networkFigure: W${p.layer}의 ${p.k}번 행에는 숫자가 ${p.expected}개(앞 층의 노드마다 하나) 있어야 하는데 ${p.got}개입니다`,
    en: `W${p.layer} row ${p.k} has ${p.isRow ? p.got : "no"} entries, ` +
      `expected ${p.expected} (one per node of the layer before)`,
  }),
  "surface-row": (p: P<"who" | "j" | "expected"> & { got?: number }) => ({
    ko: `${p.who}: surface.loss[${p.j}]에는 p 값마다 하나씩 ${p.expected}개가 있어야 하는데 ${p.got ?? 0}개입니다`,
    en: `surface.loss[${p.j}] has ${p.got ?? "no"} values, expected ${p.expected}`,
  }),

  // beyond/optim.ts, beyond/train-classifier.ts
  "adam-unknown-option": (p: P<"key" | "settings"> & { near?: string }) => ({
    ko: `Adam: "${p.key}"라는 설정은 없습니다${p.near ? ` (${p.near}의 철자를 확인하세요: 대소문자를 구별합니다)` : ""}. ` +
      `쓸 수 있는 설정: ${p.settings}`,
    en: `Adam has no setting "${p.key}"${p.near ? ` (did you mean ${p.near}?)` : ""}; ` +
      `the settings are ${p.settings}`,
  }),
  "split-empty": (p: P<"f" | "n"> & { emptyTrain: boolean }) => ({
    ko: `trainTestSplit: testFraction ${p.f}로 나누면 ${p.emptyTrain ? "학습" : "테스트"} 데이터가 비어 버립니다 (예제 ${p.n}개)`,
    en: `with testFraction ${p.f} the ${p.emptyTrain ? "training" : "test"} part ` +
      `of the ${p.n} examples is empty`,
  }),

  // beyond/classify.ts
  "classifier-output": (p: P<"output">) => ({
    ko: `Classifier: 출력층은 "sigmoid" 또는 "softmax"여야 합니다. 받은 값: ${p.output}`,
    en: `output must be "sigmoid" or "softmax"`,
  }),
  "classifier-sigmoid-nodes": (p: P<"nOut">) => ({
    ko: `Classifier: 시그모이드 출력층의 노드는 1개(P(클래스 1))여야 합니다. sizes의 마지막 값: ${p.nOut}`,
    en: `a sigmoid output has 1 node, got ${p.nOut}`,
  }),
  "classifier-softmax-nodes": (p: P<"nOut">) => ({
    ko: `Classifier: 소프트맥스 출력층의 노드는 2개 이상(클래스 수)이어야 합니다. sizes의 마지막 값: ${p.nOut}`,
    en: `a softmax output needs at least 2 nodes, got ${p.nOut}`,
  }),
  "classifier-hidden": (p: P<"hidden">) => ({
    ko: `Classifier: 은닉층의 활성화 함수(hidden)는 "sigmoid" 또는 "relu"여야 합니다. 받은 값: ${p.hidden}`,
    en: `hidden must be "sigmoid" or "relu"`,
  }),
  "classifier-params-shape": (p: P<"expected" | "got">) => ({
    ko: `Classifier.setParams: params()와 같은 블록([W1, b1, W2, b2, …], 원소 수 ${p.expected})을 주어야 합니다. 받은 것의 원소 ` +
      `수: ${p.got}`,
    en: `expected the same blocks as params() (sizes ${p.expected}), got sizes ${p.got}`,
  }),
  "classifier-input-size": (p: P<"xLength" | "sizes0">) => ({
    ko: `Classifier: 입력의 특성은 ${p.xLength}개인데 네트워크의 입력층(sizes[0])은 ${p.sizes0}개입니다`,
    en: `the input has ${p.xLength} features, the network expects ${p.sizes0}`,
  }),
  "classifier-label": (p: P<"lastClass" | "label">) => ({
    ko: `Classifier: 레이블은 클래스 번호 0 … ${p.lastClass} 중 하나여야 합니다. 받은 값: ${p.label}`,
    en: `label must be a class index 0 … ${p.lastClass}, got ${p.label}`,
  }),

  // lesson/descent.ts
  "loss-form": (p: P<"form">) => ({
    ko: `form은(는) "sum"(Σ(y−o)²) 또는 "half"(½Σ(y−o)²)여야 합니다. 받은 값: ${p.form}`,
    en: `form must be "sum" or "half"`,
  }),

  // display/plot.ts: a figure written by hand for showFigure / figureHtml (English-only TypeErrors before)
  "plot-not-object": () => ({
    ko: "그림(figure)은 { data: [...], layout: {...} } 모양의 객체여야 합니다",
    en: "figure: expected an object like { data: [...], layout: {...} }",
  }),
  "plot-data": () => ({
    ko: "그림의 data는 trace의 배열이어야 합니다",
    en: "figure: `data` must be an array of traces",
  }),
  "plot-trace": () => ({
    ko: "그림의 data에 있는 trace는 모두 객체여야 합니다",
    en: "figure: every trace in `data` must be an object",
  }),
  "plot-frames": () => ({
    ko: "그림의 frames는 배열이어야 합니다",
    en: "figure: `frames` must be an array",
  }),

  // display/check.ts: checkFunction given something that is not a function (was Korean only)
  "check-not-function": (p: P<"type">) => ({
    ko: `함수가 아니라 ${p.type} 값을 받았습니다`,
    en: `expected a function, got ${p.type}`,
  }),

  // scripts/cli/train.ts: the train command's flags
  "cli-not-number": (p: P<"flag" | "text">) => ({
    ko: `${p.flag}의 값은 숫자여야 합니다. 받은 값: "${p.text}"`,
    en: `${p.flag} must be a number, got "${p.text}"`,
  }),
  "cli-needs-value": (p: P<"flag" | "usage">) => ({
    ko: `${p.flag}에 값이 없습니다`,
    en: `${p.flag} needs a value (${p.usage})`,
  }),
  "cli-bad-arguments": (p: P<"message" | "usage">) => ({
    ko: `명령의 인자를 읽을 수 없습니다: ${p.message}`,
    en: `${p.message} (${p.usage})`,
  }),
  "cli-seed-with-weights": () => ({
    ko: "--seed는 무작위 가중치를 고르는 옵션이라 --weights와 함께 쓸 수 없습니다",
    en: "--seed chooses random weights; it cannot be used together with --weights",
  }),
  "cli-empty-seed": () => ({
    ko: "--seed의 값이 비어 있습니다",
    en: "--seed must not be empty",
  }),

  // lib/node/files.ts
  "file-unreadable": (p: P<"file" | "reason">) => ({
    ko: `${p.file}: 파일을 읽을 수 없습니다`,
    en: `cannot read the file (${p.reason})`,
  }),

  // lib/node/mnist-file.ts
  "mnist-file-unreadable": (p: P<"file" | "reason">) => ({
    ko: `${p.file}: MNIST 데이터 파일을 읽을 수 없습니다`,
    en: `cannot read the MNIST data file (${p.reason})`,
  }),

  // lib/node/network-file.ts
  "network-file-not-json": (p: P<"file" | "reason">) => ({
    ko: `${p.file}: JSON 형식이 아닙니다 (${p.reason})`,
    en: `not valid JSON`,
  }),
  "network-file-not-object": (p: P<"source">) => ({
    ko: `${p.source}: {"weights": [W1, W2, ...]} 모양의 JSON 객체여야 합니다`,
    en: `expected a JSON object like {"weights": [W1, W2, ...]}`,
  }),
  "network-file-unknown-key": (p: P<"source" | "unknownKeys0" | "knownList">) => ({
    ko: `${p.source}: 모르는 키 "${p.unknownKeys0}"입니다 (쓸 수 있는 키: ${p.knownList})`,
    en: `unknown key "${p.unknownKeys0}" (expected ${p.knownList})`,
  }),
  "network-file-no-weights": (p: P<"source">) => ({
    ko: `${p.source}: "weights"에는 행렬 목록 [W1, W2, ...]이 있어야 합니다 (비어 있으면 안 됩니다)`,
    en: `"weights" must be a non-empty list of matrices [W1, W2, ...]`,
  }),
  "network-file-layer-mismatch": (p: P<"source" | "layer" | "cols" | "l" | "rowsBefore">) => ({
    ko: `${p.source}: W${p.layer}의 열은 ${p.cols}개인데 W${p.l}의 행은 ${p.rowsBefore}개입니다. 둘은 같아야 합니다 (W` +
      `${p.layer}은 W${p.l}이 만든 노드 ${p.rowsBefore}개를 읽습니다)`,
    en: `W${p.layer} has ${p.cols} columns but W${p.l} has ${p.rowsBefore} rows; they must match`,
  }),
  "network-file-no-x": (p: P<"source">) => ({
    ko: `${p.source}: "x"가 없습니다`,
    en: `"x" is missing`,
  }),
  "network-file-no-y": (p: P<"source">) => ({
    ko: `${p.source}: "y"가 없습니다`,
    en: `"y" is missing`,
  }),
  "network-file-x-length": (p: P<"source" | "xLength" | "nIn">) => ({
    ko: `${p.source}: x의 원소는 ${p.xLength}개인데 W1의 열(입력마다 하나)은 ${p.nIn}개입니다`,
    en: `x has ${p.xLength} entries but W1 has ${p.nIn} columns (one per input)`,
  }),
  "network-file-y-length": (p: P<"source" | "yLength" | "weightsLength" | "nOut">) => ({
    ko: `${p.source}: y의 원소는 ${p.yLength}개인데 W${p.weightsLength}의 행(출력마다 하나)은 ${p.nOut}개입니다`,
    en: `y has ${p.yLength} entries but W${p.weightsLength} has ${p.nOut} rows (one per output)`,
  }),
  "network-file-y-range": (p: P<"source" | "k" | "v">) => ({
    ko: `${p.source}: y[${p.k}]은(는) 0과 1 사이여야 합니다 (시그모이드 출력은 그 밖으로 나가지 않습니다). 받은 값: ${p.v}`,
    en: `y[${p.k}] must be between 0 and 1, found ${p.v}`,
  }),
  "network-file-empty-list": (p: P<"what">) => ({
    ko: `${p.what}은(는) 숫자가 하나 이상 든 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of numbers`,
  }),
  "network-file-empty-matrix": (p: P<"what">) => ({
    ko: `${p.what}은(는) 행이 하나 이상 든 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of rows`,
  }),
  "network-file-empty-row": (p: P<"what" | "k">) => ({
    ko: `${p.what}[${p.k}]은(는) 숫자가 하나 이상 든 행이어야 합니다`,
    en: `${p.what}[${p.k}] must be a non-empty list of numbers`,
  }),
  "network-file-ragged": (p: P<"what" | "k" | "rowLength" | "rows0Length">) => ({
    ko: `${p.what}의 행 길이가 다릅니다: ${p.k}번 행은 ${p.rowLength}개, 0번 행은 ${p.rows0Length}개`,
    en: `${p.what} is ragged: row ${p.k} has ${p.rowLength} numbers, row 0 has ${p.rows0Length}`,
  }),
  "network-file-too-many": (p: P<"what" | "max" | "v">) => ({
    ko: `${p.what}은(는) ${p.max} 이하여야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be at most ${p.max}, got ${p.v}`,
  }),
  "network-file-not-finite": (p: P<"what" | "n">) => ({
    ko: `${p.what}은(는) 유한한 숫자여야 합니다. 받은 값: ${p.n}`,
    en: `${p.what} must be a finite number, found ${p.n}`,
  }),

  // lib/display/check.ts
  "check-expected-shape": (p: P<"name">) => ({
    ko: `check: "${p.name}"의 기대값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다`,
    en: `the expected value for "${p.name}" is not a number, vector or matrix`,
  }),
  "check-no-cases": (p: P<"name">) => ({
    ko: `check: "${p.name}"에는 입력 사례가 하나 이상 있어야 합니다`,
    en: `"${p.name}" needs at least one input case`,
  }),
  "expect-different-shape": (p: P<"name">) => ({
    ko: `expectDifferent: "${p.name}"의 둘째 값이 숫자, 벡터, 행렬 중 어느 것도 아닙니다`,
    en: `the second value for "${p.name}" is not a number, vector or matrix`,
  }),

  // lib/display/digit-pad.ts
  "digit-pad-classifier": () => ({
    ko: `digitPadHtml: 입력 784개, 소프트맥스 출력 10개인 Classifier가 필요합니다`,
    en: `expected a Classifier with 784 inputs and a softmax output of 10`,
  }),

  // lib/display/glossary.ts
  "glossary-unknown-term": (p: P<"w">) => ({
    ko: `glossary: "${p.w}"은(는) 용어집(data/glossary.json)에 없는 말입니다`,
    en: `"${p.w}" is not in the glossary`,
  }),

  // lib/display/plot.ts
  "plot-not-in-cell": () => ({
    ko: `showFigure/plotSetup: 노트북 셀 안에서 실행되지 않아 그림을 보여 줄 곳이 없습니다 (HTML은 figureHtml(fig)로 얻을 수 있습니다)`,
    en: `not running inside a notebook cell, so there is nowhere to display the plot (use figureHtml(fig) ` +
      `to get the HTML instead)`,
  }),

  // lib/display/tables.ts
  "table-entry": (p: P<"k">) => ({
    ko: `tableHtml: ${p.k}번 항목이 숫자도, 숫자로 된 행도 아닙니다`,
    en: `entry ${p.k} is not a number or a row of numbers`,
  }),
  "math-dot-columns": (p: P<"cols" | "xLength" | "WLength">) => ({
    ko: `mathDot: W의 열은 ${p.cols}개인데 x의 원소는 ${p.xLength}개입니다. 두 수가 같아야 합니다`,
    en: `W has ${p.cols} columns but x has ${p.xLength} entries; they must be equal (W is ${p.WLength}×` +
      `${p.cols})`,
  }),

  // lib/display/figures/classify.ts
  "figure-grid": (p: P<"who">) => ({
    ko: `${p.who}: grid는 decisionGrid가 돌려준 { x, y, cls, prob }여야 합니다`,
    en: `grid must be { x, y, cls, prob } (see decisionGrid)`,
  }),
  "figure-grid-shape": (p: P<"who" | "gXLength" | "gYLength">) => ({
    ko: `${p.who}: grid.cls에는 값 ${p.gXLength}개짜리 행이 ${p.gYLength}개 있어야 합니다`,
    en: `grid.cls must have ${p.gYLength} rows of ${p.gXLength} values`,
  }),
  "figure-data": (p: P<"who">) => ({
    ko: `${p.who}: data는 행마다 레이블이 하나씩 있는 { X, labels }여야 합니다`,
    en: `data must be { X, labels } with one label per row`,
  }),
  "figure-data-2d": (p: P<"who">) => ({
    ko: `${p.who}: 평면에 그리려면 데이터의 모든 행에 값이 2개 있어야 합니다`,
    en: `every data row needs 2 values to be drawn on the plane`,
  }),
  "boundary-animation-no-frames": () => ({
    ko: `decisionBoundaryAnimationFigure: 장면 { label, grid }이 하나 이상 있어야 합니다`,
    en: `expected at least one frame { label, grid }`,
  }),
  "train-test-figure-no-held-out": () => ({
    ko: `trainTestLossFigure: heldOut 데이터로 학습한 결과(heldOutLoss가 있는 것)가 필요합니다`,
    en: `expected a run trained with heldOut data (with heldOutLoss)`,
  }),
  "train-test-figure-epoch": (p: P<"lastEpoch" | "markEpoch">) => ({
    ko: `trainTestLossFigure: mark.epoch는 0 이상 ${p.lastEpoch} 이하의 정수여야 합니다. 받은 값: ${p.markEpoch}`,
    en: `mark.epoch must be an epoch of the run`,
  }),
  "accuracy-figure-no-series": () => ({
    ko: `accuracyFigure: { name, accuracy } 목록이 필요합니다`,
    en: `expected a list of { name, accuracy } series`,
  }),
  "gradient-figure-no-groups": () => ({
    ko: `gradientAgreementFigure: { name, ours, theirs } 목록이 필요합니다`,
    en: `expected a list of { name, ours, theirs }`,
  }),
  "gradient-figure-lengths": (p: P<"name" | "xLength" | "yLength">) => ({
    ko: `gradientAgreementFigure: "${p.name}"의 ours는 ${p.xLength}개인데 theirs는 ${p.yLength}개입니다`,
    en: `"${p.name}" has ${p.xLength} of ours but ${p.yLength} of theirs`,
  }),

  // lib/display/figures/descent.ts
  "figure-curve": (p: P<"who">) => ({
    ko: `${p.who}: curve는 lossAlongWeight가 돌려준 { w, loss }여야 합니다`,
    en: `curve must be { w: number[], loss: number[] } (see lossAlongWeight)`,
  }),
  "figure-curve-lengths": (p: P<"who" | "curveWLength" | "curveLossLength">) => ({
    ko: `${p.who}: curve.w는 ${p.curveWLength}개인데 curve.loss는 ${p.curveLossLength}개입니다 (같아야 합니다)`,
    en: `curve.w has ${p.curveWLength} values but curve.loss has ${p.curveLossLength}`,
  }),
  "figure-curve-short": (p: P<"who">) => ({
    ko: `${p.who}: 곡선에는 점이 2개 이상 있어야 합니다`,
    en: `curve needs at least 2 points`,
  }),
  "figure-curve-path-loss": (p: P<"who" | "curveFormula" | "pathFormula" | "p" | "c">) => ({
    ko: `${p.who}: 곡선은 ${p.curveFormula}인데 경로는 ${p.pathFormula}입니다. lossAlongWeight(…, "${p.p}")로 같은 손실의 ` +
      `곡선을 그리세요`,
    en: `the curve is ${p.c} but the path is ${p.p}`,
  }),
  "figure-y-range": (p: P<"who" | "range">) => ({
    ko: `${p.who}: yRange는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: ${p.range}`,
    en: `yRange must be [bottom, top] with bottom < top`,
  }),
  "figure-path": (p: P<"who">) => ({
    ko: `${p.who}: path는 descendOneWeight가 돌려준 { w, loss, slope, learningRate }여야 합니다`,
    en: `path must be { w, loss, slope, learningRate } (see descendOneWeight)`,
  }),
  "figure-path-empty": (p: P<"who">) => ({
    ko: `${p.who}: 경로에 점이 하나도 없습니다`,
    en: `path has no points`,
  }),
  "figure-path-lengths": (p: P<"who" | "pathWLength" | "pathLossLength" | "pathSlopeLength">) => ({
    ko: `${p.who}: path.w, path.loss, path.slope의 길이가 같아야 합니다 (${p.pathWLength}, ${p.pathLossLength}, ` +
      `${p.pathSlopeLength})`,
    en: `path.w, path.loss and path.slope must have the same length`,
  }),
  "learning-rate-figure-no-paths": () => ({
    ko: `learningRateFigure: 학습률마다 경로 하나씩, 경로의 목록이 필요합니다`,
    en: `expected a list of paths, one per learning rate`,
  }),
  "learning-rate-figure-titles": (p: P<"pathsLength" | "optsTitlesLength">) => ({
    ko: `learningRateFigure: 경로는 ${p.pathsLength}개인데 제목(titles)은 ${p.optsTitlesLength}개입니다`,
    en: `${p.optsTitlesLength} titles for ${p.pathsLength} paths`,
  }),
  "loss-history-no-series": () => ({
    ko: `lossHistoryFigure: { name, loss } 목록이 필요합니다`,
    en: `expected a list of { name, loss } series`,
  }),
  "loss-history-empty": (p: P<"sName">) => ({
    ko: `lossHistoryFigure: "${p.sName}"의 손실 기록이 비어 있습니다`,
    en: `series "${p.sName}" has no values`,
  }),
  "loss-history-log": (p: P<"sName" | "iteration" | "lossBad">) => ({
    ko: `lossHistoryFigure: 로그 눈금에는 0보다 큰 손실만 그릴 수 있는데 "${p.sName}"의 ${p.iteration}번째 반복이 ${p.lossBad}입니다 ` +
      `(log: false로 그려 보세요)`,
    en: `a log scale needs positive losses, but "${p.sName}" has ${p.lossBad} at iteration ${p.iteration}`,
  }),

  // lib/display/figures/digits.ts
  "digits-figure-no-images": () => ({
    ko: `digitsFigure: 숫자 이미지(값 784개짜리 배열)의 목록이 필요합니다`,
    en: `expected a list of digit images (784 values each)`,
  }),
  "digits-figure-image-size": (p: P<"n" | "pixels" | "imLength">) => ({
    ko: `digitsFigure: images[${p.n}]의 값은 ${p.pixels}개(28×28)여야 합니다. 받은 값: ${p.imLength}개`,
    en: `each image needs 784 values`,
  }),
  "digits-figure-columns": (p: P<"optsColumns">) => ({
    ko: `digitsFigure: columns는 1 이상의 정수여야 합니다. 받은 값: ${p.optsColumns}`,
    en: `columns must be a whole number ≥ 1`,
  }),
  "confusion-figure-matrix": () => ({
    ko: `confusionFigure: 혼동 행렬은 K×K개의 숫자여야 합니다(confusionMatrix가 돌려준 것)`,
    en: `expected a K×K matrix of counts (see confusionMatrix)`,
  }),

  // lib/display/figures/graph.ts
  "graph-not-value": (p: P<"who" | "what">) => ({
    ko: `${p.who}: ${p.what}은(는) data(숫자), grad(숫자), parents(목록)가 있는 값이어야 합니다 (예: Value)`,
    en: `${p.what} must have data (number), grad (number) and parents (list), like a Value`,
  }),
  "graph-stop-at": (p: P<"who">) => ({
    ko: `${p.who}: stopAt은 값의 목록이어야 합니다`,
    en: `stopAt must be a list of values`,
  }),
  "graph-cycle": (p: P<"who">) => ({
    ko: `${p.who}: 그래프에 고리가 있습니다 (값이 자기 자신의 부모 노드입니다)`,
    en: `the graph has a cycle`,
  }),
  "graph-too-large": (p: P<"who" | "max">) => ({
    ko: `${p.who}: 노드가 ${p.max}개보다 많아 그릴 수 없습니다. stopAt으로 그릴 부분을 줄이세요 (예: stopAt: 앞 층의 Z)`,
    en: `more than ${p.max} nodes: draw a part of the graph with stopAt`,
  }),
  "output-node-graph-k": (p: P<"lastK" | "k">) => ({
    ko: `outputNodeGraph: k는 0 이상 ${p.lastK} 이하의 정수여야 합니다. 받은 값: ${p.k}`,
    en: `k must be an output node index`,
  }),

  // lib/display/figures/layout.ts
  "figure-not-list": (p: P<"what">) => ({
    ko: `${p.what}: 숫자의 목록(배열)이어야 합니다`,
    en: `expected a list of numbers`,
  }),

  // lib/display/figures/network.ts
  "sigmoid-figure-range": (p: P<"lo" | "hi">) => ({
    ko: `sigmoidFigure: range는 [아래, 위] 두 숫자(아래 < 위)여야 합니다. 받은 값: [${p.lo}, ${p.hi}]`,
    en: `range must be [low, high] with low < high, got [${p.lo}, ${p.hi}]`,
  }),
  "network-figure-no-weights": () => ({
    ko: `networkFigure: 가중치 행렬의 목록 [W1, W2, …]이 필요합니다`,
    en: `expected a list of weight matrices [W1, W2, ...]`,
  }),
  "network-figure-empty-matrix": (p: P<"layer">) => ({
    ko: `networkFigure: W${p.layer}이(가) 비어 있습니다 (행이 하나 이상 필요합니다)`,
    en: `W${p.layer} is empty`,
  }),
  "network-figure-not-finite": (p: P<"layer" | "k" | "i" | "v">) => ({
    ko: `networkFigure: W${p.layer}[${p.k}][${p.i}]이(가) 유한한 숫자가 아닙니다. 받은 값: ${p.v}`,
    en: `W${p.layer}[${p.k}][${p.i}] is not a finite number`,
  }),
  "network-figure-scale": (p: P<"optsScale" | "scaleRaw">) => ({
    ko: `networkFigure: scale은(는) 0보다 큰 숫자여야 합니다. 받은 값: ${p.optsScale}`,
    en: `scale must be a positive number, got ${p.scaleRaw}`,
  }),
  "network-figure-quantity": (p: P<"quantity">) => ({
    ko: `networkFigure: quantity는 "weight" 또는 "gradient"여야 합니다. 받은 값: ${p.quantity}`,
    en: `quantity must be "weight" or "gradient"`,
  }),

  // lib/display/figures/perceptron.ts
  "perceptron-not-numbers": (p: P<"who" | "what">) => ({
    ko: `${p.who}: ${p.what}는 유한한 숫자의 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of finite numbers`,
  }),
  "perceptron-not-number": (p: P<"who" | "what" | "v">) => ({
    ko: `${p.who}: ${p.what}는 유한한 숫자여야 합니다 (받은 값: ${p.v})`,
    en: `${p.what} must be a finite number`,
  }),
  "perceptron-too-many-inputs": (p: P<"who" | "weightsLength">) => ({
    ko: `${p.who}: 입력은 8개까지 그립니다 (받은 값: ${p.weightsLength}개)`,
    en: `at most 8 inputs`,
  }),
  "perceptron-activation": (p: P<"who" | "activation">) => ({
    ko: `${p.who}: activation은 "step" 또는 "sigmoid"입니다 (받은 값: ${p.activation})`,
    en: `activation must be "step" or "sigmoid"`,
  }),
  "step-sigmoid-range": (p: P<"lo" | "hi">) => ({
    ko: `stepSigmoidFigure: range는 0을 사이에 둔 [낮은 값, 높은 값]입니다 (받은 값: [${p.lo}, ${p.hi}])`,
    en: `range must be [low, high] around 0`,
  }),
  "perceptron-panels": (p: P<"who">) => ({
    ko: `${p.who}: 그림 1–4개의 목록이 필요합니다`,
    en: `expected a list of 1 to 4 panels`,
  }),
  "perceptron-panel-points": (p: P<"who" | "panel">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 X는 (x₁, x₂) 점의 목록이어야 합니다`,
    en: `panel ${p.panel}: X must be a list of [x1, x2] points`,
  }),
  "perceptron-panel-targets": (p: P<"who" | "panel">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 targets는 점마다 0 또는 1입니다`,
    en: `panel ${p.panel}: one target (0 or 1) per point`,
  }),
  "perceptron-panel-weights": (p: P<"who" | "panel" | "wLength">) => ({
    ko: `${p.who}: 그림 ${p.panel}의 w는 가중치 2개입니다 (받은 값: ${p.wLength}개)`,
    en: `w must have 2 weights`,
  }),

  // lib/display/figures/surface.ts
  "surface-not-surface": (p: P<"who">) => ({
    ko: `${p.who}: surface는 lossSurface가 돌려준 { p, q, loss }여야 합니다`,
    en: `surface must be { p, q, loss } (see lossSurface)`,
  }),
  "surface-too-small": (p: P<"who">) => ({
    ko: `${p.who}: 두 가중치 모두 값이 2개 이상 있어야 곡면을 그릴 수 있습니다`,
    en: `the surface needs at least 2 values of each weight`,
  }),
  "surface-rows": (p: P<"who" | "sQLength" | "sLossLength">) => ({
    ko: `${p.who}: surface.loss에는 q 값마다 한 행씩 ${p.sQLength}행이 있어야 하는데 ${p.sLossLength}행입니다`,
    en: `surface.loss has ${p.sLossLength} rows, expected one per q value (${p.sQLength})`,
  }),
  "surface-path-lengths": (p: P<"who" | "pathName" | "pLength" | "qLength">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"의 p 값은 ${p.pLength}개인데 q 값은 ${p.qLength}개입니다 (같아야 합니다)`,
    en: `path "${p.pathName}" has ${p.pLength} p values but ${p.qLength} q values`,
  }),
  "surface-path-empty": (p: P<"who" | "pathName">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"에 점이 하나도 없습니다`,
    en: `path "${p.pathName}" is empty`,
  }),
  "surface-path-losses": (p: P<"who" | "pathName" | "pLength" | "lossLength">) => ({
    ko: `${p.who}: 경로 "${p.pathName}"의 점은 ${p.pLength}개인데 손실은 ${p.lossLength}개입니다`,
    en: `path "${p.pathName}" has ${p.lossLength} losses for ${p.pLength} points`,
  }),
  "surface-figure-kind": (p: P<"kind">) => ({
    ko: `surfaceFigure: kind는 "contour" 또는 "surface"여야 합니다. 받은 값: "${p.kind}"`,
    en: `kind must be "contour" or "surface", got "${p.kind}"`,
  }),
  "surface-animation-frames": (p: P<"optsFrames">) => ({
    ko: `surfaceAnimationFigure: frames는 2 이상의 정수여야 합니다. 받은 값: ${p.optsFrames}`,
    en: `frames must be an integer ≥ 2, got ${p.optsFrames}`,
  }),

  // lib/beyond/autodiff.ts
  "autodiff-optimizer": (p: P<"optimizer">) => ({
    ko: `optimizer는 "sgd" 또는 "adam"이어야 합니다. 받은 값: ${p.optimizer}`,
    en: `optimizer must be "sgd" or "adam"`,
  }),

  // lib/beyond/dataset.ts
  "csv-empty": (p: P<"source">) => ({
    ko: `${p.source}: 파일이 비어 있습니다 ("x1,x2,label" 같은 머리글 줄이 있어야 합니다)`,
    en: `the file is empty (expected a header line such as "x1,x2,label")`,
  }),
  "csv-unnamed-column": (p: P<"where" | "column">) => ({
    ko: `${p.where}: 머리글의 ${p.column}번째 열에 이름이 없습니다`,
    en: `column ${p.column} of the header has no name`,
  }),
  "csv-duplicate-column": (p: P<"where" | "h">) => ({
    ko: `${p.where}: 열 이름 "${p.h}"이(가) 머리글에 두 번 나옵니다`,
    en: `column name "${p.h}" appears twice in the header`,
  }),
  "csv-too-few-columns": (p: P<"where" | "headerLength">) => ({
    ko: `${p.where}: 머리글의 열이 ${p.headerLength}개뿐입니다. 특성 열 하나 이상과 레이블 열이 있어야 합니다`,
    en: `the header has ${p.headerLength} column; need at least one feature and a label`,
  }),
  "csv-no-label-column": (p: P<"where" | "labelName" | "headerList">) => ({
    ko: `${p.where}: 레이블 열 "${p.labelName}"이(가) 없습니다 (있는 열: ${p.headerList})`,
    en: `no label column "${p.labelName}" (columns: ${p.headerList})`,
  }),
  "csv-no-feature-column": (p: P<"where" | "f" | "headerList">) => ({
    ko: `${p.where}: 특성 열 "${p.f}"이(가) 없습니다 (있는 열: ${p.headerList})`,
    en: `no feature column "${p.f}" (columns: ${p.headerList})`,
  }),
  "csv-quote": (p: P<"where">) => ({
    ko: `${p.where}: 따옴표가 든 칸은 읽을 수 없습니다 (쉼표로만 나눈 칸만 됩니다)`,
    en: `a field contains a quote or a quoted comma, which this reader does not support (plain ` +
      `comma-separated fields only)`,
  }),
  "csv-field-count": (p: P<"where" | "headerLength" | "headerList" | "cellsLength">) => ({
    ko: `${p.where}: 칸이 ${p.headerLength}개(${p.headerList})여야 하는데 ${p.cellsLength}개입니다`,
    en: `expected ${p.headerLength} fields (${p.headerList}), found ${p.cellsLength}`,
  }),
  "csv-not-number": (p: P<"where" | "column" | "s">) => ({
    ko: `${p.where}: "${p.column}" 열은 숫자여야 합니다. 받은 값: ${p.s}`,
    en: `column "${p.column}" must be a number, found ${p.s}`,
  }),
  "csv-empty-label": (p: P<"where" | "labelName">) => ({
    ko: `${p.where}: 레이블 열 "${p.labelName}"이(가) 비어 있습니다`,
    en: `the label column "${p.labelName}" is empty`,
  }),
  "csv-no-rows": (p: P<"source">) => ({
    ko: `${p.source}: 머리글 다음에 데이터 줄이 없습니다`,
    en: `no data rows after the header`,
  }),
  "csv-unknown-class": (p: P<"source" | "row" | "l" | "classesList">) => ({
    ko: `${p.source}: ${p.row}번째 줄의 레이블 "${p.l}"은(는) 클래스 ${p.classesList} 중 하나가 아닙니다`,
    en: `label "${p.l}" of row ${p.row} is not one of the classes ${p.classesList}`,
  }),
  "moons-n": (p: P<"n">) => ({
    ko: `makeMoons: n은(는) 2 이상의 정수여야 합니다. 받은 값: ${p.n}`,
    en: `n must be a whole number ≥ 2, got ${p.n}`,
  }),
  "standardizer-no-rows": () => ({
    ko: `standardizer: 데이터에 행이 없습니다`,
    en: `no rows`,
  }),
  "dataset-no-feature": (p: P<"source" | "n" | "features">) => ({
    ko: `${p.source}: "${p.n}"이라는 특성이 없습니다. 있는 특성: ${p.features}`,
    en: `no feature "${p.n}" (features: ${p.features})`,
  }),

  // lib/beyond/decision-grid.ts
  "decision-grid-inputs": (p: P<"netSizes0">) => ({
    ko: `decisionGrid: 평면에 그리려면 네트워크의 입력이 2개여야 합니다. 입력층: ${p.netSizes0}개`,
    en: `the network must have 2 inputs to draw a plane, it has ${p.netSizes0}`,
  }),

  // lib/beyond/deep.ts
  "deep-activation": (p: P<"f">) => ({
    ko: `활성화 함수는 "sigmoid"나 "relu"여야 합니다. 받은 값: ${p.f}`,
    en: `the activation must be "sigmoid" or "relu", got ${p.f}`,
  }),
  "deep-init": (p: P<"kind">) => ({
    ko: `초기화는 "xavier"나 "he"여야 합니다. 받은 값: ${p.kind}`,
    en: `the initialisation must be "xavier" or "he", got ${p.kind}`,
  }),

  // lib/beyond/mnist.ts
  "mnist-pixel-count": (p: P<"N" | "pixelsNeeded" | "dPixelsLength">) => ({
    ko: `encodeMnist: 숫자 ${p.N}개에는 화소 ${p.pixelsNeeded}개가 있어야 합니다. 받은 화소: ${p.dPixelsLength}개`,
    en: `${p.N} digits need ${p.pixelsNeeded} pixels, got ${p.dPixelsLength}`,
  }),

  // lib/beyond/optim.ts
  "optimizer-block-count": (p: P<"paramsLength" | "gradsLength">) => ({
    ko: `optimizer: 매개변수 블록은 ${p.paramsLength}개인데 기울기 블록은 ${p.gradsLength}개입니다. update(params, grads)의 두 ` +
      `목록은 같은 순서로 같은 개수여야 합니다`,
    en: `${p.paramsLength} parameter blocks but ${p.gradsLength} gradient blocks`,
  }),
  "optimizer-shape": (p: P<"paramShape" | "gradShape">) => ({
    ko: `optimizer: 매개변수(${p.paramShape})와 기울기(${p.gradShape})의 모양이 다릅니다. 기울기는 매개변수와 같은 모양이어야 합니다`,
    en: `parameters (${p.paramShape}) and gradients (${p.gradShape}) must have the same shapes`,
  }),
  "optimizer-state-shape": (p: P<"who" | "was" | "now">) => ({
    ko: `${p.who}: 이 옵티마이저는 ${p.was} 모양의 매개변수를 위한 기억(지난 걸음의 값)을 갖고 있는데 이번 매개변수는 ${p.now}입니다. 매개변수마다 새 ` +
      `옵티마이저를 만들거나(new ${p.who}(…)), 먼저 reset()을 부르세요`,
    en: `this optimiser keeps memory for parameters of shape ${p.was}, got ${p.now}: make a new optimiser ` +
      `per parameter list, or call reset() first`,
  }),
  "adam-options-object": (p: P<"example" | "opts">) => ({
    ko: `Adam의 설정은 객체 하나로 줍니다: ${p.example}. 받은 값: ${p.opts}`,
    en: `Adam takes its settings as one object, ${p.example}; got ${p.opts}`,
  }),

  // lib/beyond/train-classifier.ts
  "split-data": () => ({
    ko: `trainTestSplit: data는 예제마다 레이블이 하나씩 있는 { X, labels }여야 합니다`,
    en: `data must be { X, labels } with one label per example`,
  }),
  "split-fraction": (p: P<"f">) => ({
    ko: `testFraction은(는) 0보다 크고 1보다 작아야 합니다. 받은 값: ${p.f}`,
    en: `testFraction must be between 0 and 1, got ${p.f}`,
  }),
  "train-data": (p: P<"name">) => ({
    ko: `${p.name}는 { X: 예제 목록, labels: 레이블 목록 } 모양이어야 합니다`,
    en: `${p.name} must be { X, labels }`,
  }),
  "train-data-labels": (p: P<"name" | "N" | "dataLabelsLength">) => ({
    ko: `${p.name}: 예제마다 레이블이 하나씩 있어야 합니다. 예제 ${p.N}개, 레이블 ${p.dataLabelsLength}개`,
    en: `need one label per example (${p.N} examples, ${p.dataLabelsLength} labels)`,
  }),
  "train-data-label": (p: P<"name" | "n" | "lastClass" | "l">) => ({
    ko: `${p.name}.labels[${p.n}]은(는) 클래스 번호 0 … ${p.lastClass} 중 하나여야 합니다. 받은 값: ${p.l}`,
    en: `labels must be class indices`,
  }),
  "train-patience-held-out": () => ({
    ko: `patience(조기 종료)를 쓰려면 학습에 쓰지 않는 heldOut 데이터가 있어야 합니다`,
    en: `early stopping (patience) needs heldOut data`,
  }),
  "train-evaluate": (p: P<"evaluate">) => ({
    ko: `trainClassifier: evaluate는 "full" 또는 "batches"여야 합니다. 받은 값: ${p.evaluate}`,
    en: `evaluate must be "full" or "batches"`,
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

/** Every code an InputError can have. */
export type ErrorCode = keyof typeof MESSAGES;

/** The arguments of `new InputError(…)`: a code, then its parameters if its entry reads any. */
export type ErrorArgs = {
  [C in ErrorCode]: [code: C, ...params: Parameters<(typeof MESSAGES)[C]>];
}[ErrorCode];

/** The sentence for a code and its parameters, both languages. */
export function messageText(...[code, params]: ErrorArgs): Text {
  return (MESSAGES[code] as (p: unknown) => Text)(params);
}
