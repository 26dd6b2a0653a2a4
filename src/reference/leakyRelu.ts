import type { ElementwiseKernel } from './types';

export interface LeakyReluParams { readonly alpha: number }

/** PyTorch's form (x < 0 ? alpha·x : x), which differs from max(x, alpha·x) when alpha > 1. */
export const leakyRelu: ElementwiseKernel<LeakyReluParams> = {
  f: (x, p) => (x < 0 ? p.alpha * x : x),
  df: (x, p) => (x > 0 ? 1 : x !== x ? x : p.alpha),
};
