import { exp, expm1 } from './math';
import { expCore32, expm1Core32, out32, scale2 } from './math32';
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

const f = Math.fround;
// The same constants as float32 pairs. scale·x uses scale rounded down (0x3f867d5e) plus a
// positive rest (0x33b5488a), so that selu(+Inf) is Inf + Inf rather than Inf - Inf = NaN;
// selu' returns the float32 rounding of scale (0x3f867d5f).
const SCALE_H32 = f(SCALE_HI), SCALE_D32 = f(1.0507009), SCALE_DL32 = f(8.44166408e-8);
const SA_H32 = f(SCALE_ALPHA_HI), SA_L32 = f(2.32967174e-8);

export const selu: ElementwiseKernel<unknown> = {
  f: (x) => (x > 0 ? timesScale(x) : timesScaleAlpha(expm1(x))),
  df: (x) => (x > 0 ? SCALE_HI : timesScaleAlpha(exp(x))),
  /** Float32 data: scale·x = SD·x + SDL·x; scale·alpha·(mh - mln) = SAH·mh - (SAH·mln - SAL·mh). */
  f32: (x) => {
    expm1Core32(x);
    const mh = out32[0], mln = out32[1];
    const neg = f(f(SA_H32 * mh) - f(f(SA_H32 * mln) - f(SA_L32 * mh)));
    const pos = f(f(SCALE_D32 * x) + f(SCALE_DL32 * x));
    return x > 0 ? pos : neg;
  },
  /** Float32 data: scale·alpha·e^x = (SAH·y + (SAH·yl + SAL·y))·2^k, the power of two last. */
  df32: (x) => {
    expCore32(x, 0);
    const y = out32[0], yl = out32[1];
    const neg = scale2(f(f(SA_H32 * y) + f(f(SA_H32 * yl) + f(SA_L32 * y))), out32[2]);
    return x > 0 ? SCALE_H32 : neg;
  },
};
