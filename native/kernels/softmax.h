// softmax (src/reference/softmax.ts): e^(x_j - m) / S; backward dx_j = s_j (dy_j - Σ dy·s) with s_j
// in binary64. An all -Inf row (S = 0) gives 0 and passes no gradient.
struct softmax {
  template <class T>
  SA_MEMBER static void forwardRow(const T* x, T* out, size_t n, double* e) {
    double S = rowExp(x, n, rowShift(rowMax(x, n)), e);
    const V s = splat(S);
    const bool zero = S == 0;
    map1(e, out, n, [&](V v) { return zero ? C(0) : v / s; });
  }
  template <class T>
  SA_MEMBER static void backwardRow(const T* x, const T* dy, T* out, size_t n, double* s, double* t) {
    double S = rowExp(x, n, rowShift(rowMax(x, n)), s);
    const V Sv = splat(S);
    const bool zero = S == 0;
    map1(s, s, n, [&](V v) { return zero ? C(0) : v / Sv; });
    map2(dy, s, t, n, [&](V g, V sj) { return g * sj; });
    const V g = splat(sumCanonical(t, n));
    map2(s, dy, out, n, [&](V sj, V d) { return sj * (d - g); });
  }
  template <class T>
  SA_MEMBER static void forwardGroup(const T* x, T* out, size_t n, size_t inner, size_t G) {
    V shift = groupShift(x, n, inner, G);
    V S = groupExpSum(x, n, inner, G, shift);
    M zero = eq(S, C(0));
    for (size_t j = 0; j < n; j++) {
      V e = vexp(loadGroup(x + j * inner, G) - shift);
      storeGroup(out + j * inner, sel(zero, C(0), e / S), G);
    }
  }
  template <class T>
  SA_MEMBER static void backwardGroup(const T* x, const T* dy, T* out, size_t n, size_t inner, size_t G) {
    V shift = groupShift(x, n, inner, G);
    V S = groupExpSum(x, n, inner, G, shift);
    M zero = eq(S, C(0));
    LaneSums t;
    t.reset();
    for (size_t j = 0; j < n; j++) {
      V s = sel(zero, C(0), vexp(loadGroup(x + j * inner, G) - shift) / S);
      t.add(loadGroup(dy + j * inner, G) * s);
    }
    V g = t.result();
    for (size_t j = 0; j < n; j++) {
      V s = sel(zero, C(0), vexp(loadGroup(x + j * inner, G) - shift) / S);
      storeGroup(out + j * inner, s * (loadGroup(dy + j * inner, G) - g), G);
    }
  }
};
