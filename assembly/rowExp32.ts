/**
 * e_j = e^(x_j - m) of a Float32 softmax/logSoftmax row (reference: expDiff32 in
 * src/reference/math32.ts, called by rowExpTerms), into binary64 terms e[0..n).
 *
 * Why float32 lanes: the exponential is the cost of a softmax row. A binary64 exp runs two
 * elements per f64x2 vector with a degree-11 polynomial; the float32 core runs four per f32x4
 * with degree 6. It can, without losing the float32 result's accuracy, because v - m of two
 * float32 values is exactly t + tl (TwoSum in float32: the error of a float32 subtraction is a
 * float32), and expCore32 returns e^(t + tl) as an unrounded pair (y + yl)·2^k good to 2^-25.8 (measured). Only
 * the last step leaves float32: y + yl is rounded once in binary64 and scaled by 2^k, which is
 * exact there (k >= -157 is a normal binary64 power, where as float32 it would be subnormal) —
 * the canonical sum and R = 1/S that follow are binary64, as before.
 *
 * The same core as the elementwise float32 kernels (math32.ts: four vectors interleaved, handed to
 * a continuation that stores). In the SIMD build each vector's four results are widened in two
 * halves (promote the low two lanes, then the high two after a shuffle), and 2^k is built from
 * the exponent bits k + 1023 (shifted into the high 32-bit words, zeros interleaved below). The
 * scalar build does the same one float at a time. The drop `t < EXP_T_LO ? 0 : e` clears y and
 * yl on those lanes before widening ((+0 + +0)·2^k = +0, their k being -157); NaN t is not
 * dropped and stays NaN.
 *
 * logSoftmax's T additionally zeroes the terms with v - m == 0 and counts them (the reference's c):
 * t == 0 exactly where v == m (a nonzero float32 difference never rounds to 0 without FTZ, and
 * v = m = ±Inf gives NaN in both precisions), so the mask is t == 0 on the lanes.
 */
import { expCore32x4, EXP_T_LO } from './math32';
import { add, sub } from './lanes32';

/** The rest of a row (fewer elements than a step), padded, and its terms. */
const TAIL_X: usize = memory.data(64, 16);
const TAIL_E: usize = memory.data(128, 16);

/** bits(kM) - this = k + 1023 for kM = k + 1.5·2^23 (math32.ts keeps k that way). */
// @ts-ignore: decorator
@inline const KM_TO_BIASED: i32 = 0x4b400000 - 1023;
const KM_TO_BIASED4: usize = memory.data<i32>([KM_TO_BIASED, KM_TO_BIASED, KM_TO_BIASED, KM_TO_BIASED], 16);

/** logSoftmax's count of terms with v - m == 0 in the last rowExp32 call with `top`. */
let topCount: i32 = 0;

/** How many terms with v == m the last rowExp32 call with `top` zeroed. */
export function topCountOf(): i32 {
  return topCount;
}

/**
 * Four binary64 terms from one f32x4 result: (y + yl)·2^k per lane, +0 where `drop`; the low two
 * lanes to dst, the high two to dst + 16.
 */
// @ts-ignore: decorator
@inline function store4(dst: usize, y: v128, yl: v128, kM: v128, drop: v128): void {
  // Dropped lanes clear y and yl before widening: (+0 + +0)·2^k = +0 (their k is -157, finite).
  // Both, and before the product: where t is -Inf or v - m overflowed, TwoSum's tl is NaN, and so
  // are y and yl.
  const yk = v128.andnot(y, drop), ylk = v128.andnot(yl, drop);
  // The high words of 2^k: (k + 1023) << 20 (k + 1023 in [866, 1023] unless t is NaN), below
  // them the low words 0 (one shift for four lanes, then interleaved with zeros; the same bits as
  // (k + 1023) << 52 in i64 lanes, which keeps only the low 12 bits of k + 1023 too).
  const hw = i32x4.shl(i32x4.sub(kM, v128.load(KM_TO_BIASED4)), 20), z = i32x4.splat(0);
  const pL = i32x4.shuffle(z, hw, 0, 4, 1, 5), pH = i32x4.shuffle(z, hw, 2, 6, 3, 7);
  const yH = i32x4.shuffle(yk, yk, 2, 3, 2, 3), ylH = i32x4.shuffle(ylk, ylk, 2, 3, 2, 3);
  const sL = f64x2.add(f64x2.promote_low_f32x4(yk), f64x2.promote_low_f32x4(ylk));
  const sH = f64x2.add(f64x2.promote_low_f32x4(yH), f64x2.promote_low_f32x4(ylH));
  v128.store(dst, f64x2.mul(sL, pL));
  v128.store(dst, f64x2.mul(sH, pH), 16);
}

