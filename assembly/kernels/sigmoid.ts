// sigmoid (reference: src/reference/sigmoid.ts): e = e^-|x|; binary64 for Float32 data, the same
// formula in double-double for Float64 data.
import { ddDivide, ddHi, ddLo, exp, expDD } from '../math';
import { abs, add, div, ge, mul, neg, sel, splat, sub } from '../lanes';

/** sigmoid(x) = (x >= 0 ? 1 : e) / (1 + e) (reference: sigmoid64). */
// @ts-ignore: decorator
@inline export function sigmoid64<T>(x: T): T {
  const e = exp<T>(neg<T>(abs<T>(x)));
  return div<T>(sel<T>(ge<T>(x, splat<T>(0.0)), splat<T>(1.0), e), add<T>(splat<T>(1.0), e));
}

/** reference: sigmoidPrecise. */
// @ts-ignore: decorator
@inline export function sigmoidPrecise<T>(x: T): T {
  expDD<T>(neg<T>(abs<T>(x)), 0);
  const eh = ddHi<T>(), el = ddLo<T>();
  const one = splat<T>(1.0);
  const Dh = add<T>(one, eh);
  const Dl = add<T>(add<T>(sub<T>(one, Dh), eh), el);
  const pos = ge<T>(x, splat<T>(0.0));
  ddDivide<T>(sel<T>(pos, one, eh), sel<T>(pos, splat<T>(0.0), el), Dh, Dl);
  return ddHi<T>();
}

/** 2^s e / (1 + e)^2 with e = e^negAbs in double-double (reference: bellPrecise). */
// @ts-ignore: decorator
@inline export function bellPrecise<T>(negAbs: T, s: f64): T {
  expDD<T>(negAbs, 0);
  const eh = ddHi<T>(), el = ddLo<T>();
  const one = splat<T>(1.0);
  const Dh = add<T>(one, eh);
  const Dl = add<T>(add<T>(sub<T>(one, Dh), eh), el);
  expDD<T>(negAbs, s);
  ddDivide<T>(ddHi<T>(), ddLo<T>(), Dh, Dl);
  ddDivide<T>(ddHi<T>(), ddLo<T>(), Dh, Dl);
  return ddHi<T>();
}

export class Sigmoid {
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f64, b: f64): T { return sigmoid64<T>(x); }
  /** e/(1+e)^2 (reference: sigmoidDerivative64). */
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f64, b: f64): T {
    const e = exp<T>(neg<T>(abs<T>(x)));
    const d = add<T>(splat<T>(1.0), e);
    return div<T>(e, mul<T>(d, d));
  }
  // @ts-ignore: decorator
  @inline fp<T>(x: T, a: f64, b: f64): T { return sigmoidPrecise<T>(x); }
  // @ts-ignore: decorator
  @inline dfp<T>(x: T, a: f64, b: f64): T { return bellPrecise<T>(neg<T>(abs<T>(x)), 0); }
}
