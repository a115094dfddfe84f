/**
 * The project's tslab kernel: `node build/scripts/jupyter/tslab-kernel.js kernel --config-path
 * {connection_file}`, the argv that register-kernel.ts writes for the project's own Jupyter and
 * user-kernel.ts for the user's (VS Code, an existing JupyterLab). It is tslab itself (its own `main()`),
 * started after three changes to tslab's modules, all made from outside tslab:
 *  - TypeScript speaks Korean: `ts.setLocalizedDiagnosticMessages` with lib/ko/diagnosticMessages.generated.json
 *    of the TypeScript that tslab uses (@tslab/typescript-for-tslab), and each diagnostic ends with its
 *    code, "(TS2588)", so that the English text and its answers are one web search away;
 *  - after a diagnostic or a runtime error, one "💡" line of help from the library (display/explain.ts)
 *    when it has one: tslab's executor is created with converters and a console that add it. The
 *    runtime error itself (V8's English message and stack) is printed as before;
 *  - tslab's `isCompleteCode` (Jupyter's is_complete_request: should Enter run the code or add a line?)
 *    recognises "… expected." in English only, so it runs with TypeScript's English messages.
 * tslab looks for a tslab in node_modules above the notebook's folder and runs that one (startKernel's
 * findLocalStartKernel): for the notebooks here it is this very module, so the changes apply. A notebook
 * in another project with its own tslab would run that tslab, unchanged.
 */
import * as fs from "fs";
import * as path from "path";
import { explainCell, explainError, explainLateError } from "nn-lesson/dist/display/explain";

/** The parts of tslab's converter and executor used here (tslab/dist/converter.d.ts, executor.d.ts). */
export interface TslabDiagnostic {
  start: { offset: number; line: number; character: number };
  messageText: string;
  code: number;
  fileName?: string;
}
export interface TslabConverter {
  convert(prevDecl: string, src: string): { diagnostics: TslabDiagnostic[] };
  addModule(name: string, content: string, meta?: unknown): TslabDiagnostic[];
  close(): void;
}
export interface TslabConverterSet {
  node: TslabConverter;
  browser: TslabConverter;
  close(): void;
}
export interface TslabConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
type CreateExecutor = (rootDir: string, convs: TslabConverterSet, console: TslabConsole) => unknown;
interface TypeScriptLocale {
  setLocalizedDiagnosticMessages(messages: unknown): void;
}

/** tslab's folder (the one this project installed). */
function tslabDir(): string {
  return path.dirname(require.resolve("tslab/package.json"));
}

/** The TypeScript module tslab type-checks with (the same instance tslab's converter requires). */
export function tslabTypeScript(): TypeScriptLocale & { version: string } {
  return require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir()] }));
}

let messages: unknown;

/**
 * TypeScript's diagnostics in `locale` (default Korean) for every converter of this process; returns
 * false, changing nothing, when the TypeScript has no such translation.
 */
export function localizeTypeScript(locale = "ko"): boolean {
  const ts = tslabTypeScript();
  const file = path.join(path.dirname(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir()] })), locale, "diagnosticMessages.generated.json");
  if (!fs.existsSync(file)) return false;
  messages = JSON.parse(fs.readFileSync(file, "utf8"));
  ts.setLocalizedDiagnosticMessages(messages);
  return true;
}

/** A converter whose diagnostics carry their code and help (convert for cells, addModule for `//@module` cells). */
export function explainingConverter(conv: TslabConverter): TslabConverter {
  return {
    ...conv,
    convert(prevDecl, src) {
      const r = conv.convert(prevDecl, src);
      explainCell(r.diagnostics, src);
      return r;
    },
    addModule(name, content, meta) {
      const ds = conv.addModule(name, content, meta);
      explainCell(ds, content);
      return ds;
    },
  };
}

/** tslab's converter set (created lazily, node and browser) with explaining converters. */
export function explainingConverters(convs: TslabConverterSet): TslabConverterSet {
  const wrapped = new Map<TslabConverter, TslabConverter>();
  const wrap = (c: TslabConverter) => {
    let w = wrapped.get(c);
    if (!w) wrapped.set(c, (w = explainingConverter(c)));
    return w;
  };
  return {
    get node() { return wrap(convs.node); },
    get browser() { return wrap(convs.browser); },
    close: () => convs.close(),
  };
}

function isErrorLike(e: unknown): e is { name: string; message: string } {
  return typeof e === "object" && e !== null && typeof (e as Error).name === "string" && typeof (e as Error).message === "string";
}

/** The executor's console: a runtime error (tslab prints it with console.error(e)) is followed by its line of help. */
export function explainingConsole(c: TslabConsole): TslabConsole {
  return {
    log: (...args) => c.log(...args),
    error: (...args) => {
      c.error(...args);
      if (args.length !== 1 || !isErrorLike(args[0])) return;
      const help = explainError(args[0]);
      if (help) c.error(help);
    },
  };
}

let installed = false;

/**
 * Korean diagnostics and the lines of help for every tslab executor this process creates; tslab's
 * is_complete check with English messages. Idempotent. Returns whether the diagnostics are Korean.
 */
export function installHooks(locale = "ko"): boolean {
  const korean = localizeTypeScript(locale);
  if (installed) return korean;
  installed = true;
  const executor = require(require.resolve("tslab/dist/executor")) as { createExecutor: CreateExecutor };
  const create = executor.createExecutor;
  executor.createExecutor = (rootDir, convs, console) => create(rootDir, explainingConverters(convs), explainingConsole(console));
  const converter = require(require.resolve("tslab/dist/converter")) as { isCompleteCode: (src: string) => unknown };
  const isComplete = converter.isCompleteCode;
  converter.isCompleteCode = (src) => {
    const ts = tslabTypeScript();
    ts.setLocalizedDiagnosticMessages(undefined);
    try {
      return isComplete(src);
    } finally {
      if (messages !== undefined) ts.setLocalizedDiagnosticMessages(messages);
    }
  };
  return korean;
}

/**
 * After tslab's own "UncaughtException: …" / "UnhandledPromiseRejection: …" line (printed by handlers it
 * registers when the kernel starts; Jupyter shows it under the last cell run): the line of help.
 */
export function explainLateErrors(): void {
  process.on("uncaughtException", (err) => console.error(explainLateError(err)));
  process.on("unhandledRejection", (reason) => console.error(explainLateError(reason)));
}

if (require.main === module) {
  installHooks();
  (require(require.resolve("tslab/dist/main")) as { main(): void }).main();
  explainLateErrors(); // after tslab's handlers, so its line comes first
}
