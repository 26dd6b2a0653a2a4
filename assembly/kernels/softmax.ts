/**
 * softmax along one axis (reference: src/reference/softmax.ts), for an outer/n/inner layout:
 * row (o, i) has elements o·n·inner + j·inner + i. e_j = e^(x_j - shift) is kept in `e` (binary64)
 * between passes; a row longer than `cap` is done in segments of `cap` (a multiple of 4096, so
 * the canonical sum's blocks line up) and its exponentials are recomputed instead of kept, which
 * gives the same bits. `t` holds the backward's products dy·s for the canonical sum. The segment
 * functions are also exported, so the JS side can stream a row that lives outside wasm memory
 * through the fixed scratch (wasm-core.ts). Float32 rows take e_j from expDiff32 on float32 lanes
 * (rowExp32.ts: four exponentials per vector instead of two, the difference kept exact) and
 * e_j · R with R = 1/S (rounded once per row; every segment computes the same R) instead of
 * e_j / S.
 */
import { div, mul, sub } from '../lanes';
import { STEP, loadHalf32, loadPair, loadTerms, rowExp, rowMax, rowShift, splatT, storePair, storeQuad32, storeTerms } from '../rows';
import { sumBlocks } from '../sum';

/** s = e / S, or e · R (R = 1/S) for f32 data (reference: softmaxForward). */
// @ts-ignore: decorator
@inline function share<F, T>(e: T, S: T, R: T): T {
  if (sizeof<F>() == 4) return mul<T>(e, R);
  else return div<T>(e, S);
}

/** Continues S = Σ e^(x_j - shift) over a segment; leaves the segment's exponentials in e. */
export function expSumSegment<F, T>(x: usize, len: i32, stride: usize, shift: f64, e: usize, S: f64, first: bool): f64 {
  rowExp<F, T>(x, len, stride, shift, e);
  return sumBlocks(e, len, S, first);
}

/** S over the whole row, in segments of cap; the exponentials stay in e when n <= cap. */
export function expSum<F, T>(x: usize, n: i32, stride: usize, shift: f64, e: usize, cap: i32): f64 {
  let S = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    S = expSumSegment<F, T>(x + <usize>seg * stride, min(cap, n - seg), stride, shift, e, S, seg == 0);
  }
  return S;
}

/** out_j = S == 0 ? 0 : e_j / S (e_j · R for f32) over a segment (e recomputed from x when `recompute`). */
export function outSegment<F, T>(x: usize, out: usize, len: i32, stride: usize, shift: f64, S: f64, e: usize, recompute: bool): void {
  if (recompute) rowExp<F, T>(x, len, stride, shift, e);
  const vS = splatT<T>(S), vR = splatT<T>(1.0 / S);
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4 && S != 0) {
    // Contiguous Float32 rows, four at a time: with the exponentials on f32x4 lanes this pass
    // became a large part of the row, and one store per four is cheaper than per two.
    for (; j + 4 <= len; j += 4) {
      const q = e + (<usize>j << 3);
      storeQuad32(out + (<usize>j << 2), <v128>share<F, T>(loadTerms<T>(q), vS, vR), <v128>share<F, T>(loadTerms<T>(q + 16), vS, vR));
    }
  }
  for (; j < len; j += STEP) {
    const y = S == 0 ? splatT<T>(0) : share<F, T>(loadTerms<T>(e + (<usize>j << 3)), vS, vR);
    storePair<F, T>(out + <usize>j * stride, j + 1 < len ? stride : 0, y);
  }
}

/** Continues g = Σ dy_j·s_j over a segment, leaving s_j = S == 0 ? 0 : e_j / S (e_j · R for f32) in e. */
export function dotSegment<F, T>(x: usize, dy: usize, len: i32, stride: usize, shift: f64, S: f64, e: usize, t: usize,
  g: f64, first: bool, recompute: bool): f64 {
  if (recompute) rowExp<F, T>(x, len, stride, shift, e);
  const vS = splatT<T>(S), vR = splatT<T>(1.0 / S);
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4 && S != 0) {
    for (; j + 4 <= len; j += 4) { // contiguous Float32 rows, four at a time
      const q = e + (<usize>j << 3), p = dy + (<usize>j << 2), tq = t + (<usize>j << 3);
      const s0 = <v128>share<F, T>(loadTerms<T>(q), vS, vR), s1 = <v128>share<F, T>(loadTerms<T>(q + 16), vS, vR);
      v128.store(q, s0); v128.store(q, s1, 16);
      v128.store(tq, f64x2.mul(loadHalf32(p, 0), s0)); v128.store(tq, f64x2.mul(loadHalf32(p, 1), s1), 16);
    }
  }
  for (; j < len; j += STEP) {
    const q = e + (<usize>j << 3);
    const s = S == 0 ? splatT<T>(0) : share<F, T>(loadTerms<T>(q), vS, vR);
    storeTerms<T>(q, s);
    storeTerms<T>(t + (<usize>j << 3), mul<T>(loadPair<F, T>(dy + <usize>j * stride, j + 1 < len ? stride : 0), s));
  }
  return sumBlocks(t, len, g, first);
}

