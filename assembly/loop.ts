/**
 * The elementwise loops, written once for every kernel of kernels/*.ts. A kernel is a class with
 * inline methods f, df (binary64 formula), fp, dfp (the Float64-data variants) generic in the lane
 * type; the piecewise-linear ones also have f4/df4 on float32 lanes. The loops load the data,
 * widen Float32 to binary64, evaluate, and round once at the store, as the reference's typed-array
 * store does. In the SIMD build the body runs on v128 (4 float32 = two f64x2, or 2 float64) and the
 * last partial vector goes through a small static buffer; the scalar build runs the same kernel on
 * f64. `a` and `b` are the function's parameters in spec order (unused ones are 0).
 */

/** 32 bytes for the partial step at the end of an array. */
const TAIL: usize = memory.data(32, 16);

/** Which of a kernel's methods a loop evaluates. */
export class Forward {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f64, b: f64): T { return changetype<K>(0).f<T>(x, a, b); }
}
export class Derivative {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f64, b: f64): T { return changetype<K>(0).df<T>(x, a, b); }
}
export class ForwardPrecise {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f64, b: f64): T { return changetype<K>(0).fp<T>(x, a, b); }
}
export class DerivativePrecise {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f64, b: f64): T { return changetype<K>(0).dfp<T>(x, a, b); }
}

/** Four float32 lanes through the binary64 formula: two f64x2 halves, each rounded once. */
// @ts-ignore: decorator
@inline function eval4<K, M>(v: v128, a: f64, b: f64): v128 {
  const m = changetype<M>(0);
  const lo = m.ev<K, v128>(f64x2.promote_low_f32x4(v), a, b);
  const hi = m.ev<K, v128>(f64x2.promote_low_f32x4(v128.shuffle<u64>(v, v, 1, 0)), a, b);
  return v128.shuffle<u64>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 2);
}

/**
 * Each step does two vectors (32 bytes): the formulas are long dependency chains, and two
 * independent ones keep the vector units busy (about 1.5x on sigmoid). The last partial step
 * goes through TAIL (x or, for backward, dy through TAIL_DY) and back, inside the same loop, so
 * each kernel's body is compiled once. `left` is the bytes remaining.
 */
const STEP_BYTES: usize = 32;
const TAIL_DY: usize = memory.data(32, 16);
// @ts-ignore: decorator
@inline function source(p: usize, left: usize, tail: usize): usize {
  if (left >= STEP_BYTES) return p;
  memory.copy(tail, p, left);
  return tail;
}
// @ts-ignore: decorator
@inline function target(p: usize, left: usize): usize {
  return left >= STEP_BYTES ? p : TAIL;
}
// @ts-ignore: decorator
@inline function finish(out: usize, dst: usize, left: usize): void {
  if (left < STEP_BYTES) memory.copy(out, dst, left);
}

/** out[i] = M(x[i]) for Float32 data, through binary64. */
// @ts-ignore: decorator
@inline export function map32<K, M>(x: usize, out: usize, n: i32, a: f64, b: f64): void {
  const bytes = <usize>n << 2;
  if (ASC_FEATURE_SIMD) {
    for (let o: usize = 0; o < bytes; o += STEP_BYTES) {
      const left = bytes - o;
      const src = source(x + o, left, TAIL), dst = target(out + o, left);
      const v0 = v128.load(src), v1 = v128.load(src, 16);
      v128.store(dst, eval4<K, M>(v0, a, b));
      v128.store(dst, eval4<K, M>(v1, a, b), 16);
      finish(out + o, dst, left);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 4) {
      store<f32>(out + o, <f32>changetype<M>(0).ev<K, f64>(<f64>load<f32>(x + o), a, b));
    }
  }
}

/** out[i] = dy[i] · fround(f'(x[i])) for Float32 data (the product of two float32 rounded once). */
// @ts-ignore: decorator
@inline export function backward32<K>(x: usize, dy: usize, out: usize, n: i32, a: f64, b: f64): void {
  const bytes = <usize>n << 2;
  if (ASC_FEATURE_SIMD) {
    for (let o: usize = 0; o < bytes; o += STEP_BYTES) {
      const left = bytes - o;
      const src = source(x + o, left, TAIL), g = source(dy + o, left, TAIL_DY), dst = target(out + o, left);
      const d0 = eval4<K, Derivative>(v128.load(src), a, b), d1 = eval4<K, Derivative>(v128.load(src, 16), a, b);
      v128.store(dst, f32x4.mul(v128.load(g), d0));
      v128.store(dst, f32x4.mul(v128.load(g, 16), d1), 16);
      finish(out + o, dst, left);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 4) {
      const d = <f64><f32>changetype<K>(0).df<f64>(<f64>load<f32>(x + o), a, b);
      store<f32>(out + o, <f32>(<f64>load<f32>(dy + o) * d));
    }
  }
}

