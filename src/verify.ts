import type { Floats } from './backend';

/**
 * Bit-for-bit comparison used by SIMD_ACTIVATIONS_VERIFY=1: equal bits, or NaN on both sides
 * (NaN payloads are not part of the contract).
 */
export function firstMismatch(a: Floats, b: Floats): number {
  for (let i = 0; i < a.length; i++) {
    const u = a[i], v = b[i];
    if (u === v ? u === 0 && 1 / u !== 1 / v : !(u !== u && v !== v)) return i;
  }
  return -1;
}

export function copyOf(a: Floats): Floats {
  return a.slice();
}

export function mismatchError(fn: string, backend: string, index: number, inputs: Record<string, Floats | number>,
  got: number, want: number): Error {
  const shown = Object.entries(inputs).map(([k, v]) => `${k} = ${fmt(typeof v === 'number' ? v : v[index])}`).join(', ');
  return new Error(`${fn} on the ${backend} backend differs from the js reference at index ${index}: ${shown}; ${backend} gave ${fmt(got)}, the reference ${fmt(want)}`);
}

function fmt(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}
