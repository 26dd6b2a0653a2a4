/**
 * The float32-arithmetic building blocks of src/reference/math32.ts (e^t, e^t - 1, log1p for the
 * Float32 data of elu, selu, softplus, sigmoid, tanh), operation for operation, for a lane type T
 * that is f32 (scalar build) or v128 = f32x4 (SIMD build); see lanes32.ts. The reference's
 * porting note is the specification; this file only re-spells it:
 *  - the cores produce several values (y, yl, k or mh, mln), which AssemblyScript cannot return,
 *    so they hand them to a continuation: C is a kernel class whose inline method exp/expm1
 *    receives them and stores the results (everything is inlined, values stay in registers);
 *  - they run two or four independent inputs at once, interleaved (see below);
 *  - k is kept as kM = k + 1.5·2^23, whose bits carry k: pow2f(k + n) and scale2's floor(k/2)
 *    are integer bit operations on it (the porting note allows exactly that);
 *  - `t < EXP_T_LO ? EXP_T_LO : t` is f32x4.pmax (same select, NaN kept);
 *  - where tl is the constant 0, lo = k·LN2_LO - tl is k·LN2_LO: x - (±0) = x for every x that is
 *    not -0, and k·LN2_LO is never -0 (k = (v + MAGIC) - MAGIC is +0 or nonzero).
 */
import { add, and, cst, div, gt, halfFloorInt, high12, intOfM, minNeg, mul, pmax, pow2fInt, sel, sub, subInt, ONE, TWO, HALF } from './lanes32';

// Constants by their bit patterns (src/reference/math32.ts, porting note).
export const MAGIC: usize = memory.data<u32>([0x4b400000, 0x4b400000, 0x4b400000, 0x4b400000], 16);
const INV_LN2: usize = memory.data<u32>([0x3fb8aa3b, 0x3fb8aa3b, 0x3fb8aa3b, 0x3fb8aa3b], 16);
const LN2_HI: usize = memory.data<u32>([0x3f317200, 0x3f317200, 0x3f317200, 0x3f317200], 16);
const LN2_LO: usize = memory.data<u32>([0x35bfbe8e, 0x35bfbe8e, 0x35bfbe8e, 0x35bfbe8e], 16);
export const EXP_T_LO: usize = memory.data<u32>([0xc2da0000, 0xc2da0000, 0xc2da0000, 0xc2da0000], 16); // -109
const EXPM1_T_LO: usize = memory.data<u32>([0xc1a00000, 0xc1a00000, 0xc1a00000, 0xc1a00000], 16); // -20
const E2: usize = memory.data<u32>([0x3efffffe, 0x3efffffe, 0x3efffffe, 0x3efffffe], 16);
const E3: usize = memory.data<u32>([0x3e2aaa46, 0x3e2aaa46, 0x3e2aaa46, 0x3e2aaa46], 16);
const E4: usize = memory.data<u32>([0x3d2aac2c, 0x3d2aac2c, 0x3d2aac2c, 0x3d2aac2c], 16);
const E5: usize = memory.data<u32>([0x3c091ef0, 0x3c091ef0, 0x3c091ef0, 0x3c091ef0], 16);
const E6: usize = memory.data<u32>([0x3ab563a7, 0x3ab563a7, 0x3ab563a7, 0x3ab563a7], 16);
const L1: usize = memory.data<u32>([0x3f2aaaaa, 0x3f2aaaaa, 0x3f2aaaaa, 0x3f2aaaaa], 16);
const L2: usize = memory.data<u32>([0x3eccce7a, 0x3eccce7a, 0x3eccce7a, 0x3eccce7a], 16);
const L3: usize = memory.data<u32>([0x3e91d0b3, 0x3e91d0b3, 0x3e91d0b3, 0x3e91d0b3], 16);
const L4: usize = memory.data<u32>([0x3e7b539a, 0x3e7b539a, 0x3e7b539a, 0x3e7b539a], 16);
const LN2F: usize = memory.data<u32>([0x3f317218, 0x3f317218, 0x3f317218, 0x3f317218], 16);
const LN2F_LO: usize = memory.data<u32>([0xb102e308, 0xb102e308, 0xb102e308, 0xb102e308], 16);
const RA: usize = memory.data<u32>([0x3fb4b4b5, 0x3fb4b4b5, 0x3fb4b4b5, 0x3fb4b4b5], 16); // 24/17
const RB: usize = memory.data<u32>([0x3ef0f0f1, 0x3ef0f0f1, 0x3ef0f0f1, 0x3ef0f0f1], 16); // 8/17
export const TWO_M32: usize = memory.data<u32>([0x2f800000, 0x2f800000, 0x2f800000, 0x2f800000], 16);
export const TWO_M30: usize = memory.data<u32>([0x30800000, 0x30800000, 0x30800000, 0x30800000], 16);

