import type { BackendName } from '../backend';
import { markUnavailable, registerBackend, currentBackend } from '../registry';
import type { WasmArrays } from '../wasm-arrays';
import { webAssembly } from './wasm-api';
import { WASM_BYTES } from './wasm-bytes';
import { simdSupported, wasmBackendFrom } from './wasm-core';
import { arraysOf } from './wasm-memory';
import { ROUTING } from '../routing';

/**
 * Loads the wasm backend in a browser (or any ESM runtime) from the bytes inlined in the bundle,
 * asynchronously (browsers refuse synchronous compilation of large modules on the main thread).
 * The SIMD build where WebAssembly.validate accepts SIMD, else the scalar one; `?wasm=scalar` (or
 * simd) on the module's URL forces one. Never touches fs, process or the native addon.
 */
let loading: Promise<BackendName> | undefined;
let arrays: WasmArrays | undefined;
const listeners: Array<(a: WasmArrays) => void> = [];

export function wasmArrays(): WasmArrays | undefined {
  return arrays;
}
export function onWasmArrays(f: (a: WasmArrays) => void): void {
  listeners.push(f);
}

function forcedBuild(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  for (const kv of url.slice(q + 1).split('#')[0].split('&')) {
    const [k, v] = kv.split('=');
    if (k === 'wasm') return v;
  }
  return undefined;
}

async function load(url: string | undefined): Promise<void> {
  const W = webAssembly();
  if (!W) throw new Error('this JavaScript engine has no WebAssembly');
  const wanted = forcedBuild(url);
  if (wanted !== undefined && wanted !== 'simd' && wanted !== 'scalar') {
    throw new Error(`?wasm= must be simd or scalar, not ${JSON.stringify(wanted)}`);
  }
  const simd = simdSupported();
  if (wanted === 'simd' && !simd) throw new Error('?wasm=simd but this engine has no WebAssembly SIMD');
  const build = wanted === 'scalar' || !simd ? 'scalar' : 'simd';
  const bytes = WASM_BYTES[build];
  if (!bytes) throw new Error('this build of the package has no WebAssembly bytes inlined (use dist/browser/simd-activations.mjs)');
  const { instance } = await W.instantiate(bytes, {});
  const { backend, heap } = wasmBackendFrom(instance, ROUTING.thresholds.wasmOverJs);
  registerBackend(backend);
  arrays = arraysOf(heap, build);
  for (const f of listeners) f(arrays);
}

/** Starts loading once; resolves to the backend in use afterwards (never rejects: see backendStatus()). */
export function startWasm(url?: string): Promise<BackendName> {
  if (!loading) {
    loading = load(url).then(
      () => currentBackend().name,
      (e: unknown) => {
        markUnavailable('wasm', e instanceof Error ? e.message : String(e));
        return currentBackend().name;
      },
    );
  }
  return loading;
}
