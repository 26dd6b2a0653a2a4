// sigmoid on Float32 data in binary32 operations (reference: sigmoidPair32 and bell32 in
// src/reference/sigmoid.ts). sigmoidPair32 also serves softplus', bell32 tanh'.
import { expCore32, EXP_T_LO, recipLine, TWO_M32 } from '../math32';
import { abs as abs32, add, cst, div, ge, high12, lt, mul, neg, pow2fM, sel, splat, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';

/** After e^-|t| = (y + yl)·2^k: c0 = th (the sign decides the numerator). */
export class SigmoidTail {
  // @ts-ignore: decorator
  @inline exp<T>(y: T, yl: T, kM: T, th: T, c1: T, c2: T, c3: T, a: f32, b: f32): T {
    const sc = pow2fM<T>(kM, BIAS32);
    const m32 = cst<T>(TWO_M32);
    const eh = mul<T>(mul<T>(y, sc), m32);
    const el = mul<T>(mul<T>(yl, sc), m32);
    const one = cst<T>(ONE);
    const d = add<T>(one, eh);
    const dl = add<T>(add<T>(sub<T>(one, d), eh), el);
    const pos = ge<T>(th, splat<T>(0.0));
    const nh = sel<T>(pos, one, eh);
    const nl = zeroWhere<T>(pos, el);
    const s0 = div<T>(nh, d);
    return add<T>(s0, mul<T>(sub<T>(nl, mul<T>(s0, dl)), recipLine<T>(d)));
  }
}

/** sigmoid(th + tl); hasTl = false: tl is 0 (then anl is ±0 and drops out, see math32.ts). */
// @ts-ignore: decorator
@inline export function sigmoidPair32<T>(th: T, tl: T, hasTl: bool): T {
  const pos = ge<T>(th, splat<T>(0.0));
  const an = sel<T>(pos, neg<T>(th), th);
  const anl = hasTl ? zeroWhere<T>(lt<T>(an, cst<T>(EXP_T_LO)), sel<T>(pos, neg<T>(tl), tl)) : tl;
  return expCore32<T, SigmoidTail>(an, anl, hasTl, th, th, th, th, 0, 0);
}

/** After e^t = (y + yl)·2^k: c0 = scale (2^-32 sigmoid', 2^-30 tanh'). */
export class BellTail {
  // @ts-ignore: decorator
  @inline exp<T>(y: T, yl: T, kM: T, scale: T, c1: T, c2: T, c3: T, a: f32, b: f32): T {
    const sc = pow2fM<T>(kM, BIAS32);
    const ys = mul<T>(y, sc), yls = mul<T>(yl, sc);
    const m32 = cst<T>(TWO_M32);
    const eh = mul<T>(ys, m32), el = mul<T>(yls, m32);
    const nh = mul<T>(ys, scale), nl = mul<T>(yls, scale);
    const one = cst<T>(ONE);
    const d = add<T>(one, eh);
    const dl = add<T>(add<T>(sub<T>(one, d), eh), el);
    const dh = high12<T>(d), dt = sub<T>(d, dh);
    const D = mul<T>(d, d);
    const Dl = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh, dh), D), mul<T>(add<T>(dh, dh), dt)), mul<T>(dt, dt)), mul<T>(add<T>(d, d), dl));
    const b0 = div<T>(nh, D);
    const bh = high12<T>(b0), bt = sub<T>(b0, bh), Dh = high12<T>(D), Dt = sub<T>(D, Dh);
    const p = mul<T>(b0, D);
    const pe = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh, Dh), p), mul<T>(bh, Dt)), mul<T>(bt, Dh)), mul<T>(bt, Dt));
    const rho = sub<T>(sub<T>(nh, p), pe);
    const R = recipLine<T>(d);
    return add<T>(b0, mul<T>(sub<T>(add<T>(rho, nl), mul<T>(b0, Dl)), mul<T>(R, R)));
  }
}

/** 2^s e^t/(1 + e^t)^2 for t <= 0 (reference: bell32); scaleBits = 2^(s-32) as bits. */
// @ts-ignore: decorator
@inline export function bell32<T>(t: T, scaleP: usize): T {
  const scale = cst<T>(scaleP);
  return expCore32<T, BellTail>(t, t, false, scale, scale, scale, scale, 0, 0);
}

export class Sigmoid32 {
  // @ts-ignore: decorator
  @inline f<T>(x: T, a: f32, b: f32): T { return sigmoidPair32<T>(x, x, false); }
  // @ts-ignore: decorator
  @inline df<T>(x: T, a: f32, b: f32): T { return bell32<T>(neg<T>(abs32<T>(x)), TWO_M32); }
}
