// Several float vectors as one, for the float32-arithmetic kernels whose chains are long (sigmoid,
// tanh, softplus and their derivatives: 45 to 80 operations per vector, most of them dependent on
// the one before). VPair<T, U> is a T and a U (U = T by default); VF2 = VPair<VF> is two VF, four
// zmm registers on AVX-512, and VF4 = VPair<VF2> four VF, eight zmm registers (VPair<VF, VF2>,
// three VF, served sigmoid' and tanh' until they moved to VF4). Each operation on a pair is the same
// operation on each half, written one after the other, so the compiler emits the halves'
// instructions interleaved: with VF4, eight independent chains in flight instead of VF's two.
// Lane for lane every operation is the one VF gives, so the bits are those of VF.
//
// Why: on Zen 5 (four 512-bit FP pipes: two adders, two multipliers; 2-cycle additions, 3-cycle
// products) sigmoid's 45 operations per vector need about 15 cycles of adder time, but two chains
// took 23: the scheduler fills with operations waiting on their predecessors. Standalone loop at
// 64K, same bits: sigmoid 2.8, 3.1 and 3.9 elements/ns with 2, 4 and 8 chains; tanh 2.6, 3.0,
// 3.6. The derivatives (bell32, about 75 operations) keep more values live: on VF4 they spill
// about one zmm register per ten operations, and tanh' at 16M, where the spills share the store
// queue with the streaming stores, ran at 1.0 to 1.6 elements/ns instead of 1.8 to 1.9 on VF2; so
// the kernels took VF4 for forward and three VF for derivatives (sigmoid, tanh: three spill more than VF2,
// about 19 zmm moves per vector against 15, but ran 8 to 12% faster; since binding.gyp's
// -fsched-pressure, which spills less, they take VF4 too: 4 to 7% faster than three VF at 64K and 1M,
// the same at 16M), VF4 for softplus with
// beta = 1, whose derivative is a sigmoid (kernels/*.h: Wide, WideD, WideUnit). elu and selu take
// VF4 forward (+20 to 30%), elu' VF4 and selu' VF2 (on VF4 selu's backward at 16M fell to 1.4-2.0
// elements/ns from 2.7); softplus with beta != 1 VF2 for the derivative (+8%; VF4 was slower), and
// forward VF4 for math32.h's fast form, VF2 halves for the general one (kernels/softplus.h);
// softmax's exponentials (rowwise.h: expDiffCore32) VF4.
//
// Included at the end of an ISA's vector header that sets SA_HAS_VF_PAIRS (AVX-512 only: with 16
// registers AVX2 and SSE2 would mostly spill). body.h compiles math32.h again in namespaces wide2
// and wide4, where VF and MF are VF2 / MF2 and VF4 / MF4 (wide4::sigmoid32 and so on).
#ifndef SA_VEC_PAIR_H
#define SA_VEC_PAIR_H

template <class T, class U = T> struct VPair { T lo; U hi; };
template <class T, class U = T> struct MPair { T lo; U hi; };

template <class T, class U> SA_INLINE VPair<T, U> operator+(VPair<T, U> x, VPair<T, U> y) { return {x.lo + y.lo, x.hi + y.hi}; }
template <class T, class U> SA_INLINE VPair<T, U> operator-(VPair<T, U> x, VPair<T, U> y) { return {x.lo - y.lo, x.hi - y.hi}; }
template <class T, class U> SA_INLINE VPair<T, U> operator*(VPair<T, U> x, VPair<T, U> y) { return {x.lo * y.lo, x.hi * y.hi}; }
template <class T, class U> SA_INLINE VPair<T, U> operator/(VPair<T, U> x, VPair<T, U> y) { return {x.lo / y.lo, x.hi / y.hi}; }
#define SA_PAIR_CMP(name) \
  template <class T, class U> SA_INLINE auto name(VPair<T, U> x, VPair<T, U> y) { \
    return MPair<decltype(name(x.lo, y.lo)), decltype(name(x.hi, y.hi))>{name(x.lo, y.lo), name(x.hi, y.hi)}; \
  }
