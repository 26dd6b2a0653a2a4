import { exp, expm1 } from './math';
import type { ElementwiseKernel } from './types';

// scale and scale·alpha as double-double (hi + lo), so multiplying by them costs one rounding
// instead of two (the constant's and the product's).
const SCALE_HI = 1.0507009873554805;
const SCALE_LO = 3.9874847667154144e-17;
const SCALE_ALPHA_HI = 1.7580993408473768;
const SCALE_ALPHA_LO = 1.41535193800845e-17;

function timesScale(v: number): number {
  return SCALE_HI * v + SCALE_LO * v;
}
function timesScaleAlpha(v: number): number {
  return SCALE_ALPHA_HI * v + SCALE_ALPHA_LO * v;
}

export const selu: ElementwiseKernel<unknown> = {
  f: (x) => (x > 0 ? timesScale(x) : timesScaleAlpha(expm1(x))),
  df: (x) => (x > 0 ? SCALE_HI : timesScaleAlpha(exp(x))),
};
