'use strict';
// layers.*: forward equals the library's function, backward equals finite differences of a
// scalar loss (dx, PReLU's dalpha, the regularizer's share), gradients accumulate, constraints
// and initializers do what they say, bad constructor arguments name themselves, and a short
// training run of the demo network lowers the loss.
const assert = require('assert');
const { lib, firstDifference } = require('./helpers');
const same = (a, b) => firstDifference(a, b) === -1;
const { layers } = lib;
const { makeRng } = require('../demo/nn/rng');
const { Network } = require('../demo/nn/network');

/** Values away from the kinks (|x| ≥ 0.05), so central differences are meaningful. */
function smoothInput(n, seed) {
  const r = makeRng(seed);
  return Float64Array.from({ length: n }, () => {
    const v = 4 * r.uniform() - 2;
    return Math.abs(v) < 0.05 ? v + 0.1 : v;
  });
}

/** Central difference of f at v[i] (f reads v). */
function numericGrad(f, v, h = 1e-6) {
  const g = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const keep = v[i];
    v[i] = keep + h; const up = f();
    v[i] = keep - h; const down = f();
    v[i] = keep;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

function assertClose(got, want, tol, what) {
  assert.strictEqual(got.length, want.length, `${what}: length`);
  for (let i = 0; i < got.length; i++) {
    const err = Math.abs(got[i] - want[i]);
    assert.ok(err <= tol * Math.max(1, Math.abs(want[i])), `${what}[${i}]: ${got[i]} vs numeric ${want[i]}`);
  }
}

/** L(y) = Σ w·y for fixed random weights w, so dL/dy = w. */
const dot = (a, b) => a.reduce((s, v, i) => s + v * b[i], 0);

const CASES = [
  ['ReLU', {}, 'relu', {}], ['LeakyReLU', { alpha: 0.2 }, 'leakyRelu', { alpha: 0.2 }],
  ['LeakyReLU', { negativeSlope: 0.3 }, 'leakyRelu', { alpha: 0.3 }],
  ['ThresholdedReLU', { theta: 0.5 }, 'thresholdedRelu', { theta: 0.5 }], ['ELU', { alpha: 0.7 }, 'elu', { alpha: 0.7 }],
  ['SELU', {}, 'selu', {}], ['Softplus', { beta: 2, threshold: 3 }, 'softplus', { beta: 2, threshold: 3 }],
  ['Sigmoid', {}, 'sigmoid', {}], ['Tanh', {}, 'tanh', {}],
];

describe('layers: elementwise activations', () => {
  for (const [cls, opts, fn, params] of CASES) {
    it(`${cls}(${JSON.stringify(opts)}): forward is ${fn}, backward matches finite differences`, () => {
      const layer = new layers[cls](opts);
      assert.strictEqual(layer.name, cls);
      const x = smoothInput(40, 3).map((v) => (fn === 'thresholdedRelu' && Math.abs(v - 0.5) < 0.05 ? v + 0.1 : v));
      const w = smoothInput(40, 4);
      const y = layer.forward(x);
      assert.ok(same(y, lib[fn](x, params)), 'forward equals the library function');
      const dx = layer.backward(w);
      assert.ok(same(dx, lib.backward[fn](x, w, params)), 'backward equals the library backward');
      assertClose(dx, numericGrad(() => dot(lib[fn](x, params), w), x), 1e-6, `${cls} dx`);
      assert.deepStrictEqual(layer.parameters(), []);
      assert.deepStrictEqual(layer.gradients(), []);
    });
  }

  it('works on Float32Array with float32 parameters, bit for bit as the functions', () => {
    const x = Float32Array.from(smoothInput(33, 5));
    const dy = Float32Array.from(smoothInput(33, 6));
    const layer = new layers.ELU({ alpha: 0.1 });
    const y = layer.forward(x);
    assert.ok(y instanceof Float32Array);
    assert.strictEqual(firstDifference(y, lib.elu(x, { alpha: 0.1 })), -1);
    assert.strictEqual(firstDifference(layer.backward(dy), lib.backward.elu(x, dy, { alpha: 0.1 })), -1);
  });

  it('inplace writes into x and still differentiates at the original input', () => {
    const x = smoothInput(20, 7);
    const x0 = x.slice();
    const dy = smoothInput(20, 8);
    const layer = new layers.LeakyReLU({ alpha: 0.1, inplace: true });
    const y = layer.forward(x);
    assert.strictEqual(y, x);
    assert.ok(same(y, lib.leakyRelu(x0, { alpha: 0.1 })));
    assert.ok(same(layer.backward(dy), lib.backward.leakyRelu(x0, dy, { alpha: 0.1 })));
  });

  it('exposes its parameters (alpha, theta, beta, threshold)', () => {
    assert.strictEqual(new layers.LeakyReLU().alpha, 0.01);
    assert.strictEqual(new layers.LeakyReLU({ negativeSlope: 0.3 }).alpha, 0.3);
    assert.strictEqual(new layers.ThresholdedReLU().theta, 1);
    assert.strictEqual(new layers.ELU().alpha, 1);
    const s = new layers.Softplus({ beta: 3 });
    assert.deepStrictEqual([s.beta, s.threshold], [3, 20]);
  });
});

describe('layers: Softmax and LogSoftmax', () => {
  for (const cls of ['Softmax', 'LogSoftmax']) {
    for (const axis of [-1, 0]) {
      it(`${cls}({ axis: ${axis} }) on shape [3, 4]: backward matches finite differences`, () => {
        const fn = cls === 'Softmax' ? 'softmax' : 'logSoftmax';
        const layer = new layers[cls]({ axis });
        const x = smoothInput(12, 9);
        const w = smoothInput(12, 10);
        const y = layer.forward(x, [3, 4]);
        assert.ok(same(y, lib[fn](x, { shape: [3, 4], axis })));
        const dx = layer.backward(w);
        assertClose(dx, numericGrad(() => dot(lib[fn](x, { shape: [3, 4], axis }), w), x), 1e-6, `${cls} dx`);
      });
    }
  }
});

describe('layers: PReLU', () => {
  it("PyTorch layout: numParameters per channel (axis 1), init 0.25 by default; dx and dalpha match finite differences", () => {
    const p = new layers.PReLU({ numParameters: 3, dtype: 'float64' });
    assert.strictEqual(p.layout, 'pytorch');
    assert.deepStrictEqual(Array.from(p.parameters()[0]), [0.25, 0.25, 0.25]);
    const alpha = p.parameters()[0];
    alpha.set([0.1, -0.3, 0.6]);
    const x = smoothInput(4 * 3, 11);
    const w = smoothInput(4 * 3, 12);
    const loss = () => dot(lib.prelu(x, alpha, { shape: [4, 3] }), w);
    assert.ok(same(p.forward(x, [4, 3]), lib.prelu(x, alpha, { shape: [4, 3] })));
    const dx = p.backward(w);
    assertClose(dx, numericGrad(loss, x), 1e-6, 'dx');
    assertClose(p.gradients()[0], numericGrad(loss, alpha), 1e-6, 'dalpha');
  });

  it('Keras layout: sharedAxes, zeros by default, built at the first forward (or from inputShape)', () => {
    const p = new layers.PReLU({ sharedAxes: [1], dtype: 'float64' });
    assert.strictEqual(p.layout, 'keras');
    assert.deepStrictEqual(p.parameters(), []);
    const x = smoothInput(2 * 3 * 4, 13);
    const w = smoothInput(2 * 3 * 4, 14);
    p.forward(x, [2, 3, 4]);
    assert.deepStrictEqual(p.shape, [1, 4]);
    const alpha = p.parameters()[0];
    assert.deepStrictEqual(Array.from(alpha), [0, 0, 0, 0]);
    alpha.set([0.2, -0.1, 0.5, 1.5]);
    const opts = { shape: [2, 3, 4], sharedAxes: [1] };
    const loss = () => dot(lib.prelu(x, alpha, opts), w);
    assert.ok(same(p.forward(x, [2, 3, 4]), lib.prelu(x, alpha, opts)));
    p.backward(w);
    assertClose(p.gradients()[0], numericGrad(loss, alpha), 1e-6, 'dalpha');
    const eager = new layers.PReLU({ inputShape: [3, 4], sharedAxes: [2] });
    assert.deepStrictEqual(eager.shape, [3, 1]);
    assert.strictEqual(eager.parameters()[0].length, 3);
    assert.throws(() => eager.forward(new Float32Array(2 * 5 * 4), [2, 5, 4]), /^RangeError: Expected .* for shape but received/);
  });

  it("the regularizer's value is reported and its gradient is added to dalpha (finite differences)", () => {
    for (const reg of [{ l1: 0.1, l2: 0.2 }, 'l1', 'l2', 'l1l2', layers.regularizers.l2(0.5)]) {
      const p = new layers.PReLU({ numParameters: 3, dtype: 'float64', alphaRegularizer: reg });
      const alpha = p.parameters()[0];
      alpha.set([0.3, -0.2, 0.7]);
      const x = smoothInput(12, 15);
      const w = smoothInput(12, 16);
      const total = () => dot(lib.prelu(x, alpha, { shape: [4, 3] }), w) + p.regularizationLoss();
      p.forward(x, [4, 3]);
      p.backward(w);
      assertClose(p.gradients()[0], numericGrad(total, alpha), 1e-6, `dalpha with ${JSON.stringify(reg)}`);
    }
    const p = new layers.PReLU({ numParameters: 2, alphaInitializer: (s) => [s[0] - 3, 2], alphaRegularizer: { l1: 0.5, l2: 0.25 } });
    assert.strictEqual(p.regularizationLoss(), 0.5 * (1 + 2) + 0.25 * (1 + 4));
    assert.strictEqual(new layers.PReLU().regularizationLoss(), 0);
  });

  it('accumulates gradients over backward calls until zeroGrad()', () => {
    const p = new layers.PReLU({ numParameters: 1, dtype: 'float64' });
    const x = smoothInput(8, 17);
    const w = smoothInput(8, 18);
    p.forward(x); p.backward(w);
    const once = p.gradients()[0][0];
    p.forward(x); p.backward(w);
    assert.strictEqual(p.gradients()[0][0], 2 * once);
    p.zeroGrad();
    assert.strictEqual(p.gradients()[0][0], 0);
  });

  it('constraints apply after an update: nonNeg, { min, max }, minMax() and a function', () => {
    const cases = [
      ['nonNeg', [-0.5, 0, 0.3, 2], [0, 0, 0.3, 2]],
      [{ min: 0, max: 1 }, [-0.5, 0.5, 1.5, 1], [0, 0.5, 1, 1]],
      [layers.constraints.minMax(0.1, 0.2), [0, 0.15, 1, -1], [0.1, 0.15, 0.2, 0.1]],
      [(a) => { for (let i = 0; i < a.length; i++) a[i] = Math.round(a[i]); }, [0.4, 0.6, -1.6, 2], [0, 1, -2, 2]],
    ];
    for (const [constraint, before, after] of cases) {
      const p = new layers.PReLU({ numParameters: 4, dtype: 'float64', alphaConstraint: constraint });
      p.parameters()[0].set(before);
      p.applyConstraint();
      assert.deepStrictEqual(Array.from(p.parameters()[0]), after);
    }
  });

  it('initializers: zeros, ones, constant (init), a number, a function', () => {
    const alphaOf = (o) => Array.from(new layers.PReLU({ numParameters: 2, ...o }).parameters()[0]);
    assert.deepStrictEqual(alphaOf({}), [0.25, 0.25]);
    assert.deepStrictEqual(alphaOf({ init: 0.5 }), [0.5, 0.5]);
    assert.deepStrictEqual(alphaOf({ alphaInitializer: 'zeros' }), [0, 0]);
    assert.deepStrictEqual(alphaOf({ alphaInitializer: 'ones' }), [1, 1]);
    assert.deepStrictEqual(alphaOf({ alphaInitializer: 0.125 }), [0.125, 0.125]);
    assert.deepStrictEqual(alphaOf({ alphaInitializer: () => 0.5 }), [0.5, 0.5]);
    assert.deepStrictEqual(alphaOf({ alphaInitializer: (shape) => shape.map((_, i) => i + 0.5).concat([1.5]) }), [0.5, 1.5]);
  });

  it('inplace, and float32 data with a float64 alpha', () => {
    const x = Float32Array.from(smoothInput(6, 19));
    const x0 = x.slice();
    const dy = Float32Array.from(smoothInput(6, 20));
    const p = new layers.PReLU({ inplace: true, dtype: 'float64' });
    assert.strictEqual(p.forward(x), x);
    assert.strictEqual(firstDifference(x, lib.prelu(x0, 0.25)), -1);
    assert.strictEqual(firstDifference(p.backward(dy), lib.backward.prelu(x0, 0.25, dy).dx), -1);
    assert.ok(p.gradients()[0] instanceof Float64Array);
  });
});

describe('layers: constructor errors name the argument', () => {
  const cases = [
    [() => new layers.LeakyReLU({ alpha: 'big' }), TypeError, 'alpha'],
    [() => new layers.LeakyReLU({ alpha: NaN }), RangeError, 'alpha'],
    [() => new layers.LeakyReLU({ alpha: 0.1, negativeSlope: 0.2 }), RangeError, 'negativeSlope'],
    [() => new layers.ELU({ alfa: 1 }), TypeError, 'an option of layers.ELU'],
    [() => new layers.ReLU({ inplace: 1 }), TypeError, 'inplace'],
    [() => new layers.ReLU(3), TypeError, 'the options of layers.ReLU'],
    [() => new layers.Softplus({ beta: 0 }), RangeError, 'beta'],
    [() => new layers.ThresholdedReLU({ theta: Infinity }), RangeError, 'theta'],
    [() => new layers.Softmax({ axis: 0.5 }), TypeError, 'axis'],
    [() => new layers.PReLU({ numParameters: 0 }), RangeError, 'numParameters'],
    [() => new layers.PReLU({ numParameters: '3' }), TypeError, 'numParameters'],
    [() => new layers.PReLU({ numParameters: 3, sharedAxes: [1] }), RangeError, 'numParameters'],
    [() => new layers.PReLU({ sharedAxes: 1 }), TypeError, 'sharedAxes'],
    [() => new layers.PReLU({ sharedAxes: [0] }), RangeError, 'sharedAxes\\[0\\]'],
    [() => new layers.PReLU({ inputShape: [3], sharedAxes: [2] }), RangeError, 'sharedAxes\\[0\\]'],
    [() => new layers.PReLU({ init: Infinity }), RangeError, 'init'],
    [() => new layers.PReLU({ alphaInitializer: 'glorot' }), TypeError, 'alphaInitializer'],
    [() => new layers.PReLU({ alphaInitializer: NaN }), RangeError, 'alphaInitializer'],
    [() => new layers.PReLU({ numParameters: 2, alphaInitializer: () => [1, 2, 3] }), RangeError, 'the result of alphaInitializer'],
    [() => new layers.PReLU({ alphaRegularizer: 'l3' }), TypeError, 'alphaRegularizer'],
    [() => new layers.PReLU({ alphaRegularizer: { l1: -1 } }), RangeError, 'alphaRegularizer.l1'],
    [() => new layers.PReLU({ alphaConstraint: 'positive' }), TypeError, 'alphaConstraint'],
    [() => new layers.PReLU({ alphaConstraint: { min: 1, max: 0 } }), RangeError, 'max'],
    [() => new layers.PReLU({ dtype: 'float16' }), TypeError, 'dtype'],
    [() => layers.regularizers.l2(-0.1), RangeError, 'l2'],
  ];
  for (const [make, type, param] of cases) {
    it(`${type.name} for ${param.replace(/\\/g, '')}: ${make.toString().slice(6, 90)}`, () => {
      assert.throws(make, (e) => e instanceof type && new RegExp(`^Expected .+ for ${param} but received .+`).test(e.message));
    });
  }

  it('backward before forward is an error, not a crash', () => {
    assert.throws(() => new layers.Tanh().backward([1]), /^Error: Expected a forward\(x\) call before backward\(dy\)/);
  });
});

describe('layers: training', () => {
  it('a short SGD run of Linear → PReLU → Linear → LogSoftmax on generated data lowers the loss and moves alpha', () => {
    // Three Gaussian blobs in 8 dimensions; the network is the demo's, at a small size.
    const rng = makeRng(42);
    const n = 240, d = 8, classes = 3;
    const x = new Float32Array(n * d);
    const labels = new Int32Array(n);
    const centres = Array.from({ length: classes }, () => Array.from({ length: d }, () => 2 * rng.normal()));
    for (let i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (let j = 0; j < d; j++) x[i * d + j] = centres[labels[i]][j] + rng.normal();
    }
    const prelu = new layers.PReLU({ numParameters: 16, alphaConstraint: { min: 0, max: 1 } });
    const net = new Network([d, 16, classes], prelu, rng);
    const epochLoss = () => net.evaluate(x, labels, n);
    const lossOf = () => {
      const logp = net.forward(x, n);
      let s = 0;
      for (let i = 0; i < n; i++) s -= logp[i * classes + labels[i]];
      return s / n;
    };
    const before = lossOf();
    const alpha0 = prelu.parameters()[0].slice();
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let b = 0; b < n; b += 24) net.trainStep(x.subarray(b * d, (b + 24) * d), labels.subarray(b, b + 24), 24, 0.1);
    }
    const after = lossOf();
    assert.ok(after < 0.5 * before, `loss ${before} → ${after}`);
    assert.ok(epochLoss().accuracy > 0.9);
    assert.notDeepStrictEqual(Array.from(prelu.parameters()[0]), Array.from(alpha0));
    assert.ok(prelu.parameters()[0].every((a) => a >= 0 && a <= 1), 'the constraint held');
  });
});
