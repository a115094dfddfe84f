import { test } from "node:test";
import * as assert from "assert/strict";
import { figureHtml, plotlyLibraryHtml } from "nn-lesson/dist/internal";
import { SiteError, notebookTitle, relinkNotebooks, renderMarkdown, renderMarkdownPage, renderNotebook } from "../scripts/site-render";

test("renderMarkdown: $…$ and $$…$$ become KaTeX; code spans, \\$ and prices stay text", () => {
  const html = renderMarkdown("가중치 $w_1$ 과 `$x$` 그리고 \\$5, $10\n\n$$L = \\sum_k (y_k - o_k)^2$$", "t");
  assert.equal((html.match(/class="katex"/g) ?? []).length, 2);
  assert.match(html, /<div class="math-display"><span class="katex-display">/);
  assert.match(html, /<code>\$x\$<\/code>/);
  assert.match(html, /\$5, \$10/);
  assert.ok(!html.includes("\uE000"), "no placeholder left");
  assert.ok(!/<em>/.test(html), "underscores inside formulas are not emphasis");
});

test("renderMarkdown: a display formula right under a line of text is its own block; a list item's formula renders", () => {
  const html = renderMarkdown("**SGD**: 한 걸음\n$$w \\leftarrow w - \\alpha g$$\n\n- 평균 $m_t$ 와 $v_t$", "t");
  assert.match(html, /^<p><strong>SGD<\/strong>: 한 걸음<\/p>\n<div class="math-display">/);
  assert.equal((html.match(/class="katex"/g) ?? []).length, 3);
  assert.match(html, /<li>평균 <span class="katex">/);
});

test("renderMarkdown: a formula KaTeX cannot read fails the build with the place named", () => {
  assert.throws(() => renderMarkdown("$\\frac{1}{$", "03-mse.ipynb cell 4"), (e: Error) => e instanceof SiteError && /03-mse\.ipynb cell 4: KaTeX cannot render/.test(e.message));
});

test("relinkNotebooks: links to notebooks of the site point to their pages", () => {
  const pages = new Set(["02-forward"]);
  assert.equal(relinkNotebooks('<a href="02-forward.ipynb#x">', pages), '<a href="02-forward.html#x">');
  assert.equal(relinkNotebooks('<a href="99-other.ipynb">', pages), '<a href="99-other.ipynb">');
  assert.equal(relinkNotebooks('<a href="glossary.md">', new Set(["glossary"])), '<a href="glossary.html">');
});

test("the index summary skips navigation and source lines and keeps links working", () => {
  const nb = {
    cells: [{ cell_type: "markdown" as const, source:
      "# 02. 순전파\n\n[← 이전](01-a.ipynb) · [다음 →](03-b.ipynb) · [용어집](glossary.md)\n\n출처: 수업 자료\n\n## 이번 단계에서 배울 것\n- 층마다 [A](glossary.md)를 계산" }],
  };
  const page = renderNotebook(nb, "02-forward", new Set(["glossary"]));
  assert.match(page.summary, /^<ul>\n<li>층마다 <a href="glossary.html">A<\/a>를 계산<\/li>/);
});

test("renderNotebook: title from the first heading, library output dropped, plots counted, errors counted", () => {
  const nb = {
    cells: [
      { cell_type: "markdown" as const, source: ["# 01. 모델 구성\n", "\n", "첫 문단입니다."] },
      { cell_type: "code" as const, source: "plotSetup();", execution_count: 1, outputs: [{ output_type: "display_data" as const, data: { "text/html": plotlyLibraryHtml() } }] },
      { cell_type: "code" as const, source: "showFigure(f); // <b>", execution_count: 2, outputs: [
        { output_type: "display_data" as const, data: { "text/html": figureHtml({ data: [] }) } },
        { output_type: "stream" as const, name: "stdout", text: "\x1b[33m손실\x1b[39m 0.1\n" },
      ] },
    ],
  };
  const page = renderNotebook(nb, "01-model-setup", new Set());
  assert.equal(page.title, "01. 모델 구성");
  assert.equal(page.summary, "첫 문단입니다.");
  assert.equal(page.plots, 1);
  assert.equal(page.needsPlotly, true);
  assert.equal(page.errors, 0);
  assert.ok(page.body.length < 20000, "the 4.8 MB library is not in the page");
  assert.match(page.body, /showFigure\(f\); \/\/ &lt;b&gt;/);
  assert.match(page.body, /<pre class="output stream stdout">손실 0.1\n<\/pre>/);
  const bad = renderNotebook({ cells: [{ cell_type: "code", source: "x", outputs: [{ output_type: "error", ename: "TypeError", evalue: "x", traceback: [] }] }] }, "n", new Set());
  assert.equal(bad.errors, 1);
  assert.equal(notebookTitle({ cells: [] }, "fallback"), "fallback");
});

test("renderMarkdownPage: a Markdown file of notebooks/ (the glossary) as a page", () => {
  const page = renderMarkdownPage("# 용어집 (Glossary)\n\n| 용어 | English |\n|---|---|\n| **학습률** | learning rate |\n\n[처음](00-overview.ipynb)", "glossary", new Set(["00-overview"]));
  assert.equal(page.title, "용어집 (Glossary)");
  assert.match(page.body, /<table>/);
  assert.match(page.body, /href="00-overview.html"/);
  assert.equal(page.plots, 0);
});
