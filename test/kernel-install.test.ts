// test tier: slow — installs the kernels into a temporary HOME and runs a notebook
/**
 * `npm run kernel:install` / `kernel:uninstall` (scripts/cli/kernel-install.ts) in a temporary HOME: the
 * kernel lands where Jupyter looks without JUPYTER_PATH (`jupyter kernelspec list`), a notebook runs
 * with it, and uninstalling leaves the HOME exactly as it was; a kernel it did not install is left
 * alone. Also where Jupyter's data folder is on macOS and Windows, and how Python is looked for there
 * (computed, not run: nothing here runs Windows or macOS).
 */
import { after, test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  defaultJupyterDataDir, findNotebookPython, pythonCandidates, quoteForCmd,
} from "../scripts/jupyter/jupyter";
import { MARKER, vscodeDataDir, vscodeNote } from "../scripts/jupyter/user-kernel";
import { NOTEBOOKS, ROOT } from "../scripts/paths";

const SCRIPT = path.join(ROOT, "build", "scripts", "cli", "kernel-install.js");
const DRIVER = path.join(ROOT, "scripts", "jupyter", "run_notebooks.py");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "nn-lesson-kernel-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A learner's environment with HOME (and optionally XDG_DATA_HOME / JUPYTER_DATA_DIR) in the scratch folder, no JUPYTER_PATH. */
function learnerEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, JUPYTER_RUNTIME_DIR: path.join(scratch, "runtime"), ...extra };
  for (const k of ["JUPYTER_PATH", "JUPYTER_DATA_DIR", "XDG_DATA_HOME", "JUPYTER_CONFIG_DIR"]) if (!(k in extra)) delete env[k];
  return env;
}

/**
 * A learner's HOME with a file of their own, where Jupyter has already run once (its first runs make
 * ~/.ipython, then migrate it into ~/.jupyter/migrated), so that what is left after uninstalling can
 * be compared with what was there before installing. Made once, copied for each test.
 */
let template: string | undefined;
function newHome(name: string, extra: (home: string) => Record<string, string> = () => ({})): string {
  if (!template) {
    template = path.join(scratch, "template-home");
    fs.mkdirSync(path.join(template, "Documents"), { recursive: true });
    fs.writeFileSync(path.join(template, "Documents", "notes.txt"), "mine\n");
    const env = learnerEnv(template);
    for (let i = 0, was = ""; i < 4 && was !== tree(template).join(); i++) {
      was = tree(template).join();
      kernelspecs(env);
    }
  }
  const home = path.join(scratch, name);
  fs.cpSync(template, home, { recursive: true });
  kernelspecs(learnerEnv(home, extra(home))); // Jupyter's data folder under XDG_DATA_HOME / JUPYTER_DATA_DIR, if set
  return home;
}

/** Every file and folder under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p) + (e.isDirectory() ? "/" : ""));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

function kernelScript(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8", env });
}

/** `jupyter kernelspec list --json` as the learner would run it: name -> resource folder. */
function kernelspecs(env: NodeJS.ProcessEnv): Record<string, string> {
  const r = spawnSync("jupyter", ["kernelspec", "list", "--json"], { encoding: "utf8", env });
  assert.ok(!r.error, `jupyter not found: ${r.error?.message}`);
  assert.equal(r.status, 0, `jupyter kernelspec list failed (Debian: apt-get install jupyter-client): ${r.stderr}`);
  const specs = JSON.parse(r.stdout).kernelspecs as Record<string, { resource_dir: string }>;
  return Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, v.resource_dir]));
}

/** Runs one notebook with the kernel `name` through the project's driver, without JUPYTER_PATH. */
function runNotebook(env: NodeJS.ProcessEnv, kernel: string, notebook: string): { first: string[]; again: string[]; kernel: string } {
  const py = findNotebookPython();
  assert.ok(py, "no Python with nbclient");
  const report = path.join(scratch, `report-${kernel}.json`);
  const r = spawnSync(py!, [DRIVER, "--kernel", kernel, "--report", report, path.join(NOTEBOOKS, notebook)], { encoding: "utf8", env });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return JSON.parse(fs.readFileSync(report, "utf8")).notebooks[notebook];
}

