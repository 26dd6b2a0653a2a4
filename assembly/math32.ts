/**
 * The float32-arithmetic building blocks of src/reference/math32.ts (e^t, e^t - 1, log1p for the
 * Float32 data of elu, selu, softplus, sigmoid, tanh), operation for operation, for a lane type T
 * that is f32 (scalar build) or v128 = f32x4 (SIMD build); see lanes32.ts. The reference's
 * porting note is the specification; this file only re-spells it:
 *  - the cores produce several values (y, yl, k or mh, mln), which AssemblyScript cannot return,
 *    so they hand them to a continuation: C is a kernel class whose inline method exp/expm1
 *    receives them (everything is inlined, the values stay in locals/registers);
 *  - k is kept as kM = k + 1.5·2^23, whose bits carry k: pow2f(k + n) and scale2's floor(k/2)
 *    are integer bit operations on it (the porting note allows exactly that);
 *  - `t < EXP_T_LO ? EXP_T_LO : t` is f32x4.pmax (same select, NaN kept);
 *  - where tl is the constant 0, lo = k·LN2_LO - tl is k·LN2_LO: x - (±0) = x for every x that is
 *    not -0, and k·LN2_LO is never -0 (k = (v + MAGIC) - MAGIC is +0 or nonzero).
 */
import { add, and, bits, div, gt, halfFloorInt, high12, intOfM, mul, pmax, pow2fInt, sel, splat, sub, subInt } from './lanes32';

// Constants by their bit patterns (src/reference/math32.ts, porting note).
// @ts-ignore: decorator
@inline export const MAGIC: u32 = 0x4b400000;
// @ts-ignore: decorator
@inline const INV_LN2: u32 = 0x3fb8aa3b;
// @ts-ignore: decorator
@inline const LN2_HI: u32 = 0x3f317200;
// @ts-ignore: decorator
@inline const LN2_LO: u32 = 0x35bfbe8e;
// @ts-ignore: decorator
@inline export const EXP_T_LO: u32 = 0xc2da0000; // -109
// @ts-ignore: decorator
@inline const EXPM1_T_LO: u32 = 0xc1a00000; // -20
// @ts-ignore: decorator
@inline const E2: u32 = 0x3efffffe;
// @ts-ignore: decorator
@inline const E3: u32 = 0x3e2aaa46;
// @ts-ignore: decorator
@inline const E4: u32 = 0x3d2aac2c;
// @ts-ignore: decorator
@inline const E5: u32 = 0x3c091ef0;
// @ts-ignore: decorator
@inline const E6: u32 = 0x3ab563a7;
// @ts-ignore: decorator
@inline const L1: u32 = 0x3f2aaaaa;
// @ts-ignore: decorator
@inline const L2: u32 = 0x3eccce7a;
// @ts-ignore: decorator
@inline const L3: u32 = 0x3e91d0b3;
// @ts-ignore: decorator
@inline const L4: u32 = 0x3e7b539a;
// @ts-ignore: decorator
@inline const LN2F: u32 = 0x3f317218;
// @ts-ignore: decorator
@inline const LN2F_LO: u32 = 0xb102e308;
// @ts-ignore: decorator
@inline const RA: u32 = 0x3fb4b4b5; // 24/17
// @ts-ignore: decorator
@inline const RB: u32 = 0x3ef0f0f1; // 8/17
// @ts-ignore: decorator
@inline export const TWO_M32: u32 = 0x2f800000;
// @ts-ignore: decorator
@inline export const TWO_M30: u32 = 0x30800000;

/** v·2^k in two normal factors 2^floor(k/2)·2^(k - floor(k/2)) (reference: scale2). */
// @ts-ignore: decorator
@inline export function scale2<T>(v: T, kM: T): T {
  const k = intOfM<T>(kM);
  const k1 = halfFloorInt<T>(k);
  return mul<T>(mul<T>(v, pow2fInt<T>(k1)), pow2fInt<T>(subInt<T>(k, k1)));
}

/** 1/d for d in [1, 2] to 6%: 24/17 - 8/17·d (reference: recipLine). */
// @ts-ignore: decorator
@inline export function recipLine<T>(d: T): T {
  return sub<T>(bits<T>(RA), mul<T>(bits<T>(RB), d));
}

/** E2 + r·(E3 + r·(E4 + r·(E5 + r·E6))). */
// @ts-ignore: decorator
@inline function expPoly<T>(r: T): T {
  let p = add<T>(bits<T>(E5), mul<T>(r, bits<T>(E6)));
  p = add<T>(bits<T>(E4), mul<T>(r, p));
  p = add<T>(bits<T>(E3), mul<T>(r, p));
  return add<T>(bits<T>(E2), mul<T>(r, p));
}

/**
 * e^(t + tl) = (y + yl)·2^k for t <= 0 or NaN (reference: expCore32); hands y, yl, kM to
 * C.exp(y, yl, kM, c0..c3, a, b), c0..c3 being the caller's context. hasTl = false means tl is the constant 0.
 */
