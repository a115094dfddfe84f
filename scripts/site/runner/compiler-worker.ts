/**
 * The page's compiler worker: tslab's converter (scripts/site/runner/compiler.ts) in a Web Worker of its own,
 * made from a Blob like the kernel. It outlives kernel restarts (■ 중지 ends the kernel, not this), so
 * TypeScript's first, slow start happens once per page. It keeps no cell state: the page sends the
 * declarations of the cells run so far with each cell (tslab's `prevDecl`).
 */
import { CellConverter, ConvertedCell, createPageConverter } from "./compiler";
import type { VirtualFiles } from "./tsvfs";

/** page → compiler */
export type ToCompiler =
  | { type: "init"; vfs: VirtualFiles; messages: Record<string, string>; warm?: string }
  | { type: "convert"; id: number; prevDecl: string; src: string };
/** compiler → page */
export type FromCompiler =
  | { type: "ready"; ms: number }
  | { type: "converted"; id: number; result: ConvertedCell; ms: number }
  | { type: "failed"; id: number; error: string };

const ctx = self as unknown as { postMessage(m: FromCompiler): void; onmessage: ((e: MessageEvent<ToCompiler>) => void) | null };
let conv: CellConverter | undefined;

ctx.onmessage = (e) => {
  const m = e.data;
  if (m.type === "init") {
    const t0 = performance.now();
    conv = createPageConverter(m.vfs, m.messages);
    // the first program build reads every library file, and the page's imports (`warm`, its first cell
    // with an import) bring in mathjs's and the library's types: do it now, not on the learner's first cell
    conv.convert("", m.warm ?? "");
    ctx.postMessage({ type: "ready", ms: performance.now() - t0 });
  } else if (m.type === "convert") {
    const t0 = performance.now();
    try {
      if (!conv) throw new Error("compiler not initialised");
      ctx.postMessage({ type: "converted", id: m.id, result: conv.convert(m.prevDecl, m.src), ms: performance.now() - t0 });
    } catch (err) {
      ctx.postMessage({ type: "failed", id: m.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }
};
