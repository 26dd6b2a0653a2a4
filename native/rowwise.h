// Shared pieces of softmax and logSoftmax (src/reference/softmax.ts) and the row driver.
// Two layouts: contiguous rows (inner = 1) are vectorised along the row, with the exponentials
// kept in a binary64 scratch row; strided rows (inner > 1) are vectorised across LANES adjacent
// rows (one row per lane), each lane keeping its own canonical sum, and recompute e^(x - m)
// where needed instead of storing it. Both give the reference's bits.
// The exponentials are most of a row's work. Float32 rows take them from expDiff32 (math32.h),
// float32 arithmetic that runs on the float lanes, twice as many as binary64 ones (four times on
// the scalar path's four float lanes): contiguous rows LANESF elements per step, strided groups
// FPARTS consecutive elements of their LANES rows per step. Only the terms are binary64 (y + yl
// rounded once, times an exact 2^k), so the canonical sums and everything after them are the
// binary64 code of Float64 rows.
#ifndef SA_ROWWISE_H
#define SA_ROWWISE_H

/** The row maximum with NaN winning, then + 0 (reference rowMax), for a contiguous row. */
template <class T>
SA_INLINE double rowMax(const T* x, size_t n) {
  V m = splat(-INF);
  size_t j = 0;
  for (; j + LANES <= n; j += LANES) {
    V v = load(x + j);
    m = sel(mor(gt(v, m), isnan(v)), v, m);
  }
  double l[LANES];
  storeLanes(l, m);
  double r = -INF;
  for (int k = 0; k < LANES; k++) r = (l[k] > r || l[k] != l[k]) ? l[k] : r;
  for (; j < n; j++) {
    double v = static_cast<double>(x[j]);
    r = (v > r || v != v) ? v : r;
  }
  return r + 0.0;
}

/**
 * The maximum of the lanes of m (no NaN in m: maxps keeps m where v is NaN), or NaN if any lane of
 * nan is set. The lanes fold in halves with `b > a ? b : a` (maxss, no jump), the NaN lanes
 * counted apart. A fold with `||` compiled to jumps, mispredicted wherever the running maximum
 * changed: measured (softmax of [64, 1024] without the max pass), the max cost a fifth of a row.
 */
SA_INLINE double foldMax(VF m, MF nan) {
  const VF bad = sel(nan, Cf(1), Cf(0));
  float l[LANESF], f[LANESF];
  storef(l, m);
  storef(f, bad);
  for (size_t half = LANESF / 2; half >= 1; half /= 2) {
    for (size_t k = 0; k < half; k++) {
      const float a = l[k], b = l[k + half];
      l[k] = b > a ? b : a;
      f[k] = f[k] + f[k + half];
    }
  }
  return f[0] != 0 ? static_cast<double>(__builtin_nanf("")) : static_cast<double>(l[0]);
}

/**
 * The same for a Float32 row, on float lanes with two accumulators: the maximum is exact and NaN
 * wins in any order, so the lanes' order changes nothing; on binary64 lanes it cost a sixth of a
 * softmax row once the exponentials ran on float lanes. The running maximum is `v > m ? v : m`
 * (atLeast: maxps) and the NaN lanes are collected apart, so the loop's chain is one operation.
 */
SA_INLINE double rowMax(const float* x, size_t n) {
  VF m0 = splatf(-__builtin_inff()), m1 = m0;
  MF n0 = lt(m0, m0), n1 = n0;  // no lane
  size_t j = 0;
  for (; j + 2 * LANESF <= n; j += 2 * LANESF) {
    VF a = loadf(x + j), b = loadf(x + j + LANESF);
    m0 = atLeast(m0, a);
    m1 = atLeast(m1, b);
    n0 = mor(n0, isnan(a));
    n1 = mor(n1, isnan(b));
  }
  if (j + LANESF <= n) {
    VF a = loadf(x + j);
    m0 = atLeast(m0, a);
    n0 = mor(n0, isnan(a));
    j += LANESF;
  }
  double r = foldMax(atLeast(m0, m1), mor(n0, n1));
  for (; j < n; j++) {
    double v = static_cast<double>(x[j]);
    r = (v > r || v != v) ? v : r;
  }
  return r + 0.0;
}

