/**
 * The ready-made environments: .devcontainer/devcontainer.json (GitHub Codespaces, VS Code Dev Containers)
 * and .vscode/extensions.json are plain JSON; the container is a Node 24 image; its postCreateCommand installs
 * Jupyter with apt, then runs `npm ci` and `npm run kernel:install`, and every npm script it names exists;
 * the extension ids are well-formed (publisher.name) and both files recommend the Jupyter extension; the README's
 * VS Code section points to the container. Needs no notebook run.
 */
import { test } from "node:test";
import * as assert from "assert/strict";
import * as fs from "fs";
import * as path from "path";
import { ROOT, missingNpmScripts } from "./helpers";

const json = (rel: string): any => {
  const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    assert.fail(`${rel} is not plain JSON: ${(e as Error).message}`);
  }
};
/** A VS Code extension id: publisher.name (the Marketplace's identifier, as in ms-toolsai.jupyter). */
const EXTENSION_ID = /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/i;

test("devcontainer.json: a Node 24 image; postCreateCommand installs Jupyter, then npm ci, then npm run kernel:install", () => {
  const dc = json(".devcontainer/devcontainer.json");
  assert.match(dc.image, /^mcr\.microsoft\.com\/devcontainers\/(typescript|javascript)-node:24(-\w+)?$/);
  const cmd: string = dc.postCreateCommand;
  assert.equal(typeof cmd, "string");
  const order = [/apt-get install [^&]*\bjupyter-notebook\b/, /&& npm ci &&/, /&& npm run kernel:install$/].map((re) => cmd.search(re));
  assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])), `in order: ${order} in ${cmd}`);
  assert.deepEqual(missingNpmScripts(cmd), []);
  assert.deepEqual(missingNpmScripts(cmd.replace("kernel:install", "kernel:instal")), ["kernel:instal"], "a misspelt script is caught");
});

test("extension ids are well-formed and both files recommend ms-toolsai.jupyter", () => {
  const dc = json(".devcontainer/devcontainer.json");
  const inContainer: string[] = dc.customizations.vscode.extensions;
  const recommended: string[] = json(".vscode/extensions.json").recommendations;
  for (const id of [...inContainer, ...recommended]) assert.match(id, EXTENSION_ID);
  for (const bad of ["ms-toolsai", "ms-toolsai.jupyter ", "ms toolsai.jupyter", "ms-toolsai..jupyter"]) assert.doesNotMatch(bad, EXTENSION_ID);
  assert.ok(inContainer.includes("ms-toolsai.jupyter"));
  assert.deepEqual([...recommended].sort(), [...inContainer].sort());
  // the README's VS Code steps need no setting, so there is no .vscode/settings.json; one added later must parse
  if (fs.existsSync(path.join(ROOT, ".vscode", "settings.json"))) json(".vscode/settings.json");
});

test("the README's VS Code section names the dev container", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### 3. VS Code에서"), readme.indexOf("## 테스트"));
  assert.ok(section.includes(".devcontainer/devcontainer.json"), section);
});
