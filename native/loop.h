// The width-independent elementwise loop, written once (mapLanes): any alignment, any byteOffset,
// aligned stores, and out may be x or dy.
#ifndef SA_LOOP_H
#define SA_LOOP_H

/** The spec parameters, splatted once per call (PF: float lanes for the linear kernels). */
struct P { V p0, p1; };
struct PF { VF p0, p1; };

/** A constant of the lane type of w (for kernels written once for V and VF). */
SA_INLINE V same(V, double d) { return splat(d); }
SA_INLINE VF same(VF, double d) { return splatf(static_cast<float>(d)); }

/**
 * How many elements precede the first address in out where a vector store of B bytes is aligned
 * (B: a power of two). A vector store that straddles two cache lines costs two: with malloc's
 * 16-byte aligned buffers most AVX-512 stores of an unaligned loop do, and relu at 64K ran at 0.7
 * to 1.1x a memcpy depending on the byteOffset alone.
 */
template <size_t B, class TO>
SA_INLINE size_t headToStore(const TO* out) {
  size_t mis = reinterpret_cast<uintptr_t>(out) & (B - 1);
  return mis ? (B - mis) / sizeof(TO) : 0;
}

/** The two lane kinds: V (LANES binary64 lanes, loads widen float, stores narrow) and VF. */
struct LanesD {
  static constexpr size_t W = LANES;
  template <class T> SA_MEMBER static V ld(const T* p) { return load(p); }
  template <class T> SA_MEMBER static void st(T* p, V v) { store(p, v); }
  template <class T> SA_MEMBER static void nt(T* p, V v) { stream(p, v); }
};
struct LanesF {
  static constexpr size_t W = LANESF;
  SA_MEMBER static VF ld(const float* p) { return loadf(p); }
  SA_MEMBER static void st(float* p, VF v) { storef(p, v); }
  SA_MEMBER static void nt(float* p, VF v) { streamf(p, v); }
};

/** One vector of lane kind L from the r < W elements at p, zero-padded (the loop's short tail). */
template <class L, class T>
SA_INLINE auto padded(const T* p, size_t r) {
  T b[L::W];
  for (size_t k = 0; k < L::W; k++) b[k] = 0;
  memcpy(b, p, r * sizeof(T));
  return L::ld(b);
}

/** out[i..n) = f(x[i..n)...) for n - i < W, through zero-padded stack buffers. */
template <class L, class TO, class F, class... TI>
SA_INLINE void mapPadded(TO* out, size_t i, size_t n, F f, const TI*... x) {
  const size_t r = n - i;
  TO bo[L::W];
  L::st(bo, f(padded<L>(x + i, r)...));
  memcpy(out + i, bo, r * sizeof(TO));
}

/**
 * out[i] = f(x[i], ...) for i < n over the lane kind L: the loop, written once.
 * - n < 32W: full vectors, then the tail through zero-padded stack buffers, so that it runs the
 *   very same vector code (lanes are independent: the tail's bits are those of a full vector).
 *   prelu's walks call this on many short runs (planes of 49 or 256): the aligned path's two
 *   extra vectors cost them more than aligned stores save (channels-first 16x16 planes lost 10 to
 *   25% with it, and half their speed with streaming stores).
 * - Otherwise every store is aligned: one vector at 0 and one at the aligned position h < W, then
 *   aligned vectors, and the last W elements as one vector ending at n. The head and last
 *   vectors overlap their neighbours and give the shared elements the same bits twice.
 *   Every input they read is loaded before any store that could overwrite it, so out may be any
 *   of the inputs (in place).
 * - nt: the aligned middle uses non-temporal stores (EwArgs::stream: outputs too large for the
 *   cache), which skip reading each line before overwriting it, and the last partial vector goes
 *   through the padded buffers instead. The caller runs streamFence() once after its last such
 *   call, before anything else (another thread, or JS) reads out.
 * - Backward at 16M (x, dy from DRAM) runs at about 1.55x its forward's time, against 1.45x at
 *   64K. Tried on this loop and dropped (relu, leakyRelu, thresholdedRelu, sigmoid, tanh, elu;
 *   backward / forward rate, same process, interleaved): software prefetch of x and dy, 1K to 8K
 *   elements ahead, t0 / t1 / nta, per vector or per 1-2K-element block (0 to -30%); ordinary
 *   stores at 16M (-5 to -30%) and streaming ones at 1M (no gain); 2x and 4x unrolled with the
 *   stores grouped (-10% for the linear kernels, -35% for sigmoid, which then spills); results
 *   through a 2-4 KB L1 buffer streamed out in a tight loop (-5 to -15%); dy loaded at the top
 *   of the iteration (it is folded into the last product of a 700-instruction one: -3 to -8%).
 *   Two findings: with the stores sent to a 4 KB ring in L1, sigmoid's derivative at 16M is as
 *   slow as with streaming stores (the loss is on the read side); and two read streams alone
 *   from DRAM peak at about 41 GB/s on one thread (relu), so relu-like backward (12 bytes per
 *   element, 48-50 GB/s) is bound by its reads.
 */
