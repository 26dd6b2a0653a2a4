// sigmoid on Float32 data in binary32 operations (reference: sigmoidPair32 and bell32 in
// src/reference/sigmoid.ts). sigmoidPair32 also serves softplus', bell32 tanh'. Four inputs at a
// time, interleaved line by line (see math32.ts); each chain is the reference's sequence.
import { expCore32x4, EXP_T_LO, recipLine, TWO_M32 } from '../math32';
import { add, and, cst, div, high12, lt, mul, negAbs, negWherePos, pmax, pow2fM, put4, sel, signMask, sub, zeroWhere, ONE, BIAS32 } from '../lanes32';

/**
 * The rest of sigmoidPair32 after e^-|t| = (y + yl)·2^k; th = t's high part decides the
 * numerator. withAbove (softplus'): the result is 1 where the mask `above` is set.
 */
// @ts-ignore: decorator
@inline function sigmoidTail<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
  th0: T, th1: T, th2: T, th3: T, withAbove: bool, above0: T, above1: T, above2: T, above3: T,
  dst: usize, dy: usize, bwd: bool): void {
  const m32 = cst<T>(TWO_M32), one = cst<T>(ONE);
  const sc0 = pow2fM<T>(kM0, BIAS32), sc1 = pow2fM<T>(kM1, BIAS32);
  const sc2 = pow2fM<T>(kM2, BIAS32), sc3 = pow2fM<T>(kM3, BIAS32);
  const eh0 = mul<T>(mul<T>(y0, sc0), m32), eh1 = mul<T>(mul<T>(y1, sc1), m32);
  const eh2 = mul<T>(mul<T>(y2, sc2), m32), eh3 = mul<T>(mul<T>(y3, sc3), m32);
  const el0 = mul<T>(mul<T>(yl0, sc0), m32), el1 = mul<T>(mul<T>(yl1, sc1), m32);
  const el2 = mul<T>(mul<T>(yl2, sc2), m32), el3 = mul<T>(mul<T>(yl3, sc3), m32);
  const d0 = add<T>(one, eh0), d1 = add<T>(one, eh1), d2 = add<T>(one, eh2), d3 = add<T>(one, eh3);
  const dl0 = add<T>(add<T>(sub<T>(one, d0), eh0), el0), dl1 = add<T>(add<T>(sub<T>(one, d1), eh1), el1);
  const dl2 = add<T>(add<T>(sub<T>(one, d2), eh2), el2), dl3 = add<T>(add<T>(sub<T>(one, d3), eh3), el3);
  // ng = th's sign bit as a mask, for the reference's pos = th >= 0: its complement except at th = -0,
  // where eh = 1 and el = +0 make both arms the same, and at NaN th (the result is NaN either way).
  const ng0 = signMask<T>(th0), ng1 = signMask<T>(th1), ng2 = signMask<T>(th2), ng3 = signMask<T>(th3);
  // pos ? 1 : eh as pmax(eh, pos ? 1 : +0): eh = e^-|t| is in [+0, 1] (or NaN, kept by pmax).
  const s00 = div<T>(pmax<T>(eh0, zeroWhere<T>(ng0, one)), d0), s01 = div<T>(pmax<T>(eh1, zeroWhere<T>(ng1, one)), d1);
  const s02 = div<T>(pmax<T>(eh2, zeroWhere<T>(ng2, one)), d2), s03 = div<T>(pmax<T>(eh3, zeroWhere<T>(ng3, one)), d3);
  // s0 + (nl - s0·dl)·recipLine(d), nl = pos ? 0 : el
  const r0 = add<T>(s00, mul<T>(sub<T>(and<T>(ng0, el0), mul<T>(s00, dl0)), recipLine<T>(d0)));
  const r1 = add<T>(s01, mul<T>(sub<T>(and<T>(ng1, el1), mul<T>(s01, dl1)), recipLine<T>(d1)));
  const r2 = add<T>(s02, mul<T>(sub<T>(and<T>(ng2, el2), mul<T>(s02, dl2)), recipLine<T>(d2)));
  const r3 = add<T>(s03, mul<T>(sub<T>(and<T>(ng3, el3), mul<T>(s03, dl3)), recipLine<T>(d3)));
  const o0 = withAbove ? sel<T>(above0, one, r0) : r0, o1 = withAbove ? sel<T>(above1, one, r1) : r1;
  const o2 = withAbove ? sel<T>(above2, one, r2) : r2, o3 = withAbove ? sel<T>(above3, one, r3) : r3;
  put4<T>(dst, dy, bwd, o0, o1, o2, o3);
}

