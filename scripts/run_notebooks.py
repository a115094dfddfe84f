"""Execute notebooks top to bottom with the tslab kernel; fail on any error output.

Usage: python3 scripts/run_notebooks.py [--out DIR] [NOTEBOOK ...]
(called by `npm run test:notebooks` and `npm run build:site`, which set JUPYTER_PATH so the
project's own tslab kernel is found). Executed copies go to --out; the originals are never
changed, so notebooks stay committed without outputs.
"""
import argparse
import glob
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def run(path, out_dir, timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="tslab",
        timeout=timeout,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    start = time.time()
    problems = []
    failing = {}

    def on_cell_error(cell, cell_index, execute_reply):
        failing[cell_index] = cell

    client.on_cell_error = on_cell_error
    try:
        client.execute()
    except CellExecutionError as e:
        for i, cell in failing.items():
            stderr = "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr").strip()
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            problems.append(f"cell {i} ({first_line[:60]}): {stderr or str(e).strip().splitlines()[-1]}")
        if not failing:
            problems.append(str(e).strip().splitlines()[-1] if str(e).strip() else repr(e))
    except Exception as e:  # kernel died, timeout, ...
        problems.append(f"{type(e).__name__}: {str(e).strip().splitlines()[0] if str(e).strip() else ''}")
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
    seconds = time.time() - start
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
    return seconds, sorted(set(problems))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="write executed copies here")
    ap.add_argument("--timeout", type=int, default=180, help="seconds per cell")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    paths = args.notebooks or sorted(glob.glob(os.path.join(here, "..", "notebooks", "*.ipynb")))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        name = os.path.basename(path)
        print(f"  running {name} ...", end="", flush=True)
        seconds, problems = run(path, args.out, args.timeout)
        if problems:
            failed += 1
            print(f" FAILED ({seconds:.1f} s)")
            for p in problems:
                print(f"    {p}")
        else:
            print(f" ok ({seconds:.1f} s)")
    print(f"{len(paths) - failed} of {len(paths)} notebooks ran without errors")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
