import type { FunctionSpec } from '../spec';

/**
 * The exports a WebAssembly build must provide, derived from the spec table: the loader refuses a
 * build that lacks one (so the wasm backend is missing, and its tests fail), and the build script
 * (scripts/build-wasm.js) generates assembly/index.ts from the same table and checks the result.
 */
export type WasmType = 'f32' | 'f64';
export const WASM_TYPES: readonly WasmType[] = ['f32', 'f64'];

export function directionsOf(spec: FunctionSpec): readonly string[] {
  return spec.kind === 'rowwise' ? ['forward', 'backward'] : ['forward', 'derivative', 'backward'];
}

/** Name of the export computing `dir` of a function on `type` data, e.g. sigmoid_backward_f32. */
export function kernelExport(name: string, dir: string, type: WasmType): string {
  return `${name}_${dir}_${type}`;
}

/** Every export the loader uses. */
export function requiredExports(spec: readonly FunctionSpec[]): string[] {
  const names = ['memory', 'heap_base'];
  for (const s of spec) {
    for (const t of WASM_TYPES) {
      for (const d of directionsOf(s)) names.push(kernelExport(s.name, d, t));
      if (s.kind === 'prelu') names.push(kernelExport(s.name, 'finish', t));
      if (s.kind === 'rowwise') for (const d of STREAM) names.push(kernelExport(s.name, d, t));
    }
    if (s.kind === 'prelu') names.push(`${s.name}_init`);
  }
  if (spec.some((s) => s.kind === 'rowwise')) names.push('row_lse', 'row_lse_count', ...WASM_TYPES.flatMap((t) => [`row_max_${t}`, `row_expsum_${t}`, `row_lsesum_${t}`]));
  return names;
}

/** A rowwise function's segment kernels, for rows that are streamed through the scratch. */
export const STREAM = ['stream_out', 'stream_dot', 'stream_backout'] as const;
