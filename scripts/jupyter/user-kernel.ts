/**
 * The project's tslab (or Deno) kernel for the current user (`npm run kernel:install`, whose command line
 * is scripts/cli/kernel-install.ts), in Jupyter's user data folder, where VS Code, JupyterLab and
 * `jupyter notebook` look without any environment variable (`jupyter --data-dir`; see jupyter.ts).
 *
 * - install writes <data>/kernels/<name>/kernel.json and a marker file (MARKER) listing every file
 *   and folder it created; it refreshes a kernel it installed before (e.g. after the project moved)
 *   and never touches one it did not install (a global `tslab install`, `deno jupyter --install`):
 *   that one is reported and left alone.
 * - uninstall removes exactly what the marker lists (files, then the folders it created if empty),
 *   and refuses a kernel folder without the marker.
 * `npm install` does none of this: it registers the kernels inside the project only (register-kernel.ts).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { KernelName, kernelSpec, writeKernel } from "./register-kernel";
import { ROOT } from "../paths";

/** Written beside kernel.json: what this project created there. */
export const MARKER = "nn-lesson-installed.json";

interface Marker {
  installedBy: "nn-lesson";
  project: string;
  kernel: KernelName;
  /** Files written, relative to the data folder. */
  files: string[];
  /** Folders created (deepest last), relative to the data folder. */
  folders: string[];
}

export interface Outcome {
  /** 0 done (or nothing to do), 1 refused. */
  code: number;
  /** One line for the learner, Korean first. */
  message: string;
}

function readMarker(dir: string): Marker | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MARKER), "utf8")) as Marker;
    return m.installedBy === "nn-lesson" && Array.isArray(m.files) && Array.isArray(m.folders) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Folders from `dir` up to (not including) an existing ancestor, outermost first. */
function missingFolders(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    out.unshift(d);
    if (path.dirname(d) === d) break;
  }
  return out;
}

export function install(name: KernelName, dataDir: string): Outcome {
  const dir = path.join(dataDir, "kernels", name);
  const spec = kernelSpec(name);
  if (!spec) {
    return { code: 1, message: `${name} 커널을 찾지 못했습니다: 먼저 \`npm install\`을 실행하세요 (${name} is not installed in this project: run \`npm install\` first)` };
  }
  const prev = readMarker(dir);
  if (fs.existsSync(dir) && !prev) {
    return {
      code: 0,
      message: `이미 있는 ${name} 커널은 이 프로젝트가 설치한 것이 아니라 그대로 둡니다: ${dir} — 노트북은 그 커널로도 열립니다 ` +
        `(a ${name} kernel not installed by this project is already there; left alone)`,
    };
  }
  const created = prev ? prev.folders.map((f) => path.join(dataDir, f)) : missingFolders(dir);
  const kernelJson = writeKernel(dir, spec);
  const marker: Marker = {
    installedBy: "nn-lesson", project: ROOT, kernel: name,
    files: [path.relative(dataDir, kernelJson), path.relative(dataDir, path.join(dir, MARKER))],
    folders: created.map((f) => path.relative(dataDir, f)),
  };
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify(marker, null, 2) + "\n");
  return {
    code: 0,
    message: `${name} 커널을 이 사용자의 Jupyter에 ${prev ? "다시 " : ""}등록했습니다: ${dir} (installed for this user; ` +
      `\`npm run kernel:uninstall${name === "deno" ? " -- --deno" : ""}\` removes it)`,
  };
}

export function uninstall(name: KernelName, dataDir: string): Outcome {
  const dir = path.join(dataDir, "kernels", name);
  if (!fs.existsSync(dir)) return { code: 0, message: `지울 ${name} 커널이 없습니다: ${dir} (nothing to remove)` };
  const marker = readMarker(dir);
  if (!marker) {
    return { code: 1, message: `${dir}의 ${name} 커널은 이 프로젝트가 설치한 것이 아니라 지우지 않습니다 (not installed by this project; left alone)` };
  }
  for (const f of marker.files) fs.rmSync(path.join(dataDir, f), { force: true });
  const kept: string[] = [];
  for (const f of [...marker.folders].reverse()) {
    const d = path.join(dataDir, f);
    try {
      fs.rmdirSync(d); // only if empty: anything else put there is not ours
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") kept.push(d);
    }
  }
  return {
    code: 0,
    message: `${name} 커널을 지웠습니다: ${dir}${kept.length ? ` (다른 파일이 있어 남긴 폴더 / kept, not empty: ${kept.join(", ")})` : ""} (removed)`,
  };
}

/**
 * The one user folder VS Code's Jupyter extension reads kernels from (besides JUPYTER_PATH and the
 * system folders): fixed per platform under HOME, ignoring JUPYTER_DATA_DIR (vscode-jupyter #15958)
 * and XDG_DATA_HOME (#16833) — src/kernels/raw/finder/jupyterPaths.node.ts.
 */
export function vscodeDataDir(platform = process.platform, home = os.homedir()): string {
  const p = platform === "win32" ? path.win32 : path.posix;
  if (platform === "win32") return p.join(home, "AppData", "Roaming", "jupyter");
  if (platform === "darwin") return p.join(home, "Library", "Jupyter");
  return p.join(home, ".local", "share", "jupyter");
}

/**
 * A Korean-first note when the kernel went where VS Code does not look: JUPYTER_DATA_DIR or XDG_DATA_HOME
 * set — as VS Code installed from snap sets XDG_DATA_HOME to ~/snap/code/<rev>/.local/share in its own
 * terminal (microsoft/vscode #237608, vscode-jupyter #16365). Undefined when VS Code will find it.
 */
export function vscodeNote(dir: string, platform = process.platform, home = os.homedir()): string | undefined {
  const p = platform === "win32" ? path.win32 : path.posix;
  const vscode = vscodeDataDir(platform, home);
  if (p.resolve(dir) === p.resolve(vscode)) return undefined;
  return `참고: VS Code는 이 폴더를 읽지 않고 ${vscode}만 읽습니다(JUPYTER_DATA_DIR, XDG_DATA_HOME을 따르지 않음). VS Code에서 쓰려면 ` +
    `그 변수 없이(snap으로 설치한 VS Code라면 VS Code 밖의 터미널에서) 다시 실행하세요 ` +
    `(note: VS Code reads kernels from ${vscode} only; run this again without JUPYTER_DATA_DIR/XDG_DATA_HOME, outside snap VS Code's terminal)`;
}
