// The vector abstraction on AVX2: 8 binary64 lanes as two __m256d (two independent instructions
// per operation). Built with -mavx2 and without -mfma, so no fused multiply-add can appear.
#ifndef SA_VEC_H
#define SA_VEC_H

constexpr int LANES = 8;
struct V { __m256d a, b; };
struct M { __m256d a, b; };

SA_INLINE V splat(double d) { __m256d s = _mm256_set1_pd(d); return V{s, s}; }
SA_INLINE V operator+(V x, V y) { return V{_mm256_add_pd(x.a, y.a), _mm256_add_pd(x.b, y.b)}; }
SA_INLINE V operator-(V x, V y) { return V{_mm256_sub_pd(x.a, y.a), _mm256_sub_pd(x.b, y.b)}; }
SA_INLINE V operator*(V x, V y) { return V{_mm256_mul_pd(x.a, y.a), _mm256_mul_pd(x.b, y.b)}; }
SA_INLINE V operator/(V x, V y) { return V{_mm256_div_pd(x.a, y.a), _mm256_div_pd(x.b, y.b)}; }
#define SA_CMP(name, pred) \
  SA_INLINE M name(V x, V y) { return M{_mm256_cmp_pd(x.a, y.a, pred), _mm256_cmp_pd(x.b, y.b, pred)}; }
// Ordered, quiet predicates: false when either side is NaN, as in JavaScript.
SA_CMP(lt, _CMP_LT_OQ)
SA_CMP(gt, _CMP_GT_OQ)
SA_CMP(le, _CMP_LE_OQ)
SA_CMP(ge, _CMP_GE_OQ)
SA_CMP(eq, _CMP_EQ_OQ)
#undef SA_CMP
SA_INLINE M isnan(V x) { return M{_mm256_cmp_pd(x.a, x.a, _CMP_UNORD_Q), _mm256_cmp_pd(x.b, x.b, _CMP_UNORD_Q)}; }
SA_INLINE M mand(M x, M y) { return M{_mm256_and_pd(x.a, y.a), _mm256_and_pd(x.b, y.b)}; }
SA_INLINE M mor(M x, M y) { return M{_mm256_or_pd(x.a, y.a), _mm256_or_pd(x.b, y.b)}; }
SA_INLINE V sel(M m, V t, V f) { return V{_mm256_blendv_pd(f.a, t.a, m.a), _mm256_blendv_pd(f.b, t.b, m.b)}; }

SA_INLINE __m256d bitsConst(uint64_t u) { return _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(u))); }
SA_INLINE V vabs(V x) {
  __m256d m = bitsConst(0x7fffffffffffffffULL);
  return V{_mm256_and_pd(x.a, m), _mm256_and_pd(x.b, m)};
}
SA_INLINE V negabs(V x) {
  __m256d s = bitsConst(0x8000000000000000ULL);
  return V{_mm256_or_pd(x.a, s), _mm256_or_pd(x.b, s)};
}
SA_INLINE V neg(V x) {
  __m256d s = bitsConst(0x8000000000000000ULL);
  return V{_mm256_xor_pd(x.a, s), _mm256_xor_pd(x.b, s)};
}
SA_INLINE __m256d pow2i1(__m256d k) {
  __m256i t = _mm256_castpd_si256(_mm256_add_pd(k, _mm256_set1_pd(6755399441055744.0)));
  t = _mm256_slli_epi64(_mm256_add_epi64(t, _mm256_set1_epi64x(1023)), 52);
  return _mm256_castsi256_pd(t);
}
/** 2^k for an integer-valued k with k + 1023 in [0, 2047] (2047 gives +Inf, as 2^1024 does). */
SA_INLINE V pow2i(V k) { return V{pow2i1(k.a), pow2i1(k.b)}; }
SA_INLINE __m256d exponentOf1(__m256d w) {
  __m256i e = _mm256_and_si256(_mm256_srli_epi64(_mm256_castpd_si256(w), 52), _mm256_set1_epi64x(0x7ff));
  __m256d d = _mm256_castsi256_pd(_mm256_or_si256(e, _mm256_set1_epi64x(0x4330000000000000LL)));
  return _mm256_sub_pd(_mm256_sub_pd(d, _mm256_set1_pd(4503599627370496.0)), _mm256_set1_pd(1023.0));
}
/** floor(log2 w) for a positive normal w, from its exponent bits, as a double. */
SA_INLINE V exponentOf(V w) { return V{exponentOf1(w.a), exponentOf1(w.b)}; }
SA_INLINE __m256d mantissa11(__m256d w) {
  return _mm256_or_pd(_mm256_and_pd(w, bitsConst(0x000fffffffffffffULL)), bitsConst(0x3ff0000000000000ULL));
}
/** w·2^-exponentOf(w) in [1, 2) for a positive normal w (exact). */
SA_INLINE V mantissa1(V w) { return V{mantissa11(w.a), mantissa11(w.b)}; }

