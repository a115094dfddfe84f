/**
 * In Jupyter (tslab), the progress of the library's long loops (lesson/progress.ts) as one line of the
 * cell's output, rewritten in place (tslab's newDisplay(): a display_data, then update_display_data
 * messages with the same display_id): "train() 반복 120,000 / 1,000,000 (12 %) — 0.6초".
 *
 * Can a kernel show anything while a cell runs a synchronous loop? With tslab 1.0.22 and zeromq 6, yes:
 * tslab hands each message to libzmq at once (`sock.send`, not awaited), and libzmq's own I/O thread
 * sends it while JavaScript is still busy. Measured: a line printed 2.1 s into a 3 s busy loop reached
 * the Jupyter client at 2.2 s, not when the cell ended. Jupyter's ■ (interrupt) stops such a loop too:
 * tslab runs cells with vm's breakOnSigint (measured: a 4 s busy loop ended 0.02 s after the interrupt),
 * and the line says so.
 *
 * What stays in the notebook is the last line, "… (100 %) — 1.8초". Loops shorter than 0.5 s show
 * nothing, so ordinary runs are unchanged; the notebook driver (scripts/run_notebooks.py) turns this off
 * (NN_LESSON_PROGRESS=0), so that executed notebooks never depend on the machine's speed. Outside tslab
 * (Node scripts, tests, Deno's kernel) nothing is shown and tslab is never loaded for it. The page runner
 * sets its own reporter (scripts/runner/kernel.ts).
 */
import { ProgressEvent, ProgressReporter, formatProgress, progressReporter, setProgressReporter } from "../lesson/progress";

interface LineDisplay { text(s: string): void }

/** tslab's newDisplay() when this process is a tslab kernel running a cell, else undefined. */
function tslabLine(): LineDisplay | undefined {
  try {
    if (process.env.NN_LESSON_PROGRESS === "0") return undefined;
    // only where tslab is already loaded (its kernel); never load tslab (and TypeScript) for this
    if (!Object.keys(require.cache).some((k) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(k))) return undefined;
    const { newDisplay } = require("tslab") as typeof import("tslab");
    return newDisplay();
  } catch {
    return undefined;
  }
}

/** The line of one loop's progress, as Jupyter shows it. */
export function jupyterProgressText(e: ProgressEvent): string {
  const seconds = `${e.seconds.toFixed(1)}초`;
  return e.finished
    ? `${formatProgress(e)} — ${seconds}`
    : `${formatProgress(e)} — ${seconds} (멈추려면 ■ 커널 중단 / interrupt)`;
}

/** A reporter that writes each loop's progress on its own line in the running cell (tslab only). */
export function jupyterProgressReporter(line: () => LineDisplay | undefined = tslabLine): ProgressReporter {
  let loop = -1;
  let shown: LineDisplay | undefined;
  return (e) => {
    if (e.loop !== loop) {
      loop = e.loop;
      shown = line();
    }
    if (!shown) return;
    try {
      shown.text(jupyterProgressText(e));
    } catch {
      shown = undefined; // "Not ready": tslab is loaded but no cell is running
    }
  };
}

/** Installed when the library is loaded, unless a reporter is already set (the page runner sets its own after). */
export function installJupyterProgress(): void {
  if (!progressReporter()) setProgressReporter(jupyterProgressReporter());
}
