// The vector abstraction with one binary64 lane: plain C++ doubles (and four float lanes, below).
// Every ISA header provides the same names (see math.h for the list); this one is also what arm64 builds use.
// Included inside a per-ISA namespace (no standard headers here: isa/*.cpp includes them first).
#ifndef SA_VEC_H
#define SA_VEC_H

constexpr int LANES = 1;
struct V { double v; };
typedef bool M;

SA_INLINE V splat(double d) { return V{d}; }
SA_INLINE V operator+(V a, V b) { return V{a.v + b.v}; }
SA_INLINE V operator-(V a, V b) { return V{a.v - b.v}; }
SA_INLINE V operator*(V a, V b) { return V{a.v * b.v}; }
SA_INLINE V operator/(V a, V b) { return V{a.v / b.v}; }
// Comparisons are ordered (false when either side is NaN), as in JavaScript.
SA_INLINE M lt(V a, V b) { return a.v < b.v; }
SA_INLINE M gt(V a, V b) { return a.v > b.v; }
SA_INLINE M le(V a, V b) { return a.v <= b.v; }
SA_INLINE M ge(V a, V b) { return a.v >= b.v; }
SA_INLINE M eq(V a, V b) { return a.v == b.v; }
SA_INLINE M isnan(V a) { return a.v != a.v; }
SA_INLINE M mand(M a, M b) { return a && b; }
SA_INLINE M mor(M a, M b) { return a || b; }
SA_INLINE V sel(M m, V t, V f) { return m ? t : f; }

