// relu (src/reference/relu.ts): x < 0 ? 0 : x keeps NaN and -0. Written once for binary64 lanes
// (V) and float lanes (VF): linear kernels run Float32 data on float lanes (same bits).
struct relu {
  static constexpr bool linear = true;
  template <class W, class Q>
  SA_MEMBER static W f(W x, const Q&) { return sel(lt(x, same(x, 0)), same(x, 0), x); }
  template <class W, class Q>
  SA_MEMBER static W df(W x, const Q&) { return sel(gt(x, same(x, 0)), same(x, 1), sel(isnan(x), x, same(x, 0))); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
