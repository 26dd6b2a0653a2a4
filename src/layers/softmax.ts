import { resolveAxis } from '../validate';
import { typeError } from '../errors';
import { layerOptions, SavedInput, type Floats, type Input, type Layer, type Output } from './layer';
import { ops } from './ops';

export interface SoftmaxOptions {
  /** The axis to normalise along, counted in forward's shape; default -1 (PyTorch dim, Keras axis). */
  axis?: number;
}

/**
 * softmax / logSoftmax along one axis of the shape given to forward (default: x is one row).
 * backward is the library's vector-Jacobian product on the saved input.
 */
abstract class RowwiseLayer implements Layer {
  abstract readonly name: string;
  readonly axis: number;
  private readonly saved = new SavedInput();

  protected constructor(private readonly fn: 'softmax' | 'logSoftmax', opts: unknown, layer: string) {
    const o = layerOptions(opts, layer, ['axis']);
    if (o.axis !== undefined && (typeof o.axis !== 'number' || !Number.isInteger(o.axis))) throw typeError('axis', 'an integer', o.axis);
    this.axis = (o.axis as number | undefined) ?? -1;
  }

  forward<X extends Input>(x: X, shape?: readonly number[]): Output<X> {
    const data = this.saved.save(x, shape, false);
    const s = this.saved.shape;
    resolveAxis(this.axis, s.length, s.length - 1);
    return ops[this.fn](data, { shape: s, axis: this.axis }) as Output<X>;
  }

  backward(dy: Input): Floats {
    const x = this.saved.get(this.name);
    return ops.backward[this.fn](x, dy, { shape: this.saved.shape, axis: this.axis });
  }

  parameters(): Floats[] { return []; }
  gradients(): Floats[] { return []; }
  zeroGrad(): void { /* no parameters */ }
}

/** e^x / Σ e^x along `axis`. PyTorch nn.Softmax(dim), Keras layers.Softmax(axis = -1). */
export class Softmax extends RowwiseLayer {
  readonly name = 'Softmax';
  constructor(opts?: SoftmaxOptions) { super('softmax', opts, 'Softmax'); }
}

/** x − log Σ e^x along `axis`. PyTorch nn.LogSoftmax(dim). */
export class LogSoftmax extends RowwiseLayer {
  readonly name = 'LogSoftmax';
  constructor(opts?: SoftmaxOptions) { super('logSoftmax', opts, 'LogSoftmax'); }
}
