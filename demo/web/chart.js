// A small line chart in SVG for the page: grid, axes through the origin, nice ticks, one curve.
// (The CLI's charts come from src/plot; this is the browser's live counterpart, redrawn on input.)
const NS = 'http://www.w3.org/2000/svg';

function step(lo, hi, target) {
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

function ticks(lo, hi, target) {
  const s = step(lo, hi, target);
  const out = [];
  for (let k = Math.ceil(lo / s - 1e-9); k * s <= hi + 1e-9 * s; k++) out.push(Number((k * s).toPrecision(12)));
  return out;
}

function node(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const fmt = (v) => String(v).replace('-', '\u2212');

/** Draws y over x into the <svg> (viewBox 460 × 340); returns the curve's path element. */
export function drawCurve(svg, x, y, colour, id) {
  const W = 460, H = 340, L = 44, R = 12, T = 10, B = 28;
  // The range always includes 0, so that the axis through the origin is there to read against.
  let lo = 0, hi = 0;
  for (const v of y) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!(hi > lo)) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.06;
  const ys = step(lo - pad, hi + pad, 6);
  const y0 = Math.floor((lo - pad) / ys) * ys, y1 = Math.ceil((hi + pad) / ys) * ys;
  const x0 = x[0], x1 = x[x.length - 1];
  const sx = (v) => L + ((v - x0) / (x1 - x0)) * (W - L - R);
  const sy = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
  svg.replaceChildren();
  svg.append(node('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
  for (const t of ticks(x0, x1, 8)) {
    svg.append(node('line', { x1: sx(t), x2: sx(t), y1: T, y2: H - B, stroke: '#e6e6e6' }));
    svg.append(node('text', { x: sx(t), y: H - B + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#555' }, fmt(t)));
  }
  for (const t of ticks(y0, y1, 6)) {
    svg.append(node('line', { x1: L, x2: W - R, y1: sy(t), y2: sy(t), stroke: '#e6e6e6' }));
    svg.append(node('text', { x: L - 6, y: sy(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#555' }, fmt(t)));
  }
  if (x0 <= 0 && x1 >= 0) svg.append(node('line', { x1: sx(0), x2: sx(0), y1: T, y2: H - B, stroke: '#222', 'stroke-width': 1.2 }));
  if (y0 <= 0 && y1 >= 0) svg.append(node('line', { x1: L, x2: W - R, y1: sy(0), y2: sy(0), stroke: '#222', 'stroke-width': 1.2 }));
  let d = '';
  let pen = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${sx(x[i]).toFixed(2)} ${sy(y[i]).toFixed(2)}`;
    pen = true;
  }
  const path = node('path', { id, d, fill: 'none', stroke: colour, 'stroke-width': 2.4, 'stroke-linejoin': 'round' });
  svg.append(path);
  return path;
}
