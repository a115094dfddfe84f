/**
 * Progress of the library's long loops (train, trainFast, trainWithOptimizer, trainClassifier, the
 * loss surfaces and curves, numericalGradient, decisionGrid), for whoever can show it: the page
 * runner's kernel (a line under the running cell, scripts/site/runner/kernel.ts) or, in Jupyter,
 * display/progress.ts. The core only calls the reporter it was given; it knows no page and no kernel.
 *
 * Nothing is reported unless a reporter is set, and nothing before a loop has run `delayMs` (0.5 s),
 * so a short run looks and prints exactly as without it. After that at most one report every
 * `intervalMs` (0.25 s), and one last report (finished: true) when the loop ends. The loops call
 * `tick(done)` every iteration: with no reporter that is an empty function; with one, it reads the
 * clock only every `stride` iterations, a stride that adapts so that the clock is read about every
 * 20 ms whether an iteration takes a microsecond or a second.
 */

export interface ProgressEvent {
  /** A number of its own for every loop (loops that report one after another are told apart by it). */
  loop: number;
  /** What is counted, Korean first: "train() 반복", "trainClassifier() 업데이트". */
  label: string;
  done: number;
  total: number;
  /** Seconds since the loop started. */
  seconds: number;
  /** The loop has ended (sent only if something was reported before). */
  finished: boolean;
}

export type ProgressReporter = (event: ProgressEvent) => void;

export interface ProgressTiming {
  /** The clock, in milliseconds. */
  now(): number;
  /** Nothing is reported before a loop has run this long. */
  delayMs: number;
  /** At most one report this often. */
  intervalMs: number;
}

export const DEFAULT_PROGRESS_TIMING: ProgressTiming = { now: () => performance.now(), delayMs: 500, intervalMs: 250 };

/** The clock is read about this often (ms) inside a loop. */
const CHECK_MS = 20;

let reporter: ProgressReporter | undefined;
let loops = 0;
let timing: ProgressTiming = DEFAULT_PROGRESS_TIMING;

/**
 * Send the progress of long loops to `next` (undefined: to nobody); `t` changes the timing (tests).
 * Returns the reporter set before.
 */
export function setProgressReporter(next: ProgressReporter | undefined, t: Partial<ProgressTiming> = {}): ProgressReporter | undefined {
  const prev = reporter;
  reporter = next;
  timing = { ...DEFAULT_PROGRESS_TIMING, ...t };
  return prev;
}

/** The reporter set now, if any. */
export function progressReporter(): ProgressReporter | undefined {
  return reporter;
}

/** One loop's progress: `tick(done)` after each iteration, `end()` after the loop. */
export interface ProgressLoop {
  tick(done: number): void;
  /** The loop ended after `done` iterations (default: all of them). */
  end(done?: number): void;
}

const SILENT: ProgressLoop = { tick() { /* no reporter */ }, end() { /* no reporter */ } };

/** The progress of a loop of `total` iterations named `label`; a no-op when no reporter is set. */
export function progressLoop(label: string, total: number): ProgressLoop {
  return reporter ? new TimedLoop(reporter, timing, label, total, ++loops) : SILENT;
}

/** 1234567 → "1,234,567" (the same in every locale). */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "train() 반복 120,000 / 1,000,000 (12 %)": one report as text, for the page and for Jupyter. */
export function formatProgress(e: Pick<ProgressEvent, "label" | "done" | "total">): string {
  const pct = e.total > 0 ? Math.floor((100 * e.done) / e.total) : 100;
  return `${e.label} ${grouped(e.done)} / ${grouped(e.total)} (${pct} %)`;
}

class TimedLoop implements ProgressLoop {
  private countdown = 1;
  private stride = 1;
  private readonly t0: number;
  private lastCheck: number;
  private lastReport = -Infinity;
  private reported = false;
  private silent = false;
  private done = 0;

  constructor(
    private readonly report: ProgressReporter, private readonly timing: ProgressTiming,
    private readonly label: string, private readonly total: number, private readonly loop: number,
  ) {
    this.t0 = this.lastCheck = timing.now();
  }

  tick(done: number): void {
    if (--this.countdown > 0) return;
    this.check(done);
  }

  private check(done: number): void {
    this.done = done;
    const now = this.timing.now();
    const since = now - this.lastCheck;
    if (since < CHECK_MS / 2) this.stride = Math.min(this.stride * 2, 1 << 24);
    else if (since > CHECK_MS * 2) this.stride = Math.max(1, this.stride >> 1);
    this.countdown = this.stride;
    this.lastCheck = now;
    if (now - this.t0 >= this.timing.delayMs && now - this.lastReport >= this.timing.intervalMs) {
      this.lastReport = now;
      this.send(done, now, false);
    }
  }

  end(done = this.total): void {
    if (this.reported) this.send(done, this.timing.now(), true);
    this.countdown = Infinity;
  }

  private send(done: number, now: number, finished: boolean): void {
    if (this.silent) return;
    this.reported = true;
    try {
      this.report({ loop: this.loop, label: this.label, done, total: this.total, seconds: (now - this.t0) / 1000, finished });
    } catch {
      this.silent = true; // a reporter that fails never stops the training
    }
  }
}
