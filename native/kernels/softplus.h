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
  /** Float32 data: threshold test on the exact beta·x = th + tl (th > thr, or th == thr, tl > 0). */
  SA_MEMBER static MF above32(Pair32 t, const PF& p) { return mor(gt(t.h, p.p1), mand(eq(t.h, p.p1), gt(t.l, Cf(0)))); }
  /** softplus32 of src/reference/softplus.ts: (t > 0 ? x : 0) + log1p(e^-|t|)/beta. */
  SA_MEMBER static VF f32(VF x, const PF& p) {
    Pair32 t = timesExact32(p.p0, x);
    MF pos = gt(t.h, Cf(0));
    VF an = sel(pos, neg32(t.h), t.h);
    VF anl0 = sel(pos, neg32(t.l), t.l);
    VF anl = sel(lt(an, F32(m32::EXP_T_LO)), Cf(0), anl0);
    return sel(above32(t, p), x, softplusTail32<true>(x, pos, an, expCore32(an, anl), p.p0));
  }
  SA_MEMBER static VF df32(VF x, const PF& p) {
    Pair32 t = timesExact32(p.p0, x);
    return sel(above32(t, p), Cf(1), sigmoidPair32(t.h, t.l));
  }
  /**
   * beta = 1 (the default), same bits as f32 / df32 (the loop picks these per call): t = x
   * exactly, and Dekker's low part is +0 for finite x (((xh - x) + xt) + 0·xh) + 0·xt) and NaN
   * for infinite x, where the clamp an < -109 zeroes it anyway. So the threshold test is x > thr,
   * expCore32 needs no low part (see expCore32(t)), an = -|x| (x = +0 gives -0 instead of +0,
   * which e^an does not see: see sigmoid32), and the division by 1 goes.
   */
  SA_MEMBER static VF f32unit(VF x, const PF& p) { return softplusUnit32(x, p.p1); }
  SA_MEMBER static VF df32unit(VF x, const PF& p) { return softplusDerivUnit32(x, p.p1); }
#ifdef SA_HAS_VF_PAIRS
  /** f32unit / df32unit on four vectors at once (VF4, vec/pair.h), as sigmoid's f32w. */
  using Wide = VF4;
  SA_MEMBER static Wide f32unitw(Wide x, const PF& p) { return wide4::softplusUnit32(x, widen4(p.p1)); }
  SA_MEMBER static Wide df32unitw(Wide x, const PF& p) { return wide4::softplusDerivUnit32(x, widen4(p.p1)); }
#endif
};
