// Two float vectors as one (VF2, MF2: 2·LANESF lanes), for the float32-arithmetic kernels whose
// chains are long (sigmoid, tanh and their derivatives: about 45 to 80 dependent-in-part
// operations per vector). Each operation on a VF2 is the same operation on each half, written one
// after the other, so the compiler emits the halves' instructions interleaved: four independent
// chains in flight on AVX-512 instead of two. On Zen 5 (four 512-bit FP pipes, 2-cycle adds,
// 3-cycle products, an 11-cycle division) two chains leave the pipes idle: the window fills with
// operations that wait on their predecessors. Lane for lane every operation is the one VF gives,
// so the bits are those of VF.
//
// Included at the end of an ISA's vector header that sets SA_HAS_VF2 (AVX-512 only: with 16
// registers, AVX2 and SSE2 would spill). body.h compiles math32.h a second time in namespace
// wide, where VF and MF are these pairs (wide::sigmoid32 and so on).
#ifndef SA_VEC_PAIR_H
#define SA_VEC_PAIR_H

struct VF2 { VF lo, hi; };
struct MF2 { MF lo, hi; };

SA_INLINE VF2 splatf2(float f) { VF s = splatf(f); return VF2{s, s}; }
SA_INLINE VF2 operator+(VF2 x, VF2 y) { return VF2{x.lo + y.lo, x.hi + y.hi}; }
SA_INLINE VF2 operator-(VF2 x, VF2 y) { return VF2{x.lo - y.lo, x.hi - y.hi}; }
SA_INLINE VF2 operator*(VF2 x, VF2 y) { return VF2{x.lo * y.lo, x.hi * y.hi}; }
SA_INLINE VF2 operator/(VF2 x, VF2 y) { return VF2{x.lo / y.lo, x.hi / y.hi}; }
SA_INLINE MF2 lt(VF2 x, VF2 y) { return MF2{lt(x.lo, y.lo), lt(x.hi, y.hi)}; }
SA_INLINE MF2 gt(VF2 x, VF2 y) { return MF2{gt(x.lo, y.lo), gt(x.hi, y.hi)}; }
SA_INLINE MF2 ge(VF2 x, VF2 y) { return MF2{ge(x.lo, y.lo), ge(x.hi, y.hi)}; }
SA_INLINE MF2 eq(VF2 x, VF2 y) { return MF2{eq(x.lo, y.lo), eq(x.hi, y.hi)}; }
SA_INLINE MF2 mand(MF2 x, MF2 y) { return MF2{mand(x.lo, y.lo), mand(x.hi, y.hi)}; }
SA_INLINE MF2 mor(MF2 x, MF2 y) { return MF2{mor(x.lo, y.lo), mor(x.hi, y.hi)}; }
SA_INLINE VF2 sel(MF2 m, VF2 t, VF2 f) { return VF2{sel(m.lo, t.lo, f.lo), sel(m.hi, t.hi, f.hi)}; }
SA_INLINE VF2 andBits(VF2 x, uint32_t u) { return VF2{andBits(x.lo, u), andBits(x.hi, u)}; }
SA_INLINE VF2 xorBits(VF2 x, VF2 y) { return VF2{xorBits(x.lo, y.lo), xorBits(x.hi, y.hi)}; }
SA_INLINE VF2 pow2f(VF2 n) { return VF2{pow2f(n.lo), pow2f(n.hi)}; }
SA_INLINE VF2 atLeast(VF2 t, VF2 lo) { return VF2{atLeast(t.lo, lo.lo), atLeast(t.hi, lo.hi)}; }
#ifdef SA_HAS_SCALEF
SA_INLINE VF2 scalef(VF2 v, VF2 n) { return VF2{scalef(v.lo, n.lo), scalef(v.hi, n.hi)}; }
#endif

/** The lane kind of mapLanes (loop.h) for VF2: 2·LANESF floats, each half loaded and stored as a VF. */
struct LanesF2 {
  static constexpr size_t W = 2 * LANESF;
  SA_MEMBER static VF2 ld(const float* p) { return VF2{loadf(p), loadf(p + LANESF)}; }
  SA_MEMBER static void st(float* p, VF2 v) { storef(p, v.lo); storef(p + LANESF, v.hi); }
  SA_MEMBER static void nt(float* p, VF2 v) { streamf(p, v.lo); streamf(p + LANESF, v.hi); }
};

#endif
