import type { Backend, BackendName } from './backend';
import { jsBackend } from './backends/js';
import { describe, rangeError, typeError } from './errors';

/**
 * Which backends loaded, why the others did not, and which one runs. Preference order is
 * native > wasm > js; SIMD_ACTIVATIONS_BACKEND or setBackend() pick one explicitly.
 */
export const BACKEND_NAMES: readonly BackendName[] = ['native', 'wasm', 'js'];

export interface BackendStatus {
  readonly name: BackendName;
  readonly available: boolean;
  /** Why the backend is not available (absent when it is). */
  readonly reason?: string;
}

const loaded = new Map<BackendName, Backend>([['js', jsBackend]]);
const reasons = new Map<BackendName, string>([
  ['native', 'not loaded'],
  ['wasm', 'not loaded'],
]);

let current: Backend = jsBackend;

export function availableBackends(): BackendName[] {
  return BACKEND_NAMES.filter((n) => loaded.has(n));
}

export function backendStatus(): BackendStatus[] {
  return BACKEND_NAMES.map((name) => (loaded.has(name)
    ? { name, available: true }
    : { name, available: false, reason: reasons.get(name) ?? 'not loaded' }));
}

export function getBackend(): BackendName {
  return current.name;
}

export function backendNamed(name: unknown, param = 'name'): Backend {
  if (typeof name !== 'string') throw typeError(param, `one of ${BACKEND_NAMES.join(', ')}`, name);
  if (!(BACKEND_NAMES as readonly string[]).includes(name)) {
    throw rangeError(param, `one of ${BACKEND_NAMES.join(', ')}`, describe(name));
  }
  const b = loaded.get(name as BackendName);
  if (!b) throw new Error(`The ${name} backend is not available: ${reasons.get(name as BackendName)}. Available: ${availableBackends().join(', ')}.`);
  return b;
}

export function setBackend(name: BackendName): void {
  current = backendNamed(name);
}

export function currentBackend(): Backend {
  return current;
}

/** Loaders (and tests) register a backend here; the best available one becomes current. */
export function registerBackend(b: Backend): void {
  loaded.set(b.name, b);
  reasons.delete(b.name);
  current = loaded.get(availableBackends()[0])!;
}

/** Loaders record why a backend could not be used (shown by backendStatus and setBackend). */
export function markUnavailable(name: BackendName, reason: string): void {
  if (!loaded.has(name)) reasons.set(name, reason);
}

/** The backend registered under this name, if it loaded. */
export function loadedBackend(name: BackendName): Backend | undefined {
  return loaded.get(name);
}

/** For tests: forget a registered backend (never the js reference). */
export function unregisterBackend(name: BackendName, reason: string): void {
  if (name === 'js') return;
  loaded.delete(name);
  reasons.set(name, reason);
  if (current.name === name) current = loaded.get(availableBackends()[0])!;
}

let verify = false;
/** SIMD_ACTIVATIONS_VERIFY=1: every call is re-run on the js reference and compared bit for bit. */
export function setVerify(on: boolean): void {
  verify = on;
}
export function verifying(): boolean {
  return verify;
}

/** Applies the environment once at load; an explicitly requested backend that is missing throws. */
export function applyEnvironment(env: Record<string, string | undefined>): void {
  verify = env.SIMD_ACTIVATIONS_VERIFY === '1' || env.SIMD_ACTIVATIONS_VERIFY === 'true';
  const wanted = env.SIMD_ACTIVATIONS_BACKEND;
  if (wanted) current = backendNamed(wanted, 'SIMD_ACTIVATIONS_BACKEND');
}
