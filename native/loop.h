// The width-independent elementwise loop, written once: full vectors of LANES elements, then the
// tail through a zero-padded stack buffer so that it runs the very same vector code (lanes are
// independent, so the tail's bits are those of a full vector). Any alignment, any byteOffset;
// out may be x or dy (each vector is loaded before it is stored).
#ifndef SA_LOOP_H
#define SA_LOOP_H

/** The spec parameters, splatted once per call (PF: float lanes for the linear kernels). */
struct P { V p0, p1; };
struct PF { VF p0, p1; };

/** A constant of the lane type of w (for kernels written once for V and VF). */
SA_INLINE V same(V, double d) { return splat(d); }
SA_INLINE VF same(VF, double d) { return splatf(static_cast<float>(d)); }

/** out[i] = f(x[i]) for i < n (TI, TO: float or double; widening / narrowing in load / store). */
template <class TI, class TO, class F>
SA_INLINE void map1(const TI* x, TO* out, size_t n, F f) {
  size_t i = 0;
  for (; i + LANES <= n; i += LANES) store(out + i, f(load(x + i)));
  if (i < n) {
    size_t r = n - i;
    TI bx[LANES];
    TO bo[LANES];
    for (int k = 0; k < LANES; k++) bx[k] = 0;
    memcpy(bx, x + i, r * sizeof(TI));
    store(bo, f(load(bx)));
    memcpy(out + i, bo, r * sizeof(TO));
  }
}

/** out[i] = f(x[i], y[i]) for i < n. */
template <class TA, class TB, class TO, class F>
SA_INLINE void map2(const TA* x, const TB* y, TO* out, size_t n, F f) {
  size_t i = 0;
  for (; i + LANES <= n; i += LANES) store(out + i, f(load(x + i), load(y + i)));
  if (i < n) {
    size_t r = n - i;
    TA bx[LANES];
    TB by[LANES];
    TO bo[LANES];
    for (int k = 0; k < LANES; k++) { bx[k] = 0; by[k] = 0; }
    memcpy(bx, x + i, r * sizeof(TA));
    memcpy(by, y + i, r * sizeof(TB));
    store(bo, f(load(bx), load(by)));
    memcpy(out + i, bo, r * sizeof(TO));
  }
}

/** out[i] = f(x[i]) on float lanes. */
template <class F>
SA_INLINE void mapf1(const float* x, float* out, size_t n, F f) {
  size_t i = 0;
  for (; i + LANESF <= n; i += LANESF) storef(out + i, f(loadf(x + i)));
  if (i < n) {
    size_t r = n - i;
    float bx[LANESF], bo[LANESF];
    for (int k = 0; k < LANESF; k++) bx[k] = 0;
    memcpy(bx, x + i, r * sizeof(float));
    storef(bo, f(loadf(bx)));
    memcpy(out + i, bo, r * sizeof(float));
  }
}

/** out[i] = f(x[i], y[i]) on float lanes. */
template <class F>
SA_INLINE void mapf2(const float* x, const float* y, float* out, size_t n, F f) {
  size_t i = 0;
  for (; i + LANESF <= n; i += LANESF) storef(out + i, f(loadf(x + i), loadf(y + i)));
  if (i < n) {
    size_t r = n - i;
    float bx[LANESF], by[LANESF], bo[LANESF];
    for (int k = 0; k < LANESF; k++) { bx[k] = 0; by[k] = 0; }
    memcpy(bx, x + i, r * sizeof(float));
    memcpy(by, y + i, r * sizeof(float));
    storef(bo, f(loadf(bx), loadf(by)));
    memcpy(out + i, bo, r * sizeof(float));
  }
}

/** Whether K has the float32-arithmetic kernels f32 / df32 (math32.h) for Float32 data. */
template <class K, class = void>
struct HasF32 { static constexpr bool value = false; };
template <class K>
struct HasF32<K, decltype(void(&K::f32))> { static constexpr bool value = true; };

