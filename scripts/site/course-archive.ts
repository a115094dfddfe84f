/**
 * The site's "강의 전체 내려받기" (take the course home): one zip of what `npm install` + `npm start` need
 * to become a working project — the notebooks without outputs, the library's sources, data/, the
 * scripts, package.json, package-lock.json, tsconfig.json, README, LICENSE, docs/ and the VS Code
 * and Dev Container settings — all under one folder (COURSE_FOLDER). Not in it: the tests (test/,
 * test-browser/), CI files, the JupyterLab test page, and everything that is built or installed.
 *
 * Why zip, written here: a double click opens it on Windows and macOS (a .tar.gz needs Windows 11's
 * newest Explorer or a tool); Node's zlib deflates each file, and the container (local headers, a
 * central directory, an end record; no zip64, no encryption) is the few lines below, so no package is
 * added for it (docs/dependencies.md). The entries have a fixed time, so the same sources give the same
 * bytes.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { ROOT } from "../paths";

/** The archive's file name in the site, and the folder its files unpack into. */
export const COURSE_ZIP = "nn-lesson-course.zip";
export const COURSE_FOLDER = "nn-lesson-course";

/** What goes in: single files and folders (walked), relative to the project root. */
export const COURSE_FILES = ["README.md", "LICENSE", ".gitignore", "package.json", "package-lock.json", "tsconfig.json"];
export const COURSE_FOLDERS = ["notebooks", "lib", "data", "scripts", "docs", ".vscode", ".devcontainer"];
/** Left out of those folders: built files and the JupyterLab test page (tests only). */
const SKIP = [/^lib\/dist(\/|$)/, /^scripts\/testing\/jupyterlab-page(\/|$)/, /\.tsbuildinfo$/, /(^|\/)\.ipynb_checkpoints(\/|$)/, /(^|\/)node_modules(\/|$)/];

export interface CourseFile { name: string; data: Buffer }

interface CodeCell { cell_type: string; outputs?: unknown[]; execution_count?: number | null }

/** A notebook's bytes without outputs and execution counts (committed notebooks already are: kept as they are). */
export function withoutOutputs(bytes: Buffer): Buffer {
  const nb = JSON.parse(bytes.toString("utf8")) as { cells: CodeCell[] };
  let changed = false;
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    if (c.outputs?.length) { c.outputs = []; changed = true; }
    if (c.execution_count != null) { c.execution_count = null; changed = true; }
  }
  return changed ? Buffer.from(JSON.stringify(nb, null, 1) + "\n") : bytes;
}

/** The files of the course archive (paths with "/", sorted), read from the project at `root`. */
export function courseFiles(root = ROOT): CourseFile[] {
  const names: string[] = [];
  const walk = (rel: string) => {
    if (SKIP.some((re) => re.test(rel))) return;
    const abs = path.join(root, rel);
    if (fs.statSync(abs).isDirectory()) {
      for (const f of fs.readdirSync(abs)) walk(`${rel}/${f}`);
    } else {
      names.push(rel);
    }
  };
  for (const f of COURSE_FILES) names.push(f);
  for (const d of COURSE_FOLDERS) if (fs.existsSync(path.join(root, d))) walk(d);
  return names.sort().map((name) => {
    const data = fs.readFileSync(path.join(root, name));
    return { name, data: name.endsWith(".ipynb") ? withoutOutputs(data) : data };
  });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 2026-01-01 00:00 in MS-DOS form (the time every entry carries). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

/** A zip of `files` (each deflated, UTF-8 names) under `folder/`. */
export function zip(files: CourseFile[], folder = COURSE_FOLDER): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(`${folder}/${f.name}`, "utf8");
    const deflated = zlib.deflateRawSync(f.data, { level: 9 });
    const stored = deflated.length >= f.data.length;
    const body = stored ? f.data : deflated;
    const crc = crc32(f.data);
    // the fields a local header (at 6) and its central directory entry (at 8) share, in the same order
    const common = (b: Buffer, at: number) => {
      b.writeUInt16LE(0x0800, at); // names are UTF-8
      b.writeUInt16LE(stored ? 0 : 8, at + 2);
      b.writeUInt16LE(DOS_TIME, at + 4);
      b.writeUInt16LE(DOS_DATE, at + 6);
      b.writeUInt32LE(crc, at + 8);
      b.writeUInt32LE(body.length, at + 12);
      b.writeUInt32LE(f.data.length, at + 16);
      b.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    common(local, 6);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    common(entry, 8);
    entry.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // external attributes: a regular file, rw-r--r--
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  if (offset > 0xffffffff || files.length > 0xffff) throw new Error("course archive too large for a zip without zip64");
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

/** Writes the course zip into `outDir`; returns its path, size and number of files. */
export function writeCourseArchive(outDir: string, root = ROOT): { file: string; bytes: number; files: number } {
  const files = courseFiles(root);
  const data = zip(files);
  const file = path.join(outDir, COURSE_ZIP);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(file, data);
  return { file, bytes: data.length, files: files.length };
}
