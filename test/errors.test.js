'use strict';
// Bad input never crashes and never writes: each case throws TypeError or RangeError with the
// one-sentence message naming the parameter, what was expected and what was received.
const assert = require('assert');
const { lib, BACKENDS } = require('./helpers');

const f32 = (n) => new Float32Array(n);

function throws(fn, Type, message) {
  assert.throws(fn, (e) => {
    assert.strictEqual(e.constructor, Type, `${e.constructor.name}: ${e.message}`);
    assert.strictEqual(e.message, message);
    return true;
  });
}

describe('errors', () => {
  it('wrong input types', () => {
    throws(() => lib.sigmoid(new Int32Array(2)), TypeError, 'Expected Float32Array, Float64Array or an array of numbers for x but received Int32Array of length 2');
    throws(() => lib.relu('abc'), TypeError, 'Expected Float32Array, Float64Array or an array of numbers for x but received string "abc"');
    throws(() => lib.relu(undefined), TypeError, 'Expected Float32Array, Float64Array or an array of numbers for x but received undefined');
    throws(() => lib.tanh([1, '2', 3]), TypeError, 'Expected a number for x[1] but received string "2"');
    throws(() => lib.backward.sigmoid(f32(3), new Float64Array(3)), TypeError, 'Expected Float32Array of length 3 for dy but received Float64Array of length 3');
    throws(() => lib.backward.sigmoid(f32(3), f32(2)), RangeError, 'Expected Float32Array of length 3 for dy but received Float32Array of length 2');
    throws(() => lib.backward.elu(f32(3)), TypeError, 'Expected Float32Array, Float64Array or an array of numbers for dy but received undefined');
  });

  it('out of the wrong type, length, or partially overlapping the input', () => {
    throws(() => lib.relu(f32(4), { out: new Float64Array(4) }), TypeError, 'Expected Float32Array of length 4 for out but received Float64Array of length 4');
    throws(() => lib.relu(f32(4), { out: f32(5) }), RangeError, 'Expected Float32Array of length 4 for out but received Float32Array of length 5');
    throws(() => lib.relu([1, 2], { out: f32(2) }), TypeError, 'Expected Float64Array of length 2 for out but received Float32Array of length 2');
    throws(() => lib.relu(f32(4), { out: [0, 0, 0, 0] }), TypeError, 'Expected Float32Array of length 4 for out but received Array');
    const buf = new Float32Array(8);
    throws(() => lib.relu(buf.subarray(0, 4), { out: buf.subarray(2, 6) }), RangeError,
      'Expected the input array itself or memory that does not overlap it for out but received a Float32Array that partially overlaps an input');
    assert.doesNotThrow(() => lib.relu(buf.subarray(0, 4), { out: buf.subarray(4, 8) }));
  });

  it('out partially overlapping dy or prelu\'s alpha, including at the same offset', () => {
    const overlap = 'Expected the input array itself or memory that does not overlap it for out but received a Float32Array that partially overlaps an input';
    const buf = new Float32Array(80).fill(0.5);
    throws(() => lib.backward.sigmoid(f32(8), buf.subarray(0, 8), { out: buf.subarray(4, 12) }), RangeError, overlap);
    // Each backend would read alpha while overwriting it: js and native/wasm gave different results.
    for (const [alpha, out] of [[buf.subarray(0, 8), buf.subarray(4, 68)], [buf.subarray(0, 8), buf.subarray(0, 64)],
      [buf.subarray(60, 61), buf.subarray(0, 64)]]) {
      for (const b of [lib, ...BACKENDS.map((n) => lib.backends[n])]) {
        throws(() => b.prelu(f32(64), alpha, { shape: [8, 8], out }), RangeError, overlap);
        throws(() => b.backward.prelu(f32(64), alpha, f32(64), { shape: [8, 8], out }), RangeError, overlap);
      }
    }
    // Disjoint views of one buffer, and out over dy exactly (in place), stay allowed.
    assert.doesNotThrow(() => lib.prelu(f32(64), buf.subarray(0, 8), { shape: [8, 8], out: buf.subarray(8, 72) }));
    const dy = buf.subarray(8, 16);
    assert.doesNotThrow(() => lib.backward.sigmoid(f32(8), dy, { out: dy }));
  });

  it('parameters that are not numbers, NaN, infinite or out of range', () => {
    throws(() => lib.leakyRelu(f32(1), { alpha: '0.1' }), TypeError, 'Expected a number for alpha but received string "0.1"');
    throws(() => lib.leakyRelu(f32(1), { alpha: NaN }), RangeError, 'Expected a finite number for alpha but received NaN');
    throws(() => lib.leakyRelu(f32(1), { negativeSlope: Infinity }), RangeError, 'Expected a finite number for negativeSlope but received Infinity');
    throws(() => lib.leakyRelu(f32(1), { alpha: 0.1, negativeSlope: 0.2 }), RangeError, 'Expected the same value as alpha (they are one parameter) for negativeSlope but received 0.2');
    throws(() => lib.leakyRelu(f32(1), { alpha: 1e39 }), RangeError, 'Expected a finite number for alpha but received 1e+39 (Infinity in float32)');
    throws(() => lib.softplus(f32(1), { beta: -1 }), RangeError, 'Expected a finite number > 0 for beta but received -1');
    throws(() => lib.softplus(f32(1), { beta: 0 }), RangeError, 'Expected a finite number > 0 for beta but received 0');
    throws(() => lib.softplus(f32(1), { threshold: NaN }), RangeError, 'Expected a number that is not NaN for threshold but received NaN');
    throws(() => lib.thresholdedRelu(f32(1), { theta: null }), TypeError, 'Expected a number for theta but received null');
    throws(() => lib.elu(f32(1), { alhpa: 1 }), TypeError, 'Expected one of out, alpha, threads for an option of elu but received string "alhpa"');
    throws(() => lib.sigmoid(f32(1), 5), TypeError, 'Expected an object for the options of sigmoid but received 5');
  });

  it('shapes that do not multiply to the length, and axes out of range', () => {
    throws(() => lib.softmax(f32(6), { shape: [4, 2] }), RangeError, 'Expected dimensions whose product is the length of x (6) for shape but received [4, 2] (product 8)');
    throws(() => lib.softmax(f32(6), { shape: [2, -3] }), RangeError, 'Expected a non-negative integer for shape[1] but received -3');
    throws(() => lib.softmax(f32(6), { shape: 6 }), TypeError, 'Expected an array of non-negative integers for shape but received 6');
    throws(() => lib.softmax(f32(6), { shape: [2, 3], axis: 2 }), RangeError, 'Expected an integer in [-2, 1] for axis but received 2');
    throws(() => lib.logSoftmax(f32(6), { shape: [2, 3], axis: 0.5 }), RangeError, 'Expected an integer in [-2, 1] for axis but received 0.5');
  });

  it('prelu alphas that do not broadcast', () => {
    throws(() => lib.prelu(f32(6), [0.1, 0.2], { shape: [2, 3] }), RangeError, 'Expected 1 element or shape[1] = 3 elements (one per channel on axis 1) for alpha but received 2 elements');
    throws(() => lib.prelu(f32(24), [0.1, 0.2], { shape: [2, 3, 4], sharedAxes: [1] }), RangeError, 'Expected 4 elements (shape [1, 4] after sharing axes [1]) for alpha but received 2 elements');
    throws(() => lib.prelu(f32(24), [0.1], { shape: [2, 3, 4], sharedAxes: [0] }), RangeError, 'Expected an integer in [1, 2] (axis 0 is the batch axis) for sharedAxes[0] but received 0');
    throws(() => lib.prelu(f32(2), [0.1, NaN]), RangeError, 'Expected a finite number for alpha[1] but received NaN');
    throws(() => lib.prelu(f32(2)), TypeError, 'Expected a number or an array of numbers for alpha but received undefined');
    throws(() => lib.backward.prelu(f32(2), [0.2], f32(2), { dalphaOut: f32(3) }), RangeError, 'Expected Float32Array of length 1 for dalphaOut but received Float32Array of length 3');
    throws(() => lib.prelu(f32(2), 0.2, { dalphaOut: f32(1) }), TypeError, 'Expected one of out, shape, axis, sharedAxes, threads for an option of prelu but received string "dalphaOut"');
  });

  it('detached buffers', () => {
    const x = new Float32Array(4);
    structuredClone(x.buffer, { transfer: [x.buffer] });
    throws(() => lib.relu(x), TypeError, 'Expected Float32Array, Float64Array or an array of numbers for x but received a Float32Array whose buffer is detached');
    const out = new Float32Array(4);
    structuredClone(out.buffer, { transfer: [out.buffer] });
    throws(() => lib.relu(f32(4), { out }), TypeError, 'Expected Float32Array of length 4 for out but received a Float32Array whose buffer is detached');
    throws(() => lib.relu(f32(0), { out }), TypeError, 'Expected Float32Array of length 0 for out but received a Float32Array whose buffer is detached');
  });

  it('zero-length input is valid everywhere', () => {
    for (const s of lib.SPEC) {
      if (s.kind === 'prelu') {
        assert.strictEqual(lib.prelu(f32(0), 0.1).length, 0);
        assert.strictEqual(lib.backward.prelu(f32(0), [0.1], f32(0)).dalpha[0], 0);
      } else {
        assert.strictEqual(lib[s.name]([]).length, 0);
        assert.strictEqual(lib.backward[s.name](f32(0), f32(0)).length, 0);
      }
    }
  });

  // With the small-array routing off, empty calls reach the addon and the wasm kernels themselves.
  it('zero-length input is valid on every backend, routed or not, sync and async', async () => {
    const { setSmallArrayRouting } = require('../dist/cjs/routing.js');
    for (const routed of [true, false]) {
      setSmallArrayRouting(routed);
      try {
        for (const name of BACKENDS) {
          const api = lib.backends[name];
          for (const T of [Float32Array, Float64Array]) {
            const e = new T(0), what = `${name} ${T.name} routing ${routed ? 'on' : 'off'}`;
            for (const s of lib.SPEC) {
              if (s.kind !== 'prelu') {
                for (const dir of ['forward', 'derivative']) {
                  const f = dir === 'forward' ? api[s.name] : api.derivative[s.name];
                  if (f) assert.strictEqual(f(e).length, 0, `${what} ${dir} ${s.name}`);
                }
                assert.strictEqual(api.backward[s.name](e, e).length, 0, `${what} backward ${s.name}`);
                assert.strictEqual((await api.async[s.name](e)).length, 0, `${what} async ${s.name}`);
                continue;
              }
              // An empty alpha (shape [0]), one alpha element, and alpha per channel of shape [0, 3].
              assert.strictEqual(api.prelu(e, new T(0)).length, 0, `${what} prelu, empty alpha`);
              assert.strictEqual(api.derivative.prelu(e, new T(0)).length, 0, `${what} prelu', empty alpha`);
              assert.deepStrictEqual(api.backward.prelu(e, new T(0), e).dalpha, new T(0), `${what} prelu backward, empty alpha`);
              assert.deepStrictEqual((await api.async.backward.prelu(e, new T(0), e)).dalpha, new T(0), `${what} async prelu backward`);
              assert.deepStrictEqual(api.backward.prelu(e, T.of(0.1), e).dalpha, T.of(0), `${what} prelu backward, one alpha`);
              assert.strictEqual(api.backward.prelu(e, 0.1, e).dalpha, 0, `${what} prelu backward, alpha a number`);
              const g = api.backward.prelu(e, T.of(0.1, 0.2, 0.3), e, { shape: [0, 3] });
              assert.deepStrictEqual(g.dalpha, new T(3), `${what} prelu backward, shape [0, 3]`);
              assert.strictEqual(api.prelu(e, T.of(0.1, 0.2, 0.3), { shape: [0, 3] }).length, 0, `${what} prelu, shape [0, 3]`);
            }
          }
        }
      } finally { setSmallArrayRouting(true); }
    }
  });
});
