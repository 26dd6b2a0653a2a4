import type { AlphaMap } from './reference/prelu';
import type { AxisLayout } from './reference/layout';
import type { Params } from './reference/types';

/**
 * What a backend implements: kernels that only compute. The facade has already validated every
 * argument, resolved and rounded the parameters, allocated `out`, and checked lengths and aliasing,
 * so kernels never throw, allocate the result or log.
 */
export type Floats = Float32Array | Float64Array;

export interface ElementwiseOps {
  readonly kind: 'elementwise';
  forward(x: Floats, out: Floats, p: Params): void;
  derivative(x: Floats, out: Floats, p: Params): void;
  /** out = dy * f'(x), the derivative rounded to the data's precision first. */
  backward(x: Floats, dy: Floats, out: Floats, p: Params): void;
}

export interface PreluOps {
  readonly kind: 'prelu';
  forward(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void;
  derivative(x: Floats, alpha: Floats, out: Floats, map: AlphaMap): void;
  backward(x: Floats, alpha: Floats, dy: Floats, dx: Floats, dalpha: Floats, map: AlphaMap): void;
}

export interface RowwiseOps {
  readonly kind: 'rowwise';
  forward(x: Floats, out: Floats, layout: AxisLayout): void;
  backward(x: Floats, dy: Floats, out: Floats, layout: AxisLayout): void;
}

export type Ops = ElementwiseOps | PreluOps | RowwiseOps;

export type BackendName = 'native' | 'wasm' | 'js';

export interface Backend {
  readonly name: BackendName;
  /** One entry per function of the spec; tests fail if one is missing. */
  readonly kernels: Readonly<Record<string, Ops>>;
  /**
   * Whether the kernels themselves reject an `out` that partially overlaps an input (with the
   * facade's RangeError), so that the facade's synchronous path can skip its own, slower check.
   */
  readonly checksOverlap?: boolean;
}
