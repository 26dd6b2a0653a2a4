/**
 * prelu with a broadcast alpha (reference: src/reference/prelu.ts). The caller passes the
 * reference's merged AlphaMap (dims and alpha strides, i32, at `map`: dims first, then strides)
 * and a range [start, start + count) of elements; x, dy, out point at element `start`, so a long
 * array can be done in chunks. Elements are visited in runs along the last merged dimension with
 * alpha index a0 + j·aStride, as forEachRun does, except for periodic layouts (channels-last and
 * other patterns after a stride-0 dim: see periodicForward / periodicBackward below), which run as
 * long spans against an expanded alpha pattern. dalpha keeps, per alpha element, the canonical
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

// ---- SIMD backward steps. Per element, as the reference: dx = dy·(x > 0 ? 1 : x NaN ? x : α)
// and the dalpha term x > 0 ? 0 : dy·x in binary64. With gt = (x > 0) on the data's lanes:
//  - dx is dy where gt (dy·1 is dy, NaN dy included), dy·α rounded once where x ≤ 0, and all
//    ones (a NaN) where x is NaN: three masks or-ed, no select chain;
//  - float32 terms are dy·x of x and dy with gt's lanes cleared first, widened (exact) and
//    multiplied in binary64: 0·0 = +0 where x > 0, as the reference's literal 0, even when dy
//    is ±Inf or NaN there; float64 terms clear the product's bits instead. ----

// @ts-ignore: decorator
@inline function gtZero<F>(v: v128): v128 {
  if (sizeof<F>() == 4) return f32x4.gt(v, f32x4.splat(0));
  else return f64x2.gt(v, f64x2.splat(0));
}

// @ts-ignore: decorator
@inline function dxVector<F>(v: v128, g: v128, al: v128, gt: v128): v128 {
  if (sizeof<F>() == 4) return v128.or(v128.or(v128.andnot(f32x4.mul(g, al), gt), v128.and(g, gt)), f32x4.ne(v, v));
  else return v128.or(v128.or(v128.andnot(f64x2.mul(g, al), gt), v128.and(g, gt)), f64x2.ne(v, v));
}

/** a + the terms of float32 lanes 0, 1 (m: lanes whose term is 0). */
// @ts-ignore: decorator
@inline function addLo32(a: v128, v: v128, g: v128, m: v128): v128 {
  return f64x2.add(a, f64x2.mul(f64x2.promote_low_f32x4(v128.andnot(g, m)), f64x2.promote_low_f32x4(v128.andnot(v, m))));
}

/** a + the terms of float32 lanes 2, 3. */
// @ts-ignore: decorator
@inline function addHi32(a: v128, v: v128, g: v128, m: v128): v128 {
  const h = v128.andnot(g, m), z = v128.andnot(v, m);
  return f64x2.add(a, f64x2.mul(f64x2.promote_low_f32x4(i32x4.shuffle(h, h, 2, 3, 2, 3)), f64x2.promote_low_f32x4(i32x4.shuffle(z, z, 2, 3, 2, 3))));
}

/** a + the terms of two float64 lanes. */
// @ts-ignore: decorator
@inline function add64(a: v128, v: v128, g: v128, m: v128): v128 {
  return f64x2.add(a, v128.andnot(f64x2.mul(g, v), m));
}

/** Lanes (l, l + 1) mod 16 of the 16 binary64 lanes at s, l = rb / 8 even: an aligned pair. */
// @ts-ignore: decorator
@inline function lanePair(s: usize, rb: usize): v128 {
  return v128.load(s + (rb & 127));
}

// @ts-ignore: decorator
@inline function storeLanePair(s: usize, rb: usize, a: v128): void {
  v128.store(s + (rb & 127), a);
}

/**
 * Half h of the 16 lanes at s (lanes (r + 8h + i) mod 16, i < 8, rb = 8r + 64h): adds the terms
 * of elements 16q + 8h + i (i < 8) of the whole groups of 16 in `bytes` bytes of x and dy, with
 * four sums in locals, and writes those elements' dx (each vector's loads before its store: dx
 * may be x or dy). Half the sums a loop: all eight and the loop's vectors would not fit V8's 16
 * vector registers (it spilled).
 */
