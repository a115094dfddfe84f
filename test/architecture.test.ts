/**
 * The library's rooms (lib/index.ts has the map):
 *  - imports go one way: lesson/ imports nothing outside itself; fast/ only lesson/; beyond/ only
 *    lesson/ and fast/; node/ not display/; display/ anything; nothing in lib/ reaches into test/;
 *  - the core (lesson/, fast/, beyond/, display/figures/) uses no Node module and no tslab, and
 *    bundles for the browser (esbuild, platform "browser"), as do display/markers and display/explain,
 *    which a page imports alone;
 *  - importing nn-lesson loads neither mathjs, TensorFlow.js, plotly.js nor tslab;
 *  - the public API is named exports only, and has every name the notebooks import (from "nn-lesson"
 *    and, for TensorFlow.js, "nn-lesson/tfjs");
 *  - type-checking a cell that imports "nn-lesson" (as tslab does) reads no TensorFlow.js, mathjs or
 *    React declarations, and "nn-lesson/tfjs" resolves to its own entry.
 * And the rooms of scripts/ (docs/architecture.md): each file in one room, imports between the rooms go
 * the allowed ways, no script imports test code, nothing imports a command line (cli/) or a benchmark
 * (bench/), and every script module that another file loads does nothing on load.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";
import { spawnSync } from "child_process";
import * as esbuild from "esbuild";
import { ROOT } from "./helpers";

const LIB = path.join(ROOT, "lib");
const ROOMS = ["lesson", "fast", "beyond", "display", "node"] as const;
type Room = (typeof ROOMS)[number] | "root";
/** Which rooms each room may import from. */
const ALLOWED: Record<Room, readonly Room[]> = {
  lesson: ["lesson"],
  fast: ["lesson", "fast"],
  beyond: ["lesson", "fast", "beyond"],
  node: ["lesson", "fast", "beyond", "node"],
  display: ["lesson", "fast", "beyond", "node", "display"],
  root: ["lesson", "fast", "beyond", "node", "display"],
};
const CORE: readonly Room[] = ["lesson", "fast", "beyond"];
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function sources(dir = LIB): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "dist" ? [] : sources(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

function roomOf(file: string): Room {
  const top = path.relative(LIB, file).split(path.sep)[0];
  return (ROOMS as readonly string[]).includes(top) ? (top as Room) : "root";
}

/** Every module specifier a file imports, requires or re-exports. */
export function specifiers(code: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
  return [...code.matchAll(re)].map((m) => m[1]);
}

test("specifiers() finds imports, type imports, re-exports, dynamic imports and requires", () => {
  const code = 'import { a } from "./x";\nimport type * as T from "plotly.js";\nexport * from "../y";\nconst m = require("mathjs");\nimport "side";\nawait import("z");';
  assert.deepEqual(specifiers(code), ["./x", "plotly.js", "../y", "mathjs", "side", "z"]);
});

test("imports go one way between the rooms, the core uses no Node module or tslab, nothing reads test/", () => {
  const problems: string[] = [];
  const files = sources();
  assert.ok(files.length > 20, `only ${files.length} source files found in lib/`);
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    const room = roomOf(file);
    const code = fs.readFileSync(file, "utf8");
    for (const spec of specifiers(code)) {
      if (spec.startsWith(".")) {
        const target = roomOf(path.resolve(path.dirname(file), spec));
        if (!ALLOWED[room].includes(target)) problems.push(`${rel}: ${room}/ imports ${target}/ ("${spec}")`);
      } else if (CORE.includes(room) && (NODE_MODULES.has(spec) || spec === "tslab")) {
        problems.push(`${rel}: the core imports "${spec}"`);
      }
    }
    if (CORE.includes(room) && /\b(process\.(hrtime|pid|env|argv)|__dirname|__filename)\b/.test(code)) {
      problems.push(`${rel}: the core uses a Node global (process, __dirname)`);
    }
    const codeOnly = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    if (/["'`](\.\.?\/)+test\/|join\([^)]*["']test["']|fixtures\//.test(codeOnly)) problems.push(`${rel}: reads from test/`);
  }
  assert.deepEqual(problems, []);
});

test("the core, the figure builders and explain bundle for the browser with no Node module (esbuild)", async () => {
  const dist = path.join(LIB, "dist");
  const entries = [
    ...["lesson", "fast", "beyond"].flatMap((d) => fs.readdirSync(path.join(dist, d)).filter((f) => f.endsWith(".js")).map((f) => `${d}/${f}`)),
    ...fs.readdirSync(path.join(dist, "display", "figures")).filter((f) => f.endsWith(".js")).map((f) => `display/figures/${f}`),
    // what a page bundle imports alone: the plot markers, the lines of help under errors
    "display/markers.js", "display/explain.js",
  ];
  assert.ok(entries.length >= 18, `entries: ${entries.join(", ")}`);
  const nodeImports: string[] = [];
  const result = await esbuild.build({
    stdin: { contents: entries.map((e) => `export * from "./${e}";`).join("\n"), resolveDir: dist, sourcefile: "core.js" },
    bundle: true, write: false, platform: "browser", format: "esm", logLevel: "silent",
    // TensorFlow.js loads lazily and is big; it has its own browser build. Everything else is bundled.
    external: ["@tensorflow/*"],
    plugins: [{
      name: "no-node",
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => {
          // packages map their own Node imports for browsers (seedrandom's "browser": {"crypto": false})
          const ours = !path.relative(LIB, a.importer).startsWith("..");
          if (ours && (NODE_MODULES.has(a.path) || a.path === "tslab")) nodeImports.push(`${path.relative(ROOT, a.importer)} imports "${a.path}"`);
          return undefined;
        });
      },
    }],
  });
  assert.deepEqual(nodeImports, []);
  assert.deepEqual(result.errors, []);
  const js = result.outputFiles[0].text;
  assert.match(js, /function trainFast\(/);
  assert.match(js, /function descentFigure\(/);
  assert.match(js, /function explainDiagnostic\(/);
  assert.doesNotMatch(js, /require\("(fs|path|child_process|tslab)"\)/);
});

test("importing nn-lesson loads neither mathjs, TensorFlow.js, plotly.js nor tslab", () => {
  const code = `
    const t0 = process.hrtime.bigint();
    const n = require("nn-lesson");
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    n.train(n.lessonData());
    const heavy = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](mathjs|@tensorflow|plotly\\.js-dist-min|tslab)[\\\\/]/.test(k));
    console.log(JSON.stringify({ ms, heavy }));`;
  const r = spawnSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const { ms, heavy } = JSON.parse(r.stdout) as { ms: number; heavy: string[] };
  assert.deepEqual(heavy.map((k) => path.relative(ROOT, k)), []);
  console.log(`# require("nn-lesson"): ${ms.toFixed(0)} ms`);
});

test("the public API: named exports only, every name the notebooks import from nn-lesson and nn-lesson/tfjs", () => {
  for (const entry of ["index.ts", "index-tfjs.ts"]) {
    assert.doesNotMatch(fs.readFileSync(path.join(LIB, entry), "utf8"), /export \*/, `lib/${entry} re-exports with export *`);
  }
  // the runtime names: what require("nn-lesson") really has (types are checked when the notebooks run)
  const apis: Record<string, Set<string>> = {
    "nn-lesson": new Set(Object.keys(require("nn-lesson") as object)),
    "nn-lesson/tfjs": new Set(Object.keys(require("nn-lesson/tfjs") as object)),
  };
  const api = apis["nn-lesson"];
  const dir = path.join(ROOT, "notebooks");
  const missing: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".ipynb"))) {
    const nb = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
    const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => (Array.isArray(c.source) ? c.source.join("") : c.source)).join("\n");
    for (const m of code.matchAll(/import\s*(type\s*)?\{([^}]*)\}\s*from\s*"(nn-lesson(?:\/[\w-]+)?)"/g)) {
      if (m[1]) continue;
      const from = apis[m[3]];
      if (!from) { missing.push(`${f}: imports from "${m[3]}"`); continue; }
      for (const name of m[2].split(",").map((s) => s.trim().split(/\s+as\s+/)[0]).filter(Boolean)) {
        if (!name.startsWith("type ") && !from.has(name)) missing.push(`${f}: ${name} from "${m[3]}"`);
      }
    }
  }
  assert.deepEqual(missing, []);
  assert.ok(api.size < 120, `the public API has ${api.size} names`);
});

