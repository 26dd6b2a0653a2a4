'use strict';
// ONNX Runtime, native (onnxruntime-node, CPU execution provider) and WebAssembly
// (onnxruntime-web in Node), each running a one-node model built in memory (bench/onnx/model.js).
// Users call session.run({ X: new ort.Tensor(...) }) and read result.Y.data: that is the row.
// Both run on one thread (intra-op and wasm threads = 1), like every other row of the table.
// ONNX Runtime has no backward pass outside its training package, so its rows are forward only.
const { singleNodeModel } = require('../onnx/model');
const { peerRequire, peerVersion } = require('./peer-require');

/** The ONNX operator (opset 20) and attributes for each spec function, at its default parameters. */
function onnxNode(c) {
  const map = {
    relu: { op: 'Relu' },
    leakyRelu: { op: 'LeakyRelu', attributes: { alpha: 0.01 } },
    prelu: { op: 'PRelu' },
    thresholdedRelu: { op: 'ThresholdedRelu', attributes: { alpha: 1 } },
    elu: { op: 'Elu', attributes: { alpha: 1 } },
    selu: { op: 'Selu' },
    softplus: { op: 'Softplus' },
    sigmoid: { op: 'Sigmoid' },
    tanh: { op: 'Tanh' },
    softmax: { op: 'Softmax', attributes: { axis: -1 } },
    logSoftmax: { op: 'LogSoftmax', attributes: { axis: -1 } },
    gelu: { op: 'Gelu', attributes: { approximate: 'none' } },
  };
  return map[c.name];
}

async function ortImpls(notes, { opAlone = true } = {}) {
  const impls = [];
  const runtimes = [
    { id: 'ort-node', pkg: 'onnxruntime-node', label: 'onnxruntime-node cpu', options: { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'] } },
    { id: 'ort-web', pkg: 'onnxruntime-web', label: 'onnxruntime-web wasm', options: { executionProviders: ['wasm'] } },
  ];
  for (const rt of runtimes) {
    let ort;
    try {
      ort = peerRequire(rt.pkg);
      if (rt.id === 'ort-web') { ort.env.wasm.numThreads = 1; ort.env.wasm.proxy = false; }
      // Prove it runs before offering rows: one tiny Relu model.
      const s = await ort.InferenceSession.create(singleNodeModel({ op: 'Relu', shape: ['N'] }), rt.options);
      await s.run({ X: new ort.Tensor('float32', new Float32Array(4), [4]) });
      if (s.release) await s.release();
    } catch (e) { notes.push(`${rt.pkg}: not loaded (${String(e.message || e).split('\n')[0]})`); continue; }
    const sessions = new Map();
    const session = async (c, node) => {
      // One session per operator, type and rank; symbolic dims let it take every size.
      const shape = c.shape.length === 1 ? ['N'] : ['N', 'C'];
      const key = `${node.op}:${c.type}:${shape.length}:${c.cols}`;
      if (!sessions.has(key)) {
        const initializers = c.alpha ? [{ name: 'slope', dims: [c.alpha.length], values: Array.from(c.alpha) }] : [];
        const model = singleNodeModel({ ...node, type: c.type, shape, initializers });
        sessions.set(key, ort.InferenceSession.create(model, rt.options));
      }
      return sessions.get(key);
    };
    const open = async (c) => {
      const node = onnxNode(c);
      if (!node) return { skip: `no ONNX operator for ${c.name}` };
      try { return { s: await session(c, node) }; } catch (e) { return { skip: String(e.message || e).split('\n')[0] }; }
    };
    const common = { group: 'peer', peer: rt.pkg, version: peerVersion(rt.pkg), dirs: ['forward'] };
    impls.push({
      ...common, id: rt.id, label: `${rt.label} (session.run)`,
      async prepare(c) {
        const { s, skip } = await open(c);
        if (skip) return { skip };
        let last;
        return {
          async: true,
          run: async () => { const r = await s.run({ X: new ort.Tensor(c.type, c.x, c.shape) }); last = r.Y.data; },
          result: () => last,
          dispose() {},
        };
      },
    });
    if (!opAlone) continue;
    // The op with the least around it: input tensor made once, and for onnxruntime-node the output
    // preallocated (fetches). onnxruntime-web 1.30 leaves a preallocated output at zero (checked
    // against the reference), so its row keeps only the input tensor.
    const prealloc = rt.id === 'ort-node';
    impls.push({
      ...common, id: `${rt.id}-op`, label: `${rt.label} (op alone${prealloc ? ', preallocated' : ', input kept'})`, opAlone: true,
      async prepare(c) {
        const { s, skip } = await open(c);
        if (skip) return { skip };
        const feeds = { X: new ort.Tensor(c.type, c.x, c.shape) };
        if (!prealloc) {
          let last;
          return { async: true, run: async () => { last = (await s.run(feeds)).Y.data; }, result: () => last, dispose() {} };
        }
        const out = new c.T(c.n);
        const fetches = { Y: new ort.Tensor(c.type, out, c.shape) };
        return { async: true, run: () => s.run(feeds, fetches), result: () => out, dispose() {} };
      },
    });
  }
  return impls;
}

module.exports = { ortImpls, onnxNode };
