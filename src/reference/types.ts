/**
 * A scalar elementwise kernel: f and f' evaluated in binary64. For Float32Array data the inputs
 * are float32 values and the single rounding to float32 happens at the store, so float32 results
 * are within 0.5 ulp + 2^-29 of the binary64 value; native and WASM do exactly the same.
 */
export interface ElementwiseKernel<P> {
  f(x: number, p: P): number;
  df(x: number, p: P): number;
  /** Float64 data use these when present: the same formula carried further (double-double). */
  f64?(x: number, p: P): number;
  df64?(x: number, p: P): number;
}

/** Resolved parameters, already rounded to the precision of the data (see facade). */
export type Params = Readonly<Record<string, number>>;