export class SigmoidTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    th0: T, th1: T, th2: T, th3: T, e0: T, e1: T, e2: T, e3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidTail<T>(y0, yl0, kM0, y1, yl1, kM1, y2, yl2, kM2, y3, yl3, kM3, th0, th1, th2, th3, false, th0, th1, th2, th3, dst, dy, bwd);
  }
}
/** softplus': e0..e3 = the `above` masks. */
export class SigmoidAboveTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    th0: T, th1: T, th2: T, th3: T, above0: T, above1: T, above2: T, above3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidTail<T>(y0, yl0, kM0, y1, yl1, kM1, y2, yl2, kM2, y3, yl3, kM3, th0, th1, th2, th3, true, above0, above1, above2, above3, dst, dy, bwd);
  }
}

/**
 * sigmoid(th + tl) of four inputs, stored at dst (reference: sigmoidPair32). hasTl = false: tl is
 * 0 (then anl is ±0 and drops out, see math32.ts). C: SigmoidTail, or SigmoidAboveTail with the
 * masks above0..above3.
 */
// @ts-ignore: decorator
@inline export function sigmoidPair32<T, C>(th0: T, th1: T, th2: T, th3: T, tl0: T, tl1: T, tl2: T, tl3: T, hasTl: bool,
  above0: T, above1: T, above2: T, above3: T, dst: usize, dy: usize, bwd: bool): void {
  // pos ? -th : th as -|th|: only -0 (-0, not +0) and NaN's sign differ, and neither reaches the
  // result (an = ±0 gives the same y, yl; a NaN stays NaN). The same for pos ? -tl : tl by th's sign
  // bit: at th = -0, tl = ±0 and lo = k·LN2_LO - tl = +0 - (±0) = +0 either way.
  const an0 = negAbs<T>(th0), an1 = negAbs<T>(th1), an2 = negAbs<T>(th2), an3 = negAbs<T>(th3);
  const anl0 = hasTl ? zeroWhere<T>(lt<T>(an0, cst<T>(EXP_T_LO)), negWherePos<T>(th0, tl0)) : tl0;
  const anl1 = hasTl ? zeroWhere<T>(lt<T>(an1, cst<T>(EXP_T_LO)), negWherePos<T>(th1, tl1)) : tl1;
  const anl2 = hasTl ? zeroWhere<T>(lt<T>(an2, cst<T>(EXP_T_LO)), negWherePos<T>(th2, tl2)) : tl2;
  const anl3 = hasTl ? zeroWhere<T>(lt<T>(an3, cst<T>(EXP_T_LO)), negWherePos<T>(th3, tl3)) : tl3;
  expCore32x4<T, C>(an0, an1, an2, an3, anl0, anl1, anl2, anl3, hasTl, th0, th1, th2, th3,
    above0, above1, above2, above3, 0, 0, dst, dy, bwd);
}

