/**
 * npm 12 and Node 24 (scripts/testing/npm12-node24.ts, which .ci/run runs after `npm test`: a clean clone installed by
 * npm 12 under Node 24, then three notebooks compared with the Node 20 run). Here, with no network: package.json's
 * allowScripts covers every dependency of the lockfile that has an install script, in the form npm approve-scripts
 * writes; engines.node is what is tested; the script's parsing of npm's warnings and its comparison of two runs.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./helpers";
import { CHECKED, blockedScripts, compareRuns } from "../scripts/testing/npm12-node24";
import { NotebookReport, NotebookRun } from "../scripts/jupyter/notebook-runs";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

test("allowScripts covers every locked dependency with an install script (by name: the lockfile has no resolved URLs to pin against)", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; resolved?: string }>)
    .filter(([where, p]) => where.startsWith("node_modules/") && p.hasInstallScript)
    .map(([where]) => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length));
  assert.deepEqual([...new Set(withScripts)].sort(), ["deno", "esbuild", "zeromq"], "reviewed in docs/dependencies.md; a new one needs a review and `npm approve-scripts NAME`");
  assert.deepEqual(pkg.allowScripts, { deno: true, esbuild: true, zeromq: true });
  // npm 12 only matches a pinned entry (deno@2.9.6) against a lockfile entry with a resolved URL
  for (const name of withScripts) assert.equal(lock.packages[`node_modules/${name}`].resolved, undefined, `${name} has a resolved URL: pin it`);
  assert.equal(pkg.devDependencies.deno, "2.9.6");
  assert.equal(pkg.devDependencies.esbuild, "0.28.2");
});

test("engines.node is >=20, the oldest Node the tests run on", () => {
  assert.equal(pkg.engines.node, ">=20");
  assert.ok(Number(process.versions.node.split(".")[0]) >= 20);
});

test("blockedScripts finds npm 12's and npm 11's install-scripts warnings, and nothing in a clean install", () => {
  const npm12 = [
    "added 115 packages in 23s",
    "npm warn install-scripts 3 packages had install scripts blocked because they are not covered by allowScripts:",
    "npm warn install-scripts   deno@2.9.6 (postinstall: node ./install.cjs)",
    "npm warn install-scripts",
    "npm warn install-scripts Run `npm install-scripts ls` to review, or `npm install-scripts approve <pkg>` to allow.",
  ].join("\n");
  assert.equal(blockedScripts(npm12).length, 3);
  assert.match(blockedScripts(npm12)[1], /deno@2\.9\.6/);
  assert.equal(blockedScripts("npm warn install-scripts 3 packages have install scripts not yet covered by allowScripts:").length, 1);
  assert.deepEqual(blockedScripts('npm warn Unknown user config "nodedir".\n\nadded 115 packages in 23s\n'), []);
});

test("compareRuns: the same verdicts and outputs pass; an error, another verdict, a missing notebook are named", () => {
  const run = (over: Partial<NotebookRun> = {}): NotebookRun => ({
    source: "", kernel: "tslab", startSeconds: 1, executed: null, seconds: 1, wallSeconds: 2, cellSeconds: [], first: [], again: [],
    stdout: "", lateOutputs: 0, stderr: "", stderrAgain: "", html: 5,
    exercises: [{ cell: 9, committed: ["wrong", "shape"], answered: ["exact", "exact"], answerErrors: [], problem: "" }], ...over,
  });
  const report = (nb: Record<string, NotebookRun>): NotebookReport =>
    ({ created: "", seconds: 1, options: { kernel: "tslab", rerun: true, answers: true, jobs: 2, out: null }, notebooks: nb });
  const names = CHECKED.slice(0, 3);
  const base = report(Object.fromEntries(names.map((n) => [n, run()])));
  assert.deepEqual(compareRuns(names, base, report(Object.fromEntries(names.map((n) => [n, run()])))), []);
  const [a, b, c] = names;
  const diffs = compareRuns(names, base, report({
    [a]: run({ first: ["cell 3: error: ReferenceError: x is not defined"] }),
    [b]: run({ html: 4, exercises: [{ cell: 9, committed: ["wrong", "shape"], answered: ["exact", "approximate"], answerErrors: [], problem: "" }] }),
  }));
  assert.equal(diffs.length, 4, diffs.join("\n"));
  assert.match(diffs[0], new RegExp(`^${a}: cell 3: error`));
  assert.match(diffs[1], /4 HTML outputs, 5 in the reference run/);
  assert.match(diffs[2], /answered exact,approximate/);
  assert.equal(diffs[3], `${c}: did not run`);
  // under Node 24, every notebook of the course runs, not a sample
  assert.deepEqual(CHECKED, fs.readdirSync(path.join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort());
  assert.ok(CHECKED.length >= 15);
});
