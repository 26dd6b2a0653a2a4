import { colour } from './palette';
import { formatTick, linearScale, niceDomain, ticks, type Scale } from './scale';
import { document, el, escapeXml, round, text } from './svg';

/** One curve: y over x, drawn solid or dashed. Non-finite y values break the line. */
export interface Series {
  readonly label: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly colour?: string;
  readonly dashed?: boolean;
}

export interface Panel {
  readonly title?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
  /** Default: the data's range, widened to nice ticks. */
  readonly xDomain?: [number, number];
  readonly yDomain?: [number, number];
  /** A fixed step between x ticks (e.g. 1 for epochs); default: chosen from the width. */
  readonly xTickStep?: number;
  /** Where the legend goes inside the plot area; default 'top-left'. */
  readonly legend?: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'none';
}

export interface Figure {
  readonly title?: string;
  /** Panels side by side. */
  readonly panels: readonly Panel[];
  readonly width?: number;
  readonly height?: number;
}

interface Box { x: number; y: number; w: number; h: number }

const MARGIN = { left: 58, right: 18, top: 36, bottom: 50 };
const INK = '#222222';
const GRID = '#e6e6e6';

function extent(series: readonly Series[], key: 'x' | 'y'): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s[key].length; i++) {
      const v = s[key][i];
      if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
    }
  }
  return [lo, hi];
}

/** "M x y L x y …" in pixels; a non-finite value starts a new sub-path. */
function pathData(s: Series, sx: Scale, sy: Scale): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < s.x.length; i++) {
    const y = s.y[i];
    if (!Number.isFinite(y)) { pen = false; continue; }
    parts.push(`${pen ? 'L' : 'M'}${round(sx(s.x[i]))} ${round(sy(y))}`);
    pen = true;
  }
  return parts.join('');
}

const ROW = 19;

function legendWidth(series: readonly Series[]): number {
  return 46 + 6.6 * Math.max(...series.map((s) => s.label.length));
}

function legend(series: readonly Series[], x: number, y: number): string {
  const rowH = ROW;
  const w = legendWidth(series);
  const rows = series.map((s, i) => {
    const cy = y + 14 + i * rowH;
    return [
      el('line', { x1: x + 10, y1: cy, x2: x + 36, y2: cy, stroke: s.colour, 'stroke-width': 2.5, 'stroke-dasharray': s.dashed ? '6 4' : undefined }),
      text(x + 44, cy + 4.5, s.label, { 'font-size': 12.5, fill: INK }),
    ].join('');
  });
  return el('g', { class: 'legend' }, [
    el('rect', { x, y, width: round(w), height: 8 + series.length * rowH, rx: 4, fill: '#ffffff', 'fill-opacity': 0.9, stroke: '#cccccc' }),
    ...rows,
  ]);
}

/** Metadata kept in the file: domains, plot area and the exact values behind every curve. */
export interface PanelData {
  title?: string;
  xDomain: [number, number];
  yDomain: [number, number];
  area: Box;
  series: { label: string; x: number[]; y: number[] }[];
}

