import { test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

const node = process.execPath;

test("the tslab and Deno kernels are registered inside the project, started from the project's node_modules", () => {
  const r = spawnSync(node, [path.join(ROOT, "build", "scripts", "jupyter", "register-kernel.js")], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const spec = JSON.parse(fs.readFileSync(path.join(ROOT, ".jupyter", "kernels", "tslab", "kernel.json"), "utf8"));
  assert.equal(spec.language, "typescript");
  // tslab, started by scripts/jupyter/tslab-kernel.ts (Korean type errors, a line of help under each error)
  assert.equal(spec.argv[1], path.join(ROOT, "build", "scripts", "jupyter", "tslab-kernel.js"));
  assert.ok(fs.existsSync(spec.argv[1]));
  assert.deepEqual(spec.argv.slice(2), ["kernel", "--config-path", "{connection_file}"]);
  const deno = JSON.parse(fs.readFileSync(path.join(ROOT, ".jupyter", "kernels", "deno", "kernel.json"), "utf8"));
  assert.ok(deno.argv[0].startsWith(path.join(ROOT, "node_modules") + path.sep), deno.argv[0]);
  assert.ok(fs.existsSync(deno.argv[0]));
  assert.deepEqual(deno.argv.slice(1), ["jupyter", "--kernel", "--conn", "{connection_file}"]);
});

test("npm scripts use no POSIX-shell syntax (they run in cmd.exe on Windows)", () => {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  for (const [name, cmd] of Object.entries(scripts)) {
    // quotes, variables, VAR=value prefixes, ; | > < redirection, globs, backslashes, POSIX-only commands
    assert.doesNotMatch(cmd, /['"$`;|<>*\\]|(^|\s)[A-Z_]+=|(^|\s)(rm|cp|mv|mkdir|cat|export|test)\s/, `npm script ${name}: ${cmd}`);
  }
});

test("Jupyter (when installed) finds that kernel through JUPYTER_PATH only", (t) => {
  const { jupyterEnv } = require(path.join(ROOT, "build", "scripts", "paths.js"));
  const { findNotebookPython } = require(path.join(ROOT, "build", "scripts", "jupyter", "jupyter.js"));
  const py: string | undefined = findNotebookPython();
  if (!py) {
    t.skip("jupyter_client is not installed here");
    return;
  }
  const code = "import json; from jupyter_client.kernelspec import KernelSpecManager as M; print(json.dumps(M().get_all_specs()))";
  const r = spawnSync(py, ["-c", code], { encoding: "utf8", env: jupyterEnv() });
  assert.equal(r.status, 0, r.stderr);
  const specs = JSON.parse(r.stdout);
  assert.equal(specs.tslab.resource_dir, path.join(ROOT, ".jupyter", "kernels", "tslab"));
});
