// thresholdedRelu (src/reference/thresholdedRelu.ts): x > theta ? x : 0, NaN stays NaN. p0 = theta.
struct thresholdedRelu {
  static constexpr bool linear = true;
  template <class W, class Q>
  SA_MEMBER static W f(W x, const Q& p) { return sel(gt(x, p.p0), x, sel(isnan(x), x, same(x, 0))); }
  template <class W, class Q>
  SA_MEMBER static W df(W x, const Q& p) { return sel(gt(x, p.p0), same(x, 1), sel(isnan(x), x, same(x, 0))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
