"""Execute notebooks top to bottom with the project's tslab (or Deno) kernel: the one notebook driver.

Usage: python3 scripts/jupyter/run_notebooks.py [--kernel tslab|deno] [--out DIR] [--rerun] [--answers] [--report FILE]
                                        [--jobs N] [--timeout S] [--variants FILE] [NOTEBOOK ...]
       python3 scripts/jupyter/run_notebooks.py --print-answers NOTEBOOK ...

Called by `npm run test:notebooks` and `npm run build:site` (they set JUPYTER_PATH so the project's own
kernels are found). The originals are never changed, so notebooks stay committed without outputs.

- every notebook runs once in a fresh kernel; --out DIR saves that executed copy;
- --rerun: then every code cell runs a second time in the same kernel (a learner's edit-and-rerun);
  errors of that pass are recorded, its outputs are not saved;
- --answers: during that second pass, right after an exercise cell (metadata "nn-lesson": {"exercise": ID}),
  the same cell runs with each answer region (the lines between `// ▼ 여기에 답을 쓰세요` and `// ▲ 여기까지`)
  replaced by the matching ```ts block of the "정답 보기" markdown cell ("nn-lesson": {"answer": ID}); the
  check() verdicts of the committed exercise (first pass) and of the answered one are recorded; a missing
  or unbalanced marker, a missing answer, or an exercise without verdicts fails the notebook;
- --report FILE: everything as JSON (see `run_notebook` for the fields);
- --jobs N: N notebooks at a time, one kernel each;
- --variants FILE: JSON {notebook file name: [{"label", "cell", "source"}, ...]}: edited copies of a cell,
  run one after another at the very end, in the same kernel (the hostile edits of the "직접 해 보기"
  cells, test/fixtures/hostile-edits.ts); each gets VARIANT_TIMEOUT seconds; their errors are recorded in the
  report ("variants") and do not fail the run;
- --print-answers: print each exercise cell with its answer substituted (JSON), run nothing.

- --kernel NAME: the kernel to run them with instead of the notebooks' own (tslab); with deno, see
  `collect_late_outputs`.
- --plain: run each cell as a learner's Jupyter does, with no marker request after it: Deno's late
  outputs are not collected (test/deno-plain.test.ts measures what a learner would lose).

tslab reports compile and runtime errors as a failed execute_reply (status != "ok") with the message
on stderr and no "error" output, so the reply's status is what counts; "error" outputs (other kernels)
count too. After a failed cell tslab answers "abort" to the requests of the next 200 ms (a private
timer): the driver runs an aborted cell again until it runs (see ABORT_SECONDS).
"""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import re
import sys
import time
import uuid

# tslab 1.0.22 answers "abort" to the requests that arrive within 200 ms of a failed one (jupyter.js,
# handleExecute: execQueue.reset(200)): such a cell never ran. That timer is private, so the driver does not
# wait for a guessed length: it sends an aborted cell again every ABORT_PAUSE s for up to ABORT_SECONDS
# (test/answer-regions.test.ts checks that the installed tslab still aborts this way).
ABORT_PAUSE = 0.1
ABORT_SECONDS = 10
# seconds one --variants cell may take: a hang is a failure, not a wait
VARIANT_TIMEOUT = 60


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


# ---------- names shared with the library ----------

_SHARED = {}


def shared():
    """The names of lib/display/markers.ts (the verdicts' pattern, the answer region's markers, the cell
    metadata key): one definition, read from the compiled module through node (NN_LESSON_NODE, else the
    `node` on PATH), which resolves nn-lesson from this folder up."""
    if not _SHARED:
        import subprocess
        node = os.environ.get("NN_LESSON_NODE") or "node"
        js = 'process.stdout.write(JSON.stringify(require("nn-lesson/dist/display/markers")))'
        try:
            out = subprocess.run([node, "-e", js], cwd=os.path.dirname(os.path.abspath(__file__)),
                                 capture_output=True, text=True, timeout=60)
        except OSError as e:
            raise SystemExit(f"run_notebooks: node를 실행할 수 없습니다 (cannot run node): {e}")
        if out.returncode != 0:
            why = next((l.strip() for l in out.stderr.splitlines() if "Error" in l), first_line(out.stderr))
            raise SystemExit("run_notebooks: nn-lesson/dist/display/markers를 읽을 수 없습니다. 먼저 npm run build를 "
                             f"실행하세요 (run npm run build first): {why}")
        names = json.loads(out.stdout)
        _SHARED.update(names, verdict=re.compile(names["VERDICT_PATTERN"]))
    return _SHARED


