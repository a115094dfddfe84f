/**
 * The JupyterLab test page: JupyterLab 4's output area, renderers and HTML sanitizer (npm packages
 * @jupyterlab/outputarea, -rendermime, -apputils), bundled by esbuild from scripts/testing/jupyterlab-page/
 * into build/jupyterlab-page/ and opened from file:// by test-browser/jupyterlab.test.ts.
 *
 * Those packages are pinned in scripts/testing/jupyterlab-page/package.json (+ its lock) and installed with
 * `npm ci` into build/jupyterlab-page-deps/, not into the project's node_modules: they bring
 * @types/react, and tslab type-checks every notebook cell with all of node_modules/@types, so a
 * learner's kernel would start slower. Both the install and the bundle are reused while the lock,
 * the entry and its stylesheet are unchanged.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../paths";

export const JUPYTERLAB_PAGE_SOURCE = path.join(ROOT, "scripts", "testing", "jupyterlab-page");
export const JUPYTERLAB_PAGE = path.join(ROOT, "build", "jupyterlab-page");
export const JUPYTERLAB_PAGE_DEPS = path.join(ROOT, "build", "jupyterlab-page-deps");

/** The packages whose code or styles end up in the bundle (their versions are reported). */
const BUNDLED = ["@jupyterlab/outputarea", "@jupyterlab/rendermime", "@jupyterlab/apputils", "@jupyterlab/theme-light-extension", "@lumino/widgets", "marked"];

function version(pkg: string, from: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [from] }), "utf8")) as { version: string }).version;
}

/** `npm ci` of scripts/testing/jupyterlab-page/package.json into build/jupyterlab-page-deps/, unless done with the same lock. */
function installDeps(): boolean {
  const lock = fs.readFileSync(path.join(JUPYTERLAB_PAGE_SOURCE, "package-lock.json"), "utf8");
  // a copy of the lock written once the install is complete
  const installedLock = path.join(JUPYTERLAB_PAGE_DEPS, "installed-lock.json");
  if (fs.existsSync(installedLock) && fs.readFileSync(installedLock, "utf8") === lock) {
    return false;
  }
  fs.rmSync(JUPYTERLAB_PAGE_DEPS, { recursive: true, force: true });
  fs.mkdirSync(JUPYTERLAB_PAGE_DEPS, { recursive: true });
  for (const f of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(JUPYTERLAB_PAGE_SOURCE, f), path.join(JUPYTERLAB_PAGE_DEPS, f));
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: JUPYTERLAB_PAGE_DEPS, encoding: "utf8", shell: process.platform === "win32",
  });
  if (r.status !== 0) {
    throw new Error(`npm ci in ${path.relative(ROOT, JUPYTERLAB_PAGE_DEPS)} failed: ${(r.stderr || r.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  }
  fs.writeFileSync(installedLock, lock);
  return true;
}

const HTML = `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>JupyterLab output area (test page)</title>
<link rel="stylesheet" href="page.css">
<script src="page.js"></script>
</head>
<body class="jp-ThemedContainer">
<div id="banner"></div>
<main id="notebook"></main>
</body>
</html>
`;

export interface JupyterLabPage { dir: string; index: string; installed: boolean; built: boolean; seconds: number; versions: Record<string, string> }

/** Installs the page's packages and builds the page, unless up-to-date ones are in build/. */
export async function jupyterLabPage(): Promise<JupyterLabPage> {
  const started = Date.now();
  const installed = installDeps();
  const depsModules = path.join(JUPYTERLAB_PAGE_DEPS, "node_modules");
  const versions = Object.fromEntries(BUNDLED.map((p) => [p, version(p, depsModules)]));
  versions.katex = version("katex", ROOT);
  versions.esbuild = version("esbuild", ROOT);
  const hash = crypto.createHash("sha256").update(JSON.stringify(versions)).update(HTML);
  for (const f of fs.readdirSync(JUPYTERLAB_PAGE_SOURCE).sort()) hash.update(f).update(fs.readFileSync(path.join(JUPYTERLAB_PAGE_SOURCE, f)));
  const key = hash.digest("hex");
  const keyFile = path.join(JUPYTERLAB_PAGE, "key");
  const index = path.join(JUPYTERLAB_PAGE, "index.html");
  const done = (built: boolean): JupyterLabPage => ({ dir: JUPYTERLAB_PAGE, index, installed, built, seconds: (Date.now() - started) / 1000, versions });
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key && ["index.html", "page.js", "page.css"].every((f) => fs.existsSync(path.join(JUPYTERLAB_PAGE, f)))) {
    return done(false);
  }
  const esbuild = require("esbuild") as typeof import("esbuild");
  fs.rmSync(JUPYTERLAB_PAGE, { recursive: true, force: true });
  fs.mkdirSync(JUPYTERLAB_PAGE, { recursive: true });
  await esbuild.build({
    entryPoints: { page: path.join(JUPYTERLAB_PAGE_SOURCE, "entry.ts") },
    bundle: true, platform: "browser", format: "iife", target: "chrome120", minify: true, legalComments: "none",
    outdir: JUPYTERLAB_PAGE, absWorkingDir: ROOT, logLevel: "error", logLimit: 5, nodePaths: [depsModules],
    // JupyterLab imports its icons as SVG text (webpack's raw-loader in JupyterLab's own build)
    loader: { ".svg": "text" },
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await esbuild.build({
    entryPoints: { page: path.join(JUPYTERLAB_PAGE_SOURCE, "page.css") },
    bundle: true, minify: true, outdir: JUPYTERLAB_PAGE, absWorkingDir: ROOT, logLevel: "error", logLimit: 5, nodePaths: [depsModules],
    loader: { ".woff2": "file", ".woff": "file", ".ttf": "file", ".svg": "dataurl" }, assetNames: "fonts/[name]",
  });
  fs.writeFileSync(index, HTML);
  fs.writeFileSync(keyFile, key);
  return done(true);
}

if (require.main === module) {
  jupyterLabPage().then((p) => {
    console.log(`${path.relative(ROOT, p.index)}: ${p.installed ? "packages installed, " : ""}${p.built ? "built" : "up to date"} in ${p.seconds.toFixed(2)} s (${Object.entries(p.versions).map(([k, v]) => `${k} ${v}`).join(", ")})`);
  }, (e: Error) => {
    console.error(`jupyterlab-page: ${e.message.split("\n")[0]}`);
    process.exit(1);
  });
}
