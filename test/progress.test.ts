/**
 * The progress hook of the library's long loops (lib/lesson/progress.ts):
 *  - with no reporter nothing is called and results are the same to the last bit;
 *  - nothing is reported before a loop has run 0.5 s, then at most every 0.25 s, and one last
 *    report when it ends (only if something was reported before);
 *  - the clock is read rarely in a loop of fast iterations (its stride adapts);
 *  - every long loop of the library reports, with its own label and the right total;
 *  - a reporter that throws never stops the training.
 * A fake clock makes the time pass; one test uses the real one.
 */
import { afterEach, test } from "node:test";
import * as assert from "assert/strict";
import {
  Adam, Classifier, ProgressEvent, SGD, decisionGrid, descendOneWeight, descendTwoWeights, initWeights, lessonData, lossAlongWeight,
  formatProgress, jupyterProgressReporter, jupyterProgressText, lossSurface, makeMoons, numericalGradient, progressLoop, progressReporter, setProgressReporter, train, trainClassifier, trainFast,
  trainWithOptimizer,
} from "nn-lesson/dist/internal";

afterEach(() => { setProgressReporter(undefined); });

/** A clock that advances `stepMs` every time it is read, and counts the reads. */
function fakeClock(stepMs: number): { now(): number; reads: number } {
  const c = { t: 0, reads: 0, now() { c.reads++; return (c.t += stepMs); } };
  return c;
}

function record(stepMs: number): { events: ProgressEvent[]; clock: { reads: number } } {
  const events: ProgressEvent[] = [];
  const clock = fakeClock(stepMs);
  setProgressReporter((e) => events.push(e), { now: () => clock.now() });
  return { events, clock };
}

test("no reporter: progressLoop is a shared no-op, nothing is called", () => {
  assert.equal(progressReporter(), undefined);
  const a = progressLoop("x", 10), b = progressLoop("y", 20);
  assert.equal(a, b, "one silent loop object for all");
  for (let i = 1; i <= 10; i++) a.tick(i);
  a.end();
});

test("nothing before 0.5 s, then at most one report per 0.25 s, and a final report", () => {
  const events: ProgressEvent[] = [];
  let t = 0;
  setProgressReporter((e) => events.push(e), { now: () => t });
  const loop = progressLoop("테스트 반복", 1000);
  // 1000 iterations of 5 ms each: 5 s
  for (let i = 1; i <= 1000; i++) {
    t += 5;
    loop.tick(i);
  }
  loop.end();
  assert.ok(events.length >= 10, `${events.length} reports in 5 s`);
  const during = events.filter((e) => !e.finished);
  assert.ok(during[0].seconds >= 0.5, `first report at ${during[0].seconds} s`);
  assert.ok(during[0].seconds < 0.6, `first report at ${during[0].seconds} s (a 5 ms iteration is checked every time)`);
  for (let k = 1; k < during.length; k++) assert.ok(during[k].seconds - during[k - 1].seconds >= 0.25 - 1e-9, `reports ${k - 1}, ${k} too close`);
  assert.ok(during.every((e, k) => k === 0 || e.done > during[k - 1].done), "done grows");
  const last = events[events.length - 1];
  assert.deepEqual({ ...last, seconds: 0 }, { loop: events[0].loop, label: "테스트 반복", done: 1000, total: 1000, seconds: 0, finished: true });
  assert.ok(events.every((e) => e.loop === events[0].loop), "one loop, one id");
  assert.equal(events.filter((e) => e.finished).length, 1);
});

test("formatProgress: grouped digits and a whole percentage, the same in every locale", () => {
  assert.equal(formatProgress({ label: "train() 반복", done: 120_000, total: 1_000_000 }), "train() 반복 120,000 / 1,000,000 (12 %)");
  assert.equal(formatProgress({ label: "x", done: 999, total: 1000 }), "x 999 / 1,000 (99 %)");
  assert.equal(formatProgress({ label: "x", done: 0, total: 0 }), "x 0 / 0 (100 %)");
});

