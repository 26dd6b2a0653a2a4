'use strict';
// Writes the facade's small-array routing thresholds (src/routing.ts, between its routing:data
// markers) from the crossovers a benchmark run measured. The rule, per pair (native over js, wasm
// over js) and kind (linear, smooth, rowwise, prelu, preluBackward: src/routing.ts's routingKind):
//   - the median of the function-directions' interpolated crossings (a function never ahead in
//     the sweep counts as +∞; with an even count, the mean of the two middle ones, +∞ if either is);
//   - rounded to the nearest clean number on a log scale: 1, 2, 3, 4, 6, 8, 12, 16, 24, … (powers
//     of two and 1.5 times them), so run-to-run noise of a few percent rarely moves it;
//   - clamped to [ROUTING_MIN, ROUTING_MAX] of src/routing.ts (a +∞ median gives ROUTING_MAX);
//   - a kind this run did not measure, or measured only in part (fewer function-directions than
//     run.expected[kind], e.g. with --only or --dir), keeps its previous threshold (`measured`: null).
// It refuses (throws) on a run that cannot give honest numbers: a backend missing, native measured
// with its routing on, Float64 data, or the quick sweep (one function per kind).
const fs = require('fs');
const path = require('path');

const ROUTING_FILE = path.join(__dirname, '..', '..', 'src', 'routing.ts');
const START = '/* routing:data:start */';
const END = '/* routing:data:end */';
const PAIRS = ['nativeOverJs', 'wasmOverJs'];
const KINDS = ['linear', 'smooth', 'rowwise', 'prelu', 'preluBackward'];

/** The table and the clamp range written in the module's text. */
function parseRouting(text) {
  const i = text.indexOf(START), j = text.indexOf(END);
  if (i < 0 || j < i) throw new Error(`src/routing.ts lacks the ${START} … ${END} markers`);
  const limit = (name) => {
    const m = text.match(new RegExp(`export const ${name} = (\\d+);`));
    if (!m) throw new Error(`src/routing.ts does not define ${name}`);
    return Number(m[1]);
  };
  return { table: JSON.parse(text.slice(i + START.length, j)), min: limit('ROUTING_MIN'), max: limit('ROUTING_MAX') };
}

/** The nearest of 0, 1, 2, 3, 4, 6, 8, 12, 16, … to v on a log scale (v < 0.5 gives 0). */
function cleanNumber(v) {
  if (!(v >= 0.5)) return 0;
  if (v === Infinity) return Infinity;
  let best = 1;
  for (let p = 1; p <= 2 * v; p *= 2) {
    for (const c of p >= 2 ? [p, 1.5 * p] : [p]) {
      if (Math.abs(Math.log(c / v)) < Math.abs(Math.log(best / v))) best = c;
    }
  }
  return best;
}