# ---------- the "정답 보기" answers ----------


class AnswerError(Exception):
    """An exercise whose "정답 보기" answer cannot be put in place; the message names notebook and cell."""


def metadata(cell, key):
    """The value of `key` in the cell's "nn-lesson" metadata (None if absent)."""
    own = cell.get("metadata", {}).get(shared()["CELL_METADATA_KEY"])
    return own.get(key) if isinstance(own, dict) else None


def is_exercise(cell):
    """An exercise cell: marked in its metadata, or (a mistake the driver reports) a code cell with TODO."""
    return cell.get("cell_type") == "code" and (
        metadata(cell, "exercise") is not None or "TODO" in source(cell))


def answer_regions(code, where):
    """The answer regions of an exercise cell: [(line of its ▼ marker, line of its ▲ marker)], 0-based."""
    begin, end = shared()["ANSWER_BEGIN"], shared()["ANSWER_END"]
    regions = []
    opened = None
    for k, line in enumerate(code.split("\n")):
        text = line.strip()
        if text.startswith(begin):
            if opened is not None:
                raise AnswerError(f"{where}: 줄 {opened + 1}의 '{begin}'이 닫히기 전에 줄 {k + 1}에 또 있습니다 "
                                  f"(the answer region of line {opened + 1} is opened again at line {k + 1})")
            opened = k
        elif text.startswith(end):
            if opened is None:
                raise AnswerError(f"{where}: 줄 {k + 1}의 '{end}' 앞에 '{begin}'이 없습니다 "
                                  f"(line {k + 1} closes an answer region that was never opened)")
            regions.append((opened, k))
            opened = None
    if opened is not None:
        raise AnswerError(f"{where}: 줄 {opened + 1}의 '{begin}'을 닫는 '{end}'이 없습니다 "
                          f"(the answer region opened at line {opened + 1} is never closed)")
    if not regions:
        raise AnswerError(f"{where}: 연습 셀에 답을 쓰는 곳('{begin}' … '{end}')이 없습니다 "
                          "(the exercise cell has no answer region)")
    return regions


def answer_blocks(cells, exercise_id, where):
    """The ```ts blocks in the <details> "정답 보기" of the markdown cell marked as this exercise's answer."""
    marked = [c for c in cells if c.get("cell_type") == "markdown" and metadata(c, "answer") == exercise_id]
    if len(marked) != 1:
        key = shared()["CELL_METADATA_KEY"]
        raise AnswerError(f'{where}: "{key}": {{"answer": "{exercise_id}"}}인 Markdown 셀이 하나가 아니라 '
                          f"{len(marked)}개입니다 (expected one answer cell for exercise {exercise_id})")
    details = re.search(r"<details>[\s\S]*?</details>", source(marked[0]))
    if not details or "정답 보기" not in details[0]:
        raise AnswerError(f'{where}: 답 셀에 "정답 보기" <details>가 없습니다 (the answer cell has no "정답 보기" block)')
    blocks = [b.rstrip("\n") for b in re.findall(r"```ts\n([\s\S]*?)```", details[0])]
    if not blocks:
        raise AnswerError(f'{where}: "정답 보기"에 ```ts 코드가 없습니다 (the "정답 보기" block has no ```ts code)')
    return blocks