function renderPanel(p: Panel, box: Box, id: number, data: PanelData[]): string {
  const series = p.series.map((s, i) => ({ ...s, colour: s.colour ?? colour(i) }));
  // x: exactly the sampled range (the user's choice); y: the data's range widened to nice ticks.
  const xDomain = p.xDomain ?? extent(series, 'x');
  const yDomain = p.yDomain ?? niceDomain(...extent(series, 'y'), 7);
  const area = { x: box.x + MARGIN.left, y: box.y + MARGIN.top, w: box.w - MARGIN.left - MARGIN.right, h: box.h - MARGIN.top - MARGIN.bottom };
  const sx = linearScale(xDomain, [area.x, area.x + area.w]);
  const sy = linearScale(yDomain, [area.y + area.h, area.y]);
  const xt = p.xTickStep ? ticks(xDomain[0], xDomain[1], Math.round((xDomain[1] - xDomain[0]) / p.xTickStep))
    : ticks(xDomain[0], xDomain[1], Math.round(area.w / 70));
  const yt = ticks(yDomain[0], yDomain[1], Math.round(area.h / 50));
  const out: string[] = [];
  if (p.title) out.push(text(area.x + area.w / 2, box.y + 22, p.title, { 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 600, fill: INK }));
  out.push(el('clipPath', { id: `plot${id}` }, el('rect', { x: area.x, y: area.y, width: round(area.w), height: round(area.h) })));
  // Grid and tick labels on the frame; the axes themselves go through the origin.
  for (const t of xt) {
    const X = round(sx(t));
    out.push(el('line', { x1: X, y1: area.y, x2: X, y2: area.y + area.h, stroke: GRID }));
    out.push(text(X, area.y + area.h + 17, formatTick(t), { 'text-anchor': 'middle', 'font-size': 12, fill: '#555555' }));
  }
  for (const t of yt) {
    const Y = round(sy(t));
    out.push(el('line', { x1: area.x, y1: Y, x2: area.x + area.w, y2: Y, stroke: GRID }));
    out.push(text(area.x - 8, Y + 4, formatTick(t), { 'text-anchor': 'end', 'font-size': 12, fill: '#555555' }));
  }
  out.push(el('rect', { x: area.x, y: area.y, width: round(area.w), height: round(area.h), fill: 'none', stroke: '#bbbbbb' }));
  if (xDomain[0] <= 0 && xDomain[1] >= 0) out.push(el('line', { class: 'axis', x1: round(sx(0)), y1: area.y, x2: round(sx(0)), y2: area.y + area.h, stroke: INK, 'stroke-width': 1.2 }));
  if (yDomain[0] <= 0 && yDomain[1] >= 0) out.push(el('line', { class: 'axis', x1: area.x, y1: round(sy(0)), x2: area.x + area.w, y2: round(sy(0)), stroke: INK, 'stroke-width': 1.2 }));
  out.push(text(area.x + area.w / 2, area.y + area.h + 40, p.xLabel, { 'text-anchor': 'middle', 'font-size': 13, fill: INK }));
  out.push(text(0, 0, p.yLabel, { 'text-anchor': 'middle', 'font-size': 13, fill: INK,
    transform: `translate(${round(box.x + 16)} ${round(area.y + area.h / 2)}) rotate(-90)` }));
  out.push(el('g', { 'clip-path': `url(#plot${id})`, fill: 'none', 'stroke-width': 2.25, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' },
    series.map((s, i) => el('path', { class: 'curve', 'data-series': i, d: pathData(s, sx, sy), stroke: s.colour, 'stroke-dasharray': s.dashed ? '7 5' : undefined }))));
  const where = p.legend ?? 'top-left';
  if (series.length && where !== 'none') {
    const lw = legendWidth(series);
    const lh = 8 + series.length * ROW;
    const lx = where.endsWith('right') ? area.x + area.w - 10 - lw : area.x + 10;
    const ly = where.startsWith('bottom') ? area.y + area.h - 10 - lh : area.y + 10;
    out.push(legend(series, lx, ly));
  }
  data.push({ title: p.title, xDomain, yDomain, area, series: series.map((s) => ({ label: s.label, x: Array.from(s.x), y: Array.from(s.y) })) });
  return el('g', { class: 'panel' }, out);
}

/**
 * The SVG of a figure: panels side by side under an optional title. The exact values behind
 * every curve are stored as JSON in <metadata>, so a test (or a reader) can check them.
 */
export function renderFigure(fig: Figure): string {
  const width = fig.width ?? 420 * fig.panels.length + 60;
  const height = fig.height ?? 480;
  const top = fig.title ? 34 : 0;
  const w = width / fig.panels.length;
  const data: PanelData[] = [];
  const body: string[] = [];
  if (fig.title) body.push(text(width / 2, 26, fig.title, { 'text-anchor': 'middle', 'font-size': 18, 'font-weight': 600, fill: INK }));
  fig.panels.forEach((p, i) => body.push(renderPanel(p, { x: i * w, y: top, w, h: height - top }, i, data)));
  body.unshift(el('metadata', { id: 'data' }, escapeXml(JSON.stringify({ panels: data }))));
  return document(width, height, body);
}
