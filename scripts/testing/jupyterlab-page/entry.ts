/**
 * Browser side of the JupyterLab test page (bundled by scripts/testing/jupyterlab-page.ts with esbuild):
 * renders executed notebook cells through JupyterLab 4's own OutputArea, RenderMimeRegistry with the
 * standard renderer factories, and its HTML Sanitizer, as a notebook panel does. `trusted` is what
 * JupyterLab gives outputs produced live (true) or read from a notebook it does not trust (false).
 *
 * Stand-ins for two JupyterLab extensions (they come with the full application, not these packages):
 * Markdown is parsed by `marked` with GFM, as @jupyterlab/markedparser-extension does, and formulas
 * are typeset by KaTeX's auto-render in place of MathJax.
 */
import { Sanitizer } from "@jupyterlab/apputils";
import type * as nbformat from "@jupyterlab/nbformat";
import { OutputArea, OutputAreaModel } from "@jupyterlab/outputarea";
import { RenderMimeRegistry, standardRendererFactories } from "@jupyterlab/rendermime";
import type { IRenderMime } from "@jupyterlab/rendermime";
import { Widget } from "@lumino/widgets";
import renderMathInElement from "katex/contrib/auto-render";
import { marked } from "marked";

export interface PageCell { source: string; outputs: nbformat.IOutput[] }

/** Every renderModel call, so that render() can wait until all outputs are on the page. */
const pending: Promise<void>[] = [];

class WatchedRegistry extends RenderMimeRegistry {
  createRenderer(mimeType: string): IRenderMime.IRenderer {
    const renderer = super.createRenderer(mimeType);
    const renderModel = renderer.renderModel.bind(renderer);
    renderer.renderModel = (model: IRenderMime.IMimeModel) => {
      const p = renderModel(model);
      pending.push(p);
      return p;
    };
    return renderer;
  }
}

const markdownParser: IRenderMime.IMarkdownParser = {
  render: async (source: string) => marked.parse(source, { gfm: true, async: false }) as string,
};

const latexTypesetter: IRenderMime.ILatexTypesetter = {
  typeset(element: HTMLElement) {
    renderMathInElement(element, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "\\[", right: "\\]", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false },
      ],
      throwOnError: false,
    });
  },
};

/** Renders the code cells into #notebook, one OutputArea each; resolves when every output is rendered. */
async function render(cells: PageCell[], trusted: boolean): Promise<void> {
  const rendermime = new WatchedRegistry({ initialFactories: standardRendererFactories, sanitizer: new Sanitizer(), markdownParser, latexTypesetter });
  const host = document.getElementById("notebook")!;
  for (const cell of cells) {
    const box = document.createElement("div");
    box.className = "jp-Cell jp-CodeCell";
    const input = document.createElement("pre");
    input.className = "nn-input";
    input.textContent = cell.source;
    box.appendChild(input);
    host.appendChild(box);
    const area = new OutputArea({ model: new OutputAreaModel({ values: cell.outputs, trusted }), rendermime });
    Widget.attach(area, box);
  }
  // renderers started while rendering may start others (none do today): wait until none is left
  for (let seen = 0; seen < pending.length; ) {
    const batch = pending.slice(seen);
    seen = pending.length;
    await Promise.all(batch);
  }
}

(window as unknown as { nnJupyterLab: unknown }).nnJupyterLab = { render };