/** One binary64 term (scalar build): t < EXP_T_LO (or a counted top) ? 0 : (y + yl)·2^k. */
// @ts-ignore: decorator
@inline function store1(dst: usize, y: f32, yl: f32, kM: f32, t: f32, top: bool): void {
  const kb = <i64>(reinterpret<i32>(kM) - KM_TO_BIASED);
  const e = (<f64>y + <f64>yl) * reinterpret<f64>(kb << 52);
  const zero = t < load<f32>(EXP_T_LO) || (top && t == 0);
  if (top && t == 0) topCount++;
  store<f64>(dst, zero ? 0.0 : e);
}

/** expCore32x4's continuation: stores the four lane groups' terms at dst (t0..t3 in c0..c3; `top` in bwd). */
export class ExpDiffStore {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    t0: T, t1: T, t2: T, t3: T, e0: T, e1: T, e2: T, e3: T, a: f32, b: f32, dst: usize, dy: usize, top: bool): void {
    if (isVector<T>()) {
      const lo = v128.load(EXP_T_LO);
      let d0 = f32x4.lt(<v128>t0, lo), d1 = f32x4.lt(<v128>t1, lo);
      let d2 = f32x4.lt(<v128>t2, lo), d3 = f32x4.lt(<v128>t3, lo);
      if (top) {
        const z = f32x4.splat(0);
        const q0 = f32x4.eq(<v128>t0, z), q1 = f32x4.eq(<v128>t1, z);
        const q2 = f32x4.eq(<v128>t2, z), q3 = f32x4.eq(<v128>t3, z);
        topCount += <i32>popcnt(i32x4.bitmask(q0)) + <i32>popcnt(i32x4.bitmask(q1))
          + <i32>popcnt(i32x4.bitmask(q2)) + <i32>popcnt(i32x4.bitmask(q3));
        d0 = v128.or(d0, q0); d1 = v128.or(d1, q1); d2 = v128.or(d2, q2); d3 = v128.or(d3, q3);
      }
      store4(dst, <v128>y0, <v128>yl0, <v128>kM0, d0);
      store4(dst + 32, <v128>y1, <v128>yl1, <v128>kM1, d1);
      store4(dst + 64, <v128>y2, <v128>yl2, <v128>kM2, d2);
      store4(dst + 96, <v128>y3, <v128>yl3, <v128>kM3, d3);
    } else {
      store1(dst, <f32>y0, <f32>yl0, <f32>kM0, <f32>t0, top);
      store1(dst + 8, <f32>y1, <f32>yl1, <f32>kM1, <f32>t1, top);
      store1(dst + 16, <f32>y2, <f32>yl2, <f32>kM2, <f32>t2, top);
      store1(dst + 24, <f32>y3, <f32>yl3, <f32>kM3, <f32>t3, top);
    }
  }
}

/** One lane group of the row at p (elements `stride` bytes apart). */
// @ts-ignore: decorator
@inline function loadX<T>(p: usize, stride: usize): T {
  if (isVector<T>()) {
    if (stride == 4) return <T>v128.load(p);
    let v = v128.load32_zero(p);
    v = v128.load32_lane(p + stride, v, 1);
    v = v128.load32_lane(p + 2 * stride, v, 2);
    return <T>v128.load32_lane(p + 3 * stride, v, 3);
  } else {
    return <T>load<f32>(p);
  }
}

/**
 * Four lane groups of the row at p (each `group` bytes after the last): t + tl = v - m exactly
 * (TwoSum: t = v - m, b = t - v, tl = (v - (t - b)) + (-m - b)), then the core and the stores.
 * The last term is spelled (v - (t - b)) - (m + b): -m - b = -(m + b) exactly (round to nearest
 * is symmetric), so tl is the same number; only a zero may change sign (-0 + +0 against -0 - +0),
 * and a zero tl's sign never shows: the core's first use is lo = k·LN2_LO - tl, where k·LN2_LO is
 * +0 or nonzero. It saves keeping -m in a register.
 */
