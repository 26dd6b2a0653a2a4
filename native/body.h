// Everything one ISA compiles, included by isa/<isa>.cpp inside its own namespace right after the
// ISA's vector header (so nothing inline is shared between translation units built with
// different flags). The kernel list comes from the spec (generated/spec_functions.h): a function
// of the spec without a kernel header or struct here fails the build.
#include "math.h"
#include "math32.h"
#ifdef SA_HAS_VF_PAIRS
// math32.h again on VF2 and VF4 (vec/pair.h): wide2::sigmoid32, wide4::tanh32 and so on, the
// same operations on two or four vectors at once. The pairs' operations are found in the
// enclosing namespace by overloading; splatf differs by its return type only, so it is declared
// in each.
#define SA_MATH32_WIDE 1
namespace wide2 {
using VF = VF2;
using MF = MF2;
SA_INLINE VF splatf(float f) { return splatf2(f); }
#undef SA_MATH32_H
#include "math32.h"
}  // namespace wide2
namespace wide4 {
using VF = VF4;
using MF = MF4;
SA_INLINE VF splatf(float f) { return splatf4(f); }
#undef SA_MATH32_H
#include "math32.h"
}  // namespace wide4
#undef SA_MATH32_WIDE
#endif
#include "loop.h"
#include "sum.h"
#include "rowwise.h"

namespace kernels {
#include "generated/kernel_includes.h"
}

/** The error of a float32 result y against the reference r, in ulps of float32 at r. */
static double ulpError32(float y, double r) {
  if (r != r || y != y) return (r != r && y != y) ? 0 : __builtin_inf();
  double ay = y < 0 ? -static_cast<double>(y) : static_cast<double>(y);
  double ar = r < 0 ? -r : r;
  if (ay == __builtin_inf() || ar == __builtin_inf()) {
    // Overflow to infinity is the correct rounding of values at or beyond FLT_MAX + half an ulp.
    bool rOver = ar >= 3.4028235677973366e38;
    bool sameSign = (y < 0) == (r < 0);
    return (ay == __builtin_inf() && rOver && sameSign) ? 0 : (static_cast<double>(y) == r ? 0 : __builtin_inf());
  }
  double ulp = 1.401298464324817e-45;  // 2^-149 below 2^-126
  if (ar >= 1.1754943508222875e-38) {
    int e = 0;
    __builtin_frexp(ar, &e);  // ar = m 2^e, m in [0.5, 1)
    ulp = __builtin_ldexp(1.0, e - 24);
  }
  double d = static_cast<double>(y) - r;
  return (d < 0 ? -d : d) / ulp;
}

template <class K>
static void sweep(int dir, unsigned start, unsigned count, double p0, double p1, double* maxUlp, unsigned* at) {
  const unsigned CHUNK = 4096;
  float x[CHUNK], y[CHUNK];
  double xd[CHUNK], yd[CHUNK];
  double worst = 0;
  unsigned where = start;
  for (unsigned done = 0; done < count; done += CHUNK) {
    unsigned m = count - done < CHUNK ? count - done : CHUNK;
    for (unsigned i = 0; i < m; i++) {
      unsigned bits = start + done + i;
      memcpy(&x[i], &bits, 4);
      xd[i] = static_cast<double>(x[i]);
    }
    elementwise<K>(dir, 0, sa::EwArgs{x, nullptr, y, m, p0, p1, 0});
    elementwise<K>(dir, 1, sa::EwArgs{xd, nullptr, yd, m, p0, p1, 0});
    for (unsigned i = 0; i < m; i++) {
      double e = ulpError32(y[i], yd[i]);
      if (e > worst) {
        worst = e;
        where = start + done + i;
      }
    }
  }
  *maxUlp = worst;
  *at = where;
}

static void fill(sa::IsaTable& t, const char* name) {
  t.name = name;
  t.lanes = LANES;
  t.expRange = &expRangeAny;
  for (int i = 0; i < SA_FUNCTION_COUNT; i++) {
    t.elementwise[i] = nullptr;
    t.rowwise[i] = nullptr;
    t.prelu[i] = nullptr;
    t.sweep[i] = nullptr;
  }
#define SA_EW(i, fn) t.elementwise[i] = &elementwise<kernels::fn>; t.sweep[i] = &sweep<kernels::fn>;
#define SA_ROW(i, fn) t.rowwise[i] = &rowwise<kernels::fn>;
#define SA_PRELU(i, fn) t.prelu[i] = &kernels::preluKernel<kernels::fn>;
  SA_ELEMENTWISE_FUNCTIONS(SA_EW)
  SA_ROWWISE_FUNCTIONS(SA_ROW)
  SA_PRELU_FUNCTIONS(SA_PRELU)
#undef SA_EW
#undef SA_ROW
#undef SA_PRELU
}
