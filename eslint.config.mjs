// npm run lint: ESLint with typescript-eslint's recommended rules and the project's formatting rules over
// the library, the scripts, the tests and the notebooks' code cells; npm run format is the same with --fix.
// Syntax rules only (no type information), so it runs in seconds. Why typescript-eslint and not Biome: it
// reads TypeScript with TypeScript's own parser (the project pins 5.0, tslab's), and its rules are the ones
// most TypeScript projects already know.
//
// Formatting: @stylistic/eslint-plugin (the formatting rules ESLint itself used to have), not Prettier.
// Each rule is set to the style the code already had (2 spaces, double quotes, semicolons, 1tbs braces,
// trailing commas on multi-line lists), so turning them on changed a handful of lines, not every file;
// Prettier would have rewrapped most files (its printWidth re-breaks lines the authors broke by meaning)
// and it cannot read notebooks, while these rules reach notebook cells through the processor below.
// Rules that the code follows both ways (where a line breaks around an operator, quoted property names)
// are left out rather than forcing a mass rewrite.
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import tseslint from "typescript-eslint";
import notebooks from "./eslint-notebook-processor.mjs";

const MAX_LINE = 110;

export default tseslint.config(
  {
    ignores: ["build/", "lib/dist/", "site/", "node_modules/", "artifacts/", ".jupyter/",
      "scripts/testing/jupyterlab-page/", "**/*.js", "**/*.mjs"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The project compiles to CommonJS (tslab's fixed setting) and loads mathjs, TensorFlow.js and
      // TypeScript with require() at first use, so that `import … from "nn-lesson"` stays fast.
      "@typescript-eslint/no-require-imports": "off",
      // A parameter named _x is there for its position (a Node-compatible signature), not for use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.ts"],
    plugins: { "@stylistic": stylistic },
    rules: {
      // chained conditionals stay flat (`a ? x\n    : b ? y\n    : z`), as the code writes them
      "@stylistic/indent": ["error", 2, { flatTernaryExpressions: true }],
      "@stylistic/no-tabs": "error",
      "@stylistic/no-mixed-spaces-and-tabs": "error",
      "@stylistic/no-trailing-spaces": "error",
      "@stylistic/linebreak-style": ["error", "unix"],
      "@stylistic/eol-last": "error",
      "@stylistic/no-multiple-empty-lines": ["error", { max: 1, maxBOF: 0, maxEOF: 0 }],
      "@stylistic/semi": ["error", "always"],
      "@stylistic/semi-spacing": "error",
      "@stylistic/no-extra-semi": "error",
      "@stylistic/quotes": ["error", "double", { avoidEscape: true, allowTemplateLiterals: "always" }],
      "@stylistic/brace-style": ["error", "1tbs", { allowSingleLine: true }],
      "@stylistic/comma-dangle": ["error", "always-multiline"],
      "@stylistic/comma-spacing": "error",
      "@stylistic/key-spacing": "error",
      "@stylistic/keyword-spacing": "error",
      "@stylistic/space-infix-ops": "error",
      "@stylistic/space-unary-ops": "error",
      "@stylistic/space-before-blocks": "error",
      "@stylistic/space-in-parens": "error",
      "@stylistic/space-before-function-paren":
        ["error", { anonymous: "always", named: "never", asyncArrow: "always" }],
      "@stylistic/arrow-parens": ["error", "always"],
      "@stylistic/arrow-spacing": "error",
      "@stylistic/block-spacing": "error",
      "@stylistic/function-call-spacing": "error",
      "@stylistic/template-curly-spacing": "error",
      "@stylistic/rest-spread-spacing": "error",
      "@stylistic/no-whitespace-before-property": "error",
      "@stylistic/new-parens": "error",
      "@stylistic/dot-location": ["error", "property"],
      "@stylistic/padded-blocks": ["error", "never"],
      "@stylistic/member-delimiter-style": "error",
      "@stylistic/type-annotation-spacing": "error",
      "@stylistic/spaced-comment": ["error", "always"],
      "@stylistic/no-multi-spaces": ["error", { ignoreEOLComments: true }],
      "@stylistic/max-len": ["error", { code: MAX_LINE }],
    },
  },
  {
    // Tests walk plotly's figure JSON, whose shape the tests themselves assert.
    files: ["test/**/*.ts", "test-browser/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Notebook code cells: each cell becomes a virtual file notebooks/x.ipynb/<k>_cell-<n>.ts.
    files: ["notebooks/*.ipynb"],
    plugins: { notebooks },
    processor: "notebooks/ipynb",
  },
  {
    // A cell is one piece of a tslab (or Deno) session, not a module on its own:
    files: ["notebooks/*.ipynb/*.ts"],
    languageOptions: { globals: { tslab: "readonly", Deno: "readonly" } },
    rules: {
      // a cell declares what later cells use, and uses what earlier cells declared;
      "@typescript-eslint/no-unused-vars": "off",
      // a `let` may be reassigned by a later cell (or by the learner's edit), and a value assigned here
      // may be read only by a later cell;
      "prefer-const": "off",
      "no-useless-assignment": "off",
      // a bare expression on a cell's last line is how a cell shows a value;
      "@typescript-eslint/no-unused-expressions": "off",
      // an exercise's placeholder `m = m; // TODO: …` does nothing on purpose until the learner fills it;
      "no-self-assign": "off",
      // a cell's text has no final newline (Jupyter stores it without).
      "@stylistic/eol-last": "off",
    },
  },
);
