// The C API (include/reciprocity.h): a thin adapter over the core. It checks
// pointer arguments, converts, calls the core and maps every exception to a
// status code plus a thread-local message "<function>: <problem>". No logic
// of the model lives here.
#include "reciprocity.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/match.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/top_partners.hpp"

// The opaque handle: an immutable core profile. Mutators build a new Profile
// and swap it in, so readers (const functions) never mutate anything.
struct rcp_profile {
  rcp::Profile profile;
};

// The result of rcp_top_partners: the core's arrays and the person ids.
struct rcp_top_partners_result {
  std::vector<std::int64_t> ids;
  rcp::TopPartnersResult result;
};

// The result of rcp_match / rcp_match_audit: the core's pairs and audit.
struct rcp_match_result {
  std::vector<rcp::MatchPair> pairs;
  rcp::MatchAudit audit;
};

namespace {

// The last error of this thread. A fixed buffer, so that recording an error
// (including out-of-memory) never allocates.
constexpr std::size_t kErrCapacity = 1024;
thread_local char t_errmsg[kErrCapacity] = "";

// Appends up to the remaining capacity, never splitting a UTF-8 sequence.
std::size_t append(std::size_t at, std::string_view s) noexcept {
  std::size_t room = kErrCapacity - 1 - at;
  std::size_t n = s.size();
  if (n > room) {
    n = room;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // s[n] starts the cut-off part
  }
  if (n > 0) std::memcpy(t_errmsg + at, s.data(), n);  // an empty view may have a null data()
  return at + n;
}

rcp_status fail(rcp_status status, const char* fn, std::string_view message, std::string_view detail = {}) noexcept {
  std::size_t at = append(0, fn);
  at = append(at, ": ");
  at = append(at, message);
  at = append(at, detail);
  t_errmsg[at] = '\0';
  return status;
}

rcp_status null_argument(const char* fn, const char* name) noexcept {
  return fail(RCP_E_NULL_ARGUMENT, fn, name, " must not be NULL");
}

// A count of `element_size`-byte array elements that no array can hold (over
// PTRDIFF_MAX bytes): the count is wrong, and is rejected before anything is
// read or allocated (std::vector would throw length_error, an internal error).
bool no_array_holds(std::size_t count, std::size_t element_size) noexcept {
  return count > static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max()) / element_size;
}

rcp_status count_too_large(const char* fn, const char* name, std::size_t count, const char* what) noexcept {
  char detail[128];
  std::snprintf(detail, sizeof detail, " is %zu: no array of that many %s fits in memory", count, what);
  return fail(RCP_E_TOO_LARGE, fn, name, detail);
}

// No version of an options struct comes near this size: a larger struct_size
// is not initialised (and scanning that many "unknown" bytes for nonzero ones
// would read far past the struct).
constexpr std::size_t kMaxOptionsStructSize = 4096;

rcp_status from_code(rcp::ErrorCode code) noexcept {
  switch (code) {
    case rcp::ErrorCode::invalid_argument: return RCP_E_INVALID_ARGUMENT;
    case rcp::ErrorCode::bad_profile: return RCP_E_BAD_PROFILE;
    case rcp::ErrorCode::too_large: return RCP_E_TOO_LARGE;
    case rcp::ErrorCode::no_memory: return RCP_E_NOMEM;
    case rcp::ErrorCode::internal: return RCP_E_INTERNAL;
  }
  return RCP_E_INTERNAL;
}

