/**
 * Row tools for softmax and logSoftmax (reference: rowMax, rowExp, rowShift of
 * src/reference/softmax.ts), for element type F (f32 or f64) and lane type T. A row is n elements
 * `stride` bytes apart. T = v128 takes elements in pairs (j, j+1), gathered when the row is
 * strided; an odd last element is paired with itself and only lane 0 is stored.
 */
import { exp, log } from './math';
import { sub } from './lanes';

/** Elements per step: 2 in the SIMD build, 1 in the scalar build. */
// @ts-ignore: decorator
@inline export const STEP: i32 = ASC_FEATURE_SIMD ? 2 : 1;

/** Elements j and j+1 (or j twice when `second` is 0) of a row, widened to binary64. */
// @ts-ignore: decorator
@inline export function loadPair<F, T>(p: usize, second: usize): T {
  if (isVector<T>()) {
    if (sizeof<F>() == 8 && second == 8) return <T>v128.load(p);
    if (sizeof<F>() == 4 && second == 4) return <T>f64x2.promote_low_f32x4(v128.load64_zero(p));
    return <T>f64x2.replace_lane(f64x2.splat(<f64>load<F>(p)), 1, <f64>load<F>(p + second));
  } else {
    return <T><f64>load<F>(p);
  }
}

/** Rounds to F and stores lane 0 at p and (when `second` is non-zero) lane 1 at p + second. */
// @ts-ignore: decorator
@inline export function storePair<F, T>(p: usize, second: usize, v: T): void {
  if (isVector<T>()) {
    if (sizeof<F>() == 8 && second == 8) { v128.store(p, <v128>v); return; }
    if (sizeof<F>() == 4 && second == 4) { v128.store64_lane(p, f32x4.demote_f64x2_zero(<v128>v), 0); return; }
    store<F>(p, <F>f64x2.extract_lane(<v128>v, 0));
    if (second) store<F>(p + second, <F>f64x2.extract_lane(<v128>v, 1));
  } else {
    store<F>(p, <F><f64>v);
  }
}

/** Binary64 terms: contiguous. */
// @ts-ignore: decorator
@inline export function loadTerms<T>(p: usize): T {
  if (isVector<T>()) return <T>v128.load(p);
  else return <T>load<f64>(p);
}
// @ts-ignore: decorator
@inline export function storeTerms<T>(p: usize, v: T): void {
  if (isVector<T>()) v128.store(p, <v128>v);
  else store<f64>(p, <f64>v);
}

/** The row maximum, NaN winning, plus +0 (reference: rowMax). */
export function rowMax<F>(x: usize, n: i32, stride: usize): f64 {
  let m = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = <f64>load<F>(x + <usize>j * stride);
    m = v > m || v != v ? v : m;
    if (m != m) break;
  }
  return m + 0;
}

/** reference: rowShift: the max, or 0 for an all -Inf row. */
// @ts-ignore: decorator
@inline export function rowShift(m: f64): f64 {
  return m == -Infinity ? 0 : m;
}

/** e[j] = e^(x_j - shift) for j in [0, n) (e has room for one more element). */
export function rowExp<F, T>(x: usize, n: i32, stride: usize, shift: f64, e: usize): void {
  const s = splatT<T>(shift);
  let j = 0;
  // Two independent steps at a time (exp is a long dependency chain).
  for (; j + 2 * STEP <= n; j += 2 * STEP) {
    const p = x + <usize>j * stride;
    const a0 = loadPair<F, T>(p, stride), a1 = loadPair<F, T>(p + <usize>STEP * stride, stride);
    storeTerms<T>(e + (<usize>j << 3), exp<T>(sub<T>(a0, s)));
    storeTerms<T>(e + (<usize>(j + STEP) << 3), exp<T>(sub<T>(a1, s)));
  }
  for (; j < n; j += STEP) {
    const second = j + 1 < n ? stride : 0;
    storeTerms<T>(e + (<usize>j << 3), exp<T>(sub<T>(loadPair<F, T>(x + <usize>j * stride, second), s)));
  }
}

// @ts-ignore: decorator
@inline export function splatT<T>(c: f64): T {
  if (isVector<T>()) return <T>f64x2.splat(c);
  else return <T>c;
}

/** log(S) of one value with the lane type of the build (no second instantiation of the math). */
export function logOf(S: f64): f64 {
  if (ASC_FEATURE_SIMD) return f64x2.extract_lane(log<v128>(f64x2.splat(S)), 0);
  else return log<f64>(S);
}