def substitute_answer(exercise, blocks, where):
    """The exercise with the lines inside its k-th answer region replaced by blocks[k] (the markers stay)."""
    regions = answer_regions(exercise, where)
    if len(blocks) != len(regions):
        raise AnswerError(f"{where}: 답을 쓰는 곳은 {len(regions)}곳인데 \"정답 보기\"의 ```ts 코드는 {len(blocks)}개입니다 "
                          f"({len(regions)} answer regions, {len(blocks)} answer blocks)")
    for b in blocks:
        if any(m in b for m in (shared()["ANSWER_BEGIN"], shared()["ANSWER_END"])) or "TODO" in b:
            raise AnswerError(f'{where}: "정답 보기"의 코드에 표시나 TODO가 있습니다 '
                              "(an answer block holds a marker or a TODO)")
    lines = exercise.split("\n")
    for (a, b), text in reversed(list(zip(regions, blocks))):
        lines = lines[:a + 1] + text.split("\n") + lines[b:]
    return "\n".join(lines)


def answered_source(cells, i, notebook):
    """Exercise cell i with its answer regions replaced by the "정답 보기" answer."""
    where = f"{notebook} 셀 {i} (cell {i})"
    exercise_id = metadata(cells[i], "exercise")
    if exercise_id is None:
        raise AnswerError(f'{where}: TODO가 있는 코드 셀에 "{shared()["CELL_METADATA_KEY"]}": {{"exercise": …}} '
                          "메타데이터가 없습니다 (a code cell with TODO is not marked as an exercise)")
    answered = substitute_answer(source(cells[i]), answer_blocks(cells, exercise_id, where), where)
    if "TODO" in answered:
        raise AnswerError(f"{where}: 답을 넣어도 TODO가 남습니다: TODO는 답을 쓰는 곳 안에 두세요 "
                          "(a TODO line is outside the answer regions)")
    return answered


# ---------- executing ----------


def outputs(cell, kind):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == kind]


def stream(cell, name):
    return "".join(o.get("text", "") for o in outputs(cell, "stream") if o.get("name") == name)


def verdicts(cell):
    html = "".join(
        o.get("data", {}).get("text/html", "")
        for o in cell.get("outputs", [])
        if o.get("output_type") in ("display_data", "execute_result")
    )
    return shared()["verdict"].findall(html)


def collect_late_outputs(client, cell, cell_index, timeout):
    """Outputs of the cell just run that the kernel sent after saying it was idle; returns how many.

    Deno's kernel (2.9) publishes what a cell prints or displays from a queue that it does not wait
    for before its execute_reply and "idle" status, so a cell's last outputs (often its execute_result)
    can come after "idle", where nbclient (and a notebook front end) no longer looks, or are labelled
    with the next cell's request. Here one more request prints a marker line (store_history
    off, so the cell numbers do not move): everything that comes before the marker is the cell's.
    """
    from jupyter_core.utils import run_sync

    async def collect():
        token = f"nn-lesson-drained-{uuid.uuid4().hex}"
        marker = client.kc.execute(f'console.log("{token}")', store_history=False, allow_stdin=False)
        late = 0
        deadline = time.time() + timeout
        while True:
            msg = await client.kc.iopub_channel.get_msg(timeout=max(0.1, deadline - time.time()))
            if msg["msg_type"] == "stream" and token in msg["content"].get("text", ""):
                break
            # the marker prints nothing else and has no value: any other output is the cell's
            if msg["msg_type"] in ("stream", "display_data", "update_display_data", "execute_result", "error"):
                client.process_message(msg, cell, cell_index)
                late += 1
        while True:  # the marker's own reply, so that it is not mistaken for a cell's
            reply = await client.kc.shell_channel.get_msg(timeout=max(0.1, deadline - time.time()))
            if reply["parent_header"].get("msg_id") == marker:
                return late

    return run_sync(collect)()


def first_line(text):
    lines = [l for l in str(text).strip().splitlines() if l.strip()]
    return lines[0] if lines else ""


