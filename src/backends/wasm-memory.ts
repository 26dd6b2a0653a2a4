import type { Floats } from '../backend';
import { describe, rangeError, typeError } from '../errors';
import { floatTag } from '../validate';
import type { WasmMemoryLike } from './wasm-api';
import type { WasmArrays } from '../wasm-arrays';

export type { WasmArrays };

/**
 * The wasm instance's linear memory, laid out once at load:
 *   [0, heap_base)   the module's static data;
 *   scratch          fixed regions for arrays that live outside wasm memory (copied through in
 *                    chunks), row buffers for softmax, prelu's alpha map and dalpha sums;
 *   heap             arrays handed out by alloc(), managed here with a first-fit free list.
 * Only alloc() (and reserve()) ever grow the memory: a kernel call never does, so a view the
 * caller holds stays valid during and after a call. Growing detaches every view of the old
 * buffer (a WebAssembly rule); refresh() gives a live view of the same allocation.
 */

/** Elements of x, dy or out per chunk when they live outside wasm memory. */
export const CHUNK = 65536;
/** Row elements kept between softmax passes (a multiple of the canonical sum's 4096 block). */
export const ROW_CAP = 65536;
// Streamed rows go through the row buffer CHUNK elements at a time, in whole blocks of 4096.
if (CHUNK > ROW_CAP || CHUNK % 4096 !== 0) throw new Error('CHUNK must be a multiple of 4096 no larger than ROW_CAP');
/** prelu dalpha: alpha elements whose canonical sums fit in the scratch. */
export const SLOT_CAP = 4096;
const SLOT_BYTES = 144;
/** Merged prelu dimensions that fit in the map region. */
export const MAX_RANK = 64;
const PAGE = 65536;
/** wasm32 memory holds at most 65,536 pages (4 GiB); engines may allow less. */
const MAX_BYTES = 65536 * PAGE;

export interface Layout {
  readonly x: number;
  readonly dy: number;
  readonly out: number;
  readonly alpha: number;
  readonly e: number;
  readonly t: number;
  readonly state: number;
  readonly map: number;
  readonly coords: number;
  readonly heap: number;
}

const align16 = (n: number): number => Math.ceil(n / 16) * 16;

export function makeLayout(heapBase: number): Layout {
  let at = align16(heapBase);
  const take = (bytes: number): number => { const p = at; at = align16(at + bytes); return p; };
  const x = take(CHUNK * 8), dy = take(CHUNK * 8), out = take(CHUNK * 8), alpha = take(CHUNK * 8);
  const e = take((ROW_CAP + 2) * 8), t = take((ROW_CAP + 2) * 8);
  const state = take(SLOT_CAP * SLOT_BYTES);
  const map = take(MAX_RANK * 2 * 4), coords = take(MAX_RANK * 8);
  return { x, dy, out, alpha, e, t, state, map, coords, heap: at };
}

type FloatCtor = Float32ArrayConstructor | Float64ArrayConstructor;

interface Block { readonly ptr: number; readonly bytes: number; readonly type: FloatCtor; readonly length: number }

export class WasmHeap {
  private readonly blocks = new WeakMap<object, Block>();
  /** Free ranges [ptr, ptr + bytes), sorted by ptr, never adjacent. */
  private readonly freeList: Array<{ ptr: number; bytes: number }> = [];
  private top: number;

  constructor(private readonly memory: WasmMemoryLike, readonly layout: Layout) {
    this.current = memory.buffer;
    this.top = layout.heap;
    this.ensure(this.top);
  }

  /**
   * The memory's current buffer, cached: WebAssembly.Memory's buffer getter costs more than a
   * small kernel call, and only ensure() (below) ever grows the memory.
   */
  private current: ArrayBuffer;
  get buffer(): ArrayBuffer {
    return this.current;
  }

  /**
   * Grows the memory (detaching old views) until it holds `end` bytes; by at least half its size
   * when `spare`, so that growth (and detaching) stays rare for a sequence of allocations.
   */
  private ensure(end: number, spare = false, param = 'n', asked: unknown = end): void {
    const have = this.current.byteLength;
    if (end <= have) return;
    const want = Math.min(spare ? Math.max(end, have + have / 2) : end, MAX_BYTES);
    try {
      if (end > MAX_BYTES) throw new RangeError('beyond the 32-bit address space');
      this.memory.grow(Math.ceil((want - have) / PAGE));
      this.current = this.memory.buffer;
    } catch {
      throw rangeError(param, `a size that fits in wasm memory (${MAX_BYTES - this.top} more bytes at most here)`, describe(asked));
    }
  }

