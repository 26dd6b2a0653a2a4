'use strict';
// Every float32 input (all 2^32 bit patterns) through the native Float32 kernels of each smooth
// function and derivative, against the Float64 kernels on the same inputs (binary64, double-double
// for sigmoid and tanh: accurate to about 1e-16, so a float64-or-better reference for float32
// results). Runs inside the addon (sweepF32), split across threads. Prints the max ULP error.
//   node scripts/sweep-f32.js [--part 16]   (--part k: only 1/k of the patterns, k spread ranges)
const lib = require('..');
const registry = require('../dist/cjs/registry.js');

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(1);
}
const addon = registry.backendNamed('native').addon;
const i = process.argv.indexOf('--part');
const PART = i > 0 ? Number(process.argv[i + 1]) : 1;
const RANGE = 2 ** 32 / 16; // 16 ranges spread over all exponents and both signs
const PER_RANGE = RANGE / PART;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
console.log(`isa ${addon.getIsa()}, threads ${addon.getThreads()}, ${PART === 1 ? 'all 2^32' : `1/${PART} of the`} float32 bit patterns`);
console.log('function      max ulp   at x');
const t0 = Date.now();
for (const spec of lib.SPEC.filter((s) => s.kind === 'elementwise' && s.smooth)) {
  const id = lib.FUNCTION_NAMES.indexOf(spec.name);
  const p = spec.params.map((q) => Math.fround(q.default));
  for (const dir of [0, 1]) {
    let worst = 0, at = 0;
    for (let r = 0; r < 16; r++) {
      const [w, bits] = addon.sweepF32(id, dir, r * RANGE, PER_RANGE, p[0] ?? 0, p[1] ?? 0);
      if (w > worst) { worst = w; at = bits; }
    }
    u32[0] = at;
    console.log(`${(spec.name + (dir ? "'" : '')).padEnd(12)}  ${worst.toFixed(3).padStart(7)}   ${f32[0]}`);
  }
}
console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
