// The vector abstraction with one binary64 lane: plain C++ doubles. Every ISA header provides the
// same names (see math.h for the list); this one is also what arm64 builds use.
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


// Float32 lanes, for the piecewise-linear kernels on Float32 data (their float arithmetic is
// exact or rounds once, so it gives the binary64 path's bits at twice the width).
constexpr int LANESF = 1;
struct VF { float v; };
typedef bool MF;
SA_INLINE VF splatf(float f) { return VF{f}; }
SA_INLINE VF operator*(VF a, VF b) { return VF{a.v * b.v}; }
SA_INLINE MF lt(VF a, VF b) { return a.v < b.v; }
SA_INLINE MF gt(VF a, VF b) { return a.v > b.v; }
SA_INLINE MF isnan(VF a) { return a.v != a.v; }
SA_INLINE VF sel(MF m, VF t, VF f) { return m ? t : f; }
SA_INLINE VF loadf(const float* p) { return VF{*p}; }
SA_INLINE void storef(float* p, VF a) { *p = a.v; }

// The float32-arithmetic kernels (math32.h): binary32 + - * / (no FMA: -ffp-contract=off),
// ordered compares, bit operations, and 2^n from exponent bits.
SA_INLINE VF operator+(VF a, VF b) { return VF{a.v + b.v}; }
SA_INLINE VF operator-(VF a, VF b) { return VF{a.v - b.v}; }
SA_INLINE VF operator/(VF a, VF b) { return VF{a.v / b.v}; }
SA_INLINE MF ge(VF a, VF b) { return a.v >= b.v; }
SA_INLINE MF eq(VF a, VF b) { return a.v == b.v; }
// mand / mor: MF is bool like M, so those of M serve.
SA_INLINE uint32_t bitsOff(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
SA_INLINE float fromBitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
/** x & u on the bits. */
SA_INLINE VF andBits(VF x, uint32_t u) { return VF{fromBitsf(bitsOff(x.v) & u)}; }
/** x ^ y on the bits (sign transfer). */
SA_INLINE VF xorBits(VF x, VF y) { return VF{fromBitsf(bitsOff(x.v) ^ bitsOff(y.v))}; }
/**
 * 2^n for an integral n in [-126, 127] from exponent bits (other lanes: any value). n + 1.5·2^23
 * holds n in its low fraction bits (two's complement); shifting by 23 keeps exactly those, with
 * no float-to-int conversion (undefined in C++ out of range).
 */
SA_INLINE VF pow2f(VF n) { return VF{fromBitsf((bitsOff(n.v + 12582912.0f) + 127u) << 23)}; }

/** t < lo ? lo : t (NaN t stays NaN). */
SA_INLINE VF atLeast(VF t, VF lo) { return t.v < lo.v ? lo : t; }

#endif
