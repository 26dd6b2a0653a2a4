// The vector abstraction on AVX-512 (F, BW, DQ, VL): 16 binary64 lanes as two __m512d (two
// independent instructions per operation); masks are k-registers.
#ifndef SA_VEC_H
#define SA_VEC_H

constexpr int LANES = 16;
struct V { __m512d a, b; };
struct M { __mmask8 a, b; };

SA_INLINE V splat(double d) { __m512d s = _mm512_set1_pd(d); return V{s, s}; }
SA_INLINE V operator+(V x, V y) { return V{_mm512_add_pd(x.a, y.a), _mm512_add_pd(x.b, y.b)}; }
SA_INLINE V operator-(V x, V y) { return V{_mm512_sub_pd(x.a, y.a), _mm512_sub_pd(x.b, y.b)}; }
SA_INLINE V operator*(V x, V y) { return V{_mm512_mul_pd(x.a, y.a), _mm512_mul_pd(x.b, y.b)}; }
SA_INLINE V operator/(V x, V y) { return V{_mm512_div_pd(x.a, y.a), _mm512_div_pd(x.b, y.b)}; }
#define SA_CMP(name, pred) \
  SA_INLINE M name(V x, V y) { return M{_mm512_cmp_pd_mask(x.a, y.a, pred), _mm512_cmp_pd_mask(x.b, y.b, pred)}; }
// Ordered, quiet predicates: false when either side is NaN, as in JavaScript.
SA_CMP(lt, _CMP_LT_OQ)
SA_CMP(gt, _CMP_GT_OQ)
SA_CMP(le, _CMP_LE_OQ)
SA_CMP(ge, _CMP_GE_OQ)
SA_CMP(eq, _CMP_EQ_OQ)
#undef SA_CMP
SA_INLINE M isnan(V x) { return M{_mm512_cmp_pd_mask(x.a, x.a, _CMP_UNORD_Q), _mm512_cmp_pd_mask(x.b, x.b, _CMP_UNORD_Q)}; }
SA_INLINE M mand(M x, M y) { return M{static_cast<__mmask8>(x.a & y.a), static_cast<__mmask8>(x.b & y.b)}; }
SA_INLINE M mor(M x, M y) { return M{static_cast<__mmask8>(x.a | y.a), static_cast<__mmask8>(x.b | y.b)}; }
SA_INLINE V sel(M m, V t, V f) { return V{_mm512_mask_blend_pd(m.a, f.a, t.a), _mm512_mask_blend_pd(m.b, f.b, t.b)}; }

SA_INLINE __m512i bitsConst(uint64_t u) { return _mm512_set1_epi64(static_cast<long long>(u)); }
SA_INLINE __m512d andBits(__m512d x, uint64_t u) { return _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(x), bitsConst(u))); }
SA_INLINE __m512d orBits(__m512d x, uint64_t u) { return _mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(x), bitsConst(u))); }
SA_INLINE __m512d xorBits(__m512d x, uint64_t u) { return _mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(x), bitsConst(u))); }
SA_INLINE V vabs(V x) { return V{andBits(x.a, 0x7fffffffffffffffULL), andBits(x.b, 0x7fffffffffffffffULL)}; }
SA_INLINE V negabs(V x) { return V{orBits(x.a, 0x8000000000000000ULL), orBits(x.b, 0x8000000000000000ULL)}; }
SA_INLINE V neg(V x) { return V{xorBits(x.a, 0x8000000000000000ULL), xorBits(x.b, 0x8000000000000000ULL)}; }
SA_INLINE __m512d pow2i1(__m512d k) {
  __m512i t = _mm512_castpd_si512(_mm512_add_pd(k, _mm512_set1_pd(6755399441055744.0)));
  t = _mm512_slli_epi64(_mm512_add_epi64(t, bitsConst(1023)), 52);
  return _mm512_castsi512_pd(t);
}
/** 2^k for an integer-valued k with k + 1023 in [0, 2047] (2047 gives +Inf, as 2^1024 does). */
SA_INLINE V pow2i(V k) { return V{pow2i1(k.a), pow2i1(k.b)}; }
SA_INLINE __m512d exponentOf1(__m512d w) {
  __m512i e = _mm512_and_si512(_mm512_srli_epi64(_mm512_castpd_si512(w), 52), bitsConst(0x7ff));
  __m512d d = _mm512_castsi512_pd(_mm512_or_si512(e, bitsConst(0x4330000000000000ULL)));
  return _mm512_sub_pd(_mm512_sub_pd(d, _mm512_set1_pd(4503599627370496.0)), _mm512_set1_pd(1023.0));
}
/** floor(log2 w) for a positive normal w, from its exponent bits, as a double. */
SA_INLINE V exponentOf(V w) { return V{exponentOf1(w.a), exponentOf1(w.b)}; }
SA_INLINE __m512d mantissa11(__m512d w) { return orBits(andBits(w, 0x000fffffffffffffULL), 0x3ff0000000000000ULL); }
/** w·2^-exponentOf(w) in [1, 2) for a positive normal w (exact). */
SA_INLINE V mantissa1(V w) { return V{mantissa11(w.a), mantissa11(w.b)}; }

