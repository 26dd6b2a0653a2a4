import type { Floats } from './softmax';
import { CanonicalSum } from './sum';

/**
 * How alpha broadcasts against x: x's shape, and for each dimension the stride into alpha (0 for
 * a dimension alpha is shared over). Per-channel alpha on axis c has stride 1 on c and 0
 * elsewhere; Keras shared_axes give row-major strides over shape[1:] with 0 on the shared axes.
 */
export interface AlphaMap {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** Merges adjacent dimensions whose alpha strides line up (the backends walk the same runs). */
export function mergeMap(map: AlphaMap): { dims: number[]; strides: number[] } {
  const dims: number[] = [];
  const strides: number[] = [];
  map.shape.forEach((d, k) => {
    const last = dims.length - 1;
    if (last >= 0 && strides[last] === map.strides[k] * d) {
      dims[last] *= d;
      strides[last] = map.strides[k];
    } else {
      dims.push(d);
      strides.push(map.strides[k]);
    }
  });
  return { dims, strides };
}

/**
 * Calls visit(start, length, a0, aStride) for runs of consecutive elements of x, in increasing
 * order: element start + j has alpha index a0 + j * aStride. Adjacent dimensions whose alpha
 * strides line up are merged first, so a per-channel NCHW map gives runs of H*W with stride 0.
 */
function forEachRun(map: AlphaMap, visit: (start: number, length: number, a0: number, aStride: number) => void): void {
  const { dims, strides } = mergeMap(map);
  const total = dims.reduce((p, d) => p * d, 1);
  if (total === 0) return;
  const rank = dims.length;
  const run = rank ? dims[rank - 1] : 1;
  const runStride = rank ? strides[rank - 1] : 0;
  const coord = new Array<number>(rank).fill(0);
  let a = 0;
  for (let start = 0; start < total; start += run) {
    visit(start, run, a, runStride);
    for (let d = rank - 2; d >= 0; d--) {
      coord[d]++;
      a += strides[d];
      if (coord[d] < dims[d]) break;
      a -= strides[d] * dims[d];
      coord[d] = 0;
    }
  }
}

export function preluForward(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void {
  forEachRun(map, (start, length, a0, as) => {
    for (let j = 0, i = start, a = a0; j < length; j++, i++, a += as) {
      const v = x[i];
      out[i] = v < 0 ? alpha[a] * v : v;
    }
  });
}

export function preluDerivative(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void {
  forEachRun(map, (start, length, a0, as) => {
    for (let j = 0, i = start, a = a0; j < length; j++, i++, a += as) {
      const v = x[i];
      out[i] = v > 0 ? 1 : v !== v ? v : alpha[a];
    }
  });
}

/**
 * dx = dy · prelu'(x) (the derivative is exact in the data's precision: 1 or alpha), and
 * dalpha[a] = Σ dy·x over the elements with alpha index a and x ≤ 0 (NaN x contributes NaN), each
 * in the canonical order. Float32 products are exact in binary64 and summed there.
 */
export function preluBackward(x: Floats, alpha: Floats, dy: Floats, dx: Floats, dalpha: Floats,
  map: AlphaMap): void {
  const sums = new CanonicalSum(alpha.length);
  forEachRun(map, (start, length, a0, as) => {
    for (let j = 0, i = start, a = a0; j < length; j++, i++, a += as) {
      const v = x[i];
      const g = dy[i];
      sums.add(v > 0 ? 0 : g * v, a);
      dx[i] = g * (v > 0 ? 1 : v !== v ? v : alpha[a]);
    }
  });
  for (let a = 0; a < alpha.length; a++) dalpha[a] = sums.result(a);
}
