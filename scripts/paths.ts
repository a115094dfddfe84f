// The project's folders and Jupyter environment: the one module every room of scripts/ may import.
import * as path from "path";

/** The project's root folder (scripts are compiled to build/scripts/). */
export const ROOT = path.resolve(__dirname, "..", "..");
/** The project-local Jupyter data folder: the tslab kernel is registered here, never globally. */
export const JUPYTER_DATA = path.join(ROOT, ".jupyter");
export const NOTEBOOKS = path.join(ROOT, "notebooks");

/** The environment for every Jupyter command of this project: our kernel folder first. */
export function jupyterEnv(): NodeJS.ProcessEnv {
  const prev = process.env.JUPYTER_PATH;
  return { ...process.env, JUPYTER_PATH: prev ? `${JUPYTER_DATA}${path.delimiter}${prev}` : JUPYTER_DATA };
}
