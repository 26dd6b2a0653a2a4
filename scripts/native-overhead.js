'use strict';
// Per-call overhead of the facade: a call through the facade (validation + dispatch; `auto` is
// the top-level function, `native` the backend pinned) next to the raw addon call, the wasm and
// js backends through their facades, for small lengths. Every column is sampled in turn, round
// after round, in one process (31 rounds; medians, ns per call), so a busy machine slows them alike.
// The facade's small-array routing is off here, so the native columns always reach the addon (the
// routing thresholds themselves come from the benchmark's sweep: src/routing.ts).
//   node scripts/native-overhead.js [--lengths 1,4,16,64,256,1024] [--functions relu,sigmoid,softmax]
const lib = require('..');
const registry = require('../dist/cjs/registry.js');
const { setSmallArrayRouting } = require('../dist/cjs/routing.js');

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1].split(',') : fallback;
};
const LENGTHS = option('--lengths', [1, 2, 4, 8, 16, 32, 64, 256, 1024]).map(Number);
const FUNCTIONS = option('--functions', ['relu', 'sigmoid', 'softmax']);
const ROUNDS = 31;

function sample(f, calls) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) f();
  return Number(process.hrtime.bigint() - t0) / calls;
}
const median = (v) => v.slice().sort((a, b) => a - b)[v.length >> 1];

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const addon = registry.backendNamed('native').addon;
setSmallArrayRouting(false);
console.log(`node ${process.version}, isa ${addon.getIsa()}, facade on ${lib.getBackend()}; ns per call (median of ${ROUNDS} rounds)`);
const wasm = lib.backends.wasm;
const cols = ['raw addon', 'auto facade', 'native facade', 'wasm facade', 'js facade'];
console.log(`function   n      ${cols.map((c) => c.padStart(13)).join('  ')}  facade − raw`);
for (const name of FUNCTIONS) {
  const id = lib.FUNCTION_NAMES.indexOf(name);
  const rowwise = lib.SPEC[id].kind === 'rowwise';
  for (const n of LENGTHS) {
    const x = new Float32Array(n).map((_, i) => Math.sin(i) * 5);
    const out = new Float32Array(n);
    const o = { out };
    const calls = Math.max(2000, Math.min(100000, 1e6 / (n + 8)));
    const fs = [
      rowwise ? () => addon.row(id, 0, x, x, out, 1, n, 1) : () => addon.ew(id, 0, x, x, out, 0, 0),
      () => lib[name](x, o),
      () => lib.backends.native[name](x, o),
      wasm ? () => wasm[name](x, o) : undefined,
      () => lib.backends.js[name](x, o),
    ];
    const samples = fs.map(() => []);
    for (let r = 0; r < ROUNDS; r++) fs.forEach((f, k) => f && samples[k].push(sample(f, calls)));
    const m = samples.map((s) => (s.length ? median(s) : NaN));
    console.log(`${name.padEnd(10)} ${String(n).padEnd(6)} ${m.map((v) => (Number.isNaN(v) ? '-' : v.toFixed(0)).padStart(13)).join('  ')}  ${(m[2] - m[0]).toFixed(0).padStart(12)}`);
  }
}
