'use strict';
// The benchmark's own pieces that can be wrong silently: the protobuf writer behind the in-memory
// ONNX models, the crossover arithmetic, and the SVG writer. The onnxruntime check runs only when
// the bench peers are installed (bench/peers); tests never install or download anything.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { varint, Message } = require('../bench/onnx/protobuf');
const { singleNodeModel } = require('../bench/onnx/model');
const { crossovers } = require('../bench/report/analyze');
const { lineChart } = require('../bench/report/svg');
const { parseArgs } = require('../bench/lib/args');
const { annotate } = require('../bench/report/analyze');
const { terminalTable } = require('../bench/report/table');
const { referenceBandwidth } = require('../bench/lib/suite');
const { targetLines } = require('../bench/report/targets');

describe('benchmark suite', () => {
  it('encodes varints as protobuf does, negatives as 10-byte two\'s complement', () => {
    assert.deepStrictEqual(Array.from(varint(0)), [0]);
    assert.deepStrictEqual(Array.from(varint(1)), [1]);
    assert.deepStrictEqual(Array.from(varint(300)), [0xac, 0x02]);
    assert.deepStrictEqual(Array.from(varint(-1)), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    // field 1, string "hi": key 0x0a, length 2
    assert.deepStrictEqual(Array.from(new Message().string(1, 'hi').finish()), [0x0a, 0x02, 0x68, 0x69]);
    // field 2, float 1.0 (fixed32, little endian): key 0x15
    assert.deepStrictEqual(Array.from(new Message().float(2, 1).finish()), [0x15, 0, 0, 0x80, 0x3f]);
  });

  it('puts the ir_version first and the opset import last in a single-node model', () => {
    const m = singleNodeModel({ op: 'Relu', shape: ['N'] });
    assert.deepStrictEqual(Array.from(m.slice(0, 2)), [0x08, 9]); // field 1 varint, IR version 9
    assert.deepStrictEqual(Array.from(m.slice(-6)), [0x42, 4, 0x0a, 0, 0x10, 20]); // field 8: { domain: '', version: 20 }
  });

  const peers = path.join(__dirname, '..', 'bench', 'peers', 'node_modules', 'onnxruntime-node', 'package.json');
  (fs.existsSync(peers) ? it : it.skip)('builds models onnxruntime-node loads and runs (bench peers installed)', async () => {
    const { peerRequire } = require('../bench/impls/peer-require');
    const ort = peerRequire('onnxruntime-node');
    const run = async (spec, x, dims) => {
      const s = await ort.InferenceSession.create(singleNodeModel(spec), { intraOpNumThreads: 1 });
      return Array.from((await s.run({ X: new ort.Tensor(spec.type || 'float32', x, dims) })).Y.data);
    };
    assert.deepStrictEqual(await run({ op: 'Relu', shape: ['N'] }, Float32Array.from([-1, 2]), [2]), [0, 2]);
    assert.deepStrictEqual(await run({ op: 'LeakyRelu', shape: [3], attributes: { alpha: 0.5 } }, Float32Array.from([-2, 0, 4]), [3]), [-1, 0, 4]);
    assert.deepStrictEqual(await run({ op: 'PRelu', shape: ['N', 2], initializers: [{ name: 'slope', dims: [2], values: [0.5, 0.25] }] },
      Float32Array.from([-2, -4, 1, 3]), [2, 2]), [-1, -1, 1, 3]);
    const soft = await run({ op: 'Softmax', type: 'float64', shape: ['N', 'C'], attributes: { axis: -1 } }, Float64Array.from([0, 0, 1, 1]), [2, 2]);
    assert.deepStrictEqual(soft, [0.5, 0.5, 0.5, 0.5]);
  });

  it('finds the size from which one backend stays ahead, interpolated on log scales', () => {
    const row = (impl, backend, n, melemPerS) => ({ fn: 'f', dir: 'forward', n, impl, backend, melemPerS });
    const rows = [
      row('native-avx2', 'native', 1024, 50), row('js', 'js', 1024, 100),
      row('native-avx2', 'native', 4096, 200), row('js', 'js', 4096, 100),
      row('native-avx2', 'native', 16384, 400), row('js', 'js', 16384, 100),
    ];
    const c = crossovers(rows, [1024, 4096, 16384], 'float32');
    const x = c.perFunction['f forward'].nativeOverJs;
    assert.strictEqual(x.first, 4096);
    assert.strictEqual(x.estimate, 2048); // log ratio −ln2 at 1K, +ln2 at 4K: halfway on log2 n
    assert.strictEqual(c.thresholds.nativeOverJs.medianEstimate, 2048);
  });

  it('writes a chart with one path per series, the bound, and escaped labels', () => {
    const svg = lineChart({
      title: 'a < b & c', sizes: [16, 256], roofline: [{ n: 16, v: 1000 }, { n: 256, v: 2000 }],
      series: [{ label: 'ours', group: 'ours', points: [{ n: 16, v: 10 }, { n: 256, v: 100 }] },
        { label: 'peer', group: 'peer', points: [{ n: 16, v: 5 }, { n: 256, v: 50 }] }],
    });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /a &lt; b &amp; c/);
    assert.strictEqual((svg.match(/<path d="M/g) || []).length, 3);
    assert.match(svg, /<\/svg>$/);
  });

  it('reads the options: quick and full sizes, Float64, --only, unknown options rejected', () => {
    const q = parseArgs([]);
    assert.deepStrictEqual(q.sizes, [1024, 65536, 1048576]);
    assert.strictEqual(q.type, 'float32');
    assert.strictEqual(q.sweep, 'quick');
    const f = parseArgs(['--full', '--float64', '--only', 'sigmoid,tanh']);
    assert.deepStrictEqual(f.sizes, [16, 256, 4096, 65536, 1 << 20, 1 << 24]);
    assert.strictEqual(f.type, 'float64');
    assert.deepStrictEqual(f.only, ['sigmoid', 'tanh']);
    assert.strictEqual(f.variants, true);
    assert.throws(() => parseArgs(['--fulll']), /Unknown option --fulll/);
    assert.throws(() => parseArgs(['--only']), /--only needs a value/);
  });

  it('puts each row against the copy bandwidth and the best peer of its case', () => {
    const rows = [
      { fn: 'relu', dir: 'forward', n: 1024, impl: 'auto', label: 'auto', group: 'ours', backend: 'auto', melemPerS: 1000, bytesPerElement: 8 },
      { fn: 'relu', dir: 'forward', n: 1024, impl: 'p1', label: 'peer one', group: 'peer', melemPerS: 250, bytesPerElement: 8 },
      { fn: 'relu', dir: 'forward', n: 1024, impl: 'p2', label: 'peer two', group: 'peer', melemPerS: 500, bytesPerElement: 8 },
    ];
    annotate(rows, [{ n: 1024, gbPerS: 16 }]);
    assert.strictEqual(rows[0].ratioBestPeer, 2);
    assert.strictEqual(rows[0].bestPeer, 'peer two');
    assert.strictEqual(rows[0].pctBandwidth, 50); // 1000 Melem/s × 8 B = 8 GB/s of 16
    const table = terminalTable({ rows, bandwidth: [{ n: 1024, gbPerS: 16 }], sizes: [1024], type: 'float32' });
    assert.match(table, /relu forward/);
    assert.match(table, /1000 ×2\.00 50%/);
  });

  it('checks the issues\' speed targets against the rows of a run', () => {
    const K64 = 1 << 16;
    const row = (fn, dir, impl, melemPerS, extra = {}) => ({ fn, dir, n: K64, impl, melemPerS, ...extra });
    const one = { backend: 'native', variant: 'threads' };
    const rows = [
      row('sigmoid', 'forward', 'native-avx512-1thread', 3100, one), // 3.1 elements/ns: met
      row('sigmoid', 'backward', 'native-avx512-1thread', 2000, one), // 3100 / 2000 = 1.55x slower: not met
      row('tanh', 'forward', 'native-avx512-1thread', 1300, one), // 1.3: not met
      row('tanh', 'backward', 'native-avx512-1thread', 900, one), // 1.44x slower: met
      row('relu', 'forward', 'native-avx512-1thread', 9000, { ...one, pctBandwidth: 91 }),
      row('relu', 'forward', 'wasm-simd-mem', 1190, { backend: 'wasm' }),
      row('relu', 'forward', 'tfjs-wasm-op', 1000),
    ];
    const text = targetLines({ rows }).join('\n');
    assert.match(text, /sigmoid \| 3\.10 met\n/);
    assert.match(text, /tanh \| 1\.30 \*\*no\*\*\n/);
    assert.match(text, /sigmoid \| ×0\.97 \*\*no\*\* \| – \| –\n/);
    assert.match(text, /tanh \| ×1\.04 met \| – \| –\n/);
    assert.match(text, /relu \| 91% met \| – \| –\n/);
    assert.match(text, /relu \| ×1\.19 \*\*no\*\* \| –\n/);
    assert.match(text, /3 cells met, 3 not/);
    assert.deepStrictEqual(targetLines({ rows: [row('relu', 'forward', 'js', 100, { backend: 'js' })] }), []);
  });

  it('takes the higher of the copy\'s two measurements at each size as the bandwidth reference', () => {
    const before = [{ n: 16, gbPerS: 4, seconds: 4 }, { n: 65536, gbPerS: 44, seconds: 2 }];
    const after = [{ n: 16, gbPerS: 3, seconds: 5 }, { n: 65536, gbPerS: 99, seconds: 1 }];
    const ref = referenceBandwidth(before, after);
    assert.deepStrictEqual(ref.map((b) => [b.n, b.gbPerS, b.seconds, b.gbPerSBefore, b.gbPerSAfter]),
      [[16, 4, 4, 4, 3], [65536, 99, 1, 44, 99]]);
  });
});
