/**
 * simd-activations for browsers: the same API as the Node entry, with the wasm backend loaded
 * asynchronously from bytes inlined in the bundle (dist/browser/simd-activations.mjs). Until
 * `await ready()` resolves, calls run on the js reference (same results, slower). Never touches
 * fs, process or the native addon. No environment variables: `setBackend`, `setVerify` instead.
 */
import { makeApi, type Api } from './api';
import { describe, rangeError, typeError } from './errors';
import type { BackendName } from './backend';
import { jsBackend } from './backends/js';
import { onWasmArrays, startWasm, wasmArrays } from './backends/wasm-browser';
import { unavailableArrays } from './backends/wasm-memory';
import { availableBackends, backendStatus, currentBackend, getBackend, loadedBackend, setBackend, setVerify, verifying } from './registry';
import type { WasmArrays } from './wasm-arrays';

export type * from './api';
export type { BackendName } from './backend';
export type { BackendStatus } from './registry';
export type { WasmArrays } from './wasm-arrays';
export { SPEC, FUNCTION_NAMES, SELU_ALPHA, SELU_SCALE } from './spec';
export type { FunctionSpec, ParamSpec, SpecialValue } from './spec';
export { availableBackends, backendStatus, getBackend, setBackend, setVerify };
/** Keras/PyTorch-style layers, as in the Node entry. */
export * as layers from './layers/index';
import * as layers from './layers/index';

/** Resolves when the wasm backend has loaded (or failed to: see backendStatus()), to the backend in use. */
export function ready(): Promise<BackendName> {
  return startWasm();
}

const api: Api = makeApi(currentBackend, verifying);

export const {
  relu, leakyRelu, prelu, thresholdedRelu, elu, selu, softplus, sigmoid, tanh, softmax, logSoftmax,
  derivative, backward, async,
} = api;

let threads = 1;
/** The native backend's thread count; browsers have no native backend, so it is kept and has no effect. */
export function setThreads(n: number): void {
  if (typeof n !== 'number') throw typeError('threads', 'an integer from 1 to 64', n);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw rangeError('threads', 'an integer from 1 to 64', describe(n));
  threads = n;
}
export function getThreads(): number {
  return threads;
}

/** The same function set pinned to one backend; `backends.wasm` appears once ready() resolved. */
export const backends: { readonly js: Api } & Partial<Record<Exclude<BackendName, 'js'>, Api>> = {
  js: makeApi(() => jsBackend, () => false),
};
onWasmArrays(() => {
  const b = loadedBackend('wasm');
  if (b) backends.wasm = makeApi(() => b, () => false);
});

const missing = unavailableArrays(() => backendStatus().find((s) => s.name === 'wasm')?.reason ?? 'still loading (await ready())');
const current = (): WasmArrays => wasmArrays() ?? missing;
/** Arrays in wasm memory (see the Node entry); usable once ready() resolved. */
export const wasm: WasmArrays = {
  get available() { return current().available; },
  get build() { return current().build; },
  alloc: (type, n) => current().alloc(type, n),
  free: (view) => current().free(view),
  refresh: (view) => current().refresh(view),
  reserve: (bytes) => current().reserve(bytes),
  owns: (view) => current().owns(view),
};

export default {
  relu, leakyRelu, prelu, thresholdedRelu, elu, selu, softplus, sigmoid, tanh, softmax, logSoftmax, derivative, backward,
  async, backends, wasm, ready, layers, availableBackends, backendStatus, getBackend, setBackend, setVerify, setThreads, getThreads,
};
