// tanh on Float32 data in binary32 operations (reference: tanh32 and tanh's df32 in
// src/reference/tanh.ts): -m/(2 + m), m = e^-2|x| - 1 = mh - mln, with a first-order correction.
// Four inputs at a time, interleaved (see math32.ts).
import { expm1Core32, recipLine, TWO_M30 } from '../math32';
import { abs, add, cst, div, mul, neg, put4, signOf, sub, TWO, MINUS_TWO } from '../lanes32';
import { bell32 } from './sigmoid32';

/** After e^-2|x| - 1 = mh - mln: c0..c3 = x, whose sign bit goes onto t >= 0 (tanh(-0) = -0). */
export class TanhTail {
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, mh2: T, mln2: T, mh3: T, mln3: T,
    x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const two = cst<T>(TWO);
    const D0 = add<T>(two, mh0), D1 = add<T>(two, mh1), D2 = add<T>(two, mh2), D3 = add<T>(two, mh3);
    const Dl0 = sub<T>(add<T>(sub<T>(two, D0), mh0), mln0), Dl1 = sub<T>(add<T>(sub<T>(two, D1), mh1), mln1);
    const Dl2 = sub<T>(add<T>(sub<T>(two, D2), mh2), mln2), Dl3 = sub<T>(add<T>(sub<T>(two, D3), mh3), mln3);
    const t00 = div<T>(neg<T>(mh0), D0), t01 = div<T>(neg<T>(mh1), D1);
    const t02 = div<T>(neg<T>(mh2), D2), t03 = div<T>(neg<T>(mh3), D3);
    const t0 = add<T>(t00, mul<T>(sub<T>(mln0, mul<T>(t00, Dl0)), recipLine<T>(D0)));
    const t1 = add<T>(t01, mul<T>(sub<T>(mln1, mul<T>(t01, Dl1)), recipLine<T>(D1)));
    const t2 = add<T>(t02, mul<T>(sub<T>(mln2, mul<T>(t02, Dl2)), recipLine<T>(D2)));
    const t3 = add<T>(t03, mul<T>(sub<T>(mln3, mul<T>(t03, Dl3)), recipLine<T>(D3)));
    put4<T>(dst, dy, bwd, signOf<T>(t0, x0), signOf<T>(t1, x1), signOf<T>(t2, x2), signOf<T>(t3, x3));
  }
}

export class Tanh32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m2 = cst<T>(MINUS_TWO);
    expm1Core32<T, TanhTail>(mul<T>(m2, abs<T>(x0)), mul<T>(m2, abs<T>(x1)), mul<T>(m2, abs<T>(x2)), mul<T>(m2, abs<T>(x3)),
      false, x0, x1, x2, x3, 0, 0, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m2 = cst<T>(MINUS_TWO);
    bell32<T>(mul<T>(m2, abs<T>(x0)), mul<T>(m2, abs<T>(x1)), mul<T>(m2, abs<T>(x2)), mul<T>(m2, abs<T>(x3)),
      TWO_M30, dst, dy, bwd);
  }
}
