'use strict';
// npm run bench [-- --full] [--float64] [--only sigmoid,tanh] [--json file]
// Every function of the spec on every available backend against the hand-written Math.* loop,
// Float32 by default, output preallocated, one process so ratios are comparable. benchmark.js
// does the timing; we report the median of its samples (and its relative margin of error).
const Benchmark = require('benchmark');
const fs = require('fs');
const lib = require('..');
const naive = require('./naive');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const full = flag('--full');
const T = flag('--float64') ? Float64Array : Float32Array;
const only = value('--only') ? value('--only').split(',') : null;
const SIZES = full ? [1e3, 1e4, 1e5, 1e6, 1e7] : [1e3, 1e5, 1e6];
const ROW = 1000; // softmax rows of 1000 (a typical class count)
const CHANNELS = 8;
const maxTime = full ? 1 : 0.2;

function input(n, seed) {
  let s = seed;
  const x = new T(n);
  for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) % 2147483648; x[i] = (s / 2147483648 - 0.5) * 16; }
  return x;
}

function median(a) {
  const s = a.slice().sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The call for each function on an API (facade of one backend), with preallocated out. */
function libraryCall(api, spec, x, out) {
  if (spec.kind === 'prelu') { const alpha = new T(CHANNELS).fill(0.25); return () => api.prelu(x, alpha, { shape: [x.length / CHANNELS, CHANNELS], out }); }
  if (spec.kind === 'rowwise') return () => api[spec.name](x, { shape: [x.length / ROW, ROW], out });
  return () => api[spec.name](x, { out });
}
function naiveCall(spec, x, out) {
  if (spec.kind === 'prelu') { const alpha = new T(CHANNELS).fill(0.25); return () => naive.prelu(x, out, alpha, CHANNELS); }
  if (spec.kind === 'rowwise') return () => naive[spec.name](x, out, ROW);
  return () => naive[spec.name](x, out);
}

const results = [];
const specs = lib.SPEC.filter((s) => !only || only.includes(s.name));
const backends = lib.availableBackends();
const total = specs.length * SIZES.length * (backends.length + 1);
let done = 0;
console.log(`simd-activations bench: ${T.name}, sizes ${SIZES.join(', ')}, backends ${backends.join(', ')} + naive Math.* loop (${full ? 'full' : 'quick'} mode)`);
console.log(`node ${process.version}, ${require('os').cpus()[0].model}, ${require('os').cpus().length} cores\n`);

for (const spec of specs) {
  for (const n of SIZES) {
    const x = input(n, 7);
    const suite = new Benchmark.Suite();
    const impls = [...backends.map((b) => [b, libraryCall(lib.backends[b], spec, x, new T(n))]), ['naive', naiveCall(spec, x, new T(n))]];
    for (const [name, fn] of impls) suite.add(name, fn, { maxTime, minSamples: 5 });
    suite.on('cycle', (ev) => {
      done++;
      const b = ev.target;
      const secondsPerCall = median(b.stats.sample);
      results.push({ fn: spec.name, n, impl: b.name, melemPerS: n / secondsPerCall / 1e6, rme: b.stats.rme, samples: b.stats.sample.length });
      process.stderr.write(`\r[${done}/${total}] ${spec.name} n=${n} ${b.name}            `);
    });
    suite.run({ async: false });
  }
}
process.stderr.write('\r' + ' '.repeat(60) + '\r');

const impls = [...backends, 'naive'];
const header = ['function', 'n', ...impls.map((i) => `${i} Melem/s`), ...backends.map((b) => `${b} / naive`)];
const lines = [header.join(' | '), header.map(() => '---').join(' | ')];
for (const spec of specs) {
  for (const n of SIZES) {
    const row = (impl) => results.find((r) => r.fn === spec.name && r.n === n && r.impl === impl);
    const cells = impls.map((i) => `${row(i).melemPerS.toFixed(1)} ±${row(i).rme.toFixed(0)}%`);
    const ratios = backends.map((b) => `${(row(b).melemPerS / row('naive').melemPerS).toFixed(2)}x`);
    lines.push([spec.name, n.toExponential(0), ...cells, ...ratios].join(' | '));
  }
}
console.log(lines.join('\n'));
console.log('\nMelem/s: median of benchmark.js samples (± its relative margin of error). Softmax rows of 1000; prelu with 8 channels.');
if (value('--json')) fs.writeFileSync(value('--json'), JSON.stringify({ node: process.version, type: T.name, results }, null, 1));
