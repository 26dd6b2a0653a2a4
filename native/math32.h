// The float32-arithmetic building blocks of src/reference/math32.ts (e^t, e^t - 1 and log1p for
// t <= 0, the exact product beta·x, 1/d to 6%, scaling by 2^k in two factors), written once over
// the float lanes VF of the vector abstraction. Every line is the reference's sequence of binary32
// operations in the same order (see the PORTING NOTE in math32.ts; scripts/f32-kernels.h is the
// scalar transcription): no FMA, ordered compares (NaN compares false), selects evaluate both arms.
// Constants are given by their bit patterns, as in the porting note.
//
// Needs from vec/*.h: VF, MF, splatf, + - * /, lt gt ge eq, mand mor, sel, andBits, xorBits, pow2f;
// for expDiff32 also FPARTS, widenF and (math.h) V, pow2i (rowwise.h's Float32 groups: narrowF,
// loadParts). Where the ISA has VF2 and VF4 (vec/pair.h), body.h compiles this file again in
// namespaces wide2 and wide4 with VF and MF those pairs (SA_MATH32_WIDE: expDiff32's binary64
// parts left out; its float32 part expDiffCore32 is in).
#ifndef SA_MATH32_H
#define SA_MATH32_H

/** The float32 constant with bit pattern u, on every lane. */
SA_INLINE VF F32(uint32_t u) {
  float f;
  memcpy(&f, &u, 4);
  return splatf(f);
}
SA_INLINE VF Cf(float f) { return splatf(f); }

namespace m32 {
const uint32_t MAGIC = 0x4b400000;       // 1.5·2^23: (v + MAGIC) - MAGIC rounds to even
const uint32_t INV_LN2 = 0x3fb8aa3b;
const uint32_t LN2_HI = 0x3f317200;      // 15 significant bits: k·LN2_HI is exact
const uint32_t LN2_LO = 0x35bfbe8e;
const uint32_t EXP_T_LO = 0xc2da0000;    // -109
const uint32_t EXPM1_T_LO = 0xc1a00000;  // -20
const uint32_t E2 = 0x3efffffe, E3 = 0x3e2aaa46, E4 = 0x3d2aac2c, E5 = 0x3c091ef0, E6 = 0x3ab563a7;
const uint32_t L1 = 0x3f2aaaaa, L2 = 0x3eccce7a, L3 = 0x3e91d0b3, L4 = 0x3e7b539a;
const uint32_t LN2F = 0x3f317218, LN2F_LO = 0xb102e308;
const uint32_t RA = 0x3fb4b4b5, RB = 0x3ef0f0f1;  // 24/17, 8/17
const uint32_t TWO_M32 = 0x2f800000, TWO_M30 = 0x30800000;
const uint32_t SIGN = 0x80000000u, ABS = 0x7fffffffu, HIGH12 = 0xfffff000u;
}  // namespace m32

/** |v| (clears the sign bit). */
SA_INLINE VF fabs32(VF v) { return andBits(v, m32::ABS); }
/** v with its 12 low fraction bits cleared: v - high12(v) is exact, both halves have 12 bits. */
SA_INLINE VF high12(VF v) { return andBits(v, m32::HIGH12); }
/** -v as JavaScript's unary minus: the sign bit flipped (-(+0) = -0, unlike 0 - v). */
SA_INLINE VF neg32(VF v) { return xorBits(v, F32(m32::SIGN)); }
/** -|v|, bit for bit (-0 for ±0). */
SA_INLINE VF negabs32(VF v) { return xorBits(fabs32(v), F32(m32::SIGN)); }
/** x < 0 || 1/x < 0 ? -t : t, i.e. t with its sign flipped where x has its sign bit set (a NaN x
 * gives a NaN t, whose sign does not matter). */
SA_INLINE VF flipSignBy32(VF t, VF x) { return xorBits(t, andBits(x, m32::SIGN)); }

/** recipLine: 1/d for d in [1, 2] to 6%, the minimax line 24/17 - 8/17·d. */
SA_INLINE VF recipLine(VF d) { return F32(m32::RA) - F32(m32::RB) * d; }

/**
 * scale2: v·2^floor(k/2)·2^(k - floor(k/2)) (floor(k/2) by the reference's float steps). Each
 * product by a normal power of two rounds once: vscalefps gives the same bits.
 */
SA_INLINE VF scale2(VF v, VF k) {
  VF k1 = ((k * Cf(0.5f) - Cf(0.25f)) + F32(m32::MAGIC)) - F32(m32::MAGIC);
#ifdef SA_HAS_SCALEF
  return scalef(scalef(v, k1), k - k1);
#else
  return (v * pow2f(k1)) * pow2f(k - k1);
#endif
}