// @ts-ignore: decorator
@inline export function expCore32<T, C>(t: T, tl: T, hasTl: bool, c0: T, c1: T, c2: T, c3: T, a: f32, b: f32): T {
  const tc = pmax<T>(t, bits<T>(EXP_T_LO));
  const kM = add<T>(mul<T>(tc, bits<T>(INV_LN2)), bits<T>(MAGIC));
  const k = sub<T>(kM, bits<T>(MAGIC));
  const hi = sub<T>(tc, mul<T>(k, bits<T>(LN2_HI)));
  const kl = mul<T>(k, bits<T>(LN2_LO));
  const lo = hasTl ? sub<T>(kl, tl) : kl;
  const r = sub<T>(hi, lo);
  const w = sub<T>(lo, mul<T>(mul<T>(r, r), expPoly<T>(r)));
  const q = sub<T>(hi, w);
  const ql = sub<T>(sub<T>(hi, q), w);
  const one = splat<T>(1.0);
  const y = add<T>(one, q);
  const yl = add<T>(add<T>(sub<T>(one, y), q), ql);
  return changetype<C>(0).exp<T>(y, yl, kM, c0, c1, c2, c3, a, b);
}

/**
 * e^t - 1 = mh - mln for t <= 0 or NaN (reference: expm1Core32); hands mh, mln to
 * C.expm1(mh, mln, c0, c1, a, b).
 */
// @ts-ignore: decorator
@inline export function expm1Core32<T, C>(t: T, c0: T, c1: T, a: f32, b: f32): T {
  const tc = pmax<T>(t, bits<T>(EXPM1_T_LO));
  const kM = add<T>(mul<T>(tc, bits<T>(INV_LN2)), bits<T>(MAGIC));
  const k = sub<T>(kM, bits<T>(MAGIC));
  const hi = sub<T>(tc, mul<T>(k, bits<T>(LN2_HI)));
  const lo = mul<T>(k, bits<T>(LN2_LO));
  const r = sub<T>(hi, lo);
  const w = sub<T>(lo, mul<T>(mul<T>(r, r), expPoly<T>(r)));
  const q = sub<T>(hi, w);
  const ql = sub<T>(sub<T>(hi, q), w);
  const one = splat<T>(1.0);
  const p2 = pow2fInt<T>(intOfM<T>(kM));
  const T1 = sub<T>(one, p2);
  const u = mul<T>(p2, q);
  const mh = sub<T>(u, T1);
  const mln = sub<T>(sub<T>(add<T>(T1, mh), u), add<T>(sub<T>(p2, sub<T>(one, T1)), mul<T>(p2, ql)));
  return changetype<C>(0).expm1<T>(mh, mln, c0, c1, a, b);
}

/** log1p(eh + el) for eh in [0, 1], |el| <= ulp(eh) (reference: log1pCore32). */
// @ts-ignore: decorator
@inline export function log1pCore32<T>(eh: T, el: T): T {
  const half = splat<T>(0.5);
  const one = splat<T>(1.0);
  const big = gt<T>(eh, half);
  const fr = sel<T>(big, sub<T>(mul<T>(half, eh), half), eh);
  const s = div<T>(fr, add<T>(splat<T>(2.0), fr));
  const z = mul<T>(s, s);
  let R = add<T>(bits<T>(L3), mul<T>(z, bits<T>(L4)));
  R = add<T>(bits<T>(L2), mul<T>(z, R));
  R = add<T>(bits<T>(L1), mul<T>(z, R));
  R = mul<T>(z, R);
  const hfsq = mul<T>(mul<T>(half, fr), fr);
  // big ? LN2F_LO : 0 and big ? LN2F : 0 as masks: the false lanes get +0's bits, as the reference.
  const c = add<T>(and<T>(big, bits<T>(LN2F_LO)), mul<T>(el, recipLine<T>(add<T>(one, eh))));
  const v = sub<T>(hfsq, add<T>(mul<T>(s, add<T>(hfsq, R)), c));
  const lnh = and<T>(big, bits<T>(LN2F));
  const S = add<T>(lnh, fr);
  const Se = add<T>(sub<T>(lnh, S), fr);
  return add<T>(S, sub<T>(Se, v));
}

/**
 * beta·x = th + tl exactly (Dekker, reference: timesExact32): returns tl; th = beta·x is the
 * caller's. bh, bt are beta's halves (loop invariants).
 */
// @ts-ignore: decorator
@inline export function timesExactLow<T>(beta: T, bh: T, bt: T, x: T, th: T): T {
  const xh = high12<T>(x);
  const xt = sub<T>(x, xh);
  return add<T>(add<T>(add<T>(sub<T>(mul<T>(bh, xh), th), mul<T>(bh, xt)), mul<T>(bt, xh)), mul<T>(bt, xt));
}
