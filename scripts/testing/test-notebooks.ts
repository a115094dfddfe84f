/**
 * `npm run test:notebooks`: execute every notebook once under tslab into build/notebooks/ (two at a
 * time, every code cell run a second time, each exercise also with its "정답 보기" answer; report.json
 * beside the executed copies), which the notebook tests and `npm run build:site` then read. Last in each
 * kernel, every "직접 해 보기" cell runs again with hostile edits: package.json's test:notebooks first
 * writes their plan (build/notebooks/hostile-edits.json) with test/fixtures/hostile-edits.ts, the test
 * data beside test/hostile-edits.test.ts, which judges them from the same report.
 * `npm run test:notebooks -- --deno`: the same under Deno's kernel into build/notebooks-deno/ (no hostile edits).
 * `npm run test:notebooks -- [--kernel deno] [--out DIR] [--rerun] [--answers] [--report FILE] [notebook ...]`:
 * the driver (scripts/jupyter/run_notebooks.py) with these arguments instead.
 */
import * as fs from "fs";
import * as path from "path";
import { DENO_RUN_ARGS, TEST_RUN_ARGS, VARIANTS_FILE, runDriver } from "../jupyter/notebook-runs";
import { ROOT } from "../paths";

export async function testNotebooks(args: string[]): Promise<number> {
  if (args.length === 1 && args[0] === "--deno") return runDriver(DENO_RUN_ARGS);
  if (args.length) return runDriver(args);
  if (!fs.existsSync(VARIANTS_FILE)) {
    throw new Error(`${path.relative(ROOT, VARIANTS_FILE)}이 없습니다: \`npm run test:notebooks\`로 실행하세요 ` +
      "(no hostile-edit plan: run `npm run test:notebooks`, which writes it first)");
  }
  return runDriver(TEST_RUN_ARGS);
}

if (require.main === module) {
  testNotebooks(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`test:notebooks: ${(e as Error).message}`);
    process.exit(1);
  });
}
