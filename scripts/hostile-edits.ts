/**
 * What a learner breaks by editing a "직접 해 보기" cell: every try-it cell of the notebooks, run with
 * hostile edits (learning rate 0, negative, NaN, 1e9; iterations 0, 2.5, 10⁷; layer sizes [3], [3, 0, 2],
 * [3, 2.5, 2]; a seed of ""; x or y of the wrong length; …). Each edit must give either a sensible result
 * or ONE Korean line naming the variable and what is allowed, never a stack trace and never a hang.
 * An `okPrinting` edit must also print what it promises (a line matched against its stdout): 00 with
 * 10 iterations names the real last loss, 03 with another w range labels that range.
 *
 * `npm run test:notebooks` writes every edited try-it cell into build/notebooks/hostile-edits.json and
 * hands it to the one notebook driver (scripts/run_notebooks.py --variants): after a notebook has run
 * (twice, with the answers), the edited cells run last in the same kernel, each with a time limit, and
 * their outputs go into report.json. test/hostile-edits.test.ts judges every one against TRY_IT.
 */
import * as fs from "fs";
import * as path from "path";
import { NOTEBOOKS } from "./paths";

/** One edit a learner might make: each `find` in the try-it cell becomes its `replace`. */
export interface HostileEdit {
  label: string;
  replace: [find: string, replace: string][];
  /** "ok": runs, prints no NaN, nothing on stderr. Otherwise the one error line must match this (source of a RegExp). */
  expect: "ok" | string;
  /** With "ok": what the cell must print (source of a RegExp matched against its stdout). */
  stdout?: string;
}

export interface TryIt {
  notebook: string;
  /** A line that only this try-it cell has. */
  marker: string;
  edits: HostileEdit[];
}

const ok = (label: string, ...replace: [string, string][]): HostileEdit => ({ label, replace, expect: "ok" });
const okPrinting = (label: string, stdout: RegExp, ...replace: [string, string][]): HostileEdit => ({ label, replace, expect: "ok", stdout: stdout.source });
const refused = (label: string, expect: RegExp, ...replace: [string, string][]): HostileEdit => ({ label, replace, expect: expect.source });

/** Messages the library gives, as patterns (Korean first; the English after " / " is not checked here). */
const SIZES_TOO_FEW = /sizes\(층의 크기 목록\)에는 입력층과 출력층을 포함해 2개 이상의 층이 있어야 합니다/;
const sizeBad = (i: number, v: string) => new RegExp(`sizes\\[${i}\\]\\(층 ${i}의 노드 수\\)은\\(는\\) 1 이상 1000 이하의 정수여야 합니다\\. 받은 값: ${v.replace(".", "\\.")}`);
const lrPositive = (who = "") => new RegExp(`${who}learningRate은\\(는\\) 0보다 커야 합니다`);
const lrFinite = (who = "") => new RegExp(`${who}learningRate은\\(는\\) 유한한 숫자여야 합니다\\. 받은 값: NaN`);
const lengthOf = (name: string, n: number) => new RegExp(`${name}의 원소는 ${n}개여야 합니다`);
const outOfRange = (part: string) => new RegExp(`의 ${part}가 범위를 벗어났습니다`);

/** Layer sizes: too few, a zero, a fraction. */
function sizeEdits(find: string, decl: (sizes: number[]) => string): HostileEdit[] {
  return [
    refused("층의 크기 [3]", SIZES_TOO_FEW, [find, decl([3])]),
    refused("층의 크기 [3, 0, 2]", sizeBad(1, "0"), [find, decl([3, 0, 2])]),
    refused("층의 크기 [3, 2.5, 2]", sizeBad(1, "2.5"), [find, decl([3, 2.5, 2])]),
  ];
}

/** A learning rate: 0, negative and NaN are refused, 1e9 gives a (saturated) result. */
function rateEdits(find: string, decl: (rate: string) => string, who = ""): HostileEdit[] {
  return [
    refused("학습률 0", lrPositive(who), [find, decl("0")]),
    refused("학습률 −1", lrPositive(who), [find, decl("-1")]),
    refused("학습률 NaN", lrFinite(who), [find, decl("NaN")]),
    ok("학습률 1e9", [find, decl("1e9")]),
  ];
}

