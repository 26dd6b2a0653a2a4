/**
 * The spec table: every function the library offers, once. The facade, every backend, the tests
 * and the README's API section are driven from it, so a function cannot exist in one place and be
 * forgotten in another.
 */

/** How a parameter is checked; each maps to one sentence in errors.ts. */
export type ParamRange = 'finite' | 'positive' | 'notNaN';

export interface ParamSpec {
  readonly name: string;
  readonly default: number;
  readonly range: ParamRange;
  /** Other names accepted for the same parameter (Keras spellings). */
  readonly aliases?: readonly string[];
  readonly doc: string;
}

/**
 * elementwise: y[i] depends on x[i] only. prelu: elementwise with a broadcast alpha array and a
 * reduced gradient for it. rowwise: softmax-like, along one axis of a shape.
 */
export type Kind = 'elementwise' | 'prelu' | 'rowwise';

export interface SpecialValue {
  readonly x: number;
  readonly y: number;
  /** f'(x); absent for rowwise functions, whose derivative is a Jacobian. */
  readonly dy?: number;
}

export interface FunctionSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly params: readonly ParamSpec[];
  readonly formula: string;
  readonly derivative: string;
  /** Conventions at kinks, for signed zeros and infinities, and why. */
  readonly conventions: string;
  /** Piecewise-linear functions are exact; smooth ones are judged in ULPs against an oracle. */
  readonly smooth: boolean;
  /** Special inputs with default parameters, checked on every backend. */
  readonly special: readonly SpecialValue[];
  readonly pytorch: string;
  readonly keras: string;
}

const NaN_ = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;
/** scale·alpha correctly rounded (the product of the two doubles above would round twice). */
export const SELU_SCALE_ALPHA = 1.7580993408473768;

