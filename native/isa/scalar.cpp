// The portable path (one binary64 lane, plain C++): every CPU, and arm64 builds.
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../table.h"

namespace sa_scalar {
#include "../vec/scalar.h"
#include "../body.h"
}  // namespace sa_scalar

void sa::fillTableScalar(sa::IsaTable& t) { sa_scalar::fill(t, "scalar"); }
