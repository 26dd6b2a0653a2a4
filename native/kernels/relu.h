// relu (src/reference/relu.ts): x < 0 ? 0 : x keeps NaN and -0.
struct relu {
  SA_MEMBER static V f(V x, const P&) { return sel(lt(x, C(0)), C(0), x); }
  SA_MEMBER static V df(V x, const P&) { return sel(gt(x, C(0)), C(1), sel(isnan(x), x, C(0))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
