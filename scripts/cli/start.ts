/**
 * `npm start`: opens the lesson in Jupyter (JupyterLab where installed, else classic Notebook) with this
 * project's tslab kernel. Without Jupyter, or with `npm start -- --browser`, it serves the lesson's pages
 * with the page runner instead: every cell runs in the browser, Node alone is enough.
 */
import { registerKernel } from "../jupyter/register-kernel";
import { HOW_TO_GET_JUPYTER, findJupyter, start } from "../jupyter/jupyter";
import { NOTEBOOKS, jupyterEnv } from "../paths";
import { startBrowser } from "../site/serve-site";

const argv = process.argv.slice(2);
const browserMode = argv.includes("--browser");
const portAt = argv.indexOf("--port");
const port = portAt >= 0 ? Number(argv[portAt + 1]) : 8765;
const jupyter = browserMode ? undefined : findJupyter();

if (!jupyter) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`start: --port 다음에는 0…65535의 정수가 필요합니다 / --port needs a whole number 0…65535, got ${argv[portAt + 1]}`);
    process.exit(1);
  }
  const why = browserMode
    ? "브라우저 실행기로 엽니다 (--browser) / opening the lesson with the page runner"
    : `${HOW_TO_GET_JUPYTER} → 지금은 브라우저 실행기로 엽니다: 셀은 브라우저에서 실행되고, Jupyter를 설치하면 tslab 커널로 실행할 수 있습니다 ` +
      "(the lesson opens with the page runner; install Jupyter for the full tslab kernel)";
  startBrowser(port, why).catch((e) => {
    console.error(`start: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    process.exit(1);
  });
} else {
  registerKernel("tslab");
  registerKernel("deno"); // also offered in the kernel list when the deno package is installed
  const args = [...jupyter.args, `--notebook-dir=${NOTEBOOKS}`, ...argv];
  // Jupyter refuses to run as root (common in containers) unless told to.
  if (process.getuid?.() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
  console.log(`${jupyter.what}: ${jupyter.cmd} ${args.join(" ")}`);
  // on Windows, jupyter-lab may be a .cmd file: start() goes through cmd.exe there, arguments quoted
  const child = start(jupyter.cmd, args, { stdio: "inherit", env: jupyterEnv() });
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
}