test("two loops one after another have different ids", () => {
  const { events } = record(100);
  for (const label of ["a", "b"]) {
    const loop = progressLoop(label, 20);
    for (let i = 1; i <= 20; i++) loop.tick(i);
    loop.end();
  }
  const ids = [...new Set(events.map((e) => `${e.label}${e.loop}`))];
  assert.equal(ids.length, 2);
  assert.notEqual(events[0].loop, events[events.length - 1].loop);
});

test("a loop shorter than 0.5 s reports nothing at all, not even at its end", () => {
  const { events } = record(0.001);
  const loop = progressLoop("짧은 반복", 100_000);
  for (let i = 1; i <= 100_000; i++) loop.tick(i);
  loop.end();
  assert.deepEqual(events, []);
});

test("fast iterations: the clock is read rarely (the stride adapts), slow ones: every iteration", () => {
  // 1 µs per clock read ≈ many fast iterations between reads
  const fast = record(0.001);
  const loop = progressLoop("빠른 반복", 1_000_000);
  for (let i = 1; i <= 1_000_000; i++) loop.tick(i);
  assert.ok(fast.clock.reads < 200, `${fast.clock.reads} clock reads for 10⁶ fast iterations`);
  // 50 ms per iteration: every one is checked
  const slow = record(50);
  const s = progressLoop("느린 반복", 40);
  for (let i = 1; i <= 40; i++) s.tick(i);
  s.end();
  assert.ok(slow.clock.reads >= 40, `${slow.clock.reads} reads`);
  assert.ok(slow.events.length >= 5, `${slow.events.length} reports in 2 s`);
});

test("with the real clock: a loop of ~1.2 s reports within its first 0.8 s", () => {
  const events: ProgressEvent[] = [];
  setProgressReporter((e) => events.push(e));
  const loop = progressLoop("실제 시계", 1e9);
  const t0 = performance.now();
  let i = 0;
  while (performance.now() - t0 < 1200) loop.tick(++i);
  loop.end(i);
  assert.ok(events.length >= 2, `${events.length} reports`);
  assert.ok(events[0].seconds >= 0.5 && events[0].seconds < 0.8, `first report after ${events[0].seconds} s`);
  assert.equal(events[events.length - 1].finished, true);
  assert.equal(events[events.length - 1].done, i);
});

test("a reporter that throws is dropped for that loop; the training goes on and gives the same result", () => {
  const d = lessonData();
  const plain = trainFast({ ...d, iterations: 3000 });
  let calls = 0;
  const clock = fakeClock(100);
  setProgressReporter(() => { calls++; throw new Error("보고 실패"); }, { now: () => clock.now() });
  const r = trainFast({ ...d, iterations: 3000 });
  assert.equal(calls, 1);
  assert.deepEqual(Array.from(r.loss), Array.from(plain.loss));
});

/** Run `f` with a clock that makes every read 100 ms later; the events it reported. */
function reported<T>(f: () => T): { result: T; events: ProgressEvent[] } {
  const { events } = record(100);
  const result = f();
  setProgressReporter(undefined);
  return { result, events };
}

function assertLoop(events: ProgressEvent[], label: string, total: number): void {
  assert.ok(events.length >= 2, `${label}: ${events.length} reports`);
  assert.ok(events.every((e) => e.label === label && e.total === total), `${label}: ${JSON.stringify(events[0])}`);
  const last = events[events.length - 1];
  assert.equal(last.finished, true);
  assert.equal(last.done, total);
}

