/**
 * What every figure builder shares (notebooks 00–11): the Figure type, fonts that cover Korean,
 * colours, the base layout, small range helpers and the animation controls. Pure, no Node, no DOM.
 */
import type * as Plotly from "plotly.js";
import { InputError } from "../../lesson/errors";

/** A plotly figure: traces, layout, optional animation frames and config (types from @types/plotly.js). */
export interface Figure {
  data: Partial<Plotly.Data>[];
  layout?: Partial<Plotly.Layout>;
  frames?: Partial<Plotly.Frame>[];
  config?: Partial<Plotly.Config>;
}

export type Trace = Partial<Plotly.Data>;
export type Annotation = Partial<Plotly.Annotations>;

/** Fonts that cover Korean on Linux, macOS and Windows. */
export const PLOT_FONT = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif';

export const COLORS = {
  curve: "#1f77b4",
  derivative: "#ff7f0e",
  path: "#d62728",
  tangent: "#2ca02c",
  positive: "#1f77b4",
  negative: "#d62728",
  node: "#444444",
};

const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉";
/** 12 → "₁₂" */
export function subscript(n: number): string {
  return String(n).split("").map((d) => SUBSCRIPT[Number(d)] ?? d).join("");
}

export function baseLayout(title: string | undefined, extra: Partial<Plotly.Layout> = {}): Partial<Plotly.Layout> {
  const layout: Record<string, unknown> = {
    title: title ? { text: title, x: 0.02, xanchor: "left" } : undefined,
    font: { family: PLOT_FONT, size: 14 },
    margin: { l: 60, r: 20, t: title ? 60 : 30, b: 55 },
    ...extra,
  };
  // Axis titles move out of the way of long tick labels (10⁻²⁰ on a log axis).
  for (const key of Object.keys(layout)) {
    const axis = layout[key] as Record<string, unknown> | undefined;
    if (/^[xy]axis\d*$/.test(key) && axis && axis.visible !== false) axis.automargin = true;
  }
  return layout as Partial<Plotly.Layout>;
}

export function toArray(a: ArrayLike<number>, what: string): number[] {
  if (a == null || typeof a.length !== "number") throw new InputError("figure-not-list", { what });
  return Array.from(a);
}

export function finiteRange(values: number[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}

export function padRange([lo, hi]: [number, number], frac: number): [number, number] {
  const d = (hi - lo) * frac;
  return [lo - d, hi + d];
}

/**
 * ▶/❚❚ buttons and a slider below the plot for a figure whose frames are called `names`.
 * Positions are in pixels below the plot area (converted to plotly's paper units with
 * `plotAreaHeight`), so they never cover the x-axis title; `redraw` is needed when frames change heatmaps.
 */
export function animationControls(
  names: string[], labels: string[], prefix: string, plotAreaHeight: number, opts: { redraw?: boolean; frameMs?: number } = {},
): Partial<Plotly.Layout> {
  const frameOpts = (duration: number) => ({ frame: { duration, redraw: opts.redraw ?? false }, transition: { duration: 0 }, mode: "immediate" });
  const below = (px: number) => -px / plotAreaHeight;
  return {
    updatemenus: [{
      type: "buttons", direction: "left", showactive: false, x: 0, xanchor: "left", y: below(80), yanchor: "top", pad: { t: 0, r: 10 },
      buttons: [
        { label: "▶ 재생", method: "animate", args: [null, { ...frameOpts(opts.frameMs ?? 400), fromcurrent: true }] },
        { label: "❚❚ 멈춤", method: "animate", args: [[null], { ...frameOpts(0) }] },
      ],
    }] as unknown as Plotly.Layout["updatemenus"],
    sliders: [{
      active: 0, x: 0.22, len: 0.74, xanchor: "left", y: below(62), yanchor: "top", pad: { t: 0, b: 0 },
      currentvalue: { prefix, visible: true, xanchor: "left", offset: 8 },
      steps: names.map((name, i) => ({ label: labels[i], method: "animate", args: [[name], frameOpts(0)] })),
    }] as unknown as Plotly.Layout["sliders"],
  };
}

/** Slider labels: every frame's step number, but at most ~12 shown (the rest left blank). */
export function sparseLabels(idx: number[]): string[] {
  const every = Math.ceil(idx.length / 10);
  const last = idx.length - 1;
  return idx.map((i, k) => (k === last || (k % every === 0 && last - k >= every / 2) ? String(i) : ""));
}

/** Indices 0 … n−1 thinned to at most `max` (first and last always kept). */
export function frameIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < max; k++) out.add(Math.round((k * (n - 1)) / (max - 1)));
  return [...out];
}
