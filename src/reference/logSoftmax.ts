import type { AxisLayout } from './layout';
import { log } from './math';
import { rowExp, rowMax, rowShift, type Floats } from './softmax';
import { scratchA, scratchB } from './scratch';
import { sumCanonical } from './sum';

/**
 * (x_j - m) - log S; an all -Inf row (S = 0) gives -Inf, not NaN. Float32 data sum the
 * exponentials of expForFloat32 (rowExp).
 */
export function logSoftmaxForward(x: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const e = scratchA(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const S = rowExp(x, base, n, inner, m, e);
      const lse = log(S);
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] = S === 0 ? -Infinity : (x[k] - m) - lse;
      }
    }
  }
}

/**
 * dx_j = dy_j - softmax_j Σ dy with softmax_j = e_j / S (e_j from expForFloat32 for Float32 data);
 * for an all -Inf row softmax is 0 and dy passes through.
 */
export function logSoftmaxBackward(x: Floats, dy: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const e = scratchA(n);
  const t = scratchB(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const S = rowExp(x, base, n, inner, rowShift(rowMax(x, base, n, inner)), e);
      for (let j = 0; j < n; j++) t[j] = dy[base + j * inner];
      const g = sumCanonical(t, n);
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] = dy[k] - (S === 0 ? 0 : e[j] / S) * g;
      }
    }
  }
}
