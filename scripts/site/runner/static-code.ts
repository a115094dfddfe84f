/**
 * A code cell before its editor exists: the site builder writes it into the page (so the page is laid
 * out once, already in its final shape) and the page runner turns it into a CodeMirror editor on first
 * use. It copies the editor's layout (font, line height, gutter with line numbers, padding; styled by
 * STYLE in site-render.ts) so that nothing moves when the editor replaces it. No imports: the page
 * bundle and the site builder both use it.
 */

/** The class of the static copy (inside the cell's `.editor` box). */
export const STATIC_CODE_CLASS = "cm-static";
/** The class of one line of code in it. */
export const STATIC_LINE_CLASS = "cm-static-line";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The static copy of code cell `i` (0-based) showing `code`; `lineHtml`: each line's HTML, coloured
 * (the site builder's site-code.ts), else plain text.
 */
export function staticCodeHtml(code: string, i: number, lineHtml?: string[]): string {
  const lines = code.split("\n");
  if (lineHtml && lineHtml.length !== lines.length) throw new Error(`staticCodeHtml: ${lineHtml.length} lines of HTML for ${lines.length} lines of code`);
  const label = `코드 셀 ${i + 1} (누르면 고칠 수 있습니다) / code cell ${i + 1}`;
  return (
    `<div class="${STATIC_CODE_CLASS}" tabindex="0" role="textbox" aria-multiline="true" aria-label="${escape(label)}">` +
    `<div class="cm-static-gutter" aria-hidden="true">${lines.map((_, k) => `<div>${k + 1}</div>`).join("")}</div>` +
    `<div class="cm-static-code">${lines.map((l, k) => `<div class="${STATIC_LINE_CLASS}">${lineHtml ? lineHtml[k] : escape(l)}</div>`).join("")}</div>` +
    `</div>`
  );
}

/** The code a static copy shows (exactly what staticCodeHtml was given). */
export function staticCodeText(box: Element): string {
  return Array.from(box.querySelectorAll(`.${STATIC_LINE_CLASS}`)).map((l) => l.textContent ?? "").join("\n");
}

/** The ▶ bar under a code cell, with the cell's ↺ (shown once the cell is edited or run): the runner adds the click handlers. */
export const CELL_TOOLS_HTML =
  `<div class="cell-tools"><button class="run" type="button" title="이 셀을 실행합니다 (Shift+Enter)">▶ 실행</button>` +
  `<button class="restore" type="button" title="이 셀만 원래 코드와 출력으로 되돌립니다" hidden>↺ 원래대로</button><span class="run-status"></span></div>`;
