// thresholdedRelu (src/reference/thresholdedRelu.ts): x > theta ? x : 0, NaN stays NaN. p0 = theta.
struct thresholdedRelu {
  SA_MEMBER static V f(V x, const P& p) { return sel(gt(x, p.p0), x, sel(isnan(x), x, C(0))); }
  SA_MEMBER static V df(V x, const P& p) { return sel(gt(x, p.p0), C(1), sel(isnan(x), x, C(0))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
