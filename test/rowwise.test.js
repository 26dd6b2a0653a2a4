'use strict';
// softmax and logSoftmax: axes of a shape, masked rows, NaN rows, backward as a vector-Jacobian
// product, and the canonical summation order itself.
const assert = require('assert');
const { lib, BACKENDS, TYPES, ulp32, ulpError, same, firstDifference, rng, LENGTHS } = require('./helpers');
const { CanonicalSum, sumCanonical } = require('../dist/cjs/reference/sum.js');

/** Naive float64 oracle along the last axis of contiguous rows. */
function oracleSoftmax(row, log) {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return log ? row.map((v) => v - m - Math.log(s)) : e.map((v) => v / s);
}

/** Moves `axis` of a row-major array of `shape` to the end (independent of the library's layout). */
function moveAxisLast(a, shape, axis) {
  const rank = shape.length;
  const order = [...Array(rank).keys()].filter((d) => d !== axis).concat(axis);
  const newShape = order.map((d) => shape[d]);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((p, v) => p * v, 1));
  const out = new a.constructor(a.length);
  const idx = new Array(rank).fill(0);
  for (let i = 0; i < a.length; i++) {
    let src = 0;
    for (let k = 0; k < rank; k++) src += idx[k] * strides[order[k]];
    out[i] = a[src];
    for (let k = rank - 1; k >= 0; k--) { if (++idx[k] < newShape[k]) break; idx[k] = 0; }
  }
  return out;
}

function randomArray(T, n, seed, scale = 8) {
  const r = rng(seed);
  return T.from({ length: n }, () => (r() - 0.5) * scale);
}

for (const backendName of BACKENDS) {
  const api = lib.backends[backendName];
  for (const name of ['softmax', 'logSoftmax']) {
    const log = name === 'logSoftmax';
    describe(`${name} on the ${backendName} backend`, () => {
      for (const T of TYPES) {
        it(`${T.name}: rows of every length match the float64 oracle`, () => {
          for (const n of LENGTHS.filter((k) => k > 0)) {
            const x = randomArray(T, n, n);
            const y = api[name](x);
            const want = oracleSoftmax(Array.from(x), log);
            for (let i = 0; i < n; i++) {
              if (T === Float32Array) {
                assert.ok(ulpError(y[i], want[i], 0, ulp32) <= 1, `n=${n} i=${i}: ${y[i]} vs ${want[i]}`);
              } else {
                assert.ok(Math.abs(y[i] - want[i]) <= 1e-13 * Math.max(1, Math.abs(want[i])), `n=${n} i=${i}: ${y[i]} vs ${want[i]}`);
              }
            }
            if (!log) assert.ok(Math.abs(y.reduce((a, b) => a + b, 0) - 1) < 1e-5);
          }
        });

        it(`${T.name}: every axis of a [3, 5, 7] shape equals moving that axis last`, () => {
          const shape = [3, 5, 7];
          const x = randomArray(T, 105, 42);
          for (let axis = -3; axis < 3; axis++) {
            const a = axis < 0 ? axis + 3 : axis;
            const y = api[name](x, { shape, axis });
            const moved = moveAxisLast(x, shape, a);
            const lastShape = shape.filter((_, d) => d !== a).concat(shape[a]);
            const yMoved = api[name](moved, { shape: lastShape });
            assert.strictEqual(firstDifference(moveAxisLast(y, shape, a), yMoved), -1, `axis ${axis}`);
          }
          assert.strictEqual(firstDifference(api[name](x, { shape }), api[name](x, { shape, axis: 2 })), -1, 'default axis is the last');
          const inPlace = x.slice();
          api[name](inPlace, { shape, axis: 1, out: inPlace });
          assert.strictEqual(firstDifference(inPlace, api[name](x, { shape, axis: 1 })), -1, 'in place');
        });
      }

      it('masked entries give 0 (softmax) or -Inf (logSoftmax); an all -Inf row stays finite or -Inf, never NaN', () => {
        const x = Float64Array.of(1, -Infinity, 2, -Infinity, -Infinity, -Infinity);
        const y = api[name](x, { shape: [2, 3] });
        const zero = log ? -Infinity : 0;
        assert.ok(same(y[1], zero) && same(y[3], zero) && same(y[4], zero) && same(y[5], zero), String(y));
        const dx = api.backward[name](x, Float64Array.of(1, 2, 3, 4, 5, 6), { shape: [2, 3] });
        assert.deepStrictEqual(Array.from(dx.slice(3)), log ? [4, 5, 6] : [0, 0, 0]);
      });

      it('a NaN or +Inf anywhere in a row makes that row NaN and leaves other rows alone', () => {
        for (const bad of [NaN, Infinity]) {
          const y = api[name](Float32Array.of(1, bad, 3, 1, 2, 3), { shape: [2, 3] });
          assert.ok([0, 1, 2].every((i) => y[i] !== y[i]), String(y));
          assert.ok([3, 4, 5].every((i) => y[i] === y[i]), String(y));
        }
      });

      it('an empty input and zero-length rows are valid', () => {
        assert.strictEqual(api[name](new Float32Array(0)).length, 0);
        assert.strictEqual(api[name](new Float64Array(0), { shape: [4, 0] }).length, 0);
      });

      it('backward is the vector-Jacobian product (finite differences of Σ dy·f(x))', () => {
        const shape = [4, 6];
        const x = randomArray(Float64Array, 24, 5, 4);
        const dy = randomArray(Float64Array, 24, 6, 2);
        for (const axis of [0, 1]) {
          const dx = api.backward[name](x, dy, { shape, axis });
          const loss = (v) => api[name](v, { shape, axis }).reduce((acc, y, i) => acc + dy[i] * y, 0);
          for (let i = 0; i < 24; i++) {
            const h = 1e-6;
            const xp = x.slice(); xp[i] += h;
            const xm = x.slice(); xm[i] -= h;
            const fd = (loss(xp) - loss(xm)) / (2 * h);
            assert.ok(Math.abs(fd - dx[i]) < 1e-7, `axis ${axis} i ${i}: ${dx[i]} vs ${fd}`);
          }
        }
      });
    });
  }
}

