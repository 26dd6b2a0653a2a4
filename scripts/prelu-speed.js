'use strict';
// prelu throughput (Float32, elements/ns, medians, samples interleaved) next to memcpy and
// leakyRelu, for the layouts that matter: the benchmark's ([n/8, 8], alpha per last axis, see
// bench/lib/inputs.js), Keras channels-last ([n, 8, 8, 32] with sharedAxes [1, 2]),
// channels-first ([n, 16, 16, 16] and [n, 64, 7, 7], alpha per axis 1) and a scalar alpha.
//   node scripts/prelu-speed.js [--backend native|wasm] [--backward] [--threads 1,2] [--samples 7]
//     [--compare <another checkout of this package, built>]
// wasm runs with the arrays allocated in wasm memory (no copies), at 64K and 1M. --compare runs
// the other checkout's prelu in the same process, its samples interleaved with ours (before/after).
const path = require('path');
const { interleavedRates } = require('./lib/rates');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const BACKEND = option('--backend', 'native');
const BACKWARD = process.argv.includes('--backward');
const THREADS = option('--threads', '1').split(',').map(Number);
const SAMPLES = Number(option('--samples', '7'));
const COMPARE = option('--compare', undefined);
const SAMPLE_NS = 20e6;
const LENGTHS = BACKEND === 'wasm' ? [1 << 16, 1 << 20] : [1 << 16, 1 << 20, 1 << 24];

const libs = [['', require('..')]];
if (COMPARE) libs.unshift(['before ', require(path.resolve(COMPARE))]);
const lib = libs[libs.length - 1][1];
for (const [, l] of libs) {
  if (!l.backends[BACKEND]) {
    console.log(`${BACKEND} backend not available`);
    process.exit(0);
  }
}

/** Median elements/ns of each of fs, one sample of each in turn (scripts/lib/rates.js). */
const rates = (n, fs) => interleavedRates(n, fs, { samples: SAMPLES, sampleNs: SAMPLE_NS });

const LAYOUTS = {
  'bench [n/8,8]': (n) => ({ alpha: Float32Array.from({ length: 8 }, (_, c) => 0.25 - 0.02 * c), opts: { shape: [n / 8, 8] } }),
  'nhwc c=32': (n) => ({ alpha: Float32Array.from({ length: 32 }, (_, c) => 0.1 + 0.01 * c), opts: { shape: [n / 2048, 8, 8, 32], sharedAxes: [1, 2] } }),
  'nchw c=16 16x16': (n) => ({ alpha: Float32Array.from({ length: 16 }, (_, c) => 0.1 + 0.01 * c), opts: { shape: [n / 4096, 16, 16, 16] } }),
  'nchw c=64 7x7': (n) => ({ alpha: Float32Array.from({ length: 64 }, (_, c) => 0.1 + 0.001 * c), opts: { shape: [Math.floor(n / 3136), 64, 7, 7] }, n: Math.floor(n / 3136) * 3136 }),
  scalar: () => ({ alpha: 0.25, opts: {} }),
};

console.log(`node ${process.version}, ${BACKEND}${BACKEND === 'native' ? ' ' + lib.backends.native.isa : ''}, prelu ${BACKWARD ? 'backward' : 'forward'}, Float32, elements/ns (medians of ${SAMPLES}, interleaved)`);
console.log(['threads', 'n', 'memcpy', 'leakyRelu', ...Object.keys(LAYOUTS).flatMap((k) => libs.map(([tag]) => tag + k))].join('\t'));
for (const [, l] of libs) if (BACKEND === 'wasm') l.wasm.reserve((LENGTHS[LENGTHS.length - 1] * 3 + 4096) * 4);
for (const t of THREADS) {
  if (BACKEND === 'native') for (const [, l] of libs) l.setThreads(t);
  for (const n of LENGTHS) {
    // Each package gets its own arrays (in its own wasm memory for wasm).
    const sets = libs.map(([, l]) => {
      const alloc = (m) => (BACKEND === 'wasm' ? l.wasm.alloc(Float32Array, m) : new Float32Array(m));
      const x = alloc(n), dy = alloc(n), out = alloc(n);
      for (let i = 0; i < n; i++) { x[i] = Math.sin(i) * 8; dy[i] = Math.cos(i); }
      return { l, api: l.backends[BACKEND], x, dy, out };
    });
    const ours = sets[sets.length - 1];
    const fs = [() => ours.out.set(ours.x)];
    fs.push(BACKWARD ? () => ours.api.backward.leakyRelu(ours.x, ours.dy, { out: ours.out }) : () => ours.api.leakyRelu(ours.x, { out: ours.out }));
    const counts = [n, n];
    for (const make of Object.values(LAYOUTS)) {
      for (const { api, x, dy, out } of sets) {
        const { alpha, opts, n: m = n } = make(n);
        const [xs, dys, outs] = [x, dy, out].map((a) => a.subarray(0, m));
        const dalphaOut = typeof alpha === 'number' ? undefined : new Float32Array(alpha.length);
        fs.push(BACKWARD ? () => api.backward.prelu(xs, alpha, dys, { ...opts, out: outs, dalphaOut }) : () => api.prelu(xs, alpha, { ...opts, out: outs }));
        counts.push(m);
      }
    }
    const r = rates(n, fs).map((v, i) => (v * counts[i]) / n);
    console.log([t, n >= 1 << 20 ? `${n >> 20}M` : `${n >> 10}K`, ...r.map((v) => v.toFixed(2))].join('\t'));
    if (BACKEND === 'wasm') for (const { l, x, dy, out } of sets) { l.wasm.free(out); l.wasm.free(dy); l.wasm.free(x); }
  }
}
