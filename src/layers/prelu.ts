import { describe, rangeError, typeError } from '../errors';
import { checkInitializerSpec, initialize, type InitializerSpec } from './initializers';
import { toConstraint, type Constraint, type ConstraintSpec } from './constraints';
import { booleanOption, layerOptions, SavedInput, type Floats, type InplaceOption, type Input, type Layer,
  type Output } from './layer';
import { ops } from './ops';
import { toRegularizer, type Regularizer, type RegularizerSpec } from './regularizers';

export interface PReLUOptions extends InplaceOption {
  /** PyTorch layout: 1 alpha for everything (default) or one per channel (axis 1 of forward's shape, axis 0 for 1-D). */
  numParameters?: number;
  /** PyTorch's `init`: the value of the 'constant' initializer, default 0.25. */
  init?: number;
  /** Keras layout: alpha is shaped like the input without its batch axis, size 1 on these axes (batch axis = 0). */
  sharedAxes?: readonly number[];
  /** Keras' input_shape (no batch axis): builds alpha now instead of at the first forward call. */
  inputShape?: readonly number[];
  /** Default 'constant' (0.25, PyTorch) in the PyTorch layout, 'zeros' (Keras) with sharedAxes/inputShape. */
  alphaInitializer?: InitializerSpec;
  /** Penalty on alpha: its gradient is added to dalpha in backward, its value is regularizationLoss(). */
  alphaRegularizer?: RegularizerSpec;
  /** Projection applied to alpha by applyConstraint(), after each optimizer step. */
  alphaConstraint?: ConstraintSpec;
  /** Precision of alpha and its gradient; default 'float32'. */
  dtype?: 'float32' | 'float64';
}

const KEYS = ['numParameters', 'init', 'sharedAxes', 'inputShape', 'alphaInitializer', 'alphaRegularizer',
  'alphaConstraint', 'dtype', 'inplace'];

function positiveInteger(v: unknown, name: string): number {
  if (typeof v !== 'number') throw typeError(name, 'a positive integer', v);
  if (!Number.isInteger(v) || v < 1) throw rangeError(name, 'a positive integer', describe(v));
  return v;
}

function integerList(v: unknown, name: string, min: number): number[] {
  if (!Array.isArray(v)) throw typeError(name, `an array of integers ≥ ${min}`, v);
  return v.map((a: unknown, i: number) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < min) throw rangeError(`${name}[${i}]`, `an integer ≥ ${min}`, describe(a));
    return a;
  });
}

/**
 * y = x for x ≥ 0, alpha·x below, with a learnable alpha (He et al. 2015). Two layouts:
 * PyTorch's nn.PReLU(num_parameters, init) and Keras' PReLU(alpha_initializer, alpha_regularizer,
 * alpha_constraint, shared_axes). Forward and backward are the library's prelu and
 * backward.prelu (which reduces dalpha over the shared elements with the canonical sum).
 */
export class PReLU implements Layer {
  readonly name = 'PReLU';
  readonly layout: 'pytorch' | 'keras';
  readonly inplace: boolean;
  readonly sharedAxes: readonly number[] | undefined;
  readonly regularizer: Regularizer | undefined;
  readonly constraint: Constraint | undefined;
  private readonly dtype: 'float32' | 'float64';
  private readonly initializer: unknown;
  private readonly init: number;
  private alpha: Floats | undefined;
  private grad: Floats | undefined;
  private alphaShape: number[] | undefined;
  private readonly saved = new SavedInput();

  constructor(opts?: PReLUOptions) {
    const o = layerOptions(opts, 'PReLU', KEYS);
    this.inplace = booleanOption(o, 'inplace');
    if (o.dtype !== undefined && o.dtype !== 'float32' && o.dtype !== 'float64') throw typeError('dtype', "'float32' or 'float64'", o.dtype);
    this.dtype = (o.dtype as 'float32' | 'float64' | undefined) ?? 'float32';
    if (o.init !== undefined) {
      if (typeof o.init !== 'number') throw typeError('init', 'a number', o.init);
      if (!Number.isFinite(o.init)) throw rangeError('init', 'a finite number', describe(o.init));
    }
    this.init = (o.init as number | undefined) ?? 0.25;
    const keras = o.sharedAxes !== undefined || o.inputShape !== undefined;
    if (keras && o.numParameters !== undefined) {
      throw rangeError('numParameters', 'no value together with sharedAxes or inputShape (PyTorch or Keras layout, not both)', describe(o.numParameters));
    }
    this.layout = keras ? 'keras' : 'pytorch';
    this.initializer = o.alphaInitializer ?? (keras ? 'zeros' : 'constant');
    checkInitializerSpec(this.initializer, 'alphaInitializer');
    this.regularizer = toRegularizer(o.alphaRegularizer, 'alphaRegularizer');
    this.constraint = toConstraint(o.alphaConstraint, 'alphaConstraint');
    if (keras) {
      this.sharedAxes = o.sharedAxes === undefined ? [] : integerList(o.sharedAxes, 'sharedAxes', 1);
      if (o.inputShape !== undefined) this.build(integerList(o.inputShape, 'inputShape', 0));
    } else {
      this.sharedAxes = undefined;
      this.allocate([o.numParameters === undefined ? 1 : positiveInteger(o.numParameters, 'numParameters')]);
    }
  }