/** Whether K has f32unit / df32unit: the same bits as f32 / df32 when p0 (beta) is 1, cheaper. */
template <class K, class = void>
struct HasUnit32 { static constexpr bool value = false; };
template <class K>
struct HasUnit32<K, decltype(void(&K::f32unit))> { static constexpr bool value = true; };

/** Float32 data on float lanes: forward f, derivative df, backward dy·df (one float product). */
template <class F, class DF>
SA_INLINE void mapF32(int dir, const sa::EwArgs& a, F f, DF df) {
  const float* x = static_cast<const float*>(a.x);
  float* out = static_cast<float*>(a.out);
  if (dir == sa::FORWARD) mapf1(x, out, a.n, f);
  else if (dir == sa::DERIVATIVE) mapf1(x, out, a.n, df);
  else mapf2(x, static_cast<const float*>(a.dy), out, a.n, [&](VF v, VF g) { return g * df(v); });
}

/**
 * One elementwise function K (kernels/<name>.h) in one direction. Float32 data use K::f / K::df
 * (binary64 evaluation, one rounding at the store); backward multiplies dy by fround(f'(x)).
 * The smooth kernels with K::f32 / K::df32 run Float32 data in binary32 on float lanes instead;
 * their backward is dy·f'(x) as one float product (the reference's binary64 product of two float32
 * values is exact, and its store rounds it once: the same bits). Float64 data use K::f64 / K::df64.
 */
template <class K>
static void elementwise(int dir, int f64, const sa::EwArgs& a) {
  const P p{splat(a.p0), splat(a.p1)};
  if (f64) {
    const double* x = static_cast<const double*>(a.x);
    double* out = static_cast<double*>(a.out);
    if (dir == sa::FORWARD) map1(x, out, a.n, [&](V v) { return K::f64(v, p); });
    else if (dir == sa::DERIVATIVE) map1(x, out, a.n, [&](V v) { return K::df64(v, p); });
    else map2(x, static_cast<const double*>(a.dy), out, a.n, [&](V v, V g) { return g * K::df64(v, p); });
  } else if constexpr (HasF32<K>::value) {
    const PF pf{splatf(static_cast<float>(a.p0)), splatf(static_cast<float>(a.p1))};
    if constexpr (HasUnit32<K>::value) {
      if (a.p0 == 1) {
        mapF32(dir, a, [&](VF v) { return K::f32unit(v, pf); }, [&](VF v) { return K::df32unit(v, pf); });
        return;
      }
    }
    mapF32(dir, a, [&](VF v) { return K::f32(v, pf); }, [&](VF v) { return K::df32(v, pf); });
  } else if constexpr (K::linear) {
    // Piecewise-linear kernels: float arithmetic gives the same bits (one product of two floats,
    // rounded once; fround of an exact derivative is a no-op), on twice as many lanes.
    const PF pf{splatf(static_cast<float>(a.p0)), splatf(static_cast<float>(a.p1))};
    const float* x = static_cast<const float*>(a.x);
    float* out = static_cast<float*>(a.out);
    if (dir == sa::FORWARD) mapf1(x, out, a.n, [&](VF v) { return K::f(v, pf); });
    else if (dir == sa::DERIVATIVE) mapf1(x, out, a.n, [&](VF v) { return K::df(v, pf); });
    else mapf2(x, static_cast<const float*>(a.dy), out, a.n, [&](VF v, VF g) { return g * K::df(v, pf); });
  } else {
    const float* x = static_cast<const float*>(a.x);
    float* out = static_cast<float*>(a.out);
    if (dir == sa::FORWARD) map1(x, out, a.n, [&](V v) { return K::f(v, p); });
    else if (dir == sa::DERIVATIVE) map1(x, out, a.n, [&](V v) { return K::df(v, p); });
    else map2(x, static_cast<const float*>(a.dy), out, a.n, [&](V v, V g) { return g * fround(K::df(v, p)); });
  }
}

#endif
