/** `npm run test:notebooks [-- --out DIR] [notebook ...]`: execute every notebook under tslab (see run_notebooks.py). */
import { spawnSync } from "child_process";
import * as path from "path";
import { HOW_TO_GET_JUPYTER, findNotebookPython } from "./jupyter";
import { registerKernel } from "./register-kernel";
import { ROOT, jupyterEnv } from "./paths";

export function runNotebooks(args: string[]): number {
  const py = findNotebookPython();
  if (!py) {
    console.error(HOW_TO_GET_JUPYTER);
    return 1;
  }
  registerKernel();
  const r = spawnSync(py, [path.join(ROOT, "scripts", "run_notebooks.py"), ...args], { stdio: "inherit", env: jupyterEnv() });
  return r.status ?? 1;
}

if (require.main === module) process.exit(runNotebooks(process.argv.slice(2)));
