/**
 * npm run bench: speed of the training loop on the lesson's network, and of a 101×101 loss surface.
 * Reported, never asserted (machines are noisy). The numpy reference is in
 * ../shared/reference/lesson-fixed-weights.json: 0.0268 s per 1000 iterations here.
 */
import { Network, lessonData, linspace, lossSurface, train } from "nn-lesson/dist/internal";

const NUMPY_SECONDS_PER_1000 = 0.0268;
const d = lessonData();
const grid = linspace(-3, 3, 101);
const p = { layer: 2, row: 0, col: 0 }, q = { layer: 2, row: 1, col: 0 };

// The first 101×101 surface in a fresh process (cold JIT) is what a notebook cell sees.
const c0 = process.hrtime.bigint();
lossSurface(d.weights, d.x, d.y, p, q, grid, grid);
const coldSurfaceMs = Number(process.hrtime.bigint() - c0) / 1e6;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Warm up the JIT, then time the lesson's 1000-iteration loop many times.
for (let r = 0; r < 200; r++) train({ weights: d.weights, x: d.x, y: d.y, iterations: 1000 });
const per1000 = median(Array.from({ length: 200 }, () => train({ weights: d.weights, x: d.x, y: d.y, iterations: 1000 }).trainSeconds));

// A long run: per-iteration time, and memory before/after (the loss history is 8 bytes per iteration).
const N = 5_000_000;
const net = new Network(d.weights, d.x, d.y);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
let sink = 0;
for (let i = 0; i < N; i++) sink += net.step(0.1);
const longSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

// The 101×101 loss surface over two weights, warm.
for (let r = 0; r < 5; r++) lossSurface(d.weights, d.x, d.y, p, q, grid, grid);
const surfaceMs = median(Array.from({ length: 21 }, () => {
  const s = process.hrtime.bigint();
  lossSurface(d.weights, d.x, d.y, p, q, grid, grid);
  return Number(process.hrtime.bigint() - s) / 1e6;
}));

const usPerIter = (per1000 / 1000) * 1e6;
console.log(`training loop, lesson's 3-2-3-2 net, 1000 iterations: ${(per1000 * 1000).toFixed(3)} ms (median of 200)`);
console.log(`  per iteration: ${usPerIter.toFixed(3)} µs; numpy: ${(NUMPY_SECONDS_PER_1000 * 1000).toFixed(1)} µs -> ${(NUMPY_SECONDS_PER_1000 / per1000).toFixed(0)}x faster`);
console.log(`long run, ${N.toLocaleString("en")} iterations without history: ${((longSeconds / N) * 1e6).toFixed(3)} µs per iteration (${(NUMPY_SECONDS_PER_1000 / 1000 / (longSeconds / N)).toFixed(0)}x numpy)`);
console.log(`  heap before ${(heapBefore / 1e6).toFixed(2)} MB, after ${(heapAfter / 1e6).toFixed(2)} MB${global.gc ? "" : " (run with --expose-gc for exact figures)"}; checksum ${sink.toExponential(3)}`);
console.log(`loss surface, 101x101 grid over W3[0][0] and W3[1][0]: first call ${coldSurfaceMs.toFixed(2)} ms, then ${surfaceMs.toFixed(2)} ms (median of 21)`);
