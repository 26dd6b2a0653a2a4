import type { AxisLayout } from './layout';
import { exp } from './math';
import { expDiff32 } from './math32';
import { scratchA, scratchB } from './scratch';
import { sumCanonical } from './sum';

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

/**
 * e_j = e^(x_j - m) into e[0..n) and their canonical sum. The shift m is the row max, or 0 for an
 * all -Inf row so every term is e^-Inf = 0 (not NaN) and the sum is 0 (callers special-case it).
 * Float32 data take expDiff32 (float32 arithmetic on v - m split exactly into two floats, the
 * result in binary64 to 2^-25.8 relative, measured: 2^-1.8 of a float32 half-ulp); Float64 data the full
 * binary64 exp of the binary64 difference.
 */
export function rowExp(x: Floats, base: number, n: number, stride: number, m: number, e: Float64Array): number {
  rowExpTerms(x, base, n, stride, m, e);
  return sumCanonical(e, n);
}

/** e_j = e^(x_j - m) into e[0..n) (rowExp without the sum). */
export function rowExpTerms(x: Floats, base: number, n: number, stride: number, m: number, e: Float64Array): void {
  if (x instanceof Float32Array) {
    for (let j = 0; j < n; j++) e[j] = expDiff32(x[base + j * stride], m);
  } else {
    for (let j = 0; j < n; j++) e[j] = exp(x[base + j * stride] - m);
  }
}

/** Shift used for a row: its max, or 0 for an all -Inf row (so x - shift is -Inf, not NaN). */
export function rowShift(m: number): number {
  return m === -Infinity ? 0 : m;
}

/**
 * out_j = e_j / S. Float32 data take e_j · R with R = 1/S rounded once per row: one multiplication
 * instead of a division per element, for an extra relative error of at most 2^-53 (R's rounding)
 * before the rounding to float32. An all -Inf row (S = 0) gives 0.
 */
export function softmaxForward(x: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const e = scratchA(n);
  const f32 = x instanceof Float32Array;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const S = rowExp(x, base, n, inner, rowShift(rowMax(x, base, n, inner)), e);
      if (f32) {
        const R = 1 / S;
        for (let j = 0; j < n; j++) out[base + j * inner] = S === 0 ? 0 : e[j] * R;
      } else {
        for (let j = 0; j < n; j++) out[base + j * inner] = S === 0 ? 0 : e[j] / S;
      }
    }
  }
}

/**
 * dx_j = s_j (dy_j - Σ dy·s) with s_j in binary64 (not rounded to the data's precision first):
 * s_j = e_j / S, or e_j · (1/S) for Float32 data as in the forward.
 */
export function softmaxBackward(x: Floats, dy: Floats, out: Floats, L: AxisLayout): void {
  const { outer, n, inner } = L;
  const s = scratchA(n);
  const t = scratchB(n);
  const f32 = x instanceof Float32Array;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const S = rowExp(x, base, n, inner, rowShift(rowMax(x, base, n, inner)), s);
      const R = 1 / S;
      for (let j = 0; j < n; j++) {
        s[j] = S === 0 ? 0 : f32 ? s[j] * R : s[j] / S;
        t[j] = dy[base + j * inner] * s[j];
      }
      const g = sumCanonical(t, n);
      for (let j = 0; j < n; j++) {
        const k = base + j * inner;
        out[k] = s[j] * (dy[k] - g);
      }
    }
  }
}
