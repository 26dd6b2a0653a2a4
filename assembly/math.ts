/**
 * exp, expm1, log1p, log and the double-double helpers of src/reference/math.ts, operation for
 * operation, for a lane type T (f64 or f64x2, see lanes.ts). The reference is the algorithm;
 * this file only re-spells it:
 *  - its early `if (x !== x) return x` becomes a final select on the NaN lanes (SIMD evaluates
 *    every lane; the other lanes' results do not depend on it);
 *  - its POW2 table becomes 2^k built from exponent bits; every k reaching pow2 is in the table's
 *    normal range [-1022, 1024] because the reference splits large scalings in two factors;
 *  - w · pow2(-k) in logCorrected is exact, so it is taken as the significand's bits directly
 *    (the same value, including k = 1023 where the table holds a subnormal 2^-1023);
 *  - its `dd` output array becomes the pair ddHi<T>() / ddLo<T>() (lazy globals per lane type).
 * No fused multiply-add anywhere: wasm has none outside relaxed SIMD, which is not enabled.
 * exp, expm1 and log1p are inlined into the kernels (their hot path: +70% on softplus); log and the
 * double-double helpers are called, which keeps the SIMD build near 100 KB.
 */
import {
  abs, add, and, div, eq, exponentOf, floor, gt, isNaN, lt, mul, pmax, pmin, pow2, sel, significand,
  splat, sub,
} from './lanes';

// @ts-ignore: decorator
@inline const ROUND_MAGIC: f64 = 6755399441055744.0;
// @ts-ignore: decorator
@inline const LN2_HI: f64 = 6.93147180369123816490e-1;
// @ts-ignore: decorator
@inline const LN2_LO: f64 = 1.90821492927058770002e-10;
// @ts-ignore: decorator
@inline const INV_LN2: f64 = 1.44269504088896338700;

/** v + 1.5·2^52 - 1.5·2^52: round to the nearest integer, ties to even (|v| < 2^51). */
// @ts-ignore: decorator
@inline export function roundEven<T>(v: T): T {
  return sub<T>(add<T>(v, splat<T>(ROUND_MAGIC)), splat<T>(ROUND_MAGIC));
}

// 1/n!, n = 2..13 (the reference's E2..E13, the same doubles).
// @ts-ignore: decorator
@inline const E2: f64 = 1.0 / 2.0;
// @ts-ignore: decorator
@inline const E3: f64 = 1.0 / 6.0;
// @ts-ignore: decorator
@inline const E4: f64 = 1.0 / 24.0;
// @ts-ignore: decorator
@inline const E5: f64 = 1.0 / 120.0;
// @ts-ignore: decorator
@inline const E6: f64 = 1.0 / 720.0;
// @ts-ignore: decorator
@inline const E7: f64 = 1.0 / 5040.0;
// @ts-ignore: decorator
@inline const E8: f64 = 1.0 / 40320.0;
// @ts-ignore: decorator
@inline const E9: f64 = 1.0 / 362880.0;
// @ts-ignore: decorator
@inline const E10: f64 = 1.0 / 3628800.0;
// @ts-ignore: decorator
@inline const E11: f64 = 1.0 / 39916800.0;
// @ts-ignore: decorator
@inline const E12: f64 = 1.0 / 479001600.0;
// @ts-ignore: decorator
@inline const E13: f64 = 1.0 / 6227020800.0;

/** E2 + r(E3 + r(E4 + ... + r·E13)): the Horner polynomial shared by expm1Reduced and its DD form. */
// @ts-ignore: decorator
@inline function expPoly<T>(r: T): T {
  let p = add<T>(splat<T>(E12), mul<T>(r, splat<T>(E13)));
  p = add<T>(splat<T>(E11), mul<T>(r, p));
  p = add<T>(splat<T>(E10), mul<T>(r, p));
  p = add<T>(splat<T>(E9), mul<T>(r, p));
  p = add<T>(splat<T>(E8), mul<T>(r, p));
  p = add<T>(splat<T>(E7), mul<T>(r, p));
  p = add<T>(splat<T>(E6), mul<T>(r, p));
  p = add<T>(splat<T>(E5), mul<T>(r, p));
  p = add<T>(splat<T>(E4), mul<T>(r, p));
  p = add<T>(splat<T>(E3), mul<T>(r, p));
  return add<T>(splat<T>(E2), mul<T>(r, p));
}

