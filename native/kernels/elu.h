// elu (src/reference/elu.ts): x > 0 ? x : alpha·expm1(x). p0 = alpha.
struct elu {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P& p) { return sel(gt(x, C(0)), x, p.p0 * vexpm1(x)); }
  SA_MEMBER static V df(V x, const P& p) { return sel(gt(x, C(0)), C(1), p.p0 * vexp(x)); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
