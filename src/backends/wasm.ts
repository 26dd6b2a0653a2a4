import type { Backend } from '../backend';
import { webAssembly } from './wasm-api';
import { simdSupported, wasmBackendFrom } from './wasm-core';
import type { WasmArrays } from '../wasm-arrays';
import { arraysOf } from './wasm-memory';
import { ROUTING } from '../routing';

/**
 * The WebAssembly (AssemblyScript) backend for Node: reads dist/wasm/{simd,scalar}.wasm from the
 * package and instantiates it synchronously, so a plain require() has it with no await. The SIMD
 * build is used where WebAssembly.validate accepts a SIMD module; SIMD_ACTIVATIONS_WASM=scalar
 * (or simd) forces one. Throws an Error saying why when it cannot be used.
 */
declare const require: (id: string) => unknown;
declare const __dirname: string;
declare const process: { env: Record<string, string | undefined> } | undefined;

let arrays: WasmArrays | undefined;

/** The `wasm` array API of the loaded backend (undefined until loadWasm succeeded). */
export function loadedArrays(): WasmArrays | undefined {
  return arrays;
}

export function loadWasm(): Backend {
  const W = webAssembly();
  if (!W) throw new Error('this JavaScript engine has no WebAssembly');
  const wanted = typeof process !== 'undefined' && process.env ? process.env.SIMD_ACTIVATIONS_WASM : undefined;
  if (wanted !== undefined && wanted !== '' && wanted !== 'simd' && wanted !== 'scalar') {
    throw new Error(`SIMD_ACTIVATIONS_WASM must be simd or scalar, not ${JSON.stringify(wanted)}`);
  }
  const simd = simdSupported();
  if (wanted === 'simd' && !simd) throw new Error('SIMD_ACTIVATIONS_WASM=simd but this engine has no WebAssembly SIMD');
  const build = wanted === 'scalar' || !simd ? 'scalar' : 'simd';
  const fs = require('fs') as { readFileSync(p: string): Uint8Array; existsSync(p: string): boolean };
  const path = require('path') as { join(...p: string[]): string };
  const file = path.join(__dirname, '..', '..', 'wasm', `${build}.wasm`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing (run npm run build)`);
  const instance = new W.Instance(new W.Module(fs.readFileSync(file)), {});
  const { backend, heap } = wasmBackendFrom(instance, ROUTING.thresholds.wasmOverJs);
  arrays = arraysOf(heap, build);
  return backend;
}
