import type { Backend } from '../backend';

/**
 * The native (C++ Node-API) backend. Returns the backend, or throws an Error whose message says
 * in one sentence why it cannot be used (the loader records it for backendStatus()).
 */
export function loadNative(): Backend {
  throw new Error('the native addon is not part of this version yet (see the native backend issue)');
}
