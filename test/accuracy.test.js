'use strict';
// Float64 accuracy against the arbitrary-precision oracle fixtures (test/fixtures/generate.js):
// every smooth function and derivative within 2 ulp on every backend (the contract's bound).
// Then Float32 softmax and logSoftmax against an independent oracle, and the shorter exp they use.
const assert = require('assert');
const { lib, BACKENDS, TYPES, ulp32, ulp64, ulpError, firstDifference } = require('./helpers');
const fixtures = require('./fixtures/f64-oracle.json');

const BOUND = 2;

for (const backendName of BACKENDS) {
  const api = lib.backends[backendName];
  describe(`float64 accuracy against the decimal.js oracle on the ${backendName} backend`, () => {
    for (const name of Object.keys(fixtures)) {
      for (const dir of ['f', 'df']) {
        const label = dir === 'f' ? name : `${name}'`;
        it(`${label} is within ${BOUND} ulp`, () => {
          const rows = fixtures[name][dir];
          const x = Float64Array.from(rows, (r) => r[0]);
          const y = dir === 'f' ? api[name](x) : api.derivative[name](x);
          let worst = 0, at = 0;
          rows.forEach(([xi, hi, lo], i) => {
            const e = ulpError(y[i], hi, lo, ulp64);
            if (e > worst) { worst = e; at = xi; }
          });
          assert.ok(worst <= BOUND, `${label}: ${worst.toFixed(3)} ulp at x = ${at}`);
          assert.ok(rows.length >= 150, 'the fixture covers the function');
        });
      }
    }
  });
}

/*
 * Float32 softmax and logSoftmax against an independent oracle: Math.exp / Math.log1p (a different
 * algorithm from the library's) on x_j - m kept exactly as a double-double, the exponentials summed
 * in double-double, so the oracle is good to about 2^-50 relative (checked against decimal.js below):
 * far below a float32 ulp (2^-23). The rows cover long rows, tiny and huge spreads, -Inf entries,
 * all -Inf rows, NaN and +Inf, ties, subnormals and values near float32's range.
 */
const { rng, same } = require('./helpers');

