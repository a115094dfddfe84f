/**
 * Executing notebooks for tests: every code cell once (timed), then every code cell a second time
 * (a learner's edit-and-rerun), with nbclient and the project's tslab kernel. Shared by the notebook
 * tests; test/lesson-notebooks-runner.test.ts checks the runner itself.
 */
import { runPythonJson } from "./helpers";

const RUNNER = String.raw`
import json, sys, time, os
import nbformat
from nbclient import NotebookClient

def outs(cell, kind):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == kind]

result = {}
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="tslab", timeout=120, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    r = {"seconds": None, "cellSeconds": [], "first": [], "again": [], "stdout": "", "stderr": "", "html": 0}
    status = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        status[cell_index] = execute_reply.get("content", {})

    client.on_cell_executed = on_cell_executed

    def run_cell(cell, i):
        # tslab reports compile and runtime errors as a failed reply with the message on stderr and no
        # "error" output, and answers "abort" to later requests, so the reply's status is what counts
        status.pop(i, None)
        client.execute_cell(cell, i)
        reply = status.get(i, {})
        if reply.get("status", "ok") == "ok":
            return []
        stderr = "".join(o.get("text", "") for o in outs(cell, "stream") if o.get("name") == "stderr").strip()
        lines = [l for l in stderr.splitlines() if l.strip()]
        detail = reply.get("evalue") or next((l for l in lines if "Error" in l), lines[0] if lines else "")
        return [f"{reply.get('status')}: {reply.get('ename') or ''} {detail}".rstrip()]

    try:
        with client.setup_kernel():
            start = time.time()
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                t = time.time()
                errs = run_cell(cell, i)
                r["cellSeconds"].append([i, round(time.time() - t, 2)])
                r["first"] += [f"cell {i}: {e}" for e in errs]
                r["stdout"] += "".join(o["text"] for o in outs(cell, "stream") if o.get("name") == "stdout")
                r["stderr"] += "".join(o["text"] for o in outs(cell, "stream") if o.get("name") == "stderr")
                r["html"] += sum(1 for o in outs(cell, "display_data") if "text/html" in o.get("data", {}))
            r["seconds"] = time.time() - start
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                r["again"] += [f"cell {i} (second run): {e}" for e in run_cell(cell, i)]
                r["stderr"] += "".join(o["text"] for o in outs(cell, "stream") if o.get("name") == "stderr")
    except Exception as e:
        r["first"].append(f"{type(e).__name__}: {e}")
    result[os.path.basename(path)] = r
print(json.dumps(result))
`;

export interface NotebookRun {
  /** Seconds for all code cells of the first run (after the kernel started); null if it never finished. */
  seconds: number | null;
  /** [cell index, seconds] of the first run. */
  cellSeconds: [number, number][];
  /** Errors of the first run: "cell 3: ReferenceError: x is not defined". */
  first: string[];
  /** Errors when every code cell ran a second time. */
  again: string[];
  /** Everything printed (first run). */
  stdout: string;
  stderr: string;
  /** Number of HTML outputs (tables, plots, checks) of the first run. */
  html: number;
}

/** Run each notebook (absolute paths) once and then every code cell again; results by file name. */
export function runNotebooksTwice(files: string[]): Promise<Record<string, NotebookRun>> {
  return runPythonJson(RUNNER, files);
}