/** y·2^k rounded once, for an integer-valued k (vscalefpd); see scaleSplit in math.h. */
#define SA_HAS_SCALEF 1
SA_INLINE V scalef(V y, V k) { return V{_mm512_scalef_pd(y.a, k.a), _mm512_scalef_pd(y.b, k.b)}; }

SA_INLINE V load(const double* p) { return V{_mm512_loadu_pd(p), _mm512_loadu_pd(p + 8)}; }
SA_INLINE V load(const float* p) { return V{_mm512_cvtps_pd(_mm256_loadu_ps(p)), _mm512_cvtps_pd(_mm256_loadu_ps(p + 8))}; }
SA_INLINE void store(double* p, V x) { _mm512_storeu_pd(p, x.a); _mm512_storeu_pd(p + 8, x.b); }
SA_INLINE void store(float* p, V x) { _mm256_storeu_ps(p, _mm512_cvtpd_ps(x.a)); _mm256_storeu_ps(p + 8, _mm512_cvtpd_ps(x.b)); }
/** Math.fround: round to float32 and back. */
SA_INLINE V fround(V x) { return V{_mm512_cvtps_pd(_mm512_cvtpd_ps(x.a)), _mm512_cvtps_pd(_mm512_cvtpd_ps(x.b))}; }
SA_INLINE void storeLanes(double* p, V x) { store(p, x); }


// Float32 lanes, for the piecewise-linear kernels on Float32 data (their float arithmetic is
// exact or rounds once, so it gives the binary64 path's bits at twice the width).
constexpr int LANESF = 32;
struct VF { __m512 a, b; };
struct MF { __mmask16 a, b; };
SA_INLINE VF splatf(float f) { __m512 s = _mm512_set1_ps(f); return VF{s, s}; }
SA_INLINE VF operator*(VF x, VF y) { return VF{_mm512_mul_ps(x.a, y.a), _mm512_mul_ps(x.b, y.b)}; }
SA_INLINE MF lt(VF x, VF y) { return MF{_mm512_cmp_ps_mask(x.a, y.a, _CMP_LT_OQ), _mm512_cmp_ps_mask(x.b, y.b, _CMP_LT_OQ)}; }
SA_INLINE MF gt(VF x, VF y) { return MF{_mm512_cmp_ps_mask(x.a, y.a, _CMP_GT_OQ), _mm512_cmp_ps_mask(x.b, y.b, _CMP_GT_OQ)}; }
SA_INLINE MF isnan(VF x) { return MF{_mm512_cmp_ps_mask(x.a, x.a, _CMP_UNORD_Q), _mm512_cmp_ps_mask(x.b, x.b, _CMP_UNORD_Q)}; }
SA_INLINE VF sel(MF m, VF t, VF f) { return VF{_mm512_mask_blend_ps(m.a, f.a, t.a), _mm512_mask_blend_ps(m.b, f.b, t.b)}; }
SA_INLINE VF loadf(const float* p) { return VF{_mm512_loadu_ps(p), _mm512_loadu_ps(p + 16)}; }
SA_INLINE void storef(float* p, VF x) { _mm512_storeu_ps(p, x.a); _mm512_storeu_ps(p + 16, x.b); }
/** Non-temporal stores (p aligned to the vector: mapLanes' aligned path), then the fence. */
SA_INLINE void streamf(float* p, VF x) { _mm512_stream_ps(p, x.a); _mm512_stream_ps(p + 16, x.b); }
SA_INLINE void stream(double* p, V x) { _mm512_stream_pd(p, x.a); _mm512_stream_pd(p + 8, x.b); }
SA_INLINE void stream(float* p, V x) { _mm256_stream_ps(p, _mm512_cvtpd_ps(x.a)); _mm256_stream_ps(p + 8, _mm512_cvtpd_ps(x.b)); }
SA_INLINE void streamFence() { _mm_sfence(); }

