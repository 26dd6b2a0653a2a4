/**
 * prelu with a broadcast alpha (reference: src/reference/prelu.ts). The caller passes the
 * reference's merged AlphaMap (dims and alpha strides, i32, at `map`: dims first, then strides)
 * and a range [start, start + count) of elements; x, dy, out point at element `start`, so a long
 * array can be done in chunks. Elements are visited in runs along the last merged dimension with
 * alpha index a0 + j·aStride, as forEachRun does. dalpha keeps, per alpha element, the canonical
 * sum's state (16 lanes, count, total) at `state`, carried across chunks and finished by
 * preluFinish; terms are added in increasing element order, as CanonicalSum.add. When alpha has
 * more elements than the state has slots, the caller makes several passes, each summing the
 * alpha indices [slotLo, slotHi), and writes dx in the last pass only (dx may be x or dy).
 */

/** Per alpha element: 16 binary64 lanes, the count (i64), the total: 144 bytes. */
// @ts-ignore: decorator
@inline const SLOT: usize = 144;
// @ts-ignore: decorator
@inline const BLOCK: i64 = 4096;

export const FORWARD = 0;
export const DERIVATIVE = 1;
export const BACKWARD = 2;

/** Sets every slot's sum to empty. */
export function preluInit(state: usize, slots: i32): void {
  memory.fill(state, 0, <usize>slots * SLOT);
}

/** reference: CanonicalSum.closeBlock. */
function closeBlock(s: usize): void {
  for (let half: usize = 64; half >= 8; half >>= 1) {
    for (let i: usize = 0; i < half; i += 8) store<f64>(s + i, load<f64>(s + i) + load<f64>(s + i + half));
  }
  const c = load<i64>(s, 128);
  store<f64>(s, c <= BLOCK ? load<f64>(s) : load<f64>(s, 136) + load<f64>(s), 136);
  memory.fill(s, 0, 128);
}

/** reference: CanonicalSum.add. */
// @ts-ignore: decorator
@inline function addTerm(s: usize, term: f64): void {
  const c = load<i64>(s, 128);
  const l = s + (<usize>(c & 15) << 3);
  store<f64>(l, load<f64>(l) + term);
  store<i64>(s, c + 1, 128);
  if ((c + 1) % BLOCK == 0) closeBlock(s);
}

/** dalpha[a] = the finished sum of slot a (reference: CanonicalSum.result), rounded to F. */
function finish<F>(state: usize, slots: i32, dalpha: usize): void {
  for (let a = 0; a < slots; a++) {
    const s = state + <usize>a * SLOT;
    const c = load<i64>(s, 128);
    if (c == 0 || c % BLOCK != 0) closeBlock(s);
    store<F>(dalpha + <usize>a * sizeof<F>(), <F>load<f64>(s, 136));
  }
}
export function preluFinish32(state: usize, slots: i32, dalpha: usize): void { finish<f32>(state, slots, dalpha); }
export function preluFinish64(state: usize, slots: i32, dalpha: usize): void { finish<f64>(state, slots, dalpha); }

/** One element in binary64: forward v < 0 ? αv : v; derivative v > 0 ? 1 : (NaN ? v : α). */
// @ts-ignore: decorator
@inline function scalarValue(mode: i32, v: f64, al: f64): f64 {
  return mode == FORWARD ? (v < 0 ? al * v : v) : (v > 0 ? 1 : v != v ? v : al);
}

/** Forward or derivative on native lanes (f32x4 or f64x2): selects and one product rounded once. */
// @ts-ignore: decorator
@inline function vectorValue<F>(mode: i32, v: v128, al: v128): v128 {
  if (sizeof<F>() == 4) {
    if (mode == FORWARD) return v128.bitselect(f32x4.mul(al, v), v, f32x4.lt(v, f32x4.splat(0)));
    return v128.bitselect(f32x4.splat(1), v128.bitselect(v, al, f32x4.ne(v, v)), f32x4.gt(v, f32x4.splat(0)));
  } else {
    if (mode == FORWARD) return v128.bitselect(f64x2.mul(al, v), v, f64x2.lt(v, f64x2.splat(0)));
    return v128.bitselect(f64x2.splat(1), v128.bitselect(v, al, f64x2.ne(v, v)), f64x2.gt(v, f64x2.splat(0)));
  }
}

// @ts-ignore: decorator
@inline function splatF<F>(p: usize): v128 {
  if (sizeof<F>() == 4) return v128.load32_splat(p);
  else return v128.load64_splat(p);
}

/** Elements j, j+1 of x or dy widened to binary64 (float32 products are then exact). */
// @ts-ignore: decorator
@inline function pair<F>(p: usize): v128 {
  if (sizeof<F>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(p));
  else return v128.load(p);
}

/**
 * Backward over a run whose elements share one alpha element (aStride 0, e.g. per-channel NCHW):
 * the run's terms dy·x (0 where x > 0) go to that slot's lanes 16 at a time once its count is at
 * lane 0 (term number c to lane c mod 16, exactly as one at a time), then dx a vector at a time.
 * The terms are read before dx is written, as dx may be x or dy.
 */
