import { ddDivide, dd, exp, expDD } from './math';
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

export const sigmoid: ElementwiseKernel<unknown> = {
  f: sigmoid64,
  df: sigmoidDerivative64,
  f64: sigmoidPrecise,
  df64: (x) => bellPrecise(-Math.abs(x), 0),
};
