"""Execute notebooks top to bottom with the project's tslab (or Deno) kernel: the one notebook driver.

Usage: python3 scripts/jupyter/run_notebooks.py [--kernel tslab|deno] [--out DIR] [--rerun] [--answers] [--report FILE]
                                        [--jobs N] [--timeout S] [--variants FILE] [NOTEBOOK ...]
       python3 scripts/jupyter/run_notebooks.py --print-answers NOTEBOOK ...

Called by `npm run test:notebooks` and `npm run build:site` (they set JUPYTER_PATH so the project's own
kernels are found). The originals are never changed, so notebooks stay committed without outputs.

- every notebook runs once in a fresh kernel; --out DIR saves that executed copy;
- --rerun: then every code cell runs a second time in the same kernel (a learner's edit-and-rerun);
  errors of that pass are recorded, its outputs are not saved;
- --answers: during that second pass, right after an exercise cell (a code cell with TODO), the same
  cell with its "정답 보기" answer substituted runs too; the check() verdicts of the committed exercise
  (first pass) and of the answered one are recorded;
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
count too. After a failed cell tslab answers "abort" to every request of the next 200 ms, so the
driver waits that long before the next cell (a learner's next cell is never that quick either), and
on a busy machine, where that timer can fire late, runs a cell that was aborted once more.
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

# check() / checkFunction() output: <div class="nn-check" data-verdict="exact|approximate|wrong|shape">
VERDICT = re.compile(r'class="nn-check" data-verdict="(\w+)"')
# tslab cancels the requests that arrive within 200 ms of a failed one (TaskQueue.reset(200))
TSLAB_ABORT_SECONDS = 0.3
# seconds one --variants cell may take: a hang is a failure, not a wait
VARIANT_TIMEOUT = 60


class AnswerError(Exception):
    """An exercise whose "정답 보기" answer cannot be put in place."""


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def is_exercise(cell):
    return cell.get("cell_type") == "code" and "TODO" in source(cell)


# ---------- the "정답 보기" answers ----------


def _scan(code, start):
    """From `start` (the first character of a top-level `const`/`let`/`function`), the index of the
    character that ends that declaration: the `;` after it at bracket depth 0 (const/let), or the `}`
    that closes the function's body. Strings, template literals (with their ${...}) and comments are
    skipped, so a `;` or `}` inside them, or inside an arrow function's body, ends nothing. None if the
    code ends first."""
    is_function = code.startswith("function", start)
    depth = 0
    opened = False  # a function ends when its body's brace closes, not at the parameter list
    stack = []  # open template literals: the depth at which their ${ was opened
    i = start
    n = len(code)
    while i < n:
        c = code[i]
        if c == "/" and code.startswith("//", i):
            i = code.find("\n", i)
            if i < 0:
                return None
            continue
        if c == "/" and code.startswith("/*", i):
            i = code.find("*/", i + 2)
            if i < 0:
                return None
            i += 2
            continue
        if c in "'\"":
            i += 1
            while i < n and code[i] != c and code[i] != "\n":
                i += 2 if code[i] == "\\" else 1
            i += 1
            continue
        if c == "`" or (c == "}" and stack and stack[-1] == depth):
            if c == "}":
                stack.pop()
            i += 1
            while i < n and code[i] != "`":
                if code[i] == "\\":
                    i += 2
                    continue
                if code.startswith("${", i):
                    stack.append(depth)
                    i += 1
                    break
                i += 1
            else:
                i += 1  # the closing backtick
                continue
            i += 1
            continue
        if c in "([{":
            depth += 1
            if c == "{" and is_function and depth == 1:
                opened = True
        elif c in ")]}":
            depth -= 1
            if is_function and opened and depth == 0 and c == "}":
                return i
        elif c == ";" and depth == 0 and not is_function:
            return i
        i += 1
    return None


def declarations(code):
    """Top-level declarations of a piece of code: name -> (first line, last line). A declaration starts
    at a line beginning with `function NAME(`, `const NAME` or `let NAME`, and ends where _scan says."""
    lines = code.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:k]) for k in range(len(lines))]
    out = {}
    i = 0
    while i < len(lines):
        fn = re.match(r"function\s+(\w+)\s*\(", lines[i], re.ASCII)
        decl = re.match(r"(?:const|let)\s+(\w+)\b", lines[i], re.ASCII)
        m = fn or decl
        if m:
            end = _scan(code, starts[i])
            if end is None:
                what = f"function {m[1]}" if fn else m[1]
                raise AnswerError(f'{what} does not end ({"no closing }" if fn else "no ; after it"})')
            j = code.count("\n", 0, end)
            out[m[1]] = (i, j)
            i = j
        i += 1
    return out


def substitute_answer(exercise, answer):
    """The exercise with each declaration of the answer put in place of the exercise's own."""
    ans = answer.split("\n")
    replacements = [(name, ans[a:b + 1]) for name, (a, b) in declarations(answer).items()]
    if not replacements:
        raise AnswerError("the answer declares nothing")
    lines = exercise.split("\n")
    for name, text in replacements:
        at = declarations("\n".join(lines)).get(name)
        if at is None:
            raise AnswerError(f"the exercise has no declaration of {name} for the answer to replace")
        lines = lines[:at[0]] + text + lines[at[1] + 1:]
    return "\n".join(lines)


def answered_source(cells, i):
    """Exercise cell i with the ```ts code of the <details> "정답 보기" block of the cell before it."""
    before = source(cells[i - 1]) if i > 0 else ""
    details = re.search(r"<details>[\s\S]*?</details>", before)
    if not details or "정답 보기" not in details[0]:
        raise AnswerError('the markdown cell before the exercise has no "정답 보기" block')
    code = "\n".join(m.rstrip() for m in re.findall(r"```ts\n([\s\S]*?)```", details[0]))
    if not code:
        raise AnswerError('the "정답 보기" block has no ```ts code')
    answered = substitute_answer(source(cells[i]), code)
    if "TODO" in answered:
        raise AnswerError("the answer leaves a TODO line in place")
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
    return VERDICT.findall(html)


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
        "stderr": "", "stderrAgain": "", "html": 0, "lateOutputs": 0, "exercises": [], "variants": [],
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
        for attempt in range(3):
            replies.pop(i, None)
            client.execute_cell(cell, i, **kw)
            if late_outputs:
                r["lateOutputs"] += collect_late_outputs(client, cell, i, opts["timeout"])
            reply = replies.get(i, {})
            if reply.get("status") != "abort":
                break
            time.sleep(2 * TSLAB_ABORT_SECONDS)  # tslab refused the request: the cell never ran
        errors = [f"error output: {o.get('ename')}: {o.get('evalue')}" for o in outputs(cell, "error")]
        if reply.get("status", "ok") == "error":
            time.sleep(TSLAB_ABORT_SECONDS)
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
                        answered = nbformat.v4.new_code_cell(answered_source(original, i))
                    except AnswerError as e:
                        ex["problem"] = str(e)
                        continue
                    ex["answerErrors"] = run_cell(answered, i)
                    ex["answered"] = verdicts(answered)
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
            out.append(f"cell {ex['cell']} (정답 보기): {ex['problem']}")
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
                found.append({"cell": i, "answered": answered_source(cells, i), "error": None})
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
