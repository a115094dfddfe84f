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
    throw new InputError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseNetwork(raw, file, defaults);
}

/** Check an already-parsed object; see readNetworkFile. */
export function parseNetwork(raw: unknown, source: string, defaults?: { x: Vector; y: Vector }): NetworkFile {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(`${source}: expected a JSON object like {"weights": [W1, W2, ...]}`);
  }
  const obj = raw as Record<string, unknown>;
  const known = ["weights", "x", "y", "learningRate", "iterations", "about"];
  const unknownKeys = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknownKeys.length > 0) throw new InputError(`${source}: unknown key "${unknownKeys[0]}" (expected ${known.join(", ")})`);
  if (!Array.isArray(obj.weights) || obj.weights.length === 0) {
    throw new InputError(`${source}: "weights" must be a non-empty list of matrices [W1, W2, ...]`);
  }
  const weights = obj.weights.map((W, l) => parseMatrix(W, `${source}: weights layer ${l + 1} (W${l + 1})`));
  for (let l = 1; l < weights.length; l++) {
    const cols = weights[l][0].length, rowsBefore = weights[l - 1].length;
    if (cols !== rowsBefore) {
      throw new InputError(`${source}: W${l + 1} has ${cols} columns but W${l} has ${rowsBefore} rows; they must match (W${l + 1} reads the ${rowsBefore} nodes W${l} produces)`);
    }
  }
  const nIn = weights[0][0].length, nOut = weights[weights.length - 1].length;
  const x = obj.x === undefined ? defaults?.x : parseVector(obj.x, `${source}: x`);
  const y = obj.y === undefined ? defaults?.y : parseVector(obj.y, `${source}: y`);
  if (x === undefined) throw new InputError(`${source}: "x" is missing`);
  if (y === undefined) throw new InputError(`${source}: "y" is missing`);
  if (x.length !== nIn) throw new InputError(`${source}: x has ${x.length} entries but W1 has ${nIn} columns (one per input)`);
  if (y.length !== nOut) throw new InputError(`${source}: y has ${y.length} entries but W${weights.length} has ${nOut} rows (one per output)`);
  y.forEach((v, k) => {
    if (v < 0 || v > 1) throw new InputError(`${source}: y[${k}] must be between 0 and 1 (a sigmoid output never leaves that range), found ${v}`);
  });
  const net: NetworkFile = { weights, x, y };
  if (obj.learningRate !== undefined) net.learningRate = positiveSetting(obj.learningRate, `${source}: learningRate`, false);
  if (obj.iterations !== undefined) net.iterations = positiveSetting(obj.iterations, `${source}: iterations`, true);
  return net;
}

function parseVector(v: unknown, what: string): Vector {
  if (!Array.isArray(v) || v.length === 0) throw new InputError(`${what} must be a non-empty list of numbers`);
  return v.map((n, i) => checkNumber(n, `${what}[${i}]`));
}

function parseMatrix(W: unknown, what: string): Matrix {
  if (!Array.isArray(W) || W.length === 0) throw new InputError(`${what} must be a non-empty list of rows`);
  const rows = W.map((row, k) => {
    if (!Array.isArray(row) || row.length === 0) throw new InputError(`${what} row ${k} must be a non-empty list of numbers`);
    return row.map((n, i) => checkNumber(n, `${what} row ${k} column ${i}`));
  });
  rows.forEach((row, k) => {
    if (row.length !== rows[0].length) {
      throw new InputError(`${what} is ragged: row ${k} has ${row.length} numbers, row 0 has ${rows[0].length}`);
    }
  });
  return rows;
}

/** A positive number (a whole one up to MAX_ITERATIONS when `integer`), or an InputError naming `what`. */
export function positiveSetting(n: unknown, what: string, integer: boolean): number {
  const v = checkNumber(n, what);
  if (v <= 0) throw new InputError(`${what} must be positive, got ${v}`);
  if (integer && !Number.isInteger(v)) throw new InputError(`${what} must be a whole number, got ${v}`);
  if (integer && v > MAX_ITERATIONS) throw new InputError(`${what} must be at most ${MAX_ITERATIONS}, got ${v}`);
  return v;
}

function checkNumber(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new InputError(`${what} must be a finite number, found ${JSON.stringify(n)}`);
  return n;
}

/** Write a network in the same format (weights, x, y), so a run can be shared. */
export function writeNetworkFile(file: string, net: NetworkFile): void {
  fs.writeFileSync(file, JSON.stringify({ weights: net.weights, x: net.x, y: net.y }, null, 2) + "\n");
}
