'use strict';
// Cost of a 1K-element Float32 call through the facade on the native backend, for several
// functions in one process (as in a service, where the facade's call sites see them all), in ns
// per call. With builds of other checkouts (directories with package.json, dist and build/Release)
// their calls are timed in turns with this one's: medians of 31 rounds, so a busy machine slows
// them alike. Small-array routing is off (1K is above every threshold anyway).
//   node scripts/facade-overhead.js [OTHER_BUILD_DIR ...]
const path = require('path');
const { interleavedRates } = require('./lib/rates');

const dirs = [...process.argv.slice(2).map((d) => path.resolve(d)), path.resolve(__dirname, '..')];
const libs = dirs.map((d) => {
  const lib = require(d);
  require(path.join(d, 'dist/cjs/routing.js')).setSmallArrayRouting(false);
  if (!lib.availableBackends().includes('native')) throw new Error(`native backend not available in ${d}`);
  return lib;
});

const n = 1024;
const x = new Float32Array(n).map((_, i) => Math.sin(i) * 5);
const dy = new Float32Array(n).map((_, i) => Math.cos(i));
const out = new Float32Array(n);
const alpha = new Float32Array(8).fill(0.1);
const CASES = {
  relu: (l) => () => l.backends.native.relu(x, { out }),
  'leakyRelu (alpha 0.2)': (l) => () => l.backends.native.leakyRelu(x, { alpha: 0.2, out }),
  thresholdedRelu: (l) => () => l.backends.native.thresholdedRelu(x, { out }),
  'relu backward': (l) => () => l.backends.native.backward.relu(x, dy, { out }),
  'prelu [128, 8]': (l) => () => l.backends.native.prelu(x, alpha, { shape: [128, 8], out }),
  'softmax [1, 1024]': (l) => () => l.backends.native.softmax(x, { out }),
  'relu via auto': (l) => () => l.relu(x, { out }),
};

// Every call site sees every function before timing starts (V8 optimises for what it has seen).
const fns = Object.fromEntries(Object.entries(CASES).map(([name, make]) => [name, libs.map(make)]));
for (let r = 0; r < 2000; r++) for (const list of Object.values(fns)) for (const f of list) f();

console.log(`ns per ${n}-element Float32 call (median of 31 rounds, in turns): ${dirs.join(' | ')}`);
for (const [name, list] of Object.entries(fns)) {
  const rates = interleavedRates(n, list, { samples: 31, sampleNs: 2e6 });
  console.log(`${name.padEnd(22)} ${rates.map((r) => (n / r).toFixed(0).padStart(6)).join(' ->')}`);
}
