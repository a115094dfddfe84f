/**
 * Every figure, fitted to the width of the box it is drawn in (a phone's 360 px or a desktop's 900 px).
 *
 * fitFigure runs in the browser: figureHtml (display/plot.ts) puts its source text into each plot's
 * script, which calls it with the box's width before Plotly.newPlot, and again (Plotly.react) when the
 * width changes. So the one place that adapts layouts serves every way a plot is drawn: Jupyter's HTML
 * outputs, the static site's lazy plots (scripts/site/site-plots.ts runs the same script) and the page
 * kernel's outputs. That is also why the function is written the way it is: no imports, no helpers or
 * constants outside its body (its text must run on its own, also after esbuild's minifier), and plain
 * ES2020.
 *
 * What it does (pure: returns a new figure, the given one is not changed; a width that is not a
 * positive number returns the figure as it is):
 *  - a title that is wider than the box wraps at spaces (with <br>), and the top margin and the height
 *    grow by the extra lines, so the plot area keeps its height; frames' titles (animations) too;
 *  - subplots side by side whose columns would be narrower than `minColumn` px (200) are stacked, one row
 *    each, the full width; their titles (paper annotations above a column) move with them and wrap, an
 *    untitled y axis gets the first one's title, and the figure grows to hold the rows;
 *  - text labels on points (scatter traces with mode "text", e.g. w₀, w₁, … on a descent) that would
 *    cover an earlier label are left out, and one that would stick out of its plot area at the left or
 *    right is put on the other side of its point; also inside animation frames;
 *  - below `narrow` px (500): fonts a little smaller, the legend below the plot (in rows, with room made for
 *    it), and an animation's slider below its ▶/❚❚ buttons instead of beside them.
 * Sizes of text are estimated from the characters (Hangul and other wide characters 1 em, Latin about
 * 0.6 em), so the fit is approximate but errs on the wide side.
 */
import type { Figure } from "./layout";

export interface FitOptions {
  /** Below this width (CSS px) of the box, fonts shrink and legends and animation sliders move below (default 500). */
  narrow?: number;
  /** Subplot columns narrower than this (px of plot area) are stacked instead (default 200). */
  minColumn?: number;
}

