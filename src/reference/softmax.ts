import type { AxisLayout } from './layout';
import { exp } from './math';
import { CanonicalSum } from './sum';

export type Floats = Float32Array | Float64Array;

/**
 * Row maximum with NaN winning (any order gives the same result), then +0 added so that a -0
 * maximum and a +0 maximum are the same value whatever order a SIMD reduction took.
 * Returns NaN for a row with NaN, -Inf for an all -Inf row.
 */
export function rowMax(x: Floats, base: number, n: number, stride: number): number {
  let m = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = x[base + j * stride];
    m = v > m || v !== v ? v : m;
    if (m !== m) break;
  }
  return m + 0;
}

const sum = new CanonicalSum();

/**
 * Σ_j e^(x_j - m) in the canonical order, with m from rowMax. An all -Inf row has m = -Inf; it is
 * shifted by 0 instead so every term is e^-Inf = 0 and the sum is 0 (the caller special-cases it).
 */
export function rowExpSum(x: Floats, base: number, n: number, stride: number, m: number): number {
  sum.reset();
  for (let j = 0; j < n; j++) sum.add(exp(x[base + j * stride] - m));
  return sum.result();
}

/** Shift used for a row: its max, or 0 for an all -Inf row (so x - shift is -Inf, not NaN). */
export function rowShift(m: number): number {
  return m === -Infinity ? 0 : m;
}

export function softmaxForward(x: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const S = rowExpSum(x, base, n, inner, m);
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        const e = exp(x[k] - m);
        out[k] = S === 0 ? 0 : e / S;
      }
    }
  }
}

/** dx_j = s_j (dy_j - Σ dy·s) with s_j in binary64 (not rounded to the data's precision first). */
export function softmaxBackward(x: Floats, dy: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const dot = new CanonicalSum();
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const m = rowShift(rowMax(x, base, n, inner));
      const S = rowExpSum(x, base, n, inner, m);
      dot.reset();
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        const s = S === 0 ? 0 : exp(x[k] - m) / S;
        dot.add(dy[k] * s);
      }
      const g = dot.result();
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        const s = S === 0 ? 0 : exp(x[k] - m) / S;
        out[k] = s * (dy[k] - g);
      }
    }
  }
}
