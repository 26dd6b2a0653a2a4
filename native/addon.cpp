// The Node-API glue of the native backend (compiled with baseline flags): picks the ISA from
// CPUID at load, reads TypedArrays in place (zero-copy, any byteOffset), checks every length so a
// call can never touch memory outside the arrays it was given, splits large calls across a small
// thread pool, and runs calls on the libuv threadpool for the async API.
#include <node_api.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "table.h"

namespace {

// ---------------------------------------------------------------------------------------------
// ISA selection

struct Isa {
  const char* name;
  void (*fill)(sa::IsaTable&);
};

#if defined(__x86_64__) || defined(_M_X64)
const Isa kIsas[] = {
    {"avx512", sa::fillTableAvx512}, {"avx2", sa::fillTableAvx2}, {"sse2", sa::fillTableSse2}, {"scalar", sa::fillTableScalar}};
#else
const Isa kIsas[] = {{"scalar", sa::fillTableScalar}};
#endif
constexpr int kIsaCount = sizeof(kIsas) / sizeof(kIsas[0]);

bool cpuHas(const char* name) {
#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (!strcmp(name, "avx512")) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  }
  if (!strcmp(name, "avx2")) return __builtin_cpu_supports("avx2");
  if (!strcmp(name, "sse2")) return true;  // the x86-64 baseline
#endif
  return !strcmp(name, "scalar");
}

sa::IsaTable gTables[kIsaCount];
std::once_flag gFilled[kIsaCount];
std::atomic<const sa::IsaTable*> gTable{nullptr};

/**
 * The table of ISA i, filled on first use. Only ever called for an ISA the CPU has: the fill
 * function itself is compiled with that ISA's flags (valgrind caught AVX-512 stores in it).
 */
const sa::IsaTable* tableOf(int i) {
  std::call_once(gFilled[i], [i] { kIsas[i].fill(gTables[i]); });
  return &gTables[i];
}

int isaIndex(const char* name) {
  for (int i = 0; i < kIsaCount; i++) {
    if (!strcmp(kIsas[i].name, name)) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// A small persistent thread pool: one job at a time (others run on their own thread), the caller
// takes part, workers are created on first use and live as long as the process.

class Pool {
 public:
  typedef void (*TaskFn)(void* ctx, size_t task);

  void run(TaskFn fn, void* ctx, size_t tasks, int threads) {
    std::unique_lock<std::mutex> busy(runMu_, std::try_to_lock);
    if (threads <= 1 || tasks <= 1 || !busy.owns_lock()) {
      for (size_t t = 0; t < tasks; t++) fn(ctx, t);
      return;
    }
    std::unique_lock<std::mutex> lk(mu_);
    // The pieces follow `threads` (so the results and the split do not depend on the machine), but
    // no more workers than the other hardware threads: more would only take turns on the cores.
    static const int hardware = static_cast<int>(std::thread::hardware_concurrency());
    const int helpers = hardware > 0 && hardware < threads ? hardware - 1 : threads - 1;
    while (static_cast<int>(workers_) < helpers) {
      std::thread(&Pool::work, this).detach();
      workers_++;
    }
    fn_ = fn;
    ctx_ = ctx;
    tasks_ = tasks;
    next_ = 0;
    finished_ = 0;
    generation_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
    drain(lk);
    // The worker is finishing the last piece: watch for it before sleeping (same reason as work()).
    lk.unlock();
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(kSpinMicros);
    for (int i = 1; finished_.load(std::memory_order_acquire) != tasks; i++) {
      if (i % 256 == 0 && std::chrono::steady_clock::now() > until) break;
      std::this_thread::yield();
    }
    lk.lock();
    done_.wait(lk, [&] { return finished_.load() == tasks_; });
  }

 private:
  void drain(std::unique_lock<std::mutex>& lk) {
    while (next_ < tasks_) {
      size_t t = next_++;
      TaskFn fn = fn_;
      void* ctx = ctx_;
      lk.unlock();
      fn(ctx, t);
      lk.lock();
      if (++finished_ == tasks_) done_.notify_all();
    }
  }
  void work() {
    std::unique_lock<std::mutex> lk(mu_);
    unsigned long long seen = generation_.load();
    for (;;) {
      // Watch for the next job for a while before sleeping: waking a sleeping thread costs tens of
      // microseconds here, so back-to-back large calls find the worker awake.
      lk.unlock();
      const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(kSpinMicros);
      for (int i = 1; generation_.load(std::memory_order_acquire) == seen; i++) {
        if (i % 256 == 0 && std::chrono::steady_clock::now() > until) break;
        std::this_thread::yield();
      }
      lk.lock();
      wake_.wait(lk, [&] { return generation_.load() != seen; });
      seen = generation_.load();
      drain(lk);
    }
  }
  static constexpr int kSpinMicros = 200;

  std::mutex runMu_, mu_;
  std::condition_variable wake_, done_;
  size_t workers_ = 0;
  TaskFn fn_ = nullptr;
  void* ctx_ = nullptr;
  size_t tasks_ = 0, next_ = 0;
  std::atomic<size_t> finished_{0};
  std::atomic<unsigned long long> generation_{0};
};

Pool* gPool = new Pool();  // never destroyed: its detached workers may outlive static destructors
std::atomic<int> gThreads{1};
// Below this many elements a call of function fn in direction dir (0..2) stays on one thread: set
// from PARALLEL_MIN in src/backends/native.ts (thresholds measured per kind) as [fn * 3 + dir].
std::atomic<size_t> gParallelMin[SA_FUNCTION_COUNT * 3];
struct ParallelMinInit {
  ParallelMinInit() {
    for (auto& m : gParallelMin) m.store(size_t(1) << 18);
  }
} gParallelMinInit;
size_t parallelMin(int fn, int dir) { return gParallelMin[fn * 3 + dir].load(std::memory_order_relaxed); }

// Per-thread binary64 scratch (softmax rows, prelu's dalpha lanes), grown on demand and given back
// after calls that needed more than 8 MB, so one huge call does not pin its memory for good.
thread_local std::vector<double> tScratch;
double* scratch(size_t n) {
  if (tScratch.size() < n) tScratch.resize(n);
  return tScratch.data();
}
void trimScratch() {
  if (tScratch.size() > (size_t(1) << 20)) std::vector<double>().swap(tScratch);
}

// ---------------------------------------------------------------------------------------------
// One call, read from JavaScript arguments and run now or on the libuv threadpool.

enum Kind { ELEMENTWISE, ROWWISE, PRELU };

struct Op {
  Kind kind;
  int fn = 0, dir = 0, f64 = 0, threads = 1;
  const sa::IsaTable* table = nullptr;
  sa::EwArgs ew{};
  sa::RowArgs row{};
  sa::PreluArgs prelu{};
  double map[128];  // prelu: dims then strides
};

struct EwJob {
  const Op* op;
  size_t chunk, size;
};
void ewTask(void* c, size_t t) {
  const EwJob* j = static_cast<const EwJob*>(c);
  const sa::EwArgs& a = j->op->ew;
  size_t b = t * j->chunk;
  if (b >= a.n) return;
  size_t e = a.n - b < j->chunk ? a.n : b + j->chunk;
  sa::EwArgs s = a;
  s.x = static_cast<const char*>(a.x) + b * j->size;
  s.dy = a.dy ? static_cast<const char*>(a.dy) + b * j->size : nullptr;
  s.out = static_cast<char*>(a.out) + b * j->size;
  s.n = e - b;
  j->op->table->elementwise[j->op->fn](j->op->dir, j->op->f64, s);
}

struct RowJob {
  const Op* op;
  size_t chunk;
};
void rowTask(void* c, size_t t) {
  const RowJob* j = static_cast<const RowJob*>(c);
  const sa::RowArgs& a = j->op->row;
  size_t o0 = t * j->chunk;
  if (o0 >= a.outer) return;
  size_t o1 = a.outer - o0 < j->chunk ? a.outer : o0 + j->chunk;
  j->op->table->rowwise[j->op->fn](j->op->dir, j->op->f64, a, o0, o1, scratch(2 * a.n));
  trimScratch();
}


struct PreluJob {
  const Op* op;
  size_t chunk, n;
};
void preluTask(void* c, size_t t) {
  const PreluJob* j = static_cast<const PreluJob*>(c);
  size_t b = t * j->chunk;
  if (b >= j->n) return;
  sa::PreluArgs a = j->op->prelu;
  a.begin = b;
  a.end = j->n - b < j->chunk ? j->n : b + j->chunk;
  a.scratchLen = sa::PRELU_PATTERN_SCRATCH;
  a.scratch = scratch(sa::PRELU_PATTERN_SCRATCH);
  j->op->table->prelu[j->op->fn](j->op->dir, j->op->f64, a, nullptr);
  trimScratch();
}

/** prelu backward's tasks (PreluArgs::parallel): the kernel splits, the pool runs. */
struct PreluParallelJob {
  void (*task)(void* arg, size_t t);
  void* arg;
};
void preluParallelTask(void* c, size_t t) {
  const PreluParallelJob* j = static_cast<const PreluParallelJob*>(c);
  j->task(j->arg, t);
}
void preluParallel(void* ctx, size_t tasks, void (*task)(void* arg, size_t t), void* arg) {
  const Op* op = static_cast<const Op*>(ctx);
  PreluParallelJob j{task, arg};
  gPool->run(preluParallelTask, &j, tasks, op->threads);
}

/** One long softmax row's exponentials split across the pool (RowArgs::expSplit). */
struct ExpSplitJob {
  const Op* op;
  int f64;
  const void* x;
  double shift;
  double* e;
  size_t n, chunk;
};
void expSplitTask(void* c, size_t t) {
  const ExpSplitJob* j = static_cast<const ExpSplitJob*>(c);
  size_t b = t * j->chunk;
  if (b >= j->n) return;
  size_t len = j->n - b < j->chunk ? j->n - b : j->chunk;
  const char* x = static_cast<const char*>(j->x) + b * (j->f64 ? sizeof(double) : sizeof(float));
  j->op->table->expRange(j->f64, x, j->shift, j->e + b, len);
}
void expSplit(void* ctx, int f64, const void* x, double shift, double* e, size_t n) {
  const Op* op = static_cast<const Op*>(ctx);
  int threads = op->threads;
  size_t chunk = ((n + threads - 1) / threads + 63) / 64 * 64;
  ExpSplitJob j{op, f64, x, shift, e, n, chunk};
  gPool->run(expSplitTask, &j, (n + chunk - 1) / chunk, threads);
}

/**
 * Elementwise and prelu forward/derivative calls split on 64-element boundaries; rows split by
 * outer index; prelu backward is split by the kernel itself (PreluArgs::parallel) where its
 * layout lets the dalpha sums keep their canonical order. Bits never change.
 */
void execute(const Op& op) {
  if (op.kind == ELEMENTWISE) {
    const sa::EwArgs& a = op.ew;
    int threads = a.n >= parallelMin(op.fn, op.dir) ? op.threads : 1;
    if (threads <= 1) {
      op.table->elementwise[op.fn](op.dir, op.f64, a);
      return;
    }
    size_t chunk = ((a.n + threads - 1) / threads + 63) / 64 * 64;
    EwJob j{&op, chunk, op.f64 ? sizeof(double) : sizeof(float)};
    gPool->run(ewTask, &j, (a.n + chunk - 1) / chunk, threads);
  } else if (op.kind == ROWWISE) {
    const sa::RowArgs& a = op.row;
    size_t total = a.outer * a.n * a.inner;
    const size_t min = parallelMin(op.fn, op.dir);
    const bool bigRows = op.threads > 1 && a.inner == 1 && a.n >= min;
    // Enough rows: split them. Fewer rows than threads but long contiguous ones: one thread runs
    // the rows and the exponentials of each are computed in parallel. Otherwise split what there is.
    int threads = total >= min && a.outer > 1 && !(bigRows && a.outer < static_cast<size_t>(op.threads)) ? op.threads : 1;
    if (threads <= 1) {
      sa::RowArgs split = a;
      if (bigRows) {
        split.expSplit = expSplit;
        split.expCtx = const_cast<Op*>(&op);
      }
      op.table->rowwise[op.fn](op.dir, op.f64, split, 0, a.outer, scratch(2 * a.n));
      trimScratch();
      return;
    }
    size_t chunk = (a.outer + threads - 1) / threads;
    RowJob j{&op, chunk};
    gPool->run(rowTask, &j, (a.outer + chunk - 1) / chunk, threads);
  } else {
    const sa::PreluArgs& a = op.prelu;
    size_t n = 1;
    for (int k = 0; k < a.rank; k++) n *= static_cast<size_t>(a.dims[k]);
    if (a.alphaLen == 0) return;  // then x is empty too (parsePrelu), and so are out and dalpha
    int threads = n >= parallelMin(op.fn, op.dir) ? op.threads : 1;
    if (op.dir == sa::BACKWARD) {
      size_t len = sa::preluBackwardScratch(a.alphaLen, n, threads);
      sa::PreluArgs b = a;
      if (threads > 1) {
        b.parallel = preluParallel;
        b.parallelCtx = const_cast<Op*>(&op);
        b.threads = threads;
      }
      b.scratchLen = len;
      op.table->prelu[op.fn](op.dir, op.f64, b, scratch(len));
      trimScratch();
      return;
    }
    if (threads <= 1) {
      sa::PreluArgs f = a;
      f.scratchLen = sa::PRELU_PATTERN_SCRATCH;
      f.scratch = scratch(sa::PRELU_PATTERN_SCRATCH);
      op.table->prelu[op.fn](op.dir, op.f64, f, nullptr);
      trimScratch();
      return;
    }
    size_t chunk = ((n + threads - 1) / threads + 63) / 64 * 64;
    PreluJob j{&op, chunk, n};
    gPool->run(preluTask, &j, (n + chunk - 1) / chunk, threads);
  }
}

struct Arr {
  void* data = nullptr;
  size_t length = 0;
  int f64 = 0;
};

bool fail(napi_env env, const char* message) {
  napi_throw_type_error(env, nullptr, message);
  return false;
}

bool readArr(napi_env env, napi_value v, Arr& a, const char* what) {
  napi_typedarray_type type;
  if (napi_get_typedarray_info(env, v, &type, &a.length, &a.data, nullptr, nullptr) != napi_ok ||
      (type != napi_float32_array && type != napi_float64_array)) {
    std::string m = std::string("Expected Float32Array or Float64Array for ") + what + " but received another value";
    napi_throw_type_error(env, nullptr, m.c_str());
    return false;
  }
  a.f64 = type == napi_float64_array;
  return true;
}

bool readLike(napi_env env, napi_value v, Arr& a, const Arr& like, const char* what) {
  if (!readArr(env, v, a, what)) return false;
  if (a.f64 != like.f64 || a.length != like.length) {
    std::string m = std::string("Expected an array of x's type and length for ") + what + " but received another";
    napi_throw_type_error(env, nullptr, m.c_str());
    return false;
  }
  return true;
}

/**
 * Whether out and an input share memory without being the same array (in place, which is fine).
 * The facade leaves this check to the addon on its synchronous path: the addresses are at hand
 * here, while in JavaScript it takes .byteOffset, .byteLength and .buffer, tens of ns each in V8.
 */
bool overlapsPartially(const Arr& out, const Arr& in) {
  size_t outBytes = out.length * (out.f64 ? sizeof(double) : sizeof(float));
  size_t inBytes = in.length * (in.f64 ? sizeof(double) : sizeof(float));
  if (outBytes == 0 || inBytes == 0) return false;
  uintptr_t o = reinterpret_cast<uintptr_t>(out.data), i = reinterpret_cast<uintptr_t>(in.data);
  if (o == i && outBytes == inBytes && out.f64 == in.f64) return false;
  return o < i + inBytes && i < o + outBytes;
}

/** The facade's error for a partially overlapping out (src/validate.ts, overlapError), word for word. */
bool overlapFail(napi_env env, const Arr& out) {
  std::string m = std::string("Expected the input array itself or memory that does not overlap it for out but received a ") +
                  (out.f64 ? "Float64Array" : "Float32Array") + " that partially overlaps an input";
  napi_throw_range_error(env, nullptr, m.c_str());
  return false;
}

bool readFn(napi_env env, napi_value v, int& fn, int bound) {
  if (napi_get_value_int32(env, v, &fn) != napi_ok || fn < 0 || fn >= bound) return fail(env, "Expected a function index");
  return true;
}

/**
 * The ISA table, and the threads this call may use: the per-call cap (the facade's `threads`
 * option, an optional last argument) if given, else the global setting. It lives in the Op, so
 * concurrent async calls with different caps do not interfere.
 */
void setThreadsAndIsa(napi_env env, napi_value* argv, size_t argc, size_t at, Op& op) {
  op.table = gTable.load();
  int32_t t = 0;
  op.threads = argc > at && napi_get_value_int32(env, argv[at], &t) == napi_ok && t >= 1 && t <= 64 ? t : gThreads.load();
}

/**
 * Elementwise outputs of at least this many bytes are written with non-temporal stores
 * (EwArgs::stream), which do not read each line before overwriting it nor evict the cache for
 * data that would not fit in it anyway. Measured here (32 MB L3; relu, one thread, ordinary vs
 * streaming, elements/ns): 1.5M elements 8.4 vs 6.3, 2M 6.3 vs 6.3, 3M 4.3 vs 6.3, 16M 2.6 vs
 * 3.7. The cache size the OS reports on this VM (320 MB) is not the CPU's, so this is a constant.
 */
const size_t STREAM_MIN_BYTES = size_t(8) << 20;
int streamed(const Arr& x) { return x.length * (x.f64 ? sizeof(double) : sizeof(float)) >= STREAM_MIN_BYTES; }

/** ew(fn, dir, x, dy, out, p0, p1[, threads]): dy is read only for backward. */
bool parseEw(napi_env env, napi_value* argv, size_t argc, Op& op) {
  op.kind = ELEMENTWISE;
  setThreadsAndIsa(env, argv, argc, 7, op);
  Arr x, dy, out;
  if (!readFn(env, argv[0], op.fn, SA_FUNCTION_COUNT) || !op.table->elementwise[op.fn]) return fail(env, "Expected an elementwise function");
  if (napi_get_value_int32(env, argv[1], &op.dir) != napi_ok || op.dir < 0 || op.dir > 2) return fail(env, "Expected a direction");
  if (!readArr(env, argv[2], x, "x") || !readLike(env, argv[4], out, x, "out")) return false;
  if (op.dir == sa::BACKWARD && !readLike(env, argv[3], dy, x, "dy")) return false;
  if (overlapsPartially(out, x) || overlapsPartially(out, dy)) return overlapFail(env, out);
  double p0 = 0, p1 = 0;
  napi_get_value_double(env, argv[5], &p0);
  napi_get_value_double(env, argv[6], &p1);
  op.f64 = x.f64;
  op.ew = sa::EwArgs{x.data, dy.data, out.data, x.length, p0, p1, streamed(x)};
  return true;
}

double readCount(napi_env env, napi_value v) {
  double d = -1;
  napi_get_value_double(env, v, &d);
  return d;
}

/** row(fn, backward, x, dy, out, outer, n, inner[, threads]). */
bool parseRow(napi_env env, napi_value* argv, size_t argc, Op& op) {
  op.kind = ROWWISE;
  setThreadsAndIsa(env, argv, argc, 8, op);
  Arr x, dy, out;
  if (!readFn(env, argv[0], op.fn, SA_FUNCTION_COUNT) || !op.table->rowwise[op.fn]) return fail(env, "Expected a rowwise function");
  if (napi_get_value_int32(env, argv[1], &op.dir) != napi_ok) return fail(env, "Expected a direction");
  op.dir = op.dir ? 1 : 0;
  if (!readArr(env, argv[2], x, "x") || !readLike(env, argv[4], out, x, "out")) return false;
  if (op.dir && !readLike(env, argv[3], dy, x, "dy")) return false;
  if (overlapsPartially(out, x) || overlapsPartially(out, dy)) return overlapFail(env, out);
  double outer = readCount(env, argv[5]), n = readCount(env, argv[6]), inner = readCount(env, argv[7]);
  if (!(outer >= 0 && n >= 0 && inner >= 0) || outer * n * inner != static_cast<double>(x.length)) {
    return fail(env, "Expected a layout whose product is the length of x");
  }
  op.f64 = x.f64;
  op.row = sa::RowArgs{x.data, dy.data, out.data, static_cast<size_t>(outer), static_cast<size_t>(n), static_cast<size_t>(inner),
                       nullptr, nullptr};
  return true;
}

/** prelu(fn, dir, x, alpha, dy, out, dalpha, map[, threads]): map is a Float64Array [dims..., strides...]. */
bool parsePrelu(napi_env env, napi_value* argv, size_t argc, Op& op) {
  op.kind = PRELU;
  setThreadsAndIsa(env, argv, argc, 8, op);
  Arr x, alpha, dy, out, dalpha, map;
  if (!readFn(env, argv[0], op.fn, SA_FUNCTION_COUNT) || !op.table->prelu[op.fn]) return fail(env, "Expected a prelu function");
  if (napi_get_value_int32(env, argv[1], &op.dir) != napi_ok || op.dir < 0 || op.dir > 2) return fail(env, "Expected a direction");
  if (!readArr(env, argv[2], x, "x") || !readArr(env, argv[3], alpha, "alpha") || !readLike(env, argv[5], out, x, "out") ||
      !readArr(env, argv[7], map, "map")) {
    return false;
  }
  if (alpha.f64 != x.f64) return fail(env, "Expected alpha of x's type");
  // An empty x may come with an empty alpha (a shape with a 0); execute() then has nothing to do.
  if (alpha.length == 0 && x.length != 0) return fail(env, "Expected at least one alpha element");
  if (op.dir == sa::BACKWARD) {
    if (!readLike(env, argv[4], dy, x, "dy") || !readArr(env, argv[6], dalpha, "dalpha")) return false;
    if (dalpha.f64 != x.f64 || dalpha.length != alpha.length) return fail(env, "Expected dalpha of alpha's type and length");
  }
  if (overlapsPartially(out, x) || overlapsPartially(out, dy) || overlapsPartially(out, alpha)) return overlapFail(env, out);
  if (!map.f64 || map.length % 2 || map.length > 128) return fail(env, "Expected an alpha map of rank <= 64");
  int rank = static_cast<int>(map.length / 2);
  if (map.length) memcpy(op.map, map.data, map.length * sizeof(double));  // an empty view may have no data pointer
  // Bounds: the product of dims is x's length and the largest alpha index is inside alpha.
  double total = 1, maxIndex = 0;
  for (int k = 0; k < rank; k++) {
    double d = op.map[k], s = op.map[rank + k];
    if (!(d >= 0 && s >= 0) || d != static_cast<double>(static_cast<size_t>(d)) || s != static_cast<double>(static_cast<size_t>(s))) {
      return fail(env, "Expected non-negative integer dims and strides");
    }
    total *= d;
    if (d > 0) maxIndex += s * (d - 1);
  }
  if (total != static_cast<double>(x.length) || (total > 0 && maxIndex >= static_cast<double>(alpha.length))) {
    return fail(env, "Expected an alpha map that fits x and alpha");
  }
  op.f64 = x.f64;
  op.prelu = sa::PreluArgs{x.data, alpha.data, dy.data, out.data, dalpha.data, alpha.length, rank, op.map, op.map + rank, 0, 0, nullptr, nullptr, 1, 0, nullptr,
                             streamed(x)};
  return true;
}

typedef bool (*ParseFn)(napi_env, napi_value*, size_t, Op&);

napi_value callSync(napi_env env, napi_callback_info info, ParseFn parse, size_t want) {
  napi_value argv[9];
  size_t argc = 9;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc < want) {
    fail(env, "Expected more arguments");
    return nullptr;
  }
  Op op;
  if (!parse(env, argv, argc, op)) return nullptr;
  execute(op);
  return nullptr;
}

napi_value Ew(napi_env env, napi_callback_info info) { return callSync(env, info, parseEw, 7); }
napi_value Row(napi_env env, napi_callback_info info) { return callSync(env, info, parseRow, 8); }
napi_value Prelu(napi_env env, napi_callback_info info) { return callSync(env, info, parsePrelu, 8); }

// ---------------------------------------------------------------------------------------------
// Async: the same call on the libuv threadpool; the arrays stay referenced until it completes.

struct AsyncCall {
  Op op;
  napi_deferred deferred = nullptr;
  napi_async_work work = nullptr;
  napi_ref refs[9] = {};
  size_t nrefs = 0;
};

void asyncExecute(napi_env, void* data) { execute(static_cast<AsyncCall*>(data)->op); }

void asyncComplete(napi_env env, napi_status status, void* data) {
  AsyncCall* c = static_cast<AsyncCall*>(data);
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  if (status == napi_ok) {
    napi_resolve_deferred(env, c->deferred, undefined);
  } else {
    napi_value msg, err;
    napi_create_string_utf8(env, "the native call was cancelled", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, nullptr, msg, &err);
    napi_reject_deferred(env, c->deferred, err);
  }
  for (size_t i = 0; i < c->nrefs; i++) napi_delete_reference(env, c->refs[i]);
  napi_delete_async_work(env, c->work);
  delete c;
}

napi_value callAsync(napi_env env, napi_callback_info info, ParseFn parse, size_t want) {
  napi_value argv[9];
  size_t argc = 9;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc < want) {
    fail(env, "Expected more arguments");
    return nullptr;
  }
  AsyncCall* c = new AsyncCall();
  if (!parse(env, argv, argc, c->op)) {
    delete c;
    return nullptr;
  }
  for (size_t i = 2; i < argc; i++) {
    bool isTyped = false;
    napi_is_typedarray(env, argv[i], &isTyped);
    if (isTyped) napi_create_reference(env, argv[i], 1, &c->refs[c->nrefs++]);
  }
  napi_value promise, name;
  napi_create_promise(env, &c->deferred, &promise);
  napi_create_string_utf8(env, "simd-activations", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, nullptr, name, asyncExecute, asyncComplete, c, &c->work);
  napi_queue_async_work(env, c->work);
  return promise;
}

napi_value EwAsync(napi_env env, napi_callback_info info) { return callAsync(env, info, parseEw, 7); }
napi_value RowAsync(napi_env env, napi_callback_info info) { return callAsync(env, info, parseRow, 8); }
napi_value PreluAsync(napi_env env, napi_callback_info info) { return callAsync(env, info, parsePrelu, 8); }

// ---------------------------------------------------------------------------------------------
// Accuracy sweep (scripts/sweep-f32.js): sweepF32(fn, dir, start, count, p0, p1) -> [maxUlp, bits],
// split across the pool in blocks of 2^20 patterns.

struct SweepJob {
  sa::SweepFn fn;
  int dir;
  double start, count, p0, p1;
  std::vector<double> worst;
  std::vector<unsigned> at;
};
void sweepTask(void* c, size_t t) {
  SweepJob* j = static_cast<SweepJob*>(c);
  double b = j->start + static_cast<double>(t) * 1048576.0;
  double left = j->start + j->count - b;
  unsigned m = left < 1048576.0 ? static_cast<unsigned>(left) : 1048576u;
  j->fn(j->dir, static_cast<unsigned>(b), m, j->p0, j->p1, &j->worst[t], &j->at[t]);
}

napi_value SweepF32(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  size_t argc = 6;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int fn = 0, dir = 0;
  if (argc < 6 || !readFn(env, argv[0], fn, SA_FUNCTION_COUNT) || !gTable.load()->sweep[fn]) {
    fail(env, "Expected an elementwise function");
    return nullptr;
  }
  napi_get_value_int32(env, argv[1], &dir);
  SweepJob j;
  j.fn = gTable.load()->sweep[fn];
  j.dir = dir ? 1 : 0;
  napi_get_value_double(env, argv[2], &j.start);
  napi_get_value_double(env, argv[3], &j.count);
  napi_get_value_double(env, argv[4], &j.p0);
  napi_get_value_double(env, argv[5], &j.p1);
  if (!(j.start >= 0 && j.count >= 0 && j.start + j.count <= 4294967296.0)) {
    fail(env, "Expected a range of float32 bit patterns");
    return nullptr;
  }
  size_t tasks = static_cast<size_t>((j.count + 1048575.0) / 1048576.0);
  j.worst.assign(tasks, 0);
  j.at.assign(tasks, 0);
  gPool->run(sweepTask, &j, tasks, gThreads.load());
  double worst = 0, at = 0;
  for (size_t t = 0; t < tasks; t++) {
    if (j.worst[t] > worst) {
      worst = j.worst[t];
      at = j.at[t];
    }
  }
  napi_value arr, v;
  napi_create_array_with_length(env, 2, &arr);
  napi_create_double(env, worst, &v);
  napi_set_element(env, arr, 0, v);
  napi_create_double(env, at, &v);
  napi_set_element(env, arr, 1, v);
  return arr;
}

// ---------------------------------------------------------------------------------------------
// Control: ISA, threads, the compiled-in function list.

napi_value str(napi_env env, const char* s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

napi_value GetIsa(napi_env env, napi_callback_info) { return str(env, gTable.load()->name); }

napi_value SupportedIsas(napi_env env, napi_callback_info) {
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t k = 0;
  for (int i = 0; i < kIsaCount; i++) {
    if (cpuHas(kIsas[i].name)) napi_set_element(env, arr, k++, str(env, kIsas[i].name));
  }
  return arr;
}

/** setIsa(name): switches every later call to that ISA (tests run the suite on each one). */
napi_value SetIsa(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  char name[32] = {0};
  size_t len = 0;
  if (argc < 1 || napi_get_value_string_utf8(env, argv[0], name, sizeof name, &len) != napi_ok) {
    fail(env, "Expected an ISA name");
    return nullptr;
  }
  int i = isaIndex(name);
  if (i < 0 || !cpuHas(name)) {
    napi_throw_range_error(env, nullptr, "Expected an ISA this build and CPU support for isa");
    return nullptr;
  }
  gTable.store(tableOf(i));
  return nullptr;
}

napi_value FunctionNames(napi_env env, napi_callback_info) {
  static const char* names[] = {SA_FUNCTION_NAMES};
  napi_value arr;
  napi_create_array(env, &arr);
  for (uint32_t i = 0; i < SA_FUNCTION_COUNT; i++) napi_set_element(env, arr, i, str(env, names[i]));
  return arr;
}

napi_value SetThreads(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int32_t n = 1;
  if (argc >= 1 && napi_get_value_int32(env, argv[0], &n) == napi_ok && n >= 1 && n <= 64) gThreads.store(n);
  // The split threshold: one number for every call, or a Float64Array with one per [fn * 3 + dir].
  double min = 0;
  if (argc >= 2 && napi_get_value_double(env, argv[1], &min) == napi_ok && min >= 0) {
    for (auto& m : gParallelMin) m.store(static_cast<size_t>(min));
  } else if (argc >= 2) {
    Arr mins;
    bool isTyped = false;
    napi_is_typedarray(env, argv[1], &isTyped);
    if (isTyped && readArr(env, argv[1], mins, "parallelMin") && mins.f64 && mins.length == SA_FUNCTION_COUNT * 3) {
      const double* d = static_cast<const double*>(mins.data);
      for (size_t i = 0; i < mins.length; i++) {
        if (d[i] >= 0) gParallelMin[i].store(static_cast<size_t>(d[i]));
      }
    }
  }
  return nullptr;
}

napi_value GetThreads(napi_env env, napi_callback_info) {
  napi_value v;
  napi_create_int32(env, gThreads.load(), &v);
  return v;
}

napi_value HardwareThreads(napi_env env, napi_callback_info) {
  napi_value v;
  napi_create_int32(env, static_cast<int32_t>(std::thread::hardware_concurrency()), &v);
  return v;
}

/** Picks the best ISA, or the one SIMD_ACTIVATIONS_ISA names (an error if the CPU lacks it). */
bool chooseIsa(napi_env env) {
  const char* wanted = getenv("SIMD_ACTIVATIONS_ISA");
  if (wanted && *wanted) {
    int i = isaIndex(wanted);
    if (i < 0) {
      std::string m = std::string("SIMD_ACTIVATIONS_ISA is \"") + wanted + "\" but must be one of avx512, avx2, sse2, scalar";
      napi_throw_error(env, nullptr, m.c_str());
      return false;
    }
    if (!cpuHas(wanted)) {
      std::string m = std::string("SIMD_ACTIVATIONS_ISA=") + wanted + " asks for an instruction set this CPU or build lacks";
      napi_throw_error(env, nullptr, m.c_str());
      return false;
    }
    gTable.store(tableOf(i));
    return true;
  }
  if (!gTable.load()) {
    for (int i = 0; i < kIsaCount; i++) {
      if (cpuHas(kIsas[i].name)) {
        gTable.store(tableOf(i));
        break;
      }
    }
  }
  return true;
}

}  // namespace

NAPI_MODULE_INIT() {
  if (!chooseIsa(env)) return nullptr;
  napi_property_descriptor props[] = {
      {"ew", nullptr, Ew, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"row", nullptr, Row, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"prelu", nullptr, Prelu, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"ewAsync", nullptr, EwAsync, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"rowAsync", nullptr, RowAsync, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"preluAsync", nullptr, PreluAsync, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getIsa", nullptr, GetIsa, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setIsa", nullptr, SetIsa, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"supportedIsas", nullptr, SupportedIsas, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"functionNames", nullptr, FunctionNames, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"setThreads", nullptr, SetThreads, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"getThreads", nullptr, GetThreads, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"sweepF32", nullptr, SweepF32, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"hardwareThreads", nullptr, HardwareThreads, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