/** expm1(r) for r = hi - lo, |r| <= ln2/2 + tiny, as hi + (r²p - lo). */
// @ts-ignore: decorator
@inline function expm1Reduced<T>(hi: T, lo: T): T {
  const r = sub<T>(hi, lo);
  const p = expPoly<T>(r);
  const tail = mul<T>(mul<T>(r, r), p);
  return add<T>(hi, sub<T>(tail, lo));
}

// @ts-ignore: decorator
@inline const EXP_CLAMP_HI: f64 = 710.0;
// @ts-ignore: decorator
@inline const EXP_CLAMP_LO: f64 = -746.0;
// @ts-ignore: decorator
@inline const EXPM1_CLAMP_LO: f64 = -40.0;
// @ts-ignore: decorator
@inline const EXPM1_TINY: f64 = 5.551115123125783e-17; // 2^-54

/** e^x (reference: exp). */
// @ts-ignore: decorator
@inline export function exp<T>(x: T): T {
  // x > HI ? HI : x < LO ? LO : x, as pmin/pmax (identical selects, NaN passes through).
  const xc = pmin<T>(pmax<T>(x, splat<T>(EXP_CLAMP_LO)), splat<T>(EXP_CLAMP_HI));
  const k = roundEven<T>(mul<T>(xc, splat<T>(INV_LN2)));
  const hi = sub<T>(xc, mul<T>(k, splat<T>(LN2_HI)));
  const lo = mul<T>(k, splat<T>(LN2_LO));
  const y = add<T>(splat<T>(1.0), expm1Reduced<T>(hi, lo));
  const k1 = floor<T>(mul<T>(k, splat<T>(0.5))); // k/2 is exact, as is k * 0.5
  const r = mul<T>(mul<T>(y, pow2<T>(k1)), pow2<T>(sub<T>(k, k1)));
  return sel<T>(isNaN<T>(xc), xc, r);
}

/** e^x - 1 (reference: expm1). */
// @ts-ignore: decorator
@inline export function expm1<T>(x: T): T {
  const xc = pmin<T>(pmax<T>(x, splat<T>(EXPM1_CLAMP_LO)), splat<T>(EXP_CLAMP_HI));
  const k = roundEven<T>(mul<T>(xc, splat<T>(INV_LN2)));
  const hi = sub<T>(xc, mul<T>(k, splat<T>(LN2_HI)));
  const lo = mul<T>(k, splat<T>(LN2_LO));
  const q = expm1Reduced<T>(hi, lo);
  const k1 = floor<T>(mul<T>(k, splat<T>(0.5)));
  const big = mul<T>(mul<T>(add<T>(splat<T>(1.0), q), pow2<T>(k1)), pow2<T>(sub<T>(k, k1)));
  const pk = pow2<T>(k);
  const small = add<T>(sub<T>(pk, splat<T>(1.0)), mul<T>(pk, q));
  const r = sel<T>(gt<T>(k, splat<T>(56.0)), big, small);
  const y = sel<T>(lt<T>(abs<T>(x), splat<T>(EXPM1_TINY)), x, r);
  return sel<T>(isNaN<T>(xc), xc, y);
}

// 2/(2n+1), n = 1..12.
// @ts-ignore: decorator
@inline const L1: f64 = 2.0 / 3.0;
// @ts-ignore: decorator
@inline const L2: f64 = 2.0 / 5.0;
// @ts-ignore: decorator
@inline const L3: f64 = 2.0 / 7.0;
// @ts-ignore: decorator
@inline const L4: f64 = 2.0 / 9.0;
// @ts-ignore: decorator
@inline const L5: f64 = 2.0 / 11.0;
// @ts-ignore: decorator
@inline const L6: f64 = 2.0 / 13.0;
// @ts-ignore: decorator
@inline const L7: f64 = 2.0 / 15.0;
// @ts-ignore: decorator
@inline const L8: f64 = 2.0 / 17.0;
// @ts-ignore: decorator
@inline const L9: f64 = 2.0 / 19.0;
// @ts-ignore: decorator
@inline const L10: f64 = 2.0 / 21.0;
// @ts-ignore: decorator
@inline const L11: f64 = 2.0 / 23.0;
// @ts-ignore: decorator
@inline const L12: f64 = 2.0 / 25.0;
// @ts-ignore: decorator
@inline const SQRT2: f64 = 1.4142135623730951;
// @ts-ignore: decorator
@inline const INF: f64 = Infinity;

