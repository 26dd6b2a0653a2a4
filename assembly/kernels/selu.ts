// selu (reference: src/reference/selu.ts): scale and scale·alpha applied as double-double constants.
import { exp, expm1 } from '../math';
import { add, gt, mul, sel, splat } from '../lanes';

// @ts-ignore: decorator
@inline const SCALE_HI: f64 = 1.0507009873554805;
// @ts-ignore: decorator
@inline const SCALE_LO: f64 = 3.9874847667154144e-17;
// @ts-ignore: decorator
@inline const SCALE_ALPHA_HI: f64 = 1.7580993408473768;
// @ts-ignore: decorator
@inline const SCALE_ALPHA_LO: f64 = 1.41535193800845e-17;

// @ts-ignore: decorator
@inline function timesScale<T>(v: T): T {
  return add<T>(mul<T>(splat<T>(SCALE_HI), v), mul<T>(splat<T>(SCALE_LO), v));
}
// @ts-ignore: decorator
@inline function timesScaleAlpha<T>(v: T): T {
  return add<T>(mul<T>(splat<T>(SCALE_ALPHA_HI), v), mul<T>(splat<T>(SCALE_ALPHA_LO), v));
}

export class Selu {
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), timesScale<T>(x), timesScaleAlpha<T>(expm1<T>(x)));
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f64, b: f64): T {
    return sel<T>(gt<T>(x, splat<T>(0.0)), splat<T>(SCALE_HI), timesScaleAlpha<T>(exp<T>(x)));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return this.f<T>(x, a, b); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return this.df<T>(x, a, b); }
}