/** A try-it cell that builds a network from `mySizes` and `mySeed` for the lesson's x (3 values) and y (2 values). */
function networkEdits(sizes: number[], seed: string): HostileEdit[] {
  const decl = (s: number[] | string) => `const mySizes = ${Array.isArray(s) ? `[${s.join(", ")}]` : s};`;
  const [first, last] = [sizes[0], sizes[sizes.length - 1]], middle = sizes.slice(1, -1);
  return [
    ...sizeEdits(decl(sizes), decl),
    ok('시드 ""', [`const mySeed = "${seed}";`, 'const mySeed = "";']),
    refused("입력층 노드 4개", lengthOf("x", 4), [decl(sizes), decl([4, ...middle, last])]),
    refused("출력층 노드 3개", lengthOf("y", 3), [decl(sizes), decl([first, ...middle, 3])]),
  ];
}

export const TRY_IT: TryIt[] = [
  {
    notebook: "00-overview.ipynb", marker: "const fixed = train(",
    edits: [okPrinting("반복 10번", /마지막 손실: 0\.\d+/, ["iterations: 1000", "iterations: 10"])],
  },
  {
    notebook: "01-model-setup.ipynb", marker: "const mine = initWeights(mySizes, mySeed);",
    edits: [
      ...sizeEdits("const mySizes = [3, 4, 2];", (s) => `const mySizes = [${s.join(", ")}];`),
      ok('시드 ""', ['const mySeed = "my-seed";', 'const mySeed = "";']),
      ok("입력층 노드 5개", ["const mySizes = [3, 4, 2];", "const mySizes = [5, 4, 2];"]),
    ],
  },
  {
    notebook: "02-forward.ipynb", marker: "const myX = [1, 0, 0];",
    edits: [
      refused("x의 원소 2개", /x의 원소는 2개입니다/, ["const myX = [1, 0, 0];", "const myX = [1, 0];"]),
      refused("x의 원소 4개", /x의 원소는 4개입니다/, ["const myX = [1, 0, 0];", "const myX = [1, 0, 0, 0];"]),
      ok("큰 x", ["const myX = [1, 0, 0];", "const myX = [10, 10, 10];"]),
      ok("시드로 만든 가중치", ["const myWeights = lesson.weights;", 'const myWeights = initWeights([3, 2, 3, 2], "아무 시드");']),
      refused("입력층 노드 4개인 가중치", /x의 원소는 3개입니다/, ["const myWeights = lesson.weights;", 'const myWeights = initWeights([4, 2, 3, 2], "x");']),
    ],
  },
  {
    notebook: "03-mse.ipynb", marker: "const myY = [0.1, 0.9];",
    edits: [
      refused("y의 원소 3개", lengthOf("y", 2), ["const myY = [0.1, 0.9];", "const myY = [0.1, 0.9, 0.5];"]),
      refused("y의 원소 1개", lengthOf("y", 2), ["const myY = [0.1, 0.9];", "const myY = [0.1];"]),
      refused("없는 층 layer: 3", outOfRange("layer"), ["const myP = { layer: 2, row: 1, col: 2 };", "const myP = { layer: 3, row: 1, col: 2 };"]),
      refused("없는 열 col: 3", outOfRange("col"), ["const myP = { layer: 2, row: 1, col: 2 };", "const myP = { layer: 2, row: 1, col: 3 };"]),
      ok("입력층 쪽 가중치", ["const myP = { layer: 2, row: 1, col: 2 };", "const myP = { layer: 0, row: 1, col: 2 };"]),
      okPrinting("w 구간 −2 … 3", /^w = −2 … 3에서 W3\[1\]\[2\]의/m, ["linspace(-6, 6, 161)", "linspace(-2, 3, 51)"]),
    ],
  },
  {
    notebook: "04-gradient-descent.ipynb", marker: "const h = 1e-6;",
    edits: [
      refused("h = 0", /h은\(는\) 0보다 커야 합니다\. 받은 값: 0/, ["const h = 1e-6;", "const h = 0;"]),
      refused("h = NaN", /h은\(는\) 유한한 숫자여야 합니다/, ["const h = 1e-6;", "const h = NaN;"]),
    ],
  },
  {
    notebook: "04-gradient-descent.ipynb", marker: "const myAlpha = 100;",
    edits: [
      ...rateEdits("const myAlpha = 100;", (r) => `const myAlpha = ${r};`),
      ok("학습률 500 (골짜기를 건너뜀)", ["const myAlpha = 100;", "const myAlpha = 500;"]),
      refused("출발점 NaN", /start은\(는\) 유한한 숫자여야 합니다/, ["const myStart = 5;", "const myStart = NaN;"]),
      refused("없는 열 col: 5", outOfRange("col"), ["const myP = { layer: 2, row: 0, col: 0 };", "const myP = { layer: 2, row: 0, col: 5 };"]),
      refused("없는 층 layer: 3", outOfRange("layer"), ["const myP = { layer: 2, row: 0, col: 0 };", "const myP = { layer: 3, row: 0, col: 0 };"]),
      refused("W1에 없는 행 row: 2", outOfRange("row"), ["const myP = { layer: 2, row: 0, col: 0 };", "const myP = { layer: 0, row: 2, col: 0 };"]),
      ok("출발점 −2", ["const myStart = 5;", "const myStart = -2;"]),
      ok("입력층 쪽 W1[0][0]", ["const myP = { layer: 2, row: 0, col: 0 };", "const myP = { layer: 0, row: 0, col: 0 };"]),
    ],
  },
  {
    notebook: "05-output-delta.ipynb", marker: "const myW3 = [[-10, -10, -10], [0.6, 0.7, 0.8]];",
    edits: [
      refused("y의 원소 1개", /y는 1개입니다/, ["const myY = [0.95, 0.95];", "const myY = [0.95];"]),
      refused("y의 원소 3개", /y는 3개입니다/, ["const myY = [0.95, 0.95];", "const myY = [0.95, 0.95, 0.95];"]),
      refused("열이 2개인 myW3", /W3은\(는\) .*모든 행의 열이 3개/, ["const myW3 = [[-10, -10, -10], [0.6, 0.7, 0.8]];", "const myW3 = [[-10, -10], [0.6, 0.7]];"]),
      ok("첫 행 10", ["const myW3 = [[-10, -10, -10], [0.6, 0.7, 0.8]];", "const myW3 = [[10, 10, 10], [0.6, 0.7, 0.8]];"]),
      ok("둘째 행도 −10", ["const myW3 = [[-10, -10, -10], [0.6, 0.7, 0.8]];", "const myW3 = [[-10, -10, -10], [-10, -10, -10]];"]),
      ok("가중치 1e9", ["const myW3 = [[-10, -10, -10], [0.6, 0.7, 0.8]];", "const myW3 = [[1e9, 1e9, 1e9], [-1e9, -1e9, -1e9]];"]),
    ],
  },
  {
    notebook: "06-hidden-delta.ipynb", marker: "const myCheck = gradientCheck(myWeights, X, Y);",
    edits: [
      ...networkEdits([3, 4, 4, 2], "try-me"),
      ok("층의 크기 [3, 60, 60, 2] (포화)", ["const mySizes = [3, 4, 4, 2];", "const mySizes = [3, 60, 60, 2];"]),
    ],
  },
  {
    notebook: "07-training-loop.ipynb", marker: "const myLearningRates = [0.01, 1, 100, 1000];",
    edits: [
      ...rateEdits("const myLearningRates = [0.01, 1, 100, 1000];", (r) => `const myLearningRates = [${r}];`),
      refused("반복 0번", /iterations은\(는\) 1 이상 1000000 이하이어야 합니다/, ["const myIterations = 1000;", "const myIterations = 0;"]),
      refused("반복 2.5번", /iterations은\(는\) 정수여야 합니다/, ["const myIterations = 1000;", "const myIterations = 2.5;"]),
      refused("반복 10⁷번", /iterations은\(는\) 1 이상 1000000 이하이어야 합니다 \(읽기 쉬운 train\(\)은 100만 번에/,
        ["const myIterations = 1000;", "const myIterations = 1e7;"]),
      ok("반복 10⁶번 (한계)", ["const myIterations = 1000;", "const myIterations = 1e6;"],
        ["const myLearningRates = [0.01, 1, 100, 1000];", "const myLearningRates = [1];"]),
      ...networkEdits([3, 2, 3, 2], "my-seed"),
    ],
  },
  {
    notebook: "07b-value-autodiff.ipynb", marker: "const myLib = gradients(myWeights, myX, lesson.y);",
    edits: (() => {
      const [x, w3] = ["const myX = [0.5, 0.3, 0.2];", "const myW3 = [[0.3, 0.4, 0.5], [0.6, 0.7, 0.8]];"];
      return [
        refused("x의 원소 4개", lengthOf("x", 3), [x, "const myX = [0.5, 0.3, 0.2, 0.1];"]),
        refused("x의 원소 0개", lengthOf("x", 3), [x, "const myX = [];"]),
        refused("x에 NaN", /x\[1\]은\(는\) 유한한 숫자여야 합니다/, [x, "const myX = [0.5, NaN, 0.2];"]),
        ok("입력 [0, 0, 0]", [x, "const myX = [0, 0, 0];"]),
        refused("W3의 열 2개", /W3은\(는\) .*모든 행의 열이 3개/, [w3, "const myW3 = [[0.3, 0.4], [0.6, 0.7]];"]),
        refused("W3의 행 3개 (출력 3개, y의 원소 2개)", lengthOf("y", 3), [w3, "const myW3 = [[0.3, 0.4, 0.5], [0.6, 0.7, 0.8], [1, 1, 1]];"]),
        ok("가중치 1e9 (포화)", [w3, "const myW3 = [[1e9, 0.4, 0.5], [0.6, 0.7, 0.8]];"]),
        ok("가중치 −1e9 (포화)", [w3, "const myW3 = [[-1e9, 0.4, 0.5], [0.6, 0.7, 0.8]];"]),
      ];
    })(),
  },
  {
    notebook: "08-optimizers.ipynb", marker: "const myOptimizers = [",
    edits: [
      refused("β₁ = 1", /Adam: beta1 \(β₁\)은\(는\) 0 이상 1 미만이어야 합니다/, ["learningRate: 0.1, beta1: 0 }", "learningRate: 0.1, beta1: 1 }"]),
      refused("β₂ = −0.5", /Adam: beta2 \(β₂\)은\(는\) 0 이상 1 미만이어야 합니다/, ["learningRate: 0.1, beta2: 0.9 }", "learningRate: 0.1, beta2: -0.5 }"]),
      ...rateEdits("[new Adam({ learningRate: 0.1 }),", (r) => `[new Adam({ learningRate: ${r} }),`, "Adam: "),
      ok("RMSProp, AdaGrad 더하기", ["new Adam({ learningRate: 0.1, beta2: 0.9 })];", "new Adam({ learningRate: 0.1, beta2: 0.9 }), new RMSProp(0.1, 0.999), new AdaGrad(1)];"]),
      refused("RMSProp ρ = 1", /RMSProp: rho \(ρ\)은\(는\) 0 이상 1 미만이어야 합니다/,
        ["new Adam({ learningRate: 0.1, beta2: 0.9 })];", "new Adam({ learningRate: 0.1, beta2: 0.9 }), new RMSProp(0.1, 1)];"]),
      refused("AdaGrad 학습률 0", lrPositive("AdaGrad: "), ["new Adam({ learningRate: 0.1, beta2: 0.9 })];", "new Adam({ learningRate: 0.1, beta2: 0.9 }), new AdaGrad(0)];"]),
    ],
  },
  {
    notebook: "08-optimizers.ipynb", marker: "const myAdamRates = [0.001, 0.01, 0.1];",
    edits: rateEdits("const myAdamRates = [0.001, 0.01, 0.1];", (r) => `const myAdamRates = [${r}];`, "Adam: "),
  },
  {
    notebook: "08-optimizers.ipynb", marker: "const myMus = [0, 0.5, 0.9, 0.99];",
    edits: [
      refused("μ = 1", /Momentum: momentum \(μ\)은\(는\) 0 이상 1 미만이어야 합니다/, ["const myMus = [0, 0.5, 0.9, 0.99];", "const myMus = [1];"]),
      ok("0이 없는 μ 목록", ["const myMus = [0, 0.5, 0.9, 0.99];", "const myMus = [0.5];"]),
      ...rateEdits("const myMomentumRate = 0.1;", (r) => `const myMomentumRate = ${r};`, "Momentum: "),
    ],
  },
  {
    notebook: "09-binary-classification.ipynb", marker: "const myData = train; // 또는 xorDataset()",
    edits: [
      ...sizeEdits("const mySizes = [2, 2, 1];", (s) => `const mySizes = [${s.join(", ")}];`),
      refused("출력층 노드 2개", /시그모이드 출력층의 노드는 1개/, ["const mySizes = [2, 2, 1];", "const mySizes = [2, 4, 2];"]),
      refused("입력층 노드 3개", lengthOf("data\\.X\\[0\\]", 3), ["const mySizes = [2, 2, 1];", "const mySizes = [3, 2, 1];"]),
      ok("에포크 0번", ["const myEpochs = 300;", "const myEpochs = 0;"]),
      refused("에포크 2.5번", /epochs은\(는\) 정수여야 합니다/, ["const myEpochs = 300;", "const myEpochs = 2.5;"]),
      refused("에포크 10⁷번", /epochs은\(는\) 0 이상 5000 이하이어야 합니다/, ["const myEpochs = 300;", "const myEpochs = 1e7;"]),
      ...rateEdits("const myLearningRate = 0.1;", (r) => `const myLearningRate = ${r};`, "Adam: "),
      refused("미니배치 0개", /batchSize은\(는\) 1 이상이어야 합니다/, ["const myBatchSize = 16;", "const myBatchSize = 0;"]),
      ok("XOR 데이터", ["const myData = train; // 또는 xorDataset()", "const myData = xorDataset();"]),
      ok("XOR, 은닉층 없음", ["const myData = train; // 또는 xorDataset()", "const myData = xorDataset();"], ["const mySizes = [2, 2, 1];", "const mySizes = [2, 1];"]),
      ok("미니배치 1개", ["const myBatchSize = 16;", "const myBatchSize = 1;"]),
      ok("미니배치 160개 (학습 데이터 전체)", ["const myBatchSize = 16;", "const myBatchSize = 160;"]),
      refused("특성 3개인 데이터", lengthOf("data\\.X\\[0\\]", 2),
        ["const myData = train; // 또는 xorDataset()", "const myData = { ...train, X: train.X.map((x) => [...x, 1]) };"]),
    ],
  },
  {
    notebook: "09-binary-classification.ipynb", marker: 'const mySplitSeed = "split";',
    edits: [
      ok("다른 분할 시드", ['const mySplitSeed = "split";', 'const mySplitSeed = "a";']),
      ok("빈 분할 시드", ['const mySplitSeed = "split";', 'const mySplitSeed = "";']),
      ok("테스트 비율 0.5", ["const myTestFraction = 0.2;", "const myTestFraction = 0.5;"]),
      refused("테스트 비율 0", /testFraction은\(는\) 0보다 크고 1보다 작아야 합니다\. 받은 값: 0/, ["const myTestFraction = 0.2;", "const myTestFraction = 0;"]),
      refused("테스트 비율 1", /testFraction은\(는\) 0보다 크고 1보다 작아야 합니다\. 받은 값: 1/, ["const myTestFraction = 0.2;", "const myTestFraction = 1;"]),
      refused("테스트 비율 NaN", /testFraction은\(는\) 유한한 숫자여야 합니다\. 받은 값: NaN/, ["const myTestFraction = 0.2;", "const myTestFraction = NaN;"]),
      refused("테스트 비율 0.001 (테스트 데이터가 빔)", /테스트 데이터가 비어 버립니다/, ["const myTestFraction = 0.2;", "const myTestFraction = 0.001;"]),
    ],
  },
  {
    notebook: "10-softmax-classification.ipynb", marker: 'const myFeatures = ["sepal_length", "sepal_width"];',
    edits: [
      refused("없는 특성", /"nope"이라는 특성이 없습니다/, ['const myFeatures = ["sepal_length", "sepal_width"];', 'const myFeatures = ["sepal_length", "nope"];']),
      refused("특성 1개", lengthOf("data\\.X\\[0\\]", 2), ['const myFeatures = ["sepal_length", "sepal_width"];', 'const myFeatures = ["sepal_length"];']),
      ...sizeEdits("const mySizes = [2, 8, 3];", (s) => `const mySizes = [${s.join(", ")}];`),
      refused("출력층 노드 1개", /소프트맥스 출력층의 노드는 2개 이상/, ["const mySizes = [2, 8, 3];", "const mySizes = [2, 8, 1];"]),
      ok("에포크 0번", ["const myEpochs = 100;", "const myEpochs = 0;"]),
      refused("에포크 2.5번", /epochs은\(는\) 정수여야 합니다/, ["const myEpochs = 100;", "const myEpochs = 2.5;"]),
      refused("에포크 10⁷번", /epochs은\(는\) 0 이상 5000 이하이어야 합니다/, ["const myEpochs = 100;", "const myEpochs = 1e7;"]),
      ...rateEdits("const myLearningRate = 0.05;", (r) => `const myLearningRate = ${r};`, "Adam: "),
      ok("표준화 없이", ["const myStandardize = true;", "const myStandardize = false;"]),
    ],
  },
  {
    notebook: "10-softmax-classification.ipynb", marker: 'const mySplitSeed = "split";',
    edits: [
      ok("다른 분할 시드", ['const mySplitSeed = "split";', 'const mySplitSeed = "a";']),
      ok("빈 분할 시드", ['const mySplitSeed = "split";', 'const mySplitSeed = "";']),
      ok("테스트 비율 0.5", ["const myTestFraction = 0.2;", "const myTestFraction = 0.5;"]),
      ok("테스트 비율 0.9 (학습 데이터 15송이)", ["const myTestFraction = 0.2;", "const myTestFraction = 0.9;"]),
      refused("테스트 비율 0", /testFraction은\(는\) 0보다 크고 1보다 작아야 합니다\. 받은 값: 0/, ["const myTestFraction = 0.2;", "const myTestFraction = 0;"]),
      refused("테스트 비율 NaN", /testFraction은\(는\) 유한한 숫자여야 합니다\. 받은 값: NaN/, ["const myTestFraction = 0.2;", "const myTestFraction = NaN;"]),
      refused("테스트 비율 0.001 (테스트 데이터가 빔)", /테스트 데이터가 비어 버립니다/, ["const myTestFraction = 0.2;", "const myTestFraction = 0.001;"]),
      refused("테스트 비율 0.999 (학습 데이터가 빔)", /학습 데이터가 비어 버립니다/, ["const myTestFraction = 0.2;", "const myTestFraction = 0.999;"]),
    ],
  },
  {
    notebook: "11-autodiff-crosscheck.ipynb", marker: "const myWeights = initWeights(mySizes, mySeed);",
    edits: networkEdits([3, 5, 4, 2], "내 시드"),
  },
  {
    notebook: "11-autodiff-crosscheck.ipynb", marker: 'const myLayersOptimizer: string = "adam";',
    edits: [
      ok("SGD, α = 0.1", ['const myLayersOptimizer: string = "adam";', 'const myLayersOptimizer: string = "sgd";'], ["const myLayersRate = 0.01;", "const myLayersRate = 0.1;"]),
      refused("없는 옵티마이저", /optimizer는 "sgd" 또는 "adam"이어야 합니다\. 받은 값: "rmsprop"/,
        ['const myLayersOptimizer: string = "adam";', 'const myLayersOptimizer: string = "rmsprop";']),
      ...rateEdits("const myLayersRate = 0.01;", (r) => `const myLayersRate = ${r};`),
    ],
  },
  {
    notebook: "12-mnist.ipynb", marker: "const myHidden = 30; // 은닉층 노드 수",
    edits: [
      okPrinting("은닉 노드 10개", /784-10-10 relu, 2 에포크/, ["const myHidden = 30;", "const myHidden = 10;"]),
      refused("은닉 노드 0개", sizeBad(1, "0"), ["const myHidden = 30;", "const myHidden = 0;"]),
      refused("은닉 노드 2.5개", sizeBad(1, "2.5"), ["const myHidden = 30;", "const myHidden = 2.5;"]),
      ok("에포크 0번", ["const myEpochs = 2;", "const myEpochs = 0;"]),
      refused("에포크 2.5번", /epochs은\(는\) 정수여야 합니다/, ["const myEpochs = 2;", "const myEpochs = 2.5;"]),
      okPrinting("시그모이드", /784-30-10 sigmoid/, ['= "relu"; // "sigmoid"이면', '= "sigmoid"; // "sigmoid"이면']),
      refused("없는 활성화 함수", /은닉층의 활성화 함수\(hidden\)는 "sigmoid" 또는 "relu"여야 합니다/,
        ['const myActivation: "relu" | "sigmoid" = "relu";', 'const myActivation = "tanh" as "relu";']),
      ok("0인 화소도 모두 계산", ["const mySparse = true;", "const mySparse = false;"]),
      ...rateEdits("const myLearningRate = 0.002;", (r) => `const myLearningRate = ${r};`, "Adam: "),
    ],
  },
];

interface Cell { cell_type: string; source: string | string[] }
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join("") : c.source);

