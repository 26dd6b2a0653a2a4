/**
 * The wasm builds' bytes for the browser bundle. This file is a placeholder in the TypeScript
 * build (Node reads dist/wasm/*.wasm from disk instead); scripts/build-browser.js replaces it in
 * the bundle with the two .wasm files inlined (base64, decoded at load).
 */
export const WASM_BYTES: { readonly simd?: Uint8Array; readonly scalar?: Uint8Array } = {};
