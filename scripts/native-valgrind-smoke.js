'use strict';
// A small workload for valgrind memcheck (valgrind has no AVX-512: run it with
// SIMD_ACTIVATIONS_ISA=avx2 or lower):
//   SIMD_ACTIVATIONS_ISA=avx2 valgrind --error-exitcode=9 node scripts/native-valgrind-smoke.js
// Every function, both types, forward/derivative/backward, odd lengths (tails), rows, prelu.
const lib = require('..');
require('../dist/cjs/backends/native.js').setSmallArrayRouting(false);
const api = lib.backends.native;
if (!api) throw new Error(`native not loaded: ${lib.backendStatus()[0].reason}`);
let check = 0;
for (const T of [Float32Array, Float64Array]) {
  for (const n of [0, 1, 7, 33, 4099]) {
    const x = T.from({ length: n }, (_, i) => Math.sin(i) * 30);
    const dy = x.slice().reverse();
    for (const s of lib.SPEC) {
      if (s.kind === 'elementwise') {
        check += api[s.name](x)[n - 1] || 0;
        check += api.derivative[s.name](x)[n - 1] || 0;
        check += api.backward[s.name](x, dy)[n - 1] || 0;
      } else if (s.kind === 'rowwise') {
        const shape = n === 4099 ? [4099] : [1, n];
        check += api[s.name](x, { shape, axis: -1 })[0] || 0;
        check += api[s.name](x, { shape, axis: 0 })[0] || 0;
        check += api.backward[s.name](x, dy, { shape })[0] || 0;
      } else if (n > 0) {
        check += api.prelu(x, [0.1], { shape: [n] })[0];
        check += api.backward.prelu(x, [0.1], dy, { shape: [1, n] }).dalpha[0];
      }
    }
  }
}
// Outputs of 8 MB or more take the loop's non-temporal stores (native/addon.cpp, STREAM_MIN_BYTES).
{
  const n = (8 << 20) / 4 + 33;
  const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 30);
  const dy = x.slice().reverse();
  check += api.relu(x)[n - 1] + api.backward.relu(x, dy)[n - 1] + api.sigmoid(x)[n - 1];
  const m = n - 33 + 32;
  check += api.prelu(x.subarray(0, m), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], { shape: [m / 8, 8] })[m - 1];
  check += api.prelu(x, 0.1)[n - 1];
}
console.log(`isa ${api.isa}, checksum ${check}`);
