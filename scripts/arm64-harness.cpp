// The native kernels without Node: runs the scalar ISA table (native/isa/scalar.cpp, the one arm64
// builds use) on a deterministic case set and writes every input and output to a file, so that an
// x86-64 build and an aarch64 build (run under qemu) of the same sources can be compared bit for
// bit, and either file replayed against the js reference and the addon (scripts/arm64-replay.js).
// Run it through scripts/arm64-check.sh, which says what the comparison proves.
//
//   arm64-harness OUT.bin            writes the cases
//   arm64-harness --compare A B      compares two such files (NaN equals NaN whatever its bits)
//
// Cases: every elementwise function of the spec in every direction (forward, derivative,
// backward) on Float32 and Float64, with default and other parameters, on special values (±0,
// ±Inf, NaNs, subnormals, float and double limits), a few ulps either side of every threshold of
// the kernels and of the parameters, grids on [-30, 30] and [-800, 800] and pseudo-random bit
// patterns; softmax and logSoftmax rows (forward, backward; axis last and not last, rows longer
// than a 4096-term sum block, rows with NaN and infinities), prelu (forward, derivative, backward
// with dalpha) on scalar, channels-last, channels-first and other alpha maps. The row and prelu
// backward cases are also run as the addon's two-thread split runs them (tasks run in turn here).
//
// The addon's execute() (native/addon.cpp) is mirrored: same table entries, same argument structs,
// same scratch sizes. Records are little-endian (both targets are).
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <string>
#include <vector>

#include "table.h"

namespace {

const char* const kNames[] = {SA_FUNCTION_NAMES};
sa::IsaTable gT;

// ---------------------------------------------------------------------------------------------
// Deterministic inputs: integer PRNG and exact conversions only.

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /** Uniform in [lo, hi) (a 53-bit fraction; the arithmetic rounds the same on every target). */
  double uniform(double lo, double hi) { return lo + (hi - lo) * (static_cast<double>(next() >> 11) * 0x1p-53); }
};

