import type { Floats } from './backend';
import { describe, rangeError, typeError } from './errors';
import type { FunctionSpec, ParamSpec } from './spec';

/**
 * Argument checking, done once per call by the facade so that kernels only compute. Each check
 * throws the one-sentence error of errors.ts naming the parameter.
 */

export type Input = Float32Array | Float64Array | readonly number[];

/** Works across realms (vm contexts, iframes), unlike instanceof. */
export function floatTag(v: unknown): 'Float32Array' | 'Float64Array' | undefined {
  if (!ArrayBuffer.isView(v)) return undefined;
  const tag = (v as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag];
  return tag === 'Float32Array' || tag === 'Float64Array' ? tag : undefined;
}

/** A detached view reports length 0; making a view of its buffer is what tells it apart. */
export function isDetached(a: Floats): boolean {
  if (a.length !== 0) return false;
  try {
    new Uint8Array(a.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/** x (or dy, alpha): a float typed array as it is, or a number[] copied into a Float64Array. */
export function toData(v: unknown, name: string): Floats {
  if (floatTag(v)) {
    const a = v as Floats;
    if (isDetached(a)) {
      throw new TypeError(`Expected Float32Array, Float64Array or an array of numbers for ${name} but received a ${floatTag(v)} whose buffer is detached`);
    }
    return a;
  }
  if (Array.isArray(v)) {
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (typeof e !== 'number') throw typeError(`${name}[${i}]`, 'a number', e);
      out[i] = e;
    }
    return out;
  }
  throw typeError(name, 'Float32Array, Float64Array or an array of numbers', v);
}

function expectedArray(like: Floats): string {
  return `${floatTag(like)} of length ${like.length}`;
}

/** dy (or another operand) must match x's type and length once both are converted. */
export function toMatching(v: unknown, name: string, like: Floats): Floats {
  const a = toData(v, name);
  if (floatTag(a) !== floatTag(like)) throw typeError(name, expectedArray(like), a);
  if (a.length !== like.length) throw rangeError(name, expectedArray(like), describe(a));
  return a;
}

function overlapsPartially(a: Floats, b: Floats): boolean {
  // Byte ranges that do not intersect, or the very same range seen with the same element type (in
  // place), are fine whichever buffers they are in; only the rest needs .buffer. (Each of these
  // getters is a call in Node 20's V8, 10-30 ns: the native path leaves this check to the addon.)
  if (a === b) return false;
  const aStart = a.byteOffset, bStart = b.byteOffset, aLength = a.byteLength, bLength = b.byteLength;
  if (aStart >= bStart + bLength || bStart >= aStart + aLength) return false;
  if (aStart === bStart && aLength === bLength && a.BYTES_PER_ELEMENT === b.BYTES_PER_ELEMENT) return false;
  return a.buffer === b.buffer;
}

/**
 * `out` if given (same type and length as x; it may be x or dy itself, but must not partially
 * overlap them), else a new array of x's type. The inputs come as separate arguments (no array
 * per call): a (x), b (dy) and c (prelu's alpha) for the functions, resolveOutAmong for prelu's
 * dalphaOut.
 */
export function resolveOut(out: unknown, like: Floats, a: Floats, b?: Floats, c?: Floats): Floats {
  const o = resolveOutUnchecked(out, like);
  if (out !== undefined) checkOverlap(o, a, b, c);
  return o;
}

/**
 * resolveOut without the overlap check, for calls that go straight to a backend whose kernels
 * make it (Backend.checksOverlap: the native addon compares addresses, which costs nothing there
 * while the check here reads .byteOffset, .byteLength and .buffer, tens of ns each in V8).
 */
export function resolveOutUnchecked(out: unknown, like: Floats): Floats {
  if (out === undefined) return like.BYTES_PER_ELEMENT === 4 ? new Float32Array(like.length) : new Float64Array(like.length);
  return checkOut(out, like, 'out');
}

/** out must not partially overlap the inputs a, b (dy) and c (prelu's alpha). */
export function checkOverlap(out: Floats, a: Floats, b?: Floats, c?: Floats): void {
  if (overlapsPartially(out, a) || (b !== undefined && overlapsPartially(out, b)) || (c !== undefined && overlapsPartially(out, c))) {
    throw overlapError(out, 'out');
  }
}

/** resolveOut for an output that must not partially overlap any of several inputs. */
export function resolveOutAmong(out: unknown, like: Floats, inputs: readonly Floats[], name: string): Floats {
  if (out === undefined) return like.BYTES_PER_ELEMENT === 4 ? new Float32Array(like.length) : new Float64Array(like.length);
  const o = checkOut(out, like, name);
  for (const input of inputs) {
    if (overlapsPartially(o, input)) throw overlapError(o, name);
  }
  return o;
}

/** A given output's type, state and length (each tag read once: this runs on every call). */
function checkOut(out: unknown, like: Floats, name: string): Floats {
  const tag = floatTag(out);
  if (!tag) throw typeError(name, expectedArray(like), out);
  const o = out as Floats;
  if (tag !== floatTag(like)) throw typeError(name, expectedArray(like), o);
  if (isDetached(o)) throw new TypeError(`Expected ${expectedArray(like)} for ${name} but received a ${tag} whose buffer is detached`);
  if (o.length !== like.length) throw rangeError(name, expectedArray(like), describe(o));
  return o;
}

function overlapError(o: Floats, name: string): RangeError {
  return rangeError(name, 'the input array itself or memory that does not overlap it', `a ${floatTag(o)} that partially overlaps an input`);
}

/** The options argument: undefined, or a plain object whose keys are all known. */
export function checkOptions(opts: unknown, fn: string, allowed: readonly string[]): Record<string, unknown> {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object' || Array.isArray(opts) || ArrayBuffer.isView(opts)) {
    throw typeError(`the options of ${fn}`, 'an object', opts);
  }
  const o = opts as Record<string, unknown>;
  // for-in with an own-property test visits exactly Object.keys(o), without allocating its array.
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    if (!allowed.includes(key) && o[key] !== undefined) {
      throw typeError(`an option of ${fn}`, `one of ${allowed.join(', ')}`, key);
    }
  }
  return o;
}

