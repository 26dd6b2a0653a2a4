// tanh (src/reference/tanh.ts): -m/(2+m) with m = expm1(-2|x|); double-double for float64.
#include "sigmoid.h"  // sigmoid::f, f64 and bell are shared
struct tanh {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P&) {
    V m = vexpm1(C(-2) * vabs(x));
    V t = neg(m) / (C(2) + m);
    V y = sel(lt(x, C(0)), neg(t), t);
    return sel(lt(vabs(x), C(7.450580596923828e-9)), x, y);
  }
  SA_MEMBER static V df(V x, const P&) {
    V e = vexp(C(-2) * vabs(x));
    V d = C(1) + e;
    return (C(4) * e) / (d * d);
  }
  SA_MEMBER static V f64(V x, const P&) {
    DD m = expm1DD(C(-2) * vabs(x));
    V Dh = C(2) + m.hi;
    V Dl = ((C(2) - Dh) + m.hi) + m.lo;
    V t = ddDivide(neg(m.hi), neg(m.lo), Dh, Dl).hi;
    V y = sel(lt(x, C(0)), neg(t), t);
    return sel(lt(vabs(x), C(7.450580596923828e-9)), x, y);
  }
  SA_MEMBER static V df64(V x, const P&) { return sigmoid::bell(C(-2) * vabs(x), 2); }
  /** Float32 data: tanh32 of src/reference/tanh.ts, -mh/(2 + mh) with a first-order correction. */
  SA_MEMBER static VF f32(VF x, const PF&) { return tanh32(x); }
  SA_MEMBER static VF df32(VF x, const PF&) { return tanhDeriv32(x); }
#ifdef SA_HAS_VF_PAIRS
  /**
   * The same on four vectors at once (VF4, vec/pair.h: eight independent chains on AVX-512), the
   * derivative too: with -fsched-pressure (binding.gyp) VF4 spills less than it did, and ran 4 to
   * 7% faster than VF3 at 64K and 1M, the same at 16M (VF3 had been 8-12% faster than VF2, and
   * VF4 slower without that flag).
   */
  using Wide = VF4;
  using WideD = VF4;
  SA_MEMBER static Wide f32w(Wide x, const PF&) { return wide4::tanh32(x); }
  SA_MEMBER static WideD df32w(WideD x, const PF&) { return wide4::tanhDeriv32(x); }
#endif
};
