import type { Backend, BackendName } from './backend';
import { loadNative } from './backends/native';
import { loadWasm } from './backends/wasm';
import { markUnavailable, registerBackend } from './registry';

/**
 * Tries every optional backend once at load. A backend that fails is never fatal: its reason is
 * kept for backendStatus(), and the facade falls back to the next one (native > wasm > js).
 */
export function loadBackends(): void {
  const loaders: Array<[BackendName, () => Backend]> = [['wasm', loadWasm], ['native', loadNative]];
  for (const [name, load] of loaders) {
    try {
      registerBackend(load());
    } catch (e) {
      markUnavailable(name, e instanceof Error ? e.message : String(e));
    }
  }
}
