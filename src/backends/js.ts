import type { Backend, ElementwiseOps, Ops } from '../backend';
import { elu } from '../reference/elu';
import { leakyRelu } from '../reference/leakyRelu';
import { logSoftmaxBackward, logSoftmaxForward } from '../reference/logSoftmax';
import { preluBackward, preluDerivative, preluForward } from '../reference/prelu';
import { relu } from '../reference/relu';
import { selu } from '../reference/selu';
import { sigmoid } from '../reference/sigmoid';
import { softmaxBackward, softmaxForward } from '../reference/softmax';
import { softplus } from '../reference/softplus';
import { tanh } from '../reference/tanh';
import { thresholdedRelu } from '../reference/thresholdedRelu';
import type { ElementwiseKernel, Params } from '../reference/types';

/**
 * Float64Array data use f64/df64 (else f/df); Float32Array data use f32/df32 (else f/df, whose
 * binary64 value the store rounds once). Backward rounds f'(x) to the data's precision before
 * multiplying by dy, so backward == dy * derivative bitwise (a product of two float32 values is
 * exact in binary64 and the Float32Array store rounds it once).
 */
function elementwise(k: ElementwiseKernel<Params>): ElementwiseOps {
  const f64 = k.f64 ?? k.f;
  const df64 = k.df64 ?? k.df;
  const f32 = k.f32 ?? k.f;
  const df32 = k.df32 ?? k.df;
  return {
    kind: 'elementwise',
    forward(x, out, p) {
      const f = x instanceof Float64Array ? f64 : f32;
      for (let i = 0; i < x.length; i++) out[i] = f(x[i], p);
    },
    derivative(x, out, p) {
      const df = x instanceof Float64Array ? df64 : df32;
      for (let i = 0; i < x.length; i++) out[i] = df(x[i], p);
    },
    backward(x, dy, out, p) {
      if (x instanceof Float64Array) {
        for (let i = 0; i < x.length; i++) out[i] = dy[i] * df64(x[i], p);
      } else {
        for (let i = 0; i < x.length; i++) out[i] = dy[i] * Math.fround(df32(x[i], p));
      }
    },
  };
}

const kernels: Record<string, Ops> = {
  relu: elementwise(relu as ElementwiseKernel<Params>),
  leakyRelu: elementwise(leakyRelu as unknown as ElementwiseKernel<Params>),
  prelu: { kind: 'prelu', forward: preluForward, derivative: preluDerivative, backward: preluBackward },
  thresholdedRelu: elementwise(thresholdedRelu as unknown as ElementwiseKernel<Params>),
  elu: elementwise(elu as unknown as ElementwiseKernel<Params>),
  selu: elementwise(selu as ElementwiseKernel<Params>),
  softplus: elementwise(softplus as unknown as ElementwiseKernel<Params>),
  sigmoid: elementwise(sigmoid as ElementwiseKernel<Params>),
  tanh: elementwise(tanh as ElementwiseKernel<Params>),
  softmax: { kind: 'rowwise', forward: softmaxForward, backward: softmaxBackward },
  logSoftmax: { kind: 'rowwise', forward: logSoftmaxForward, backward: logSoftmaxBackward },
};

/** The pure-TypeScript backend: the reference itself, available everywhere. */
export const jsBackend: Backend = { name: 'js', kernels };
