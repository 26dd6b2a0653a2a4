// Everything one ISA compiles, included by isa/<isa>.cpp inside its own namespace right after the
// ISA's vector header (so nothing inline is shared between translation units built with
// different flags). The kernel list comes from the spec (generated/spec_functions.h): a function
// of the spec without a kernel header or struct here fails the build.
#include "math.h"
#include "loop.h"
#include "sum.h"
#include "rowwise.h"

namespace kernels {
#include "generated/kernel_includes.h"
}

static void fill(sa::IsaTable& t, const char* name) {
  t.name = name;
  t.lanes = LANES;
  for (int i = 0; i < SA_FUNCTION_COUNT; i++) {
    t.elementwise[i] = nullptr;
    t.rowwise[i] = nullptr;
    t.prelu[i] = nullptr;
  }
#define SA_EW(i, fn) t.elementwise[i] = &elementwise<kernels::fn>;
#define SA_ROW(i, fn) t.rowwise[i] = &rowwise<kernels::fn>;
#define SA_PRELU(i, fn) t.prelu[i] = &kernels::preluKernel<kernels::fn>;
  SA_ELEMENTWISE_FUNCTIONS(SA_EW)
  SA_ROWWISE_FUNCTIONS(SA_ROW)
  SA_PRELU_FUNCTIONS(SA_PRELU)
#undef SA_EW
#undef SA_ROW
#undef SA_PRELU
}
