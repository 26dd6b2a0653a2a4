import type { Backend, ElementwiseOps, Ops, PreluOps, RowwiseOps } from '../backend';
import type { AlphaMap } from '../reference/prelu';
import type { Params } from '../reference/types';
import { FUNCTION_NAMES, SPEC } from '../spec';
import { describe, rangeError, typeError } from '../errors';
import { checkOverlap } from '../validate';
import { jsBackend } from './js';
import { ROUTING, routingKind, setSmallArrayRouting, smallArrayRouting, type RoutingKind } from '../routing';

declare const require: ((id: string) => unknown) | undefined;
declare const __dirname: string | undefined;
declare const process: { env: Record<string, string | undefined> } | undefined;

export { isNativeBackend, type Addon, type Direction, type NativeBackend } from './native-types';
import type { Addon, Direction, NativeBackend } from './native-types';
const DIR: Record<Direction, number> = { forward: 0, derivative: 1, backward: 2 };

/**
 * Below these lengths a call is routed to the js reference, which returns the same bits faster
 * there (the wasm backend is slower still for tiny arrays: it copies them into its memory). The
 * numbers are the benchmark's measured native-over-js crossovers, kept in src/routing.ts (see
 * there for the rule and the provenance). setSmallArrayRouting(false) (tests, the benchmark's
 * unrouted rows) sends every call to the addon, so native tails are exercised.
 */
export const SMALL_ARRAY: Record<RoutingKind, number> = { ...ROUTING.thresholds.nativeOverJs };
export { setSmallArrayRouting };

/** Where tiny arrays go: the js reference (identical results, least overhead). Looked up per call. */
function small(): Backend {
  return jsBackend;
}

const ADDON_PATH = ['build', 'Release', 'simd_activations.node'];