// @ts-ignore: decorator
@inline function termsHalf<F>(x: usize, dy: usize, out: usize, al: v128, s: usize, rb: usize, bytes: usize, h: i32,
  writeDx: bool): void {
  const size = sizeof<F>();
  const G: usize = 16 * size;
  const at: usize = <usize>h * 8 * size;
  let a0 = lanePair(s, rb), a1 = lanePair(s, rb + 16), a2 = lanePair(s, rb + 32), a3 = lanePair(s, rb + 48);
  const full = bytes & ~(G - 1);
  let o: usize = 0;
  for (; o < full; o += G) {
    const px = x + o + at, pg = dy + o + at, po = out + o + at;
    if (size == 4) {
      let v = v128.load(px), g = v128.load(pg), m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m));
      a0 = addLo32(a0, v, g, m); a1 = addHi32(a1, v, g, m);
      v = v128.load(px, 16); g = v128.load(pg, 16); m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m), 16);
      a2 = addLo32(a2, v, g, m); a3 = addHi32(a3, v, g, m);
    } else {
      let v = v128.load(px), g = v128.load(pg), m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m));
      a0 = add64(a0, v, g, m);
      v = v128.load(px, 16); g = v128.load(pg, 16); m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m), 16);
      a1 = add64(a1, v, g, m);
      v = v128.load(px, 32); g = v128.load(pg, 32); m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m), 32);
      a2 = add64(a2, v, g, m);
      v = v128.load(px, 48); g = v128.load(pg, 48); m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, al, m), 48);
      a3 = add64(a3, v, g, m);
    }
  }
  storeLanePair(s, rb, a0); storeLanePair(s, rb + 16, a1); storeLanePair(s, rb + 32, a2); storeLanePair(s, rb + 48, a3);
}

/** dx of `bytes` bytes of elements sharing alpha al (alpha0): vectors, then one at a time. */
// @ts-ignore: decorator
@inline function dxShared<F>(x: usize, dy: usize, out: usize, al: v128, alpha0: f64, bytes: usize): void {
  const size = sizeof<F>();
  let o: usize = 0;
  for (; o + 32 <= bytes; o += 32) {
    const v0 = v128.load(x + o), g0 = v128.load(dy + o);
    v128.store(out + o, dxVector<F>(v0, g0, al, gtZero<F>(v0)));
    const v1 = v128.load(x + o, 16), g1 = v128.load(dy + o, 16);
    v128.store(out + o, dxVector<F>(v1, g1, al, gtZero<F>(v1)), 16);
  }
  for (; o < bytes; o += size) {
    const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
    store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : alpha0)));
  }
}

/**
 * n terms into the slot at s whose count is at lane r, even (no block ends inside: the caller
 * splits), and their dx. Element j of the segment goes to lane (r + j) mod 16, exactly as one at
 * a time: whole groups of 16 in straight vector loops with the sums in locals (termsHalf), then
 * the last partial group one element at a time (it shares that loop with dx anyway, and reads
 * nothing past the segment's end).
 */
// @ts-ignore: decorator
@inline function sharedSegment<F>(x: usize, dy: usize, out: usize, al: v128, alpha0: f64, s: usize, r: usize, n: usize,
  writeDx: bool): void {
  const size = sizeof<F>();
  const bytes = n * size;
  termsHalf<F>(x, dy, out, al, s, r << 3, bytes, 0, writeDx);
  termsHalf<F>(x, dy, out, al, s, (r << 3) + 64, bytes, 1, writeDx);
  // The last partial group one element at a time: term j to lane (r + j) mod 16, then its dx.
  for (let o = bytes & ~(16 * size - 1), l = r + (o / size); o < bytes; o += size, l++) {
    const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
    const p = s + ((l & 15) << 3);
    store<f64>(p, load<f64>(p) + (v > 0 ? 0 : g * v));
    if (writeDx) store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : alpha0)));
  }
}

