// thresholdedRelu (reference: src/reference/thresholdedRelu.ts). f = x > theta ? x : (NaN ? x : 0);
// f' = x > theta ? 1 : (NaN ? x : 0).
import { gt, isNaN, sel, splat } from '../lanes';

export class ThresholdedRelu {
  // @ts-ignore: decorator
  @inline f<T>(x: T, theta: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(theta)), x, sel<T>(isNaN<T>(x), x, splat<T>(0.0)));
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, theta: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(theta)), splat<T>(1.0), sel<T>(isNaN<T>(x), x, splat<T>(0.0)));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return this.df<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline f4(x: v128, theta: f32, b: f32): v128 {
    return v128.bitselect(x, v128.bitselect(x, f32x4.splat(0), f32x4.ne(x, x)), f32x4.gt(x, f32x4.splat(theta)));
  }
  // @ts-ignore: decorator
  @inline df4(x: v128, theta: f32, b: f32): v128 {
    return v128.bitselect(f32x4.splat(1), v128.bitselect(x, f32x4.splat(0), f32x4.ne(x, x)), f32x4.gt(x, f32x4.splat(theta)));
  }
}
