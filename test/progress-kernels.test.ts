// test tier: slow — starts tslab and Deno kernels through jupyter_client
/**
 * The progress line of a long loop in real Jupyter kernels (lib/display/progress.ts), through
 * jupyter_client as a learner's Jupyter would run the cell (test/fixtures/progress_in_kernel.py): the
 * line is there while the loop runs (not only when the cell ends), rewritten in place under one
 * display_id, with the stop hint that holds in that kernel, and its last text says 100 %.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as path from "path";
import { spawnSync } from "child_process";
import { JUPYTER_DATA, NOTEBOOKS } from "../scripts/paths";
import { registerKernel } from "../scripts/jupyter/register-kernel";
import { findNotebookPython } from "../scripts/jupyter/jupyter";
import { ROOT } from "./helpers";

interface Message { t: number; type: string; content: { data?: Record<string, string>; transient?: { display_id?: string }; text?: string; execution_state?: string } }

function runLongCell(kernel: "tslab" | "deno"): Message[] {
  const python = findNotebookPython();
  assert.ok(python, "Python with jupyter_client (apt-get install python3-nbclient)");
  assert.ok(registerKernel(kernel), `${kernel} kernel registered`);
  const r = spawnSync(python, [path.join(ROOT, "test", "fixtures", "progress_in_kernel.py"), kernel, JUPYTER_DATA, NOTEBOOKS], { encoding: "utf8", timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

/** The progress messages: the display and its updates (one display_id), with their text. */
function progressLines(msgs: Message[]): { t: number; type: string; id?: string; text: string }[] {
  return msgs
    .filter((m) => (m.type === "display_data" || m.type === "update_display_data") && /trainFast\(\) 반복/.test(m.content.data?.["text/plain"] ?? ""))
    .map((m) => ({ t: m.t, type: m.type, id: m.content.transient?.display_id, text: m.content.data!["text/plain"] }));
}

for (const [kernel, hint] of [["tslab", /\(멈추려면 ■ 커널 중단 \/ interrupt\)$/], ["deno", /\(■ 커널 중단은 Deno 커널을 다시 시작합니다: 값이 사라집니다 \/ interrupt restarts Deno's kernel\)$/]] as const) {
  test(`${kernel}: a long loop shows one progress line while it runs, rewritten in place, ending at 100 %`, () => {
    const msgs = runLongCell(kernel);
    const end = msgs.find((m) => m.type === "status" && m.content.execution_state === "idle")!.t;
    const lines = progressLines(msgs);
    console.log(`# ${kernel}: cell ${end.toFixed(2)} s, ${lines.length} progress messages, first at ${lines[0]?.t.toFixed(2)} s: ${lines[0]?.text}`);
    assert.ok(lines.length >= 3, `progress messages: ${JSON.stringify(msgs.map((m) => m.type))}`);
    assert.equal(lines[0].type, "display_data");
    assert.ok(lines.slice(1).every((l) => l.type === "update_display_data"), "then updates of it");
    assert.ok(lines[0].id && lines.every((l) => l.id === lines[0].id), "one display_id");
    assert.match(lines[0].text, hint);
    assert.match(lines[0].text, /^trainFast\(\) 반복 [\d,]+ \/ 6,000,000 \(\d+ %\) — \d+\.\d초 /);
    assert.match(lines[lines.length - 1].text, /^trainFast\(\) 반복 6,000,000 \/ 6,000,000 \(100 %\) — \d+\.\d초$/);
    // sent while the loop ran: the first line reached the client well before the cell ended
    assert.ok(lines[0].t < end - 0.2, `first line at ${lines[0].t} s, cell ended at ${end} s`);
  });
}
