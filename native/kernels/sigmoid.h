// sigmoid (src/reference/sigmoid.ts): binary64 e/(1+e) for float32 data, double-double for float64.
#ifndef SA_KERNEL_SIGMOID_H
#define SA_KERNEL_SIGMOID_H
struct sigmoid {
  static constexpr bool linear = false;
  /** sigmoid64: e = e^-|x|, (x >= 0 ? 1 : e) / (1 + e). */
  SA_MEMBER static V f(V x, const P&) {
    V e = vexp(negabs(x));
    return sel(ge(x, C(0)), C(1), e) / (C(1) + e);
  }
  /** e / (1 + e)^2. */
  SA_MEMBER static V df(V x, const P&) {
    V e = vexp(negabs(x));
    V d = C(1) + e;
    return e / (d * d);
  }
  /** sigmoidPrecise. */
  SA_MEMBER static V f64(V x, const P&) {
    DD e = expDD(negabs(x), 0);
    V Dh = C(1) + e.hi;
    V Dl = ((C(1) - Dh) + e.hi) + e.lo;
    M pos = ge(x, C(0));
    return ddDivide(sel(pos, C(1), e.hi), sel(pos, C(0), e.lo), Dh, Dl).hi;
  }
  /** bellPrecise: 2^s e / (1 + e)^2 with e = e^negAbs, in double-double. */
  SA_MEMBER static V bell(V negAbs, double s) {
    DD e = expDD(negAbs, 0);
    V Dh = C(1) + e.hi;
    V Dl = ((C(1) - Dh) + e.hi) + e.lo;
    DD n = expDD(negAbs, s);
    DD q = ddDivide(n.hi, n.lo, Dh, Dl);
    return ddDivide(q.hi, q.lo, Dh, Dl).hi;
  }
  SA_MEMBER static V df64(V x, const P&) { return bell(negabs(x), 0); }
  /** Float32 data (math32.h): sigmoidPair32(x, 0) and bell32(-|x|, 2^-32), binary32 throughout. */
  SA_MEMBER static VF f32(VF x, const PF&) { return sigmoid32(x); }
  SA_MEMBER static VF df32(VF x, const PF&) { return sigmoidDeriv32(x); }
#ifdef SA_HAS_VF_PAIRS
  /**
   * The same on four vectors at once (VF4, vec/pair.h: eight independent chains on AVX-512), the
   * derivative too: with -fsched-pressure (binding.gyp) VF4 spills less than it did, and ran 4 to
   * 7% faster than VF3 at 64K and 1M, the same at 16M (VF3 had been 8-12% faster than VF2, and
   * VF4 slower without that flag).
   */
  using Wide = VF4;
  using WideD = VF4;
  SA_MEMBER static Wide f32w(Wide x, const PF&) { return wide4::sigmoid32(x); }
  SA_MEMBER static WideD df32w(WideD x, const PF&) { return wide4::sigmoidDeriv32(x); }
#endif
};
#endif
