/**
 * Notebook 12: "숫자를 직접 그려 보기", a canvas the learner draws a digit on (mouse or finger) while the
 * trained network's ten probabilities update as bars. Everything runs in the browser's JavaScript: the
 * weights travel inside the output (base64 of float32), so it works in the page runner, in classic Notebook,
 * VS Code and exported HTML (wherever the scripts of an HTML output run). No Node, no plotly.
 *
 * The drawing is prepared the way MNIST's digits were: the ink's bounding box is scaled (area-averaged, so
 * anti-aliased) until its longer side is 20 pixels, and that image is placed in 28×28 with its centre of mass
 * in the middle. padPreprocess, padForward and padDecode below are the functions the output's script runs
 * (their source is copied into it), so test/digit-pad.test.ts runs exactly what the browser runs.
 */
import { InputError } from "../lesson/errors";
import type { Classifier } from "../beyond/classify";

/** The network as the script receives it: layer sizes, the hidden activation, then every W and b as float32. */
export interface PadModel { sizes: number[]; hidden: string; W: Float32Array[]; b: Float32Array[] }

/** The model from its JSON header and the base64 of its float32 values (W1, b1, W2, b2, … in that order). */
export function padDecode(meta: { sizes: number[]; hidden: string }, base64: string): PadModel {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const all = new Float32Array(bytes.buffer);
  const W: Float32Array[] = [], b: Float32Array[] = [];
  let at = 0;
  for (let l = 0; l + 1 < meta.sizes.length; l++) {
    const n = meta.sizes[l] * meta.sizes[l + 1];
    W.push(all.subarray(at, at + n));
    at += n;
    b.push(all.subarray(at, at + meta.sizes[l + 1]));
    at += meta.sizes[l + 1];
  }
  return { sizes: meta.sizes, hidden: meta.hidden, W, b };
}

/** The class probabilities for 784 inputs: W·x + b per layer, ReLU or sigmoid between, softmax at the end. */
export function padForward(model: PadModel, x: ArrayLike<number>): number[] {
  let input: ArrayLike<number> = x;
  const L = model.W.length;
  for (let l = 0; l < L; l++) {
    const cols = model.sizes[l], rows = model.sizes[l + 1], w = model.W[l];
    const out = new Array<number>(rows);
    for (let k = 0; k < rows; k++) {
      let s = model.b[l][k];
      for (let i = 0; i < cols; i++) s += w[k * cols + i] * input[i];
      out[k] = l === L - 1 ? s : model.hidden === "relu" ? Math.max(s, 0) : 1 / (1 + Math.exp(-s));
    }
    input = out;
  }
  const a = input as number[];
  const m = Math.max(...a);
  const e = a.map((v) => Math.exp(v - m));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

/**
 * Ink (w × h values, 0 = paper, 1 = full ink, row after row) → 784 values like an MNIST digit; null if there
 * is no ink. Bounding box → longer side 20 px (each target pixel the mean of the source pixels it covers, or
 * the nearest one when enlarging) → placed in 28×28 with its centre of mass at the centre.
 */
export function padPreprocess(ink: ArrayLike<number>, w: number, h: number): number[] | null {
  let x0 = w, x1 = -1, y0 = h, y1 = -1;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    if (ink[y * w + x] > 0) { if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y; }
  }
  if (x1 < 0) return null;
  const bw = x1 - x0 + 1, bh = y1 - y0 + 1, s = 20 / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(20, Math.round(bw * s))), th = Math.max(1, Math.min(20, Math.round(bh * s)));
  const sum = new Array<number>(tw * th).fill(0), count = new Array<number>(tw * th).fill(0);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const tx = Math.min(tw - 1, Math.floor((x - x0) * s)), ty = Math.min(th - 1, Math.floor((y - y0) * s));
    sum[ty * tw + tx] += ink[y * w + x];
    count[ty * tw + tx] += 1;
  }
  const small = sum.map((v, j) => {
    if (count[j] > 0) return v / count[j];
    const sx = x0 + Math.min(bw - 1, Math.floor(((j % tw) + 0.5) / s)), sy = y0 + Math.min(bh - 1, Math.floor((Math.floor(j / tw) + 0.5) / s));
    return ink[sy * w + sx];
  });
  let mass = 0, cx = 0, cy = 0;
  small.forEach((v, j) => { mass += v; cx += v * (j % tw); cy += v * Math.floor(j / tw); });
  cx /= mass;
  cy /= mass;
  const ox = Math.max(0, Math.min(28 - tw, Math.round(13.5 - cx))), oy = Math.max(0, Math.min(28 - th, Math.round(13.5 - cy)));
  const out = new Array<number>(784).fill(0);
  small.forEach((v, j) => { out[(oy + Math.floor(j / tw)) * 28 + ox + (j % tw)] = Math.min(1, Math.max(0, v)); });
  return out;
}

/** The network's parameters as the output carries them: base64 of float32 W1, b1, W2, b2, … */
export function padWeights(net: Classifier): { meta: { sizes: number[]; hidden: string }; base64: string } {
  const params = net.params();
  const all = new Float32Array(params.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of params) { all.set(p, at); at += p.length; }
  const bytes = new Uint8Array(all.buffer);
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { meta: { sizes: net.sizes.slice(), hidden: net.hidden }, base64: btoa(bin) };
}

