/**
 * The elementary functions every kernel is built from: exp, expm1, log1p, log.
 *
 * This file *is* the algorithm that the native (C++) and WASM (AssemblyScript) backends reproduce
 * bit for bit. The rules that make that possible:
 *  - only IEEE-754 binary64 + - * /, comparisons/selects, round-to-nearest-even and exact scaling
 *    by powers of two (exponent bit manipulation in SIMD, an exact table here);
 *  - no fused multiply-add, no Math.exp/Math.log (engines differ, SIMD has none);
 *  - every branch is a select on the element's own value, so SIMD evaluates all arms and blends.
 * Polynomials are truncated Taylor series with coefficients 1/n! and 2/(2n+1) (exact rationals
 * rounded once), long enough that truncation error is far below half an ulp of binary64.
 */

/** 1.5 * 2^52: adding and subtracting it rounds |v| < 2^51 to the nearest integer, ties to even. */
const ROUND_MAGIC = 6755399441055744;
export function roundEven(v: number): number {
  return v + ROUND_MAGIC - ROUND_MAGIC;
}

// ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (LN2_HI has 32 significant bits).
export const LN2_HI = 6.93147180369123816490e-1;
export const LN2_LO = 1.90821492927058770002e-10;
export const INV_LN2 = 1.44269504088896338700;

/** POW2[k + POW2_BIAS] === 2^k exactly, for k in [-1100, 1099] (0 below 2^-1074). */
const POW2_BIAS = 1100;
const POW2 = new Float64Array(2 * POW2_BIAS);
for (let k = -POW2_BIAS; k < POW2_BIAS; k++) POW2[k + POW2_BIAS] = 2 ** k;
/** 2^k for an integer k in [-1100, 1099]; SIMD builds it from the exponent bits. */
export function pow2(k: number): number {
  return POW2[k + POW2_BIAS];
}

/** 1/n! for n = 2..13, the Taylor coefficients of expm1(r) - r, divided by r^2. */
const E2 = 1 / 2, E3 = 1 / 6, E4 = 1 / 24, E5 = 1 / 120, E6 = 1 / 720, E7 = 1 / 5040;
const E8 = 1 / 40320, E9 = 1 / 362880, E10 = 1 / 3628800, E11 = 1 / 39916800;
const E12 = 1 / 479001600, E13 = 1 / 6227020800;

/** (expm1(r) - r) / r^2 to degree 11 (the terms 1/n!, n = 2..13): full binary64 accuracy. */
function expm1Poly(r: number): number {
  return E2 + r * (E3 + r * (E4 + r * (E5 + r * (E6 + r * (E7 + r * (E8 + r * (E9 +
    r * (E10 + r * (E11 + r * (E12 + r * E13))))))))));
}

/**
 * expm1(r) for r = hi - lo, |r| <= ln2/2 + tiny, returned as hi + (tail - lo) so that the rounding
 * of hi - lo is not paid: the result is within about 0.6 ulp.
 */
function expm1Reduced(hi: number, lo: number): number {
  const r = hi - lo;
  const tail = r * r * expm1Poly(r);
  return hi + (tail - lo);
}

// exp overflows above EXP_MAX and underflows to 0 below EXP_MIN; clamping keeps k in the table
// and still yields Inf / 0 through the final scaling.
const EXP_CLAMP_HI = 710;
const EXP_CLAMP_LO = -746;

/**
 * e^x, within about 0.6 ulp of binary64. Range reduction x = k ln2 + r, |r| <= ln2/2, then
 * 2^k (1 + expm1(r)) with the scaling split in two exact-then-rounding multiplies so subnormal
 * results are rounded once and 2^1024 never has to be formed. NaN -> NaN, +Inf -> +Inf, -Inf -> +0.
 */