/** The shift of a row: its max, or 0 for an all -Inf row (reference rowShift). */
SA_INLINE double rowShift(double m) { return m == -INF ? 0.0 : m; }

/** The RowArgs of the rows this thread is running (for their optional threaded exp). */
static thread_local const sa::RowArgs* tRowArgs = nullptr;

/** 1/S for the Float32 rows (softmax multiplies by it instead of dividing by S). */
SA_INLINE V reciprocal(V S) { return C(1) / S; }

/**
 * The lane kind of a Float32 row's exponentials for mapLanes: LANESF floats in, their expDiff32
 * out as FPARTS binary64 vectors (the scratch row e is binary64: the canonical sum is).
 */
struct LanesExpDiff {
  static constexpr size_t W = LANESF;
  SA_MEMBER static VF ld(const float* p) { return loadf(p); }
  SA_MEMBER static void st(double* p, const ExpDiff32& e) {
    for (int i = 0; i < FPARTS; i++) store(p + i * LANES, e.part[i]);
  }
  SA_MEMBER static void nt(double* p, const ExpDiff32& e) { st(p, e); }
};

#ifdef SA_HAS_VF_PAIRS
/**
 * The same on a pair of vectors (VF2, VF4): expDiffCore32 of the pairs, stored VF by VF. On AVX-512
 * expRange takes VF4 for whole multiples of 4·LANESF (eight chains: the float32 part is 30 dependent
 * operations, and with one VF per step the scheduler filled with them), the rest on VF. With the
 * integer 2^k (vec/avx512.h: pow2FromMagic), a 64K row's exponentials went from 2.3 to 3.0
 * elements/ns (standalone loop, same bits), softmax forward 1.2x.
 */
template <class T>
struct LanesExpDiffW {
  static constexpr size_t W = sizeof(T) / sizeof(VF) * LANESF;
  SA_MEMBER static T ld(const float* p) { return LanesPair<T>::ld(p); }
  template <class E>
  SA_MEMBER static void st(double* p, const E& e) { storeExpDiff(p, e.y, e.yl, e.k, e.kk); }
  template <class E>
  SA_MEMBER static void nt(double* p, const E& e) { st(p, e); }
};
#endif

/**
 * e[j] = e^(x[j] - shift) for j < n (reference rowExpTerms). Float32 rows: expDiff32 on float
 * lanes, the tail through zero-padded buffers (mapLanes), so it reads nothing past x + n. Float64
 * rows: the binary64 exp of the binary64 difference.
 */
static void expRange(const float* x, double shift, double* e, size_t n) {
  const VF m = splatf(static_cast<float>(shift)), nm = neg32(m);  // shift is a float32 value or 0
#ifdef SA_HAS_VF_PAIRS
  {
    using W = VF4;
    using L = LanesExpDiffW<W>;
    const W mw = spreadTo<W>(m), nmw = spreadTo<W>(nm);
    const size_t n0 = n / L::W * L::W;
    if (n0) mapLanes<L>(e, n0, false, [&](W v) SA_LAMBDA { return wide4::expDiffCore32(v, mw, nmw); }, x);
    x += n0;
    e += n0;
    n -= n0;
  }
#endif
  mapLanes<LanesExpDiff>(e, n, false, [&](VF v) { return expDiff32(v, m, nm); }, x);
}
static void expRange(const double* x, double shift, double* e, size_t n) {
  const V s = splat(shift);
  map1(x, e, n, [&](V v) { return vexp(v - s); });
}
static void expRangeAny(int f64, const void* x, double shift, double* e, size_t n) {
  if (f64) expRange(static_cast<const double*>(x), shift, e, n);
  else expRange(static_cast<const float*>(x), shift, e, n);
}

