/**
 * The project's two Jupyter kernels, registered for THIS project only (`npm install`, `npm start`,
 * the tests): .jupyter/kernels/tslab/kernel.json and, when the `deno` package is installed,
 * .jupyter/kernels/deno/kernel.json, which our own Jupyter commands find through JUPYTER_PATH (see
 * paths.ts). Nothing is written to the user's Jupyter folders here (that is `npm run kernel:install`,
 * scripts/cli/kernel-install.ts). The names are the ones `tslab install` and `deno jupyter --install`
 * use, so the notebooks also open where tslab is installed globally. The tslab kernel starts tslab through
 * tslab-kernel.ts (Korean type errors, a line of help under each error); Deno's is Deno's own.
 */
import * as fs from "fs";
import * as path from "path";
import { JUPYTER_DATA, ROOT } from "../paths";

export type KernelName = "tslab" | "deno";

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
}

/** The Deno binary of the project's `deno` package (deno.exe on Windows), or undefined if not installed. */
export function denoBinary(): string | undefined {
  try {
    // the package's own resolver: node_modules/deno/deno(.exe), or the platform package's copy
    const api = require(path.join(ROOT, "node_modules", "deno", "install_api.cjs")) as { runInstall(): string };
    const exe = api.runInstall();
    return fs.existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

/** What the tslab kernel runs: tslab with the project's hooks (scripts/jupyter/tslab-kernel.ts, compiled by `npm run build`). */
export const TSLAB_KERNEL = path.join(ROOT, "build", "scripts", "jupyter", "tslab-kernel.js");

/** The kernel.json of each kernel, started from this project's node_modules; undefined if not installed. */
export function kernelSpec(name: KernelName): KernelSpec | undefined {
  if (name === "tslab") {
    // tslab itself, started by tslab-kernel.ts: Korean type errors, a line of help under each error
    if (!fs.existsSync(path.join(ROOT, "node_modules", "tslab", "bin", "tslab"))) return undefined;
    return {
      argv: [process.execPath, TSLAB_KERNEL, "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript (tslab, nn-lesson)",
      language: "typescript",
    };
  }
  const deno = denoBinary();
  if (!deno) return undefined;
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "TypeScript (Deno, nn-lesson)",
    language: "typescript",
  };
}

export function writeKernel(dir: string, spec: KernelSpec): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "kernel.json");
  fs.writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");
  return file;
}

/** Writes .jupyter/kernels/<name>/kernel.json; returns its path (undefined: that kernel is not installed). */
export function registerKernel(name: KernelName = "tslab"): string | undefined {
  const spec = kernelSpec(name);
  if (!spec) {
    if (name === "tslab") throw new Error("tslab가 설치되지 않았습니다: `npm install`을 먼저 실행하세요 (tslab is not installed: run `npm install`)");
    return undefined;
  }
  return writeKernel(path.join(JUPYTER_DATA, "kernels", name), spec);
}

if (require.main === module) {
  for (const name of ["tslab", "deno"] as const) {
    const file = registerKernel(name);
    console.log(file
      ? `${name} kernel registered for this project: ${path.relative(ROOT, file)}`
      : `${name} kernel not registered: the \`deno\` package is not installed (npm install --omit=dev?)`);
  }
}
