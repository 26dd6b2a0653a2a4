// The vector abstraction on SSE2 (the x86-64 baseline): 4 binary64 lanes as two __m128d, so
// every operation issues two independent instructions (latency hiding in the polynomials).
#ifndef SA_VEC_H
#define SA_VEC_H

constexpr int LANES = 4;
struct V { __m128d a, b; };
struct M { __m128d a, b; };

SA_INLINE V splat(double d) { __m128d s = _mm_set1_pd(d); return V{s, s}; }
SA_INLINE V operator+(V x, V y) { return V{_mm_add_pd(x.a, y.a), _mm_add_pd(x.b, y.b)}; }
SA_INLINE V operator-(V x, V y) { return V{_mm_sub_pd(x.a, y.a), _mm_sub_pd(x.b, y.b)}; }
SA_INLINE V operator*(V x, V y) { return V{_mm_mul_pd(x.a, y.a), _mm_mul_pd(x.b, y.b)}; }
SA_INLINE V operator/(V x, V y) { return V{_mm_div_pd(x.a, y.a), _mm_div_pd(x.b, y.b)}; }
// cmp*pd are ordered comparisons: false when either side is NaN, as in JavaScript.
SA_INLINE M lt(V x, V y) { return M{_mm_cmplt_pd(x.a, y.a), _mm_cmplt_pd(x.b, y.b)}; }
SA_INLINE M gt(V x, V y) { return M{_mm_cmpgt_pd(x.a, y.a), _mm_cmpgt_pd(x.b, y.b)}; }
SA_INLINE M le(V x, V y) { return M{_mm_cmple_pd(x.a, y.a), _mm_cmple_pd(x.b, y.b)}; }
SA_INLINE M ge(V x, V y) { return M{_mm_cmpge_pd(x.a, y.a), _mm_cmpge_pd(x.b, y.b)}; }
SA_INLINE M eq(V x, V y) { return M{_mm_cmpeq_pd(x.a, y.a), _mm_cmpeq_pd(x.b, y.b)}; }
SA_INLINE M isnan(V x) { return M{_mm_cmpunord_pd(x.a, x.a), _mm_cmpunord_pd(x.b, x.b)}; }
SA_INLINE M mand(M x, M y) { return M{_mm_and_pd(x.a, y.a), _mm_and_pd(x.b, y.b)}; }
SA_INLINE M mor(M x, M y) { return M{_mm_or_pd(x.a, y.a), _mm_or_pd(x.b, y.b)}; }
SA_INLINE __m128d blend1(__m128d m, __m128d t, __m128d f) {
  return _mm_or_pd(_mm_and_pd(m, t), _mm_andnot_pd(m, f));
}
SA_INLINE V sel(M m, V t, V f) { return V{blend1(m.a, t.a, f.a), blend1(m.b, t.b, f.b)}; }

SA_INLINE __m128d bitsConst(uint64_t u) { return _mm_castsi128_pd(_mm_set1_epi64x(static_cast<long long>(u))); }
SA_INLINE V vabs(V x) {
  __m128d m = bitsConst(0x7fffffffffffffffULL);
  return V{_mm_and_pd(x.a, m), _mm_and_pd(x.b, m)};
}
SA_INLINE V negabs(V x) {
  __m128d s = bitsConst(0x8000000000000000ULL);
  return V{_mm_or_pd(x.a, s), _mm_or_pd(x.b, s)};
}
SA_INLINE V neg(V x) {
  __m128d s = bitsConst(0x8000000000000000ULL);
  return V{_mm_xor_pd(x.a, s), _mm_xor_pd(x.b, s)};
}
SA_INLINE __m128d pow2i1(__m128d k) {
  __m128i t = _mm_castpd_si128(_mm_add_pd(k, _mm_set1_pd(6755399441055744.0)));
  t = _mm_slli_epi64(_mm_add_epi64(t, _mm_set1_epi64x(1023)), 52);
  return _mm_castsi128_pd(t);
}
/** 2^k for an integer-valued k with k + 1023 in [0, 2047] (2047 gives +Inf, as 2^1024 does). */
SA_INLINE V pow2i(V k) { return V{pow2i1(k.a), pow2i1(k.b)}; }
SA_INLINE __m128d exponentOf1(__m128d w) {
  __m128i e = _mm_and_si128(_mm_srli_epi64(_mm_castpd_si128(w), 52), _mm_set1_epi64x(0x7ff));
  __m128d d = _mm_castsi128_pd(_mm_or_si128(e, _mm_set1_epi64x(0x4330000000000000LL)));
  return _mm_sub_pd(_mm_sub_pd(d, _mm_set1_pd(4503599627370496.0)), _mm_set1_pd(1023.0));
}
/** floor(log2 w) for a positive normal w, from its exponent bits, as a double. */
SA_INLINE V exponentOf(V w) { return V{exponentOf1(w.a), exponentOf1(w.b)}; }
SA_INLINE __m128d mantissa11(__m128d w) {
  return _mm_or_pd(_mm_and_pd(w, bitsConst(0x000fffffffffffffULL)), bitsConst(0x3ff0000000000000ULL));
}
/** w·2^-exponentOf(w) in [1, 2) for a positive normal w (exact). */
SA_INLINE V mantissa1(V w) { return V{mantissa11(w.a), mantissa11(w.b)}; }