/**
 * Backward over a run whose elements share one alpha element (aStride 0: per-channel NCHW planes,
 * a scalar alpha): segments that end where the slot's count reaches a block end, each with the
 * lanes in locals (sharedSegment), then the block closed as CanonicalSum.add does.
 */
// @ts-ignore: decorator
@inline function backwardShared<F>(x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, len: i64,
  slotLo: i64, slotHi: i64, writeDx: bool): void {
  const size = sizeof<F>();
  const alpha0 = <f64>load<F>(alpha + <usize>a0 * size);
  const al = splatF<F>(alpha + <usize>a0 * size);
  if (a0 < slotLo || a0 >= slotHi) {
    if (writeDx) dxShared<F>(x, dy, out, al, alpha0, <usize>len * size);
    return;
  }
  const s = state + <usize>(a0 - slotLo) * SLOT;
  for (let j: i64 = 0; j < len;) {
    const c = load<i64>(s, 128);
    const o = <usize>j * size;
    if (c & 1) {
      // One element to an even count, so that the segment's lane pairs are aligned v128s.
      const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
      addTerm(s, v > 0 ? 0 : g * v);
      if (writeDx) store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : alpha0)));
      j++;
      continue;
    }
    const n = min(len - j, BLOCK - c % BLOCK);
    sharedSegment<F>(x + o, dy + o, out + o, al, alpha0, s, <usize>(c & 15), <usize>n, writeDx);
    store<i64>(s, c + n, 128);
    if ((c + n) % BLOCK == 0) closeBlock(s);
    j += n;
  }
}

/**
 * k runs of len elements, run i with alpha index a0 + i·aStep (consecutive planes: one call, not k).
 * Two functions, with and without dx, so that each gets backwardShared's loops with writeDx a
 * constant (no test of it per vector).
 */
function sharedWithDx<F>(x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, aStep: i64, len: i64, k: i64,
  slotLo: i64, slotHi: i64): void {
  const bytes = <usize>len * sizeof<F>();
  for (let i: i64 = 0, o: usize = 0; i < k; i++, o += bytes) {
    backwardShared<F>(x + o, alpha, dy + o, out + o, state, a0 + i * aStep, len, slotLo, slotHi, true);
  }
}
function sharedSumOnly<F>(x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, aStep: i64, len: i64, k: i64,
  slotLo: i64, slotHi: i64): void {
  const bytes = <usize>len * sizeof<F>();
  for (let i: i64 = 0, o: usize = 0; i < k; i++, o += bytes) {
    backwardShared<F>(x + o, alpha, dy + o, out + o, state, a0 + i * aStep, len, slotLo, slotHi, false);
  }
}

