/**
 * `npm run kernel:install [-- --deno]` / `npm run kernel:uninstall [-- --deno]`: the project's tslab (or
 * Deno) kernel in the current user's Jupyter data folder, or out of it again (scripts/jupyter/user-kernel.ts).
 */
import { parseArgs } from "util";
import { jupyterDataDir } from "../jupyter/jupyter";
import { KernelName } from "../jupyter/register-kernel";
import { install, uninstall, vscodeNote } from "../jupyter/user-kernel";

function main(argv: string[]): number {
  const usage = "사용법 usage: npm run kernel:install [-- --deno] | npm run kernel:uninstall [-- --deno]";
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { deno: { type: "boolean", default: false } } });
  } catch (e) {
    console.error(`kernel: ${(e as Error).message} (${usage})`);
    return 2;
  }
  const [action, ...rest] = parsed.positionals;
  if ((action !== "install" && action !== "uninstall") || rest.length) {
    console.error(`kernel: install 또는 uninstall이 필요합니다 (${usage})`);
    return 2;
  }
  const name: KernelName = parsed.values.deno ? "deno" : "tslab";
  const { dir, how } = jupyterDataDir();
  const r = (action === "install" ? install : uninstall)(name, dir);
  (r.code === 0 ? console.log : console.error)(r.message);
  if (r.code === 0) console.log(`  Jupyter data folder: ${dir} (${how})`);
  const note = action === "install" && r.code === 0 ? vscodeNote(dir) : undefined;
  if (note) console.log(note);
  return r.code;
}

process.exit(main(process.argv.slice(2)));
