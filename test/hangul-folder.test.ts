// test tier: slow — npm ci into a copy of the project, then a notebook
/**
 * A learner's copy of the project in a folder whose name has Hangul and a space (`수업 폴더`, like
 * C:\Users\홍길동\수업 폴더 on Windows): `npm ci` there installs, builds lib/ and registers the kernels
 * (`prepare`), and notebook 02 runs with that copy's tslab kernel. The copy is the project's files as
 * git lists them (committed or not, without what .gitignore leaves out), taken from this work tree.
 */
import { after, test } from "node:test";
import * as assert from "assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findNotebookPython, runSync } from "../scripts/jupyter/jupyter";
import { ROOT } from "../scripts/paths";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "nn-lesson-hangul-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test("a copy in '수업 폴더' installs with npm ci (build and kernel registration) and runs notebook 02", () => {
  const copy = path.join(scratch, "수업 폴더", "nn-lesson");
  const files = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(files.status, 0, `git ls-files: ${files.stderr}`);
  for (const f of files.stdout.split("\0").filter(Boolean)) {
    if (!fs.existsSync(path.join(ROOT, f))) continue; // deleted in the work tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(copy, f));
  }

  const t = Date.now();
  const ci = runSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: copy });
  assert.equal(ci.status, 0, `npm ci in ${copy}:\n${ci.stdout}\n${ci.stderr}`);
  console.log(`# npm ci in '수업 폴더': ${((Date.now() - t) / 1000).toFixed(1)} s`);
  assert.ok(fs.existsSync(path.join(copy, "lib", "dist", "index.js")), "prepare built lib/");
  const spec = JSON.parse(fs.readFileSync(path.join(copy, ".jupyter", "kernels", "tslab", "kernel.json"), "utf8"));
  assert.equal(spec.argv[1], path.join(copy, "build", "scripts", "jupyter", "tslab-kernel.js"));
  assert.ok(fs.existsSync(spec.argv[1]), "prepare built the kernel's launcher");
  assert.ok(fs.existsSync(path.join(copy, ".jupyter", "kernels", "deno", "kernel.json")));

  const py = findNotebookPython();
  assert.ok(py, "no Python with nbclient");
  const report = path.join(scratch, "report.json");
  const run = spawnSync(py!, [path.join(copy, "scripts", "jupyter", "run_notebooks.py"), "--report", report, path.join(copy, "notebooks", "02-forward.ipynb")],
    { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(copy, ".jupyter") } });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const r = JSON.parse(fs.readFileSync(report, "utf8")).notebooks["02-forward.ipynb"];
  assert.equal(r.source, path.join(copy, "notebooks", "02-forward.ipynb"));
  assert.deepEqual([...r.first, ...r.again], []);
  assert.ok(r.html > 0, "tables, plots and checks were displayed");
});