export function fitFigure(fig: Figure, width: number, opts: FitOptions = {}): Figure {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type O = Record<string, any>;
  if (!(width > 0) || !fig || typeof fig !== "object" || !Array.isArray(fig.data)) return fig;
  const narrow = width < (opts.narrow ?? 500), minColumn = opts.minColumn ?? 200;
  const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const num = (v: unknown, d: number): number => (typeof v === "number" && Number.isFinite(v) ? v : d);
  const wide = (c: number) =>
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2190 && c <= 0x2bff) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0x1f300 && c <= 0x1faff);
  /** Estimated width in px of one line of plotly text (tags dropped) at font size `size`. */
  const textWidth = (s: string, size: number): number => {
    let em = 0;
    for (const ch of String(s).replace(/<[^>]*>/g, "").replace(/&[a-z#0-9]+;/gi, "x")) {
      const c = ch.codePointAt(0) as number;
      em += wide(c) ? 1 : ch === " " ? 0.3 : /[ijlI.,:;'|!()[\]{}]/.test(ch) ? 0.32 : /[A-Z]|[mwMW@%]/.test(ch) ? 0.72 : 0.6;
    }
    return em * size;
  };
  /** `text` broken at spaces into lines of at most `avail` px (a longer word keeps its own line). */
  const wrap = (text: string, size: number, avail: number): string => {
    const lines: string[] = [];
    for (const para of String(text).split(/<br\s*\/?>/i)) {
      let line = "";
      for (const word of para.split(" ")) {
        const next = line ? `${line} ${word}` : word;
        if (line && textWidth(next, size) > avail) { lines.push(line); line = word; } else line = next;
      }
      lines.push(line);
    }
    return lines.join("<br>");
  };
  const lineCount = (text: string): number => String(text).split(/<br\s*\/?>/i).length;

  const layout: O = clone(fig.layout ?? {}) as O;
  const baseFont = num(layout.font?.size, 12);
  const shrink = narrow ? 0.86 : 1;
  const fontSize = Math.round(baseFont * shrink);
  if (narrow) layout.font = { ...(layout.font ?? {}), size: fontSize };
  const m: O = { l: 80, r: 80, t: 100, b: 80, ...(layout.margin ?? {}) };
  layout.margin = m;
  let height = num(layout.height, 450);
  const plotW = Math.max(50, width - m.l - m.r);
  /** Grow the top or bottom margin by `px`, and the figure with it: the plot area keeps its height. */
  const grow = (side: "t" | "b", px: number) => { m[side] += px; height += px; };

  // the title (and the titles animation frames show): wrapped to the box
  const titleOf = (l: O | undefined): O | undefined => (l && typeof l.title === "string" ? { text: l.title } : l?.title);
  const title = titleOf(layout);
  const titleSize = Math.round(num(title?.font?.size, Math.round(baseFont * 1.4)) * (narrow ? 0.8 : 1));
  const tx = num(title?.x, 0.5), anchor = title?.xanchor ?? "auto";
  const titleAvail = (anchor === "left" ? (1 - tx) * width : anchor === "right" ? tx * width : 2 * Math.min(tx, 1 - tx) * width) - 12;
  /** What a title (the figure's or a frame's) becomes: wrapped to the box (and smaller when narrow). */
  let fitTitle = (t: O): O => t;
  if (title && title.text) {
    const frameTitles = (fig.frames ?? []).map((f) => titleOf(f.layout as O)?.text).filter((t) => typeof t === "string") as string[];
    const lines = Math.max(...[title.text, ...frameTitles].map((t) => lineCount(wrap(t, titleSize, titleAvail))));
    // plotly puts a title's first line where a one-line title would be (the middle of the top margin)
    // and the others below it: the margin grows by the extra lines, and the title keeps its first
    // line's place (set below, once the height is known), so the gap under it stays as it was
    const font = narrow ? { font: { ...(title.font ?? {}), size: titleSize } } : {};
    const firstLine = m.t / 2;
    if (lines > 1) grow("t", Math.round((lines - 1) * titleSize * 1.3));
    fitTitle = (t: O) => {
      const text = wrap(t.text, titleSize, titleAvail);
      if (text === t.text && !narrow && lines === 1) return t;
      return { ...t, ...font, ...(lines > 1 ? { yref: "container", y: 1 - firstLine / height, yanchor: "middle" } : {}), text };
    };
  }

  // subplots side by side → stacked rows
  const annotations: O[] = Array.isArray(layout.annotations) ? layout.annotations : [];
  if (narrow) for (const a of annotations) if (a.font?.size) a.font = { ...a.font, size: Math.round(a.font.size * shrink) };
  const plotH0 = Math.max(50, height - m.t - m.b);
  const cols = Object.keys(layout).filter((k) => /^xaxis\d*$/.test(k)).map((k) => {
    const a = layout[k] as O;
    const yRef = typeof a.anchor === "string" && /^y\d*$/.test(a.anchor) ? a.anchor : `y${k.slice(5)}`;
    const yKey = `yaxis${yRef.slice(1)}`;
    return { x: a, yKey, d: a.domain as number[] };
  }).sort((a, b) => num(a.d?.[0], 0) - num(b.d?.[0], 0));
  const sameY = (d: unknown) => JSON.stringify(d ?? [0, 1]) === JSON.stringify(layout[cols[0].yKey]?.domain ?? [0, 1]);
  const sideBySide = cols.length >= 2 && new Set(cols.map((c) => c.yKey)).size === cols.length &&
    cols.every((c, i) => Array.isArray(c.d) && !c.x.overlaying && !layout[c.yKey]?.overlaying && sameY(layout[c.yKey]?.domain) && (i === 0 || c.d[0] >= cols[i - 1].d[1] - 1e-9));
  let plotH = plotH0;
  if (sideBySide && Math.min(...cols.map((c) => (c.d[1] - c.d[0]) * plotW)) < minColumn) {
    const n = cols.length;
    const yd = (layout[cols[0].yKey]?.domain ?? [0, 1]) as number[];
    const column = (a: O) => (a.xref === "paper" && a.yref === "paper" && !a.showarrow ? cols.findIndex((c) => a.x >= c.d[0] - 0.02 && a.x <= c.d[1] + 0.02) : -1);
    let titleLines = 0;
    for (const a of annotations) {
      if (column(a) < 0 || typeof a.text !== "string") continue;
      a.text = wrap(a.text, num(a.font?.size, fontSize), plotW);
      titleLines = Math.max(titleLines, lineCount(a.text));
    }
    const xTitle = cols.some((c) => c.x.title?.text);
    const rowH = Math.round(Math.min(300, Math.max(170, plotW * 0.7)));
    // under a row: its tick labels, its x title, then a clear space before the next row's title
    const gap = Math.round(fontSize * 2 + (xTitle ? fontSize * 2.2 : 0) + titleLines * fontSize * 1.5 + 26);
    const plotH1 = n * rowH + (n - 1) * gap;
    const row = (j: number): [number, number] => {
      const top = 1 - (j * (rowH + gap)) / plotH1;
      return [top - rowH / plotH1, top];
    };
    /** A paper y outside the plot area (a legend below, a slider) keeps its distance in px. */
    const keepPx = (y: number) => (y < 0 ? (y * plotH0) / plotH1 : y > 1 ? 1 + ((y - 1) * plotH0) / plotH1 : y);
    const yTitle = layout[cols[0].yKey]?.title;
    cols.forEach((c, j) => {
      const [lo, hi] = row(j);
      c.x.domain = [0, 1];
      const y = (layout[c.yKey] = layout[c.yKey] ?? {}) as O;
      y.domain = [lo, hi];
      if (yTitle?.text && !y.title?.text) y.title = clone(yTitle);
    });
    for (const a of annotations) {
      const j = column(a);
      if (j >= 0) {
        const [lo, hi] = row(j), d = cols[j].d;
        a.x = Math.min(1, Math.max(0, (a.x - d[0]) / (d[1] - d[0])));
        a.y = lo + ((num(a.y, 1) - yd[0]) / (yd[1] - yd[0])) * (hi - lo);
      } else if (a.yref === "paper" && typeof a.y === "number") a.y = keepPx(a.y);
    }
    if (layout.legend && typeof layout.legend.y === "number" && layout.legend.yref !== "container") layout.legend.y = keepPx(layout.legend.y);
    for (const k of ["updatemenus", "sliders"]) for (const u of (layout[k] ?? []) as O[]) if (typeof u.y === "number") u.y = keepPx(u.y);
    height += plotH1 - plotH0;
    plotH = plotH1;
  }

  // narrow: an animation's slider below its buttons, then the legend below everything
  if (narrow) {
    const menus = (layout.updatemenus ?? []) as O[], sliders = (layout.sliders ?? []) as O[];
    const s = sliders[0];
    if (menus.length === 1 && sliders.length === 1 && num(s.x, 0) > 0.05 && typeof menus[0].y === "number" && typeof s.y === "number") {
      // px below the plot area: the slider's new top is a row of buttons (about 50 px) under the buttons' top
      const top = -menus[0].y * plotH + 50;
      grow("b", Math.max(0, Math.round(top + s.y * plotH)));
      Object.assign(s, { x: 0, len: 1, y: -top / plotH });
    }
    // traces with a legend entry (plotly leaves maps and surfaces out unless told)
    const items = (fig.data as O[]).filter((t) => t.visible !== false && (t.showlegend === true || (t.showlegend !== false && !/^(heatmap|contour|surface|histogram2d|image|table)/.test(t.type ?? ""))));
    const shown = layout.showlegend !== false && (layout.showlegend === true || items.length > 1);
    const lg: O = layout.legend ?? {};
    if (shown && items.length > 0 && lg.yref !== "container") {
      const lgSize = num(lg.font?.size, fontSize);
      // plotly wraps a horizontal legend at the plot area's width, which a colour bar narrows
      const colorbar = (fig.data as O[]).some((t) => (/^(heatmap|contour|histogram2d)/.test(t.type ?? "") && t.showscale !== false) || t.marker?.showscale);
      const avail = plotW - (colorbar ? 100 : 0) - 10;
      let rows = 1, used = 0;
      for (const t of items) {
        const w = 46 + textWidth(t.name ?? "", lgSize);
        if (used > 0 && used + w > avail) { rows++; used = 0; }
        used += w;
      }
      const lgH = Math.round(rows * (lgSize * 1.45 + 6) + 10);
      const wasBelow = typeof lg.y === "number" && lg.y < 0;
      const above = wasBelow ? Math.round(-lg.y * plotH) : m.b;
      layout.legend = { ...lg, orientation: "h", x: 0, xanchor: "left", y: -above / plotH, yanchor: "top" };
      const b = above + lgH + 6;
      if (b > m.b) grow("b", b - m.b);
    }
  }
  layout.height = height = Math.round(height);
  if (title && title.text) layout.title = fitTitle(title);

  // text labels on points: none over another, none out of its plot area at the sides
  const plotHeight = height - m.t - m.b;
  const axisOf = (ref: unknown, dim: "x" | "y"): string => `${dim}axis${typeof ref === "string" && ref.length > 1 ? ref.slice(1) : ""}`;
  const traceAt = (j: number, frame?: O): O => (frame ? { ...((fig.data[(frame.traces ?? [])[j] ?? j] ?? {}) as O), ...(frame.data[j] ?? {}) } : (fig.data[j] as O));
  const areaCache: Record<string, { l: number; r: number; t: number; b: number; fx: (v: number) => number; fy: (v: number) => number } | null> = {};
  /** The pixel box of a subplot and its data → pixel maps (null for axes that are not numeric). */
  const area = (xRef: unknown, yRef: unknown) => {
    const xk = axisOf(xRef, "x"), yk = axisOf(yRef, "y"), key = `${xk}/${yk}`;
    if (key in areaCache) return areaCache[key];
    const ax = (layout[xk] ?? {}) as O, ay = (layout[yk] ?? {}) as O;
    const dx = (ax.domain ?? [0, 1]) as number[], dy = (ay.domain ?? [0, 1]) as number[];
    const range = (a: O, dim: "x" | "y", k: string): [number, number] | null => {
      if (a.type && a.type !== "linear" && a.type !== "log" && a.type !== "-") return null;
      const log = a.type === "log";
      if (Array.isArray(a.range) && a.range.length === 2 && a.range.every(Number.isFinite) && a.autorange !== true) return [a.range[0], a.range[1]];
      let lo = Infinity, hi = -Infinity;
      for (const t of fig.data as O[]) {
        if (axisOf(t[`${dim}axis`], dim) !== k || !Array.isArray(t[dim])) continue;
        for (const v of t[dim]) {
          if (typeof v === "string" && v !== "" && !Number.isFinite(Number(v))) return null;
          const u = log ? Math.log10(Number(v)) : Number(v);
          if (v !== null && Number.isFinite(u)) { lo = Math.min(lo, u); hi = Math.max(hi, u); }
        }
      }
      if (!(hi > lo)) return null;
      const pad = (hi - lo) * 0.05;
      return [lo - pad, hi + pad];
    };
    const rx = range(ax, "x", xk), ry = range(ay, "y", yk);
    if (!rx || !ry) return (areaCache[key] = null);
    const l = m.l + dx[0] * plotW, r = m.l + dx[1] * plotW, t = m.t + (1 - dy[1]) * plotHeight, b = m.t + (1 - dy[0]) * plotHeight;
    const lx = ax.type === "log", ly = ay.type === "log";
    return (areaCache[key] = {
      l, r, t, b,
      fx: (v: number) => l + (((lx ? Math.log10(v) : v) - rx[0]) / (rx[1] - rx[0])) * (r - l),
      fy: (v: number) => b - (((ly ? Math.log10(v) : v) - ry[0]) / (ry[1] - ry[0])) * (b - t),
    });
  };
  /** The traces of the figure or of one frame, with their labels fitted (traces without labels unchanged). */
  const fitLabels = (traces: O[], frame?: O): O[] => {
    const kept: Record<string, number[][]> = {};
    const fitted = traces.map((own, j) => {
      const t = traceAt(j, frame);
      if ((t.type ?? "scatter") !== "scatter" || typeof t.mode !== "string" || !t.mode.includes("text") || !Array.isArray(t.text)) return own;
      const a = area(t.xaxis, t.yaxis);
      if (!a || !Array.isArray(t.x) || !Array.isArray(t.y)) return own;
      const key = `${t.xaxis ?? "x"}/${t.yaxis ?? "y"}`;
      const boxes = (kept[key] = kept[key] ?? []);
      const size = num(t.textfont?.size, fontSize), th = size * 1.45;
      const markers = t.mode.includes("markers");
      const text = (t.text as unknown[]).slice();
      const pos: string[] = text.map((_, i) => String((Array.isArray(t.textposition) ? t.textposition[i] : t.textposition) ?? "middle center"));
      let moved = false, dropped = false;
      text.forEach((s, i) => {
        if (s === null || s === undefined || String(s) === "") return;
        const px = a.fx(Number(t.x[i])), py = a.fy(Number(t.y[i]));
        if (!Number.isFinite(px) || !Number.isFinite(py) || px < a.l || px > a.r || py < a.t || py > a.b) return;
        const ms = markers ? num(Array.isArray(t.marker?.size) ? t.marker.size[i] : t.marker?.size, 6) : 0;
        const off = ms / 2 + 2, tw = Math.max(...String(s).split(/<br\s*\/?>/i).map((line) => textWidth(line, size))), lines = lineCount(String(s));
        let [v, h] = pos[i].split(" ");
        if (h === undefined) [v, h] = v === "left" || v === "right" || v === "center" ? ["middle", v] : [v, "center"];
        const box = () => {
          const left = h === "left" ? px - off - tw : h === "right" ? px + off : px - tw / 2;
          const top = v === "top" ? py - off - lines * th : v === "bottom" ? py + off : py - (lines * th) / 2;
          return [left, top, left + tw, top + lines * th];
        };
        let bx = box();
        const side = h === "center" && bx[0] < a.l ? "right" : h === "center" && bx[2] > a.r ? "left" : h;
        if (side !== h) { h = side; bx = box(); }
        if (boxes.some((o) => bx[0] < o[2] + 2 && o[0] < bx[2] + 2 && bx[1] < o[3] + 1 && o[1] < bx[3] + 1)) { text[i] = ""; dropped = true; return; }
        boxes.push(bx);
        if (`${v} ${h}` !== pos[i]) { pos[i] = `${v} ${h}`; moved = true; }
      });
      if (!moved && !dropped) return own;
      return { ...own, text, ...(moved ? { textposition: pos } : {}) };
    });
    return fitted.every((t, j) => t === traces[j]) ? traces : fitted;
  };

  const out: Figure = { ...fig, layout, data: fitLabels(fig.data as O[]) };
  if (Array.isArray(fig.frames)) {
    out.frames = fig.frames.map((f) => {
      const fl = f.layout as O | undefined, ft = titleOf(fl);
      const nt = ft?.text ? fitTitle(ft) : ft;
      const frameLayout = nt !== ft ? { ...fl, title: nt } : fl;
      const data = Array.isArray(f.data) ? fitLabels(f.data as O[], f as O) : f.data;
      return data === f.data && frameLayout === fl ? f : ({ ...f, data, ...(frameLayout ? { layout: frameLayout } : {}) } as typeof f);
    });
  }
  return out;
}
