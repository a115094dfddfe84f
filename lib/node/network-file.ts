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
    throw new InputError("network-file-not-json", { file, reason: (e as Error).message });
  }
  return parseNetwork(raw, file, defaults);
}

/** Check an already-parsed object; see readNetworkFile. */
export function parseNetwork(raw: unknown, source: string, defaults?: { x: Vector; y: Vector }): NetworkFile {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError("network-file-not-object", { source });
  }
  const obj = raw as Record<string, unknown>;
  const known = ["weights", "x", "y", "learningRate", "iterations", "about"];
  const unknownKeys = Object.keys(obj).filter((k) => !known.includes(k));
  if (unknownKeys.length > 0) throw new InputError("network-file-unknown-key", {
    source, unknownKeys0: unknownKeys[0], knownList: known.join(", "),
  });
  if (!Array.isArray(obj.weights) || obj.weights.length === 0) {
    throw new InputError("network-file-no-weights", { source });
  }
  const weights = obj.weights.map((W, l) => parseMatrix(W, `${source}: W${l + 1}`));
  for (let l = 1; l < weights.length; l++) {
    const cols = weights[l][0].length, rowsBefore = weights[l - 1].length;
    if (cols !== rowsBefore) {
      throw new InputError("network-file-layer-mismatch", { source, layer: l + 1, cols, l, rowsBefore });
    }
  }
  const nIn = weights[0][0].length, nOut = weights[weights.length - 1].length;
  const x = obj.x === undefined ? defaults?.x : parseVector(obj.x, `${source}: x`);
  const y = obj.y === undefined ? defaults?.y : parseVector(obj.y, `${source}: y`);
  if (x === undefined) throw new InputError("network-file-no-x", { source });
  if (y === undefined) throw new InputError("network-file-no-y", { source });
  if (x.length !== nIn) throw new InputError("network-file-x-length", { source, xLength: x.length, nIn });
  if (y.length !== nOut) throw new InputError("network-file-y-length", {
    source, yLength: y.length, weightsLength: weights.length, nOut,
  });
  y.forEach((v, k) => {
    if (v < 0 || v > 1) throw new InputError("network-file-y-range", { source, k, v });
  });
  const net: NetworkFile = { weights, x, y };
  if (obj.learningRate !== undefined) net.learningRate = positiveSetting(obj.learningRate, `${source}: learningRate`, false);
  if (obj.iterations !== undefined) net.iterations = positiveSetting(obj.iterations, `${source}: iterations`, true);
  return net;
}

function parseVector(v: unknown, what: string): Vector {
  if (!Array.isArray(v) || v.length === 0) throw new InputError("network-file-empty-list", { what });
  return v.map((n, i) => checkNumber(n, `${what}[${i}]`));
}

function parseMatrix(W: unknown, what: string): Matrix {
  if (!Array.isArray(W) || W.length === 0) throw new InputError("network-file-empty-matrix", { what });
  const rows = W.map((row, k) => {
    if (!Array.isArray(row) || row.length === 0) throw new InputError("network-file-empty-row", { what, k });
    return row.map((n, i) => checkNumber(n, `${what}[${k}][${i}]`));
  });
  rows.forEach((row, k) => {
    if (row.length !== rows[0].length) {
      throw new InputError("network-file-ragged", {
        what, k, rowLength: row.length, rows0Length: rows[0].length,
      });
    }
  });
  return rows;
}

/** A positive number (a whole one up to MAX_ITERATIONS when `integer`), or an InputError naming `what`. */
export function positiveSetting(n: unknown, what: string, integer: boolean): number {
  const v = checkNumber(n, what);
  if (v <= 0) throw new InputError("not-positive", { what, v });
  if (integer && !Number.isInteger(v)) throw new InputError("not-whole", { what, v });
  if (integer && v > MAX_ITERATIONS) throw new InputError("network-file-too-many", {
    what, max: MAX_ITERATIONS, v,
  });
  return v;
}

function checkNumber(n: unknown, what: string): number {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new InputError("network-file-not-finite", {
    what, n: JSON.stringify(n),
  });
  return n;
}

/** Write a network in the same format (weights, x, y), so a run can be shared. */
export function writeNetworkFile(file: string, net: NetworkFile): void {
  fs.writeFileSync(file, JSON.stringify({ weights: net.weights, x: net.x, y: net.y }, null, 2) + "\n");
}
