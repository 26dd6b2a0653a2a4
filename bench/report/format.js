'use strict';
// Number formatting shared by the terminal table, the markdown report and the charts.

function sizeLabel(n) {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)}M`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}K`;
  return String(n);
}

/** Three significant digits, no exponent notation below 1e6. */
function num(v) {
  if (v === undefined || v === null || !Number.isFinite(v)) return '–';
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  if (v >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}

const ratio = (v) => (v === undefined ? '' : `×${v >= 10 ? v.toFixed(0) : v.toFixed(2)}`);
const pct = (v) => (v === undefined ? '' : `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}%`);

module.exports = { sizeLabel, num, ratio, pct };
