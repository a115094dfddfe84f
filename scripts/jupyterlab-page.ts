/**
 * The JupyterLab test page: JupyterLab 4's output area, renderers and HTML sanitizer (npm packages
 * @jupyterlab/outputarea, -rendermime, -apputils), bundled by esbuild from scripts/jupyterlab-page/
 * into build/jupyterlab-page/ and opened from file:// by test-browser/jupyterlab.test.ts. Built once
 * and reused while the entry, its stylesheet and the bundled packages' versions are unchanged.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./paths";

export const JUPYTERLAB_PAGE_SOURCE = path.join(ROOT, "scripts", "jupyterlab-page");
export const JUPYTERLAB_PAGE = path.join(ROOT, "build", "jupyterlab-page");

/** The packages whose code or styles end up in the bundle (their versions are part of the cache key). */
const BUNDLED = ["@jupyterlab/outputarea", "@jupyterlab/rendermime", "@jupyterlab/apputils", "@jupyterlab/theme-light-extension", "@lumino/widgets", "marked", "katex", "esbuild"];

function version(pkg: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), "utf8")) as { version: string }).version;
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

export interface JupyterLabPage { dir: string; index: string; built: boolean; seconds: number; versions: Record<string, string> }

/** Builds the page unless an up-to-date one is in build/jupyterlab-page/. */
export async function jupyterLabPage(): Promise<JupyterLabPage> {
  const started = Date.now();
  const versions = Object.fromEntries(BUNDLED.map((p) => [p, version(p)]));
  const hash = crypto.createHash("sha256").update(JSON.stringify(versions)).update(HTML);
  for (const f of fs.readdirSync(JUPYTERLAB_PAGE_SOURCE).sort()) hash.update(f).update(fs.readFileSync(path.join(JUPYTERLAB_PAGE_SOURCE, f)));
  const key = hash.digest("hex");
  const keyFile = path.join(JUPYTERLAB_PAGE, "key");
  const index = path.join(JUPYTERLAB_PAGE, "index.html");
  const done = (built: boolean): JupyterLabPage => ({ dir: JUPYTERLAB_PAGE, index, built, seconds: (Date.now() - started) / 1000, versions });
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key && ["index.html", "page.js", "page.css"].every((f) => fs.existsSync(path.join(JUPYTERLAB_PAGE, f)))) {
    return done(false);
  }
  const esbuild = require("esbuild") as typeof import("esbuild");
  fs.rmSync(JUPYTERLAB_PAGE, { recursive: true, force: true });
  fs.mkdirSync(JUPYTERLAB_PAGE, { recursive: true });
  await esbuild.build({
    entryPoints: { page: path.join(JUPYTERLAB_PAGE_SOURCE, "entry.ts") },
    bundle: true, platform: "browser", format: "iife", target: "chrome120", minify: true, legalComments: "none",
    outdir: JUPYTERLAB_PAGE, absWorkingDir: ROOT, logLevel: "error", logLimit: 5,
    // JupyterLab imports its icons as SVG text (webpack's raw-loader in JupyterLab's own build)
    loader: { ".svg": "text" },
    define: { "process.env.NODE_ENV": '"production"' },
  });
  await esbuild.build({
    entryPoints: { page: path.join(JUPYTERLAB_PAGE_SOURCE, "page.css") },
    bundle: true, minify: true, outdir: JUPYTERLAB_PAGE, absWorkingDir: ROOT, logLevel: "error", logLimit: 5,
    loader: { ".woff2": "file", ".woff": "file", ".ttf": "file", ".svg": "dataurl" }, assetNames: "fonts/[name]",
  });
  fs.writeFileSync(index, HTML);
  fs.writeFileSync(keyFile, key);
  return done(true);
}

if (require.main === module) {
  jupyterLabPage().then((p) => {
    console.log(`${path.relative(ROOT, p.index)}: ${p.built ? "built" : "up to date"} in ${p.seconds.toFixed(2)} s (${Object.entries(p.versions).map(([k, v]) => `${k} ${v}`).join(", ")})`);
  }, (e: Error) => {
    console.error(`jupyterlab-page: ${e.message.split("\n")[0]}`);
    process.exit(1);
  });
}