SA_INLINE __m128d load2f(const float* p) {
  return _mm_cvtps_pd(_mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p))));
}
SA_INLINE void store2f(float* p, __m128d v) {
  _mm_storel_epi64(reinterpret_cast<__m128i*>(p), _mm_castps_si128(_mm_cvtpd_ps(v)));
}
SA_INLINE V load(const double* p) { return V{_mm_loadu_pd(p), _mm_loadu_pd(p + 2)}; }
SA_INLINE V load(const float* p) { return V{load2f(p), load2f(p + 2)}; }
SA_INLINE void store(double* p, V x) { _mm_storeu_pd(p, x.a); _mm_storeu_pd(p + 2, x.b); }
SA_INLINE void store(float* p, V x) { store2f(p, x.a); store2f(p + 2, x.b); }
/** Math.fround: round to float32 and back. */
SA_INLINE V fround(V x) { return V{_mm_cvtps_pd(_mm_cvtpd_ps(x.a)), _mm_cvtps_pd(_mm_cvtpd_ps(x.b))}; }
SA_INLINE void storeLanes(double* p, V x) { store(p, x); }


// Float32 lanes, for the piecewise-linear kernels on Float32 data (their float arithmetic is
// exact or rounds once, so it gives the binary64 path's bits at twice the width).
constexpr int LANESF = 8;
struct VF { __m128 a, b; };
struct MF { __m128 a, b; };
SA_INLINE VF splatf(float f) { __m128 s = _mm_set1_ps(f); return VF{s, s}; }
SA_INLINE VF operator*(VF x, VF y) { return VF{_mm_mul_ps(x.a, y.a), _mm_mul_ps(x.b, y.b)}; }
SA_INLINE MF lt(VF x, VF y) { return MF{_mm_cmplt_ps(x.a, y.a), _mm_cmplt_ps(x.b, y.b)}; }
SA_INLINE MF gt(VF x, VF y) { return MF{_mm_cmpgt_ps(x.a, y.a), _mm_cmpgt_ps(x.b, y.b)}; }
SA_INLINE MF isnan(VF x) { return MF{_mm_cmpunord_ps(x.a, x.a), _mm_cmpunord_ps(x.b, x.b)}; }
SA_INLINE __m128 blendf1(__m128 m, __m128 t, __m128 f) { return _mm_or_ps(_mm_and_ps(m, t), _mm_andnot_ps(m, f)); }
SA_INLINE VF sel(MF m, VF t, VF f) { return VF{blendf1(m.a, t.a, f.a), blendf1(m.b, t.b, f.b)}; }
SA_INLINE VF loadf(const float* p) { return VF{_mm_loadu_ps(p), _mm_loadu_ps(p + 4)}; }
SA_INLINE void storef(float* p, VF x) { _mm_storeu_ps(p, x.a); _mm_storeu_ps(p + 4, x.b); }
/** Non-temporal stores (p aligned to the vector: mapLanes' aligned path), then the fence. Two
 * narrowed floats are 8 bytes, too few for a streaming store: those stay ordinary. */
