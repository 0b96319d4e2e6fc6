// reciprocity core: float scores to fixed-point integer weights, as the
// matching engines use them.
#pragma once

#include <cstdint>

namespace rcp {

// round(x * 2^bits), half away from zero (as std::llround), for x >= 0,
// 0 <= bits <= 62 and x * 2^bits < 2^63. Exact: scaling by a power of two
// loses nothing, the truncation of a double below 2^63 is exact, and so is
// the remainder. No libm call: this runs once per candidate pair.
inline std::int64_t scale_round(double x, int bits) noexcept {
  const double y = x * static_cast<double>(std::uint64_t{1} << bits);
  auto w = static_cast<std::int64_t>(y);
  if (y - static_cast<double>(w) >= 0.5) ++w;
  return w;
}

}  // namespace rcp