double fromBits64(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
float fromBits32(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

/** Kinks and thresholds of native/math.h, math32.h and the kernels (and some halves: tanh takes 2|x|). */
const double kThresholds[] = {
    0.5, 1, 2, 1.4142135623730951, 0.34657359027997264, 0.6931471805599453, 7.450580596923828e-9,
    5.551115123125783e-17, 0x1p-28, 0x1p-24, 0x1p-30, 1e-300, 3, 5, 9, 10, 10.5, 18, 20, 21, 28, 40, 44,
    54.5, 56, 88.72283935546875, 89, 103.97208, 104, 109, 150, 354.89, 355, 372.5, 373, 380, 700,
    709.782712893384, 710, 744.44007192138126, 745.1332191019411, 746, 760, 1e300};

/** t and its k-ulp neighbours in binary64 and in binary32, both signs. */
template <class T>
void addAround(std::vector<T>& v, double t) {
  for (int sign = 0; sign < 2; sign++) {
    double d = sign ? -t : t;
    double a = d, b = d;
    float fa = static_cast<float>(d), fb = fa;
    v.push_back(static_cast<T>(d));
    v.push_back(static_cast<T>(fa));
    for (int k = 0; k < 3; k++) {
      a = nextafter(a, INFINITY);
      b = nextafter(b, -INFINITY);
      fa = nextafterf(fa, INFINITY);
      fb = nextafterf(fb, -INFINITY);
      v.push_back(static_cast<T>(a));
      v.push_back(static_cast<T>(b));
      v.push_back(static_cast<T>(fa));
      v.push_back(static_cast<T>(fb));
    }
  }
}

/**
 * v rounded to float32, through memory: GCC 12.2 (Debian 12, -O2 and up, -fno-exceptions)
 * SLP-vectorised `p0 = (float)p0; p1 = (float)p1;` into a vector narrowing and widening, and FRE
 * then folded the pair away, leaving p0 and p1 unrounded.
 */
double toFloat(double v) {
  volatile float f = static_cast<float>(v);
  return f;
}

/** The elementwise input set in precision T (about 90K values). */
template <class T>
std::vector<T> baseInputs() {
  const bool f64 = sizeof(T) == 8;
  std::vector<T> v;
  const double specials[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, fromBits64(0x7ff0000000000123ULL),
                             4.9406564584124654e-324, 2.2250738585072009e-308, 2.2250738585072014e-308,
                             1.7976931348623157e308, 3.4028234663852886e38, 3.4028235677973366e38, 1.1754943508222875e-38,
                             1.1754942106924411e-38, 1.401298464324817e-45, 7.006492321624085e-46};
  for (double s : specials) {
    v.push_back(static_cast<T>(s));
    v.push_back(static_cast<T>(-s));
  }
  if (!f64) {
    v.push_back(fromBits32(0x7fc00001u));
    v.push_back(fromBits32(0xffa00000u));  // a signalling-pattern NaN
  }
  for (double t : kThresholds) addAround(v, t);
  for (int i = -30 * 64; i <= 30 * 64; i++) v.push_back(static_cast<T>(i / 64.0));
  for (int i = -2200; i <= 2200; i++) v.push_back(static_cast<T>(i * 0.363));
  Rng r{f64 ? 1u : 2u};
  for (int i = 0; i < 30000; i++) {  // any bit pattern
    uint64_t u = r.next();
    v.push_back(f64 ? static_cast<T>(fromBits64(u)) : static_cast<T>(fromBits32(static_cast<uint32_t>(u >> 32))));
  }
  for (int i = 0; i < 30000; i++) {  // |x| in [2^-60, 2^12), any sign and fraction
    uint64_t u = r.next();
    int e = static_cast<int>(u % 72) - 60;
    double m = 1 + static_cast<double>((u >> 11) & ((1ULL << 52) - 1)) * 0x1p-52;
    double d = ldexp((u >> 7) & 1 ? -m : m, e);
    v.push_back(static_cast<T>(d));
  }
  for (int i = 0; i < 20000; i++) v.push_back(static_cast<T>(r.uniform(-30, 30)));
  return v;
}

/** dy for backward: the inputs in another order (so dy has specials too), every 3rd a plain value. */
template <class T>
std::vector<T> dyFor(const std::vector<T>& x, uint64_t seed) {
  Rng r{seed};
  std::vector<T> dy(x.size());
  for (size_t i = 0; i < x.size(); i++) {
    dy[i] = i % 3 == 0 ? static_cast<T>(r.uniform(-3, 3)) : x[static_cast<size_t>(r.next() % x.size())];
  }
  return dy;
}

// ---------------------------------------------------------------------------------------------
// Records: header, then x, dy (backward only), alpha, out, dalpha.

enum Kind { EW = 0, ROW = 1, PRELU = 2 };

struct Header {
  char magic[8];
  int32_t kind, fn, dir, f64, threads, rank;
  double p0, p1;
  uint64_t n, nAlpha;
};

FILE* gOut;
size_t gRecords = 0;

template <class T>
void writeRecord(Kind kind, int fn, int dir, int threads, double p0, double p1, const std::vector<double>& map,
                 const std::vector<T>& x, const std::vector<T>* dy, const std::vector<T>* alpha,
                 const std::vector<T>& out, const std::vector<T>* dalpha) {
  Header h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, "SAREC01", 8);
  h.kind = kind;
  h.fn = fn;
  h.dir = dir;
  h.f64 = sizeof(T) == 8;
  h.threads = threads;
  h.rank = static_cast<int32_t>(map.size() / 2);
  h.p0 = p0;
  h.p1 = p1;
  h.n = x.size();
  h.nAlpha = alpha ? alpha->size() : 0;
  fwrite(&h, sizeof h, 1, gOut);
  // (fwrite's pointer must not be null even for 0 items: GCC optimises on that.)
  if (!map.empty()) fwrite(map.data(), sizeof(double), map.size(), gOut);
  fwrite(x.data(), sizeof(T), x.size(), gOut);
  if (dy) fwrite(dy->data(), sizeof(T), dy->size(), gOut);
  if (alpha) fwrite(alpha->data(), sizeof(T), alpha->size(), gOut);
  fwrite(out.data(), sizeof(T), out.size(), gOut);
  if (dalpha) fwrite(dalpha->data(), sizeof(T), dalpha->size(), gOut);
  gRecords++;
}

// ---------------------------------------------------------------------------------------------
// Elementwise.

template <class T>
void runElementwise(int fn, double p0, double p1, std::vector<T> x) {
  const bool f64 = sizeof(T) == 8;
  if (!f64) {  // the facade rounds parameters to the data's precision
    p0 = toFloat(p0);
    p1 = toFloat(p1);
  }
  // The parameters' own thresholds: theta, threshold/beta, and the kernel thresholds over beta.
  if (!strcmp(kNames[fn], "thresholdedRelu")) addAround(x, fabs(p0));
  if (!strcmp(kNames[fn], "softplus")) {
    addAround(x, fabs(p1 / p0));
    for (double t : kThresholds) addAround(x, t / p0);
  }
  if (x.size() % 4 == 0) x.push_back(static_cast<T>(0.75));  // a tail after the 4-float steps
  std::vector<T> dy = dyFor(x, 100 + fn);
  for (int dir = 0; dir < 3; dir++) {
    std::vector<T> out(x.size());
    sa::EwArgs a{x.data(), dir == sa::BACKWARD ? dy.data() : x.data(), out.data(), x.size(), p0, p1, 0};
    gT.elementwise[fn](dir, f64, a);
    writeRecord<T>(EW, fn, dir, 1, p0, p1, {}, x, dir == sa::BACKWARD ? &dy : nullptr, nullptr, out, nullptr);
  }
}

struct ParamCase {
  const char* fn;
  double p0, p1;
};
// Defaults first, then others (leakyRelu alpha, thresholdedRelu theta, elu alpha, softplus beta/threshold).
const ParamCase kParams[] = {
    {"relu", 0, 0},
    {"leakyRelu", 0.01, 0}, {"leakyRelu", 0.3, 0}, {"leakyRelu", -1.5, 0}, {"leakyRelu", 0, 0},
    {"thresholdedRelu", 1, 0}, {"thresholdedRelu", 0, 0}, {"thresholdedRelu", -2.5, 0}, {"thresholdedRelu", 0.1, 0},
    {"elu", 1, 0}, {"elu", 0.5, 0}, {"elu", 2.75, 0}, {"elu", -1, 0},
    {"selu", 0, 0},
    {"softplus", 1, 20}, {"softplus", 0.5, 20}, {"softplus", 2, 10}, {"softplus", 0.5, INFINITY}, {"softplus", 3.3, -1.5},
    {"softplus", 1, 5}, {"softplus", 1, INFINITY},
    {"sigmoid", 0, 0},
    {"tanh", 0, 0},
};

int fnIndex(const char* name) {
  for (int i = 0; i < SA_FUNCTION_COUNT; i++) {
    if (!strcmp(kNames[i], name)) return i;
  }
  fprintf(stderr, "no function %s in the spec\n", name);
  exit(2);
}

// ---------------------------------------------------------------------------------------------
// Rows (softmax, logSoftmax) on the layout (outer, n, inner).

struct SplitCtx {
  int threads;
};
/** The addon's expSplit (addon.cpp) with its tasks run in turn. */
void expSplitSerial(void* ctx, int f64, const void* x, double shift, double* e, size_t n) {
  int threads = static_cast<SplitCtx*>(ctx)->threads;
  size_t chunk = ((n + threads - 1) / threads + 63) / 64 * 64;
  for (size_t b = 0; b < n; b += chunk) {
    size_t len = n - b < chunk ? n - b : chunk;
    gT.expRange(f64, static_cast<const char*>(x) + b * (f64 ? 8 : 4), shift, e + b, len);
  }
}

template <class T>
std::vector<T> rowData(size_t total, uint64_t seed, double scale) {
  Rng r{seed};
  const double specials[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0, 1e308, -1e308, 4.9406564584124654e-324};
  std::vector<T> v(total);
  for (size_t i = 0; i < total; i++) {
    uint64_t u = r.next();
    v[i] = u % 97 == 0 ? static_cast<T>(specials[(u >> 8) % 8]) : static_cast<T>(r.uniform(-scale, scale));
  }
  return v;
}

template <class T>
void runRows(int fn, size_t outer, size_t n, size_t inner, std::vector<T> x, int threads) {
  const bool f64 = sizeof(T) == 8;
  std::vector<T> dy = rowData<T>(x.size(), 7 + x.size(), 3);
  std::vector<double> scratch(2 * n + 2);
  std::vector<double> map = {double(outer), double(n), double(inner), 0, 0, 0};
  SplitCtx ctx{threads};
  for (int backward = 0; backward < 2; backward++) {
    std::vector<T> out(x.size());
    sa::RowArgs a{x.data(), backward ? dy.data() : x.data(), out.data(), outer, n, inner, nullptr, nullptr};
    if (threads <= 1) {
      gT.rowwise[fn](backward, f64, a, 0, outer, scratch.data());
    } else if (outer == 1 && inner == 1) {  // one long row: its exponentials split
      a.expSplit = expSplitSerial;
      a.expCtx = &ctx;
      gT.rowwise[fn](backward, f64, a, 0, outer, scratch.data());
    } else {  // rows split by outer index
      size_t chunk = (outer + threads - 1) / threads;
      for (size_t o = 0; o < outer; o += chunk) gT.rowwise[fn](backward, f64, a, o, o + chunk < outer ? o + chunk : outer, scratch.data());
    }
    writeRecord<T>(ROW, fn, backward ? sa::BACKWARD : sa::FORWARD, threads, 0, 0, map, x, backward ? &dy : nullptr, nullptr, out,
                   nullptr);
  }
}

template <class T>
void allRows(int fn) {
  struct Shape { size_t outer, n, inner; double scale; };
  const Shape shapes[] = {{5, 17, 1, 30}, {3, 4100, 1, 10}, {1, 9000, 1, 800}, {1, 1, 1, 1}, {2, 1, 7, 5}, {4, 9, 5, 30},
                          {3, 300, 2, 1e5}, {2, 4500, 3, 0.01}, {7, 3, 1, 700}};
  uint64_t seed = 50;
  for (const Shape& s : shapes) {
    std::vector<T> x = rowData<T>(s.outer * s.n * s.inner, seed++, s.scale);
    runRows<T>(fn, s.outer, s.n, s.inner, x, 1);
    if (s.outer * s.n * s.inner > 1000) runRows<T>(fn, s.outer, s.n, s.inner, x, 2);
  }
  // Rows of special values, one per row of 6: all -Inf, one +Inf, two +Inf, a NaN, all equal,
  // ±Inf mixed, huge of both signs, subnormals.
  const size_t n = 6;
  const double I = INFINITY;
  const double rows[][n] = {{-I, -I, -I, -I, -I, -I}, {1, I, 3, -2, 0, 5}, {I, 0, I, -I, 2, 1}, {1, 2, NAN, 3, 4, 5},
                            {5, 5, 5, 5, 5, 5}, {I, -I, I, -I, 0, -0.0}, {1e308, -1e308, 1.7e308, 0, 1, -1},
                            {4.9406564584124654e-324, -4.9406564584124654e-324, 0, -0.0, 1e-310, 2e-320}};
  const size_t outer = sizeof rows / sizeof rows[0];
  std::vector<T> x;
  for (size_t o = 0; o < outer; o++) {
    for (size_t j = 0; j < n; j++) x.push_back(static_cast<T>(rows[o][j]));
  }
  runRows<T>(fn, outer, n, 1, x, 1);
  runRows<T>(fn, 1, n, outer, x, 1);  // the same values read as strided rows
}

// ---------------------------------------------------------------------------------------------
// prelu: x through an alpha map (dims, strides), as src/reference/prelu.ts and the addon take it.

/** The addon's PreluArgs::parallel with its tasks run in turn. */
void parallelSerial(void*, size_t tasks, void (*task)(void* arg, size_t t), void* arg) {
  for (size_t t = 0; t < tasks; t++) task(arg, t);
}

template <class T>
void runPrelu(int fn, const std::vector<double>& dims, const std::vector<double>& strides, const std::vector<T>& alpha,
              uint64_t seed) {
  const bool f64 = sizeof(T) == 8;
  size_t n = 1;
  for (double d : dims) n *= static_cast<size_t>(d);
  std::vector<T> base = baseInputs<T>();
  Rng r{seed};
  std::vector<T> x(n);
  for (size_t i = 0; i < n; i++) x[i] = i % 2 ? base[static_cast<size_t>(r.next() % base.size())] : static_cast<T>(r.uniform(-5, 5));
  std::vector<T> dy = dyFor(x, seed + 1);
  std::vector<double> map = dims;
  map.insert(map.end(), strides.begin(), strides.end());
  const int rank = static_cast<int>(dims.size());
  for (int dir = 0; dir < 3; dir++) {
    for (int threads = 1; threads <= (dir == sa::BACKWARD ? 2 : 1); threads++) {
      std::vector<T> out(n), dalpha(alpha.size());
      sa::PreluArgs a{x.data(), alpha.data(), dir == sa::BACKWARD ? dy.data() : x.data(), out.data(), dalpha.data(),
                      alpha.size(), rank, map.data(), map.data() + rank, 0, 0, nullptr, nullptr, 1, 0, nullptr, 0};
      if (dir == sa::BACKWARD) {
        size_t len = sa::preluBackwardScratch(a.alphaLen, n, threads);
        if (threads > 1) {
          a.parallel = parallelSerial;
          a.threads = threads;
        }
        a.scratchLen = len;
        std::vector<double> sums(len);
        gT.prelu[fn](dir, f64, a, sums.data());
      } else {
        std::vector<double> scratch(sa::PRELU_PATTERN_SCRATCH);
        a.scratchLen = scratch.size();
        a.scratch = scratch.data();
        gT.prelu[fn](dir, f64, a, nullptr);
      }
      writeRecord<T>(PRELU, fn, dir, threads, 0, 0, map, x, dir == sa::BACKWARD ? &dy : nullptr, &alpha, out,
                     dir == sa::BACKWARD ? &dalpha : nullptr);
    }
  }
}

template <class T>
std::vector<T> alphaValues(size_t len, uint64_t seed) {
  const double specials[] = {0.25, -0.5, 0.0, -0.0, NAN, INFINITY, 1e-300, 3};
  Rng r{seed};
  std::vector<T> a(len);
  for (size_t i = 0; i < len; i++) a[i] = i < 8 && len > 8 ? static_cast<T>(specials[i]) : static_cast<T>(r.uniform(-1, 1));
  return a;
}

template <class T>
void allPrelu(int fn) {
  struct Map { std::vector<double> dims, strides; size_t alphaLen; };
  const Map maps[] = {
      {{5, 37}, {0, 0}, 1},                // scalar alpha
      {{20000}, {0}, 1},                   // scalar alpha, dalpha over several 4096-term blocks
      {{50, 13}, {0, 1}, 13},              // per channel, last axis
      {{3000, 3}, {0, 1}, 3},              // per channel, last axis, long sums
      {{4, 6, 7, 7}, {0, 1, 0, 0}, 6},     // channels-first
      {{2, 3, 2100}, {0, 1, 0}, 3},        // channels-first, runs over a block
      {{3, 4, 5}, {0, 5, 1}, 20},          // alpha over shape[1:]
      {{3, 4, 5}, {0, 0, 1}, 5},           // Keras shared_axes=[1]
      {{4, 3, 5}, {0, 1, 3}, 15},          // transposed alpha
      {{2, 1, 9, 1}, {0, 1, 1, 0}, 9},     // size-1 dims
  };
  uint64_t seed = 900;
  for (const Map& m : maps) {
    std::vector<T> alpha = alphaValues<T>(m.alphaLen, seed);
    runPrelu<T>(fn, m.dims, m.strides, alpha, seed);
    seed += 10;
    if (m.alphaLen == 1) runPrelu<T>(fn, m.dims, m.strides, std::vector<T>{static_cast<T>(-0.75)}, seed++);
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing two files.

bool readAll(const char* path, std::vector<unsigned char>& buf) {
  FILE* f = fopen(path, "rb");
  if (!f) return false;
  unsigned char tmp[1 << 16];
  size_t k;
  while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) buf.insert(buf.end(), tmp, tmp + k);
  fclose(f);
  return true;
}

size_t gNanBits = 0;  // NaN in both, other bits (x86's default NaN has the sign bit set, arm64's not)

/** The same bits, or NaN in both (counted in gNanBits when their bits differ). */
template <class T>
bool sameAs(const unsigned char* a, const unsigned char* b) {
  const bool bits = !memcmp(a, b, sizeof(T));
  T x, y;
  memcpy(&x, a, sizeof(T));
  memcpy(&y, b, sizeof(T));
  if (x != x && y != y) {
    gNanBits += !bits;
    return true;
  }
  return bits;
}

bool sameValue(const unsigned char* a, const unsigned char* b, int f64) {
  return f64 ? sameAs<double>(a, b) : sameAs<float>(a, b);
}

int compare(const char* pa, const char* pb) {
  std::vector<unsigned char> A, B;
  if (!readAll(pa, A) || !readAll(pb, B)) {
    fprintf(stderr, "cannot read %s or %s\n", pa, pb);
    return 2;
  }
  const char* kinds[] = {"elementwise", "rowwise", "prelu"};
  const char* dirs[] = {"forward", "derivative", "backward"};
  // Output values compared per function, direction and precision; differences.
  std::vector<std::string> keys;
  std::vector<size_t> counts, diffs;
  size_t at = 0, records = 0, totalDiffs = 0, inputDiffs = 0;
  while (at < A.size() && at < B.size()) {
    Header h, hb;
    memcpy(&h, &A[at], sizeof h);
    memcpy(&hb, &B[at], sizeof hb);
    if (memcmp(h.magic, "SAREC01", 8) || memcmp(&h, &hb, sizeof h)) {
      fprintf(stderr, "record %zu: headers differ (or not a record): the files are not comparable\n", records);
      return 2;
    }
    size_t el = h.f64 ? 8 : 4;
    bool bwd = h.dir == sa::BACKWARD;
    size_t nIn = h.n + (bwd ? h.n : 0) + h.nAlpha, nOut = h.n + (h.kind == PRELU && bwd ? h.nAlpha : 0);
    size_t start = at + sizeof h + 16 * static_cast<size_t>(h.rank);
    size_t end = start + (nIn + nOut) * el;
    if (end > A.size() || end > B.size()) {
      fprintf(stderr, "record %zu: truncated\n", records);
      return 2;
    }
    if (memcmp(&A[at + sizeof h], &B[at + sizeof h], 16 * h.rank)) inputDiffs++;
    for (size_t i = 0; i < nIn; i++) inputDiffs += !sameValue(&A[start + i * el], &B[start + i * el], h.f64);
    std::string key = std::string(kNames[h.fn]) + " " + (h.kind == ROW ? (bwd ? "backward" : "forward") : dirs[h.dir]) +
                      (h.f64 ? " Float64" : " Float32");
    size_t k = 0;
    while (k < keys.size() && keys[k] != key) k++;
    if (k == keys.size()) {
      keys.push_back(key);
      counts.push_back(0);
      diffs.push_back(0);
    }
    size_t o = start + nIn * el;
    for (size_t i = 0; i < nOut; i++) {
      if (!sameValue(&A[o + i * el], &B[o + i * el], h.f64)) {
        if (diffs[k] < 5) {
          double xa = 0, ya = 0, yb = 0;
          size_t xi = i < h.n ? i : 0;
          if (h.f64) {
            memcpy(&xa, &A[start + xi * 8], 8);
            memcpy(&ya, &A[o + i * 8], 8);
            memcpy(&yb, &B[o + i * 8], 8);
          } else {
            float f;
            memcpy(&f, &A[start + xi * 4], 4); xa = f;
            memcpy(&f, &A[o + i * 4], 4); ya = f;
            memcpy(&f, &B[o + i * 4], 4); yb = f;
          }
          fprintf(stderr, "DIFF %s (%s, p0 %.17g, p1 %.17g, record %zu) output %zu%s: x %.17g: %.17g vs %.17g\n", key.c_str(),
                  kinds[h.kind], h.p0, h.p1, records, i, i < h.n ? "" : " (dalpha)", xa, ya, yb);
        }
        diffs[k]++;
        totalDiffs++;
      }
    }
    counts[k] += nOut;
    at = end;
    records++;
  }
  if (at != A.size() || at != B.size()) {
    fprintf(stderr, "the files differ in length\n");
    return 2;
  }
  size_t total = 0;
  for (size_t k = 0; k < keys.size(); k++) {
    printf("%-34s %9zu values  %s\n", keys[k].c_str(), counts[k], diffs[k] ? (std::to_string(diffs[k]) + " DIFFER").c_str() : "same");
    total += counts[k];
  }
  printf("%zu records, %zu output values compared: %zu differ; inputs: %zu differ; NaN in both with other bits: %zu\n", records,
         total, totalDiffs, inputDiffs, gNanBits);
  return totalDiffs || inputDiffs ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && !strcmp(argv[1], "--compare")) return compare(argv[2], argv[3]);
  if (argc != 2) {
    fprintf(stderr, "usage: %s OUT.bin | --compare A.bin B.bin\n", argv[0]);
    return 2;
  }
  sa::fillTableScalar(gT);
  gOut = fopen(argv[1], "wb");
  if (!gOut) {
    perror(argv[1]);
    return 2;
  }
  for (int f64 = 0; f64 < 2; f64++) {
    std::vector<float> x32 = baseInputs<float>();
    std::vector<double> x64 = baseInputs<double>();
    for (const ParamCase& c : kParams) {
      if (f64) runElementwise<double>(fnIndex(c.fn), c.p0, c.p1, x64);
      else runElementwise<float>(fnIndex(c.fn), c.p0, c.p1, x32);
    }
#define SA_ROW(i, fn) if (f64) allRows<double>(i); else allRows<float>(i);
#define SA_PRELU(i, fn) if (f64) allPrelu<double>(i); else allPrelu<float>(i);
    SA_ROWWISE_FUNCTIONS(SA_ROW)
    SA_PRELU_FUNCTIONS(SA_PRELU)
#undef SA_ROW
#undef SA_PRELU
  }
  // Every elementwise function of the spec has a parameter case.
#define SA_EW(i, name) { bool found = false; for (const ParamCase& c : kParams) found |= !strcmp(c.fn, #name); \
    if (!found) { fprintf(stderr, "no case for %s\n", #name); return 2; } }
  SA_ELEMENTWISE_FUNCTIONS(SA_EW)
#undef SA_EW
  if (fclose(gOut)) {
    perror(argv[1]);
    return 2;
  }
  printf("%s: %zu records (%s table)\n", argv[1], gRecords, gT.name);
  return 0;
}
