/**
 * `npm run startup`: how long the first seconds of a notebook take under the project's tslab kernel
 * (scripts/bench/startup_times.py: kernel start -> ready, the first cells, each notebook's first output and
 * first plot, a warm trivial cell). `npm run startup -- --repeat 5 --no-notebooks` for the probe only.
 * Timings depend on the machine and its load: they are reported, never asserted.
 */
import * as path from "path";
import { runDriver } from "../jupyter/notebook-runs";
import { ROOT } from "../paths";

if (require.main === module) {
  runDriver(process.argv.slice(2), (l) => console.log(l), path.join(ROOT, "scripts", "bench", "startup_times.py")).then((code) => process.exit(code), (e) => {
    console.error(`startup: ${(e as Error).message}`);
    process.exit(1);
  });
}