/**
 * scale2(v, k) for v in [1, 4) (selu'): v·2^floor(k/2) is normal and exact for k >= -157, so the
 * result is v·2^k rounded once: one vscalefps on AVX-512.
 */
SA_INLINE VF scale2Normal(VF v, VF k) {
#ifdef SA_HAS_SCALEF
  return scalef(v, k);
#else
  return scale2(v, k);
#endif
}

/** expCore32's result: e^(t + tl) = (y + yl)·2^k. */
struct Exp32 { VF y, yl, k; };
/** expm1Core32's result: e^t - 1 = mh - mln. */
struct Pair32 { VF h, l; };

/**
 * The Cody–Waite reduction and polynomial shared by every expCore32 / expm1Core32: q + ql = e^r - 1.
 * Without a low part (HasTl = false) the subtraction of tl = ±0 is left out: it changes no bit.
 */
/** expReduce32 from k = round(tc·INV_LN2) on. */
template <bool HasTl>
SA_INLINE void expReduceFromK32(VF tc, VF tl, VF k, VF& q, VF& ql) {
  VF hi = tc - k * F32(m32::LN2_HI);
  VF lo = k * F32(m32::LN2_LO);
  if constexpr (HasTl) lo = lo - tl;
  VF r = hi - lo;
  VF p = F32(m32::E2) + r * (F32(m32::E3) + r * (F32(m32::E4) + r * (F32(m32::E5) + r * F32(m32::E6))));
  VF w = lo - (r * r) * p;
  q = hi - w;
  ql = (hi - q) - w;
}
template <bool HasTl = true>
SA_INLINE void expReduce32(VF tc, VF tl, VF& k, VF& q, VF& ql, VF& kk) {
  kk = (tc * F32(m32::INV_LN2)) + F32(m32::MAGIC);  // its bits: 0x4b400000 + k
  k = kk - F32(m32::MAGIC);
  expReduceFromK32<HasTl>(tc, tl, k, q, ql);
}
template <bool HasTl = true>
SA_INLINE void expReduce32(VF tc, VF tl, VF& k, VF& q, VF& ql) {
  VF kk;
  expReduce32<HasTl>(tc, tl, k, q, ql, kk);
}

/** expCore32(t, tl) for t <= 0 or NaN. */
SA_INLINE Exp32 expCore32(VF t, VF tl) {
  VF tc = atLeast(t, F32(m32::EXP_T_LO));  // t < EXP_T_LO ? EXP_T_LO : t
  VF k, q, ql;
  expReduce32(tc, tl, k, q, ql);
  VF y = Cf(1) + q;
  VF yl = ((Cf(1) - y) + q) + ql;
  return Exp32{y, yl, k};
}
/**
 * expCore32(t) (below) from tc = t < EXP_T_LO ? EXP_T_LO : t and v = tc·INV_LN2 (bit for bit; the
 * caller may have it sooner). With SA_HAS_ROUND_EVEN, k = (v + MAGIC) - MAGIC as one vrndscaleps:
 * the same k, except -0 for +0 where -0.5 < v < 0, which changes no bit of bell32's result (all
 * 2^32 inputs of sigmoid' and tanh' checked against the two additions).
 */
SA_INLINE Exp32 expCore32Clamped(VF tc, VF v) {
#ifdef SA_HAS_ROUND_EVEN
  VF k = roundEven(v);
#else
  VF k = (v + F32(m32::MAGIC)) - F32(m32::MAGIC);
#endif
  VF q, ql;
  expReduceFromK32<false>(tc, tc, k, q, ql);
  VF y = Cf(1) + q;
  VF yl = ((Cf(1) - y) + q) + ql;
  return Exp32{y, yl, k};
}
/**
 * expCore32(t, ±0): lo = k·LN2_LO - (±0) is k·LN2_LO bit for bit (a nonzero value is unchanged,
 * and a zero k·LN2_LO is +0, since k = (v + MAGIC) - MAGIC is never -0), so the subtraction goes.
 */
SA_INLINE Exp32 expCore32(VF t) {
  VF tc = atLeast(t, F32(m32::EXP_T_LO));
  VF k, q, ql;
  expReduce32<false>(tc, tc, k, q, ql);
  VF y = Cf(1) + q;
  VF yl = ((Cf(1) - y) + q) + ql;
  return Exp32{y, yl, k};
}

/**
 * expDiff32's float32 part (see below): e^(v - m) = (y + yl)·2^k, y and yl already +0 where
 * t = v - m < -109. Compiled on the pairs too (rowwise.h's expRange: eight chains on AVX-512).
 */