SA_PAIR_CMP(lt)
SA_PAIR_CMP(gt)
SA_PAIR_CMP(ge)
SA_PAIR_CMP(eq)
#undef SA_PAIR_CMP
template <class T, class U> SA_INLINE MPair<T, U> mand(MPair<T, U> x, MPair<T, U> y) { return {mand(x.lo, y.lo), mand(x.hi, y.hi)}; }
template <class T, class U> SA_INLINE MPair<T, U> mor(MPair<T, U> x, MPair<T, U> y) { return {mor(x.lo, y.lo), mor(x.hi, y.hi)}; }
template <class M, class N, class T, class U> SA_INLINE VPair<T, U> sel(MPair<M, N> m, VPair<T, U> t, VPair<T, U> f) {
  return {sel(m.lo, t.lo, f.lo), sel(m.hi, t.hi, f.hi)};
}
template <class T, class U> SA_INLINE VPair<T, U> andBits(VPair<T, U> x, uint32_t u) { return {andBits(x.lo, u), andBits(x.hi, u)}; }
template <class T, class U> SA_INLINE VPair<T, U> xorBits(VPair<T, U> x, VPair<T, U> y) { return {xorBits(x.lo, y.lo), xorBits(x.hi, y.hi)}; }
template <class T, class U> SA_INLINE VPair<T, U> pow2f(VPair<T, U> n) { return {pow2f(n.lo), pow2f(n.hi)}; }
template <class T, class U> SA_INLINE VPair<T, U> atLeast(VPair<T, U> t, VPair<T, U> lo) { return {atLeast(t.lo, lo.lo), atLeast(t.hi, lo.hi)}; }
#ifdef SA_HAS_ROUND_EVEN
template <class T, class U> SA_INLINE VPair<T, U> roundEven(VPair<T, U> v) { return {roundEven(v.lo), roundEven(v.hi)}; }
#endif
#ifdef SA_HAS_RANGE
template <class T, class U> SA_INLINE VPair<T, U> negMinAbsNotNaN(VPair<T, U> v, VPair<T, U> c) { return {negMinAbsNotNaN(v.lo, c.lo), negMinAbsNotNaN(v.hi, c.hi)}; }
#endif
#ifdef SA_HAS_ORBITS_F
template <class T, class U> SA_INLINE VPair<T, U> orBits(VPair<T, U> x, uint32_t u) { return {orBits(x.lo, u), orBits(x.hi, u)}; }
#endif
#ifdef SA_HAS_OPAQUE_F
template <class T, class U> SA_INLINE VPair<T, U> opaqueF(VPair<T, U> c) { return {opaqueF(c.lo), opaqueF(c.hi)}; }
#endif
#ifdef SA_HAS_SCALEF
template <class T, class U> SA_INLINE VPair<T, U> scalef(VPair<T, U> v, VPair<T, U> n) { return {scalef(v.lo, n.lo), scalef(v.hi, n.hi)}; }
#endif

