import type { Backend, Floats } from '../backend';
import type { AxisLayout } from '../reference/layout';
import type { AlphaMap } from '../reference/prelu';
import type { Params } from '../reference/types';

/*
 * The native backend's shape, apart from its loader: the facade (also bundled for browsers) needs
 * these types and the type guard, but must not pull in the loader's require('fs').
 */

/** The functions build/Release/simd_activations.node exports (native/addon.cpp). */
export interface Addon {
  // threads (optional, 1..64): the per-call cap on threads; undefined uses the global setting.
  ew(fn: number, dir: number, x: Floats, dy: Floats, out: Floats, p0: number, p1: number, threads?: number): void;
  row(fn: number, backward: number, x: Floats, dy: Floats, out: Floats, outer: number, n: number, inner: number, threads?: number): void;
  prelu(fn: number, dir: number, x: Floats, alpha: Floats, dy: Floats, out: Floats, dalpha: Floats, map: Float64Array, threads?: number): void;
  ewAsync(fn: number, dir: number, x: Floats, dy: Floats, out: Floats, p0: number, p1: number, threads?: number): Promise<void>;
  rowAsync(fn: number, backward: number, x: Floats, dy: Floats, out: Floats, outer: number, n: number, inner: number,
    threads?: number): Promise<void>;
  preluAsync(fn: number, dir: number, x: Floats, alpha: Floats, dy: Floats, out: Floats, dalpha: Floats, map: Float64Array,
    threads?: number): Promise<void>;
  getIsa(): string;
  setIsa(name: string): void;
  supportedIsas(): string[];
  functionNames(): string[];
  /** parallelMin: one split threshold for every call, or a Float64Array with one per [function id * 3 + direction]. */
  setThreads(threads: number, parallelMin?: number | Float64Array): void;
  getThreads(): number;
  hardwareThreads(): number;
}

/**
 * The kernels as the facade calls them when the `threads` option is given: every backend's ops
 * take a trailing per-call thread cap; native passes it to the addon, js and wasm ignore it.
 */
export interface ThreadedElementwiseOps {
  forward(x: Floats, out: Floats, p: Params, threads?: number): void;
  derivative(x: Floats, out: Floats, p: Params, threads?: number): void;
  backward(x: Floats, dy: Floats, out: Floats, p: Params, threads?: number): void;
}
export interface ThreadedRowwiseOps {
  forward(x: Floats, out: Floats, layout: AxisLayout, threads?: number): void;
  backward(x: Floats, dy: Floats, out: Floats, layout: AxisLayout, threads?: number): void;
}
export interface ThreadedPreluOps {
  forward(x: Floats, alpha: Floats, out: Floats, map: AlphaMap, threads?: number): void;
  derivative(x: Floats, alpha: Floats, out: Floats, map: AlphaMap, threads?: number): void;
  backward(x: Floats, alpha: Floats, dy: Floats, dx: Floats, dalpha: Floats, map: AlphaMap, threads?: number): void;
}

export type Direction = 'forward' | 'derivative' | 'backward';

/** The native backend: the kernels plus what only it has (ISA, threads, async calls). */
export interface NativeBackend extends Backend {
  readonly name: 'native';
  readonly addon: Addon;
  /** The instruction set the kernels run on: avx512, avx2, sse2 or scalar. */
  isa(): string;
  elementwiseAsync(name: string, dir: Direction, x: Floats, dy: Floats | undefined, out: Floats, p: Params,
    threads?: number): Promise<void>;
  rowwiseAsync(name: string, backward: boolean, x: Floats, dy: Floats | undefined, out: Floats, layout: AxisLayout,
    threads?: number): Promise<void>;
  preluAsync(name: string, dir: Direction, x: Floats, alpha: Floats, dy: Floats | undefined, out: Floats,
    dalpha: Floats | undefined, map: AlphaMap, threads?: number): Promise<void>;
}

export function isNativeBackend(b: Backend): b is NativeBackend {
  return b.name === 'native' && 'elementwiseAsync' in b;
}