// The float32-arithmetic kernels (math32.h): IEEE binary32 + - * / (no FMA: -ffp-contract=off and
// no fused intrinsics), ordered compares, masks, bit operations, and 2^n from exponent bits.
SA_INLINE VF operator+(VF x, VF y) { return VF{_mm512_add_ps(x.a, y.a), _mm512_add_ps(x.b, y.b)}; }
SA_INLINE VF operator-(VF x, VF y) { return VF{_mm512_sub_ps(x.a, y.a), _mm512_sub_ps(x.b, y.b)}; }
SA_INLINE VF operator/(VF x, VF y) { return VF{_mm512_div_ps(x.a, y.a), _mm512_div_ps(x.b, y.b)}; }
SA_INLINE MF ge(VF x, VF y) { return MF{_mm512_cmp_ps_mask(x.a, y.a, _CMP_GE_OQ), _mm512_cmp_ps_mask(x.b, y.b, _CMP_GE_OQ)}; }
SA_INLINE MF eq(VF x, VF y) { return MF{_mm512_cmp_ps_mask(x.a, y.a, _CMP_EQ_OQ), _mm512_cmp_ps_mask(x.b, y.b, _CMP_EQ_OQ)}; }
SA_INLINE MF mand(MF x, MF y) { return MF{static_cast<__mmask16>(x.a & y.a), static_cast<__mmask16>(x.b & y.b)}; }
SA_INLINE MF mor(MF x, MF y) { return MF{static_cast<__mmask16>(x.a | y.a), static_cast<__mmask16>(x.b | y.b)}; }
SA_INLINE __m512 andBitsf1(__m512 x, uint32_t u) {
  return _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(x), _mm512_set1_epi32(static_cast<int>(u))));
}
SA_INLINE __m512 xorBitsf1(__m512 x, __m512 y) { return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(x), _mm512_castps_si512(y))); }
/** x & u on every lane's bits. */
SA_INLINE VF andBits(VF x, uint32_t u) { return VF{andBitsf1(x.a, u), andBitsf1(x.b, u)}; }
/** x ^ y on the bits (sign transfer). */
SA_INLINE VF xorBits(VF x, VF y) { return VF{xorBitsf1(x.a, y.a), xorBitsf1(x.b, y.b)}; }
SA_INLINE __m512 pow2f1(__m512 n) {
  __m512i i = _mm512_cvtps_epi32(n);
  return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(i, _mm512_set1_epi32(127)), 23));
}
/** 2^n for an integral n in [-126, 127] from exponent bits (other lanes: any value). */
SA_INLINE VF pow2f(VF n) { return VF{pow2f1(n.a), pow2f1(n.b)}; }

/**
 * -min(|v|, c) for a positive c and a non-NaN v (vrangeps: the operand of smaller magnitude, its
 * sign bit set), max(-|v|, -c) in one instruction. A QNaN v gives -c (not a NaN).
 */
#define SA_HAS_RANGE 1
SA_INLINE VF negMinAbsNotNaN(VF v, VF c) { return VF{_mm512_range_ps(v.a, c.a, 0x0e), _mm512_range_ps(v.b, c.b, 0x0e)}; }