SA_INLINE void streamf(float* p, VF x) { _mm_stream_ps(p, x.a); _mm_stream_ps(p + 4, x.b); }
SA_INLINE void stream(double* p, V x) { _mm_stream_pd(p, x.a); _mm_stream_pd(p + 2, x.b); }
SA_INLINE void stream(float* p, V x) { store(p, x); }
SA_INLINE void streamFence() { _mm_sfence(); }

// The float32-arithmetic kernels (math32.h): IEEE binary32 + - * /, ordered compares, masks,
// bit operations, and 2^n from exponent bits.
SA_INLINE VF operator+(VF x, VF y) { return VF{_mm_add_ps(x.a, y.a), _mm_add_ps(x.b, y.b)}; }
SA_INLINE VF operator-(VF x, VF y) { return VF{_mm_sub_ps(x.a, y.a), _mm_sub_ps(x.b, y.b)}; }
SA_INLINE VF operator/(VF x, VF y) { return VF{_mm_div_ps(x.a, y.a), _mm_div_ps(x.b, y.b)}; }
SA_INLINE MF ge(VF x, VF y) { return MF{_mm_cmpge_ps(x.a, y.a), _mm_cmpge_ps(x.b, y.b)}; }
SA_INLINE MF eq(VF x, VF y) { return MF{_mm_cmpeq_ps(x.a, y.a), _mm_cmpeq_ps(x.b, y.b)}; }
SA_INLINE MF mand(MF x, MF y) { return MF{_mm_and_ps(x.a, y.a), _mm_and_ps(x.b, y.b)}; }
SA_INLINE MF mor(MF x, MF y) { return MF{_mm_or_ps(x.a, y.a), _mm_or_ps(x.b, y.b)}; }
/** x & u on every lane's bits. */
SA_INLINE VF andBits(VF x, uint32_t u) {
  __m128 m = _mm_castsi128_ps(_mm_set1_epi32(static_cast<int>(u)));
  return VF{_mm_and_ps(x.a, m), _mm_and_ps(x.b, m)};
}
/** x ^ y on the bits (sign transfer). */
SA_INLINE VF xorBits(VF x, VF y) { return VF{_mm_xor_ps(x.a, y.a), _mm_xor_ps(x.b, y.b)}; }
SA_INLINE __m128 pow2f1(__m128 n) {
  __m128i i = _mm_cvtps_epi32(n);
  return _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(i, _mm_set1_epi32(127)), 23));
}
/** 2^n for an integral n in [-126, 127] from exponent bits (other lanes: any value). */
SA_INLINE VF pow2f(VF n) { return VF{pow2f1(n.a), pow2f1(n.b)}; }

/** t < lo ? lo : t (NaN t stays NaN): maxps returns its second operand unless the first is greater. */
SA_INLINE VF atLeast(VF t, VF lo) { return VF{_mm_max_ps(lo.a, t.a), _mm_max_ps(lo.b, t.b)}; }

// Between the lane kinds, exact for float32 values (expDiff32 of softmax's Float32 rows): part P of
// a VF as binary64 (P = 0: lanes [0, LANES), P = 1: [LANES, 2 LANES)), and FPARTS V narrowed into
// one VF.
constexpr int FPARTS = LANESF / LANES;
template <int P>
SA_INLINE V widenF(VF x) {
  __m128 h = P == 0 ? x.a : x.b;
  return V{_mm_cvtps_pd(h), _mm_cvtps_pd(_mm_movehl_ps(h, h))};
}
SA_INLINE __m128 narrow1(V x) { return _mm_movelh_ps(_mm_cvtpd_ps(x.a), _mm_cvtpd_ps(x.b)); }
/** The FPARTS vectors p narrowed into one VF, p[P] in part P (the inverse of widenF). */
SA_INLINE VF narrowF(const V* p) { return VF{narrow1(p[0]), narrow1(p[1])}; }
/** One VF from FPARTS runs of LANES floats, run P at p[P] into part P. */
SA_INLINE VF loadParts(const float* const* p) { return VF{_mm_loadu_ps(p[0]), _mm_loadu_ps(p[1])}; }

#endif
