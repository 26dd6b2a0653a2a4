'use strict';
// The wasm kernels alone, without the facade: instantiates one .wasm file, fills x (sin(i)·8)
// and dy in its memory, and times exports directly; elements/ns, best and median of 61 timings.
// For comparing builds (e.g. a loop variant compiled to another file) on a busy machine, where the
// best of many short runs is the steadier figure.
// Usage: node scripts/wasm-kernel-speed.js [file] [n] [exports...]
//   e.g. node scripts/wasm-kernel-speed.js dist/wasm/simd.wasm 65536 sigmoid_forward_f32 tanh_backward_f32
const path = require('path');
const { kernelsOf, fillSinCos } = require('./lib/wasm-kernels');

const file = process.argv[2] || path.join(__dirname, '../dist/wasm/simd.wasm');
const n = Number(process.argv[3] || 65536);
const names = process.argv.length > 4 ? process.argv.slice(4) : ['sigmoid_forward_f32', 'tanh_forward_f32', 'softplus_forward_f32', 'elu_forward_f32', 'selu_forward_f32'];

const { ex, X, DY, OUT } = fillSinCos(kernelsOf(file, n), n);
// Parameters a, b: elu alpha 1, softplus beta 1 and threshold 20 (the spec defaults).
for (const name of names) {
  const fn = ex[name];
  const call = name.includes('backward') ? () => fn(X, DY, OUT, n, 1, 20) : () => fn(X, OUT, n, 1, 20);
  for (let i = 0; i < 30; i++) call();
  const t = [];
  for (let r = 0; r < 61; r++) {
    const t0 = process.hrtime.bigint();
    call(); call();
    t.push(Number(process.hrtime.bigint() - t0) / 2);
  }
  t.sort((p, q) => p - q);
  console.log(`${name.padEnd(24)} best ${(n / t[0]).toFixed(3)}  median ${(n / t[30]).toFixed(3)}`);
}
