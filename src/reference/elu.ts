import { exp, expm1 } from './math';
import type { ElementwiseKernel } from './types';

export interface EluParams { readonly alpha: number }

/** expm1 keeps full relative accuracy for small negative x, where e^x - 1 would cancel. */
export const elu: ElementwiseKernel<EluParams> = {
  f: (x, p) => (x > 0 ? x : p.alpha * expm1(x)),
  df: (x, p) => (x > 0 ? 1 : p.alpha * exp(x)),
};