SA_INLINE V load(const double* p) { return V{_mm256_loadu_pd(p), _mm256_loadu_pd(p + 4)}; }
SA_INLINE V load(const float* p) { return V{_mm256_cvtps_pd(_mm_loadu_ps(p)), _mm256_cvtps_pd(_mm_loadu_ps(p + 4))}; }
SA_INLINE void store(double* p, V x) { _mm256_storeu_pd(p, x.a); _mm256_storeu_pd(p + 4, x.b); }
SA_INLINE void store(float* p, V x) { _mm_storeu_ps(p, _mm256_cvtpd_ps(x.a)); _mm_storeu_ps(p + 4, _mm256_cvtpd_ps(x.b)); }
/** Math.fround: round to float32 and back. */
SA_INLINE V fround(V x) { return V{_mm256_cvtps_pd(_mm256_cvtpd_ps(x.a)), _mm256_cvtps_pd(_mm256_cvtpd_ps(x.b))}; }
SA_INLINE void storeLanes(double* p, V x) { store(p, x); }


// Float32 lanes, for the piecewise-linear kernels on Float32 data (their float arithmetic is
// exact or rounds once, so it gives the binary64 path's bits at twice the width).
constexpr int LANESF = 16;
struct VF { __m256 a, b; };
struct MF { __m256 a, b; };
SA_INLINE VF splatf(float f) { __m256 s = _mm256_set1_ps(f); return VF{s, s}; }
SA_INLINE VF operator*(VF x, VF y) { return VF{_mm256_mul_ps(x.a, y.a), _mm256_mul_ps(x.b, y.b)}; }
SA_INLINE MF lt(VF x, VF y) { return MF{_mm256_cmp_ps(x.a, y.a, _CMP_LT_OQ), _mm256_cmp_ps(x.b, y.b, _CMP_LT_OQ)}; }
SA_INLINE MF gt(VF x, VF y) { return MF{_mm256_cmp_ps(x.a, y.a, _CMP_GT_OQ), _mm256_cmp_ps(x.b, y.b, _CMP_GT_OQ)}; }
SA_INLINE MF isnan(VF x) { return MF{_mm256_cmp_ps(x.a, x.a, _CMP_UNORD_Q), _mm256_cmp_ps(x.b, x.b, _CMP_UNORD_Q)}; }
SA_INLINE VF sel(MF m, VF t, VF f) { return VF{_mm256_blendv_ps(f.a, t.a, m.a), _mm256_blendv_ps(f.b, t.b, m.b)}; }
SA_INLINE VF loadf(const float* p) { return VF{_mm256_loadu_ps(p), _mm256_loadu_ps(p + 8)}; }
SA_INLINE void storef(float* p, VF x) { _mm256_storeu_ps(p, x.a); _mm256_storeu_ps(p + 8, x.b); }
/** Non-temporal stores (p aligned to the vector: mapLanes' aligned path), then the fence. */
SA_INLINE void streamf(float* p, VF x) { _mm256_stream_ps(p, x.a); _mm256_stream_ps(p + 8, x.b); }
SA_INLINE void stream(double* p, V x) { _mm256_stream_pd(p, x.a); _mm256_stream_pd(p + 4, x.b); }
SA_INLINE void stream(float* p, V x) { _mm_stream_ps(p, _mm256_cvtpd_ps(x.a)); _mm_stream_ps(p + 4, _mm256_cvtpd_ps(x.b)); }
SA_INLINE void streamFence() { _mm_sfence(); }

