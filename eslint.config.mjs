// npm run lint: ESLint with typescript-eslint's recommended rules over the library, the scripts and the
// tests. Syntax rules only (no type information), so it runs in seconds; spacing and line endings are
// .editorconfig's. Why typescript-eslint and not Biome: it reads TypeScript with TypeScript's own parser
// (the project pins 5.0, tslab's), and its rules are the ones most TypeScript projects already know.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/", "lib/dist/", "site/", "node_modules/", "artifacts/", ".jupyter/", "scripts/testing/jupyterlab-page/",
      "**/*.js", "**/*.mjs"],
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
    // Tests walk plotly's figure JSON, whose shape the tests themselves assert.
    files: ["test/**/*.ts", "test-browser/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