/** v·2^k in two normal factors 2^floor(k/2)·2^(k - floor(k/2)) (reference: scale2). */
// @ts-ignore: decorator
@inline export function scale2<T>(v: T, kM: T): T {
  const k = intOfM<T>(kM);
  const k1 = halfFloorInt<T>(k);
  return mul<T>(mul<T>(v, pow2fInt<T>(k1)), pow2fInt<T>(subInt<T>(k, k1)));
}

/** 1/d for d in [1, 2] to 6%: 24/17 - 8/17·d (reference: recipLine). */
// @ts-ignore: decorator
@inline export function recipLine<T>(d: T): T {
  return sub<T>(cst<T>(RA), mul<T>(cst<T>(RB), d));
}

/*
 * The cores below work on two (expCore32, log1pCore32: softmax rows, softplus) or four (expCore32x4,
 * expm1Core32: the elementwise loop) independent values at once, index 0..3, each line doing all:
 * the chains are long and V8 keeps the wasm order, so interleaved chains let the CPU overlap them
 * (two: +28% on elu measured against one vector after the other; four: another +10-15%, sigmoid
 * +12% in a test loop, six and eight slower again: spills). The operations of each chain are
 * exactly the reference's, in its order.
 */

/**
 * e^(t + tl) = (y + yl)·2^k for t <= 0 or NaN (reference: expCore32), for t0 and t1; hands
 * y, yl, kM of both to C.exp(y0, yl0, kM0, y1, yl1, kM1, context of 0, context of 1, a, b, dst, dy,
 * bwd), which stores the two results (lanes32 put2). hasTl = false means tl is the constant 0.
 */
// @ts-ignore: decorator
@inline export function expCore32<T, C>(
  t0: T, t1: T, tl0: T, tl1: T, hasTl: bool,
  c00: T, c01: T, c02: T, c03: T, c10: T, c11: T, c12: T, c13: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool,
): void {
  const tc0 = pmax<T>(t0, cst<T>(EXP_T_LO)), tc1 = pmax<T>(t1, cst<T>(EXP_T_LO));
  const kM0 = add<T>(mul<T>(tc0, cst<T>(INV_LN2)), cst<T>(MAGIC)), kM1 = add<T>(mul<T>(tc1, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const k0 = sub<T>(kM0, cst<T>(MAGIC)), k1 = sub<T>(kM1, cst<T>(MAGIC));
  const hi0 = sub<T>(tc0, mul<T>(k0, cst<T>(LN2_HI))), hi1 = sub<T>(tc1, mul<T>(k1, cst<T>(LN2_HI)));
  const kl0 = mul<T>(k0, cst<T>(LN2_LO)), kl1 = mul<T>(k1, cst<T>(LN2_LO));
  const lo0 = hasTl ? sub<T>(kl0, tl0) : kl0, lo1 = hasTl ? sub<T>(kl1, tl1) : kl1;
  const r0 = sub<T>(hi0, lo0), r1 = sub<T>(hi1, lo1);
  let p0 = add<T>(cst<T>(E5), mul<T>(r0, cst<T>(E6))), p1 = add<T>(cst<T>(E5), mul<T>(r1, cst<T>(E6)));
  p0 = add<T>(cst<T>(E4), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E4), mul<T>(r1, p1));
  p0 = add<T>(cst<T>(E3), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E3), mul<T>(r1, p1));
  p0 = add<T>(cst<T>(E2), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E2), mul<T>(r1, p1));
  // w = lo - (r·r)·p, with p = E2 + r·(E3 + r·(E4 + r·(E5 + r·E6)))
  const w0 = sub<T>(lo0, mul<T>(mul<T>(r0, r0), p0)), w1 = sub<T>(lo1, mul<T>(mul<T>(r1, r1), p1));
  const q0 = sub<T>(hi0, w0), q1 = sub<T>(hi1, w1);
  const ql0 = sub<T>(sub<T>(hi0, q0), w0), ql1 = sub<T>(sub<T>(hi1, q1), w1);
  const one = cst<T>(ONE);
  const y0 = add<T>(one, q0), y1 = add<T>(one, q1);
  const yl0 = add<T>(add<T>(sub<T>(one, y0), q0), ql0), yl1 = add<T>(add<T>(sub<T>(one, y1), q1), ql1);
  changetype<C>(0).exp<T>(y0, yl0, kM0, y1, yl1, kM1, c00, c01, c02, c03, c10, c11, c12, c13, a, b, dst, dy, bwd);
}

