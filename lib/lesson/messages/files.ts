/** The catalogue's entries for files and the command line (lib/node/, scripts/cli/train.ts). */
import { P, Text } from "./common";
import { josa } from "../josa";

export const FILE_MESSAGES = {
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
    ko: `${p.source}: y[${p.k}]${josa(p.k, "은는")} 0과 1 사이여야 합니다 (시그모이드 출력은 그 밖으로 나가지 않습니다). 받은 값: ${p.v}`,
    en: `y[${p.k}] must be between 0 and 1, found ${p.v}`,
  }),
  "network-file-empty-list": (p: P<"what">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 숫자가 하나 이상 든 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of numbers`,
  }),
  "network-file-empty-matrix": (p: P<"what">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 행이 하나 이상 든 목록이어야 합니다`,
    en: `${p.what} must be a non-empty list of rows`,
  }),
  "network-file-empty-row": (p: P<"what" | "k">) => ({
    ko: `${p.what}[${p.k}]${josa(p.k, "은는")} 숫자가 하나 이상 든 행이어야 합니다`,
    en: `${p.what}[${p.k}] must be a non-empty list of numbers`,
  }),
  "network-file-ragged": (p: P<"what" | "k" | "rowLength" | "rows0Length">) => ({
    ko: `${p.what}의 행 길이가 다릅니다: ${p.k}번 행은 ${p.rowLength}개, 0번 행은 ${p.rows0Length}개`,
    en: `${p.what} is ragged: row ${p.k} has ${p.rowLength} numbers, row 0 has ${p.rows0Length}`,
  }),
  "network-file-too-many": (p: P<"what" | "max" | "v">) => ({
    ko: `${p.what}${josa(p.what, "은는")} ${p.max} 이하여야 합니다. 받은 값: ${p.v}`,
    en: `${p.what} must be at most ${p.max}, got ${p.v}`,
  }),
  "network-file-not-finite": (p: P<"what" | "n">) => ({
    ko: `${p.what}${josa(p.what, "은는")} 유한한 숫자여야 합니다. 받은 값: ${p.n}`,
    en: `${p.what} must be a finite number, found ${p.n}`,
  }),

} satisfies Record<string, (p: never) => Text>;
