/**
 * Row tools for softmax and logSoftmax (reference: rowMax, rowExp, rowShift of
 * src/reference/softmax.ts), for element type F (f32 or f64) and lane type T. A row is n elements
 * `stride` bytes apart. T = v128 takes elements in pairs (j, j+1), gathered when the row is
 * strided; an odd last element is paired with itself and only lane 0 is stored.
 */
import { exp, log, log1p } from './math';
import { rowExp32, topCountOf } from './rowExp32';
import { abs, add, eq, lt, mul, sel, sub } from './lanes';
import { sumBlocks } from './sum';

/** The lanes of the vector maximum, read back one by one. */
const LANES: usize = memory.data(16, 16);

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

/** Elements 0, 1 (half 0) or 2, 3 (half 1) of four contiguous float32 at p, widened to binary64. */
// @ts-ignore: decorator
@inline export function loadHalf32(p: usize, half: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p + (half << 3)));
}

/**
 * Four contiguous float32 elements at p, rounded from the binary64 pairs a (elements 0, 1) and b
 * (2, 3): one store instead of two (the SIMD build's contiguous Float32 rows).
 */
// @ts-ignore: decorator
@inline export function storeQuad32(p: usize, a: v128, b: v128): void {
  v128.store(p, i64x2.shuffle(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 2));
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

/**
 * The running maximum m continued over n elements, NaN winning (reference: rowMax's loop). The
 * maximum does not depend on the order except for the sign of a zero maximum, which the caller's
 * final + 0 erases; so a contiguous row is scanned a vector at a time with pmax (`v > m ? v : m`
 * per lane, exact in the data's own precision) and a NaN flag.
 */
export function rowMaxFrom<F>(x: usize, n: i32, stride: usize, m: f64): f64 {
  let j = 0;
  if (ASC_FEATURE_SIMD && stride == sizeof<F>()) {
    const lanes = 16 / <i32>sizeof<F>();
    let acc = sizeof<F>() == 4 ? f32x4.splat(-Infinity) : f64x2.splat(-Infinity);
    let nan = i32x4.splat(0);
    for (; j + lanes <= n; j += lanes) {
      const v = v128.load(x + (<usize>j << (sizeof<F>() == 4 ? 2 : 3)));
      if (sizeof<F>() == 4) { acc = f32x4.pmax(acc, v); nan = v128.or(nan, f32x4.ne(v, v)); }
      else { acc = f64x2.pmax(acc, v); nan = v128.or(nan, f64x2.ne(v, v)); }
    }
    if (v128.any_true(nan)) return NaN;
    v128.store(LANES, acc);
    for (let l = 0; l < lanes; l++) {
      const v = <f64>load<F>(LANES + <usize>l * sizeof<F>());
      m = v > m || v != v ? v : m;
    }
  }
  for (; j < n; j++) {
    const v = <f64>load<F>(x + <usize>j * stride);
    m = v > m || v != v ? v : m;
    if (m != m) break;
  }
  return m;
}

/** The row maximum, NaN winning, plus +0 (reference: rowMax). */
// @ts-ignore: decorator
@inline export function rowMax<F>(x: usize, n: i32, stride: usize): f64 {
  return rowMaxFrom<F>(x, n, stride, -Infinity) + 0;
}

/** reference: rowShift: the max, or 0 for an all -Inf row. */
// @ts-ignore: decorator
@inline export function rowShift(m: f64): f64 {
  return m == -Infinity ? 0 : m;
}

/**
 * e[j] = e^(x_j - shift) for j in [0, n) (reference: rowExpTerms; e has room for one more
 * element). Float32 rows take expDiff32 on float32 lanes (rowExp32.ts says why); Float64 rows the
 * full binary64 exp of the binary64 difference.
 */
export function rowExp<F, T>(x: usize, n: i32, stride: usize, shift: f64, e: usize): void {
  if (sizeof<F>() == 4) {
    rowExp32(x, n, stride, shift, e, false);
    return;
  }
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


/** log1p(T) of one value with the lane type of the build. */
export function log1pOf(t: f64): f64 {
  if (ASC_FEATURE_SIMD) return f64x2.extract_lane(log1p<v128>(f64x2.splat(t)), 0);
  else return log1p<f64>(t);
}

/** logSoftmax's c: how many x_j - shift == 0 the lseSumSegment calls of the current row saw. */
let lseCount: f64 = 0;

/** c of the current row (after its last lseSumSegment). */
export function lseCountOf(): f64 {
  return lseCount;
}

/**
 * Continues logSoftmax's T over a segment (reference: rowLse): e_j = e^(x_j - shift), replaced
 * by 0 where x_j - shift == 0 (those are counted in lseCount instead), summed in the canonical
 * order. `first` starts a row (T and the count from 0).
 */
export function lseSumSegment<F, T>(x: usize, len: i32, stride: usize, shift: f64, e: usize, t: f64, first: bool): f64 {
  if (sizeof<F>() == 4) {
    // Float32 rows: x_j - shift is exact in expDiff32 (no rounding error r to correct), and the
    // terms with x_j == shift are zeroed and counted on the float32 lanes.
    rowExp32(x, len, stride, shift, e, true);
    lseCount = (first ? 0.0 : lseCount) + <f64>topCountOf();
    return sumBlocks(e, len, t, first);
  }
  rowExp<F, T>(x, len, stride, shift, e);
  // Float64 rows: t_j = x_j - shift == 0 ? 0 : e_j (1 + r), r the rounding error of
  // d = x_j - shift (two-sum; 0 for d infinite): see the reference. Whole steps as vectors, the
  // odd last element alone.
  const s = splatT<T>(shift), ns = splatT<T>(-shift), zero = splatT<T>(0), one = splatT<T>(1), inf = splatT<T>(Infinity);
  let cv = zero;
  let j = 0;
  for (; j + STEP <= len; j += STEP) {
    const v = loadPair<F, T>(x + <usize>j * stride, stride);
    const d = sub<T>(v, s), b = sub<T>(d, v);
    const r = sel<T>(lt<T>(abs<T>(d), inf), add<T>(sub<T>(v, sub<T>(d, b)), sub<T>(ns, b)), zero);
    const p = e + (<usize>j << 3);
    const ej = loadTerms<T>(p);
    const top = eq<T>(d, zero);
    storeTerms<T>(p, sel<T>(top, zero, add<T>(ej, mul<T>(ej, r))));
    cv = add<T>(cv, sel<T>(top, one, zero));
  }
  let c = first ? 0.0 : lseCount;
  if (isVector<T>()) c += f64x2.extract_lane(<v128>cv, 0) + f64x2.extract_lane(<v128>cv, 1);
  else c += <f64>cv;
  for (; j < len; j++) {
    const v = <f64>load<F>(x + <usize>j * stride);
    const d = v - shift, b = d - v;
    const r = abs(d) < Infinity ? (v - (d - b)) + (-shift - b) : 0.0;
    const p = e + (<usize>j << 3);
    const ej = load<f64>(p);
    if (d == 0) c += 1;
    store<f64>(p, d == 0 ? 0.0 : ej + ej * r);
  }
  lseCount = c;
  return sumBlocks(e, len, t, first);
}

/** lse = c == 1 ? log1p(T) : log(c + T) (reference: rowLse). */
export function lseOf(c: f64, t: f64): f64 {
  return c == 1 ? log1pOf(t) : logOf(c + t);
}