test("kernel:install puts tslab in the user's Jupyter; a notebook runs with it; kernel:uninstall leaves HOME as it was", () => {
  const home = newHome("home-plain");
  const env = learnerEnv(home);
  const before = tree(home);
  assert.equal(kernelspecs(env).tslab, undefined, "no tslab kernel before (else this test proves nothing)");

  const r = kernelScript(["install"], env);
  assert.equal(r.status, 0, r.stderr);
  const dir = path.join(home, ".local", "share", "jupyter", "kernels", "tslab");
  assert.match(r.stdout, /tslab 커널을 이 사용자의 Jupyter에 등록했습니다/);
  assert.ok(r.stdout.includes(dir), r.stdout);
  assert.match(r.stdout, /jupyter --data-dir/);
  const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"));
  const kernelJs = path.join(ROOT, "build", "scripts", "jupyter", "tslab-kernel.js");
  assert.deepEqual(spec.argv.slice(1), [kernelJs, "kernel", "--config-path", "{connection_file}"]);
  assert.ok(fs.existsSync(path.join(dir, MARKER)));

  assert.equal(kernelspecs(env).tslab, dir, "jupyter kernelspec list finds it without JUPYTER_PATH");
  const run = runNotebook(env, "tslab", "02-forward.ipynb");
  assert.equal(run.kernel, "tslab");
  assert.deepEqual([...run.first, ...run.again], []);

  const again = kernelScript(["install"], env);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /다시 등록했습니다/, "installing twice refreshes its own kernel");

  const u = kernelScript(["uninstall"], env);
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stdout, /tslab 커널을 지웠습니다/);
  assert.equal(kernelspecs(env).tslab, undefined);
  assert.deepEqual(tree(home), before, "nothing left behind, nothing of the learner's removed");
  const none = kernelScript(["uninstall"], env);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /지울 tslab 커널이 없습니다/);
});

test("kernel:install honours XDG_DATA_HOME and JUPYTER_DATA_DIR as Jupyter does", () => {
  for (const [name, extra, expect] of [
    ["home-xdg", (h: string) => ({ XDG_DATA_HOME: path.join(h, "xdg") }), (h: string) => path.join(h, "xdg", "jupyter", "kernels", "tslab")],
    ["home-jdd", (h: string) => ({ JUPYTER_DATA_DIR: path.join(h, "jd") }), (h: string) => path.join(h, "jd", "kernels", "tslab")],
  ] as const) {
    const home = newHome(name, extra);
    const env = learnerEnv(home, extra(home));
    const before = tree(home);
    const installed = kernelScript(["install"], env);
    assert.equal(installed.status, 0);
    assert.equal(kernelspecs(env).tslab, expect(home), name);
    // VS Code reads neither variable: the learner is told where it looks
    assert.match(installed.stdout, new RegExp(`VS Code는 이 폴더를 읽지 않고 ${path.join(home, ".local", "share", "jupyter").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}만`), name);
    assert.equal(kernelScript(["uninstall"], env).status, 0);
    assert.deepEqual(tree(home), before, name);
  }
});

test("a tslab kernel it did not install is reported and left alone, by install and by uninstall", () => {
  const home = newHome("home-global-tslab");
  const env = learnerEnv(home);
  const dir = path.join(home, ".local", "share", "jupyter", "kernels", "tslab");
  fs.mkdirSync(dir, { recursive: true });
  const theirs = JSON.stringify({ argv: ["tslab", "kernel", "--config-path", "{connection_file}"], display_name: "TypeScript", language: "typescript" });
  fs.writeFileSync(path.join(dir, "kernel.json"), theirs);
  const before = tree(home);

  const r = kernelScript(["install"], env);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /이 프로젝트가 설치한 것이 아니라 그대로 둡니다/);
  assert.equal(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"), theirs);
  const u = kernelScript(["uninstall"], env);
  assert.equal(u.status, 1);
  assert.equal(u.stderr.trim().split("\n").length, 1, u.stderr);
  assert.match(u.stderr, /지우지 않습니다/);
  assert.deepEqual(tree(home), before);
  assert.equal(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"), theirs);
});

test("kernel:install -- --deno: Deno's kernel for the user, a notebook runs with it, uninstall removes it", () => {
  const home = newHome("home-deno");
  const env = learnerEnv(home);
  const before = tree(home);
  const r = kernelScript(["install", "--deno"], env);
  assert.equal(r.status, 0, r.stderr);
  const dir = path.join(home, ".local", "share", "jupyter", "kernels", "deno");
  assert.equal(kernelspecs(env).deno, dir);
  const spec = JSON.parse(fs.readFileSync(path.join(dir, "kernel.json"), "utf8"));
  assert.deepEqual(spec.argv.slice(1), ["jupyter", "--kernel", "--conn", "{connection_file}"]);
  // Deno's own cache (DENO_DIR, ~/.cache/deno by default) is the runtime's, not the installer's: kept apart here
  const run = runNotebook({ ...env, DENO_DIR: path.join(scratch, "deno-cache") }, "deno", "00-overview.ipynb");
  assert.equal(run.kernel, "deno");
  assert.deepEqual([...run.first, ...run.again], []);
  assert.equal(kernelScript(["uninstall", "--deno"], env).status, 0);
  assert.deepEqual(tree(home), before);
});

test("kernel:install with a wrong argument: one line, exit 2", () => {
  for (const args of [[], ["instal"], ["install", "--dno"], ["install", "extra"]]) {
    const r = kernelScript(args, learnerEnv(path.join(scratch, "home-args")));
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /사용법 usage: npm run kernel:install/);
  }
});

