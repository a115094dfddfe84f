/**
 * File access for notebooks 08–11, the train command and the tests: the project's data/ folder and
 * reading a text file with a one-line error. The only room of the library (with display/) that
 * touches Node's fs and path; the lesson core reads nothing from disk.
 */
import * as fs from "fs";
import * as path from "path";
import { InputError } from "../lesson/errors";
import { Dataset, ReadDatasetOptions, parseDataset } from "../beyond/dataset";

/** data/ at the root of the project (lib/dist/node/ → ../../../data). */
export const DATA_DIR = path.join(__dirname, "..", "..", "..", "data");

/** The path of a data file shipped in data/, e.g. dataPath("iris.csv"). */
export function dataPath(name: string): string {
  return path.join(DATA_DIR, name);
}

/** A file's text, or an InputError naming the file and why it cannot be read. */
export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError("file-unreadable", {
      file, reason: code === "ENOENT" ? "no such file" : code ?? String(e),
    });
  }
}

/** Read a CSV data set (see beyond/dataset.ts for what it reads). */
export function readDataset(file: string, opts: ReadDatasetOptions = {}): Dataset {
  return parseDataset(readTextFile(file), file, opts);
}