let pads = 0;

/** The HTML output: a canvas to draw on, a 지우기 (clear) button and ten bars, with the script that runs them. */
export function digitPadHtml(net: Classifier): string {
  if (!net || !Array.isArray(net.sizes) || net.sizes[0] !== 784 || net.sizes[net.sizes.length - 1] !== 10 || net.output !== "softmax") {
    throw new InputError("digit-pad-classifier");
  }
  const id = `nn-digit-pad-${Date.now().toString(36)}-${++pads}`;
  const { meta, base64 } = padWeights(net);
  const bars = Array.from({ length: 10 }, (_, k) =>
    `<div data-digit="${k}" style="display:flex;align-items:center;gap:6px;height:22px">` +
    `<span style="flex:none;width:14px;text-align:right;font-weight:bold">${k}</span>` +
    `<span style="flex:1;background:#eee;height:16px;position:relative"><span class="bar" style="position:absolute;left:0;top:0;bottom:0;width:0;background:#1f77b4"></span></span>` +
    `<span class="p" style="flex:none;width:4.2em;white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums">–</span></div>`).join("");
  // each function as an expression: the page runner's bundle may have renamed them (esbuild's minify)
  const script = `(function () {
var padDecode = (${padDecode.toString()});
var padForward = (${padForward.toString()});
var padPreprocess = (${padPreprocess.toString()});
var api = { decode: padDecode, forward: padForward, preprocess: padPreprocess };
(typeof window !== "undefined" ? window : globalThis).nnDigitPad = api;
if (typeof document === "undefined") return;
// a front end may run the script before it attaches the output to the page (JupyterLab): wait for it, as plots do
(function start(tries) {
  var root = document.getElementById(${JSON.stringify(id)});
  if (root) init(root);
  else if (tries < 200) setTimeout(function () { start(tries + 1); }, 50);
})(0);
function init(root) {
var fallback = root.querySelector(".nn-digit-pad-fallback");
if (fallback) fallback.remove();
var model = padDecode(${JSON.stringify(meta)}, ${JSON.stringify(base64)});
var canvas = root.querySelector("canvas"), ctx = canvas.getContext("2d", { willReadFrequently: true });
var drawing = false, last = null, queued = false;
function at(e) { var r = canvas.getBoundingClientRect(); return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height]; }
function update() {
  queued = false;
  var data = ctx.getImageData(0, 0, canvas.width, canvas.height).data, ink = new Float32Array(canvas.width * canvas.height);
  for (var i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3] / 255;
  var x = padPreprocess(ink, canvas.width, canvas.height), p = x ? padForward(model, x) : null;
  var best = p ? p.indexOf(Math.max.apply(null, p)) : -1;
  root.querySelectorAll("[data-digit]").forEach(function (row) {
    var k = Number(row.getAttribute("data-digit")), v = p ? p[k] : 0;
    row.setAttribute("data-p", p ? String(v) : "");
    row.querySelector(".bar").style.width = (100 * v).toFixed(1) + "%";
    row.querySelector(".bar").style.background = k === best ? "#d62728" : "#1f77b4";
    row.querySelector(".p").textContent = p ? (100 * v).toFixed(1) + "%" : "–";
  });
  root.setAttribute("data-best", String(best));
  root.querySelector(".nn-digit-pad-answer").textContent = p ? "네트워크의 답: " + best : "위 칸에 숫자 하나를 그려 보세요";
}
function later() { if (!queued) { queued = true; requestAnimationFrame(update); } }
function line(a, b) { ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke(); }
ctx.lineWidth = 22; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#000";
canvas.addEventListener("pointerdown", function (e) { drawing = true; last = at(e); canvas.setPointerCapture(e.pointerId); line(last, last); later(); e.preventDefault(); });
canvas.addEventListener("pointermove", function (e) { if (!drawing) return; var p = at(e); line(last, p); last = p; later(); e.preventDefault(); });
function stop() { drawing = false; last = null; }
canvas.addEventListener("pointerup", stop);
canvas.addEventListener("pointercancel", stop);
root.querySelector("button").addEventListener("click", function () { ctx.clearRect(0, 0, canvas.width, canvas.height); update(); });
update();
}
})();`;
  return `<div id="${id}" class="nn-digit-pad" style="display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;font-family:sans-serif">` +
    `<div><canvas width="280" height="280" style="width:280px;height:280px;border:2px solid #888;border-radius:6px;background:#fff;touch-action:none;cursor:crosshair"></canvas>` +
    `<div style="margin-top:6px"><button type="button">지우기 / clear</button> <span class="nn-digit-pad-answer"></span></div></div>` +
    `<div style="min-width:260px"><div style="font-weight:bold;margin-bottom:4px">숫자마다 네트워크의 확률</div>${bars}</div>` +
    `<p class="nn-digit-pad-fallback" style="color:#a00">이 출력의 스크립트가 실행되지 않았습니다(신뢰하지 않는 노트북이면 셀을 다시 실행하세요) / ` +
    `the script of this output did not run (re-run the cell)</p>` +
    `<script>${script.replace(/<\/script/gi, "<\\/script")}</script></div>`;
}