// Runs body(); maps every exception to a status and a message. The core's
// messages never name a function: we prefix ours.
template <typename Body>
rcp_status guard(const char* fn, Body&& body) noexcept {
  try {
    body();
    return RCP_OK;
  } catch (const rcp::Error& e) {
    return fail(from_code(e.code()), fn, e.what());
  } catch (const std::bad_alloc&) {
    return fail(RCP_E_NOMEM, fn, "out of memory");
  } catch (const std::exception& e) {
    return fail(RCP_E_INTERNAL, fn, "internal error: ", e.what());
  } catch (...) {
    return fail(RCP_E_INTERNAL, fn, "internal error");
  }
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A copy of `s` in a buffer the caller frees with rcp_free.
char* c_string(const std::string& s) {
  auto* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) throw std::bad_alloc();
  std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

// A new profile: `view` with `change` applied to a builder over it. The old
// profile is untouched, so a failure leaves it as it was.
template <typename Change>
rcp::Profile rebuilt(const rcp::ProfileView& view, Change&& change) {
  rcp::ProfileBuilder b;
  for (std::size_t i = 0; i < view.size(); ++i) b.set(view.topic(i), view.level(i), view.want(i));
  change(b);
  return b.build();
}

}  // namespace

extern "C" {

const char* rcp_status_string(rcp_status status) {
  switch (status) {
    case RCP_OK: return "ok";
    case RCP_E_INVALID_ARGUMENT: return "invalid argument";
    case RCP_E_BAD_PROFILE: return "bad profile";
    case RCP_E_TOO_LARGE: return "too large";
    case RCP_E_NOMEM: return "out of memory";
    case RCP_E_INTERNAL: return "internal error";
    case RCP_E_NULL_ARGUMENT: return "NULL argument";
    case RCP_E_CANCELLED: return "cancelled";
  }
  return "unknown status";
}

const char* rcp_errmsg(void) { return t_errmsg; }

const char* rcp_version(void) { return RCP_VERSION_STRING; }

int rcp_version_number(void) { return RCP_VERSION_NUMBER; }

void rcp_free(void* ptr) { std::free(ptr); }

rcp_status rcp_profile_create(rcp_profile** out) {
  static constexpr const char* fn = "rcp_profile_create";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  return guard(fn, [&] { *out = new rcp_profile(); });
}

void rcp_profile_destroy(rcp_profile* p) { delete p; }

rcp_status rcp_profile_set(rcp_profile* p, const char* topic, double level, double want) {
  static constexpr const char* fn = "rcp_profile_set";
  if (!p) return null_argument(fn, "p");
  if (!topic) return null_argument(fn, "topic");
  return guard(fn, [&] {
    p->profile = rebuilt(p->profile.view(), [&](rcp::ProfileBuilder& b) { b.set(topic, level, want); });
  });
}

rcp_status rcp_profile_merge(rcp_profile* p, const char* topic, double level, double want) {
  static constexpr const char* fn = "rcp_profile_merge";
  if (!p) return null_argument(fn, "p");
  if (!topic) return null_argument(fn, "topic");
  return guard(fn, [&] {
    p->profile = rebuilt(p->profile.view(), [&](rcp::ProfileBuilder& b) { b.merge(topic, level, want); });
  });
}

rcp_status rcp_profile_remove(rcp_profile* p, const char* topic, int* out_removed) {
  static constexpr const char* fn = "rcp_profile_remove";
  if (out_removed) *out_removed = 0;
  if (!p) return null_argument(fn, "p");
  if (!topic) return null_argument(fn, "topic");
  return guard(fn, [&] {
    const rcp::ProfileView& v = p->profile.view();
    std::string c = rcp::canonical_topic(topic);
    if (v.find(c) == v.size()) return;  // absent: nothing to rebuild
    p->profile = rebuilt(v, [&](rcp::ProfileBuilder& b) { b.remove(c); });
    if (out_removed) *out_removed = 1;
  });
}

rcp_status rcp_profile_size(const rcp_profile* p, size_t* out) {
  static constexpr const char* fn = "rcp_profile_size";
  if (out) *out = 0;
  if (!p) return null_argument(fn, "p");
  if (!out) return null_argument(fn, "out");
  *out = p->profile.size();
  return RCP_OK;
}

rcp_status rcp_profile_from_blob(rcp_profile** out, const void* data, size_t size) {
  static constexpr const char* fn = "rcp_profile_from_blob";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  if (!data) return null_argument(fn, "data");
  return guard(fn, [&] { *out = new rcp_profile{rcp::Profile::from_blob(data, size)}; });
}

rcp_status rcp_profile_to_blob(const rcp_profile* p, void** out_data, size_t* out_size) {
  static constexpr const char* fn = "rcp_profile_to_blob";
  if (out_data) *out_data = nullptr;
  if (out_size) *out_size = 0;
  if (!p) return null_argument(fn, "p");
  if (!out_data) return null_argument(fn, "out_data");
  if (!out_size) return null_argument(fn, "out_size");
  return guard(fn, [&] {
    const std::vector<unsigned char>& blob = p->profile.blob();
    void* buf = std::malloc(blob.size());
    if (!buf) throw std::bad_alloc();
    std::memcpy(buf, blob.data(), blob.size());
    *out_data = buf;
    *out_size = blob.size();
  });
}

rcp_status rcp_profile_from_json(rcp_profile** out, const char* json) {
  static constexpr const char* fn = "rcp_profile_from_json";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  if (!json) return null_argument(fn, "json");
  return guard(fn, [&] { *out = new rcp_profile{rcp::profile_from_json(json)}; });
}

rcp_status rcp_profile_to_json(const rcp_profile* p, char** out_json) {
  static constexpr const char* fn = "rcp_profile_to_json";
  if (out_json) *out_json = nullptr;
  if (!p) return null_argument(fn, "p");
  if (!out_json) return null_argument(fn, "out_json");
  return guard(fn, [&] { *out_json = c_string(rcp::profile_to_json(p->profile.view())); });
}

rcp_status rcp_score(const rcp_profile* a, const rcp_profile* b, const char* mode, double* out) {
  static constexpr const char* fn = "rcp_score";
  if (out) *out = kNaN;
  if (!a) return null_argument(fn, "a");
  if (!b) return null_argument(fn, "b");
  if (!out) return null_argument(fn, "out");
  return guard(fn, [&] {
    rcp::Mode m = mode ? rcp::parse_mode(mode) : rcp::kDefaultMode;
    *out = rcp::score(a->profile.view(), b->profile.view(), m);
  });
}

rcp_status rcp_benefit(const rcp_profile* receiver, const rcp_profile* giver, double* out) {
  static constexpr const char* fn = "rcp_benefit";
  if (out) *out = kNaN;
  if (!receiver) return null_argument(fn, "receiver");
  if (!giver) return null_argument(fn, "giver");
  if (!out) return null_argument(fn, "out");
  *out = rcp::benefit(receiver->profile.view(), giver->profile.view());
  return RCP_OK;
}

rcp_status rcp_explain_json(const rcp_profile* a, const rcp_profile* b, const char* mode, char** out_json) {
  static constexpr const char* fn = "rcp_explain_json";
  if (out_json) *out_json = nullptr;
  if (!a) return null_argument(fn, "a");
  if (!b) return null_argument(fn, "b");
  if (!out_json) return null_argument(fn, "out_json");
  return guard(fn, [&] {
    rcp::Mode m = mode ? rcp::parse_mode(mode) : rcp::kDefaultMode;
    *out_json = c_string(rcp::explanation_to_json(rcp::explain(a->profile.view(), b->profile.view(), m)));
  });
}

// ------------------------------------------------------------ top partners

}  // extern "C"