// @ts-ignore: decorator
@inline function backwardShared<F>(x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, len: i64,
  slotLo: i64, slotHi: i64, writeDx: bool): void {
  const size = sizeof<F>();
  if (a0 >= slotLo && a0 < slotHi) {
    const s = state + <usize>(a0 - slotLo) * SLOT;
    let j: i64 = 0;
    for (; j < len && (load<i64>(s, 128) & 15) != 0; j++) {
      const o = <usize>j * size;
      const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
      addTerm(s, v > 0 ? 0 : g * v);
    }
    const zero = f64x2.splat(0);
    for (; j + 16 <= len; j += 16) {
      for (let k: usize = 0; k < 16; k += 2) {
        const o = (<usize>j + k) * size;
        const v = pair<F>(x + o), g = pair<F>(dy + o);
        const l = s + (k << 3);
        v128.store(l, f64x2.add(v128.load(l), v128.bitselect(zero, f64x2.mul(g, v), f64x2.gt(v, zero))));
      }
      const c = load<i64>(s, 128) + 16;
      store<i64>(s, c, 128);
      if (c % BLOCK == 0) closeBlock(s);
    }
    for (; j < len; j++) {
      const o = <usize>j * size;
      const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
      addTerm(s, v > 0 ? 0 : g * v);
    }
  }
  if (!writeDx) return;
  const lanes = <i64>(16 / size);
  const al = splatF<F>(alpha + <usize>a0 * size);
  let j: i64 = 0;
  for (; j + lanes <= len; j += lanes) {
    const o = <usize>j * size;
    const d = vectorValue<F>(DERIVATIVE, v128.load(x + o), al);
    v128.store(out + o, sizeof<F>() == 4 ? f32x4.mul(v128.load(dy + o), d) : f64x2.mul(v128.load(dy + o), d));
  }
  const alpha0 = <f64>load<F>(alpha + <usize>a0 * size);
  for (; j < len; j++) {
    const o = <usize>j * size;
    const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
    store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : alpha0)));
  }
}

/** `len` elements of one run: alpha index a0 + j·aStride. */
// @ts-ignore: decorator
@inline function run<F>(mode: i32, x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, aStride: i64,
  len: i64, slotLo: i64, slotHi: i64, writeDx: bool): void {
  const size = sizeof<F>();
  let j: i64 = 0;
  if (ASC_FEATURE_SIMD && mode == BACKWARD && aStride == 0) {
    backwardShared<F>(x, alpha, dy, out, state, a0, len, slotLo, slotHi, writeDx);
    return;
  }
  if (ASC_FEATURE_SIMD && mode != BACKWARD && (aStride == 0 || aStride == 1)) {
    const lanes = <i64>(16 / size);
    const al0 = alpha + <usize>a0 * size;
    const al = splatF<F>(al0);
    for (; j + lanes <= len; j += lanes) {
      const o = <usize>j * size;
      v128.store(out + o, vectorValue<F>(mode, v128.load(x + o), aStride == 0 ? al : v128.load(al0 + o)));
    }
  }
  for (; j < len; j++) {
    const o = <usize>j * size;
    const a = a0 + j * aStride;
    const al = <f64>load<F>(alpha + <usize>a * size);
    const v = <f64>load<F>(x + o);
    if (mode == BACKWARD) {
      const g = <f64>load<F>(dy + o);
      if (a >= slotLo && a < slotHi) addTerm(state + <usize>(a - slotLo) * SLOT, v > 0 ? 0 : g * v);
      if (writeDx) store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : al)));
    } else {
      store<F>(out + o, <F>scalarValue(mode, v, al));
    }
  }
}

/**
 * Visits elements [start, start + count) run by run (reference: forEachRun). coords: rank i64 of
 * scratch for the odometer over the merged dimensions.
 */
// @ts-ignore: decorator
@inline export function preluWalk<F>(mode: i32, x: usize, alpha: usize, dy: usize, out: usize, start: f64, count: f64,
  map: usize, rank: i32, coords: usize, state: usize, slotLo: i64, slotHi: i64, writeDx: bool): void {
  if (count <= 0) return;
  const dims = map, strides = map + (<usize>rank << 2);
  const runLen: i64 = rank ? <i64>load<i32>(dims + (<usize>(rank - 1) << 2)) : 1;
  const runStride: i64 = rank ? <i64>load<i32>(strides + (<usize>(rank - 1) << 2)) : 0;
  let r = <i64>start / runLen;
  let j = <i64>start % runLen;
  let a: i64 = 0;
  for (let d = rank - 2; d >= 0; d--) {
    const dim = <i64>load<i32>(dims + (<usize>d << 2));
    const c = r % dim;
    r /= dim;
    store<i64>(coords + (<usize>d << 3), c);
    a += c * <i64>load<i32>(strides + (<usize>d << 2));
  }
  let left = <i64>count;
  let done: usize = 0;
  const size = sizeof<F>();
  while (left > 0) {
    const len = min(runLen - j, left);
    const o = done * size;
    run<F>(mode, x + o, alpha, dy + o, out + o, state, a + j * runStride, runStride, len, slotLo, slotHi, writeDx);
    done += <usize>len;
    left -= len;
    j = 0;
    for (let d = rank - 2; d >= 0; d--) {
      const cp = coords + (<usize>d << 3);
      const stride = <i64>load<i32>(strides + (<usize>d << 2));
      const c = load<i64>(cp) + 1;
      a += stride;
      const dim = <i64>load<i32>(dims + (<usize>d << 2));
      if (c < dim) { store<i64>(cp, c); break; }
      a -= stride * dim;
      store<i64>(cp, 0);
    }
  }
}