/** log(w) + c/w for a positive normal w (reference: logCorrected). */
// @ts-ignore: decorator
@inline function logCorrected<T>(w: T, c: T): T {
  let k = exponentOf<T>(w);
  let m = significand<T>(w);
  const adjust = gt<T>(m, splat<T>(SQRT2));
  m = sel<T>(adjust, mul<T>(m, splat<T>(0.5)), m);
  k = sel<T>(adjust, add<T>(k, splat<T>(1.0)), k);
  const f = sub<T>(m, splat<T>(1.0));
  const s = div<T>(f, add<T>(splat<T>(2.0), f));
  const z = mul<T>(s, s);
  let R = add<T>(splat<T>(L11), mul<T>(z, splat<T>(L12)));
  R = add<T>(splat<T>(L10), mul<T>(z, R));
  R = add<T>(splat<T>(L9), mul<T>(z, R));
  R = add<T>(splat<T>(L8), mul<T>(z, R));
  R = add<T>(splat<T>(L7), mul<T>(z, R));
  R = add<T>(splat<T>(L6), mul<T>(z, R));
  R = add<T>(splat<T>(L5), mul<T>(z, R));
  R = add<T>(splat<T>(L4), mul<T>(z, R));
  R = add<T>(splat<T>(L3), mul<T>(z, R));
  R = add<T>(splat<T>(L2), mul<T>(z, R));
  R = add<T>(splat<T>(L1), mul<T>(z, R));
  R = mul<T>(z, R);
  const hfsq = mul<T>(mul<T>(splat<T>(0.5), f), f);
  const corr = add<T>(mul<T>(k, splat<T>(LN2_LO)), div<T>(c, w));
  const inner = sub<T>(sub<T>(hfsq, add<T>(mul<T>(s, add<T>(hfsq, R)), corr)), f);
  return sub<T>(mul<T>(k, splat<T>(LN2_HI)), inner);
}

/** log(1 + x) (reference: log1p). */
// @ts-ignore: decorator
@inline export function log1p<T>(x: T): T {
  const one = splat<T>(1.0);
  const w = add<T>(one, x);
  const c = sel<T>(lt<T>(x, one), sub<T>(x, sub<T>(w, one)), sub<T>(one, sub<T>(w, x)));
  const wc = sel<T>(and<T>(gt<T>(w, splat<T>(0.0)), lt<T>(w, splat<T>(INF))), w, one);
  const r = logCorrected<T>(wc, c);
  const special = sel<T>(eq<T>(x, splat<T>(INF)), splat<T>(INF),
    sel<T>(eq<T>(x, splat<T>(-1.0)), splat<T>(-INF),
      sel<T>(lt<T>(x, splat<T>(-1.0)), splat<T>(NaN), r)));
  const y = sel<T>(lt<T>(abs<T>(x), splat<T>(EXPM1_TINY)), x, special);
  return sel<T>(isNaN<T>(x), x, y);
}

/** Natural log for x >= 0 (reference: log). */
export function log<T>(x: T): T {
  const ok = and<T>(gt<T>(x, splat<T>(0.0)), lt<T>(x, splat<T>(INF)));
  const r = logCorrected<T>(sel<T>(ok, x, splat<T>(1.0)), splat<T>(0.0));
  const y = sel<T>(ok, r, sel<T>(eq<T>(x, splat<T>(0.0)), splat<T>(-INF),
    sel<T>(eq<T>(x, splat<T>(INF)), splat<T>(INF), splat<T>(NaN))));
  return sel<T>(isNaN<T>(x), x, y);
}

/*
 * Double-double results: the reference writes dd[0], dd[1]; here each lane type has its pair of
 * globals (lazy, so the scalar build never declares a v128 global).
 */
// @ts-ignore: decorator
@lazy let hiS: f64 = 0;
// @ts-ignore: decorator
@lazy let loS: f64 = 0;
// @ts-ignore: decorator
@lazy let hiV: v128 = f64x2.splat(0);
// @ts-ignore: decorator
@lazy let loV: v128 = f64x2.splat(0);

// @ts-ignore: decorator
@inline function setDD<T>(h: T, l: T): void {
  if (isVector<T>()) { hiV = <v128>h; loV = <v128>l; } else { hiS = <f64>h; loS = <f64>l; }
}
// @ts-ignore: decorator
@inline export function ddHi<T>(): T {
  if (isVector<T>()) return <T>hiV;
  else return <T>hiS;
}
// @ts-ignore: decorator
@inline export function ddLo<T>(): T {
  if (isVector<T>()) return <T>loV;
  else return <T>loS;
}

// @ts-ignore: decorator
@inline const SPLITTER: f64 = 134217729.0; // 2^27 + 1

