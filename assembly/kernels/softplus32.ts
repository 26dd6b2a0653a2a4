// softplus on Float32 data in binary32 operations (reference: softplus32 and softplus's df32,
// src/reference/softplus.ts): t = beta·x = th + tl exactly, PyTorch's threshold on the exact t.
// softplus: two inputs at a time, interleaved (see math32.ts), twice per step; softplus': four.
import { expCore32, EXP_T_LO, log1pCore32, timesExactLow, TWO_M32 } from '../math32';
import { add, and, cst, div, eq, gt, high12, lt, mul, negAbs, negWhere, or, pow2fM, put2, sel, splat, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';
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

export class SoftplusTail {
  /** After e^-|t| = (y + yl)·2^k: c0* = x, th, tl, -|t| of each input. */
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, x0: T, th0: T, tl0: T, an0: T,
    x1: T, th1: T, tl1: T, an1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const sc0 = pow2fM<T>(kM0, BIAS32), sc1 = pow2fM<T>(kM1, BIAS32);
    const ys0 = mul<T>(y0, sc0), ys1 = mul<T>(y1, sc1);
    const yls0 = mul<T>(yl0, sc0), yls1 = mul<T>(yl1, sc1);
    const m32 = cst<T>(TWO_M32);
    log1pCore32<T, SoftplusTail>(mul<T>(ys0, m32), mul<T>(yls0, m32), mul<T>(ys1, m32), mul<T>(yls1, m32),
      x0, th0, tl0, an0, ys0, yls0, x1, th1, tl1, an1, ys1, yls1, beta, thr, dst, dy, bwd);
  }
  /** After L = log1p(e): the result (tiny: e itself at scale 2^32; above: x). */
  // @ts-ignore: decorator
  @inline log1p<T>(L0: T, L1: T, x0: T, th0: T, tl0: T, an0: T, ys0: T, yls0: T,
    x1: T, th1: T, tl1: T, an1: T, ys1: T, yls1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const m32 = cst<T>(TWO_M32), one = cst<T>(ONE), zero = splat<T>(0.0), bv = splat<T>(beta), tv = splat<T>(thr);
    const tiny0 = lt<T>(an0, cst<T>(SOFTPLUS_TINY)), tiny1 = lt<T>(an1, cst<T>(SOFTPLUS_TINY));
    const q0 = div<T>(sel<T>(tiny0, add<T>(ys0, yls0), L0), bv), q1 = div<T>(sel<T>(tiny1, add<T>(ys1, yls1), L1), bv);
    const r0 = add<T>(and<T>(gt<T>(th0, zero), x0), mul<T>(q0, sel<T>(tiny0, m32, one)));
    const r1 = add<T>(and<T>(gt<T>(th1, zero), x1), mul<T>(q1, sel<T>(tiny1, m32, one)));
    put2<T>(dst, dy, bwd, sel<T>(above<T>(th0, tl0, tv), x0, r0), sel<T>(above<T>(th1, tl1, tv), x1, r1));
  }
}

/** softplus of two inputs (kept at two chains: its continuations carry six values per input; four not tried). */
// @ts-ignore: decorator
@inline function softplus2<T>(x0: T, x1: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
  const b = splat<T>(beta), zero = splat<T>(0.0), lo = cst<T>(EXP_T_LO);
  const th0 = mul<T>(b, x0), th1 = mul<T>(b, x1);
  const tl0 = lowOf<T>(beta, x0, th0), tl1 = lowOf<T>(beta, x1, th1);
  const pos0 = gt<T>(th0, zero), pos1 = gt<T>(th1, zero);
  // pos ? -th : th as -|th| (+0 gives -0, which reaches no result: sigmoidPair32).
  const an0 = negAbs<T>(th0), an1 = negAbs<T>(th1);
  const anl0 = zeroWhere<T>(lt<T>(an0, lo), negWhere<T>(pos0, tl0));
  const anl1 = zeroWhere<T>(lt<T>(an1, lo), negWhere<T>(pos1, tl1));
  expCore32<T, SoftplusTail>(an0, an1, anl0, anl1, true, x0, th0, tl0, an0, x1, th1, tl1, an1, beta, thr, dst, dy, bwd);
}

export class Softplus32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, x2: T, x3: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const g: usize = isVector<T>() ? 32 : 8; // two lane groups
    softplus2<T>(x0, x1, beta, thr, dst, dy, bwd);
    softplus2<T>(x2, x3, beta, thr, dst + g, dy + g, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, x2: T, x3: T, beta: f32, thr: f32, dst: usize, dy: usize, bwd: bool): void {
    const b = splat<T>(beta), t = splat<T>(thr);
    const th0 = mul<T>(b, x0), th1 = mul<T>(b, x1), th2 = mul<T>(b, x2), th3 = mul<T>(b, x3);
    const tl0 = lowOf<T>(beta, x0, th0), tl1 = lowOf<T>(beta, x1, th1);
    const tl2 = lowOf<T>(beta, x2, th2), tl3 = lowOf<T>(beta, x3, th3);
    sigmoidPair32<T, SigmoidAboveTail>(th0, th1, th2, th3, tl0, tl1, tl2, tl3, true,
      above<T>(th0, tl0, t), above<T>(th1, tl1, t), above<T>(th2, tl2, t), above<T>(th3, tl3, t), dst, dy, bwd);
  }
}