struct ExpDiffF32 { VF y, yl, k, kk; };
SA_INLINE ExpDiffF32 expDiffCore32(VF v, VF m, VF nm) {
  VF t = v - m;
  VF b = t - v;
  VF tl = (v - (t - b)) + (nm - b);
  // expCore32(t, tl), keeping kk (k's bits) for the binary64 scaling.
  VF tc = atLeast(t, F32(m32::EXP_T_LO));
  VF k, q, ql, kk;
  expReduce32(tc, tl, k, q, ql, kk);
  VF y = Cf(1) + q;
  VF yl = ((Cf(1) - y) + q) + ql;
  MF under = lt(t, F32(m32::EXP_T_LO));
  return ExpDiffF32{sel(under, Cf(0), y), sel(under, Cf(0), yl), k, kk};
}

#ifndef SA_MATH32_WIDE  // binary64 parts: not for the pairs (see body.h)
/**
 * expDiff32 (reference math32.ts): e^(v - m) in binary64 for float32 v <= m, a Float32 softmax
 * row's elements and shift, on all LANESF float lanes: softmax's exponential is the bulk of its
 * work, and float lanes are twice as many as binary64 ones (binary64 for the sum only starts after
 * expCore32). v - m = t + tl exactly by a float32 TwoSum; expCore32 on float lanes; then, per
 * binary64 part, (y + yl)·2^k with one rounding of y + yl and an exact 2^k (k >= -157, normal:
 * a plain product, or one vscalefpd). The reference's `t < -109 ? 0 : ...` is taken on y and yl
 * before the widening (two float selects instead of widened compares): there k = -157, so (0 + 0)·2^k
 * is the same +0. NaN lanes (v or m NaN, +Inf - +Inf) have a NaN y and stay NaN whatever 2^k
 * their k gives. nm = -m as JavaScript's unary minus (neg32), hoisted by the caller.
 */
struct ExpDiff32 { V part[FPARTS]; };
SA_INLINE V scaleExact(V s, V k) {
#ifdef SA_HAS_SCALEF
  return scalef(s, k);
#else
  return s * pow2i(k);
#endif
}
template <int P>
SA_INLINE void expDiffParts(ExpDiff32& r, VF y, VF yl, VF k, VF kk) {
  if constexpr (P < FPARTS) {
#ifdef SA_HAS_POW2_MAGIC
    (void)k;
    r.part[P] = (widenF<P>(y) + widenF<P>(yl)) * pow2FromMagic<P>(kk);
#else
    (void)kk;
    r.part[P] = scaleExact(widenF<P>(y) + widenF<P>(yl), widenF<P>(k));
#endif
    expDiffParts<P + 1>(r, y, yl, k, kk);
  }
}
SA_INLINE ExpDiff32 expDiff32(VF v, VF m, VF nm) {
  ExpDiffF32 x = expDiffCore32(v, m, nm);
  ExpDiff32 r;
  expDiffParts<0>(r, x.y, x.yl, x.k, x.kk);
  return r;
}
/** The binary64 parts of expDiffCore32's result (one VF of them) stored at p, in order. */
SA_INLINE void storeExpDiff(double* p, VF y, VF yl, VF k, VF kk) {
  ExpDiff32 r;
  expDiffParts<0>(r, y, yl, k, kk);
  for (int i = 0; i < FPARTS; i++) store(p + i * LANES, r.part[i]);
}
#ifdef SA_HAS_VF_PAIRS
/** The same for the pairs (vec/pair.h) of wide2::expDiffCore32 / wide4::expDiffCore32, VF by VF. */
template <class T>
SA_INLINE void storeExpDiff(double* p, VPair<T> y, VPair<T> yl, VPair<T> k, VPair<T> kk) {
  storeExpDiff(p, y.lo, yl.lo, k.lo, kk.lo);
  storeExpDiff(p + sizeof(T) / sizeof(VF) * LANESF, y.hi, yl.hi, k.hi, kk.hi);
}
#endif
#endif

/**
 * e^t = eh + el at its true scale: eh = (y·2^(k+32))·2^-32 and el likewise, as the reference
 * writes it. For t >= -109, k >= -157, so y·2^(k+32) is normal and exact and only the second
 * product rounds: that is y·2^k rounded once, which vscalefps computes in one instruction. For yl,
 * yl·2^(k+32) can be subnormal (and rounded) only where it is below 2^-126, and then both ways
 * give a zero of yl's sign (below 2^-158 after the second product).
 */
