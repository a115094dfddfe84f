/**
 * Notebook 12: handwritten digits (MNIST), 10,000 of them as 28×28 grey levels. This module is pure: it
 * turns the bytes of data/mnist-10k.bin (after gunzip, node/mnist-file.ts or the page runner) into
 * examples, and back (scripts/data/mnist-data.ts writes the file with encodeMnist).
 *
 * The file's layout (all of it gzip-compressed in data/mnist-10k.bin.gz):
 *   bytes 0–3     "MNZ1"
 *   bytes 4–7     N, the number of digits (uint32, little-endian)
 *   byte  8, 9    rows, columns (28, 28)
 *   N bytes       labels 0 … 9
 *   N·784/8 bytes which pixels are not 0: one bit per pixel, digit after digit, row after row (bit i of a byte = pixel 8j + i)
 *   the rest      the grey levels 1 … 255 of those pixels, in the same order
 * About 81 % of MNIST's pixels are 0: keeping the mask and the values apart lets gzip squeeze each kind
 * (1.43 MB instead of 1.59 MB for the plain 7.84 MB of pixels).
 * A pixel's value for the network is its grey level / 255 (0 … 1), MNIST's usual scaling.
 */
import { InputError } from "../lesson/errors";
import { Dataset } from "./dataset";

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
const MAGIC = [0x4d, 0x4e, 0x5a, 0x31]; // "MNZ1"
const HEADER = 10;

/** The digits as grey levels: pixels[n·784 + 28·row + col] ∈ 0 … 255, labels[n] ∈ 0 … 9. */
export interface MnistBytes {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** A Dataset of digits (X[n]: 784 values in [0, 1], row after row) that also keeps the grey levels. */
export interface MnistData extends Dataset {
  /** pixels[n·784 + 28·row + col]: the grey levels 0 … 255 (X[n][i] = pixels[n·784 + i] / 255). */
  pixels: Uint8Array;
}

/** The bytes of the file's layout above (before gzip). */
export function encodeMnist(d: MnistBytes): Uint8Array {
  const N = d.labels.length;
  if (d.pixels.length !== N * MNIST_PIXELS) {
    throw new InputError(`encodeMnist: 숫자 ${N}개에는 화소 ${N * MNIST_PIXELS}개가 있어야 합니다. 받은 화소: ${d.pixels.length}개 / ${N} digits need ${N * MNIST_PIXELS} pixels, got ${d.pixels.length}`);
  }
  let nonzero = 0;
  for (let i = 0; i < d.pixels.length; i++) if (d.pixels[i] !== 0) nonzero++;
  const maskBytes = Math.ceil(d.pixels.length / 8);
  const out = new Uint8Array(HEADER + N + maskBytes + nonzero);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, N, true);
  out[8] = MNIST_SIDE;
  out[9] = MNIST_SIDE;
  out.set(d.labels, HEADER);
  const mask = HEADER + N;
  let v = mask + maskBytes;
  for (let i = 0; i < d.pixels.length; i++) {
    if (d.pixels[i] === 0) continue;
    out[mask + (i >> 3)] |= 1 << (i & 7);
    out[v++] = d.pixels[i];
  }
  return out;
}

function broken(why: string, en: string): InputError {
  return new InputError(`MNIST 데이터 파일이 올바르지 않습니다: ${why} (npm run data:mnist로 다시 만드세요) / the MNIST data file is broken: ${en}`);
}

/** Grey levels and labels from the file's bytes (after gunzip). */
export function decodeMnistBytes(bytes: Uint8Array): MnistBytes {
  if (bytes.length < HEADER || MAGIC.some((m, i) => bytes[i] !== m)) throw broken('"MNZ1"로 시작하지 않습니다', 'it does not start with "MNZ1"');
  const N = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (bytes[8] !== MNIST_SIDE || bytes[9] !== MNIST_SIDE) throw broken(`크기가 ${bytes[8]}×${bytes[9]}입니다`, `size ${bytes[8]}×${bytes[9]}, not 28×28`);
  const total = N * MNIST_PIXELS, maskAt = HEADER + N, valuesAt = maskAt + Math.ceil(total / 8);
  if (bytes.length < valuesAt) throw broken("파일이 중간에 끝납니다", "it ends too soon");
  const labels = bytes.slice(HEADER, maskAt);
  if (labels.some((l) => l > 9)) throw broken("레이블이 0 … 9가 아닙니다", "a label is not 0 … 9");
  const pixels = new Uint8Array(total);
  let v = valuesAt;
  for (let i = 0; i < total; i++) {
    if (bytes[maskAt + (i >> 3)] & (1 << (i & 7))) {
      if (v >= bytes.length) throw broken("파일이 중간에 끝납니다", "it ends too soon");
      pixels[i] = bytes[v++];
    }
  }
  if (v !== bytes.length) throw broken("화소 값이 남습니다", "values are left over");
  return { pixels, labels };
}

/** The digits as a Dataset (features "r0c0" … "r27c27", classes "0" … "9") with the grey levels kept. */
export function decodeMnist(bytes: Uint8Array, source = "data/mnist-10k.bin.gz"): MnistData {
  const { pixels, labels } = decodeMnistBytes(bytes);
  const X: number[][] = [];
  for (let n = 0; n < labels.length; n++) {
    // Array.from makes a packed array of doubles (new Array(784) would stay "holey", slower to read)
    X.push(Array.from(pixels.subarray(n * MNIST_PIXELS, (n + 1) * MNIST_PIXELS), (v) => v / 255));
  }
  const features = Array.from({ length: MNIST_PIXELS }, (_, i) => `r${Math.floor(i / MNIST_SIDE)}c${i % MNIST_SIDE}`);
  const classes = Array.from({ length: 10 }, (_, k) => String(k));
  return { source, features, X, labels: Array.from(labels), classes, pixels };
}
