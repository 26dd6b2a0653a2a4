// selu on Float32 data in binary32 operations (reference: selu's f32/df32, src/reference/selu.ts):
// scale and scale·alpha as float32 pairs, so each product costs about one rounding. Two inputs
// at a time, interleaved (see math32.ts).
import { expCore32, expm1Core32, scale2 } from '../math32';
import { add, cst, gt, mul, put2, sel, splat, sub } from '../lanes32';

const SH: usize = memory.data<u32>([0x3f867d5f, 0x3f867d5f, 0x3f867d5f, 0x3f867d5f], 16); // fround(scale): selu' for x > 0
const SD: usize = memory.data<u32>([0x3f867d5e, 0x3f867d5e, 0x3f867d5e, 0x3f867d5e], 16); // scale rounded down, so SDL > 0 and selu(+Inf) = Inf + Inf
const SDL: usize = memory.data<u32>([0x33b5488a, 0x33b5488a, 0x33b5488a, 0x33b5488a], 16);
const SAH: usize = memory.data<u32>([0x3fe10966, 0x3fe10966, 0x3fe10966, 0x3fe10966], 16); // scale·alpha = SAH + SAL
const SAL: usize = memory.data<u32>([0x32c81e06, 0x32c81e06, 0x32c81e06, 0x32c81e06], 16);

export class SeluTail {
  /** x > 0 ? SD·x + SDL·x : SAH·mh - (SAH·mln - SAL·mh); c0, c1 = x. */
  // @ts-ignore: decorator
  @inline expm1<T>(mh0: T, mln0: T, mh1: T, mln1: T, x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const sah = cst<T>(SAH), sal = cst<T>(SAL), sd = cst<T>(SD), sdl = cst<T>(SDL), zero = splat<T>(0.0);
    const n0 = sub<T>(mul<T>(sah, mh0), sub<T>(mul<T>(sah, mln0), mul<T>(sal, mh0)));
    const n1 = sub<T>(mul<T>(sah, mh1), sub<T>(mul<T>(sah, mln1), mul<T>(sal, mh1)));
    const p0 = add<T>(mul<T>(sd, x0), mul<T>(sdl, x0)), p1 = add<T>(mul<T>(sd, x1), mul<T>(sdl, x1));
    put2<T>(dst, dy, bwd, sel<T>(gt<T>(x0, zero), p0, n0), sel<T>(gt<T>(x1, zero), p1, n1));
  }
  /** x > 0 ? SH : (SAH·y + (SAH·yl + SAL·y))·2^k; c00, c10 = x. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, x0: T, c01: T, c02: T, c03: T,
    x1: T, c11: T, c12: T, c13: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const sah = cst<T>(SAH), sal = cst<T>(SAL), sh = cst<T>(SH), zero = splat<T>(0.0);
    const n0 = scale2<T>(add<T>(mul<T>(sah, y0), add<T>(mul<T>(sah, yl0), mul<T>(sal, y0))), kM0);
    const n1 = scale2<T>(add<T>(mul<T>(sah, y1), add<T>(mul<T>(sah, yl1), mul<T>(sal, y1))), kM1);
    put2<T>(dst, dy, bwd, sel<T>(gt<T>(x0, zero), sh, n0), sel<T>(gt<T>(x1, zero), sh, n1));
  }
}

export class Selu32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expm1Core32<T, SeluTail>(x0, x1, x0, x1, a, b, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    expCore32<T, SeluTail>(x0, x1, x0, x1, false, x0, x0, x0, x0, x1, x1, x1, x1, a, b, dst, dy, bwd);
  }
}
