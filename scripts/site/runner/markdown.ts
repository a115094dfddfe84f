/**
 * Markdown with formulas (markdown-it and KaTeX, ~410 KB) for the page's text/markdown outputs, as its
 * own script (assets/runner/markdown.js): page.js loads it on the first Markdown output, so that a page
 * does not parse it before it is usable.
 */
import MarkdownIt from "markdown-it";
import katexPlugin from "@vscode/markdown-it-katex";

const md = new MarkdownIt({ html: true, linkify: false });
md.use(katexPlugin as unknown as MarkdownIt.PluginSimple);

(window as unknown as { __nnMarkdown: { render(src: string): string } }).__nnMarkdown = { render: (src) => md.render(src) };
