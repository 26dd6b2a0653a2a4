'use strict';
// Float32 softmax/logSoftmax forward of two wasm builds side by side in one process (timed in
// turns, medians), for changes to the row exponential (assembly/rowExp32.ts). Also checks that
// both builds give the same output bits.
//   node scripts/wasm-rowexp-speed.js A.wasm B.wasm [rounds]
// Rows of 1024 (contiguous: outer = n/1024, inner = 1) and a strided layout (n = 1024, inner = 64).
// Data: 8·sin(0.7 i) ('plain': every term kept) or the same with -200 every 97th element
// ('drops': some terms below e^-109, which rows keep as +0).
const fs = require('fs');

const files = process.argv.slice(2, 4);
const rounds = Number(process.argv[4] || 31);
const row = 1024;

function instance(file, n, drops) {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports;
  const base = (ex.heap_base() + 63) & ~63;
  const X = base, OUT = X + n * 4, E = OUT + n * 4;
  const need = E + (1 << 16) * 8 + 4096;
  if (need > ex.memory.buffer.byteLength) ex.memory.grow(Math.ceil((need - ex.memory.buffer.byteLength) / 65536));
  const f32 = new Float32Array(ex.memory.buffer);
  for (let i = 0; i < n; i++) f32[X / 4 + i] = Math.sin(i * 0.7) * 8 + (drops && (i % 97) === 0 ? -200 : 0);
  return { ex, X, OUT, E, n };
}

const med = (v) => v.slice().sort((a, b) => a - b)[v.length >> 1];
const cases = [];
for (const drops of [false, true]) {
  for (const n of [65536, 1 << 20]) {
    for (const fn of ['softmax_forward_f32', 'logSoftmax_forward_f32']) cases.push({ n, fn, outer: n / row, inner: 1, drops });
  }
}
for (const fn of ['softmax_forward_f32', 'logSoftmax_forward_f32']) cases.push({ n: 65536, fn, outer: 1, inner: 64, nrow: 1024, drops: true });

for (const c of cases) {
  const ins = files.map((f) => instance(f, c.n, c.drops));
  const run = (I) => {
    const nrow = c.nrow || row;
    I.ex[c.fn](I.X, I.OUT, c.outer, nrow, c.inner, I.E, 1 << 16);
  };
  // Same bits?
  for (const I of ins) run(I);
  const outs = ins.map((I) => new Uint32Array(I.ex.memory.buffer, I.OUT, c.n));
  let diff = -1;
  for (let i = 0; i < c.n; i++) if (outs[0][i] !== outs[1][i]) { diff = i; break; }
  const reps = c.n > 65536 ? 1 : 4;
  const t = ins.map(() => []);
  for (let w = 0; w < 20; w++) for (const I of ins) run(I);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < ins.length; k++) {
      const I = ins[(k + r) % ins.length];
      const t0 = process.hrtime.bigint();
      for (let q = 0; q < reps; q++) run(I);
      t[(k + r) % ins.length].push(Number(process.hrtime.bigint() - t0) / reps);
    }
  }
  const m = t.map(med);
  console.log(`${c.fn.padEnd(24)} n=${String(c.n).padEnd(8)} ${c.inner > 1 ? 'strided' : 'rows   '} ${c.drops ? 'drops' : 'plain'}`,
    m.map((x) => (c.n / x).toFixed(3)).join(' -> '), 'elem/ns', `(${((m[0] / m[1] - 1) * 100).toFixed(1)}% faster)`,
    diff < 0 ? 'same bits' : `DIFFERENT at ${diff}`);
}
