'use strict';
// The per-call `threads` option: validated like every option, accepted (and without effect) on
// every backend, and on native the same bits as the js reference whatever its value. The addon's
// split threshold is set to 0 here, so each call really is split into `threads` pieces.
const assert = require('assert');
const { lib, mixedInput, finiteInput, firstDifference } = require('./helpers');
const registry = require('../dist/cjs/registry.js');
const nativeModule = require('../dist/cjs/backends/native.js');

function assertSame(got, want, what) {
  const i = firstDifference(got, want);
  if (i !== -1) assert.fail(`${what}: index ${i}: got ${got[i]}, js ${want[i]}`);
}

const finite = (a, fill) => a.map((v) => (Number.isFinite(v) ? v : fill));

describe('threads option: validation', () => {
  const x = new Float32Array([1, -2, 3, -4]);
  const calls = {
    relu: (o) => lib.relu(x, o),
    'derivative.sigmoid': (o) => lib.derivative.sigmoid(x, o),
    'backward.elu': (o) => lib.backward.elu(x, x, o),
    softmax: (o) => lib.softmax(x, { shape: [2, 2], ...o }),
    'backward.logSoftmax': (o) => lib.backward.logSoftmax(x, x, o),
    prelu: (o) => lib.prelu(x, 0.1, o),
    'backward.prelu': (o) => lib.backward.prelu(x, [0.1, 0.2], x, { shape: [2, 2], ...o }),
  };
  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: a non-number is a TypeError, anything but an integer 1..64 a RangeError`, () => {
      assert.throws(() => call({ threads: '2' }), { name: 'TypeError', message: 'Expected an integer from 1 to 64 for threads but received string "2"' });
      assert.throws(() => call({ threads: null }), { name: 'TypeError', message: 'Expected an integer from 1 to 64 for threads but received null' });
      for (const [v, shown] of [[0, '0'], [65, '65'], [1.5, '1.5'], [NaN, 'NaN'], [-1, '-1'], [Infinity, 'Infinity']]) {
        assert.throws(() => call({ threads: v }), { name: 'RangeError', message: `Expected an integer from 1 to 64 for threads but received ${shown}` });
      }
      call({ threads: 1 });
      call({ threads: 64 });
      call({ threads: undefined });
    });
  }
  it('async variants reject with the same errors', async () => {
    await assert.rejects(lib.async.relu(x, { threads: 0 }), { name: 'RangeError', message: 'Expected an integer from 1 to 64 for threads but received 0' });
    await assert.rejects(lib.async.backward.prelu(x, 0.5, x, { threads: 'x' }), { name: 'TypeError' });
    await assert.rejects(lib.async.softmax(x, { threads: 2.5 }), { name: 'RangeError' });
  });
});

describe('threads option: accepted by every backend, results unchanged', () => {
  const x = mixedInput(Float64Array, 3000, 7);
  for (const name of lib.availableBackends()) {
    it(`${name}: forward, derivative, backward, rows and prelu with threads 1 and 3`, async () => {
      const b = lib.backends[name];
      const js = lib.backends.js;
      const rows = finite(x, 0);
      for (const threads of [1, 3]) {
        assertSame(b.tanh(x, { threads }), js.tanh(x), `${name} tanh`);
        assertSame(b.derivative.softplus(x, { threads, beta: 2 }), js.derivative.softplus(x, { beta: 2 }), `${name} derivative.softplus`);
        assertSame(b.backward.relu(x, x, { threads }), js.backward.relu(x, x), `${name} backward.relu`);
        assertSame(b.softmax(rows, { threads, shape: [30, 100] }), js.softmax(rows, { shape: [30, 100] }), `${name} softmax`);
        assertSame(b.prelu(x, [0.1, 0.2, 0.3], { threads, shape: [1000, 3] }), js.prelu(x, [0.1, 0.2, 0.3], { shape: [1000, 3] }), `${name} prelu`);
        assertSame(await b.async.sigmoid(x, { threads }), js.sigmoid(x), `${name} async.sigmoid`);
      }
    });
  }
});

const hasNative = lib.availableBackends().includes('native');
(hasNative ? describe : describe.skip)('threads option: native results at 1, 2 and 3 threads are the js bits', function () {
  const native = hasNative ? lib.backends.native : undefined;
  const js = lib.backends.js;
  const addon = hasNative ? registry.backendNamed('native').addon : undefined;
  const global = hasNative ? lib.getThreads() : 1;

  before(() => {
    // The global setting is 1 thread and every call is split: only the option decides.
    addon.setThreads(1, 0);
    nativeModule.setSmallArrayRouting(false);
  });
  after(() => {
    lib.setThreads(global);
    addon.setThreads(global, nativeModule.parallelMinArray());
    nativeModule.setSmallArrayRouting(true);
  });

  for (const T of [Float32Array, Float64Array]) {
    const n = 70001;
    const x = mixedInput(T, n, 11);
    const dy = mixedInput(T, n, 12);

    it(`${T.name}: elementwise forward, derivative and backward (linear and smooth)`, () => {
      for (const name of ['relu', 'leakyRelu', 'sigmoid', 'tanh', 'elu', 'softplus', 'selu', 'thresholdedRelu']) {
        const want = { f: js[name](x), d: js.derivative[name](x), b: js.backward[name](x, dy) };
        for (const threads of [1, 2, 3]) {
          assertSame(native[name](x, { threads }), want.f, `${name}, ${threads} threads`);
          assertSame(native.derivative[name](x, { threads }), want.d, `derivative.${name}, ${threads} threads`);
          assertSame(native.backward[name](x, dy, { threads }), want.b, `backward.${name}, ${threads} threads`);
        }
      }
    });

    it(`${T.name}: logSoftmax of long rows whose maxima have tiny other terms (one maximum, or ties across pieces)`, () => {
      const n = 70000;
      const base = T.from({ length: 2 * n }, (_, j) => -40 - (j % 97) / 8);
      const one = base.slice(); one[12345] = 0;
      const ties = base.slice(); ties[3] = 2; ties[69000] = 2; ties[n + 5] = 1; ties[n + 50000] = 1;
      for (const x of [one, ties]) {
        for (const L of [{ shape: [1, 2 * n] }, { shape: [2, n] }, { shape: [n, 2], axis: 0 }]) {
          const want = js.logSoftmax(x, L);
          for (const threads of [1, 2, 3]) assertSame(native.logSoftmax(x, { ...L, threads }), want, `${JSON.stringify(L)}, ${threads} threads`);
        }
      }
    });

    it(`${T.name}: softmax and logSoftmax, many rows, columns and a few long rows`, () => {
      const r = finite(x, 0).subarray(0, 70000);
      const g = finite(dy, 1).subarray(0, 70000);
      const layouts = [{ shape: [70, 1000] }, { shape: [70, 1000], axis: 0 }, { shape: [1, 70000] }, { shape: [2, 35000] },
        { shape: [7, 10000, 1], axis: 1 }];
      for (const name of ['softmax', 'logSoftmax']) {
        for (const L of layouts) {
          const want = { f: js[name](r, L), b: js.backward[name](r, g, L) };
          for (const threads of [1, 2, 3]) {
            assertSame(native[name](r, { ...L, threads }), want.f, `${name} ${JSON.stringify(L)}, ${threads} threads`);
            assertSame(native.backward[name](r, g, { ...L, threads }), want.b, `backward.${name} ${JSON.stringify(L)}, ${threads} threads`);
          }
        }
      }
    });

    it(`${T.name}: prelu forward, derivative and backward (dx and dalpha) for several alpha layouts`, () => {
      const len = 3 * 7 * 3333;
      // mixedInput's special values, and finite data on which every dalpha sum depends on its order.
      const data = [[x.subarray(0, len), dy.subarray(0, len), ''], [finiteInput(T, len, 13), finiteInput(T, len, 14), ' (finite data)']];
      const cases = [[0.2, { shape: [3, 7, 3333] }], [T.from({ length: 7 }, (_, i) => i / 8), { shape: [3, 7, 3333] }],
        [T.from({ length: 3333 }, (_, i) => (i % 13) / 13), { shape: [3, 7, 3333], axis: 2 }],
        [T.from({ length: 7 * 3333 }, (_, i) => (i % 11) / 11), { shape: [3, 7, 3333], sharedAxes: [] }]];
      for (const [px, pdy, which] of data) for (const [alpha, o] of cases) {
        const want = { f: js.prelu(px, alpha, o), d: js.derivative.prelu(px, alpha, o), b: js.backward.prelu(px, alpha, pdy, o) };
        for (const threads of [1, 2, 3]) {
          const what = `${JSON.stringify(o)}, ${threads} threads${which}`;
          assertSame(native.prelu(px, alpha, { ...o, threads }), want.f, `prelu ${what}`);
          assertSame(native.derivative.prelu(px, alpha, { ...o, threads }), want.d, `derivative.prelu ${what}`);
          const got = native.backward.prelu(px, alpha, pdy, { ...o, threads });
          assertSame(got.dx, want.b.dx, `backward.prelu dx ${what}`);
          if (typeof alpha === 'number') assert.ok(Object.is(got.dalpha, want.b.dalpha), `backward.prelu dalpha ${what}`);
          else assertSame(got.dalpha, want.b.dalpha, `backward.prelu dalpha ${what}`);
        }
      }
    });

    it(`${T.name}: concurrent async calls with different threads values`, async () => {
      const r = finite(x, 0).subarray(0, 70000);
      const alpha = T.from({ length: 7 }, (_, i) => i / 8);
      const pending = [];
      for (const threads of [1, 2, 3, 2, 1, 3]) {
        pending.push(lib.async.sigmoid(x, { threads }).then((got) => assertSame(got, js.sigmoid(x), `async.sigmoid, ${threads} threads`)));
        pending.push(lib.async.backward.softmax(r, r, { shape: [7, 10000], threads })
          .then((got) => assertSame(got, js.backward.softmax(r, r, { shape: [7, 10000] }), `async.backward.softmax, ${threads} threads`)));
        pending.push(lib.async.backward.prelu(x.subarray(0, 70000), alpha, dy.subarray(0, 70000), { shape: [10, 7, 1000], threads })
          .then((got) => {
            const want = js.backward.prelu(x.subarray(0, 70000), alpha, dy.subarray(0, 70000), { shape: [10, 7, 1000] });
            assertSame(got.dx, want.dx, `async.backward.prelu dx, ${threads} threads`);
            assertSame(got.dalpha, want.dalpha, `async.backward.prelu dalpha, ${threads} threads`);
          }));
      }
      await Promise.all(pending);
    });
  }
});