/** `len` elements of one run: alpha index a0 + j·aStride. */
// @ts-ignore: decorator
@inline function run<F>(mode: i32, x: usize, alpha: usize, dy: usize, out: usize, state: usize, a0: i64, aStride: i64,
  len: i64, slotLo: i64, slotHi: i64, writeDx: bool): void {
  const size = sizeof<F>();
  let j: i64 = 0;
  if (ASC_FEATURE_SIMD && mode == BACKWARD && aStride == 0) {
    if (writeDx) sharedWithDx<F>(x, alpha, dy, out, state, a0, 0, len, 1, slotLo, slotHi);
    else sharedSumOnly<F>(x, alpha, dy, out, state, a0, 0, len, 1, slotLo, slotHi);
    return;
  }
  if (mode != BACKWARD && (aStride == 0 || aStride == 1)) {
    if (aStride == 0) spanF<F>(mode, x, alpha + <usize>a0 * size, out, len, true);
    else spanF<F>(mode, x, alpha + <usize>a0 * size, out, len, false);
    return;
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

// ---- Periodic layouts (channels-last: the merged dims end in a stride-0 dim, then a pattern). ----
// Instead of one short run at a time, the pattern's alpha values are expanded into EBUF (whole
// periods) and long spans of x run against it; backward keeps the slots' 16 lanes lane-major in
// ACC (ACC[l·P + j] is lane l of pattern position j), so term k of position j, element k·P + j of
// the unit, goes to ACC[(k mod 16)·P + j]: a straight vector loop with period 16·P.

/** Forward patterns up to PCAP elements are expanded; EBUF holds BUF elements (whole periods, 128 KB). */
// @ts-ignore: decorator
@inline const PCAP: i64 = 16384;
// @ts-ignore: decorator
@inline const BUF: i64 = 16384;
/** Short patterns are repeated to about this many elements (long spans, little copying per call). */
// @ts-ignore: decorator
@inline const REP: i64 = 2048;
/** Backward's lane-major sums cover patterns up to PCAP_B elements. */
// @ts-ignore: decorator
@inline const PCAP_B: i64 = 256;
const EBUF: usize = memory.data(<i32>BUF * 8, 16);
const ACC: usize = memory.data(16 * <i32>PCAP_B * 8, 16);

// @ts-ignore: decorator
@inline function dimOf(map: usize, d: i32): i64 { return <i64>load<i32>(map + (<usize>d << 2)); }
// @ts-ignore: decorator
@inline function strideOf(map: usize, rank: i32, d: i32): i64 { return <i64>load<i32>(map + (<usize>(rank + d) << 2)); }

/** Sets the odometer over dims [0, q) to unit u; returns that unit's alpha base index. */
function odoInit(map: usize, rank: i32, q: i32, coords: usize, u: i64): i64 {
  let a: i64 = 0;
  let r = u;
  for (let d = q - 1; d >= 0; d--) {
    const dim = dimOf(map, d);
    const c = r % dim;
    r /= dim;
    store<i64>(coords + (<usize>d << 3), c);
    a += c * strideOf(map, rank, d);
  }
  return a;
}

/** Advances the odometer over dims [0, q) by one unit; returns the new base index. */
function odoStep(map: usize, rank: i32, q: i32, coords: usize, a: i64): i64 {
  for (let d = q - 1; d >= 0; d--) {
    const cp = coords + (<usize>d << 3);
    const stride = strideOf(map, rank, d);
    const c = load<i64>(cp) + 1;
    a += stride;
    const dim = dimOf(map, d);
    if (c < dim) { store<i64>(cp, c); return a; }
    a -= stride * dim;
    store<i64>(cp, 0);
  }
  return a;
}

/**
 * n elements of x against a contiguous alpha (forward or derivative); splat: alpha[0] for all.
 * Byte offsets and four vectors a step with immediate offsets: the bodies are a few instructions,
 * so the loop's own cost shows (as in loop.ts's narrow32).
 */
// @ts-ignore: decorator
@inline function spanF<F>(mode: i32, x: usize, al: usize, out: usize, n: i64, splat: bool = false): void {
  // mode and splat as literals in each loop: no per-vector test where the caller passes variables.
  if (mode == FORWARD) {
    if (splat) spanLoop<F>(FORWARD, x, al, out, n, true);
    else spanLoop<F>(FORWARD, x, al, out, n, false);
  } else {
    if (splat) spanLoop<F>(DERIVATIVE, x, al, out, n, true);
    else spanLoop<F>(DERIVATIVE, x, al, out, n, false);
  }
}

// @ts-ignore: decorator
@inline function spanLoop<F>(mode: i32, x: usize, al: usize, out: usize, n: i64, splat: bool): void {
  const size = sizeof<F>();
  const bytes = <usize>n * size;
  let o: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const s = splatF<F>(al);
    for (; o + 64 <= bytes; o += 64) {
      const v0 = v128.load(x + o), v1 = v128.load(x + o, 16), v2 = v128.load(x + o, 32), v3 = v128.load(x + o, 48);
      v128.store(out + o, vectorValue<F>(mode, v0, splat ? s : v128.load(al + o)));
      v128.store(out + o, vectorValue<F>(mode, v1, splat ? s : v128.load(al + o, 16)), 16);
      v128.store(out + o, vectorValue<F>(mode, v2, splat ? s : v128.load(al + o, 32)), 32);
      v128.store(out + o, vectorValue<F>(mode, v3, splat ? s : v128.load(al + o, 48)), 48);
    }
    for (; o + 16 <= bytes; o += 16) v128.store(out + o, vectorValue<F>(mode, v128.load(x + o), splat ? s : v128.load(al + o)));
  }
  for (; o < bytes; o += size) {
    store<F>(out + o, <F>scalarValue(mode, <f64>load<F>(x + o), <f64>load<F>(splat ? al : al + o)));
  }
}

/**
 * EBUF[j] = alpha at pattern position j (dims k+1..rank, unit base a) for j < P, run by run
 * along the last dim, with an odometer over the pattern's other dims in coords[k+1..rank-1)
 * (the unit odometer uses coords[0..k)).
 */
function fillPattern<F>(alpha: usize, a: i64, map: usize, rank: i32, coords: usize, k: i32, P: i64): void {
  const size = sizeof<F>();
  const R = dimOf(map, rank - 1), sR = strideOf(map, rank, rank - 1);
  for (let d = k + 1; d < rank - 1; d++) store<i64>(coords + (<usize>d << 3), 0);
  let off = a;
  for (let pos: i64 = 0; pos < P; pos += R) {
    const e = EBUF + <usize>pos * size;
    if (sR == 0) {
      const v = load<F>(alpha + <usize>off * size);
      for (let j: i64 = 0; j < R; j++) store<F>(e + <usize>j * size, v);
    } else {
      for (let j: i64 = 0; j < R; j++) store<F>(e + <usize>j * size, load<F>(alpha + <usize>(off + j * sR) * size));
    }
    for (let d = rank - 2; d > k; d--) {
      const cp = coords + (<usize>d << 3);
      const stride = strideOf(map, rank, d);
      const c = load<i64>(cp) + 1;
      off += stride;
      const dim = dimOf(map, d);
      if (c < dim) { store<i64>(cp, c); break; }
      off -= stride * dim;
      store<i64>(cp, 0);
    }
  }
}

/** Forward / derivative of [start, start + count) of a periodic layout (pattern after dim k). */
function periodicForward<F>(mode: i32, x: usize, alpha: usize, out: usize, start: i64, count: i64, map: usize, rank: i32,
  coords: usize, k: i32, P: i64): void {
  const size = sizeof<F>();
  const U = dimOf(map, k) * P;
  let off = start % U;
  let a = odoInit(map, rank, k, coords, start / U);
  let left = count;
  let done: i64 = 0;
  while (left > 0) {
    const len = min(U - off, left);
    let ph = off % P;
    // Whole periods of this unit's alpha pattern, as many as the piece needs (at most BUF).
    const LE = P * min(max<i64>(1, REP / P), (ph + len + P - 1) / P);
    fillPattern<F>(alpha, a, map, rank, coords, k, P);
    // Copies of the first period, doubling (every copy starts at a multiple of P).
    for (let filled = P; filled < LE;) {
      const n = min(filled, LE - filled);
      memory.copy(EBUF + <usize>filled * size, EBUF, <usize>n * size);
      filled += n;
    }
    for (let i: i64 = 0; i < len;) {
      const n = min(LE - ph, len - i);
      const o = <usize>(done + i) * size;
      spanF<F>(mode, x + o, EBUF + <usize>ph * size, out + o, n);
      i += n;
      ph = 0;
    }
    done += len;
    left -= len;
    off = 0;
    a = odoStep(map, rank, k, coords, a);
  }
}

/** n elements against lane-major sums acc and a contiguous alpha: acc += dalpha terms, dx = dy·prelu'(x). */
// @ts-ignore: decorator
@inline function spanB<F>(x: usize, al: usize, dy: usize, out: usize, acc: usize, n: i64, writeDx: bool): void {
  if (writeDx) spanBLoop<F>(x, al, dy, out, acc, n, true);
  else spanBLoop<F>(x, al, dy, out, acc, n, false);
}

// @ts-ignore: decorator
@inline function spanBLoop<F>(x: usize, al: usize, dy: usize, out: usize, acc: usize, n: i64, writeDx: bool): void {
  const size = sizeof<F>();
  const bytes = <usize>n * size;
  let o: usize = 0;
  let l = acc;
  if (ASC_FEATURE_SIMD) {
    // Every load of a step comes before its stores (dx may be x or dy). Two steps an iteration,
    // each array through its own pointer (immediate offsets, no address arithmetic per access).
    const end = x + (bytes & ~31);
    let px = x, pg = dy, pa = al, po = out;
    for (; px < end; px += 32, pg += 32, pa += 32, po += 32, l += 32 * 8 / size) {
      let v = v128.load(px), g = v128.load(pg);
      let m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, v128.load(pa), m));
      if (size == 4) {
        v128.store(l, addLo32(v128.load(l), v, g, m));
        v128.store(l, addHi32(v128.load(l, 16), v, g, m), 16);
      } else {
        v128.store(l, add64(v128.load(l), v, g, m));
      }
      v = v128.load(px, 16); g = v128.load(pg, 16);
      m = gtZero<F>(v);
      if (writeDx) v128.store(po, dxVector<F>(v, g, v128.load(pa, 16), m), 16);
      if (size == 4) {
        v128.store(l, addLo32(v128.load(l, 32), v, g, m), 32);
        v128.store(l, addHi32(v128.load(l, 48), v, g, m), 48);
      } else {
        v128.store(l, add64(v128.load(l, 16), v, g, m), 16);
      }
    }
    o = bytes & ~31;
    for (; o + 16 <= bytes; o += 16, l += 16 * 8 / size) {
      const v = v128.load(x + o), g = v128.load(dy + o);
      const m = gtZero<F>(v);
      if (writeDx) v128.store(out + o, dxVector<F>(v, g, v128.load(al + o), m));
      if (size == 4) {
        v128.store(l, addLo32(v128.load(l), v, g, m));
        v128.store(l, addHi32(v128.load(l, 16), v, g, m), 16);
      } else {
        v128.store(l, add64(v128.load(l), v, g, m));
      }
    }
  }
  for (; o < bytes; o += size, l += 8) {
    const v = <f64>load<F>(x + o), g = <f64>load<F>(dy + o);
    store<f64>(l, load<f64>(l) + (v > 0 ? 0 : g * v));
    if (writeDx) store<F>(out + o, <F>(g * (v > 0 ? 1 : v != v ? v : <f64>load<F>(al + o))));
  }
}

