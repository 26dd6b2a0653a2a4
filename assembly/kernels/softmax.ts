/**
 * softmax along one axis (reference: src/reference/softmax.ts), for an outer/n/inner layout:
 * row (o, i) has elements o·n·inner + j·inner + i. e_j = e^(x_j - shift) is kept in `e` (binary64)
 * between passes; a row longer than `cap` is done in segments of `cap` (a multiple of 4096, so
 * the canonical sum's blocks line up) and its exponentials are recomputed instead of kept, which
 * gives the same bits. `t` holds the backward's products dy·s for the canonical sum.
 */
import { add, div, mul, sub } from '../lanes';
import { STEP, loadPair, loadTerms, rowExp, rowMax, rowShift, splatT, storePair, storeTerms } from '../rows';
import { sumBlocks } from '../sum';

/** S = Σ e^(x_j - shift) in canonical order; leaves the exponentials in e when n <= cap. */
export function expSum<F, T>(x: usize, n: i32, stride: usize, shift: f64, e: usize, cap: i32): f64 {
  let S = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    const len = min(cap, n - seg);
    rowExp<F, T>(x + <usize>seg * stride, len, stride, shift, e);
    S = sumBlocks(e, len, S, seg == 0);
  }
  return S;
}

function forwardRow<F, T>(x: usize, out: usize, n: i32, stride: usize, e: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  const vS = splatT<T>(S);
  for (let seg = 0; seg < n; seg += cap) {
    const len = min(cap, n - seg);
    if (n > cap) rowExp<F, T>(x + <usize>seg * stride, len, stride, shift, e);
    const o = out + <usize>seg * stride;
    for (let j = 0; j < len; j += STEP) {
      const y = S == 0 ? splatT<T>(0) : div<T>(loadTerms<T>(e + (<usize>j << 3)), vS);
      storePair<F, T>(o + <usize>j * stride, j + 1 < len ? stride : 0, y);
    }
  }
}

/** dx_j = s_j (dy_j - Σ dy·s), s_j = e_j / S in binary64 (reference: softmaxBackward). */
function backwardRow<F, T>(x: usize, dy: usize, out: usize, n: i32, stride: usize, e: usize, t: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  const vS = splatT<T>(S);
  let g = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    const len = min(cap, n - seg);
    if (n > cap) rowExp<F, T>(x + <usize>seg * stride, len, stride, shift, e);
    const d = dy + <usize>seg * stride;
    for (let j = 0; j < len; j += STEP) {
      const q = e + (<usize>j << 3);
      const s = S == 0 ? splatT<T>(0) : div<T>(loadTerms<T>(q), vS);
      storeTerms<T>(q, s);
      storeTerms<T>(t + (<usize>j << 3), mul<T>(loadPair<F, T>(d + <usize>j * stride, j + 1 < len ? stride : 0), s));
    }
    g = sumBlocks(t, len, g, seg == 0);
  }
  const vg = splatT<T>(g);
  for (let seg = 0; seg < n; seg += cap) {
    const len = min(cap, n - seg);
    if (n > cap) {
      rowExp<F, T>(x + <usize>seg * stride, len, stride, shift, e);
      for (let j = 0; j < len; j += STEP) {
        const q = e + (<usize>j << 3);
        storeTerms<T>(q, S == 0 ? splatT<T>(0) : div<T>(loadTerms<T>(q), vS));
      }
    }
    const d = dy + <usize>seg * stride;
    const o = out + <usize>seg * stride;
    for (let j = 0; j < len; j += STEP) {
      const second = j + 1 < len ? stride : 0;
      const s = loadTerms<T>(e + (<usize>j << 3));
      storePair<F, T>(o + <usize>j * stride, second, mul<T>(s, sub<T>(loadPair<F, T>(d + <usize>j * stride, second), vg)));
    }
  }
}

// @ts-ignore: decorator
@inline export function softmaxForward<F, T>(x: usize, out: usize, outer: i32, n: i32, inner: i32, e: usize, cap: i32): void {
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
@inline export function softmaxBackward<F, T>(x: usize, dy: usize, out: usize, outer: i32, n: i32, inner: i32,
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
