// exp, expm1, log1p, log and the double-double helpers of src/reference/math.ts, written once over
// the vector abstraction (vec/*.h). Each line mirrors the reference operation by operation: same
// constants, same order of + - * /, same selects (ordered comparisons: NaN compares false), so
// every ISA returns the reference's bits. Early returns of the reference (NaN) become final
// selects; both arms of every select are evaluated (IEEE arithmetic never traps here).
//
// The vector abstraction provides: V (LANES binary64 lanes), M (lane mask), splat, + - * /,
// lt gt le ge eq isnan (ordered), mand mor, sel(m, t, f), vabs, negabs (-|x|), neg, pow2i (2^k
// from exponent bits), exponentOf / mantissa1 (split of a positive normal), load / store of
// float and double data (widen / narrow with one rounding), fround, storeLanes.
#ifndef SA_MATH_H
#define SA_MATH_H

/** A double-double value hi + lo. */
struct DD { V hi, lo; };

SA_INLINE V C(double d) { return splat(d); }

/** 1.5 * 2^52: adding and subtracting it rounds |v| < 2^51 to the nearest integer, ties to even. */
SA_INLINE V roundEven(V v) { return (v + C(6755399441055744.0)) - C(6755399441055744.0); }
/** Math.floor(k / 2) for an integer-valued k, exactly: k/2 rounded to even, minus 1 if that went up. */
SA_INLINE V floorHalf(V k) {
  V h = k * C(0.5);
  V r = roundEven(h);
  return sel(gt(r, h), r - C(1.0), r);
}

/**
 * y·2^floor(k/2)·2^(k - floor(k/2)): the reference's split scaling of e^r = y in [0.70, 1.42] by
 * 2^k, k in [-1096, 1024]. The first product is exact (y·2^k1 is normal since k1 >= -548), so
 * the result is y·2^k rounded once, which is what vscalefpd computes in one instruction.
 */
SA_INLINE V scaleSplit(V y, V k) {
#ifdef SA_HAS_SCALEF
  return scalef(y, k);
#else
  V k1 = floorHalf(k);
  return y * pow2i(k1) * pow2i(k - k1);
#endif
}

static const double LN2_HI = 6.93147180369123816490e-1;
static const double LN2_LO = 1.90821492927058770002e-10;
static const double INV_LN2 = 1.44269504088896338700;
static const double EXPM1_TINY = 5.551115123125783e-17;  // 2^-54
static const double INF = __builtin_inf();

/** The Taylor polynomial of (expm1(r) - r) / r^2: 1/2 + r/6 + ... + r^11/13!. */
SA_INLINE V expm1Poly(V r) {
  return C(1.0 / 2) + r * (C(1.0 / 6) + r * (C(1.0 / 24) + r * (C(1.0 / 120) + r * (C(1.0 / 720) +
    r * (C(1.0 / 5040) + r * (C(1.0 / 40320) + r * (C(1.0 / 362880) + r * (C(1.0 / 3628800) +
    r * (C(1.0 / 39916800) + r * (C(1.0 / 479001600) + r * C(1.0 / 6227020800.0)))))))))));
}

/** expm1(hi - lo) for the reduced argument, as hi + (tail - lo). */
SA_INLINE V expm1Reduced(V hi, V lo) {
  V r = hi - lo;
  V tail = r * r * expm1Poly(r);
  return hi + (tail - lo);
}

/** e^x (reference exp). */
SA_INLINE V vexp(V x) {
  V xc = sel(gt(x, C(710)), C(710), sel(lt(x, C(-746)), C(-746), x));
  V k = roundEven(xc * C(INV_LN2));
  V hi = xc - k * C(LN2_HI);
  V lo = k * C(LN2_LO);
  V y = C(1) + expm1Reduced(hi, lo);
  V r = scaleSplit(y, k);
  return sel(isnan(xc), xc, r);
}

/** e^x - 1 (reference expm1). */
SA_INLINE V vexpm1(V x) {
  V xc = sel(gt(x, C(710)), C(710), sel(lt(x, C(-40)), C(-40), x));
  V k = roundEven(xc * C(INV_LN2));
  V hi = xc - k * C(LN2_HI);
  V lo = k * C(LN2_LO);
  V q = expm1Reduced(hi, lo);
  V big = scaleSplit(C(1) + q, k);
  V pk = pow2i(k);
  V small = (pk - C(1)) + pk * q;
  V r = sel(gt(k, C(56)), big, small);
  r = sel(lt(vabs(x), C(EXPM1_TINY)), x, r);
  return sel(isnan(xc), xc, r);
}

/**
 * log(w) + c/w for a positive normal w (reference logCorrected). m = w·2^-k is formed from the
 * bits (mantissa1), which equals the reference's exact multiplication by pow2(-k) for normal w.
 */