/** `rows` rows of 16 periods, each from ACC's start against EBUF's 16 periods. */
function ringRows<F>(x: usize, dy: usize, out: usize, rows: i64, P: i64, writeDx: bool): void {
  const n = 16 * P;
  const rowBytes = <usize>n * sizeof<F>();
  for (let t: i64 = 0; t < rows; t++) {
    const o = <usize>t * rowBytes;
    spanB<F>(x + o, EBUF, dy + o, out + o, ACC, n, writeDx);
  }
}

/** Closes the block of the P slots whose lanes are in ACC (reference: CanonicalSum.closeBlock). */
function closeRing(s0: usize, sStep: usize, p: usize, first: bool): void {
  for (let half: usize = 8; half >= 1; half >>= 1) {
    for (let i: usize = 0; i < half; i++) {
      for (let j: usize = 0; j < p; j++) {
        const t = ACC + ((i * p + j) << 3);
        store<f64>(t, load<f64>(t) + load<f64>(ACC + (((i + half) * p + j) << 3)));
      }
    }
  }
  for (let j: usize = 0; j < p; j++) {
    const s = s0 + j * sStep;
    const b = load<f64>(ACC + (j << 3));
    store<f64>(s, first ? b : load<f64>(s, 136) + b, 136);
  }
  memory.fill(ACC, 0, p * 128);
}