/** a·b - fl(a·b) by Veltkamp splitting (reference: productError). */
// @ts-ignore: decorator
@inline function productError<T>(a: T, b: T, p: T): T {
  const ca = mul<T>(splat<T>(SPLITTER), a);
  const ah = sub<T>(ca, sub<T>(ca, a));
  const al = sub<T>(a, ah);
  const cb = mul<T>(splat<T>(SPLITTER), b);
  const bh = sub<T>(cb, sub<T>(cb, b));
  const bl = sub<T>(b, bh);
  return add<T>(add<T>(add<T>(sub<T>(mul<T>(ah, bh), p), mul<T>(ah, bl)), mul<T>(al, bh)), mul<T>(al, bl));
}

/** (nh + nl) / (dh + dl) into ddHi/ddLo (reference: ddDivide). */
export function ddDivide<T>(nh: T, nl: T, dh: T, dl: T): void {
  const q = div<T>(nh, dh);
  const p = mul<T>(q, dh);
  const pe = productError<T>(q, dh, p);
  const r = sub<T>(add<T>(sub<T>(sub<T>(nh, p), pe), nl), mul<T>(q, dl));
  const ql = div<T>(r, dh);
  const s = add<T>(q, ql);
  setDD<T>(s, sub<T>(ql, sub<T>(s, q)));
}

/** expm1(r) as double-double (reference: expm1ReducedDD). */
// @ts-ignore: decorator
@inline function expm1ReducedDD<T>(hi: T, lo: T): void {
  const r = sub<T>(hi, lo);
  const t = sub<T>(mul<T>(mul<T>(r, r), expPoly<T>(r)), lo);
  const s = add<T>(hi, t);
  setDD<T>(s, sub<T>(t, sub<T>(s, hi)));
}

// @ts-ignore: decorator
@inline const EXPDD_CLAMP_LO: f64 = -760.0;

/** 2^s · e^x as double-double for x <= 0 and a small integer s (reference: expDD). */
export function expDD<T>(x: T, s: f64): void {
  const xc = pmax<T>(x, splat<T>(EXPDD_CLAMP_LO)); // x < LO ? LO : x
  const k = roundEven<T>(mul<T>(xc, splat<T>(INV_LN2)));
  expm1ReducedDD<T>(sub<T>(xc, mul<T>(k, splat<T>(LN2_HI))), mul<T>(k, splat<T>(LN2_LO)));
  const qh = ddHi<T>(), ql = ddLo<T>();
  const one = splat<T>(1.0);
  const y = add<T>(one, qh);
  const yl = add<T>(add<T>(sub<T>(one, y), qh), ql);
  const ks = add<T>(k, splat<T>(s));
  const k1 = floor<T>(mul<T>(ks, splat<T>(0.5)));
  const s1 = pow2<T>(k1), s2 = pow2<T>(sub<T>(ks, k1));
  const nan = isNaN<T>(xc);
  setDD<T>(sel<T>(nan, xc, mul<T>(mul<T>(y, s1), s2)), sel<T>(nan, xc, mul<T>(mul<T>(yl, s1), s2)));
}

/** e^x - 1 as double-double for x <= 0 (reference: expm1DD). */
export function expm1DD<T>(x: T): void {
  const xc = pmax<T>(x, splat<T>(EXPM1_CLAMP_LO));
  const k = roundEven<T>(mul<T>(xc, splat<T>(INV_LN2)));
  expm1ReducedDD<T>(sub<T>(xc, mul<T>(k, splat<T>(LN2_HI))), mul<T>(k, splat<T>(LN2_LO)));
  const qh = ddHi<T>(), ql = ddLo<T>();
  const one = splat<T>(1.0);
  const scale = pow2<T>(k);
  const T_ = sub<T>(scale, one);
  const Terr = sub<T>(scale, add<T>(T_, one));
  const u = mul<T>(scale, qh);
  const s = add<T>(T_, u);
  const bb = sub<T>(s, T_);
  const err = add<T>(sub<T>(T_, sub<T>(s, bb)), sub<T>(u, bb));
  const tiny = lt<T>(abs<T>(x), splat<T>(EXPM1_TINY));
  const nan = isNaN<T>(xc);
  const hi = sel<T>(tiny, x, s);
  const lo = sel<T>(tiny, splat<T>(0.0), add<T>(add<T>(err, Terr), mul<T>(scale, ql)));
  setDD<T>(sel<T>(nan, xc, hi), sel<T>(nan, xc, lo));
}

