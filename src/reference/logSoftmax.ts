import type { AxisLayout } from './layout';
import { log, log1p } from './math';
import { rowExp, rowExpTerms, rowMax, rowShift, type Floats } from './softmax';
import { scratchA, scratchB } from './scratch';
import { sumCanonical } from './sum';

/**
 * The row's log-sum-exp without the rounding of S = Σ e^(x_j - m) = c + T, where c counts the
 * terms with x_j - m = 0 (each exactly 1) and T is the canonical sum of the others (their
 * e_j, with 0 in place of the c ones): lse = log1p(T) for a single maximum, log(c + T) otherwise.
 * Rounding S = 1 + T first would lose every digit of T below 2^-53 (logits [0, -50] would give
 * 0 instead of -1.9e-22 for the maximum). The test is x_j - m = 0 rather than x_j = m so that a
 * +Inf maximum keeps its NaN terms (e^(Inf - Inf)) and the whole row stays NaN.
 * Returns lse, leaves the t_j in e[0..n) and c + T in rowLse.sum (0 only for an all -Inf row).
 */
export function rowLse(x: Floats, base: number, n: number, stride: number, m: number, e: Float64Array): number {
  rowExpTerms(x, base, n, stride, m, e);
  const f64 = !(x instanceof Float32Array);
  let c = 0;
  for (let j = 0; j < n; j++) {
    const v = x[base + j * stride];
    const d = v - m;
    if (d === 0) c++;
    if (d === 0) {
      e[j] = 0;
      continue;
    }
    if (!f64) continue;
    // Float64 data: e^(d + r) = e_j (1 + r) with r = (v - m) - d, the rounding error of d
    // (two-sum; 0 when d is not finite): |d| up to 745 makes d's rounding alone worth 370 ulp of
    // e_j, which the maximum's output -log1p(T) ~ -T would inherit. Float32 rows need no
    // correction: expDiff32 already takes v - m exactly.
    const b = d - v;
    const r = Math.abs(d) < Infinity ? (v - (d - b)) + (-m - b) : 0;
    e[j] = e[j] + e[j] * r;
  }
  const T = sumCanonical(e, n);
  rowLse.sum = c + T;
  return c === 1 ? log1p(T) : log(c + T);
}
rowLse.sum = 0;

/**
 * (x_j - m) - lse with lse from rowLse; an all -Inf row (c + T = 0) gives -Inf, not NaN. Float32
 * data sum the exponentials of expDiff32 (rowExp).
 */
export function logSoftmaxForward(x: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const e = scratchA(n);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const lse = rowLse(x, base, n, inner, m, e);
      const zero = rowLse.sum === 0;
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] = zero ? -Infinity : (x[k] - m) - lse;
      }
    }
  }
}

/**
 * dx_j = dy_j - softmax_j Σ dy with softmax_j = e_j / S (e_j from expDiff32 for Float32 data);
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
