'use strict';
// Derived numbers: each row's share of the copy bandwidth at its size, its ratio to the best peer
// of its case, and the crossover sizes between our backends.

const key = (r) => `${r.fn}|${r.dir}|${r.n}`;

/**
 * % of bandwidth: the bytes the kernel must move (bytesPerElement: x in and y out, plus dy in for
 * backward) per second, over the bytes the copy moved per second at the same size.
 * Ratio to best peer: our Melem/s over the fastest peer row of the same case (tensor + op + read
 * rows and op-alone rows alike).
 */
function annotate(rows, bandwidth) {
  const bw = new Map(bandwidth.map((b) => [b.n, b.gbPerS]));
  const bestPeer = new Map();
  for (const r of rows) {
    if (r.group !== 'peer') continue;
    const k = key(r);
    if (!bestPeer.has(k) || bestPeer.get(k).melemPerS < r.melemPerS) bestPeer.set(k, r);
  }
  for (const r of rows) {
    const g = bw.get(r.n);
    r.pctBandwidth = g ? (100 * r.melemPerS * 1e6 * r.bytesPerElement) / (g * 1e9) : undefined;
    const p = bestPeer.get(key(r));
    r.bestPeer = p ? p.label : undefined;
    r.ratioBestPeer = p ? r.melemPerS / p.melemPerS : undefined;
  }
  return rows;
}

/** The row of an implementation for a case, by predicate. */
function pick(rows, fn, dir, n, pred) {
  return rows.find((r) => r.fn === fn && r.dir === dir && r.n === n && pred(r));
}

const IS = {
  native: (r) => r.backend === 'native' && !r.variant,
  nativeAddon: (r) => r.backend === 'native' && r.variant === 'unrouted',
  nativeOneThread: (r) => r.backend === 'native' && r.variant === 'threads',
  wasm: (r) => r.backend === 'wasm' && !r.variant && r.impl.endsWith('-copy'),
  wasmMemory: (r) => r.backend === 'wasm' && !r.variant && r.impl.endsWith('-mem'),
  js: (r) => r.impl === 'js',
};

/**
 * The size from which `fast` stays ahead of `slow`: { first } is the first measured size from
 * which it wins at every larger measured size; { estimate } interpolates the crossing of the two
 * curves on log scales between the last losing and the first winning size. null: never ahead.
 */
function crossover(rows, fn, dir, sizes, fast, slow) {
  const pts = [];
  for (const n of sizes) {
    // The addon's own speed where it was measured without the small-array routing.
    const a = (fast === 'native' && pick(rows, fn, dir, n, IS.nativeAddon)) || pick(rows, fn, dir, n, IS[fast]);
    const b = pick(rows, fn, dir, n, IS[slow]);
    if (a && b) pts.push({ n, lr: Math.log(a.melemPerS / b.melemPerS) });
  }
  if (pts.length === 0) return undefined;
  let i = pts.length;
  while (i > 0 && pts[i - 1].lr >= 0) i--;
  if (i === pts.length) return { first: null, estimate: null, note: `never ahead up to n=${pts[pts.length - 1].n}` };
  if (i === 0) return { first: pts[0].n, estimate: pts[0].n, note: `ahead at every size from n=${pts[0].n}` };
  const lo = pts[i - 1], hi = pts[i];
  const t = -lo.lr / (hi.lr - lo.lr);
  const estimate = Math.round(Math.exp(Math.log(lo.n) + t * (Math.log(hi.n) - Math.log(lo.n))));
  return { first: hi.n, estimate, note: `behind at n=${lo.n}, ahead from n=${hi.n}` };
}

function median(values) {
  const s = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

const PAIRS = [['native', 'wasm'], ['native', 'js'], ['wasm', 'js'], ['wasmMemory', 'js']];

/**
 * Crossovers per function and direction, the medians over all of them, and the same grouped the
 * way the facade's routing thresholds are (src/routing.ts's kinds): kindOf(fn, dir).
 */
function crossovers(rows, sizes, type, kindOf = () => 'all') {
  const perFunction = {};
  // A crossing needs at least two sizes to lie between.
  const fns = sizes.length < 2 ? [] : [...new Set(rows.map((r) => `${r.fn}|${r.dir}`))];
  for (const fd of fns) {
    const [fn, dir] = fd.split('|');
    const entry = {};
    for (const [a, b] of PAIRS) {
      const x = crossover(rows, fn, dir, sizes, a, b);
      if (x) entry[`${a}Over${b[0].toUpperCase()}${b.slice(1)}`] = x;
    }
    if (Object.keys(entry).length) perFunction[`${fn} ${dir}`] = entry;
  }
  const summarise = (entries) => {
    const out = {};
    for (const [a, b] of PAIRS) {
      const k = `${a}Over${b[0].toUpperCase()}${b.slice(1)}`;
      const list = entries.map((e) => e[k]).filter(Boolean);
      if (list.length === 0) continue;
      out[k] = {
        medianEstimate: median(list.map((x) => x.estimate)),
        maxFirst: list.some((x) => x.first === null) ? null : Math.max(...list.map((x) => x.first)),
        functions: list.length, neverAhead: list.filter((x) => x.first === null).length,
        // Every function-direction's interpolated crossing (null: never ahead), for the routing writer.
        estimates: list.map((x) => x.estimate),
      };
    }
    return out;
  };
  const thresholds = summarise(Object.values(perFunction));
  const byKind = {};
  const kindOfFd = (fd) => kindOf(...fd.split(' '));
  for (const kind of [...new Set(Object.keys(perFunction).map(kindOfFd))]) {
    byKind[kind] = summarise(Object.entries(perFunction).filter(([fd]) => kindOfFd(fd) === kind).map(([, e]) => e));
  }
  return { type, sizes, thresholds, byKind, perFunction };
}

module.exports = { annotate, crossovers, IS, pick };
