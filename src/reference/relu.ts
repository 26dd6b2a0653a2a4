import type { ElementwiseKernel } from './types';

/** x < 0 ? 0 : x keeps NaN and -0, like maxps(0, x) on x86 and f32x4.pmax(x, 0) in WASM. */
export const relu: ElementwiseKernel<unknown> = {
  f: (x) => (x < 0 ? 0 : x),
  df: (x) => (x > 0 ? 1 : x !== x ? x : 0),
};
