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
   * f32unit / f32 (any beta) on four vectors at once (VF4, vec/pair.h) where math32.h's fast form
   * applies to all of them (|beta·x| below min(threshold, 21)), else the general forms: on four
   * vectors for beta = 1, on the two halves for other betas (on four they ran 12% slower). They
   * were out of line (inline they took registers from the fast form before the AVX-512 unit got
   * -fsched-pressure); out of line, the loop ran 16M at 1.1 instead of 2.3 elements/ns for beta
   * 0.5, and at 0.65 instead of 1.3 on data beyond the threshold, depending on where the code
   * landed, for reasons not found. Inline, 64K and 1M are unchanged (general form at 64K: beta
   * 1 -3%, beta 0.5 +11%). x goes by value: by reference it was stored twice per step, before the
   * test (2.9 elements/ns instead of 3.1).
   * The beta = 1 fast form at 64K is not bound by the adder pipes (33 additions per zmm, about 17
   * cycles of 21): two of them as FMAs of exact products (k·LN2_HI, 0.5·eh; the same bits) gave
   * only +3.5% (and FMA is outside the contract); four more additions moved to the FMA pipes as
   * fma(x, 1, y) made it slower. Tried and
   * slower or no faster (same bits): VF2, VF3, six and eight VF (0.87x-0.94x); five VF (VF4 + VF)
   * +2-3% at 64K but -2% at 1M and -6% on data beyond the threshold (a lone VF general form);
   * k·LN2_HI and k·LN2_LO from 32-entry vpermt2ps tables (no k; -2%, more moves); the mask big and
   * 0.5·eh from y and 2^k (earlier in the chain; more spills, -1%); the two halves staggered
   * (exponential of the second after that of the first: 0.92x); x+ taken after L (0%).
   * df32unit (a sigmoid) and df32 on two, as sigmoid's df32w: on VF4 the backward at 16M ran 1.1-1.3
   * elements/ns instead of 2.0 (spills sharing the store queue with the streaming stores).
   */
  using WideUnit = VF4;
  using WideUnitD = VF2;
  SA_MEMBER static void f32unitSlow(VF4 x, VF4& y, const PF& p) {
    y = wide4::softplusUnitGeneric32(x, spreadTo<VF4>(p.p1));
  }
  SA_MEMBER static WideUnit f32unitw(WideUnit x, const PF& p) {
    WideUnit y;
    if (!wide4::softplusUnitFast32(x, spreadTo<WideUnit>(p.p1), y)) f32unitSlow(x, y, p);
    return y;
  }
  SA_MEMBER static WideUnitD df32unitw(WideUnitD x, const PF& p) { return wide2::softplusDerivUnit32(x, spreadTo<WideUnitD>(p.p1)); }
  using Wide = VF4;
  using WideD = VF2;
  SA_MEMBER static void f32Slow(VF4 x, VF4& y, const PF& p) {
    const VF2 beta = spreadTo<VF2>(p.p0), thr = spreadTo<VF2>(p.p1);
    y.lo = wide2::softplusGeneric32(x.lo, beta, thr);
    y.hi = wide2::softplusGeneric32(x.hi, beta, thr);
  }
  SA_MEMBER static Wide f32w(Wide x, const PF& p) {
    Wide y;
    if (!wide4::softplusFast32(x, spreadTo<Wide>(p.p0), spreadTo<Wide>(p.p1), y)) f32Slow(x, y, p);
    return y;
  }
  SA_MEMBER static WideD df32w(WideD x, const PF& p) { return wide2::softplusDeriv32(x, spreadTo<WideD>(p.p0), spreadTo<WideD>(p.p1)); }
#endif
};
