// selu (src/reference/selu.ts): scale and scale·alpha applied as double-double constants.
struct selu {
  static constexpr bool linear = false;
  SA_MEMBER static V timesScale(V v) { return C(1.0507009873554805) * v + C(3.9874847667154144e-17) * v; }
  SA_MEMBER static V timesScaleAlpha(V v) { return C(1.7580993408473768) * v + C(1.41535193800845e-17) * v; }
  SA_MEMBER static V f(V x, const P&) { return sel(gt(x, C(0)), timesScale(x), timesScaleAlpha(vexpm1(x))); }
  SA_MEMBER static V df(V x, const P&) { return sel(gt(x, C(0)), C(1.0507009873554805), timesScaleAlpha(vexp(x))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
  /** Float32 data (math32.h: selu32, seluDeriv32, the float32 pairs of scale and scale·alpha). */
  SA_MEMBER static VF f32(VF x, const PF&) { return selu32(x); }
  SA_MEMBER static VF df32(VF x, const PF&) { return seluDeriv32(x); }
#ifdef SA_HAS_VF_PAIRS
  /** The same on several vectors at once (vec/pair.h), as sigmoid's f32w. */
  using Wide = VF4;
  using WideD = VF2;
  SA_MEMBER static Wide f32w(Wide x, const PF&) { return wide4::selu32(x); }
  SA_MEMBER static WideD df32w(WideD x, const PF&) { return wide2::seluDeriv32(x); }
#endif
};