/**
 * Backward of D whole periods (alpha index a + j·sR at position j) whose P slots are all in this
 * pass and have equal counts (checked by the caller): lanes into ACC, spans of whole periods,
 * blocks closed every 4096 periods, lanes back.
 */
function periodsBackward<F>(x: usize, alpha: usize, dy: usize, out: usize, state: usize, a: i64, sR: i64, P: i64, D: i64,
  slotLo: i64, writeDx: bool): void {
  const size = sizeof<F>();
  const s0 = state + <usize>(a - slotLo) * SLOT;
  const sStep = <usize>sR * SLOT;
  const c0 = load<i64>(s0, 128);
  let al = alpha + <usize>a * size;
  let m: i64 = 1;
  if (!(sR == 1 && P >= 64)) {
    while (m < 16 && 2 * m * P <= REP) m *= 2;
    for (let j: i64 = 0; j < P; j++) store<F>(EBUF + <usize>j * size, load<F>(alpha + <usize>(a + j * sR) * size));
    for (let filled = P; filled < m * P; filled += filled) memory.copy(EBUF + <usize>filled * size, EBUF, <usize>filled * size);
    al = EBUF;
  }
  const p = <usize>P;
  for (let j: usize = 0; j < p; j++) {
    const s = s0 + j * sStep;
    for (let l: usize = 0; l < 16; l++) store<f64>(ACC + ((l * p + j) << 3), load<f64>(s + (l << 3)));
  }
  for (let r: i64 = 0; r < D;) {
    const c = c0 + r;
    if (m == 16 && (c & 15) == 0 && r + 16 <= D) {
      // Whole rows of 16 periods (the ring and EBUF both start over each row), to the block's end.
      const rows = min(D - r, BLOCK - c % BLOCK) >> 4;
      const o = <usize>(r * P) * size;
      ringRows<F>(x + o, dy + o, out + o, rows, P, writeDx);
      r += rows << 4;
      if ((c0 + r) % BLOCK == 0) closeRing(s0, sStep, p, c0 + r <= BLOCK);
      continue;
    }
    const r2 = min(D, r + (m - c % m));
    const o = <usize>(r * P) * size;
    spanB<F>(x + o, al + <usize>((c % m) * P) * size, dy + o, out + o, ACC + (<usize>((c & 15) * P) << 3), (r2 - r) * P, writeDx);
    r = r2;
    if ((c0 + r) % BLOCK == 0) closeRing(s0, sStep, p, c0 + r <= BLOCK);
  }
  for (let j: usize = 0; j < p; j++) {
    const s = s0 + j * sStep;
    for (let l: usize = 0; l < 16; l++) store<f64>(s + (l << 3), load<f64>(ACC + ((l * p + j) << 3)));
    store<i64>(s, c0 + D, 128);
  }
}

