import type { Backend } from '../backend';

/**
 * The WebAssembly (AssemblyScript SIMD) backend. Returns the backend, or throws an Error whose
 * message says in one sentence why it cannot be used (the loader records it for backendStatus()).
 */
export function loadWasm(): Backend {
  throw new Error('the WebAssembly build is not part of this version yet (see the wasm backend issue)');
}
