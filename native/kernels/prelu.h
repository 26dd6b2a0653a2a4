// prelu (src/reference/prelu.ts): x < 0 ? alpha[a]·x : x with alpha broadcast through the alpha
// map. Backward also reduces dalpha[a] = Σ (x > 0 ? 0 : dy·x) per alpha element in the canonical
// order (sum.h: the slot's term k goes to lane k mod 16, blocks of 4096 terms).
//
// Why it is not one run at a time: after the reference's dimension merge, the common layouts
// have short runs (channels-last [rows, c] walks runs of c elements) or long constant ones
// (channels-first [n, c, h·w], scalar alpha). So the elements are walked in one of three ways:
//  - periodic: the merged dims end in a stride-0 dim followed by a pattern of P <= PCAP elements
//    (channels-last: P = c). The pattern's alpha values are expanded once per unit into a buffer
//    holding whole periods, and long spans of x run against it as a plain two-input vector loop.
//    Backward with a single-dim pattern (one alpha element per pattern position, channels-last)
//    keeps the 16 lanes of every slot lane-major (acc[l·P + j]): term k of slot j is element
//    k·P + j of the unit, so with the slot counts aligned it goes to acc[(k mod 16)·P + j] and the
//    whole unit is a vector loop over x against acc with period 16·P, in canonical order. Small
//    patterns (16·P doubles in at most MAX_GV vectors: 8 channels on AVX-512) keep acc in
//    registers over whole groups of 16 periods instead (groupsInRegisters).
//    Longer patterns of short runs (channels-first with 7x7 planes) use the caller's scratch.
//  - runs: constant (stride 0) or contiguous (stride 1) alpha along long runs: one vector loop
//    per run with a splat or loaded alpha (backward: backwardOneSlot, 16-lane chunks).
//  - anything else: the runs' alpha values written into the buffer, then the vector loop.
// Float32 backward on AVX-512 aligns its dx stores where that pays (and streams them, as forward
// does, for outputs of STREAM_MIN_BYTES and more): the lane sums are kept rotated so that each
// vector from the first aligned store on adds to one register (oneSlotRegionF: long runs of one
// alpha element; groupsRotatedF: patterns of 2, 4 or 8, streaming only).
// Backward on several threads (backwardSplit) keeps every sum's canonical order: whole 4096-term
// blocks per task, block sums added in order at the end (channels-last, scalar alpha), or whole
// alpha elements per task (runs of constant alpha: channels-first).
// dx and out may be x or dy: each vector is loaded before it is stored.
#ifndef SA_HAS_MASKS
/** acc + (v > 0 ? +0 : g·v): one dalpha term into a lane sum (vec/avx512.h does it under a mask). */
SA_INLINE V addNonPositiveProduct(V acc, V v, V g) { return acc + sel(gt(v, C(0)), C(0), g * v); }
/** v > 0 ? 1 : v is NaN ? v : a, prelu'(v) with slope a. */
SA_INLINE V preluSlope(V v, V a) { return sel(gt(v, C(0)), C(1), sel(isnan(v), v, a)); }
SA_INLINE VF preluSlopeF(VF v, VF a) { return sel(gt(v, splatf(0)), splatf(1), sel(isnan(v), v, a)); }
#endif

#ifdef SA_HAS_MASKS
// One alpha element's Float32 chunks on AVX-512 with aligned (or non-temporal) dx stores: the 16
// lane sums are kept rotated so that every vector of the region, which starts where a store of
// out is aligned, adds its lane k to canonical lane (k + h) mod 16 (h: the region's elements
// before the first aligned position). The region's first and last vectors are masked (lanes
// outside it are neither read nor written, and give +0 terms).
/** r[k] = v[(k + h) mod 16] for the 16 binary64 lanes of v. */
SA_INLINE V rotateLanes(V v, unsigned h) {
  const __m512i iota = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
  const __m512i ia = _mm512_and_si512(_mm512_add_epi64(iota, _mm512_set1_epi64(h)), _mm512_set1_epi64(15));
  const __m512i ib = _mm512_and_si512(_mm512_add_epi64(iota, _mm512_set1_epi64(h + 8)), _mm512_set1_epi64(15));
  return V{_mm512_permutex2var_pd(v.a, ia, v.b), _mm512_permutex2var_pd(v.a, ib, v.b)};
}
/**
 * One 16-float vector at p of the region (lanes of mask m only): acc += (x > 0 ? +0 : dy·x) lane by
 * lane, as a zero-masked product added to acc (acc is a lane sum, never -0, so adding +0 where x > 0
 * changes no bit, as the masked add of addNonPositiveProduct), and dx = dy·prelu'(x) on floats.
 */
template <int KIND>  // 0: masked, 1: aligned store, 2: non-temporal store
SA_INLINE void oneSlotVectorF(const float* x, const float* dy, float* out, __m512 alf, V& acc, __mmask16 m) {
  const __m512i t = _mm512_set1_epi32(kPreluSlopeTable);
  __m512 vf, gf;
  __m512d v0, v1, g0, g1;
  if (KIND == 0) {
    vf = _mm512_maskz_loadu_ps(m, x);
    gf = _mm512_maskz_loadu_ps(m, dy);
    v0 = _mm512_cvtps_pd(_mm512_castps512_ps256(vf));
    v1 = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(vf), 1)));
    g0 = _mm512_cvtps_pd(_mm512_castps512_ps256(gf));
    g1 = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(gf), 1)));
  } else {
    vf = _mm512_loadu_ps(x);
    gf = _mm512_loadu_ps(dy);
    v0 = _mm512_cvtps_pd(_mm256_loadu_ps(x));
    v1 = _mm512_cvtps_pd(_mm256_loadu_ps(x + 8));
    g0 = _mm512_cvtps_pd(_mm256_loadu_ps(dy));
    g1 = _mm512_cvtps_pd(_mm256_loadu_ps(dy + 8));
  }
  // Not greater than 0 (NaN included): the lanes whose term is dy·x.
  const __mmask8 le0 = _mm512_cmp_pd_mask(v0, _mm512_setzero_pd(), _CMP_NGT_UQ);
  const __mmask8 le1 = _mm512_cmp_pd_mask(v1, _mm512_setzero_pd(), _CMP_NGT_UQ);
  acc.a = _mm512_add_pd(acc.a, _mm512_maskz_mul_pd(le0, g0, v0));
  acc.b = _mm512_add_pd(acc.b, _mm512_maskz_mul_pd(le1, g1, v1));
  const __m512 d = _mm512_mul_ps(gf, _mm512_fixupimm_ps(alf, vf, t, 0));
  if (KIND == 0) _mm512_mask_storeu_ps(out, m, d);
  else if (KIND == 1) _mm512_store_ps(out, d);
  else _mm512_stream_ps(out, d);
}
/**
 * n elements (a multiple of 16, at least 32) of one alpha element whose first term goes to lane 0:
 * acc (the canonical 16 lanes) takes their terms in order, out their dx, with every store but
 * the first and last one aligned (nt: non-temporal; the caller fences).
 */