export function optionNames(spec: FunctionSpec): string[] {
  const names: string[] = [];
  for (const p of spec.params) names.push(p.name, ...(p.aliases ?? []));
  return names;
}

function checkParam(p: ParamSpec, v: unknown, name: string, f32: boolean): number {
  if (typeof v !== 'number') throw typeError(name, 'a number', v);
  const r = f32 ? Math.fround(v) : v;
  const inF32 = f32 && !Object.is(r, v) ? ` (${r} in float32)` : '';
  if (p.range === 'finite' && !Number.isFinite(r)) throw rangeError(name, 'a finite number', describe(v) + inF32);
  if (p.range === 'positive' && !(r > 0 && r < Infinity)) throw rangeError(name, 'a finite number > 0', describe(v) + inF32);
  if (p.range === 'notNaN' && r !== r) throw rangeError(name, 'a number that is not NaN', describe(v));
  return r;
}

const NO_PARAMS: Record<string, number> = Object.freeze({}) as Record<string, number>;

/**
 * Parameters from the options (or their defaults), checked against the spec's range and rounded
 * to the data's precision: a Float32Array is computed with float32 parameters, as in PyTorch.
 */
export function resolveParams(spec: FunctionSpec, o: Record<string, unknown>, f32: boolean,
  defaults?: DefaultParams): Record<string, number> {
  // Kernels only read the parameters, so functions without any share one empty object, and calls
  // that give none share the function's defaults (when the caller has them: paramDefaults).
  const list = spec.params;
  if (list.length === 0) return NO_PARAMS;
  let params: Record<string, number> | undefined;
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    let name = p.name;
    let v: unknown = o[p.name];
    for (const alias of p.aliases ?? NO_ALIASES) {
      if (o[alias] === undefined) continue;
      if (v !== undefined && v !== o[alias]) {
        throw rangeError(alias, `the same value as ${p.name} (they are one parameter)`, describe(o[alias]));
      }
      v = o[alias];
      name = alias;
    }
    if (v === undefined && params === undefined && defaults !== undefined) continue;
    if (params === undefined) {
      params = {};
      for (let k = 0; k < i; k++) params[list[k].name] = defaultOf(list[k], f32);
    }
    params[p.name] = v === undefined ? defaultOf(p, f32) : checkParam(p, v, name, f32);
  }
  return params ?? (f32 ? defaults!.f32 : defaults!.f64);
}

const NO_ALIASES: readonly string[] = [];

function defaultOf(p: ParamSpec, f32: boolean): number {
  return f32 ? Math.fround(p.default) : p.default;
}

/** A function's parameters at their defaults, for each precision (made once per function). */
export interface DefaultParams {
  readonly f64: Record<string, number>;
  readonly f32: Record<string, number>;
}

export function paramDefaults(spec: FunctionSpec): DefaultParams {
  const make = (f32: boolean): Record<string, number> => {
    const params: Record<string, number> = {};
    for (const p of spec.params) params[p.name] = defaultOf(p, f32);
    return Object.freeze(params) as Record<string, number>;
  };
  return { f64: make(false), f32: make(true) };
}

/** A shape (non-negative integers) whose product is n; default [n]. */
export function resolveShape(shape: unknown, n: number): number[] {
  if (shape === undefined) return [n];
  if (!Array.isArray(shape) && !ArrayBuffer.isView(shape)) throw typeError('shape', 'an array of non-negative integers', shape);
  const given = shape as ArrayLike<unknown>;
  const s: number[] = [];
  let product = 1;
  for (let i = 0; i < given.length; i++) {
    const d = given[i];
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) throw rangeError(`shape[${i}]`, 'a non-negative integer', describe(d));
    s.push(d);
    product *= d;
  }
  if (product !== n) {
    throw rangeError('shape', `dimensions whose product is the length of x (${n})`, `[${s.join(', ')}] (product ${product})`);
  }
  return s;
}

/** An axis in [-rank, rank - 1], negative counting from the end; returned non-negative. */
export function resolveAxis(axis: unknown, rank: number, fallback: number, name = 'axis'): number {
  if (axis === undefined) return fallback;
  if (typeof axis !== 'number') throw typeError(name, 'an integer', axis);
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw rangeError(name, rank === 0 ? 'no axis (the shape has rank 0)' : `an integer in [${-rank}, ${rank - 1}]`, describe(axis));
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * The `threads` option: at most this many threads for one native call (1 keeps it on the calling
 * thread, or on its one libuv worker for async calls); undefined leaves the global setting.
 */
export function resolveThreads(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number') throw typeError('threads', 'an integer from 1 to 64', v);
  if (!Number.isInteger(v) || v < 1 || v > 64) throw rangeError('threads', 'an integer from 1 to 64', describe(v));
  return v;
}