test("Jupyter's user data folder when no Jupyter answers: as jupyter_core computes it on each platform", () => {
  assert.equal(defaultJupyterDataDir("linux", {}, "/home/홍길동"), "/home/홍길동/.local/share/jupyter");
  assert.equal(defaultJupyterDataDir("linux", { XDG_DATA_HOME: "/x" }, "/home/a"), "/x/jupyter");
  assert.equal(defaultJupyterDataDir("darwin", {}, "/Users/a"), "/Users/a/Library/Jupyter");
  assert.equal(defaultJupyterDataDir("win32", { APPDATA: "C:\\Users\\홍 길동\\AppData\\Roaming" }, "C:\\Users\\홍 길동"),
    "C:\\Users\\홍 길동\\AppData\\Roaming\\jupyter");
  assert.equal(defaultJupyterDataDir("win32", { JUPYTER_DATA_DIR: "D:\\j" }, "C:\\Users\\a"), "D:\\j");
});

test("Python is looked for through `py -3` and `python` on Windows; NN_LESSON_PYTHON alone when set", () => {
  assert.deepEqual(pythonCandidates("win32", {}).map((c) => [c.cmd, ...c.args].join(" ")), ["py -3", "python", "python3"]);
  assert.deepEqual(pythonCandidates("linux", {}).map((c) => c.cmd), ["python3", "/usr/bin/python3", "python"]);
  assert.deepEqual(pythonCandidates("darwin", { NN_LESSON_PYTHON: "/opt/py" }).map((c) => c.cmd), ["/opt/py"]);
});

test("arguments for cmd.exe (Windows .cmd launchers) are quoted where they hold spaces or cmd's specials", () => {
  assert.equal(quoteForCmd("lab"), "lab");
  assert.equal(quoteForCmd("C:\\Users\\홍 길동\\수업 폴더\\notebooks"), '"C:\\Users\\홍 길동\\수업 폴더\\notebooks"');
  assert.equal(quoteForCmd("--notebook-dir=C:\\a b\\"), '"--notebook-dir=C:\\a b\\\\"');
  assert.equal(quoteForCmd('say "hi"'), '"say \\"hi\\""');
  assert.equal(quoteForCmd("a&b"), '"a&b"');
  assert.equal(quoteForCmd(""), '""');
});

test("the folder VS Code reads kernels from, per platform, and the note when the kernel went elsewhere", () => {
  assert.equal(vscodeDataDir("linux", "/home/a"), "/home/a/.local/share/jupyter");
  assert.equal(vscodeDataDir("darwin", "/Users/a"), "/Users/a/Library/Jupyter");
  assert.equal(vscodeDataDir("win32", "C:\\Users\\a"), "C:\\Users\\a\\AppData\\Roaming\\jupyter");
  assert.equal(vscodeNote("/home/a/.local/share/jupyter", "linux", "/home/a"), undefined);
  assert.equal(vscodeNote("/home/a/.local/share/jupyter/", "linux", "/home/a"), undefined);
  // VS Code from snap: its terminal's XDG_DATA_HOME is the snap's folder, which Jupyter (and so kernel:install) follows
  assert.match(vscodeNote("/home/a/snap/code/179/.local/share/jupyter", "linux", "/home/a")!, /^참고: VS Code는 이 폴더를 읽지 않고 \/home\/a\/\.local\/share\/jupyter만/);
  assert.equal(vscodeNote("C:\\Users\\a\\AppData\\Roaming\\jupyter", "win32", "C:\\Users\\a"), undefined);
});