SA_INLINE void oneSlotRegionF(const float* x, const float* dy, float* out, size_t n, float alpha, V& acc, bool nt) {
  const __m512 alf = _mm512_set1_ps(alpha);
  const unsigned h = static_cast<unsigned>(headToStore<64>(out));
  V r = h ? rotateLanes(acc, h) : acc;
  size_t i = h;
  if (h) oneSlotVectorF<0>(x + h - 16, dy + h - 16, out + h - 16, alf, r, static_cast<__mmask16>(0xffffu << (16 - h)));
  if (nt) {
    for (; i + 16 <= n; i += 16) oneSlotVectorF<2>(x + i, dy + i, out + i, alf, r, 0xffff);
  } else {
    for (; i + 16 <= n; i += 16) oneSlotVectorF<1>(x + i, dy + i, out + i, alf, r, 0xffff);
  }
  if (h) {
    oneSlotVectorF<0>(x + i, dy + i, out + i, alf, r, static_cast<__mmask16>((1u << (16 - h)) - 1));
    r = rotateLanes(r, 16 - h);
  }
  acc = r;
}
#endif

struct prelu {
  /** Periodic patterns up to this many elements are expanded into the buffer. */
  static constexpr size_t PCAP = 1024;
  /** Elements of the expanded-alpha buffer (whole periods of up to PCAP). */
  static constexpr size_t BUF = 2048;
  /** Backward's lane-major sums cover patterns up to this many positions (16·PCAP_B doubles). */
  static constexpr size_t PCAP_B = 16384;

  /** The reference's mergeMap (adjacent dims whose alpha strides line up, merged), size-1 dims dropped. */
  struct Layout {
    size_t dims[64], strides[64];
    int rank;
    size_t total;
    /** The last stride-0 dim before the last dim (-1: none) and the pattern length after it. */
    int k;
    size_t P;
  };

  static void merge(const sa::PreluArgs& p, Layout& L) {
    L.rank = 0;
    for (int k = 0; k < p.rank; k++) {
      size_t d = static_cast<size_t>(p.dims[k]), s = static_cast<size_t>(p.strides[k]);
      // A dim of size 1 changes neither the order nor any alpha index: dropping it first lets
      // more dims merge (channels-first [n, c, 1, 1] becomes [n, c]).
      if (d == 1) continue;
      if (L.rank > 0 && L.strides[L.rank - 1] == s * d) {
        L.dims[L.rank - 1] *= d;
        L.strides[L.rank - 1] = s;
      } else {
        L.dims[L.rank] = d;
        L.strides[L.rank] = s;
        L.rank++;
      }
    }
    L.total = 1;
    for (int k = 0; k < L.rank; k++) L.total *= L.dims[k];
    L.k = -1;
    for (int k = L.rank - 2; k >= 0; k--) {
      if (L.strides[k] == 0) { L.k = k; break; }
    }
    L.P = 1;
    for (int k = L.k + 1; k < L.rank; k++) L.P *= L.dims[k];
  }

  /**
   * Calls visit(s0, len, a, stride) for the pieces of the runs along dims[q..rank) (flattened,
   * one unit of U elements) that fall in [begin, end), in order; a is the alpha index of element
   * s0 when q = rank - 1 (runs), or the unit's base index otherwise (element s0 may be inside).
   */
  template <class F>
  SA_MEMBER static void walk(const Layout& L, int q, size_t begin, size_t end, F visit) {
    const int rank = L.rank;
    size_t U = 1;
    for (int d = q; d < rank; d++) U *= L.dims[d];
    const size_t runStride = q == rank - 1 ? L.strides[rank - 1] : 0;
    size_t coord[64];
    size_t a = 0, rest = begin / U;
    for (int d = q - 1; d >= 0; d--) {
      coord[d] = rest % L.dims[d];
      rest /= L.dims[d];
      a += coord[d] * L.strides[d];
    }
    for (size_t start = begin / U * U; start < end; start += U) {
      size_t s0 = start > begin ? start : begin;
      size_t s1 = start + U < end ? start + U : end;
      visit(s0, s1 - s0, s0 - start, a + (s0 - start) * runStride);
      for (int d = q - 1; d >= 0; d--) {
        coord[d]++;
        a += L.strides[d];
        if (coord[d] < L.dims[d]) break;
        a -= L.strides[d] * L.dims[d];
        coord[d] = 0;
      }
    }
  }

  /**
   * E[j] = alpha index of pattern position j (dims k+1..rank, unit base a) for j < P, run by run
   * along the last dim with an odometer over the pattern's other dims.
   */
  template <class T>
  static void fillPattern(const Layout& L, const T* alpha, size_t a, T* E) {
    const int rank = L.rank;
    const size_t R = L.dims[rank - 1], sR = L.strides[rank - 1];
    size_t coord[64];
    for (int d = L.k + 1; d < rank - 1; d++) coord[d] = 0;
    size_t off = a;
    for (size_t pos = 0; pos < L.P; pos += R) {
      if (sR == 0) {
        const T v = alpha[off];
        for (size_t j = 0; j < R; j++) E[pos + j] = v;
      } else {
        for (size_t j = 0; j < R; j++) E[pos + j] = alpha[off + j * sR];
      }
      for (int d = rank - 2; d > L.k; d--) {
        coord[d]++;
        off += L.strides[d];
        if (coord[d] < L.dims[d]) break;
        off -= L.strides[d] * L.dims[d];
        coord[d] = 0;
      }
    }
  }

