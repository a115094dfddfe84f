/** The Node built-ins the library and the notebooks use, for the page runner's worker. */
import * as fs from "./fs";
import * as os from "./os";
import * as path from "path-browserify";

export { fs, os, path };