/** e[j] = e^(x[j] - shift) for j < n (rowExp without the sum; threaded for a long row). */
template <class T>
SA_INLINE void rowExpTerms(const T* x, size_t n, double shift, double* e) {
  const sa::RowArgs* a = tRowArgs;
  if (a && a->expSplit) a->expSplit(a->expCtx, sizeof(T) == sizeof(double), x, shift, e, n);
  else expRange(x, shift, e, n);
}

/**
 * e[j] = e^(x[j] - shift) and their canonical sum (reference rowExp). A long row may have its
 * exponentials computed by several threads (RowArgs::expSplit); the values do not depend on it.
 */
template <class T>
SA_INLINE double rowExp(const T* x, size_t n, double shift, double* e) {
  rowExpTerms(x, n, shift, e);
  return sumCanonical(e, n);
}

/** A group of G <= LANES strided rows: element j of lane i at p[j*inner + i]. */
template <class T>
SA_INLINE V loadGroup(const T* p, size_t G) {
  if (G == static_cast<size_t>(LANES)) return load(p);
  T b[LANES];
  for (int k = 0; k < LANES; k++) b[k] = 0;
  memcpy(b, p, G * sizeof(T));
  return load(b);
}
template <class T>
SA_INLINE void storeGroup(T* p, V v, size_t G) {
  if (G == static_cast<size_t>(LANES)) { store(p, v); return; }
  T b[LANES];
  store(b, v);
  memcpy(p, b, G * sizeof(T));
}

/** The shift of each row of a strided group (rowShift(rowMax(...)) per lane). */
template <class T>
SA_INLINE V groupShift(const T* x, size_t n, size_t inner, size_t G) {
  V m = splat(-INF);
  for (size_t j = 0; j < n; j++) {
    V v = loadGroup(x + j * inner, G);
    m = sel(mor(gt(v, m), isnan(v)), v, m);
  }
  m = m + C(0);
  return sel(eq(m, C(-INF)), C(0), m);
}

/**
 * The exponentials e^(x_j - shift) of a strided group of T rows (reference rowExpTerms), shift from
 * groupShift. Float32 rows: FPARTS consecutive j share one VF (part P holds row element j + P of
 * every lane), loaded as floats, so that expDiff32 runs on all float lanes here too; the parts come
 * back in order of j, widened (exactly). The shift, a float32 value or 0, narrows exactly.
 * Float64 rows: exp of the binary64 difference.
 */
template <class T>
struct GroupExp {
  V shift;
  VF m, nm;
  SA_MEMBER explicit GroupExp(V s) : shift(s), m(splatf(0)), nm(splatf(0)) {
    if constexpr (sizeof(T) == sizeof(float)) {
      V p[FPARTS];
      for (int P = 0; P < FPARTS; P++) p[P] = s;
      m = narrowF(p);
      nm = neg32(m);
    }
  }
  /** fn(j, x_j, e_j) for j = 0, 1, ..., n - 1, in that order (canonical sums may be taken in fn). */
  template <class F>
  SA_MEMBER void each(const T* x, size_t n, size_t inner, size_t G, F fn) const {
    size_t j = 0;
    if constexpr (sizeof(T) == sizeof(float)) {
      for (; j + FPARTS <= n; j += FPARTS) {
        const VF v = loadGroupParts(x + j * inner, inner, G);
        eachPart<0>(j, v, expDiff32(v, m, nm), fn);
      }
      for (; j < n; j++) {
        const VF v = loadGroupParts(x + j * inner, 0, G);  // element j in every part
        fn(j, widenF<0>(v), expDiff32(v, m, nm).part[0]);
      }
    } else {
      for (; j < n; j++) {
        V v = loadGroup(x + j * inner, G);
        fn(j, v, vexp(v - shift));
      }
    }
  }

