// elu (reference: src/reference/elu.ts). f = x > 0 ? x : alpha·expm1(x); f' = x > 0 ? 1 : alpha·e^x.
import { exp, expm1 } from '../math';
import { gt, mul, sel, splat } from '../lanes';

export class Elu {
  // @ts-ignore: decorator
  @inline f<T>(x: T, alpha: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), x, mul<T>(splat<T>(alpha), expm1<T>(x)));
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, alpha: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), splat<T>(1.0), mul<T>(splat<T>(alpha), exp<T>(x)));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return this.df<T>(x, a, b); }
}
