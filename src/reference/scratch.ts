/**
 * Reusable binary64 row buffers for the js backend's rowwise kernels (grown, never shrunk), so a
 * row's exponentials are computed once. Native and WASM keep their own; results do not depend on it.
 */
let a = new Float64Array(1024);
let b = new Float64Array(1024);

export function scratchA(n: number): Float64Array {
  if (a.length < n) a = new Float64Array(Math.max(n, 2 * a.length));
  return a;
}
export function scratchB(n: number): Float64Array {
  if (b.length < n) b = new Float64Array(Math.max(n, 2 * b.length));
  return b;
}
