/**
 * `npm run test:notebooks`: execute every notebook once under tslab into build/notebooks/ (two at a
 * time, every code cell run a second time, each exercise also with its "정답 보기" answer; report.json
 * beside the executed copies), which the notebook tests and `npm run build:site` then read. Last in each
 * kernel, every "직접 해 보기" cell runs again with hostile edits, which test/hostile-edits.test.ts judges
 * from the same report. The edits are test data (test/fixtures/hostile-edits.ts): package.json hands
 * their compiled module to this script (`--hostile build/test/fixtures/hostile-edits.js`), which writes
 * their plan to build/notebooks/hostile-edits.json first. Where test/ is not (the course zip), the
 * notebooks run without them.
 * `npm run test:notebooks -- --deno`: the same under Deno's kernel into build/notebooks-deno/ (no hostile edits).
 * `npm run test:notebooks -- [--kernel deno] [--out DIR] [--rerun] [--answers] [--report FILE] [notebook ...]`:
 * the driver (scripts/jupyter/run_notebooks.py) with these arguments instead.
 */
import * as fs from "fs";
import * as path from "path";
import { DENO_RUN_ARGS, TEST_RUN_ARGS, VARIANTS_FILE, runDriver } from "../jupyter/notebook-runs";

/** What a --hostile module exports (test/fixtures/hostile-edits.ts). */
interface HostilePlanner { writeHostilePlan(file: string): string }

export async function testNotebooks(argv: string[]): Promise<number> {
  let args = argv;
  let planner: string | undefined;
  if (args[0] === "--hostile") [planner, args] = [args[1], args.slice(2)];
  if (args.length === 1 && args[0] === "--deno") return runDriver(DENO_RUN_ARGS);
  if (args.length) return runDriver(args);
  if (planner && fs.existsSync(planner)) {
    (require(path.resolve(planner)) as HostilePlanner).writeHostilePlan(VARIANTS_FILE);
    return runDriver(TEST_RUN_ARGS);
  }
  console.log("망가뜨리는 편집 없이 실행합니다 (no hostile edits: their test data, test/fixtures/, is not here)");
  const at = TEST_RUN_ARGS.indexOf("--variants");
  return runDriver([...TEST_RUN_ARGS.slice(0, at), ...TEST_RUN_ARGS.slice(at + 2)]);
}

if (require.main === module) {
  testNotebooks(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`test:notebooks: ${(e as Error).message}`);
    process.exit(1);
  });
}