/** a + b as [sum, exact error] (Knuth's two-sum). */
function twoSum(a, b) {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

/** The exact softmax (log: logSoftmax) of a row, each value as a double within ~2^-50 relative. */
function oracleRow(row, log) {
  const n = row.length;
  if (row.some((v) => v !== v || v === Infinity)) return new Array(n).fill(NaN);
  const m = row.reduce((a, b) => (b > a ? b : a), -Infinity);
  if (m === -Infinity) return new Array(n).fill(log ? -Infinity : 0);
  // x_j - m exactly (two float32 values); -Inf entries (masked) as [-Inf, 0].
  const d = row.map((v) => (v === -Infinity ? [v, 0] : twoSum(v, -m)));
  const e = d.map(([h, l]) => Math.exp(h) * (1 + l));
  let sh = 0, sl = 0;
  for (const t of e) { const [s, err] = twoSum(sh, t); sh = s; sl += err; }
  [sh, sl] = twoSum(sh, sl);
  if (!log) return e.map((t) => (t / sh) * (1 - sl / sh));
  // log S with S = sh + sl >= 1: log1p of S - 1 (exact for sh < 2) keeps S close to 1 accurate.
  const lnS = sh < 2 ? Math.log1p((sh - 1) + sl) : Math.log(sh) + sl / sh;
  return d.map(([h, l]) => (h === -Infinity ? -Infinity : (h - lnS) + l));
}

/** Rows (Float32 values) of the sample, each an array. */
function float32Rows() {
  const r = rng(2024);
  const rows = [];
  const random = (n, scale, offset = 0) => Array.from({ length: n }, () => Math.fround(offset + (r() - 0.5) * scale));
  for (const n of [1, 2, 3, 16, 17, 100, 1000, 4097]) {
    for (const scale of [1e-6, 1e-3, 1, 8, 30, 200, 2000]) rows.push(random(n, scale));
  }
  rows.push(random(70000, 20), random(131075, 8), random(100000, 60)); // long rows (blocks, scratch segments)
  rows.push(random(1000, 1, 1e4), random(1000, 1e-2, -3e4)); // large offsets, small differences
  rows.push(random(64, 6e38), [3.4028234663852886e38, -3.4028234663852886e38, 0, 1]); // float32's range
  rows.push(Array.from({ length: 50 }, (_, j) => Math.fround(2 ** -149 * j))); // subnormals
  rows.push([0, -20], [0, -30], [0, -50], [0, -87], [0, -103], [0, -104], [0, -200], [5, 5, 5, 5], [1, 1, 0, -1e-7]);
  rows.push([0, -16, -17, -30], [2, 2, -40, -45], [7, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18, -19, -20]);
  rows.push(random(33, 10).map((v, j) => (j % 3 ? v : -Infinity))); // masked entries
  rows.push([-Infinity, -Infinity, -Infinity], [-Infinity]); // all masked
  rows.push([1, NaN, 2], [1, Infinity, 2], [-Infinity, NaN], [Infinity, -Infinity]);
  for (let k = 0; k < 200; k++) rows.push(random(1 + Math.floor(r() * 40), 10 ** (r() * 8 - 4)));
  return rows;
}

describe('float32 softmax and logSoftmax accuracy against an independent oracle', () => {
  let rows, oracle;
  before(() => {
    rows = float32Rows();
    oracle = { softmax: rows.map((row) => oracleRow(row, false)), logSoftmax: rows.map((row) => oracleRow(row, true)) };
  });

  it('the oracle agrees with decimal.js at 60 digits to 2^-48 relative (short rows of the sample)', () => {
    // exact() gives a double's exact value (Decimal(number) would take its shortest decimal string).
    const { exact } = require('./fixtures/generate.js');
    const D = exact(1).constructor;
    /** ln(1 + u) without forming 1 + u (60 digits would drop a tiny u). */
    const lnOnePlus = (u) => (u.lt(1e-12) ? u.minus(u.pow(2).div(2)).plus(u.pow(3).div(3)) : D.ln(u.plus(1)));
    let worst = 0;
    for (const row of rows.filter((rw) => rw.length <= 100 && rw.every((v) => Number.isFinite(v)))) {
      const m = row.reduce((a, b) => (b > a ? b : a), -Infinity);
      const e = row.map((v) => D.exp(exact(v).minus(exact(m))));
      const c = row.filter((v) => v === m).length; // the terms e^0 = 1
      const delta = e.filter((_, j) => row[j] !== m).reduce((a, b) => a.plus(b), new D(0));
      const S = delta.plus(c), lnS = D.ln(c).plus(lnOnePlus(delta.div(c)));
      const sm = oracleRow(row, false), lsm = oracleRow(row, true);
      row.forEach((v, j) => {
        for (const [got, want] of [[sm[j], e[j].div(S)], [lsm[j], exact(v).minus(exact(m)).minus(lnS)]]) {
          // Doubles below 2^-1022 are subnormal (relative precision lost; 0 in float32): checked absolutely.
          if (want.abs().lt(1e-290)) { assert.ok(exact(got).minus(want).abs().lt(1e-300), `${got} vs ${want}`); continue; }
          worst = Math.max(worst, exact(got).minus(want).div(want).abs().toNumber());
        }
      });
    }
    assert.ok(worst < 2 ** -48, `oracle relative error ${worst}`);
  });

  for (const backendName of BACKENDS) {
    const api = lib.backends[backendName];
    for (const name of ['softmax', 'logSoftmax']) {
      /*
       * Within 1 ulp everywhere, logSoftmax's outputs near 0 included (a row's maximum when the
       * other terms are tiny: lse = log1p(T) keeps T's relative accuracy instead of rounding
       * S = 1 + T first).
       * Observed (js, native, wasm alike): softmax 0.695 ulp, logSoftmax 0.521 ulp (0.503 and 0.500
       * with the binary64 exp that expDiff32 replaced).
       */
      it(`${name} on the ${backendName} backend is within 1 ulp (special values exact)`, () => {
        let worst = 0, where = '';
        rows.forEach((row, i) => {
          const y = api[name](Float32Array.from(row));
          const want = oracle[name][i];
          row.forEach((v, j) => {
            const w = want[j];
            const at = `row ${i} (n = ${row.length}) j ${j}: x = ${v}, got ${y[j]}, want ${w}`;
            if (!Number.isFinite(Math.fround(w))) { // NaN, ±Inf, or beyond float32's range
              assert.ok(same(y[j], Math.fround(w)), `${name} ${at}`);
              return;
            }
            const e = ulpError(y[j], w, 0, ulp32);
            if (e > worst) { worst = e; where = at; }
          });
        });
        assert.ok(worst <= 1, `${name}: ${worst.toFixed(4)} ulp at ${where}`);
        if (process.env.SHOW_ULP) console.log(`      ${name} ${backendName}: max ${worst.toFixed(4)} ulp at ${where}`);
      });
    }
  }
});

/*
 * logSoftmax of Float64 data against decimal.js at 60 digits (test/fixtures/generate.js): every
 * backend within 2 ulp (the contract's bound), the rows' maxima with tiny other terms included,
 * and pinned rows: [0, -50] gives -log1p(e^-50) = -1.9e-22 (not 0), [0, -700] -9.9e-305.
 */
describe('logSoftmax accuracy near 0 (a row maximum with tiny other terms), Float32 and Float64', () => {
  const { exact } = require('./fixtures/generate.js');
  /** The exact logSoftmax of a finite row (-Inf entries allowed) as [hi, lo] doubles per element. */
  function exactRow(row) {
    const D = exact(1).constructor;
    const m = row.reduce((a, b) => (b > a ? b : a), -Infinity);
    const d = row.map((v) => (v === -Infinity ? null : exact(v).minus(exact(m))));
    // S = c + delta (c terms e^0 = 1): ln S = ln c + ln(1 + delta/c), the latter by its series
    // when tiny (60 digits would round 1 + delta to 1, the very loss under test).
    const c = d.filter((t) => t !== null && t.isZero()).length;
    const delta = d.reduce((a, t) => (t === null || t.isZero() ? a : a.plus(D.exp(t))), new D(0));
    const u = delta.div(c);
    const lnS = D.ln(c).plus(u.lt(1e-12) ? u.minus(u.pow(2).div(2)).plus(u.pow(3).div(3)) : D.ln(u.plus(1)));
    return d.map((t) => {
      if (t === null) return [-Infinity, 0];
      const w = t.minus(lnS), hi = w.toNumber();
      return [hi, w.minus(exact(hi)).toNumber()];
    });
  }
  const r = rng(4242);
  const rows = [[0, -50], [0, -700], [0, -30], [0, -37], [0, -20], [1, -40, -41], [3, 3, -60, -70], [3, 3, 3, -1e-3],
    [0, -16, -17, -30], [2, 2, -40, -45], [-1e4, -1e4 - 45], [1e30, -1e30]];
  for (const n of [2, 3, 17, 40]) {
    for (const gap of [15, 25, 36, 45, 60]) {
      rows.push(Array.from({ length: n }, (_, j) => (j === 0 ? r() : -gap - 10 * r())));
      rows.push(Array.from({ length: n }, (_, j) => (j < 2 ? 0.5 : -gap - 10 * r())));
    }
  }
  for (let k = 0; k < 40; k++) rows.push(Array.from({ length: 1 + Math.floor(r() * 30) }, () => (r() - 0.5) * 10 ** (r() * 4 - 1)));
  const want = {};
  before(function () {
    this.timeout(60000);
    for (const T of TYPES) want[T.name] = rows.map((row) => exactRow(Array.from(T.from(row))));
  });

  for (const backendName of BACKENDS) {
    const api = lib.backends[backendName];
    for (const T of TYPES) {
      const f32 = T === Float32Array;
      const bound = f32 ? 1 : BOUND;
      it(`${backendName} ${T.name}: within ${bound} ulp on rows whose maximum has tiny other terms`, () => {
        let worst = 0, where = '';
        rows.forEach((row, i) => {
          const x = T.from(row);
          const y = api.logSoftmax(x);
          y.forEach((v, j) => {
            const [hi, lo] = want[T.name][i][j];
            const e = ulpError(v, hi, lo, f32 ? ulp32 : ulp64);
            if (e > worst) { worst = e; where = `row ${i} [${Array.from(x).slice(0, 4)}...] j ${j}: got ${v}, want ${hi}`; }
          });
        });
        assert.ok(worst <= bound, `${worst.toFixed(4)} ulp at ${where}`);
        if (process.env.SHOW_ULP) console.log(`      logSoftmax ${backendName} ${T.name}: max ${worst.toFixed(4)} ulp at ${where}`);
      });

      it(`${backendName} ${T.name}: rows longer than the wasm chunk, one maximum or ties in different segments, as js`, () => {
        const n = 150000;
        const x = T.from({ length: n }, (_, j) => -45 - (j % 89) / 16);
        const js = lib.backends.js;
        x[100000] = 3;
        const one = api.logSoftmax(x);
        assert.strictEqual(firstDifference(one, js.logSoftmax(x)), -1);
        assert.ok(one[100000] < 0 && one[100000] > -1e-12, `${one[100000]}`);
        x[7] = 3; x[140000] = 3;
        for (const shape of [[1, n], [n / 2, 2], [2, n / 2]]) {
          for (const axis of [0, 1]) assert.strictEqual(firstDifference(api.logSoftmax(x, { shape, axis }), js.logSoftmax(x, { shape, axis })), -1, `${shape} ${axis}`);
        }
      });

      it(`${backendName} ${T.name}: pinned rows ([0, -50], [0, -800], two maxima, special values)`, () => {
        const y = api.logSoftmax(T.from([0, -50]));
        const d = -Math.exp(-50); // -log1p(e^-50) = -(e^-50) to far below a double's ulp
        assert.ok(ulpError(y[0], f32 ? Math.fround(d) : d, 0, f32 ? ulp32 : ulp64) <= 1, `[0, -50] gave ${y[0]}`);
        assert.ok(y[0] < 0 && y[1] === (f32 ? Math.fround(-50) : -50 + d), `[0, -50] gave ${y}`);
        // e^-800 underflows to 0 in binary64: the maximum's value, -3.7e-348, is 0 in either type.
        assert.ok(same(api.logSoftmax(T.from([0, -800]))[0], 0));
        // Two maxima: log(2 + T), not log1p.
        const two = api.logSoftmax(T.from([3, 3, -60]));
        const w2 = -(Math.LN2 + Math.exp(-63) / 2);
        assert.ok(ulpError(two[0], f32 ? Math.fround(w2) : w2, 0, f32 ? ulp32 : ulp64) <= 1 && same(two[0], two[1]), `${two}`);
        const specials = [
          [[-Infinity, -Infinity, -Infinity], [-Infinity, -Infinity, -Infinity]],
          [[1, NaN, 2], [NaN, NaN, NaN]],
          [[1, Infinity, 2], [NaN, NaN, NaN]],
          [[Infinity, Infinity], [NaN, NaN]],
          [[Infinity, -Infinity], [NaN, NaN]],
          [[-Infinity, 0], [-Infinity, 0]],
          [[7], [0]],
        ];
        for (const [row, expect] of specials) {
          const got = api.logSoftmax(T.from(row));
          expect.forEach((v, j) => assert.ok(same(got[j], f32 ? Math.fround(v) : v), `[${row}] gave [${got}]`));
        }
      });
    }
  }
});

describe('expDiff32 (the exponentials of Float32 softmax rows)', () => {
  const { expDiff32, EXP_T_LO } = require('../dist/cjs/reference/math32.js');

  it('is within 2^-25.5 of e^(v - m) relative, v - m taken exactly', () => {
    const r = rng(31);
    const f = Math.fround;
    let worst = 0, at = '';
    const check = (v, m) => {
      const [d, dl] = twoSum(v, -m); // v - m exactly, in case binary64 rounds it
      const want = Math.exp(d) * (1 + dl);
      const e = Math.abs(expDiff32(v, m) / want - 1);
      if (e > worst) { worst = e; at = `v = ${v}, m = ${m}`; }
    };
    for (let i = 0; i < 200000; i++) {
      const m = f((r() - 0.5) * 10 ** (r() * 8 - 3));
      check(f(m - r() * 109), m);
    }
    // Both ends of the reduced interval, x = (k ± 1/2) ln2, and differences float32 cannot hold
    // (m tiny beside v: the low part tl carries them).
    for (let k = -150; k <= 0; k++) {
      for (const d of [-0.5, -0.4999999, 0.4999999, 0.5]) if ((k + d) * Math.LN2 <= 0) check(f((k + d) * Math.LN2), 0);
      check(f(k * 0.7), f(2 ** -30)); check(f(k * 0.7 - 1e-3), f(-(2 ** -40)));
    }
    assert.ok(worst < 2 ** -25.5, `${worst} (2^${Math.log2(worst).toFixed(2)}) at ${at}`);
    if (process.env.SHOW_ULP) console.log(`      max relative error 2^${Math.log2(worst).toFixed(2)} at ${at}`);
  });

  it('gives 0 below e^-109, 1 at v = m, NaN for NaN (and for +Inf - +Inf)', () => {
    const f = Math.fround;
    assert.ok(same(expDiff32(-Infinity, 0), 0));
    assert.ok(same(expDiff32(5, Infinity), 0));
    assert.ok(same(expDiff32(f(-3e38), f(3e38)), 0), 'v - m overflows to -Inf');
    assert.ok(same(expDiff32(EXP_T_LO - 1, 0), 0), 'below e^-109');
    assert.ok(expDiff32(EXP_T_LO, 0) > 0, 'e^-109 itself is kept');
    for (const v of [0, -0, 1, f(1e-40), f(-3e38), f(3e38)]) assert.ok(same(expDiff32(v, v + 0), 1), `v = ${v}`);
    assert.ok(Number.isNaN(expDiff32(NaN, 0)) && Number.isNaN(expDiff32(0, NaN)));
    assert.ok(Number.isNaN(expDiff32(Infinity, Infinity)));
  });
});
