/**
 * The page kernel's mathjs (scripts/site/runner-mathjs.ts) makes each function on first use; it must be the
 * module `require("mathjs")` gives in Node: the same exports in the same order, the same values and
 * typed-function signatures, the same results, and the same read-only config.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as util from "util";
import * as esbuild from "esbuild";
import { ROOT } from "../scripts/paths";
import { lazyMathjs } from "../scripts/site/runner-mathjs";

type MathModule = Record<string, unknown>;

async function bundle(plugins: esbuild.Plugin[]): Promise<MathModule> {
  const r = await esbuild.build({
    bundle: true, write: false, platform: "browser", format: "cjs", logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    stdin: { contents: 'module.exports = require("mathjs");', resolveDir: ROOT },
    plugins,
  });
  const module = { exports: {} as MathModule };
  new Function("module", "exports", "require", r.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

const shape = (v: unknown): string => {
  if (typeof v !== "function") return util.inspect(v, { depth: 2 });
  const f = v as { name: string; length: number; signatures?: Record<string, unknown> };
  return `${f.name}/${f.length}/${f.signatures ? Object.keys(f.signatures).join("|") : ""}`;
};

test("the lazy mathjs is mathjs: same exports in the same order, same values, same results", async () => {
  const [eager, lazy] = await Promise.all([bundle([]), bundle([lazyMathjs])]);
  assert.deepEqual(Object.keys(lazy), Object.keys(eager), "the same exports, in the same order");
  assert.equal(lazy.__esModule, true);
  // first a lesson's use, before anything else is made
  const use = (m: MathModule) => {
    const math = m as unknown as Record<string, (...a: unknown[]) => unknown>;
    const W = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]];
    const A = math.multiply(W, [1, 2, 3]) as number[];
    return util.inspect([A, math.dotMultiply(A, [2, 3]), math.transpose(W), math.subtract(1, A), math.sum(A), math.mean(A), math.matrix(W)], { depth: 4 });
  };
  assert.equal(use(lazy), use(eager));
  for (const k of Object.keys(eager)) assert.equal(shape(lazy[k]), shape(eager[k]), k);
  const expressions = [
    "derivative('x^2 + sin(x)', 'x').toString()", "simplify('2x + 3x').toString()", "evaluate('sqrt(3^2 + 4^2)')",
    "format(multiply([[1, 2], [3, 4]], [5, 6]))", "chain(3).add(4).multiply(2).done()", "parse('a * b + 1').toTex()",
  ];
  for (const e of expressions) {
    const run = (m: MathModule) => util.inspect(new Function("m", `with (m) { return ${e}; }`)(m));
    assert.equal(run(lazy), run(eager), e);
  }
  const config = (m: MathModule) => { try { (m.config as (c: object) => void)({ number: "BigNumber" }); return "changed"; } catch (e) { return (e as Error).message; } };
  assert.equal(config(lazy), config(eager), "the default instance's config is read-only in both");
});