/**
 * The .d.ts files TypeScript reads to check `code` placed in notebooks/, with tslab's module settings
 * (Node10 resolution, ES modules) but only @types/node, so that what the library's types reach shows.
 */
function declarationsRead(code: string): string[] {
  const ts = require("typescript") as typeof import("typescript");
  const file = path.join(ROOT, "notebooks", "__types-probe.ts");
  const host = ts.createCompilerHost({});
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === file ? code : readFile(f));
  host.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(host.fileExists.bind(host));
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.NodeJs, esModuleInterop: true,
    target: ts.ScriptTarget.ES2020, skipLibCheck: true, noEmit: true, types: ["node"],
  }, host);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(errors, [], "the probe cell type-checks");
  return program.getSourceFiles().map((f) => path.relative(ROOT, f.fileName));
}

test("a cell importing nn-lesson type-checks without TensorFlow.js, mathjs or React declarations; nn-lesson/tfjs brings TensorFlow.js's", () => {
  const heavy = /node_modules[\\/](@tensorflow|mathjs|@types[\\/]react|csstype)[\\/]/;
  const main = declarationsRead('import { lessonData, plotSetup, showFigure, sigmoidFigure, showTable, check, Classifier } from "nn-lesson";\nlessonData();\n');
  assert.ok(main.some((f) => /lib[\\/]dist[\\/]index\.d\.ts$/.test(f)), "the probe reached the library's types");
  assert.deepEqual(main.filter((f) => heavy.test(f)), []);
  const tf = declarationsRead('import { tfjs, compareLessonGradients } from "nn-lesson/tfjs";\nconst t: string = tfjs().version_core;\n');
  assert.ok(tf.some((f) => /lib[\\/]dist[\\/]index-tfjs\.d\.ts$/.test(f)), "nn-lesson/tfjs resolves to lib/dist/index-tfjs.d.ts");
  assert.ok(tf.some((f) => /@tensorflow[\\/]tfjs-core/.test(f)), "and its types are TensorFlow.js's own");
  console.log(`# declarations read for a cell importing nn-lesson: ${main.length} files; nn-lesson/tfjs: ${tf.length}`);
});

