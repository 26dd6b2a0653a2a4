// tanh on Float32 data in binary32 operations (reference: tanh32 and tanh's df32 in
// src/reference/tanh.ts): -m/(2 + m), m = e^-2|x| - 1 = mh - mln, with a first-order correction.
// Two inputs at a time, interleaved (see math32.ts).
import { expm1Core32, recipLine, TWO_M30 } from '../math32';
import { abs, add, cst, div, mul, neg, put2, signOf, sub, TWO, MINUS_TWO } from '../lanes32';
import { bell32 } from './sigmoid32';

/** After e^-2|x| - 1 = mh - mln: c0, c1 = x, whose sign bit goes onto t >= 0 (tanh(-0) = -0). */
export class TanhTail {
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const two = cst<T>(TWO);
    const D0 = add<T>(two, mh0), D1 = add<T>(two, mh1);
    const Dl0 = sub<T>(add<T>(sub<T>(two, D0), mh0), mln0), Dl1 = sub<T>(add<T>(sub<T>(two, D1), mh1), mln1);
    const t00 = div<T>(neg<T>(mh0), D0), t01 = div<T>(neg<T>(mh1), D1);
    const t0 = add<T>(t00, mul<T>(sub<T>(mln0, mul<T>(t00, Dl0)), recipLine<T>(D0)));
    const t1 = add<T>(t01, mul<T>(sub<T>(mln1, mul<T>(t01, Dl1)), recipLine<T>(D1)));
    put2<T>(dst, dy, bwd, signOf<T>(t0, x0), signOf<T>(t1, x1));
  }
}

export class Tanh32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m2 = cst<T>(MINUS_TWO);
    expm1Core32<T, TanhTail>(mul<T>(m2, abs<T>(x0)), mul<T>(m2, abs<T>(x1)), x0, x1, 0, 0, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m2 = cst<T>(MINUS_TWO);
    bell32<T>(mul<T>(m2, abs<T>(x0)), mul<T>(m2, abs<T>(x1)), TWO_M30, dst, dy, bwd);
  }
}
