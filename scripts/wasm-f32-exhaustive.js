'use strict';
// Every float32 bit pattern (2^32) through float32 kernel exports of two wasm builds, compared bit
// for bit: for changes to assembly/ that must keep the results (e.g. against the previous build's
// simd.wasm). Counts results whose bits differ, NaN payloads apart (the js reference and the tests
// treat every NaN as equal); backward exports get dy = 1 - 0.3·(i mod 8). About a minute per export.
// Usage: node scripts/wasm-f32-exhaustive.js <a.wasm> <b.wasm> export[:a] ...
//   e.g. node scripts/wasm-f32-exhaustive.js old/simd.wasm dist/wasm/simd.wasm sigmoid_forward_f32 elu_forward_f32:0.3
// The parameter a (elu alpha, softplus beta, ...) defaults to 1; b is 20 (softplus threshold).
const { kernelsOf } = require('./lib/wasm-kernels');

const [fileA, fileB, ...specs] = process.argv.slice(2);
if (!fileB || !specs.length) throw new Error('usage: wasm-f32-exhaustive.js a.wasm b.wasm export[:a] ...');
const CHUNK = 1 << 20;

const builds = [kernelsOf(fileA, CHUNK), kernelsOf(fileB, CHUNK)];
let failed = false;

for (const spec of specs) {
  const [name, a = '1'] = spec.split(':');
  const backward = name.includes('backward');
  let differ = 0, nanPayload = 0, first;
  const t0 = Date.now();
  for (let hi = 0; hi < 4096; hi++) {
    for (const B of builds) {
      const x = B.u32.subarray(B.X >> 2, (B.X >> 2) + CHUNK);
      for (let i = 0; i < CHUNK; i++) x[i] = (hi << 20 | i) >>> 0;
      if (backward) {
        const dy = B.f32.subarray(B.DY >> 2, (B.DY >> 2) + CHUNK);
        for (let i = 0; i < CHUNK; i++) dy[i] = 1 - (i & 7) * 0.3;
        B.ex[name](B.X, B.DY, B.OUT, CHUNK, +a, 20);
      } else {
        B.ex[name](B.X, B.OUT, CHUNK, +a, 20);
      }
    }
    const [A, B] = builds;
    const oa = A.u32.subarray(A.OUT >> 2, (A.OUT >> 2) + CHUNK), ob = B.u32.subarray(B.OUT >> 2, (B.OUT >> 2) + CHUNK);
    for (let i = 0; i < CHUNK; i++) {
      if (oa[i] === ob[i]) continue;
      const va = A.f32[(A.OUT >> 2) + i], vb = B.f32[(B.OUT >> 2) + i];
      if (va !== va && vb !== vb) nanPayload++;
      else if (differ++ === 0) first = `x bits 0x${((hi << 20 | i) >>> 0).toString(16)}: ${va} vs ${vb}`;
    }
  }
  if (differ) failed = true;
  console.log(`${spec.padEnd(28)} ${differ ? `${differ} DIFFER (first ${first})` : 'same bits'}` +
    `${nanPayload ? `, ${nanPayload} NaN payloads differ` : ''}  ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
process.exitCode = failed ? 1 : 0;
