/**
 * Notebook runs: starting the one notebook driver (scripts/jupyter/run_notebooks.py) and reading its report.
 * `npm run test:notebooks` executes every notebook once under tslab into build/notebooks/ (report.json
 * beside the executed copies); the notebook tests and `npm run build:site` read that instead of
 * running kernels. `npm run test:notebooks:deno` does the same under Deno's kernel into
 * build/notebooks-deno/, which a test compares with tslab's.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { HOW_TO_GET_JUPYTER, findNotebookPython } from "./jupyter";
import { registerKernel } from "./register-kernel";
import { NOTEBOOKS, ROOT, jupyterEnv } from "../paths";

export const DRIVER = path.join(ROOT, "scripts", "jupyter", "run_notebooks.py");
/** Where `npm run test:notebooks` puts the executed copies and report.json. */
export const NOTEBOOK_BUILD = path.join(ROOT, "build", "notebooks");
export const NOTEBOOK_REPORT = path.join(NOTEBOOK_BUILD, "report.json");
/** The driver's --variants file: the hostile edits of the try-it cells (test/fixtures/hostile-edits.ts writes it). */
export const VARIANTS_FILE = path.join(NOTEBOOK_BUILD, "hostile-edits.json");
/** The arguments of that run: every notebook, two at a time (2 cores), rerun and answers, then the hostile edits. */
export const TEST_RUN_ARGS = ["--jobs", "2", "--answers", "--out", NOTEBOOK_BUILD, "--report", NOTEBOOK_REPORT, "--variants", VARIANTS_FILE];
export const TEST_RUN_COMMAND = "npm run test:notebooks";
/** The same run under Deno's Jupyter kernel (`npm run test:notebooks:deno`). */
export const DENO_BUILD = path.join(ROOT, "build", "notebooks-deno");
export const DENO_REPORT = path.join(DENO_BUILD, "report.json");
export const DENO_RUN_ARGS = ["--kernel", "deno", "--jobs", "2", "--answers", "--out", DENO_BUILD, "--report", DENO_REPORT];
export const DENO_RUN_COMMAND = "npm run test:notebooks:deno";

export interface Exercise {
  /** Index of the exercise cell (a code cell with TODO). */
  cell: number;
  /** check() verdicts of the exercise as committed (first pass): "exact" | "approximate" | "wrong" | "shape". */
  committed: string[];
  /** Verdicts of the same cell with its "정답 보기" answer substituted (second pass). */
  answered: string[];
  /** Errors of the answered cell. */
  answerErrors: string[];
  /** Why the answer could not be put in place, "" if it could. */
  problem: string;
}

/** One edited copy of a try-it cell (--variants), run last in the notebook's kernel. */
export interface VariantRun {
  label: string;
  /** The try-it cell it is a copy of. */
  cell: number;
  source: string;
  /** "error: 입력 오류: …" when the cell failed; [] when it ran. */
  errors: string[];
  stdout: string;
  stderr: string;
  seconds: number;
  /** Size of the cell's outputs as JSON. */
  outputBytes: number;
}

export interface NotebookRun {
  source: string;
  /** The kernel's name: "tslab" or "deno". */
  kernel: string;
  /** Seconds from starting the kernel to its kernel_info reply. */
  startSeconds: number | null;
  /** The executed copy (first pass), null without --out or if the run never finished. */
  executed: string | null;
  /** Seconds for all code cells of the first run (after the kernel started); null if it never finished. */
  seconds: number | null;
  wallSeconds: number;
  /** Set when the first run met a kernel glitch (Deno's "Invalid Signature") and the notebook was run again: that error. */
  retried?: string;
  /** [cell index, seconds] of the first run. */
  cellSeconds: [number, number][];
  /** Errors of the first run: "cell 3: error: ReferenceError: x is not defined". */
  first: string[];
  /** Errors when every code cell ran a second time. */
  again: string[];
  /** Printed in the first run. */
  stdout: string;
  /** Outputs that came after the kernel said the cell was done (Deno's kernel, collected by the driver). */
  lateOutputs: number;
  stderr: string;
  /** Printed on stderr in the second run. */
  stderrAgain: string;
  /** Number of HTML outputs (tables, plots, checks) of the first run. */
  html: number;
  exercises: Exercise[];
  /** The hostile edits of the try-it cells (--variants); absent in reports made before they existed. */
  variants?: VariantRun[];
}

