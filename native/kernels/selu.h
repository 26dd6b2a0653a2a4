// selu (src/reference/selu.ts): scale and scale·alpha applied as double-double constants.
struct selu {
  static constexpr bool linear = false;
  SA_MEMBER static V timesScale(V v) { return C(1.0507009873554805) * v + C(3.9874847667154144e-17) * v; }
  SA_MEMBER static V timesScaleAlpha(V v) { return C(1.7580993408473768) * v + C(1.41535193800845e-17) * v; }
  SA_MEMBER static V f(V x, const P&) { return sel(gt(x, C(0)), timesScale(x), timesScaleAlpha(vexpm1(x))); }
  SA_MEMBER static V df(V x, const P&) { return sel(gt(x, C(0)), C(1.0507009873554805), timesScaleAlpha(vexp(x))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
  /** Float32 data: scale·x = SD·x + SDL·x; scale·alpha·(mh - mln) = SAH·mh - (SAH·mln - SAL·mh). */
  static const uint32_t SD = 0x3f867d5e, SDL = 0x33b5488a, SAH = 0x3fe10966, SAL = 0x32c81e06, SH = 0x3f867d5f;
  SA_MEMBER static VF f32(VF x, const PF&) {
    Pair32 m = expm1Core32(x);
    VF neg = F32(SAH) * m.h - (F32(SAH) * m.l - F32(SAL) * m.h);
    VF pos = F32(SD) * x + F32(SDL) * x;
    return sel(gt(x, Cf(0)), pos, neg);
  }
  /** scale·alpha·e^x = (SAH·y + (SAH·yl + SAL·y))·2^k, the power of two last (the sum is in [1.2, 2.5]). */
  SA_MEMBER static VF df32(VF x, const PF&) {
    Exp32 e = expCore32(x);
    VF neg = scale2Normal(F32(SAH) * e.y + (F32(SAH) * e.yl + F32(SAL) * e.y), e.k);
    return sel(gt(x, Cf(0)), F32(SH), neg);
  }
};
