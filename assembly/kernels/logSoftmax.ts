/**
 * logSoftmax along one axis (reference: src/reference/logSoftmax.ts), same layout and segments
 * as softmax.ts. An all -Inf row (S = 0) gives -Inf; its backward passes dy through.
 */
import { add, div, mul, sub } from '../lanes';
import { STEP, loadPair, loadTerms, logOf, rowExp, rowMax, rowShift, splatT, storePair, storeTerms } from '../rows';
import { sumBlocks } from '../sum';
import { expSum } from './softmax';

/** (x_j - shift) - log S (reference: logSoftmaxForward). */
function forwardRow<F, T>(x: usize, out: usize, n: i32, stride: usize, e: usize, cap: i32): void {
  const m = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, m, e, cap);
  const lse = logOf(S);
  const vm = splatT<T>(m), vl = splatT<T>(lse);
  for (let j = 0; j < n; j += STEP) {
    const p = x + <usize>j * stride;
    const second = j + 1 < n ? stride : 0;
    const y = S == 0 ? splatT<T>(-Infinity) : sub<T>(sub<T>(loadPair<F, T>(p, second), vm), vl);
    storePair<F, T>(out + <usize>j * stride, second, y);
  }
}

/** dx_j = dy_j - (S == 0 ? 0 : e_j / S) · Σ dy (reference: logSoftmaxBackward). */
function backwardRow<F, T>(x: usize, dy: usize, out: usize, n: i32, stride: usize, e: usize, t: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  let g = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    const len = min(cap, n - seg);
    const d = dy + <usize>seg * stride;
    for (let j = 0; j < len; j += STEP) {
      storeTerms<T>(t + (<usize>j << 3), loadPair<F, T>(d + <usize>j * stride, j + 1 < len ? stride : 0));
    }
    g = sumBlocks(t, len, g, seg == 0);
  }
  const vS = splatT<T>(S), vg = splatT<T>(g);
  for (let seg = 0; seg < n; seg += cap) {
    const len = min(cap, n - seg);
    if (n > cap) rowExp<F, T>(x + <usize>seg * stride, len, stride, shift, e);
    const d = dy + <usize>seg * stride;
    const o = out + <usize>seg * stride;
    for (let j = 0; j < len; j += STEP) {
      const second = j + 1 < len ? stride : 0;
      const s = S == 0 ? splatT<T>(0) : div<T>(loadTerms<T>(e + (<usize>j << 3)), vS);
      storePair<F, T>(o + <usize>j * stride, second, sub<T>(loadPair<F, T>(d + <usize>j * stride, second), mul<T>(s, vg)));
    }
  }
}

// @ts-ignore: decorator
@inline export function logSoftmaxForward<F, T>(x: usize, out: usize, outer: i32, n: i32, inner: i32, e: usize, cap: i32): void {
  const stride = <usize>inner * sizeof<F>();
  for (let o = 0; o < outer; o++) {
    const slab = <usize>o * <usize>n * stride;
    for (let i = 0; i < inner; i++) {
      const base = slab + <usize>i * sizeof<F>();
      forwardRow<F, T>(x + base, out + base, n, stride, e, cap);
    }
  }
}

// @ts-ignore: decorator
@inline export function logSoftmaxBackward<F, T>(x: usize, dy: usize, out: usize, outer: i32, n: i32, inner: i32,
  e: usize, t: usize, cap: i32): void {
  const stride = <usize>inner * sizeof<F>();
  for (let o = 0; o < outer; o++) {
    const slab = <usize>o * <usize>n * stride;
    for (let i = 0; i < inner; i++) {
      const base = slab + <usize>i * sizeof<F>();
      backwardRow<F, T>(x + base, dy + base, out + base, n, stride, e, t, cap);
    }
  }
}