  // ---- The vector loops: n elements of x against a contiguous alpha, or one alpha value. ----

  SA_MEMBER static void span(int dir, const float* x, const float* al, float* out, size_t n, bool nt) {
    if (dir == sa::FORWARD) mapf2(x, al, out, n, [](VF v, VF a) { return sel(lt(v, splatf(0)), a * v, v); }, nt);
    else mapf2(x, al, out, n, [](VF v, VF a) { return sel(gt(v, splatf(0)), splatf(1), sel(isnan(v), v, a)); }, nt);
  }
  SA_MEMBER static void span(int dir, const double* x, const double* al, double* out, size_t n, bool nt) {
    if (dir == sa::FORWARD) map2(x, al, out, n, [](V v, V a) { return sel(lt(v, C(0)), a * v, v); }, nt);
    else map2(x, al, out, n, [](V v, V a) { return sel(gt(v, C(0)), C(1), sel(isnan(v), v, a)); }, nt);
  }
  /** n elements against one vector of alpha values a (every vector of the loop takes a). */
  SA_MEMBER static void spanVec(int dir, const float* x, VF a, float* out, size_t n, bool nt) {
    if (dir == sa::FORWARD) mapf1(x, out, n, [a](VF v) { return sel(lt(v, splatf(0)), a * v, v); }, nt);
    else mapf1(x, out, n, [a](VF v) { return sel(gt(v, splatf(0)), splatf(1), sel(isnan(v), v, a)); }, nt);
  }
  SA_MEMBER static void spanVec(int dir, const double* x, V a, double* out, size_t n, bool nt) {
    if (dir == sa::FORWARD) map1(x, out, n, [a](V v) { return sel(lt(v, C(0)), a * v, v); }, nt);
    else map1(x, out, n, [a](V v) { return sel(gt(v, C(0)), C(1), sel(isnan(v), v, a)); }, nt);
  }
  SA_MEMBER static void spanSplat(int dir, const float* x, float alpha, float* out, size_t n, bool nt) {
    spanVec(dir, x, splatf(alpha), out, n, nt);
  }
  SA_MEMBER static void spanSplat(int dir, const double* x, double alpha, double* out, size_t n, bool nt) {
    spanVec(dir, x, splat(alpha), out, n, nt);
  }
  SA_MEMBER static VF vectorAt(const float* p) { return loadf(p); }
  SA_MEMBER static V vectorAt(const double* p) { return load(p); }

  /** Forward or derivative of the elements [begin, end) (a thread's share, or all). */
  template <class T>
  static void forwardRange(int dir, const sa::PreluArgs& p, const Layout& L, size_t begin, size_t end) {
    const T* x = static_cast<const T*>(p.x);
    const T* alpha = static_cast<const T*>(p.alpha);
    T* out = static_cast<T*>(p.out);
    const bool nt = p.stream;
    const size_t R = L.rank ? L.dims[L.rank - 1] : 1;
    const size_t sR = L.rank ? L.strides[L.rank - 1] : 0;
    T E[BUF];
    // Periodic: Eb holds whole periods of the unit's alpha pattern (cap elements at most).
    // Where cap holds lcm(P, W) + P elements, spans are aligned: a short first span up to the
    // first position where a vector store is aligned, then spans of M elements, M a multiple of
    // P and of the vector width W, so each starts at the same phase and at an aligned store, and
    // none pays mapLanes's head vectors and overlapping last one (channels-last [n/8, 8] spent
    // 13% more than a single alpha at 64K with spans that restarted at phase 0, unaligned).
    // Otherwise spans restart at phase 0.
    constexpr size_t W = sizeof(T) == sizeof(float) ? LANESF : LANES;
    auto periodic = [&](T* Eb, size_t cap) {
      const size_t P = L.P;
      size_t g = P, w = W;
      while (w) { size_t r = g % w; g = w; w = r; }
      const size_t lcm = P / g * W;
      walk(L, L.k, begin, end, [&](size_t s0, size_t len, size_t off, size_t a) {
        size_t ph = off % P;
        size_t i = s0, e = s0 + len;
        // The short first span, up to the first position where a vector store is aligned.
        auto toAligned = [&](size_t& i, size_t e, size_t& ph) {
          size_t head = headToStore<W * sizeof(T)>(out + i);
          if (!head) return;
          size_t n = head < e - i ? head : e - i;
          span(dir, x + i, Eb + ph, out + i, n, nt);
          i += n;
          ph = (ph + n) % P;
        };
        if (W % P == 0) {
          // P divides the vector width: from an aligned store on, every vector of a span whose
          // length is a multiple of P starts at the same phase, so alpha is one vector (no
          // stream of alpha loads): Eb + ph after the short first span, then a plain remainder.
          fillPattern(L, alpha, a, Eb);
          for (size_t j = P; j < P + W; j++) Eb[j] = Eb[j - P];
          toAligned(i, e, ph);
          size_t body = (e - i) / P * P;
          if (body) spanVec(dir, x + i, vectorAt(Eb + ph), out + i, body, nt);
          i += body;
          if (i < e) span(dir, x + i, Eb + ph, out + i, e - i, nt);
          return;
        }
        if (lcm + P <= cap) {
          const size_t M = lcm * ((cap - P) / lcm);
          // Whole periods covering Eb[ph + j] for every element j a span reads.
          size_t LE = P * ((ph + len + P - 1) / P);
          if (LE > M + P) LE = M + P;
          fillPattern(L, alpha, a, Eb);
          for (size_t filled = P; filled < LE;) {
            size_t n = filled < LE - filled ? filled : LE - filled;
            memcpy(Eb + filled, Eb, n * sizeof(T));
            filled += n;
          }
          toAligned(i, e, ph);
          for (; i < e; i += M) span(dir, x + i, Eb + ph, out + i, M < e - i ? M : e - i, nt);
          return;
        }
        // Whole periods, as many as this piece needs, up to cap elements.
        size_t need = (ph + len + P - 1) / P, LE = P * (cap / P < need ? cap / P : need);
        fillPattern(L, alpha, a, Eb);
        // Copies of the first period, doubling (every copy starts at a multiple of P).
        for (size_t filled = P; filled < LE;) {
          size_t n = filled < LE - filled ? filled : LE - filled;
          memcpy(Eb + filled, Eb, n * sizeof(T));
          filled += n;
        }
        for (size_t i = s0, e = s0 + len; i < e;) {
          size_t n = LE - ph < e - i ? LE - ph : e - i;
          span(dir, x + i, Eb + ph, out + i, n, nt);
          i += n;
          ph = 0;
        }
      });
    };
    if (L.k >= 0 && L.P <= PCAP) {
      periodic(E, BUF);
    } else if ((sR == 0 || sR == 1) && R >= 128) {
      walk(L, L.rank - 1, begin, end, [&](size_t s0, size_t len, size_t, size_t a) {
        if (sR == 0) spanSplat(dir, x + s0, alpha[a], out + s0, len, nt);
        else span(dir, x + s0, alpha + a, out + s0, len, nt);
      });
    } else if (L.k >= 0 && p.scratch && L.P <= p.scratchLen * sizeof(double) / sizeof(T)) {
      // A long pattern of short runs (channels-first, small planes, many channels): the same,
      // with the pattern in the caller's scratch (p.scratch: scratchLen doubles).
      periodic(reinterpret_cast<T*>(p.scratch), L.P);
    } else {
      // Short runs (channels-first with small planes and many channels) or other strides: the
      // runs' alpha values are written into E, then the vector loop runs BUF elements at a time.
      size_t fill = 0, from = begin;
      walk(L, L.rank > 0 ? L.rank - 1 : 0, begin, end, [&](size_t, size_t len, size_t, size_t a) {
        for (size_t j = 0; j < len;) {
          size_t n = BUF - fill < len - j ? BUF - fill : len - j;
          if (sR == 0) {
            const T v = alpha[a];
            for (size_t k = 0; k < n; k++) E[fill + k] = v;
          } else if (sR == 1) {
            memcpy(E + fill, alpha + a + j, n * sizeof(T));
          } else {
            for (size_t k = 0; k < n; k++) E[fill + k] = alpha[a + (j + k) * sR];
          }
          fill += n;
          j += n;
          if (fill == BUF) {
            span(dir, x + from, E, out + from, fill, nt);
            from += fill;
            fill = 0;
          }
        }
      });
      if (fill) span(dir, x + from, E, out + from, fill, nt);
    }
    if (nt) streamFence();  // once, after the last non-temporal store (loop.h, mapLanes)
  }

