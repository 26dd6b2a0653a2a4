'use strict';
// Every elementwise function of the spec × every backend × Float32/Float64: shapes of calls
// (lengths, out, in-place, number[]), special values, backward == dy·derivative, and agreement
// with the independent oracle and with finite differences.
const assert = require('assert');
const { lib, BACKENDS, ELEMENTWISE, LENGTHS, TYPES, OTHER_PARAMS, ORACLE, defaults, ulp32, ulpError, same,
  firstDifference, mixedInput } = require('./helpers');

for (const backendName of BACKENDS) {
  const api = lib.backends[backendName];
  describe(`elementwise functions on the ${backendName} backend`, () => {
    for (const spec of ELEMENTWISE) {
      const name = spec.name;
      describe(name, () => {
        it('is exported as forward, derivative and backward', () => {
          assert.strictEqual(typeof api[name], 'function');
          assert.strictEqual(typeof api.derivative[name], 'function');
          assert.strictEqual(typeof api.backward[name], 'function');
        });

        for (const T of TYPES) {
          it(`${T.name}: every length gives the elementwise result, new array or out, and in place`, () => {
            for (const n of LENGTHS) {
              const x = mixedInput(T, n, n + 7);
              const y = api[name](x);
              assert.ok(y instanceof T, `result type for n=${n}`);
              assert.strictEqual(y.length, n);
              assert.notStrictEqual(y, x);
              // Elementwise: each element equals the function of that element alone.
              for (let i = 0; i < n; i += Math.max(1, n >> 5)) {
                const one = api[name](T.of(x[i]));
                assert.ok(same(one[0], y[i]), `n=${n} i=${i} x=${x[i]}: ${one[0]} vs ${y[i]}`);
              }
              const out = new T(n);
              assert.strictEqual(api[name](x, { out }), out);
              assert.strictEqual(firstDifference(out, y), -1);
              const inPlace = x.slice();
              assert.strictEqual(api[name](inPlace, { out: inPlace }), inPlace);
              assert.strictEqual(firstDifference(inPlace, y), -1, `in place, n=${n}`);
            }
          });

          it(`${T.name}: backward is exactly dy × derivative (rounded to the data's precision)`, () => {
            for (const params of [defaults(spec), OTHER_PARAMS[name]].filter(Boolean)) {
              const x = mixedInput(T, 4097, 3);
              const dy = mixedInput(T, 4097, 4);
              const d = api.derivative[name](x, params);
              const dx = api.backward[name](x, dy, params);
              const want = new T(x.length);
              for (let i = 0; i < x.length; i++) want[i] = dy[i] * d[i];
              assert.strictEqual(firstDifference(dx, want), -1, `params ${JSON.stringify(params)}`);
              const inPlace = dy.slice();
              api.backward[name](x, inPlace, { ...params, out: inPlace });
              assert.strictEqual(firstDifference(inPlace, want), -1, 'backward in place into dy');
            }
          });
        }

        it('special values follow the spec (NaN stays NaN, infinities, signed zeros, kinks)', () => {
          const p = name === 'prelu' ? undefined : {};
          for (const T of TYPES) {
            for (const s of spec.special) {
              const y = api[name](T.of(s.x), p)[0];
              const dy = api.derivative[name](T.of(s.x), p)[0];
              const wantY = T === Float32Array ? Math.fround(s.y) : s.y;
              const wantD = T === Float32Array ? Math.fround(s.dy) : s.dy;
              assert.ok(same(y, wantY), `${T.name} ${name}(${s.x}) = ${y}, spec says ${wantY}`);
              assert.ok(same(dy, wantD), `${T.name} ${name}'(${s.x}) = ${dy}, spec says ${wantD}`);
            }
            const nan = api.backward[name](T.of(NaN), T.of(1), p)[0];
            assert.ok(nan !== nan, 'backward of NaN is NaN');
          }
        });

        it('number[] input gives a Float64Array equal to the Float64Array call', () => {
          const x = Array.from(mixedInput(Float64Array, 33, 9));
          const y = api[name](x);
          assert.ok(y instanceof Float64Array);
          assert.strictEqual(firstDifference(y, api[name](Float64Array.from(x))), -1);
          const dx = api.backward[name](x, x.map(() => 0.5));
          assert.ok(dx instanceof Float64Array);
        });

        it('Float32Array results are within 1.5 ulp of the float64 oracle (every 2^14-th bit pattern)', () => {
          const { float32Sweep } = require('./helpers');
          for (const params of [defaults(spec), OTHER_PARAMS[name]].filter(Boolean)) {
            const p32 = {};
            for (const k of Object.keys(params)) p32[k] = Math.fround(params[k]);
            const x = float32Sweep(14, 12345);
            for (const dir of ['f', 'df']) {
              const y = dir === 'f' ? api[name](x, params) : api.derivative[name](x, params);
              let worst = 0, at = 0;
              for (let i = 0; i < x.length; i++) {
                const want = ORACLE[name][dir](x[i], p32);
                const want32 = Math.fround(want);
                // Piecewise-linear results must be the float32 rounding of the exact value (overflow
                // to ±Infinity is the correct rounding). Smooth ones run in float32 arithmetic
                // (src/reference/math32.ts): the contract's bound is 2 ulp, and the exhaustive 2^32
                // sweep (scripts/f32-sweep.c, README) measures at most 1.32 ulp for these
                // parameters, so 1.5 is asserted.
                const e = !spec.smooth || !Number.isFinite(want32)
                  ? (same(y[i], want32) ? 0 : Infinity) : ulpError(y[i], want, 0, ulp32);
                if (e > worst) { worst = e; at = x[i]; }
              }
              const bound = spec.smooth ? 1.5 : 0;
              assert.ok(worst <= bound, `${dir === 'f' ? name : name + "'"} ${JSON.stringify(params)}: ${worst} ulp at x = ${at}`);
            }
          }
        });

        if (spec.smooth) {
          it('the derivative agrees with central finite differences of the forward (float64)', () => {
            const xs = [-30, -7.5, -3, -1.25, -0.5, -0.1, -1e-3, 1e-3, 0.1, 0.5, 1.25, 3, 7.5, 15];
            for (const x0 of xs) {
              const h = 1e-6 * Math.max(1, Math.abs(x0));
              const [yp, ym] = api[name](Float64Array.of(x0 + h, x0 - h));
              const fd = (yp - ym) / (2 * h);
              const d = api.derivative[name](Float64Array.of(x0))[0];
              assert.ok(Math.abs(fd - d) <= 1e-7 * Math.max(1, Math.abs(d)), `${name}'(${x0}) = ${d}, finite difference ${fd}`);
            }
          });
        }
      });
    }
  });
}
