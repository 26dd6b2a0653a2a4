'use strict';
// Where splitting a native call across 2 threads starts to pay: 1 thread vs 2 threads, per kind
// (relu: linear, sigmoid: smooth, softmax: rowwise, prelu forward and backward), Float32 data, at
// sizes 16K..16M. The addon's split threshold is set to 0, so the `threads` option alone decides
// whether a call is split. The two variants are sampled in turn, round after round, in one process
// (scripts/lib/rates.js); the figures are medians (ms per call) and the speedup is their ratio.
// The crossover of a kind is the smallest size from which 2 threads are faster (by 5% or more) at
// that size and every larger one. PARALLEL_MIN in src/backends/native.ts comes from this.
// --cold times isolated calls instead: each one alone after a 2 ms sleep, so the pool's worker has
// stopped watching for work and must be woken (medians of --rounds single calls, 1 and 2 threads in turn).
//   node scripts/native-threads.js [--from 16384] [--to 16777216] [--rounds 15] [--cold] [--kinds relu,sigmoid,softmax,prelu,preluBackward]
const os = require('os');
const lib = require('..');
const registry = require('../dist/cjs/registry.js');
const nativeModule = require('../dist/cjs/backends/native.js');
const { interleavedRates, median } = require('./lib/rates');

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const FROM = Number(option('--from', 16384));
const TO = Number(option('--to', 16777216));
const ROUNDS = Number(option('--rounds', 15));
const COLD = process.argv.includes('--cold');
const KINDS = option('--kinds', 'relu,sigmoid,softmax,prelu,preluBackward').split(',');

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
const native = lib.backends.native;
const addon = registry.backendNamed('native').addon;

const CHANNELS = 64, PLANE = 256, ROW = 1024;
const alpha = Float32Array.from({ length: CHANNELS }, (_, i) => 0.01 + i / 256);
/** One call of a kind on n elements with the given thread cap (outputs preallocated). */
function caller(kind, x, dy, out, dalpha) {
  const n = x.length;
  if (kind === 'relu') return (threads) => native.relu(x, { out, threads });
  if (kind === 'sigmoid') return (threads) => native.sigmoid(x, { out, threads });
  if (kind === 'softmax') return (threads) => native.softmax(x, { out, threads, shape: [n / ROW, ROW] });
  const shape = [n / (CHANNELS * PLANE), CHANNELS, PLANE];
  if (kind === 'prelu') return (threads) => native.prelu(x, alpha, { out, threads, shape });
  if (kind === 'preluBackward') return (threads) => native.backward.prelu(x, alpha, dy, { out, dalphaOut: dalpha, threads, shape });
  throw new Error(`unknown kind ${kind}`);
}

/** ms per isolated call of f(1) and f(2): each after a 2 ms sleep, the two in turn. */
function coldTimes(f) {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const t = [[], []];
  f(1);
  f(2);
  for (let r = 0; r < ROUNDS; r++) {
    for (const threads of [1, 2]) {
      Atomics.wait(sleeper, 0, 0, 2);
      const t0 = process.hrtime.bigint();
      f(threads);
      t[threads - 1].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return t.map(median);
}
const fmt = (n) => (n >= 1 << 20 ? `${n / (1 << 20)}M` : `${n / 1024}K`);

const global = lib.getThreads();
addon.setThreads(1, 0);
nativeModule.setSmallArrayRouting(false);
console.log(`node ${process.version}, isa ${native.isa}, ${os.cpus().length} hardware threads, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`Float32, ms per call (median of ${ROUNDS} rounds${COLD ? ' of isolated calls' : ''}), 1 vs 2 threads, split forced at every size`);
console.log(`${'kind'.padEnd(14)}${'n'.padStart(6)}${'1 thread'.padStart(12)}${'2 threads'.padStart(12)}${'speedup'.padStart(10)}`);
const crossover = {};
for (const kind of KINDS) {
  const speedups = [];
  for (let n = FROM; n <= TO; n *= 2) {
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = ((i * 2654435761) % 2000) / 100 - 10;
    const dy = kind === 'preluBackward' ? x.map((v) => v / 3) : undefined;
    const out = new Float32Array(n);
    const dalpha = new Float32Array(CHANNELS);
    const f = caller(kind, x, dy, out, dalpha);
    // Elements per ns, 1 and 2 threads sampled in turn (scripts/lib/rates.js), about 2 ms a sample.
    let m1, m2;
    if (COLD) {
      [m1, m2] = coldTimes(f);
    } else {
      const [r1, r2] = interleavedRates(n, [() => f(1), () => f(2)], { samples: ROUNDS, sampleNs: 2e6 });
      [m1, m2] = [n / r1 / 1e6, n / r2 / 1e6];
    }
    speedups.push([n, m1 / m2]);
    console.log(`${kind.padEnd(14)}${fmt(n).padStart(6)}${m1.toFixed(4).padStart(12)}${m2.toFixed(4).padStart(12)}${(m1 / m2).toFixed(2).padStart(9)}x`);
  }
  let from = null;
  for (let i = speedups.length - 1; i >= 0 && speedups[i][1] >= 1.05; i--) from = speedups[i][0];
  crossover[kind] = from;
}
console.log('crossover (2 threads faster by >= 5% from this size on):');
for (const [kind, n] of Object.entries(crossover)) console.log(`  ${kind.padEnd(14)}${n === null ? 'never' : fmt(n)}`);
console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
lib.setThreads(global);
addon.setThreads(global, nativeModule.parallelMinArray());
