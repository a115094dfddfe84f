/** `npm start`: opens the lesson in Jupyter (JupyterLab where installed, else classic Notebook) with this project's tslab kernel. */
import { spawn } from "child_process";
import { registerKernel } from "./register-kernel";
import { HOW_TO_GET_JUPYTER, findJupyter } from "./jupyter";
import { NOTEBOOKS, jupyterEnv } from "./paths";

const jupyter = findJupyter();
if (!jupyter) {
  console.error(HOW_TO_GET_JUPYTER);
  process.exit(1);
}
registerKernel();
const args = [...jupyter.args, `--notebook-dir=${NOTEBOOKS}`, ...process.argv.slice(2)];
// Jupyter refuses to run as root (common in containers) unless told to.
if (process.getuid?.() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
console.log(`${jupyter.what}: ${jupyter.cmd} ${args.join(" ")}`);
const child = spawn(jupyter.cmd, args, { stdio: "inherit", env: jupyterEnv() });
child.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
