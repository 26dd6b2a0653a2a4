import { exp, log1p } from './math';
import { sigmoid64, sigmoidPrecise } from './sigmoid';
import type { ElementwiseKernel } from './types';

export interface SoftplusParams { readonly beta: number; readonly threshold: number }

/**
 * PyTorch's rule: x itself once beta·x > threshold. Below it, max(t, 0) + log1p(e^-|t|) never
 * overflows and stays accurate for large negative t, where the result is a subnormal-bound e^t.
 */
export const softplus: ElementwiseKernel<SoftplusParams> = {
  f: (x, p) => {
    const t = p.beta * x;
    const y = ((t > 0 ? t : 0) + log1p(exp(-Math.abs(t)))) / p.beta;
    return t > p.threshold ? x : y;
  },
  df: (x, p) => {
    const t = p.beta * x;
    return t > p.threshold ? 1 : sigmoid64(t);
  },
  df64: (x, p) => {
    const t = p.beta * x;
    return t > p.threshold ? 1 : sigmoidPrecise(t);
  },
};
