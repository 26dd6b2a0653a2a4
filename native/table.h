// The interface between the Node-API glue (addon.cpp, baseline flags) and the kernels compiled
// once per ISA (isa/*.cpp, each with its own flags). Only plain structs and function pointers
// cross it, so no inline code is shared between translation units built for different ISAs.
#ifndef SA_TABLE_H
#define SA_TABLE_H
#include <stddef.h>
#include "generated/spec_functions.h"

// Kernels are small functions over the vector type; they must be inlined into the loops (a call
// would pass every vector through memory).
#if defined(__GNUC__) || defined(__clang__)
#define SA_INLINE static inline __attribute__((always_inline))
#define SA_MEMBER inline __attribute__((always_inline))
// After a lambda's parameter list: its call inlined too (the loops call the kernel's lambda from
// several places, and the compiler may keep a large one out of line).
#define SA_LAMBDA __attribute__((always_inline))
#else
#define SA_INLINE static __forceinline
#define SA_MEMBER __forceinline
#define SA_LAMBDA
#endif

namespace sa {

enum Direction { FORWARD = 0, DERIVATIVE = 1, BACKWARD = 2 };

/** One elementwise call on n elements; x, dy, out are float* or double* (f64 says which). */
struct EwArgs {
  const void* x;
  const void* dy;
  void* out;
  size_t n;
  double p0, p1;  // the spec's parameters in order (already rounded to the data's precision)
  int stream;      // write out with non-temporal stores (a whole call's output >= STREAM_MIN_BYTES)
};
typedef void (*EwFn)(int dir, int f64, const EwArgs& a);

/**
 * softmax-like call on the layout (outer, n, inner): element j of row (o, i) is at
 * o*n*inner + j*inner + i. Rows with index o in [oBegin, oEnd) are done. scratch holds 2*n
 * doubles (contiguous rows keep their exponentials there).
 */
struct RowArgs {
  const void* x;
  const void* dy;
  void* out;
  size_t outer, n, inner;
  /**
   * Optional: computes e[j] = e^(x[j] - shift), j < n, for one long contiguous row, split across
   * threads (each part through IsaTable::expRange). The canonical sum stays in index order.
   */
  void (*expSplit)(void* ctx, int f64, const void* x, double shift, double* e, size_t n);
  void* expCtx;
};
/** e[j] = e^(x[j] - shift) for j < n (x float or double). */
typedef void (*ExpRangeFn)(int f64, const void* x, double shift, double* e, size_t n);
typedef void (*RowFn)(int backward, int f64, const RowArgs& a, size_t oBegin, size_t oEnd, double* scratch);

/**
 * prelu on runs: dims/strides are the alpha map after merging (see src/reference/prelu.ts),
 * rank <= 64. sums holds alphaLen * 18 doubles for the canonical dalpha sums (backward only).
 */
struct PreluArgs {
  const void* x;
  const void* alpha;
  const void* dy;
  void* out;
  void* dalpha;
  size_t alphaLen;
  int rank;
  const double* dims;
  const double* strides;
  size_t begin, end;  // forward / derivative: only elements [begin, end); end = 0 means all
  /**
   * Optional (backward, set by the caller for large calls): runs task(arg, t) for every t < tasks
   * on up to `threads` threads and returns when all are done; sums then holds scratchLen doubles
   * (kernels/prelu.h says how many it needs for a split, and runs whole without them).
   */
  void (*parallel)(void* ctx, size_t tasks, void (*task)(void* arg, size_t t), void* arg);
  void* parallelCtx;
  int threads;
  size_t scratchLen;
  /** Optional (forward / derivative): scratchLen doubles for a long alpha pattern, else null. */
  double* scratch;
  int stream;  // forward / derivative: non-temporal stores (the whole output >= STREAM_MIN_BYTES)
};
typedef void (*PreluFn)(int dir, int f64, const PreluArgs& a, double* sums);

/** prelu forward's scratch (doubles) for a long alpha pattern of short runs (kernels/prelu.h):
 * patterns up to 65536 Float64 or 131072 Float32 elements, e.g. 64 channels of 7x7 planes. */
constexpr size_t PRELU_PATTERN_SCRATCH = 65536;
/** prelu backward's sums (doubles) for n elements on `threads` threads: per alpha element its
 * canonical sum (18 doubles); lane-major lanes for up to 16384 alpha elements per thread and one
 * sum per 4096-term block (kernels/prelu.h, backwardScratch). */
inline size_t preluBackwardScratch(size_t alphaLen, size_t n, int threads) {
  size_t lanes = alphaLen < 16384 ? alphaLen : 16384;
  return alphaLen * 18 + 16 * lanes * static_cast<size_t>(threads > 1 ? threads : 1) + n / 4096 + lanes + 64;
}

/**
 * Accuracy sweep over float32 bit patterns [start, start + count): the Float32 kernel (dir 0 = f,
 * 1 = f') against the Float64 kernel on the same inputs (binary64 or double-double, accurate to
 * ~1e-16: a float64-or-better reference for float32 results). Writes the largest error in float32
 * ulps and the bit pattern where it occurs.
 */
typedef void (*SweepFn)(int dir, unsigned start, unsigned count, double p0, double p1, double* maxUlp, unsigned* at);

/** One ISA's kernels, indexed by the function's position in the spec (SA_FUNCTION_COUNT). */
struct IsaTable {
  const char* name;
  int lanes;  // binary64 lanes per vector step of the generic loop
  EwFn elementwise[SA_FUNCTION_COUNT];
  RowFn rowwise[SA_FUNCTION_COUNT];
  PreluFn prelu[SA_FUNCTION_COUNT];
  SweepFn sweep[SA_FUNCTION_COUNT];
  ExpRangeFn expRange;
};

void fillTableScalar(IsaTable& t);
#if defined(__x86_64__) || defined(_M_X64)
void fillTableSse2(IsaTable& t);
void fillTableAvx2(IsaTable& t);
void fillTableAvx512(IsaTable& t);
#endif

}  // namespace sa
#endif
