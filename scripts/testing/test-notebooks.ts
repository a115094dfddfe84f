/**
 * `npm run test:notebooks`: execute every notebook once under tslab into build/notebooks/ (two at a
 * time, every code cell run a second time, each exercise also with its "정답 보기" answer; report.json
 * beside the executed copies), which the notebook tests and `npm run build:site` then read. Last in each
 * kernel, every "직접 해 보기" cell runs again with hostile edits (scripts/hostile-edits.ts), which
 * test/hostile-edits.test.ts judges from the same report.
 * `npm run test:notebooks -- --deno`: the same under Deno's kernel into build/notebooks-deno/ (no hostile edits).
 * `npm run test:notebooks -- [--kernel deno] [--out DIR] [--rerun] [--answers] [--report FILE] [notebook ...]`:
 * the driver (scripts/run_notebooks.py) with these arguments instead.
 */
import { DENO_RUN_ARGS, TEST_RUN_ARGS, VARIANTS_FILE, runDriver } from "./notebook-runs";
import { writeHostilePlan } from "./hostile-edits";

export async function testNotebooks(args: string[]): Promise<number> {
  if (args.length === 1 && args[0] === "--deno") return runDriver(DENO_RUN_ARGS);
  if (args.length) return runDriver(args);
  writeHostilePlan(VARIANTS_FILE);
  return runDriver(TEST_RUN_ARGS);
}

if (require.main === module) {
  testNotebooks(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`test:notebooks: ${(e as Error).message}`);
    process.exit(1);
  });
}
