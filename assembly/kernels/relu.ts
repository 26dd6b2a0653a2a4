// relu (reference: src/reference/relu.ts). f = x < 0 ? 0 : x; f' = x > 0 ? 1 : (NaN ? x : 0).
import { gt, isNaN, pmax, sel, splat } from '../lanes';

export class Relu {
  /** pmax(x, 0) is exactly `x < 0 ? 0 : x`: NaN and -0 pass through. */
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f64, b: f64): T { return pmax<T>(x, splat<T>(0.0)); }
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), splat<T>(1.0), sel<T>(isNaN<T>(x), x, splat<T>(0.0)));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return this.df<T>(x, a, b); }
  /** Float32 lanes directly: a select of float32 values rounds nothing. */
  // @ts-ignore: decorator
  @inline f4(x: v128, a: f32, b: f32): v128 { return f32x4.pmax(x, f32x4.splat(0)); }
  // @ts-ignore: decorator
  @inline df4(x: v128, a: f32, b: f32): v128 {
    return v128.bitselect(f32x4.splat(1), v128.bitselect(x, f32x4.splat(0), f32x4.ne(x, x)), f32x4.gt(x, f32x4.splat(0)));
  }
}
