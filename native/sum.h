// The canonical summation order of src/reference/sum.ts: terms in index order, blocks of 4096;
// inside a block term j goes to lane j mod 16 of 16 binary64 partial sums starting at +0; the
// lanes fold in halves (8, 4, 2, 1); block sums are added left to right. LANES divides 16, so the
// 16 partial sums are 16 / LANES vectors whatever the ISA, and the bits never depend on it.
#ifndef SA_SUM_H
#define SA_SUM_H

constexpr int SUM_LANES = 16;
constexpr size_t SUM_BLOCK = 4096;
constexpr int SUM_VECTORS = SUM_LANES / LANES;
static_assert(SUM_LANES % LANES == 0, "LANES must divide 16");

/** l[i] += l[i + half] for half = 8, 4, 2, 1; returns l[0]. */
SA_INLINE double fold16(double* l) {
  for (int half = SUM_LANES / 2; half >= 1; half >>= 1) {
    for (int i = 0; i < half; i++) l[i] += l[i + half];
  }
  return l[0];
}

/**
 * The canonical sum fed in pieces, in index order: every piece but the last has a multiple of 16
 * terms, so that each starts on lane 0 (softmax's backward sums dy_j·s_j as it forms s_j).
 */
struct CanonicalSum {
  V acc[SUM_VECTORS];
  double total = 0;
  size_t count = 0;

  CanonicalSum() { zero(); }
  SA_MEMBER void zero() {
    for (int q = 0; q < SUM_VECTORS; q++) acc[q] = splat(0);
  }
  /** The terms t[0..n), after the count terms already added (float terms are widened exactly). */
  template <class T>
  SA_MEMBER void add(const T* t, size_t n) {
    for (size_t j = 0; j < n;) {
      const size_t start = j, room = SUM_BLOCK - count % SUM_BLOCK;
      const size_t end = n - j < room ? n : j + room;
      for (; j + SUM_LANES <= end; j += SUM_LANES) {
        for (int q = 0; q < SUM_VECTORS; q++) acc[q] = acc[q] + load(t + j + q * LANES);
      }
      if (j < end) {
        // The last piece's last terms, on lanes 0.. (the piece started on lane 0, room is a
        // multiple of 16).
        double l[SUM_LANES];
        for (int q = 0; q < SUM_VECTORS; q++) storeLanes(l + q * LANES, acc[q]);
        for (int k = 0; j < end; j++, k++) l[k] += static_cast<double>(t[j]);
        for (int q = 0; q < SUM_VECTORS; q++) acc[q] = load(l + q * LANES);
      }
      count += end - start;
      if (count % SUM_BLOCK == 0) close();
    }
  }
  /** One group of 16 terms in vectors (count a multiple of 16, as for add's pieces). */
  SA_MEMBER void add16(const V* t) {
    for (int q = 0; q < SUM_VECTORS; q++) acc[q] = acc[q] + t[q];
    count += SUM_LANES;
    if (count % SUM_BLOCK == 0) close();
  }
  SA_MEMBER void close() {
    double l[SUM_LANES];
    for (int q = 0; q < SUM_VECTORS; q++) storeLanes(l + q * LANES, acc[q]);
    const double s = fold16(l);
    total = count <= SUM_BLOCK ? s : total + s;
    zero();
  }
  SA_MEMBER double result() {
    if (count == 0 || count % SUM_BLOCK != 0) close();
    return total;
  }
};

/** The canonical sum of t[0..n) (float terms are widened exactly). */
template <class T>
SA_INLINE double sumCanonical(const T* t, size_t n) {
  CanonicalSum s;
  s.add(t, n);
  return s.result();
}

/**
 * LANES independent canonical sums at once (one per lane: the rows of a strided softmax group),
 * fed one term vector at a time in index order.
 */
struct LaneSums {
  V acc[SUM_LANES];
  V total;
  size_t count;

  void reset() {
    for (int i = 0; i < SUM_LANES; i++) acc[i] = splat(0);
    total = splat(0);
    count = 0;
  }
  void add(V term) {
    acc[count % SUM_LANES] = acc[count % SUM_LANES] + term;
    count++;
    if (count % SUM_BLOCK == 0) close();
  }
  void close() {
    for (int half = SUM_LANES / 2; half >= 1; half >>= 1) {
      for (int i = 0; i < half; i++) acc[i] = acc[i] + acc[i + half];
    }
    total = count <= SUM_BLOCK ? acc[0] : total + acc[0];
    for (int i = 0; i < SUM_LANES; i++) acc[i] = splat(0);
  }
  V result() {
    if (count == 0 || count % SUM_BLOCK != 0) close();
    return total;
  }
};

/**
 * Many scalar canonical sums (prelu's dalpha, one per alpha element), as the reference's
 * CanonicalSum: slot s keeps 16 lanes, its term count and its running total in s[0..18).
 */
SA_INLINE void slotClose(double* s) {
  double b = fold16(s);
  s[17] = s[16] <= static_cast<double>(SUM_BLOCK) ? b : s[17] + b;
  for (int i = 0; i < SUM_LANES; i++) s[i] = 0;
}
SA_INLINE void slotAdd(double* s, double term) {
  size_t c = static_cast<size_t>(s[16]);
  s[c % SUM_LANES] += term;
  s[16] = static_cast<double>(c + 1);
  if ((c + 1) % SUM_BLOCK == 0) slotClose(s);
}
SA_INLINE double slotResult(double* s) {
  size_t c = static_cast<size_t>(s[16]);
  if (c == 0 || c % SUM_BLOCK != 0) slotClose(s);
  return s[17];
}

#endif
