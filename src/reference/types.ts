/**
 * A scalar elementwise kernel. `f`/`df` evaluate the formula in binary64. Float64Array data use
 * `f64`/`df64` where present (the same formula carried further, in double-double), else `f`/`df`.
 * Float32Array data use `f32`/`df32` where present: the smooth functions' float32-arithmetic
 * algorithms (src/reference/math32.ts), which return float32 values within the README's measured
 * bounds; without them (the piecewise-linear functions) `f`/`df` of the float32 input, rounded
 * once to float32 at the store. Native and WASM do exactly the same.
 */
export interface ElementwiseKernel<P> {
  f(x: number, p: P): number;
  df(x: number, p: P): number;
  /** Float64 data use these when present: the same formula carried further (double-double). */
  f64?(x: number, p: P): number;
  df64?(x: number, p: P): number;
  /** Float32 data use these when present: binary32 operations only, result already a float32. */
  f32?(x: number, p: P): number;
  df32?(x: number, p: P): number;
}

/** Resolved parameters, already rounded to the precision of the data (see facade). */
export type Params = Readonly<Record<string, number>>;
