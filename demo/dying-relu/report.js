'use strict';
// The comparison's results as a terminal table, a Markdown table and an SVG chart (drawn with the
// package's own SVG writer, the one the plot CLI uses).
const { renderFigure, OKABE_ITO } = require('../../dist/cjs/plot/index.js');

const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
const num = (v) => (!Number.isFinite(v) ? '–' : v >= 1000 ? v.toExponential(1) : v.toFixed(3));

/** One row per (run, epoch ≥ 1); a diverged run gets one row saying so. */
function rows(runs) {
  const out = [];
  for (const r of runs) {
    for (const e of r.rows.slice(1)) {
      out.push([String(r.lr), r.activation, String(e.epoch), num(e.loss), pct(e.accuracy), pct(e.dead), pct(e.off)]);
    }
    if (r.diverged) out.push([String(r.lr), r.activation, String(r.diverged), 'diverged', '–', '–', '–']);
  }
  return out;
}

const HEADER = ['lr', 'activation', 'epoch', 'train loss', 'test acc', 'dead units', 'units ≤ 0'];

function textTable(runs) {
  const body = rows(runs);
  const widths = HEADER.map((h, k) => Math.max(h.length, ...body.map((r) => r[k].length)));
  const line = (r) => r.map((c, k) => (k < 2 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [line(HEADER), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function markdownTable(runs) {
  const body = rows(runs);
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map((_, k) => (k < 2 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Three panels over the epochs: training loss, test accuracy, dead units; dashed = high lr. */
function chart(runs, title) {
  const labels = [...new Set(runs.map((r) => r.activation))];
  const lrs = [...new Set(runs.map((r) => r.lr))];
  const epochs = Math.max(...runs.map((r) => r.rows.length - 1), 1);
  const series = (key) => runs.map((r) => ({
    label: `${r.activation}, lr ${r.lr}${r.diverged ? ' (diverged)' : ''}`,
    x: r.rows.map((e) => e.epoch),
    y: r.rows.map((e) => e[key]),
    colour: OKABE_ITO[labels.indexOf(r.activation)],
    dashed: lrs.indexOf(r.lr) > 0,
  }));
  const maxLoss = Math.max(...runs.flatMap((r) => r.rows.map((e) => e.loss)).filter(Number.isFinite));
  const lossTop = Math.min(Math.ceil(maxLoss), 3);
  return renderFigure({
    title,
    width: 1320,
    height: 470,
    panels: [
      { title: `training loss (NLL${maxLoss > lossTop ? `, clipped at ${lossTop}` : ''})`, xLabel: 'epoch', yLabel: 'loss',
        series: series('loss'), xDomain: [0, epochs], yDomain: [0, lossTop], legend: 'none', xTickStep: 1 },
      { title: 'test accuracy', xLabel: 'epoch', yLabel: 'accuracy', series: series('accuracy'), xDomain: [0, epochs], yDomain: [0, 1], legend: 'none', xTickStep: 1 },
      { title: 'dead hidden units', xLabel: 'epoch (dead: output 0 for every test image)', yLabel: 'fraction of the hidden units',
        series: series('dead'), xDomain: [0, epochs], yDomain: [0, 1], legend: 'top-right', xTickStep: 1 },
    ],
  });
}

module.exports = { textTable, markdownTable, chart };
