/** `npm start`: opens the lesson in Jupyter (JupyterLab where installed, else classic Notebook) with this project's tslab kernel. */
import { registerKernel } from "./register-kernel";
import { HOW_TO_GET_JUPYTER, findJupyter, start } from "./jupyter";
import { NOTEBOOKS, jupyterEnv } from "./paths";

const jupyter = findJupyter();
if (!jupyter) {
  console.error(HOW_TO_GET_JUPYTER);
  process.exit(1);
}
registerKernel("tslab");
registerKernel("deno"); // also offered in the kernel list when the deno package is installed
const args = [...jupyter.args, `--notebook-dir=${NOTEBOOKS}`, ...process.argv.slice(2)];
// Jupyter refuses to run as root (common in containers) unless told to.
if (process.getuid?.() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
console.log(`${jupyter.what}: ${jupyter.cmd} ${args.join(" ")}`);
// on Windows, jupyter-lab may be a .cmd file: start() goes through cmd.exe there, arguments quoted
const child = start(jupyter.cmd, args, { stdio: "inherit", env: jupyterEnv() });
child.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
