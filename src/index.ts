/**
 * simd-activations: neural-network activation functions for Float32Array and Float64Array with a
 * bit-exact TypeScript reference. See README.md for formulas, defaults and the numerics contract.
 */
import { makeApi, type Api } from './api';
import type { BackendName } from './backend';
import type { WasmArrays } from './wasm-arrays';
import { jsBackend } from './backends/js';
import { getThreads, isNativeBackend, setThreads } from './backends/native';
import { loadedArrays } from './backends/wasm';
import { unavailableArrays } from './backends/wasm-memory';
import { loadBackends } from './loaders';
import { applyEnvironment, availableBackends, backendStatus, currentBackend, getBackend, loadedBackend, setBackend,
  setVerify, verifying } from './registry';

export type * from './api';
export type { BackendName } from './backend';
export type { BackendStatus } from './registry';
export { SPEC, FUNCTION_NAMES, SELU_ALPHA, SELU_SCALE } from './spec';
export type { FunctionSpec, ParamSpec, SpecialValue } from './spec';
export type { WasmArrays } from './wasm-arrays';
export { availableBackends, backendStatus, getBackend, setBackend, setVerify, setThreads, getThreads };

declare const process: { env: Record<string, string | undefined> } | undefined;
loadBackends();
applyEnvironment(typeof process !== 'undefined' && process.env ? process.env : {});

const api: Api = makeApi(currentBackend, verifying);

export const {
  relu, leakyRelu, prelu, thresholdedRelu, elu, selu, softplus, sigmoid, tanh, softmax, logSoftmax,
  derivative, backward, async,
} = api;

/** The same function set pinned to one backend, e.g. backends.js.sigmoid(x). */
export const backends: { readonly js: Api; native?: Api & { readonly isa: string }; wasm?: Api } = {
  js: makeApi(() => jsBackend, () => false),
};
for (const name of ['native', 'wasm'] as const) {
  const b = loadedBackend(name);
  if (b) backends[name] = makeApi(() => b, () => false) as Api & { readonly isa: string };
}
{
  // backends.native.isa: the instruction set the native kernels run on (avx512, avx2, sse2, scalar).
  const b = loadedBackend('native');
  if (backends.native && b && isNativeBackend(b)) Object.defineProperty(backends.native, 'isa', { get: () => b.isa(), enumerable: true });
}

/**
 * Arrays in the wasm backend's memory: `wasm.alloc(Float32Array, n)` gives a view that every
 * function reads and writes in place (no copy in or out); `wasm.free(view)` gives it back.
 */
export const wasm: WasmArrays = loadedArrays()
  ?? unavailableArrays(() => backendStatus().find((s) => s.name === 'wasm')?.reason ?? 'not loaded');

/** Resolves at once in Node (the wasm backend loads synchronously); the browser build's ready() awaits it. */
export function ready(): Promise<BackendName> {
  return Promise.resolve(getBackend());
}

/** Keras/PyTorch-style layers (ReLU, …, PReLU with a learnable alpha, Softmax, LogSoftmax). */
export * as layers from './layers/index';
