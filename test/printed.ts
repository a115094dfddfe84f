/**
 * What a learner reads as text in each code cell of an executed notebook, and where two such texts
 * differ: shared by the Deno-against-tslab tests (deno-notebooks.test.ts, deno-plain.test.ts).
 */
import * as fs from "fs";
import * as ts from "typescript";

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
/** A measured duration: a number and a unit of time. */
const DURATION = /\d+(?:\.\d+)?\s*(?:ms|밀리초|초|µs|s)(?![\w가-힣])/g;

/** The first place where two printed texts differ (text exactly, numbers beyond 1e-12 relative), or undefined. */
export function printedDifference(a: string, b: string, rel = 1e-12, abs = 1e-15): string | undefined {
  a = a.replace(DURATION, "<duration>");
  b = b.replace(DURATION, "<duration>");
  const textA = a.replace(NUMBER, "#"), textB = b.replace(NUMBER, "#");
  if (textA !== textB) {
    const linesA = textA.split("\n"), linesB = textB.split("\n");
    const i = linesA.findIndex((l, k) => l !== linesB[k]);
    const at = i < 0 ? linesA.length : i;
    return `text differs at line ${at + 1}: ${JSON.stringify(a.split("\n")[at])} vs ${JSON.stringify(b.split("\n")[at])}`;
  }
  const numsA = a.match(NUMBER) ?? [], numsB = b.match(NUMBER) ?? [];
  for (let k = 0; k < numsA.length; k++) {
    const x = Number(numsA[k]), y = Number(numsB[k]);
    if (x === y) continue;
    const d = Math.abs(x - y);
    if (!(d <= rel * Math.max(Math.abs(x), Math.abs(y)) || d <= abs)) return `number ${k + 1}: ${numsA[k]} vs ${numsB[k]}`;
  }
  return undefined;
}

interface Output { output_type: string; name?: string; text?: string | string[]; data?: Record<string, string | string[]> }
interface Cell { cell_type: string; source: string | string[]; outputs?: Output[] }
const joined = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

/** Whether a cell ends in an expression (tslab then prints its value). */
export function endsInExpression(source: string): boolean {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2020, false, ts.ScriptKind.TS);
  const last = file.statements[file.statements.length - 1];
  return !!last && ts.isExpressionStatement(last);
}

/** What a learner reads as text in each code cell: stdout, and the cell's value where tslab would show one. */
export function printedByCell(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Cell[] };
  return nb.cells.filter((c) => c.cell_type === "code").map((c) => {
    const showsValue = endsInExpression(joined(c.source));
    let out = "";
    for (const o of c.outputs ?? []) {
      if (o.output_type === "stream" && o.name === "stdout") out += joined(o.text);
      // Deno colours a cell's value with terminal escapes (ESC [ … m); tslab does not
      // eslint-disable-next-line no-control-regex
      if (o.output_type === "execute_result" && showsValue) out += joined(o.data?.["text/plain"]).replace(/\u001b\[[0-9;]*m/g, "") + "\n";
    }
    return out;
  });
}