namespace {

// The size of rcp_top_partners_options in 1.1, the first version: what a
// caller's struct_size must at least be. Fields appended later keep these
// offsets, so this stays right.
constexpr std::size_t kTopPartnersOptionsSize_1_1 =
    offsetof(rcp_top_partners_options, progress_user) + sizeof(void*);
constexpr unsigned kMaxThreads = 1024;

}  // namespace

extern "C" {

rcp_status rcp_top_partners(const rcp_profile* const* profiles, const int64_t* ids, size_t n, size_t k,
                            const rcp_top_partners_options* opts, rcp_top_partners_result** out) {
  static constexpr const char* fn = "rcp_top_partners";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  if (n > 0 && !profiles) return null_argument(fn, "profiles");
  if (n > 0 && !ids) return null_argument(fn, "ids");
  if (n > std::numeric_limits<std::uint32_t>::max()) {  // the core's limit, checked before profiles[i] is read
    char detail[64];
    std::snprintf(detail, sizeof detail, "at most %u people", std::numeric_limits<std::uint32_t>::max());
    return fail(RCP_E_TOO_LARGE, fn, detail);
  }

  // Options: read only the fields the caller's struct_size covers; a larger
  // struct from a newer header is fine as long as what we do not know is 0.
  rcp_top_partners_options o = RCP_TOP_PARTNERS_OPTIONS_INIT;
  if (opts) {
    const std::size_t size = opts->struct_size;
    if (size < kTopPartnersOptionsSize_1_1) {
      char detail[160];
      std::snprintf(detail, sizeof detail,
                    " is %zu, expected at least %zu (initialise the options with RCP_TOP_PARTNERS_OPTIONS_INIT)",
                    size, kTopPartnersOptionsSize_1_1);
      return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
    }
    if (size > kMaxOptionsStructSize) {
      char detail[160];
      std::snprintf(detail, sizeof detail,
                    " is %zu, more than any version of the options has (initialise the options with "
                    "RCP_TOP_PARTNERS_OPTIONS_INIT)",
                    size);
      return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
    }
    if (size > sizeof(rcp_top_partners_options)) {
      const auto* extra = reinterpret_cast<const unsigned char*>(opts) + sizeof(rcp_top_partners_options);
      for (std::size_t i = 0; i < size - sizeof(rcp_top_partners_options); ++i) {
        if (extra[i] != 0) {
          char detail[200];
          std::snprintf(detail, sizeof detail,
                        " is %zu, larger than this library's %zu, and options this library does not know are set "
                        "(the program needs a newer libreciprocity than %s)",
                        size, sizeof(rcp_top_partners_options), RCP_VERSION_STRING);
          return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
        }
      }
    }
    std::memcpy(&o, opts, sizeof(rcp_top_partners_options) < size ? sizeof(rcp_top_partners_options) : size);
    o.struct_size = sizeof(rcp_top_partners_options);
  }
  if (o.threads > kMaxThreads) {
    char detail[96];
    std::snprintf(detail, sizeof detail, " must be from 0 to %u (0: one per core), not %u", kMaxThreads, o.threads);
    return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->threads", detail);
  }
  if (o.exclude_count > 0 && !o.exclude) {
    char detail[96];
    std::snprintf(detail, sizeof detail, " must not be NULL when opts->exclude_count is %zu", o.exclude_count);
    return fail(RCP_E_NULL_ARGUMENT, fn, "opts->exclude", detail);
  }
  if (no_array_holds(o.exclude_count, sizeof(rcp_id_pair))) {
    return count_too_large(fn, "opts->exclude_count", o.exclude_count, "pairs");
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!profiles[i]) {
      char name[48];
      std::snprintf(name, sizeof name, "profiles[%zu]", i);
      return null_argument(fn, name);
    }
  }

  // The callback's verdict, kept here so that a 0 from the final call (after
  // which the core has nothing left to stop) still cancels, and a C++
  // exception thrown by a callback written in C++ never crosses the core.
  bool cancelled = false, callback_threw = false;
  std::string callback_error;  // ": " + what() of what it threw, if anything
  rcp_status st = guard(fn, [&] {
    rcp::TopPartnersOptions opt;
    opt.k = static_cast<std::uint64_t>(k);
    opt.mode = o.mode ? rcp::parse_mode(o.mode) : rcp::kDefaultMode;
    opt.threads = o.threads;
    opt.exclude.reserve(o.exclude_count);
    for (std::size_t i = 0; i < o.exclude_count; ++i) opt.exclude.emplace_back(o.exclude[i].a, o.exclude[i].b);
    if (o.progress) {
      opt.progress = [&](std::size_t done, std::size_t total) noexcept {
        if (cancelled) return false;
        try {
          if (o.progress(o.progress_user, done, total) == 0) cancelled = true;
        } catch (const std::exception& e) {
          cancelled = callback_threw = true;
          try {
            callback_error = std::string(": ") + e.what();
          } catch (...) {  // no memory for the text: the message goes without it
          }
        } catch (...) {
          cancelled = callback_threw = true;
        }
        return !cancelled;
      };
    }
    std::vector<rcp::Person> people(n);
    for (std::size_t i = 0; i < n; ++i) {
      people[i].id = ids[i];
      people[i].profile = profiles[i]->profile.view();
    }
    auto r = std::make_unique<rcp_top_partners_result>();
    r->result = rcp::top_partners(people.data(), n, opt);
    if (r->result.cancelled || cancelled) {
      cancelled = true;
      return;
    }
    r->ids.assign(ids, ids + n);
    *out = r.release();
  });
  if (st != RCP_OK) return st;
  if (cancelled) {
    if (callback_threw) {
      return fail(RCP_E_CANCELLED, fn, "cancelled: the progress callback threw an exception", callback_error);
    }
    return fail(RCP_E_CANCELLED, fn, "cancelled by the progress callback");
  }
  return RCP_OK;
}

