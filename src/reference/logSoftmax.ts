import type { AxisLayout } from './layout';
import { exp, log } from './math';
import { rowExpSum, rowMax, rowShift, type Floats } from './softmax';
import { CanonicalSum } from './sum';

/** (x_j - m) - log S; an all -Inf row (S = 0) gives -Inf through log(0) = -Inf, not NaN. */
export function logSoftmaxForward(x: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const S = rowExpSum(x, base, n, inner, m);
      const lse = log(S);
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] = S === 0 ? -Infinity : (x[k] - m) - lse;
      }
    }
  }
}

/** dx_j = dy_j - softmax_j Σ dy; for an all -Inf row softmax is 0 and dy passes through. */
export function logSoftmaxBackward(x: Floats, dy: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const total = new CanonicalSum();
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const S = rowExpSum(x, base, n, inner, m);
      total.reset();
      for (let j = 0; j < n; j++) total.add(dy[base + j * inner]);
      const g = total.result();
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        const s = S === 0 ? 0 : exp(x[k] - m) / S;
        out[k] = dy[k] - s * g;
      }
    }
  }
}