struct Scaled32 { VF eh, el; };
SA_INLINE Scaled32 scaleDown32(const Exp32& e) {
#ifdef SA_HAS_SCALEF
  return Scaled32{scalef(e.y, e.k), scalef(e.yl, e.k)};
#else
  VF sc = pow2f(e.k + Cf(32));
  return Scaled32{(e.y * sc) * F32(m32::TWO_M32), (e.yl * sc) * F32(m32::TWO_M32)};
#endif
}

/** expm1Core32(t) for t <= 0 or NaN (tl = 0: k·LN2_LO - 0 is k·LN2_LO, bit for bit). */
SA_INLINE Pair32 expm1Core32(VF t) {
  VF tc = atLeast(t, F32(m32::EXPM1_T_LO));  // t < EXPM1_T_LO ? EXPM1_T_LO : t
  VF k, q, ql;
  expReduce32<false>(tc, tc, k, q, ql);
  VF p2 = pow2f(k);
  VF T1 = Cf(1) - p2;
  VF u = p2 * q;
  VF mh = u - T1;
  VF mln = ((T1 + mh) - u) - ((p2 - (Cf(1) - T1)) + p2 * ql);
  return Pair32{mh, mln};
}

/** log1pCore32(eh, el) for eh in [0, 1], |el| <= ulp(eh). */
SA_INLINE VF log1pCore32(VF eh, VF el) {
  MF big = gt(eh, Cf(0.5f));
  VF fr = sel(big, Cf(0.5f) * eh - Cf(0.5f), eh);
  VF s = fr / (Cf(2) + fr);
  VF z = s * s;
  VF R = z * (F32(m32::L1) + z * (F32(m32::L2) + z * (F32(m32::L3) + z * F32(m32::L4))));
  VF hfsq = (Cf(0.5f) * fr) * fr;
  VF c = sel(big, F32(m32::LN2F_LO), Cf(0)) + el * recipLine(Cf(1) + eh);
  VF v = hfsq - (s * (hfsq + R) + c);
  VF lnh = sel(big, F32(m32::LN2F), Cf(0));
  VF S = lnh + fr;
  VF Se = (lnh - S) + fr;  // Fast2Sum: ln2 + f = S + Se exactly
  return S + (Se - v);
}

/** timesExact32: beta·x = h + l exactly (Dekker's product on 12-bit halves). */
SA_INLINE Pair32 timesExact32(VF beta, VF x) {
  VF bh = high12(beta), bt = beta - bh, xh = high12(x), xt = x - xh;
  VF th = beta * x;
  VF tl = (((bh * xh - th) + bh * xt) + bt * xh) + bt * xt;
  return Pair32{th, tl};
}

/** The end of sigmoidPair32 from e^-|t| = eh + el: n/(1 + e) with one correction. */
SA_INLINE VF sigmoidTail32(MF pos, Scaled32 e) {
  VF d = Cf(1) + e.eh;
  VF dl = ((Cf(1) - d) + e.eh) + e.el;
  VF nh = sel(pos, Cf(1), e.eh);
  VF nl = sel(pos, Cf(0), e.el);
  VF s0 = nh / d;
  return s0 + ((nl - s0 * dl) * recipLine(d));
}

/** sigmoidPair32 (src/reference/sigmoid.ts): sigmoid(th + tl). */
SA_INLINE VF sigmoidPair32(VF th, VF tl) {
  MF pos = ge(th, Cf(0));
  VF an = sel(pos, neg32(th), th);
  VF anl0 = sel(pos, neg32(tl), tl);
  VF anl = sel(lt(an, F32(m32::EXP_T_LO)), Cf(0), anl0);
  return sigmoidTail32(pos, scaleDown32(expCore32(an, anl)));
}

/**
 * sigmoid(x) = sigmoidPair32(x, 0), bit for bit. With tl = 0 the reference's selects on the low
 * part only give ±0 (expCore32(t) shows why that is not needed), and an = pos ? -x : x is -|x|
 * except for x = -0, where it is +0 instead of -0: e^±0 gives the same y = 1, yl = +0, k = 0
 * (the zero signs in between wash out: 1 + (±0) = 1, ((1 - 1) + (±0)) + (+0) = +0).
 */
SA_INLINE VF sigmoid32(VF x) { return sigmoidTail32(ge(x, Cf(0)), scaleDown32(expCore32(negabs32(x)))); }

/** tanh32 (src/reference/tanh.ts): -mh/(2 + mh) with a first-order correction, m = expm1(-2|x|). */
SA_INLINE VF tanh32(VF x) {
  VF a = fabs32(x);
  Pair32 m = expm1Core32(Cf(-2) * a);
  VF D = Cf(2) + m.h;
  VF Dl = ((Cf(2) - D) + m.h) - m.l;
  VF t0 = neg32(m.h) / D;
  VF t = t0 + ((m.l - t0 * Dl) * recipLine(D));
  return flipSignBy32(t, x);
}