def run_notebook(path, opts):
    """Run one notebook; returns its report entry.

    kernel: the kernel's name; startSeconds: from starting the kernel to its kernel_info reply;
    seconds: first pass, code cells only (after the kernel started), None if it never finished;
    cellSeconds: [[cell index, seconds], ...] of the first pass; first / again: errors of the first and
    the second pass ("cell 3: error: ReferenceError ..."); stdout, stderr: printed in the first pass;
    lateOutputs: outputs that came after the kernel's "idle" (Deno; both passes);
    aborted: requests that tslab answered with "abort" (sent again; all passes);
    stderrAgain: printed on stderr in the second pass; html: HTML display outputs of the first pass;
    exercises: [{cell, committed, answered, answerErrors, problem}] with --answers;
    variants: [{label, cell, errors, stdout, stderr, seconds, outputBytes}] with --variants.
    """
    import nbformat
    from nbclient import NotebookClient

    started = time.time()
    r = {
        "source": os.path.abspath(path), "kernel": opts["kernel"], "executed": None, "startSeconds": None,
        "seconds": None, "wallSeconds": None, "cellSeconds": [], "first": [], "again": [], "stdout": "",
        "stderr": "", "stderrAgain": "", "html": 0, "lateOutputs": 0, "aborted": 0, "exercises": [],
        "variants": [],
    }
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as e:  # not JSON, not a notebook
        r["first"].append(f"{type(e).__name__}: {first_line(e)}")
        r["wallSeconds"] = round(time.time() - started, 2)
        return r
    client = NotebookClient(
        nb, kernel_name=opts["kernel"], timeout=opts["timeout"], allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    replies = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        replies[cell_index] = execute_reply.get("content", {})

    client.on_cell_executed = on_cell_executed

    # --plain: as a learner's Jupyter runs a cell (no marker request after it), late outputs are lost
    late_outputs = opts["kernel"] == "deno" and not opts.get("plain")

    def run_cell(cell, i, **kw):
        deadline = time.time() + ABORT_SECONDS
        while True:
            replies.pop(i, None)
            client.execute_cell(cell, i, **kw)
            if late_outputs:
                r["lateOutputs"] += collect_late_outputs(client, cell, i, opts["timeout"])
            reply = replies.get(i, {})
            if reply.get("status") != "abort" or time.time() > deadline:
                break
            r["aborted"] += 1
            time.sleep(ABORT_PAUSE)  # tslab refused the request after a failed cell: this cell never ran
        errors = [f"error output: {o.get('ename')}: {o.get('evalue')}" for o in outputs(cell, "error")]
        if reply.get("status", "ok") != "ok":
            lines = [l for l in stream(cell, "stderr").strip().splitlines() if l.strip()]
            detail = reply.get("evalue") or next((l for l in lines if "Error" in l), lines[0] if lines else "")
            errors.insert(0, f"{reply.get('status')}: {reply.get('ename') or ''} {detail}".rstrip())
        return errors

    exercises = {}
    try:
        t_start = time.time()
        with client.setup_kernel():
            info = client.wait_for_reply(client.kc.kernel_info())
            r["startSeconds"] = round(time.time() - t_start, 2)
            if info and "language_info" in info.get("content", {}):
                nb.metadata["language_info"] = info["content"]["language_info"]
            t0 = time.time()
            for i, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                t = time.time()
                errs = run_cell(cell, i, execution_count=client.code_cells_executed + 1)
                r["cellSeconds"].append([i, round(time.time() - t, 2)])
                r["first"] += [f"cell {i}: {e}" for e in errs]
                r["stdout"] += stream(cell, "stdout")
                r["stderr"] += stream(cell, "stderr")
                r["html"] += sum(1 for o in outputs(cell, "display_data") if "text/html" in o.get("data", {}))
                if opts["answers"] and is_exercise(cell):
                    exercises[i] = {"cell": i, "committed": verdicts(cell), "answered": [], "answerErrors": [], "problem": ""}
            r["seconds"] = round(time.time() - t0, 2)
            if opts["out"]:
                os.makedirs(opts["out"], exist_ok=True)
                r["executed"] = os.path.abspath(os.path.join(opts["out"], os.path.basename(path)))
                nbformat.write(nb, r["executed"])
            if opts["rerun"]:
                original = [nbformat.from_dict(c) for c in nb.cells]
                for i, cell in enumerate(original):
                    if cell.cell_type != "code":
                        continue
                    r["again"] += [f"cell {i} (second run): {e}" for e in run_cell(cell, i)]
                    r["stderrAgain"] += stream(cell, "stderr")
                    if i not in exercises:
                        continue
                    ex = exercises[i]
                    try:
                        answered = nbformat.v4.new_code_cell(
                            answered_source(original, i, os.path.basename(path)))
                    except AnswerError as e:
                        ex["problem"] = str(e)
                        continue
                    ex["answerErrors"] = run_cell(answered, i)
                    ex["answered"] = verdicts(answered)
                    # no verdict at all: check() wrote none, or its HTML no longer matches the shared pattern
                    where = f"{os.path.basename(path)} 셀 {i} (cell {i})"
                    if not ex["committed"]:
                        ex["problem"] = f"{where}: 연습 셀이 check()의 판정(✔/✘)을 하나도 보여 주지 않습니다 (no verdict)"
                    elif not ex["answered"] and not ex["answerErrors"]:
                        ex["problem"] = f"{where}: 답을 넣은 셀이 check()의 판정을 하나도 보여 주지 않습니다 (no verdict)"
                    if ex["answerErrors"] and stream(answered, "stderr").strip():
                        ex["answerErrors"].append(stream(answered, "stderr").strip()[:500])
            variants = opts.get("variants", {}).get(os.path.basename(path), [])
            if variants:
                client.timeout = min(client.timeout, VARIANT_TIMEOUT)
            for v in variants:
                cell = nbformat.v4.new_code_cell(v["source"])
                t = time.time()
                errs = run_cell(cell, v["cell"])
                r["variants"].append({
                    "label": v["label"], "cell": v["cell"], "source": v["source"], "errors": errs,
                    "stdout": stream(cell, "stdout"), "stderr": stream(cell, "stderr"),
                    "seconds": round(time.time() - t, 2), "outputBytes": len(json.dumps(cell.get("outputs", []))),
                })
    except Exception as e:  # kernel died, timeout, ...
        r["first" if r["seconds"] is None else "again"].append(f"{type(e).__name__}: {first_line(e)}")
    if opts["answers"] and not opts["rerun"] and exercises:
        for ex in exercises.values():
            ex["problem"] = "--answers needs --rerun"
    r["exercises"] = list(exercises.values())
    r["wallSeconds"] = round(time.time() - started, 2)
    return r


# Deno's kernel (2.9) now and then sends a message whose HMAC signature jupyter_client rejects
# ("Invalid Signature"), mostly when the machine is loaded; the notebook itself is fine. Such a run is
# repeated once, and the report keeps what happened ("retried"), so a test can show it.
KERNEL_GLITCHES = ("Invalid Signature",)


def run_notebook_once_more_on_glitch(path, opts):
    r = run_notebook(path, opts)
    glitch = next((e for e in r["first"] + r["again"] if any(g in e for g in KERNEL_GLITCHES)), None)
    if glitch is None:
        return r
    again = run_notebook(path, opts)
    again["retried"] = glitch
    return again


def problems(r):
    """What makes a notebook run fail, as lines."""
    out = r["first"] + r["again"]
    for ex in r["exercises"]:
        if ex["problem"]:
            out.append(ex["problem"])  # it names the notebook and the cell
        out += [f"cell {ex['cell']} (with its answer): {e}" for e in ex["answerErrors"] if e]
    return out


# ---------- command line ----------


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):
        self.exit(2, f"run_notebooks: {message} (사용법 usage: run_notebooks.py [--kernel tslab|deno] [--out DIR] [--rerun] [--answers] "
                     f"[--report FILE] [--jobs N] [--timeout S] [notebook.ipynb ...])\n")


