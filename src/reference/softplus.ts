import { exp, log1p } from './math';
import { EXP_T_LO, expCore32, log1pCore32, out32, pow2f, timesExact32, TWO_M32 } from './math32';
import { sigmoid64, sigmoidPair32, sigmoidPrecise } from './sigmoid';
import type { ElementwiseKernel } from './types';

export interface SoftplusParams { readonly beta: number; readonly threshold: number }

const f = Math.fround;
/** e^-21 < 2^-30: log1p(e) = e to 2^-31 below it. */
const SOFTPLUS_TINY = -21;

/**
 * Float32 data. t = beta·x = th + tl exactly (Dekker), so e = e^-|t| and the threshold test see
 * the exact t, as the binary64 path does. softplus = (t > 0 ? x : 0) + log1p(e)/beta, since
 * max(t, 0)/beta is x or 0 exactly. For e < 2^-30, log1p(e) = e is taken at scale 2^32 so that a
 * subnormal result is rounded once. Above the threshold (th > thr, or th == thr and tl > 0): x.
 */
function softplus32(x: number, p: SoftplusParams): number {
  timesExact32(p.beta, x);
  const th = out32[0], tl = out32[1];
  const pos = th > 0;
  const an = pos ? -th : th;
  const anl0 = pos ? -tl : tl;
  const anl = an < EXP_T_LO ? 0 : anl0;
  expCore32(an, anl);
  const sc = pow2f(f(out32[2] + 32));
  const ys = f(out32[0] * sc), yls = f(out32[1] * sc);
  const L = log1pCore32(f(ys * TWO_M32), f(yls * TWO_M32));
  const tiny = an < SOFTPLUS_TINY;
  const y = f((pos ? x : 0) + f(f((tiny ? f(ys + yls) : L) / p.beta) * (tiny ? TWO_M32 : 1)));
  const above = th > p.threshold || (th === p.threshold && tl > 0);
  return above ? x : y;
}

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
  f32: softplus32,
  df32: (x, p) => {
    timesExact32(p.beta, x);
    const th = out32[0], tl = out32[1];
    const s = sigmoidPair32(th, tl);
    const above = th > p.threshold || (th === p.threshold && tl > 0);
    return above ? 1 : s;
  },
};
