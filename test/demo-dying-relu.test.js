'use strict';
// The dying-ReLU demo without the Debian package: the IDX reader on files written here (plain
// and gzipped, every element type), the Fashion-MNIST loader and the whole script on a tiny
// generated data set in IDX form, reproducibility of the comparison, and the install hint.
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { parseIdx, readIdx, encodeIdx } = require('../demo/idx');
const fashion = require('../demo/fashion-mnist');
const { runComparison, ACTIVATIONS } = require('../demo/dying-relu/experiment');
const { makeRng } = require('../demo/nn/rng');
const { Network } = require('../demo/nn/network');
const lib = require('..');
const { layers } = lib;

const SCRIPT = path.join(__dirname, '..', 'demo', 'dying-relu.js');

/** n images of 28×28 whose class shows as a bright band (so there is something to learn). */
function images(n, seed) {
  const rng = makeRng(seed);
  const labels = Array.from({ length: n }, (_, i) => i % 10);
  const pixels = new Uint8Array(n * 784);
  labels.forEach((c, i) => {
    for (let p = 0; p < 784; p++) pixels[i * 784 + p] = Math.floor(rng.uniform() * 60) + (Math.floor(p / 28) % 10 === c ? 180 : 0);
  });
  return { pixels, labels };
}

function writeDataset(dir, gz) {
  fs.mkdirSync(dir, { recursive: true });
  const put = (name, bytes) => fs.writeFileSync(path.join(dir, gz ? `${name}.gz` : name), gz ? zlib.gzipSync(bytes) : bytes);
  for (const [prefix, n, seed] of [['train', 60, 1], ['t10k', 20, 2]]) {
    const { pixels, labels } = images(n, seed);
    put(`${prefix}-images-idx3-ubyte`, encodeIdx('ubyte', [n, 28, 28], pixels));
    put(`${prefix}-labels-idx1-ubyte`, encodeIdx('ubyte', [n], labels));
  }
}

describe('demo: IDX reader', () => {
  it('reads every element type, plain and gzipped, with its shape', () => {
    const cases = [
      ['ubyte', [2, 3], [0, 1, 2, 253, 254, 255], Uint8Array],
      ['byte', [4], [-128, -1, 0, 127], Int8Array],
      ['short', [2, 1], [-32768, 32767], Int16Array],
      ['int', [3], [-2147483648, 0, 2147483647], Int32Array],
      ['float', [2], [1.5, -0.25], Float32Array],
      ['double', [1, 1, 2], [Math.PI, -1e300], Float64Array],
    ];
    for (const [type, shape, values, T] of cases) {
      const bytes = encodeIdx(type, shape, values);
      assert.strictEqual(bytes.length, 4 + 4 * shape.length + values.length * T.BYTES_PER_ELEMENT);
      for (const b of [bytes, zlib.gzipSync(bytes)]) {
        const r = parseIdx(b);
        assert.deepStrictEqual([r.type, r.shape], [type, shape]);
        assert.ok(r.data instanceof T);
        assert.deepStrictEqual(Array.from(r.data), values);
      }
    }
  });

  it('rejects what is not IDX, unknown types and wrong lengths', () => {
    assert.throws(() => parseIdx(Buffer.from([1, 0, 8, 1, 0, 0, 0, 0]), 'x.idx'), /^Error: x.idx: not an IDX file/);
    assert.throws(() => parseIdx(Buffer.from([0, 0, 0x0a, 1, 0, 0, 0, 0])), /unknown IDX element type 0xa/);
    assert.throws(() => parseIdx(Buffer.from([0, 0, 8, 2, 0, 0])), /truncated header/);
    assert.throws(() => parseIdx(Buffer.concat([encodeIdx('ubyte', [3], [1, 2, 3]), Buffer.from([9])])), /12 bytes, expected 11 for shape \[3\] of ubyte/);
  });
});

