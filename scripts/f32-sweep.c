/*
 * Exhaustive float32 accuracy sweep of the float32-arithmetic algorithms of
 * src/reference/math32.ts and the smooth kernels built on them (elu, selu, softplus, sigmoid, tanh
 * and their derivatives). The C below mirrors the TypeScript line by line: every + - * / is one
 * binary32 operation (compile with -ffp-contract=off on SSE2, so nothing is fused or widened).
 *
 *   cc -O2 -ffp-contract=off -msse2 -pthread -o /tmp/f32-sweep scripts/f32-sweep.c -lm
 *   /tmp/f32-sweep [stride_log2=0] [threads=2]     # all 2^32 bit patterns, or every 2^s-th one
 *   /tmp/f32-sweep --eval NAME P1 P2 < bits       # prints the result bits of NAME for hex inputs
 *
 * The reference is glibc's binary64 exp/expm1/log1p/tanh (< 1 ulp of binary64, i.e. ~2^-29 ulp of
 * float32); the error is |y - ref| / ulp32(ref), with ulp32 of subnormals 2^-149.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "f32-kernels.h"

typedef double (*ref_fn)(double x, double p1, double p2);
typedef float (*k_fn)(float x, float p1, float p2);

static double r_sigmoid(double x, double a, double b) {
  (void)a; (void)b;
  double e = exp(-fabs(x));
  return (x >= 0 ? 1 : e) / (1 + e);
}
static double r_dsigmoid(double x, double a, double b) {
  (void)a; (void)b;
  double e = exp(-fabs(x));
  return e / ((1 + e) * (1 + e));
}
static double r_tanh(double x, double a, double b) { (void)a; (void)b; return tanh(x); }
static double r_dtanh(double x, double a, double b) {
  (void)a; (void)b;
  double e = exp(-2 * fabs(x));
  return 4 * e / ((1 + e) * (1 + e));
}
static double r_elu(double x, double alpha, double b) { (void)b; return x > 0 ? x : alpha * expm1(x); }
static double r_delu(double x, double alpha, double b) { (void)b; return x > 0 ? 1 : alpha * exp(x); }
#define SELU_S 1.0507009873554804934193349852946
#define SELU_A 1.6732632423543772848170429916717
static double r_selu(double x, double a, double b) {
  (void)a; (void)b;
  return x > 0 ? SELU_S * x : (SELU_S * SELU_A) * expm1(x);
}
static double r_dselu(double x, double a, double b) {
  (void)a; (void)b;
  return x > 0 ? SELU_S : (SELU_S * SELU_A) * exp(x);
}
static double r_softplus(double x, double beta, double thr) {
  double t = beta * x;
  if (t > thr) return x;
  return ((t > 0 ? t : 0) + log1p(exp(-fabs(t)))) / beta;
}
static double r_dsoftplus(double x, double beta, double thr) {
  double t = beta * x;
  if (t > thr) return 1;
  return r_sigmoid(t, 0, 0);
}

static float k_sigmoid(float x, float a, float b) { (void)a; (void)b; return sigmoid32(x); }
static float k_dsigmoid(float x, float a, float b) { (void)a; (void)b; return sigmoidDerivative32(x); }
static float k_tanh(float x, float a, float b) { (void)a; (void)b; return tanh32(x); }
static float k_dtanh(float x, float a, float b) { (void)a; (void)b; return tanhDerivative32(x); }
static float k_elu(float x, float a, float b) { (void)b; return elu32(x, a); }
static float k_delu(float x, float a, float b) { (void)b; return eluDerivative32(x, a); }
static float k_selu(float x, float a, float b) { (void)a; (void)b; return selu32(x); }
static float k_dselu(float x, float a, float b) { (void)a; (void)b; return seluDerivative32(x); }
static float k_softplus(float x, float a, float b) { return softplus32(x, a, b); }
static float k_dsoftplus(float x, float a, float b) { return softplusDerivative32(x, a, b); }

struct job {
  const char *name;
  k_fn k;
  ref_fn r;
  float p1, p2;
};
static const struct job JOBS[] = {
  { "sigmoid", k_sigmoid, r_sigmoid, 0, 0 },
  { "sigmoid'", k_dsigmoid, r_dsigmoid, 0, 0 },
  { "tanh", k_tanh, r_tanh, 0, 0 },
  { "tanh'", k_dtanh, r_dtanh, 0, 0 },
  { "elu a=1", k_elu, r_elu, 1, 0 },
  { "elu' a=1", k_delu, r_delu, 1, 0 },
  { "elu a=0.5", k_elu, r_elu, 0.5f, 0 },
  { "elu' a=0.5", k_delu, r_delu, 0.5f, 0 },
  { "elu a=1.7", k_elu, r_elu, 1.7f, 0 },
  { "elu' a=1.7", k_delu, r_delu, 1.7f, 0 },
  { "selu", k_selu, r_selu, 0, 0 },
  { "selu'", k_dselu, r_dselu, 0, 0 },
  { "softplus b=1,t=20", k_softplus, r_softplus, 1, 20 },
  { "softplus' b=1,t=20", k_dsoftplus, r_dsoftplus, 1, 20 },
  { "softplus b=2,t=5", k_softplus, r_softplus, 2, 5 },
  { "softplus' b=2,t=5", k_dsoftplus, r_dsoftplus, 2, 5 },
  { "softplus b=0.3,t=inf", k_softplus, r_softplus, 0.3f, INFINITY },
  { "softplus' b=0.3,t=inf", k_dsoftplus, r_dsoftplus, 0.3f, INFINITY },
};
#define NJOBS (sizeof JOBS / sizeof JOBS[0])

static double ulp32(double v) {
  double a = fabs(v);
  if (a < 0x1p-126) return 0x1p-149;
  int e;
  frexp(a, &e); /* a = m 2^e, m in [0.5, 1) */
  return ldexp(1, e - 1 - 23);
}

