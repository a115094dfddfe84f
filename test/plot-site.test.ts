import { test } from "node:test";
import * as assert from "assert/strict";
import * as vm from "vm";
import { PLOT_FALLBACK, figureHtml, plotlyLibraryHtml } from "nn-lesson/dist/internal";
import { STYLE, SiteError, indexHtml, notebookTitle, pageHtml, plotFile, relinkNotebooks, renderMarkdown, renderMarkdownPage, renderNotebook } from "../scripts/site/site-render";
import { PLOT_SCRIPTS_GLOBAL, PLOT_SCRIPT_TYPE, PlotRewriteError, lazyPlotHtml, lazyPlotsScript, plotScriptsFile } from "../scripts/site/site-plots";

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
  assert.match(page.body.replace(/<span[^>]*>|<\/span>/g, ""), /showFigure\(f\); \/\/ &lt;b&gt;/);
  assert.match(page.body, /<pre class="output stream stdout">손실 0.1\n<\/pre>/);
  const bad = renderNotebook({ cells: [{ cell_type: "code", source: "x", outputs: [{ output_type: "error", ename: "TypeError", evalue: "x", traceback: [] }] }] }, "n", new Set());
  assert.equal(bad.errors, 1);
  assert.equal(notebookTitle({ cells: [] }, "fallback"), "fallback");
});

test("a title with `code` (07b's `Value`) is code in the pager and the index, plain in the window title", () => {
  const a = renderNotebook({ cells: [{ cell_type: "markdown", source: "# 07. 학습 루프" }] }, "07-training-loop", new Set());
  const b = renderNotebook({ cells: [{ cell_type: "markdown", source: "# 07b. 나만의 `Value` <클래스>" }] }, "07b-autograd", new Set());
  const prevPage = pageHtml([a, b], 0), own = pageHtml([a, b], 1), index = indexHtml([a, b]);
  for (const html of [prevPage, index]) {
    assert.match(html, /07b\. 나만의 <code>Value<\/code> &lt;클래스&gt;/);
    assert.doesNotMatch(html, /`Value`/);
  }
  assert.match(own, /<title>07b\. 나만의 Value &lt;클래스&gt; · /);
});

test("renderMarkdownPage: a Markdown file of notebooks/ (the glossary) as a page", () => {
  const page = renderMarkdownPage("# 용어집 (Glossary)\n\n| 용어 | English |\n|---|---|\n| **학습률** | learning rate |\n\n[처음](00-overview.ipynb)", "glossary", new Set(["00-overview"]));
  assert.equal(page.title, "용어집 (Glossary)");
  assert.match(page.body, /<table>/);
  assert.match(page.body, /href="00-overview.html"/);
  assert.equal(page.plots, 0);
});

test("site plots are lazy: each plot's script moves, as it is, to the page's plot file; the box keeps its size", () => {
  const html = figureHtml({ data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: { title: { text: "</script> \"따옴표\" \u2028" }, height: 333 } });
  const original = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const id = /<div id="([^"]+)"/.exec(html)![1];
  const scripts = new Map<string, string>();
  const out = lazyPlotHtml(html, scripts);
  assert.deepEqual([...scripts.keys()], [id]);
  assert.equal(scripts.get(id), original, "the library's script, unchanged");
  assert.ok(out.includes(`<div id="${id}" class="nn-lesson-plot" style="width:100%;height:333px">`), "same box, same height");
  assert.ok(!/<script>/.test(out), "no script runs at load");
  assert.ok(out.includes(`<script type="${PLOT_SCRIPT_TYPE}" data-plot="${id}"></script>`));
  assert.ok(!out.includes(PLOT_FALLBACK.ko) && !out.includes("nn-lesson-plot-fallback"), "the Jupyter fallback is not shown on the site");
  assert.match(out, /그림을 불러오는 중/);
  // the plot file gives the page the same text back
  const sandbox: { window: Record<string, Record<string, string>> } = { window: {} };
  vm.runInNewContext(plotScriptsFile(scripts), sandbox);
  assert.equal(sandbox.window[PLOT_SCRIPTS_GLOBAL][id], original);
  // Jupyter's output is what the library writes: a script that runs, and the fallback
  assert.match(html, /<script>\n\(function \(\) \{/);
  assert.ok(html.includes(PLOT_FALLBACK.ko));
});

test("lazyPlotHtml: a plot box not in the shape of figureHtml stops the build; other HTML is left alone", () => {
  const html = figureHtml({ data: [] });
  assert.throws(() => lazyPlotHtml(html.replace("var id =", "var id2 ="), new Map()), PlotRewriteError);
  assert.throws(() => lazyPlotHtml(html.replace(/<br>/, ""), new Map()), PlotRewriteError);
  const two = lazyPlotHtml(`${figureHtml({ data: [] })}\n${figureHtml({ data: [] })}`, new Map());
  assert.equal((two.match(new RegExp(PLOT_SCRIPT_TYPE, "g")) ?? []).length, 2);
  const table = "<table><tr><td>1</td></tr></table><script>console.log(1)</script>";
  assert.equal(lazyPlotHtml(table, new Map()), table);
});

