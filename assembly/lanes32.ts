/**
 * Width-independent binary32 arithmetic for the float32 kernels (math32.ts, kernels/*32.ts): the
 * lane type T is `f32` (the scalar build) or `v128` holding four binary32 lanes (f32x4, the SIMD
 * build), chosen at compile time by isVector<T>(). Every helper is one IEEE binary32 operation
 * rounded to nearest even (wasm has no FTZ/DAZ and, without relaxed SIMD, no FMA).
 *
 * Masks and integer bit patterns have the lane type too (all-ones for true, as SIMD compares give
 * them); in the scalar build they are f32 locals that are only ever reinterpreted, never used in
 * arithmetic, so their bits pass through unchanged. sel(m, a, b) is the reference's `c ? a : b`.
 */

// @ts-ignore: decorator
@inline export function splat<T>(c: f32): T {
  if (isVector<T>()) return <T>f32x4.splat(c);
  else return <T>c;
}
/**
 * A constant stored as four equal 32-bit lanes at p (memory.data, 16-byte aligned). V8 builds a
 * v128.const in the loop body from immediates (several instructions each, every iteration); a
 * 16-byte load is one. The scalar build loads one lane.
 */
// @ts-ignore: decorator
@inline export function cst<T>(p: usize): T {
  if (isVector<T>()) return <T>v128.load(p);
  else return <T>load<f32>(p);
}
export const ONE: usize = memory.data<u32>([0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000], 16);
export const TWO: usize = memory.data<u32>([0x40000000, 0x40000000, 0x40000000, 0x40000000], 16);
export const HALF: usize = memory.data<u32>([0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000], 16);
export const MINUS_TWO: usize = memory.data<u32>([0xc0000000, 0xc0000000, 0xc0000000, 0xc0000000], 16);
const HIGH12: usize = memory.data<u32>([0xfffff000, 0xfffff000, 0xfffff000, 0xfffff000], 16);
const SIGN: usize = memory.data<u32>([0x80000000, 0x80000000, 0x80000000, 0x80000000], 16);
const NO_SIGN: usize = memory.data<u32>([0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff], 16);
const MAGIC_BITS: usize = memory.data<u32>([0x4b400000, 0x4b400000, 0x4b400000, 0x4b400000], 16);
/** Exponent biases for pow2fM: 127 (2^k) and 127 + 32 (2^(k+32)). */
export const BIAS: usize = memory.data<u32>([127, 127, 127, 127], 16);
export const BIAS32: usize = memory.data<u32>([159, 159, 159, 159], 16);
// @ts-ignore: decorator
@inline export function add<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.add(<v128>a, <v128>b);
  else return <T>(<f32>a + <f32>b);
}
// @ts-ignore: decorator
@inline export function sub<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.sub(<v128>a, <v128>b);
  else return <T>(<f32>a - <f32>b);
}
// @ts-ignore: decorator
@inline export function mul<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.mul(<v128>a, <v128>b);
  else return <T>(<f32>a * <f32>b);
}
// @ts-ignore: decorator
@inline export function div<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.div(<v128>a, <v128>b);
  else return <T>(<f32>a / <f32>b);
}
/*
 * neg, abs and negAbs are sign-bit operations (as f32x4.neg/abs are defined) with the mask loaded:
 * V8 builds f32x4.neg/abs's mask from scratch in every use (three instructions instead of one).
 */
// @ts-ignore: decorator
@inline export function neg<T>(a: T): T {
  if (isVector<T>()) return <T>v128.xor(<v128>a, v128.load(SIGN));
  else return <T>(-<f32>a);
}
// @ts-ignore: decorator
@inline export function abs<T>(a: T): T {
  if (isVector<T>()) return <T>v128.and(<v128>a, v128.load(NO_SIGN));
  else return <T>Math.abs(<f32>a);
}
/** -|a| (sign bit set): neg(abs(a)) bit for bit, NaN included. */
// @ts-ignore: decorator
@inline export function negAbs<T>(a: T): T {
  if (isVector<T>()) return <T>v128.or(<v128>a, v128.load(SIGN));
  else return <T>reinterpret<f32>(u(<f32>a) | 0x80000000);
}

// @ts-ignore: decorator
@inline function scalarMask(c: bool): f32 {
  return reinterpret<f32>(c ? <u32>0xffffffff : <u32>0);
}
// @ts-ignore: decorator
@inline function u(a: f32): u32 {
  return reinterpret<u32>(a);
}

