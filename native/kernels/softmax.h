// softmax (src/reference/softmax.ts): e^(x_j - m) / S; backward dx_j = s_j (dy_j - Σ dy·s) with s_j
// in binary64. An all -Inf row (S = 0) gives 0 and passes no gradient. Float32 rows take e_j from
// expDiff32 (math32.h: float32 arithmetic on float lanes, the exponential being most of the work,
// with e_j itself in binary64 for the canonical sum) and e_j · (1/S) instead of e_j / S (one
// rounding of 1/S per row).
struct softmax {
  /** e_j / S, or e_j · R with R = 1/S for float data (reference softmaxForward). */
  template <class T>
  SA_MEMBER static V share(V e, V S, V R) {
    return sizeof(T) == sizeof(float) ? e * R : e / S;
  }
  template <class T>
  SA_MEMBER static void forwardRow(const T* x, T* out, size_t n, double* e) {
    double S = rowExp(x, n, rowShift(rowMax(x, n)), e);
    const V s = splat(S), R = reciprocal(s);
    const bool zero = S == 0;
    map1(e, out, n, [&](V v) { return zero ? C(0) : share<T>(v, s, R); });
  }
  /**
   * forwardRow of a Float32 row whose shift m is known, with the next row's (at xn, or none) taken
   * in the output pass (rowShift(rowMax(xn, n)), returned): its loads and maxps overlap the
   * products and stores, instead of a pass of their own after this row's.
   */
  SA_MEMBER static double forwardChained(const float* x, float* out, size_t n, double* e, double m, const float* xn) {
    double S = rowExp(x, n, m, e);
    const V s = splat(S), R = reciprocal(s);
    const bool zero = S == 0;
    if (!xn || n % LANESF) {
      map1(e, out, n, [&](V v) { return zero ? C(0) : share<float>(v, s, R); });
      return xn ? rowShift(rowMax(xn, n)) : 0.0;
    }
    VF m0 = splatf(-__builtin_inff());
    MF n0 = lt(m0, m0);  // no lane
    for (size_t j = 0; j < n; j += LANESF) {
      V p[FPARTS];
      for (int P = 0; P < FPARTS; P++) p[P] = zero ? C(0) : share<float>(load(e + j + P * LANES), s, R);
      const VF a = loadf(xn + j);
      storef(out + j, narrowF(p));
      m0 = atLeast(m0, a);
      n0 = mor(n0, isnan(a));
    }
    return rowShift(foldMax(m0, n0) + 0.0);
  }
  /** s_j into s (binary64) and g = Σ dy·s for a row of shift m (backwardRow up to its last pass). */
  template <class T>
  SA_MEMBER static V backwardShares(const T* x, const T* dy, size_t n, double* s, double* t, double m) {
    double S = rowExp(x, n, m, s);
    const V Sv = splat(S), R = reciprocal(Sv);
    const bool zero = S == 0;
    // s_j, and dy_j·s_j into their canonical sum in the same pass (the sum's chain of additions
    // overlaps the rest); the last n mod 16 through map1/map2 and t.
    CanonicalSum dot;
    size_t j = 0;
    for (; j + SUM_LANES <= n; j += SUM_LANES) {
      V terms[SUM_VECTORS];
      for (int q = 0; q < SUM_VECTORS; q++) {
        const size_t i = j + q * LANES;
        const V sj = zero ? C(0) : share<T>(load(s + i), Sv, R);
        store(s + i, sj);
        terms[q] = load(dy + i) * sj;
      }
      dot.add16(terms);
    }
    map1(s + j, s + j, n - j, [&](V v) { return zero ? C(0) : share<T>(v, Sv, R); });
    map2(dy + j, s + j, t, n - j, [&](V g, V sj) { return g * sj; });
    dot.add(t, n - j);
    return splat(dot.result());
  }
  template <class T>
  SA_MEMBER static void backwardRow(const T* x, const T* dy, T* out, size_t n, double* s, double* t) {
    const V g = backwardShares(x, dy, n, s, t, rowShift(rowMax(x, n)));
    map2(s, dy, out, n, [&](V sj, V d) { return sj * (d - g); });
  }
  /** backwardRow of a Float32 row of shift m, the next row's shift taken in the last pass (forwardChained). */
  SA_MEMBER static double backwardChained(const float* x, const float* dy, float* out, size_t n, double* s, double* t,
                                          double m, const float* xn) {
    const V g = backwardShares(x, dy, n, s, t, m);
    if (!xn || n % LANESF) {
      map2(s, dy, out, n, [&](V sj, V d) { return sj * (d - g); });
      return xn ? rowShift(rowMax(xn, n)) : 0.0;
    }
    VF m0 = splatf(-__builtin_inff());
    MF n0 = lt(m0, m0);  // no lane
    for (size_t j = 0; j < n; j += LANESF) {
      V p[FPARTS];
      for (int P = 0; P < FPARTS; P++) p[P] = load(s + j + P * LANES) * (load(dy + j + P * LANES) - g);
      const VF a = loadf(xn + j);
      storef(out + j, narrowF(p));
      m0 = atLeast(m0, a);
      n0 = mor(n0, isnan(a));
    }
    return rowShift(foldMax(m0, n0) + 0.0);
  }
  template <class T>
  SA_MEMBER static void forwardGroup(const T* x, T* out, size_t n, size_t inner, size_t G) {
    const GroupExp<T> ex(groupShift(x, n, inner, G));
    V S = groupExpSum(x, n, inner, G, ex);
    V R = reciprocal(S);
    M zero = eq(S, C(0));
    ex.each(x, n, inner, G, [&](size_t j, V, V e) {
      storeGroup(out + j * inner, sel(zero, C(0), share<T>(e, S, R)), G);
    });
  }
  template <class T>
  SA_MEMBER static void backwardGroup(const T* x, const T* dy, T* out, size_t n, size_t inner, size_t G) {
    const GroupExp<T> ex(groupShift(x, n, inner, G));
    V S = groupExpSum(x, n, inner, G, ex);
    V R = reciprocal(S);
    M zero = eq(S, C(0));
    LaneSums t;
    t.reset();
    ex.each(x, n, inner, G, [&](size_t j, V, V e) {
      V s = sel(zero, C(0), share<T>(e, S, R));
      t.add(loadGroup(dy + j * inner, G) * s);
    });
    V g = t.result();
    ex.each(x, n, inner, G, [&](size_t j, V, V e) {
      V s = sel(zero, C(0), share<T>(e, S, R));
      storeGroup(out + j * inner, s * (loadGroup(dy + j * inner, G) - g), G);
    });
  }
};
