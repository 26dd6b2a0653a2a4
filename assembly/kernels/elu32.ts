// elu on Float32 data in binary32 operations (reference: elu's f32/df32, src/reference/elu.ts).
// The cores run on x itself; for x > 0 their arm is garbage that the final select discards.
import { expCore32, expm1Core32, scale2 } from '../math32';
import { add, gt, mul, sel, splat, sub, ONE, cst } from '../lanes32';

export class EluTail {
  /** alpha·mh - alpha·mln (-0 stays -0); c0 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh: T, mln: T, x: T, c1: T, alpha: f32, b: f32): T {
    const al = splat<T>(alpha);
    const neg = sub<T>(mul<T>(al, mh), mul<T>(al, mln));
    return sel<T>(gt<T>(x, splat<T>(0.0)), x, neg);
  }
  /** (alpha·y + alpha·yl)·2^k, the power of two last in two factors; c0 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y: T, yl: T, kM: T, x: T, c1: T, c2: T, c3: T, alpha: f32, b: f32): T {
    const al = splat<T>(alpha);
    const neg = scale2<T>(add<T>(mul<T>(al, y), mul<T>(al, yl)), kM);
    return sel<T>(gt<T>(x, splat<T>(0.0)), cst<T>(ONE), neg);
  }
}

export class Elu32 {
  // @ts-ignore: decorator
  @inline f<T>(x: T, alpha: f32, b: f32): T { return expm1Core32<T, EluTail>(x, x, x, alpha, b); }
  // @ts-ignore: decorator
  @inline df<T>(x: T, alpha: f32, b: f32): T { return expCore32<T, EluTail>(x, x, false, x, x, x, x, alpha, b); }
}