/** x | u on every lane's bits (-|x| for u the sign bit: one instruction instead of and, xor). */
#define SA_HAS_ORBITS_F 1
SA_INLINE VF orBits(VF x, uint32_t u) {
  const __m512i m = _mm512_set1_epi32(static_cast<int>(u));
  return VF{_mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x.a), m)), _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(x.b), m))};
}

/** v rounded to an integer, ties to even (vrndscaleps), the value of (v + MAGIC) - MAGIC for |v| < 2^22 (-0 where that gives +0). */
#define SA_HAS_ROUND_EVEN 1
SA_INLINE VF roundEven(VF v) {
  return VF{_mm512_roundscale_ps(v.a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), _mm512_roundscale_ps(v.b, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)};
}

/** t < lo ? lo : t (NaN t stays NaN): maxps returns its second operand unless the first is greater. */
SA_INLINE VF atLeast(VF t, VF lo) { return VF{_mm512_max_ps(lo.a, t.a), _mm512_max_ps(lo.b, t.b)}; }
/** v·2^n rounded once for an integral n (vscalefps): v·pow2f(n) where 2^n is normal. */
SA_INLINE VF scalef(VF v, VF n) { return VF{_mm512_scalef_ps(v.a, n.a), _mm512_scalef_ps(v.b, n.b)}; }

// Between the lane kinds, exact for float32 values (expDiff32 of softmax's Float32 rows): part P of
// a VF as binary64 (P = 0: lanes [0, LANES), P = 1: [LANES, 2 LANES)), and FPARTS V narrowed into
// one VF.
constexpr int FPARTS = LANESF / LANES;
template <int P>
SA_INLINE V widenF(VF x) {
  __m512 h = P == 0 ? x.a : x.b;
  return V{_mm512_cvtps_pd(_mm512_castps512_ps256(h)), _mm512_cvtps_pd(_mm512_extractf32x8_ps(h, 1))};
}
SA_INLINE __m512 narrow1(V x) { return _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(x.a)), _mm512_cvtpd_ps(x.b), 1); }
/**
 * 2^k in binary64, part P (as widenF), from kk = k + 1.5·2^23 in float32, whose bits are
 * 0x4b400000 + k (k integral, -1022 <= k <= 0; expDiff32): exponent bits built with integer
 * operations, which leave the adder pipes to the float arithmetic (widening k and vscalefpd took
 * them). Any other kk (a NaN lane) gives ±0, ±Inf or a power of two, never a NaN: a NaN times it
 * is that NaN, as vscalefpd gives.
 */
#define SA_HAS_POW2_MAGIC 1
template <int P>
SA_INLINE V pow2FromMagic(VF kk) {
  const __m512i b = _mm512_add_epi32(_mm512_castps_si512(P == 0 ? kk.a : kk.b), _mm512_set1_epi32(1023 - 0x4b400000));
  const __m512i lo = _mm512_cvtepu32_epi64(_mm512_castsi512_si256(b));
  const __m512i hi = _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(b, 1));
  return V{_mm512_castsi512_pd(_mm512_slli_epi64(lo, 52)), _mm512_castsi512_pd(_mm512_slli_epi64(hi, 52))};
}
/** The FPARTS vectors p narrowed into one VF, p[P] in part P (the inverse of widenF). */
SA_INLINE VF narrowF(const V* p) { return VF{narrow1(p[0]), narrow1(p[1])}; }
/** One VF from FPARTS runs of LANES floats, run P at p[P] into part P. */
SA_INLINE VF loadParts(const float* const* p) { return VF{_mm512_loadu_ps(p[0]), _mm512_loadu_ps(p[1])}; }

