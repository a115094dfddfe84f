/**
 * mathjs for the page's kernel, unchanged but lazy. `require("mathjs")` (its CommonJS main entry) loads
 * ~600 modules and creates all of mathjs's ~500 functions at once (typed-function compiles every
 * signature): most of the page's first run. This esbuild plugin rewrites four generated files of that
 * entry so that each part is made when it is first read, with the same factory, the same dependencies
 * and the same read-only config, as mathjs's own `create()` makes the functions of its instances:
 *
 *  - entry/pureFunctionsAny.generated.js: every `const x = exports.x = <factory>({ deps })` becomes a
 *    getter that calls the factory once, on first use (its dependencies are made the same way);
 *  - entry/impureFunctionsAny.generated.js (the expression parser, Node classes, chain, simplify,
 *    derivative…) and entry/dependenciesAny.generated.js: each file runs on the first read of any of
 *    its exports;
 *  - factoriesAny.js: a factory's module is loaded when the factory is first read (mathjs declares
 *    `"sideEffects": false`: its modules only define things).
 *
 * The module has the same exports, in the same order, with the same values (test/runner-mathjs.test.ts):
 * only when they are made changes. The rewrite checks the shape of each file and fails the build if a
 * mathjs update changes it.
 */
import type * as esbuild from "esbuild";

function fail(file: string, why: string): never {
  throw new Error(`runner-mathjs: ${file} is not shaped as expected (${why}): check the mathjs version`);
}