 private:
  /** Elements j + P (at p + P·step) of the G <= LANES rows of a Float32 group into part P. */
  SA_MEMBER static VF loadGroupParts(const float* p, size_t step, size_t G) {
    const float* q[FPARTS];
    if (G == static_cast<size_t>(LANES)) {
      for (int P = 0; P < FPARTS; P++) q[P] = p + P * step;
      return loadParts(q);
    }
    float b[FPARTS][LANES];
    for (int P = 0; P < FPARTS; P++) {
      for (int k = 0; k < LANES; k++) b[P][k] = 0;
      memcpy(b[P], p + P * step, G * sizeof(float));
      q[P] = b[P];
    }
    return loadParts(q);
  }
  template <int P, class F>
  SA_MEMBER static void eachPart(size_t j, VF v, const ExpDiff32& e, F& fn) {
    if constexpr (P < FPARTS) {
      fn(j + P, widenF<P>(v), e.part[P]);
      eachPart<P + 1>(j, v, e, fn);
    }
  }
};

/** The canonical sum of e^(x_j - shift) per lane of a strided group. */
template <class T>
SA_INLINE V groupExpSum(const T* x, size_t n, size_t inner, size_t G, const GroupExp<T>& ex) {
  LaneSums s;
  s.reset();
  ex.each(x, n, inner, G, [&](size_t, V, V e) { s.add(e); });
  return s.result();
}

/** forwardChained / backwardChained (kernels/softmax.h): Float32 rows chained through their shifts. */
SA_MEMBER_TRAIT(HasChained, forwardChained)
SA_MEMBER_TRAIT(HasChainedBackward, backwardChained)

/**
 * Runs a rowwise kernel K (kernels/softmax.h, kernels/logSoftmax.h) on rows o in [o0, o1):
 * K::forwardRow / backwardRow for contiguous rows, K::forwardGroup / backwardGroup for strided.
 */
template <class K, class T>
static void rowsOf(int backward, const sa::RowArgs& a, size_t o0, size_t o1, double* scratch) {
  const T* x = static_cast<const T*>(a.x);
  const T* dy = static_cast<const T*>(a.dy);
  T* out = static_cast<T*>(a.out);
  const size_t n = a.n, inner = a.inner;
  if constexpr (HasChained<K>::value && sizeof(T) == sizeof(float)) {
    if (!backward && inner == 1 && o0 < o1) {
      double m = rowShift(rowMax(x + o0 * n, n));
      for (size_t o = o0; o < o1; o++) {
        const size_t b = o * n;
        m = K::forwardChained(x + b, out + b, n, scratch, m, o + 1 < o1 ? x + b + n : nullptr);
      }
      return;
    }
  }
  if constexpr (HasChainedBackward<K>::value && sizeof(T) == sizeof(float)) {
    if (backward && inner == 1 && o0 < o1) {
      double m = rowShift(rowMax(x + o0 * n, n));
      for (size_t o = o0; o < o1; o++) {
        const size_t b = o * n;
        m = K::backwardChained(x + b, dy + b, out + b, n, scratch, scratch + n, m, o + 1 < o1 ? x + b + n : nullptr);
      }
      return;
    }
  }
  for (size_t o = o0; o < o1; o++) {
    if (inner == 1) {
      size_t b = o * n;
      if (backward) K::backwardRow(x + b, dy + b, out + b, n, scratch, scratch + n);
      else K::forwardRow(x + b, out + b, n, scratch);
      continue;
    }
    for (size_t i0 = 0; i0 < inner; i0 += LANES) {
      size_t G = inner - i0 < static_cast<size_t>(LANES) ? inner - i0 : LANES;
      size_t b = o * n * inner + i0;
      if (backward) K::backwardGroup(x + b, dy + b, out + b, n, inner, G);
      else K::forwardGroup(x + b, out + b, n, inner, G);
    }
  }
}

template <class K>
static void rowwise(int backward, int f64, const sa::RowArgs& a, size_t o0, size_t o1, double* scratch) {
  tRowArgs = &a;
  if (f64) rowsOf<K, double>(backward, a, o0, o1, scratch);
  else rowsOf<K, float>(backward, a, o0, o1, scratch);
  tRowArgs = nullptr;
}

#endif