// @ts-ignore: decorator
@inline function step<T>(p: usize, stride: usize, group: usize, m: T, dst: usize, top: bool): void {
  const v0 = loadX<T>(p, stride), v1 = loadX<T>(p + group, stride);
  const v2 = loadX<T>(p + 2 * group, stride), v3 = loadX<T>(p + 3 * group, stride);
  const t0 = sub<T>(v0, m), t1 = sub<T>(v1, m), t2 = sub<T>(v2, m), t3 = sub<T>(v3, m);
  const b0 = sub<T>(t0, v0), b1 = sub<T>(t1, v1), b2 = sub<T>(t2, v2), b3 = sub<T>(t3, v3);
  const tl0 = sub<T>(sub<T>(v0, sub<T>(t0, b0)), add<T>(m, b0));
  const tl1 = sub<T>(sub<T>(v1, sub<T>(t1, b1)), add<T>(m, b1));
  const tl2 = sub<T>(sub<T>(v2, sub<T>(t2, b2)), add<T>(m, b2));
  const tl3 = sub<T>(sub<T>(v3, sub<T>(t3, b3)), add<T>(m, b3));
  expCore32x4<T, ExpDiffStore>(t0, t1, t2, t3, tl0, tl1, tl2, tl3, true, t0, t1, t2, t3, t0, t1, t2, t3, 0, 0, dst, 0, top);
}

// @ts-ignore: decorator
@inline function rowExpLanes<T>(x: usize, n: i32, stride: usize, shift: f64, e: usize, top: bool): void {
  const lanes: i32 = isVector<T>() ? 4 : 1;
  const W = 4 * lanes; // elements per step
  const mf = <f32>shift; // a float32 value (the row max + 0, or 0)
  const m = isVector<T>() ? <T>f32x4.splat(mf) : <T>mf;
  const group = <usize>lanes * stride;
  let j = 0;
  for (; j + W <= n; j += W) step<T>(x + <usize>j * stride, stride, group, m, e + (<usize>j << 3), top);
  if (j < n) {
    // Padded with -Inf: t = -Inf (or NaN), never 0, so the padding is neither kept nor counted.
    const left = n - j;
    for (let l = 0; l < W; l++) {
      store<f32>(TAIL_X + (<usize>l << 2), l < left ? load<f32>(x + <usize>(j + l) * stride) : -Infinity);
    }
    step<T>(TAIL_X, 4, <usize>lanes << 2, m, TAIL_E, top);
    memory.copy(e + (<usize>j << 3), TAIL_E, <usize>left << 3);
  }
}

/*
 * The SIMD build's contiguous rows, without and with logSoftmax's `top`, each its own function:
 * V8 does not unswitch loops, so a runtime `stride == 4` or `top` stays inside the loop body
 * (the gather path and the count with it, and more values spilled). Two functions rather than
 * one `if (top)` around two inlined copies, which Binaryen folds back into one loop with the
 * flag as a variable. Strided rows keep one loop with the runtime flag.
 */
function rowExpRows(x: usize, n: i32, shift: f64, e: usize): void {
  rowExpLanes<v128>(x, n, 4, shift, e, false);
}
function rowExpRowsTop(x: usize, n: i32, shift: f64, e: usize): void {
  rowExpLanes<v128>(x, n, 4, shift, e, true);
}

/**
 * e[j] = e^(x_j - shift) for a row of n float32 elements `stride` bytes apart (reference:
 * rowExpTerms for Float32 data). `top` (logSoftmax's T): terms with x_j == shift are 0 instead
 * and counted (topCountOf).
 */
export function rowExp32(x: usize, n: i32, stride: usize, shift: f64, e: usize, top: bool): void {
  topCount = 0;
  if (ASC_FEATURE_SIMD) {
    if (stride == 4) {
      if (top) rowExpRowsTop(x, n, shift, e);
      else rowExpRows(x, n, shift, e);
    } else {
      rowExpLanes<v128>(x, n, stride, shift, e, top);
    }
  } else {
    rowExpLanes<f32>(x, n, stride, shift, e, top);
  }
}
