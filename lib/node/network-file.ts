/**
 * Notebooks 08, 11 and the train command: a network as JSON, `{"weights": [W1, W2, …], "x": [...], "y": [...]}`.
 * Every problem is reported as an InputError with one line that names it (which layer, which
 * row, expected vs found), so the train command can print it without a stack trace.
 */
import * as fs from "fs";
import { Matrix, Vector } from "../lesson/matrix";
import { InputError } from "../lesson/errors";
import { MAX_ITERATIONS } from "../lesson/train";
import { readTextFile } from "./files";

export interface NetworkFile {
  weights: Matrix[];
  x: Vector;
  y: Vector;
  /** Optional training settings stored with the network; the train command's flags override them. */
  learningRate?: number;
  iterations?: number;
}

/** Read and check a network file; `defaults` supplies x and y when the file has none. */
export function readNetworkFile(file: string, defaults?: { x: Vector; y: Vector }): NetworkFile {
  const text = readTextFile(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`${file}: JSON 형식이 아닙니다 (${(e as Error).message}) / not valid JSON`);
  }
  return parseNetwork(raw, file, defaults);
}

/** Check an already-parsed object; see readNetworkFile. */
export function parseNetwork(raw: unknown, source: string, defaults?: { x: Vector; y: Vector }): NetworkFile {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(`${source}: {"weights": [W1, W2, ...]} 모양의 JSON 객체여야 합니다 / expected a JSON object like {"weights": [W1, W2, ...]}`);
  }
  const obj = raw as Record<string, unknown>;
  const known = ["weights", "x", "y", "learningRate", "iterations", "about"];
  const unknownKeys = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknownKeys.length > 0) throw new InputError(`${source}: 모르는 키 "${unknownKeys[0]}"입니다 (쓸 수 있는 키: ${known.join(", ")}) / unknown key "${unknownKeys[0]}" (expected ${known.join(", ")})`);
  if (!Array.isArray(obj.weights) || obj.weights.length === 0) {
    throw new InputError(`${source}: "weights"에는 행렬 목록 [W1, W2, ...]이 있어야 합니다 (비어 있으면 안 됩니다) / "weights" must be a non-empty list of matrices [W1, W2, ...]`);
  }
  const weights = obj.weights.map((W, l) => parseMatrix(W, `${source}: W${l + 1}`));
  for (let l = 1; l < weights.length; l++) {
    const cols = weights[l][0].length, rowsBefore = weights[l - 1].length;
    if (cols !== rowsBefore) {
      throw new InputError(`${source}: W${l + 1}의 열은 ${cols}개인데 W${l}의 행은 ${rowsBefore}개입니다. 둘은 같아야 합니다 (W${l + 1}은 W${l}이 만든 노드 ${rowsBefore}개를 읽습니다) / ` +
        `W${l + 1} has ${cols} columns but W${l} has ${rowsBefore} rows; they must match`);
    }
  }
  const nIn = weights[0][0].length, nOut = weights[weights.length - 1].length;
  const x = obj.x === undefined ? defaults?.x : parseVector(obj.x, `${source}: x`);
  const y = obj.y === undefined ? defaults?.y : parseVector(obj.y, `${source}: y`);
  if (x === undefined) throw new InputError(`${source}: "x"가 없습니다 / "x" is missing`);
  if (y === undefined) throw new InputError(`${source}: "y"가 없습니다 / "y" is missing`);
  if (x.length !== nIn) throw new InputError(`${source}: x의 원소는 ${x.length}개인데 W1의 열(입력마다 하나)은 ${nIn}개입니다 / x has ${x.length} entries but W1 has ${nIn} columns (one per input)`);
  if (y.length !== nOut) throw new InputError(`${source}: y의 원소는 ${y.length}개인데 W${weights.length}의 행(출력마다 하나)은 ${nOut}개입니다 / y has ${y.length} entries but W${weights.length} has ${nOut} rows (one per output)`);
  y.forEach((v, k) => {
    if (v < 0 || v > 1) throw new InputError(`${source}: y[${k}]은(는) 0과 1 사이여야 합니다 (시그모이드 출력은 그 밖으로 나가지 않습니다). 받은 값: ${v} / y[${k}] must be between 0 and 1, found ${v}`);
  });
  const net: NetworkFile = { weights, x, y };
  if (obj.learningRate !== undefined) net.learningRate = positiveSetting(obj.learningRate, `${source}: learningRate`, false);
  if (obj.iterations !== undefined) net.iterations = positiveSetting(obj.iterations, `${source}: iterations`, true);
  return net;
}

function parseVector(v: unknown, what: string): Vector {
  if (!Array.isArray(v) || v.length === 0) throw new InputError(`${what}은(는) 숫자가 하나 이상 든 목록이어야 합니다 / ${what} must be a non-empty list of numbers`);
  return v.map((n, i) => checkNumber(n, `${what}[${i}]`));
}

function parseMatrix(W: unknown, what: string): Matrix {
  if (!Array.isArray(W) || W.length === 0) throw new InputError(`${what}은(는) 행이 하나 이상 든 목록이어야 합니다 / ${what} must be a non-empty list of rows`);
  const rows = W.map((row, k) => {
    if (!Array.isArray(row) || row.length === 0) throw new InputError(`${what}[${k}]은(는) 숫자가 하나 이상 든 행이어야 합니다 / ${what}[${k}] must be a non-empty list of numbers`);
    return row.map((n, i) => checkNumber(n, `${what}[${k}][${i}]`));
  });
  rows.forEach((row, k) => {
    if (row.length !== rows[0].length) {
      throw new InputError(`${what}의 행 길이가 다릅니다: ${k}번 행은 ${row.length}개, 0번 행은 ${rows[0].length}개 / ${what} is ragged: row ${k} has ${row.length} numbers, row 0 has ${rows[0].length}`);
    }
  });
  return rows;
}

/** A positive number (a whole one up to MAX_ITERATIONS when `integer`), or an InputError naming `what`. */
export function positiveSetting(n: unknown, what: string, integer: boolean): number {
  const v = checkNumber(n, what);
  if (v <= 0) throw new InputError(`${what}은(는) 0보다 커야 합니다. 받은 값: ${v} / ${what} must be positive, got ${v}`);
  if (integer && !Number.isInteger(v)) throw new InputError(`${what}은(는) 정수여야 합니다. 받은 값: ${v} / ${what} must be a whole number, got ${v}`);
  if (integer && v > MAX_ITERATIONS) throw new InputError(`${what}은(는) ${MAX_ITERATIONS} 이하여야 합니다. 받은 값: ${v} / ${what} must be at most ${MAX_ITERATIONS}, got ${v}`);
  return v;
}

function checkNumber(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new InputError(`${what}은(는) 유한한 숫자여야 합니다. 받은 값: ${JSON.stringify(n)} / ${what} must be a finite number, found ${JSON.stringify(n)}`);
  return n;
}

/** Write a network in the same format (weights, x, y), so a run can be shared. */
export function writeNetworkFile(file: string, net: NetworkFile): void {
  fs.writeFileSync(file, JSON.stringify({ weights: net.weights, x: net.x, y: net.y }, null, 2) + "\n");
}
