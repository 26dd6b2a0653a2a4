/**
 * The facade's small-array routing: below these lengths a call goes to the js reference, which
 * returns the same bits with less per-call overhead than the addon call (native) or the copies
 * into wasm memory (wasm on ordinary arrays). Arrays that live in wasm memory are never routed.
 *
 * The table between the routing:data markers is written by the benchmark, from the crossovers it
 * measures (`npm run bench -- --sweep --write-routing`, or `--publish` after a full sweep; the
 * rule is in bench/report/routing.js): per pair (native over js, wasm over js) and kind (linear:
 * the piecewise-linear elementwise functions; smooth: the transcendental elementwise ones;
 * rowwise: softmax and logSoftmax, by total length; prelu and preluBackward: prelu's forward and
 * derivative, and its backward), the median interpolated crossing,
 * rounded to the nearest of 0, 1, 2, 3, 4, 6, 8, 12, 16, … (powers of two and 1.5 times them) and
 * clamped to [ROUTING_MIN, ROUTING_MAX]. `measured` keeps the unrounded medians (null: not
 * measured, the previous threshold kept). It is TypeScript rather than JSON so that the
 * browser bundle carries it inline and nothing reads a file at run time.
 */
import type { FunctionSpec } from './spec';

export type RoutingKind = 'linear' | 'smooth' | 'rowwise' | 'prelu' | 'preluBackward';
export type RoutingPair = 'nativeOverJs' | 'wasmOverJs';
export type Thresholds = Readonly<Record<RoutingKind, number>>;

export interface RoutingTable {
  /** Where the numbers come from: the bench command, when, on what. */
  readonly provenance: {
    readonly command: string;
    readonly date: string;
    readonly cpu: string;
    readonly runtime: string;
    readonly platform: string;
    readonly nativeIsa: string;
    readonly wasmBuild: string;
    readonly type: string;
    readonly sizes: readonly number[];
  };
  /** Calls shorter than thresholds[pair][kind] run on js instead of the pair's first backend. */
  readonly thresholds: Readonly<Record<RoutingPair, Thresholds>>;
  /**
   * The median crossings the thresholds were rounded from ('never': the first backend never got
   * ahead in the sweep; null: not measured in that run, the previous threshold kept).
   */
  readonly measured: Readonly<Record<RoutingPair, Readonly<Record<RoutingKind, number | 'never' | null>>>>;
}

/** The range a threshold is clamped to: 0 routes nothing; above 1K elements the SIMD backends always win. */
export const ROUTING_MIN = 0;
export const ROUTING_MAX = 1024;

export const ROUTING: RoutingTable = /* routing:data:start */ {
  "provenance": {
    "command": "npm run bench -- --full --browser --publish",
    "date": "2026-11-24T03:08:05.652Z",
    "cpu": "AMD EPYC, 2 cores",
    "runtime": "Node v20.20.2",
    "platform": "linux 6.18.44-fc-v669 x64",
    "nativeIsa": "avx512",
    "wasmBuild": "simd",
    "type": "float32",
    "sizes": [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
  },
  "thresholds": {
    "nativeOverJs": { "linear": 12, "smooth": 2, "rowwise": 2, "prelu": 64, "preluBackward": 1 },
    "wasmOverJs": { "linear": 24, "smooth": 3, "rowwise": 4, "prelu": 128, "preluBackward": 1 }
  },
  "measured": {
    "nativeOverJs": { "linear": 11, "smooth": 2, "rowwise": 2, "prelu": 68, "preluBackward": 1 },
    "wasmOverJs": { "linear": 22, "smooth": 3, "rowwise": 3.5, "prelu": 126, "preluBackward": 1 }
  }
} /* routing:data:end */;

/**
 * The routing kind of a call (the grouping the benchmark's crossovers use). prelu has a kind per
 * direction because its two directions cross far apart: its forward pays for the alpha map in
 * every addon or wasm call (native ahead of js from n of about 49, wasm from 128), while the js
 * reference's backward, which sums dalpha in the canonical order, is slower than either from n = 1.
 * A derivative goes with its forward.
 */
export function routingKind(spec: FunctionSpec, direction: 'forward' | 'derivative' | 'backward' = 'forward'): RoutingKind {
  if (spec.kind === 'prelu') return direction === 'backward' ? 'preluBackward' : 'prelu';
  return spec.kind === 'rowwise' ? 'rowwise' : spec.smooth ? 'smooth' : 'linear';
}

let enabled = true;
/** For tests and the benchmark: false sends every call to the backend asked for, whatever its length. */
export function setSmallArrayRouting(on: boolean): void {
  enabled = on;
}
export function smallArrayRouting(): boolean {
  return enabled;
}
