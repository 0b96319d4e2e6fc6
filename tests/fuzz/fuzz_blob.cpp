// libFuzzer target: the profile blob decoder (format v1).
// Invariants on every input:
//   - ProfileView::parse, parse_reference and Profile::from_blob agree;
//   - a blob that parses re-encodes through ProfileBuilder to the same bytes;
//   - its score and benefit against a fixed profile (and itself) are in [0, 1];
//   - explain() does not crash and profile_to_json round-trips.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"

namespace {

const rcp::Profile& fixed() {
  static const rcp::Profile p = [] {
    rcp::ProfileBuilder b;
    b.merge("python", 4, 0);
    b.merge("finance", 1, 3);
    b.merge("strategy", 2, 1);
    b.merge("ai", 0.5, 2);
    return b.build();
  }();
  return p;
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
  }
}

void check_unit(double s, const char* what) { check(std::isfinite(s) && s >= 0.0 && s <= 1.0, what); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rcp::ProfileView v;
  std::string why;
  bool ok = rcp::ProfileView::parse(data, size, &v, &why);
  rcp::ProfileView r;
  std::string why_ref;
  bool ok_ref = rcp::ProfileView::parse_reference(data, size, &r, &why_ref);
  check(ok == ok_ref, "parse and parse_reference agree");
  check(ok == rcp::ProfileView::parse(data, size, nullptr, nullptr), "parse without outputs agrees");
  bool from_blob_ok = true;
  try {
    rcp::Profile::from_blob(data, size);
  } catch (const rcp::Error&) {
    from_blob_ok = false;
  }
  check(ok == from_blob_ok, "from_blob agrees with parse");
  if (!ok) {
    check(!why.empty(), "a rejection has a reason");
    return 0;
  }
  // Re-encode through the builder: identical bytes.
  rcp::ProfileBuilder b;
  for (std::size_t i = 0; i < v.size(); ++i) b.set(v.topic(i), v.level(i), v.want(i));
  rcp::Profile back = b.build();
  check(back.blob().size() == size && std::memcmp(back.blob().data(), data, size) == 0,
        "builder re-encodes to identical bytes");
  // JSON round trip.
  rcp::Profile fromj = rcp::profile_from_json(rcp::profile_to_json(v));
  check(fromj.blob() == back.blob(), "to_json -> from_json round-trips");
  // Scores.
  const rcp::ProfileView& f = fixed().view();
  for (rcp::Mode m : {rcp::Mode::harmonic, rcp::Mode::geometric, rcp::Mode::min, rcp::Mode::mean,
                      rcp::Mode::uninorm}) {
    check_unit(rcp::score(v, f, m), "score(v, fixed) in [0,1]");
    check_unit(rcp::score(f, v, m), "score(fixed, v) in [0,1]");
    check_unit(rcp::score(v, v, m), "score(v, v) in [0,1]");
  }
  check_unit(rcp::benefit(v, f), "benefit(v, fixed) in [0,1]");
  check_unit(rcp::benefit(f, v), "benefit(fixed, v) in [0,1]");
  rcp::Explanation e = rcp::explain(v, f);
  (void)rcp::explanation_to_json(e);
  // The parse cache accepts exactly what parse accepts.
  static rcp::ProfileParseCache cache;
  rcp::ProfileView c;
  check(cache.parse(data, size, &c), "cache accepts a valid blob");
  check(cache.parse(data, size, &c), "cache accepts it again");
  return 0;
}
