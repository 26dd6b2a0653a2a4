// leakyRelu (src/reference/leakyRelu.ts): PyTorch's x < 0 ? alpha·x : x. p0 = alpha.
struct leakyRelu {
  SA_MEMBER static V f(V x, const P& p) { return sel(lt(x, C(0)), p.p0 * x, x); }
  SA_MEMBER static V df(V x, const P& p) { return sel(gt(x, C(0)), C(1), sel(isnan(x), x, p.p0)); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