/** Whether the P slots a + j·sR are all in [slotLo, slotHi) with equal counts. */
function slotsAligned(state: usize, a: i64, sR: i64, P: i64, slotLo: i64, slotHi: i64): bool {
  if (a < slotLo || a + (P - 1) * sR >= slotHi) return false;
  const s0 = state + <usize>(a - slotLo) * SLOT;
  const c0 = load<i64>(s0, 128);
  for (let j: i64 = 1; j < P; j++) {
    if (load<i64>(s0 + <usize>(j * sR) * SLOT, 128) != c0) return false;
  }
  return true;
}

/** Backward of [start, start + count) when the pattern after the last stride-0 dim is one dim. */
function periodicBackward<F>(x: usize, alpha: usize, dy: usize, out: usize, start: i64, count: i64, map: usize, rank: i32,
  coords: usize, state: usize, slotLo: i64, slotHi: i64, writeDx: bool): void {
  const size = sizeof<F>();
  const k = rank - 2;
  const P = dimOf(map, rank - 1), sR = strideOf(map, rank, rank - 1);
  const U = dimOf(map, k) * P;
  let off = start % U;
  let a = odoInit(map, rank, k, coords, start / U);
  let left = count;
  let done: i64 = 0;
  while (left > 0) {
    const len = min(U - off, left);
    const ph = off % P;
    let j: i64 = 0;
    // A period cut by the chunk edge goes element by element (its slots then have equal counts).
    if (ph != 0) {
      j = min(P - ph, len);
      const o = <usize>done * size;
      run<F>(BACKWARD, x + o, alpha, dy + o, out + o, state, a + ph * sR, sR, j, slotLo, slotHi, writeDx);
    }
    const whole = (len - j) / P;
    if (whole > 0) {
      const o = <usize>(done + j) * size;
      if (slotsAligned(state, a, sR, P, slotLo, slotHi)) {
        periodsBackward<F>(x + o, alpha, dy + o, out + o, state, a, sR, P, whole, slotLo, writeDx);
      } else {
        for (let r: i64 = 0; r < whole; r++) {
          const q = o + <usize>(r * P) * size;
          run<F>(BACKWARD, x + q, alpha, dy + q, out + q, state, a, sR, P, slotLo, slotHi, writeDx);
        }
      }
      j += whole * P;
    }
    if (j < len) {
      const o = <usize>(done + j) * size;
      run<F>(BACKWARD, x + o, alpha, dy + o, out + o, state, a, sR, len - j, slotLo, slotHi, writeDx);
    }
    done += len;
    left -= len;
    off = 0;
    a = odoStep(map, rank, k, coords, a);
  }
}

