import { describe, rangeError, typeError } from '../errors';
import type { Floats } from './layer';

/** Fills a new parameter array of the given shape (the shape alpha has, without the batch axis). */
export type Initializer = (shape: readonly number[]) => number | ArrayLike<number>;

export type InitializerSpec = 'zeros' | 'ones' | 'constant' | number | Initializer;

/**
 * 'zeros' (Keras' default for PReLU), 'ones', 'constant' (PyTorch: `init`, default 0.25), a number
 * (every element), or a function of the shape returning one number or all the values.
 */
export function initialize(spec: unknown, init: number, shape: readonly number[], into: Floats, name: string): void {
  let v: unknown = spec;
  if (spec === 'zeros') v = 0;
  else if (spec === 'ones') v = 1;
  else if (spec === 'constant') v = init;
  else if (typeof spec === 'function') v = (spec as Initializer)(shape);
  else if (typeof spec !== 'number') throw typeError(name, "'zeros', 'ones', 'constant', a number or a function", spec);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw rangeError(name, 'a finite number', describe(v));
    into.fill(v);
    return;
  }
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw typeError(`the result of ${name}`, `a number or ${into.length} numbers`, v);
  }
  const a = v as ArrayLike<unknown>;
  if (a.length !== into.length) throw rangeError(`the result of ${name}`, `${into.length} numbers`, `${a.length}`);
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    if (typeof e !== 'number' || !Number.isFinite(e)) throw rangeError(`the result of ${name}[${i}]`, 'a finite number', describe(e));
    into[i] = e;
  }
}

/** A check of a constructor-time initializer spec, so a bad one fails at construction. */
export function checkInitializerSpec(spec: unknown, name: string): void {
  if (spec === 'zeros' || spec === 'ones' || spec === 'constant' || typeof spec === 'function') return;
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec)) throw rangeError(name, 'a finite number', describe(spec));
    return;
  }
  throw typeError(name, "'zeros', 'ones', 'constant', a number or a function", spec);
}
