// softplus (src/reference/softplus.ts): PyTorch's threshold rule. p0 = beta, p1 = threshold.
#include "sigmoid.h"  // sigmoid::f, f64 and bell are shared
struct softplus {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P& p) {
    V t = p.p0 * x;
    V y = (sel(gt(t, C(0)), t, C(0)) + vlog1p(vexp(negabs(t)))) / p.p0;
    return sel(gt(t, p.p1), x, y);
  }
  SA_MEMBER static V df(V x, const P& p) {
    V t = p.p0 * x;
    return sel(gt(t, p.p1), C(1), sigmoid::f(t, p));
  }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) {
    V t = p.p0 * x;
    return sel(gt(t, p.p1), C(1), sigmoid::f64(t, p));
  }
  /** softplus32 of src/reference/softplus.ts (math32.h): (t > 0 ? x : 0) + log1p(e^-|t|)/beta. */
  SA_MEMBER static VF f32(VF x, const PF& p) { return softplus32(x, p.p0, p.p1); }
  SA_MEMBER static VF df32(VF x, const PF& p) { return softplusDeriv32(x, p.p0, p.p1); }
  /** beta = 1 (the default; the loop picks these per call): f32 / df32's bits, cheaper (math32.h says why). */
  SA_MEMBER static VF f32unit(VF x, const PF& p) { return softplusUnit32(x, p.p1); }
  SA_MEMBER static VF df32unit(VF x, const PF& p) { return softplusDerivUnit32(x, p.p1); }
#ifdef SA_HAS_VF_PAIRS
  /**
   * f32unit on four vectors at once (VF4, vec/pair.h), as sigmoid's f32w; df32unit on two, as
   * sigmoid's df32w: on VF4 its backward at 16M ran 1.1-1.3 elements/ns instead of 2.0 (spills
   * sharing the store queue with the streaming stores).
   */
  using WideUnit = VF4;
  using WideUnitD = VF2;
  SA_MEMBER static WideUnit f32unitw(WideUnit x, const PF& p) { return wide4::softplusUnit32(x, spreadTo<WideUnit>(p.p1)); }
  SA_MEMBER static WideUnitD df32unitw(WideUnitD x, const PF& p) { return wide2::softplusDerivUnit32(x, spreadTo<WideUnitD>(p.p1)); }
  /** f32 / df32 (any beta) on two vectors at once (the loop takes the unit forms first where beta = 1). */
  using Wide = VF2;
  using WideD = VF2;
  SA_MEMBER static Wide f32w(Wide x, const PF& p) { return wide2::softplus32(x, spreadTo<Wide>(p.p0), spreadTo<Wide>(p.p1)); }
  SA_MEMBER static WideD df32w(WideD x, const PF& p) { return wide2::softplusDeriv32(x, spreadTo<WideD>(p.p0), spreadTo<WideD>(p.p1)); }
#endif
};
