/**
 * Notebooks 07–08: the loss over two weights as a contour map or a 3-D surface, with gradient-descent
 * paths on it and their animation. Pure: data in, a Figure out.
 */
import type * as Plotly from "plotly.js";
import { InputError } from "../../lesson/errors";
import { Surface } from "../../fast/surface";
import {
  COLORS, Figure, Trace, animationControls, baseLayout, finiteRange, frameIndices, sparseLabels, toArray,
} from "./layout";

// ---------------------------------------------------------------------------------------------
// The loss surface over two weights

/** A gradient-descent path over two weights (e.g. TrainResult.path for two tracked weights). */
export interface SurfacePath {
  name: string;
  p: ArrayLike<number>;
  q: ArrayLike<number>;
  /** The loss at each point, if known; otherwise it is read off the surface (for the 3D view). */
  loss?: ArrayLike<number>;
}

function checkSurface(s: Surface, who: string): void {
  if (!s || !Array.isArray(s.p) || !Array.isArray(s.q) || !Array.isArray(s.loss)) {
    throw new InputError("surface-not-surface", { who });
  }
  if (s.p.length < 2 || s.q.length < 2) {
    throw new InputError("surface-too-small", { who });
  }
  if (s.loss.length !== s.q.length) {
    throw new InputError("surface-rows", { who, sQLength: s.q.length, sLossLength: s.loss.length });
  }
  s.loss.forEach((row, j) => {
    if (!Array.isArray(row) || row.length !== s.p.length) {
      throw new InputError("surface-row", {
        who, j, expected: s.p.length, got: Array.isArray(row) ? row.length : undefined,
      });
    }
  });
}

function checkSurfacePath(path: SurfacePath, who: string): { p: number[]; q: number[]; loss?: number[] } {
  const p = toArray(path?.p, `${who}: path "${path?.name}" p`), q = toArray(path?.q, `${who}: path "${path?.name}" q`);
  if (p.length !== q.length) throw new InputError("surface-path-lengths", {
    who, pathName: path.name, pLength: p.length, qLength: q.length,
  });
  if (p.length === 0) throw new InputError("surface-path-empty", { who, pathName: path.name });
  const loss = path.loss === undefined ? undefined : toArray(path.loss, `${who}: path "${path.name}" loss`);
  if (loss && loss.length !== p.length) throw new InputError("surface-path-losses", {
    who, pathName: path.name, pLength: p.length, lossLength: loss.length,
  });
  return { p, q, loss };
}

function locate(grid: number[], v: number): { i: number; t: number } {
  const n = grid.length;
  const asc = grid[n - 1] > grid[0];
  const g = asc ? grid : grid.slice().reverse();
  let i = 0;
  while (i < n - 2 && v > g[i + 1]) i++;
  const t = Math.max(0, Math.min(1, (v - g[i]) / (g[i + 1] - g[i])));
  return asc ? { i, t } : { i: n - 2 - i, t: 1 - t };
}

/** The surface's loss at (p, q), interpolated bilinearly between grid points (clamped at the edges). */
export function surfaceValueAt(s: Surface, p: number, q: number): number {
  const a = locate(s.p, p), b = locate(s.q, q);
  const z00 = s.loss[b.i][a.i], z01 = s.loss[b.i][a.i + 1], z10 = s.loss[b.i + 1][a.i], z11 = s.loss[b.i + 1][a.i + 1];
  return (1 - b.t) * ((1 - a.t) * z00 + a.t * z01) + b.t * ((1 - a.t) * z10 + a.t * z11);
}

const PATH_COLORS = ["#d62728", "#ff7f0e", "#9467bd", "#17becf", "#e377c2"];

function surfaceTrace(s: Surface, kind: "contour" | "surface", pName: string, qName: string): Trace {
  if (kind === "surface") {
    return {
      type: "surface", x: s.p, y: s.q, z: s.loss, colorscale: "Viridis", opacity: 0.9, name: "손실",
      colorbar: { title: { text: "L" }, len: 0.7, x: 0.92 },
      hovertemplate: `${pName} = %{x:.3f}<br>${qName} = %{y:.3f}<br>L = %{z:.4f}<extra></extra>`,
    } as Trace;
  }
  return {
    type: "contour", x: s.p, y: s.q, z: s.loss, colorscale: "Viridis", ncontours: 25, name: "손실",
    contours: { coloring: "heatmap", showlines: true }, line: { width: 0.5, color: "rgba(255,255,255,0.5)" },
    colorbar: { title: { text: "L" } },
    hovertemplate: `${pName} = %{x:.3f}<br>${qName} = %{y:.3f}<br>L = %{z:.4f}<extra></extra>`,
  } as Trace;
}

