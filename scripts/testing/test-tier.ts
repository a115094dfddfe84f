/**
 * `npm run test:unit` (the fast tier) / `npm run test:slow`: the unit tests in two tiers.
 *
 * A test file is slow when its first line says so: `// test tier: slow — why` (it needs the executed
 * notebooks of `npm run test:notebooks`, or starts kernels, installs, or loads TypeScript for every
 * case). Every other file is fast: the library, the figures, the checks, the docs — about half a
 * minute here, and runnable on a fresh clone right after `npm run build`. `npm test` runs the fast
 * tier before the notebooks, so a fast test that secretly needs their outputs fails there.
 *
 * `node build/scripts/testing/test-tier.js fast|slow|list` (list: each file with its tier and reason).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../paths";

const SOURCES = path.join(ROOT, "test");
const BUILT = path.join(ROOT, "build", "test");
const MARK = /^\/\/ test tier: slow\b\s*(?:—|-)?\s*(.*)$/;

export interface TestFile {
  /** test/x.test.ts */
  source: string;
  /** build/test/x.test.js */
  built: string;
  tier: "fast" | "slow";
  /** Why it is slow ("" for fast). */
  why: string;
}

/** Every test file with its tier, sorted by name. */
export function testFiles(): TestFile[] {
  return fs.readdirSync(SOURCES).filter((f) => f.endsWith(".test.ts")).sort().map((f) => {
    const first = fs.readFileSync(path.join(SOURCES, f), "utf8").split("\n", 1)[0];
    const m = MARK.exec(first);
    return {
      source: path.join("test", f), built: path.join(BUILT, f.replace(/\.ts$/, ".js")),
      tier: m ? "slow" : "fast", why: m ? m[1] : "",
    };
  });
}

function main(): void {
  const which = process.argv[2];
  if (which !== "fast" && which !== "slow" && which !== "list") {
    console.error("사용법 usage: node build/scripts/testing/test-tier.js fast|slow|list");
    process.exit(2);
  }
  const files = testFiles();
  if (which === "list") {
    for (const f of files) console.log(`${f.tier}  ${f.source}${f.why ? `  (${f.why})` : ""}`);
    return;
  }
  const chosen = files.filter((f) => f.tier === which);
  const missing = chosen.filter((f) => !fs.existsSync(f.built));
  if (missing.length > 0) {
    console.error(`먼저 npm run build를 실행하세요: ${missing[0].built}이(가) 없습니다 / run npm run build first`);
    process.exit(2);
  }
  console.log(`${which} tier: ${chosen.length} of ${files.length} test files`);
  const r = spawnSync(process.execPath, ["--test", ...chosen.map((f) => f.built)], { stdio: "inherit", cwd: ROOT });
  process.exit(r.status ?? 1);
}

if (require.main === module) main();
