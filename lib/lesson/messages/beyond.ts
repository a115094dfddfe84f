/** The catalogue's entries for the modules of notebooks 08–12 (lib/beyond/). */
import { P, Text, mnistBroken } from "./common";
import { josa } from "../josa";

export const BEYOND_MESSAGES = {
  // beyond/mnist.ts: what is wrong with the data file
  "mnist-file-magic": () => mnistBroken('"MNZ1"로 시작하지 않습니다', 'it does not start with "MNZ1"'),
  "mnist-file-size": (p: P<"rows" | "cols">) =>
    mnistBroken(`크기가 ${p.rows}×${p.cols}입니다`, `size ${p.rows}×${p.cols}, not 28×28`),
  "mnist-file-short": () => mnistBroken("파일이 중간에 끝납니다", "it ends too soon"),
  "mnist-file-label": () => mnistBroken("레이블이 0 … 9가 아닙니다", "a label is not 0 … 9"),
  "mnist-file-extra": () => mnistBroken("화소 값이 남습니다", "values are left over"),

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
    ko: `${p.where}: 열 이름 "${p.h}"${josa(p.h, "이가")} 머리글에 두 번 나옵니다`,
    en: `column name "${p.h}" appears twice in the header`,
  }),
  "csv-too-few-columns": (p: P<"where" | "headerLength">) => ({
    ko: `${p.where}: 머리글의 열이 ${p.headerLength}개뿐입니다. 특성 열 하나 이상과 레이블 열이 있어야 합니다`,
    en: `the header has ${p.headerLength} column; need at least one feature and a label`,
  }),
  "csv-no-label-column": (p: P<"where" | "labelName" | "headerList">) => ({
    ko: `${p.where}: 레이블 열 "${p.labelName}"${josa(p.labelName, "이가")} 없습니다 (있는 열: ${p.headerList})`,
    en: `no label column "${p.labelName}" (columns: ${p.headerList})`,
  }),
  "csv-no-feature-column": (p: P<"where" | "f" | "headerList">) => ({
    ko: `${p.where}: 특성 열 "${p.f}"${josa(p.f, "이가")} 없습니다 (있는 열: ${p.headerList})`,
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
    ko: `${p.where}: 레이블 열 "${p.labelName}"${josa(p.labelName, "이가")} 비어 있습니다`,
    en: `the label column "${p.labelName}" is empty`,
  }),
  "csv-no-rows": (p: P<"source">) => ({
    ko: `${p.source}: 머리글 다음에 데이터 줄이 없습니다`,
    en: `no data rows after the header`,
  }),
  "csv-unknown-class": (p: P<"source" | "row" | "l" | "classesList">) => ({
    ko: `${p.source}: ${p.row}번째 줄의 레이블 "${p.l}"${josa(p.l, "은는")} 클래스 ${p.classesList} 중 하나가 아닙니다`,
    en: `label "${p.l}" of row ${p.row} is not one of the classes ${p.classesList}`,
  }),
  "moons-n": (p: P<"n">) => ({
    ko: `makeMoons: n은 2 이상의 정수여야 합니다. 받은 값: ${p.n}`,
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
    ko: `testFraction은 0보다 크고 1보다 작아야 합니다. 받은 값: ${p.f}`,
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
    ko: `${p.name}.labels[${p.n}]${josa(p.n, "은는")} 클래스 번호 0 … ${p.lastClass} 중 하나여야 합니다. 받은 값: ${p.l}`,
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

} satisfies Record<string, (p: never) => Text>;
