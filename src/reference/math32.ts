/**
 * Float32 arithmetic for Float32Array data: e^t, e^t - 1 and log1p(e) for t <= 0 as binary32
 * operations only, the building blocks of the float32 kernels (elu, selu, softplus, sigmoid, tanh).
 *
 * PORTING NOTE (C++ SSE/AVX/AVX-512/NEON lanes, AssemblyScript f32x4). Every `f(a op b)` below is
 * ONE binary32 + - * /, rounded to nearest even; port it as exactly that operation, in the same
 * order, with no FMA (-ffp-contract=off) and no FTZ/DAZ. `c ? a : b` is a lane select whose
 * condition is the plain IEEE compare (false for NaN). Constants are float32 (hex bit patterns):
 *
 *   MAGIC   0x4b400000  12582912        1.5·2^23: (v + MAGIC) - MAGIC rounds |v| < 2^22 to even
 *   INV_LN2 0x3fb8aa3b  1.44269502      LN2_HI  0x3f317200  0.693145752 (15 bits: k·LN2_HI exact)
 *   LN2_LO  0x35bfbe8e  1.42860677e-6   EXP_T_LO 0xc2da0000 -109   EXPM1_T_LO 0xc1a00000 -20
 *   E2..E6  0x3efffffe 0x3e2aaa46 0x3d2aac2c 0x3c091ef0 0x3ab563a7  (scripts/f32-coefficients.js)
 *   L1..L4  0x3f2aaaaa 0x3eccce7a 0x3e91d0b3 0x3e7b539a
 *   LN2F    0x3f317218  0.693147182     LN2F_LO 0xb102e308  -1.90465421e-9
 *   RA      0x3fb4b4b5  24/17           RB 0x3ef0f0f1  8/17
 *   TWO_M32 0x2f800000  2^-32
 *
 * Integer helpers (exact, any way you like): pow2f(n) = 2^n for an integral n in [-126, 127] built
 * as bits (n + 127) << 23 (lanes whose n is NaN may get any value: their y is already NaN);
 * high12(v) = bits(v) & 0xfffff000 (v - high12(v) is exact, both halves have <= 12 significant
 * bits, so products of halves are exact); floor(k/2) for an integral k in scale2 may be an integer
 * arithmetic shift instead of the float steps shown.
 *
 * expCore32(t, tl) for t <= 0 or NaN (tl the low part of t, |tl| <= ulp(t)/2, 0 usually):
 *   tc = t < EXP_T_LO ? EXP_T_LO : t                  (NaN stays NaN)
 *   k  = (tc·INV_LN2 + MAGIC) - MAGIC                 (3 ops)
 *   hi = tc - k·LN2_HI   (exact)    lo = k·LN2_LO - tl    r = hi - lo
 *   p  = E2 + r·(E3 + r·(E4 + r·(E5 + r·E6)))          (8 ops)
 *   w  = lo - (r·r)·p    q = hi - w    ql = (hi - q) - w     (q + ql = e^r - 1, Fast2Sum)
 *   y  = 1 + q           yl = ((1 - y) + q) + ql           e^t = (y + yl)·2^k
 * expm1Core32(t) for t <= 0 or NaN: the same with EXPM1_T_LO, tl = 0, up to q, ql; then
 *   p2 = pow2f(k)   T1 = 1 - p2   u = p2·q   mh = u - T1
 *   mln = ((T1 + mh) - u) - ((p2 - (1 - T1)) + p2·ql)      e^t - 1 = mh - mln, mh(-0) = -0
 * log1pCore32(eh, el) for eh in [0, 1]: see the function (fdlibm's log1p summation, f exact).
 *
 * The kernels (each line of their f32/df32 is the sequence to port): sigmoidPair32 and bell32 in
 * sigmoid.ts (sigmoid, sigmoid', tanh', softplus'), tanh32 in tanh.ts, elu.ts, selu.ts (constants
 * SD 0x3f867d5e, SDL 0x33b5488a, SAH 0x3fe10966, SAL 0x32c81e06; selu' for x > 0 is 0x3f867d5f),
 * softplus.ts (SOFTPLUS_TINY 0xc1a80000 = -21). Selects there: `x > 0 ? ...` (elu, selu: NaN takes
 * the negative arm, which is NaN), sigmoid's `th >= 0`, softplus's `th > 0`, `an < EXP_T_LO` (zero
 * the low part where t is clamped, also where beta·x overflowed and tl is NaN), the tiny and the
 * threshold selects; tanh copies the sign bit of x onto t (t >= 0), so tanh(-0) = -0. elu, selu
 * and their derivatives run the cores on x itself: for x > 0 (even +Inf) k leaves pow2f's range
 * and the arm is garbage (NaN here, whatever the integer conversion gives in SIMD); the select
 * discards it, so no clamp is needed there.
 * Op counts per element and the measured ulp bounds are in README (The numerics contract).
 * scripts/f32-kernels.h is a scalar C transcription of all of this, used by the exhaustive sweep
 * (scripts/f32-sweep.c) and cross-checked bit for bit (scripts/f32-crosscheck.js).
 */

