import type { Backend, Floats, PreluOps } from './backend';
import { resolveAlpha, scalarAlpha } from './broadcast';
import { jsBackend } from './backends/js';
import { isNativeBackend, type NativeBackend, type ThreadedElementwiseOps, type ThreadedPreluOps, type ThreadedRowwiseOps }
  from './backends/native-types';
import { axisLayout } from './reference/layout';
import { SPEC, type FunctionSpec } from './spec';
import { checkOptions, floatTag, optionNames, paramDefaults, type DefaultParams, resolveAxis, resolveOut, resolveOutAmong, resolveOutUnchecked, resolveParams, resolveShape, resolveThreads, toData,
  toMatching, type Input } from './validate';
import { copyOf, firstMismatch, mismatchError } from './verify';

export type { Input };
/** A Float32Array in gives a Float32Array out; Float64Array and number[] give a Float64Array. */
export type Output<X> = X extends Float32Array ? Float32Array : Float64Array;

export interface OutOptions {
  /** Write the result here (same type and length as x; may be x itself for in-place). */
  out?: Float32Array | Float64Array;
  /**
   * At most this many threads for this call (integer 1..64; 1 stays on the calling thread, or on
   * its libuv worker when async). Default: setThreads / SIMD_ACTIVATIONS_THREADS. Calls below the
   * split threshold use one thread anyway; native only (wasm and js accept it and ignore it).
   * Results are identical whatever the value.
   */
  threads?: number;
}
export interface LeakyReluOptions extends OutOptions {
  /** Slope for x < 0, default 0.01 (PyTorch). */
  alpha?: number;
  /** Keras' name for alpha (Keras' own default is 0.3; ours stays 0.01). */
  negativeSlope?: number;
}
export interface ThresholdedReluOptions extends OutOptions { theta?: number }
export interface EluOptions extends OutOptions { alpha?: number }
export interface SoftplusOptions extends OutOptions { beta?: number; threshold?: number }
export interface AxisOptions extends OutOptions {
  /** Row-major shape of x; default [x.length]. */
  shape?: readonly number[];
  /** Axis along which to normalise; default -1 (the last). */
  axis?: number;
}
export interface PreluOptions extends OutOptions {
  shape?: readonly number[];
  /** Channel axis for a per-channel alpha; default 1 (PyTorch), or 0 for 1-D data. */
  axis?: number;
  /** Keras' shared_axes (batch axis is 0): alpha is shaped like shape[1:] with these axes set to 1. */
  sharedAxes?: readonly number[];
}
export interface PreluBackwardOptions extends PreluOptions {
  /** Where to write dalpha (an array alpha only; same type as x, alpha's length). */
  dalphaOut?: Float32Array | Float64Array;
}
export interface PreluGradients<X, A> {
  dx: Output<X>;
  /** Same form as alpha: a number for a number alpha, else an array of x's type. */
  dalpha: A extends number ? number : Output<X>;
}

type Unary<O> = <X extends Input>(x: X, opts?: O) => Output<X>;
type UnaryBackward<O> = <X extends Input>(x: X, dy: Input, opts?: O) => Output<X>;

/** The functions that have an elementwise derivative: same signatures forward and derivative. */
export interface Elementwise {
  relu: Unary<OutOptions>;
  leakyRelu: Unary<LeakyReluOptions>;
  prelu<X extends Input>(x: X, alpha: number | Input, opts?: PreluOptions): Output<X>;
  thresholdedRelu: Unary<ThresholdedReluOptions>;
  elu: Unary<EluOptions>;
  selu: Unary<OutOptions>;
  softplus: Unary<SoftplusOptions>;
  sigmoid: Unary<OutOptions>;
  tanh: Unary<OutOptions>;
}

export interface Forward extends Elementwise {
  softmax: Unary<AxisOptions>;
  logSoftmax: Unary<AxisOptions>;
}

/** f'(x) elementwise. Softmax and logSoftmax have a Jacobian, not a derivative: use backward. */
export type Derivative = Elementwise;

