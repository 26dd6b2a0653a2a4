import { rangeError, typeError, describe } from '../errors';
import { ops } from '../layers/ops';
import { FUNCTION_NAMES, specOf } from '../spec';
import type { Floats } from '../backend';

/** A function to draw and the parameters it is drawn with (unset ones take the library's defaults). */
export interface CurveSpec {
  readonly name: string;
  readonly params?: Readonly<Record<string, number>>;
}

export interface Curve {
  readonly name: string;
  /** Every parameter the function has, with the value used. */
  readonly params: Readonly<Record<string, number>>;
  readonly x: Floats;
  readonly f: Floats;
  readonly df: Floats;
}

/** prelu is drawn with one scalar alpha; 0.25 is PyTorch's initial value. */
const PRELU_ALPHA = 0.25;

/** The names the plots accept: every function with an elementwise derivative. */
export function plottableNames(): string[] {
  return FUNCTION_NAMES.filter((n) => specOf(n).kind !== 'rowwise');
}

/** The parameters a function takes, with their defaults. */
export function parameterDefaults(name: string): Record<string, number> {
  if (name === 'prelu') return { alpha: PRELU_ALPHA };
  const out: Record<string, number> = {};
  for (const p of specOf(name).params) out[p.name] = p.default;
  return out;
}

/**
 * Samples f and f' at `points` evenly spaced x in [from, to] with the library's own kernels
 * (forward and derivative), on the current backend, in float64 or float32.
 */
export function sample(spec: CurveSpec, from: number, to: number, points = 401, type: 'float64' | 'float32' = 'float64'): Curve {
  if (!plottableNames().includes(spec.name)) {
    throw rangeError('function', `one of ${plottableNames().join(', ')} (softmax and logSoftmax have a Jacobian, not a curve)`, describe(spec.name));
  }
  if (typeof from !== 'number' || !Number.isFinite(from)) throw typeError('from', 'a finite number', from);
  if (typeof to !== 'number' || !Number.isFinite(to)) throw typeError('to', 'a finite number', to);
  if (!(to > from)) throw rangeError('to', `a number greater than from (${from})`, describe(to));
  if (!Number.isInteger(points) || points < 2) throw rangeError('points', 'an integer ≥ 2', describe(points));
  const params = { ...parameterDefaults(spec.name) };
  for (const [k, v] of Object.entries(spec.params ?? {})) {
    if (!(k in params)) throw rangeError(`a parameter of ${spec.name}`, Object.keys(params).length ? `one of ${Object.keys(params).join(', ')}` : 'none (it has no parameters)', describe(k));
    params[k] = v;
  }
  const x = type === 'float32' ? new Float32Array(points) : new Float64Array(points);
  for (let i = 0; i < points; i++) x[i] = from + ((to - from) * i) / (points - 1);
  let f: Floats;
  let df: Floats;
  if (spec.name === 'prelu') {
    f = ops.prelu(x, params.alpha);
    df = ops.derivative.prelu(x, params.alpha);
  } else {
    type Call = (x: Floats, o: Record<string, number>) => Floats;
    f = (ops as unknown as Record<string, Call>)[spec.name](x, params);
    df = (ops.derivative as unknown as Record<string, Call>)[spec.name](x, params);
  }
  return { name: spec.name, params, x, f, df };
}

/** "leakyRelu(x), α = 0.2": the parameters in the legend, Greek letters as in the papers. */
export function curveLabel(c: Curve, derivative = false): string {
  const greek: Record<string, string> = { alpha: 'α', theta: 'θ', beta: 'β', threshold: 'threshold' };
  const ps = Object.entries(c.params).map(([k, v]) => `${greek[k] ?? k} = ${v}`).join(', ');
  return `${c.name}${derivative ? '′' : ''}(x)${ps ? `, ${ps}` : ''}`;
}
