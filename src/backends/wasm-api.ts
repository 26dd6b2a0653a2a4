/**
 * The part of the WebAssembly JavaScript API this package uses, typed here so the library compiles
 * (and its published .d.ts files read) without the DOM or Node type libraries.
 */
export interface WasmMemoryLike {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmInstanceLike {
  readonly exports: Record<string, unknown>;
}
export interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstanceLike;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstanceLike }>;
}

/** The engine's WebAssembly object, or undefined where there is none. */
export function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}