  // ---- Backward. ----

  /**
   * Backward on a run whose elements all have alpha index a (stride 0, the per-channel and scalar
   * cases): dx as usual, and the dalpha terms go straight into the slot's 16 lanes, term number c
   * to lane c mod 16. A run that starts or ends off lane 0 (short planes: h·w = 49) goes through
   * a 16-lane chunk padded with +0 terms (masked loads and stores where the ISA has them, else
   * copies through a stack buffer): a lane starts at +0 and so never holds -0, and adding +0 to
   * it changes no bit. A block closes after every 4096 terms, as slotAdd does.
   */
  template <class T>
  SA_MEMBER static void backwardOneSlot(const T* x, const T* alpha, const T* dy, T* out, size_t len, size_t a, double* s, bool nt = false) {
    const V alv = splat(static_cast<double>(alpha[a]));
    V acc[SUM_VECTORS];
    for (int q = 0; q < SUM_VECTORS; q++) acc[q] = load(s + q * LANES);
    size_t c = static_cast<size_t>(s[16]);
    for (size_t j = 0; j < len;) {
      const size_t ph = c % SUM_LANES;
      size_t done;
      if (ph == 0 && len - j >= static_cast<size_t>(SUM_LANES)) {
        // Whole aligned chunks up to the run's end or the block's.
        size_t chunks = (len - j) / SUM_LANES, toBlock = (SUM_BLOCK - c % SUM_BLOCK) / SUM_LANES;
        if (chunks > toBlock) chunks = toBlock;
        size_t k = 0;
#ifdef SA_HAS_MASKS
        if constexpr (sizeof(T) == sizeof(float)) {
          // Long stretches (or any, when streaming): aligned (or non-temporal) dx stores, the lane
          // sums rotated. Short ones (channels-first 16x16 planes: 16 chunks) keep the loop below,
          // where the rotation and two masked vectors cost more than aligned stores save.
          if (chunks >= 64 || (nt && chunks >= 4)) {
            oneSlotRegionF(x + j, dy + j, out + j, chunks * SUM_LANES, alpha[a], acc[0], nt);
            k = chunks;
          }
        }
#endif
        if constexpr (sizeof(T) == sizeof(float)) {
          // dx on float lanes, S elements at a time (whole chunks and whole float vectors).
          constexpr size_t S = SUM_LANES > LANESF ? SUM_LANES : LANESF;
          const VF alf = splatf(alpha[a]);
          for (; (k + S / SUM_LANES) <= chunks; k += S / SUM_LANES) {
            for (size_t f = 0; f < S; f += LANESF) {
              const size_t i = j + k * SUM_LANES + f;
              VF vf = loadf(x + i), gf = loadf(dy + i);
              for (int p = 0; p < FPARTS; p++) {
                const int q = static_cast<int>((f / LANES + p) % SUM_VECTORS);
                acc[q] = addNonPositiveProduct(acc[q], load(x + i + p * LANES), load(dy + i + p * LANES));
              }
              storef(out + i, gf * preluSlopeF(vf, alf));
            }
          }
        }
        for (; k < chunks; k++) {
          for (int q = 0; q < SUM_VECTORS; q++) {
            size_t i = j + k * SUM_LANES + q * LANES;
            V v = load(x + i), g = load(dy + i);
            acc[q] = addNonPositiveProduct(acc[q], v, g);
            store(out + i, g * preluSlope(v, alv));
          }
        }
        done = chunks * SUM_LANES;
      } else {
        done = SUM_LANES - ph < len - j ? SUM_LANES - ph : len - j;
#ifdef SA_HAS_MASKS
        // Lanes [ph, ph + done) of the chunk that starts ph elements before j; the others are +0.
        static_assert(SUM_VECTORS == 1, "one vector holds the 16 lanes");
        const unsigned m = ((1u << done) - 1) << ph;
        V v = loadMasked(x + j - ph, m), g = loadMasked(dy + j - ph, m);
        acc[0] = addNonPositiveProduct(acc[0], v, g);
        storeMasked(out + j - ph, g * preluSlope(v, alv), m);
#else
        T bx[SUM_LANES], bg[SUM_LANES], bo[SUM_LANES];
        for (int k = 0; k < SUM_LANES; k++) bx[k] = bg[k] = 0;
        // Element loops, not memcpy: at most 15 elements, where a library call costs more.
        for (size_t k = 0; k < done; k++) {
          bx[ph + k] = x[j + k];
          bg[ph + k] = dy[j + k];
        }
        for (int q = 0; q < SUM_VECTORS; q++) {
          V v = load(bx + q * LANES), g = load(bg + q * LANES);
          acc[q] = addNonPositiveProduct(acc[q], v, g);
          store(bo + q * LANES, g * preluSlope(v, alv));
        }
        for (size_t k = 0; k < done; k++) out[j + k] = bo[ph + k];
#endif
      }
      j += done;
      c += done;
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

  /** Any run, one element's term at a time into its slot (the general case). */
  template <class T>
  static void backwardAnyRun(const T* x, const T* alpha, const T* dy, T* out, size_t len, size_t a0, size_t as, double* sums) {
    for (size_t j = 0; j < len; j += LANES) {
      size_t cnt = len - j < static_cast<size_t>(LANES) ? len - j : LANES;
      T b[LANES];
      for (int k = 0; k < LANES; k++) b[k] = 0;
      for (size_t k = 0; k < cnt; k++) b[k] = alpha[a0 + (j + k) * as];
      V al = load(b);
      V v = loadGroup(x + j, cnt), g = loadGroup(dy + j, cnt);
      M pos = gt(v, C(0));
      double terms[LANES];
      storeLanes(terms, sel(pos, C(0), g * v));
      storeGroup(out + j, g * preluSlope(v, al), cnt);
      for (size_t k = 0; k < cnt; k++) slotAdd(sums + (a0 + (j + k) * as) * 18, terms[k]);
    }
  }

  /**
   * n elements against lane-major sums acc and a contiguous alpha: acc[i] += (x > 0 ? 0 : dy·x),
   * dx[i] = dy·prelu'(x). The scalar tail computes the same binary64 operations.
   */
  template <class T>
  SA_MEMBER static void backwardSpan(const T* x, const T* al, const T* dy, T* out, double* acc, size_t n) {
    size_t i = 0;
    for (; i + LANES <= n; i += LANES) {
      V v = load(x + i), g = load(dy + i), a = load(al + i);
      store(acc + i, addNonPositiveProduct(load(acc + i), v, g));
      store(out + i, g * preluSlope(v, a));
    }
    for (; i < n; i++) {
      double v = static_cast<double>(x[i]), g = static_cast<double>(dy[i]);
      acc[i] += v > 0 ? 0.0 : g * v;
      out[i] = static_cast<T>(g * (v > 0 ? 1.0 : v != v ? v : static_cast<double>(al[i])));
    }
  }

  /**
   * The alpha values of one pattern (alpha[a + j·sR], j < P) as a contiguous source for periods:
   * alpha itself when contiguous and long (m = 1), else m whole periods in E (m | 16).
   */
  template <class T>
  SA_MEMBER static const T* alphaPeriods(const T* alpha, size_t a, size_t sR, size_t P, T* E, size_t& m) {
    m = 1;
    if (sR == 1 && P >= 64) return alpha + a;
    while (m < 16 && 2 * m * P <= BUF) m *= 2;
    for (size_t j = 0; j < P; j++) E[j] = alpha[a + j * sR];
    for (size_t filled = P; filled < m * P; filled += filled) memcpy(E + filled, E, filled * sizeof(T));
    return E;
  }

  /**
   * Whole 16-period groups from lane row 0 of a small pattern, 16P = GV·LANES, with the 16P lane
   * sums in GV registers: the data is walked in order and acc is read and written once (a span
   * reads and writes acc once per term). al holds the 16 periods' alpha values.
   */
  template <int GV, class T>
  SA_MEMBER static void groupsInRegisters(const T* x, const T* al, const T* dy, T* out, size_t groups, double* acc) {
    V s[GV];
    for (int q = 0; q < GV; q++) s[q] = load(acc + q * LANES);
    for (size_t i = 0; i < groups * GV * LANES; i += GV * LANES) {
      for (int q = 0; q < GV; q++) {
        V v = load(x + i + q * LANES), g = load(dy + i + q * LANES);
        s[q] = addNonPositiveProduct(s[q], v, g);
        store(out + i + q * LANES, g * preluSlope(v, load(al + q * LANES)));
      }
    }
    for (int q = 0; q < GV; q++) store(acc + q * LANES, s[q]);
  }
  /** Float32 data: the same with dx on float lanes (dy·prelu'(x) rounds once either way). */
  template <int GV>
  SA_MEMBER static void groupsInRegisters(const float* x, const float* al, const float* dy, float* out, size_t groups, double* acc) {
    static_assert(GV % FPARTS == 0, "whole float vectors");
    V s[GV];
    for (int q = 0; q < GV; q++) s[q] = load(acc + q * LANES);
    for (size_t i = 0; i < groups * GV * LANES; i += GV * LANES) {
      for (int q = 0; q < GV; q += FPARTS) {
        const size_t j = i + q * LANES;
        VF v = loadf(x + j), g = loadf(dy + j);
        for (int p = 0; p < FPARTS; p++) s[q + p] = addNonPositiveProduct(s[q + p], load(x + j + p * LANES), load(dy + j + p * LANES));
        storef(out + j, g * preluSlopeF(v, loadf(al + q * LANES)));
      }
    }
    for (int q = 0; q < GV; q++) store(acc + q * LANES, s[q]);
  }
#ifdef SA_HAS_MASKS
  /** The full vectors of groupsRotatedF from e (register 0) while they end by limit; returns where they stop. */
  template <int GV, int KIND>
  SA_MEMBER static size_t groupsRotatedFull(const float* x, const float* dy, float* out, size_t e, size_t limit, __m512 alf, V* r) {
    constexpr size_t NL = 16 * GV;
    for (; e + NL <= limit; e += NL) {
      for (int q = 0; q < GV; q++) oneSlotVectorF<KIND>(x + e + 16 * q, dy + e + 16 * q, out + e + 16 * q, alf, r[q], 0xffff);
    }
    for (int q = 0; e + 16 <= limit; e += 16, q++) oneSlotVectorF<KIND>(x + e, dy + e, out + e, alf, r[q], 0xffff);
    return e;
  }
  /**
   * Float32 groupsInRegisters on AVX-512 with aligned (or non-temporal) dx stores: the 16·GV lane
   * sums are kept rotated by h, the elements before the first aligned store (register q holds
   * acc[(16q + h + k) mod 16GV] in lane k), so that every 16-float vector from that store on adds
   * to one register; the first and last vectors are masked. The pattern (GV = P positions, P | 16)
   * gives every such vector the same alpha values, al[(h + k) mod P].
   */
  template <int GV>
  SA_MEMBER static void groupsRotatedF(const float* x, const float* al, const float* dy, float* out, size_t groups, double* acc, bool nt) {
    constexpr size_t NL = 16 * GV;
    const size_t n = groups * NL;
    const unsigned h = static_cast<unsigned>(headToStore<64>(out));
    double t[2 * NL];
    for (size_t i = 0; i < NL; i++) t[i] = t[i + NL] = acc[i];
    V r[GV];
    for (int q = 0; q < GV; q++) r[q] = load(t + 16 * q + h);
    float ab[32];
    for (int k = 0; k < 32; k++) ab[k] = al[k % GV];
    const __m512 alf = _mm512_loadu_ps(ab + h);
    size_t e = h;
    if (h) oneSlotVectorF<0>(x + h - 16, dy + h - 16, out + h - 16, alf, r[GV - 1], static_cast<__mmask16>(0xffffu << (16 - h)));
    // Full vectors up to the last one's start (h: the masked one ends the n elements).
    const size_t limit = h ? n - 16 + h : n;
    if (nt) e = groupsRotatedFull<GV, 2>(x, dy, out, e, limit, alf, r);
    else e = groupsRotatedFull<GV, 1>(x, dy, out, e, limit, alf, r);
    if (h) oneSlotVectorF<0>(x + e, dy + e, out + e, alf, r[((e - h) / 16) % GV], static_cast<__mmask16>((1u << (16 - h)) - 1));
    for (int q = 0; q < GV; q++) store(t + 16 * q + h, r[q]);
    for (size_t i = 0; i < NL; i++) acc[(i + h) % NL] = t[i + h];
  }
#endif
  /** groupsInRegisters where GV suits the data (periods checks it before calling). */
  template <int GV, class T>
  SA_MEMBER static void groupsOf(const T* x, const T* al, const T* dy, T* out, size_t groups, double* acc, bool nt) {
#ifdef SA_HAS_MASKS
    if constexpr (sizeof(T) == sizeof(float) && GV % FPARTS == 0) {
      // Only when streaming: with ordinary stores, aligning them gained nothing at 64K and 1M
      // ([n/8, 8]: 5 to 10% slower, the masked vectors and rotations per call of a 4096-period block).
      if (nt) {
        groupsRotatedF<GV>(x, al, dy, out, groups, acc, nt);
        return;
      }
    }
#endif
    if constexpr (sizeof(T) == sizeof(double) || GV % FPARTS == 0) groupsInRegisters<GV>(x, al, dy, out, groups, acc);
  }
  /** Vectors of lane sums kept in registers at most (AVX-512 has 32 vector registers, the others 16). */
  static constexpr size_t MAX_GV = LANES == 16 ? 8 : 4;

  /**
   * Periods [r0, r1) of a unit (element r·P + j has alpha position j) against lane-major sums acc
   * whose slots have count c0 + r0 at the start: spans of whole periods that neither wrap the 16
   * lanes nor cross a 4096-term block. Blocks are not closed here (r1 - r0 stops at one).
   */
  template <class T>
  SA_MEMBER static void periods(const T* x, const T* al, size_t m, const T* dy, T* out, size_t P, size_t c0, size_t r0, size_t r1,
    double* acc, bool nt) {
    const size_t GV = 16 * P / LANES;
    // GV a power of two up to MAX_GV (the instantiations below), whole float vectors for Float32.
    const bool inRegisters = m == 16 && 16 * P % LANES == 0 && GV <= MAX_GV && (GV & (GV - 1)) == 0 &&
      GV % (sizeof(T) == sizeof(float) ? FPARTS : 1) == 0;
    for (size_t r = r0; r < r1;) {
      const size_t c = c0 + r;
      if (inRegisters && c % 16 == 0 && r1 - r >= 16) {
        const size_t groups = (r1 - r) / 16;
        if (GV == 8) groupsOf<8>(x + r * P, al, dy + r * P, out + r * P, groups, acc, nt);
        else if (GV == 4) groupsOf<4>(x + r * P, al, dy + r * P, out + r * P, groups, acc, nt);
        else if (GV == 2) groupsOf<2>(x + r * P, al, dy + r * P, out + r * P, groups, acc, nt);
        else groupsOf<1>(x + r * P, al, dy + r * P, out + r * P, groups, acc, nt);
        r += groups * 16;
        continue;
      }
      size_t r2 = r + (m - c % m);
      if (r2 > r1) r2 = r1;
      backwardSpan(x + r * P, al + (c % m) * P, dy + r * P, out + r * P, acc + (c % 16) * P, (r2 - r) * P);
      r = r2;
    }
  }

  /** Folds the 16 lane rows of acc in halves (8, 4, 2, 1): acc[j] is then position j's block sum. */
  SA_MEMBER static void foldLanes(double* acc, size_t P) {
    for (size_t half = 8; half >= 1; half >>= 1) {
      for (size_t i = 0; i < half; i++) {
        for (size_t j = 0; j < P; j++) acc[i * P + j] += acc[(i + half) * P + j];
      }
    }
  }

  /** Float32 data: the same, with dx on float lanes (dy·prelu'(x), one float product rounded once). */
  SA_MEMBER static void backwardSpan(const float* x, const float* al, const float* dy, float* out, double* acc, size_t n) {
    static_assert(LANESF % LANES == 0, "float lanes must be whole binary64 vectors");
    size_t i = 0;
    for (; i + LANESF <= n; i += LANESF) {
      VF vf = loadf(x + i), gf = loadf(dy + i), af = loadf(al + i);
      for (int q = 0; q < LANESF / LANES; q++) {
        V v = load(x + i + q * LANES), g = load(dy + i + q * LANES);
        store(acc + i + q * LANES, addNonPositiveProduct(load(acc + i + q * LANES), v, g));
      }
      storef(out + i, gf * preluSlopeF(vf, af));
    }
    for (; i < n; i++) {
      double v = static_cast<double>(x[i]), g = static_cast<double>(dy[i]);
      acc[i] += v > 0 ? 0.0 : g * v;
      out[i] = static_cast<float>(g * (v > 0 ? 1.0 : v != v ? v : static_cast<double>(al[i])));
    }
  }

  /**
   * Backward of one periodic unit [s0, s0 + D·P) whose pattern is one dim (alpha index
   * a + j·sR at position j): the slots' lanes are moved into acc lane-major, the unit runs as
   * spans of whole periods, blocks close every 4096 periods, and the lanes go back. Returns false
   * (nothing done) when the P slots' counts differ, so the caller takes the general path.
   */
  template <class T>
  static bool backwardUnit(const sa::PreluArgs& p, size_t P, size_t sR, size_t s0, size_t D, size_t a, double* sums, double* acc) {
    const T* x = static_cast<const T*>(p.x) + s0;
    const T* dy = static_cast<const T*>(p.dy) + s0;
    T* out = static_cast<T*>(p.out) + s0;
    auto slot = [&](size_t j) { return sums + (a + j * sR) * 18; };
    const size_t c0 = static_cast<size_t>(slot(0)[16]);
    for (size_t j = 1; j < P; j++) {
      if (static_cast<size_t>(slot(j)[16]) != c0) return false;
    }
    T E[BUF];
    size_t m;
    const T* al = alphaPeriods(static_cast<const T*>(p.alpha), a, sR, P, E, m);
    for (size_t l = 0; l < 16; l++) {
      for (size_t j = 0; j < P; j++) acc[l * P + j] = slot(j)[l];
    }
    for (size_t r = 0; r < D;) {
      // Up to the next block boundary of the slots' counts.
      size_t r2 = r + (SUM_BLOCK - (c0 + r) % SUM_BLOCK);
      if (r2 > D) r2 = D;
      periods(x, al, m, dy, out, P, c0, r, r2, acc, p.stream != 0);
      r = r2;
      if ((c0 + r) % SUM_BLOCK == 0) {
        foldLanes(acc, P);
        const bool first = c0 + r <= SUM_BLOCK;
        for (size_t j = 0; j < P; j++) {
          double* s = slot(j);
          s[17] = first ? acc[j] : s[17] + acc[j];
        }
        for (size_t i = 0; i < 16 * P; i++) acc[i] = 0;
      }
    }
    for (size_t j = 0; j < P; j++) {
      double* s = slot(j);
      for (size_t l = 0; l < 16; l++) s[l] = acc[l * P + j];
      s[16] = static_cast<double>(c0 + D);
    }
    return true;
  }

  // ---- Backward split across threads, with the canonical order unchanged. ----

  /** What the tasks of a split backward share. */
  template <class T>
  struct Split {
    const sa::PreluArgs* p;
    const Layout* L;
    size_t P, sR, D, blocks, tasks;
    double* acc;   // block split: 16·P lanes per task
    double* bs;    // block split: blocks × P block sums
    double* sums;  // slot split: the slots
  };

  /**
   * Block split (one unit of D periods from count 0: channels-last, or a scalar alpha as P = 1):
   * each task does whole 4096-period blocks, every block from fresh lanes, and keeps each
   * position's block sum; the caller adds them left to right, as the canonical sum does.
   */
  template <class T>
  static void blockTask(void* arg, size_t t) {
    const Split<T>& S = *static_cast<const Split<T>*>(arg);
    const size_t b0 = t * S.blocks / S.tasks, b1 = (t + 1) * S.blocks / S.tasks;
    const size_t P = S.P;
    double* acc = S.acc + t * 16 * P;
    T E[BUF];
    size_t m;
    const T* al = alphaPeriods(static_cast<const T*>(S.p->alpha), 0, S.sR, P, E, m);
    const T* x = static_cast<const T*>(S.p->x);
    const T* dy = static_cast<const T*>(S.p->dy);
    T* out = static_cast<T*>(S.p->out);
    for (size_t b = b0; b < b1; b++) {
      const size_t r0 = b * SUM_BLOCK, r1 = r0 + SUM_BLOCK < S.D ? r0 + SUM_BLOCK : S.D;
      if (P == 1) {
        // One alpha element (scalar alpha): the run loop on a fresh slot, whose result is the block's sum.
        double slot[18] = {};
        backwardOneSlot(x + r0, static_cast<const T*>(S.p->alpha), dy + r0, out + r0, r1 - r0, 0, slot, S.p->stream != 0);
        S.bs[b] = slotResult(slot);
        continue;
      }
      for (size_t i = 0; i < 16 * P; i++) acc[i] = 0;
      periods(x, al, m, dy, out, P, 0, r0, r1, acc, S.p->stream != 0);
      foldLanes(acc, P);
      for (size_t j = 0; j < P; j++) S.bs[b * P + j] = acc[j];
    }
    if (S.p->stream) streamFence();
  }

  /**
   * Slot split (runs of constant alpha: channels-first): task t owns the alpha elements
   * [t·A/tasks, (t+1)·A/tasks) and does every run of theirs in index order, dx included.
   */
  template <class T>
  static void slotTask(void* arg, size_t t) {
    const Split<T>& S = *static_cast<const Split<T>*>(arg);
    const size_t A = S.p->alphaLen;
    const size_t lo = t * A / S.tasks, hi = (t + 1) * A / S.tasks;
    const T* x = static_cast<const T*>(S.p->x);
    const T* alpha = static_cast<const T*>(S.p->alpha);
    const T* dy = static_cast<const T*>(S.p->dy);
    T* out = static_cast<T*>(S.p->out);
    walk(*S.L, S.L->rank - 1, 0, S.L->total, [&](size_t s0, size_t len, size_t, size_t a) {
      if (a >= lo && a < hi) backwardOneSlot(x + s0, alpha, dy + s0, out + s0, len, a, S.sums + a * 18, S.p->stream != 0);
    });
    if (S.p->stream) streamFence();
  }

  /** Backward split across threads when the layout allows it; false: run it whole. */
  template <class T>
  static bool backwardSplit(const sa::PreluArgs& p, const Layout& L, double* sums) {
    if (!p.parallel || p.threads < 2 || L.total == 0) return false;
    const size_t sR = L.rank ? L.strides[L.rank - 1] : 0;
    Split<T> S{&p, &L, 0, sR, 0, 0, 0, nullptr, nullptr, sums};
    T* dalpha = static_cast<T*>(p.dalpha);
    if ((L.rank == 1 && sR == 0) || (L.rank == 2 && L.k == 0 && sR >= 1 && L.P <= p.alphaLen && L.P <= PCAP_B && (sR == 1 || L.P <= BUF))) {
      S.P = L.rank == 1 ? 1 : L.P;
      S.D = L.total / S.P;
      S.blocks = (S.D + SUM_BLOCK - 1) / SUM_BLOCK;
      S.tasks = S.blocks < static_cast<size_t>(p.threads) ? S.blocks : static_cast<size_t>(p.threads);
      if (S.tasks < 2 || p.alphaLen * 18 + S.tasks * 16 * S.P + S.blocks * S.P > p.scratchLen) return false;
      S.acc = sums + p.alphaLen * 18;
      S.bs = S.acc + S.tasks * 16 * S.P;
      p.parallel(p.parallelCtx, S.tasks, &blockTask<T>, &S);
      for (size_t s = 0; s < p.alphaLen; s++) dalpha[s] = 0;
      for (size_t j = 0; j < S.P; j++) {
        double total = S.bs[j];
        for (size_t b = 1; b < S.blocks; b++) total += S.bs[b * S.P + j];
        dalpha[j * sR] = static_cast<T>(total);
      }
      return true;
    }
    if (sR == 0 && L.rank >= 2 && p.alphaLen >= 2) {
      S.tasks = p.alphaLen < static_cast<size_t>(p.threads) ? p.alphaLen : static_cast<size_t>(p.threads);
      p.parallel(p.parallelCtx, S.tasks, &slotTask<T>, &S);
      for (size_t s = 0; s < p.alphaLen; s++) dalpha[s] = static_cast<T>(slotResult(sums + s * 18));
      return true;
    }
    return false;
  }

  /** Backward of everything, in index order (dalpha's canonical sums), then dalpha. */
  template <class T>
  static void backward(const sa::PreluArgs& p, const Layout& L, double* sums) {
    const T* x = static_cast<const T*>(p.x);
    const T* alpha = static_cast<const T*>(p.alpha);
    const T* dy = static_cast<const T*>(p.dy);
    T* out = static_cast<T*>(p.out);
    for (size_t i = 0; i < p.alphaLen * 18; i++) sums[i] = 0;
    if (backwardSplit<T>(p, L, sums)) return;
    const size_t sR = L.rank ? L.strides[L.rank - 1] : 0;
    auto anyRun = [&](size_t s0, size_t len, size_t, size_t a) {
      if (sR == 0) backwardOneSlot(x + s0, alpha, dy + s0, out + s0, len, a, sums + a * 18, p.stream != 0);
      else backwardAnyRun(x + s0, alpha, dy + s0, out + s0, len, a, sR, sums);
    };
    if (L.total == 0) {
    } else if (L.k == L.rank - 2 && sR >= 1 && L.P <= p.alphaLen && L.P <= PCAP_B && (sR == 1 || L.P <= BUF)) {
      // Single-dim pattern (channels-last): lane-major sums, acc after the slots in the scratch.
      const size_t P = L.P;
      double* acc = sums + p.alphaLen * 18;
      walk(L, L.k, 0, L.total, [&](size_t s0, size_t len, size_t, size_t a) {
        if (!backwardUnit<T>(p, P, sR, s0, len / P, a, sums, acc)) {
          for (size_t r = 0; r < len; r += P) anyRun(s0 + r, P, 0, a);
        }
      });
    } else {
      walk(L, L.rank > 0 ? L.rank - 1 : 0, 0, L.total, anyRun);
    }
    if (p.stream) streamFence();  // after the last non-temporal store of dx
    T* dalpha = static_cast<T*>(p.dalpha);
    for (size_t s = 0; s < p.alphaLen; s++) dalpha[s] = static_cast<T>(slotResult(sums + s * 18));
  }

  template <class T>
  static void apply(int dir, const sa::PreluArgs& p, double* sums) {
    Layout L;
    merge(p, L);
    if (dir == sa::BACKWARD) {
      backward<T>(p, L, sums);
      return;
    }
    // Forward and derivative may be asked for the elements [begin, end) only (threads split x).
    size_t begin = p.end == 0 ? 0 : p.begin;
    size_t end = p.end == 0 ? L.total : p.end;
    if (L.total != 0 && begin < end) forwardRange<T>(dir, p, L, begin, end);
  }
};

/** The PreluFn entry of the table for kernel K. */
template <class K>
static void preluKernel(int dir, int f64, const sa::PreluArgs& p, double* sums) {
  if (f64) K::template apply<double>(dir, p, sums);
  else K::template apply<float>(dir, p, sums);
}
