/*
 * The float32-arithmetic algorithms of src/reference/math32.ts and the smooth kernels (elu, selu,
 * softplus, sigmoid, tanh and derivatives), in scalar C for scripts/f32-sweep.c. Line by line the
 * same operations as the TypeScript (see the porting note there); compile with -ffp-contract=off.
 */
#ifndef F32_KERNELS_H
#define F32_KERNELS_H
#include <stdint.h>
#include <string.h>
#include <math.h>

static inline float bitsf(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

/* 2^n for an integral float n in [-126, 127], from exponent bits (NaN lanes: any value). */
static inline float pow2f(float n) {
  int i = n == n ? (int)n : 0;
  return bitsf((uint32_t)(i + 127) << 23);
}
/* The high 12 significant bits of v (mask the low 12 fraction bits): v - high12(v) is exact. */
static inline float high12(float v) { return bitsf(fbits(v) & 0xfffff000u); }
static inline float copysignf_(float t, float x) { return bitsf((fbits(t) & 0x7fffffffu) | (fbits(x) & 0x80000000u)); }

#define MAGIC 12582912.0f              /* 0x4b400000 = 1.5·2^23 */
#define INV_LN2 1.44269502f            /* 0x3fb8aa3b */
#define LN2_HI 0.693145752f            /* 0x3f317200, 15 significant bits: k·LN2_HI exact */
#define LN2_LO 1.42860677e-06f         /* 0x35bfbe8e */
#define EXP_T_LO (-109.0f)             /* 0xc2da0000: e^-109·4 < 2^-150 */
#define EXPM1_T_LO (-20.0f)            /* 0xc1a00000: 2e^-20 < 2^-27 */
#define TWO_M32 2.32830644e-10f        /* 0x2f800000 = 2^-32 */
#define TWO_M30 9.31322575e-10f        /* 0x30800000 = 2^-30 */
#define E2 0.49999994f                 /* 0x3efffffe */
#define E3 0.166665167f                /* 0x3e2aaa46 */
#define E4 0.0416681021f               /* 0x3d2aac2c */
#define E5 0.00836919248f              /* 0x3c091ef0 */
#define E6 0.00138389028f              /* 0x3ab563a7 */
#define L1 0.666666627f                /* 0x3f2aaaaa */
#define L2 0.400012791f                /* 0x3eccce7a */
#define L3 0.284795374f                /* 0x3e91d0b3 */
#define L4 0.245436102f                /* 0x3e7b539a */
#define LN2F 0.693147182f              /* 0x3f317218 */
#define LN2F_LO (-1.90465421e-09f)     /* 0xb102e308 */
#define RA 1.41176474f                 /* 0x3fb4b4b5 = 24/17 */
#define RB 0.470588237f                /* 0x3ef0f0f1 = 8/17 */
#define SOFTPLUS_TINY (-21.0f)       /* 0xc1a80000: e^-21 < 2^-30 */
#define SELU_SH 1.05070102f            /* 0x3f867d5f */
#define SELU_SD 1.0507009f              /* 0x3f867d5e: scale rounded down, so SELU_SDL > 0 */
#define SELU_SDL 8.44166408e-08f       /* 0x33b5488a: selu(+Inf) = Inf + Inf, not Inf - Inf */
#define SELU_SAH 1.75809932f           /* 0x3fe10966 */
#define SELU_SAL 2.32967174e-08f       /* 0x32c81e06 */

/* 1/d to 6% for d in [1, 2] (the minimax line 24/17 - 8/17 d): enough for correction terms
 * that are below 2^-22 relative. */
static inline float recip_line(float d) { return RA - RB * d; }

/* e^(t + tl) = (y + yl)·2^kf for t <= 0 (or NaN), |tl| <= ulp(t)/2. */
struct expr { float y, yl, kf; };
static inline struct expr exp_core(float t, float tl) {
  float tc = t < EXP_T_LO ? EXP_T_LO : t;
  float kf = (tc * INV_LN2 + MAGIC) - MAGIC;
  float hi = tc - kf * LN2_HI;
  float lo = kf * LN2_LO - tl;
  float r = hi - lo;
  float p = E2 + r * (E3 + r * (E4 + r * (E5 + r * E6)));
  float w = lo - (r * r) * p;
  float q = hi - w;
  float ql = (hi - q) - w;
  float y = 1 + q;
  float yl = ((1 - y) + q) + ql;
  struct expr e = { y, yl, kf };
  return e;
}

/* e^t - 1 = mh - mln for t <= 0 (or NaN); expm1(-0) = -0 in mh. */
struct pair { float h, l; };
static inline struct pair expm1_core(float t) {
  float tc = t < EXPM1_T_LO ? EXPM1_T_LO : t;
  float kf = (tc * INV_LN2 + MAGIC) - MAGIC;
  float hi = tc - kf * LN2_HI;
  float lo = kf * LN2_LO;
  float r = hi - lo;
  float p = E2 + r * (E3 + r * (E4 + r * (E5 + r * E6)));
  float w = lo - (r * r) * p;
  float q = hi - w;
  float ql = (hi - q) - w;
  float p2 = pow2f(kf);
  float T1 = 1 - p2;
  float u = p2 * q;
  float mh = u - T1;
  float mln = ((T1 + mh) - u) - ((p2 - (1 - T1)) + p2 * ql);
  struct pair m = { mh, mln };
  return m;
}

/* log1p(eh + el) for eh in [0, 1]: f exact (no rounding of 1 + eh; e/2 - 1/2 exact above 1/2),
 * fdlibm's summation, ln2 + f by Fast2Sum. */
static inline float log1p_core(float eh, float el) {
  int big = eh > 0.5f;
  float f = big ? 0.5f * eh - 0.5f : eh;
  float s = f / (2 + f);
  float z = s * s;
  float R = z * (L1 + z * (L2 + z * (L3 + z * L4)));
  float hfsq = (0.5f * f) * f;
  float c = (big ? LN2F_LO : 0.0f) + el * recip_line(1 + eh);
  float v = hfsq - (s * (hfsq + R) + c);
  float lnh = big ? LN2F : 0.0f;
  float S = lnh + f;
  float Se = (lnh - S) + f; /* Fast2Sum: ln2 + f exactly as S + Se */
  return S + (Se - v);
}

/* sigmoid(th + tl). */
static inline float sigmoid_pair(float th, float tl) {
  int pos = th >= 0;
  float an = pos ? -th : th;
  float anl = pos ? -tl : tl;
  anl = an < EXP_T_LO ? 0.0f : anl;
  struct expr e = exp_core(an, anl);
  float sc = pow2f(e.kf + 32);
  float eh = (e.y * sc) * TWO_M32;
  float el = (e.yl * sc) * TWO_M32;
  float d = 1 + eh;
  float dl = ((1 - d) + eh) + el;
  float nh = pos ? 1.0f : eh;
  float nl = pos ? 0.0f : el;
  float s0 = nh / d;
  return s0 + (nl - s0 * dl) * recip_line(d);
}

/* 2^s·e/(1 + e)^2 with e = e^t, t <= 0: s = 0 for sigmoid', 2 for tanh'. */
static inline float bell(float t, float scale_s) {
  struct expr e = exp_core(t, 0);
  float sc = pow2f(e.kf + 32);
  float ys = e.y * sc, yls = e.yl * sc;
  float eh = ys * TWO_M32, el = yls * TWO_M32;
  float nh = ys * scale_s, nl = yls * scale_s;
  float d = 1 + eh;
  float dl = ((1 - d) + eh) + el;
  float dh = high12(d), dt = d - dh;
  float D = d * d;
  float Dl = ((((dh * dh - D) + (dh + dh) * dt) + dt * dt)) + (d + d) * dl;
  float b0 = nh / D;
  /* The division's own rounding, exactly: rho = nh - b0·D by Dekker's product (12-bit halves). */
  float bh = high12(b0), bt = b0 - bh, Dh = high12(D), Dt = D - Dh;
  float p = b0 * D;
  float pe = (((bh * Dh - p) + bh * Dt) + bt * Dh) + bt * Dt;
  float rho = (nh - p) - pe;
  float R = recip_line(d);
  return b0 + ((rho + nl) - b0 * Dl) * (R * R);
}

static inline float sigmoid32(float x) { return sigmoid_pair(x, 0); }
static inline float sigmoidDerivative32(float x) { return bell(-fabsf(x), TWO_M32); }
static inline float tanhDerivative32(float x) { return bell(-2 * fabsf(x), TWO_M30); }

static inline float tanh32(float x) {
  float a = fabsf(x);
  struct pair m = expm1_core(-2 * a);
  float N = -m.h, Nl = m.l;
  float D = 2 + m.h;
  float Dl = ((2 - D) + m.h) - m.l;
  float t0 = N / D;
  float t = t0 + (Nl - t0 * Dl) * recip_line(D);
  return copysignf_(t, x);
}

static inline float elu32(float x, float alpha) {
  struct pair m = expm1_core(x);
  return x > 0 ? x : alpha * m.h - alpha * m.l;
}
/* v·2^kf in two factors 2^floor(kf/2)·2^(kf - floor(kf/2)), both normal, so a subnormal result
 * is rounded once. */
static inline float scale2(float v, float kf) {
  float k1 = ((kf * 0.5f - 0.25f) + MAGIC) - MAGIC; /* floor(kf/2): kf/2 - 1/4 has no tie */
  return (v * pow2f(k1)) * pow2f(kf - k1);
}
static inline float eluDerivative32(float x, float alpha) {
  struct expr e = exp_core(x, 0);
  return x > 0 ? 1.0f : scale2(alpha * e.y + alpha * e.yl, e.kf);
}
static inline float selu32(float x) {
  struct pair m = expm1_core(x);
  float neg = SELU_SAH * m.h - (SELU_SAH * m.l - SELU_SAL * m.h);
  float pos = SELU_SD * x + SELU_SDL * x;
  return x > 0 ? pos : neg;
}
static inline float seluDerivative32(float x) {
  struct expr e = exp_core(x, 0);
  return x > 0 ? SELU_SH : scale2(SELU_SAH * e.y + (SELU_SAH * e.yl + SELU_SAL * e.y), e.kf);
}

/* beta·x = th + tl exactly (Dekker's product with 12-bit halves); tl = 0 when th overflows. */
static inline struct pair times_exact(float beta, float x) {
  float bh = high12(beta), bt = beta - bh, xh = high12(x), xt = x - xh;
  float th = beta * x;
  float tl = (((bh * xh - th) + bh * xt) + bt * xh) + bt * xt;
  struct pair p = { th, tl };
  return p;
}

static inline float softplus32(float x, float beta, float thr) {
  struct pair t = times_exact(beta, x);
  int pos = t.h > 0;
  float an = pos ? -t.h : t.h;
  float anl = pos ? -t.l : t.l;
  anl = an < EXP_T_LO ? 0.0f : anl;
  struct expr e = exp_core(an, anl);
  float sc = pow2f(e.kf + 32);
  float ys = e.y * sc, yls = e.yl * sc;
  float eh = ys * TWO_M32, el = yls * TWO_M32;
  float L = log1p_core(eh, el);
  /* e < 2^-30: log1p(e) = e to 2^-31, taken at scale 2^32 so L/beta is rounded once. */
  int tiny = an < SOFTPLUS_TINY;
  float y = (pos ? x : 0.0f) + ((tiny ? ys + yls : L) / beta) * (tiny ? TWO_M32 : 1.0f);
  int above = t.h > thr || (t.h == thr && t.l > 0);
  return above ? x : y;
}
static inline float softplusDerivative32(float x, float beta, float thr) {
  struct pair t = times_exact(beta, x);
  float s = sigmoid_pair(t.h, t.l);
  int above = t.h > thr || (t.h == thr && t.l > 0);
  return above ? 1.0f : s;
}
#endif