  /** Keras: alpha's shape for an input shape without its batch axis. Builds alpha once. */
  build(inputShape: readonly number[]): void {
    const rank = inputShape.length + 1;
    this.sharedAxes?.forEach((a, i) => {
      if (a >= rank) throw rangeError(`sharedAxes[${i}]`, `an axis in [1, ${rank - 1}] for inputs of rank ${rank}`, describe(a));
    });
    const shape = inputShape.map((d, k) => (this.sharedAxes?.includes(k + 1) ? 1 : d));
    if (this.alphaShape) {
      if (shape.join() !== this.alphaShape.join()) {
        throw rangeError('shape', `an input shape [batch, ${inputShape.map((d, k) => (this.alphaShape?.[k] === 1 ? '*' : d)).join(', ')}] (alpha is built)`, `[batch, ${inputShape.join(', ')}]`);
      }
      return;
    }
    this.allocate(shape);
  }

  private allocate(shape: number[]): void {
    const n = shape.reduce((p, d) => p * d, 1);
    const make = (): Floats => (this.dtype === 'float32' ? new Float32Array(n) : new Float64Array(n));
    const alpha = make();
    initialize(this.initializer, this.init, shape, alpha, 'alphaInitializer');
    this.alpha = alpha;
    this.grad = make();
    this.alphaShape = shape;
  }

  forward<X extends Input>(x: X, shape?: readonly number[]): Output<X> {
    const data = this.saved.save(x, shape, this.inplace);
    const s = this.saved.shape;
    if (this.layout === 'keras') {
      if (s.length < 2) throw rangeError('shape', 'a shape [batch, ...] of rank ≥ 2 (Keras layout)', `[${s.join(', ')}]`);
      this.build(s.slice(1));
    }
    const alpha = this.alpha as Floats;
    return ops.prelu(data, alpha, { ...this.layoutOptions(), ...(this.inplace ? { out: data } : {}) }) as Output<X>;
  }

  backward(dy: Input): Floats {
    const x = this.saved.get(this.name);
    const alpha = this.alpha as Floats;
    const grad = this.grad as Floats;
    const { dx, dalpha } = ops.backward.prelu(x, alpha, dy, this.layoutOptions());
    for (let i = 0; i < grad.length; i++) grad[i] += dalpha[i];
    this.regularizer?.addGradient(alpha, grad);
    return dx;
  }

  private layoutOptions(): { shape: number[]; sharedAxes?: readonly number[] } {
    return this.layout === 'keras' ? { shape: this.saved.shape, sharedAxes: this.sharedAxes } : { shape: this.saved.shape };
  }

  /** [alpha] (empty before a Keras-layout layer is built). Live: an optimizer updates it in place. */
  parameters(): Floats[] { return this.alpha ? [this.alpha] : []; }

  /** [dalpha], accumulated over backward calls since zeroGrad(), regularizer gradient included. */
  gradients(): Floats[] { return this.grad ? [this.grad] : []; }

  zeroGrad(): void { this.grad?.fill(0); }

  /** alpha's shape: [numParameters] (PyTorch) or the input shape without batch, shared axes 1 (Keras). */
  get shape(): readonly number[] | undefined { return this.alphaShape; }

  /** The regularizer's penalty on the current alpha (0 without one); add it to the loss you report. */
  regularizationLoss(): number {
    return this.regularizer && this.alpha ? this.regularizer.loss(this.alpha) : 0;
  }

  /** Applies alphaConstraint to alpha in place; call after each optimizer step. */
  applyConstraint(): void {
    if (this.constraint && this.alpha) this.constraint(this.alpha);
  }
}