describe('demo: Fashion-MNIST loader and the dying-ReLU script', () => {
  let dir;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fmnist-'));
    writeDataset(path.join(dir, 'gz'), true);
    writeDataset(path.join(dir, 'plain'), false);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads gzipped or plain IDX files into standardised rows', () => {
    for (const sub of ['gz', 'plain']) {
      const d = fashion.load(path.join(dir, sub));
      assert.deepStrictEqual([d.train.count, d.test.count, d.train.features], [60, 20, 784]);
      const raw = readIdx(path.join(dir, sub, sub === 'gz' ? 'train-images-idx3-ubyte.gz' : 'train-images-idx3-ubyte'));
      assert.strictEqual(d.train.x[5], Math.fround((raw.data[5] / 255 - 0.2860) / 0.3530));
      assert.deepStrictEqual(Array.from(d.test.labels.slice(0, 3)), [0, 1, 2]);
    }
  });

  it('says how to install the Debian package when the files are missing (exit 1)', () => {
    assert.throws(() => fashion.load(path.join(dir, 'none')), (e) => e.code === 'FASHION_MNIST_MISSING');
    const r = spawnSync(process.execPath, [SCRIPT, '--data', path.join(dir, 'none')], { encoding: 'utf8' });
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /apt-get install dataset-fashion-mnist/);
  });

  it('runs the whole comparison on a tiny data set: table on stdout, progress on stderr, an SVG chart', () => {
    const out = path.join(dir, 'chart.svg');
    const r = spawnSync(process.execPath, [SCRIPT, '--data', path.join(dir, 'gz'), '--train', '40', '--test', '20',
      '--epochs', '2', '--batch', '8', '--lr', '0.05,0.5', '--out', out], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    for (const a of ACTIVATIONS) assert.ok(r.stdout.includes(a.label), a.label);
    assert.match(r.stdout, /^lr +activation +epoch +train loss +test acc +dead units/);
    assert.match(r.stderr, /training on 40 of 60 images/);
    assert.match(r.stderr, /\[█+\] 100%/);
    const svg = fs.readFileSync(out, 'utf8');
    assert.ok(svg.startsWith('<svg') && svg.trim().endsWith('</svg>'));
    assert.strictEqual((svg.match(/class="curve"/g) || []).length, 3 * 8);
  });

  it('rejects bad numbers with exit code 2', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--epochs', 'two'], { encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /Expected an integer ≥ 1 for --epochs but received "two"/);
  });
});

describe('demo: the comparison itself', () => {
  /** Two Gaussian classes in 12 dimensions. */
  function blobs(n, seed) {
    const rng = makeRng(seed);
    const x = new Float32Array(n * 12);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (let j = 0; j < 12; j++) x[i * 12 + j] = rng.normal() + (labels[i] ? 1 : -1) * (j < 4 ? 1 : 0);
    }
    return { x, labels, count: n, features: 12 };
  }
  const data = { train: blobs(200, 1), test: blobs(100, 2) };
  const opts = { hidden: 16, classes: 2, epochs: 3, batch: 10, learningRates: [0.05] };

  it('is reproducible: the same seed gives the same numbers', () => {
    assert.deepStrictEqual(runComparison(data, opts).map((r) => r.rows), runComparison(data, opts).map((r) => r.rows));
  });

  it('gives the same numbers on every backend (the activations are bit-identical)', () => {
    const before = lib.getBackend();
    try {
      const results = lib.availableBackends().map((name) => {
        lib.setBackend(name);
        return runComparison(data, { ...opts, learningRates: [0.05, 1] }).map((r) => r.rows);
      });
      for (const r of results.slice(1)) assert.deepStrictEqual(r, results[0]);
    } finally {
      lib.setBackend(before);
    }
  });

  it('learns at the ordinary rate with every activation; leaky units never output exactly 0', () => {
    for (const r of runComparison(data, opts)) {
      const last = r.rows[r.rows.length - 1];
      assert.ok(r.rows[1].loss > last.loss, `${r.activation}: loss falls`);
      assert.ok(last.accuracy > 0.8, `${r.activation}: accuracy ${last.accuracy}`);
      for (const e of r.rows) assert.ok(e.dead >= 0 && e.dead <= e.off + 1e-12 && e.off <= 1);
      if (r.activation !== 'ReLU') assert.ok(r.rows.every((e) => e.dead === 0), r.activation);
    }
  });

  it('counts a unit as dead when it outputs 0 for every test example, and as ≤ 0 when its input is never positive', () => {
    // ReLU: all three are dead. LeakyReLU and ELU: only unit 1 (f(0) = 0); the others output αx < 0.
    for (const [layer, dead] of [[new layers.ReLU(), 3 / 8], [new layers.LeakyReLU(), 1 / 8], [new layers.ELU(), 1 / 8]]) {
      const net = new Network([12, 8, 2], layer, makeRng(3));
      // Units 0 and 5: a bias no input can overcome. Unit 1: weights 0, bias 0 (output 0, input 0).
      net.fc1.bias[0] = -1e6;
      net.fc1.bias[5] = -1e6;
      net.fc1.weight.fill(0, 12, 24);
      net.fc1.bias[1] = 0;
      const r = net.evaluate(data.test.x, data.test.labels, data.test.count, 7);
      assert.strictEqual(r.off, 3 / 8, layer.name);
      assert.strictEqual(r.dead, dead, layer.name);
    }
  });
});

