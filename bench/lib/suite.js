'use strict';
// The measuring loop: for each size the copy bandwidth, then for each function, direction and
// size every implementation on the same inputs, one after the other in this process, then the copy
// bandwidth again.
const { makeCase } = require('./inputs');
const { measure } = require('./timer');
const { copyHandle } = require('../impls/copy');
const { Progress } = require('./progress');

/** Largest |a − b| (NaN where one side is NaN and the other not), and whether a and b are the same bits. */
function compare(a, b) {
  let maxAbs = 0;
  let same = a.length === b.length;
  for (let i = 0; i < b.length; i++) {
    const p = a[i], q = b[i];
    if (!Object.is(p, q) && !(p !== p && q !== q)) {
      same = false;
      const d = Math.abs(p - q);
      if (!(d <= maxAbs)) maxAbs = d;
    }
  }
  return { same, maxAbs };
}

function cases(opts, specs) {
  const list = [];
  for (const spec of specs) {
    for (const dir of opts.dirs) {
      for (const n of opts.sizes) list.push({ spec, dir, n });
    }
  }
  return list;
}

/** Which implementations run a case (impl.dirs, impl.only and impl.maxN restrict some rows). */
function implsFor(impls, c) {
  return impls.filter((i) => (!i.dirs || i.dirs.includes(c.dir)) && (!i.only || i.only.includes(c.spec.name))
    && (!i.maxN || c.n <= i.maxN));
}

async function runSuite({ lib, opts, specs, impls, notes }) {
  const plan = cases(opts, specs);
  const total = 2 * opts.sizes.length + plan.reduce((k, p) => k + implsFor(impls, p).length, 0);
  const progress = new Progress(total);
  const T = opts.type === 'float64' ? Float64Array : Float32Array;
  const timing = opts.minTime === undefined ? { maxTime: opts.maxTime } : { maxTime: opts.maxTime, minTime: opts.minTime };

  // Arrays of millions of elements take up to seconds per call in the slow rows and vary little
  // from call to call: three samples keep the full run within its time.
  const timingFor = (n) => (n >= 1 << 22 ? { ...timing, minSamples: 3 } : timing);

  const before = await copyRates(lib, T, opts, timing, progress, 'before the kernels');

  const rows = [];
  const skipped = new Set();
  for (const p of plan) {
    const c = makeCase(p.spec, p.dir, p.n, opts.type);
    const reference = referenceOutput(lib, c);
    for (const impl of implsFor(impls, c)) {
      progress.step(`${c.name} ${c.dir} n=${c.n} ${impl.label}`);
      let h;
      try { h = await impl.prepare(c); } catch (e) { h = { skip: String(e.message || e).split('\n')[0] }; }
      if (!h || h.skip) {
        const key = `${impl.label}: ${c.name} ${c.dir}: ${h ? h.skip : 'not offered'}`;
        if (!skipped.has(key)) { skipped.add(key); notes.push(`skipped ${key}`); }
        continue;
      }
      try {
        // One call before timing: it checks the row computes the same function on the same input.
        await h.run();
        const check = compare(h.result(), reference);
        if (impl.group === 'ours' && !check.same) notes.push(`${impl.label} ${c.name} ${c.dir} n=${c.n}: NOT bit-identical to the js reference (max |diff| ${check.maxAbs})`);
        if (impl.group !== 'ours' && !(check.maxAbs <= 1e-4)) notes.push(`${impl.label} ${c.name} ${c.dir} n=${c.n}: differs from the reference by up to ${check.maxAbs.toPrecision(3)}`);
        const m = await measure(`${c.name} ${c.dir} ${c.n} ${impl.id}`, h, timingFor(c.n));
        if (m.error) { notes.push(`${impl.label} ${c.name} ${c.dir} n=${c.n}: failed (${m.error})`); continue; }
        rows.push({
          fn: c.name, dir: c.dir, n: c.n, type: c.type, impl: impl.id, label: impl.label, group: impl.group,
          backend: impl.backend, variant: impl.variant, peer: impl.peer, opAlone: !!impl.opAlone,
          seconds: m.seconds, q1: m.q1, q3: m.q3, rme: m.rme, samples: m.samples,
          melemPerS: c.n / m.seconds / 1e6, bytesPerElement: c.bytesPerElement,
          sameBitsAsJs: check.same, maxAbsDiffFromJs: check.maxAbs,
        });
      } catch (e) {
        notes.push(`${impl.label} ${c.name} ${c.dir} n=${c.n}: failed (${String(e.message || e).split('\n')[0]})`);
      } finally {
        try { await h.dispose(); } catch { /* a failed dispose must not stop the run */ }
      }
    }
  }
  const after = await copyRates(lib, T, opts, timing, progress, 'after the kernels');
  progress.clear();
  return { rows, bandwidth: referenceBandwidth(before, after) };
}

/**
 * Per size, the higher of the copy's two medians is the reference: a copy measured slow (a cold
 * start, another process's time slice) would make every kernel look closer to the bound than it is.
 */
function referenceBandwidth(before, after) {
  return before.map((b) => {
    const a = after.find((x) => x.n === b.n) || b;
    const best = a.gbPerS > b.gbPerS ? a : b;
    return { ...best, gbPerSBefore: b.gbPerS, gbPerSAfter: a.gbPerS };
  });
}

/**
 * The copy bandwidth at each size (read + write). The run measures it twice, before and after the
 * kernels: measured only first, in a fresh process, it came out well below its later value (at 64K
 * 60 GB/s, then 99 and 105 in the same process), the CPU and V8 not yet warm.
 */
async function copyRates(lib, T, opts, timing, progress, when) {
  const list = [];
  for (const n of opts.sizes) {
    const h = copyHandle(lib, T, n);
    progress.step(`memory bandwidth n=${n} (${h.label}), ${when}`);
    for (let i = 0; i < 3; i++) h.run(); // first touches of the pages of dst outside the timing
    const m = await measure(`copy ${n}`, h, timing);
    list.push({ n, type: opts.type, method: h.label, seconds: m.seconds, q1: m.q1, q3: m.q3,
      gbPerS: (h.bytesPerElement * n) / m.seconds / 1e9 });
  }
  return list;
}

/** The js reference's output for the case: every row is compared with it once. */
function referenceOutput(lib, c) {
  const api = lib.backends.js;
  const out = new c.T(c.n);
  if (c.spec.kind === 'prelu') {
    if (c.dir === 'forward') api.prelu(c.x, c.alpha, { shape: c.shape, out });
    else api.backward.prelu(c.x, c.alpha, c.dy, { shape: c.shape, out });
  } else if (c.spec.kind === 'rowwise') {
    if (c.dir === 'forward') api[c.name](c.x, { shape: c.shape, out }); else api.backward[c.name](c.x, c.dy, { shape: c.shape, out });
  } else if (c.dir === 'forward') api[c.name](c.x, { out });
  else api.backward[c.name](c.x, c.dy, { out });
  return out;
}

module.exports = { runSuite, compare, referenceBandwidth };
