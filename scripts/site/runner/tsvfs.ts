/**
 * The files TypeScript reads when tslab's converter compiles the notebooks' cells, as a virtual file
 * system (no Node): recorded at build time from the real project (scripts/site/runner/record-types.ts) and
 * served to tslab's own converter in the page's compiler worker (scripts/site/runner/compiler.ts). Paths are
 * the project's, with its root folder replaced by VIRTUAL_ROOT, so the page compiles in the same folder
 * layout as tslab in Jupyter (cwd = notebooks/, node_modules/ beside it).
 */
import type * as TS from "@tslab/typescript-for-tslab";

export const VIRTUAL_ROOT = "/project";
export const VIRTUAL_CWD = `${VIRTUAL_ROOT}/notebooks`;

export interface VirtualFiles {
  /** path → text of every file TypeScript read */
  files: Record<string, string>;
  /** folders TypeScript asked about that exist (their parents exist too) */
  dirs: string[];
  /** getDirectories answers (the @types folders TypeScript lists) */
  subdirs: Record<string, string[]>;
  /** realpath answers that differ from the path (node_modules/nn-lesson → lib) */
  realpaths: Record<string, string>;
}

function parentDirs(p: string): string[] {
  const out: string[] = [];
  let d = p;
  for (;;) {
    const i = d.lastIndexOf("/");
    if (i <= 0) break;
    d = d.slice(0, i);
    out.push(d);
  }
  out.push("/");
  return out;
}

/**
 * A TypeScript `System` over recorded files: what tslab's converter needs (read, exists, list, watch
 * that never fires). Anything not recorded does not exist. Writing is refused, as tslab's converter
 * itself refuses it.
 */
export function virtualSystem(vf: VirtualFiles, executingFile: string): TS.System {
  const dirs = new Set<string>(vf.dirs);
  for (const p of [...Object.keys(vf.files), ...vf.dirs]) for (const d of parentDirs(p)) dirs.add(d);
  const noWatch = { close() { /* nothing is ever watched */ } };
  const epoch = new Date(0);
  const sys: TS.System = {
    args: [],
    newLine: "\n",
    useCaseSensitiveFileNames: true,
    write() { /* no console here */ },
    writeOutputIsTTY: () => false,
    readFile: (p) => (Object.prototype.hasOwnProperty.call(vf.files, p) ? vf.files[p] : undefined),
    getFileSize: (p) => vf.files[p]?.length ?? 0,
    writeFile: () => { throw new Error("writeFile must not be called"); },
    watchFile: () => noWatch,
    watchDirectory: () => noWatch,
    resolvePath: (p) => p,
    fileExists: (p) => Object.prototype.hasOwnProperty.call(vf.files, p),
    directoryExists: (p) => dirs.has(p.length > 1 ? p.replace(/\/$/, "") : p),
    createDirectory: () => { /* folders exist implicitly */ },
    getExecutingFilePath: () => executingFile,
    getCurrentDirectory: () => VIRTUAL_CWD,
    getDirectories: (p) => vf.subdirs[p] ?? [],
    readDirectory: () => [],
    getModifiedTime: (p) => (Object.prototype.hasOwnProperty.call(vf.files, p) ? epoch : undefined),
    setModifiedTime: () => { /* read-only */ },
    deleteFile: () => { /* read-only */ },
    createHash: (s) => {
      let h = 5381;
      for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
      return (h >>> 0).toString(16);
    },
    exit: () => { /* a worker never exits by itself */ },
    realpath: (p) => vf.realpaths[p] ?? p,
    setTimeout: (cb: (...a: unknown[]) => void, ms: number, ...a: unknown[]) => setTimeout(cb, ms, ...a),
    clearTimeout: (id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>),
  };
  return sys;
}
