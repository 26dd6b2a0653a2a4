// Several float vectors as one, for the float32-arithmetic kernels whose chains are long (sigmoid,
// tanh and their derivatives: 45 to 80 operations per vector, most of them dependent on the one
// before). VPair<T> is two T; VFW = VPair<VPair<VF>> is four VF, eight zmm registers on AVX-512.
// Each operation on a pair is the same operation on each half, written one after the other, so
// the compiler emits the halves' instructions interleaved: eight independent chains in flight
// instead of two. On Zen 5 (four 512-bit FP pipes, 2-cycle additions, 3-cycle products) two
// chains keep the pipes half idle: the scheduler fills with operations waiting on their
// predecessors. Measured at 64K, one thread (a standalone loop, same bits): sigmoid 2.8, 3.1 and
// 3.9 elements/ns with 2, 4 and 8 chains; tanh 2.6, 3.0, 3.6; sigmoid' 1.5, 2.2, 2.4 (eight
// chains spill a few registers, still the fastest). Lane for lane every operation is the one VF
// gives, so the bits are those of VF.
//
// Included at the end of an ISA's vector header that sets SA_HAS_VFW (AVX-512 only: with 16
// registers AVX2 and SSE2 would mostly spill). body.h compiles math32.h a second time in
// namespace wide, where VF and MF are VFW and MFW (wide::sigmoid32 and so on).
#ifndef SA_VEC_PAIR_H
#define SA_VEC_PAIR_H

template <class T> struct VPair { T lo, hi; };
template <class T> struct MPair { T lo, hi; };

template <class T> SA_INLINE VPair<T> operator+(VPair<T> x, VPair<T> y) { return {x.lo + y.lo, x.hi + y.hi}; }
template <class T> SA_INLINE VPair<T> operator-(VPair<T> x, VPair<T> y) { return {x.lo - y.lo, x.hi - y.hi}; }
template <class T> SA_INLINE VPair<T> operator*(VPair<T> x, VPair<T> y) { return {x.lo * y.lo, x.hi * y.hi}; }
template <class T> SA_INLINE VPair<T> operator/(VPair<T> x, VPair<T> y) { return {x.lo / y.lo, x.hi / y.hi}; }
#define SA_PAIR_CMP(name) \
  template <class T> SA_INLINE auto name(VPair<T> x, VPair<T> y) { \
    return MPair<decltype(name(x.lo, y.lo))>{name(x.lo, y.lo), name(x.hi, y.hi)}; \
  }
SA_PAIR_CMP(lt)
SA_PAIR_CMP(gt)
SA_PAIR_CMP(ge)
SA_PAIR_CMP(eq)
#undef SA_PAIR_CMP
template <class T> SA_INLINE MPair<T> mand(MPair<T> x, MPair<T> y) { return {mand(x.lo, y.lo), mand(x.hi, y.hi)}; }
template <class T> SA_INLINE MPair<T> mor(MPair<T> x, MPair<T> y) { return {mor(x.lo, y.lo), mor(x.hi, y.hi)}; }
template <class M, class T> SA_INLINE VPair<T> sel(MPair<M> m, VPair<T> t, VPair<T> f) {
  return {sel(m.lo, t.lo, f.lo), sel(m.hi, t.hi, f.hi)};
}
template <class T> SA_INLINE VPair<T> andBits(VPair<T> x, uint32_t u) { return {andBits(x.lo, u), andBits(x.hi, u)}; }
template <class T> SA_INLINE VPair<T> xorBits(VPair<T> x, VPair<T> y) { return {xorBits(x.lo, y.lo), xorBits(x.hi, y.hi)}; }
template <class T> SA_INLINE VPair<T> pow2f(VPair<T> n) { return {pow2f(n.lo), pow2f(n.hi)}; }
template <class T> SA_INLINE VPair<T> atLeast(VPair<T> t, VPair<T> lo) { return {atLeast(t.lo, lo.lo), atLeast(t.hi, lo.hi)}; }
#ifdef SA_HAS_SCALEF
template <class T> SA_INLINE VPair<T> scalef(VPair<T> v, VPair<T> n) { return {scalef(v.lo, n.lo), scalef(v.hi, n.hi)}; }
#endif

/** Four VF (LANESFW float lanes). */
using VFW = VPair<VPair<VF>>;
using MFW = MPair<MPair<MF>>;
constexpr size_t LANESFW = 4 * LANESF;
SA_INLINE VFW splatfw(float f) {
  VF s = splatf(f);
  return VFW{{s, s}, {s, s}};
}

/** The lane kind of mapLanes (loop.h) for VFW: LANESFW floats, loaded and stored as four VF. */
struct LanesFW {
  static constexpr size_t W = LANESFW;
  SA_MEMBER static VFW ld(const float* p) {
    return VFW{{loadf(p), loadf(p + LANESF)}, {loadf(p + 2 * LANESF), loadf(p + 3 * LANESF)}};
  }
  SA_MEMBER static void st(float* p, VFW v) {
    storef(p, v.lo.lo);
    storef(p + LANESF, v.lo.hi);
    storef(p + 2 * LANESF, v.hi.lo);
    storef(p + 3 * LANESF, v.hi.hi);
  }
  SA_MEMBER static void nt(float* p, VFW v) {
    streamf(p, v.lo.lo);
    streamf(p + LANESF, v.lo.hi);
    streamf(p + 2 * LANESF, v.hi.lo);
    streamf(p + 3 * LANESF, v.hi.hi);
  }
};

#endif
