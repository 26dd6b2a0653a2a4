import { dd, ddDivide, exp, expm1, expm1DD } from './math';
import { expm1Core32, out32, recipLine, TWO_M30 } from './math32';
import { bell32, bellPrecise } from './sigmoid';
import type { ElementwiseKernel } from './types';

// Below 2^-27, tanh(x) rounds to x; returning x also keeps -0.
const TINY = 7.450580596923828e-9;

/** tanh(|x|) = -m/(2+m) with m = expm1(-2|x|) in (-1, 0]: no overflow, no cancellation. */
function tanh64(x: number): number {
  const m = expm1(-2 * Math.abs(x));
  const t = -m / (2 + m);
  const y = x < 0 ? -t : t;
  return Math.abs(x) < TINY ? x : y;
}

/** 1 - tanh^2 = 4e/(1+e)^2 with e = e^-2|x|, accurate where tanh is near ±1. */
function tanhDerivative64(x: number): number {
  const e = exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

/** The float64 path: m and 2 + m in double-double, one rounding at the end. */
function tanhPrecise(x: number): number {
  expm1DD(-2 * Math.abs(x));
  const mh = dd[0], ml = dd[1];
  const Dh = 2 + mh;
  const Dl = ((2 - Dh) + mh) + ml;
  ddDivide(-mh, -ml, Dh, Dl);
  const t = dd[0];
  const y = x < 0 ? -t : t;
  return Math.abs(x) < TINY ? x : y;
}

const f = Math.fround;

/**
 * Float32 data: tanh(|x|) = -m/(2 + m) with m = e^-2|x| - 1 = mh - mln (expm1Core32), D + Dl =
 * 2 + m (Fast2Sum), t0 = -mh/D plus the first-order correction; the sign of x is copied (so
 * tanh(-0) = -0; SIMD: t | (x & sign bit)). Max 1.23 ulp (README).
 */
function tanh32(x: number): number {
  const a = Math.abs(x);
  expm1Core32(f(-2 * a));
  const mh = out32[0], mln = out32[1];
  const D = f(2 + mh);
  const Dl = f(f(f(2 - D) + mh) - mln);
  const t0 = f(-mh / D);
  const t = f(t0 + f(f(mln - f(t0 * Dl)) * recipLine(D)));
  return x < 0 || 1 / x < 0 ? -t : t;
}

export const tanh: ElementwiseKernel<unknown> = {
  f: tanh64,
  df: tanhDerivative64,
  f64: tanhPrecise,
  df64: (x) => bellPrecise(-2 * Math.abs(x), 2),
  f32: tanh32,
  df32: (x) => bell32(f(-2 * Math.abs(x)), TWO_M30),
};
