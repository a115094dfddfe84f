/**
 * `npm run test:notebooks`: execute every notebook once under tslab into build/notebooks/ (two at a
 * time, every code cell run a second time, each exercise also with its "정답 보기" answer; report.json
 * beside the executed copies), which the notebook tests and `npm run build:site` then read.
 * `npm run test:notebooks -- --deno`: the same under Deno's kernel into build/notebooks-deno/.
 * `npm run test:notebooks -- [--kernel deno] [--out DIR] [--rerun] [--answers] [--report FILE] [notebook ...]`:
 * the driver (scripts/run_notebooks.py) with these arguments instead.
 */
import { DENO_RUN_ARGS, TEST_RUN_ARGS, runDriver } from "./notebook-runs";

export async function testNotebooks(args: string[]): Promise<number> {
  if (args.length === 1 && args[0] === "--deno") return runDriver(DENO_RUN_ARGS);
  return runDriver(args.length ? args : TEST_RUN_ARGS);
}

if (require.main === module) {
  testNotebooks(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`test:notebooks: ${(e as Error).message}`);
    process.exit(1);
  });
}