// prelu backward (kernels/prelu.h): the dalpha term added under a mask, prelu's slope by the
// class of x in one vfixupimm, and loads and stores of some lanes only. Masked-off elements are
// neither read nor written (no fault either), so a 16-lane chunk may start before its run.
#define SA_HAS_MASKS 1
SA_INLINE __m512d addNonPositiveProduct1(__m512d acc, __m512d v, __m512d g) {
  // Not greater than 0 (NaN included): the lanes that take g·v; the others keep acc.
  return _mm512_mask_add_pd(acc, _mm512_cmp_pd_mask(v, _mm512_setzero_pd(), _CMP_NGT_UQ), acc, _mm512_mul_pd(g, v));
}
/** acc + (v > 0 ? +0 : g·v), where acc is a lane sum (started at +0, so never -0: adding +0 to it changes no bit). */
SA_INLINE V addNonPositiveProduct(V acc, V v, V g) {
  return V{addNonPositiveProduct1(acc.a, v.a, g.a), addNonPositiveProduct1(acc.b, v.b, g.b)};
}
// vfixupimm's answer per class of v, 4 bits each from class 0: QNaN → v, SNaN → v made quiet,
// ±0 → a, +1 → 1, -Inf → a, +Inf → 1, negative → a, positive → 1 (denormals are values: no DAZ).
constexpr int kPreluSlopeTable = 0xA0A0A021;
/** v > 0 ? 1 : v is NaN ? v : a, prelu'(v) with slope a (the reference's selects). */
SA_INLINE V preluSlope(V v, V a) {
  const __m512i t = _mm512_set1_epi64(kPreluSlopeTable);
  return V{_mm512_fixupimm_pd(a.a, v.a, t, 0), _mm512_fixupimm_pd(a.b, v.b, t, 0)};
}
SA_INLINE VF preluSlopeF(VF v, VF a) {
  const __m512i t = _mm512_set1_epi32(kPreluSlopeTable);
  return VF{_mm512_fixupimm_ps(a.a, v.a, t, 0), _mm512_fixupimm_ps(a.b, v.b, t, 0)};
}
/** Lane l of the 16 from p[l] where bit l of m is set, else +0. */
SA_INLINE V loadMasked(const double* p, unsigned m) {
  return V{_mm512_maskz_loadu_pd(static_cast<__mmask8>(m), p), _mm512_maskz_loadu_pd(static_cast<__mmask8>(m >> 8), p + 8)};
}
SA_INLINE V loadMasked(const float* p, unsigned m) {
  return V{_mm512_cvtps_pd(_mm256_maskz_loadu_ps(static_cast<__mmask8>(m), p)),
           _mm512_cvtps_pd(_mm256_maskz_loadu_ps(static_cast<__mmask8>(m >> 8), p + 8))};
}
/** p[l] = lane l where bit l of m is set; the other elements are not touched. */
SA_INLINE void storeMasked(double* p, V v, unsigned m) {
  _mm512_mask_storeu_pd(p, static_cast<__mmask8>(m), v.a);
  _mm512_mask_storeu_pd(p + 8, static_cast<__mmask8>(m >> 8), v.b);
}
SA_INLINE void storeMasked(float* p, V v, unsigned m) {
  _mm256_mask_storeu_ps(p, static_cast<__mmask8>(m), _mm512_cvtpd_ps(v.a));
  _mm256_mask_storeu_ps(p + 8, static_cast<__mmask8>(m >> 8), _mm512_cvtpd_ps(v.b));
}

// softplus' fast steps (math32.h: softplusUnitFast32): masked arithmetic and integer operations
// on the bits. On Zen 5 float additions, compares, shifts, conversions and vscalefps share the two
// adder pipes, which softplus keeps busiest; bit logic, vpaddd, vpmaxsd / vpmaxud and masked
// moves run on any of the four pipes, vpmulld on the multipliers.
#define SA_HAS_MASKED_F32 1
/** m ? a + b : src, lane by lane (one masked vaddps: the other lanes keep src). */
SA_INLINE VF addWhere(MF m, VF a, VF b, VF src) {
  return VF{_mm512_mask_add_ps(src.a, m.a, a.a, b.a), _mm512_mask_add_ps(src.b, m.b, a.b, b.b)};
}
/** m ? a - b : src. */
SA_INLINE VF subWhere(MF m, VF a, VF b, VF src) {
  return VF{_mm512_mask_sub_ps(src.a, m.a, a.a, b.a), _mm512_mask_sub_ps(src.b, m.b, a.b, b.b)};
}
/** m ? a + b : +0. */
SA_INLINE VF addWhereElseZero(MF m, VF a, VF b) {
  return VF{_mm512_maskz_add_ps(m.a, a.a, b.a), _mm512_maskz_add_ps(m.b, a.b, b.b)};
}
SA_INLINE __m512i bitsf1(__m512 x) { return _mm512_castps_si512(x); }
SA_INLINE __m512 fromBits1(__m512i x) { return _mm512_castsi512_ps(x); }
/** The bits of x as signed integers, at least those of +0: x itself where x > 0 (or x a NaN with
 * the sign bit clear), +0 where x <= 0 (and a NaN with the sign bit set). */