SA_INLINE V logCorrected(V w, V c) {
  V k = exponentOf(w);
  V m = mantissa1(w);
  M adjust = gt(m, C(1.4142135623730951));
  m = sel(adjust, m * C(0.5), m);
  k = sel(adjust, k + C(1), k);
  V f = m - C(1);
  V s = f / (C(2) + f);
  V z = s * s;
  V R = z * (C(2.0 / 3) + z * (C(2.0 / 5) + z * (C(2.0 / 7) + z * (C(2.0 / 9) + z * (C(2.0 / 11) +
    z * (C(2.0 / 13) + z * (C(2.0 / 15) + z * (C(2.0 / 17) + z * (C(2.0 / 19) + z * (C(2.0 / 21) +
    z * (C(2.0 / 23) + z * C(2.0 / 25))))))))))));
  V hfsq = C(0.5) * f * f;
  return k * C(LN2_HI) - ((hfsq - (s * (hfsq + R) + (k * C(LN2_LO) + c / w))) - f);
}

/** log(1 + x) (reference log1p). */
SA_INLINE V vlog1p(V x) {
  V w = C(1) + x;
  V c = sel(lt(x, C(1)), x - (w - C(1)), C(1) - (w - x));
  V wc = sel(mand(gt(w, C(0)), lt(w, C(INF))), w, C(1));
  V r = logCorrected(wc, c);
  V special = sel(eq(x, C(INF)), C(INF), sel(eq(x, C(-1)), C(-INF), sel(lt(x, C(-1)), C(__builtin_nan("")), r)));
  V res = sel(lt(vabs(x), C(EXPM1_TINY)), x, special);
  return sel(isnan(x), x, res);
}

/**
 * Natural log (reference log) for x = 0, NaN, +Inf or x >= 2^-1022: logSoftmax only takes the
 * log of a row sum, which is 0 or at least 1. (For subnormal x the reference's pow2(1023)
 * scaling and the exponent-bit split differ; no caller passes one.)
 */
SA_INLINE V vlog(V x) {
  M ok = mand(gt(x, C(0)), lt(x, C(INF)));
  V r = logCorrected(sel(ok, x, C(1)), C(0));
  V res = sel(ok, r, sel(eq(x, C(0)), C(-INF), sel(eq(x, C(INF)), C(INF), C(__builtin_nan("")))));
  return sel(isnan(x), x, res);
}

/** Error of the product a*b (Veltkamp splitting, no FMA). */
SA_INLINE V productError(V a, V b, V p) {
  V ca = C(134217729.0) * a;
  V ah = ca - (ca - a);
  V al = a - ah;
  V cb = C(134217729.0) * b;
  V bh = cb - (cb - b);
  V bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** (nh + nl) / (dh + dl) as double-double (reference ddDivide). */
SA_INLINE DD ddDivide(V nh, V nl, V dh, V dl) {
  V q = nh / dh;
  V p = q * dh;
  V pe = productError(q, dh, p);
  V r = (((nh - p) - pe) + nl) - q * dl;
  V ql = r / dh;
  V s = q + ql;
  return DD{s, ql - (s - q)};
}

SA_INLINE DD expm1ReducedDD(V hi, V lo) {
  V r = hi - lo;
  V t = r * r * expm1Poly(r) - lo;
  V s = hi + t;
  return DD{s, t - (s - hi)};
}

/** 2^s·e^x as double-double for x <= 0 and a small integer s (reference expDD). */
SA_INLINE DD expDD(V x, double s) {
  V xc = sel(lt(x, C(-760)), C(-760), x);
  V k = roundEven(xc * C(INV_LN2));
  DD q = expm1ReducedDD(xc - k * C(LN2_HI), k * C(LN2_LO));
  V y = C(1) + q.hi;
  V yl = ((C(1) - y) + q.hi) + q.lo;
  V ks = k + C(s);
  V k1 = floorHalf(ks);
  V s1 = pow2i(k1), s2 = pow2i(ks - k1);
  M nan = isnan(xc);
  // hi through scaleSplit (y in [0.70, 1.42]); lo, which may be tiny, keeps the two products.
  return DD{sel(nan, xc, scaleSplit(y, ks)), sel(nan, xc, yl * s1 * s2)};
}

/** e^x - 1 as double-double for x <= 0 (reference expm1DD). */
SA_INLINE DD expm1DD(V x) {
  V xc = sel(lt(x, C(-40)), C(-40), x);
  V k = roundEven(xc * C(INV_LN2));
  DD q = expm1ReducedDD(xc - k * C(LN2_HI), k * C(LN2_LO));
  V scale = pow2i(k);
  V T = scale - C(1);
  V Terr = scale - (T + C(1));
  V u = scale * q.hi;
  V s = T + u;
  V bb = s - T;
  V err = (T - (s - bb)) + (u - bb);
  M tiny = lt(vabs(x), C(EXPM1_TINY));
  M nan = isnan(xc);
  V hi = sel(tiny, x, s);
  V lo = sel(tiny, C(0), (err + Terr) + scale * q.lo);
  return DD{sel(nan, xc, hi), sel(nan, xc, lo)};
}

#endif
