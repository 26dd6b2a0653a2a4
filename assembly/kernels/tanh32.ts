// tanh on Float32 data in binary32 operations (reference: tanh32 and tanh's df32 in
// src/reference/tanh.ts): -m/(2 + m), m = e^-2|x| - 1 = mh - mln, with a first-order correction.
import { expm1Core32, recipLine, TWO_M30 } from '../math32';
import { abs, add, div, mul, neg, signOf, sub, TWO, MINUS_TWO, cst } from '../lanes32';
import { bell32 } from './sigmoid32';

/** After e^-2|x| - 1 = mh - mln: c0 = x, whose sign bit goes onto t >= 0 (tanh(-0) = -0). */
export class TanhTail {
  // @ts-ignore: decorator
  @inline expm1<T>(mh: T, mln: T, x: T, c1: T, a: f32, b: f32): T {
    const two = cst<T>(TWO);
    const D = add<T>(two, mh);
    const Dl = sub<T>(add<T>(sub<T>(two, D), mh), mln);
    const t0 = div<T>(neg<T>(mh), D);
    const t = add<T>(t0, mul<T>(sub<T>(mln, mul<T>(t0, Dl)), recipLine<T>(D)));
    return signOf<T>(t, x);
  }
}

export class Tanh32 {
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f32, b: f32): T {
    return expm1Core32<T, TanhTail>(mul<T>(cst<T>(MINUS_TWO), abs<T>(x)), x, x, 0, 0);
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f32, b: f32): T { return bell32<T>(mul<T>(cst<T>(MINUS_TWO), abs<T>(x)), TWO_M30); }
}