describe('the canonical summation order', () => {
  /** The documented order written out independently: lanes j mod 16, halves folded, blocks of 4096. */
  function documented(terms) {
    let total = 0;
    const blocks = Math.max(1, Math.ceil(terms.length / 4096));
    for (let b = 0; b < blocks; b++) {
      const l = new Array(16).fill(0);
      const end = Math.min(terms.length, (b + 1) * 4096);
      for (let j = b * 4096; j < end; j++) l[(j - b * 4096) % 16] += terms[j];
      for (let i = 0; i < 8; i++) l[i] += l[i + 8];
      for (let i = 0; i < 4; i++) l[i] += l[i + 4];
      for (let i = 0; i < 2; i++) l[i] += l[i + 2];
      const s = l[0] + l[1];
      total = b === 0 ? s : total + s;
    }
    return total;
  }

  it('CanonicalSum adds in exactly the documented order (bitwise), for several block counts', () => {
    const r = rng(11);
    for (const n of [0, 1, 15, 16, 17, 4095, 4096, 4097, 10000, 12288]) {
      const terms = Array.from({ length: n }, () => (r() - 0.5) * 10 ** (r() * 12));
      const s = new CanonicalSum();
      for (const t of terms) s.add(t);
      assert.ok(same(s.result(), documented(terms)), `n = ${n}`);
      assert.ok(same(sumCanonical(Float64Array.from(terms), n), documented(terms)), `sumCanonical, n = ${n}`);
    }
  });

  /**
   * logSoftmax's lse of a row (reference rowLse): c terms x_j = m, T = Σ of the others (0 in their
   * place), e(v) the term of an element v.
   */
  function lseOf(x, m, e) {
    const { log, log1p } = require('../dist/cjs/reference/math.js');
    const c = Array.from(x).filter((v) => v - m === 0).length;
    const T = documented(Array.from(x, (v) => (v - m === 0 ? 0 : e(v))));
    return c === 1 ? log1p(T) : log(c + T);
  }

  it('the order is what a long softmax row uses (logSoftmax of a 10000-row exposes the sum)', () => {
    const x = randomArray(Float64Array, 10000, 77, 30);
    const m = Math.max(...x);
    const { exp } = require('../dist/cjs/reference/math.js');
    const lse = lseOf(x, m, (v) => exp(v - m));
    const y = lib.backends.js.logSoftmax(x);
    for (const i of [0, 1, 4095, 4096, 9999]) assert.ok(same(y[i], (x[i] - m) - lse), `i = ${i}`);
  });

  it('Float32 rows use expDiff32 and e_j · (1/S); Float64 rows exp and e_j / S (every backend)', () => {
    const { exp } = require('../dist/cjs/reference/math.js');
    const { expDiff32 } = require('../dist/cjs/reference/math32.js');
    for (const T of TYPES) {
      const f32 = T === Float32Array;
      const x = randomArray(T, 5000, 78, 30);
      const dy = randomArray(T, 5000, 79, 2);
      const m = x.reduce((a, b) => (b > a ? b : a), -Infinity);
      const e = Array.from(x, (v) => (f32 ? expDiff32(v, m) : exp(v - m)));
      const S = documented(e);
      const s = e.map((v) => (f32 ? v * (1 / S) : v / S));
      const g = documented(s.map((v, j) => dy[j] * v));
      const G = documented(Array.from(dy));
      const lse = lseOf(x, m, (v) => (f32 ? expDiff32(v, m) : exp(v - m)));
      const want = {
        softmax: T.from(s), logSoftmax: T.from(x, (v) => (v - m) - lse),
        dsoftmax: T.from(s, (v, j) => v * (dy[j] - g)), dlogSoftmax: T.from(dy, (d, j) => d - (e[j] / S) * G),
      };
      for (const b of BACKENDS) {
        const api = lib.backends[b];
        for (const name of ['softmax', 'logSoftmax']) {
          assert.strictEqual(firstDifference(api[name](x), want[name]), -1, `${b} ${T.name} ${name}`);
          assert.strictEqual(firstDifference(api.backward[name](x, dy), want[`d${name}`]), -1, `${b} ${T.name} backward ${name}`);
        }
      }
    }
  });
});