// @ts-ignore: decorator
@inline export function lt<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.lt(<v128>a, <v128>b);
  else return <T>scalarMask(<f32>a < <f32>b);
}
// @ts-ignore: decorator
@inline export function gt<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.gt(<v128>a, <v128>b);
  else return <T>scalarMask(<f32>a > <f32>b);
}
// @ts-ignore: decorator
@inline export function ge<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.ge(<v128>a, <v128>b);
  else return <T>scalarMask(<f32>a >= <f32>b);
}
// @ts-ignore: decorator
@inline export function eq<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.eq(<v128>a, <v128>b);
  else return <T>scalarMask(<f32>a == <f32>b);
}
// @ts-ignore: decorator
@inline export function and<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.and(<v128>a, <v128>b);
  else return <T>reinterpret<f32>(u(<f32>a) & u(<f32>b));
}
// @ts-ignore: decorator
@inline export function or<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>v128.or(<v128>a, <v128>b);
  else return <T>reinterpret<f32>(u(<f32>a) | u(<f32>b));
}
/** m ? +0 : a (the bits of a with the true lanes cleared). */
// @ts-ignore: decorator
@inline export function zeroWhere<T>(m: T, a: T): T {
  if (isVector<T>()) return <T>v128.andnot(<v128>a, <v128>m);
  else return <T>reinterpret<f32>(u(<f32>a) & ~u(<f32>m));
}
/** m ? -a : a: the sign bit flipped in the true lanes (two bit operations instead of a select). */
// @ts-ignore: decorator
@inline export function negWhere<T>(m: T, a: T): T {
  if (isVector<T>()) return <T>v128.xor(<v128>a, v128.and(<v128>m, v128.load(SIGN)));
  else return <T>reinterpret<f32>(u(<f32>a) ^ (u(<f32>m) & 0x80000000));
}
/** s's sign bit clear ? -a : a (the reference's `s >= 0 ? -a : a` except at s = -0 and NaN s). */
// @ts-ignore: decorator
@inline export function negWherePos<T>(s: T, a: T): T {
  if (isVector<T>()) return <T>v128.xor(<v128>a, v128.andnot(v128.load(SIGN), <v128>s));
  else return <T>reinterpret<f32>(u(<f32>a) ^ (~u(<f32>s) & 0x80000000));
}
/**
 * All ones where a's sign bit is set (a < 0, -0, or a NaN with the sign set): an arithmetic shift,
 * no float compare (the complement of the reference's `a >= 0` except at -0 and NaN).
 */
// @ts-ignore: decorator
@inline export function signMask<T>(a: T): T {
  if (isVector<T>()) return <T>i32x4.shr_s(<v128>a, 31);
  else return <T>reinterpret<f32>(reinterpret<i32>(<f32>a) >> 31);
}
/**
 * `a < lo ? lo : a` for a negative lo, as an integer min of the bits: the same for every a with its
 * sign bit set except a NaN (negative floats order as their bits in reverse, as signed i32); a
 * with the sign clear or NaN gives lo. For callers that select another arm there (nonNegOrNaN).
 */
// @ts-ignore: decorator
@inline export function minNeg<T>(a: T, lo: T): T {
  if (isVector<T>()) return <T>i32x4.min_s(<v128>a, <v128>lo);
  else return <T>reinterpret<f32>(min(reinterpret<i32>(<f32>a), reinterpret<i32>(<f32>lo)));
}
/** All ones where a has its sign bit clear (+0 included) or is NaN: a's bits above -Inf's as i32. */
// @ts-ignore: decorator
@inline export function nonNegOrNaN<T>(a: T): T {
  if (isVector<T>()) return <T>i32x4.gt_s(<v128>a, i32x4.splat(0xff800000));
  else return <T>scalarMask(reinterpret<i32>(<f32>a) > <i32>0xff800000);
}
/** The reference's `m ? a : b`, lane by lane. */
// @ts-ignore: decorator
@inline export function sel<T>(m: T, a: T, b: T): T {
  if (isVector<T>()) return <T>v128.bitselect(<v128>a, <v128>b, <v128>m);
  else return <T>(u(<f32>m) != 0 ? <f32>a : <f32>b);
}
/** a < b ? b : a (f32x4.pmax): the reference's `t < LO ? LO : t` clamp, NaN in a kept. */
// @ts-ignore: decorator
@inline export function pmax<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>f32x4.pmax(<v128>a, <v128>b);
  else return <T>(<f32>a < <f32>b ? <f32>b : <f32>a);
}

/*
 * Integer bit operations (exact). For an integral k with |k| < 2^22, kM = k + 1.5·2^23 is computed
 * exactly and its encoding is 0x4b400000 + k: the integer k is read from those bits without a
 * float-to-int conversion (which traps in scalar wasm).
 */
// @ts-ignore: decorator
@inline export function high12<T>(v: T): T {
  if (isVector<T>()) return <T>v128.and(<v128>v, v128.load(HIGH12));
  else return <T>reinterpret<f32>(u(<f32>v) & 0xfffff000);
}
/**
 * 2^(k + n) from kM = k + 1.5·2^23: (bits(kM) + 127 + n) << 23 (0x4b400000 << 23 wraps to 0);
 * bias points at 127 + n (BIAS, BIAS32).
 */
