/**
 * The elementwise loops of the float32 kernels (kernels/*32.ts), for Float32 data of the smooth
 * functions: the kernel runs on float32 lanes directly (no widening; its result is already the
 * float32 the reference returns). Each step hands four lane groups to the kernel, which evaluates
 * them interleaved and stores them (math32.ts says why): four f32x4 vectors (16 elements) in the
 * SIMD build, four f32 in the scalar build. The last partial step goes through small static
 * buffers. Backward is dy·f'(x), one binary32 product (the reference's dy·fround(f') rounded once).
 * All input vectors are loaded before any result is stored, so out may be x (in place).
 */

/** Which method of a float32 kernel a loop evaluates. */
export class Forward32 {
  // @ts-ignore: decorator
  @inline ev<K, T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    changetype<K>(0).f<T>(x0, x1, x2, x3, a, b, dst, dy, bwd);
  }
}
export class Derivative32 {
  // @ts-ignore: decorator
  @inline ev<K, T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    changetype<K>(0).df<T>(x0, x1, x2, x3, a, b, dst, dy, bwd);
  }
}

const TAIL_X: usize = memory.data(64, 16);
const TAIL_DY: usize = memory.data(64, 16);
const TAIL_OUT: usize = memory.data(64, 16);

/** Four lane groups of x at p. */
// @ts-ignore: decorator
@inline function step<K, M, T>(p: usize, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
  const m = changetype<M>(0);
  if (isVector<T>()) m.ev<K, T>(<T>v128.load(p), <T>v128.load(p, 16), <T>v128.load(p, 32), <T>v128.load(p, 48), a, b, dst, dy, bwd);
  else m.ev<K, T>(<T>load<f32>(p), <T>load<f32>(p, 4), <T>load<f32>(p, 8), <T>load<f32>(p, 12), a, b, dst, dy, bwd);
}

/** out[i] = M(x[i]) (dy = 0), or for backward out[i] = dy[i]·f'(x[i]) (M = Derivative32). */
// @ts-ignore: decorator
@inline function run<K, M, T>(x: usize, dy: usize, out: usize, n: i32, a64: f64, b64: f64, bwd: bool): void {
  const STEP: usize = isVector<T>() ? 64 : 16;
  const bytes = <usize>n << 2;
  const a = <f32>a64, b = <f32>b64; // the facade rounded the parameters to float32 already
  const end = bytes & ~(STEP - 1);
  for (let o: usize = 0; o < end; o += STEP) step<K, M, T>(x + o, a, b, out + o, dy + o, bwd);
  if (end < bytes) {
    const left = bytes - end;
    memory.copy(TAIL_X, x + end, left);
    if (bwd) memory.copy(TAIL_DY, dy + end, left);
    step<K, M, T>(TAIL_X, a, b, TAIL_OUT, TAIL_DY, bwd);
    memory.copy(out + end, TAIL_OUT, left);
  }
}

/** out[i] = M(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function mapF32<K, M>(x: usize, out: usize, n: i32, a: f64, b: f64): void {
  if (ASC_FEATURE_SIMD) run<K, M, v128>(x, 0, out, n, a, b, false);
  else run<K, M, f32>(x, 0, out, n, a, b, false);
}

/** out[i] = dy[i]·f'(x[i]) on float32 lanes. */
// @ts-ignore: decorator
@inline export function backwardF32<K>(x: usize, dy: usize, out: usize, n: i32, a: f64, b: f64): void {
  if (ASC_FEATURE_SIMD) run<K, Derivative32, v128>(x, dy, out, n, a, b, true);
  else run<K, Derivative32, f32>(x, dy, out, n, a, b, true);
}
