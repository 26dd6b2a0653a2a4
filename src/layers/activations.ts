import { specOf } from '../spec';
import { resolveParams } from '../validate';
import { booleanOption, layerOptions, SavedInput, type Floats, type InplaceOption, type Input, type Layer,
  type Output } from './layer';
import { ops } from './ops';

type ElementwiseName = 'relu' | 'leakyRelu' | 'thresholdedRelu' | 'elu' | 'selu' | 'softplus' | 'sigmoid' | 'tanh';
type Call = (x: Floats, opts: Record<string, unknown>) => Floats;
type BackwardCall = (x: Floats, dy: Input, opts: Record<string, unknown>) => Floats;

/**
 * A layer around one elementwise function of the library: forward is `ops.<fn>`, backward is the
 * fused `ops.backward.<fn>(x, dy)` on the saved input. Parameters are checked once, here, by the
 * same rules as the functions (errors name the parameter), and passed as given so that float32
 * data are computed with float32 parameters exactly as a direct call would.
 */
abstract class ElementwiseLayer implements Layer {
  abstract readonly name: string;
  readonly inplace: boolean;
  protected readonly params: Record<string, number>;
  private readonly saved = new SavedInput();

  protected constructor(private readonly fn: ElementwiseName, opts: unknown, layer: string) {
    const spec = specOf(fn);
    const keys = spec.params.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
    const o = layerOptions(opts, layer, [...keys, 'inplace']);
    resolveParams(spec, o, false);
    this.inplace = booleanOption(o, 'inplace');
    this.params = {};
    for (const p of spec.params) {
      const given = [p.name, ...(p.aliases ?? [])].map((k) => o[k]).find((v) => v !== undefined);
      this.params[p.name] = typeof given === 'number' ? given : p.default;
    }
  }

  forward<X extends Input>(x: X, shape?: readonly number[]): Output<X> {
    const data = this.saved.save(x, shape, this.inplace);
    const call = ops[this.fn] as unknown as Call;
    return call(data, this.inplace ? { ...this.params, out: data } : this.params) as Output<X>;
  }

  backward(dy: Input): Floats {
    const x = this.saved.get(this.name);
    return (ops.backward[this.fn] as unknown as BackwardCall)(x, dy, this.params);
  }

  parameters(): Floats[] { return []; }
  gradients(): Floats[] { return []; }
  zeroGrad(): void { /* no parameters */ }
}

/** max(0, x). PyTorch nn.ReLU(inplace), Keras layers.ReLU(). */
export class ReLU extends ElementwiseLayer {
  readonly name = 'ReLU';
  constructor(opts?: InplaceOption) { super('relu', opts, 'ReLU'); }
}

export interface LeakyReLUOptions extends InplaceOption {
  /** Slope for x < 0; default 0.01 (PyTorch). */
  alpha?: number;
  /** PyTorch's and Keras' name for alpha (Keras' own default is 0.3). */
  negativeSlope?: number;
}
/** x for x ≥ 0, alpha·x below. PyTorch nn.LeakyReLU(negative_slope, inplace). */
export class LeakyReLU extends ElementwiseLayer {
  readonly name = 'LeakyReLU';
  constructor(opts?: LeakyReLUOptions) { super('leakyRelu', opts, 'LeakyReLU'); }
  get alpha(): number { return this.params.alpha; }
}

export interface ThresholdedReLUOptions extends InplaceOption { theta?: number }
/** x for x > theta, else 0. Keras ThresholdedReLU(theta = 1). */
export class ThresholdedReLU extends ElementwiseLayer {
  readonly name = 'ThresholdedReLU';
  constructor(opts?: ThresholdedReLUOptions) { super('thresholdedRelu', opts, 'ThresholdedReLU'); }
  get theta(): number { return this.params.theta; }
}

export interface ELUOptions extends InplaceOption { alpha?: number }
/** x for x > 0, alpha·(e^x − 1) below. PyTorch nn.ELU(alpha = 1, inplace). */
export class ELU extends ElementwiseLayer {
  readonly name = 'ELU';
  constructor(opts?: ELUOptions) { super('elu', opts, 'ELU'); }
  get alpha(): number { return this.params.alpha; }
}

/** scale·elu(x, alpha) with the self-normalising constants. PyTorch nn.SELU(inplace). */
export class SELU extends ElementwiseLayer {
  readonly name = 'SELU';
  constructor(opts?: InplaceOption) { super('selu', opts, 'SELU'); }
}

export interface SoftplusOptions extends InplaceOption { beta?: number; threshold?: number }
/** log(1 + e^(beta·x)) / beta, x above the threshold. PyTorch nn.Softplus(beta = 1, threshold = 20). */
export class Softplus extends ElementwiseLayer {
  readonly name = 'Softplus';
  constructor(opts?: SoftplusOptions) { super('softplus', opts, 'Softplus'); }
  get beta(): number { return this.params.beta; }
  get threshold(): number { return this.params.threshold; }
}

/** 1 / (1 + e^−x). PyTorch nn.Sigmoid(). */
export class Sigmoid extends ElementwiseLayer {
  readonly name = 'Sigmoid';
  constructor(opts?: InplaceOption) { super('sigmoid', opts, 'Sigmoid'); }
}

/** tanh(x). PyTorch nn.Tanh(). */
export class Tanh extends ElementwiseLayer {
  readonly name = 'Tanh';
  constructor(opts?: InplaceOption) { super('tanh', opts, 'Tanh'); }
}