def parse(argv):
    ap = OneLineParser(add_help=True)
    ap.add_argument("--kernel", default="tslab", help="the kernel's name (tslab, the notebooks' own, or deno)")
    ap.add_argument("--out", help="write executed copies (first pass) here")
    ap.add_argument("--rerun", action="store_true", help="run every code cell a second time")
    ap.add_argument("--answers", action="store_true", help='also run each exercise with its "정답 보기" answer (second pass)')
    ap.add_argument("--report", help="write a JSON report here")
    ap.add_argument("--jobs", type=int, default=1, help="notebooks at a time")
    ap.add_argument("--timeout", type=int, default=180, help="seconds per cell")
    ap.add_argument("--variants", help="JSON file of edited cells to run last in each notebook's kernel")
    ap.add_argument("--plain", action="store_true", help="do not collect Deno's late outputs (what a learner's Jupyter shows)")
    ap.add_argument("--print-answers", action="store_true", help="print the answered exercise cells as JSON; run nothing")
    ap.add_argument("notebooks", nargs="*")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")
    if args.timeout < 1:
        ap.error("--timeout must be at least 1")
    if args.answers:
        args.rerun = True
    return args


def print_answers(paths):
    result = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            cells = json.load(f)["cells"]
        found = []
        for i, cell in enumerate(cells):
            if not is_exercise(cell):
                continue
            try:
                answered = answered_source(cells, i, os.path.basename(path))
                found.append({"cell": i, "answered": answered, "error": None})
            except AnswerError as e:
                found.append({"cell": i, "answered": None, "error": str(e)})
        result[os.path.basename(path)] = found
    print(json.dumps(result, ensure_ascii=False))
    return 0