#ifdef SA_HAS_MASKED_F32
template <class M, class N, class T, class U> SA_INLINE VPair<T, U> addWhere(MPair<M, N> m, VPair<T, U> a, VPair<T, U> b, VPair<T, U> src) {
  return {addWhere(m.lo, a.lo, b.lo, src.lo), addWhere(m.hi, a.hi, b.hi, src.hi)};
}
template <class M, class N, class T, class U> SA_INLINE VPair<T, U> subWhere(MPair<M, N> m, VPair<T, U> a, VPair<T, U> b, VPair<T, U> src) {
  return {subWhere(m.lo, a.lo, b.lo, src.lo), subWhere(m.hi, a.hi, b.hi, src.hi)};
}
template <class M, class N, class T, class U> SA_INLINE VPair<T, U> addWhereElseZero(MPair<M, N> m, VPair<T, U> a, VPair<T, U> b) {
  return {addWhereElseZero(m.lo, a.lo, b.lo), addWhereElseZero(m.hi, a.hi, b.hi)};
}
template <class T, class U> SA_INLINE auto bitsAtMostZero(VPair<T, U> x) {
  return MPair<decltype(bitsAtMostZero(x.lo)), decltype(bitsAtMostZero(x.hi))>{bitsAtMostZero(x.lo), bitsAtMostZero(x.hi)};
}
template <class T, class U> SA_INLINE VPair<T, U> atLeastZeroBits(VPair<T, U> x) { return {atLeastZeroBits(x.lo), atLeastZeroBits(x.hi)}; }
template <class T, class U> SA_INLINE VPair<T, U> maxBitsU(VPair<T, U> x, VPair<T, U> y) { return {maxBitsU(x.lo, y.lo), maxBitsU(x.hi, y.hi)}; }
/** The pair's parts folded by maxBitsU into one VF. */
SA_INLINE VF foldMaxBitsU(VF x) { return x; }
template <class T, class U> SA_INLINE VF foldMaxBitsU(VPair<T, U> x) { return maxBitsU(foldMaxBitsU(x.lo), foldMaxBitsU(x.hi)); }
SA_INLINE VF firstPart(VF x) { return x; }
template <class T, class U> SA_INLINE VF firstPart(VPair<T, U> x) { return firstPart(x.lo); }
/** anyBitsAbove over all the parts (u the same on every lane). */
template <class T, class U> SA_INLINE bool anyBitsAbove(VPair<T, U> x, VPair<T, U> u) { return anyBitsAbove(foldMaxBitsU(x), firstPart(u)); }
template <class T, class U> SA_INLINE bool anyBitsAtLeast(VPair<T, U> x, VPair<T, U> u) { return anyBitsAtLeast(foldMaxBitsU(x), firstPart(u)); }
template <int S, class T, class U> SA_INLINE VPair<T, U> pow2FromMagicF(VPair<T, U> kk) { return {pow2FromMagicF<S>(kk.lo), pow2FromMagicF<S>(kk.hi)}; }
#endif

/** Two and four VF: 2·LANESF and 4·LANESF float lanes. */
using VF2 = VPair<VF>;
using MF2 = MPair<MF>;
using VF4 = VPair<VF2>;
using MF4 = MPair<MF2>;
/** v on every part of a VF2 or VF4 (a kernel's parameter, a constant). */
SA_INLINE void spread(VF& w, VF v) { w = v; }
template <class T, class U>
SA_INLINE void spread(VPair<T, U>& w, VF v) {
  spread(w.lo, v);
  spread(w.hi, v);
}
template <class T>
SA_INLINE T spreadTo(VF v) {
  T w;
  spread(w, v);
  return w;
}
SA_INLINE VF2 splatf2(float f) { return spreadTo<VF2>(splatf(f)); }
SA_INLINE VF4 splatf4(float f) { return spreadTo<VF4>(splatf(f)); }

// Loads and stores of a pair: each half as a VF, in order.
SA_INLINE void loadInto(VF& v, const float* p) { v = loadf(p); }
SA_INLINE void storeFrom(float* p, VF v) { storef(p, v); }
SA_INLINE void streamFrom(float* p, VF v) { streamf(p, v); }
template <class T, class U> SA_INLINE void loadInto(VPair<T, U>& v, const float* p) {
  loadInto(v.lo, p);
  loadInto(v.hi, p + sizeof(T) / sizeof(VF) * LANESF);
}
template <class T, class U> SA_INLINE void storeFrom(float* p, VPair<T, U> v) {
  storeFrom(p, v.lo);
  storeFrom(p + sizeof(T) / sizeof(VF) * LANESF, v.hi);
}
template <class T, class U> SA_INLINE void streamFrom(float* p, VPair<T, U> v) {
  streamFrom(p, v.lo);
  streamFrom(p + sizeof(T) / sizeof(VF) * LANESF, v.hi);
}

/** The lane kind of mapLanes (loop.h) for T = VF2 or VF4: W floats, loaded and stored as VF. */
template <class T>
struct LanesPair {
  static constexpr size_t W = sizeof(T) / sizeof(VF) * LANESF;
  SA_MEMBER static T ld(const float* p) {
    T v;
    loadInto(v, p);
    return v;
  }
  SA_MEMBER static void st(float* p, T v) { storeFrom(p, v); }
  SA_MEMBER static void nt(float* p, T v) { streamFrom(p, v); }
};

#endif
