// softplus on Float32 data in binary32 operations (reference: softplus32 and softplus's df32,
// src/reference/softplus.ts): t = beta·x = th + tl exactly, PyTorch's threshold on the exact t.
import { expCore32, EXP_T_LO, log1pCore32, timesExactLow, TWO_M32 } from '../math32';
import { add, and, cst, div, eq, gt, high12, lt, mul, neg, or, pow2fM, sel, splat, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';
import { sigmoidPair32 } from './sigmoid32';

const SOFTPLUS_TINY: usize = memory.data<u32>([0xc1a80000, 0xc1a80000, 0xc1a80000, 0xc1a80000], 16); // -21: e^-21 < 2^-30, log1p(e) = e to 2^-31

/** th > thr || (th == thr && tl > 0): x itself (or 1) from here on. */
// @ts-ignore: decorator
@inline function above<T>(th: T, tl: T, thr: T): T {
  return or<T>(gt<T>(th, thr), and<T>(eq<T>(th, thr), gt<T>(tl, splat<T>(0.0))));
}

/** tl of beta·x = th + tl (beta's 12-bit halves are loop invariants). */
// @ts-ignore: decorator
@inline function lowOf<T>(beta: f32, x: T, th: T): T {
  const b = splat<T>(beta), bh = high12<T>(b);
  return timesExactLow<T>(b, bh, sub<T>(b, bh), x, th);
}

export class SoftplusTail {
  /** After e^-|t| = (y + yl)·2^k: c0 = x, c1 = th, c2 = tl, c3 = -|t|. */
  // @ts-ignore: decorator
  @inline exp<T>(y: T, yl: T, kM: T, x: T, th: T, tl: T, an: T, beta: f32, thr: f32): T {
    const sc = pow2fM<T>(kM, BIAS32);
    const ys = mul<T>(y, sc), yls = mul<T>(yl, sc);
    const m32 = cst<T>(TWO_M32);
    const L = log1pCore32<T>(mul<T>(ys, m32), mul<T>(yls, m32));
    const tiny = lt<T>(an, cst<T>(SOFTPLUS_TINY));
    const pos = gt<T>(th, splat<T>(0.0));
    const q = div<T>(sel<T>(tiny, add<T>(ys, yls), L), splat<T>(beta));
    const r = add<T>(and<T>(pos, x), mul<T>(q, sel<T>(tiny, m32, cst<T>(ONE))));
    return sel<T>(above<T>(th, tl, splat<T>(thr)), x, r);
  }
}

export class Softplus32 {
  // @ts-ignore: decorator
  @inline f<T>(x: T, beta: f32, thr: f32): T {
    const th = mul<T>(splat<T>(beta), x);
    const tl = lowOf<T>(beta, x, th);
    const pos = gt<T>(th, splat<T>(0.0));
    const an = sel<T>(pos, neg<T>(th), th);
    const anl = zeroWhere<T>(lt<T>(an, cst<T>(EXP_T_LO)), sel<T>(pos, neg<T>(tl), tl));
    return expCore32<T, SoftplusTail>(an, anl, true, x, th, tl, an, beta, thr);
  }
  // @ts-ignore: decorator
  @inline df<T>(x: T, beta: f32, thr: f32): T {
    const th = mul<T>(splat<T>(beta), x);
    const tl = lowOf<T>(beta, x, th);
    return sel<T>(above<T>(th, tl, splat<T>(thr)), cst<T>(ONE), sigmoidPair32<T>(th, tl, true));
  }
}
