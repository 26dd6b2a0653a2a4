/**
 * The public `wasm` object: Float32Array / Float64Array views that live in the WebAssembly
 * backend's memory, so calls on them skip the copy in and out.
 */
export interface WasmArrays {
  /** True when the wasm backend loaded (otherwise alloc and the others throw, saying why). */
  readonly available: boolean;
  /** Which build runs: 'simd' or 'scalar' (undefined when not loaded). */
  readonly build: 'simd' | 'scalar' | undefined;
  /**
   * A zero-filled array of n elements in wasm memory. May grow the memory, which detaches the views
   * returned by earlier alloc() calls (a WebAssembly rule): call refresh() on those, or reserve() first.
   */
  alloc<T extends Float32Array | Float64Array>(type: { new (n: number): T; readonly BYTES_PER_ELEMENT: number }, n: number): T;
  /** Gives an array from alloc() back (it must not be used afterwards). */
  free(view: Float32Array | Float64Array): void;
  /** A live view of the same allocation: the view itself unless memory grew since it was made. */
  refresh<T extends Float32Array | Float64Array>(view: T): T;
  /** Grows the memory once so that `bytes` more can be allocated without growing (and detaching views) later. */
  reserve(bytes: number): void;
  /** True when the array is a live view of wasm memory (calls on it are copy-free). */
  owns(view: unknown): boolean;
}