test("every long loop of the library reports its progress, and gives the same numbers as without a reporter", () => {
  const d = lessonData();
  const big = initWeights([3, 8, 8, 2]);
  const p = { layer: 0, row: 0, col: 0 }, q = { layer: 0, row: 0, col: 1 };

  const t = reported(() => train({ ...d, iterations: 500 }));
  assertLoop(t.events, "train() 반복", 500);
  assert.deepEqual(t.result.loss, train({ ...d, iterations: 500 }).loss);

  const f = reported(() => trainFast({ ...d, iterations: 500 }));
  assertLoop(f.events, "trainFast() 반복", 500);
  assert.deepEqual(Array.from(f.result.loss), Array.from(trainFast({ ...d, iterations: 500 }).loss));

  const o = reported(() => trainWithOptimizer({ ...d, optimizer: new Adam({ learningRate: 0.01 }), iterations: 300 }));
  assertLoop(o.events, `trainWithOptimizer(${new Adam({ learningRate: 0.01 }).name}) 반복`, 300);

  const moons = makeMoons(40);
  const c = reported(() => trainClassifier({ net: new Classifier([2, 4, 1], "sigmoid"), data: moons, optimizer: new SGD(0.5), epochs: 5, batchSize: 16 }));
  assertLoop(c.events, "trainClassifier() 업데이트", 5 * 3);
  const again = trainClassifier({ net: new Classifier([2, 4, 1], "sigmoid"), data: moons, optimizer: new SGD(0.5), epochs: 5, batchSize: 16 });
  assert.deepEqual(Array.from(c.result.loss), Array.from(again.loss));

  const s = reported(() => lossSurface(d.weights, d.x, d.y, p, q, [0, 0.5, 1], [0, 1]));
  assertLoop(s.events, "lossSurface() 격자 점", 6);

  const two = reported(() => descendTwoWeights(d.weights, d.x, d.y, p, q, [0.1, 0.2], new SGD(0.1), 20));
  assertLoop(two.events, "descendTwoWeights() 단계", 20);
  assert.equal(two.result.p.length, 21);

  const one = reported(() => descendOneWeight(d.weights, d.x, d.y, p, 0.1, 0.5, 10));
  assertLoop(one.events, "descendOneWeight() 단계", 11);

  const curve = reported(() => lossAlongWeight(d.weights, d.x, d.y, p, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  assertLoop(curve.events, "lossAlongWeight() 점", 10);

  const grad = reported(() => numericalGradient(big, [1, 2, 3], [0, 1]));
  assertLoop(grad.events, "numericalGradient() 가중치", 3 * 8 + 8 * 8 + 8 * 2);

  const grid = reported(() => decisionGrid(new Classifier([2, 3, 1], "sigmoid"), { xRange: [0, 1], yRange: [0, 1], n: 4 }));
  assertLoop(grid.events, "decisionGrid() 격자 점", 16);
});

test("Jupyter: one line per loop, rewritten in place; the last one stays; no line outside a kernel", () => {
  const lines: string[][] = [];
  const rep = jupyterProgressReporter(() => {
    const mine: string[] = [];
    lines.push(mine);
    return { text: (s) => { mine.push(s); } };
  });
  const ev = (loop: number, done: number, finished = false): ProgressEvent => ({ loop, label: "train() 반복", done, total: 1000, seconds: done / 1000, finished });
  rep(ev(1, 500));
  rep(ev(1, 1000, true));
  rep(ev(2, 250));
  assert.equal(lines.length, 2, "a new line for the second loop");
  assert.deepEqual(lines[0], ["train() 반복 500 / 1,000 (50 %) — 0.5초 (멈추려면 ■ 커널 중단 / interrupt)", "train() 반복 1,000 / 1,000 (100 %) — 1.0초"]);
  assert.equal(jupyterProgressText(ev(3, 1000, true)), "train() 반복 1,000 / 1,000 (100 %) — 1.0초");
  // in Node (no tslab kernel) the default finds no line and shows nothing
  const quiet = jupyterProgressReporter();
  assert.doesNotThrow(() => quiet(ev(4, 500)));
  assert.ok(!Object.keys(require.cache).some((k) => /[\\/]tslab[\\/]/.test(k)), "tslab was not loaded for it");
});
