// tanh (reference: src/reference/tanh.ts): -m/(2+m) with m = expm1(-2|x|); double-double for Float64.
import { ddDivide, ddHi, ddLo, exp, expm1, expm1DD } from '../math';
import { abs, add, div, lt, mul, neg, sel, splat, sub } from '../lanes';
import { bellPrecise } from './sigmoid';

// @ts-ignore: decorator
@inline const TINY: f64 = 7.450580596923828e-9; // 2^-27

export class Tanh {
  /** reference: tanh64. */
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f64, b: f64): T {
    const m = expm1<T>(mul<T>(splat<T>(-2.0), abs<T>(x)));
    const t = div<T>(neg<T>(m), add<T>(splat<T>(2.0), m));
    const y = sel<T>(lt<T>(x, splat<T>(0.0)), neg<T>(t), t);
    return sel<T>(lt<T>(abs<T>(x), splat<T>(TINY)), x, y);
  }
  /** 4e/(1+e)^2 with e = e^-2|x| (reference: tanhDerivative64). */
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f64, b: f64): T {
    const e = exp<T>(mul<T>(splat<T>(-2.0), abs<T>(x)));
    const d = add<T>(splat<T>(1.0), e);
    return div<T>(mul<T>(splat<T>(4.0), e), mul<T>(d, d));
  }
  /** reference: tanhPrecise. */
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T {
    expm1DD<T>(mul<T>(splat<T>(-2.0), abs<T>(x)));
    const mh = ddHi<T>(), ml = ddLo<T>();
    const two = splat<T>(2.0);
    const Dh = add<T>(two, mh);
    const Dl = add<T>(add<T>(sub<T>(two, Dh), mh), ml);
    ddDivide<T>(neg<T>(mh), neg<T>(ml), Dh, Dl);
    const t = ddHi<T>();
    const y = sel<T>(lt<T>(x, splat<T>(0.0)), neg<T>(t), t);
    return sel<T>(lt<T>(abs<T>(x), splat<T>(TINY)), x, y);
  }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return bellPrecise<T>(mul<T>(splat<T>(-2.0), abs<T>(x)), 2); }
}