/** The pure functions file, each definition made a getter that creates its value once. */
export function lazyPure(src: string, file = "pureFunctionsAny.generated.js"): string {
  const lines = src.split("\n");
  const out: string[] = [];
  const defs: { name: string; body: string[] }[] = [];
  const names = new Set<string>();
  let k = 0;
  // the prelude: "use strict", the void 0 exports (their order is the module's key order), the requires
  for (; k < lines.length && !lines[k].startsWith("const "); k++) out.push(lines[k]);
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (line === "" || line.startsWith("//")) continue;
    const m = /^const (\w+) = exports\.\1 = (.*)$/.exec(line);
    if (!m) fail(file, `line ${k + 1}: ${line.slice(0, 60)}`);
    const body = [m[2]];
    // a factory call spans lines up to "});"; an alias (const apply = exports.apply = mapSlices;) is one line
    if (!m[2].endsWith(";")) {
      for (k++; k < lines.length && lines[k] !== "});"; k++) body.push(lines[k]);
      if (k === lines.length) fail(file, `no end for ${m[1]}`);
      body.push(lines[k]);
    }
    defs.push({ name: m[1], body });
    names.add(m[1]);
  }
  const ref = (id: string) => (names.has(id) ? `${id}$()` : id);
  out.push(
    "function __lazy(get) { let done = false, value; return function () { if (!done) { value = get(); done = true; } return value; }; }",
  );
  for (const { name, body } of defs) {
    let expr: string;
    if (body.length === 1) {
      const alias = /^(\w+);$/.exec(body[0]);
      const single = /^(\/\* #__PURE__ \*\/\(0, _factoriesAny\.create\w+\)\(\{\}\));$/.exec(body[0]);
      if (alias && names.has(alias[1])) expr = ref(alias[1]);
      else if (single) expr = single[1];
      else fail(file, `${name}: ${body[0].slice(0, 60)}`);
    } else {
      if (!/^\/\* #__PURE__ \*\/\(0, _factoriesAny\.create\w+\)\(\{$/.test(body[0])) fail(file, `${name}: ${body[0].slice(0, 60)}`);
      const deps = body.slice(1, -1).map((l) => {
        // "  typed," (shorthand) or "  config: _configReadonly.config"
        const d = /^ {2}(\w+)(?:: ([\w.]+))?,?$/.exec(l);
        if (!d) fail(file, `${name}: ${l}`);
        const value = d[2] ?? d[1];
        if (value.includes(".") ? value !== "_configReadonly.config" : !names.has(value)) fail(file, `${name}: dependency ${value}`);
        return `  ${d[1]}: ${ref(value)}`;
      });
      expr = `${body[0]}\n${deps.join(",\n")}\n})`;
    }
    out.push(`const ${name}$ = __lazy(() => ${expr});`);
    out.push(`Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, configurable: true, get: ${name}$ });`);
  }
  return out.join("\n");
}

/** The exports a generated file defines, in the order it defines them. */
function exportNames(src: string): string[] {
  const keys: string[] = [];
  for (const line of src.split("\n")) {
    // "exports.a = exports.b = … = void 0;" creates b before a
    const chain = /^((?:exports\.\w+ = )+)void 0;$/.exec(line);
    if (chain) keys.push(...[...chain[1].matchAll(/exports\.(\w+) = /g)].map((m) => m[1]).reverse());
    const getter = /^Object\.defineProperty\(exports, "(\w+)", \{$/.exec(line);
    if (getter && getter[1] !== "__esModule") keys.push(getter[1]);
  }
  return keys;
}

/** A whole file, run on the first read of any of its exports (its exports defined up front, in their order). */
export function lazyWhole(src: string, file: string, mustExport: string): string {
  const keys = exportNames(src);
  if (!keys.includes(mustExport) || new Set(keys).size !== keys.length) fail(file, `exports: ${keys.length}`);
  return [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    "const __real = {};",
    "let __done = false;",
    "function __init() {",
    "  if (__done) return;",
    "  __done = true;",
    `  (function (exports) {\n${src}\n  })(__real);`,
    "}",
    `for (const key of ${JSON.stringify(keys)}) {`,
    "  Object.defineProperty(exports, key, { enumerable: true, configurable: true, get() { __init(); return __real[key]; } });",
    "}",
  ].join("\n");
}

/** factoriesAny.js: each factory's module is loaded when the factory is first read, not all ~600 at once. */
export function lazyFactories(src: string, file = "factoriesAny.js"): string {
  const paths = new Map<string, string>();
  const out = src.split("\n").map((line, k) => {
    const req = /^var (_\w+) = require\(("[^"]+")\);$/.exec(line);
    if (req) {
      paths.set(req[1], req[2]);
      return `var ${req[1]}$ = () => require(${req[2]});`;
    }
    const get = /^ {4}return (_\w+)\.(\w+);$/.exec(line);
    if (get) return `    return ${get[1]}$().${get[2]};`;
    if (!/^("use strict";|Object\.defineProperty\(exports, "\w+", \{| {2}(value|enumerable): true,?| {2}get: function \(\) \{| {2}\}|\}\);|)$/.test(line)) fail(file, `line ${k + 1}: ${line.slice(0, 60)}`);
    return line;
  });
  for (const m of src.matchAll(/return (_\w+)\./g)) if (!paths.has(m[1])) fail(file, `${m[1]} is not required`);
  if (paths.size < 100) fail(file, `${paths.size} modules`);
  return out.join("\n");
}

const ENTRY = /[/\\]mathjs[/\\]lib[/\\]cjs[/\\](entry[/\\](?:pureFunctionsAny|impureFunctionsAny|dependenciesAny)\.generated|factoriesAny)\.js$/;

/** The esbuild plugin: mathjs's main entry with its functions made on first use. */
export const lazyMathjs: esbuild.Plugin = {
  name: "lazy-mathjs",
  setup(b) {
    b.onLoad({ filter: ENTRY }, async (args) => {
      const fs = await import("fs");
      const src = fs.readFileSync(args.path, "utf8");
      const name = ENTRY.exec(args.path)![1].replace(/\\/g, "/");
      const contents =
        name === "entry/pureFunctionsAny.generated" ? lazyPure(src, args.path)
        : name === "entry/impureFunctionsAny.generated" ? lazyWhole(src, args.path, "evaluate")
        : name === "entry/dependenciesAny.generated" ? lazyWhole(src, args.path, "multiplyDependencies")
        : lazyFactories(src, args.path);
      return { contents, loader: "js", resolveDir: (await import("path")).dirname(args.path) };
    });
  },
};