/**
 * bell32 (src/reference/sigmoid.ts): 2^S e/(1 + e)^2 with e = e^t, t <= 0, scale = 2^(S-32)
 * (S = 0: sigmoid', S = 2: tanh'). nh = (y·2^(k+32))·2^(S-32) is y·2^(k+S) rounded once, as in
 * scaleDown32 (for S = 0 it is eh itself). tc = max(t, EXP_T_LO) and v = tc·INV_LN2 (bit for bit)
 * come from the caller.
 */
template <int S>
SA_INLINE VF bell32(VF tc, VF v) {
  VF eh, el, nh, nl;
#ifdef SA_HAS_MASKED_F32
  // AVX-512: the reference's own scaling, ys = y·2^(k+32) and yls = yl·2^(k+32) (exact: k >= -157,
  // so 2^(k+32) is normal), then eh = ys·2^-32, nh = ys·2^(S-32) and so on, all on the multiplier
  // pipes; 2^(k+32) from the bits of kk = v + MAGIC (vpaddd, vpmulld), k itself by vrndscaleps
  // (as expCore32Clamped). vscalefps, shorter, holds both adder pipes for a cycle on Zen 5 (as
  // many as two additions), and the adders are this kernel's bottleneck.
  {
    VF kk = v + F32(m32::MAGIC);
    VF k = roundEven(v);
    VF q, ql;
    expReduceFromK32<false>(tc, tc, k, q, ql);
    VF y = Cf(1) + q;
    VF yl = ((Cf(1) - y) + q) + ql;
    VF sc = pow2FromMagicF<32>(kk);
    VF ys = y * sc, yls = yl * sc;
    eh = ys * F32(m32::TWO_M32);
    el = yls * F32(m32::TWO_M32);
    if (S == 0) {
      nh = eh;
      nl = el;
    } else {
      VF scale = F32(0x2f800000u + (static_cast<uint32_t>(S) << 23));  // 2^(S-32)
      nh = ys * scale;
      nl = yls * scale;
    }
  }
#else
  Exp32 x = expCore32Clamped(tc, v);
  Scaled32 e = scaleDown32(x);
  eh = e.eh;
  el = e.el;
  if (S == 0) {
    nh = eh;
    nl = el;
  } else {
#ifdef SA_HAS_SCALEF
    VF kS = x.k + Cf(static_cast<float>(S));
    nh = scalef(x.y, kS);
    nl = scalef(x.yl, kS);
#else
    VF sc = pow2f(x.k + Cf(32));
    VF scale = F32(0x2f800000u + (static_cast<uint32_t>(S) << 23));  // 2^(S-32)
    nh = (x.y * sc) * scale;
    nl = (x.yl * sc) * scale;
#endif
  }
#endif
  VF d = Cf(1) + eh;
  VF dl = ((Cf(1) - d) + eh) + el;
  VF dh = high12(d), dt = d - dh;
  VF D = d * d;
  // dh + dh and d + d as products by 2: the same bits for every input (both are 2v rounded once),
  // on the multiplier instead of the adder, which this kernel keeps busier (opaqueF: else GCC
  // turns them back into additions).
#ifdef SA_HAS_OPAQUE_F
  VF two = opaqueF(Cf(2));
#else
  VF two = Cf(2);
#endif
  VF Dl = ((((dh * dh) - D) + ((dh * two) * dt)) + (dt * dt)) + ((d * two) * dl);
  // The same operations on the same operands as the reference, each as soon as its operands are
  // ready, so that fewer values are live at once (d, Dl, nh and D die early): on VF3 that spills
  // less, 2-3% at 64K and 1M.
  VF R = recipLine(d);
  VF RR = R * R;
  VF b0 = nh / D;
  VF bDl = b0 * Dl;
  VF Dh = high12(D), Dt = D - Dh;
  VF bh = high12(b0);
  VF bt = b0 - bh;
#ifdef SA_HAS_MASKED_F32
  // rho = nh - b0·D, the division's remainder, exactly (see below), subtracting the four exact
  // partial products from nh largest first: every step is exact, so rho is the same value with
  // two additions and a product fewer (p = b0·D is not needed).
  VF rho = (((nh - bh * Dh) - bh * Dt) - bt * Dh) - bt * Dt;
#else
  VF p = b0 * D;
  VF np = nh - p;
  VF pe = (bh * Dh) - p;
  pe = pe + (bh * Dt);
  pe = pe + (bt * Dh);
  pe = pe + (bt * Dt);
  VF rho = np - pe;  // (nh - p) - pe, pe = ((((bh·Dh) - p) + bh·Dt) + bt·Dh) + bt·Dt
#endif
  return b0 + (((rho + nl) - bDl) * RR);
}

