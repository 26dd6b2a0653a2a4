'use strict';
// npm run accuracy [-- --shift 8] [--points 20000] [--backend js]
// Max ULP error of every smooth function and derivative:
//  - Float32: every 2^shift-th float32 bit pattern (shift 0 = all 2^32; default 10) against a
//    float64 Math.* oracle (its own error is ~1e-8 float32 ulp);
//  - Float64: random points over each function's interesting range and tiny values, against
//    decimal.js at 60 digits (test/fixtures/generate.js), seeded so runs repeat.
const lib = require('..');
const { ORACLE: ORACLE32, ulp32, ulp64, ulpError, float32Sweep, same, rng } = require('../test/helpers');
const { ORACLE: ORACLE64, exact, split, RANGES, DERIVATIVE_RANGES } = require('../test/fixtures/generate.js');

const args = process.argv.slice(2);
const value = (name, d) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : d; };
const shift = Number(value('--shift', 10));
const points = Number(value('--points', 20000));
const api = lib.backends[value('--backend', 'js')];
const smooth = lib.SPEC.filter((s) => s.smooth && s.kind === 'elementwise');

function defaults(spec) {
  const o = {};
  for (const p of spec.params) o[p.name] = Math.fround(p.default);
  return o;
}

function f32Worst(spec, dir) {
  const p = defaults(spec);
  let worst = 0, at = 0;
  // Chunks of 2^22 patterns keep memory flat for the full sweep.
  const chunkShift = Math.max(shift, 10);
  for (let offset = 0; offset < 2 ** (chunkShift - shift); offset++) {
    const x = float32Sweep(chunkShift, offset * 2 ** shift);
    const y = dir === 'f' ? api[spec.name](x) : api.derivative[spec.name](x);
    for (let i = 0; i < x.length; i++) {
      const want = ORACLE32[spec.name][dir](x[i], p);
      const w32 = Math.fround(want);
      const e = Number.isFinite(w32) ? ulpError(y[i], want, 0, ulp32) : (same(y[i], w32) ? 0 : Infinity);
      if (e > worst) { worst = e; at = x[i]; }
    }
  }
  return [worst, at];
}

function f64Worst(spec, dir) {
  const r = rng(99);
  const ranges = (dir === 'f' ? RANGES : DERIVATIVE_RANGES)[spec.name];
  const xs = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    const [lo, hi] = ranges[i % ranges.length];
    xs[i] = i % 7 === 6 ? (i % 2 ? 1 : -1) * 10 ** (-300 + 299 * r()) : lo + (hi - lo) * r();
  }
  const y = dir === 'f' ? api[spec.name](xs) : api.derivative[spec.name](xs);
  let worst = 0, at = 0;
  for (let i = 0; i < points; i++) {
    const [hi, lo] = split(ORACLE64[spec.name][dir](exact(xs[i])));
    const e = ulpError(y[i], hi, lo, ulp64);
    if (e > worst) { worst = e; at = xs[i]; }
  }
  return [worst, at];
}

console.log(`Max ULP error, ${api === lib.backends.js ? 'js' : value('--backend')} backend, default parameters.`);
console.log(`Float32: every 2^${shift}-th bit pattern (${2 ** (32 - shift)} inputs). Float64: ${points} seeded random points vs decimal.js.\n`);
console.log('function | float32 max ulp (at x) | float64 max ulp (at x)');
console.log('--- | --- | ---');
for (const spec of smooth) {
  for (const dir of ['f', 'df']) {
    const [w32, a32] = f32Worst(spec, dir);
    const [w64, a64] = f64Worst(spec, dir);
    console.log(`${dir === 'f' ? spec.name : spec.name + "'"} | ${w32.toFixed(3)} (${a32.toPrecision(6)}) | ${w64.toFixed(3)} (${a64.toPrecision(6)})`);
  }
}
