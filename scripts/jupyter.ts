/** Finding Jupyter on this machine. */
import { spawnSync } from "child_process";

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
}

/**
 * A Python that can run notebooks (has nbclient). Debian's packages belong to /usr/bin/python3,
 * which is not always the python3 first on PATH, so both are tried.
 */
export function findNotebookPython(): string | undefined {
  const candidates = [process.env.NN_LESSON_PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean) as string[];
  return candidates.find((py) => works(py, ["-c", "import nbclient, nbformat"]));
}

/** How to start Jupyter: JupyterLab if installed, else classic Notebook. */
export function findJupyter(): { cmd: string; args: string[]; what: string } | undefined {
  const options: { cmd: string; args: string[]; what: string }[] = [
    { cmd: "jupyter-lab", args: [], what: "JupyterLab" },
    { cmd: "jupyter", args: ["lab"], what: "JupyterLab" },
    { cmd: "jupyter-notebook", args: [], what: "Jupyter Notebook" },
    { cmd: "jupyter", args: ["notebook"], what: "Jupyter Notebook" },
  ];
  return options.find((o) => works(o.cmd, [...o.args, "--version"]));
}

export const HOW_TO_GET_JUPYTER =
  "Jupyter를 찾지 못했습니다 (Jupyter not found). 설치: `pip install jupyterlab`  또는 Debian/Ubuntu: `sudo apt-get install jupyter-notebook python3-nbclient jupyter-nbconvert`";
