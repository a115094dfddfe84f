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
    throw new InputError("mnist-pixel-count", {
      N, pixelsNeeded: N * MNIST_PIXELS, dPixelsLength: d.pixels.length,
    });
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

/** Grey levels and labels from the file's bytes (after gunzip). */
export function decodeMnistBytes(bytes: Uint8Array): MnistBytes {
  if (bytes.length < HEADER || MAGIC.some((m, i) => bytes[i] !== m)) throw new InputError("mnist-file-magic");
  const N = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (bytes[8] !== MNIST_SIDE || bytes[9] !== MNIST_SIDE) throw new InputError("mnist-file-size", {
    rows: bytes[8], cols: bytes[9],
  });
  const total = N * MNIST_PIXELS, maskAt = HEADER + N, valuesAt = maskAt + Math.ceil(total / 8);
  if (bytes.length < valuesAt) throw new InputError("mnist-file-short");
  const labels = bytes.slice(HEADER, maskAt);
  if (labels.some((l) => l > 9)) throw new InputError("mnist-file-label");
  const pixels = new Uint8Array(total);
  let v = valuesAt;
  for (let i = 0; i < total; i++) {
    if (bytes[maskAt + (i >> 3)] & (1 << (i & 7))) {
      if (v >= bytes.length) throw new InputError("mnist-file-short");
      pixels[i] = bytes[v++];
    }
  }
  if (v !== bytes.length) throw new InputError("mnist-file-extra");
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
