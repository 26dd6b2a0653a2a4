// prelu (src/reference/prelu.ts): x < 0 ? alpha[a]·x : x with alpha broadcast through the alpha
// map, visited as runs of consecutive elements (adjacent dimensions merged exactly as the
// reference's forEachRun does). Backward also reduces dalpha[a] = Σ (x > 0 ? 0 : dy·x) per alpha
// element in the canonical order (one scalar canonical sum per slot, fed in index order).
struct prelu {
  /** count <= LANES alpha values starting at index a with the given stride, widened. */
  template <class T>
  SA_MEMBER static V alphaAt(const T* alpha, size_t a, size_t stride, size_t count) {
    if (stride == 0) return splat(static_cast<double>(alpha[a]));
    if (stride == 1 && count == static_cast<size_t>(LANES)) return load(alpha + a);
    T b[LANES];
    for (int k = 0; k < LANES; k++) b[k] = 0;
    for (size_t k = 0; k < count; k++) b[k] = alpha[a + k * stride];
    return load(b);
  }

  template <class T>
  SA_MEMBER static void run(int dir, const sa::PreluArgs& p, size_t start, size_t len, size_t a0, size_t as, double* sums) {
    const T* x = static_cast<const T*>(p.x) + start;
    const T* alpha = static_cast<const T*>(p.alpha);
    const T* dy = static_cast<const T*>(p.dy) + start;
    T* out = static_cast<T*>(p.out) + start;
    for (size_t j = 0; j < len; j += LANES) {
      size_t cnt = len - j < static_cast<size_t>(LANES) ? len - j : LANES;
      V al = alphaAt(alpha, a0 + j * as, as, cnt);
      V v = loadGroup(x + j, cnt);
      if (dir == sa::FORWARD) {
        storeGroup(out + j, sel(lt(v, C(0)), al * v, v), cnt);
      } else if (dir == sa::DERIVATIVE) {
        storeGroup(out + j, sel(gt(v, C(0)), C(1), sel(isnan(v), v, al)), cnt);
      } else {
        V g = loadGroup(dy + j, cnt);
        M pos = gt(v, C(0));
        double terms[LANES];
        storeLanes(terms, sel(pos, C(0), g * v));
        storeGroup(out + j, g * sel(pos, C(1), sel(isnan(v), v, al)), cnt);
        for (size_t k = 0; k < cnt; k++) slotAdd(sums + (a0 + (j + k) * as) * 18, terms[k]);
      }
    }
  }

  /** The reference's forEachRun over the merged dimensions, then dalpha from the slot sums. */
  template <class T>
  SA_MEMBER static void apply(int dir, const sa::PreluArgs& p, double* sums) {
    size_t dims[64], strides[64];
    int rank = 0;
    for (int k = 0; k < p.rank; k++) {
      size_t d = static_cast<size_t>(p.dims[k]), s = static_cast<size_t>(p.strides[k]);
      if (rank > 0 && strides[rank - 1] == s * d) {
        dims[rank - 1] *= d;
        strides[rank - 1] = s;
      } else {
        dims[rank] = d;
        strides[rank] = s;
        rank++;
      }
    }
    size_t total = 1;
    for (int k = 0; k < rank; k++) total *= dims[k];
    if (dir == sa::BACKWARD) {
      for (size_t i = 0; i < p.alphaLen * 18; i++) sums[i] = 0;
    }
    if (total != 0) {
      size_t run = rank ? dims[rank - 1] : 1;
      size_t runStride = rank ? strides[rank - 1] : 0;
      size_t coord[64];
      for (int k = 0; k < rank; k++) coord[k] = 0;
      size_t a = 0;
      for (size_t start = 0; start < total; start += run) {
        prelu::run<T>(dir, p, start, run, a, runStride, sums);
        for (int d = rank - 2; d >= 0; d--) {
          coord[d]++;
          a += strides[d];
          if (coord[d] < dims[d]) break;
          a -= strides[d] * dims[d];
          coord[d] = 0;
        }
      }
    }
    if (dir == sa::BACKWARD) {
      T* dalpha = static_cast<T*>(p.dalpha);
      for (size_t s = 0; s < p.alphaLen; s++) dalpha[s] = static_cast<T>(slotResult(sums + s * 18));
    }
  }
};

/** The PreluFn entry of the table for kernel K. */
template <class K>
static void preluKernel(int dir, int f64, const sa::PreluArgs& p, double* sums) {
  if (f64) K::template apply<double>(dir, p, sums);
  else K::template apply<float>(dir, p, sums);
}