/**
 * expCore32 for four inputs t0..t3 interleaved (the elementwise kernels): hands y, yl, kM of each to
 * C.exp(y0, yl0, kM0, .., y3, yl3, kM3, c0..c3, e0..e3, a, b, dst, dy, bwd), which stores the four
 * results (lanes32 put4); c and e are two context values per input.
 */
// @ts-ignore: decorator
@inline export function expCore32x4<T, C>(t0: T, t1: T, t2: T, t3: T, tl0: T, tl1: T, tl2: T, tl3: T, hasTl: bool,
  c0: T, c1: T, c2: T, c3: T, e0: T, e1: T, e2: T, e3: T, a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
  const tc0 = pmax<T>(t0, cst<T>(EXP_T_LO)), tc1 = pmax<T>(t1, cst<T>(EXP_T_LO));
  const tc2 = pmax<T>(t2, cst<T>(EXP_T_LO)), tc3 = pmax<T>(t3, cst<T>(EXP_T_LO));
  const kM0 = add<T>(mul<T>(tc0, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM1 = add<T>(mul<T>(tc1, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM2 = add<T>(mul<T>(tc2, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM3 = add<T>(mul<T>(tc3, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const k0 = sub<T>(kM0, cst<T>(MAGIC)), k1 = sub<T>(kM1, cst<T>(MAGIC));
  const k2 = sub<T>(kM2, cst<T>(MAGIC)), k3 = sub<T>(kM3, cst<T>(MAGIC));
  const hi0 = sub<T>(tc0, mul<T>(k0, cst<T>(LN2_HI))), hi1 = sub<T>(tc1, mul<T>(k1, cst<T>(LN2_HI)));
  const hi2 = sub<T>(tc2, mul<T>(k2, cst<T>(LN2_HI))), hi3 = sub<T>(tc3, mul<T>(k3, cst<T>(LN2_HI)));
  const kl0 = mul<T>(k0, cst<T>(LN2_LO)), kl1 = mul<T>(k1, cst<T>(LN2_LO));
  const kl2 = mul<T>(k2, cst<T>(LN2_LO)), kl3 = mul<T>(k3, cst<T>(LN2_LO));
  const lo0 = hasTl ? sub<T>(kl0, tl0) : kl0, lo1 = hasTl ? sub<T>(kl1, tl1) : kl1;
  const lo2 = hasTl ? sub<T>(kl2, tl2) : kl2, lo3 = hasTl ? sub<T>(kl3, tl3) : kl3;
  const r0 = sub<T>(hi0, lo0), r1 = sub<T>(hi1, lo1), r2 = sub<T>(hi2, lo2), r3 = sub<T>(hi3, lo3);
  let p0 = add<T>(cst<T>(E5), mul<T>(r0, cst<T>(E6))), p1 = add<T>(cst<T>(E5), mul<T>(r1, cst<T>(E6)));
  let p2 = add<T>(cst<T>(E5), mul<T>(r2, cst<T>(E6))), p3 = add<T>(cst<T>(E5), mul<T>(r3, cst<T>(E6)));
  p0 = add<T>(cst<T>(E4), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E4), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E4), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E4), mul<T>(r3, p3));
  p0 = add<T>(cst<T>(E3), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E3), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E3), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E3), mul<T>(r3, p3));
  p0 = add<T>(cst<T>(E2), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E2), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E2), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E2), mul<T>(r3, p3));
  // w = lo - (r·r)·p, with p = E2 + r·(E3 + r·(E4 + r·(E5 + r·E6)))
  const w0 = sub<T>(lo0, mul<T>(mul<T>(r0, r0), p0)), w1 = sub<T>(lo1, mul<T>(mul<T>(r1, r1), p1));
  const w2 = sub<T>(lo2, mul<T>(mul<T>(r2, r2), p2)), w3 = sub<T>(lo3, mul<T>(mul<T>(r3, r3), p3));
  const q0 = sub<T>(hi0, w0), q1 = sub<T>(hi1, w1), q2 = sub<T>(hi2, w2), q3 = sub<T>(hi3, w3);
  const ql0 = sub<T>(sub<T>(hi0, q0), w0), ql1 = sub<T>(sub<T>(hi1, q1), w1);
  const ql2 = sub<T>(sub<T>(hi2, q2), w2), ql3 = sub<T>(sub<T>(hi3, q3), w3);
  const one = cst<T>(ONE);
  const y0 = add<T>(one, q0), y1 = add<T>(one, q1), y2 = add<T>(one, q2), y3 = add<T>(one, q3);
  const yl0 = add<T>(add<T>(sub<T>(one, y0), q0), ql0), yl1 = add<T>(add<T>(sub<T>(one, y1), q1), ql1);
  const yl2 = add<T>(add<T>(sub<T>(one, y2), q2), ql2), yl3 = add<T>(add<T>(sub<T>(one, y3), q3), ql3);
  changetype<C>(0).exp<T>(y0, yl0, kM0, y1, yl1, kM1, y2, yl2, kM2, y3, yl3, kM3,
    c0, c1, c2, c3, e0, e1, e2, e3, a, b, dst, dy, bwd);
}

