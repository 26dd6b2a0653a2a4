// elu (src/reference/elu.ts): x > 0 ? x : alpha·expm1(x). p0 = alpha.
struct elu {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P& p) { return sel(gt(x, C(0)), x, p.p0 * vexpm1(x)); }
  SA_MEMBER static V df(V x, const P& p) { return sel(gt(x, C(0)), C(1), p.p0 * vexp(x)); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
  /** Float32 data (math32.h): alpha·mh - alpha·mln; alpha·e^x = (alpha·y + alpha·yl)·2^k, 2^k last. */
  SA_MEMBER static VF f32(VF x, const PF& p) { return elu32(x, p.p0); }
  SA_MEMBER static VF df32(VF x, const PF& p) { return eluDeriv32(x, p.p0); }
#ifdef SA_HAS_VF_PAIRS
  /** The same on several vectors at once (vec/pair.h), as sigmoid's f32w. */
  using Wide = VF4;
  using WideD = VF4;
  SA_MEMBER static Wide f32w(Wide x, const PF& p) { return wide4::elu32(x, spreadTo<Wide>(p.p0)); }
  SA_MEMBER static WideD df32w(WideD x, const PF& p) { return wide4::eluDeriv32(x, spreadTo<WideD>(p.p0)); }
#endif
};
