'use strict';
// Shared test tools: the package under test, an independent oracle, ULP distances and inputs.
const lib = require('..');

/** Every backend that loaded on this machine; each runs the whole suite. */
const BACKENDS = lib.availableBackends();
const ELEMENTWISE = lib.SPEC.filter((s) => s.kind === 'elementwise');
const LENGTHS = [0, 1, 3, 4, 5, 15, 16, 17, 31, 33, 1000, 4097];
const TYPES = [Float32Array, Float64Array];

/** The default parameters of a spec entry, as an options object. */
function defaults(spec) {
  const o = {};
  for (const p of spec.params) o[p.name] = p.default;
  return o;
}

/** Non-default parameters, so kernels are not only tested at their defaults. */
const OTHER_PARAMS = {
  leakyRelu: { alpha: 0.2 }, thresholdedRelu: { theta: -0.75 }, elu: { alpha: 0.5 },
  softplus: { beta: 2, threshold: 5 },
};

/** Independent float64 oracle (Math.*, a different algorithm from the library's), for float32. */
const SELU_A = 1.6732632423543772848170429916717, SELU_S = 1.0507009873554804934193349852946;
function bell(e) { return e / ((1 + e) * (1 + e)); }
const ORACLE = {
  // Piecewise-linear functions: the definition is the oracle (relu keeps -0, as the spec says).
  relu: { f: (x) => (x < 0 ? 0 : x), df: (x) => (x > 0 ? 1 : x !== x ? x : 0) },
  leakyRelu: { f: (x, p) => (x >= 0 || x !== x ? x : p.alpha * x), df: (x, p) => (x > 0 ? 1 : x !== x ? x : p.alpha) },
  thresholdedRelu: { f: (x, p) => (x > p.theta || x !== x ? x : 0), df: (x, p) => (x > p.theta ? 1 : x !== x ? x : 0) },
  elu: { f: (x, p) => (x > 0 ? x : p.alpha * Math.expm1(x)), df: (x, p) => (x > 0 ? 1 : p.alpha * Math.exp(x)) },
  selu: { f: (x) => (x > 0 ? SELU_S * x : SELU_S * SELU_A * Math.expm1(x)), df: (x) => (x > 0 ? SELU_S : SELU_S * SELU_A * Math.exp(x)) },
  softplus: {
    f: (x, p) => { const t = p.beta * x; return t > p.threshold ? x : (Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)))) / p.beta; },
    df: (x, p) => { const t = p.beta * x; return t > p.threshold ? 1 : t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)); },
  },
  sigmoid: {
    f: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    df: (x) => bell(Math.exp(-Math.abs(x))),
  },
  tanh: { f: (x) => Math.tanh(x), df: (x) => 4 * bell(Math.exp(-2 * Math.abs(x))) },
};

/** Unit in the last place of v for a format with `bits` fraction bits and minimum exponent emin. */
function ulpIn(bits, emin, v) {
  const a = Math.abs(v);
  if (a < 2 ** emin) return 2 ** (emin - bits);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  if (2 ** (e + 1) <= a) e++;
  return 2 ** (e - bits);
}
const ulp32 = (v) => ulpIn(23, -126, v);
const ulp64 = (v) => ulpIn(52, -1022, v);
/** ULP error of y against an exact value given as hi + lo; both-infinite equal, NaN vs NaN 0. */
function ulpError(y, hi, lo, ulp) {
  if (y !== y || hi !== hi) return y !== y && hi !== hi ? 0 : Infinity;
  if (!Number.isFinite(hi) || !Number.isFinite(y)) return y === hi ? 0 : Infinity;
  return Math.abs((y - hi) - lo) / ulp(hi);
}

/** Same value including the sign of zero, and NaN equal to NaN. */
function same(a, b) {
  return a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b;
}
function firstDifference(a, b) {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return i;
  return -1;
}

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = [0, -0, 1, -1, 0.5, -0.5, Infinity, -Infinity, NaN, 1e-300, -1e-300, 5e-324, -5e-324,
  1.401298464324817e-45, -1.401298464324817e-45, 3.4028234663852886e38, -3.4028234663852886e38, 1e300, -1e300,
  20, 20.000001, -20, 88.7, -88.7, -103.9, -745.2, 709.8, -709.8, 2 ** -27, -(2 ** -27), 2 ** -54, 0.3466, -0.3466];

/** A mix of wide-range, moderate, tiny and special values of type T, length n. */
function mixedInput(T, n, seed = 1) {
  const r = rng(seed);
  const a = new T(n);
  for (let i = 0; i < n; i++) {
    const k = i % 5;
    if (k === 0) a[i] = SPECIALS[Math.floor(r() * SPECIALS.length)];
    else if (k === 1) a[i] = (r() - 0.5) * 20;
    else if (k === 2) a[i] = (r() - 0.5) * 2 * 10 ** (r() * 40 - 20);
    else if (k === 3) a[i] = (r() - 0.5) * 1500;
    else a[i] = (r() - 0.5) * 0.01;
  }
  return a;
}

/**
 * Finite values of both signs over 2^-12..2^12, a few zeros: prelu's dalpha sums stay finite and
 * depend on the order of every addition (mixedInput's NaN and Infinity make most sums NaN or
 * Infinity, whatever the order, so a dalpha check on it barely constrains the sums).
 */
function finiteInput(T, n, seed) {
  const r = rng(seed);
  return T.from({ length: n }, (_, i) => (i % 11 === 3 ? 0 : (r() - 0.5) * 2 ** Math.floor(r() * 24 - 12)));
}

/** Every 2^shift-th float32 bit pattern, as a Float32Array (the sampled-exhaustive sweep). */
function float32Sweep(shift, offset = 0) {
  const n = 2 ** (32 - shift);
  const bits = new Uint32Array(n);
  for (let i = 0; i < n; i++) bits[i] = (i * 2 ** shift + offset) >>> 0;
  return new Float32Array(bits.buffer);
}

module.exports = {
  lib, BACKENDS, ELEMENTWISE, LENGTHS, TYPES, OTHER_PARAMS, ORACLE, defaults, ulp32, ulp64, ulpError,
  same, firstDifference, rng, mixedInput, finiteInput, float32Sweep, SPECIALS,
};
