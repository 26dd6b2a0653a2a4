import { makeApi, type Api } from '../api';
import { currentBackend, verifying } from '../registry';

/**
 * The library's public functions as the layers call them: the same facade as the package's
 * top-level exports (validation, current backend, verify mode), built here rather than imported
 * from ../index so that index.ts can re-export the layers without a circular import.
 */
export const ops: Api = makeApi(currentBackend, verifying);