/** Median with null (never ahead) as +∞; the mean of the middle two for an even count. */
function medianCrossing(estimates) {
  const s = estimates.map((e) => (typeof e === 'number' ? e : Infinity)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A summary's median crossing: from its per-function estimates, else from its median and counts. */
function summaryMedian(sum) {
  if (Array.isArray(sum.estimates)) return medianCrossing(sum.estimates);
  if (2 * sum.neverAhead > sum.functions || sum.medianEstimate === null) return Infinity;
  return sum.medianEstimate;
}

/** Why this run must not write the thresholds, or undefined when it may. */
function refusal({ backends, crossovers, sweep, nativeUnrouted }) {
  const missing = ['native', 'wasm', 'js'].filter((b) => !backends.includes(b));
  if (missing.length) return `the ${missing.join(' and ')} backend${missing.length > 1 ? 's were' : ' was'} not available`;
  if (!crossovers || !crossovers.byKind) return 'no crossovers were measured';
  if (crossovers.type !== 'float32') return `the thresholds are for Float32Array data and this run measured ${crossovers.type}`;
  if (sweep !== 'all') return 'the quick sweep measures relu and sigmoid forward only (use --sweep or --full)';
  if (!nativeUnrouted) return 'native was measured with its small-array routing on (no unrouted row)';
  return undefined;
}

/**
 * The new table from the previous one and a run's crossovers; `changes` lists every threshold
 * that moved. Throws when refusal() says no.
 */
function routingFrom(previous, run, limits) {
  const why = refusal(run);
  if (why) throw new Error(`routing thresholds not written: ${why}`);
  const thresholds = {}, measured = {}, changes = [], kept = [];
  for (const pair of PAIRS) {
    thresholds[pair] = {};
    measured[pair] = {};
    for (const kind of KINDS) {
      const before = previous.thresholds[pair][kind];
      const sum = run.crossovers.byKind[kind] && run.crossovers.byKind[kind][pair];
      const expected = run.expected ? run.expected[kind] : undefined;
      if (!sum || !sum.functions || (expected !== undefined && sum.functions < expected)) {
        thresholds[pair][kind] = before;
        measured[pair][kind] = null;
        kept.push({ pair, kind, value: before, functions: sum ? sum.functions : 0, expected });
        continue;
      }
      const median = summaryMedian(sum);
      const value = Math.min(limits.max, Math.max(limits.min, cleanNumber(median)));
      thresholds[pair][kind] = value;
      measured[pair][kind] = median === Infinity ? 'never' : Math.round(median * 10) / 10;
      if (value !== before) changes.push({ pair, kind, before, after: value, median, functions: sum.functions });
    }
  }
  return { table: { provenance: run.provenance, thresholds, measured }, changes, kept };
}

/** JSON with the innermost objects and arrays on one line each (the table stays short to read). */
function format(v, indent = '') {
  const flat = (x) => x === null || typeof x !== 'object' || Object.values(x).every((y) => y === null || typeof y !== 'object');
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (flat(v)) {
    return Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]`
      : `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ')} }`;
  }
  const inner = `${indent}  `;
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The module's text with the table between its markers replaced. */
function renderRouting(text, table) {
  const i = text.indexOf(START), j = text.indexOf(END);
  return `${text.slice(0, i + START.length)} ${format(table)} ${text.slice(j)}`;
}

/** What a benchmark run knows about itself, in the table's provenance form. */
function provenanceOf(env, crossovers) {
  return {
    command: env.command, date: env.date, cpu: `${env.cpu}, ${env.cores} cores`, runtime: `Node ${env.node}`, platform: env.platform,
    nativeIsa: env.nativeIsa || '', wasmBuild: env.wasmBuild || '', type: crossovers.type, sizes: crossovers.sizes,
  };
}

/** Rewrites src/routing.ts from a run; returns the lines to print (what changed, or why nothing was written). */
function writeRouting(run, file = ROUTING_FILE) {
  const text = fs.readFileSync(file, 'utf8');
  const { table: previous, min, max } = parseRouting(text);
  let result;
  try {
    result = routingFrom(previous, run, { min, max });
  } catch (e) {
    return [e.message];
  }
  if (result.kept.length === PAIRS.length * KINDS.length) {
    return ['routing thresholds not written: no kind was measured in full (every function of a kind, both directions)'];
  }
  fs.writeFileSync(file, renderRouting(text, result.table));
  const rel = path.relative(process.cwd(), file);
  const lines = [`Wrote ${rel} (rebuild to use it: npm run build)`];
  for (const c of result.changes) {
    const m = c.median === Infinity ? 'never ahead (median)' : `median crossing n≈${Math.round(c.median * 10) / 10}`;
    lines.push(`  ${c.pair} ${c.kind}: ${c.before} → ${c.after} (${m} over ${c.functions} function-directions)`);
  }
  for (const k of result.kept) {
    lines.push(`  ${k.pair} ${k.kind}: ${k.value} kept (${k.functions}${k.expected === undefined ? '' : ` of ${k.expected}`} function-directions measured)`);
  }
  if (result.changes.length === 0) lines.push('  no threshold changed');
  for (const pair of PAIRS) lines.push(`  ${pair}: ${KINDS.map((k) => `${k} ${result.table.thresholds[pair][k]}`).join(', ')}`);
  return lines;
}

module.exports = { ROUTING_FILE, PAIRS, KINDS, parseRouting, cleanNumber, medianCrossing, refusal, routingFrom, renderRouting,
  provenanceOf, writeRouting };