export function exp(x: number): number {
  const xc = x > EXP_CLAMP_HI ? EXP_CLAMP_HI : x < EXP_CLAMP_LO ? EXP_CLAMP_LO : x;
  if (xc !== xc) return xc;
  const k = roundEven(xc * INV_LN2);
  const hi = xc - k * LN2_HI;
  const lo = k * LN2_LO;
  const y = 1 + expm1Reduced(hi, lo);
  const k1 = Math.floor(k / 2);
  return y * pow2(k1) * pow2(k - k1);
}

// expm1(x) rounds to -1 below EXPM1_CLAMP_LO, and to x itself when |x| < 2^-54.
const EXPM1_CLAMP_LO = -40;
const EXPM1_TINY = 5.551115123125783e-17; // 2^-54

/**
 * e^x - 1, accurate near 0 (ELU and SELU for small negative x, tanh) where exp(x) - 1 cancels.
 * With x = k ln2 + r: k == 0 gives expm1(r) directly; otherwise (2^k - 1) + 2^k expm1(r), where
 * 2^k - 1 is exact for |k| <= 53 and the sum is rounded once. For k > 56 the -1 is below half an
 * ulp and the exp scaling is used. |x| < 2^-54 returns x, so expm1(-0) is -0.
 */
export function expm1(x: number): number {
  const xc = x > EXP_CLAMP_HI ? EXP_CLAMP_HI : x < EXPM1_CLAMP_LO ? EXPM1_CLAMP_LO : x;
  if (xc !== xc) return xc;
  const k = roundEven(xc * INV_LN2);
  const hi = xc - k * LN2_HI;
  const lo = k * LN2_LO;
  const q = expm1Reduced(hi, lo);
  const k1 = Math.floor(k / 2);
  const big = (1 + q) * pow2(k1) * pow2(k - k1);
  const small = (pow2(k) - 1) + pow2(k) * q;
  const r = k > 56 ? big : small;
  return Math.abs(x) < EXPM1_TINY ? x : r;
}

/** 2/(2n+1) for n = 1..12: log(1+f) = 2 atanh(s) = 2s + s*R(s^2) with s = f/(2+f). */
const L1 = 2 / 3, L2 = 2 / 5, L3 = 2 / 7, L4 = 2 / 9, L5 = 2 / 11, L6 = 2 / 13;
const L7 = 2 / 15, L8 = 2 / 17, L9 = 2 / 19, L10 = 2 / 21, L11 = 2 / 23, L12 = 2 / 25;
const SQRT2 = 1.4142135623730951;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** floor(log2(w)) for a positive normal w, read from its exponent bits. */
function exponentOf(w: number): number {
  F64[0] = w;
  return ((U32[HI_WORD] >>> 20) & 0x7ff) - 1023;
}

/**
 * log(w) + c/w for a positive normal w (c is a correction far smaller than w's ulp, 0 for a plain
 * log). w = 2^k m with m in [sqrt2/2, sqrt2), f = m - 1 exact (Sterbenz), s = f/(2+f), and
 * log(1+f) = f - (hfsq - s(hfsq + R)) with hfsq = f^2/2, summed as fdlibm does so that k*LN2_HI
 * is added last.
 */
function logCorrected(w: number, c: number): number {
  let k = exponentOf(w);
  let m = w * pow2(-k);
  const adjust = m > SQRT2;
  m = adjust ? m * 0.5 : m;
  k = adjust ? k + 1 : k;
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const R = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * (L7 + z * (L8 +
    z * (L9 + z * (L10 + z * (L11 + z * L12)))))))))));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c / w))) - f);
}

/**
 * log(1 + x). w = 1 + x is rounded; c = (1 + x) - w is recovered exactly and added as c/w.
 * |x| < 2^-54 returns x (keeps -0); -1 -> -Inf; x < -1 -> NaN; +Inf -> +Inf.
 */
export function log1p(x: number): number {
  if (x !== x) return x;
  const w = 1 + x;
  const c = x < 1 ? x - (w - 1) : 1 - (w - x);
  const wc = w > 0 && w < Infinity ? w : 1;
  const r = logCorrected(wc, c);
  const special = x === Infinity ? Infinity : x === -1 ? -Infinity : x < -1 ? NaN : r;
  return Math.abs(x) < EXPM1_TINY ? x : special;
}