/**
 * The rooms of scripts/ (docs/architecture.md has the map). scripts/paths.ts, the project's folders, is
 * everyone's; otherwise a room imports only the rooms listed here. cli/ holds the learner's commands:
 * entry points that nothing imports; bench/ may import any room but cli/, and nothing imports bench/.
 */
const SCRIPTS = path.join(ROOT, "scripts");
const SCRIPT_ROOMS = ["cli", "jupyter", "site", "site/runner", "testing", "bench", "data"] as const;
type ScriptRoom = (typeof SCRIPT_ROOMS)[number] | "paths";
const SCRIPT_ALLOWED: Record<ScriptRoom, readonly ScriptRoom[]> = {
  // the project's folders and Jupyter environment (ROOT, notebooks/, .jupyter/)
  paths: [],
  // Jupyter and the kernels: finding Jupyter, registering and installing kernels, the notebook driver
  jupyter: ["jupyter"],
  // the page runner that runs in the browser (and record-types.ts, its build-time recording)
  "site/runner": ["site/runner"],
  // the static site: build, render, plots, bundles, the course zip, serving it for npm start --browser
  site: ["site", "site/runner", "jupyter"],
  // what runs the tests: test:notebooks, the tiers, npm 12, headless Chromium, figures, the JupyterLab page
  testing: ["testing", "site", "site/runner", "jupyter"],
  // writing data/'s generated files
  data: ["data"],
  // the learner's commands: start, train, kernel:install
  cli: ["jupyter", "site"],
  // measurements, reported and never asserted
  bench: ["bench", "jupyter", "site", "site/runner", "testing", "data"],
};

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : tsFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

/** The room of a file under scripts/ ("paths" for scripts/paths.ts), undefined outside scripts/. */
export function scriptRoom(file: string): ScriptRoom | undefined {
  const rel = path.relative(SCRIPTS, file).split(path.sep);
  if (rel[0] === ".." || path.isAbsolute(rel.join("/"))) return undefined;
  if (rel.length === 1) return rel[0] === "paths.ts" ? "paths" : undefined;
  const room = rel[0] === "site" && rel[1] === "runner" && rel.length > 2 ? "site/runner" : rel[0];
  return (SCRIPT_ROOMS as readonly string[]).includes(room) ? (room as ScriptRoom) : undefined;
}

/** Each relative import of the TypeScript files under `dirs`, resolved to a path without extension. */
function relativeImports(dirs: string[]): { file: string; spec: string; target: string }[] {
  return dirs.flatMap((d) => tsFiles(d)).flatMap((file) => specifiers(fs.readFileSync(file, "utf8"))
    .filter((spec) => spec.startsWith("."))
    .map((spec) => ({ file, spec, target: path.resolve(path.dirname(file), spec) })));
}

