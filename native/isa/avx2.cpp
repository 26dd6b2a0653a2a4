// The avx2 path, compiled with this ISA's flags only (see binding.gyp) and used only when CPUID
// says the CPU has it.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../table.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>

namespace sa_avx2 {
#include "../vec/avx2.h"
#include "../body.h"
}  // namespace sa_avx2

void sa::fillTableAvx2(sa::IsaTable& t) { sa_avx2::fill(t, "avx2"); }
#endif
