// softplus on Float32 data in binary32 operations (reference: softplus32 and softplus's df32,
// src/reference/softplus.ts): t = beta·x = th + tl exactly, PyTorch's threshold on the exact t.
// Two inputs at a time, interleaved (see math32.ts).
import { expCore32, EXP_T_LO, log1pCore32, timesExactLow, TWO_M32 } from '../math32';
import { add, and, cst, div, eq, gt, high12, lt, mul, neg, or, pow2fM, put2, sel, splat, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';
import { SigmoidAboveTail, sigmoidPair32 } from './sigmoid32';

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

/** The rest of softplus32 after e^-|t| = (y + yl)·2^k, for one input. */
// @ts-ignore: decorator
@inline function softplusTail<T>(y: T, yl: T, kM: T, x: T, th: T, tl: T, an: T, beta: f32, thr: f32): T {
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

export class SoftplusTail {
  /** c0* = x, th, tl, -|t| of each input. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, x0: T, th0: T, tl0: T, an0: T,
    x1: T, th1: T, tl1: T, an1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const r0 = softplusTail<T>(y0, yl0, kM0, x0, th0, tl0, an0, beta, thr);
    const r1 = softplusTail<T>(y1, yl1, kM1, x1, th1, tl1, an1, beta, thr);
    put2<T>(dst, dy, bwd, r0, r1);
  }
}

export class Softplus32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const b = splat<T>(beta), zero = splat<T>(0.0), lo = cst<T>(EXP_T_LO);
    const th0 = mul<T>(b, x0), th1 = mul<T>(b, x1);
    const tl0 = lowOf<T>(beta, x0, th0), tl1 = lowOf<T>(beta, x1, th1);
    const pos0 = gt<T>(th0, zero), pos1 = gt<T>(th1, zero);
    const an0 = sel<T>(pos0, neg<T>(th0), th0), an1 = sel<T>(pos1, neg<T>(th1), th1);
    const anl0 = zeroWhere<T>(lt<T>(an0, lo), sel<T>(pos0, neg<T>(tl0), tl0));
    const anl1 = zeroWhere<T>(lt<T>(an1, lo), sel<T>(pos1, neg<T>(tl1), tl1));
    expCore32<T, SoftplusTail>(an0, an1, anl0, anl1, true, x0, th0, tl0, an0, x1, th1, tl1, an1, beta, thr, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const b = splat<T>(beta), t = splat<T>(thr);
    const th0 = mul<T>(b, x0), th1 = mul<T>(b, x1);
    const tl0 = lowOf<T>(beta, x0, th0), tl1 = lowOf<T>(beta, x1, th1);
    sigmoidPair32<T, SigmoidAboveTail>(th0, th1, tl0, tl1, true, above<T>(th0, tl0, t), above<T>(th1, tl1, t), dst, dy, bwd);
  }
}
