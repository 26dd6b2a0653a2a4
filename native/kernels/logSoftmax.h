// logSoftmax (src/reference/logSoftmax.ts): (x_j - m) - log S; an all -Inf row gives -Inf and its
// backward passes dy through. dx_j = dy_j - (e_j / S) Σ dy. Float32 rows take e_j from
// expForFloat32 (rowExp, groupExpSum, rowExpOf).
struct logSoftmax {
  /** log S as the vector log computes it, for one row sum. */
  SA_MEMBER static double logOf(double S) {
    double l[LANES];
    storeLanes(l, vlog(splat(S)));
    return l[0];
  }
  template <class T>
  SA_MEMBER static void forwardRow(const T* x, T* out, size_t n, double* e) {
    const double m = rowShift(rowMax(x, n));
    const double S = rowExp(x, n, m, e);
    const V mv = splat(m), lse = splat(logOf(S));
    const bool zero = S == 0;
    map1(x, out, n, [&](V v) { return zero ? C(-INF) : (v - mv) - lse; });
  }
  template <class T>
  SA_MEMBER static void backwardRow(const T* x, const T* dy, T* out, size_t n, double* e, double*) {
    const double S = rowExp(x, n, rowShift(rowMax(x, n)), e);
    const V g = splat(sumCanonical(dy, n));
    const V Sv = splat(S);
    const bool zero = S == 0;
    map2(dy, e, out, n, [&](V d, V ej) { return d - (zero ? C(0) : ej / Sv) * g; });
  }
  template <class T>
  SA_MEMBER static void forwardGroup(const T* x, T* out, size_t n, size_t inner, size_t G) {
    V m = groupShift(x, n, inner, G);
    V S = groupExpSum(x, n, inner, G, m);
    V lse = vlog(S);
    M zero = eq(S, C(0));
    for (size_t j = 0; j < n; j++) {
      V v = loadGroup(x + j * inner, G);
      storeGroup(out + j * inner, sel(zero, C(-INF), (v - m) - lse), G);
    }
  }
  template <class T>
  SA_MEMBER static void backwardGroup(const T* x, const T* dy, T* out, size_t n, size_t inner, size_t G) {
    V m = groupShift(x, n, inner, G);
    V S = groupExpSum(x, n, inner, G, m);
    M zero = eq(S, C(0));
    LaneSums t;
    t.reset();
    for (size_t j = 0; j < n; j++) t.add(loadGroup(dy + j * inner, G));
    V g = t.result();
    for (size_t j = 0; j < n; j++) {
      V e = rowExpOf<T>(loadGroup(x + j * inner, G) - m);
      V d = loadGroup(dy + j * inner, G);
      storeGroup(out + j * inner, d - sel(zero, C(0), e / S) * g, G);
    }
  }
};
