'use strict';
// Speed of softmax and logSoftmax (forward and backward) on the native backend and on the wasm
// backend with the data already in wasm memory, in elements per ns (median of the rounds), on the
// benchmark's inputs (bench/lib/inputs.js: rows of 1024, x in [-8, 8), dy in [-1, 1)).
// With --before DIR (a copy of another build: DIR/package.json, DIR/dist, DIR/build/Release) both
// builds run in this process, timed in turns, so a busy machine slows both alike.
// Usage: node scripts/softmax-speed.js [--before DIR[,DIR2...]] [--sizes 65536,1048576] [--type f32|f64]
//        [--rounds 15] [--threads 1] [--backends native,wasm] [--functions softmax,logSoftmax]
const path = require('path');
const { interleavedRates } = require('./lib/rates');
const { makeCase } = require('../bench/lib/inputs');

const args = process.argv.slice(2);
const value = (name, d) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : d; };
const sizes = value('--sizes', '65536,1048576').split(',').map(Number);
const type = value('--type', 'f32') === 'f64' ? 'float64' : 'float32';
const rounds = Number(value('--rounds', 15));
const threads = Number(value('--threads', 1));
const before = value('--before', undefined);
const backends = value('--backends', 'native,wasm').split(',');
const functions = value('--functions', 'softmax,logSoftmax').split(',');

// --before may list several builds (comma-separated), each timed in turn with this one.
const builds = [['after', require('..')]];
if (before) builds.unshift(...before.split(',').map((d, i, all) => [all.length > 1 ? `before${i + 1}` : 'before', require(path.resolve(d))]));
for (const [, lib] of builds) lib.setThreads(threads);

/** Elements per ns of each fn over n elements: median of `rounds` rounds, the fns timed in turns. */
const rates = (fns, n) => interleavedRates(n, fns, { samples: rounds, sampleNs: 5e6 });

/** A copy of a in the wasm memory of lib. */
function inWasm(lib, a, views) {
  const v = lib.wasm.alloc(a.constructor, a.length);
  v.set(a);
  views.push([lib, v]);
  return v;
}

console.log(`${type}, ${threads} thread(s), elements/ns, median of ${rounds} rounds` +
  (before ? `; before = ${before}, after = ${path.resolve(__dirname, '..')}` : ''));
const header = ['n', 'function', 'direction', 'backend', ...builds.map(([label]) => label)];
if (before) header.push('after/before');
console.log(header.join(' | '));
for (const n of sizes) {
  for (const [, lib] of builds) lib.wasm.reserve(3 * n * 8 + 4096); // x, dy, out: no growth (views stay attached)
  for (const name of functions) {
    for (const dir of ['forward', 'backward']) {
      const c = makeCase({ name, kind: 'rowwise' }, dir, n, type);
      const opts = (out) => ({ shape: c.shape, out });
      for (const backend of backends) {
        const views = [];
        const fns = builds.map(([, lib]) => {
          const api = lib.backends[backend];
          const x = backend === 'wasm' ? inWasm(lib, c.x, views) : c.x;
          const dy = dir === 'backward' ? (backend === 'wasm' ? inWasm(lib, c.dy, views) : c.dy) : undefined;
          const out = backend === 'wasm' ? inWasm(lib, new c.T(n), views) : new c.T(n);
          return dir === 'forward' ? () => api[name](x, opts(out)) : () => api.backward[name](x, dy, opts(out));
        });
        const r = rates(fns, n);
        for (const [lib, v] of views) lib.wasm.free(v);
        const row = [n, name, dir, backend, ...r.map((v) => v.toFixed(3))];
        if (before) row.push(`${(r[r.length - 1] / r[0]).toFixed(2)}x`);
        console.log(row.join(' | '));
      }
    }
  }
}