/** dy · f'(x) in one fused pass (the vector-Jacobian product for softmax and logSoftmax). */
export interface Backward {
  relu: UnaryBackward<OutOptions>;
  leakyRelu: UnaryBackward<LeakyReluOptions>;
  prelu<X extends Input, A extends number | Input>(x: X, alpha: A, dy: Input, opts?: PreluBackwardOptions): PreluGradients<X, A>;
  thresholdedRelu: UnaryBackward<ThresholdedReluOptions>;
  elu: UnaryBackward<EluOptions>;
  selu: UnaryBackward<OutOptions>;
  softplus: UnaryBackward<SoftplusOptions>;
  sigmoid: UnaryBackward<OutOptions>;
  tanh: UnaryBackward<OutOptions>;
  softmax: UnaryBackward<AxisOptions>;
  logSoftmax: UnaryBackward<AxisOptions>;
}

export interface Api extends Forward {
  derivative: Derivative;
  backward: Backward;
  /**
   * The same functions returning a Promise: on the native backend they run on the libuv
   * threadpool (the event loop keeps running; the arrays must not be touched until it settles),
   * elsewhere they run at once. Argument errors reject the Promise.
   */
  async: AsyncApi;
}

type UnaryAsync<O> = <X extends Input>(x: X, opts?: O) => Promise<Output<X>>;
type UnaryBackwardAsync<O> = <X extends Input>(x: X, dy: Input, opts?: O) => Promise<Output<X>>;
export interface AsyncElementwise {
  relu: UnaryAsync<OutOptions>;
  leakyRelu: UnaryAsync<LeakyReluOptions>;
  prelu<X extends Input>(x: X, alpha: number | Input, opts?: PreluOptions): Promise<Output<X>>;
  thresholdedRelu: UnaryAsync<ThresholdedReluOptions>;
  elu: UnaryAsync<EluOptions>;
  selu: UnaryAsync<OutOptions>;
  softplus: UnaryAsync<SoftplusOptions>;
  sigmoid: UnaryAsync<OutOptions>;
  tanh: UnaryAsync<OutOptions>;
}
export interface AsyncApi extends AsyncElementwise {
  softmax: UnaryAsync<AxisOptions>;
  logSoftmax: UnaryAsync<AxisOptions>;
  derivative: AsyncElementwise;
  backward: {
    relu: UnaryBackwardAsync<OutOptions>;
    leakyRelu: UnaryBackwardAsync<LeakyReluOptions>;
    prelu<X extends Input, A extends number | Input>(x: X, alpha: A, dy: Input, opts?: PreluBackwardOptions): Promise<PreluGradients<X, A>>;
    thresholdedRelu: UnaryBackwardAsync<ThresholdedReluOptions>;
    elu: UnaryBackwardAsync<EluOptions>;
    selu: UnaryBackwardAsync<OutOptions>;
    softplus: UnaryBackwardAsync<SoftplusOptions>;
    sigmoid: UnaryBackwardAsync<OutOptions>;
    tanh: UnaryBackwardAsync<OutOptions>;
    softmax: UnaryBackwardAsync<AxisOptions>;
    logSoftmax: UnaryBackwardAsync<AxisOptions>;
  };
}

type AnyFn = (...args: unknown[]) => unknown;
type Direction = 'forward' | 'derivative' | 'backward';
/** A function's spec with its allowed option names per direction and its names in error messages. */
interface Entry {
  readonly spec: FunctionSpec;
  readonly allowed: Readonly<Record<Direction, readonly string[]>>;
  readonly fn: Readonly<Record<Direction, string>>;
  /** The parameters at their defaults, shared by the calls that give none (no object per call). */
  readonly defaults: DefaultParams;
}
/** prelu backward's reusable alpha and dalpha for a number alpha (synchronous calls only). */
const SCALAR_ALPHA = { f32: new Float32Array(1), f64: new Float64Array(1) };
const SCALAR_DALPHA = { f32: new Float32Array(1), f64: new Float64Array(1) };
const sameTypeAs = (a: Floats): Floats => (a.BYTES_PER_ELEMENT === 4 ? new Float32Array(a.length) : new Float64Array(a.length));

function entry(spec: FunctionSpec, keys: readonly string[], backwardKeys: readonly string[] = keys): Entry {
  return {
    spec, allowed: { forward: keys, derivative: keys, backward: backwardKeys },
    fn: { forward: spec.name, derivative: `derivative.${spec.name}`, backward: `backward.${spec.name}` },
    defaults: paramDefaults(spec),
  };
}

/**
 * Builds the public functions from the spec table for a backend chosen at call time (the
 * current one for the top-level API, a fixed one for `backends.<name>`). Validation happens here,
 * once per call; `verify()` turns on the bit-for-bit cross-check against the js reference.
 */
