'use strict';
// Native throughput for Float32 data next to a memcpy (TypedArray.prototype.set) of the same
// length, in one process: elements per nanosecond, medians, output preallocated, through the
// facade (lib.backends.native). Lengths 64K, 1M, 16M.
//   node scripts/native-speed.js [--only relu,sigmoid] [--threads 1,2] [--backward] [--samples 9]
//   [--sample-ms 20]
//   --both: forward and backward of each function with their samples interleaved (fair under
//   load from other processes), printed as forward / backward and their ratio.
//   --compare <another checkout of this package, built>: its kernels, ours and a memcpy timed in
//   turns, printed as before -> after (memcpy); forward, or backward with --backward.
const path = require('path');
const lib = require('..');
const { interleavedRates } = require('./lib/rates');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const ONLY = option('--only', 'relu,leakyRelu,thresholdedRelu,prelu,elu,selu,softplus,sigmoid,tanh,softmax,logSoftmax').split(',');
const THREADS = option('--threads', '1').split(',').map(Number);
const SAMPLES = Number(option('--samples', '9'));
/** Length of one sample in ms (short samples are less often hit by other processes' time slices). */
const SAMPLE_NS = Number(option('--sample-ms', '20')) * 1e6;
const BOTH = process.argv.includes('--both');
const COMPARE = option('--compare', undefined);
let BACKWARD = process.argv.includes('--backward');
const LENGTHS = [1 << 16, 1 << 20, 1 << 24];

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const api = lib.backends.native;

/** Median elements/ns of f alone, and of several fs timed in turns (scripts/lib/rates.js). */
const rates = (n, fs) => interleavedRates(n, fs, { samples: SAMPLES, sampleNs: SAMPLE_NS });
const rate = (n, f) => rates(n, [f])[0];

function call(name, x, dy, out, shape, on = api, threads = undefined) {
  const t = threads === undefined ? {} : { threads };
  if (name === 'prelu') return BACKWARD ? () => on.backward.prelu(x, 0.25, dy, { out, ...t }) : () => on.prelu(x, 0.25, { out, ...t });
  const o = name === 'softmax' || name === 'logSoftmax' ? { out, shape, ...t } : { out, ...t };
  return BACKWARD ? () => on.backward[name](x, dy, o) : () => on[name](x, o);
}

if (COMPARE) {
  const before = require(path.resolve(COMPARE)).backends.native;
  console.log(`node ${process.version}, isa ${api.isa}, ${BACKWARD ? 'backward' : 'forward'}, Float32, elements/ns, ${COMPARE} -> this checkout (memcpy), medians of ${SAMPLES}, interleaved`);
  console.log(['function', 'threads', ...LENGTHS.map((n) => `${n >= 1 << 20 ? n / (1 << 20) + 'M' : n / 1024 + 'K'}`)].join('\t'));
  const sets = LENGTHS.map((n) => {
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 8;
    return { n, x, dy: x.slice().reverse(), out: new Float32Array(n), src: new Float32Array(n) };
  });
  for (const name of ONLY) {
    for (const t of THREADS) {
      const row = sets.map(({ n, x, dy, out, src }) => {
        const shape = [n / 1024, 1024];
        const [m, b, a] = rates(n, [() => out.set(src), call(name, x, dy, out, shape, before, t), call(name, x, dy, out, shape, api, t)]);
        return `${b.toFixed(2)} -> ${a.toFixed(2)} (${m.toFixed(2)})`;
      });
      console.log([name, t, ...row].join('\t'));
    }
  }
  process.exit(0);
}

if (BOTH) {
  console.log(`node ${process.version}, isa ${api.isa}, forward / backward (ratio), Float32, elements/ns (medians of ${SAMPLES}, interleaved)`);
  console.log(['function', 'threads', ...LENGTHS.map((n) => `${n >= 1 << 20 ? n / (1 << 20) + 'M' : n / 1024 + 'K'}`)].join('\t'));
  const sets = LENGTHS.map((n) => {
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 8;
    return { n, x, dy: x.slice().reverse(), out: new Float32Array(n) };
  });
  console.log(['memcpy', '1', ...sets.map(({ n, x, out }) => rates(n, [() => out.set(x)])[0].toFixed(2))].join('\t'));
  for (const name of ONLY) {
    for (const t of THREADS) {
      lib.setThreads(t);
      const row = sets.map(({ n, x, dy, out }) => {
        BACKWARD = false;
        const f = call(name, x, dy, out, [n / 1024, 1024]);
        BACKWARD = true;
        const b = call(name, x, dy, out, [n / 1024, 1024]);
        const [rf, rb] = rates(n, [f, b]);
        return `${rf.toFixed(2)} / ${rb.toFixed(2)} (${(rf / rb).toFixed(2)})`;
      });
      console.log([name, t, ...row].join('\t'));
    }
  }
  process.exit(0);
}
console.log(`node ${process.version}, isa ${api.isa}, ${BACKWARD ? 'backward' : 'forward'}, Float32, elements/ns (median of ${SAMPLES})`);
console.log(['function', 'threads', ...LENGTHS.map((n) => `${n >= 1 << 20 ? n / (1 << 20) + 'M' : n / 1024 + 'K'}`)].join('\t'));
const data = LENGTHS.map((n) => {
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 8;
  return { n, x, dy: x.slice().reverse(), out: new Float32Array(n) };
});
console.log(['memcpy', '1', ...data.map(({ n, x, out }) => rate(n, () => out.set(x)).toFixed(2))].join('\t'));
for (const name of ONLY) {
  for (const t of THREADS) {
    lib.setThreads(t);
    const row = data.map(({ n, x, dy, out }) => rate(n, call(name, x, dy, out, [n / 1024, 1024])).toFixed(2));
    console.log([name, t, ...row].join('\t'));
  }
}