test("renderNotebook: plot scripts go to page.plotScripts; the page's inline loader is valid JavaScript", () => {
  const nb = { cells: [{ cell_type: "code" as const, source: "showFigure(f)", execution_count: 1, outputs: [
    { output_type: "display_data" as const, data: { "text/html": figureHtml({ data: [] }) } },
  ] }] };
  const page = renderNotebook(nb, "01-model-setup", new Set());
  assert.equal(page.plots, 1);
  assert.equal(page.plotScripts.size, 1);
  assert.ok(page.body.includes(`data-plot="${[...page.plotScripts.keys()][0]}"`));
  const html = pageHtml([page], 0);
  assert.ok(!html.includes('src="assets/plotly.min.js"'), "plotly.js does not block parsing");
  assert.match(html, /<script defer src="assets\/runner\/page.js"><\/script>/);
  const inline = /<script>(\(function lazyPlots[\s\S]*?)<\/script>/.exec(html);
  assert.ok(inline, "the lazy-plot loader is inlined");
  assert.doesNotThrow(() => new Function(inline![1]), "it parses");
  assert.ok(inline![1].includes(plotFile("01-model-setup")));
  assert.equal(lazyPlotsScript("a", "b").includes("</script"), false);
});

test("renderNotebook: a code cell is written in the runner's final shape (static copy of the editor, ▶ bar); the toolbar's row is reserved", () => {
  const src = "const a = 1; // <b>\n  const 가 = \"x\";\n";
  const nb = { cells: [{ cell_type: "code" as const, source: src, execution_count: 1, outputs: [] }, { cell_type: "code" as const, source: "a\r\nb", execution_count: 2, outputs: [] }] };
  const page = renderNotebook(nb, "02-forward", new Set());
  const lines = [...page.body.matchAll(/<div class="cm-static-line">(.*?)<\/div>/g)].map((m) => m[1]);
  assert.deepEqual(lines.map((l) => l.replace(/<[^>]*>/g, "")), ["const a = 1; // &lt;b&gt;", "  const 가 = \"x\";", ""], "one element per line, escaped, the last empty line kept");
  assert.equal(lines[0], '<span class="nn-hl-b">const</span> <span class="nn-hl-g">a</span> = <span class="nn-hl-d">1</span>; <span class="nn-hl-m">// &lt;b&gt;</span>', "coloured as the editor colours it");
  assert.match(STYLE, /\.nn-hl-b \{color: #708;\}/, "with CodeMirror's default colours, under names of their own");
  assert.ok(!STYLE.includes("\u037c"), "no CodeMirror-generated class name in the site's style");
  assert.match(page.body, /<div class="cm-static-gutter" aria-hidden="true"><div>1<\/div><div>2<\/div><div>3<\/div><\/div>/);
  assert.match(page.body, /aria-label="코드 셀 1 \(누르면 고칠 수 있습니다\)/);
  assert.equal((page.body.match(/<button class="run" type="button"/g) ?? []).length, 1, "the cell with \\r keeps its <pre>: the runner builds its copy");
  assert.match(page.body, /<pre><code class="language-typescript">a\r\nb<\/code><\/pre>/);
  const html = pageHtml([page], 0);
  assert.match(html, /<main>\n<div class="runner-bar"><\/div>\n<nav class="pager">/);
});

test("the course to take home: every page's header and the index link the zip, with its size, when the site has one", () => {
  const a = renderNotebook({ cells: [{ cell_type: "markdown", source: "# 02. 순전파" }] }, "02-forward", new Set());
  const download = { href: "nn-lesson-course.zip", bytes: 432051 };
  const link = /<a class="download" href="nn-lesson-course\.zip" download [^>]*>강의 전체 내려받기 <span class="size">\(zip, 0\.4 MB\)<\/span><\/a>/;
  assert.match(pageHtml([a], 0, download), new RegExp(`<header class="site">.*${link.source}</header>`));
  const index = indexHtml([a], download);
  assert.equal(index.match(new RegExp(link.source, "g"))?.length, 2, "in the header and in the index's text");
  assert.match(index, /<code>npm install<\/code>, 그다음 <code>npm start<\/code>/);
  // `npm start -- --browser` builds its pages without one: no link to a file that is not there
  assert.doesNotMatch(pageHtml([a], 0) + indexHtml([a]), /강의 전체 내려받기/);
});
