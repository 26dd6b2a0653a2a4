import type { ElementwiseKernel } from './types';

export interface ThresholdedReluParams { readonly theta: number }

/** The comparison alone would send NaN to 0; NaN must stay NaN. */
export const thresholdedRelu: ElementwiseKernel<ThresholdedReluParams> = {
  f: (x, p) => (x > p.theta ? x : x !== x ? x : 0),
  df: (x, p) => (x > p.theta ? 1 : x !== x ? x : 0),
};
