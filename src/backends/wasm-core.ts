import type { Backend, ElementwiseOps, Floats, Ops, PreluOps, RowwiseOps } from '../backend';
import { mergeMap, type AlphaMap } from '../reference/prelu';
import type { AxisLayout } from '../reference/layout';
import type { Params } from '../reference/types';
import { SPEC, type FunctionSpec } from '../spec';
import { jsBackend } from './js';
import { routingKind, smallArrayRouting, type Thresholds } from '../routing';
import { webAssembly, type WasmInstanceLike, type WasmMemoryLike } from './wasm-api';
import { kernelExport, requiredExports, type WasmType } from './wasm-exports';
import { CHUNK, MAX_RANK, ROW_CAP, SLOT_CAP, WasmHeap, makeLayout } from './wasm-memory';

/**
 * The wasm backend from an instantiated build (Node and browsers alike; no I/O here). Arrays that
 * live in wasm memory are passed by address; others are copied through the fixed scratch regions
 * in chunks of CHUNK elements (softmax rows longer than that are streamed a segment at a time),
 * so memory never grows during a call; prelu's dalpha takes one pass per SLOT_CAP alpha elements.
 * One case exceeds the scratch and runs on the js reference instead (same bits by definition): a
 * prelu alpha of more than CHUNK·8 bytes that lives outside wasm memory.
 */
type Fn = (...args: number[]) => void;
type Sum = (...args: number[]) => number;

export interface WasmInstance {
  readonly backend: Backend;
  readonly heap: WasmHeap;
}

/**
 * `small`: the loaders pass src/routing.ts's wasm-over-js thresholds, below which a call on arrays
 * outside wasm memory (the copying path) runs on the js reference instead, which is cheaper there
 * and gives the same bits; arrays in wasm memory are never routed. Without it (the tests of the
 * kernels themselves) every call runs in wasm.
 */
