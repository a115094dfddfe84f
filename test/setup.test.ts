import { test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";

const node = process.execPath;

test("the tslab kernel is registered inside the project, named tslab, started with the project's tslab", () => {
  const r = spawnSync(node, [path.join(ROOT, "build", "scripts", "register-kernel.js")], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const spec = JSON.parse(fs.readFileSync(path.join(ROOT, ".jupyter", "kernels", "tslab", "kernel.json"), "utf8"));
  assert.equal(spec.language, "typescript");
  assert.equal(spec.argv[1], path.join(ROOT, "node_modules", "tslab", "bin", "tslab"));
  assert.ok(fs.existsSync(spec.argv[1]));
  assert.deepEqual(spec.argv.slice(2), ["kernel", "--config-path", "{connection_file}"]);
});

test("Jupyter (when installed) finds that kernel through JUPYTER_PATH only", (t) => {
  const { jupyterEnv } = require(path.join(ROOT, "build", "scripts", "paths.js"));
  const { findNotebookPython } = require(path.join(ROOT, "build", "scripts", "jupyter.js"));
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