// @ts-ignore: decorator
@inline export function pow2fM<T>(kM: T, bias: usize): T {
  if (isVector<T>()) return <T>i32x4.shl(i32x4.add(<v128>kM, v128.load(bias)), 23);
  else return <T>reinterpret<f32>((u(<f32>kM) + load<u32>(bias)) << 23);
}
/** The integer k of kM = k + 1.5·2^23, as i32 lanes. */
// @ts-ignore: decorator
@inline export function intOfM<T>(kM: T): T {
  if (isVector<T>()) return <T>i32x4.sub(<v128>kM, v128.load(MAGIC_BITS));
  else return <T>reinterpret<f32>(u(<f32>kM) - 0x4b400000);
}
/** floor(k/2) of integer lanes: an arithmetic shift. */
// @ts-ignore: decorator
@inline export function halfFloorInt<T>(k: T): T {
  if (isVector<T>()) return <T>i32x4.shr_s(<v128>k, 1);
  else return <T>reinterpret<f32>(reinterpret<i32>(<f32>k) >> 1);
}
// @ts-ignore: decorator
@inline export function subInt<T>(a: T, b: T): T {
  if (isVector<T>()) return <T>i32x4.sub(<v128>a, <v128>b);
  else return <T>reinterpret<f32>(u(<f32>a) - u(<f32>b));
}
/** 2^n for integer lanes n in [-126, 127]. */
// @ts-ignore: decorator
@inline export function pow2fInt<T>(n: T): T {
  if (isVector<T>()) return <T>i32x4.shl(i32x4.add(<v128>n, v128.load(BIAS)), 23);
  else return <T>reinterpret<f32>((u(<f32>n) + 127) << 23);
}
/** t with the sign bit of x (t >= 0 or NaN): t | (x & 0x80000000). */
// @ts-ignore: decorator
@inline export function signOf<T>(t: T, x: T): T {
  if (isVector<T>()) return <T>v128.or(<v128>t, v128.and(<v128>x, v128.load(SIGN)));
  else return <T>reinterpret<f32>(u(<f32>t) | (u(<f32>x) & 0x80000000));
}

/**
 * Stores a kernel's two results r0, r1 at dst (two lanes' worth apart): f or f' as they are, or
 * for backward (bwd) dy·f', one binary32 product with the dy at the same place of dy.
 */
// @ts-ignore: decorator
@inline export function put2<T>(dst: usize, dy: usize, bwd: bool, r0: T, r1: T): void {
  // Both dy are read before either store (out may be dy).
  if (isVector<T>()) {
    const o0 = bwd ? f32x4.mul(v128.load(dy), <v128>r0) : <v128>r0;
    const o1 = bwd ? f32x4.mul(v128.load(dy, 16), <v128>r1) : <v128>r1;
    v128.store(dst, o0);
    v128.store(dst, o1, 16);
  } else {
    const o0 = bwd ? load<f32>(dy) * <f32>r0 : <f32>r0;
    const o1 = bwd ? load<f32>(dy, 4) * <f32>r1 : <f32>r1;
    store<f32>(dst, o0);
    store<f32>(dst, o1, 4);
  }
}

/** put2 for four results r0..r3 (four lane groups at dst); every dy is read before any store. */
// @ts-ignore: decorator
@inline export function put4<T>(dst: usize, dy: usize, bwd: bool, r0: T, r1: T, r2: T, r3: T): void {
  if (isVector<T>()) {
    const o0 = bwd ? f32x4.mul(v128.load(dy), <v128>r0) : <v128>r0;
    const o1 = bwd ? f32x4.mul(v128.load(dy, 16), <v128>r1) : <v128>r1;
    const o2 = bwd ? f32x4.mul(v128.load(dy, 32), <v128>r2) : <v128>r2;
    const o3 = bwd ? f32x4.mul(v128.load(dy, 48), <v128>r3) : <v128>r3;
    v128.store(dst, o0);
    v128.store(dst, o1, 16);
    v128.store(dst, o2, 32);
    v128.store(dst, o3, 48);
  } else {
    const o0 = bwd ? load<f32>(dy) * <f32>r0 : <f32>r0;
    const o1 = bwd ? load<f32>(dy, 4) * <f32>r1 : <f32>r1;
    const o2 = bwd ? load<f32>(dy, 8) * <f32>r2 : <f32>r2;
    const o3 = bwd ? load<f32>(dy, 12) * <f32>r3 : <f32>r3;
    store<f32>(dst, o0);
    store<f32>(dst, o1, 4);
    store<f32>(dst, o2, 8);
    store<f32>(dst, o3, 12);
  }
}