SA_INLINE VF atLeastZeroBits(VF x) {
  const __m512i z = _mm512_setzero_si512();
  return VF{fromBits1(_mm512_max_epi32(bitsf1(x.a), z)), fromBits1(_mm512_max_epi32(bitsf1(x.b), z))};
}
/** Lanes whose bits as a signed integer are <= 0: +0 and the values with the sign bit set. */
SA_INLINE MF bitsAtMostZero(VF x) {
  const __m512i z = _mm512_setzero_si512();
  return MF{_mm512_cmple_epi32_mask(bitsf1(x.a), z), _mm512_cmple_epi32_mask(bitsf1(x.b), z)};
}
/** The larger of the bits of x and y as unsigned integers, lane by lane. */
SA_INLINE VF maxBitsU(VF x, VF y) {
  return VF{fromBits1(_mm512_max_epu32(bitsf1(x.a), bitsf1(y.a))), fromBits1(_mm512_max_epu32(bitsf1(x.b), bitsf1(y.b)))};
}
/** Whether some lane of x has bits above (at least) those of u (the same on every lane) as unsigned integers. */
SA_INLINE bool anyBitsAbove(VF x, VF u) {
  const __m512i m = _mm512_max_epu32(bitsf1(x.a), bitsf1(x.b));
  return _mm512_cmpgt_epu32_mask(m, bitsf1(u.a)) != 0;
}
SA_INLINE bool anyBitsAtLeast(VF x, VF u) {
  const __m512i m = _mm512_max_epu32(bitsf1(x.a), bitsf1(x.b));
  return _mm512_cmpge_epu32_mask(m, bitsf1(u.a)) != 0;
}
/**
 * 2^(k + S) from kk = k + 1.5·2^23 in float32 (bits 0x4b400000 + k) for an integral k with
 * k + S in [-126, 127]: the exponent bits times 2^23 by vpmulld, on the multipliers (a shift would
 * take an adder pipe).
 */
template <int S>
SA_INLINE VF pow2FromMagicF(VF kk) {
  const __m512i o = _mm512_set1_epi32(127 + S - 0x4b400000);
  __m512i m = _mm512_set1_epi32(1 << 23);
#if defined(__GNUC__)
  __asm__("" : "+v"(m));  // an unknown factor to the compiler, which would make vpmulld a shift
#endif
  return VF{fromBits1(_mm512_mullo_epi32(_mm512_add_epi32(bitsf1(kk.a), o), m)),
            fromBits1(_mm512_mullo_epi32(_mm512_add_epi32(bitsf1(kk.b), o), m))};
}

/**
 * c itself, as a value the compiler cannot see through: a product by opaqueF(Cf(2)) stays a vmulps
 * on the multiplier pipes (GCC turns v·2 into v + v, which takes an adder pipe).
 */
#define SA_HAS_OPAQUE_F 1
SA_INLINE VF opaqueF(VF c) {
#if defined(__GNUC__)
  __asm__("" : "+v"(c.a), "+v"(c.b));
#endif
  return c;
}

// Two or four VF as one for the long float32 chains (sigmoid, tanh): see pair.h.
#define SA_HAS_VF_PAIRS 1
#include "pair.h"

#endif
