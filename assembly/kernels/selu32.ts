// selu on Float32 data in binary32 operations (reference: selu's f32/df32, src/reference/selu.ts):
// scale and scale·alpha as float32 pairs, so each product costs about one rounding.
import { expCore32, expm1Core32, scale2 } from '../math32';
import { add, cst, gt, mul, sel, splat, sub } from '../lanes32';

const SH: usize = memory.data<u32>([0x3f867d5f, 0x3f867d5f, 0x3f867d5f, 0x3f867d5f], 16); // fround(scale): selu' for x > 0
const SD: usize = memory.data<u32>([0x3f867d5e, 0x3f867d5e, 0x3f867d5e, 0x3f867d5e], 16); // scale rounded down, so SDL > 0 and selu(+Inf) = Inf + Inf
const SDL: usize = memory.data<u32>([0x33b5488a, 0x33b5488a, 0x33b5488a, 0x33b5488a], 16);
const SAH: usize = memory.data<u32>([0x3fe10966, 0x3fe10966, 0x3fe10966, 0x3fe10966], 16); // scale·alpha = SAH + SAL
const SAL: usize = memory.data<u32>([0x32c81e06, 0x32c81e06, 0x32c81e06, 0x32c81e06], 16);

export class SeluTail {
  /** x > 0 ? SD·x + SDL·x : SAH·mh - (SAH·mln - SAL·mh); c0 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh: T, mln: T, x: T, c1: T, a: f32, b: f32): T {
    const sah = cst<T>(SAH);
    const neg = sub<T>(mul<T>(sah, mh), sub<T>(mul<T>(sah, mln), mul<T>(cst<T>(SAL), mh)));
    const pos = add<T>(mul<T>(cst<T>(SD), x), mul<T>(cst<T>(SDL), x));
    return sel<T>(gt<T>(x, splat<T>(0.0)), pos, neg);
  }
  /** x > 0 ? SH : (SAH·y + (SAH·yl + SAL·y))·2^k; c0 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y: T, yl: T, kM: T, x: T, c1: T, c2: T, c3: T, a: f32, b: f32): T {
    const sah = cst<T>(SAH);
    const neg = scale2<T>(add<T>(mul<T>(sah, y), add<T>(mul<T>(sah, yl), mul<T>(cst<T>(SAL), y))), kM);
    return sel<T>(gt<T>(x, splat<T>(0.0)), cst<T>(SH), neg);
  }
}

export class Selu32 {
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f32, b: f32): T { return expm1Core32<T, SeluTail>(x, x, x, a, b); }
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f32, b: f32): T { return expCore32<T, SeluTail>(x, x, false, x, x, x, x, a, b); }
}
