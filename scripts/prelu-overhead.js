'use strict';
// Per-call cost of prelu with a single alpha on the native backend (Float32, n = argv[2], default
// 1K): the facade, which runs leakyRelu's kernel for it, against the path it replaced (an alpha
// array and prelu's kernel, rebuilt from the same validation pieces), and leakyRelu itself.
// Timed in turns in one process, 31 rounds, medians.  Usage: node scripts/prelu-overhead.js [n]
const lib = require('..');
const registry = require('../dist/cjs/registry.js');
const v = require('../dist/cjs/validate.js');
const { resolveAlpha } = require('../dist/cjs/broadcast.js');
const n = +(process.argv[2] || 1024);
const x = new Float32Array(n).map((_, i) => Math.sin(i)), out = new Float32Array(n);
if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const native = registry.backendNamed('native');
const allowed = ['out', 'shape', 'axis', 'sharedAxes', 'threads'];
const cases = {
  'now: lib.backends.native.prelu(x, 0.1, {out})': () => lib.backends.native.prelu(x, 0.1, { out }),
  'previous path (alpha array + prelu kernel)': () => {
    const o = v.checkOptions({ out }, 'prelu', allowed);
    const xx = v.toData(x, 'x');
    const { alpha, map } = resolveAlpha(0.1, xx, o);
    const oo = v.resolveOut(o.out, xx, xx);
    native.kernels.prelu.forward(xx, alpha, oo, map, v.resolveThreads(o.threads));
  },
  'leakyRelu(x, {alpha: 0.1, out})': () => lib.backends.native.leakyRelu(x, { alpha: 0.1, out }),
};
const res = {}; for (const k in cases) res[k] = [];
for (let r = 0; r < 31; r++) for (const k in cases) {
  const f = cases[k]; const N = 2000; const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) f();
  res[k].push(Number(process.hrtime.bigint() - t0) / N);
}
for (const k in res) { const a = res[k].sort((p, q) => p - q); console.log(k.padEnd(48), a[15].toFixed(0), 'ns'); }