/** dx_j = s_j (dy_j - g) over a segment; s from e (kept by dotSegment), or recomputed from x. */
export function backOutSegment<F, T>(x: usize, dy: usize, out: usize, len: i32, stride: usize, shift: f64, S: f64, g: f64,
  e: usize, recompute: bool): void {
  if (recompute) {
    rowExp<F, T>(x, len, stride, shift, e);
    const vS = splatT<T>(S), vR = splatT<T>(1.0 / S);
    for (let j = 0; j < len; j += STEP) {
      const q = e + (<usize>j << 3);
      storeTerms<T>(q, S == 0 ? splatT<T>(0) : share<F, T>(loadTerms<T>(q), vS, vR));
    }
  }
  const vg = splatT<T>(g);
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4) {
    for (; j + 4 <= len; j += 4) { // contiguous Float32 rows, four at a time
      const q = e + (<usize>j << 3), p = dy + (<usize>j << 2);
      const a = f64x2.mul(v128.load(q), f64x2.sub(loadHalf32(p, 0), <v128>vg));
      const b = f64x2.mul(v128.load(q, 16), f64x2.sub(loadHalf32(p, 1), <v128>vg));
      storeQuad32(out + (<usize>j << 2), a, b);
    }
  }
  for (; j < len; j += STEP) {
    const second = j + 1 < len ? stride : 0;
    const s = loadTerms<T>(e + (<usize>j << 3));
    storePair<F, T>(out + <usize>j * stride, second, mul<T>(s, sub<T>(loadPair<F, T>(dy + <usize>j * stride, second), vg)));
  }
}

function forwardRow<F, T>(x: usize, out: usize, n: i32, stride: usize, e: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  for (let seg = 0; seg < n; seg += cap) {
    const o = <usize>seg * stride;
    outSegment<F, T>(x + o, out + o, min(cap, n - seg), stride, shift, S, e, n > cap);
  }
}

/** dx_j = s_j (dy_j - Σ dy·s), s_j = e_j / S (e_j · R for f32) in binary64 (reference: softmaxBackward). */
function backwardRow<F, T>(x: usize, dy: usize, out: usize, n: i32, stride: usize, e: usize, t: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  let g = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    const o = <usize>seg * stride;
    g = dotSegment<F, T>(x + o, dy + o, min(cap, n - seg), stride, shift, S, e, t, g, seg == 0, n > cap);
  }
  for (let seg = 0; seg < n; seg += cap) {
    const o = <usize>seg * stride;
    backOutSegment<F, T>(x + o, dy + o, out + o, min(cap, n - seg), stride, shift, S, g, e, n > cap);
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

/** Streaming (one segment of a row in the scratch, contiguous): see wasm-core.ts. */
// @ts-ignore: decorator
@inline export function softmaxStreamOut<F, T>(x: usize, out: usize, len: i32, shift: f64, S: f64, lse: f64, e: usize): void {
  outSegment<F, T>(x, out, len, sizeof<F>(), shift, S, e, true);
}
// @ts-ignore: decorator
@inline export function softmaxStreamDot<F, T>(x: usize, dy: usize, len: i32, shift: f64, S: f64, e: usize, t: usize, g: f64, first: bool): f64 {
  return dotSegment<F, T>(x, dy, len, sizeof<F>(), shift, S, e, t, g, first, true);
}
// @ts-ignore: decorator
@inline export function softmaxStreamBackOut<F, T>(x: usize, dy: usize, out: usize, len: i32, shift: f64, S: f64, g: f64, e: usize): void {
  backOutSegment<F, T>(x, dy, out, len, sizeof<F>(), shift, S, g, e, true);
}
