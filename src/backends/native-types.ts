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
  ew(fn: number, dir: number, x: Floats, dy: Floats, out: Floats, p0: number, p1: number): void;
  row(fn: number, backward: number, x: Floats, dy: Floats, out: Floats, outer: number, n: number, inner: number): void;
  prelu(fn: number, dir: number, x: Floats, alpha: Floats, dy: Floats, out: Floats, dalpha: Floats, map: Float64Array): void;
  ewAsync(fn: number, dir: number, x: Floats, dy: Floats, out: Floats, p0: number, p1: number): Promise<void>;
  rowAsync(fn: number, backward: number, x: Floats, dy: Floats, out: Floats, outer: number, n: number, inner: number): Promise<void>;
  preluAsync(fn: number, dir: number, x: Floats, alpha: Floats, dy: Floats, out: Floats, dalpha: Floats, map: Float64Array): Promise<void>;
  getIsa(): string;
  setIsa(name: string): void;
  supportedIsas(): string[];
  functionNames(): string[];
  setThreads(threads: number, parallelMin?: number): void;
  getThreads(): number;
  hardwareThreads(): number;
}

export type Direction = 'forward' | 'derivative' | 'backward';

/** The native backend: the kernels plus what only it has (ISA, threads, async calls). */
export interface NativeBackend extends Backend {
  readonly name: 'native';
  readonly addon: Addon;
  /** The instruction set the kernels run on: avx512, avx2, sse2 or scalar. */
  isa(): string;
  elementwiseAsync(name: string, dir: Direction, x: Floats, dy: Floats | undefined, out: Floats, p: Params): Promise<void>;
  rowwiseAsync(name: string, backward: boolean, x: Floats, dy: Floats | undefined, out: Floats, layout: AxisLayout): Promise<void>;
  preluAsync(name: string, dir: Direction, x: Floats, alpha: Floats, dy: Floats | undefined, out: Floats,
    dalpha: Floats | undefined, map: AlphaMap): Promise<void>;
}

export function isNativeBackend(b: Backend): b is NativeBackend {
  return b.name === 'native' && 'elementwiseAsync' in b;
}

