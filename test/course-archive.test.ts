// test tier: slow — builds the course zip and installs it with npm ci --offline
/**
 * The course to take home (scripts/site/course-archive.ts, the site's "강의 전체 내려받기"): the zip is
 * unpacked by another implementation (Python's zipfile) into a temp folder, where it must hold every
 * tracked file of what it ships (git ls-files), the notebooks without outputs, and nothing of the tests;
 * then it must work: `npm ci --offline` there (from the npm cache the machine's own `npm ci` filled — no
 * network here or in CI) installs, builds lib/ and registers the kernels inside the unpacked folder
 * (`prepare`), one notebook runs under that folder's tslab kernel through its own notebook driver, and
 * `npm start -- --browser` serves the lesson's pages from it.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { COURSE_FILES, COURSE_FOLDER, COURSE_FOLDERS, crc32, writeCourseArchive, zip } from "../scripts/site/course-archive";
import { findNotebookPython } from "../scripts/jupyter/jupyter";
import { ROOT } from "../scripts/paths";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "nn-course-"));
const python = findNotebookPython() ?? "python3";

/** Unpacks a zip with Python's zipfile into `dir`. */
function unzip(file: string, dir: string): void {
  const r = spawnSync(python, ["-m", "zipfile", "-e", file, dir], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
}

const walk = (dir: string, rel = ""): string[] => fs.readdirSync(path.join(dir, rel), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(dir, path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]));

test("crc32 and zip: known values, read back by Python's zipfile", () => {
  assert.equal(crc32(Buffer.from("123456789")), 0xcbf43926);
  assert.equal(crc32(Buffer.alloc(0)), 0);
  const file = path.join(work, "small.zip");
  fs.writeFileSync(file, zip([{ name: "a.txt", data: Buffer.from("가나다\n".repeat(50)) }, { name: "b/c.bin", data: Buffer.from([1, 2, 3]) }], "top"));
  const dir = path.join(work, "small");
  unzip(file, dir);
  assert.equal(fs.readFileSync(path.join(dir, "top", "a.txt"), "utf8"), "가나다\n".repeat(50));
  assert.deepEqual([...fs.readFileSync(path.join(dir, "top", "b", "c.bin"))], [1, 2, 3]);
});

const home = path.join(work, "home");
const project = path.join(home, COURSE_FOLDER);
let archiveBytes = 0;

