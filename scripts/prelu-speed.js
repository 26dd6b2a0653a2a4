'use strict';
// prelu throughput (Float32, elements/ns, medians, samples interleaved) next to memcpy and
// leakyRelu, for the layouts that matter: the benchmark's ([n/8, 8], alpha per last axis, see
// bench/lib/inputs.js), Keras channels-last ([n, 8, 8, 32] with sharedAxes [1, 2]),
// channels-first ([n, 16, 16, 16], alpha per axis 1) and a scalar alpha.
//   node scripts/prelu-speed.js [--backend native|wasm] [--backward] [--threads 1,2] [--samples 7]
// wasm runs with the arrays allocated in wasm memory (no copies), at 64K and 1M.
const lib = require('..');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const BACKEND = option('--backend', 'native');
const BACKWARD = process.argv.includes('--backward');
const THREADS = option('--threads', '1').split(',').map(Number);
const SAMPLES = Number(option('--samples', '7'));
const SAMPLE_NS = 20e6;
const LENGTHS = BACKEND === 'wasm' ? [1 << 16, 1 << 20] : [1 << 16, 1 << 20, 1 << 24];
const api = lib.backends[BACKEND];
if (!api) {
  console.log(`${BACKEND} backend not available`);
  process.exit(0);
}

/** Median elements/ns of each of fs, one sample of each in turn. */
function rates(n, fs) {
  const reps = fs.map((f) => {
    f();
    const t0 = process.hrtime.bigint();
    f();
    return Math.max(1, Math.round(SAMPLE_NS / Math.max(Number(process.hrtime.bigint() - t0), 1)));
  });
  const samples = fs.map(() => []);
  for (let s = 0; s < SAMPLES; s++) {
    fs.forEach((f, i) => {
      const t = process.hrtime.bigint();
      for (let r = 0; r < reps[i]; r++) f();
      samples[i].push((n * reps[i]) / Number(process.hrtime.bigint() - t));
    });
  }
  return samples.map((v) => v.sort((a, b) => a - b)[SAMPLES >> 1]);
}

function alloc(n) {
  if (BACKEND !== 'wasm') return new Float32Array(n);
  return lib.wasm.alloc(Float32Array, n);
}

const LAYOUTS = {
  'bench [n/8,8]': (n) => ({ alpha: Float32Array.from({ length: 8 }, (_, c) => 0.25 - 0.02 * c), opts: { shape: [n / 8, 8] } }),
  'nhwc c=32': (n) => ({ alpha: Float32Array.from({ length: 32 }, (_, c) => 0.1 + 0.01 * c), opts: { shape: [n / 2048, 8, 8, 32], sharedAxes: [1, 2] } }),
  'nchw c=16': (n) => ({ alpha: Float32Array.from({ length: 16 }, (_, c) => 0.1 + 0.01 * c), opts: { shape: [n / 4096, 16, 16, 16] } }),
  scalar: () => ({ alpha: 0.25, opts: {} }),
};

console.log(`node ${process.version}, ${BACKEND}${BACKEND === 'native' ? ' ' + api.isa : ''}, prelu ${BACKWARD ? 'backward' : 'forward'}, Float32, elements/ns (medians of ${SAMPLES}, interleaved)`);
console.log(['threads', 'n', 'memcpy', 'leakyRelu', ...Object.keys(LAYOUTS)].join('\t'));
if (BACKEND === 'wasm') lib.wasm.reserve((LENGTHS[LENGTHS.length - 1] * 4 + 4096) * 4);
for (const t of THREADS) {
  if (BACKEND === 'native') lib.setThreads(t);
  for (const n of LENGTHS) {
    const x = alloc(n), dy = alloc(n), out = alloc(n);
    for (let i = 0; i < n; i++) { x[i] = Math.sin(i) * 8; dy[i] = Math.cos(i); }
    const fs = [() => out.set(x)];
    fs.push(BACKWARD ? () => api.backward.leakyRelu(x, dy, { out }) : () => api.leakyRelu(x, { out }));
    for (const make of Object.values(LAYOUTS)) {
      const { alpha, opts } = make(n);
      const dalphaOut = typeof alpha === 'number' ? undefined : new Float32Array(alpha.length);
      fs.push(BACKWARD ? () => api.backward.prelu(x, alpha, dy, { ...opts, out, dalphaOut }) : () => api.prelu(x, alpha, { ...opts, out }));
    }
    const r = rates(n, fs);
    console.log([t, n >= 1 << 20 ? `${n >> 20}M` : `${n >> 10}K`, ...r.map((v) => v.toFixed(2))].join('\t'));
    if (BACKEND === 'wasm') { lib.wasm.free(out); lib.wasm.free(dy); lib.wasm.free(x); }
  }
}