/** Natural log for x >= 0: used for the log-sum in logSoftmax (x in [1, n]). 0 -> -Inf. */
export function log(x: number): number {
  if (x !== x) return x;
  const ok = x > 0 && x < Infinity;
  const r = logCorrected(ok ? x : 1, 0);
  return ok ? r : x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
}

/*
 * Double-double helpers for the float64 paths that need more than one rounding's worth of headroom
 * (sigmoid, tanh and their derivatives). A double-double value is hi + lo with |lo| <= ulp(hi)/2.
 * Results are written to `dd` (no allocation): read dd[0], dd[1] right after the call.
 * Products are made exact with Veltkamp splitting (no FMA, so WASM SIMD can do the same).
 */
export const dd = new Float64Array(2);

const SPLITTER = 134217729; // 2^27 + 1
/** Error of the product a*b (a*b - fl(a*b)), exact for |a|, |b| < 2^996. */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** (nh + nl) / (dh + dl) to about 2^-104 relative, written to dd. */
export function ddDivide(nh: number, nl: number, dh: number, dl: number): void {
  const q = nh / dh;
  const p = q * dh;
  const pe = productError(q, dh, p);
  const r = (((nh - p) - pe) + nl) - q * dl;
  const ql = r / dh;
  const s = q + ql;
  dd[0] = s;
  dd[1] = ql - (s - q);
}

/** expm1(r) for the reduced argument as double-double: hi + tail, renormalised. */
function expm1ReducedDD(hi: number, lo: number): void {
  const r = hi - lo;
  const t = r * r * expm1Poly(r) - lo;
  const s = hi + t;
  dd[0] = s;
  dd[1] = t - (s - hi);
}

// Low enough that 2^s e^x still rounds to 0 for the small s used (s <= 2).
const EXPDD_CLAMP_LO = -760;

/**
 * 2^s * e^x as double-double for x <= 0 and a small integer s (applied before any rounding into
 * the subnormal range, so 4e^x is as accurate as e^x). Subnormal results keep only hi.
 */
export function expDD(x: number, s = 0): void {
  const xc = x < EXPDD_CLAMP_LO ? EXPDD_CLAMP_LO : x;
  if (xc !== xc) { dd[0] = xc; dd[1] = xc; return; }
  const k = roundEven(xc * INV_LN2);
  expm1ReducedDD(xc - k * LN2_HI, k * LN2_LO);
  const qh = dd[0], ql = dd[1];
  const y = 1 + qh;
  const yl = ((1 - y) + qh) + ql;
  const ks = k + s;
  const k1 = Math.floor(ks / 2);
  const s1 = pow2(k1), s2 = pow2(ks - k1);
  dd[0] = y * s1 * s2;
  dd[1] = yl * s1 * s2;
}

/** e^x - 1 as double-double for x <= 0 (values in [-1, 0]); |x| < 2^-54 gives (x, 0). */
export function expm1DD(x: number): void {
  const xc = x < EXPM1_CLAMP_LO ? EXPM1_CLAMP_LO : x;
  if (xc !== xc) { dd[0] = xc; dd[1] = xc; return; }
  const k = roundEven(xc * INV_LN2);
  expm1ReducedDD(xc - k * LN2_HI, k * LN2_LO);
  const qh = dd[0], ql = dd[1];
  const scale = pow2(k);
  const T = scale - 1; // exact down to k = -53; below, Terr keeps what the rounding dropped
  const Terr = scale - (T + 1);
  const u = scale * qh;
  const s = T + u;
  const bb = s - T;
  const err = (T - (s - bb)) + (u - bb);
  const tiny = Math.abs(x) < EXPM1_TINY;
  dd[0] = tiny ? x : s;
  dd[1] = tiny ? 0 : (err + Terr) + scale * ql;
}