/**
 * The rest of softplus32 (src/reference/softplus.ts) from e^-|t| = (y + yl)·2^k, pos = t > 0 and
 * an = -|t|: (pos ? x : 0) + log1p(e)/beta, or below e^-21 the division at scale 2^32. DIV = false
 * for beta = 1, where v/1 = v bit for bit (NaN and signed zeros included), so it is skipped.
 */
template <bool DIV>
SA_INLINE VF softplusTail32(VF x, MF pos, VF an, const Exp32& e, VF beta) {
  VF sc = pow2f(e.k + Cf(32));
  VF ys = e.y * sc, yls = e.yl * sc;
  VF L = log1pCore32(ys * F32(m32::TWO_M32), yls * F32(m32::TWO_M32));
  MF tiny = lt(an, F32(0xc1a80000));  // SOFTPLUS_TINY = -21: e^-21 < 2^-30
  VF v = sel(tiny, ys + yls, L);
  if (DIV) v = v / beta;
  return sel(pos, x, Cf(0)) + (v * sel(tiny, F32(m32::TWO_M32), Cf(1)));
}

#ifdef SA_HAS_MASKED_F32
/**
 * softplus32 (any beta, or beta = 1: below) where every lane has |t| < min(thr, 21) (t = beta·x,
 * not NaN; for beta = 1, |x| <= min(thr, 21)): none is above the threshold or tiny, so the result
 * is (t > 0 ? x : +0) + L/beta, L = log1pCore32(e^an). The same operations on the lanes, with
 * these differences, none of which changes a bit:
 * - no clamp of an (an >= -21 > -109), and eh = y·2^k, el = yl·2^k as single products (k >= -30:
 *   the reference's y·2^(k+32) is exact, so its product by 2^-32 is y·2^k rounded once), 2^k
 *   from kk's bits;
 * - log1pCore32's selects as masked operations that leave the other lanes as they are: fr, and
 *   S = fr where !big (+0 + fr = fr, fr = eh > 0), Se = +0 there ((+0 - fr) + fr = +0 exactly),
 *   c = t there instead of +0 + t, which differs only for t = -0: c is added to s·(hfsq + R) > 0
 *   (fr >= e^-21), where ±0 both give the same sum;
 * - the tail's v·1 is v, and the selects on tiny and on the threshold always take the same arm;
 *   +0 + v is v itself where t <= 0, so x is added under a mask (for beta = 1, x+ by vpmaxsd
 *   instead: x > 0 ? x : +0): v = L/beta is neither ±0 nor NaN (L > e^-21/2; |th| < 21 rules
 *   out a NaN or infinite beta; beta = ±0 gives ±Inf).
 * The fast form's test is on the bits: as unsigned integers those of -|t| (sign bit set) are below
 * (beta = 1: at most) those of -min(thr, 21) exactly where |t| < min(thr, 21) (a negative thr:
 * never; NaN t: never). kernels/softplus.h runs the general forms out of line where it fails.
 * e^an = eh + el:
 */
struct SoftplusFastE32 { VF eh, el; };
template <bool HasTl>
SA_INLINE SoftplusFastE32 softplusFastExp32(VF an, VF anl) {
  VF kk = (an * F32(m32::INV_LN2)) + F32(m32::MAGIC);  // expReduce32 with 2^k early
  VF p2 = pow2FromMagicF<0>(kk);
  VF k = kk - F32(m32::MAGIC), q, ql;
  expReduceFromK32<HasTl>(an, anl, k, q, ql);
  VF y = Cf(1) + q;
  VF yl = ((Cf(1) - y) + q) + ql;
  return SoftplusFastE32{y * p2, yl * p2};
}
/** L = log1pCore32(eh, el) with masked operations for its selects. */
SA_INLINE VF softplusFastLog32(SoftplusFastE32 e) {
  MF big = gt(e.eh, Cf(0.5f));
  VF fr = subWhere(big, Cf(0.5f) * e.eh, Cf(0.5f), e.eh);
  VF s = fr / (Cf(2) + fr);
  VF hfsq = (Cf(0.5f) * fr) * fr;
  VF t = e.el * recipLine(Cf(1) + e.eh);
  VF c = addWhere(big, F32(m32::LN2F_LO), t, t);
  VF S = addWhere(big, F32(m32::LN2F), fr, fr);
  VF Se = addWhereElseZero(big, F32(m32::LN2F) - S, fr);
  VF z = s * s;
  VF R = z * (F32(m32::L1) + z * (F32(m32::L2) + z * (F32(m32::L3) + z * F32(m32::L4))));
  VF v = hfsq - (s * (hfsq + R) + c);
  return S + (Se - v);
}
/** min(thr, 21) (21 for a NaN thr, which no t is above). */
SA_INLINE VF softplusFastLimit(VF thr) { return sel(lt(thr, F32(0x41a80000)), thr, F32(0x41a80000)); }
#endif
/**
 * softplus32 for beta = 1 (the default), threshold thr: the same bits as with beta = 1 given (the
 * loop picks this per call): t = x exactly, and Dekker's low part is +0 for finite x
 * (((xh - x) + xt) + 0·xh) + 0·xt) and NaN for infinite x, where the clamp an < -109 zeroes it
 * anyway. So the threshold test is x > thr, expCore32 needs no low part (see expCore32(t)),
 * an = -|x| (x = +0 gives -0 instead of +0, which e^an does not see: see sigmoid32), and the
 * division by 1 goes. With SA_HAS_MASKED_F32, the fast form above where all lanes have
 * |x| <= min(thr, 21).
 */
