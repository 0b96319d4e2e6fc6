// libFuzzer target: the JSON profile parser (and the strict JSON reader).
// Invariants: a JSON text that parses gives a valid blob; to_json -> from_json
// round-trips to equal bytes; to_json of the result is a fixed point.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/profile.hpp"

namespace {
void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)rcp::json::parse(text);
  } catch (const rcp::Error&) {
  }
  rcp::Profile p;
  try {
    p = rcp::profile_from_json(text);
  } catch (const rcp::Error&) {
    return 0;
  }
  const auto& blob = p.blob();
  rcp::ProfileView v;
  check(rcp::ProfileView::parse(blob.data(), blob.size(), &v), "the blob of a parsed JSON profile is valid");
  std::string j1 = rcp::profile_to_json(p.view());
  rcp::Profile q = rcp::profile_from_json(j1);
  check(q.blob() == blob, "to_json -> from_json round-trips to equal bytes");
  check(rcp::profile_to_json(q.view()) == j1, "to_json is a fixed point");
  return 0;
}
