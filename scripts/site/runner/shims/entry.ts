/** The Node built-ins the library and the notebooks use, for the page runner's worker. */
import * as fs from "./fs";
import * as os from "./os";
import * as path from "path-browserify";
import * as zlib from "./zlib";

export { fs, os, path, zlib };