rcp_status rcp_top_partners_result_count(const rcp_top_partners_result* result, size_t* out_people) {
  static constexpr const char* fn = "rcp_top_partners_result_count";
  if (out_people) *out_people = 0;
  if (!result) return null_argument(fn, "result");
  if (!out_people) return null_argument(fn, "out_people");
  *out_people = result->ids.size();
  return RCP_OK;
}

rcp_status rcp_top_partners_result_get(const rcp_top_partners_result* result, size_t index, int64_t* out_id,
                                       size_t* out_count, const int64_t** out_partners, const double** out_scores) {
  static constexpr const char* fn = "rcp_top_partners_result_get";
  if (out_id) *out_id = 0;
  if (out_count) *out_count = 0;
  if (out_partners) *out_partners = nullptr;
  if (out_scores) *out_scores = nullptr;
  if (!result) return null_argument(fn, "result");
  if (!out_count) return null_argument(fn, "out_count");
  if (!out_partners) return null_argument(fn, "out_partners");
  if (!out_scores) return null_argument(fn, "out_scores");
  const std::size_t n = result->ids.size();
  if (index >= n) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "index %zu is out of range (the result has %zu people)", index, n);
    return fail(RCP_E_INVALID_ARGUMENT, fn, detail);
  }
  const rcp::TopPartnersResult& r = result->result;
  const std::size_t begin = r.offsets[index], end = r.offsets[index + 1];
  if (out_id) *out_id = result->ids[index];
  *out_count = end - begin;
  if (end > begin) {
    *out_partners = r.partner.data() + begin;
    *out_scores = r.score.data() + begin;
  }
  return RCP_OK;
}