SA_INLINE VF softplusUnitGeneric32(VF x, VF thr) {
  VF an = negabs32(x);
  return sel(gt(x, thr), x, softplusTail32<false>(x, gt(x, Cf(0)), an, expCore32(an), Cf(1)));
}
#ifdef SA_HAS_MASKED_F32
/** The fast form into y where it applies to all lanes (then true). */
SA_INLINE bool softplusUnitFast32(VF x, VF thr, VF& y) {
  VF an = orBits(x, m32::SIGN);
  if (anyBitsAbove(an, neg32(softplusFastLimit(thr)))) return false;
  y = atLeastZeroBits(x) + softplusFastLog32(softplusFastExp32<false>(an, an));
  return true;
}
#endif
SA_INLINE VF softplusUnit32(VF x, VF thr) {
#ifdef SA_HAS_MASKED_F32
  VF y;
  if (softplusUnitFast32(x, thr, y)) return y;
#endif
  return softplusUnitGeneric32(x, thr);
}
/** softplus32 for any beta (src/reference/softplus.ts), threshold thr: the exact beta·x = th + tl,
 * above the threshold where th > thr, or th == thr and tl > 0; else (t > 0 ? x : 0) + log1p(e^-|t|)/beta.
 * With SA_HAS_MASKED_F32, the fast form above where all lanes have |th| < min(thr, 21) (strictly:
 * th == thr is above for tl > 0), tested on the bits of -|th| as for beta = 1. */
SA_INLINE MF softplusAbove32(Pair32 t, VF thr) { return mor(gt(t.h, thr), mand(eq(t.h, thr), gt(t.l, Cf(0)))); }
/** softplus32 without the fast form. */
SA_INLINE VF softplusGeneric32(VF x, VF beta, VF thr) {
  Pair32 t = timesExact32(beta, x);
  MF pos = gt(t.h, Cf(0));
  VF an = sel(pos, neg32(t.h), t.h);
  VF anl0 = sel(pos, neg32(t.l), t.l);
  VF anl = sel(lt(an, F32(m32::EXP_T_LO)), Cf(0), anl0);
  return sel(softplusAbove32(t, thr), x, softplusTail32<true>(x, pos, an, expCore32(an, anl), beta));
}
#ifdef SA_HAS_MASKED_F32
/** The fast form into y where it applies to all lanes (then true). */
SA_INLINE bool softplusFast32(VF x, VF beta, VF thr, VF& y) {
  // th = beta·x alone first (timesExact32's th): where the test fails, only this product is lost.
  if (anyBitsAtLeast(orBits(beta * x, m32::SIGN), neg32(softplusFastLimit(thr)))) return false;
  Pair32 t = timesExact32(beta, x);
  MF pos = gt(t.h, Cf(0));
  VF an = sel(pos, neg32(t.h), t.h);
  VF anl0 = sel(pos, neg32(t.l), t.l);
  VF v = softplusFastLog32(softplusFastExp32<true>(an, anl0)) / beta;
  y = addWhere(pos, x, v, v);
  return true;
}
#endif
SA_INLINE VF softplus32(VF x, VF beta, VF thr) {
#ifdef SA_HAS_MASKED_F32
  VF y;
  if (softplusFast32(x, beta, thr, y)) return y;
#endif
  return softplusGeneric32(x, beta, thr);
}
/** softplus' for any beta: sigmoidPair32 of the exact beta·x, 1 above the threshold. */
SA_INLINE VF softplusDeriv32(VF x, VF beta, VF thr) {
  Pair32 t = timesExact32(beta, x);
  return sel(softplusAbove32(t, thr), Cf(1), sigmoidPair32(t.h, t.l));
}
/** softplus' for beta = 1: sigmoidPair32(x, +0 or NaN) = sigmoid32(x) (the NaN low part only where it is clamped). */
SA_INLINE VF softplusDerivUnit32(VF x, VF thr) { return sel(gt(x, thr), Cf(1), sigmoid32(x)); }