export const SPEC: readonly FunctionSpec[] = [
  {
    name: 'relu', kind: 'elementwise', params: [], smooth: false,
    formula: 'relu(x) = x if x ≥ 0, else 0',
    derivative: "relu'(x) = 1 if x > 0, else 0",
    conventions: "relu'(0) = 0 (PyTorch). relu(-0) = -0: y = (x < 0 ? 0 : x), the form of x86 maxps and WASM pmax.",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: 0, dy: 0 },
      { x: 0, y: 0, dy: 0 }, { x: -0, y: -0, dy: 0 }, { x: 2, y: 2, dy: 1 }, { x: -2, y: 0, dy: 0 },
    ],
    pytorch: 'torch.nn.ReLU()', keras: 'keras.layers.ReLU()',
  },
  {
    name: 'leakyRelu', kind: 'elementwise', smooth: false,
    params: [{
      name: 'alpha', default: 0.01, range: 'finite', aliases: ['negativeSlope'],
      doc: "slope for x < 0. 0.01 is PyTorch's and ONNX's default; Keras' LeakyReLU defaults to negative_slope = 0.3",
    }],
    formula: 'leakyRelu(x) = x if x ≥ 0, else alpha·x',
    derivative: "leakyRelu'(x) = 1 if x > 0, else alpha",
    conventions: "leakyRelu'(0) = alpha (PyTorch). leakyRelu(-0) = -0.",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: -INF, dy: 0.01 },
      { x: 0, y: 0, dy: 0.01 }, { x: -0, y: -0, dy: 0.01 }, { x: 2, y: 2, dy: 1 },
    ],
    pytorch: 'torch.nn.LeakyReLU(negative_slope=0.01)', keras: 'keras.layers.LeakyReLU(negative_slope=0.3)',
  },
  {
    name: 'prelu', kind: 'prelu', smooth: false,
    params: [],
    formula: 'prelu(x) = x if x ≥ 0, else alpha[c]·x, alpha broadcast per channel or by Keras shared axes',
    derivative: "prelu'(x) = 1 if x > 0, else alpha[c]; dL/dalpha[c] = Σ over elements of c with x ≤ 0 of dy·x",
    conventions: "prelu'(0) = alpha (PyTorch). dalpha sums in the canonical order (16 lanes by index mod 16, folded in halves, blocks of 4096 added in order).",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: -INF, dy: 0.25 },
      { x: 0, y: 0, dy: 0.25 }, { x: -0, y: -0, dy: 0.25 }, { x: -4, y: -1, dy: 0.25 },
    ],
    pytorch: 'torch.nn.PReLU(num_parameters=1, init=0.25)', keras: "keras.layers.PReLU(alpha_initializer='zeros', shared_axes=None)",
  },
  {
    name: 'thresholdedRelu', kind: 'elementwise', smooth: false,
    params: [{ name: 'theta', default: 1.0, range: 'finite', doc: 'threshold; ONNX ThresholdedRelu calls it alpha (default 1.0)' }],
    formula: 'thresholdedRelu(x) = x if x > theta, else 0',
    derivative: "thresholdedRelu'(x) = 1 if x > theta, else 0",
    conventions: "At x = theta the output is 0 and the derivative 0 (strict inequality, as Keras and ONNX).",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: 0, dy: 0 },
      { x: 1, y: 0, dy: 0 }, { x: 2, y: 2, dy: 1 }, { x: 0.5, y: 0, dy: 0 },
    ],
    pytorch: 'torch.nn.Threshold(theta, 0) (for x > theta)', keras: 'keras.layers.ThresholdedReLU(theta=1.0)',
  },
  {
    name: 'elu', kind: 'elementwise', smooth: true,
    params: [{ name: 'alpha', default: 1.0, range: 'finite', doc: 'scale of the negative part, which tends to -alpha' }],
    formula: 'elu(x) = x if x > 0, else alpha·(e^x − 1) (computed with expm1)',
    derivative: "elu'(x) = 1 if x > 0, else alpha·e^x",
    conventions: "elu'(0) = alpha (PyTorch). elu(-0) = -0 for alpha > 0. elu(-Inf) = -alpha.",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: -1, dy: 0 },
      { x: 0, y: 0, dy: 1 }, { x: -0, y: -0, dy: 1 },
    ],
    pytorch: 'torch.nn.ELU(alpha=1.0)', keras: 'keras.layers.ELU(alpha=1.0)',
  },
  {
    name: 'selu', kind: 'elementwise', smooth: true, params: [],
    formula: 'selu(x) = scale·x if x > 0, else scale·alpha·(e^x − 1); alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946',
    derivative: "selu'(x) = scale if x > 0, else scale·alpha·e^x",
    conventions: "selu'(0) = scale·alpha (PyTorch's x ≤ 0 branch). selu(-Inf) = -scale·alpha. scale and scale·alpha are applied as double-double constants.",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: SELU_SCALE }, { x: 0, y: 0, dy: SELU_SCALE_ALPHA },
      { x: -0, y: -0, dy: SELU_SCALE_ALPHA },
    ],
    pytorch: 'torch.nn.SELU()', keras: "keras.activations.selu / Dense(activation='selu')",
  },
  {
    name: 'softplus', kind: 'elementwise', smooth: true,
    params: [
      { name: 'beta', default: 1, range: 'positive', doc: 'sharpness; the result is log(1 + e^(beta·x)) / beta' },
      { name: 'threshold', default: 20, range: 'notNaN', doc: "above beta·x > threshold the function returns x (PyTorch's rule); Infinity disables it" },
    ],
    formula: 'softplus(x) = x if beta·x > threshold, else (max(beta·x, 0) + log1p(e^(−|beta·x|))) / beta',
    derivative: "softplus'(x) = 1 if beta·x > threshold, else sigmoid(beta·x)",
    conventions: "softplus(-Inf) = 0, softplus(+Inf) = +Inf. The threshold rule is PyTorch's, so values just above the threshold differ from the exact function by up to e^-threshold (below float32 resolution at the default).",
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: INF, dy: 1 }, { x: -INF, y: 0, dy: 0 },
      { x: 0, y: Math.LN2, dy: 0.5 }, { x: 21, y: 21, dy: 1 },
    ],
    pytorch: 'torch.nn.Softplus(beta=1.0, threshold=20.0)', keras: 'keras.activations.softplus (beta = 1, no threshold)',
  },
  {
    name: 'sigmoid', kind: 'elementwise', smooth: true, params: [],
    formula: 'sigmoid(x) = 1 / (1 + e^−x), computed as e/(1+e) with e = e^−|x| for x < 0',
    derivative: "sigmoid'(x) = e / (1 + e)² with e = e^−|x| (no cancellation in s·(1 − s))",
    conventions: 'sigmoid(-Inf) = 0, sigmoid(+Inf) = 1; values down to the smallest subnormal, no flush to zero.',
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: 1, dy: 0 }, { x: -INF, y: 0, dy: 0 },
      { x: 0, y: 0.5, dy: 0.25 }, { x: -0, y: 0.5, dy: 0.25 },
    ],
    pytorch: 'torch.nn.Sigmoid()', keras: 'keras.activations.sigmoid',
  },
  {
    name: 'tanh', kind: 'elementwise', smooth: true, params: [],
    formula: 'tanh(x) = sign(x)·(−m / (2 + m)) with m = expm1(−2|x|); tanh(x) = x for |x| < 2^-27',
    derivative: "tanh'(x) = 4e / (1 + e)² with e = e^−2|x| (no cancellation in 1 − tanh²)",
    conventions: 'tanh(±Inf) = ±1, tanh(-0) = -0, odd symmetry is exact.',
    special: [
      { x: NaN_, y: NaN_, dy: NaN_ }, { x: INF, y: 1, dy: 0 }, { x: -INF, y: -1, dy: 0 },
      { x: 0, y: 0, dy: 1 }, { x: -0, y: -0, dy: 1 },
    ],
    pytorch: 'torch.nn.Tanh()', keras: 'keras.activations.tanh',
  },
  {
    name: 'softmax', kind: 'rowwise', smooth: true, params: [],
    formula: 'softmax(x)_i = e^(x_i − m) / Σ_j e^(x_j − m), m = max_j x_j, along `axis` of `shape`',
    derivative: 'backward: dx_i = s_i·(dy_i − Σ_j dy_j·s_j)',
    conventions: 'A row that is all -Inf gives 0s (masked rows stay finite; PyTorch gives NaN). Any NaN or +Inf in a row makes the row NaN. Sums use the canonical order.',
    special: [],
    pytorch: 'torch.nn.Softmax(dim=-1)', keras: 'keras.layers.Softmax(axis=-1)',
  },
  {
    name: 'logSoftmax', kind: 'rowwise', smooth: true, params: [],
    formula: 'logSoftmax(x)_i = (x_i − m) − log Σ_j e^(x_j − m), m = max_j x_j, along `axis` of `shape`',
    derivative: 'backward: dx_i = dy_i − softmax(x)_i·Σ_j dy_j',
    conventions: 'A row that is all -Inf gives -Inf (its backward passes dy through). Any NaN or +Inf in a row makes the row NaN.',
    special: [],
    pytorch: 'torch.nn.LogSoftmax(dim=-1)', keras: 'keras.ops.log_softmax(axis=-1)',
  },
];

export const FUNCTION_NAMES = SPEC.map((s) => s.name);

export function specOf(name: string): FunctionSpec {
  const s = SPEC.find((f) => f.name === name);
  if (!s) throw new Error(`No function named ${name} in the spec`);
  return s;
}
