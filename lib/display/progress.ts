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
 * Deno's kernel (`deno jupyter`, Deno 2.x) sends too while a loop runs: `Deno.jupyter.broadcast` hands the
 * message over at once (measured: a display_data broadcast 1 s into a 3 s busy loop reached the client at
 * 1.02 s, an update_display_data at 1.5 s at 1.51 s). So under Deno the same line is a display_data with a
 * display_id, then update_display_data messages. Jupyter's ■ does not stop a loop there: Deno's kernel
 * exits on the interrupt signal (measured: gone 0.5 s after it; Jupyter starts it again, values lost), and
 * the line says that instead.
 *
 * What stays in the notebook is the last line, "… (100 %) — 1.8초". Loops shorter than 0.5 s show
 * nothing, so ordinary runs are unchanged; the notebook driver (scripts/jupyter/run_notebooks.py) turns
 * this off (NN_LESSON_PROGRESS=0), so that executed notebooks never depend on the machine's speed. Outside a
 * kernel (Node scripts, tests) nothing is shown and tslab is never loaded for it. The page runner sets
 * its own reporter (scripts/site/runner/kernel.ts).
 */
import { ProgressEvent, ProgressReporter, formatProgress, progressReporter, setProgressReporter } from "../lesson/progress";
import { DenoJupyter, denoJupyter, denoSend } from "./output";

interface LineDisplay {
  text(s: string): void;
  /** What stops the loop in this kernel, for the line's hint. */
  stop?: "interrupt" | "restart";
}

/** NN_LESSON_PROGRESS=0 (the notebook driver): no progress lines. */
function progressOff(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.NN_LESSON_PROGRESS === "0";
  } catch {
    return false; // Deno without permission to read the environment
  }
}

let denoLines = 0;

/** One line in the running cell of Deno's kernel: a display_data with a display_id, then updates of it. */
export function denoLine(jupyter: DenoJupyter, id = `nn-lesson-progress-${Date.now().toString(36)}-${++denoLines}`): LineDisplay {
  let sent = false;
  return {
    stop: "restart",
    text(s) {
      denoSend(jupyter, "text/plain", s, id, sent);
      sent = true;
    },
  };
}

/** A line in the cell that runs: tslab's newDisplay() in a tslab kernel, one of Deno's in Deno's; else undefined. */
function kernelLine(): LineDisplay | undefined {
  if (progressOff()) return undefined;
  const deno = denoJupyter();
  return deno ? denoLine(deno) : tslabLine();
}

/** tslab's newDisplay() when this process is a tslab kernel running a cell, else undefined. */
function tslabLine(): LineDisplay | undefined {
  try {
    // only where tslab is already loaded (its kernel); never load tslab (and TypeScript) for this
    if (!Object.keys(require.cache).some((k) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(k))) return undefined;
    const { newDisplay } = require("tslab") as typeof import("tslab");
    return newDisplay();
  } catch {
    return undefined;
  }
}

/**
 * The line of one loop's progress, as Jupyter shows it; `stop`: what stops the loop in this kernel
 * (tslab: ■ interrupts the cell; Deno: ■ ends the kernel, which Jupyter starts again).
 */
export function jupyterProgressText(e: ProgressEvent, stop: "interrupt" | "restart" = "interrupt"): string {
  const line = `${formatProgress(e)} — ${e.seconds.toFixed(1)}초`;
  if (e.finished) return line;
  return stop === "interrupt"
    ? `${line} (멈추려면 ■ 커널 중단 / interrupt)`
    : `${line} (■ 커널 중단은 Deno 커널을 다시 시작합니다: 값이 사라집니다 / interrupt restarts Deno's kernel)`;
}

/** A reporter that writes each loop's progress on its own line in the running cell (tslab or Deno). */
export function jupyterProgressReporter(line: () => LineDisplay | undefined = kernelLine): ProgressReporter {
  let loop = -1;
  let shown: LineDisplay | undefined;
  return (e) => {
    if (e.loop !== loop) {
      loop = e.loop;
      shown = line();
    }
    if (!shown) return;
    try {
      shown.text(jupyterProgressText(e, shown.stop));
    } catch {
      shown = undefined; // "Not ready": tslab is loaded but no cell is running
    }
  };
}

/** Installed when the library is loaded, unless a reporter is already set (the page runner sets its own after). */
export function installJupyterProgress(): void {
  if (!progressReporter()) setProgressReporter(jupyterProgressReporter());
}
