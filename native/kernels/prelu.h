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

  /** count <= LANESF float alpha values (float lanes, Float32 forward and derivative). */
  SA_MEMBER static VF alphaAtF(const float* alpha, size_t a, size_t stride, size_t count) {
    if (stride == 0) return splatf(alpha[a]);
    if (stride == 1 && count == static_cast<size_t>(LANESF)) return loadf(alpha + a);
    float b[LANESF];
    for (int k = 0; k < LANESF; k++) b[k] = 0;
    for (size_t k = 0; k < count; k++) b[k] = alpha[a + k * stride];
    return loadf(b);
  }

  /** Float32 forward / derivative on float lanes: alpha·x of two floats rounds once either way. */
  SA_MEMBER static void runF(int dir, const sa::PreluArgs& p, size_t start, size_t len, size_t a0, size_t as) {
    const float* x = static_cast<const float*>(p.x) + start;
    const float* alpha = static_cast<const float*>(p.alpha);
    float* out = static_cast<float*>(p.out) + start;
    for (size_t j = 0; j < len; j += LANESF) {
      size_t cnt = len - j < static_cast<size_t>(LANESF) ? len - j : LANESF;
      VF al = alphaAtF(alpha, a0 + j * as, as, cnt);
      VF v;
      if (cnt == static_cast<size_t>(LANESF)) {
        v = loadf(x + j);
      } else {
        float b[LANESF];
        for (int k = 0; k < LANESF; k++) b[k] = 0;
        memcpy(b, x + j, cnt * sizeof(float));
        v = loadf(b);
      }
      VF r = dir == sa::FORWARD ? sel(lt(v, splatf(0)), al * v, v) : sel(gt(v, splatf(0)), splatf(1), sel(isnan(v), v, al));
      if (cnt == static_cast<size_t>(LANESF)) {
        storef(out + j, r);
      } else {
        float b[LANESF];
        storef(b, r);
        memcpy(out + j, b, cnt * sizeof(float));
      }
    }
  }

  /**
   * Backward on a run whose elements all have alpha index a (stride 0, the per-channel and scalar
   * cases): dx as usual, and the dalpha terms go straight into the slot's 16 lanes, 16 at a time
   * once the slot's term count is a multiple of 16 (a block boundary every 4096 terms closes
   * the block exactly as slotAdd would).
   */
  template <class T>
  SA_MEMBER static void backwardOneSlot(const T* x, const T* alpha, const T* dy, T* out, size_t len, size_t a, double* s) {
    const double al = static_cast<double>(alpha[a]);
    size_t j = 0;
    auto scalar = [&](size_t i) {
      double v = static_cast<double>(x[i]), g = static_cast<double>(dy[i]);
      double term = v > 0 ? 0.0 : g * v;
      out[i] = static_cast<T>(g * (v > 0 ? 1.0 : v != v ? v : al));
      slotAdd(s, term);
    };
    while (j < len && static_cast<size_t>(s[16]) % SUM_LANES != 0) scalar(j++);
    if (j + SUM_LANES <= len) {
      const V alv = splat(al);
      V acc[SUM_VECTORS];
      for (int q = 0; q < SUM_VECTORS; q++) acc[q] = load(s + q * LANES);
      size_t c = static_cast<size_t>(s[16]);
      for (; j + SUM_LANES <= len; j += SUM_LANES) {
        for (int q = 0; q < SUM_VECTORS; q++) {
          size_t i = j + q * LANES;
          V v = load(x + i), g = load(dy + i);
          M pos = gt(v, C(0));
          acc[q] = acc[q] + sel(pos, C(0), g * v);
          store(out + i, g * sel(pos, C(1), sel(isnan(v), v, alv)));
        }
        c += SUM_LANES;
        if (c % SUM_BLOCK == 0) {
          for (int q = 0; q < SUM_VECTORS; q++) storeLanes(s + q * LANES, acc[q]);
          s[16] = static_cast<double>(c);
          slotClose(s);
          for (int q = 0; q < SUM_VECTORS; q++) acc[q] = splat(0);
        }
      }
      for (int q = 0; q < SUM_VECTORS; q++) storeLanes(s + q * LANES, acc[q]);
      s[16] = static_cast<double>(c);
    }
    while (j < len) scalar(j++);
  }

  template <class T>
  SA_MEMBER static void run(int dir, const sa::PreluArgs& p, size_t start, size_t len, size_t a0, size_t as, double* sums) {
    const T* x = static_cast<const T*>(p.x) + start;
    const T* alpha = static_cast<const T*>(p.alpha);
    const T* dy = static_cast<const T*>(p.dy) + start;
    T* out = static_cast<T*>(p.out) + start;
    if constexpr (sizeof(T) == sizeof(float)) {
      if (dir != sa::BACKWARD) {
        runF(dir, p, start, len, a0, as);
        return;
      }
    }
    if (dir == sa::BACKWARD && as == 0) {
      backwardOneSlot(x, alpha, dy, out, len, a0, sums + a0 * 18);
      return;
    }
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
    // Forward and derivative may be asked for the elements [begin, end) only (threads split x);
    // backward always runs whole, in index order, for the canonical dalpha sums.
    size_t begin = dir == sa::BACKWARD || p.end == 0 ? 0 : p.begin;
    size_t end = dir == sa::BACKWARD || p.end == 0 ? total : p.end;
    if (total != 0 && begin < end) {
      size_t run = rank ? dims[rank - 1] : 1;
      size_t runStride = rank ? strides[rank - 1] : 0;
      size_t coord[64];
      size_t a = 0, rest = begin / run;
      for (int d = rank - 2; d >= 0; d--) {
        coord[d] = rest % dims[d];
        rest /= dims[d];
        a += coord[d] * strides[d];
      }
      for (size_t start = begin / run * run; start < end; start += run) {
        size_t s0 = start > begin ? start : begin;
        size_t s1 = start + run < end ? start + run : end;
        prelu::run<T>(dir, p, s0, s1 - s0, a + (s0 - start) * runStride, runStride, sums);
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
