'use strict';
// prelu backward's wasm kernel alone (no facade), Float32 or Float64, arrays in wasm memory: elements/ns of
// dx + dalpha and of dalpha alone (writeDx 0), for a few alpha maps, this checkout against
// another's build (--compare <dir>), samples in turns. A scratch tool for tuning
// assembly/kernels/prelu.ts: node scripts/prelu-wasm-parts.js [--compare /work/main] [--n 65536]
//   [--type f32|f64] [--samples 5]
const fs = require('fs');
const path = require('path');
const { interleavedRates } = require('./lib/rates');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const N = Number(option('--n', String(1 << 16)));
const COMPARE = option('--compare', undefined);
const T = option('--type', 'f32');
const size = T === 'f32' ? 4 : 8;

function instance(dir) {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(path.join(dir, 'dist/wasm/simd.wasm'))), {});
  const mem = inst.exports.memory;
  const base = Math.ceil(inst.exports.__heap_base ? inst.exports.__heap_base.value : 1 << 20);
  const need = base + N * size * 3 + (1 << 20);
  if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / 65536));
  const at = (k) => (Math.ceil(base / 4096) * 4096) + k;
  const x = at(0), dy = x + N * size, out = dy + N * size, alpha = out + N * size, map = alpha + 4096 * 8;
  const coords = map + 1024, state = coords + 1024;
  const A = T === 'f32' ? Float32Array : Float64Array;
  const xs = new A(mem.buffer, x, N), dys = new A(mem.buffer, dy, N);
  for (let i = 0; i < N; i++) { xs[i] = Math.sin(i) * 8; dys[i] = Math.cos(i); }
  new A(mem.buffer, alpha, 4096).forEach((_, i, a) => { a[i] = 0.1 + 0.001 * (i % 64); });
  const e = inst.exports;
  const run = (dims, strides, slots, writeDx) => () => {
    const i32 = new Int32Array(mem.buffer, map, 2 * dims.length);
    dims.forEach((d, k) => { i32[k] = d; i32[dims.length + k] = strides[k]; });
    e.prelu_init(state, slots);
    e[`prelu_backward_${T}`](x, alpha, dy, out, 0, dims.reduce((p, d) => p * d, 1), map, dims.length, coords, state, 0, slots, writeDx);
  };
  return { run };
}

const CASES = {
  'bench [n/8,8]': [[N / 8, 8], [0, 1], 8],
  'nhwc c=32': [[N / 32, 32], [0, 1], 32],
  'nchw 16x16': [[N / 4096, 16, 256], [0, 1, 0], 16],
  'nchw 7x7': [[Math.floor(N / 3136), 64, 49], [0, 1, 0], 64],
  scalar: [[N], [0], 1],
};
const insts = [...(COMPARE ? [['before', instance(COMPARE)]] : []), ['after', instance(path.join(__dirname, '..'))]];
const names = [], fns = [];
const counts = [];
for (const [name, [dims, strides, slots]] of Object.entries(CASES)) {
  if (!dims.every((d) => Number.isInteger(d) && d > 0)) continue;
  for (const wdx of [1, 0]) {
    for (const [tag, inst] of insts) {
      names.push(`${name} ${wdx ? 'dx+da' : 'da'} ${tag}`);
      fns.push(inst.run(dims, strides, slots, wdx));
      counts.push(dims.reduce((p, d) => p * d, 1));
    }
  }
}
const r = interleavedRates(counts, fns, { samples: Number(option('--samples', '5')), sampleNs: 20e6 });
names.forEach((nm, i) => console.log(`${nm.padEnd(28)} ${r[i].toFixed(2)}   (${(counts[i] / r[i]).toFixed(0)} ns a call)`));
