// Compiled by `npm test` (tsc --noEmit, test/tsconfig.types.json) against the built declarations:
// the layers' public types accept what the README shows and reject misuse.
import { layers } from '../dist/cjs/index';

const x32 = new Float32Array(6);
const relu = new layers.ReLU({ inplace: true });
const y: Float32Array = relu.forward(x32);
const y64: Float64Array = new layers.Tanh().forward([1, 2]);
const dx: Float32Array | Float64Array = relu.backward(x32);
const lrelu = new layers.LeakyReLU({ negativeSlope: 0.2 });
const slope: number = lrelu.alpha;
const sm = new layers.LogSoftmax({ axis: -1 });
sm.forward(x32, [2, 3]);
const p = new layers.PReLU({
  numParameters: 3, init: 0.1, alphaRegularizer: { l1: 0.01, l2: 0.01 }, alphaConstraint: 'nonNeg', dtype: 'float64',
});
const k = new layers.PReLU({ sharedAxes: [1], inputShape: [3, 2], alphaInitializer: (shape) => shape.length, alphaConstraint: { min: 0, max: 1 } });
const params: (Float32Array | Float64Array)[] = p.parameters().concat(k.gradients());
const reg: number = p.regularizationLoss();
p.applyConstraint();
p.zeroGrad();
const r = layers.regularizers.l1l2(0.1, 0.2);
const c = layers.constraints.minMax(0, 1);
const list: layers.Layer[] = [relu, lrelu, sm, p, k, new layers.Softplus({ beta: 2 }), new layers.ELU(), new layers.SELU(),
  new layers.Sigmoid(), new layers.ThresholdedReLU({ theta: 0.5 }), new layers.Softmax()];
// @ts-expect-error misspelt option
new layers.ELU({ alfa: 1 });
// @ts-expect-error unknown initializer name
new layers.PReLU({ alphaInitializer: 'glorot' });
// @ts-expect-error dtype is float32 or float64
new layers.PReLU({ dtype: 'float16' });
// @ts-expect-error Int32Array is not accepted
relu.forward(new Int32Array(2));
export { y, y64, dx, slope, params, reg, r, c, list };