import { pow2 } from './math';

const f = Math.fround;

export const MAGIC = 12582912;
export const INV_LN2 = f(1.44269502);
export const LN2_HI = 0.693145751953125;
export const LN2_LO = f(1.42860677e-6);
/** e^-109·4 < 2^-150: everything built on e^t is 0 below it; keeps k + 32 >= -125. */
export const EXP_T_LO = -109;
/** 2e^-20 < 2^-27: e^t - 1 rounds to -1 and tanh to 1 below it (-18 would not do for tanh). */
export const EXPM1_T_LO = -20;
export const TWO_M32 = 2 ** -32;
export const TWO_M30 = 2 ** -30;

// Minimax e^r - 1 - r ≈ r^2 (E2 + E3 r + ... + E6 r^4) on |r| <= ln2/2, relative error 2^-28.2.
const E2 = f(0.49999994), E3 = f(0.166665167), E4 = f(0.0416681021), E5 = f(0.00836919248);
const E6 = f(0.00138389028);
// Minimax 2atanh(s) - 2s ≈ s·z(L1 + L2 z + L3 z^2 + L4 z^3), z = s^2, |s| <= 1/5: 2^-33.
const L1 = f(0.666666627), L2 = f(0.400012791), L3 = f(0.284795374), L4 = f(0.245436102);
const LN2F = f(0.693147182), LN2F_LO = f(-1.90465421e-9);
const RA = f(24 / 17), RB = f(8 / 17);

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
/** v with its 12 low fraction bits cleared: v - high12(v) is exact and both have 12 bits. */
export function high12(v: number): number {
  F32[0] = v;
  U32[0] &= 0xfffff000;
  return F32[0];
}

const POW2F = new Float32Array(254);
for (let n = -126; n <= 127; n++) POW2F[n + 126] = 2 ** n;
/** 2^n for an integral n in [-126, 127] (exponent bits in SIMD). NaN n: NaN (any value will do). */
export function pow2f(n: number): number {
  return n === n ? POW2F[n + 126] : NaN;
}

/** v·2^k in two normal factors 2^floor(k/2)·2^(k - floor(k/2)): a subnormal result rounds once. */
export function scale2(v: number, k: number): number {
  const k1 = f(f(f(f(k * 0.5) - 0.25) + MAGIC) - MAGIC); // floor(k/2): k/2 - 1/4 is never a tie
  return f(f(v * pow2f(k1)) * pow2f(f(k - k1)));
}

/**
 * 1/d for d in [1, 2] to 6%: the minimax line 24/17 - 8/17·d. Used only for first-order
 * correction terms, which are below 2^-22 relative, so 6% of them is far below an ulp.
 */
export function recipLine(d: number): number {
  return f(RA - f(RB * d));
}

/** Results of the cores below (no allocation): read right after the call. */
export const out32 = new Float64Array(3);

/**
 * e^(t + tl) = (y + yl)·2^k for t <= 0 or NaN, |tl| <= ulp(t)/2: out32 = [y, yl, k] with y in
 * [0.7, 1.42] and y + yl within 2^-25.8 of the exact value, measured (Cody–Waite with an exact
 * k·LN2_HI, q + ql = e^r - 1 kept as an unrounded pair through Fast2Sum; the polynomial's own
 * 2^-28.2 grows with the rounding of r and of its float32 steps, which r^2·p carries at |r| near
 * ln2/2). -Inf and t < -109 give e^-109.
 */
export function expCore32(t: number, tl: number): void {
  const tc = t < EXP_T_LO ? EXP_T_LO : t;
  const k = f(f(f(tc * INV_LN2) + MAGIC) - MAGIC);
  const hi = f(tc - f(k * LN2_HI));
  const lo = f(f(k * LN2_LO) - tl);
  const r = f(hi - lo);
  const p = f(E2 + f(r * f(E3 + f(r * f(E4 + f(r * f(E5 + f(r * E6))))))));
  const w = f(lo - f(f(r * r) * p));
  const q = f(hi - w);
  const ql = f(f(hi - q) - w);
  const y = f(1 + q);
  out32[0] = y;
  out32[1] = f(f(f(1 - y) + q) + ql);
  out32[2] = k;
}