/** After e^t = (y + yl)·2^k (reference: bell32): c0 = scale (2^-32 sigmoid', 2^-30 tanh'). */
export class BellTail {
  // @ts-ignore: decorator
  @inline exp<T>(y0: T, yl0: T, kM0: T, y1: T, yl1: T, kM1: T, y2: T, yl2: T, kM2: T, y3: T, yl3: T, kM3: T,
    scale: T, c1: T, c2: T, c3: T, e0: T, e1: T, e2: T, e3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    const m32 = cst<T>(TWO_M32), one = cst<T>(ONE);
    const sc0 = pow2fM<T>(kM0, BIAS32), sc1 = pow2fM<T>(kM1, BIAS32);
    const sc2 = pow2fM<T>(kM2, BIAS32), sc3 = pow2fM<T>(kM3, BIAS32);
    const ys0 = mul<T>(y0, sc0), ys1 = mul<T>(y1, sc1), ys2 = mul<T>(y2, sc2), ys3 = mul<T>(y3, sc3);
    const yls0 = mul<T>(yl0, sc0), yls1 = mul<T>(yl1, sc1), yls2 = mul<T>(yl2, sc2), yls3 = mul<T>(yl3, sc3);
    const eh0 = mul<T>(ys0, m32), eh1 = mul<T>(ys1, m32), eh2 = mul<T>(ys2, m32), eh3 = mul<T>(ys3, m32);
    const el0 = mul<T>(yls0, m32), el1 = mul<T>(yls1, m32), el2 = mul<T>(yls2, m32), el3 = mul<T>(yls3, m32);
    const nh0 = mul<T>(ys0, scale), nh1 = mul<T>(ys1, scale), nh2 = mul<T>(ys2, scale), nh3 = mul<T>(ys3, scale);
    const nl0 = mul<T>(yls0, scale), nl1 = mul<T>(yls1, scale), nl2 = mul<T>(yls2, scale), nl3 = mul<T>(yls3, scale);
    const d0 = add<T>(one, eh0), d1 = add<T>(one, eh1), d2 = add<T>(one, eh2), d3 = add<T>(one, eh3);
    const dl0 = add<T>(add<T>(sub<T>(one, d0), eh0), el0), dl1 = add<T>(add<T>(sub<T>(one, d1), eh1), el1);
    const dl2 = add<T>(add<T>(sub<T>(one, d2), eh2), el2), dl3 = add<T>(add<T>(sub<T>(one, d3), eh3), el3);
    const dh0 = high12<T>(d0), dh1 = high12<T>(d1), dh2 = high12<T>(d2), dh3 = high12<T>(d3);
    const dt0 = sub<T>(d0, dh0), dt1 = sub<T>(d1, dh1), dt2 = sub<T>(d2, dh2), dt3 = sub<T>(d3, dh3);
    const D0 = mul<T>(d0, d0), D1 = mul<T>(d1, d1), D2 = mul<T>(d2, d2), D3 = mul<T>(d3, d3);
    const Dl0 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh0, dh0), D0), mul<T>(add<T>(dh0, dh0), dt0)), mul<T>(dt0, dt0)), mul<T>(add<T>(d0, d0), dl0));
    const Dl1 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh1, dh1), D1), mul<T>(add<T>(dh1, dh1), dt1)), mul<T>(dt1, dt1)), mul<T>(add<T>(d1, d1), dl1));
    const Dl2 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh2, dh2), D2), mul<T>(add<T>(dh2, dh2), dt2)), mul<T>(dt2, dt2)), mul<T>(add<T>(d2, d2), dl2));
    const Dl3 = add<T>(add<T>(add<T>(sub<T>(mul<T>(dh3, dh3), D3), mul<T>(add<T>(dh3, dh3), dt3)), mul<T>(dt3, dt3)), mul<T>(add<T>(d3, d3), dl3));
    const b00 = div<T>(nh0, D0), b01 = div<T>(nh1, D1), b02 = div<T>(nh2, D2), b03 = div<T>(nh3, D3);
    const bh0 = high12<T>(b00), bh1 = high12<T>(b01), bh2 = high12<T>(b02), bh3 = high12<T>(b03);
    const bt0 = sub<T>(b00, bh0), bt1 = sub<T>(b01, bh1), bt2 = sub<T>(b02, bh2), bt3 = sub<T>(b03, bh3);
    const Dh0 = high12<T>(D0), Dh1 = high12<T>(D1), Dh2 = high12<T>(D2), Dh3 = high12<T>(D3);
    const Dt0 = sub<T>(D0, Dh0), Dt1 = sub<T>(D1, Dh1), Dt2 = sub<T>(D2, Dh2), Dt3 = sub<T>(D3, Dh3);
    const p0 = mul<T>(b00, D0), p1 = mul<T>(b01, D1), p2 = mul<T>(b02, D2), p3 = mul<T>(b03, D3);
    const pe0 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh0, Dh0), p0), mul<T>(bh0, Dt0)), mul<T>(bt0, Dh0)), mul<T>(bt0, Dt0));
    const pe1 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh1, Dh1), p1), mul<T>(bh1, Dt1)), mul<T>(bt1, Dh1)), mul<T>(bt1, Dt1));
    const pe2 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh2, Dh2), p2), mul<T>(bh2, Dt2)), mul<T>(bt2, Dh2)), mul<T>(bt2, Dt2));
    const pe3 = add<T>(add<T>(add<T>(sub<T>(mul<T>(bh3, Dh3), p3), mul<T>(bh3, Dt3)), mul<T>(bt3, Dh3)), mul<T>(bt3, Dt3));
    const rho0 = sub<T>(sub<T>(nh0, p0), pe0), rho1 = sub<T>(sub<T>(nh1, p1), pe1);
    const rho2 = sub<T>(sub<T>(nh2, p2), pe2), rho3 = sub<T>(sub<T>(nh3, p3), pe3);
    const R0 = recipLine<T>(d0), R1 = recipLine<T>(d1), R2 = recipLine<T>(d2), R3 = recipLine<T>(d3);
    const r0 = add<T>(b00, mul<T>(sub<T>(add<T>(rho0, nl0), mul<T>(b00, Dl0)), mul<T>(R0, R0)));
    const r1 = add<T>(b01, mul<T>(sub<T>(add<T>(rho1, nl1), mul<T>(b01, Dl1)), mul<T>(R1, R1)));
    const r2 = add<T>(b02, mul<T>(sub<T>(add<T>(rho2, nl2), mul<T>(b02, Dl2)), mul<T>(R2, R2)));
    const r3 = add<T>(b03, mul<T>(sub<T>(add<T>(rho3, nl3), mul<T>(b03, Dl3)), mul<T>(R3, R3)));
    put4<T>(dst, dy, bwd, r0, r1, r2, r3);
  }
}

/** 2^s e^t/(1 + e^t)^2 of t0..t3 <= 0 (reference: bell32); scaleP: 2^(s-32) (TWO_M32, TWO_M30). */
// @ts-ignore: decorator
@inline export function bell32<T>(t0: T, t1: T, t2: T, t3: T, scaleP: usize, dst: usize, dy: usize, bwd: bool): void {
  const scale = cst<T>(scaleP);
  expCore32x4<T, BellTail>(t0, t1, t2, t3, t0, t1, t2, t3, false, scale, scale, scale, scale,
    scale, scale, scale, scale, 0, 0, dst, dy, bwd);
}

export class Sigmoid32 {
  // @ts-ignore: decorator
  @inline f<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    sigmoidPair32<T, SigmoidTail>(x0, x1, x2, x3, x0, x1, x2, x3, false, x0, x1, x2, x3, dst, dy, bwd);
  }
  // @ts-ignore: decorator
  @inline df<T>(x0: T, x1: T, x2: T, x3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
    bell32<T>(negAbs<T>(x0), negAbs<T>(x1), negAbs<T>(x2), negAbs<T>(x3), TWO_M32, dst, dy, bwd);
  }
}