template <class L, class TO, class F, class... TI>
SA_INLINE void mapLanes(TO* out, size_t n, bool nt, F f, const TI*... x) {
  constexpr size_t W = L::W;
  size_t i = 0;
  if (n < 32 * W) {
    for (; i + W <= n; i += W) L::st(out + i, f(L::ld(x + i)...));
    if (i < n) mapPadded<L>(out, i, n, f, x...);
    return;
  }
  // Aligned to the largest power of two dividing a vector's bytes (a step of three zmm vectors, 384
  // bytes, would be aligned to 128).
  const size_t h = headToStore<(W * sizeof(TO)) & (0 - W * sizeof(TO))>(out);
  decltype(f(L::ld(x)...)) last{};
  if (!nt && (n - (h ? h + W : 0)) % W) last = f(L::ld(x + n - W)...);
  if (h) {
    const auto a = f(L::ld(x)...), b = f(L::ld(x + h)...);
    L::st(out, a);
    L::st(out + h, b);
    i = h + W;
  }
  if (nt) {
    for (; i + W <= n; i += W) L::nt(out + i, f(L::ld(x + i)...));
  } else {
    for (; i + W <= n; i += W) L::st(out + i, f(L::ld(x + i)...));
  }
  if (i < n) {
    // After streaming stores, the padded tail: the overlapping last vector would write ordinary
    // stores into lines that non-temporal ones are still filling, which costs a partial-line
    // flush each time (prelu's channels-first planes ran at a fifth of their speed).
    if (nt) mapPadded<L>(out, i, n, f, x...);
    else L::st(out + n - W, last);
  }
}

/** out[i] = f(x[i]) for i < n (TI, TO: float or double; widening / narrowing in load / store). */
template <class TI, class TO, class F>
SA_INLINE void map1(const TI* x, TO* out, size_t n, F f, bool nt = false) { mapLanes<LanesD>(out, n, nt, f, x); }
/** out[i] = f(x[i], y[i]) for i < n. */
template <class TA, class TB, class TO, class F>
SA_INLINE void map2(const TA* x, const TB* y, TO* out, size_t n, F f, bool nt = false) {
  mapLanes<LanesD>(out, n, nt, f, x, y);
}
/** The same on float lanes. */
template <class F>
SA_INLINE void mapf1(const float* x, float* out, size_t n, F f, bool nt = false) { mapLanes<LanesF>(out, n, nt, f, x); }
template <class F>
SA_INLINE void mapf2(const float* x, const float* y, float* out, size_t n, F f, bool nt = false) {
  mapLanes<LanesF>(out, n, nt, f, x, y);
}

/** SA_MEMBER_TRAIT(Name, member): Name<K>::value says whether the kernel struct K has `member`. */
#define SA_MEMBER_TRAIT(Name, member)                                                \
  template <class K, class = void>                                                 \
  struct Name { static constexpr bool value = false; };                            \
  template <class K>                                                               \
  struct Name<K, decltype(void(&K::member))> { static constexpr bool value = true; };

/** The float32-arithmetic kernels f32 / df32 (math32.h) for Float32 data. */
SA_MEMBER_TRAIT(HasF32, f32)
/** f32unit / df32unit: the same bits as f32 / df32 when p0 (beta) is 1, cheaper. */
SA_MEMBER_TRAIT(HasUnit32, f32unit)
/** f32w / df32w: f32 / df32 on pairs of vectors (vec/pair.h), K::Wide and K::WideD. */
SA_MEMBER_TRAIT(HasWide32, f32w)
/** f32unitw / df32unitw: f32unit on K::WideUnit, df32unit on K::WideUnitD (taken before f32w / df32w). */
SA_MEMBER_TRAIT(HasWideUnit32, f32unitw)

/**
 * Float32 data on float lanes, of lane kind L for f and LD for df (LanesF, or LanesPair for pairs
 * of vectors): forward f, derivative df, backward dy·df (one float product).
 */
template <class L, class LD = L, class F, class DF>
SA_INLINE void mapF32(int dir, const sa::EwArgs& a, F f, DF df) {
  const float* x = static_cast<const float*>(a.x);
  float* out = static_cast<float*>(a.out);
  if (dir == sa::FORWARD) mapLanes<L>(out, a.n, a.stream, f, x);
  else if (dir == sa::DERIVATIVE) mapLanes<LD>(out, a.n, a.stream, df, x);
  else mapLanes<LD>(out, a.n, a.stream, [&](auto v, auto g) SA_LAMBDA { return g * df(v); }, x, static_cast<const float*>(a.dy));
}

