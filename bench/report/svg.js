'use strict';
// A small SVG line-chart writer: throughput against size on log-log axes, one line per
// implementation, the memory-bandwidth bound drawn as a band-coloured line, a legend below.
// Colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies);
// groups differ by dash as well (ours solid, the hand-written loop dotted, peers dashed) and
// lines by marker shape, so nothing relies on colour alone.
const { sizeLabel } = require('./format');

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#999933'];
const DASH = { ours: '', baseline: '2 3', peer: '7 4' };
const MARKERS = ['circle', 'square', 'triangle', 'diamond'];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Axis label of 10^d: 0.01, 0.1, 1, 10, 100, 1000, 10k, 100k, 1M. */
function decade(d) {
  if (d < 0) return (10 ** d).toFixed(-d);
  if (d < 4) return String(10 ** d);
  if (d < 6) return `${10 ** (d - 3)}k`;
  return `${10 ** (d - 6)}M`;
}

function marker(shape, x, y, color) {
  const r = 3.5;
  const f = (v) => v.toFixed(1);
  if (shape === 'square') return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`;
  if (shape === 'triangle') return `<path d="M${f(x)} ${f(y - r - 0.8)}L${f(x + r + 0.6)} ${f(y + r)}L${f(x - r - 0.6)} ${f(y + r)}Z" fill="${color}"/>`;
  if (shape === 'diamond') return `<path d="M${f(x)} ${f(y - r - 1)}L${f(x + r + 1)} ${f(y)}L${f(x)} ${f(y + r + 1)}L${f(x - r - 1)} ${f(y)}Z" fill="${color}"/>`;
  return `<circle cx="${f(x)}" cy="${f(y)}" r="${r}" fill="${color}"/>`;
}

/**
 * series: [{ label, group: 'ours'|'baseline'|'peer', points: [{ n, v }] }]; roofline: [{ n, v }].
 * Returns the SVG text.
 */
function lineChart({ title, subtitle, series, roofline, sizes, yLabel = 'Melem/s (log scale)' }) {
  const W = 820, left = 74, right = 24, top = 64, plotH = 380;
  const plotW = W - left - right;
  const legendCols = 2, legendRowH = 20;
  const entries = [...series.map((s, i) => ({ ...s, i })), ...(roofline ? [{ label: 'memory-bandwidth bound (copy: read + write)', roof: true }] : [])];
  const legendTop = top + plotH + 78;
  const H = legendTop + Math.ceil(entries.length / legendCols) * legendRowH + 16;

  const values = [...series.flatMap((s) => s.points.map((p) => p.v)), ...(roofline || []).map((p) => p.v)].filter((v) => v > 0 && Number.isFinite(v));
  const yMin = Math.floor(Math.log10(Math.min(...values)));
  const yMax = Math.ceil(Math.log10(Math.max(...values)));
  const y0 = yMin === yMax ? yMin - 1 : yMin;
  const xs = sizes.map((n) => Math.log2(n));
  const xMin = Math.min(...xs), xMax = Math.max(...xs);
  const X = (n) => left + (xMax === xMin ? plotW / 2 : ((Math.log2(n) - xMin) / (xMax - xMin)) * plotW);
  const Y = (v) => top + plotH - ((Math.log10(v) - y0) / (yMax - y0)) * plotH;

  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="26" font-size="17" font-weight="bold" fill="#222">${esc(title)}</text>`);
  if (subtitle) out.push(`<text x="${left}" y="46" font-size="12" fill="#555">${esc(subtitle)}</text>`);

  // Grid: every decade (labelled) and 2× and 5× in between; a vertical line at every size.
  out.push('<g stroke-width="1">');
  for (let d = y0; d <= yMax; d++) {
    const y = Y(10 ** d);
    out.push(`<line x1="${left}" x2="${left + plotW}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d0d0d0"/>`);
    out.push(`<text x="${left - 8}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#333">${esc(decade(d))}</text>`);
    if (d < yMax) {
      for (const m of [2, 5]) {
        const ym = Y(m * 10 ** d);
        out.push(`<line x1="${left}" x2="${left + plotW}" y1="${ym.toFixed(1)}" y2="${ym.toFixed(1)}" stroke="#eeeeee"/>`);
      }
    }
  }
  for (const n of sizes) {
    const x = X(n);
    out.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${top}" y2="${top + plotH}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${x.toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" fill="#333">${esc(sizeLabel(n))}</text>`);
  }
  out.push('</g>');
  out.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${top + plotH + 38}" text-anchor="middle" fill="#222">elements per call (log scale)</text>`);
  out.push(`<text transform="translate(18 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#222">${esc(yLabel)}</text>`);

  const path = (pts) => pts.map((p, k) => `${k ? 'L' : 'M'}${X(p.n).toFixed(1)} ${Y(p.v).toFixed(1)}`).join('');
  if (roofline && roofline.length) {
    out.push(`<path d="${path(roofline)}" fill="none" stroke="#bbbbbb" stroke-width="7" stroke-linejoin="round" stroke-linecap="round" opacity="0.8"/>`);
  }
  const styleOf = (s) => ({ color: PALETTE[s.i % PALETTE.length], dash: DASH[s.group] || '', shape: MARKERS[(s.i + Math.floor(s.i / PALETTE.length)) % MARKERS.length] });
  for (const s of entries.filter((e) => !e.roof)) {
    const pts = s.points.filter((p) => p.v > 0 && Number.isFinite(p.v));
    if (pts.length === 0) continue;
    const st = styleOf(s);
    out.push(`<g><title>${esc(s.label)}</title><path d="${path(pts)}" fill="none" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`);
    for (const p of pts) out.push(marker(st.shape, X(p.n), Y(p.v), st.color));
    out.push('</g>');
  }

  // Legend below the plot, two columns.
  const colW = (W - left - right) / legendCols;
  entries.forEach((e, k) => {
    const x = left + (k % legendCols) * colW;
    const y = legendTop + Math.floor(k / legendCols) * legendRowH;
    if (e.roof) out.push(`<line x1="${x}" x2="${x + 34}" y1="${y}" y2="${y}" stroke="#bbbbbb" stroke-width="7" stroke-linecap="round"/>`);
    else {
      const st = styleOf(e);
      out.push(`<line x1="${x}" x2="${x + 34}" y1="${y}" y2="${y}" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`);
      out.push(marker(st.shape, x + 17, y, st.color));
    }
    out.push(`<text x="${x + 42}" y="${y + 4}" fill="#222">${esc(e.label)}</text>`);
  });
  out.push(`<text x="${left}" y="${legendTop - 18}" fill="#555">solid: simd-activations · dotted: hand-written loop · dashed: peers · higher is better</text>`);
  out.push('</svg>');
  return out.join('\n');
}

module.exports = { lineChart, PALETTE };