export function makeApi(backend: () => Backend, verify: () => boolean): Api {
  const forward: Record<string, AnyFn> = {};
  const derivative: Record<string, AnyFn> = {};
  const backward: Record<string, AnyFn> = {};
  const forwardAsync: Record<string, AnyFn> = {};
  const derivativeAsync: Record<string, AnyFn> = {};
  const backwardAsync: Record<string, AnyFn> = {};
  for (const spec of SPEC) {
    if (spec.kind === 'elementwise') {
      // What every call of this function needs, made once here rather than per call.
      const e = entry(spec, ['out', ...optionNames(spec), 'threads']);
      forward[spec.name] = (x, o) => elementwise(e, 'forward', x, undefined, o);
      derivative[spec.name] = (x, o) => elementwise(e, 'derivative', x, undefined, o);
      backward[spec.name] = (x, dy, o) => elementwise(e, 'backward', x, dy, o);
      forwardAsync[spec.name] = settled((x, o) => elementwise(e, 'forward', x, undefined, o, true));
      derivativeAsync[spec.name] = settled((x, o) => elementwise(e, 'derivative', x, undefined, o, true));
      backwardAsync[spec.name] = settled((x, dy, o) => elementwise(e, 'backward', x, dy, o, true));
    } else if (spec.kind === 'prelu') {
      const keys = ['out', 'shape', 'axis', 'sharedAxes', 'threads'];
      const e = entry(spec, keys, [...keys.slice(0, 4), 'dalphaOut', 'threads']);
      forward[spec.name] = (x, a, o) => preluCall(e, 'forward', x, a, undefined, o);
      derivative[spec.name] = (x, a, o) => preluCall(e, 'derivative', x, a, undefined, o);
      backward[spec.name] = (x, a, dy, o) => preluCall(e, 'backward', x, a, dy, o);
      forwardAsync[spec.name] = settled((x, a, o) => preluCall(e, 'forward', x, a, undefined, o, true));
      derivativeAsync[spec.name] = settled((x, a, o) => preluCall(e, 'derivative', x, a, undefined, o, true));
      backwardAsync[spec.name] = settled((x, a, dy, o) => preluCall(e, 'backward', x, a, dy, o, true));
    } else {
      const e = entry(spec, ['out', 'shape', 'axis', 'threads']);
      forward[spec.name] = (x, o) => rowwise(e, 'forward', x, undefined, o);
      backward[spec.name] = (x, dy, o) => rowwise(e, 'backward', x, dy, o);
      forwardAsync[spec.name] = settled((x, o) => rowwise(e, 'forward', x, undefined, o, true));
      backwardAsync[spec.name] = settled((x, dy, o) => rowwise(e, 'backward', x, dy, o, true));
    }
  }

  /** An async variant: argument errors reject the Promise instead of throwing. */
  function settled(f: AnyFn): AnyFn {
    return (...args) => {
      try {
        return Promise.resolve(f(...args));
      } catch (e) {
        return Promise.reject(e);
      }
    };
  }

  /**
   * The async path of a call whose arguments are validated: on the native backend (verify mode
   * off) `native` queues it on the libuv threadpool; elsewhere `sync` runs it now.
   */
  function later<R>(result: () => R, native: (b: NativeBackend) => Promise<void>, sync: () => R): Promise<R> {
    const b = backend();
    if (!verify() && isNativeBackend(b)) return native(b).then(result);
    return Promise.resolve(sync());
  }

  function elementwise(e: Entry, dir: Direction, xIn: unknown, dyIn: unknown, opts: unknown, isAsync?: false): Floats;
  function elementwise(e: Entry, dir: Direction, xIn: unknown, dyIn: unknown, opts: unknown, isAsync: true): Promise<Floats>;
  function elementwise(e: Entry, dir: Direction, xIn: unknown, dyIn: unknown, opts: unknown,
    isAsync = false): Floats | Promise<Floats> {
    const o = checkOptions(opts, e.fn[dir], e.allowed[dir]);
    const x = toData(xIn, 'x');
    const p = resolveParams(e.spec, o, x.BYTES_PER_ELEMENT === 4, e.defaults);
    const dy = dir === 'backward' ? toMatching(dyIn, 'dy', x) : undefined;
    const fast = !isAsync && !verify();
    const b = backend();
    const out = fast && b.checksOverlap ? resolveOutUnchecked(o.out, x) : resolveOut(o.out, x, x, dy);
    const threads = resolveThreads(o.threads);
    if (fast) {
      // The common path: no closure here (per-call overhead matters for small arrays).
      const ops = b.kernels[e.spec.name] as unknown as ThreadedElementwiseOps;
      if (dy) ops.backward(x, dy, out, p, threads); else ops[dir as 'forward' | 'derivative'](x, out, p, threads);
      return out;
    }
    return elementwiseChecked(e, dir, x, dy, out, p, isAsync, threads);
  }

  /** Verify mode and async calls, kept out of elementwise() so the common path allocates no closure context. */
  function elementwiseChecked(e: Entry, dir: Direction, x: Floats, dy: Floats | undefined, out: Floats,
    p: Record<string, number>, isAsync: boolean, threads: number | undefined): Floats | Promise<Floats> {
    const name = e.spec.name;
    const run = (): Floats => {
      runChecked(e.fn[dir], x, dy, out, (b, x1, dy1, out1) => {
        const ops = b.kernels[name] as unknown as ThreadedElementwiseOps;
        if (dy1) ops.backward(x1, dy1, out1, p, threads); else ops[dir as 'forward' | 'derivative'](x1, out1, p, threads);
      });
      return out;
    };
    if (isAsync) return later(() => out, (b) => b.elementwiseAsync(name, dir, x, dy, out, p, threads), run);
    return run();
  }

  type PreluResult = Floats | { dx: Floats; dalpha: Floats | number };
  function preluCall(e: Entry, dir: Direction, xIn: unknown, alphaIn: unknown,
    dyIn: unknown, opts: unknown, isAsync = false): PreluResult | Promise<PreluResult> {
    const spec = e.spec;
    const fn = e.fn[dir];
    const o = checkOptions(opts, fn, e.allowed[dir]);
    const x = toData(xIn, 'x');
    if (dir !== 'backward' && !isAsync && !verify()) {
      const a = scalarAlpha(alphaIn, x, o);
      if (a !== undefined) {
        // alpha was read into a; checking out against it keeps the rule the same on every path.
        const alphaArray = floatTag(alphaIn) ? alphaIn as Floats : undefined;
        const b = backend();
        const out = b.checksOverlap && alphaArray === undefined ? resolveOutUnchecked(o.out, x) : resolveOut(o.out, x, x, undefined, alphaArray);
        const ops = b.kernels.leakyRelu as unknown as ThreadedElementwiseOps;
        ops[dir as 'forward' | 'derivative'](x, out, { alpha: a }, resolveThreads(o.threads));
        return out;
      }
    }
    // A synchronous backward with a number for alpha reuses two one-element arrays (an async call
    // holds its arrays while it runs): a new array handed to the addon costs an allocation there.
    const reuse = dir === 'backward' && !isAsync;
    const { alpha, map } = resolveAlpha(alphaIn, x, o, reuse ? SCALAR_ALPHA : undefined);
    const dy = dir === 'backward' ? toMatching(dyIn, 'dy', x) : undefined;
    // Kernels read alpha while they write out (the native and wasm ones through a pattern made
    // first, js element by element), so memory shared by the two would give different results.
    const fast = !dy && !isAsync && !verify();
    const out = fast && backend().checksOverlap ? resolveOutUnchecked(o.out, x) : resolveOut(o.out, x, x, dy, alpha);
    const threads = resolveThreads(o.threads);
    if (fast) {
      // The common path, without the closures below.
      (backend().kernels[spec.name] as unknown as ThreadedPreluOps)[dir as 'forward' | 'derivative'](x, alpha, out, map, threads);
      return out;
    }
    if (!dy) {
      const run = (): Floats => {
        runChecked(fn, x, undefined, out, (b1, x1, _dy, out1) => {
          (b1.kernels[spec.name] as unknown as ThreadedPreluOps)[dir as 'forward' | 'derivative'](x1, alpha, out1, map, threads);
        });
        return out;
      };
      if (isAsync) return later(() => out, (b1) => b1.preluAsync(spec.name, dir, x, alpha, undefined, out, undefined, map, threads), run);
      return run();
    }
    // Backward has two results (dx and dalpha), so it is checked here rather than by runChecked.
    const b = backend();
    const check = verify() && b !== jsBackend;
    const xs = check ? copyOf(x) : x;
    // alpha is in x's precision: it serves as the pattern of dalpha (a new array when not given).
    const dalpha = typeof alphaIn === 'number' ? (reuse ? (x.BYTES_PER_ELEMENT === 4 ? SCALAR_DALPHA.f32 : SCALAR_DALPHA.f64) : sameTypeAs(alpha))
      : resolveOutAmong(o.dalphaOut, alpha, [x, dy, out, alpha], 'dalphaOut');
    const dys = check ? copyOf(dy) : dy;
    const result = () => ({ dx: out, dalpha: typeof alphaIn === 'number' ? dalpha[0] : dalpha });
    if (isAsync && !check && isNativeBackend(b)) return b.preluAsync(spec.name, dir, x, alpha, dy, out, dalpha, map, threads).then(result);
    (b.kernels[spec.name] as unknown as ThreadedPreluOps).backward(x, alpha, dy, out, dalpha, map, threads);
    if (check) {
      const js = jsBackend.kernels[spec.name] as PreluOps;
      const ref = copyOf(out);
      const refAlpha = copyOf(dalpha);
      js.backward(xs, alpha, dys, ref, refAlpha, map);
      compare(fn, b, out, ref, { x: xs, dy: dys });
      compare(`${fn} (dalpha)`, b, dalpha, refAlpha, {});
    }
    return result();
  }

  function rowwise(e: Entry, dir: 'forward' | 'backward', xIn: unknown, dyIn: unknown, opts: unknown,
    isAsync = false): Floats | Promise<Floats> {
    const spec = e.spec;
    const fn = e.fn[dir];
    const o = checkOptions(opts, fn, e.allowed[dir]);
    const x = toData(xIn, 'x');
    const shape = resolveShape(o.shape, x.length);
    const axis = resolveAxis(o.axis, shape.length, shape.length - 1);
    const layout = axisLayout(shape, axis);
    const dy = dir === 'backward' ? toMatching(dyIn, 'dy', x) : undefined;
    const fast = !isAsync && !verify();
    const b = backend();
    const out = fast && b.checksOverlap ? resolveOutUnchecked(o.out, x) : resolveOut(o.out, x, x, dy);
    const threads = resolveThreads(o.threads);
    if (fast) {
      // The common path, without the closures below.
      const ops = b.kernels[spec.name] as unknown as ThreadedRowwiseOps;
      if (dy) ops.backward(x, dy, out, layout, threads); else ops.forward(x, out, layout, threads);
      return out;
    }
    const run = (): Floats => {
      runChecked(fn, x, dy, out, (b, x1, dy1, out1) => {
        const ops = b.kernels[spec.name] as unknown as ThreadedRowwiseOps;
        if (dy1) ops.backward(x1, dy1, out1, layout, threads); else ops.forward(x1, out1, layout, threads);
      });
      return out;
    };
    if (isAsync) return later(() => out, (b) => b.rowwiseAsync(spec.name, dir === 'backward', x, dy, out, layout, threads), run);
    return run();
  }

  /**
   * Runs `call` on the current backend; in verify mode also on the js reference, with copies of
   * the inputs taken before the call (out may be x or dy), and compares the results bit for bit.
   */
  function runChecked(fn: string, x: Floats, dy: Floats | undefined, out: Floats,
    call: (b: Backend, x: Floats, dy: Floats | undefined, out: Floats) => void): void {
    const b = backend();
    const check = verify() && b !== jsBackend;
    const xs = check ? copyOf(x) : x;
    const dys = check && dy ? copyOf(dy) : dy;
    call(b, x, dy, out);
    if (!check) return;
    const ref = copyOf(out);
    call(jsBackend, xs, dys, ref);
    compare(fn, b, out, ref, dys ? { x: xs, dy: dys } : { x: xs });
  }

  function compare(fn: string, b: Backend, got: Floats, ref: Floats, inputs: Record<string, Floats>): void {
    const i = firstMismatch(got, ref);
    if (i >= 0) throw mismatchError(fn, b.name, i, inputs, got[i], ref[i]);
  }

  const async = { ...forwardAsync, derivative: derivativeAsync, backward: backwardAsync };
  return { ...forward, derivative, backward, async } as unknown as Api;
}