/**
 * One elementwise function K (kernels/<name>.h) in one direction. Float32 data use K::f / K::df
 * (binary64 evaluation, one rounding at the store); backward multiplies dy by fround(f'(x)).
 * The smooth kernels with K::f32 / K::df32 run Float32 data in binary32 on float lanes instead;
 * their backward is dy·f'(x) as one float product (the reference's binary64 product of two float32
 * values is exact, and its store rounds it once: the same bits). Float64 data use K::f64 / K::df64.
 */
template <class K>
static void elementwiseStores(int dir, int f64, const sa::EwArgs& a) {
  const P p{splat(a.p0), splat(a.p1)};
  if (f64) {
    const double* x = static_cast<const double*>(a.x);
    double* out = static_cast<double*>(a.out);
    if (dir == sa::FORWARD) map1(x, out, a.n, [&](V v) { return K::f64(v, p); }, a.stream);
    else if (dir == sa::DERIVATIVE) map1(x, out, a.n, [&](V v) { return K::df64(v, p); }, a.stream);
    else map2(x, static_cast<const double*>(a.dy), out, a.n, [&](V v, V g) { return g * K::df64(v, p); }, a.stream);
  } else if constexpr (HasF32<K>::value) {
    const PF pf{splatf(static_cast<float>(a.p0)), splatf(static_cast<float>(a.p1))};
#ifdef SA_HAS_VF_PAIRS
    if constexpr (HasWideUnit32<K>::value) {
      if (a.p0 == 1) {
        using W = typename K::WideUnit;
        using WD = typename K::WideUnitD;
        mapF32<LanesPair<W>, LanesPair<WD>>(dir, a, [&](W v) SA_LAMBDA { return K::f32unitw(v, pf); },
                                            [&](WD v) SA_LAMBDA { return K::df32unitw(v, pf); });
        return;
      }
    }
    if constexpr (HasWide32<K>::value) {
      // Inlined everywhere: out of line, each call passed eight registers through memory both ways
      // (sigmoid 3.2 elements/ns at 64K instead of 3.6).
      using W = typename K::Wide;
      using WD = typename K::WideD;
      mapF32<LanesPair<W>, LanesPair<WD>>(dir, a, [&](W v) SA_LAMBDA { return K::f32w(v, pf); },
                                          [&](WD v) SA_LAMBDA { return K::df32w(v, pf); });
      return;
    }
#endif
    if constexpr (HasUnit32<K>::value) {
      if (a.p0 == 1) {
        mapF32<LanesF>(dir, a, [&](VF v) { return K::f32unit(v, pf); }, [&](VF v) { return K::df32unit(v, pf); });
        return;
      }
    }
    mapF32<LanesF>(dir, a, [&](VF v) { return K::f32(v, pf); }, [&](VF v) { return K::df32(v, pf); });
  } else if constexpr (K::linear) {
    // Piecewise-linear kernels: float arithmetic gives the same bits (one product of two floats,
    // rounded once; fround of an exact derivative is a no-op), on twice as many lanes.
    const PF pf{splatf(static_cast<float>(a.p0)), splatf(static_cast<float>(a.p1))};
    const float* x = static_cast<const float*>(a.x);
    float* out = static_cast<float*>(a.out);
    if (dir == sa::FORWARD) mapf1(x, out, a.n, [&](VF v) { return K::f(v, pf); }, a.stream);
    else if (dir == sa::DERIVATIVE) mapf1(x, out, a.n, [&](VF v) { return K::df(v, pf); }, a.stream);
    else mapf2(x, static_cast<const float*>(a.dy), out, a.n, [&](VF v, VF g) { return g * K::df(v, pf); }, a.stream);
  } else {
    const float* x = static_cast<const float*>(a.x);
    float* out = static_cast<float*>(a.out);
    if (dir == sa::FORWARD) map1(x, out, a.n, [&](V v) { return K::f(v, p); }, a.stream);
    else if (dir == sa::DERIVATIVE) map1(x, out, a.n, [&](V v) { return K::df(v, p); }, a.stream);
    else map2(x, static_cast<const float*>(a.dy), out, a.n, [&](V v, V g) { return g * fround(K::df(v, p)); }, a.stream);
  }
}

/** elementwiseStores, then the fence its non-temporal stores need (EwArgs::stream). */
template <class K>
static void elementwise(int dir, int f64, const sa::EwArgs& a) {
  elementwiseStores<K>(dir, f64, a);
  if (a.stream) streamFence();
}

#endif
