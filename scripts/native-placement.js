'use strict';
// relu at 64K next to a memcpy on the same arrays, once per freshly allocated `out`: how much of
// the linear kernels' distance to the copy at that size comes from where the arrays landed.
// Each trial allocates a new out and times relu (x -> out, through backends.native) and
// out.set(x) in turns (medians of 15 samples of 10 ms); the ratio is relu's rate over the copy's.
//   node scripts/native-placement.js [--trials 8] [--n 65536]
const lib = require('..');
const { interleavedRates } = require('./lib/rates');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const TRIALS = option('--trials', 8);
const n = option('--n', 1 << 16);
if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const api = lib.backends.native;
const x = new Float32Array(n).map((_, i) => Math.sin(i) * 8);
console.log(`node ${process.version}, isa ${api.isa}, n = ${n}, Float32, one thread (64K is below the split threshold), elements/ns (medians of 15, in turns)`);
const keep = [];
for (let t = 0; t < TRIALS; t++) {
  const out = new Float32Array(n);
  keep.push(out); // a freed out would come back at the same place
  const [relu, copy] = interleavedRates(n, [() => api.relu(x, { out }), () => out.set(x)], { samples: 15, sampleNs: 10e6 });
  console.log(`trial ${t}: relu ${relu.toFixed(2)}, copy ${copy.toFixed(2)}, relu / copy ${(relu / copy).toFixed(3)}`);
}
