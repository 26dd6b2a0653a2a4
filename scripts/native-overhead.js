'use strict';
// Per-call overhead of the native backend: a Float32 call through the facade (validation +
// dispatch) next to the raw addon call and the js backend, for small lengths, medians of 15
// samples in one process. Used to set SMALL_ARRAY in src/backends/native.ts.
//   node scripts/native-overhead.js [--lengths 1,4,16,64,256,1024]
const lib = require('..');
const registry = require('../dist/cjs/registry.js');
const nativeModule = require('../dist/cjs/backends/native.js');

const arg = process.argv.indexOf('--lengths');
const LENGTHS = arg > 0 ? process.argv[arg + 1].split(',').map(Number) : [1, 2, 4, 8, 16, 32, 64, 256, 1024];

function median(f, calls) {
  const samples = [];
  for (let s = 0; s < 15; s++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) f();
    samples.push(Number(process.hrtime.bigint() - t0) / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[7];
}

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const addon = registry.backendNamed('native').addon;
nativeModule.setSmallArrayRouting(false);
console.log(`node ${process.version}, isa ${addon.getIsa()}; ns per call (median)`);
const wasm = lib.backends.wasm;
console.log('function   n      raw addon  native facade  wasm facade  js facade');
for (const name of ['relu', 'sigmoid', 'softmax']) {
  const id = lib.FUNCTION_NAMES.indexOf(name);
  for (const n of LENGTHS) {
    const x = new Float32Array(n).map((_, i) => Math.sin(i) * 5);
    const out = new Float32Array(n);
    const calls = Math.max(2000, Math.min(200000, 2e6 / (n + 8)));
    const raw = name === 'softmax' ? median(() => addon.row(id, 0, x, x, out, 1, n, 1), calls) : median(() => addon.ew(id, 0, x, x, out, 0, 0), calls);
    const facade = median(() => lib.backends.native[name](x, { out }), calls);
    const w = wasm ? median(() => wasm[name](x, { out }), calls).toFixed(0) : '-';
    const js = median(() => lib.backends.js[name](x, { out }), calls);
    console.log(`${name.padEnd(10)} ${String(n).padEnd(6)} ${raw.toFixed(0).padStart(9)}  ${facade.toFixed(0).padStart(13)}  ${w.padStart(11)}  ${js.toFixed(0).padStart(9)}`);
  }
}