/**
 * e^t - 1 = mh - mln for t <= 0 or NaN (reference: expm1Core32), for t0..t3 interleaved; hands mh,
 * mln of each to C.expm1(mh0, mln0, .., mh3, mln3, c0..c3, a, b, dst, dy, bwd), which stores them.
 */
// @ts-ignore: decorator
@inline export function expm1Core32<T, C>(t0: T, t1: T, t2: T, t3: T, clampBits: bool, c0: T, c1: T, c2: T, c3: T,
  a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
  // clampBits: the clamp as an integer min of the bits (minNeg), for callers whose select takes
  // another arm wherever t has its sign clear or is NaN (elu, selu: see minNeg).
  const lo = cst<T>(EXPM1_T_LO);
  const tc0 = clampBits ? minNeg<T>(t0, lo) : pmax<T>(t0, lo), tc1 = clampBits ? minNeg<T>(t1, lo) : pmax<T>(t1, lo);
  const tc2 = clampBits ? minNeg<T>(t2, lo) : pmax<T>(t2, lo), tc3 = clampBits ? minNeg<T>(t3, lo) : pmax<T>(t3, lo);
  const kM0 = add<T>(mul<T>(tc0, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM1 = add<T>(mul<T>(tc1, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM2 = add<T>(mul<T>(tc2, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const kM3 = add<T>(mul<T>(tc3, cst<T>(INV_LN2)), cst<T>(MAGIC));
  const k0 = sub<T>(kM0, cst<T>(MAGIC)), k1 = sub<T>(kM1, cst<T>(MAGIC));
  const k2 = sub<T>(kM2, cst<T>(MAGIC)), k3 = sub<T>(kM3, cst<T>(MAGIC));
  const hi0 = sub<T>(tc0, mul<T>(k0, cst<T>(LN2_HI))), hi1 = sub<T>(tc1, mul<T>(k1, cst<T>(LN2_HI)));
  const hi2 = sub<T>(tc2, mul<T>(k2, cst<T>(LN2_HI))), hi3 = sub<T>(tc3, mul<T>(k3, cst<T>(LN2_HI)));
  const lo0 = mul<T>(k0, cst<T>(LN2_LO)), lo1 = mul<T>(k1, cst<T>(LN2_LO));
  const lo2 = mul<T>(k2, cst<T>(LN2_LO)), lo3 = mul<T>(k3, cst<T>(LN2_LO));
  const r0 = sub<T>(hi0, lo0), r1 = sub<T>(hi1, lo1), r2 = sub<T>(hi2, lo2), r3 = sub<T>(hi3, lo3);
  let p0 = add<T>(cst<T>(E5), mul<T>(r0, cst<T>(E6))), p1 = add<T>(cst<T>(E5), mul<T>(r1, cst<T>(E6)));
  let p2 = add<T>(cst<T>(E5), mul<T>(r2, cst<T>(E6))), p3 = add<T>(cst<T>(E5), mul<T>(r3, cst<T>(E6)));
  p0 = add<T>(cst<T>(E4), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E4), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E4), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E4), mul<T>(r3, p3));
  p0 = add<T>(cst<T>(E3), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E3), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E3), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E3), mul<T>(r3, p3));
  p0 = add<T>(cst<T>(E2), mul<T>(r0, p0)); p1 = add<T>(cst<T>(E2), mul<T>(r1, p1));
  p2 = add<T>(cst<T>(E2), mul<T>(r2, p2)); p3 = add<T>(cst<T>(E2), mul<T>(r3, p3));
  // w = lo - (r·r)·p, with p = E2 + r·(E3 + r·(E4 + r·(E5 + r·E6)))
  const w0 = sub<T>(lo0, mul<T>(mul<T>(r0, r0), p0)), w1 = sub<T>(lo1, mul<T>(mul<T>(r1, r1), p1));
  const w2 = sub<T>(lo2, mul<T>(mul<T>(r2, r2), p2)), w3 = sub<T>(lo3, mul<T>(mul<T>(r3, r3), p3));
  const q0 = sub<T>(hi0, w0), q1 = sub<T>(hi1, w1), q2 = sub<T>(hi2, w2), q3 = sub<T>(hi3, w3);
  const ql0 = sub<T>(sub<T>(hi0, q0), w0), ql1 = sub<T>(sub<T>(hi1, q1), w1);
  const ql2 = sub<T>(sub<T>(hi2, q2), w2), ql3 = sub<T>(sub<T>(hi3, q3), w3);
  const one = cst<T>(ONE);
  const p20 = pow2fInt<T>(intOfM<T>(kM0)), p21 = pow2fInt<T>(intOfM<T>(kM1));
  const p22 = pow2fInt<T>(intOfM<T>(kM2)), p23 = pow2fInt<T>(intOfM<T>(kM3));
  const T10 = sub<T>(one, p20), T11 = sub<T>(one, p21), T12 = sub<T>(one, p22), T13 = sub<T>(one, p23);
  const u0 = mul<T>(p20, q0), u1 = mul<T>(p21, q1), u2 = mul<T>(p22, q2), u3 = mul<T>(p23, q3);
  const mh0 = sub<T>(u0, T10), mh1 = sub<T>(u1, T11), mh2 = sub<T>(u2, T12), mh3 = sub<T>(u3, T13);
  const mln0 = sub<T>(sub<T>(add<T>(T10, mh0), u0), add<T>(sub<T>(p20, sub<T>(one, T10)), mul<T>(p20, ql0)));
  const mln1 = sub<T>(sub<T>(add<T>(T11, mh1), u1), add<T>(sub<T>(p21, sub<T>(one, T11)), mul<T>(p21, ql1)));
  const mln2 = sub<T>(sub<T>(add<T>(T12, mh2), u2), add<T>(sub<T>(p22, sub<T>(one, T12)), mul<T>(p22, ql2)));
  const mln3 = sub<T>(sub<T>(add<T>(T13, mh3), u3), add<T>(sub<T>(p23, sub<T>(one, T13)), mul<T>(p23, ql3)));
  changetype<C>(0).expm1<T>(mh0, mln0, mh1, mln1, mh2, mln2, mh3, mln3, c0, c1, c2, c3, a, b, dst, dy, bwd);
}

