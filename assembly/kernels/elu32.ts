// elu on Float32 data in binary32 operations (reference: elu's f32/df32, src/reference/elu.ts).
// The cores run on x itself; for x > 0 their arm is garbage that the final select discards.
// Two inputs at a time, interleaved (see math32.ts).
import { expCore32, expm1Core32, scale2 } from '../math32';
import { add, cst, gt, mul, put2, sel, splat, sub, ONE } from '../lanes32';

export class EluTail {
  /** x > 0 ? x : alpha·mh - alpha·mln (-0 stays -0); c0, c1 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, x0: T, x1: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const al = splat<T>(alpha), zero = splat<T>(0.0);
    const n0 = sub<T>(mul<T>(al, mh0), mul<T>(al, mln0)), n1 = sub<T>(mul<T>(al, mh1), mul<T>(al, mln1));
    put2<T>(dst, dy, bwd, sel<T>(gt<T>(x0, zero), x0, n0), sel<T>(gt<T>(x1, zero), x1, n1));
  }
  /** x > 0 ? 1 : (alpha·y + alpha·yl)·2^k, the power of two last in two factors; c00, c10 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, x0: T, c01: T, c02: T, c03: T,
    x1: T, c11: T, c12: T, c13: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const al = splat<T>(alpha), zero = splat<T>(0.0), one = cst<T>(ONE);
    const n0 = scale2<T>(add<T>(mul<T>(al, y0), mul<T>(al, yl0)), kM0);
    const n1 = scale2<T>(add<T>(mul<T>(al, y1), mul<T>(al, yl1)), kM1);
    put2<T>(dst, dy, bwd, sel<T>(gt<T>(x0, zero), one, n0), sel<T>(gt<T>(x1, zero), one, n1));
  }
}

export class Elu32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expm1Core32<T, EluTail>(x0, x1, x0, x1, alpha, b, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, alpha: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expCore32<T, EluTail>(x0, x1, x0, x1, false, x0, x0, x0, x0, x1, x1, x1, x1, alpha, b, dst, dy, bwd);
  }
}
