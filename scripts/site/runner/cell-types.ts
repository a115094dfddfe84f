/**
 * What tslab's converter makes of a cell (tslab/dist/converter.d.ts ConvertResult, the fields the page
 * uses), shared by the page, its compiler worker and the build. No imports: the page bundle stays small.
 */
export interface DiagnosticPos { offset: number; line: number; character: number }
export interface CellDiagnostic {
  start: DiagnosticPos;
  end: DiagnosticPos;
  messageText: string;
  category: number;
  code: number;
  fileName?: string;
}
export interface ConvertedCell {
  output?: string;
  declOutput?: string;
  /** When not empty, the cell does not run (tslab prints them and stops). */
  diagnostics: CellDiagnostic[];
  lastExpressionVar?: string;
  hasToplevelAwait?: boolean;
}

/** One notebook cell compiled at build time after the cells above it: the key is (prevDecl, src). */
export interface CompiledCell { prevDecl: string; src: string; result: ConvertedCell; defines: string[] }

/**
 * Diagnostics as tslab prints them (tslab/dist/executor.js printDiagnostics): "line:col - message",
 * one line each, the file name first when the error is in another file.
 */
export function formatDiagnostics(diagnostics: readonly CellDiagnostic[]): string {
  return diagnostics.map((d) => `${d.fileName ? d.fileName + " " : ""}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}\n`).join("");
}
