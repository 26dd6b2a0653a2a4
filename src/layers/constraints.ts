import { describe, rangeError, typeError } from '../errors';
import type { Floats } from './layer';

/** Projects a parameter array in place after an optimizer step. */
export type Constraint = (w: Floats) => void;

/** w = max(w, 0) (Keras NonNeg). */
export function nonNeg(): Constraint {
  return (w) => {
    for (let i = 0; i < w.length; i++) if (!(w[i] >= 0)) w[i] = 0;
  };
}

/**
 * Clips every value into [min, max]. Note: Keras' MinMaxNorm bounds the norm of a weight vector;
 * for a slope like PReLU's alpha, bounding each value is what is wanted (e.g. [0, 1]).
 */
export function minMax(min: number, max: number): Constraint {
  if (typeof min !== 'number') throw typeError('min', 'a number', min);
  if (typeof max !== 'number') throw typeError('max', 'a number', max);
  if (Number.isNaN(min)) throw rangeError('min', 'a number that is not NaN', describe(min));
  if (!(max >= min)) throw rangeError('max', `a number ≥ min (${min})`, describe(max));
  return (w) => {
    for (let i = 0; i < w.length; i++) w[i] = w[i] < min ? min : w[i] > max ? max : w[i];
  };
}

export type ConstraintSpec = 'nonNeg' | { min: number; max: number } | Constraint | null | undefined;

/** 'nonNeg', { min, max }, a function that changes the array in place, or none. */
export function toConstraint(v: unknown, name: string): Constraint | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'nonNeg') return nonNeg();
  if (typeof v === 'function') return v as Constraint;
  if (typeof v === 'object' && !Array.isArray(v) && 'min' in v && 'max' in v) {
    const o = v as { min: unknown; max: unknown };
    if (typeof o.min !== 'number') throw typeError(`${name}.min`, 'a number', o.min);
    if (typeof o.max !== 'number') throw typeError(`${name}.max`, 'a number', o.max);
    return minMax(o.min, o.max);
  }
  throw typeError(name, "'nonNeg', { min, max } or a function", v);
}