/** out[i] = M(x[i]) for Float64 data. */
// @ts-ignore: decorator
@inline export function map64<K, M>(x: usize, out: usize, n: i32, a: f64, b: f64): void {
  const bytes = <usize>n << 3;
  if (ASC_FEATURE_SIMD) {
    const m = changetype<M>(0);
    for (let o: usize = 0; o < bytes; o += STEP_BYTES) {
      const left = bytes - o;
      const src = source(x + o, left, TAIL), dst = target(out + o, left);
      const v0 = v128.load(src), v1 = v128.load(src, 16);
      v128.store(dst, m.ev<K, v128>(v0, a, b));
      v128.store(dst, m.ev<K, v128>(v1, a, b), 16);
      finish(out + o, dst, left);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 8) store<f64>(out + o, changetype<M>(0).ev<K, f64>(load<f64>(x + o), a, b));
  }
}

/** out[i] = dy[i] · f'(x[i]) for Float64 data, f' being the precise variant. */
// @ts-ignore: decorator
@inline export function backward64<K>(x: usize, dy: usize, out: usize, n: i32, a: f64, b: f64): void {
  const bytes = <usize>n << 3;
  const k = changetype<K>(0);
  if (ASC_FEATURE_SIMD) {
    for (let o: usize = 0; o < bytes; o += STEP_BYTES) {
      const left = bytes - o;
      const src = source(x + o, left, TAIL), g = source(dy + o, left, TAIL_DY), dst = target(out + o, left);
      const d0 = k.dfp<v128>(v128.load(src), a, b), d1 = k.dfp<v128>(v128.load(src, 16), a, b);
      v128.store(dst, f64x2.mul(v128.load(g), d0));
      v128.store(dst, f64x2.mul(v128.load(g, 16), d1), 16);
      finish(out + o, dst, left);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 8) store<f64>(out + o, load<f64>(dy + o) * k.dfp<f64>(load<f64>(x + o), a, b));
  }
}

/** Copies the last (partial) vector of x into TAIL and back out, for the float32-lane loops. */
// @ts-ignore: decorator
@inline function loadTail(p: usize, bytes: usize): v128 {
  memory.copy(TAIL, p, bytes);
  return v128.load(TAIL);
}
// @ts-ignore: decorator
@inline function storeTail(p: usize, bytes: usize, v: v128): void {
  v128.store(TAIL, v);
  memory.copy(p, TAIL, bytes);
}

/*
 * Piecewise-linear kernels on Float32 data need no widening: their selects and the one product
 * (alpha·x, dy·f') of two float32 values rounded once give the same bits in float32 lanes.
 */

/** out[i] = f(x[i]) (derivative = false) or f'(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function narrow32<K>(derivative: bool, x: usize, out: usize, n: i32, a: f64, b: f64): void {
  if (ASC_FEATURE_SIMD) {
    const bytes = <usize>n << 2;
    const end = bytes & ~15;
    const k = changetype<K>(0);
    const a4 = <f32>a, b4 = <f32>b;
    if (derivative) {
      for (let o: usize = 0; o < end; o += 16) v128.store(out + o, k.df4(v128.load(x + o), a4, b4));
      if (end < bytes) storeTail(out + end, bytes - end, k.df4(loadTail(x + end, bytes - end), a4, b4));
    } else {
      // Four vectors per step: these bodies are a few instructions, so the loop's own cost shows.
      let o: usize = 0;
      for (; o + 64 <= end; o += 64) {
        const v0 = v128.load(x + o), v1 = v128.load(x + o, 16), v2 = v128.load(x + o, 32), v3 = v128.load(x + o, 48);
        v128.store(out + o, k.f4(v0, a4, b4));
        v128.store(out + o, k.f4(v1, a4, b4), 16);
        v128.store(out + o, k.f4(v2, a4, b4), 32);
        v128.store(out + o, k.f4(v3, a4, b4), 48);
      }
      for (; o < end; o += 16) v128.store(out + o, k.f4(v128.load(x + o), a4, b4));
      if (end < bytes) storeTail(out + end, bytes - end, k.f4(loadTail(x + end, bytes - end), a4, b4));
    }
  } else if (derivative) {
    map32<K, Derivative>(x, out, n, a, b);
  } else {
    map32<K, Forward>(x, out, n, a, b);
  }
}

/** out[i] = dy[i] · f'(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function narrowBackward32<K>(x: usize, dy: usize, out: usize, n: i32, a: f64, b: f64): void {
  if (ASC_FEATURE_SIMD) {
    const bytes = <usize>n << 2;
    const end = bytes & ~15;
    const k = changetype<K>(0);
    const a4 = <f32>a, b4 = <f32>b;
    for (let o: usize = 0; o < end; o += 16) v128.store(out + o, f32x4.mul(v128.load(dy + o), k.df4(v128.load(x + o), a4, b4)));
    if (end < bytes) {
      const d = k.df4(loadTail(x + end, bytes - end), a4, b4);
      storeTail(out + end, bytes - end, f32x4.mul(loadTail(dy + end, bytes - end), d));
    }
  } else {
    backward32<K>(x, dy, out, n, a, b);
  }
}
