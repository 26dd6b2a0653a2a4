// The vector abstraction with one binary64 lane: plain C++ doubles. Every ISA header provides the
// same names (see math.h for the list); this one is also what arm64 builds use.
// Included inside a per-ISA namespace (no standard headers here: isa/*.cpp includes them first).
#ifndef SA_VEC_H
#define SA_VEC_H

constexpr int LANES = 1;
struct V { double v; };
typedef bool M;

static inline V splat(double d) { return V{d}; }
static inline V operator+(V a, V b) { return V{a.v + b.v}; }
static inline V operator-(V a, V b) { return V{a.v - b.v}; }
static inline V operator*(V a, V b) { return V{a.v * b.v}; }
static inline V operator/(V a, V b) { return V{a.v / b.v}; }
// Comparisons are ordered (false when either side is NaN), as in JavaScript.
static inline M lt(V a, V b) { return a.v < b.v; }
static inline M gt(V a, V b) { return a.v > b.v; }
static inline M le(V a, V b) { return a.v <= b.v; }
static inline M ge(V a, V b) { return a.v >= b.v; }
static inline M eq(V a, V b) { return a.v == b.v; }
static inline M isnan(V a) { return a.v != a.v; }
static inline M mand(M a, M b) { return a && b; }
static inline M mor(M a, M b) { return a || b; }
static inline V sel(M m, V t, V f) { return m ? t : f; }

static inline uint64_t bitsOf(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static inline double fromBits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static inline V vabs(V a) { return V{fromBits(bitsOf(a.v) & 0x7fffffffffffffffULL)}; }
/** -|a|, bit for bit (-0 for ±0). */
static inline V negabs(V a) { return V{fromBits(bitsOf(a.v) | 0x8000000000000000ULL)}; }
static inline V neg(V a) { return V{fromBits(bitsOf(a.v) ^ 0x8000000000000000ULL)}; }

/** 2^k for an integer-valued k with k + 1023 in [0, 2047] (2047 gives +Inf, as 2^1024 does). */
static inline V pow2i(V k) {
  uint64_t t = bitsOf(k.v + 6755399441055744.0);
  return V{fromBits((t + 1023) << 52)};
}
/** floor(log2 w) for a positive normal w, from its exponent bits, as a double. */
static inline V exponentOf(V w) {
  uint64_t e = (bitsOf(w.v) >> 52) & 0x7ff;
  return V{(fromBits(0x4330000000000000ULL | e) - 4503599627370496.0) - 1023.0};
}
/** w·2^-exponentOf(w) in [1, 2) for a positive normal w (exact). */
static inline V mantissa1(V w) {
  return V{fromBits((bitsOf(w.v) & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL)};
}

static inline V load(const double* p) { return V{*p}; }
static inline V load(const float* p) { return V{static_cast<double>(*p)}; }
static inline void store(double* p, V a) { *p = a.v; }
static inline void store(float* p, V a) { *p = static_cast<float>(a.v); }
/** Math.fround: round to float32 and back. */
static inline V fround(V a) { return V{static_cast<double>(static_cast<float>(a.v))}; }
static inline void storeLanes(double* p, V a) { *p = a.v; }

#endif
