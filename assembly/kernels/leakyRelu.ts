// leakyRelu (reference: src/reference/leakyRelu.ts). f = x < 0 ? alpha·x : x; f' = x > 0 ? 1 : (NaN ? x : alpha).
import { gt, isNaN, lt, mul, sel, splat } from '../lanes';

export class LeakyRelu {
  // @ts-ignore: decorator
  @inline f<T>(x: T, alpha: f64, b: f64): T {
    return sel<T>(lt<T>(x, splat<T>(0.0)), mul<T>(splat<T>(alpha), x), x);
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, alpha: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), splat<T>(1.0), sel<T>(isNaN<T>(x), x, splat<T>(alpha)));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return this.df<T>(x, a, b); }
  /** Float32 lanes: alpha·x of two float32 values rounded once to float32, as the reference's store. */
  // @ts-ignore: decorator
  @inline f4(x: v128, alpha: f32, b: f32): v128 {
    return v128.bitselect(f32x4.mul(f32x4.splat(alpha), x), x, f32x4.lt(x, f32x4.splat(0)));
  }
  // @ts-ignore: decorator
  @inline df4(x: v128, alpha: f32, b: f32): v128 {
    return v128.bitselect(f32x4.splat(1), v128.bitselect(x, f32x4.splat(alpha), f32x4.ne(x, x)), f32x4.gt(x, f32x4.splat(0)));
  }
}