/** One edited copy of a try-it cell, as the driver's --variants file lists it. */
export interface Variant {
  label: string;
  /** Index of the try-it cell in its notebook. */
  cell: number;
  /** The try-it cell's source with the edit made. */
  source: string;
}

/**
 * The edited cells of every notebook (file name → variants, in TRY_IT order). Throws if a marker or an
 * edit's text is not found exactly once (the notebook changed under the spec).
 */
export function planHostile(tryIts: TryIt[] = TRY_IT): Record<string, Variant[]> {
  const plan: Record<string, Variant[]> = {};
  const cellsOf = new Map<string, Cell[]>();
  for (const t of tryIts) {
    if (!cellsOf.has(t.notebook)) cellsOf.set(t.notebook, JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, t.notebook), "utf8")).cells);
    const cells = cellsOf.get(t.notebook)!;
    const at = cells.flatMap((c, i) => (c.cell_type === "code" && text(c).includes(t.marker) ? [i] : []));
    if (at.length !== 1) throw new Error(`${t.notebook}: the try-it marker "${t.marker}" is in ${at.length} code cells, expected 1`);
    for (const e of t.edits) {
      let source = text(cells[at[0]]);
      for (const [find, replace] of e.replace) {
        const n = source.split(find).length - 1;
        if (n !== 1) throw new Error(`${t.notebook} cell ${at[0]}, edit "${e.label}": "${find}" occurs ${n} times, expected once`);
        source = source.replace(find, replace);
      }
      (plan[t.notebook] ??= []).push({ label: e.label, cell: at[0], source });
    }
  }
  return plan;
}

/** Write the --variants file for `npm run test:notebooks`; returns its path. */
export function writeHostilePlan(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(planHostile(), null, 1));
  return file;
}
