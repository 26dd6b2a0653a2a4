// elu on Float32 data in binary32 operations (reference: elu's f32/df32, src/reference/elu.ts).
// The cores run on x itself; for x > 0 their arm is garbage that the final select discards.
// Four inputs at a time, interleaved (see math32.ts).
import { expCore32x4, expm1Core32, scale2 } from '../math32';
import { add, cst, gt, mul, nonNegOrNaN, put4, sel, splat, sub, ONE } from '../lanes32';

export class EluTail {
  /** x > 0 ? x : alpha·mh - alpha·mln (-0 stays -0); c0..c3 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, mh2: T, mln2: T, mh3: T, mln3: T,
    x0: T, x1: T, x2: T, x3: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    // x > 0 as nonNegOrNaN (the core's clamp was minNeg): it adds x = +0, where the other arm is
    // alpha·(+0) - alpha·(+0) = +0 as well, and a NaN x, which is x itself.
    const al = splat<T>(alpha);
    const n0 = sub<T>(mul<T>(al, mh0), mul<T>(al, mln0)), n1 = sub<T>(mul<T>(al, mh1), mul<T>(al, mln1));
    const n2 = sub<T>(mul<T>(al, mh2), mul<T>(al, mln2)), n3 = sub<T>(mul<T>(al, mh3), mul<T>(al, mln3));
    const o0 = sel<T>(nonNegOrNaN<T>(x0), x0, n0), o1 = sel<T>(nonNegOrNaN<T>(x1), x1, n1);
    const o2 = sel<T>(nonNegOrNaN<T>(x2), x2, n2), o3 = sel<T>(nonNegOrNaN<T>(x3), x3, n3);
    put4<T>(dst, dy, bwd, o0, o1, o2, o3);
  }
  /** x > 0 ? 1 : (alpha·y + alpha·yl)·2^k, the power of two last in two factors; c0..c3 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    x0: T, x1: T, x2: T, x3: T, e0: T, e1: T, e2: T, e3: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const al = splat<T>(alpha), zero = splat<T>(0.0), one = cst<T>(ONE);
    const n0 = scale2<T>(add<T>(mul<T>(al, y0), mul<T>(al, yl0)), kM0);
    const n1 = scale2<T>(add<T>(mul<T>(al, y1), mul<T>(al, yl1)), kM1);
    const n2 = scale2<T>(add<T>(mul<T>(al, y2), mul<T>(al, yl2)), kM2);
    const n3 = scale2<T>(add<T>(mul<T>(al, y3), mul<T>(al, yl3)), kM3);
    const o0 = sel<T>(gt<T>(x0, zero), one, n0), o1 = sel<T>(gt<T>(x1, zero), one, n1);
    const o2 = sel<T>(gt<T>(x2, zero), one, n2), o3 = sel<T>(gt<T>(x3, zero), one, n3);
    put4<T>(dst, dy, bwd, o0, o1, o2, o3);
  }
}

export class Elu32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, x2: T, x3: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expm1Core32<T, EluTail>(x0, x1, x2, x3, true, x0, x1, x2, x3, alpha, b, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, x2: T, x3: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expCore32x4<T, EluTail>(x0, x1, x2, x3, x0, x1, x2, x3, false, x0, x1, x2, x3, x0, x1, x2, x3, alpha, b, dst, dy, bwd);
  }
}
