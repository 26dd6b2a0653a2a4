'use strict';
// prelu: scalar, per-channel (PyTorch) and shared-axes (Keras) alpha, derivative and backward
// with dalpha reduced over the broadcast axes.
const assert = require('assert');
const { lib, BACKENDS, TYPES, same, firstDifference, mixedInput, rng } = require('./helpers');

for (const backendName of BACKENDS) {
  const api = lib.backends[backendName];
  describe(`prelu on the ${backendName} backend`, () => {
    for (const T of TYPES) {
      it(`${T.name}: a scalar alpha equals leakyRelu with that alpha`, () => {
        const x = mixedInput(T, 4097, 2);
        assert.strictEqual(firstDifference(api.prelu(x, 0.25), api.leakyRelu(x, { alpha: 0.25 })), -1);
        assert.strictEqual(firstDifference(api.prelu(x, [0.25]), api.leakyRelu(x, { alpha: 0.25 })), -1);
        assert.strictEqual(firstDifference(api.derivative.prelu(x, 0.25), api.derivative.leakyRelu(x, { alpha: 0.25 })), -1);
      });

      it(`${T.name}: a single alpha on prelu's own kernel (async, verify mode) gives leakyRelu's bits too`, async () => {
        // The synchronous facade runs leakyRelu's kernel for a single alpha; async calls and verify
        // mode (top-level functions only) still take prelu's kernel, and verify mode compares it
        // with the js reference and throws on any difference.
        const x = mixedInput(T, 4097, 3);
        const want = api.leakyRelu(x, { alpha: 0.25 }), dwant = api.derivative.leakyRelu(x, { alpha: 0.25 });
        assert.strictEqual(firstDifference(await api.async.prelu(x, 0.25), want), -1);
        assert.strictEqual(firstDifference(await api.async.derivative.prelu(x, T.of(0.25)), dwant), -1);
        const previous = lib.getBackend();
        lib.setBackend(backendName);
        lib.setVerify(true);
        try {
          assert.strictEqual(firstDifference(lib.prelu(x, 0.25), want), -1);
          assert.strictEqual(firstDifference(lib.derivative.prelu(x, [0.25]), dwant), -1);
        } finally {
          lib.setVerify(false);
          lib.setBackend(previous);
        }
      });

      it(`${T.name}: per-channel alpha on axis 1 (default) and on a chosen axis`, () => {
        const shape = [2, 3, 4];
        const x = T.from({ length: 24 }, (_, i) => (i % 2 ? -1 : 1) * (i + 1));
        const alpha = [0.1, 0.2, 0.3];
        const y = api.prelu(x, alpha, { shape });
        for (let i = 0; i < 24; i++) {
          const c = Math.floor(i / 4) % 3;
          const want = x[i] < 0 ? (T === Float32Array ? Math.fround(Math.fround(alpha[c]) * x[i]) : alpha[c] * x[i]) : x[i];
          assert.ok(same(y[i], want), `i=${i}`);
        }
        const a4 = [0.5, 0.25, 0.125, 2];
        const y2 = api.prelu(x, a4, { shape, axis: -1 });
        for (let i = 0; i < 24; i++) assert.ok(same(y2[i], x[i] < 0 ? a4[i % 4] * x[i] : x[i]), `axis -1, i=${i}`);
      });

      it(`${T.name}: Keras sharedAxes equals the per-channel form they describe`, () => {
        const shape = [2, 3, 4, 5];
        const x = mixedInput(T, 120, 8);
        const alpha = T.from({ length: 5 }, (_, i) => 0.05 * (i + 1));
        const keras = api.prelu(x, alpha, { shape, sharedAxes: [1, 2] });
        assert.strictEqual(firstDifference(keras, api.prelu(x, alpha, { shape, axis: 3 })), -1);
        const full = T.from({ length: 60 }, (_, i) => i / 60);
        const y = api.prelu(x, full, { shape, sharedAxes: [] });
        for (let i = 0; i < 120; i++) assert.ok(same(y[i], x[i] < 0 ? (T === Float32Array ? Math.fround(full[i % 60] * x[i]) : full[i % 60] * x[i]) : x[i]));
      });

      it(`${T.name}: backward gives dx = dy·prelu'(x) and dalpha summed over each channel`, () => {
        const shape = [4, 3, 5];
        const r = rng(3);
        const x = T.from({ length: 60 }, () => Math.round((r() - 0.5) * 16));
        const dy = T.from({ length: 60 }, () => Math.round((r() - 0.5) * 8));
        const alpha = T.of(0.5, 0.25, 2);
        const { dx, dalpha } = api.backward.prelu(x, alpha, dy, { shape });
        const d = api.derivative.prelu(x, alpha, { shape });
        const want = new T(3);
        for (let i = 0; i < 60; i++) {
          const c = Math.floor(i / 5) % 3;
          assert.ok(same(dx[i], dy[i] * d[i]), `dx[${i}]`);
          if (x[i] <= 0) want[c] += dy[i] * x[i];
        }
        assert.ok(dalpha instanceof T);
        assert.deepStrictEqual(Array.from(dalpha), Array.from(want));
        const scalar = api.backward.prelu(x, 0.5, dy, { shape });
        assert.strictEqual(typeof scalar.dalpha, 'number');
        assert.strictEqual(scalar.dalpha, Array.from(x).reduce((s, v, i) => s + (v <= 0 ? v * dy[i] : 0), 0));
        const dalphaOut = new T(3);
        assert.strictEqual(api.backward.prelu(x, alpha, dy, { shape, dalphaOut }).dalpha, dalphaOut);
      });

      it(`${T.name}: backward with a number alpha, sync calls between async ones, each with its own alpha`, async () => {
        // Synchronous calls reuse one-element arrays for a number alpha and its dalpha; async calls
        // must not share them, even while a synchronous call runs with another alpha.
        const n = 1 << 18;
        const x = mixedInput(T, n, 5), dy = mixedInput(T, n, 6);
        const want = (a) => lib.backends.js.backward.prelu(x, a, dy);
        const pending = [0.25, 0.75].map((a) => api.async.backward.prelu(x, a, dy));
        const sync = [0.5, -2, 0.125].map((a) => api.backward.prelu(x, a, dy));
        const done = await Promise.all(pending);
        [0.5, -2, 0.125].forEach((a, i) => {
          const w = want(a);
          assert.ok(same(sync[i].dalpha, w.dalpha), `sync alpha ${a}: dalpha ${sync[i].dalpha} vs ${w.dalpha}`);
          assert.strictEqual(firstDifference(sync[i].dx, w.dx), -1, `sync alpha ${a}: dx`);
        });
        [0.25, 0.75].forEach((a, i) => {
          const w = want(a);
          assert.ok(same(done[i].dalpha, w.dalpha), `async alpha ${a}: dalpha`);
          assert.strictEqual(firstDifference(done[i].dx, w.dx), -1, `async alpha ${a}: dx`);
        });
      });
    }

    it('dalpha of a NaN input is NaN; gradients match finite differences in alpha', () => {
      const { dalpha } = api.backward.prelu([NaN, -1], [0.3], [1, 1]);
      assert.ok(dalpha[0] !== dalpha[0]);
      const x = Float64Array.of(-1.5, 2, -0.25, -3, 4, -2);
      const dy = Float64Array.of(0.3, -1, 2, 0.5, 1, -0.7);
      const alpha = Float64Array.of(0.2, 0.4);
      const g = api.backward.prelu(x, alpha, dy, { shape: [3, 2] }).dalpha;
      for (let c = 0; c < 2; c++) {
        const h = 1e-6;
        const ap = alpha.slice(); ap[c] += h;
        const am = alpha.slice(); am[c] -= h;
        const L = (a) => api.prelu(x, a, { shape: [3, 2] }).reduce((s, v, i) => s + v * dy[i], 0);
        assert.ok(Math.abs((L(ap) - L(am)) / (2 * h) - g[c]) < 1e-8);
      }
    });
  });
}