export function wasmBackendFrom(instance: WasmInstanceLike, small?: Thresholds): WasmInstance {
  const ex = instance.exports;
  const missing = requiredExports(SPEC).filter((n) => !(n in ex));
  if (missing.length) throw new Error(`the WebAssembly build lacks the exports ${missing.join(', ')}`);
  const L = makeLayout((ex.heap_base as () => number)());
  const heap = new WasmHeap(ex.memory as WasmMemoryLike, L);
  const fn = (name: string): Fn => ex[name] as Fn;

  // Views of the whole memory, re-made after growth.
  let f32 = new Float32Array(0), f64 = new Float64Array(0), i32 = new Int32Array(0);
  const views = (): void => {
    const buffer = heap.buffer;
    if (f32.buffer !== buffer) {
      f32 = new Float32Array(buffer);
      f64 = new Float64Array(buffer);
      i32 = new Int32Array(buffer);
    }
  };
  const typeOf = (a: Floats): WasmType => (a.BYTES_PER_ELEMENT === 4 ? 'f32' : 'f64');
  const whole = (a: Floats): Floats => (a.BYTES_PER_ELEMENT === 4 ? f32 : f64);
  const inside = (a: Floats): boolean => a.buffer === heap.buffer;

  /** Address of a[start..] in wasm memory: the array itself, or `scratch` filled from a. */
  function place(a: Floats, start: number, end: number, scratch: number, copyIn: boolean): number {
    if (inside(a)) return a.byteOffset + start * a.BYTES_PER_ELEMENT;
    if (copyIn) whole(a).set(start === 0 && end === a.length ? a : a.subarray(start, end), scratch / a.BYTES_PER_ELEMENT);
    return scratch;
  }
  function copyOut(out: Floats, start: number, end: number, scratch: number): void {
    if (inside(out)) return;
    const w = whole(out);
    const s = scratch / out.BYTES_PER_ELEMENT;
    // A loop beats making a subarray for the short arrays where per-call cost shows.
    if (end - start <= 16) for (let i = start; i < end; i++) out[i] = w[s + i - start];
    else out.set(w.subarray(s, s + end - start), start);
  }

  function elementwise(spec: FunctionSpec): ElementwiseOps {
    const [name0, name1] = spec.params.map((p) => p.name);
    const k = (dir: string, t: WasmType): Fn => fn(kernelExport(spec.name, dir, t));
    const kernels = {
      forward: { f32: k('forward', 'f32'), f64: k('forward', 'f64') },
      derivative: { f32: k('derivative', 'f32'), f64: k('derivative', 'f64') },
      backward: { f32: k('backward', 'f32'), f64: k('backward', 'f64') },
    };
    const min = small ? small[routingKind(spec)] : 0;
    const js = jsBackend.kernels[spec.name] as ElementwiseOps;
    function run(dir: 'forward' | 'derivative' | 'backward', x: Floats, dy: Floats | undefined, out: Floats, p: Params): void {
      const a = name0 ? p[name0] : 0, b = name1 ? p[name1] : 0;
      const kernel = kernels[dir][typeOf(x)];
      const n = x.length;
      if (inside(x) && inside(out) && (!dy || inside(dy))) {
        if (dy) kernel(x.byteOffset, dy.byteOffset, out.byteOffset, n, a, b);
        else kernel(x.byteOffset, out.byteOffset, n, a, b);
        return;
      }
      if (n < min && smallArrayRouting()) {
        if (dy) js.backward(x, dy, out, p); else js[dir as 'forward' | 'derivative'](x, out, p);
        return;
      }
      views();
      for (let s = 0; s < n; s += CHUNK) {
        const e = Math.min(n, s + CHUNK);
        const xp = place(x, s, e, L.x, true);
        const op = place(out, s, e, L.out, false);
        if (dy) kernel(xp, place(dy, s, e, L.dy, true), op, e - s, a, b);
        else kernel(xp, op, e - s, a, b);
        copyOut(out, s, e, L.out);
      }
    }
    return {
      kind: 'elementwise',
      forward: (x, out, p) => run('forward', x, undefined, out, p),
      derivative: (x, out, p) => run('derivative', x, undefined, out, p),
      backward: (x, dy, out, p) => run('backward', x, dy, out, p),
    };
  }

  function rowwise(spec: FunctionSpec): RowwiseOps {
    const fwd = { f32: fn(kernelExport(spec.name, 'forward', 'f32')), f64: fn(kernelExport(spec.name, 'forward', 'f64')) };
    const bwd = { f32: fn(kernelExport(spec.name, 'backward', 'f32')), f64: fn(kernelExport(spec.name, 'backward', 'f64')) };
    /** Runs the kernel on `outer` slabs at the given addresses. */
    function call(t: WasmType, xp: number, dyp: number | undefined, op: number, outer: number, n: number, inner: number): void {
      if (dyp === undefined) fwd[t](xp, op, outer, n, inner, L.e, ROW_CAP);
      else bwd[t](xp, dyp, op, outer, n, inner, L.e, L.t, ROW_CAP);
    }
    const streamOut = { f32: fn(kernelExport(spec.name, 'stream_out', 'f32')), f64: fn(kernelExport(spec.name, 'stream_out', 'f64')) };
    const streamDot = { f32: ex[kernelExport(spec.name, 'stream_dot', 'f32')] as Sum, f64: ex[kernelExport(spec.name, 'stream_dot', 'f64')] as Sum };
    const streamBack = { f32: fn(kernelExport(spec.name, 'stream_backout', 'f32')), f64: fn(kernelExport(spec.name, 'stream_backout', 'f64')) };
    const rowMax = { f32: ex.row_max_f32 as Sum, f64: ex.row_max_f64 as Sum };
    const expSum = { f32: ex.row_expsum_f32 as Sum, f64: ex.row_expsum_f64 as Sum };
    const lseSum = { f32: ex.row_lsesum_f32 as Sum, f64: ex.row_lsesum_f64 as Sum };
    const rowLse = ex.row_lse as (c: number, T: number) => number;
    const lseCount = ex.row_lse_count as () => number;
    const min = small ? small[routingKind(spec)] : 0;
    const js = jsBackend.kernels[spec.name] as RowwiseOps;

    /**
     * One row longer than the scratch, outside wasm memory: its elements (base + j·inner) are
     * brought in CHUNK at a time for each pass of the reference (max, Σe, then Σ dy·s or Σ dy,
     * then the outputs), the exponentials recomputed per pass. CHUNK is a multiple of 4096, so the
     * canonical sum's blocks are whole within a segment and are continued across segments.
     */
    function stream(t: WasmType, x: Floats, dy: Floats | undefined, out: Floats, base: number, n: number, inner: number): void {
      const size = x.BYTES_PER_ELEMENT;
      const w = whole(x);
      const bring = (src: Floats, region: number, j0: number, len: number): void => {
        const r = region / size;
        if (inner === 1) w.set(src.subarray(base + j0, base + j0 + len), r);
        else for (let j = 0; j < len; j++) w[r + j] = src[base + (j0 + j) * inner];
      };
      const send = (j0: number, len: number): void => {
        const r = L.out / size;
        if (inner === 1) out.set(w.subarray(r, r + len), base + j0);
        else for (let j = 0; j < len; j++) out[base + (j0 + j) * inner] = w[r + j];
      };
      const segments = (visit: (j0: number, len: number) => void): void => {
        for (let j0 = 0; j0 < n; j0 += CHUNK) visit(j0, Math.min(CHUNK, n - j0));
      };
      let m = -Infinity;
      segments((j0, len) => { bring(x, L.x, j0, len); m = rowMax[t](L.x, len, m); });
      m = m + 0;
      const shift = m === -Infinity ? 0 : m;
      if (!dy && spec.name === 'logSoftmax') {
        // lse from c and T (reference rowLse), both carried across the segments.
        let T = 0;
        segments((j0, len) => { bring(x, L.x, j0, len); T = lseSum[t](L.x, len, shift, L.e, T, j0 === 0 ? 1 : 0); });
        const c = lseCount();
        const lse = rowLse(c, T);
        segments((j0, len) => { bring(x, L.x, j0, len); streamOut[t](L.x, L.out, len, shift, c + T, lse, L.e); send(j0, len); });
        return;
      }
      let S = 0;
      segments((j0, len) => { bring(x, L.x, j0, len); S = expSum[t](L.x, len, shift, L.e, S, j0 === 0 ? 1 : 0); });
      if (!dy) {
        // softmax (logSoftmax took the branch above): its stream_out divides by S and ignores lse.
        segments((j0, len) => { bring(x, L.x, j0, len); streamOut[t](L.x, L.out, len, shift, S, 0, L.e); send(j0, len); });
        return;
      }
      let g = 0;
      segments((j0, len) => {
        bring(x, L.x, j0, len); bring(dy, L.dy, j0, len);
        g = streamDot[t](L.x, L.dy, len, shift, S, L.e, L.t, g, j0 === 0 ? 1 : 0);
      });
      segments((j0, len) => {
        bring(x, L.x, j0, len); bring(dy, L.dy, j0, len);
        streamBack[t](L.x, L.dy, L.out, len, shift, S, g, L.e);
        send(j0, len);
      });
    }

    function run(x: Floats, dy: Floats | undefined, out: Floats, layout: AxisLayout): void {
      const { outer, n, inner } = layout;
      const t = typeOf(x);
      if (inside(x) && inside(out) && (!dy || inside(dy))) {
        call(t, x.byteOffset, dy?.byteOffset, out.byteOffset, outer, n, inner);
        return;
      }
      if (x.length < min && smallArrayRouting()) {
        if (dy) js.backward(x, dy, out, layout); else js.forward(x, out, layout);
        return;
      }
      const slab = n * inner;
      if (slab === 0) return;
      views();
      if (slab <= CHUNK) {
        // Whole slabs (contiguous) through the scratch, as many as fit.
        const per = Math.floor(CHUNK / slab);
        for (let o = 0; o < outer; o += per) {
          const s = o * slab, e = Math.min(outer, o + per) * slab;
          const xp = place(x, s, e, L.x, true);
          const dyp = dy ? place(dy, s, e, L.dy, true) : undefined;
          call(t, xp, dyp, place(out, s, e, L.out, false), (e - s) / slab, n, inner);
          copyOut(out, s, e, L.out);
        }
        return;
      }
      if (n > CHUNK) {
        for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) stream(t, x, dy, out, o * slab + i, n, inner);
        return;
      }
      // Strided rows gathered into contiguous rows (inner = 1), a group at a time.
      const w = whole(x);
      const per = Math.floor(CHUNK / n);
      const X = L.x / x.BYTES_PER_ELEMENT, D = L.dy / x.BYTES_PER_ELEMENT, O = L.out / x.BYTES_PER_ELEMENT;
      for (let o = 0; o < outer; o++) {
        for (let i0 = 0; i0 < inner; i0 += per) {
          const rows = Math.min(per, inner - i0);
          for (let r = 0; r < rows; r++) {
            const base = o * slab + i0 + r;
            for (let j = 0; j < n; j++) {
              w[X + r * n + j] = x[base + j * inner];
              if (dy) w[D + r * n + j] = dy[base + j * inner];
            }
          }
          call(t, L.x, dy ? L.dy : undefined, L.out, rows, n, 1);
          for (let r = 0; r < rows; r++) {
            const base = o * slab + i0 + r;
            for (let j = 0; j < n; j++) out[base + j * inner] = w[O + r * n + j];
          }
        }
      }
    }
    return {
      kind: 'rowwise',
      forward: (x, out, layout) => run(x, undefined, out, layout),
      backward: (x, dy, out, layout) => run(x, dy, out, layout),
    };
  }

  function prelu(spec: FunctionSpec): PreluOps {
    const k = (dir: string, t: WasmType): Fn => fn(kernelExport(spec.name, dir, t));
    const kernels = {
      forward: { f32: k('forward', 'f32'), f64: k('forward', 'f64') },
      derivative: { f32: k('derivative', 'f32'), f64: k('derivative', 'f64') },
      backward: { f32: k('backward', 'f32'), f64: k('backward', 'f64') },
      finish: { f32: k('finish', 'f32'), f64: k('finish', 'f64') },
    };
    const init = fn(`${spec.name}_init`);
    const js = jsBackend.kernels[spec.name] as PreluOps;
    const min = small ? small[routingKind(spec, 'forward')] : 0, backMin = small ? small[routingKind(spec, 'backward')] : 0;

    /** false: the caller runs the js reference instead (tiny arrays to copy, or beyond the scratch). */
    function run(dir: 'forward' | 'derivative' | 'backward', x: Floats, alpha: Floats, dy: Floats | undefined, out: Floats,
      dalpha: Floats | undefined, map: AlphaMap): boolean {
      if (x.length < (dy ? backMin : min) && !(inside(x) && inside(out) && (!dy || inside(dy))) && smallArrayRouting()) return false;
      const { dims, strides } = mergeMap(map);
      const total = dims.reduce((p, d) => p * d, 1);
      const rank = dims.length;
      if (rank > MAX_RANK || (!inside(alpha) && alpha.byteLength > CHUNK * 8)) return false;
      if (total === 0) {
        if (dalpha) dalpha.fill(0);
        return true;
      }
      views();
      const t = typeOf(x);
      const m = L.map / 4;
      for (let d = 0; d < rank; d++) { i32[m + d] = dims[d]; i32[m + rank + d] = strides[d]; }
      const ap = place(alpha, 0, alpha.length, L.alpha, true);
      const all = inside(x) && inside(out) && (!dy || inside(dy));
      const step = all ? total : CHUNK;
      // dalpha's sums for SLOT_CAP alpha elements at a time; dx is written in the last pass.
      const slots = dalpha ? alpha.length : 0;
      for (let lo = 0; lo < slots || lo === 0; lo += SLOT_CAP) {
        const hi = Math.min(slots, lo + SLOT_CAP);
        const last = hi >= slots;
        if (dalpha) init(L.state, hi - lo);
        for (let s = 0; s < total; s += step) {
          const e = Math.min(total, s + step);
          const xp = place(x, s, e, L.x, true);
          const op = place(out, s, e, L.out, false);
          if (dy) kernels.backward[t](xp, ap, place(dy, s, e, L.dy, true), op, s, e - s, L.map, rank, L.coords, L.state, lo, hi, last ? 1 : 0);
          else kernels[dir as 'forward' | 'derivative'][t](xp, ap, op, s, e - s, L.map, rank, L.coords);
          if (last) copyOut(out, s, e, L.out);
        }
        if (dalpha) {
          const size = dalpha.BYTES_PER_ELEMENT;
          const dp = inside(dalpha) ? dalpha.byteOffset + lo * size : L.t;
          kernels.finish[t](L.state, hi - lo, dp);
          if (!inside(dalpha)) dalpha.set(whole(dalpha).subarray(L.t / size, L.t / size + hi - lo), lo);
        }
      }
      return true;
    }
    return {
      kind: 'prelu',
      forward: (x, alpha, out, map) => { if (!run('forward', x, alpha, undefined, out, undefined, map)) js.forward(x, alpha, out, map); },
      derivative: (x, alpha, out, map) => { if (!run('derivative', x, alpha, undefined, out, undefined, map)) js.derivative(x, alpha, out, map); },
      backward: (x, alpha, dy, dx, dalpha, map) => { if (!run('backward', x, alpha, dy, dx, dalpha, map)) js.backward(x, alpha, dy, dx, dalpha, map); },
    };
  }

  const kernels: Record<string, Ops> = {};
  for (const s of SPEC) kernels[s.name] = s.kind === 'elementwise' ? elementwise(s) : s.kind === 'prelu' ? prelu(s) : rowwise(s);
  return { backend: { name: 'wasm', kernels }, heap };
}

/** A module whose one function is `() -> v128 { i32.const 0; i8x16.splat }`: valid exactly where SIMD is. */
export const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: 1 type, no params, one v128 result
  0x03, 0x02, 0x01, 0x00, // function section: 1 function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0x0b, // code: no locals, i32.const 0, i8x16.splat, end
]);

export function simdSupported(): boolean {
  try {
    return webAssembly()?.validate(SIMD_PROBE) === true;
  } catch {
    return false;
  }
}