test("the archive holds every tracked file of what it ships, notebooks without outputs, no tests", (ctx) => {
  const r = writeCourseArchive(work);
  archiveBytes = r.bytes;
  ctx.diagnostic(`${path.basename(r.file)}: ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB`);
  const again = writeCourseArchive(path.join(work, "again")).file;
  assert.ok(fs.readFileSync(again).equals(fs.readFileSync(r.file)), "the same sources give the same archive");
  unzip(r.file, home);
  assert.deepEqual(fs.readdirSync(home), [COURSE_FOLDER], "one folder");
  const got = walk(project).sort();
  const git = spawnSync("git", ["ls-files", "--", ...COURSE_FILES, ...COURSE_FOLDERS], { cwd: ROOT, encoding: "utf8" });
  assert.equal(git.status, 0, git.stderr);
  const tracked = git.stdout.split("\n").filter((f) => f && !f.startsWith("scripts/testing/jupyterlab-page/") && fs.existsSync(path.join(ROOT, f)));
  assert.deepEqual(tracked.filter((f) => !got.includes(f)), [], "tracked files missing from the archive");
  assert.deepEqual(got.filter((f) => !tracked.includes(f)), [], "files in the archive that git does not track (local files would ship)");
  for (const f of ["package.json", "package-lock.json", "tsconfig.json", "lib/tsconfig.json", "lib/package.json", "lib/index.ts",
    "scripts/cli/start.ts", "scripts/jupyter/register-kernel.ts", "scripts/jupyter/tslab-kernel.ts", "scripts/cli/kernel-install.ts", "scripts/jupyter/run_notebooks.py",
    "data/lesson.json", "notebooks/00-overview.ipynb", "README.md", "LICENSE"]) {
    assert.ok(got.includes(f), `${f} is in the archive`);
  }
  assert.ok(!got.some((f) => /^(test|test-browser|\.github|\.ci|build|node_modules|lib\/dist)\//.test(f)), "nothing of the tests or built files");
  const notebooks = got.filter((f) => f.endsWith(".ipynb"));
  assert.equal(notebooks.length, fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).length);
  for (const f of notebooks) {
    const nb = JSON.parse(fs.readFileSync(path.join(project, f), "utf8")) as { cells: { cell_type: string; outputs?: unknown[]; execution_count?: unknown }[] };
    for (const c of nb.cells.filter((c) => c.cell_type === "code")) {
      assert.deepEqual([c.outputs, c.execution_count ?? null], [[], null], `${f}: a code cell with outputs`);
    }
  }
  assert.ok(archiveBytes < 2e6, "small enough to download in a moment");
});

/** Runs a command in the unpacked project; resolves with its output, rejects with it on failure. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: project, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}:\n${out.slice(-3000)}`))));
  });
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

test("unpacked: npm ci --offline installs, builds and registers the kernels inside it; a notebook runs; npm start serves the pages", async (ctx) => {
  assert.ok(fs.existsSync(path.join(project, "package.json")), "the archive was unpacked (previous test)");
  const t0 = Date.now();
  await run(npm, ["ci", "--offline", "--no-audit", "--no-fund"]).catch((e: Error) => {
    throw new Error(`npm ci --offline failed: the npm cache needs the project's packages (run \`npm ci\` in the repository once): ${e.message}`);
  });
  ctx.diagnostic(`npm ci --offline in the unpacked project: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  assert.ok(fs.existsSync(path.join(project, "lib", "dist", "index.js")), "prepare built lib/");
  assert.equal(fs.realpathSync(path.join(project, "node_modules", "nn-lesson")), fs.realpathSync(path.join(project, "lib")), "nn-lesson is the unpacked lib/");
  const spec = JSON.parse(fs.readFileSync(path.join(project, ".jupyter", "kernels", "tslab", "kernel.json"), "utf8")) as { argv: string[] };
  assert.equal(spec.argv[1], path.join(project, "build", "scripts", "jupyter", "tslab-kernel.js"), "the kernel is the unpacked project's");
  assert.ok(fs.existsSync(spec.argv[1]));

  const out = await run(process.execPath, ["build/scripts/testing/test-notebooks.js", "--report", "report.json", "notebooks/02-forward.ipynb"]);
  assert.match(out, /1 of 1 notebooks ran without errors/);
  const report = JSON.parse(fs.readFileSync(path.join(project, "report.json"), "utf8"));
  const r = report.notebooks["02-forward.ipynb"];
  assert.equal(r.source, path.join(project, "notebooks", "02-forward.ipynb"));
  assert.deepEqual(r.first, []);
  assert.ok(r.html > 0 && r.stdout.length > 0, "it printed and displayed");

  // npm start without Jupyter's choice: the page runner, served from the unpacked folder
  const child = spawn(npm, ["start", "--", "--browser", "--port", "0"], { cwd: project, stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      const timer = setTimeout(() => reject(new Error(`npm start printed no address:\n${text}`)), 180000);
      const seen = (d: Buffer) => {
        text += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/index\.html)/.exec(text);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      };
      child.stdout.on("data", seen);
      child.stderr.on("data", seen);
      child.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${text}`)));
    });
    const page = await new Promise<string>((resolve, reject) => {
      http.get(url, (res) => { let b = ""; res.setEncoding("utf8"); res.on("data", (d) => (b += d)); res.on("end", () => resolve(b)); }).on("error", reject);
    });
    assert.match(page, /뉴럴 네트워크는 어떻게 배우는가/);
    assert.match(page, /02-forward\.html/);
    assert.ok(fs.existsSync(path.join(project, "build", "site-browser", "assets", "runner", "page.js")), "the page runner was built there");
  } finally {
    try { process.kill(process.platform === "win32" ? child.pid! : -child.pid!, "SIGTERM"); } catch { /* already gone */ }
  }
});

test("clean up", () => {
  fs.rmSync(work, { recursive: true, force: true });
});
