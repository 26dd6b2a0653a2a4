// sigmoid on Float32 data in binary32 operations (reference: sigmoidPair32 and bell32 in
// src/reference/sigmoid.ts). sigmoidPair32 also serves softplus', bell32 tanh'. Two inputs at a
// time, interleaved line by line (see math32.ts); each chain is the reference's sequence.
import { expCore32, EXP_T_LO, recipLine, TWO_M32 } from '../math32';
import { abs, add, cst, div, ge, high12, lt, mul, neg, pow2fM, put2, sel, splat, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';

/**
 * The rest of sigmoidPair32 after e^-|t| = (y + yl)·2^k; th = t's high part decides the
 * numerator. withAbove (softplus'): the result is 1 where the mask `above` is set.
 */
// @ts-ignore: decorator
@inline function sigmoidTail<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, th0: T, th1: T,
  withAbove: bool, above0: T, above1: T, dst: usize, dy: usize, bwd: bool): void {
  const m32 = cst<T>(TWO_M32), one = cst<T>(ONE), zero = splat<T>(0.0);
  const sc0 = pow2fM<T>(kM0, BIAS32), sc1 = pow2fM<T>(kM1, BIAS32);
  const eh0 = mul<T>(mul<T>(y0, sc0), m32), eh1 = mul<T>(mul<T>(y1, sc1), m32);
  const el0 = mul<T>(mul<T>(yl0, sc0), m32), el1 = mul<T>(mul<T>(yl1, sc1), m32);
  const d0 = add<T>(one, eh0), d1 = add<T>(one, eh1);
  const dl0 = add<T>(add<T>(sub<T>(one, d0), eh0), el0), dl1 = add<T>(add<T>(sub<T>(one, d1), eh1), el1);
  const pos0 = ge<T>(th0, zero), pos1 = ge<T>(th1, zero);
  const s00 = div<T>(sel<T>(pos0, one, eh0), d0), s01 = div<T>(sel<T>(pos1, one, eh1), d1);
  // s0 + (nl - s0·dl)·recipLine(d), nl = pos ? 0 : el
  let r0 = add<T>(s00, mul<T>(sub<T>(zeroWhere<T>(pos0, el0), mul<T>(s00, dl0)), recipLine<T>(d0)));
  let r1 = add<T>(s01, mul<T>(sub<T>(zeroWhere<T>(pos1, el1), mul<T>(s01, dl1)), recipLine<T>(d1)));
  if (withAbove) {
    r0 = sel<T>(above0, one, r0);
    r1 = sel<T>(above1, one, r1);
  }
  put2<T>(dst, dy, bwd, r0, r1);
}

export class SigmoidTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, th0: T, c01: T, c02: T, c03: T,
    th1: T, c11: T, c12: T, c13: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidTail<T>(y0, yl0, kM0, y1, yl1, kM1, th0, th1, false, th0, th1, dst, dy, bwd);
  }
}
/** softplus': c01, c11 = the `above` masks. */
export class SigmoidAboveTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, th0: T, above0: T, c02: T, c03: T,
    th1: T, above1: T, c12: T, c13: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidTail<T>(y0, yl0, kM0, y1, yl1, kM1, th0, th1, true, above0, above1, dst, dy, bwd);
  }
}

/**
 * sigmoid(th + tl) of two inputs, stored at dst (reference: sigmoidPair32). hasTl = false: tl is
 * 0 (then anl is ±0 and drops out, see math32.ts). C: SigmoidTail, or SigmoidAboveTail with the
 * masks above0, above1.
 */
// @ts-ignore: decorator
@inline export function sigmoidPair32<T, C>(th0: T, th1: T, tl0: T, tl1: T, hasTl: bool, above0: T, above1: T,
  dst: usize, dy: usize, bwd: bool): void {
  const zero = splat<T>(0.0);
  const pos0 = ge<T>(th0, zero), pos1 = ge<T>(th1, zero);
  const an0 = sel<T>(pos0, neg<T>(th0), th0), an1 = sel<T>(pos1, neg<T>(th1), th1);
  const anl0 = hasTl ? zeroWhere<T>(lt<T>(an0, cst<T>(EXP_T_LO)), sel<T>(pos0, neg<T>(tl0), tl0)) : tl0;
  const anl1 = hasTl ? zeroWhere<T>(lt<T>(an1, cst<T>(EXP_T_LO)), sel<T>(pos1, neg<T>(tl1), tl1)) : tl1;
  expCore32<T, C>(an0, an1, anl0, anl1, hasTl, th0, above0, th0, th0, th1, above1, th1, th1, 0, 0, dst, dy, bwd);
}