/**
 * log1p(eh + el) for eh in [0, 1], |el| <= ulp(eh) (reference: log1pCore32), for two inputs
 * interleaved; hands L0, L1 to C.log1p(L0, L1, context, dst, dy, bwd), which stores the results.
 */
// @ts-ignore: decorator
@inline export function log1pCore32<T, C>(eh0: T, el0: T, eh1: T, el1: T,
  c00: T, c01: T, c02: T, c03: T, c04: T, c05: T, c10: T, c11: T, c12: T, c13: T, c14: T, c15: T,
  a: f32, b: f32, dst: usize, dy: usize, bwd: bool): void {
  const half = cst<T>(HALF), one = cst<T>(ONE), two = cst<T>(TWO);
  const big0 = gt<T>(eh0, half), big1 = gt<T>(eh1, half);
  const fr0 = sel<T>(big0, sub<T>(mul<T>(half, eh0), half), eh0), fr1 = sel<T>(big1, sub<T>(mul<T>(half, eh1), half), eh1);
  const s0 = div<T>(fr0, add<T>(two, fr0)), s1 = div<T>(fr1, add<T>(two, fr1));
  const z0 = mul<T>(s0, s0), z1 = mul<T>(s1, s1);
  let R0 = add<T>(cst<T>(L3), mul<T>(z0, cst<T>(L4))), R1 = add<T>(cst<T>(L3), mul<T>(z1, cst<T>(L4)));
  R0 = add<T>(cst<T>(L2), mul<T>(z0, R0)); R1 = add<T>(cst<T>(L2), mul<T>(z1, R1));
  R0 = add<T>(cst<T>(L1), mul<T>(z0, R0)); R1 = add<T>(cst<T>(L1), mul<T>(z1, R1));
  R0 = mul<T>(z0, R0); R1 = mul<T>(z1, R1);
  const hfsq0 = mul<T>(mul<T>(half, fr0), fr0), hfsq1 = mul<T>(mul<T>(half, fr1), fr1);
  // big ? LN2F_LO : 0 and big ? LN2F : 0 as masks: the false lanes get +0's bits, as the reference.
  const c0 = add<T>(and<T>(big0, cst<T>(LN2F_LO)), mul<T>(el0, recipLine<T>(add<T>(one, eh0))));
  const c1 = add<T>(and<T>(big1, cst<T>(LN2F_LO)), mul<T>(el1, recipLine<T>(add<T>(one, eh1))));
  const v0 = sub<T>(hfsq0, add<T>(mul<T>(s0, add<T>(hfsq0, R0)), c0)), v1 = sub<T>(hfsq1, add<T>(mul<T>(s1, add<T>(hfsq1, R1)), c1));
  const lnh0 = and<T>(big0, cst<T>(LN2F)), lnh1 = and<T>(big1, cst<T>(LN2F));
  const S0 = add<T>(lnh0, fr0), S1 = add<T>(lnh1, fr1);
  const Se0 = add<T>(sub<T>(lnh0, S0), fr0), Se1 = add<T>(sub<T>(lnh1, S1), fr1);
  const L0 = add<T>(S0, sub<T>(Se0, v0)), L1 = add<T>(S1, sub<T>(Se1, v1));
  changetype<C>(0).log1p<T>(L0, L1, c00, c01, c02, c03, c04, c05, c10, c11, c12, c13, c14, c15, a, b, dst, dy, bwd);
}

/**
 * beta·x = th + tl exactly (Dekker, reference: timesExact32): returns tl; th = beta·x is the
 * caller's. bh, bt are beta's halves (loop invariants).
 */
// @ts-ignore: decorator
@inline export function timesExactLow<T>(beta: T, bh: T, bt: T, x: T, th: T): T {
  const xh = high12<T>(x);
  const xt = sub<T>(x, xh);
  return add<T>(add<T>(add<T>(sub<T>(mul<T>(bh, xh), th), mul<T>(bh, xt)), mul<T>(bt, xh)), mul<T>(bt, xt));
}
