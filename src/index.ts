/**
 * simd-activations: neural-network activation functions for Float32Array and Float64Array with a
 * bit-exact TypeScript reference. See README.md for formulas, defaults and the numerics contract.
 */
import { makeApi, type Api } from './api';
import type { BackendName } from './backend';
import { jsBackend } from './backends/js';
import { loadBackends } from './loaders';
import { applyEnvironment, availableBackends, backendStatus, currentBackend, getBackend, loadedBackend, setBackend,
  setVerify, verifying } from './registry';

export type * from './api';
export type { BackendName } from './backend';
export type { BackendStatus } from './registry';
export { SPEC, FUNCTION_NAMES, SELU_ALPHA, SELU_SCALE } from './spec';
export type { FunctionSpec, ParamSpec, SpecialValue } from './spec';
export { availableBackends, backendStatus, getBackend, setBackend, setVerify };

declare const process: { env: Record<string, string | undefined> } | undefined;
loadBackends();
applyEnvironment(typeof process !== 'undefined' && process.env ? process.env : {});

const api: Api = makeApi(currentBackend, verifying);

export const {
  relu, leakyRelu, prelu, thresholdedRelu, elu, selu, softplus, sigmoid, tanh, softmax, logSoftmax,
  derivative, backward,
} = api;

/** The same function set pinned to one backend, e.g. backends.js.sigmoid(x). */
export const backends: { readonly js: Api } & Partial<Record<Exclude<BackendName, 'js'>, Api>> = {
  js: makeApi(() => jsBackend, () => false),
};
for (const name of ['native', 'wasm'] as const) {
  const b = loadedBackend(name);
  if (b) backends[name] = makeApi(() => b, () => false);
}

/** Keras/PyTorch-style layers (ReLU, …, PReLU with a learnable alpha, Softmax, LogSoftmax). */
export * as layers from './layers/index';
