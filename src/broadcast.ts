import type { Floats } from './backend';
import { describe, rangeError, typeError } from './errors';
import type { AlphaMap } from './reference/prelu';
import { floatTag, resolveAxis, resolveShape, toData } from './validate';

/**
 * prelu's alpha against x: a number, one value, one per channel on `axis` (PyTorch: axis 1, or 0
 * for 1-D data), or Keras' layout with `sharedAxes` (alpha shaped like shape[1:] with the shared
 * axes set to 1). Returns alpha in x's precision (a copy only if its type differs) and the map.
 */
export interface ResolvedAlpha {
  readonly alpha: Floats;
  readonly map: AlphaMap;
}

function inPrecision(a: Floats, like: Floats): Floats {
  if (a.BYTES_PER_ELEMENT === like.BYTES_PER_ELEMENT) return a; // both are float arrays (toData)
  return like.BYTES_PER_ELEMENT === 4 ? Float32Array.from(a) : Float64Array.from(a);
}

function checkFinite(a: Floats): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw rangeError(a.length === 1 ? 'alpha' : `alpha[${i}]`, 'a finite number', describe(a[i]));
  }
}

/**
 * A single alpha (a number, or an array of one element) as a number in x's precision, after the
 * same checks resolveAlpha makes (shape, finiteness, in that order); undefined for any other
 * alpha or with sharedAxes (which resolveAlpha checks against alpha's length). prelu with one
 * alpha is leakyRelu with that slope, bit for bit (the same formulas), so the facade runs that
 * kernel: no alpha array, no map.
 */
export function scalarAlpha(alphaIn: unknown, x: Floats, o: Record<string, unknown>): number | undefined {
  if (o.sharedAxes !== undefined) return undefined;
  let v: number;
  if (typeof alphaIn === 'number') v = alphaIn;
  else if (floatTag(alphaIn) && (alphaIn as Floats).length === 1) v = (alphaIn as Floats)[0];
  else return undefined;
  resolveShape(o.shape, x.length);
  const a = x.BYTES_PER_ELEMENT === 4 ? Math.fround(v) : v;
  if (!Number.isFinite(a)) throw rangeError('alpha', 'a finite number', describe(a));
  return a;
}

/**
 * alpha as an array in x's precision and its map onto x. A number goes into `scalarInto`'s array of
 * x's type when given (a caller's reusable one-element array), else into a new one.
 */
export function resolveAlpha(alphaIn: unknown, x: Floats, o: Record<string, unknown>,
  scalarInto?: { readonly f32: Float32Array; readonly f64: Float64Array }): ResolvedAlpha {
  const shape = resolveShape(o.shape, x.length);
  const rank = shape.length;
  let alpha: Floats;
  if (typeof alphaIn === 'number') {
    const f32 = x.BYTES_PER_ELEMENT === 4;
    alpha = scalarInto ? (f32 ? scalarInto.f32 : scalarInto.f64) : f32 ? new Float32Array(1) : new Float64Array(1);
    alpha[0] = alphaIn;
  } else if (alphaIn === undefined) {
    throw typeError('alpha', 'a number or an array of numbers', alphaIn);
  } else {
    alpha = inPrecision(toData(alphaIn, 'alpha'), x);
  }
  checkFinite(alpha);
  if (o.sharedAxes !== undefined) {
    return { alpha, map: { shape, strides: sharedStrides(o.sharedAxes, shape, alpha.length) } };
  }
  const strides: number[] = [];
  for (let k = 0; k < rank; k++) strides.push(0);
  if (alpha.length === 1) return { alpha, map: { shape, strides } };
  if (rank === 0) throw rangeError('alpha', '1 element for data of rank 0', `${alpha.length} elements`);
  const axis = resolveAxis(o.axis, rank, rank >= 2 ? 1 : 0);
  if (alpha.length !== shape[axis]) {
    throw rangeError('alpha', `1 element or shape[${axis}] = ${shape[axis]} elements (one per channel on axis ${axis})`, `${alpha.length} elements`);
  }
  strides[axis] = 1;
  return { alpha, map: { shape, strides } };
}

/** Keras: axes are counted with the batch axis as 0; alpha has shape shape[1:] with shared dims 1. */
function sharedStrides(sharedAxes: unknown, shape: number[], length: number): number[] {
  const rank = shape.length;
  if (!Array.isArray(sharedAxes)) throw typeError('sharedAxes', 'an array of axis numbers', sharedAxes);
  const shared = new Set<number>();
  sharedAxes.forEach((a: unknown, i: number) => {
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a >= rank) {
      throw rangeError(`sharedAxes[${i}]`, `an integer in [1, ${rank - 1}] (axis 0 is the batch axis)`, describe(a));
    }
    shared.add(a);
  });
  const paramShape = shape.map((d, k) => (k === 0 || shared.has(k) ? 1 : d));
  const expected = paramShape.slice(1).reduce((p, d) => p * d, 1);
  if (length !== expected) {
    throw rangeError('alpha', `${expected} elements (shape [${paramShape.slice(1).join(', ')}] after sharing axes [${[...shared].join(', ')}])`, `${length} elements`);
  }
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let k = rank - 1; k >= 1; k--) {
    strides[k] = paramShape[k] === 1 ? 0 : s;
    s *= paramShape[k];
  }
  return strides;
}