/** After e^t = (y + yl)·2^k (reference: bell32): c00 = scale (2^-32 sigmoid', 2^-30 tanh'). */
export class BellTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, scale: T, c01: T, c02: T, c03: T,
    c10: T, c11: T, c12: T, c13: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m32 = cst<T>(TWO_M32), one = cst<T>(ONE);
    const sc0 = pow2fM<T>(kM0, BIAS32), sc1 = pow2fM<T>(kM1, BIAS32);
    const ys0 = mul<T>(y0, sc0), ys1 = mul<T>(y1, sc1);
    const yls0 = mul<T>(yl0, sc0), yls1 = mul<T>(yl1, sc1);
    const eh0 = mul<T>(ys0, m32), eh1 = mul<T>(ys1, m32);
    const el0 = mul<T>(yls0, m32), el1 = mul<T>(yls1, m32);
    const nh0 = mul<T>(ys0, scale), nh1 = mul<T>(ys1, scale);
    const nl0 = mul<T>(yls0, scale), nl1 = mul<T>(yls1, scale);
    const d0 = add<T>(one, eh0), d1 = add<T>(one, eh1);
    const dl0 = add<T>(add<T>(sub<T>(one, d0), eh0), el0), dl1 = add<T>(add<T>(sub<T>(one, d1), eh1), el1);
    const dh0 = high12<T>(d0), dh1 = high12<T>(d1);
    const dt0 = sub<T>(d0, dh0), dt1 = sub<T>(d1, dh1);
    const D0 = mul<T>(d0, d0), D1 = mul<T>(d1, d1);
    const Dl0 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh0, dh0), D0), mul<T>(add<T>(dh0, dh0), dt0)), mul<T>(dt0, dt0)), mul<T>(add<T>(d0, d0), dl0));
    const Dl1 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh1, dh1), D1), mul<T>(add<T>(dh1, dh1), dt1)), mul<T>(dt1, dt1)), mul<T>(add<T>(d1, d1), dl1));
    const b00 = div<T>(nh0, D0), b01 = div<T>(nh1, D1);
    const bh0 = high12<T>(b00), bh1 = high12<T>(b01);
    const bt0 = sub<T>(b00, bh0), bt1 = sub<T>(b01, bh1);
    const Dh0 = high12<T>(D0), Dh1 = high12<T>(D1);
    const Dt0 = sub<T>(D0, Dh0), Dt1 = sub<T>(D1, Dh1);
    const p0 = mul<T>(b00, D0), p1 = mul<T>(b01, D1);
    const pe0 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh0, Dh0), p0), mul<T>(bh0, Dt0)), mul<T>(bt0, Dh0)), mul<T>(bt0, Dt0));
    const pe1 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh1, Dh1), p1), mul<T>(bh1, Dt1)), mul<T>(bt1, Dh1)), mul<T>(bt1, Dt1));
    const rho0 = sub<T>(sub<T>(nh0, p0), pe0), rho1 = sub<T>(sub<T>(nh1, p1), pe1);
    const R0 = recipLine<T>(d0), R1 = recipLine<T>(d1);
    const r0 = add<T>(b00, mul<T>(sub<T>(add<T>(rho0, nl0), mul<T>(b00, Dl0)), mul<T>(R0, R0)));
    const r1 = add<T>(b01, mul<T>(sub<T>(add<T>(rho1, nl1), mul<T>(b01, Dl1)), mul<T>(R1, R1)));
    put2<T>(dst, dy, bwd, r0, r1);
  }
}

/** 2^s e^t/(1 + e^t)^2 of t0, t1 <= 0 (reference: bell32); scaleP: 2^(s-32) (TWO_M32, TWO_M30). */
// @ts-ignore: decorator
@inline export function bell32<T>(t0: T, t1: T, scaleP: usize, dst: usize, dy: usize, bwd: bool): void {
  const scale = cst<T>(scaleP);
  expCore32<T, BellTail>(t0, t1, t0, t1, false, scale, scale, scale, scale, scale, scale, scale, scale, 0, 0, dst, dy, bwd);
}

export class Sigmoid32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidPair32<T, SigmoidTail>(x0, x1, x0, x1, false, x0, x1, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    bell32<T>(neg<T>(abs<T>(x0)), neg<T>(abs<T>(x1)), TWO_M32, dst, dy, bwd);
  }
}
