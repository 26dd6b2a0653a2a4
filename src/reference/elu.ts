import { exp, expm1 } from './math';
import { expCore32, expm1Core32, out32, scale2 } from './math32';
import type { ElementwiseKernel } from './types';

export interface EluParams { readonly alpha: number }

const f = Math.fround;

/**
 * expm1 keeps full relative accuracy for small negative x, where e^x - 1 would cancel.
 * Float32 data: alpha·(mh - mln) as alpha·mh - alpha·mln (two roundings, both small; -0 stays -0),
 * and alpha·e^x = (alpha·y + alpha·yl)·2^k with the power of two applied last, in two factors.
 */
export const elu: ElementwiseKernel<EluParams> = {
  f: (x, p) => (x > 0 ? x : p.alpha * expm1(x)),
  df: (x, p) => (x > 0 ? 1 : p.alpha * exp(x)),
  f32: (x, p) => {
    expm1Core32(x);
    const neg = f(f(p.alpha * out32[0]) - f(p.alpha * out32[1]));
    return x > 0 ? x : neg;
  },
  df32: (x, p) => {
    expCore32(x, 0);
    const neg = scale2(f(f(p.alpha * out32[0]) + f(p.alpha * out32[1])), out32[2]);
    return x > 0 ? 1 : neg;
  },
};