/* Error in ulps; NaN/Inf handled as exact matches or infinite error. */
static double err_ulps(float y, double ref) {
  if (isnan(ref) || isnan(y)) return isnan(ref) && isnan(y) ? 0 : INFINITY;
  float r32 = (float)ref;
  if (isinf(y) || isinf(r32)) return (float)y == r32 ? 0 : INFINITY;
  return fabs((double)y - ref) / ulp32(ref);
}

static int STRIDE_LOG2 = 0, NTHREADS = 2;
struct result { double worst[NJOBS]; uint32_t at[NJOBS]; };
struct targ { int id; struct result res; };

static void *worker(void *p) {
  struct targ *t = p;
  for (size_t j = 0; j < NJOBS; j++) { t->res.worst[j] = 0; t->res.at[j] = 0; }
  uint64_t n = (uint64_t)1 << (32 - STRIDE_LOG2);
  for (uint64_t i = (uint64_t)t->id; i < n; i += (uint64_t)NTHREADS) {
    uint32_t u = (uint32_t)(i << STRIDE_LOG2) + (STRIDE_LOG2 ? 12345u : 0u);
    float x;
    memcpy(&x, &u, 4);
    for (size_t j = 0; j < NJOBS; j++) {
      const struct job *jb = &JOBS[j];
      float y = jb->k(x, jb->p1, jb->p2);
      double e = err_ulps(y, jb->r((double)x, (double)jb->p1, (double)jb->p2));
      if (e > t->res.worst[j]) { t->res.worst[j] = e; t->res.at[j] = u; }
    }
  }
  return NULL;
}

static float f_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t bits_of(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--eval") == 0) {
    /* --eval NAME p1 p2: reads hex bit patterns from stdin, prints hex result bits. */
    const char *name = argv[2];
    float p1 = argc > 3 ? strtof(argv[3], NULL) : 0, p2 = argc > 4 ? strtof(argv[4], NULL) : 0;
    k_fn k = NULL;
    for (size_t j = 0; j < NJOBS; j++) {
      const char *jn = JOBS[j].name;
      size_t l = strlen(name);
      if (strncmp(jn, name, l) == 0 && (jn[l] == 0 || jn[l] == ' ')) { k = JOBS[j].k; break; }
    }
    if (!k) { fprintf(stderr, "unknown %s\n", name); return 2; }
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
      uint32_t u = (uint32_t)strtoul(line, NULL, 16);
      printf("%08x\n", bits_of(k(f_of(u), p1, p2)));
    }
    return 0;
  }
  if (argc > 1) STRIDE_LOG2 = atoi(argv[1]);
  if (argc > 2) NTHREADS = atoi(argv[2]);
  pthread_t th[64];
  struct targ args[64];
  for (int i = 0; i < NTHREADS; i++) { args[i].id = i; pthread_create(&th[i], NULL, worker, &args[i]); }
  struct result all = { { 0 }, { 0 } };
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(th[i], NULL);
    for (size_t j = 0; j < NJOBS; j++)
      if (args[i].res.worst[j] > all.worst[j]) { all.worst[j] = args[i].res.worst[j]; all.at[j] = args[i].res.at[j]; }
  }
  printf("inputs: every 2^%d-th float32 bit pattern (%llu)\n", STRIDE_LOG2,
         (unsigned long long)1 << (32 - STRIDE_LOG2));
  for (size_t j = 0; j < NJOBS; j++)
    printf("%-24s max %.4f ulp at x = %.9g (0x%08x)\n", JOBS[j].name, all.worst[j], (double)f_of(all.at[j]), all.at[j]);
  return 0;
}
