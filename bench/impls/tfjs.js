'use strict';
// TensorFlow.js (@tensorflow/tfjs: core with its gradients, on the cpu and the wasm backends).
// "user" rows do what a tfjs user does per call: tensor from the array, op, dataSync() read back,
// dispose. "op" rows keep the input tensor and time the op alone (both backends run it eagerly and
// synchronously). Backward rows are tf.grad / tf.grads: the way tfjs users get dy · f'(x).
const path = require('path');
const { peerRequire, peerVersion, quietly } = require('./peer-require');

/** The tfjs op for each spec function (undefined: tfjs has no such op). */
function ops(tf, c) {
  const t = {
    relu: (x) => tf.relu(x),
    leakyRelu: (x) => tf.leakyRelu(x, 0.01),
    prelu: (x, a) => tf.prelu(x, a),
    elu: (x) => tf.elu(x),
    selu: (x) => tf.selu(x),
    softplus: (x) => tf.softplus(x),
    sigmoid: (x) => tf.sigmoid(x),
    tanh: (x) => tf.tanh(x),
    softmax: (x) => tf.softmax(x, -1),
    logSoftmax: (x) => tf.logSoftmax(x, -1),
  };
  return t[c.name];
}

async function loadTfjs() {
  const tf = await quietly(() => peerRequire('@tensorflow/tfjs'));
  const wasm = peerRequire('@tensorflow/tfjs-backend-wasm');
  const dist = path.join(path.dirname(peerRequire.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  // In Node the wasm binaries are read from disk: a directory path ending in a slash works.
  wasm.setWasmPaths(dist + path.sep);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // single thread, like every other row
  return tf;
}

/** tfjs rows for each backend that initialises; failures become notes, never fatal. */
/** opAlone: true for both backends, or one backend's name ('wasm'). */
async function tfjsImpls(notes, { opAlone = true, type = 'float32' } = {}) {
  if (type !== 'float32') { notes.push('tfjs: no rows for Float64 data (tfjs computes in float32 only)'); return []; }
  let tf;
  try { tf = await loadTfjs(); } catch (e) { notes.push(`tfjs: not loaded (${e.message.split('\n')[0]})`); return []; }
  const version = peerVersion('@tensorflow/tfjs-core');
  const impls = [];
  for (const backend of ['cpu', 'wasm']) {
    try {
      const ok = await quietly(() => tf.setBackend(backend));
      if (!ok) throw new Error('setBackend returned false');
      await tf.ready();
      await quietly(() => tf.tensor1d([0]).dispose()); // the cpu backend's banner comes with its first tensor
    } catch (e) { notes.push(`tfjs ${backend}: not loaded (${e.message.split('\n')[0]})`); continue; }
    let simd = '';
    if (backend === 'wasm') simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? ' simd' : ' (no simd)';
    const label = `tfjs ${backend}${simd}`;
    const use = async () => { if (tf.getBackend() !== backend) await tf.setBackend(backend); };
    impls.push({ id: `tfjs-${backend}`, label: `${label} (tensor + op + read)`, group: 'peer', peer: 'tfjs', version,
      prepare: async (c) => { await use(); return userHandle(tf, c); } });
    // Quick mode keeps tfjs-wasm's op alone: issue 4 compares our in-memory rows with that time.
    if (opAlone === true || opAlone === backend) {
      impls.push({ id: `tfjs-${backend}-op`, label: `${label} (op alone)`, group: 'peer', peer: 'tfjs', version, opAlone: true, dirs: ['forward'],
        prepare: async (c) => { await use(); return opHandle(tf, c); } });
    }
  }
  return impls;
}

function check(tf, c) {
  if (!ops(tf, c)) return `tfjs-core has no ${c.name} op`;
  return undefined;
}

function userHandle(tf, c) {
  const why = check(tf, c);
  if (why) return { skip: why };
  const f = ops(tf, c);
  let last;
  if (c.dir === 'forward') {
    return {
      run: () => {
        const x = tf.tensor(c.x, c.shape, 'float32');
        const a = c.alpha ? tf.tensor(c.alpha, [c.alpha.length], 'float32') : undefined;
        const y = f(x, a);
        last = y.dataSync();
        tf.dispose([x, a, y].filter(Boolean));
      },
      result: () => last, dispose() {},
    };
  }
  const grad = c.alpha ? tf.grads((x, a) => f(x, a)) : tf.grad((x) => f(x));
  return {
    run: () => {
      const x = tf.tensor(c.x, c.shape, 'float32');
      const dy = tf.tensor(c.dy, c.shape, 'float32');
      if (c.alpha) {
        const a = tf.tensor(c.alpha, [c.alpha.length], 'float32');
        const [dx, da] = grad([x, a], dy);
        last = dx.dataSync(); da.dataSync();
        tf.dispose([x, a, dy, dx, da]);
      } else {
        const dx = grad(x, dy);
        last = dx.dataSync();
        tf.dispose([x, dy, dx]);
      }
    },
    result: () => last, dispose() {},
  };
}

function opHandle(tf, c) {
  const why = check(tf, c);
  if (why) return { skip: why };
  const f = ops(tf, c);
  const x = tf.tensor(c.x, c.shape, 'float32');
  const a = c.alpha ? tf.tensor(c.alpha, [c.alpha.length], 'float32') : undefined;
  return {
    run: () => { f(x, a).dispose(); },
    result: () => { const y = f(x, a); const r = y.dataSync(); y.dispose(); return r; },
    dispose: () => tf.dispose([x, a].filter(Boolean)),
  };
}

module.exports = { tfjsImpls };
