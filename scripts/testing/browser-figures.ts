/**
 * `node build/scripts/testing/browser-figures.js [OUT]`: draws every figure builder with the lesson's data in
 * headless chromium and saves one PNG per figure (default artifacts/figures/), to look at them.
 */
import * as fs from "fs";
import * as path from "path";
import {
  Figure, SGD, computationGraphFigure, descendOneWeight, descendTwoWeights, descentAnimationFigure, descentFigure, figureHtml, learningRateFigure, lessonData, linspace, lossAlongWeight,
  lossHistoryFigure, lossSurface, networkFigure, neuronFigure, perceptronFigure, plotlyLibraryHtml, sigmoidFigure, stepSigmoidFigure,
  outputNodeGraph, surfaceAnimationFigure, surfaceFigure, train, xorDataset,
} from "nn-lesson/dist/internal";
import { launchChromium, waitForPlots } from "./browser";
import { ROOT } from "../paths";

export function sampleFigures(): Record<string, Figure> {
  const d = lessonData();
  // W3[1][0] has a clear valley along one weight; the surface uses it with W3[0][0].
  const p = { layer: 2, row: 1, col: 0 }, q = { layer: 2, row: 0, col: 0 };
  const names = { pName: "W3[1][0]", qName: "W3[0][0]" };
  // one weight's descent runs on E = ½Σ(y−o)² (notebook 04), so its curve is drawn as "half"
  const curve = lossAlongWeight(d.weights, d.x, d.y, p, linspace(-5, 5, 101), "half");
  const path = descendOneWeight(d.weights, d.x, d.y, p, 3, 40, 10);
  const trained = train({ weights: d.weights, x: d.x, y: d.y });
  const run = train({ weights: d.weights, x: d.x, y: d.y, learningRate: 3, iterations: 300 });
  const surf = lossSurface(d.weights, d.x, d.y, p, q, linspace(-5, 5, 51), linspace(-6, 6, 51));
  // α = 20 on ∂E/∂w is α = 10 on the printed loss's slope ∂L/∂w = 2 ∂E/∂w
  const sp = { ...descendTwoWeights(d.weights, d.x, d.y, p, q, [4, -5], new SGD(20), 150), name: "경사하강법 (α = 10, 두 가중치만)" };
  const o1 = outputNodeGraph(d.weights, d.x, d.y, 0);
  const scale = Math.max(...[...d.weights, ...trained.weights].flatMap((W) => W.flat()).map(Math.abs));
  return {
    sigmoid: sigmoidFigure(),
    "network-before": networkFigure(d.weights, { title: "학습 전 (수업의 고정 가중치)", scale }),
    "network-after": networkFigure(trained.weights, { title: "1000번 학습한 뒤", scale }),
    descent: descentFigure(curve, path, { weightName: "W3[1][0]" }),
    "learning-rates": learningRateFigure(curve, [10, 40, 120].map((lr) => descendOneWeight(d.weights, d.x, d.y, p, 3, lr, 8)), { titles: ["너무 작음 (α = 10)", "적당함 (α = 40)", "너무 큼 (α = 120)"], weightName: "W3[1][0]" }),
    "loss-history": lossHistoryFigure([{ name: "α = 0.1", loss: trained.loss }, { name: "α = 3", loss: run.loss }], { log: true }),
    contour: surfaceFigure(surf, { paths: [sp], ...names }),
    surface: surfaceFigure(surf, { kind: "surface", paths: [sp], ...names }),
    "descent-animation": descentAnimationFigure(curve, path, { weightName: "W3[1][0]" }),
    "surface-animation": surfaceAnimationFigure(surf, sp, names),
    neuron: neuronFigure({ activation: "sigmoid", bias: null }),
    "neuron-step": neuronFigure({ weights: [0.5, 0.5], bias: -0.7, activation: "step" }),
    "step-sigmoid": stepSigmoidFigure(),
    perceptron: perceptronFigure([
      { title: "AND", X: xorDataset().X, targets: [0, 0, 0, 1], w: [0.5, 0.5], b: -0.7 },
      { title: "XOR", X: xorDataset().X, targets: xorDataset().labels, w: [0.5, 0.5], b: -0.2 },
    ]),
    "computation-graph": computationGraphFigure(o1.root, { stopAt: o1.inputs, title: "o₁ = Z3[0] = σ(W3[0]·Z2)의 계산 그래프" }),
  };
}

async function main(): Promise<number> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, "artifacts", "figures"));
  fs.mkdirSync(out, { recursive: true });
  const figures = sampleFigures();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const [name, fig] of Object.entries(figures)) {
      const file = path.join(out, `${name}.html`);
      fs.writeFileSync(file, `<!doctype html><meta charset="utf-8"><body style="margin:0;font-family:sans-serif">${plotlyLibraryHtml()}<div id="box">${figureHtml(fig)}</div></body>`);
      await page.goto("file://" + file);
      const c = await waitForPlots(page, 10000);
      await page.waitForTimeout(300);
      await page.locator("#box").screenshot({ path: path.join(out, `${name}.png`) });
      fs.unlinkSync(file);
      console.log(`${name}.png  ${c.rendered}/${c.divs} drawn`);
    }
    if (errors.length) { console.error("page errors:\n" + errors.join("\n")); return 1; }
  } finally {
    await browser.close();
  }
  return 0;
}

if (require.main === module) main().then((c) => process.exit(c), (e) => { console.error(e instanceof Error ? e.message : e); process.exit(1); });
