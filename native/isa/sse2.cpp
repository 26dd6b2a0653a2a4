// The sse2 path, compiled with this ISA's flags only (see binding.gyp) and used only when CPUID
// says the CPU has it.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../table.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>

namespace sa_sse2 {
#include "../vec/sse2.h"
#include "../body.h"
}  // namespace sa_sse2

void sa::fillTableSse2(sa::IsaTable& t) { sa_sse2::fill(t, "sse2"); }
#endif
