/**
 * The page runner's `fs`: an in-memory file system inside the worker, holding the project's data/
 * files (sent by the page) and whatever a cell writes (writeNetworkFile). Only the synchronous calls
 * the library and the notebooks use.
 */
const files = new Map<string, string | Uint8Array>();

/** The notebook's folder (tslab's working directory): relative paths start here, as in Node. */
const CWD = "/project/notebooks";

function normal(p: string): string {
  const parts: string[] = [];
  const full = String(p).startsWith("/") ? String(p) : `${CWD}/${p}`;
  for (const s of full.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") parts.pop();
    else parts.push(s);
  }
  return "/" + parts.join("/");
}

function fsError(code: string, syscall: string, p: string): Error {
  const e = new Error(`${code}: ${code === "ENOENT" ? "no such file or directory" : "not allowed"}, ${syscall} '${p}'`) as Error & { code: string };
  e.code = code;
  return e;
}

/** Put files in (the page's data/ folder). */
export function preload(entries: Record<string, string>): void {
  for (const [p, text] of Object.entries(entries)) files.set(normal(p), text);
}

/** A binary file (data/mnist-10k.bin.gz, loaded when a cell asks for the digits). */
export function preloadBinary(p: string, bytes: Uint8Array): void {
  files.set(normal(p), bytes);
}

export function readFileSync(p: string, enc?: unknown): string | Uint8Array {
  const data = files.get(normal(p));
  if (data === undefined) throw fsError("ENOENT", "open", p);
  if (typeof data !== "string" && enc !== undefined) return new TextDecoder().decode(data);
  return data;
}

export function writeFileSync(p: string, data: string | Uint8Array): void {
  files.set(normal(p), typeof data === "string" ? data : new TextDecoder().decode(data));
}

export function existsSync(p: string): boolean {
  const n = normal(p);
  return files.has(n) || [...files.keys()].some((k) => k.startsWith(n + "/"));
}

export function mkdirSync(): void { /* folders exist implicitly */ }

let tmpCounter = 0;
export function mkdtempSync(prefix: string): string {
  tmpCounter += 1;
  return `${prefix}${Date.now().toString(36)}${tmpCounter}`;
}

export function readdirSync(p: string): string[] {
  const n = normal(p) + "/";
  return [...new Set([...files.keys()].filter((k) => k.startsWith(n)).map((k) => k.slice(n.length).split("/")[0]))].sort();
}

export function unlinkSync(p: string): void {
  if (!files.delete(normal(p))) throw fsError("ENOENT", "unlink", p);
}

export function rmSync(p: string): void {
  const n = normal(p);
  for (const k of [...files.keys()]) if (k === n || k.startsWith(n + "/")) files.delete(k);
}
