import { describe, rangeError, typeError } from '../errors';
import type { Floats } from './layer';

/** A penalty on a parameter array: its value (added to the loss) and its gradient. */
export interface Regularizer {
  readonly name: string;
  /** The penalty for these values. */
  loss(w: Floats): number;
  /** Adds d(penalty)/dw to grad, element by element. */
  addGradient(w: Floats, grad: Floats): void;
}

function strength(v: unknown, name: string): number {
  if (typeof v !== 'number') throw typeError(name, 'a number', v);
  if (!(v >= 0 && v < Infinity)) throw rangeError(name, 'a finite number ≥ 0', describe(v));
  return v;
}

/**
 * Keras' penalties: l1·Σ|w| + l2·Σw² (no ½ on the l2 term, as in Keras). The l1 gradient at w = 0
 * is taken as 0 (the subgradient that leaves a zero weight alone).
 */
export function l1l2(l1 = 0.01, l2 = 0.01): Regularizer {
  const a = strength(l1, 'l1');
  const b = strength(l2, 'l2');
  return {
    name: `l1l2(l1=${a}, l2=${b})`,
    loss(w) {
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < w.length; i++) {
        s1 += Math.abs(w[i]);
        s2 += w[i] * w[i];
      }
      return a * s1 + b * s2;
    },
    addGradient(w, grad) {
      for (let i = 0; i < w.length; i++) grad[i] += a * Math.sign(w[i]) + 2 * b * w[i];
    },
  };
}

/** l1·Σ|w| (Keras default strength 0.01). */
export function l1(strength_ = 0.01): Regularizer {
  const r = l1l2(strength(strength_, 'l1'), 0);
  return { ...r, name: `l1(${strength_})` };
}

/** l2·Σw² (Keras default strength 0.01). */
export function l2(strength_ = 0.01): Regularizer {
  const r = l1l2(0, strength(strength_, 'l2'));
  return { ...r, name: `l2(${strength_})` };
}

export type RegularizerSpec = 'l1' | 'l2' | 'l1l2' | { l1?: number; l2?: number } | Regularizer | null | undefined;

/** 'l1', 'l2', 'l1l2' (Keras' default strengths), { l1, l2 }, a Regularizer, or none. */
export function toRegularizer(v: unknown, name: string): Regularizer | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'l1') return l1();
  if (v === 'l2') return l2();
  if (v === 'l1l2') return l1l2();
  if (typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.loss === 'function' && typeof o.addGradient === 'function') return v as Regularizer;
    const keys = Object.keys(o);
    if (keys.length > 0 && keys.every((k) => k === 'l1' || k === 'l2')) {
      return l1l2(o.l1 === undefined ? 0 : strength(o.l1, `${name}.l1`), o.l2 === undefined ? 0 : strength(o.l2, `${name}.l2`));
    }
  }
  throw typeError(name, "'l1', 'l2', 'l1l2', { l1, l2 } or an object with loss() and addGradient()", v);
}