/**
 * Visits elements [start, start + count): periodic layouts as above, everything else run by run
 * (reference: forEachRun). coords: rank i64 of scratch for the odometer over the merged dims.
 */
// @ts-ignore: decorator
@inline export function preluWalk<F>(mode: i32, x: usize, alpha: usize, dy: usize, out: usize, start: f64, count: f64,
  map: usize, rank: i32, coords: usize, state: usize, slotLo: i64, slotHi: i64, writeDx: bool): void {
  if (count <= 0) return;
  let k: i32 = -1;
  for (let d = rank - 2; d >= 0; d--) {
    if (strideOf(map, rank, d) == 0) { k = d; break; }
  }
  let P: i64 = 1;
  for (let d = k + 1; d < rank; d++) P *= dimOf(map, d);
  if (k >= 0 && mode != BACKWARD && P <= PCAP) {
    periodicForward<F>(mode, x, alpha, out, <i64>start, <i64>count, map, rank, coords, k, P);
    return;
  }
  if (k >= 0 && k == rank - 2 && mode == BACKWARD && P <= PCAP_B && strideOf(map, rank, rank - 1) >= 1) {
    periodicBackward<F>(x, alpha, dy, out, <i64>start, <i64>count, map, rank, coords, state, slotLo, slotHi, writeDx);
    return;
  }
  runWalk<F>(mode, x, alpha, dy, out, start, count, map, rank, coords, state, slotLo, slotHi, writeDx);
}

/** Elements [start, start + count) run by run along the last merged dim (reference: forEachRun). */
function runWalk<F>(mode: i32, x: usize, alpha: usize, dy: usize, out: usize, start: f64, count: f64,
  map: usize, rank: i32, coords: usize, state: usize, slotLo: i64, slotHi: i64, writeDx: bool): void {
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
    if (ASC_FEATURE_SIMD && mode == BACKWARD && runStride == 0 && j == 0 && rank >= 2 && left >= 2 * runLen) {
      // Whole runs along dim rank - 2 (channels-first planes) in one call: k runs, then the
      // odometer as if the first k - 1 had gone one at a time.
      const d = rank - 2;
      const cp = coords + (<usize>d << 3);
      const sd = <i64>load<i32>(strides + (<usize>d << 2));
      const k = min(<i64>load<i32>(dims + (<usize>d << 2)) - load<i64>(cp), left / runLen);
      if (k > 1) {
        if (writeDx) sharedWithDx<F>(x + o, alpha, dy + o, out + o, state, a, sd, runLen, k, slotLo, slotHi);
        else sharedSumOnly<F>(x + o, alpha, dy + o, out + o, state, a, sd, runLen, k, slotLo, slotHi);
        done += <usize>(k * runLen);
        left -= k * runLen;
        store<i64>(cp, load<i64>(cp) + k - 1);
        a = odoStep(map, rank, rank - 1, coords, a + (k - 1) * sd);
        continue;
      }
    }
    run<F>(mode, x + o, alpha, dy + o, out + o, state, a + j * runStride, runStride, len, slotLo, slotHi, writeDx);
    done += <usize>len;
    left -= len;
    j = 0;
    a = odoStep(map, rank, rank - 1, coords, a);
  }
}
