'use strict';
// Quick speed check of the wasm backend (not a benchmark suite; see bench/ for that): elements
// per nanosecond, median of repeated runs, Float32 data already in wasm memory (no copies), next
// to the js backend on the same data. Usage: node scripts/wasm-speed.js [n] [functions...]
const lib = require('..');

const n = Number(process.argv[2] || 65536);
const fns = process.argv.length > 3 ? process.argv.slice(3) : ['sigmoid', 'relu'];
const T = process.env.TYPE === 'f64' ? Float64Array : Float32Array;

function median(a) {
  const s = a.slice().sort((p, q) => p - q);
  return s[s.length >> 1];
}

/** Elements per ns of fn() over n elements: median of 31 timings, each long enough to time. */
function rate(fn) {
  let reps = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) fn();
    if (Number(process.hrtime.bigint() - t0) > 2e6) break;
    reps *= 2;
  }
  const rates = [];
  for (let k = 0; k < 31; k++) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) fn();
    rates.push((n * reps) / Number(process.hrtime.bigint() - t0));
  }
  return median(rates);
}

lib.wasm.reserve(2 * n * T.BYTES_PER_ELEMENT + 64); // so the second alloc does not detach the first
const x = lib.wasm.alloc(T, n);
const out = lib.wasm.alloc(T, n);
for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 8;
const xs = T.from(x), outs = new T(n);
console.log(`${T.name}, n = ${n}, wasm build: ${lib.wasm.build}; elements/ns, median of 31`);
/** f(x, { out }), with prelu's alpha (one value) in between. */
const call = (api, name, a, o) => (name === 'prelu' ? api.prelu(a, 0.25, { out: o }) : api[name](a, { out: o }));
for (const name of fns) {
  const w = rate(() => call(lib.backends.wasm, name, x, out));
  const wc = rate(() => call(lib.backends.wasm, name, xs, outs));
  const j = rate(() => call(lib.backends.js, name, xs, outs));
  console.log(`${name.padEnd(12)} wasm (in wasm memory) ${w.toFixed(3)}  wasm (copied) ${wc.toFixed(3)}  js ${j.toFixed(3)}`);
}
