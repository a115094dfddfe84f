/**
 * Syntax colours for the static copy of a code cell (runner/static-code.ts), at build time: the same
 * parser (TypeScript, @codemirror/lang-javascript) and the same colours (CodeMirror's
 * defaultHighlightStyle) as the editor that replaces it, so a cell looks the same before and after it
 * becomes an editor. The style's generated class names are renamed (nn-hl-…) so that they cannot meet
 * the names CodeMirror generates in the page.
 */
import { typescriptLanguage } from "@codemirror/lang-javascript";
import { defaultHighlightStyle } from "@codemirror/language";
import { highlightTree } from "@lezer/highlight";

const rename = (classes: string) => classes.replace(/\u037c([0-9a-z]+)/g, "nn-hl-$1");

/** The colour rules of the highlighted static code (for the site's style sheet). */
export const HIGHLIGHT_CSS = rename(defaultHighlightStyle.module?.getRules() ?? "");

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The HTML of each line of `code` (split at "\n"), with coloured spans. */
export function highlightedLines(code: string): string[] {
  const tree = typescriptLanguage.parser.parse(code);
  const out: string[] = [""];
  let pos = 0;
  const put = (to: number, cls: string) => {
    code.slice(pos, to).split("\n").forEach((piece, k) => {
      if (k > 0) out.push("");
      if (piece) out[out.length - 1] += cls ? `<span class="${cls}">${escape(piece)}</span>` : escape(piece);
    });
    pos = to;
  };
  highlightTree(tree, defaultHighlightStyle, (from, to, classes) => {
    if (from > pos) put(from, "");
    put(to, rename(classes));
  });
  put(code.length, "");
  return out;
}
