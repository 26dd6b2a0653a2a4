/**
 * The elementwise loops of the float32 kernels (kernels/*32.ts), for Float32 data of the smooth
 * functions: the kernel runs on float32 lanes directly (no widening; its result is already the
 * float32 the reference returns). SIMD build: f32x4, several vectors per step (the kernels are
 * long dependency chains; independent vectors keep the units busy), the last partial step through
 * a small static buffer inside the same loop so each body is compiled once. Scalar build: f32.
 * Backward is dy·f'(x), one binary32 product (the reference's dy·fround(f') rounded once).
 */

/** Which method of a float32 kernel a loop evaluates. */
export class Forward32 {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f32, b: f32): T { return changetype<K>(0).f<T>(x, a, b); }
}
export class Derivative32 {
  // @ts-ignore: decorator
  @inline ev<K, T>(x: T, a: f32, b: f32): T { return changetype<K>(0).df<T>(x, a, b); }
}

// @ts-ignore: decorator
@inline const STEP: usize = 32; // two vectors
const TAIL_X: usize = memory.data(32, 16);
const TAIL_DY: usize = memory.data(32, 16);
const TAIL_OUT: usize = memory.data(32, 16);

/** out[i] = M(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function mapF32<K, M>(x: usize, out: usize, n: i32, a64: f64, b64: f64): void {
  const bytes = <usize>n << 2;
  const a = <f32>a64, b = <f32>b64; // the facade rounded the parameters to float32 already
  const m = changetype<M>(0);
  if (ASC_FEATURE_SIMD) {
    const end = bytes & ~(STEP - 1);
    for (let o: usize = 0; o < end; o += STEP) {
      const v0 = v128.load(x + o), v1 = v128.load(x + o, 16);
      v128.store(out + o, m.ev<K, v128>(v0, a, b));
      v128.store(out + o, m.ev<K, v128>(v1, a, b), 16);
    }
    if (end < bytes) {
      memory.copy(TAIL_X, x + end, bytes - end);
      v128.store(TAIL_OUT, m.ev<K, v128>(v128.load(TAIL_X), a, b));
      v128.store(TAIL_OUT, m.ev<K, v128>(v128.load(TAIL_X, 16), a, b), 16);
      memory.copy(out + end, TAIL_OUT, bytes - end);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 4) store<f32>(out + o, m.ev<K, f32>(load<f32>(x + o), a, b));
  }
}

/** out[i] = dy[i]·f'(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function backwardF32<K>(x: usize, dy: usize, out: usize, n: i32, a64: f64, b64: f64): void {
  const bytes = <usize>n << 2;
  const a = <f32>a64, b = <f32>b64;
  const k = changetype<K>(0);
  if (ASC_FEATURE_SIMD) {
    const end = bytes & ~(STEP - 1);
    for (let o: usize = 0; o < end; o += STEP) {
      const d0 = k.df<v128>(v128.load(x + o), a, b), d1 = k.df<v128>(v128.load(x + o, 16), a, b);
      v128.store(out + o, f32x4.mul(v128.load(dy + o), d0));
      v128.store(out + o, f32x4.mul(v128.load(dy + o, 16), d1), 16);
    }
    if (end < bytes) {
      memory.copy(TAIL_X, x + end, bytes - end);
      memory.copy(TAIL_DY, dy + end, bytes - end);
      const d0 = k.df<v128>(v128.load(TAIL_X), a, b), d1 = k.df<v128>(v128.load(TAIL_X, 16), a, b);
      v128.store(TAIL_OUT, f32x4.mul(v128.load(TAIL_DY), d0));
      v128.store(TAIL_OUT, f32x4.mul(v128.load(TAIL_DY, 16), d1), 16);
      memory.copy(out + end, TAIL_OUT, bytes - end);
    }
  } else {
    for (let o: usize = 0; o < bytes; o += 4) store<f32>(out + o, load<f32>(dy + o) * k.df<f32>(load<f32>(x + o), a, b));
  }
}
