/**
 * tslab's own cell converter (node_modules/tslab/dist/converter.js, with the TypeScript 5.0.4 fork that
 * tslab runs) over a virtual file system: the page compiles and type-checks a cell exactly as tslab does
 * in Jupyter, with the same options (ES2022, CommonJS output, Node10 resolution, @types/node), the same
 * way of sharing top-level names between cells (`exports.x`), and its diagnostics in Korean.
 * Used by the page's compiler worker (compiler-worker.ts) and by the tests in Node.
 */
import * as ts from "@tslab/typescript-for-tslab";
import { VIRTUAL_ROOT, VirtualFiles, virtualSystem } from "./tsvfs";

import type { ConvertedCell } from "./cell-types";

export type { CellDiagnostic, ConvertedCell } from "./cell-types";
export { formatDiagnostics } from "./cell-types";

export interface CellConverter {
  convert(prevDecl: string, src: string): ConvertedCell;
}

/** TypeScript's functions that tslab's fork exports but does not declare. */
export const tsInternal = ts as typeof ts & {
  setSys(s: ts.System): void;
  setLocalizedDiagnosticMessages(messages: Record<string, string> | undefined): void;
};

/** Where TypeScript's lib files are in the virtual project (TypeScript finds them beside itself). */
export const VIRTUAL_TS = `${VIRTUAL_ROOT}/node_modules/@tslab/typescript-for-tslab/lib/typescript.js`;

/**
 * tslab's converter on `files`; `messages` (TypeScript's lib/ko/diagnosticMessages.generated.json)
 * makes its diagnostics Korean. Only one converter per process: TypeScript's `sys` is global.
 */
export function createPageConverter(files: VirtualFiles, messages?: Record<string, string>): CellConverter {
  tsInternal.setSys(virtualSystem(files, VIRTUAL_TS));
  if (messages) tsInternal.setLocalizedDiagnosticMessages(messages);
  // required here, after setSys: the converter reads ts.sys when it is loaded and created
  const { createConverter } = require("tslab/dist/converter") as typeof import("tslab/dist/converter");
  const conv = createConverter({ isJS: false, isBrowser: false });
  return { convert: (prevDecl, src) => conv.convert(prevDecl, src) as unknown as ConvertedCell };
}
