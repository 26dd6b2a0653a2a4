// logSoftmax (src/reference/logSoftmax.ts): (x_j - m) - lse (rowLse); an all -Inf row gives -Inf and its
// backward passes dy through. dx_j = dy_j - (e_j / S) Σ dy. Float32 rows take e_j from expDiff32
// (rowExpTerms, GroupExp), which takes v - m exactly: unlike Float64 rows they need no correction
// for the rounding of d = v - m in lse.
struct logSoftmax {
  /** log S as the vector log computes it, for one row sum. */
  SA_MEMBER static double logOf(double S) {
    double l[LANES];
    storeLanes(l, vlog(splat(S)));
    return l[0];
  }
  /** log1p(T) as the vector log1p computes it. */
  SA_MEMBER static double log1pOf(double t) {
    double l[LANES];
    storeLanes(l, vlog1p(splat(t)));
    return l[0];
  }
  /**
   * The row's lse (reference rowLse): c terms with x_j - m == 0, T the canonical sum of the other
   * e_j (0 in place of the c ones); lse = c == 1 ? log1p(T) : log(c + T). Sets sum = c + T. The
   * exponentials may be threaded (rowExpTerms); the zeroing and the sum are done here, in order.
   */
  template <class T>
  SA_MEMBER static double rowLse(const T* x, size_t n, double m, double* e, double& sum) {
    rowExpTerms(x, n, m, e);
    const V mv = splat(m);
    size_t c = 0;
    if constexpr (sizeof(T) == sizeof(float)) {
      // t_j = x_j - m == 0 ? 0 : e_j (expDiff32 already took x_j - m exactly) straight into the
      // canonical sum, counting c on the way (lanes counting exactly in binary64): one pass, the
      // t_j not stored (forwardRow needs only lse); the last n mod 16 through e.
      V cv = C(0);
      CanonicalSum dot;
      size_t j = 0;
      for (; j + SUM_LANES <= n; j += SUM_LANES) {
        V terms[SUM_VECTORS];
        for (int q = 0; q < SUM_VECTORS; q++) {
          const size_t i = j + q * LANES;
          const M top = eq(load(x + i) - mv, C(0));
          terms[q] = sel(top, C(0), load(e + i));
          cv = cv + sel(top, C(1), C(0));
        }
        dot.add16(terms);
      }
      double l[LANES];
      storeLanes(l, cv);
      for (int k = 0; k < LANES; k++) c += static_cast<size_t>(l[k]);
      for (size_t i = j; i < n; i++) {
        bool top = static_cast<double>(x[i]) - m == 0;
        c += top ? 1 : 0;
        e[i] = top ? 0 : e[i];
      }
      dot.add(e + j, n - j);
      const double t = dot.result(), cd = static_cast<double>(c);
      sum = cd + t;
      return c == 1 ? log1pOf(t) : logOf(cd + t);
    } else {
      // t_j = x_j - m == 0 ? 0 : e_j (1 + r), r the rounding error of d = x_j - m (two-sum; 0 for
      // d infinite), see the reference.
      const V nm = splat(-m);
      map2(x, e, e, n, [&](V v, V ej) {
        V d = v - mv, b = d - v;
        V r = sel(lt(vabs(d), C(INF)), (v - (d - b)) + (nm - b), C(0));
        return sel(eq(d, C(0)), C(0), ej + ej * r);
      });
      for (size_t j = 0; j < n; j++) c += static_cast<double>(x[j]) - m == 0 ? 1 : 0;
    }
    const double t = sumCanonical(e, n), cd = static_cast<double>(c);
    sum = cd + t;
    return c == 1 ? log1pOf(t) : logOf(cd + t);
  }
  template <class T>
  SA_MEMBER static void forwardRow(const T* x, T* out, size_t n, double* e) {
    const double m = rowShift(rowMax(x, n));
    double sum;
    const V lse = splat(rowLse(x, n, m, e, sum)), mv = splat(m);
    const bool zero = sum == 0;
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
    // rowLse per lane: c and T carried in vectors, T in the canonical order per lane.
    LaneSums s;
    s.reset();
    V c = C(0);
    const GroupExp<T> ex(m);
    ex.each(x, n, inner, G, [&](size_t, V v, V ej) {
      V d = v - m;
      M top = eq(d, C(0));
      if constexpr (sizeof(T) == sizeof(float)) {
        s.add(sel(top, C(0), ej));
      } else {
        V b = d - v;
        V r = sel(lt(vabs(d), C(INF)), (v - (d - b)) + (neg(m) - b), C(0));
        s.add(sel(top, C(0), ej + ej * r));
      }
      c = c + sel(top, C(1), C(0));
    });
    V t = s.result();
    V sum = c + t;
    V lse = sel(eq(c, C(1)), vlog1p(t), vlog(sum));
    M zero = eq(sum, C(0));
    for (size_t j = 0; j < n; j++) {
      V v = loadGroup(x + j * inner, G);
      storeGroup(out + j * inner, sel(zero, C(-INF), (v - m) - lse), G);
    }
  }
  template <class T>
  SA_MEMBER static void backwardGroup(const T* x, const T* dy, T* out, size_t n, size_t inner, size_t G) {
    const GroupExp<T> ex(groupShift(x, n, inner, G));
    V S = groupExpSum(x, n, inner, G, ex);
    M zero = eq(S, C(0));
    LaneSums t;
    t.reset();
    for (size_t j = 0; j < n; j++) t.add(loadGroup(dy + j * inner, G));
    V g = t.result();
    ex.each(x, n, inner, G, [&](size_t j, V, V e) {
      V d = loadGroup(dy + j * inner, G);
      storeGroup(out + j * inner, d - sel(zero, C(0), e / S) * g, G);
    });
  }
};
