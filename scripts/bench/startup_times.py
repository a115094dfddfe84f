"""How long the first seconds of a notebook take under the project's tslab kernel.

Usage: python3 scripts/bench/startup_times.py [--repeat N] [--notebook-repeat N] [--no-notebooks] [--json FILE] [NOTEBOOK ...]
(`npm run startup` runs it with JUPYTER_PATH set so the project's tslab kernel is found.)

Two measurements, each in fresh kernels started one at a time (timings on a shared machine are noisy:
each figure is the median of --repeat runs for the probe, --notebook-repeat for the notebooks, with
the fastest run beside it):
- probe: kernel start -> ready (kernel_info answered), then one cell at a time:
    `1 + 1` (cold), `import { lessonData } from "nn-lesson"; lessonData();`,
    `import { plotSetup } from "nn-lesson"; plotSetup();`,
    `import { showFigure, sigmoidFigure } from "nn-lesson"; showFigure(sigmoidFigure());`,
  and a warm `1 + 1` (median of 5); plus a notebook's usual first cell, all of it at once
  (import, plotSetup() and a plot), from ready to the plot's output;
- notebooks: each notebook's code cells in order: kernel start -> ready, ready -> first output,
  ready -> first plot output, its first cell, and a warm `1 + 1` afterwards.
Times are measured here, on the client side of the kernel's messages (what a front end waits for);
the browser's own work (running plotly.js, drawing) is not included. The probe also reports the
kernel process's CPU time for each step (Linux: /proc/PID/stat), which other load on the machine
disturbs much less than the wall-clock time.
"""
import argparse
import glob
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

# a plot output (plotSetup()'s output has other classes that start with the same name)
PLOT = 'class="nn-lesson-plot"'

PROBE = [
    ("cold 1 + 1", "1 + 1"),
    ("import nn-lesson", 'import { lessonData } from "nn-lesson";\nlessonData();'),
    ("plotSetup()", 'import { plotSetup } from "nn-lesson";\nplotSetup();'),
    ("first showFigure()", 'import { showFigure, sigmoidFigure } from "nn-lesson";\nshowFigure(sigmoidFigure());'),
]
FIRST_CELL = 'import { lessonData, plotSetup, showFigure, sigmoidFigure } from "nn-lesson";\nplotSetup();\nconst lesson = lessonData();\nshowFigure(sigmoidFigure());'


class Kernel:
    def __init__(self, cwd):
        self.t_start = time.perf_counter()
        self.km = KernelManager(kernel_name="tslab")
        self.km.start_kernel(cwd=cwd)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        self.t_ready = time.perf_counter()
        self.ready = self.t_ready - self.t_start
        self.pid = self.km.provisioner.pid if self.km.provisioner else None

    def cpu(self):
        """CPU seconds the kernel process has used (user + system), None where /proc is missing."""
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, TypeError, ValueError, IndexError):
            return None

    def run(self, code, timeout=180):
        """Runs code; returns (seconds, first output time, first plot output time, status), times absolute."""
        t = time.perf_counter()
        msg_id = self.kc.execute(code)
        first = plot = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            now = time.perf_counter()
            if kind in ("display_data", "execute_result", "stream", "error"):
                first = first or now
                if plot is None and PLOT in str(msg["content"].get("data", {}).get("text/html", "")):
                    plot = now
            if kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        reply = self.kc.get_shell_msg(timeout=timeout)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=timeout)
        return time.perf_counter() - t, first, plot, reply["content"].get("status")

    def warm(self, n=5):
        return statistics.median(self.run("1 + 1")[0] for _ in range(n))

    def stop(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def probe(cwd):
    k = Kernel(cwd)
    try:
        r = {"ready": k.ready, "ready (cpu)": k.cpu()}
        for name, code in PROBE:
            c = k.cpu()
            secs, _, _, status = k.run(code)
            if status != "ok":
                raise RuntimeError(f"{name}: {status}")
            r[name] = secs
            r[f"{name} (cpu)"] = k.cpu() - c if c is not None else None
        c = k.cpu()
        r["warm 1 + 1"] = k.warm()
        r["warm 1 + 1 (cpu)"] = (k.cpu() - c) / 5 if c is not None else None
    finally:
        k.stop()
    k = Kernel(cwd)
    try:
        c = k.cpu()
        _, _, plot, status = k.run(FIRST_CELL)
        if status != "ok" or plot is None:
            raise RuntimeError(f"first cell: {status}, plot output: {plot}")
        r["ready -> plot (one first cell)"] = plot - k.t_ready
        r["ready -> plot (one first cell) (cpu)"] = k.cpu() - c if c is not None else None
    finally:
        k.stop()
    return r


def notebook(path):
    cells = ["".join(c["source"]) for c in json.load(open(path, encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    k = Kernel(os.path.dirname(os.path.abspath(path)))
    try:
        r = {"ready": k.ready}
        first = plot = None
        for i, code in enumerate(cells):
            secs, f, p, status = k.run(code)
            if i == 0:
                r["first cell"] = secs
            first = first or f
            plot = plot or p
            if status != "ok":
                r["error"] = f"cell {i}: {status}"
                break
        r["ready -> first output"] = first - k.t_ready if first else None
        r["ready -> first plot output"] = plot - k.t_ready if plot else None
        r["warm 1 + 1"] = k.warm()
    finally:
        k.stop()
    return r


def median_of(runs):
    keys = runs[0].keys()
    return {k: (statistics.median(r[k] for r in runs) if all(isinstance(r[k], (int, float)) for r in runs) else runs[0][k]) for k in keys}


def fmt(v):
    return "—" if v is None else (f"{v:.2f} s" if v >= 1 else f"{v * 1000:.0f} ms") if isinstance(v, (int, float)) else str(v)


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--notebook-repeat", type=int, default=1)
    ap.add_argument("--json")
    ap.add_argument("--no-notebooks", action="store_true", help="the probe only")
    ap.add_argument("--no-probe", action="store_true", help="the notebooks only")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_args(argv)
    here = os.path.dirname(os.path.abspath(__file__))
    nbdir = os.path.join(here, "..", "..", "notebooks")
    paths = args.notebooks or ([] if args.no_notebooks else sorted(glob.glob(os.path.join(nbdir, "*.ipynb"))))
    out = {"repeat": args.repeat, "notebookRepeat": args.notebook_repeat}
    runs = [] if args.no_probe else [probe(nbdir) for _ in range(args.repeat)]
    out["probe"] = median_of(runs) if runs else {}
    if runs:
        print(f"probe (median of {args.repeat} fresh kernels):")
    for k, v in out["probe"].items():
        print(f"  {k:32s} {fmt(v):>8s}   fastest {fmt(min(r[k] for r in runs)):>8s}   (runs: {', '.join(fmt(r[k]) for r in runs)})")
    out["notebooks"] = {}
    if paths:
        print(f"notebooks (median of {args.notebook_repeat}):")
        print(f"  {'notebook':34s} {'ready':>8s} {'1st cell':>9s} {'→1st out':>9s} {'→1st plot':>9s} {'warm 1+1':>9s}")
    for p in paths:
        r = median_of([notebook(p) for _ in range(args.notebook_repeat)])
        out["notebooks"][os.path.basename(p)] = r
        print(f"  {os.path.basename(p):34s} {fmt(r['ready']):>8s} {fmt(r['first cell']):>9s} {fmt(r['ready -> first output']):>9s} "
              f"{fmt(r['ready -> first plot output']):>9s} {fmt(r['warm 1 + 1']):>9s}{'  ' + r['error'] if 'error' in r else ''}", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