/**
 * e^(v - m) in binary64 for float32 values v <= m (a Float32 softmax row's element and shift), to
 * 2^-25.8 relative (measured: test/accuracy.test.js): v - m = t + tl exactly (TwoSum in float32: the error of a float32 subtraction is
 * a float32), expCore32(t, tl) on float lanes, then (y + yl)·2^k formed in binary64 (y + yl rounded
 * once, 2^k exact and normal for k >= -157). t < -109 (e^t < 2^-157, -Inf and an overflowed v - m
 * included) gives 0, so that thousands of such terms do not sum to a float32 subnormal. NaN stays
 * NaN (v or m NaN, or v = m = +Inf).
 */
export function expDiff32(v: number, m: number): number {
  const t = f(v - m);
  const b = f(t - v);
  const tl = f(f(v - f(t - b)) + f(-m - b));
  expCore32(t, tl);
  return t < EXP_T_LO ? 0 : (out32[0] + out32[1]) * pow2(out32[2]);
}

/**
 * e^t - 1 = mh - mln for t <= 0 or NaN: out32 = [mh, mln]. With e^t = 2^k (1 + q + ql): mh is
 * 2^k q - (1 - 2^k) rounded once, mln collects every rounding error (Fast2Sum of the two terms,
 * 1 - 2^k's own error below k = -24, 2^k ql). The subtraction order keeps expm1(-0) = -0 in mh.
 */
export function expm1Core32(t: number): void {
  const tc = t < EXPM1_T_LO ? EXPM1_T_LO : t;
  const k = f(f(f(tc * INV_LN2) + MAGIC) - MAGIC);
  const hi = f(tc - f(k * LN2_HI));
  const lo = f(k * LN2_LO);
  const r = f(hi - lo);
  const p = f(E2 + f(r * f(E3 + f(r * f(E4 + f(r * f(E5 + f(r * E6))))))));
  const w = f(lo - f(f(r * r) * p));
  const q = f(hi - w);
  const ql = f(f(hi - q) - w);
  const p2 = pow2f(k);
  const T1 = f(1 - p2);
  const u = f(p2 * q);
  const mh = f(u - T1);
  out32[0] = mh;
  out32[1] = f(f(f(T1 + mh) - u) - f(f(p2 - f(1 - T1)) + f(p2 * ql)));
}

/**
 * log1p(eh + el) for eh in [0, 1], |el| <= ulp(eh). 1 + eh is never rounded: up to 1/2, f = eh;
 * above, log(1 + eh) = ln2 + log1p(f) with f = eh/2 - 1/2, exact because eh >= 1/2 (with the usual
 * sqrt2 - 1 split it is not, for eh in (0.414, 0.5), which costs 0.7 ulp). Then fdlibm's
 * log1p(f) = f - (hfsq - s(hfsq + R)), s = f/(2 + f), hfsq = f^2/2, with ln2's low part and
 * el/(1 + eh) (1/(1 + eh) by recipLine: el is below 2^-24 relative) added to the small terms v.
 * ln2 + f is formed exactly by Fast2Sum (S + Se) so that the result, S + (Se - v), rounds once
 * where it matters (v <= 0.09 is small beside it).
 */
export function log1pCore32(eh: number, el: number): number {
  const big = eh > 0.5;
  const fr = big ? f(f(0.5 * eh) - 0.5) : eh;
  const s = f(fr / f(2 + fr));
  const z = f(s * s);
  const R = f(z * f(L1 + f(z * f(L2 + f(z * f(L3 + f(z * L4)))))));
  const hfsq = f(f(0.5 * fr) * fr);
  const c = f((big ? LN2F_LO : 0) + f(el * recipLine(f(1 + eh))));
  const v = f(hfsq - f(f(s * f(hfsq + R)) + c));
  const lnh = big ? LN2F : 0;
  const S = f(lnh + fr);
  const Se = f(f(lnh - S) + fr); // Fast2Sum: ln2 + f = S + Se exactly, so only the last + rounds
  return f(S + f(Se - v));
}

/** beta·x = th + tl exactly (Dekker's product on 12-bit halves): out32 = [th, tl]. */
export function timesExact32(beta: number, x: number): void {
  const bh = high12(beta), bt = f(beta - bh), xh = high12(x), xt = f(x - xh);
  const th = f(beta * x);
  out32[0] = th;
  out32[1] = f(f(f(f(f(bh * xh) - th) + f(bh * xt)) + f(bt * xh)) + f(bt * xt));
}