function pathTraces(s: Surface, path: { p: number[]; q: number[]; loss?: number[] }, name: string, color: string, kind: "contour" | "surface"): Trace[] {
  const last = path.p.length - 1;
  if (kind === "surface") {
    const zRange = finiteRange(s.loss.flat());
    const lift = (zRange[1] - zRange[0]) * 0.02;
    const z = path.p.map((p, i) => (path.loss ? path.loss[i] : surfaceValueAt(s, p, path.q[i])) + lift);
    return [
      { type: "scatter3d", mode: "lines", name, x: path.p, y: path.q, z, line: { color, width: 6 } } as Trace,
      { type: "scatter3d", mode: "text+markers", x: [path.p[0], path.p[last]], y: [path.q[0], path.q[last]], z: [z[0], z[last]], text: ["시작", "끝"], showlegend: false, marker: { size: 5, color: ["white", color], line: { color, width: 2 } }, textfont: { color: "black" }, name } as Trace,
    ];
  }
  return [
    { type: "scatter", mode: "lines", name, x: path.p, y: path.q, line: { color, width: 3 } },
    { type: "scatter", mode: "text+markers", x: [path.p[0], path.p[last]], y: [path.q[0], path.q[last]], text: ["시작", "끝"], textposition: "top right", showlegend: false, name, marker: { size: [11, 13], color: ["white", color], symbol: ["circle", "star"], line: { color, width: 2 } }, textfont: { color: "white", size: 13 } } as Trace,
  ];
}

/**
 * The loss over two weights (others fixed) as a contour map (default) or a 3D surface, with
 * gradient-descent paths drawn on it.
 */
export function surfaceFigure(surface: Surface, opts: { kind?: "contour" | "surface"; paths?: SurfacePath[]; title?: string; pName?: string; qName?: string } = {}): Figure {
  checkSurface(surface, "surfaceFigure");
  const kind = opts.kind ?? "contour";
  if (kind !== "contour" && kind !== "surface") throw new InputError("surface-figure-kind", { kind });
  const pName = opts.pName ?? "p", qName = opts.qName ?? "q";
  const data: Trace[] = [surfaceTrace(surface, kind, pName, qName)];
  (opts.paths ?? []).forEach((path, k) => {
    data.push(...pathTraces(surface, checkSurfacePath(path, "surfaceFigure"), path.name, PATH_COLORS[k % PATH_COLORS.length], kind));
  });
  const title = opts.title ?? `두 가중치 ${pName}, ${qName}에 대한 손실 (나머지 가중치는 고정)`;
  if (kind === "surface") {
    return {
      data,
      layout: baseLayout(title, {
        height: 600, margin: { l: 0, r: 0, t: 60, b: 0 },
        scene: {
          xaxis: { title: { text: pName } }, yaxis: { title: { text: qName } }, zaxis: { title: { text: "L" } },
          camera: { eye: { x: 1.35, y: 1.35, z: 1.1 } },
        },
        legend: { orientation: "h", x: 0.02, y: 0.02 },
      }),
    };
  }
  return {
    data,
    layout: baseLayout(title, {
      height: 520,
      xaxis: { title: { text: pName }, range: [surface.p[0], surface.p[surface.p.length - 1]] },
      yaxis: { title: { text: qName }, range: [surface.q[0], surface.q[surface.q.length - 1]] },
      legend: { orientation: "h", x: 0, y: -0.15, yanchor: "top" },
      margin: { l: 65, r: 20, t: 60, b: 90 },
    }),
  };
}

/** Gradient descent over two weights on the contour map, step by step (at most `frames` frames, default 60). */
export function surfaceAnimationFigure(surface: Surface, path: SurfacePath, opts: { title?: string; pName?: string; qName?: string; frames?: number } = {}): Figure {
  checkSurface(surface, "surfaceAnimationFigure");
  const pts = checkSurfacePath(path, "surfaceAnimationFigure");
  const maxFrames = opts.frames ?? 60;
  if (!(Number.isInteger(maxFrames) && maxFrames >= 2)) throw new InputError("surface-animation-frames", {
    optsFrames: opts.frames,
  });
  const pName = opts.pName ?? "p", qName = opts.qName ?? "q";
  const idx = frameIndices(pts.p.length, maxFrames);
  const lossAt = (i: number) => (pts.loss ? pts.loss[i] : surfaceValueAt(surface, pts.p[i], pts.q[i]));
  const stepTraces = (i: number): Trace[] => [
    { type: "scatter", mode: "lines", x: pts.p.slice(0, i + 1), y: pts.q.slice(0, i + 1), name: path.name, line: { color: COLORS.path, width: 3 } },
    {
      type: "scatter", mode: "markers", x: [pts.p[i]], y: [pts.q[i]], name: "현재 위치",
      marker: { color: "white", size: 14, line: { color: COLORS.path, width: 3 } },
      hovertext: [`반복 ${i}: ${pName} = ${pts.p[i].toFixed(3)}, ${qName} = ${pts.q[i].toFixed(3)}, L = ${lossAt(i).toFixed(4)}`], hoverinfo: "text",
    },
  ];
  const names = idx.map((i) => `iter-${i}`);
  return {
    data: [surfaceTrace(surface, "contour", pName, qName), ...stepTraces(0)],
    frames: idx.map((i, k) => ({ name: names[k], data: stepTraces(i) as Plotly.Data[], traces: [1, 2] })),
    layout: baseLayout(opts.title ?? `손실 곡면 위의 경사하강법 (${pName}, ${qName}): ▶을 누르거나 슬라이더를 움직이세요`, {
      xaxis: { title: { text: pName }, range: [surface.p[0], surface.p[surface.p.length - 1]] },
      yaxis: { title: { text: qName }, range: [surface.q[0], surface.q[surface.q.length - 1]] },
      height: 600,
      margin: { l: 65, r: 20, t: 60, b: 150 },
      showlegend: false,
      ...animationControls(names, sparseLabels(idx), "반복 ", 600 - 60 - 150),
    }),
  };
}
