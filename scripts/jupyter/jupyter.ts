/**
 * Finding Python and Jupyter on this machine (Linux, macOS and Windows), and Jupyter's own folders.
 *
 * Windows (written for it, not run here): Python may be reached only through the `py` launcher
 * (`py -3`), or as `python`; `python3` may be the Microsoft Store stub, which exits with an error,
 * so each candidate is tried by running it. `jupyter`, `jupyter-lab` and `jupyter-notebook` are
 * .exe files (pip) or .cmd/.bat files (some conda set-ups); Node starts .cmd/.bat files only
 * through a shell, so on win32 they are started with `shell: true` and quoted arguments.
 */
import { SpawnOptions, SpawnSyncOptions, SpawnSyncReturns, spawn, spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";

const WIN = process.platform === "win32";

/** A command line argument quoted for cmd.exe (used only with `shell: true` on Windows). */
export function quoteForCmd(arg: string): string {
  if (arg !== "" && !/[\s"&|<>^%()!,;=]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, "$1$1")}"`;
}

/** spawnSync that also starts .cmd/.bat programs on Windows (through cmd.exe, arguments quoted). */
export function runSync(cmd: string, args: string[], opts: SpawnSyncOptions = {}): SpawnSyncReturns<string> {
  if (WIN) return spawnSync([cmd, ...args].map(quoteForCmd).join(" "), { encoding: "utf8", ...opts, shell: true }) as SpawnSyncReturns<string>;
  return spawnSync(cmd, args, { encoding: "utf8", ...opts }) as SpawnSyncReturns<string>;
}

/** spawn that also starts .cmd/.bat programs on Windows (through cmd.exe, arguments quoted). */
export function start(cmd: string, args: string[], opts: SpawnOptions = {}) {
  if (WIN) return spawn([cmd, ...args].map(quoteForCmd).join(" "), { ...opts, shell: true });
  return spawn(cmd, args, opts);
}

function works(cmd: string, args: string[]): boolean {
  const r = runSync(cmd, args, { stdio: "ignore", timeout: 60000 });
  return r.status === 0;
}

/** The ways to start Python 3 here, most specific first (`py -3` only on Windows); NN_LESSON_PYTHON alone when set. */
export function pythonCandidates(platform = process.platform, env = process.env): { cmd: string; args: string[] }[] {
  const out: { cmd: string; args: string[] }[] = [];
  if (env.NN_LESSON_PYTHON) {
    out.push({ cmd: env.NN_LESSON_PYTHON, args: [] });
  } else if (platform === "win32") {
    out.push({ cmd: "py", args: ["-3"] }, { cmd: "python", args: [] }, { cmd: "python3", args: [] });
  } else {
    // Debian's Jupyter packages belong to /usr/bin/python3, which is not always the python3 first on PATH
    out.push({ cmd: "python3", args: [] }, { cmd: "/usr/bin/python3", args: [] }, { cmd: "python", args: [] });
  }
  return out;
}

/** The executable of the first Python that can `import <modules>`, as an absolute path. */
export function findPython(modules: string): string | undefined {
  for (const c of pythonCandidates()) {
    const r = runSync(c.cmd, [...c.args, "-c", `import ${modules}; import sys; print(sys.executable)`], { timeout: 60000 });
    const exe = r.status === 0 ? r.stdout.trim().split(/\r?\n/).pop() : undefined;
    if (exe) return exe;
  }
  return undefined;
}

/** A Python that can run notebooks (has nbclient), as an absolute path to its executable. */
export function findNotebookPython(): string | undefined {
  return findPython("nbclient, nbformat");
}

/**
 * How to start Jupyter: JupyterLab if installed, else classic Notebook; the `jupyter-lab`/`jupyter`
 * programs first, then `python -m jupyter …` of a Python that has it (Windows without Scripts on PATH).
 */
export function findJupyter(): { cmd: string; args: string[]; what: string } | undefined {
  const options: { cmd: string; args: string[]; what: string }[] = [
    { cmd: "jupyter-lab", args: [], what: "JupyterLab" },
    { cmd: "jupyter", args: ["lab"], what: "JupyterLab" },
    { cmd: "jupyter-notebook", args: [], what: "Jupyter Notebook" },
    { cmd: "jupyter", args: ["notebook"], what: "Jupyter Notebook" },
  ];
  const found = options.find((o) => works(o.cmd, [...o.args, "--version"]));
  if (found) return found;
  for (const [mod, what, sub] of [["jupyterlab", "JupyterLab", "lab"], ["notebook", "Jupyter Notebook", "notebook"]] as const) {
    const py = findPython(mod);
    if (py) return { cmd: py, args: ["-m", "jupyter", sub], what };
  }
  return undefined;
}

export const HOW_TO_GET_JUPYTER =
  "Jupyter를 찾지 못했습니다 (Jupyter not found). 설치: `pip install jupyterlab` (Windows: `py -3 -m pip install jupyterlab`, 또는 Anaconda)  또는 Debian/Ubuntu: `sudo apt-get install jupyter-notebook python3-nbclient jupyter-nbconvert`";

/**
 * Jupyter's user data folder as jupyter_core computes it when no Jupyter is at hand to ask
 * (`jupyter --data-dir`): JUPYTER_DATA_DIR; else macOS ~/Library/Jupyter; Windows %APPDATA%\jupyter;
 * elsewhere $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter.
 */
export function defaultJupyterDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  const p = platform === "win32" ? path.win32 : path.posix;
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === "darwin") return p.join(home, "Library", "Jupyter");
  if (platform === "win32") return env.APPDATA ? p.join(env.APPDATA, "jupyter") : p.join(home, ".jupyter", "data");
  return p.join(env.XDG_DATA_HOME || p.join(home, ".local", "share"), "jupyter");
}

/**
 * Where VS Code, JupyterLab and `jupyter notebook` look for the user's kernels without any
 * environment variable: `jupyter --data-dir` (or `python -m jupyter --data-dir`) when Jupyter is
 * installed, else the platform default above. `how` says which.
 */
export function jupyterDataDir(env: NodeJS.ProcessEnv = process.env): { dir: string; how: string } {
  const ask = (cmd: string, args: string[]) => {
    const r = runSync(cmd, [...args, "--data-dir"], { env, timeout: 60000 });
    const dir = r.status === 0 ? r.stdout.trim().split(/\r?\n/).pop() : undefined;
    return dir && path.isAbsolute(dir) ? dir : undefined;
  };
  const direct = ask("jupyter", []);
  if (direct) return { dir: direct, how: "jupyter --data-dir" };
  const py = findPython("jupyter_core");
  const viaPython = py && ask(py, ["-m", "jupyter"]);
  if (viaPython) return { dir: viaPython, how: `${py} -m jupyter --data-dir` };
  return { dir: defaultJupyterDataDir(process.platform, env), how: "the platform default (Jupyter not found)" };
}
