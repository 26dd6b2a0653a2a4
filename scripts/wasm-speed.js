'use strict';
// Quick speed check of the wasm backend (not a benchmark suite; see bench/ for that): elements
// per nanosecond, median of repeated runs, data already in wasm memory (no copies), next to the
// js backend on the same data and, when the bench peers are installed (bench/peers, see
// bench/run.js), next to @tensorflow/tfjs-backend-wasm's op alone (input tensor kept, output
// disposed; single-threaded). The rows are timed in turns (ours, tfjs, ours, ...) so that a busy
// machine slows both alike. Usage: node scripts/wasm-speed.js [n] [functions...]
// (TYPE=f64 for Float64Array data; tfjs computes in float32 only, so no tfjs column then).
const path = require('path');
const { interleavedRates } = require('./lib/rates');
const lib = require('..');

const n = Number(process.argv[2] || 65536);
const fns = process.argv.length > 3 ? process.argv.slice(3) : ['sigmoid', 'relu'];
const T = process.env.TYPE === 'f64' ? Float64Array : Float32Array;

/** Elements per ns of each fn over n elements: median of 31 rounds, the fns timed in turns. */
const rates = (fns) => interleavedRates(n, fns, { samples: 31, sampleNs: 2e6 });

/** tfjs with its wasm backend (single-threaded), or undefined when the bench peers are missing. */
async function loadTfjs() {
  if (T !== Float32Array) return undefined;
  try {
    const { peerRequire, quietly } = require(path.join(__dirname, '../bench/impls/peer-require'));
    const tf = await quietly(() => peerRequire('@tensorflow/tfjs'));
    const wasm = peerRequire('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(path.join(path.dirname(peerRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (!(await quietly(() => tf.setBackend('wasm')))) return undefined;
    await tf.ready();
    return tf;
  } catch {
    return undefined;
  }
}

/** The tfjs op for a function (spec defaults: elu alpha 1, softplus beta 1; tfjs has no parameters). */
const TF_OPS = {
  relu: (tf, t) => tf.relu(t), elu: (tf, t) => tf.elu(t), selu: (tf, t) => tf.selu(t),
  softplus: (tf, t) => tf.softplus(t), sigmoid: (tf, t) => tf.sigmoid(t), tanh: (tf, t) => tf.tanh(t),
};

async function main() {
  lib.wasm.reserve(2 * n * T.BYTES_PER_ELEMENT + 64); // so the second alloc does not detach the first
  const x = lib.wasm.alloc(T, n);
  const out = lib.wasm.alloc(T, n);
  for (let i = 0; i < n; i++) x[i] = Math.sin(i) * 8;
  const xs = T.from(x), outs = new T(n);
  const tf = await loadTfjs();
  const tx = tf ? tf.tensor1d(xs, 'float32') : undefined;
  console.log(`${T.name}, n = ${n}, wasm build: ${lib.wasm.build}; elements/ns, median of 31` +
    (tf ? `; tfjs ${tf.version_core} wasm backend, op alone` : '; (no tfjs: run node bench/run.js once to install the peers)'));
  /** f(x, { out }), with prelu's alpha (one value) in between. */
  const call = (api, name, a, o) => (name === 'prelu' ? api.prelu(a, 0.25, { out: o }) : api[name](a, { out: o }));
  for (const name of fns) {
    const rows = [() => call(lib.backends.wasm, name, x, out), () => call(lib.backends.wasm, name, xs, outs),
      () => call(lib.backends.js, name, xs, outs)];
    const op = tf && TF_OPS[name];
    if (op) rows.push(() => op(tf, tx).dispose());
    const [w, wc, j, t] = rates(rows);
    const vs = t === undefined ? '' : `  tfjs-wasm ${t.toFixed(3)}  (ours/tfjs ${(w / t).toFixed(2)}x)`;
    console.log(`${name.padEnd(12)} wasm (in wasm memory) ${w.toFixed(3)}  wasm (copied) ${wc.toFixed(3)}  js ${j.toFixed(3)}${vs}`);
  }
}

main();