rcp_status rcp_top_partners_result_stats(const rcp_top_partners_result* result, uint64_t* out_met,
                                         uint64_t* out_scored) {
  static constexpr const char* fn = "rcp_top_partners_result_stats";
  if (out_met) *out_met = 0;
  if (out_scored) *out_scored = 0;
  if (!result) return null_argument(fn, "result");
  if (out_met) *out_met = result->result.candidates_met;
  if (out_scored) *out_scored = result->result.candidates_scored;
  return RCP_OK;
}

void rcp_top_partners_result_destroy(rcp_top_partners_result* result) { delete result; }

}  // extern "C"

// ----------------------------------------------------------- cohort matching

namespace {

// The size of rcp_match_options / rcp_match_audit_info in 1.1, the first
// version: what a caller's struct_size must at least be.
constexpr std::size_t kMatchOptionsSize_1_1 = offsetof(rcp_match_options, pinned_count) + sizeof(size_t);
constexpr std::size_t kMatchAuditInfoSize_1_1 = offsetof(rcp_match_audit_info, explanation) + sizeof(const char*);

// Copies the caller's options into *o (defaults kept for the fields its
// struct_size does not cover); a larger struct from a newer header is fine as
// long as what this library does not know is 0.
rcp_status read_match_options(const char* fn, const rcp_match_options* opts, rcp_match_options* o) noexcept {
  *o = rcp_match_options RCP_MATCH_OPTIONS_INIT;
  if (!opts) return RCP_OK;
  const std::size_t size = opts->struct_size;
  if (size < kMatchOptionsSize_1_1) {
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  " is %zu, expected at least %zu (initialise the options with RCP_MATCH_OPTIONS_INIT)", size,
                  kMatchOptionsSize_1_1);
    return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
  }
  if (size > kMaxOptionsStructSize) {
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  " is %zu, more than any version of the options has (initialise the options with "
                  "RCP_MATCH_OPTIONS_INIT)",
                  size);
    return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
  }
  if (size > sizeof(rcp_match_options)) {
    const auto* extra = reinterpret_cast<const unsigned char*>(opts) + sizeof(rcp_match_options);
    for (std::size_t i = 0; i < size - sizeof(rcp_match_options); ++i) {
      if (extra[i] != 0) {
        char detail[200];
        std::snprintf(detail, sizeof detail,
                      " is %zu, larger than this library's %zu, and options this library does not know are set "
                      "(the program needs a newer libreciprocity than %s)",
                      size, sizeof(rcp_match_options), RCP_VERSION_STRING);
        return fail(RCP_E_INVALID_ARGUMENT, fn, "opts->struct_size", detail);
      }
    }
  }
  std::memcpy(o, opts, std::min(sizeof(rcp_match_options), size));
  o->struct_size = sizeof(rcp_match_options);
  if (o->mentor_count > 0 && !o->mentors) {
    char detail[96];
    std::snprintf(detail, sizeof detail, " must not be NULL when opts->mentor_count is %zu", o->mentor_count);
    return fail(RCP_E_NULL_ARGUMENT, fn, "opts->mentors", detail);
  }
  if (o->pinned_count > 0 && !o->pinned) {
    char detail[96];
    std::snprintf(detail, sizeof detail, " must not be NULL when opts->pinned_count is %zu", o->pinned_count);
    return fail(RCP_E_NULL_ARGUMENT, fn, "opts->pinned", detail);
  }
  if (no_array_holds(o->mentor_count, sizeof(rcp_mentor))) {
    return count_too_large(fn, "opts->mentor_count", o->mentor_count, "mentors");
  }
  if (no_array_holds(o->pinned_count, sizeof(rcp_id_pair))) {
    return count_too_large(fn, "opts->pinned_count", o->pinned_count, "pairs");
  }
  return RCP_OK;
}

