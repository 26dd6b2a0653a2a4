/*
 * Cheaper variants of the float32 sigmoid (src/reference/sigmoid.ts, sigmoidPair32 with tl = 0),
 * swept for accuracy over float32 inputs against libm's binary64 sigmoid, in ulps of the result.
 * Evidence for a decision on the contract, not a kernel: none of these is used.
 *   variant 0: sigmoid32 as it is (same bits as scripts/f32-kernels.h, counted);
 *   variant 1: without ql (e^r - 1's Fast2Sum error term), 2 operations fewer;
 *   variant 2: without e's low part at all (yl, el, nl), about 9 of 48 operations fewer.
 *
 *   cc -O2 -ffp-contract=off -msse2 -pthread -o /tmp/sigmoid-variants scripts/sigmoid-variants.c -lm
 *   /tmp/sigmoid-variants VARIANT [stride_log2=0]     # 2 threads; all 2^32 inputs take about 2 min
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include "f32-kernels.h"
static int VAR;
static inline float sig_var(float th) {
  int pos = th >= 0;
  float an = pos ? -th : th;
  float tc = an < EXP_T_LO ? EXP_T_LO : an;
  float kf = (tc * INV_LN2 + MAGIC) - MAGIC;
  float hi = tc - kf * LN2_HI;
  float lo = kf * LN2_LO;
  float r = hi - lo;
  float p = E2 + r * (E3 + r * (E4 + r * (E5 + r * E6)));
  float w = lo - (r * r) * p;
  float q = hi - w;
  float y = 1 + q, yl;
  if (VAR == 1) yl = (1 - y) + q;                 /* no ql */
  else if (VAR == 2) yl = 0;                       /* no yl at all */
  else { float ql = (hi - q) - w; yl = ((1 - y) + q) + ql; }
  float sc = pow2f(kf + 32);
  float eh = (y * sc) * TWO_M32;
  float el = (yl * sc) * TWO_M32;
  float d = 1 + eh;
  float dl = ((1 - d) + eh) + el;
  float nh = pos ? 1.0f : eh;
  float nl = pos ? 0.0f : el;
  float s0 = nh / d;
  return s0 + (nl - s0 * dl) * recip_line(d);
}
static double ref(double x) { double e = exp(-fabs(x)); return (x >= 0 ? 1 : e) / (1 + e); }
static double ulp32(double v) { double a = fabs(v); if (a < 0x1p-126) return 0x1p-149; int e; frexp(a, &e); return ldexp(1, e - 24); }
static int S; struct R { double w; uint32_t at; long same; };
static void *work(void *arg) {
  long id = (long)arg; struct R *res = calloc(1, sizeof *res);
  uint64_t n = (uint64_t)1 << (32 - S);
  for (uint64_t i = id; i < n; i += 2) {
    uint32_t u = (uint32_t)(i << S) + (S ? 12345u : 0); float x; memcpy(&x, &u, 4);
    if (isnan(x)) continue;
    float y = sig_var(x); double rf = ref(x);
    double e = fabs((double)y - rf) / ulp32(rf);
    if (e > res->w) { res->w = e; res->at = u; }
    if (y == sigmoid32(x)) res->same++;
  }
  return res;
}
int main(int argc, char **argv) {
  VAR = atoi(argv[1]); S = argc > 2 ? atoi(argv[2]) : 0;
  pthread_t t[2]; for (long i = 0; i < 2; i++) pthread_create(&t[i], 0, work, (void *)i);
  double w = 0; uint32_t at = 0; long same = 0;
  for (int i = 0; i < 2; i++) { struct R *r; pthread_join(t[i], (void **)&r); if (r->w > w) { w = r->w; at = r->at; } same += r->same; }
  float x; memcpy(&x, &at, 4);
  printf("variant %d stride 2^%d: max %.3f ulp at x = %.9g; same bits as sigmoid32: %ld of %llu\n", VAR, S, w, x, same, (unsigned long long)1 << (32 - S));
}
