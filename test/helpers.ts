import * as assert from "assert/strict";
import * as path from "path";
import * as fs from "fs";
import { ErrorCode, InputError } from "nn-lesson/dist/internal";

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

/**
 * `fn` throws the library's InputError with this code. Tests name the problem by its code; what the learner
 * reads is lib/lesson/messages.ts's business (test/messages.test.ts checks how each entry reads).
 */
export function assertInputError(fn: () => unknown, code: ErrorCode, note?: string): void {
  assert.throws(fn, (e: unknown) => {
    const got = e instanceof Error ? e.stack : String(e);
    assert.ok(e instanceof InputError, `expected an InputError "${code}", got ${got}`);
    assert.equal(e.code, code, `${note ? note + ": " : ""}the code of "${e.message}"`);
    return true;
  }, note);
}

/** The same for a promise that rejects. */
export async function assertRejectsInputError(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    const got = e instanceof Error ? e.stack : String(e);
    assert.ok(e instanceof InputError, `expected an InputError "${code}", got ${got}`);
    assert.equal(e.code, code, `the code of "${e.message}"`);
    return true;
  });
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

/** The scripts of the project's package.json. */
export function packageScripts(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
}

/** The `npm run NAME` (and `npm start`, `npm test`) that a text names and package.json has no script for. */
export function missingNpmScripts(text: string): string[] {
  const scripts = packageScripts();
  const named = [...text.matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(start|test)\b)/g)].map((m) => m[1] ?? m[2]);
  return named.filter((name) => !(name in scripts));
}
