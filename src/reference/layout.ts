/**
 * A row-major shape seen along one axis: `outer` independent slabs, each holding `inner`
 * interleaved rows of length `n` with stride `inner`. Element j of row (o, i) is at
 * o*n*inner + j*inner + i. The last axis is inner = 1 (contiguous rows).
 */
export interface AxisLayout {
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
}

export function axisLayout(shape: readonly number[], axis: number): AxisLayout {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d];
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d];
  return { outer, n: shape[axis], inner };
}
