/**
 * The page runner's `zlib`: only gunzipSync, of a file the kernel inflated before the cell ran (a worker
 * cannot inflate synchronously: DecompressionStream is asynchronous). The kernel reads data/mnist-10k.bin.gz
 * when a cell asks for the digits (scripts/site/runner/kernel.ts), inflates it and registers both here.
 */
const inflated = new WeakMap<object, Uint8Array>();

/** `raw` is what gunzip makes of `gz` (the same object fs.readFileSync returns for the file). */
export function registerInflated(gz: Uint8Array, raw: Uint8Array): void {
  inflated.set(gz, raw);
}

export function gunzipSync(gz: Uint8Array): Uint8Array {
  const raw = inflated.get(gz);
  if (raw === undefined) {
    throw new Error("zlib.gunzipSync는 페이지에서 data/의 MNIST 파일에만 쓸 수 있습니다 / in the page, gunzipSync works only on the MNIST data file");
  }
  return raw;
}
