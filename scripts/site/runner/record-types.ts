/**
 * Build time (Node): runs tslab's converter — the real one, on the real project, as the tslab kernel does
 * in notebooks/ — over every code cell of the notebooks, in order, and records
 *  - every file, folder listing and realpath TypeScript asked for (the page's virtual file system,
 *    scripts/site/runner/tsvfs.ts), with the project's folder renamed VIRTUAL_ROOT;
 *  - what tslab made of each cell (JavaScript, declarations, diagnostics): the page runs these directly
 *    when the same cell follows the same cells (the notebook as written, from the top), so a first click
 *    does not wait for TypeScript; any other cell goes through the same converter in the page.
 * Also probes each module a page can import, so that a learner's new import type-checks in the page.
 * Runs in a child process of its own (TypeScript's `sys` is global): `node build/scripts/site/runner/record-types.js OUT.json NB...`.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "@tslab/typescript-for-tslab";
import { ROOT, NOTEBOOKS } from "../../paths";
import { VIRTUAL_ROOT, VirtualFiles } from "./tsvfs";
import { tsInternal } from "./compiler";
import type { CompiledCell, ConvertedCell } from "./cell-types";

export type { CompiledCell };

export interface Recording { vfs: VirtualFiles; notebooks: Record<string, CompiledCell[]> }

/** Imports a learner may add in a page (the modules the page runner serves). */
export const PROBE_CELLS = [
  'import * as lesson from "nn-lesson";\nimport * as lessonTf from "nn-lesson/tfjs";\nimport * as math from "mathjs";',
  'import * as fs from "fs";\nimport * as path from "path";\nimport * as os from "os";\nimport * as tslab from "tslab";',
  'import * as tf from "@tensorflow/tfjs-core";\nimport "@tensorflow/tfjs-backend-cpu";\nimport * as tfl from "@tensorflow/tfjs-layers";',
  'const m = require("mathjs");',
];

/** Top-level names a cell declares (for "this name is defined in cell [k]"). */
export function declaredNames(src: string): string[] {
  const sf = ts.createSourceFile("cell.ts", src, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const bind = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) bind(d.name);
    else if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) names.push(st.name.text);
    else if (ts.isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) names.push(c.name.text);
      if (c.namedBindings) {
        if (ts.isNamespaceImport(c.namedBindings)) names.push(c.namedBindings.name.text);
        else for (const e of c.namedBindings.elements) names.push(e.name.text);
      }
    }
  }
  return [...new Set(names)];
}

const join = (s: string | string[]) => (Array.isArray(s) ? s.join("") : s);

export function record(notebooks: string[]): Recording {
  const real = ts.sys;
  const files = new Map<string, string>();
  const dirs = new Set<string>();
  const subdirs = new Map<string, string[]>();
  const realpaths = new Map<string, string>();
  const rec: ts.System = Object.create(real);
  rec.readFile = (p, e) => { const r = real.readFile(p, e); if (r !== undefined) files.set(p, r); return r; };
  rec.fileExists = (p) => { const r = real.fileExists(p); if (r) files.set(p, real.readFile(p) ?? ""); return r; };
  rec.directoryExists = (p) => { const r = real.directoryExists(p); if (r) dirs.add(p); return r; };
  rec.getDirectories = (p) => { const r = real.getDirectories(p); subdirs.set(p, r); return r; };
  rec.realpath = (p) => { const r = real.realpath ? real.realpath(p) : p; if (r !== p) realpaths.set(p, r); return r; };
  rec.watchFile = () => ({ close() { /* the recording never watches */ } });
  rec.watchDirectory = () => ({ close() { /* likewise */ } });
  tsInternal.setSys(rec);
  const cwd = process.cwd();
  process.chdir(NOTEBOOKS);
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const conv = createConverter({ isJS: false, isBrowser: false });
  const out: Record<string, CompiledCell[]> = {};
  try {
    for (const probe of PROBE_CELLS) conv.convert("", probe);
    for (const file of notebooks) {
      const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
      let prevDecl = "";
      const cells: CompiledCell[] = [];
      for (const c of nb.cells) {
        if (c.cell_type !== "code") continue;
        const src = join(c.source);
        const result = conv.convert(prevDecl, src) as unknown as ConvertedCell;
        cells.push({ prevDecl, src, result, defines: declaredNames(src) });
        // as tslab's executor: the declarations carry on only from a cell that compiled (and ran)
        if (!result.diagnostics.length) prevDecl = result.declOutput ?? "";
      }
      out[path.basename(file, ".ipynb")] = cells;
    }
  } finally {
    conv.close();
    process.chdir(cwd);
    tsInternal.setSys(real);
  }
  const virtual = (p: string) => (p === ROOT || p.startsWith(ROOT + "/") ? VIRTUAL_ROOT + p.slice(ROOT.length) : p);
  const vfs: VirtualFiles = {
    files: Object.fromEntries([...files].sort().map(([p, t]) => [virtual(p), t])),
    dirs: [...dirs].sort().map(virtual),
    subdirs: Object.fromEntries([...subdirs].sort().map(([p, d]) => [virtual(p), d])),
    realpaths: Object.fromEntries([...realpaths].sort().map(([p, r]) => [virtual(p), virtual(r)])),
  };
  // tslab's converter gives file names of other files in diagnostics; none may point outside the project
  const texts = JSON.stringify(out);
  if (texts.includes(ROOT + "/")) {
    const m = new RegExp(`.{0,60}${ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/.{0,40}`).exec(texts);
    throw new Error(`record-types: a compiled cell names the project's real folder: ${m?.[0]}`);
  }
  return { vfs, notebooks: out };
}

if (require.main === module) {
  const [outFile, ...nbs] = process.argv.slice(2);
  const t0 = Date.now();
  const r = record(nbs.length ? nbs.map((p) => path.resolve(p)) : fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(NOTEBOOKS, f)));
  fs.writeFileSync(outFile, JSON.stringify(r));
  const bytes = Object.values(r.vfs.files).reduce((s, t) => s + t.length, 0);
  console.log(`record-types: ${Object.keys(r.vfs.files).length} files (${(bytes / 1e6).toFixed(1)} MB), ${Object.values(r.notebooks).reduce((s, c) => s + c.length, 0)} cells in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