SA_INLINE uint64_t bitsOf(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
SA_INLINE double fromBits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
SA_INLINE V vabs(V a) { return V{fromBits(bitsOf(a.v) & 0x7fffffffffffffffULL)}; }
/** -|a|, bit for bit (-0 for ±0). */
SA_INLINE V negabs(V a) { return V{fromBits(bitsOf(a.v) | 0x8000000000000000ULL)}; }
SA_INLINE V neg(V a) { return V{fromBits(bitsOf(a.v) ^ 0x8000000000000000ULL)}; }

/** 2^k for an integer-valued k with k + 1023 in [0, 2047] (2047 gives +Inf, as 2^1024 does). */
SA_INLINE V pow2i(V k) {
  uint64_t t = bitsOf(k.v + 6755399441055744.0);
  return V{fromBits((t + 1023) << 52)};
}
/** floor(log2 w) for a positive normal w, from its exponent bits, as a double. */
SA_INLINE V exponentOf(V w) {
  uint64_t e = (bitsOf(w.v) >> 52) & 0x7ff;
  return V{(fromBits(0x4330000000000000ULL | e) - 4503599627370496.0) - 1023.0};
}
/** w·2^-exponentOf(w) in [1, 2) for a positive normal w (exact). */
SA_INLINE V mantissa1(V w) {
  return V{fromBits((bitsOf(w.v) & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL)};
}

SA_INLINE V load(const double* p) { return V{*p}; }
SA_INLINE V load(const float* p) { return V{static_cast<double>(*p)}; }
SA_INLINE void store(double* p, V a) { *p = a.v; }
SA_INLINE void store(float* p, V a) { *p = static_cast<float>(a.v); }
/** Math.fround: round to float32 and back. */
SA_INLINE V fround(V a) { return V{static_cast<double>(static_cast<float>(a.v))}; }
SA_INLINE void storeLanes(double* p, V a) { *p = a.v; }


// Float32 lanes: the piecewise-linear kernels on Float32 data (their float arithmetic is exact or
// rounds once, so it gives the binary64 path's bits) and the float32-arithmetic kernels (math32.h).
// Four independent lanes as plain arrays, every operation a loop over them: the compiler may turn
// them into NEON (arm64) or SSE instructions, which cannot change any lane's bits (each lane is
// still one binary32 operation per step, -ffp-contract=off), and four independent dependency
// chains hide the latency of the long float32 kernels. Masks are all-ones / all-zeros words.
constexpr int LANESF = 4;
struct VF { float v[4]; };
struct MF { uint32_t m[4]; };
#define SA_F4(stmt) for (int i = 0; i < 4; i++) { stmt; }
SA_INLINE VF splatf(float f) { VF r; SA_F4(r.v[i] = f) return r; }
SA_INLINE VF operator+(VF a, VF b) { VF r; SA_F4(r.v[i] = a.v[i] + b.v[i]) return r; }
SA_INLINE VF operator-(VF a, VF b) { VF r; SA_F4(r.v[i] = a.v[i] - b.v[i]) return r; }
SA_INLINE VF operator*(VF a, VF b) { VF r; SA_F4(r.v[i] = a.v[i] * b.v[i]) return r; }
SA_INLINE VF operator/(VF a, VF b) { VF r; SA_F4(r.v[i] = a.v[i] / b.v[i]) return r; }
// Ordered compares (false when either side is NaN), as in JavaScript.
SA_INLINE MF lt(VF a, VF b) { MF r; SA_F4(r.m[i] = a.v[i] < b.v[i] ? ~0u : 0u) return r; }
SA_INLINE MF gt(VF a, VF b) { MF r; SA_F4(r.m[i] = a.v[i] > b.v[i] ? ~0u : 0u) return r; }
SA_INLINE MF ge(VF a, VF b) { MF r; SA_F4(r.m[i] = a.v[i] >= b.v[i] ? ~0u : 0u) return r; }
SA_INLINE MF eq(VF a, VF b) { MF r; SA_F4(r.m[i] = a.v[i] == b.v[i] ? ~0u : 0u) return r; }
SA_INLINE MF isnan(VF a) { MF r; SA_F4(r.m[i] = a.v[i] != a.v[i] ? ~0u : 0u) return r; }
SA_INLINE MF mand(MF a, MF b) { MF r; SA_F4(r.m[i] = a.m[i] & b.m[i]) return r; }
SA_INLINE MF mor(MF a, MF b) { MF r; SA_F4(r.m[i] = a.m[i] | b.m[i]) return r; }
SA_INLINE uint32_t bitsOff(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
SA_INLINE float fromBitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
/** m ? t : f per lane, on the bits (so every bit of the chosen value is kept). */
SA_INLINE VF sel(MF m, VF t, VF f) {
  VF r;
  SA_F4(r.v[i] = fromBitsf((m.m[i] & bitsOff(t.v[i])) | (~m.m[i] & bitsOff(f.v[i]))))
  return r;
}
SA_INLINE VF loadf(const float* p) { VF r; memcpy(r.v, p, sizeof r.v); return r; }
SA_INLINE void storef(float* p, VF a) { memcpy(p, a.v, sizeof a.v); }
/** No streaming stores in portable C++: ordinary ones, and nothing to fence. */
SA_INLINE void streamf(float* p, VF a) { storef(p, a); }
SA_INLINE void stream(double* p, V a) { store(p, a); }
SA_INLINE void stream(float* p, V a) { store(p, a); }
SA_INLINE void streamFence() {}
/** x & u on the bits. */
SA_INLINE VF andBits(VF x, uint32_t u) { VF r; SA_F4(r.v[i] = fromBitsf(bitsOff(x.v[i]) & u)) return r; }
/** x ^ y on the bits (sign transfer). */
SA_INLINE VF xorBits(VF x, VF y) { VF r; SA_F4(r.v[i] = fromBitsf(bitsOff(x.v[i]) ^ bitsOff(y.v[i]))) return r; }
/**
 * 2^n for an integral n in [-126, 127] from exponent bits (other lanes: any value). n + 1.5·2^23
 * holds n in its low fraction bits (two's complement); shifting by 23 keeps exactly those, with
 * no float-to-int conversion (undefined in C++ out of range).
 */
SA_INLINE VF pow2f(VF n) { VF r; SA_F4(r.v[i] = fromBitsf((bitsOff(n.v[i] + 12582912.0f) + 127u) << 23)) return r; }
/** t < lo ? lo : t (NaN t stays NaN). */
SA_INLINE VF atLeast(VF t, VF lo) { return sel(lt(t, lo), lo, t); }
#undef SA_F4

// Between the lane kinds, exact for float32 values (expDiff32 of softmax's Float32 rows): float
// lane P as binary64 (FPARTS = 4 parts of one lane), and four V narrowed into one VF.
constexpr int FPARTS = LANESF / LANES;
template <int P>
SA_INLINE V widenF(VF x) { return V{static_cast<double>(x.v[P])}; }
/** The FPARTS vectors p narrowed into one VF, p[P] in part P (the inverse of widenF). */
SA_INLINE VF narrowF(const V* p) {
  VF r;
  for (int i = 0; i < 4; i++) r.v[i] = static_cast<float>(p[i].v);
  return r;
}
/** One VF from FPARTS runs of LANES floats, run P at p[P] into part P. */
SA_INLINE VF loadParts(const float* const* p) { return VF{{p[0][0], p[1][0], p[2][0], p[3][0]}}; }

#endif