rcp::MatchInput match_input(const rcp_candidate* candidates, size_t n, const rcp_match_options& o) {
  rcp::MatchInput in;
  in.gains = o.gains != 0;
  if (o.objective) in.objective = o.objective;
  in.candidates.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const rcp_candidate& c = candidates[i];
    in.candidates[i] = rcp::MatchCandidate{c.a, c.b, c.score, in.gains ? c.a_gain : 0.0, in.gains ? c.b_gain : 0.0};
  }
  in.capacitated = o.mentors != nullptr;
  in.mentors.resize(o.mentor_count);
  for (std::size_t i = 0; i < o.mentor_count; ++i) in.mentors[i] = rcp::MentorCapacity{o.mentors[i].id, o.mentors[i].capacity};
  in.pinned.resize(o.pinned_count);
  for (std::size_t i = 0; i < o.pinned_count; ++i) in.pinned[i] = {o.pinned[i].a, o.pinned[i].b};
  return in;
}

}  // namespace

extern "C" {

rcp_status rcp_match(const rcp_candidate* candidates, size_t n, const rcp_match_options* opts,
                     rcp_match_result** out) {
  static constexpr const char* fn = "rcp_match";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  if (n > 0 && !candidates) return null_argument(fn, "candidates");
  if (no_array_holds(n, sizeof(rcp_candidate))) return count_too_large(fn, "n", n, "candidates");
  rcp_match_options o;
  if (rcp_status st = read_match_options(fn, opts, &o); st != RCP_OK) return st;
  return guard(fn, [&] {
    rcp::MatchResult r = rcp::match(match_input(candidates, n, o));
    auto res = std::make_unique<rcp_match_result>();
    res->pairs = std::move(r.pairs);
    res->audit = std::move(r.audit);
    *out = res.release();
  });
}

rcp_status rcp_match_audit(const rcp_candidate* candidates, size_t n, const rcp_match_options* opts,
                           const rcp_id_pair* matching, size_t count, rcp_match_result** out) {
  static constexpr const char* fn = "rcp_match_audit";
  if (!out) return null_argument(fn, "out");
  *out = nullptr;
  if (n > 0 && !candidates) return null_argument(fn, "candidates");
  if (count > 0 && !matching) return null_argument(fn, "matching");
  if (no_array_holds(n, sizeof(rcp_candidate))) return count_too_large(fn, "n", n, "candidates");
  if (no_array_holds(count, sizeof(rcp_id_pair))) return count_too_large(fn, "count", count, "pairs");
  rcp_match_options o;
  if (rcp_status st = read_match_options(fn, opts, &o); st != RCP_OK) return st;
  return guard(fn, [&] {
    rcp::MatchInput in = match_input(candidates, n, o);
    in.pinned.clear();
    std::vector<std::pair<std::int64_t, std::int64_t>> m(count);
    for (std::size_t i = 0; i < count; ++i) m[i] = {matching[i].a, matching[i].b};
    auto res = std::make_unique<rcp_match_result>();
    res->audit = rcp::audit(in, m);  // validates the candidates and the matching

    // The pairs as rcp_match gives them: (min, max) or (mentor, mentee),
    // sorted, once each, with their candidate scores.
    std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, double>> score_of;
    score_of.reserve(in.candidates.size());
    for (const rcp::MatchCandidate& c : in.candidates) {
      score_of.push_back({{std::min(c.a, c.b), std::max(c.a, c.b)}, c.score});
    }
    std::sort(score_of.begin(), score_of.end());
    std::vector<std::int64_t> mentor_ids;
    for (const rcp::MentorCapacity& mc : in.mentors) mentor_ids.push_back(mc.id);
    std::sort(mentor_ids.begin(), mentor_ids.end());
    auto is_mentor = [&](std::int64_t id) { return std::binary_search(mentor_ids.begin(), mentor_ids.end(), id); };
    for (auto [a, b] : m) {
      const std::pair<std::int64_t, std::int64_t> key{std::min(a, b), std::max(a, b)};
      auto it = std::lower_bound(score_of.begin(), score_of.end(), key,
                                 [](const auto& e, const auto& k) { return e.first < k; });
      if (it == score_of.end() || it->first != key) throw rcp::Error(rcp::ErrorCode::internal, "audited pair not found");
      rcp::MatchPair p{key.first, key.second, it->second};
      if (in.capacitated && is_mentor(p.b)) std::swap(p.a, p.b);
      res->pairs.push_back(p);
    }
    std::sort(res->pairs.begin(), res->pairs.end(),
              [](const rcp::MatchPair& x, const rcp::MatchPair& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    res->pairs.erase(std::unique(res->pairs.begin(), res->pairs.end(),
                                 [](const rcp::MatchPair& x, const rcp::MatchPair& y) { return x.a == y.a && x.b == y.b; }),
                     res->pairs.end());
    *out = res.release();
  });
}

rcp_status rcp_match_result_count(const rcp_match_result* result, size_t* out_count) {
  static constexpr const char* fn = "rcp_match_result_count";
  if (out_count) *out_count = 0;
  if (!result) return null_argument(fn, "result");
  if (!out_count) return null_argument(fn, "out_count");
  *out_count = result->pairs.size();
  return RCP_OK;
}

rcp_status rcp_match_result_get(const rcp_match_result* result, size_t index, int64_t* out_a, int64_t* out_b,
                                double* out_score) {
  static constexpr const char* fn = "rcp_match_result_get";
  if (out_a) *out_a = 0;
  if (out_b) *out_b = 0;
  if (out_score) *out_score = kNaN;
  if (!result) return null_argument(fn, "result");
  const std::size_t n = result->pairs.size();
  if (index >= n) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "index %zu is out of range (the result has %zu pairs)", index, n);
    return fail(RCP_E_INVALID_ARGUMENT, fn, detail);
  }
  const rcp::MatchPair& p = result->pairs[index];
  if (out_a) *out_a = p.a;
  if (out_b) *out_b = p.b;
  if (out_score) *out_score = p.score;
  return RCP_OK;
}

rcp_status rcp_match_result_audit(const rcp_match_result* result, rcp_match_audit_info* out) {
  static constexpr const char* fn = "rcp_match_result_audit";
  if (!result) return null_argument(fn, "result");
  if (!out) return null_argument(fn, "out");
  const std::size_t size = out->struct_size;
  if (size < kMatchAuditInfoSize_1_1) {
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  " is %zu, expected at least %zu (initialise it with RCP_MATCH_AUDIT_INFO_INIT)", size,
                  kMatchAuditInfoSize_1_1);
    return fail(RCP_E_INVALID_ARGUMENT, fn, "out->struct_size", detail);
  }
  const rcp::MatchAudit& a = result->audit;
  rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
  info.people = a.people;
  info.pairs = a.pairs;
  info.total = a.total;
  info.weakest_score = a.weakest_score;
  info.has_worst_off = a.has_worst_off ? 1 : 0;
  info.worst_off = a.has_worst_off ? a.worst_off : 0;
  info.worst_off_score = a.has_worst_off ? a.worst_off_score : 0.0;
  info.unmatched = a.unmatched;
  info.blocking_pairs = a.blocking.size();
  info.stable = a.stable ? 1 : 0;
  info.explanation = a.explanation.c_str();
  info.struct_size = size;
  std::memcpy(out, &info, std::min(sizeof info, size));
  return RCP_OK;
}

rcp_status rcp_match_result_blocking(const rcp_match_result* result, size_t index, int64_t* out_a, int64_t* out_b) {
  static constexpr const char* fn = "rcp_match_result_blocking";
  if (out_a) *out_a = 0;
  if (out_b) *out_b = 0;
  if (!result) return null_argument(fn, "result");
  if (!out_a) return null_argument(fn, "out_a");
  if (!out_b) return null_argument(fn, "out_b");
  const std::size_t n = result->audit.blocking.size();
  if (index >= n) {
    char detail[104];
    std::snprintf(detail, sizeof detail, "index %zu is out of range (the result has %zu blocking pairs)", index, n);
    return fail(RCP_E_INVALID_ARGUMENT, fn, detail);
  }
  *out_a = result->audit.blocking[index].first;
  *out_b = result->audit.blocking[index].second;
  return RCP_OK;
}

void rcp_match_result_destroy(rcp_match_result* result) { delete result; }

}  // extern "C"