/** elu (kernels/elu.h) on Float32 data: x > 0 ? x : alpha·mh - alpha·mln. */
SA_INLINE VF elu32(VF x, VF alpha) {
  Pair32 m = expm1Core32(x);
  return sel(gt(x, Cf(0)), x, alpha * m.h - alpha * m.l);
}
/** elu': alpha·e^x = (alpha·y + alpha·yl)·2^k, 2^k last. */
SA_INLINE VF eluDeriv32(VF x, VF alpha) {
  Exp32 e = expCore32(x);
  return sel(gt(x, Cf(0)), Cf(1), scale2(alpha * e.y + alpha * e.yl, e.k));
}

namespace m32 {
// selu's scale and scale·alpha as float32 pairs (kernels/selu.h).
const uint32_t SELU_SD = 0x3f867d5e, SELU_SDL = 0x33b5488a, SELU_SAH = 0x3fe10966, SELU_SAL = 0x32c81e06,
               SELU_SH = 0x3f867d5f;
}  // namespace m32
/** selu on Float32 data: scale·x = SD·x + SDL·x; scale·alpha·(mh - mln) = SAH·mh - (SAH·mln - SAL·mh). */
SA_INLINE VF selu32(VF x) {
  Pair32 m = expm1Core32(x);
  VF neg = F32(m32::SELU_SAH) * m.h - (F32(m32::SELU_SAH) * m.l - F32(m32::SELU_SAL) * m.h);
  VF pos = F32(m32::SELU_SD) * x + F32(m32::SELU_SDL) * x;
  return sel(gt(x, Cf(0)), pos, neg);
}
/** selu': scale·alpha·e^x = (SAH·y + (SAH·yl + SAL·y))·2^k, the power of two last (the sum is in [1.2, 2.5]). */
SA_INLINE VF seluDeriv32(VF x) {
  Exp32 e = expCore32(x);
  VF neg = scale2Normal(F32(m32::SELU_SAH) * e.y + (F32(m32::SELU_SAH) * e.yl + F32(m32::SELU_SAL) * e.y), e.k);
  return sel(gt(x, Cf(0)), F32(m32::SELU_SH), neg);
}

/** max(-|v|, lo), bit for bit (a NaN v gives a NaN). */
SA_INLINE VF negAbsClamped32(VF v, VF lo) {
#ifdef SA_HAS_ORBITS_F
  return atLeast(orBits(v, m32::SIGN), lo);  // -|v| = v with its sign bit set
#else
  return atLeast(negabs32(v), lo);
#endif
}
/** sigmoid'(x) = bell32<0>(-|x|) and tanh'(x) = bell32<2>(-2|x|). */
SA_INLINE VF sigmoidDeriv32(VF x) {
  VF tc = negAbsClamped32(x, F32(m32::EXP_T_LO));
  return bell32<0>(tc, tc * F32(m32::INV_LN2));
}
/**
 * tanh': tc = max(-2|x|, -109) = 2m with m = max(-|x|, -54.5), and tc·INV_LN2 as m·(2·INV_LN2):
 * both products are the exact 2m·INV_LN2 rounded once, and the second need not wait for tc. With
 * SA_HAS_RANGE that m is one vrangeps instead of or and max: for a QNaN x it gives -54.5 instead
 * of a NaN, but tc stays NaN, so do q, y and the result (NaN results may differ in payload only).
 * +2 to 5% for tanh' on Zen 5; sigmoid' ran no faster with it, so it keeps or and max.
 */
SA_INLINE VF tanhDeriv32(VF x) {
  VF m = negAbsClamped32(x, F32(0xc25a0000));  // -54.5
#ifdef SA_HAS_RANGE
  return bell32<2>(Cf(2) * m, negMinAbsNotNaN(x, F32(0x425a0000)) * F32(0x4038aa3bu));  // 2·INV_LN2
#else
  return bell32<2>(Cf(2) * m, m * F32(0x4038aa3bu));  // 2·INV_LN2
#endif
}

#endif
