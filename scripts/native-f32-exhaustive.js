'use strict';
// Every float32 bit pattern (2^32) through the float32-arithmetic kernels of two native ISA paths,
// compared bit for bit: the AVX-512 path (vscalefps shortcuts) against SSE2 (the reference's
// pow2f products). The bitwise tests against js sample 2^18 patterns; this covers all of them,
// the subnormal ranges included. NaN results must be NaN on both (payloads may differ).
//   node scripts/native-f32-exhaustive.js [--isas avx512,sse2] [--only sigmoid,tanh]
const lib = require('..');
const addon = require('../build/Release/simd_activations.node');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const [A, B] = option('--isas', 'avx512,sse2').split(',');
const CASES = [
  ['sigmoid', {}], ['tanh', {}], ['selu', {}], ['elu', { alpha: 1 }], ['elu', { alpha: 1e-30 }],
  ['elu', { alpha: 3e38 }], ['softplus', { beta: 1, threshold: 20 }], ['softplus', { beta: 0.7, threshold: 3 }],
];
const ONLY = option('--only', '');
const CHUNK = 1 << 24;
if (!addon.supportedIsas().includes(A) || !addon.supportedIsas().includes(B)) {
  console.log(`needs ${A} and ${B}; this CPU has ${addon.supportedIsas().join(', ')}`);
  process.exit(0);
}
const api = lib.backends.native;
const bits = new Uint32Array(CHUNK);
const x = new Float32Array(bits.buffer);
const outA = new Float32Array(CHUNK), outB = new Float32Array(CHUNK);
const uA = new Uint32Array(outA.buffer), uB = new Uint32Array(outB.buffer);
let bad = 0;
const t0 = Date.now();
for (const [name, p] of CASES) {
  if (ONLY && !ONLY.split(',').includes(name)) continue;
  for (const dir of ['forward', 'derivative']) {
    let diffs = 0, first = null;
    for (let start = 0; start < 2 ** 32; start += CHUNK) {
      for (let i = 0; i < CHUNK; i++) bits[i] = start + i;
      const run = (isa, out) => {
        addon.setIsa(isa);
        if (dir === 'forward') api[name](x, { ...p, out });
        else api.derivative[name](x, { ...p, out });
      };
      run(A, outA);
      run(B, outB);
      for (let i = 0; i < CHUNK; i++) {
        if (uA[i] !== uB[i] && !(outA[i] !== outA[i] && outB[i] !== outB[i])) {
          if (diffs++ === 0) first = `x = ${x[i]} (0x${bits[i].toString(16)}): ${outA[i]} vs ${outB[i]}`;
        }
      }
    }
    bad += diffs;
    console.log(`${name} ${dir} ${JSON.stringify(p)}: ${diffs} differences${first ? ', first at ' + first : ''}`);
  }
}
addon.setIsa(addon.supportedIsas()[0]);
console.log(`${A} vs ${B}: ${bad} differences in all, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(bad ? 1 : 0);
