/**
 * logSoftmax along one axis (reference: src/reference/logSoftmax.ts), same layout and segments
 * as softmax.ts. An all -Inf row (S = 0) gives -Inf; its backward passes dy through. Float32
 * rows take e_j from expDiff32 on float32 lanes (rowExp32.ts), which keeps x_j - m exact, so their
 * lse needs no correction for the rounding of the difference (lseSumSegment); the rest as for
 * Float64.
 */
import { div, mul, sub } from '../lanes';
import {
  STEP, loadHalf32, loadPair, loadTerms, lseCountOf, lseOf, lseSumSegment, rowExp, rowMax, rowShift, splatT, storePair, storeQuad32,
  storeTerms,
} from '../rows';
import { sumBlocks } from '../sum';
import { expSum } from './softmax';

/** out_j = S == 0 ? -Inf : (x_j - m) - lse over a segment (S = c + T in the forward). */
function outSegment<F, T>(x: usize, out: usize, len: i32, stride: usize, m: f64, S: f64, lse: f64): void {
  const vm = splatT<T>(m), vl = splatT<T>(lse);
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4 && S != 0) {
    // Contiguous Float32 rows four at a time (one store per four; see softmax's outSegment).
    for (; j + 4 <= len; j += 4) {
      const p = x + (<usize>j << 2);
      const a = f64x2.sub(f64x2.sub(loadHalf32(p, 0), <v128>vm), <v128>vl);
      const b = f64x2.sub(f64x2.sub(loadHalf32(p, 1), <v128>vm), <v128>vl);
      storeQuad32(out + (<usize>j << 2), a, b);
    }
  }
  for (; j < len; j += STEP) {
    const second = j + 1 < len ? stride : 0;
    const y = S == 0 ? splatT<T>(-Infinity) : sub<T>(sub<T>(loadPair<F, T>(x + <usize>j * stride, second), vm), vl);
    storePair<F, T>(out + <usize>j * stride, second, y);
  }
}

/** Continues g = Σ dy_j (canonical order) over a segment. */
function dySumSegment<F, T>(dy: usize, len: i32, stride: usize, t: usize, g: f64, first: bool): f64 {
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4) {
    for (; j + 4 <= len; j += 4) { // contiguous Float32 rows, four at a time
      const p = dy + (<usize>j << 2), q = t + (<usize>j << 3);
      v128.store(q, loadHalf32(p, 0)); v128.store(q, loadHalf32(p, 1), 16);
    }
  }
  for (; j < len; j += STEP) {
    storeTerms<T>(t + (<usize>j << 3), loadPair<F, T>(dy + <usize>j * stride, j + 1 < len ? stride : 0));
  }
  return sumBlocks(t, len, g, first);
}

/** dx_j = dy_j - (S == 0 ? 0 : e_j / S) · g over a segment (e recomputed when `recompute`). */
function backOutSegment<F, T>(x: usize, dy: usize, out: usize, len: i32, stride: usize, shift: f64, S: f64, g: f64,
  e: usize, recompute: bool): void {
  if (recompute) rowExp<F, T>(x, len, stride, shift, e);
  const vS = splatT<T>(S), vg = splatT<T>(g);
  let j = 0;
  if (isVector<T>() && sizeof<F>() == 4 && stride == 4 && S != 0) {
    for (; j + 4 <= len; j += 4) { // contiguous Float32 rows, four at a time
      const q = e + (<usize>j << 3), p = dy + (<usize>j << 2);
      const a = f64x2.sub(loadHalf32(p, 0), f64x2.mul(f64x2.div(v128.load(q), <v128>vS), <v128>vg));
      const b = f64x2.sub(loadHalf32(p, 1), f64x2.mul(f64x2.div(v128.load(q, 16), <v128>vS), <v128>vg));
      storeQuad32(out + (<usize>j << 2), a, b);
    }
  }
  for (; j < len; j += STEP) {
    const second = j + 1 < len ? stride : 0;
    const s = S == 0 ? splatT<T>(0) : div<T>(loadTerms<T>(e + (<usize>j << 3)), vS);
    storePair<F, T>(out + <usize>j * stride, second, sub<T>(loadPair<F, T>(dy + <usize>j * stride, second), mul<T>(s, vg)));
  }
}

/** (x_j - shift) - lse (reference: logSoftmaxForward, rowLse); c + T == 0 only for an all -Inf row. */
function forwardRow<F, T>(x: usize, out: usize, n: i32, stride: usize, e: usize, cap: i32): void {
  const m = rowShift(rowMax<F>(x, n, stride));
  let t = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    t = lseSumSegment<F, T>(x + <usize>seg * stride, min(cap, n - seg), stride, m, e, t, seg == 0);
  }
  const c = lseCountOf();
  outSegment<F, T>(x, out, n, stride, m, c + t, lseOf(c, t));
}

/** dx_j = dy_j - (S == 0 ? 0 : e_j / S) · Σ dy (reference: logSoftmaxBackward). */
function backwardRow<F, T>(x: usize, dy: usize, out: usize, n: i32, stride: usize, e: usize, t: usize, cap: i32): void {
  const shift = rowShift(rowMax<F>(x, n, stride));
  const S = expSum<F, T>(x, n, stride, shift, e, cap);
  let g = 0.0;
  for (let seg = 0; seg < n || seg == 0; seg += cap) {
    g = dySumSegment<F, T>(dy + <usize>seg * stride, min(cap, n - seg), stride, t, g, seg == 0);
  }
  for (let seg = 0; seg < n; seg += cap) {
    const o = <usize>seg * stride;
    backOutSegment<F, T>(x + o, dy + o, out + o, min(cap, n - seg), stride, shift, S, g, e, n > cap);
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

/** Streaming (one segment of a row in the scratch, contiguous): see wasm-core.ts. */
// @ts-ignore: decorator
@inline export function logSoftmaxStreamOut<F, T>(x: usize, out: usize, len: i32, shift: f64, S: f64, lse: f64, e: usize): void {
  outSegment<F, T>(x, out, len, sizeof<F>(), shift, S, lse);
}
// @ts-ignore: decorator
@inline export function logSoftmaxStreamDot<F, T>(x: usize, dy: usize, len: i32, shift: f64, S: f64, e: usize, t: usize, g: f64, first: bool): f64 {
  return dySumSegment<F, T>(dy, len, sizeof<F>(), t, g, first);
}
// @ts-ignore: decorator
@inline export function logSoftmaxStreamBackOut<F, T>(x: usize, dy: usize, out: usize, len: i32, shift: f64, S: f64, g: f64, e: usize): void {
  backOutSegment<F, T>(x, dy, out, len, sizeof<F>(), shift, S, g, e, true);
}
