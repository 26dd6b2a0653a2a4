/**
 * Width-independent binary64 arithmetic. Every kernel and the math of math.ts are written once
 * against these helpers with a lane type T that is either `f64` (the scalar build) or `v128`
 * holding two binary64 lanes (f64x2, the SIMD build). The choice is made at compile time by
 * isVector<T>(), so each instantiation compiles to plain f64 or f64x2 instructions.
 *
 * Masks have the lane type too: all-ones bits for true and zero for false, as SIMD comparisons
 * produce them. sel(m, a, b) is the reference's `cond ? a : b`, evaluated lane by lane; like
 * the reference, a comparison with NaN is false.
 */

// @ts-ignore: decorator
@inline const TRUE_BITS: i64 = -1;

// @ts-ignore: decorator
@inline export function splat<T>(c: f64): T {
  if (isVector<T>()) return <T>f64x2.splat(c);
  else return <T>c;
}
// @ts-ignore: decorator
@inline export function add<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.add(<v128>a, <v128>b);
  else return <T>(<f64>a + <f64>b);
}
// @ts-ignore: decorator
@inline export function sub<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.sub(<v128>a, <v128>b);
  else return <T>(<f64>a - <f64>b);
}
// @ts-ignore: decorator
@inline export function mul<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.mul(<v128>a, <v128>b);
  else return <T>(<f64>a * <f64>b);
}
// @ts-ignore: decorator
@inline export function div<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.div(<v128>a, <v128>b);
  else return <T>(<f64>a / <f64>b);
}
// @ts-ignore: decorator
@inline export function neg<T>(a: T): T {
  if (isVector<T>()) return <T>f64x2.neg(<v128>a);
  else return <T>(-<f64>a);
}
/** Math.abs: clears the sign bit (exact). */
// @ts-ignore: decorator
@inline export function abs<T>(a: T): T {
  if (isVector<T>()) return <T>f64x2.abs(<v128>a);
  else return <T>Math.abs(<f64>a);
}
/** Math.floor (exact, IEEE roundTowardNegative). */
// @ts-ignore: decorator
@inline export function floor<T>(a: T): T {
  if (isVector<T>()) return <T>f64x2.floor(<v128>a);
  else return <T>Math.floor(<f64>a);
}

// @ts-ignore: decorator
@inline function scalarMask(c: bool): f64 {
  return c ? reinterpret<f64>(TRUE_BITS) : 0.0;
}
// @ts-ignore: decorator
@inline function isTrue(m: f64): bool {
  return reinterpret<i64>(m) != 0;
}

// @ts-ignore: decorator
@inline export function lt<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.lt(<v128>a, <v128>b);
  else return <T>scalarMask(<f64>a < <f64>b);
}
// @ts-ignore: decorator
@inline export function gt<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.gt(<v128>a, <v128>b);
  else return <T>scalarMask(<f64>a > <f64>b);
}
// @ts-ignore: decorator
@inline export function ge<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.ge(<v128>a, <v128>b);
  else return <T>scalarMask(<f64>a >= <f64>b);
}
// @ts-ignore: decorator
@inline export function eq<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.eq(<v128>a, <v128>b);
  else return <T>scalarMask(<f64>a == <f64>b);
}
/** x !== x: true exactly for NaN lanes. */
// @ts-ignore: decorator
@inline export function isNaN<T>(a: T): T {
  if (isVector<T>()) return <T>f64x2.ne(<v128>a, <v128>a);
  else return <T>scalarMask(<f64>a != <f64>a);
}
// @ts-ignore: decorator
@inline export function and<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.and(<v128>a, <v128>b);
  else return <T>reinterpret<f64>(reinterpret<i64>(<f64>a) & reinterpret<i64>(<f64>b));
}
// @ts-ignore: decorator
@inline export function or<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.or(<v128>a, <v128>b);
  else return <T>reinterpret<f64>(reinterpret<i64>(<f64>a) | reinterpret<i64>(<f64>b));
}
/** The reference's `m ? a : b`, lane by lane. */
// @ts-ignore: decorator
@inline export function sel<T>(m: T, a: T, b: T): T {
  if (isVector<T>()) return <T>v128.bitselect(<v128>a, <v128>b, <v128>m);
  else return <T>(isTrue(<f64>m) ? <f64>a : <f64>b);
}
/** a < b ? b : a (f64x2.pmax); equal to the reference's `v > m ? v : m` pattern, NaN in a kept. */
// @ts-ignore: decorator
@inline export function pmax<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.pmax(<v128>a, <v128>b);
  else return <T>(<f64>a < <f64>b ? <f64>b : <f64>a);
}
/** b < a ? b : a (f64x2.pmin). */
// @ts-ignore: decorator
@inline export function pmin<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f64x2.pmin(<v128>a, <v128>b);
  else return <T>(<f64>b < <f64>a ? <f64>b : <f64>a);
}

/*
 * Exponent-bit tools. 1.5·2^52 + k for an integer |k| < 2^51 carries k in the low bits of its
 * encoding, which converts between integer-valued doubles and 64-bit integers without a
 * (trapping, or non-SIMD) float-to-int instruction.
 */
// @ts-ignore: decorator
@inline const MAGIC: f64 = 6755399441055744.0;
// @ts-ignore: decorator
@inline const MAGIC_BITS: i64 = 0x4338000000000000;

/** 2^k for an integer-valued k in [-1022, 1024] (1024 gives +Inf, as the reference's table). */
// @ts-ignore: decorator
@inline export function pow2<T>(k: T): T {
  if (isVector<T>()) {
    const ki = i64x2.sub(<v128>f64x2.add(<v128>k, f64x2.splat(MAGIC)), i64x2.splat(MAGIC_BITS));
    return <T>i64x2.shl(i64x2.add(ki, i64x2.splat(1023)), 52);
  } else {
    const ki = reinterpret<i64>(<f64>k + MAGIC) - MAGIC_BITS;
    return <T>reinterpret<f64>((ki + 1023) << 52);
  }
}

/** floor(log2(w)) for a positive normal w, read from its exponent bits, as a double. */
// @ts-ignore: decorator
@inline export function exponentOf<T>(w: T): T {
  if (isVector<T>()) {
    const e = v128.and(i64x2.shr_u(<v128>w, 52), i64x2.splat(0x7ff));
    return <T>f64x2.sub(<v128>i64x2.add(e, i64x2.splat(MAGIC_BITS - 1023)), f64x2.splat(MAGIC));
  } else {
    const e = (reinterpret<i64>(<f64>w) >>> 52) & 0x7ff;
    return <T>(reinterpret<f64>(e + (MAGIC_BITS - 1023)) - MAGIC);
  }
}

/** w · 2^-exponentOf(w) for a positive normal w: the significand in [1, 2), exactly. */
// @ts-ignore: decorator
@inline export function significand<T>(w: T): T {
  if (isVector<T>()) {
    return <T>v128.or(v128.and(<v128>w, i64x2.splat(0x000fffffffffffff)), i64x2.splat(0x3ff0000000000000));
  } else {
    return <T>reinterpret<f64>((reinterpret<i64>(<f64>w) & 0x000fffffffffffff) | 0x3ff0000000000000);
  }
}
