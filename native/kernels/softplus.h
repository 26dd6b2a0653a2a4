// softplus (src/reference/softplus.ts): PyTorch's threshold rule. p0 = beta, p1 = threshold.
#include "sigmoid.h"  // sigmoid::f, f64 and bell are shared
struct softplus {
  static constexpr bool linear = false;
  SA_MEMBER static V f(V x, const P& p) {
    V t = p.p0 * x;
    V y = (sel(gt(t, C(0)), t, C(0)) + vlog1p(vexp(negabs(t)))) / p.p0;
    return sel(gt(t, p.p1), x, y);
  }
  SA_MEMBER static V df(V x, const P& p) {
    V t = p.p0 * x;
    return sel(gt(t, p.p1), C(1), sigmoid::f(t, p));
  }
  SA_MEMBER static V f64(V x, const P& p) { return f(x, p); }
  SA_MEMBER static V df64(V x, const P& p) {
    V t = p.p0 * x;
    return sel(gt(t, p.p1), C(1), sigmoid::f64(t, p));
  }
};