/** Loads the addon, or throws an Error whose message says why native cannot be used. */
function loadAddon(): Addon {
  if (typeof require !== 'function' || typeof process === 'undefined') {
    throw new Error('the native addon needs Node.js (require is not available here)');
  }
  const fs = require('fs') as { existsSync(p: string): boolean; readFileSync(p: string, e: string): string };
  const path = require('path') as { join(...p: string[]): string };
  if (typeof __dirname !== 'string') throw new Error('the native addon needs Node.js (no __dirname here)');
  const base = path.join(__dirname, '..', '..', '..');
  const file = process.env.SIMD_ACTIVATIONS_ADDON || path.join(base, ...ADDON_PATH);
  if (!fs.existsSync(file)) {
    const errorFile = path.join(base, 'build', 'native-build-error.txt');
    const why = fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8').trim()
      : 'npm install could not compile it (see the npm install log)';
    throw new Error(`the addon ${ADDON_PATH.join('/')} was not found: ${why}`);
  }
  let addon: Addon;
  try {
    addon = require(file) as Addon;
  } catch (e) {
    throw new Error(`the addon ${file} could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
  const names = addon.functionNames();
  if (names.join() !== FUNCTION_NAMES.join()) {
    throw new Error(`the addon was built for the functions [${names.join(', ')}] but the spec has [${FUNCTION_NAMES.join(', ')}]: run npm install (or npm run build:native) to rebuild it`);
  }
  return addon;
}

/** One reusable map array per rank: the addon copies the map while parsing the call, sync or async. */
const mapBuffers: Float64Array[] = [];

/** The alpha map as the addon reads it: [dims..., strides...] (no allocation per call). */
function mapArray(map: AlphaMap): Float64Array {
  const rank = map.shape.length;
  const a = mapBuffers[rank] ?? (mapBuffers[rank] = new Float64Array(2 * rank));
  for (let k = 0; k < rank; k++) {
    a[k] = map.shape[k];
    a[rank + k] = map.strides[k];
  }
  return a;
}

/** SIMD_ACTIVATIONS_THREADS, else every hardware thread, for calls above the parallel threshold. */
function initialThreads(addon: Addon): number {
  const env = typeof process !== 'undefined' ? process.env.SIMD_ACTIVATIONS_THREADS : undefined;
  const n = env === undefined || env === '' ? NaN : Number(env);
  if (env !== undefined && env !== '' && !(Number.isInteger(n) && n >= 1 && n <= 64)) {
    throw new Error(`SIMD_ACTIVATIONS_THREADS must be an integer from 1 to 64 but is "${env}"`);
  }
  return Number.isInteger(n) ? n : Math.max(1, Math.min(8, addon.hardwareThreads()));
}

let loadedAddon: Addon | undefined;

/**
 * setThreads(n): how many threads a large native call may use (SIMD_ACTIVATIONS_THREADS at load;
 * default: the hardware threads, at most 8). Calls below the measured PARALLEL_MIN stay on one
 * thread. Results never depend on it. Without the native backend it only records the value. A
 * call's `threads` option overrides it for that call (passed to the addon with the call).
 */
let threads = 1;
export function setThreads(n: number): void {
  if (typeof n !== 'number') throw typeError('threads', 'an integer from 1 to 64', n);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw rangeError('threads', 'an integer from 1 to 64', describe(n));
  threads = n;
  loadedAddon?.setThreads(n);
}
export function getThreads(): number {
  return threads;
}

/**
 * Calls with at least this many elements are split across threads, per kind: linear (relu-like
 * and prelu forward/derivative: memory-bound), smooth (an exp or log per element: compute-bound),
 * rowwise (softmax, logSoftmax) and prelu's backward (two outputs and the dalpha sums). Measured,
 * not judged: `node scripts/native-threads.js` (1 vs 2 threads, split forced at every size,
 * Float32, medians of 15 interleaved rounds of back-to-back calls; 2026-11-23, 2 cores, avx512,
 * nothing else running in the VM, a shared host). Two runs with the pool's 200 µs watch
 * (native/addon.cpp, Pool) gave 2-thread speedups of relu 1.36-1.46x at 64K and 1.72-1.75x at
 * 256K; sigmoid 1.78-1.81x from 32K, 1.90-1.93x at 64K; softmax 1.55-1.64x at 16K, 1.82x at 64K;
 * prelu 1.18-1.65x at 128K, 1.48-1.52x at 256K; prelu backward erratic (1.0-1.47x at 1M, 1.36x at 2M).
 * Isolated calls (`--cold`: one call after a 2 ms sleep, so the worker has stopped watching and
 * must be woken; 41 rounds) gain nothing below about 1M on this VM (waking the other vCPU takes
 * hundreds of µs) and lose up to 10-20% from 64K to 512K (the main thread does all the pieces
 * plus the wake-up). So each threshold is where back-to-back calls gain at least 1.5x and one call
 * takes 25 µs or more: linear 256K, smooth and rowwise 64K; prelu backward 2M (its split adds
 * per-thread partial sums: 0.81-0.88x cold up to 1M; 1.19-1.53x at 2M in five runs, warm or not).
 * The elementwise derivative and backward of a kind use its forward's threshold.
 */
export const PARALLEL_MIN: Readonly<Record<RoutingKind, number>> = {
  linear: 1 << 18, smooth: 1 << 16, rowwise: 1 << 16, prelu: 1 << 18, preluBackward: 1 << 21,
};

/** PARALLEL_MIN as the addon takes it (setThreads' second argument): one per [function id * 3 + direction]. */
export function parallelMinArray(): Float64Array {
  const mins = new Float64Array(SPEC.length * 3);
  SPEC.forEach((spec, id) => {
    for (let dir = 0; dir < 3; dir++) {
      mins[id * 3 + dir] = PARALLEL_MIN[routingKind(spec, dir === DIR.backward ? 'backward' : 'forward')];
    }
  });
  return mins;
}

export function loadNative(): NativeBackend {
  const addon = loadAddon();
  threads = initialThreads(addon);
  addon.setThreads(threads, parallelMinArray());
  loadedAddon = addon;
  const kernels: Record<string, Ops> = {};
  SPEC.forEach((spec, id) => {
    const js = jsBackend.kernels[spec.name];
    if (spec.kind === 'elementwise') {
      const [n0, n1] = spec.params.map((p) => p.name);
      const min = SMALL_ARRAY[routingKind(spec)];
      // threads: the facade's per-call cap, passed only when given (the common call stays 7 arguments).
      const ops: ElementwiseOps = {
        kind: 'elementwise',
        forward(x, out, p, threads?: number) {
          if (x.length < min && smallArrayRouting()) { checkOverlap(out, x); return (small().kernels[spec.name] as ElementwiseOps).forward(x, out, p); }
          const p0 = n0 === undefined ? 0 : p[n0], p1 = n1 === undefined ? 0 : p[n1];
          if (threads === undefined) addon.ew(id, 0, x, x, out, p0, p1); else addon.ew(id, 0, x, x, out, p0, p1, threads);
        },
        derivative(x, out, p, threads?: number) {
          if (x.length < min && smallArrayRouting()) { checkOverlap(out, x); return (small().kernels[spec.name] as ElementwiseOps).derivative(x, out, p); }
          const p0 = n0 === undefined ? 0 : p[n0], p1 = n1 === undefined ? 0 : p[n1];
          if (threads === undefined) addon.ew(id, 1, x, x, out, p0, p1); else addon.ew(id, 1, x, x, out, p0, p1, threads);
        },
        backward(x, dy, out, p, threads?: number) {
          if (x.length < min && smallArrayRouting()) { checkOverlap(out, x, dy); return (small().kernels[spec.name] as ElementwiseOps).backward(x, dy, out, p); }
          const p0 = n0 === undefined ? 0 : p[n0], p1 = n1 === undefined ? 0 : p[n1];
          if (threads === undefined) addon.ew(id, 2, x, dy, out, p0, p1); else addon.ew(id, 2, x, dy, out, p0, p1, threads);
        },
      };
      kernels[spec.name] = ops;
    } else if (spec.kind === 'rowwise') {
      const rowMin = SMALL_ARRAY.rowwise;
      const ops: RowwiseOps = {
        kind: 'rowwise',
        forward(x, out, L, threads?: number) {
          if (x.length < rowMin && smallArrayRouting()) { checkOverlap(out, x); return (small().kernels[spec.name] as RowwiseOps).forward(x, out, L); }
          if (threads === undefined) addon.row(id, 0, x, x, out, L.outer, L.n, L.inner); else addon.row(id, 0, x, x, out, L.outer, L.n, L.inner, threads);
        },
        backward(x, dy, out, L, threads?: number) {
          if (x.length < rowMin && smallArrayRouting()) { checkOverlap(out, x, dy); return (small().kernels[spec.name] as RowwiseOps).backward(x, dy, out, L); }
          if (threads === undefined) addon.row(id, 1, x, dy, out, L.outer, L.n, L.inner); else addon.row(id, 1, x, dy, out, L.outer, L.n, L.inner, threads);
        },
      };
      kernels[spec.name] = ops;
    } else {
      const ref = js as PreluOps;
      // Tiny calls go to js: below about 49 elements the alpha map costs the addon call more than
      // js's loop (forward and derivative); js's backward is slower from n = 1 (preluBackward).
      const min = SMALL_ARRAY[routingKind(spec, 'forward')], backMin = SMALL_ARRAY[routingKind(spec, 'backward')];
      const tiny = (x: { length: number }): boolean => x.length < min && smallArrayRouting();
      const tinyBack = (x: { length: number }): boolean => x.length < backMin && smallArrayRouting();
      const ops: PreluOps = {
        kind: 'prelu',
        forward(x, alpha, out, map, threads?: number) {
          if (tiny(x) || map.shape.length > 64) checkOverlap(out, x, undefined, alpha);
          if (tiny(x)) return (small().kernels[spec.name] as PreluOps).forward(x, alpha, out, map);
          if (map.shape.length > 64) return ref.forward(x, alpha, out, map);
          if (threads === undefined) addon.prelu(id, 0, x, alpha, x, out, alpha, mapArray(map)); else addon.prelu(id, 0, x, alpha, x, out, alpha, mapArray(map), threads);
        },
        derivative(x, alpha, out, map, threads?: number) {
          if (tiny(x) || map.shape.length > 64) checkOverlap(out, x, undefined, alpha);
          if (tiny(x)) return (small().kernels[spec.name] as PreluOps).derivative(x, alpha, out, map);
          if (map.shape.length > 64) return ref.derivative(x, alpha, out, map);
          if (threads === undefined) addon.prelu(id, 1, x, alpha, x, out, alpha, mapArray(map)); else addon.prelu(id, 1, x, alpha, x, out, alpha, mapArray(map), threads);
        },
        backward(x, alpha, dy, dx, dalpha, map, threads?: number) {
          if (tinyBack(x) || map.shape.length > 64) checkOverlap(dx, x, dy, alpha);
          if (tinyBack(x)) return (small().kernels[spec.name] as PreluOps).backward(x, alpha, dy, dx, dalpha, map);
          if (map.shape.length > 64) return ref.backward(x, alpha, dy, dx, dalpha, map);
          if (threads === undefined) addon.prelu(id, 2, x, alpha, dy, dx, dalpha, mapArray(map));
          else addon.prelu(id, 2, x, alpha, dy, dx, dalpha, mapArray(map), threads);
        },
      };
      kernels[spec.name] = ops;
    }
  });
  const idOf = (name: string): number => FUNCTION_NAMES.indexOf(name);
  const param = (name: string, p: Params, k: number): number => {
    const n = SPEC[idOf(name)].params[k]?.name;
    return n === undefined ? 0 : p[n];
  };
  return {
    name: 'native',
    kernels,
    // The addon compares out's addresses with the inputs'; the paths above that do not reach it
    // (small arrays, prelu maps of rank > 64) check in JavaScript.
    checksOverlap: true,
    addon,
    isa: () => addon.getIsa(),
    elementwiseAsync(name, dir, x, dy, out, p, threads) {
      return addon.ewAsync(idOf(name), DIR[dir], x, dy ?? x, out, param(name, p, 0), param(name, p, 1), threads);
    },
    rowwiseAsync(name, backward, x, dy, out, L, threads) {
      return addon.rowAsync(idOf(name), backward ? 1 : 0, x, dy ?? x, out, L.outer, L.n, L.inner, threads);
    },
    preluAsync(name, dir, x, alpha, dy, out, dalpha, map, threads) {
      if (map.shape.length > 64) {
        const ref = jsBackend.kernels[name] as PreluOps;
        if (dir === 'backward') ref.backward(x, alpha, dy!, out, dalpha!, map); else ref[dir](x, alpha, out, map);
        return Promise.resolve();
      }
      return addon.preluAsync(idOf(name), DIR[dir], x, alpha, dy ?? x, out, dalpha ?? alpha, mapArray(map), threads);
    },
  };
}