def write_json(file, data):
    os.makedirs(os.path.dirname(os.path.abspath(file)), exist_ok=True)
    tmp = file + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    os.replace(tmp, file)


def main(argv):
    args = parse(argv)
    # the library's progress lines (lib/display/progress.ts) only show in loops longer than 0.5 s, which
    # depends on the machine: off here, so that executed notebooks never do (the kernels inherit this)
    os.environ["NN_LESSON_PROGRESS"] = "0"
    here = os.path.dirname(os.path.abspath(__file__))
    paths = args.notebooks or sorted(glob.glob(os.path.join(here, "..", "..", "notebooks", "*.ipynb")))
    if not paths:
        print("run_notebooks: 노트북이 없습니다 (no notebooks found)", file=sys.stderr)
        return 1
    for p in paths:
        if not os.path.isfile(p):
            print(f"run_notebooks: 노트북이 없습니다 (no such notebook): {p}", file=sys.stderr)
            return 1
    names = [os.path.basename(p) for p in paths]
    if len(set(names)) != len(names):
        print("run_notebooks: 같은 이름의 노트북이 둘 있습니다 (two notebooks have the same file name)", file=sys.stderr)
        return 1
    if args.answers or args.print_answers:
        shared()  # the library's markers, here, so that a missing build stops the run with one clear line
    if args.print_answers:
        return print_answers(paths)
    variants = {}
    if args.variants:
        try:
            with open(args.variants, encoding="utf-8") as f:
                variants = json.load(f)
        except (OSError, ValueError) as e:
            print(f"run_notebooks: --variants 파일을 읽을 수 없습니다 (cannot read --variants): {e}", file=sys.stderr)
            return 1
    opts = {"kernel": args.kernel, "out": args.out, "rerun": args.rerun, "answers": args.answers, "timeout": args.timeout, "variants": variants, "plain": args.plain}
    started = time.time()
    results = {}
    done = 0

    def finished(path, r):
        nonlocal done
        done += 1
        results[os.path.basename(path)] = r
        bad = problems(r)
        secs = r["wallSeconds"]
        print(f"  [{done}/{len(paths)}] {os.path.basename(path)} {'FAILED' if bad else 'ok'} ({secs:.1f} s)", flush=True)
        if r.get("retried"):
            print(f"      (ran twice: the first run met a kernel glitch: {r['retried']})", flush=True)
        for p in bad:
            print(f"      {p}", flush=True)

    jobs = min(args.jobs, len(paths))
    if jobs == 1:
        for p in paths:
            finished(p, run_notebook_once_more_on_glitch(p, opts))
    else:
        with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(run_notebook_once_more_on_glitch, p, opts): p for p in paths}
            for f in concurrent.futures.as_completed(futures):
                finished(futures[f], f.result())
    failed = [n for n in names if problems(results[n])]
    if args.report:
        write_json(args.report, {
            "created": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "seconds": round(time.time() - started, 2),
            "options": {"kernel": args.kernel, "rerun": args.rerun, "answers": args.answers, "jobs": jobs, "out": args.out and os.path.abspath(args.out),
                        "variants": args.variants and os.path.abspath(args.variants), "plain": args.plain},
            "notebooks": {n: results[n] for n in names},
        })
    print(f"{len(paths) - len(failed)} of {len(paths)} notebooks ran without errors ({time.time() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
