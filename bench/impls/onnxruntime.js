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

async function ortImpls(notes) {
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
    impls.push({
      id: rt.id, label: `${rt.label} (session.run)`, group: 'peer', peer: rt.pkg, version: peerVersion(rt.pkg), dirs: ['forward'],
      async prepare(c) {
        const node = onnxNode(c);
        if (!node) return { skip: `no ONNX operator for ${c.name}` };
        let s;
        try { s = await session(c, node); } catch (e) { return { skip: String(e.message || e).split('\n')[0] }; }
        let last;
        const feeds = () => ({ X: new ort.Tensor(c.type, c.x, c.shape) });
        return {
          async: true,
          run: async () => { const r = await s.run(feeds()); last = r.Y.data; },
          result: () => last,
          dispose() {},
        };
      },
    });
  }
  return impls;
}

module.exports = { ortImpls, onnxNode };
