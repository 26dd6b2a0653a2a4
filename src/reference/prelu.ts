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

/** Calls visit(i, a) for every flat index i of x in increasing order, with its alpha index a. */
function forEachIndex(map: AlphaMap, visit: (i: number, a: number) => void): void {
  const { shape, strides } = map;
  const rank = shape.length;
  let total = 1;
  for (const d of shape) total *= d;
  if (total === 0) return;
  const coord = new Array<number>(rank).fill(0);
  let a = 0;
  for (let i = 0; i < total; i++) {
    visit(i, a);
    for (let d = rank - 1; d >= 0; d--) {
      coord[d]++;
      a += strides[d];
      if (coord[d] < shape[d]) break;
      a -= strides[d] * shape[d];
      coord[d] = 0;
    }
  }
}

export function preluForward(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void {
  forEachIndex(map, (i, a) => {
    const v = x[i];
    out[i] = v < 0 ? alpha[a] * v : v;
  });
}

export function preluDerivative(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void {
  forEachIndex(map, (i, a) => {
    const v = x[i];
    out[i] = v > 0 ? 1 : v !== v ? v : alpha[a];
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
  forEachIndex(map, (i, a) => {
    const v = x[i];
    const g = dy[i];
    const t = v > 0 ? 0 : g * v;
    sums.add(t, a);
    dx[i] = g * (v > 0 ? 1 : v !== v ? v : alpha[a]);
  });
  for (let a = 0; a < alpha.length; a++) dalpha[a] = sums.result(a);
}
