'use strict';
// Two (or more) builds' wasm kernels side by side in one process, in turns (A B A B ...), for a
// busy machine: elements/ns medians per build and the median of the per-round ratios to the first.
// Usage: node scripts/wasm-kernel-compare.js <a.wasm> <b.wasm> [--n 65536] [--rounds 41] exports...
const { kernelsOf, fillSinCos } = require('./lib/wasm-kernels');

const args = process.argv.slice(2);
const files = [];
const names = [];
let n = 65536, rounds = 41;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--n') n = Number(args[++i]);
  else if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i].endsWith('.wasm')) files.push(args[i]);
  else names.push(args[i]);
}
if (files.length < 2 || !names.length) throw new Error('usage: wasm-kernel-compare.js a.wasm b.wasm [--n N] [--rounds R] exports...');

const builds = files.map((file) => fillSinCos(kernelsOf(file, n), n));
const med = (a) => { const s = [...a].sort((p, q) => p - q); return s[s.length >> 1]; };
const reps = Math.max(1, Math.round(131072 / n));

for (const name of names) {
  const calls = builds.map(({ ex, X, DY, OUT }) => {
    const fn = ex[name];
    return name.includes('backward') ? () => fn(X, DY, OUT, n, 1, 20) : () => fn(X, OUT, n, 1, 20);
  });
  // Same bits from every build.
  const outs = builds.map((b, i) => { calls[i](); return Array.from(b.f32.subarray(b.OUT / 4, b.OUT / 4 + n)); });
  const same = outs.every((o) => o.every((v, j) => Object.is(v, outs[0][j])));
  for (const c of calls) for (let i = 0; i < 20; i++) c();
  const rates = builds.map(() => []);
  const ratios = builds.map(() => []);
  for (let r = 0; r < rounds; r++) {
    const rr = calls.map((c) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < reps; i++) c();
      return n * reps / Number(process.hrtime.bigint() - t0);
    });
    rr.forEach((v, i) => { rates[i].push(v); ratios[i].push(v / rr[0]); });
  }
  const cols = rates.map((r, i) => `${med(r).toFixed(3)}${i ? ` (x${med(ratios[i]).toFixed(3)})` : ''}`);
  console.log(`${name.padEnd(24)} ${cols.join('  ')}${same ? '' : '  BITS DIFFER'}`);
}
