import type { Floats } from '../backend';
import type { Input, Output } from '../api';
import { typeError } from '../errors';
import { checkOptions, resolveShape, toData } from '../validate';

export type { Floats, Input, Output };

/**
 * What every layer offers, the same for layers with and without parameters, so a training loop
 * can treat a network as a list of layers.
 */
export interface Layer {
  /** The class name, e.g. 'LeakyReLU'. */
  readonly name: string;
  /** y = f(x); keeps what backward needs. `shape` is x's row-major shape (default [x.length]). */
  forward<X extends Input>(x: X, shape?: readonly number[]): Output<X>;
  /** dx = dL/dx from dy = dL/dy for the last forward call; accumulates parameter gradients. */
  backward(dy: Input): Floats;
  /** The learnable arrays, live (an optimizer updates them in place). */
  parameters(): Floats[];
  /** The accumulated gradients, in the same order as parameters(). */
  gradients(): Floats[];
  /** Sets the accumulated gradients to zero. */
  zeroGrad(): void;
}

export interface InplaceOption {
  /** Write y into x itself (PyTorch's inplace=True). The layer keeps a copy of x for backward. */
  inplace?: boolean;
}

/** The options object of a layer constructor; unknown keys are errors naming the layer. */
export function layerOptions(opts: unknown, layer: string, allowed: readonly string[]): Record<string, unknown> {
  return checkOptions(opts, `layers.${layer}`, allowed);
}

export function booleanOption(o: Record<string, unknown>, key: string): boolean {
  const v = o[key];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw typeError(key, 'a boolean', v);
  return v;
}

/**
 * The input as stored for backward, with its shape. Not inplace: a reference to x (like the
 * tensors a framework saves; do not modify x before backward). Inplace: x is about to be
 * overwritten, so its values are copied into `saved` (reused across calls of the same size).
 */
export class SavedInput {
  x: Floats | undefined;
  shape: number[] = [];
  private copy: Floats | undefined;

  save(xIn: unknown, shape: unknown, inplace: boolean): Floats {
    const x = toData(xIn, 'x');
    this.shape = resolveShape(shape, x.length);
    if (!inplace) {
      this.x = x;
      return x;
    }
    if (!this.copy || this.copy.length !== x.length || this.copy.BYTES_PER_ELEMENT !== x.BYTES_PER_ELEMENT) {
      this.copy = x.BYTES_PER_ELEMENT === 4 ? new Float32Array(x.length) : new Float64Array(x.length);
    }
    this.copy.set(x);
    this.x = this.copy;
    return x;
  }

  /** The saved input; an error if forward has not run. */
  get(layer: string): Floats {
    if (!this.x) throw new Error(`Expected a forward(x) call before backward(dy) for layers.${layer} but received none`);
    return this.x;
  }
}