// The float32-arithmetic kernels (math32.h): IEEE binary32 + - * / (no FMA: -mno-fma,
// -ffp-contract=off), ordered compares, masks, bit operations, and 2^n from exponent bits.
SA_INLINE VF operator+(VF x, VF y) { return VF{_mm256_add_ps(x.a, y.a), _mm256_add_ps(x.b, y.b)}; }
SA_INLINE VF operator-(VF x, VF y) { return VF{_mm256_sub_ps(x.a, y.a), _mm256_sub_ps(x.b, y.b)}; }
SA_INLINE VF operator/(VF x, VF y) { return VF{_mm256_div_ps(x.a, y.a), _mm256_div_ps(x.b, y.b)}; }
SA_INLINE MF ge(VF x, VF y) { return MF{_mm256_cmp_ps(x.a, y.a, _CMP_GE_OQ), _mm256_cmp_ps(x.b, y.b, _CMP_GE_OQ)}; }
SA_INLINE MF eq(VF x, VF y) { return MF{_mm256_cmp_ps(x.a, y.a, _CMP_EQ_OQ), _mm256_cmp_ps(x.b, y.b, _CMP_EQ_OQ)}; }
SA_INLINE MF mand(MF x, MF y) { return MF{_mm256_and_ps(x.a, y.a), _mm256_and_ps(x.b, y.b)}; }
SA_INLINE MF mor(MF x, MF y) { return MF{_mm256_or_ps(x.a, y.a), _mm256_or_ps(x.b, y.b)}; }
/** x & u on every lane's bits. */
SA_INLINE VF andBits(VF x, uint32_t u) {
  __m256 m = _mm256_castsi256_ps(_mm256_set1_epi32(static_cast<int>(u)));
  return VF{_mm256_and_ps(x.a, m), _mm256_and_ps(x.b, m)};
}
/** x ^ y on the bits (sign transfer). */
SA_INLINE VF xorBits(VF x, VF y) { return VF{_mm256_xor_ps(x.a, y.a), _mm256_xor_ps(x.b, y.b)}; }
SA_INLINE __m256 pow2f1(__m256 n) {
  __m256i i = _mm256_cvtps_epi32(n);
  return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(i, _mm256_set1_epi32(127)), 23));
}
/** 2^n for an integral n in [-126, 127] from exponent bits (other lanes: any value). */
SA_INLINE VF pow2f(VF n) { return VF{pow2f1(n.a), pow2f1(n.b)}; }

/** t < lo ? lo : t (NaN t stays NaN): maxps returns its second operand unless the first is greater. */
SA_INLINE VF atLeast(VF t, VF lo) { return VF{_mm256_max_ps(lo.a, t.a), _mm256_max_ps(lo.b, t.b)}; }

// Between the lane kinds, exact for float32 values (expDiff32 of softmax's Float32 rows): part P of
// a VF as binary64 (P = 0: lanes [0, LANES), P = 1: [LANES, 2 LANES)), and FPARTS V narrowed into
// one VF.
constexpr int FPARTS = LANESF / LANES;
template <int P>
SA_INLINE V widenF(VF x) {
  __m256 h = P == 0 ? x.a : x.b;
  return V{_mm256_cvtps_pd(_mm256_castps256_ps128(h)), _mm256_cvtps_pd(_mm256_extractf128_ps(h, 1))};
}
SA_INLINE __m256 narrow1(V x) { return _mm256_insertf128_ps(_mm256_castps128_ps256(_mm256_cvtpd_ps(x.a)), _mm256_cvtpd_ps(x.b), 1); }
/** The FPARTS vectors p narrowed into one VF, p[P] in part P (the inverse of widenF). */
SA_INLINE VF narrowF(const V* p) { return VF{narrow1(p[0]), narrow1(p[1])}; }
/** One VF from FPARTS runs of LANES floats, run P at p[P] into part P. */
SA_INLINE VF loadParts(const float* const* p) { return VF{_mm256_loadu_ps(p[0]), _mm256_loadu_ps(p[1])}; }

#endif
