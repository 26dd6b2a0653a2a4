'use strict';
// The terminal table: one block per function and direction, one line per implementation,
// one column per size. A cell: Melem/s (median), ×ratio to the best peer, % of copy bandwidth.
const { sizeLabel, num, ratio, pct } = require('./format');

const ORDER = { ours: 0, baseline: 1, peer: 2 };
const BACKEND = { auto: 0, native: 1, wasm: 2, js: 3 };

/**
 * Implementations of a block in a stable order: ours (auto, native, wasm, js; each backend's
 * default row before its variants), the hand-written loop, then peers in the order they ran.
 */
function implsOf(rows) {
  const seen = new Map();
  for (const r of rows) if (!seen.has(r.impl)) seen.set(r.impl, { ...r, seq: seen.size });
  const rank = (r) => [ORDER[r.group], BACKEND[r.backend] ?? 9, r.variant ? 1 : 0, r.seq];
  return [...seen.values()].sort((a, b) => {
    const p = rank(a), q = rank(b);
    for (let i = 0; i < p.length; i++) if (p[i] !== q[i]) return p[i] - q[i];
    return 0;
  });
}

function cell(r) {
  if (!r) return '';
  const parts = [num(r.melemPerS)];
  if (r.ratioBestPeer !== undefined && r.group !== 'peer') parts.push(ratio(r.ratioBestPeer));
  parts.push(pct(r.pctBandwidth));
  return parts.join(' ');
}

function terminalTable({ rows, bandwidth, sizes, type }) {
  const lines = [];
  const W = 21;
  const L = 50;
  const blocks = [...new Set(rows.map((r) => `${r.fn}|${r.dir}`))];
  lines.push(`Cells: Melem/s (median of benchmark.js samples) ×ratio to the best peer, % of the copy bandwidth (${type}).`);
  lines.push(`${'copy bandwidth (read + write)'.padEnd(L)}${sizes.map((n) => `${(bandwidth.find((b) => b.n === n) || {}).gbPerS?.toFixed(1) ?? '–'} GB/s`.padStart(W)).join('')}`);
  for (const b of blocks) {
    const [fn, dir] = b.split('|');
    const br = rows.filter((r) => r.fn === fn && r.dir === dir);
    lines.push('');
    lines.push(`${`${fn} ${dir}`.padEnd(L)}${sizes.map((n) => `n=${sizeLabel(n)}`.padStart(W)).join('')}`);
    for (const impl of implsOf(br)) {
      const label = `  ${impl.label}`.slice(0, L - 1).padEnd(L);
      lines.push(label + sizes.map((n) => cell(br.find((r) => r.impl === impl.impl && r.n === n)).padStart(W)).join(''));
    }
  }
  return lines.join('\n');
}

module.exports = { terminalTable, implsOf };
