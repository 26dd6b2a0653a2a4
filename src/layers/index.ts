/**
 * Keras/PyTorch-style activation layers on the library's kernels: forward keeps what backward
 * needs, backward returns dx and accumulates parameter gradients (PReLU's alpha).
 */
export type { Layer, InplaceOption } from './layer';
export { ReLU, LeakyReLU, ThresholdedReLU, ELU, SELU, Softplus, Sigmoid, Tanh } from './activations';
export type { LeakyReLUOptions, ThresholdedReLUOptions, ELUOptions, SoftplusOptions } from './activations';
export { Softmax, LogSoftmax } from './softmax';
export type { SoftmaxOptions } from './softmax';
export { PReLU } from './prelu';
export type { PReLUOptions } from './prelu';
export type { Initializer, InitializerSpec } from './initializers';
import { l1, l2, l1l2 } from './regularizers';
import { minMax, nonNeg } from './constraints';
export type { Regularizer, RegularizerSpec } from './regularizers';
export type { Constraint, ConstraintSpec } from './constraints';

/** Keras-style factories: regularizers.l1(0.01), .l2(0.01), .l1l2(l1, l2). */
export const regularizers = { l1, l2, l1l2 };
/** constraints.nonNeg(), constraints.minMax(min, max). */
export const constraints = { nonNeg, minMax };
