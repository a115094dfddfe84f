// ESLint processor for the course's notebooks (notebooks/*.ipynb): each code cell is linted as a virtual
// TypeScript file `<notebook>.ipynb/<k>_cell-<n>.ts` with the same rules as lib/ (eslint.config.mjs says
// which rules are relaxed for cells), and every message is mapped back to the line of the notebook's JSON
// that holds that source line, its text naming the cell, its line and column:
// "셀 5 줄 3:7 (cell nb02-c04): …"
// (셀 = cell, 줄 = line; cells counted from 1 over all cells, Markdown too, in Jupyter's order).
//
// `eslint --fix` rewrites cells: all fixes of a cell are applied to its text, the notebook is written
// again as json.dumps(indent=1, ensure_ascii=False) + "\n" (JSON.stringify(nb, null, 1) + "\n" is the
// same text for these files), and that whole-file replacement is the fix of each fixable message, so
// ESLint applies it once per pass and lints again. Only fixed cells change; every other byte stays.
// A notebook that is not in that exact format is reported (one error) and its fixes are dropped.
// No npm package does this for ESLint 10 (the ones for Markdown or Vue blocks do not read .ipynb).

/** @typedef {{ cell_type: string, id?: string, source: string | string[] }} Cell */

/** Canonical text of a notebook, as Jupyter (nbformat) and the project's scripts write it. */
export function notebookText(nb) {
  return JSON.stringify(nb, null, 1) + "\n";
}

/** A cell's source as Jupyter stores it: lines that keep their "\n", the last one without. */
export function sourceLines(text) {
  return text === "" ? [] : text.split(/(?<=\n)/);
}

const SENTINEL = "\u0000nb-eslint:";

/** For each cell, the 1-based JSON line of each source line (or of the "source" key when it is empty). */
function jsonLines(nb) {
  const marked = {
    ...nb,
    cells: nb.cells.map((c, i) => ({
      ...c,
      source: Array.isArray(c.source) && c.source.length > 0
        ? c.source.map((_, k) => `${SENTINEL}${i}:${k}`) : `${SENTINEL}${i}:0`,
    })),
  };
  const where = new Map();
  notebookText(marked).split("\n").forEach((line, n) => {
    const m = /"\\u0000nb-eslint:(\d+):(\d+)"/.exec(line);
    if (m) where.set(`${m[1]}:${m[2]}`, { line: n + 1, indent: line.length - line.trimStart().length });
  });
  return where;
}

/** What preprocess() read, for postprocess() of the same file.
 * @type {Map<string, { text: string, nb: any, cells: { index: number, text: string }[],
 *   canonical: boolean, error?: string }>} */
const pending = new Map();

/** Apply fixes the way ESLint does: by start, skipping any that overlaps or touches the previous one. */
function applyFixes(text, fixes) {
  let out = "";
  let last = -Infinity;
  let pos = 0;
  for (const fix of [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1])) {
    const [start, end] = fix.range;
    if (last >= start || start > end) continue;
    out += text.slice(pos, start) + fix.text;
    pos = end;
    last = end;
  }
  return out + text.slice(pos);
}

function preprocess(text, filename) {
  let nb;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    pending.set(filename, { text, nb: null, cells: [], canonical: false, error: String(e.message) });
    return [];
  }
  const cells = [];
  (nb.cells ?? []).forEach((c, index) => {
    if (c.cell_type !== "code") return;
    cells.push({ index, text: Array.isArray(c.source) ? c.source.join("") : String(c.source ?? "") });
  });
  pending.set(filename, { text, nb, cells, canonical: notebookText(nb) === text });
  return cells.map((c) => ({ text: c.text, filename: `cell-${c.index + 1}.ts` }));
}

function postprocess(messageLists, filename) {
  const state = pending.get(filename);
  pending.delete(filename);
  if (!state) return messageLists.flat();
  if (state.nb === null) {
    return [{ ruleId: null, severity: 2, fatal: true, line: 1, column: 1,
      message: `노트북의 JSON을 읽을 수 없습니다 (notebook is not JSON): ${state.error}` }];
  }
  const where = jsonLines(state.nb);
  const out = [];
  const fixedSources = new Map();
  messageLists.forEach((messages, b) => {
    const cell = state.cells[b];
    const lines = cell.text.split("\n");
    const id = state.nb.cells[cell.index].id;
    const place = (line, column) => {
      const k = Math.max(0, Math.min((line ?? 1) - 1, lines.length - 1));
      const at = where.get(`${cell.index}:${k}`) ?? where.get(`${cell.index}:0`);
      if (!at) return { line: 1, column: 1 };
      // the JSON column: indent, the opening quote, then the escaped text before the cell's column
      const before = (lines[k] ?? "").slice(0, Math.max(0, (column ?? 1) - 1));
      return { line: at.line, column: at.indent + 1 + JSON.stringify(before).length - 1 };
    };
    const fixes = messages.filter((m) => m.fix).map((m) => m.fix);
    if (fixes.length > 0) fixedSources.set(cell.index, applyFixes(cell.text, fixes));
    for (const m of messages) {
      const start = place(m.line, m.column);
      const end = m.endLine === undefined ? {} : place(m.endLine, m.endColumn);
      out.push({
        ...m,
        message: `셀 ${cell.index + 1} 줄 ${m.line ?? 1}:${m.column ?? 1} (cell${id ? ` ${id}` : ""}): `
          + m.message,
        line: start.line, column: start.column,
        ...(m.endLine === undefined ? {} : { endLine: end.line, endColumn: end.column }),
        fix: undefined, suggestions: undefined, hasFixes: m.fix !== undefined,
      });
    }
  });
  if (!state.canonical) {
    out.unshift({ ruleId: null, severity: 2, line: 1, column: 1, message:
      "노트북이 json.dumps(indent=1, ensure_ascii=False) + 줄바꿈 형식이 아닙니다: 고쳐 쓰지 않습니다 "
      + "(notebook is not in the canonical JSON format; no fixes applied)" });
  } else if (fixedSources.size > 0) {
    const nb = structuredClone(state.nb);
    for (const [index, text] of fixedSources) {
      const c = nb.cells[index];
      c.source = Array.isArray(c.source) ? sourceLines(text) : text;
    }
    const fix = { range: [0, state.text.length], text: notebookText(nb) };
    for (const m of out) if (m.hasFixes) m.fix = fix;
  }
  for (const m of out) {
    delete m.hasFixes;
    if (m.fix === undefined) delete m.fix;
    delete m.suggestions;
  }
  return out;
}

const plugin = {
  meta: { name: "nn-lesson-notebooks", version: "1.0.0" },
  processors: {
    ipynb: {
      meta: { name: "nn-lesson-notebooks/ipynb", version: "1.0.0" },
      preprocess,
      postprocess,
      supportsAutofix: true,
    },
  },
};

export default plugin;
