/**
 * `node build/scripts/bench/notebook-times.js [TSLAB_REPORT DENO_REPORT]`: each notebook's time under
 * tslab and under Deno's kernel, side by side, from the reports of `npm run test:notebooks` and
 * `npm run test:notebooks:deno` (or two reports given): kernel start (start to kernel_info reply),
 * all code cells of the first run, and the outputs Deno sent after saying a cell was done.
 * Reported, never asserted (machines are noisy).
 */
import * as fs from "fs";
import { DENO_REPORT, NOTEBOOK_REPORT, NotebookReport } from "../jupyter/notebook-runs";

function read(file: string): NotebookReport {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file}을 읽을 수 없습니다: \`npm run test:notebooks\`와 \`npm run test:notebooks:deno\`를 먼저 실행하세요 (cannot read ${file})`);
  }
}

export function timesTable(tslab: NotebookReport, deno: NotebookReport): string {
  const s = (x: number | null | undefined) => (x == null ? "–" : x.toFixed(2));
  const rows = Object.keys(tslab.notebooks).sort().map((name) => {
    const t = tslab.notebooks[name], d = deno.notebooks[name];
    return `| ${name} | ${s(t.startSeconds)} | ${s(t.seconds)} | ${s(d?.startSeconds)} | ${s(d?.seconds)} | ${d?.lateOutputs ?? "–"} |`;
  });
  const sum = (r: NotebookReport, k: "seconds" | "startSeconds") => Object.values(r.notebooks).reduce((a, n) => a + (n[k] ?? 0), 0);
  return [
    "| notebook | tslab start (s) | tslab cells (s) | Deno start (s) | Deno cells (s) | Deno late outputs |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    `| total | ${s(sum(tslab, "startSeconds"))} | ${s(sum(tslab, "seconds"))} | ${s(sum(deno, "startSeconds"))} | ${s(sum(deno, "seconds"))} | ` +
      `${Object.values(deno.notebooks).reduce((a, n) => a + (n.lateOutputs ?? 0), 0)} |`,
    "",
    `whole runs (wall): tslab ${tslab.seconds.toFixed(1)} s (${tslab.options.jobs} at a time), Deno ${deno.seconds.toFixed(1)} s (${deno.options.jobs} at a time)`,
  ].join("\n");
}

if (require.main === module) {
  const [a = NOTEBOOK_REPORT, b = DENO_REPORT] = process.argv.slice(2);
  try {
    console.log(timesTable(read(a), read(b)));
  } catch (e) {
    console.error(`notebook-times: ${(e as Error).message}`);
    process.exit(1);
  }
}
