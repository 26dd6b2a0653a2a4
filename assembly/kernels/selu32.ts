// selu on Float32 data in binary32 operations (reference: selu's f32/df32, src/reference/selu.ts):
// scale and scale·alpha as float32 pairs, so each product costs about one rounding. Four inputs
// at a time, interleaved (see math32.ts).
import { expCore32x4, expm1Core32, scale2 } from '../math32';
import { add, cst, gt, mul, nonNegOrNaN, put4, sel, splat, sub } from '../lanes32';

const SH: usize = memory.data<u32>([0x3f867d5f, 0x3f867d5f, 0x3f867d5f, 0x3f867d5f], 16); // fround(scale): selu' for x > 0
const SD: usize = memory.data<u32>([0x3f867d5e, 0x3f867d5e, 0x3f867d5e, 0x3f867d5e], 16); // scale rounded down, so SDL > 0 and selu(+Inf) = Inf + Inf
const SDL: usize = memory.data<u32>([0x33b5488a, 0x33b5488a, 0x33b5488a, 0x33b5488a], 16);
const SAH: usize = memory.data<u32>([0x3fe10966, 0x3fe10966, 0x3fe10966, 0x3fe10966], 16); // scale·alpha = SAH + SAL
const SAL: usize = memory.data<u32>([0x32c81e06, 0x32c81e06, 0x32c81e06, 0x32c81e06], 16);

export class SeluTail {
  /** x > 0 ? SD·x + SDL·x : SAH·mh - (SAH·mln - SAL·mh); c0..c3 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, mh2: T, mln2: T, mh3: T, mln3: T,
    x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const sah = cst<T>(SAH), sal = cst<T>(SAL), sd = cst<T>(SD), sdl = cst<T>(SDL);
    // x > 0 as nonNegOrNaN (the core's clamp was minNeg): it adds x = +0, where both arms are +0,
    // and a NaN x, where SD·x + SDL·x is NaN as well.
    const n0 = sub<T>(mul<T>(sah, mh0), sub<T>(mul<T>(sah, mln0), mul<T>(sal, mh0)));
    const n1 = sub<T>(mul<T>(sah, mh1), sub<T>(mul<T>(sah, mln1), mul<T>(sal, mh1)));
    const n2 = sub<T>(mul<T>(sah, mh2), sub<T>(mul<T>(sah, mln2), mul<T>(sal, mh2)));
    const n3 = sub<T>(mul<T>(sah, mh3), sub<T>(mul<T>(sah, mln3), mul<T>(sal, mh3)));
    const p0 = add<T>(mul<T>(sd, x0), mul<T>(sdl, x0)), p1 = add<T>(mul<T>(sd, x1), mul<T>(sdl, x1));
    const p2 = add<T>(mul<T>(sd, x2), mul<T>(sdl, x2)), p3 = add<T>(mul<T>(sd, x3), mul<T>(sdl, x3));
    const o0 = sel<T>(nonNegOrNaN<T>(x0), p0, n0), o1 = sel<T>(nonNegOrNaN<T>(x1), p1, n1);
    const o2 = sel<T>(nonNegOrNaN<T>(x2), p2, n2), o3 = sel<T>(nonNegOrNaN<T>(x3), p3, n3);
    put4<T>(dst, dy, bwd, o0, o1, o2, o3);
  }
  /** x > 0 ? SH : (SAH·y + (SAH·yl + SAL·y))·2^k; c0..c3 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    x0: T, x1: T, x2: T, x3: T, e0: T, e1: T, e2: T, e3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const sah = cst<T>(SAH), sal = cst<T>(SAL), sh = cst<T>(SH), zero = splat<T>(0.0);
    const n0 = scale2<T>(add<T>(mul<T>(sah, y0), add<T>(mul<T>(sah, yl0), mul<T>(sal, y0))), kM0);
    const n1 = scale2<T>(add<T>(mul<T>(sah, y1), add<T>(mul<T>(sah, yl1), mul<T>(sal, y1))), kM1);
    const n2 = scale2<T>(add<T>(mul<T>(sah, y2), add<T>(mul<T>(sah, yl2), mul<T>(sal, y2))), kM2);
    const n3 = scale2<T>(add<T>(mul<T>(sah, y3), add<T>(mul<T>(sah, yl3), mul<T>(sal, y3))), kM3);
    const o0 = sel<T>(gt<T>(x0, zero), sh, n0), o1 = sel<T>(gt<T>(x1, zero), sh, n1);
    const o2 = sel<T>(gt<T>(x2, zero), sh, n2), o3 = sel<T>(gt<T>(x3, zero), sh, n3);
    put4<T>(dst, dy, bwd, o0, o1, o2, o3);
  }
}

export class Selu32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expm1Core32<T, SeluTail>(x0, x1, x2, x3, true, x0, x1, x2, x3, a, b, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expCore32x4<T, SeluTail>(x0, x1, x2, x3, x0, x1, x2, x3, false, x0, x1, x2, x3, x0, x1, x2, x3, a, b, dst, dy, bwd);
  }
}
