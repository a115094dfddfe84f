/**
 * Turning one notebook cell (TypeScript) into JavaScript that runs like a tslab cell, in the page's
 * worker (scripts/runner/kernel.ts):
 *  - types are stripped by sucrase (no type-checking: the page says so);
 *  - top-level `const`/`let`/`var`/`function`/`class` and imports become properties of one scope object
 *    shared by every cell, so later cells see them and running a cell again that declares `const x` works;
 *  - imports become synchronous lookups in the worker's module table (`__import`);
 *  - top-level `await` works (the cell body runs in an async function);
 *  - the value of a last expression statement is returned, to be shown like tslab shows it.
 */
import { transform } from "sucrase";
import * as acorn from "acorn";

export interface CompiledCell {
  /** The body of `async () => { … }`, to run inside `with (scope)`. */
  body: string;
  /** Names the cell declares at the top level (they must exist on the scope before it runs). */
  names: string[];
  /** Modules the cell imports, in order. */
  modules: string[];
  /** Whether the body returns the value of its last expression. */
  returnsValue: boolean;
}

/** A compile error a learner can read: "3:7: Unexpected token". */
export class CellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyntaxError";
  }
}

type Node = acorn.Node & Record<string, any>; // acorn's ESTree nodes, read by field name

/** Names bound by a declaration pattern: `a`, `{ a, b: [c] }`, `[d, ...e]`. */
function patternNames(p: Node, out: string[]): void {
  switch (p.type) {
    case "Identifier": out.push(p.name); break;
    case "ObjectPattern": for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out); break;
    case "ArrayPattern": for (const el of p.elements) if (el) patternNames(el, out); break;
    case "RestElement": patternNames(p.argument, out); break;
    case "AssignmentPattern": patternNames(p.left, out); break;
  }
}

/**
 * Run a compiled cell: its names go into `scope` (shared by all cells), its imports come from `load`.
 * Resolves with the value of the cell's last expression (or undefined).
 */
export function runCell(
  cell: CompiledCell, scope: Record<string, unknown>, load: (name: string) => unknown, interopDefault: (m: unknown) => unknown,
): Promise<unknown> {
  for (const n of cell.names) if (!(n in scope)) scope[n] = undefined;
  const fn = new Function("__scope", "__import", "__default", `with (__scope) { return (async () => {\n${cell.body}\n})(); }`);
  return fn(scope, load, interopDefault);
}

export function compileCell(source: string): CompiledCell {
  let js: string;
  try {
    js = transform(source, { transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true }).code;
  } catch (e) {
    throw new CellSyntaxError((e as Error).message.split("\n")[0]);
  }
  let program: Node;
  try {
    program = acorn.parse(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true, locations: true }) as Node;
  } catch (e) {
    throw new CellSyntaxError((e as Error).message);
  }
  const names: string[] = [];
  const modules: string[] = [];
  const hoisted: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const text = (n: Node) => js.slice(n.start, n.end);
  const statements: Node[] = program.body;
  let returnsValue = false;

  statements.forEach((st, k) => {
    if (st.type === "ImportDeclaration") {
      const mod = st.source.value as string;
      modules.push(mod);
      const parts: string[] = [];
      for (const s of st.specifiers as Node[]) {
        names.push(s.local.name);
        if (s.type === "ImportNamespaceSpecifier") parts.push(`${s.local.name} = __import(${JSON.stringify(mod)});`);
        else if (s.type === "ImportDefaultSpecifier") parts.push(`${s.local.name} = __default(__import(${JSON.stringify(mod)}));`);
        else {
          const imported = s.imported.type === "Identifier" ? s.imported.name : s.imported.value;
          parts.push(`${s.local.name} = __import(${JSON.stringify(mod)})[${JSON.stringify(imported)}];`);
        }
      }
      edits.push({ start: st.start, end: st.end, text: parts.length ? parts.join(" ") : `__import(${JSON.stringify(mod)});` });
    } else if (st.type === "VariableDeclaration") {
      const parts = (st.declarations as Node[]).map((d) => {
        patternNames(d.id, names);
        const init = d.init ? text(d.init) : "undefined";
        return d.id.type === "Identifier" ? `${d.id.name} = ${init};` : `(${text(d.id)} = ${init});`;
      });
      edits.push({ start: st.start, end: st.end, text: parts.join(" ") });
    } else if (st.type === "FunctionDeclaration") {
      names.push(st.id.name);
      hoisted.push(`${st.id.name} = ${text(st)};`);
      edits.push({ start: st.start, end: st.end, text: "" });
    } else if (st.type === "ClassDeclaration") {
      names.push(st.id.name);
      edits.push({ start: st.start, end: st.end, text: `${st.id.name} = ${text(st)};` });
    } else if (st.type === "ExportNamedDeclaration" || st.type === "ExportDefaultDeclaration" || st.type === "ExportAllDeclaration") {
      throw new CellSyntaxError(`${st.loc?.start.line}:${(st.loc?.start.column ?? 0) + 1}: export는 노트북 셀에서 쓸 수 없습니다 / export is not allowed in a cell`);
    } else if (k === statements.length - 1 && st.type === "ExpressionStatement") {
      returnsValue = true;
      edits.push({ start: st.start, end: st.end, text: `return (${text(st.expression)});` });
    }
  });

  let body = js;
  for (const e of edits.sort((a, b) => b.start - a.start)) body = body.slice(0, e.start) + e.text + body.slice(e.end);
  return { body: hoisted.join("\n") + (hoisted.length ? "\n" : "") + body, names: [...new Set(names)], modules: [...new Set(modules)], returnsValue };
}
