// leakyRelu (src/reference/leakyRelu.ts): PyTorch's x < 0 ? alpha·x : x. p0 = alpha. Linear:
// alpha·x of two floats rounds once either way, so float lanes give the binary64 path's bits.
struct leakyRelu {
  static constexpr bool linear = true;
  template <class W, class Q>
  SA_MEMBER static W f(W x, const Q& p) { return sel(lt(x, same(x, 0)), p.p0 * x, x); }
  template <class W, class Q>
  SA_MEMBER static W df(W x, const Q& p) { return sel(gt(x, same(x, 0)), same(x, 1), sel(isnan(x), x, p.p0)); }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) { return df(x, p); }
};
