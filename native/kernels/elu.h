// elu (src/reference/elu.ts): x > 0 ? x : alpha·expm1(x). p0 = alpha.
struct elu {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P& p) { return sel(gt(x, C(0)), x, p.p0 * vexpm1(x)); }
  SA_MEMBER static V df(V x, const P& p) { return sel(gt(x, C(0)), C(1), p.p0 * vexp(x)); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
  /** Float32 data: alpha·mh - alpha·mln; alpha·e^x = (alpha·y + alpha·yl)·2^k, 2^k last. */
  SA_MEMBER static VF f32(VF x, const PF& p) {
    Pair32 m = expm1Core32(x);
    return sel(gt(x, Cf(0)), x, p.p0 * m.h - p.p0 * m.l);
  }
  SA_MEMBER static VF df32(VF x, const PF& p) {
    Exp32 e = expCore32(x);
    return sel(gt(x, Cf(0)), Cf(1), scale2(p.p0 * e.y + p.p0 * e.yl, e.k));
  }
};
