/**
 * npm run bench: speed of the lesson's training loop (the readable train() and its fast twin), a long
 * run's memory, a 101×101 loss surface, notebook 12's Classifier pass per MNIST digit (the other user of
 * fast/dense.ts), the train command's start-up, and the lesson's numpy program
 * measured in the same run when a Python with numpy is found. Reported, never asserted (machines are noisy).
 */
import * as path from "path";
import { Classifier, Network, lessonData, linspace, loadMnist, lossSurface, train, trainFast } from "nn-lesson/dist/internal";
import { findPython, runSync } from "../jupyter/jupyter";
import { ROOT } from "../paths";

const d = lessonData();
const grid = linspace(-3, 3, 101);
const p = { layer: 2, row: 0, col: 0 }, q = { layer: 2, row: 1, col: 0 };

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function timeMs(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

// The first 101×101 surface in a fresh process (cold JIT) is what a notebook cell sees.
const coldSurfaceMs = timeMs(() => lossSurface(d.weights, d.x, d.y, p, q, grid, grid));

// Warm up the JIT, then time the lesson's 1000-iteration loop many times, both forms.
const per1000 = (f: (o: typeof d) => { trainSeconds: number }) => {
  for (let r = 0; r < 100; r++) f(d);
  return median(Array.from({ length: 100 }, () => f(d).trainSeconds));
};
const fast1000 = per1000(trainFast);
const readable1000 = per1000(train);

// A long run: per-iteration time, and memory before/after (nothing is allocated inside the loop).
const N = 5_000_000;
const net = new Network(d.weights, d.x, d.y);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let sink = 0;
const longSeconds = timeMs(() => { for (let i = 0; i < N; i++) sink += net.step(0.1); }) / 1000;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

// The 101×101 loss surface over two weights, warm.
for (let r = 0; r < 5; r++) lossSurface(d.weights, d.x, d.y, p, q, grid, grid);
const surfaceMs = median(Array.from({ length: 21 }, () => timeMs(() => lossSurface(d.weights, d.x, d.y, p, q, grid, grid))));

// Notebook 12's network (784-100-10, ReLU, softmax): forward + backward per digit, first layer sparse and dense.
const digits = loadMnist();
const batch = { X: digits.X.slice(0, 256), labels: digits.labels.slice(0, 256) };
const classifierUs = (sparseInput: boolean) => {
  const net = new Classifier([784, 100, 10], "softmax", "bench", { hidden: "relu", sparseInput });
  for (let r = 0; r < 3; r++) net.lossAndGradient(batch.X, batch.labels);
  const ms = median(Array.from({ length: 11 }, () => timeMs(() => net.lossAndGradient(batch.X, batch.labels))));
  return (ms * 1000) / batch.X.length;
};
const sparseUs = classifierUs(true), denseUs = classifierUs(false);

/** Wall time of a whole command, median of `n` runs. */
function wallMs(cmd: string, args: string[], n = 5): number {
  return median(Array.from({ length: n }, () => {
    const t = performance.now();
    const r = runSync(cmd, args, { cwd: ROOT, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
    return performance.now() - t;
  }));
}
const trainJs = path.join(ROOT, "build", "scripts", "cli", "train.js");
const startNodeMs = wallMs(process.execPath, [trainJs, "--iterations", "1"]);
const startNpmMs = wallMs("npm", ["run", "--silent", "train", "--", "--iterations", "1"]);
const LONG = 100_000;
const nodeLongMs = wallMs(process.execPath, [trainJs, "--weights", path.join(ROOT, "data", "lesson.json"), "--iterations", String(LONG)], 3);

const f = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
console.log(`training loop, lesson's 3-2-3-2 net, 1000 iterations (median of 100, warm):`);
console.log(`  trainFast() (Float64Array twin): ${f(fast1000 * 1000)}  (${(fast1000 * 1e3).toFixed(3)} µs per iteration)`);
console.log(`  train()     (readable, plain arrays): ${f(readable1000 * 1000)}  (${(readable1000 * 1e3).toFixed(3)} µs per iteration)`);
console.log(`long run, ${N.toLocaleString("en")} iterations without history: ${((longSeconds / N) * 1e6).toFixed(3)} µs per iteration`);
console.log(`  heap before ${(heapBefore / 1e6).toFixed(2)} MB, after ${(heapAfter / 1e6).toFixed(2)} MB${global.gc ? "" : " (run with --expose-gc for exact figures)"}; checksum ${sink.toExponential(3)}`);
console.log(`loss surface, 101x101 grid over W3[0][0] and W3[1][0]: first call ${f(coldSurfaceMs)}, then ${f(surfaceMs)} (median of 21)`);
console.log(`Classifier 784-100-10 (ReLU, softmax), forward + backward per MNIST digit (256 digits, median of 11): ` +
  `first layer skipping 0s ${sparseUs.toFixed(1)} µs, dense ${denseUs.toFixed(1)} µs`);
console.log(`train command start-up (1 iteration, wall, median of 5): node ${f(startNodeMs)}, npm run --silent train ${f(startNpmMs)}`);
console.log(`train command, ${LONG.toLocaleString("en")} iterations, whole process (wall, median of 3): ${f(nodeLongMs)}`);

// The lesson's numpy program, measured now, on this machine.
const script = path.join(ROOT, "scripts", "bench", "lesson_numpy.py");
const py = findPython("numpy");
if (!py) {
  console.log("numpy: no Python with numpy found (set NN_LESSON_PYTHON), so no side-by-side ratio");
} else {
  const r = runSync(py, [script, "1000", "21"]);
  const np = JSON.parse(r.stdout) as { seconds: number; numpy: string };
  const pyLongMs = wallMs(py, [script, String(LONG), "1"], 3);
  console.log(`numpy ${np.numpy} (${py}), the lesson's program, 1000 iterations: ${f(np.seconds * 1000)} (median of 21)`);
  console.log(`  -> trainFast ${(np.seconds / fast1000).toFixed(0)}x, train() ${(np.seconds / readable1000).toFixed(0)}x faster than numpy, measured in this run`);
  console.log(`  ${LONG.toLocaleString("en")} iterations, whole process: python ${f(pyLongMs)} vs node ${f(nodeLongMs)} -> ${(pyLongMs / nodeLongMs).toFixed(1)}x`);
}
