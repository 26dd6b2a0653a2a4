import { ddDivide, dd, exp, expDD } from './math';
import { EXP_T_LO, expCore32, high12, out32, pow2f, recipLine, TWO_M32 } from './math32';
import type { ElementwiseKernel } from './types';

/*
 * Float32 data: e = e^-|x| and one division, evaluated in binary64; the float32 rounding at the
 * store dominates (≤ 0.5 ulp + 2^-29). Float64 data: the same formula carried in double-double
 * (e and 1 + e as hi + lo, exact division remainder), so the one rounding at the end dominates.
 */

/** sigmoid(x) from e = e^-|x| in (0, 1], so nothing overflows and the tail reaches subnormals. */
export function sigmoid64(x: number): number {
  const e = exp(-Math.abs(x));
  return (x >= 0 ? 1 : e) / (1 + e);
}

/** e/(1+e)^2 is s(1-s) without the cancellation of 1 - s when s is near 1. */
function sigmoidDerivative64(x: number): number {
  const e = exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

export function sigmoidPrecise(x: number): number {
  expDD(-Math.abs(x));
  const eh = dd[0], el = dd[1];
  const Dh = 1 + eh;
  const Dl = ((1 - Dh) + eh) + el;
  const pos = x >= 0;
  ddDivide(pos ? 1 : eh, pos ? 0 : el, Dh, Dl);
  return dd[0];
}

/**
 * 2^s e / (1 + e)^2 with e = e^negAbs, in double-double: s = 0 for sigmoid', 2 for tanh'. The
 * power of two is folded into e's exponent so it is applied before any subnormal rounding.
 */
export function bellPrecise(negAbs: number, s: number): number {
  expDD(negAbs);
  const eh = dd[0], el = dd[1];
  const Dh = 1 + eh;
  const Dl = ((1 - Dh) + eh) + el;
  expDD(negAbs, s);
  ddDivide(dd[0], dd[1], Dh, Dl);
  ddDivide(dd[0], dd[1], Dh, Dl);
  return dd[0];
}

const f = Math.fround;

/**
 * Float32 data: sigmoid(th + tl) in binary32 operations (tl = 0, or the exact low part of beta·x
 * for softplus'). e = e^-|t| = eh + el (expCore32 scaled by 2^(k+32)·2^-32, so a subnormal eh is
 * rounded once), d + dl = 1 + e (Fast2Sum), s0 = n/d with n = 1 (t >= 0) or eh, then the first
 * order correction (nl - s0·dl)/d for what eh, d dropped. Max 1.08 ulp (README).
 */
export function sigmoidPair32(th: number, tl: number): number {
  const pos = th >= 0;
  const an = pos ? -th : th;
  const anl0 = pos ? -tl : tl;
  const anl = an < EXP_T_LO ? 0 : anl0;
  expCore32(an, anl);
  const y = out32[0], yl = out32[1], k = out32[2];
  const sc = pow2f(f(k + 32));
  const eh = f(f(y * sc) * TWO_M32);
  const el = f(f(yl * sc) * TWO_M32);
  const d = f(1 + eh);
  const dl = f(f(f(1 - d) + eh) + el);
  const nh = pos ? 1 : eh;
  const nl = pos ? 0 : el;
  const s0 = f(nh / d);
  return f(s0 + f(f(nl - f(s0 * dl)) * recipLine(d)));
}

/**
 * Float32 data: 2^s e/(1 + e)^2 with e = e^t, t <= 0, in binary32 operations; scale = 2^(s-32)
 * (2^-32 for sigmoid', 2^-30 for tanh'). D + Dl = (d + dl)^2 with d·d exact by Dekker's product,
 * b0 = n/D, and the division's own rounding rho = n - b0·D recovered exactly (Dekker again), so
 * b0 + ((rho + nl) - b0·Dl)/D is rounded once in effect: max 0.77 ulp (README).
 */
export function bell32(t: number, scale: number): number {
  expCore32(t, 0);
  const y = out32[0], yl = out32[1], k = out32[2];
  const sc = pow2f(f(k + 32));
  const ys = f(y * sc), yls = f(yl * sc);
  const eh = f(ys * TWO_M32), el = f(yls * TWO_M32);
  const nh = f(ys * scale), nl = f(yls * scale);
  const d = f(1 + eh);
  const dl = f(f(f(1 - d) + eh) + el);
  const dh = high12(d), dt = f(d - dh);
  const D = f(d * d);
  const Dl = f(f(f(f(f(dh * dh) - D) + f(f(dh + dh) * dt)) + f(dt * dt)) + f(f(d + d) * dl));
  const b0 = f(nh / D);
  const bh = high12(b0), bt = f(b0 - bh), Dh = high12(D), Dt = f(D - Dh);
  const p = f(b0 * D);
  const pe = f(f(f(f(f(bh * Dh) - p) + f(bh * Dt)) + f(bt * Dh)) + f(bt * Dt));
  const rho = f(f(nh - p) - pe);
  const R = recipLine(d);
  return f(b0 + f(f(f(rho + nl) - f(b0 * Dl)) * f(R * R)));
}

export const sigmoid: ElementwiseKernel<unknown> = {
  f: sigmoid64,
  df: sigmoidDerivative64,
  f64: sigmoidPrecise,
  df64: (x) => bellPrecise(-Math.abs(x), 0),
  f32: (x) => sigmoidPair32(x, 0),
  df32: (x) => bell32(-Math.abs(x), TWO_M32),
};
