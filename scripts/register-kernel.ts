/**
 * Registers the tslab kernel for THIS project only: writes .jupyter/kernels/tslab/kernel.json,
 * which our own Jupyter commands find through JUPYTER_PATH (see paths.ts). Nothing is written
 * to the user's global Jupyter folders. The kernel's name is "tslab", the name `tslab install`
 * uses, so the notebooks also open where tslab is installed globally.
 */
import * as fs from "fs";
import * as path from "path";
import { JUPYTER_DATA, ROOT } from "./paths";

export function registerKernel(): string {
  const dir = path.join(JUPYTER_DATA, "kernels", "tslab");
  fs.mkdirSync(dir, { recursive: true });
  const tslab = path.join(ROOT, "node_modules", "tslab", "bin", "tslab");
  const spec = {
    argv: [process.execPath, tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (tslab, nn-lesson)",
    language: "typescript",
  };
  const file = path.join(dir, "kernel.json");
  fs.writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");
  return file;
}

if (require.main === module) {
  console.log(`tslab kernel registered for this project: ${path.relative(ROOT, registerKernel())}`);
}