  alloc(type: unknown, n: unknown): Floats {
    if (type !== Float32Array && type !== Float64Array) throw typeError('type', 'Float32Array or Float64Array', type);
    if (typeof n !== 'number') throw typeError('n', 'a non-negative integer', n);
    if (!Number.isInteger(n) || n < 0) throw rangeError('n', 'a non-negative integer', describe(n));
    const T = type as FloatCtor;
    const bytes = align16(Math.max(16, n * T.BYTES_PER_ELEMENT));
    let ptr = -1;
    for (let i = 0; i < this.freeList.length; i++) {
      const f = this.freeList[i];
      if (f.bytes < bytes) continue;
      ptr = f.ptr;
      if (f.bytes === bytes) this.freeList.splice(i, 1);
      else this.freeList[i] = { ptr: f.ptr + bytes, bytes: f.bytes - bytes };
      break;
    }
    if (ptr < 0) {
      ptr = this.top;
      this.ensure(ptr + bytes, true, 'n', n);
      this.top = ptr + bytes;
    }
    const view = new T(this.buffer, ptr, n);
    view.fill(0);
    this.blocks.set(view, { ptr, bytes, type: T, length: n });
    return view;
  }

  private blockOf(view: unknown, param: string): Block {
    const b = typeof view === 'object' && view !== null ? this.blocks.get(view) : undefined;
    if (!b) throw typeError(param, 'an array returned by wasm.alloc() and not yet freed', view);
    return b;
  }

  free(view: unknown): void {
    const b = this.blockOf(view, 'view');
    this.blocks.delete(view as object);
    let i = 0;
    while (i < this.freeList.length && this.freeList[i].ptr < b.ptr) i++;
    this.freeList.splice(i, 0, { ptr: b.ptr, bytes: b.bytes });
    // Coalesce with the neighbours, and give the top range back to the bump pointer.
    const next = this.freeList[i + 1];
    if (next && b.ptr + b.bytes === next.ptr) {
      this.freeList[i] = { ptr: b.ptr, bytes: b.bytes + next.bytes };
      this.freeList.splice(i + 1, 1);
    }
    const prev = this.freeList[i - 1];
    if (prev && prev.ptr + prev.bytes === this.freeList[i].ptr) {
      this.freeList[i - 1] = { ptr: prev.ptr, bytes: prev.bytes + this.freeList[i].bytes };
      this.freeList.splice(i, 1);
    }
    const last = this.freeList[this.freeList.length - 1];
    if (last && last.ptr + last.bytes === this.top) {
      this.top = last.ptr;
      this.freeList.pop();
    }
  }

  refresh(view: unknown): Floats {
    const b = this.blockOf(view, 'view');
    const v = view as Floats;
    if (v.buffer === this.buffer) return v;
    const fresh = new b.type(this.buffer, b.ptr, b.length);
    this.blocks.delete(v);
    this.blocks.set(fresh, b);
    return fresh;
  }

  reserve(bytes: unknown): void {
    if (typeof bytes !== 'number') throw typeError('bytes', 'a non-negative integer', bytes);
    if (!Number.isInteger(bytes) || bytes < 0) throw rangeError('bytes', 'a non-negative integer', describe(bytes));
    this.ensure(this.top + bytes, false, 'bytes', bytes);
  }

  owns(view: unknown): boolean {
    return floatTag(view) !== undefined && (view as Floats).buffer === this.buffer;
  }
}

/** The `wasm` object before (or without) a loaded backend: says why on use. */
export function unavailableArrays(reason: () => string): WasmArrays {
  const fail = (): never => { throw new Error(`The wasm backend is not available: ${reason()}`); };
  return { available: false, build: undefined, alloc: fail, free: fail, refresh: fail, reserve: fail, owns: () => false };
}

export function arraysOf(heap: WasmHeap, build: 'simd' | 'scalar'): WasmArrays {
  return {
    available: true,
    build,
    alloc: (type, n) => heap.alloc(type, n) as never,
    free: (view) => heap.free(view),
    refresh: (view) => heap.refresh(view) as never,
    reserve: (bytes) => heap.reserve(bytes),
    owns: (view) => heap.owns(view),
  };
}
