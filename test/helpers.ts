import * as assert from "assert/strict";
import * as path from "path";
import * as fs from "fs";
import { spawn } from "child_process";
import { jupyterEnv } from "../scripts/paths";
import { findNotebookPython } from "../scripts/jupyter";
import { registerKernel } from "../scripts/register-kernel";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface Reference {
  x: number[]; y: number[]; lr: number; iterations: number;
  initialWeights: number[][][]; firstOutput: number[]; lastOutput: number[];
  firstLoss: number; lastLoss: number; finalWeights: number[][][];
}

/** The numpy reference shipped beside the project (../shared/reference), with a copy in test/fixtures. */
export function reference(): Reference {
  const shared = path.join(ROOT, "..", "shared", "reference", "lesson-fixed-weights.json");
  const local = path.join(ROOT, "test", "fixtures", "lesson-fixed-weights.json");
  return JSON.parse(fs.readFileSync(fs.existsSync(local) ? local : shared, "utf8"));
}

/** Assert two nested arrays of numbers agree entry by entry within `tol`. */
export function assertClose(actual: unknown, expected: unknown, tol: number, where = "value"): void {
  if (typeof expected === "number") {
    assert.equal(typeof actual, "number", `${where}: expected a number`);
    assert.ok(Math.abs((actual as number) - expected) <= tol, `${where}: ${actual} vs ${expected} (|diff| ${Math.abs((actual as number) - expected)} > ${tol})`);
    return;
  }
  const e = expected as unknown[], a = actual as ArrayLike<unknown>;
  assert.equal(a.length, e.length, `${where}: length`);
  for (let i = 0; i < e.length; i++) assertClose(a[i], e[i], tol, `${where}[${i}]`);
}

/** The figure a plot output (figureHtml) carries equals `fig`: data, frames and layout survive the trip. */
export function assertEmbeds(html: string, fig: { data: unknown; layout?: object; frames?: unknown[] }): void {
  const m = /var id = "[^"]+", fig = (.*);\n/.exec(html);
  assert.ok(m, "the plot output carries the figure as JSON");
  const back = JSON.parse(m![1]);
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (ArrayBuffer.isView(x) ? Array.from(x as unknown as ArrayLike<number>) : x)));
  assert.deepEqual(back.data, plain(fig.data));
  assert.deepEqual(back.frames ?? [], plain(fig.frames ?? []));
  for (const [k, v] of Object.entries(fig.layout ?? {})) {
    if (v !== undefined) assert.deepEqual(back.layout[k], plain(v), `layout.${k}`);
  }
}

/**
 * Run a Python `script` (nbclient, with this project's tslab kernel) on notebook files and parse the JSON
 * it prints on its last line of stdout.
 */
export function runPythonJson<T>(script: string, files: string[]): Promise<T> {
  registerKernel();
  const py = findNotebookPython();
  if (!py) return Promise.reject(new Error("no Python with nbclient found (see README: prerequisites)"));
  return new Promise((resolve, reject) => {
    const child = spawn(py, ["-c", script, ...files], { env: jupyterEnv() });
    let out = "", err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${py} exited with ${code}: ${err.trim().split("\n").slice(-3).join(" | ")}`));
      resolve(JSON.parse(out.trim().split("\n").pop() as string));
    });
  });
}