export interface NotebookReport {
  created: string;
  seconds: number;
  options: { kernel: string; rerun: boolean; answers: boolean; jobs: number; out: string | null; variants?: string | null };
  notebooks: Record<string, NotebookRun>;
}

/**
 * Run the driver (or another Python script of scripts/ that talks to the tslab kernel); each line it
 * prints goes to `log`. Resolves with its exit code (a missing Jupyter is a rejection with the Korean
 * how-to line).
 */
export function runDriver(args: string[], log: (line: string) => void = (l) => console.log(l), script = DRIVER): Promise<number> {
  const py = findNotebookPython();
  if (!py) return Promise.reject(new Error(HOW_TO_GET_JUPYTER));
  registerKernel("tslab");
  const at = args.findIndex((a) => a === "--kernel" || a.startsWith("--kernel="));
  const kernel = at < 0 ? "tslab" : args[at].startsWith("--kernel=") ? args[at].slice("--kernel=".length) : args[at + 1];
  if (kernel === "deno" && !registerKernel("deno")) {
    return Promise.reject(new Error("deno 패키지가 없습니다: `npm install`을 실행하세요 (the deno package is not installed: run `npm install`)"));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(py, [script, ...args], { env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const lines = (stream: NodeJS.ReadableStream) => {
      let rest = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop()!;
        parts.forEach((l) => log(l));
      });
      stream.on("end", () => { if (rest) log(rest); });
    };
    lines(child.stdout);
    lines(child.stderr);
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/** The newest modification time among the files a notebook run depends on, besides the notebook. */
function newestInput(): { file: string; mtime: number } {
  let newest = { file: "", mtime: 0 };
  const visit = (p: string, only?: RegExp) => {
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch { return; }
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p)) visit(path.join(p, f), only);
    } else if ((!only || only.test(p)) && st.mtimeMs > newest.mtime) {
      newest = { file: p, mtime: st.mtimeMs };
    }
  };
  // the compiled library the notebooks import, and the data they read
  visit(path.dirname(require.resolve("nn-lesson")), /\.js$/);
  visit(path.join(ROOT, "data"));
  return newest;
}

export class StaleReport extends Error {}

/**
 * The report of `npm run test:notebooks`, for the notebooks named (file names in notebooks/).
 * Throws StaleReport naming the command to run if the report is missing, lacks one of them, was made
 * without the passes `need`s, or is older than a notebook, the compiled library or data/. `sourceDir`:
 * where the notebooks that ran live (notebooks/, or the generated copies of the hostile-edit run).
 */
export function readReport(
  names: string[], need: { rerun?: boolean; answers?: boolean } = { rerun: true }, file = NOTEBOOK_REPORT, sourceDir = NOTEBOOKS,
  command = file === DENO_REPORT ? DENO_RUN_COMMAND : TEST_RUN_COMMAND,
): NotebookReport {
  const redo = `먼저 \`${command}\`를 실행하세요 (run \`${command}\` first)`;
  if (!fs.existsSync(file)) throw new StaleReport(`${path.relative(ROOT, file)}이 없습니다 (no notebook report): ${redo}`);
  const when = fs.statSync(file).mtimeMs;
  let report: NotebookReport;
  try {
    report = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new StaleReport(`${path.relative(ROOT, file)}을 읽을 수 없습니다 (unreadable report): ${redo}`);
  }
  if ((need.rerun && !report.options?.rerun) || (need.answers && !report.options?.answers)) {
    throw new StaleReport(`${path.relative(ROOT, file)}은 다시 실행하기·정답 확인 없이 만들어졌습니다 (made without --rerun/--answers): ${redo}`);
  }
  const missing = names.filter((n) => !report.notebooks?.[n] || path.resolve(report.notebooks[n].source) !== path.join(sourceDir, n));
  if (missing.length) throw new StaleReport(`${path.relative(ROOT, file)}에 ${missing.join(", ")}의 실행 결과가 없습니다 (not in the report): ${redo}`);
  const changed = names.filter((n) => fs.statSync(path.join(NOTEBOOKS, n)).mtimeMs > when);
  if (changed.length) throw new StaleReport(`${changed.join(", ")}이 실행 결과보다 새롭습니다 (changed since the report): ${redo}`);
  const input = newestInput();
  if (input.mtime > when) throw new StaleReport(`${path.relative(ROOT, input.file)}이 실행 결과보다 새롭습니다 (changed since the report): ${redo}`);
  return report;
}