/** The problems of the room rules for these imports (pure, so that a broken graph can be shown red). */
export function scriptRoomProblems(imports: { file: string; spec: string; target: string }[]): string[] {
  const problems: string[] = [];
  const inside = (dir: string, p: string) => !path.relative(dir, p).startsWith("..");
  for (const { file, spec, target } of imports) {
    const rel = path.relative(ROOT, file);
    const targetRoom = scriptRoom(`${target}.ts`) ?? scriptRoom(target);
    if (inside(SCRIPTS, file)) {
      const room = scriptRoom(file);
      const testCode = ["test", "test-browser"].some((d) => inside(path.join(ROOT, d), target));
      if (!room) problems.push(`${rel}: in no room of scripts/`);
      else if (testCode) problems.push(`${rel}: imports test code ("${spec}")`);
      else if (targetRoom && targetRoom !== "paths" && !SCRIPT_ALLOWED[room].includes(targetRoom)) {
        problems.push(`${rel}: ${room}/ imports ${targetRoom}/ ("${spec}")`);
      }
    } else if (targetRoom === "cli" || targetRoom === "bench") {
      const what = targetRoom === "cli" ? "command line" : "benchmark";
      problems.push(`${rel}: imports the ${what} ${path.relative(ROOT, target)}`);
    }
  }
  return problems;
}

test("scripts/: a file per room, imports go the allowed ways, nothing imports cli/, bench/ or tests", () => {
  const files = tsFiles(SCRIPTS).filter((f) => !inJupyterLabPage(f));
  assert.ok(files.length > 30, `only ${files.length} files in scripts/`);
  const imports = relativeImports([SCRIPTS, path.join(ROOT, "test"), path.join(ROOT, "test-browser")]);
  const problems = scriptRoomProblems(imports.filter((i) => !inJupyterLabPage(i.file)));
  for (const f of files.filter((f) => !scriptRoom(f))) problems.push(`${path.relative(ROOT, f)}: in no room`);
  for (const f of files.filter((f) => scriptRoom(f) === "cli")) {
    if (/^export\b/m.test(fs.readFileSync(f, "utf8"))) {
      problems.push(`${path.relative(ROOT, f)}: a command line exports names (move them to a room)`);
    }
  }
  assert.deepEqual(problems, []);
  // the rules bite: jupyter/ importing site/, a test importing a command line, a script importing test/
  const f = (p: string) => path.join(ROOT, p);
  assert.equal(scriptRoomProblems([
    { file: f("scripts/jupyter/x.ts"), spec: "../site/build-site", target: f("scripts/site/build-site") },
    { file: f("test/x.test.ts"), spec: "../scripts/cli/start", target: f("scripts/cli/start") },
    { file: f("scripts/testing/x.ts"), spec: "../../test/helpers", target: f("test/helpers") },
    { file: f("scripts/site/runner/x.ts"), spec: "../site-render", target: f("scripts/site/site-render") },
  ]).length, 4);
});

/** The JupyterLab test page is its own npm project (bundled by esbuild, not compiled by tsc). */
function inJupyterLabPage(file: string): boolean {
  return !path.relative(path.join(SCRIPTS, "testing", "jupyterlab-page"), file).startsWith("..");
}

test("a script module another file loads does nothing on load: no output, no exit, nothing running", () => {
  const built = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? built(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []);
  const build = path.join(ROOT, "build");
  const compiled = ["scripts", "test", "test-browser"].flatMap((d) => built(path.join(build, d)));
  // what is loaded at run time: the compiled require()s (type-only imports are gone)
  const loaded = new Set<string>();
  for (const file of compiled) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\brequire\("(\.\.?\/[^"]+)"\)/g)) {
      const target = path.resolve(path.dirname(file), m[1]).replace(/(\.js)?$/, ".js");
      // (a require() inside a string, such as build-runner's bundle source, names no built file)
      const inScripts = !path.relative(path.join(build, "scripts"), target).startsWith("..");
      if (inScripts && fs.existsSync(target)) loaded.add(target);
    }
  }
  assert.ok(loaded.size > 15, `only ${loaded.size} modules of scripts/ are loaded by others`);
  const code = `
    const out = []; let current = "";
    const write = process.stdout.write.bind(process.stdout);
    const keep = (t) => { out.push(current + ": " + String(t).trim()); return true; };
    for (const s of [process.stdout, process.stderr]) s.write = keep;
    process.exit = (c) => { throw new Error("process.exit(" + c + ")"); };
    const before = process.getActiveResourcesInfo().length;
    for (const m of ${JSON.stringify([...loaded].sort())}) {
      current = m;
      try { require(m); } catch (e) { out.push(m + ": " + e.message); }
      const running = process.getActiveResourcesInfo().length - before;
      if (running > 0) {
        out.push(m + ": leaves " + process.getActiveResourcesInfo().slice(before).join(", ") + " running");
        break;
      }
    }
    write(JSON.stringify(out));
    process.reallyExit(0);`;
  const r = spawnSync(process.execPath, ["-e", code], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const problems = (JSON.parse(r.stdout) as string[]).map((p) => path.relative(ROOT, p));
  assert.deepEqual(problems, []);
});
