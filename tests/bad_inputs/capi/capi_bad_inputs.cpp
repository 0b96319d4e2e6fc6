// The bad-input catalogue of the C API (issue 7), written as data.
//
// Each row of the table below is one C call with a bad input (or a valid edge
// case) and what it must get:
//   fn       the function the row is about;
//   name     a short name (the ctest is
//            bad_inputs.capi.Catalogue/CApiBadInput.Row/<fn without rcp_>_<name>);
//   call     performs the call, returns its status and a description of its
//            outputs afterwards;
//   status   the rcp_status it must return;
//   message  on failure, the exact rcp_errmsg() (which must start with "fn: ");
//            on success ignored: the message must stay what it was;
//   out      the outputs after the call: pointer outputs NULL, sizes 0 and
//            doubles NaN after a failure (they are set to a sentinel before the
//            call), the profile unchanged after a failed mutation, or the
//            result of an edge case.
// One parametrised test runs every row; a second checks that the table covers
// every function the header exports.
//
// Inputs too big to build at start-up (1 MB names, 10^6-topic profiles, a
// 100 MB JSON text) are built inside their rows. Every call must also finish
// within RCP_BAD_INPUTS_MAX_SECONDS (default 30; 0 = no limit, for valgrind).
// Blobs are passed in heap buffers of exactly the size given, so that reading
// past them shows under valgrind / ASan.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <ostream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "reciprocity.h"

namespace {

// ------------------------------------------------------------------ helpers

constexpr rcp_status OK = RCP_OK, INV = RCP_E_INVALID_ARGUMENT, BAD = RCP_E_BAD_PROFILE, BIG = RCP_E_TOO_LARGE,
                     NUL = RCP_E_NULL_ARGUMENT, CANCELLED = RCP_E_CANCELLED;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr size_t kSizeMax = std::numeric_limits<size_t>::max();
constexpr size_t kSizeSentinel = 7777;
constexpr double kDoubleSentinel = 42.0;
constexpr int64_t kIdSentinel = 4242;

int g_sentinel;  // its address: what pointer outputs hold before a call
template <typename T>
T* sentinel() {
  return reinterpret_cast<T*>(&g_sentinel);
}

// What a call left in one output.
std::string ptr(const void* p) { return p == nullptr ? "NULL" : p == &g_sentinel ? "untouched" : "set"; }
std::string num(double d) {
  if (std::isnan(d)) return "NaN";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}
std::string str(size_t n) { return std::to_string(n); }

struct Got {
  rcp_status status;
  std::string out;  // the outputs after the call
};

struct Case {
  const char* fn;
  const char* name;
  std::function<Got()> call;
  rcp_status status;
  std::string message;
  std::string out;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.fn << " / " << c.name; }

// --------------------------------------------------------------- profiles

struct ProfileDeleter {
  void operator()(rcp_profile* p) const { rcp_profile_destroy(p); }
};
using Handle = std::unique_ptr<rcp_profile, ProfileDeleter>;

Handle from_json(const std::string& json) {
  rcp_profile* p = nullptr;
  if (rcp_profile_from_json(&p, json.c_str()) != RCP_OK) ADD_FAILURE() << rcp_errmsg();
  return Handle(p);
}

std::string json_of(const rcp_profile* p) {
  char* s = nullptr;
  if (rcp_profile_to_json(p, &s) != RCP_OK) return std::string("<error: ") + rcp_errmsg() + ">";
  std::string out = s;
  rcp_free(s);
  return out;
}

size_t size_of(const rcp_profile* p) {
  size_t n = kSizeSentinel;
  EXPECT_EQ(rcp_profile_size(p, &n), RCP_OK);
  return n;
}

std::vector<unsigned char> blob_of(const rcp_profile* p) {
  void* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(rcp_profile_to_blob(p, &data, &size), RCP_OK) << rcp_errmsg();
  const auto* b = static_cast<const unsigned char*>(data);
  std::vector<unsigned char> out(b, b + size);
  rcp_free(data);
  return out;
}

// A profile, described: its JSON when small, else its size.
std::string describe(const rcp_profile* p) {
  const size_t n = size_of(p);
  return n <= 8 ? json_of(p) : "size=" + str(n);
}

// A = {python 4, finance 1 want 3}, B = {python 1 want 2, finance 5}:
// benefit(A <- B) = 0.8, benefit(B <- A) = 0.6. C wants nothing.
constexpr const char* kA = R"({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})";
constexpr const char* kAJson = R"({"finance":{"level":1,"want":3},"python":{"level":4}})";
constexpr const char* kB = R"({"python": {"level": 1, "want": 2}, "finance": {"level": 5}})";
constexpr const char* kC = R"({"cooking": {"level": 2}})";
constexpr size_t kABlobSize = 16 + 2 * 28 + 13;  // "finance" + "python"

const rcp_profile* A() {
  static Handle h = from_json(kA);
  return h.get();
}
const rcp_profile* B() {
  static Handle h = from_json(kB);
  return h.get();
}
const rcp_profile* C() {
  static Handle h = from_json(kC);
  return h.get();
}
const rcp_profile* Empty() {
  static Handle h = from_json("{}");
  return h.get();
}

// ------------------------------------------------------------------- blobs

struct Topic {
  std::string name;
  double level;
  double want;
};

// Profile bytes (docs/profile-format.md) of exactly these topics, in this
// order, with correct keys and name ends: a way to write invalid blobs.
std::vector<unsigned char> raw_blob(const std::vector<Topic>& topics) {
  const uint32_t n = static_cast<uint32_t>(topics.size());
  uint32_t names = 0;
  for (const Topic& t : topics) names += static_cast<uint32_t>(t.name.size());
  std::vector<unsigned char> b(16 + size_t{n} * 28 + names);
  std::memcpy(b.data(), "RcpP\x01\x00\x00\x00", 8);
  std::memcpy(b.data() + 8, &n, 4);
  std::memcpy(b.data() + 12, &names, 4);
  unsigned char* keys = b.data() + 16;
  unsigned char* levels = keys + 8 * size_t{n};
  unsigned char* wants = levels + 8 * size_t{n};
  unsigned char* ends = wants + 8 * size_t{n};
  unsigned char* text = ends + 4 * size_t{n};
  uint32_t end = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const Topic& t = topics[i];
    uint64_t key = 0;
    for (size_t k = 0; k < 8 && k < t.name.size(); ++k) key |= uint64_t{static_cast<unsigned char>(t.name[k])} << (56 - 8 * k);
    std::memcpy(keys + 8 * size_t{i}, &key, 8);
    std::memcpy(levels + 8 * size_t{i}, &t.level, 8);
    std::memcpy(wants + 8 * size_t{i}, &t.want, 8);
    std::memcpy(text + end, t.name.data(), t.name.size());
    end += static_cast<uint32_t>(t.name.size());
    std::memcpy(ends + 4 * size_t{i}, &end, 4);
  }
  return b;
}

// A's bytes with `change` applied.
std::vector<unsigned char> a_blob_with(const std::function<void(std::vector<unsigned char>&)>& change) {
  std::vector<unsigned char> b = blob_of(A());
  change(b);
  return b;
}
void put_u32(std::vector<unsigned char>& b, size_t at, uint32_t v) { std::memcpy(b.data() + at, &v, 4); }
void put_double(std::vector<unsigned char>& b, size_t at, double v) { std::memcpy(b.data() + at, &v, 8); }
// In A's blob: level i at 32 + 8i, want i at 48 + 8i (topic 0 = finance).
constexpr size_t kALevel0 = 32, kAWant0 = 48;

// A valid blob of n topics named by 5 hex digits ("00000", "00001", ...).
std::vector<unsigned char> blob_of_n_topics(uint32_t n) {
  std::vector<Topic> ts;
  ts.reserve(n);
  char name[16];
  for (uint32_t i = 0; i < n; ++i) {
    std::snprintf(name, sizeof name, "%05x", static_cast<unsigned>(i));
    ts.push_back({name, 1, 1});
  }
  return raw_blob(ts);
}

// A copy of the 2^20-topic profile (the limit), to change.
Handle huge_profile() {
  static const std::vector<unsigned char> blob = blob_of_n_topics(1u << 20);
  rcp_profile* p = nullptr;
  EXPECT_EQ(rcp_profile_from_blob(&p, blob.data(), blob.size()), RCP_OK) << rcp_errmsg();
  return Handle(p);
}

// JSON of n topics "t0000000", ... with level 1 (and want 1).
std::string json_of_n_topics(size_t n, bool want = true) {
  std::string s = "{";
  s.reserve(n * 36 + 2);
  char buf[64];
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, want ? "%s\"t%07zu\":{\"level\":1,\"want\":1}" : "%s\"t%07zu\":{\"level\":1}",
                  i ? "," : "", i);
    s += buf;
  }
  s += "}";
  return s;
}

// ------------------------------------------------------- one call, described

using Mutator = rcp_status (*)(rcp_profile*, const char*, double, double);

// set / merge on a fresh copy of A: the status and A afterwards.
Got mutate(Mutator f, const char* topic, double level, double want) {
  Handle p = from_json(kA);
  rcp_status st = f(p.get(), topic, level, want);
  return {st, json_of(p.get())};
}

// rcp_profile_from_json: the status and the profile made (or *out).
Got parse_json(const std::string& text) {
  rcp_profile* p = sentinel<rcp_profile>();
  rcp_status st = rcp_profile_from_json(&p, text.c_str());
  if (p == nullptr || p == sentinel<rcp_profile>()) return {st, "out=" + ptr(p)};
  std::string d = describe(p);
  rcp_profile_destroy(p);
  return {st, d};
}

// rcp_profile_from_blob on a heap copy of exactly `bytes`.
Got parse_blob(const std::vector<unsigned char>& bytes, size_t size) {
  std::unique_ptr<unsigned char[]> copy(new unsigned char[bytes.size() ? bytes.size() : 1]);
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  rcp_profile* p = sentinel<rcp_profile>();
  rcp_status st = rcp_profile_from_blob(&p, copy.get(), size);
  if (p == nullptr || p == sentinel<rcp_profile>()) return {st, "out=" + ptr(p)};
  std::string d = describe(p);
  if (blob_of(p) != bytes) d += " (re-serialised differently)";
  rcp_profile_destroy(p);
  return {st, d};
}
Got parse_blob(const std::vector<unsigned char>& bytes) { return parse_blob(bytes, bytes.size()); }

Got score(const rcp_profile* a, const rcp_profile* b, const char* mode) {
  double d = kDoubleSentinel;
  rcp_status st = rcp_score(a, b, mode, &d);
  return {st, "score=" + num(d)};
}

Got benefit(const rcp_profile* r, const rcp_profile* g) {
  double d = kDoubleSentinel;
  rcp_status st = rcp_benefit(r, g, &d);
  return {st, "benefit=" + num(d)};
}

Got explain(const rcp_profile* a, const rcp_profile* b, const char* mode) {
  char* s = sentinel<char>();
  rcp_status st = rcp_explain_json(a, b, mode, &s);
  if (s == nullptr || s == sentinel<char>()) return {st, "out_json=" + ptr(s)};
  std::string text = s;
  rcp_free(s);
  return {st, text};
}

// ------------------------------------------------------------ top partners

struct TopDeleter {
  void operator()(rcp_top_partners_result* r) const { rcp_top_partners_result_destroy(r); }
};
using TopResult = std::unique_ptr<rcp_top_partners_result, TopDeleter>;

// "1:[2] 2:[1] 3:[]": each person's id and partners.
std::string partners_of(const rcp_top_partners_result* r) {
  size_t n = kSizeSentinel;
  if (rcp_top_partners_result_count(r, &n) != RCP_OK) return "<error>";
  if (n == 0) return "0 people";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    int64_t id = 0;
    size_t count = 0;
    const int64_t* partners = nullptr;
    const double* scores = nullptr;
    if (rcp_top_partners_result_get(r, i, &id, &count, &partners, &scores) != RCP_OK) return "<error>";
    out += (i ? " " : "") + std::to_string(id) + ":[";
    for (size_t j = 0; j < count; ++j) out += (j ? "," : "") + std::to_string(partners[j]);
    out += "]";
  }
  return out;
}

const rcp_profile* const* people() {
  static const rcp_profile* p[3] = {A(), B(), C()};
  return p;
}
const int64_t kIds[3] = {1, 2, 3};

Got top(const rcp_profile* const* profiles, const int64_t* ids, size_t n, size_t k,
        const rcp_top_partners_options* opts) {
  rcp_top_partners_result* r = sentinel<rcp_top_partners_result>();
  rcp_status st = rcp_top_partners(profiles, ids, n, k, opts, &r);
  if (r == nullptr || r == sentinel<rcp_top_partners_result>()) return {st, "out=" + ptr(r)};
  TopResult owned(r);
  return {st, partners_of(r)};
}

// A's, B's and C's top partners (1:[2] 2:[1] 3:[]), for the accessors.
const rcp_top_partners_result* top_result() {
  static TopResult r = [] {
    rcp_top_partners_result* p = nullptr;
    EXPECT_EQ(rcp_top_partners(people(), kIds, 3, 5, nullptr, &p), RCP_OK) << rcp_errmsg();
    return TopResult(p);
  }();
  return r.get();
}

Got top_get(const rcp_top_partners_result* r, size_t index, bool with_id, bool with_count, bool with_partners,
            bool with_scores) {
  int64_t id = kIdSentinel;
  size_t count = kSizeSentinel;
  const int64_t* partners = sentinel<const int64_t>();
  const double* scores = sentinel<const double>();
  rcp_status st = rcp_top_partners_result_get(r, index, with_id ? &id : nullptr, with_count ? &count : nullptr,
                                              with_partners ? &partners : nullptr, with_scores ? &scores : nullptr);
  std::string out;
  if (with_id) out += "id=" + std::to_string(id) + " ";
  if (with_count) out += "count=" + str(count) + " ";
  if (with_partners) out += "partners=" + ptr(partners) + " ";
  if (with_scores) out += "scores=" + ptr(scores) + " ";
  if (!out.empty()) out.pop_back();
  return {st, out};
}

// -------------------------------------------------------- cohort matching

struct MatchDeleter {
  void operator()(rcp_match_result* r) const { rcp_match_result_destroy(r); }
};
using MatchResult = std::unique_ptr<rcp_match_result, MatchDeleter>;

// "1-2 3-4": the pairs of a result.
std::string pairs_of(const rcp_match_result* r) {
  size_t n = kSizeSentinel;
  if (rcp_match_result_count(r, &n) != RCP_OK) return "<error>";
  if (n == 0) return "no pairs";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    int64_t a = 0, b = 0;
    if (rcp_match_result_get(r, i, &a, &b, nullptr) != RCP_OK) return "<error>";
    out += (i ? " " : "") + std::to_string(a) + "-" + std::to_string(b);
  }
  return out;
}

// Best total: 1-2 and 3-4 (1.7) over 2-3 alone (1.0).
const rcp_candidate kCohort[3] = {{1, 2, 0.9, 0, 0}, {2, 3, 1.0, 0, 0}, {3, 4, 0.8, 0, 0}};
// Mentors 1 (capacity 2) and 2 (capacity 1), mentees 3 and 4: best 1-4 and 2-3.
const rcp_mentor kMentors[2] = {{1, 2}, {2, 1}};
const rcp_candidate kMentorCohort[4] = {{1, 3, 0.5, 0, 0}, {1, 4, 0.6, 0, 0}, {2, 3, 0.7, 0, 0}, {4, 2, 0.4, 0, 0}};

Got match(const rcp_candidate* c, size_t n, const rcp_match_options* o) {
  rcp_match_result* r = sentinel<rcp_match_result>();
  rcp_status st = rcp_match(c, n, o, &r);
  if (r == nullptr || r == sentinel<rcp_match_result>()) return {st, "out=" + ptr(r)};
  MatchResult owned(r);
  return {st, pairs_of(r)};
}

Got audit(const rcp_candidate* c, size_t n, const rcp_match_options* o, const rcp_id_pair* m, size_t count) {
  rcp_match_result* r = sentinel<rcp_match_result>();
  rcp_status st = rcp_match_audit(c, n, o, m, count, &r);
  if (r == nullptr || r == sentinel<rcp_match_result>()) return {st, "out=" + ptr(r)};
  MatchResult owned(r);
  return {st, pairs_of(r)};
}

// The cohort matched for the largest total: 1-2 and 3-4, one blocking pair (2, 3).
const rcp_match_result* match_result() {
  static MatchResult r = [] {
    rcp_match_result* p = nullptr;
    EXPECT_EQ(rcp_match(kCohort, 3, nullptr, &p), RCP_OK) << rcp_errmsg();
    return MatchResult(p);
  }();
  return r.get();
}

rcp_match_options opts_with(const std::function<void(rcp_match_options&)>& change) {
  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  change(o);
  return o;
}

rcp_top_partners_options top_opts_with(const std::function<void(rcp_top_partners_options&)>& change) {
  rcp_top_partners_options o = RCP_TOP_PARTNERS_OPTIONS_INIT;
  change(o);
  return o;
}

const std::string kModes = " (valid modes: harmonic, geometric, min, mean, uninorm)";
const std::string kObjectives = " (valid objectives: total, fair, stable)";

// ==================================================================== the table

std::vector<Case> status_and_memory_cases() {
  return {
      {"rcp_status_string", "negative", [] { return Got{OK, rcp_status_string(static_cast<rcp_status>(-1))}; }, OK,
       "", "unknown status"},
      {"rcp_status_string", "first_unassigned", [] { return Got{OK, rcp_status_string(static_cast<rcp_status>(8))}; },
       OK, "", "unknown status"},
      {"rcp_status_string", "int_max",
       [] { return Got{OK, rcp_status_string(static_cast<rcp_status>(std::numeric_limits<int>::max()))}; }, OK, "",
       "unknown status"},
      {"rcp_errmsg", "fresh_thread_is_empty",
       [] {
         std::string s = "unset";
         std::thread([&] { s = rcp_errmsg(); }).join();
         return Got{OK, "'" + s + "'"};
       },
       OK, "", "''"},
      {"rcp_version", "matches_header",
       [] { return Got{OK, std::string(rcp_version()) == RCP_VERSION_STRING ? "header version" : rcp_version()}; }, OK,
       "", "header version"},
      {"rcp_version_number", "matches_header",
       [] { return Got{OK, rcp_version_number() == RCP_VERSION_NUMBER ? "header version" : "other"}; }, OK, "",
       "header version"},
      {"rcp_free", "null_is_a_no_op",
       [] {
         rcp_free(nullptr);
         return Got{OK, "no-op"};
       },
       OK, "", "no-op"},
      {"rcp_profile_destroy", "null_is_a_no_op",
       [] {
         rcp_profile_destroy(nullptr);
         return Got{OK, "no-op"};
       },
       OK, "", "no-op"},
      {"rcp_top_partners_result_destroy", "null_is_a_no_op",
       [] {
         rcp_top_partners_result_destroy(nullptr);
         return Got{OK, "no-op"};
       },
       OK, "", "no-op"},
      {"rcp_match_result_destroy", "null_is_a_no_op",
       [] {
         rcp_match_result_destroy(nullptr);
         return Got{OK, "no-op"};
       },
       OK, "", "no-op"},
      {"rcp_profile_create", "out_null", [] { return Got{rcp_profile_create(nullptr), ""}; }, NUL,
       "rcp_profile_create: out must not be NULL", ""},
  };
}

std::vector<Case> mutator_cases() {
  const std::string long_1025(1025, 'x');
  const std::string shown_long = "'" + std::string(61, 'x') + "...'";
  std::vector<Case> t = {
      // ---------------------------------------------------------------- set
      {"rcp_profile_set", "p_null", [] { return Got{rcp_profile_set(nullptr, "python", 1, 1), ""}; }, NUL,
       "rcp_profile_set: p must not be NULL", ""},
      {"rcp_profile_set", "topic_null", [] { return mutate(rcp_profile_set, nullptr, 1, 1); }, NUL,
       "rcp_profile_set: topic must not be NULL", kAJson},
      {"rcp_profile_set", "level_nan", [] { return mutate(rcp_profile_set, "python", kNaN, 0); }, INV,
       "rcp_profile_set: level NaN for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "level_inf", [] { return mutate(rcp_profile_set, "python", kInf, 0); }, INV,
       "rcp_profile_set: level Infinity for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "level_minus_inf", [] { return mutate(rcp_profile_set, "python", -kInf, 0); }, INV,
       "rcp_profile_set: level -Infinity for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "level_negative", [] { return mutate(rcp_profile_set, "Python", -0.5, 0); }, INV,
       "rcp_profile_set: level -0.5 for topic 'python' is outside [0, 5]", kAJson},
      {"rcp_profile_set", "level_just_above_5",
       [] { return mutate(rcp_profile_set, "python", std::nextafter(5.0, 6.0), 0); }, INV,
       "rcp_profile_set: level 5.000000000000001 for topic 'python' is outside [0, 5]", kAJson},
      {"rcp_profile_set", "level_huge", [] { return mutate(rcp_profile_set, "python", DBL_MAX, 0); }, INV,
       "rcp_profile_set: level 1.7976931348623157e+308 for topic 'python' is outside [0, 5]", kAJson},
      {"rcp_profile_set", "level_minus_zero_is_zero", [] { return mutate(rcp_profile_set, "python", -0.0, 0); }, OK,
       "", R"({"finance":{"level":1,"want":3},"python":{"level":0}})"},
      {"rcp_profile_set", "level_5_and_subnormal_want",
       [] { return mutate(rcp_profile_set, "python", 5, 4.9406564584124654e-324); }, OK, "",
       R"({"finance":{"level":1,"want":3},"python":{"level":5,"want":5e-324}})"},
      {"rcp_profile_set", "want_nan", [] { return mutate(rcp_profile_set, "python", 1, kNaN); }, INV,
       "rcp_profile_set: want NaN for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "want_inf", [] { return mutate(rcp_profile_set, "python", 1, kInf); }, INV,
       "rcp_profile_set: want Infinity for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "want_minus_inf", [] { return mutate(rcp_profile_set, "python", 1, -kInf); }, INV,
       "rcp_profile_set: want -Infinity for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_set", "want_negative_tiny", [] { return mutate(rcp_profile_set, "python", 1, -1e-300); }, INV,
       "rcp_profile_set: want -1e-300 for topic 'python' is negative", kAJson},
      {"rcp_profile_set", "wants_overflow_a_double",
       [] {
         Handle p = from_json(kA);
         EXPECT_EQ(rcp_profile_set(p.get(), "big", 0, DBL_MAX), RCP_OK);
         rcp_status st = rcp_profile_set(p.get(), "bigger", 0, DBL_MAX);
         return Got{st, "size=" + str(size_of(p.get()))};
       },
       INV, "rcp_profile_set: wants add up to more than a double holds", "size=3"},
      {"rcp_profile_set", "topic_empty", [] { return mutate(rcp_profile_set, "", 1, 1); }, INV,
       "rcp_profile_set: topic name is empty", kAJson},
      {"rcp_profile_set", "topic_only_white_space", [] { return mutate(rcp_profile_set, " \t\r\n\v\f", 1, 1); }, INV,
       "rcp_profile_set: topic name is empty", kAJson},
      {"rcp_profile_set", "topic_invalid_utf8", [] { return mutate(rcp_profile_set, "caf\xff", 1, 1); }, INV,
       "rcp_profile_set: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_set", "topic_overlong_utf8", [] { return mutate(rcp_profile_set, "\xc0\xaf", 1, 1); }, INV,
       "rcp_profile_set: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_set", "topic_utf8_surrogate", [] { return mutate(rcp_profile_set, "\xed\xa0\x80", 1, 1); }, INV,
       "rcp_profile_set: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_set", "topic_truncated_utf8", [] { return mutate(rcp_profile_set, "caf\xc3", 1, 1); }, INV,
       "rcp_profile_set: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_set", "topic_above_u10ffff", [] { return mutate(rcp_profile_set, "\xf4\x90\x80\x80", 1, 1); },
       INV, "rcp_profile_set: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_set", "topic_1025_bytes",
       [long_1025] { return mutate(rcp_profile_set, long_1025.c_str(), 1, 1); }, INV,
       "rcp_profile_set: topic name " + shown_long + " is longer than 1024 bytes (1025)", kAJson},
      {"rcp_profile_set", "topic_1MB",
       [] {
         std::string name(1 << 20, 'y');
         return mutate(rcp_profile_set, name.c_str(), 1, 1);
       },
       INV, "rcp_profile_set: topic name '" + std::string(61, 'y') + "...' is longer than 1024 bytes (1048576)",
       kAJson},
      {"rcp_profile_set", "topic_1MB_of_multibyte_utf8",
       [] {
         std::string name;
         for (int i = 0; i < (1 << 20) / 2; ++i) name += "\xc3\xa9";  // é
         return mutate(rcp_profile_set, name.c_str(), 1, 1);
       },
       INV, [] {
         std::string shown;  // 30 whole characters fit in the 61 bytes shown
         for (int i = 0; i < 30; ++i) shown += "\xc3\xa9";
         return "rcp_profile_set: topic name '" + shown + "...' is longer than 1024 bytes (1048576)";
       }(),
       kAJson},
      {"rcp_profile_set", "topic_1024_bytes_padded_with_1MB_of_space",
       [] {
         std::string name = std::string(1 << 19, ' ') + std::string(1024, 'z') + std::string(1 << 19, '\t');
         Handle p = from_json("{}");
         rcp_status st = rcp_profile_set(p.get(), name.c_str(), 1, 1);
         std::string only;
         char* j = nullptr;
         if (rcp_profile_to_json(p.get(), &j) == RCP_OK) {
           only = std::string(j).size() == std::string(R"({"":{"level":1,"want":1}})").size() + 1024 ? "one 1024-byte topic"
                                                                                                    : j;
           rcp_free(j);
         }
         return Got{st, only};
       },
       OK, "", "one 1024-byte topic"},
      {"rcp_profile_set", "topic_control_characters_are_kept",
       [] { return mutate(rcp_profile_set, "a\x01\x7f", 2, 0); }, OK, "",
       R"({"a\u0001)"
       "\x7f"
       R"(":{"level":2},"finance":{"level":1,"want":3},"python":{"level":4}})"},
      {"rcp_profile_set", "level_error_names_a_control_character_topic",
       [] { return mutate(rcp_profile_set, "a\x01", 7, 0); }, INV,
       "rcp_profile_set: level 7 for topic 'a\x01' is outside [0, 5]", kAJson},
      {"rcp_profile_set", "new_topic_on_a_full_profile",
       [] {
         Handle p = huge_profile();
         rcp_status st = rcp_profile_set(p.get(), "one-more", 1, 1);
         return Got{st, "size=" + str(size_of(p.get()))};
       },
       BIG, "rcp_profile_set: a profile holds at most 1048576 topics", "size=1048576"},
      {"rcp_profile_set", "existing_topic_on_a_full_profile",
       [] {
         Handle p = huge_profile();
         rcp_status st = rcp_profile_set(p.get(), "00000", 5, 0);
         return Got{st, "size=" + str(size_of(p.get()))};
       },
       OK, "", "size=1048576"},
      // -------------------------------------------------------------- merge
      {"rcp_profile_merge", "p_null", [] { return Got{rcp_profile_merge(nullptr, "python", 1, 1), ""}; }, NUL,
       "rcp_profile_merge: p must not be NULL", ""},
      {"rcp_profile_merge", "topic_null", [] { return mutate(rcp_profile_merge, nullptr, 1, 1); }, NUL,
       "rcp_profile_merge: topic must not be NULL", kAJson},
      {"rcp_profile_merge", "level_nan", [] { return mutate(rcp_profile_merge, "python", kNaN, 1); }, INV,
       "rcp_profile_merge: level NaN for topic 'python' is not a finite number", kAJson},
      {"rcp_profile_merge", "level_above_5", [] { return mutate(rcp_profile_merge, "python", 5.5, 0); }, INV,
       "rcp_profile_merge: level 5.5 for topic 'python' is outside [0, 5]", kAJson},
      {"rcp_profile_merge", "want_negative", [] { return mutate(rcp_profile_merge, "python", 1, -1); }, INV,
       "rcp_profile_merge: want -1 for topic 'python' is negative", kAJson},
      {"rcp_profile_merge", "topic_empty", [] { return mutate(rcp_profile_merge, "", 1, 0); }, INV,
       "rcp_profile_merge: topic name is empty", kAJson},
      {"rcp_profile_merge", "topic_invalid_utf8", [] { return mutate(rcp_profile_merge, "\x80", 1, 0); }, INV,
       "rcp_profile_merge: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_merge", "lower_values_keep_the_larger",
       [] { return mutate(rcp_profile_merge, " FINANCE ", 0, 1); }, OK, "", kAJson},
      {"rcp_profile_merge", "new_topic_on_a_full_profile",
       [] {
         Handle p = huge_profile();
         rcp_status st = rcp_profile_merge(p.get(), "one-more", 1, 1);
         return Got{st, "size=" + str(size_of(p.get()))};
       },
       BIG, "rcp_profile_merge: a profile holds at most 1048576 topics", "size=1048576"},
      // ------------------------------------------------------------- remove
      {"rcp_profile_remove", "p_null",
       [] {
         int removed = 5;
         rcp_status st = rcp_profile_remove(nullptr, "python", &removed);
         return Got{st, "removed=" + std::to_string(removed)};
       },
       NUL, "rcp_profile_remove: p must not be NULL", "removed=0"},
      {"rcp_profile_remove", "topic_null",
       [] {
         Handle p = from_json(kA);
         int removed = 5;
         rcp_status st = rcp_profile_remove(p.get(), nullptr, &removed);
         return Got{st, "removed=" + std::to_string(removed) + " " + json_of(p.get())};
       },
       NUL, "rcp_profile_remove: topic must not be NULL", std::string("removed=0 ") + kAJson},
      {"rcp_profile_remove", "topic_empty",
       [] {
         Handle p = from_json(kA);
         int removed = 5;
         rcp_status st = rcp_profile_remove(p.get(), "  ", &removed);
         return Got{st, "removed=" + std::to_string(removed) + " " + json_of(p.get())};
       },
       INV, "rcp_profile_remove: topic name is empty", std::string("removed=0 ") + kAJson},
      {"rcp_profile_remove", "topic_invalid_utf8",
       [] {
         Handle p = from_json(kA);
         rcp_status st = rcp_profile_remove(p.get(), "\xfe\xff", nullptr);
         return Got{st, json_of(p.get())};
       },
       INV, "rcp_profile_remove: topic name is not valid UTF-8", kAJson},
      {"rcp_profile_remove", "topic_1MB",
       [] {
         Handle p = from_json(kA);
         std::string name(1 << 20, 'q');
         rcp_status st = rcp_profile_remove(p.get(), name.c_str(), nullptr);
         return Got{st, json_of(p.get())};
       },
       INV, "rcp_profile_remove: topic name '" + std::string(61, 'q') + "...' is longer than 1024 bytes (1048576)",
       kAJson},
      {"rcp_profile_remove", "absent_topic",
       [] {
         Handle p = from_json(kA);
         int removed = 5;
         rcp_status st = rcp_profile_remove(p.get(), "cooking", &removed);
         return Got{st, "removed=" + std::to_string(removed) + " " + json_of(p.get())};
       },
       OK, "", std::string("removed=0 ") + kAJson},
      {"rcp_profile_remove", "from_a_full_profile",
       [] {
         Handle p = huge_profile();
         int removed = 5;
         rcp_status st = rcp_profile_remove(p.get(), "fffff", &removed);
         return Got{st, "removed=" + std::to_string(removed) + " size=" + str(size_of(p.get()))};
       },
       OK, "", "removed=1 size=1048575"},
      // --------------------------------------------------------------- size
      {"rcp_profile_size", "p_null",
       [] {
         size_t n = kSizeSentinel;
         rcp_status st = rcp_profile_size(nullptr, &n);
         return Got{st, "out=" + str(n)};
       },
       NUL, "rcp_profile_size: p must not be NULL", "out=0"},
      {"rcp_profile_size", "out_null", [] { return Got{rcp_profile_size(A(), nullptr), ""}; }, NUL,
       "rcp_profile_size: out must not be NULL", ""},
  };
  return t;
}

std::vector<Case> blob_cases() {
  const std::string fn = "rcp_profile_from_blob: ";
  return {
      {"rcp_profile_from_blob", "out_null",
       [] {
         std::vector<unsigned char> b = blob_of(A());
         return Got{rcp_profile_from_blob(nullptr, b.data(), b.size()), ""};
       },
       NUL, "rcp_profile_from_blob: out must not be NULL", ""},
      {"rcp_profile_from_blob", "data_null",
       [] {
         rcp_profile* p = sentinel<rcp_profile>();
         rcp_status st = rcp_profile_from_blob(&p, nullptr, kABlobSize);
         return Got{st, "out=" + ptr(p)};
       },
       NUL, "rcp_profile_from_blob: data must not be NULL", "out=NULL"},
      {"rcp_profile_from_blob", "data_null_size_0",
       [] {
         rcp_profile* p = sentinel<rcp_profile>();
         rcp_status st = rcp_profile_from_blob(&p, nullptr, 0);
         return Got{st, "out=" + ptr(p)};
       },
       NUL, "rcp_profile_from_blob: data must not be NULL", "out=NULL"},
      {"rcp_profile_from_blob", "size_0", [] { return parse_blob({}, 0); }, BAD,
       fn + "truncated: 0 bytes, a profile has at least 16", "out=NULL"},
      {"rcp_profile_from_blob", "size_15", [] {
         std::vector<unsigned char> b = blob_of(A());
         b.resize(15);
         return parse_blob(b);
       },
       BAD, fn + "truncated: 15 bytes, a profile has at least 16", "out=NULL"},
      {"rcp_profile_from_blob", "header_only",
       [] {
         std::vector<unsigned char> b = blob_of(A());
         b.resize(16);
         return parse_blob(b);
       },
       BAD, fn + "truncated: 16 bytes, the header says 85", "out=NULL"},
      {"rcp_profile_from_blob", "one_byte_short",
       [] {
         std::vector<unsigned char> b = blob_of(A());
         b.pop_back();
         return parse_blob(b);
       },
       BAD, fn + "truncated: 84 bytes, the header says 85", "out=NULL"},
      {"rcp_profile_from_blob", "every_truncation",
       [] {
         const std::vector<unsigned char> b = blob_of(A());
         std::string wrong;
         Got last{OK, ""};
         for (size_t size = 0; size < b.size(); ++size) {
           last = parse_blob(std::vector<unsigned char>(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(size)));
           std::string expect = "rcp_profile_from_blob: truncated: " + str(size) +
                                (size < 16 ? " bytes, a profile has at least 16" : " bytes, the header says 85");
           if (last.status != RCP_E_BAD_PROFILE || last.out != "out=NULL" || rcp_errmsg() != expect)
             wrong += " " + str(size);
         }
         return Got{last.status, wrong.empty() ? str(b.size()) + " truncations rejected" : "wrong at" + wrong};
       },
       BAD, fn + "truncated: 84 bytes, the header says 85", "85 truncations rejected"},
      {"rcp_profile_from_blob", "every_single_byte_corruption",
       [] {
         // Each byte set to 0x00 and 0xFF, and its low and high bits flipped:
         // each result is either an error naming the function, or a profile
         // that serialises back to exactly those bytes.
         const std::vector<unsigned char> b = blob_of(A());
         size_t rejected = 0, accepted = 0;
         std::string wrong;
         Got last{OK, ""};
         for (size_t i = 0; i < b.size(); ++i) {
           for (int v : {0x00, 0xFF, b[i] ^ 0x01, b[i] ^ 0x80}) {
             if (v == b[i]) continue;
             std::vector<unsigned char> c = b;
             c[i] = static_cast<unsigned char>(v);
             last = parse_blob(c);
             if (last.status == RCP_E_BAD_PROFILE && last.out == "out=NULL" &&
                 std::string(rcp_errmsg()).rfind("rcp_profile_from_blob: ", 0) == 0) {
               ++rejected;
             } else if (last.status == RCP_OK && last.out.find("re-serialised") == std::string::npos) {
               ++accepted;
             } else {
               wrong += " " + str(i) + "=" + str(static_cast<size_t>(v));
             }
           }
         }
         return Got{last.status, wrong.empty() ? str(rejected) + " rejected, " + str(accepted) + " accepted"
                                               : "wrong at" + wrong};
       },
       BAD, fn + "topic 1 is not canonical: it is not valid UTF-8", "205 rejected, 91 accepted"},
      {"rcp_profile_from_blob", "size_max",
       [] { return parse_blob(blob_of(A()), kSizeMax); }, BAD,
       fn + "wrong length: 18446744073709551615 bytes, the header says 85", "out=NULL"},
      {"rcp_profile_from_blob", "one_byte_too_many",
       [] {
         std::vector<unsigned char> b = blob_of(A());
         b.push_back(0);
         return parse_blob(b);
       },
       BAD, fn + "wrong length: 86 bytes, the header says 85", "out=NULL"},
      {"rcp_profile_from_blob", "bad_magic", [] { return parse_blob(a_blob_with([](auto& b) { b[0] = 'r'; })); }, BAD,
       fn + "bad magic bytes", "out=NULL"},
      {"rcp_profile_from_blob", "json_text_instead",
       [] {
         std::string j = json_of(A());
         return parse_blob(std::vector<unsigned char>(j.begin(), j.end()));
       },
       BAD, fn + "bad magic bytes", "out=NULL"},
      {"rcp_profile_from_blob", "format_version_0",
       [] { return parse_blob(a_blob_with([](auto& b) { b[4] = 0; })); }, BAD,
       fn + "unsupported format version 0 (this build reads version 1)", "out=NULL"},
      {"rcp_profile_from_blob", "format_version_65535",
       [] { return parse_blob(a_blob_with([](auto& b) { b[4] = b[5] = 0xFF; })); }, BAD,
       fn + "unsupported format version 65535 (this build reads version 1)", "out=NULL"},
      {"rcp_profile_from_blob", "unknown_flags", [] { return parse_blob(a_blob_with([](auto& b) { b[6] = 1; })); },
       BAD, fn + "unknown flags 1", "out=NULL"},
      {"rcp_profile_from_blob", "topic_count_over_the_limit",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 8, (1u << 20) + 1); })); }, BAD,
       fn + "topic count 1048577 is over the limit of 1048576", "out=NULL"},
      {"rcp_profile_from_blob", "topic_count_uint32_max",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 8, 0xFFFFFFFFu); })); }, BAD,
       fn + "topic count 4294967295 is over the limit of 1048576", "out=NULL"},
      {"rcp_profile_from_blob", "topic_count_says_3",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 8, 3); })); }, BAD,
       fn + "truncated: 85 bytes, the header says 113", "out=NULL"},
      {"rcp_profile_from_blob", "name_bytes_uint32_max",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 12, 0xFFFFFFFFu); })); }, BAD,
       fn + "truncated: 85 bytes, the header says 4294967367", "out=NULL"},
      {"rcp_profile_from_blob", "level_6", [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kALevel0, 6); })); },
       BAD, fn + "level 6 for topic 'finance' is outside [0, 5]", "out=NULL"},
      {"rcp_profile_from_blob", "level_nan",
       [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kALevel0 + 8, kNaN); })); }, BAD,
       fn + "level NaN for topic 'python' is outside [0, 5]", "out=NULL"},
      {"rcp_profile_from_blob", "level_minus_inf",
       [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kALevel0, -kInf); })); }, BAD,
       fn + "level -Infinity for topic 'finance' is outside [0, 5]", "out=NULL"},
      {"rcp_profile_from_blob", "level_minus_zero",
       [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kALevel0 + 8, -0.0); })); }, BAD,
       fn + "level for topic 'python' is -0 (zero is stored as +0)", "out=NULL"},
      {"rcp_profile_from_blob", "want_negative",
       [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kAWant0, -1); })); }, BAD,
       fn + "want -1 for topic 'finance' is not a finite number >= 0", "out=NULL"},
      {"rcp_profile_from_blob", "want_inf",
       [] { return parse_blob(a_blob_with([](auto& b) { put_double(b, kAWant0, kInf); })); }, BAD,
       fn + "want Infinity for topic 'finance' is not a finite number >= 0", "out=NULL"},
      {"rcp_profile_from_blob", "wants_overflow_a_double",
       [] { return parse_blob(raw_blob({{"a", 1, DBL_MAX}, {"b", 1, DBL_MAX}})); }, BAD,
       fn + "wants add up to more than a double holds", "out=NULL"},
      {"rcp_profile_from_blob", "wrong_sort_key",
       [] { return parse_blob(a_blob_with([](auto& b) { b[16] ^= 1; })); }, BAD,
       fn + "topic 0 has a wrong sort key", "out=NULL"},
      {"rcp_profile_from_blob", "topics_unsorted",
       [] { return parse_blob(raw_blob({{"python", 1, 0}, {"finance", 1, 0}})); }, BAD,
       fn + "topics are not sorted and unique at topic 1", "out=NULL"},
      {"rcp_profile_from_blob", "topic_twice",
       [] { return parse_blob(raw_blob({{"python-and-more", 1, 0}, {"python-and-more", 2, 0}})); }, BAD,
       fn + "topics are not sorted and unique at topic 1", "out=NULL"},
      {"rcp_profile_from_blob", "name_upper_case", [] { return parse_blob(raw_blob({{"Python", 1, 0}})); }, BAD,
       fn + "topic 0 is not canonical: it has upper-case letters", "out=NULL"},
      {"rcp_profile_from_blob", "name_with_nul",
       [] { return parse_blob(raw_blob({{std::string("py\0thon", 7), 1, 0}})); }, BAD,
       fn + "topic 0 is not canonical: it contains a NUL byte", "out=NULL"},
      {"rcp_profile_from_blob", "name_invalid_utf8", [] { return parse_blob(raw_blob({{"caf\xe9", 1, 0}})); }, BAD,
       fn + "topic 0 is not canonical: it is not valid UTF-8", "out=NULL"},
      {"rcp_profile_from_blob", "name_surrounding_space", [] { return parse_blob(raw_blob({{"python ", 1, 0}})); },
       BAD, fn + "topic 0 is not canonical: it has surrounding white space", "out=NULL"},
      {"rcp_profile_from_blob", "name_empty", [] { return parse_blob(raw_blob({{"a", 1, 0}, {"", 1, 0}})); }, BAD,
       fn + "bad name offsets at topic 1", "out=NULL"},
      {"rcp_profile_from_blob", "name_1025_bytes", [] { return parse_blob(raw_blob({{std::string(1025, 'n'), 1, 0}})); },
       BAD, fn + "bad name offsets at topic 0", "out=NULL"},
      {"rcp_profile_from_blob", "name_ends_decreasing",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 64, 14); })); }, BAD,
       fn + "bad name offsets at topic 0", "out=NULL"},
      {"rcp_profile_from_blob", "name_area_trailing_bytes",
       [] { return parse_blob(a_blob_with([](auto& b) { put_u32(b, 68, 12); })); }, BAD,
       fn + "topic 1 has a wrong sort key", "out=NULL"},
      {"rcp_profile_from_blob", "empty_profile_16_bytes", [] { return parse_blob(blob_of(Empty())); }, OK, "", "{}"},
      {"rcp_profile_from_blob", "1048576_topics", [] { return parse_blob(blob_of_n_topics(1u << 20)); }, OK, "",
       "size=1048576"},
      {"rcp_profile_from_blob", "1048577_topics", [] { return parse_blob(blob_of_n_topics((1u << 20) + 1)); }, BAD,
       fn + "topic count 1048577 is over the limit of 1048576", "out=NULL"},
      // ------------------------------------------------------------ to_blob
      {"rcp_profile_to_blob", "p_null",
       [] {
         void* data = sentinel<void>();
         size_t size = kSizeSentinel;
         rcp_status st = rcp_profile_to_blob(nullptr, &data, &size);
         return Got{st, "data=" + ptr(data) + " size=" + str(size)};
       },
       NUL, "rcp_profile_to_blob: p must not be NULL", "data=NULL size=0"},
      {"rcp_profile_to_blob", "out_data_null",
       [] {
         size_t size = kSizeSentinel;
         rcp_status st = rcp_profile_to_blob(A(), nullptr, &size);
         return Got{st, "size=" + str(size)};
       },
       NUL, "rcp_profile_to_blob: out_data must not be NULL", "size=0"},
      {"rcp_profile_to_blob", "out_size_null",
       [] {
         void* data = sentinel<void>();
         rcp_status st = rcp_profile_to_blob(A(), &data, nullptr);
         return Got{st, "data=" + ptr(data)};
       },
       NUL, "rcp_profile_to_blob: out_size must not be NULL", "data=NULL"},
  };
}

std::vector<Case> json_cases() {
  const std::string fn = "rcp_profile_from_json: ";
  return {
      {"rcp_profile_from_json", "out_null", [] { return Got{rcp_profile_from_json(nullptr, "{}"), ""}; }, NUL,
       "rcp_profile_from_json: out must not be NULL", ""},
      {"rcp_profile_from_json", "json_null",
       [] {
         rcp_profile* p = sentinel<rcp_profile>();
         rcp_status st = rcp_profile_from_json(&p, nullptr);
         return Got{st, "out=" + ptr(p)};
       },
       NUL, "rcp_profile_from_json: json must not be NULL", "out=NULL"},
      {"rcp_profile_from_json", "empty_text", [] { return parse_json(""); }, INV, fn + "malformed JSON at byte 0: unexpected end of text", "out=NULL"},
      {"rcp_profile_from_json", "only_white_space", [] { return parse_json(" \n\t "); }, INV, fn + "malformed JSON at byte 4: unexpected end of text", "out=NULL"},
      {"rcp_profile_from_json", "unterminated_object", [] { return parse_json(R"({"a": {"level": 1})"); }, INV,
       fn + "malformed JSON at byte 18: expected ',' or '}'", "out=NULL"},
      {"rcp_profile_from_json", "trailing_text", [] { return parse_json("{} {}"); }, INV, fn + "malformed JSON at byte 3: unexpected text after the JSON value", "out=NULL"},
      {"rcp_profile_from_json", "trailing_comma", [] { return parse_json(R"({"a": {"level": 1},})"); }, INV,
       fn + "malformed JSON at byte 19: expected a string key", "out=NULL"},
      {"rcp_profile_from_json", "comment", [] { return parse_json("{} // none"); }, INV, fn + "malformed JSON at byte 3: unexpected text after the JSON value", "out=NULL"},
      {"rcp_profile_from_json", "single_quotes", [] { return parse_json("{'a': {'level': 1}}"); }, INV, fn + "malformed JSON at byte 1: expected a string key",
       "out=NULL"},
      {"rcp_profile_from_json", "byte_order_mark", [] { return parse_json("\xef\xbb\xbf{}"); }, INV, fn + "malformed JSON at byte 0: unexpected character",
       "out=NULL"},
      {"rcp_profile_from_json", "null_document", [] { return parse_json("null"); }, INV, fn + "a JSON profile must be an object of topics, not null", "out=NULL"},
      {"rcp_profile_from_json", "array_document", [] { return parse_json("[]"); }, INV,
       fn + "a JSON profile must be an object of topics, not an array", "out=NULL"},
      {"rcp_profile_from_json", "number_document", [] { return parse_json("3"); }, INV, fn + "a JSON profile must be an object of topics, not a number", "out=NULL"},
      {"rcp_profile_from_json", "topic_maps_to_number", [] { return parse_json(R"({"a": 3})"); }, INV,
       fn + R"(topic 'a' must map to an object like {"level": 3, "want": 1}, not a number)", "out=NULL"},
      {"rcp_profile_from_json", "level_string", [] { return parse_json(R"({"a": {"level": "high"}})"); }, INV,
       fn + "level for topic 'a' must be a number, not a string", "out=NULL"},
      {"rcp_profile_from_json", "level_boolean", [] { return parse_json(R"({"a": {"level": true}})"); }, INV,
       fn + "level for topic 'a' must be a number, not a boolean", "out=NULL"},
      {"rcp_profile_from_json", "want_array", [] { return parse_json(R"({"a": {"want": [1]}})"); }, INV,
       fn + "want for topic 'a' must be a number, not an array", "out=NULL"},
      {"rcp_profile_from_json", "unknown_field", [] { return parse_json(R"({"a": {"lvl": 1}})"); }, INV,
       fn + R"(topic 'a' has unknown field 'lvl' (expected "level" and "want"))", "out=NULL"},
      {"rcp_profile_from_json", "level_9", [] { return parse_json(R"({"a": {"level": 9}})"); }, INV,
       fn + "level 9 for topic 'a' is outside [0, 5]", "out=NULL"},
      {"rcp_profile_from_json", "level_negative", [] { return parse_json(R"({"a": {"level": -1}})"); }, INV,
       fn + "level -1 for topic 'a' is outside [0, 5]", "out=NULL"},
      {"rcp_profile_from_json", "level_NaN_literal", [] { return parse_json(R"({"a": {"level": NaN}})"); }, INV,
       fn + "malformed JSON at byte 16: unexpected character", "out=NULL"},
      {"rcp_profile_from_json", "level_Infinity_literal", [] { return parse_json(R"({"a": {"level": Infinity}})"); },
       INV, fn + "malformed JSON at byte 16: unexpected character", "out=NULL"},
      {"rcp_profile_from_json", "level_1e400", [] { return parse_json(R"({"a": {"level": 1e400}})"); }, INV, fn + "malformed JSON at byte 16: number out of range",
       "out=NULL"},
      {"rcp_profile_from_json", "level_1e_minus_400_underflows", [] { return parse_json(R"({"a": {"level": 1e-400}})"); },
       INV, fn + "malformed JSON at byte 16: number out of range", "out=NULL"},
      {"rcp_profile_from_json", "want_negative", [] { return parse_json(R"({"a": {"want": -2}})"); }, INV,
       fn + "want -2 for topic 'a' is negative", "out=NULL"},
      {"rcp_profile_from_json", "wants_overflow_a_double",
       [] { return parse_json(R"({"a": {"want": 1e308}, "b": {"want": 1.7e308}})"); }, INV,
       fn + "wants add up to more than a double holds", "out=NULL"},
      {"rcp_profile_from_json", "null_level_and_want_are_0",
       [] { return parse_json(R"({"a": {"level": null, "want": null}, "b": {}})"); }, OK, "",
       R"({"a":{"level":0},"b":{"level":0}})"},
      {"rcp_profile_from_json", "topic_twice_keeps_the_larger",
       [] { return parse_json(R"({"A": {"level": 4}, " a": {"level": 1, "want": 2}})"); }, OK, "",
       R"({"a":{"level":4,"want":2}})"},
      {"rcp_profile_from_json", "topic_empty", [] { return parse_json(R"({"": {"level": 1}})"); }, INV,
       fn + "topic name is empty", "out=NULL"},
      {"rcp_profile_from_json", "topic_with_escaped_nul", [] { return parse_json(R"({"py\u0000thon": {"level": 1}})"); },
       INV, fn + "topic name 'py?thon' contains a NUL byte", "out=NULL"},
      {"rcp_profile_from_json", "topic_lone_surrogate", [] { return parse_json(R"({"\ud800": {"level": 1}})"); }, INV,
       fn + "malformed JSON at byte 8: lone surrogate in \\u escape", "out=NULL"},
      {"rcp_profile_from_json", "topic_raw_invalid_utf8", [] { return parse_json("{\"caf\xe9\": {\"level\": 1}}"); },
       INV, fn + "malformed JSON at byte 5: invalid UTF-8", "out=NULL"},
      {"rcp_profile_from_json", "topic_1MB",
       [] { return parse_json("{\"" + std::string(1 << 20, 'k') + "\": {\"level\": 1}}"); }, INV,
       fn + "topic name '" + std::string(61, 'k') + "...' is longer than 1024 bytes (1048576)", "out=NULL"},
      {"rcp_profile_from_json", "arrays_nested_10000_deep",
       [] { return parse_json(std::string(10000, '[') + std::string(10000, ']')); }, INV, fn + "malformed JSON at byte 65: nested deeper than 64 levels", "out=NULL"},
      {"rcp_profile_from_json", "objects_nested_10000_deep",
       [] {
         std::string s;
         for (int i = 0; i < 10000; ++i) s += "{\"a\":";
         s += "1" + std::string(10000, '}');
         return parse_json(s);
       },
       INV, fn + "malformed JSON at byte 325: nested deeper than 64 levels", "out=NULL"},
      {"rcp_profile_from_json", "1000000_topics", [] { return parse_json(json_of_n_topics(1000000)); }, OK, "",
       "size=1000000"},
      {"rcp_profile_from_json", "1048576_topics_with_level_and_want",
       [] { return parse_json(json_of_n_topics(1u << 20)); }, OK, "", "size=1048576"},
      {"rcp_profile_from_json", "1048577_topics_with_level",
       [] { return parse_json(json_of_n_topics((1u << 20) + 1, false)); }, BIG,
       fn + "a profile holds at most 1048576 topics", "out=NULL"},
      {"rcp_profile_from_json", "1048577_topics_with_level_and_want",
       [] { return parse_json(json_of_n_topics((1u << 20) + 1)); }, BIG,
       fn + "JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have",
       "out=NULL"},
      {"rcp_profile_from_json", "100MB_of_topics",
       [] {
         std::string s = json_of_n_topics(100000000 / 34);
         return parse_json(s);
       },
       BIG, fn + "JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have",
       "out=NULL"},
      {"rcp_profile_from_json", "100MB_of_zeros_in_one_array",
       [] {
         std::string s = "[0";
         s.reserve(100 << 20);
         while (s.size() < (100u << 20) - 1) s += ",0";
         return parse_json(s + "]");
       },
       BIG, fn + "JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have",
       "out=NULL"},
      {"rcp_profile_from_json", "100MB_topic_name",
       [] { return parse_json("{\"" + std::string(100 << 20, 'n') + "\": {\"level\": 1}}"); }, INV,
       fn + "topic name '" + std::string(61, 'n') + "...' is longer than 1024 bytes (104857600)", "out=NULL"},
      {"rcp_profile_from_json", "100MB_string_level",
       [] { return parse_json("{\"a\": {\"level\": \"" + std::string(100 << 20, 's') + "\"}}"); }, INV,
       fn + "level for topic 'a' must be a number, not a string", "out=NULL"},
      {"rcp_profile_from_json", "100MB_number",
       [] { return parse_json("{\"a\": {\"level\": 0." + std::string(100 << 20, '0') + "1}}"); }, INV,
       fn + "malformed JSON at byte 16: number out of range", "out=NULL"},
      {"rcp_profile_from_json", "100MB_of_white_space",
       [] { return parse_json(std::string(50 << 20, ' ') + "{}" + std::string(50 << 20, '\n')); }, OK, "", "{}"},
      {"rcp_profile_from_json", "100MB_unterminated_string",
       [] { return parse_json("{\"" + std::string(100 << 20, 'u')); }, INV, fn + "malformed JSON at byte 104857602: unterminated string", "out=NULL"},
      // ------------------------------------------------------------ to_json
      {"rcp_profile_to_json", "p_null",
       [] {
         char* s = sentinel<char>();
         rcp_status st = rcp_profile_to_json(nullptr, &s);
         return Got{st, "out_json=" + ptr(s)};
       },
       NUL, "rcp_profile_to_json: p must not be NULL", "out_json=NULL"},
      {"rcp_profile_to_json", "out_json_null", [] { return Got{rcp_profile_to_json(A(), nullptr), ""}; }, NUL,
       "rcp_profile_to_json: out_json must not be NULL", ""},
      {"rcp_profile_to_json", "1048576_topics_round_trip",
       [] {
         Handle p = huge_profile();
         char* s = nullptr;
         rcp_status st = rcp_profile_to_json(p.get(), &s);
         Got g{st, "out_json=" + ptr(s)};
         if (s) {
           Handle q = from_json(s);
           g.out = blob_of(q.get()) == blob_of(p.get()) ? "round trip" : "differs";
           rcp_free(s);
         }
         return g;
       },
       OK, "", "round trip"},
  };
}

std::vector<Case> scoring_cases() {
  return {
      {"rcp_score", "a_null", [] { return score(nullptr, B(), nullptr); }, NUL, "rcp_score: a must not be NULL",
       "score=NaN"},
      {"rcp_score", "b_null", [] { return score(A(), nullptr, nullptr); }, NUL, "rcp_score: b must not be NULL",
       "score=NaN"},
      {"rcp_score", "out_null", [] { return Got{rcp_score(A(), B(), nullptr, nullptr), ""}; }, NUL,
       "rcp_score: out must not be NULL", ""},
      {"rcp_score", "mode_unknown", [] { return score(A(), B(), "fast"); }, INV,
       "rcp_score: unknown mode 'fast'" + kModes, "score=NaN"},
      {"rcp_score", "mode_empty", [] { return score(A(), B(), ""); }, INV, "rcp_score: unknown mode ''" + kModes,
       "score=NaN"},
      {"rcp_score", "mode_white_space", [] { return score(A(), B(), " \t "); }, INV,
       "rcp_score: unknown mode ' ? '" + kModes, "score=NaN"},
      {"rcp_score", "mode_invalid_utf8", [] { return score(A(), B(), "harm\xffnic"); }, INV,
       "rcp_score: unknown mode 'harm?nic'" + kModes, "score=NaN"},
      {"rcp_score", "mode_1MB",
       [] {
         std::string m(1 << 20, 'm');
         return score(A(), B(), m.c_str());
       },
       INV, "rcp_score: unknown mode '" + std::string(64, 'm') + "'" + kModes, "score=NaN"},
      {"rcp_score", "mode_any_case_and_space", [] { return score(A(), B(), "\n MIN \t"); }, OK, "",
       "score=0.59999999999999998"},
      {"rcp_score", "empty_profiles", [] { return score(Empty(), Empty(), nullptr); }, OK, "", "score=0"},
      {"rcp_score", "profile_with_itself", [] { return score(A(), A(), "uninorm"); }, OK, "", "score=0"},
      {"rcp_score", "huge_and_subnormal_wants",
       [] {
         // Only ratios of wants matter: 1e308 against 5e-324 is all of it.
         Handle a = from_json(R"({"x": {"want": 1e308}, "y": {"want": 5e-324}, "z": {"level": 5}})");
         Handle b = from_json(R"({"x": {"level": 2.5}, "y": {"level": 5}, "z": {"want": 5e-324}})");
         return score(a.get(), b.get(), "min");
       },
       OK, "", "score=0.5"},
      {"rcp_score", "full_profiles",
       [] {
         Handle a = huge_profile();
         return score(a.get(), A(), nullptr);
       },
       OK, "", "score=0"},
      // ------------------------------------------------------------ benefit
      {"rcp_benefit", "receiver_null", [] { return benefit(nullptr, B()); }, NUL,
       "rcp_benefit: receiver must not be NULL", "benefit=NaN"},
      {"rcp_benefit", "giver_null", [] { return benefit(A(), nullptr); }, NUL, "rcp_benefit: giver must not be NULL",
       "benefit=NaN"},
      {"rcp_benefit", "out_null", [] { return Got{rcp_benefit(A(), B(), nullptr), ""}; }, NUL,
       "rcp_benefit: out must not be NULL", ""},
      {"rcp_benefit", "subnormal_want",
       [] {
         Handle a = from_json(R"({"x": {"level": 1, "want": 5e-324}})");
         Handle b = from_json(R"({"x": {"level": 5}})");
         return benefit(a.get(), b.get());
       },
       OK, "", "benefit=0.80000000000000004"},
      {"rcp_benefit", "wants_near_the_double_limit",
       [] {
         Handle a = from_json(R"({"x": {"want": 8e307}, "y": {"want": 8e307}})");
         Handle b = from_json(R"({"x": {"level": 5}})");
         return benefit(a.get(), b.get());
       },
       OK, "", "benefit=0.5"},
      // ------------------------------------------------------------ explain
      {"rcp_explain_json", "a_null", [] { return explain(nullptr, B(), nullptr); }, NUL,
       "rcp_explain_json: a must not be NULL", "out_json=NULL"},
      {"rcp_explain_json", "b_null", [] { return explain(A(), nullptr, nullptr); }, NUL,
       "rcp_explain_json: b must not be NULL", "out_json=NULL"},
      {"rcp_explain_json", "out_json_null", [] { return Got{rcp_explain_json(A(), B(), nullptr, nullptr), ""}; }, NUL,
       "rcp_explain_json: out_json must not be NULL", ""},
      {"rcp_explain_json", "mode_unknown", [] { return explain(A(), B(), "max"); }, INV,
       "rcp_explain_json: unknown mode 'max'" + kModes, "out_json=NULL"},
      {"rcp_explain_json", "empty_profiles", [] { return explain(Empty(), Empty(), nullptr); }, OK, "",
       R"({"mode":"harmonic","score":0,"balance":0,"a_gets":{"benefit":0,"topics":[]},"b_gets":{"benefit":0,"topics":[]}})"},
      {"rcp_explain_json", "huge_and_subnormal_wants",
       [] {
         Handle a = from_json(R"({"x": {"want": 1e308}, "y": {"want": 5e-324}, "z": {"level": 5}})");
         Handle b = from_json(R"({"x": {"level": 2.5}, "y": {"level": 5}, "z": {"want": 5e-324}})");
         return explain(a.get(), b.get(), "min");
       },
       OK, "",
       R"({"mode":"min","score":0.5,"balance":0.5,)"
       R"("a_gets":{"benefit":0.5,"topics":[{"topic":"x","giver_level":2.5,"receiver_level":0,"want":1e+308,"weight":1,"contribution":0.5},)"
       R"({"topic":"y","giver_level":5,"receiver_level":0,"want":5e-324,"weight":0,"contribution":0}]},)"
       R"("b_gets":{"benefit":1,"topics":[{"topic":"z","giver_level":5,"receiver_level":0,"want":5e-324,"weight":1,"contribution":1}]}})"},
  };
}

std::vector<Case> top_partners_cases() {
  const std::string fn = "rcp_top_partners: ";
  const size_t full = sizeof(rcp_top_partners_options);
  return {
      {"rcp_top_partners", "out_null", [] { return Got{rcp_top_partners(people(), kIds, 3, 1, nullptr, nullptr), ""}; },
       NUL, fn + "out must not be NULL", ""},
      {"rcp_top_partners", "profiles_null", [] { return top(nullptr, kIds, 3, 1, nullptr); }, NUL,
       fn + "profiles must not be NULL", "out=NULL"},
      {"rcp_top_partners", "ids_null", [] { return top(people(), nullptr, 3, 1, nullptr); }, NUL,
       fn + "ids must not be NULL", "out=NULL"},
      {"rcp_top_partners", "a_null_profile",
       [] {
         const rcp_profile* p[3] = {A(), B(), nullptr};
         return top(p, kIds, 3, 1, nullptr);
       },
       NUL, fn + "profiles[2] must not be NULL", "out=NULL"},
      {"rcp_top_partners", "n_0_with_nulls", [] { return top(nullptr, nullptr, 0, 1, nullptr); }, OK, "", "0 people"},
      {"rcp_top_partners", "n_1", [] { return top(people(), kIds, 1, 1, nullptr); }, OK, "", "1:[]"},
      {"rcp_top_partners", "k_0", [] { return top(people(), kIds, 3, 0, nullptr); }, INV,
       fn + "k must be a positive integer", "out=NULL"},
      {"rcp_top_partners", "k_2_pow_63", [] { return top(people(), kIds, 3, size_t{1} << 63, nullptr); }, OK, "",
       "1:[2] 2:[1] 3:[]"},
      {"rcp_top_partners", "k_size_max", [] { return top(people(), kIds, 3, kSizeMax, nullptr); }, OK, "",
       "1:[2] 2:[1] 3:[]"},
      {"rcp_top_partners", "n_over_2_pow_32_minus_1",
       [] { return top(people(), kIds, size_t{1} << 32, 1, nullptr); }, BIG, fn + "at most 4294967295 people",
       "out=NULL"},
      {"rcp_top_partners", "n_size_max", [] { return top(people(), kIds, kSizeMax, 1, nullptr); }, BIG,
       fn + "at most 4294967295 people", "out=NULL"},
      {"rcp_top_partners", "duplicate_id",
       [] {
         const int64_t ids[3] = {7, 8, 7};
         return top(people(), ids, 3, 1, nullptr);
       },
       INV, fn + "duplicate id 7", "out=NULL"},
      {"rcp_top_partners", "duplicate_id_int64_min",
       [] {
         const int64_t ids[3] = {INT64_MIN, 0, INT64_MIN};
         return top(people(), ids, 3, 1, nullptr);
       },
       INV, fn + "duplicate id -9223372036854775808", "out=NULL"},
      {"rcp_top_partners", "extreme_ids",
       [] {
         const int64_t ids[3] = {INT64_MAX, INT64_MIN, 0};
         return top(people(), ids, 3, 1, nullptr);
       },
       OK, "", "9223372036854775807:[-9223372036854775808] -9223372036854775808:[9223372036854775807] 0:[]"},
      {"rcp_top_partners", "same_profile_twice",
       [] {
         const rcp_profile* p[3] = {A(), A(), B()};
         return top(p, kIds, 3, 2, nullptr);
       },
       OK, "", "1:[3] 2:[3] 3:[1,2]"},
      {"rcp_top_partners", "mode_unknown",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.mode = "fast"; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV, fn + "unknown mode 'fast'" + kModes, "out=NULL"},
      {"rcp_top_partners", "mode_empty",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.mode = ""; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV, fn + "unknown mode ''" + kModes, "out=NULL"},
      {"rcp_top_partners", "threads_1025",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.threads = 1025; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV, fn + "opts->threads must be from 0 to 1024 (0: one per core), not 1025", "out=NULL"},
      {"rcp_top_partners", "threads_uint_max",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.threads = UINT32_MAX; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV, fn + "opts->threads must be from 0 to 1024 (0: one per core), not 4294967295", "out=NULL"},
      {"rcp_top_partners", "threads_1024_for_3_people",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.threads = 1024; });
         return top(people(), kIds, 3, 1, &o);
       },
       OK, "", "1:[2] 2:[1] 3:[]"},
      {"rcp_top_partners", "exclude_null",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.exclude_count = 2; });
         return top(people(), kIds, 3, 1, &o);
       },
       NUL, fn + "opts->exclude must not be NULL when opts->exclude_count is 2", "out=NULL"},
      {"rcp_top_partners", "exclude_count_size_max",
       [] {
         static const rcp_id_pair ex[1] = {{1, 2}};
         rcp_top_partners_options o = top_opts_with([](auto& o) {
           o.exclude = ex;
           o.exclude_count = kSizeMax;
         });
         return top(people(), kIds, 3, 1, &o);
       },
       BIG, fn + "opts->exclude_count is 18446744073709551615: no array of that many pairs fits in memory",
       "out=NULL"},
      {"rcp_top_partners", "exclude_count_just_over_any_array",
       [] {
         static const rcp_id_pair ex[1] = {{1, 2}};
         rcp_top_partners_options o = top_opts_with([](auto& o) {
           o.exclude = ex;
           o.exclude_count = size_t{1} << 59;
         });
         return top(people(), kIds, 3, 1, &o);
       },
       BIG, fn + "opts->exclude_count is 576460752303423488: no array of that many pairs fits in memory",
       "out=NULL"},
      {"rcp_top_partners", "exclude_self_pairs_and_strangers",
       [] {
         static const rcp_id_pair ex[3] = {{1, 1}, {2, 2}, {1, 99}};
         rcp_top_partners_options o = top_opts_with([](auto& o) {
           o.exclude = ex;
           o.exclude_count = 3;
         });
         return top(people(), kIds, 3, 1, &o);
       },
       OK, "", "1:[2] 2:[1] 3:[]"},
      {"rcp_top_partners", "exclude_the_only_pair_reversed",
       [] {
         static const rcp_id_pair ex[1] = {{2, 1}};
         rcp_top_partners_options o = top_opts_with([](auto& o) {
           o.exclude = ex;
           o.exclude_count = 1;
         });
         return top(people(), kIds, 3, 1, &o);
       },
       OK, "", "1:[] 2:[] 3:[]"},
      {"rcp_top_partners", "struct_size_0",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.struct_size = 0; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV,
       fn + "opts->struct_size is 0, expected at least " + str(full) +
           " (initialise the options with RCP_TOP_PARTNERS_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_top_partners", "struct_size_one_short",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.struct_size = sizeof o - 1; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV,
       fn + "opts->struct_size is " + str(full - 1) + ", expected at least " + str(full) +
           " (initialise the options with RCP_TOP_PARTNERS_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_top_partners", "struct_size_size_max",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) { o.struct_size = kSizeMax; });
         return top(people(), kIds, 3, 1, &o);
       },
       INV,
       fn + "opts->struct_size is 18446744073709551615, more than any version of the options has (initialise the "
            "options with RCP_TOP_PARTNERS_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_top_partners", "struct_uninitialised_0xCC",
       [] {
         rcp_top_partners_options o;
         std::memset(&o, 0xCC, sizeof o);  // what an uninitialised struct holds in some debug builds
         return top(people(), kIds, 3, 1, &o);
       },
       INV,
       fn + "opts->struct_size is 14757395258967641292, more than any version of the options has (initialise the "
            "options with RCP_TOP_PARTNERS_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_top_partners", "struct_from_a_newer_header_with_an_unknown_option",
       [] {
         struct {
           rcp_top_partners_options base;
           uint64_t future;
         } newer;
         std::memset(&newer, 0, sizeof newer);
         newer.base = RCP_TOP_PARTNERS_OPTIONS_INIT;
         newer.base.struct_size = sizeof newer;
         newer.future = 1;
         return top(people(), kIds, 3, 1, &newer.base);
       },
       INV,
       fn + "opts->struct_size is " + str(full + 8) + ", larger than this library's " + str(full) +
           ", and options this library does not know are set (the program needs a newer libreciprocity than " +
           RCP_VERSION_STRING + ")",
       "out=NULL"},
      {"rcp_top_partners", "struct_from_a_newer_header_with_zeros",
       [] {
         struct {
           rcp_top_partners_options base;
           uint64_t future;
         } newer;
         std::memset(&newer, 0, sizeof newer);
         newer.base = RCP_TOP_PARTNERS_OPTIONS_INIT;
         newer.base.struct_size = sizeof newer;
         return top(people(), kIds, 3, 1, &newer.base);
       },
       OK, "", "1:[2] 2:[1] 3:[]"},
      {"rcp_top_partners", "progress_returns_0",
       [] {
         rcp_top_partners_options o = top_opts_with([](auto& o) {
           o.progress = [](void*, size_t, size_t) { return 0; };
         });
         return top(people(), kIds, 3, 1, &o);
       },
       CANCELLED, fn + "cancelled by the progress callback", "out=NULL"},
      // ------------------------------------------------------ the result
      {"rcp_top_partners_result_count", "result_null",
       [] {
         size_t n = kSizeSentinel;
         rcp_status st = rcp_top_partners_result_count(nullptr, &n);
         return Got{st, "out_people=" + str(n)};
       },
       NUL, "rcp_top_partners_result_count: result must not be NULL", "out_people=0"},
      {"rcp_top_partners_result_count", "out_people_null",
       [] { return Got{rcp_top_partners_result_count(top_result(), nullptr), ""}; }, NUL,
       "rcp_top_partners_result_count: out_people must not be NULL", ""},
      {"rcp_top_partners_result_get", "result_null", [] { return top_get(nullptr, 0, true, true, true, true); }, NUL,
       "rcp_top_partners_result_get: result must not be NULL", "id=0 count=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_get", "out_count_null",
       [] { return top_get(top_result(), 0, true, false, true, true); }, NUL,
       "rcp_top_partners_result_get: out_count must not be NULL", "id=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_get", "out_partners_null",
       [] { return top_get(top_result(), 0, true, true, false, true); }, NUL,
       "rcp_top_partners_result_get: out_partners must not be NULL", "id=0 count=0 scores=NULL"},
      {"rcp_top_partners_result_get", "out_scores_null",
       [] { return top_get(top_result(), 0, true, true, true, false); }, NUL,
       "rcp_top_partners_result_get: out_scores must not be NULL", "id=0 count=0 partners=NULL"},
      {"rcp_top_partners_result_get", "index_count",
       [] { return top_get(top_result(), 3, true, true, true, true); }, INV,
       "rcp_top_partners_result_get: index 3 is out of range (the result has 3 people)",
       "id=0 count=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_get", "index_size_max",
       [] { return top_get(top_result(), kSizeMax, true, true, true, true); }, INV,
       "rcp_top_partners_result_get: index 18446744073709551615 is out of range (the result has 3 people)",
       "id=0 count=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_get", "out_id_null", [] { return top_get(top_result(), 1, false, true, true, true); },
       OK, "", "count=1 partners=set scores=set"},
      {"rcp_top_partners_result_get", "person_without_partners",
       [] { return top_get(top_result(), 2, true, true, true, true); }, OK, "",
       "id=3 count=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_get", "on_an_empty_result",
       [] {
         rcp_top_partners_result* r = nullptr;
         EXPECT_EQ(rcp_top_partners(nullptr, nullptr, 0, 1, nullptr, &r), RCP_OK);
         TopResult owned(r);
         return top_get(r, 0, true, true, true, true);
       },
       INV, "rcp_top_partners_result_get: index 0 is out of range (the result has 0 people)",
       "id=0 count=0 partners=NULL scores=NULL"},
      {"rcp_top_partners_result_stats", "result_null",
       [] {
         uint64_t met = 5, scored = 5;
         rcp_status st = rcp_top_partners_result_stats(nullptr, &met, &scored);
         return Got{st, "met=" + std::to_string(met) + " scored=" + std::to_string(scored)};
       },
       NUL, "rcp_top_partners_result_stats: result must not be NULL", "met=0 scored=0"},
      {"rcp_top_partners_result_stats", "outputs_null",
       [] { return Got{rcp_top_partners_result_stats(top_result(), nullptr, nullptr), "nothing written"}; }, OK, "",
       "nothing written"},
  };
}

std::vector<Case> match_cases() {
  const std::string fn = "rcp_match: ";
  const size_t full = sizeof(rcp_match_options);
  auto with = [](std::vector<rcp_candidate> cands, const std::function<void(rcp_match_options&)>& change) {
    return [cands, change] {
      rcp_match_options o = opts_with(change);
      return match(cands.data(), cands.size(), &o);
    };
  };
  auto none = [](rcp_match_options&) {};
  auto cands = [](std::vector<rcp_candidate> c) {
    return [c] { return match(c.data(), c.size(), nullptr); };
  };
  const std::vector<rcp_candidate> cohort(kCohort, kCohort + 3);
  const std::vector<rcp_candidate> mentor_cohort(kMentorCohort, kMentorCohort + 4);
  auto mentors = [](std::vector<rcp_mentor> ms) {
    auto keep = std::make_shared<std::vector<rcp_mentor>>(std::move(ms));
    return [keep](rcp_match_options& o) {
      o.mentors = keep->data();
      o.mentor_count = keep->size();
    };
  };
  auto pinned = [](std::vector<rcp_id_pair> ps, const char* objective = nullptr) {
    auto keep = std::make_shared<std::vector<rcp_id_pair>>(std::move(ps));
    return [keep, objective](rcp_match_options& o) {
      o.pinned = keep->data();
      o.pinned_count = keep->size();
      o.objective = objective;
    };
  };
  auto objective = [](const char* name) { return [name](rcp_match_options& o) { o.objective = name; }; };
  auto gains = [](rcp_match_options& o) { o.gains = 1; };
  static const std::string long_objective(1 << 20, 'o');
  return {
      {"rcp_match", "out_null", [] { return Got{rcp_match(kCohort, 3, nullptr, nullptr), ""}; }, NUL,
       fn + "out must not be NULL", ""},
      {"rcp_match", "candidates_null", [] { return match(nullptr, 3, nullptr); }, NUL,
       fn + "candidates must not be NULL", "out=NULL"},
      {"rcp_match", "n_0_with_null", [] { return match(nullptr, 0, nullptr); }, OK, "", "no pairs"},
      {"rcp_match", "n_size_max", [] { return match(kCohort, kSizeMax, nullptr); }, BIG,
       fn + "n is 18446744073709551615: no array of that many candidates fits in memory", "out=NULL"},
      {"rcp_match", "self_pair", cands({{1, 2, 0.5, 0, 0}, {3, 3, 0.5, 0, 0}}), INV,
       fn + "candidate pair (3, 3) is a self-pair", "out=NULL"},
      {"rcp_match", "pair_twice_with_different_scores", cands({{1, 2, 0.5, 0, 0}, {2, 1, 0.25, 0, 0}}), INV,
       fn + "candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)", "out=NULL"},
      {"rcp_match", "pair_twice_with_different_gains",
       with({{1, 2, 0.5, 0.1, 0.2}, {2, 1, 0.5, 0.1, 0.2}}, gains), INV,
       fn + "candidate pair (1, 2) is given twice with different gains", "out=NULL"},
      {"rcp_match", "pair_twice_reversed_with_the_same_values",
       with({{1, 2, 0.5, 0.1, 0.2}, {2, 1, 0.5, 0.2, 0.1}}, gains), OK, "", "1-2"},
      {"rcp_match", "score_negative", cands({{1, 2, -1, 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score -1; scores must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "score_nan", cands({{1, 2, kNaN, 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score NaN; scores must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "score_inf", cands({{2, 1, kInf, 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "score_minus_inf", cands({{1, 2, -kInf, 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score -Infinity; scores must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "score_4096_is_the_largest", cands({{1, 2, 4096, 0, 0}, {2, 3, 4095, 0, 0}}), OK, "", "1-2"},
      {"rcp_match", "score_just_above_4096", cands({{1, 2, std::nextafter(4096.0, 5000.0), 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score 4096.000000000001, over the largest score a matching takes (4096)",
       "out=NULL"},
      {"rcp_match", "score_dbl_max", cands({{1, 2, DBL_MAX, 0, 0}}), INV,
       fn + "candidate pair (1, 2) has score 1.7976931348623157e+308, over the largest score a matching takes (4096)",
       "out=NULL"},
      {"rcp_match", "score_minus_zero_and_subnormal", cands({{1, 2, -0.0, 0, 0}, {3, 4, 5e-324, 0, 0}}), OK, "",
       "no pairs"},
      {"rcp_match", "gain_negative", with({{1, 2, 0.5, 0.5, -0.5}}, gains), INV,
       fn + "candidate pair (1, 2) has b_gain -0.5; gains must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "gain_nan", with({{1, 2, 0.5, kNaN, 0.5}}, gains), INV,
       fn + "candidate pair (1, 2) has a_gain NaN; gains must be finite numbers >= 0", "out=NULL"},
      {"rcp_match", "gains_ignored_without_the_flag", cands({{1, 2, 0.5, kNaN, -kInf}}), OK, "", "1-2"},
      {"rcp_match", "extreme_ids", cands({{INT64_MIN, INT64_MAX, 0.5, 0, 0}}), OK, "",
       "-9223372036854775808-9223372036854775807"},
      {"rcp_match", "objective_unknown", with(cohort, objective("best")), INV,
       fn + "unknown objective 'best'" + kObjectives, "out=NULL"},
      {"rcp_match", "objective_empty", with(cohort, objective("")), INV, fn + "unknown objective ''" + kObjectives,
       "out=NULL"},
      {"rcp_match", "objective_upper_case", with(cohort, objective("Total")), INV,
       fn + "unknown objective 'Total'" + kObjectives, "out=NULL"},
      {"rcp_match", "objective_invalid_utf8", with(cohort, objective("f\xe2\x28\xa1ir\n")), INV,
       fn + "unknown objective 'f?(?ir '" + kObjectives, "out=NULL"},
      {"rcp_match", "objective_1MB", with(cohort, objective(long_objective.c_str())), INV,
       fn + "unknown objective '" + std::string(40, 'o') + "...'" + kObjectives, "out=NULL"},
      {"rcp_match", "mentors_empty_list",
       with(mentor_cohort,
            [](rcp_match_options& o) {
              o.mentors = kMentors;
              o.mentor_count = 0;
            }),
       INV,
       fn + "mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the "
            "mentees, everyone else)",
       "out=NULL"},
      {"rcp_match", "mentors_null", with(mentor_cohort, [](rcp_match_options& o) { o.mentor_count = 3; }), NUL,
       fn + "opts->mentors must not be NULL when opts->mentor_count is 3", "out=NULL"},
      {"rcp_match", "mentor_count_size_max",
       with(mentor_cohort,
            [](rcp_match_options& o) {
              o.mentors = kMentors;
              o.mentor_count = kSizeMax;
            }),
       BIG, fn + "opts->mentor_count is 18446744073709551615: no array of that many mentors fits in memory",
       "out=NULL"},
      {"rcp_match", "capacity_0", with(mentor_cohort, mentors({{1, 0}, {2, 1}})), INV,
       fn + "mentor 1 has capacity 0; capacities must be integers >= 1", "out=NULL"},
      {"rcp_match", "capacity_negative", with(mentor_cohort, mentors({{1, 2}, {2, INT64_MIN}})), INV,
       fn + "mentor 2 has capacity -9223372036854775808; capacities must be integers >= 1", "out=NULL"},
      {"rcp_match", "capacity_int64_max", with(mentor_cohort, mentors({{1, INT64_MAX}, {2, 1}})), OK, "",
       "1-4 2-3"},
      {"rcp_match", "mentors_as_given", with(mentor_cohort, mentors({{1, 2}, {2, 1}})), OK, "", "1-4 2-3"},
      {"rcp_match", "mentor_listed_twice", with(mentor_cohort, mentors({{1, 2}, {2, 1}, {1, 3}})), INV,
       fn + "mentor 1 is listed twice", "out=NULL"},
      {"rcp_match", "pair_of_two_mentors", with(mentor_cohort, mentors({{1, 2}, {2, 1}, {3, 1}})), INV,
       fn + "candidate pair (1, 3) joins two mentors (with mentors given, every pair joins a mentor and a mentee)",
       "out=NULL"},
      {"rcp_match", "pair_without_a_mentor", with(mentor_cohort, mentors({{1, 2}})), INV,
       fn + "candidate pair (2, 3) has no mentor (with mentors given, every pair joins a mentor and a mentee)",
       "out=NULL"},
      {"rcp_match", "mentors_with_fair",
       with(mentor_cohort,
            [](rcp_match_options& o) {
              o.mentors = kMentors;
              o.mentor_count = 2;
              o.objective = "fair";
            }),
       INV,
       fn + "objective 'fair' does not take mentors (capacities are solved for the largest total: use objective "
            "'total')",
       "out=NULL"},
      {"rcp_match", "mentors_with_stable",
       with(mentor_cohort,
            [](rcp_match_options& o) {
              o.mentors = kMentors;
              o.mentor_count = 2;
              o.objective = "stable";
            }),
       INV,
       fn + "objective 'stable' does not take mentors (capacities are solved for the largest total: use objective "
            "'total')",
       "out=NULL"},
      {"rcp_match", "pinned_null", with(cohort, [](rcp_match_options& o) { o.pinned_count = 2; }), NUL,
       fn + "opts->pinned must not be NULL when opts->pinned_count is 2", "out=NULL"},
      {"rcp_match", "pinned_count_size_max",
       with(cohort,
            [](rcp_match_options& o) {
              static const rcp_id_pair p[1] = {{2, 3}};
              o.pinned = p;
              o.pinned_count = kSizeMax;
            }),
       BIG, fn + "opts->pinned_count is 18446744073709551615: no array of that many pairs fits in memory",
       "out=NULL"},
      {"rcp_match", "pinned_not_a_candidate", with(cohort, pinned({{1, 3}})), INV,
       fn + "pinned pair (1, 3) is not a candidate pair", "out=NULL"},
      {"rcp_match", "pinned_unknown_people", with(cohort, pinned({{98, 99}})), INV,
       fn + "pinned pair (98, 99) is not a candidate pair", "out=NULL"},
      {"rcp_match", "pinned_self_pair", with(cohort, pinned({{2, 2}})), INV,
       fn + "pinned pair (2, 2) is not a candidate pair", "out=NULL"},
      {"rcp_match", "person_pinned_twice", with(cohort, pinned({{2, 3}, {1, 2}})), INV,
       fn + "person 2 is pinned twice: (1, 2) and (2, 3)", "out=NULL"},
      {"rcp_match", "pinned_pair_twice_counts_once", with(cohort, pinned({{3, 2}, {2, 3}}, "fair")), OK, "", "2-3"},
      {"rcp_match", "mentor_pinned_over_capacity",
       with(mentor_cohort,
            [](rcp_match_options& o) {
              static const rcp_id_pair p[2] = {{2, 3}, {4, 2}};
              o.mentors = kMentors;
              o.mentor_count = 2;
              o.pinned = p;
              o.pinned_count = 2;
            }),
       INV, fn + "mentor 2 is pinned to more mentees than its capacity 1", "out=NULL"},
      {"rcp_match", "struct_size_0", with(cohort, [](rcp_match_options& o) { o.struct_size = 0; }), INV,
       fn + "opts->struct_size is 0, expected at least " + str(full) +
           " (initialise the options with RCP_MATCH_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_match", "struct_size_8", with(cohort, [](rcp_match_options& o) { o.struct_size = 8; }), INV,
       fn + "opts->struct_size is 8, expected at least " + str(full) +
           " (initialise the options with RCP_MATCH_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_match", "struct_size_size_max", with(cohort, [](rcp_match_options& o) { o.struct_size = kSizeMax; }), INV,
       fn + "opts->struct_size is 18446744073709551615, more than any version of the options has (initialise the "
            "options with RCP_MATCH_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_match", "struct_uninitialised_0xCC",
       [] {
         rcp_match_options o;
         std::memset(&o, 0xCC, sizeof o);
         return match(kCohort, 3, &o);
       },
       INV,
       fn + "opts->struct_size is 14757395258967641292, more than any version of the options has (initialise the "
            "options with RCP_MATCH_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_match", "struct_from_a_newer_header_with_an_unknown_option",
       [] {
         struct {
           rcp_match_options base;
           uint64_t future;
         } newer;
         std::memset(&newer, 0, sizeof newer);
         newer.base = RCP_MATCH_OPTIONS_INIT;
         newer.base.struct_size = sizeof newer;
         newer.future = 1;
         return match(kCohort, 3, &newer.base);
       },
       INV,
       fn + "opts->struct_size is " + str(full + 8) + ", larger than this library's " + str(full) +
           ", and options this library does not know are set (the program needs a newer libreciprocity than " +
           RCP_VERSION_STRING + ")",
       "out=NULL"},
      {"rcp_match", "default_options", with(cohort, none), OK, "", "1-2 3-4"},
      {"rcp_match", "stable_with_huge_gains",
       with({{1, 2, 0.5, DBL_MAX, 0}, {2, 3, 0.5, DBL_MAX, 5e-324}, {3, 4, 0.5, 0, DBL_MAX}},
            [](rcp_match_options& o) {
              o.gains = 1;
              o.objective = "stable";
            }),
       OK, "", "2-3"},
      {"rcp_match", "stable_when_no_stable_matching_exists",
       [] {
         // 1 wants 2 most, 2 wants 3, 3 wants 1: odd cycle, someone is left out.
         const rcp_candidate c[3] = {{1, 2, 0.5, 0.9, 0.1}, {2, 3, 0.5, 0.9, 0.1}, {3, 1, 0.5, 0.9, 0.1}};
         rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
         o.gains = 1;
         o.objective = "stable";
         rcp_match_result* r = nullptr;
         rcp_status st = rcp_match(c, 3, &o, &r);
         MatchResult owned(r);
         rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
         if (r) {
           EXPECT_EQ(rcp_match_result_audit(r, &info), RCP_OK);
         }
         return Got{st, r ? pairs_of(r) + " stable=" + std::to_string(info.stable) + " " + info.explanation
                          : "out=" + ptr(r)};
       },
       OK, "",
       "1-2 stable=0 no stable matching exists: in phase 2 of Irving's algorithm, eliminating the rotation with "
       "x = (1, 2, 3) emptied the preference list of 3; the pairs returned are NOT stable: they have 1 blocking pair, "
       "the minimum possible"},
      // ---------------------------------------------------------------- audit
      {"rcp_match_audit", "out_null",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         return Got{rcp_match_audit(kCohort, 3, nullptr, m, 1, nullptr), ""};
       },
       NUL, "rcp_match_audit: out must not be NULL", ""},
      {"rcp_match_audit", "candidates_null",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         return audit(nullptr, 3, nullptr, m, 1);
       },
       NUL, "rcp_match_audit: candidates must not be NULL", "out=NULL"},
      {"rcp_match_audit", "matching_null", [] { return audit(kCohort, 3, nullptr, nullptr, 2); }, NUL,
       "rcp_match_audit: matching must not be NULL", "out=NULL"},
      {"rcp_match_audit", "count_size_max",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         return audit(kCohort, 3, nullptr, m, kSizeMax);
       },
       BIG, "rcp_match_audit: count is 18446744073709551615: no array of that many pairs fits in memory", "out=NULL"},
      {"rcp_match_audit", "n_size_max",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         return audit(kCohort, kSizeMax, nullptr, m, 1);
       },
       BIG, "rcp_match_audit: n is 18446744073709551615: no array of that many candidates fits in memory",
       "out=NULL"},
      {"rcp_match_audit", "struct_size_0",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
         o.struct_size = 0;
         return audit(kCohort, 3, &o, m, 1);
       },
       INV,
       "rcp_match_audit: opts->struct_size is 0, expected at least " + str(sizeof(rcp_match_options)) +
           " (initialise the options with RCP_MATCH_OPTIONS_INIT)",
       "out=NULL"},
      {"rcp_match_audit", "empty_matching", [] { return audit(kCohort, 3, nullptr, nullptr, 0); }, OK, "",
       "no pairs"},
      {"rcp_match_audit", "pair_not_a_candidate",
       [] {
         const rcp_id_pair m[1] = {{1, 3}};
         return audit(kCohort, 3, nullptr, m, 1);
       },
       INV, "rcp_match_audit: matching pair (1, 3) is not a candidate pair", "out=NULL"},
      {"rcp_match_audit", "self_pair",
       [] {
         const rcp_id_pair m[1] = {{4, 4}};
         return audit(kCohort, 3, nullptr, m, 1);
       },
       INV, "rcp_match_audit: matching pair (4, 4) is not a candidate pair", "out=NULL"},
      {"rcp_match_audit", "person_in_two_pairs",
       [] {
         const rcp_id_pair m[2] = {{1, 2}, {3, 2}};
         return audit(kCohort, 3, nullptr, m, 2);
       },
       INV, "rcp_match_audit: person 2 is in two pairs of the matching: (1, 2) and (2, 3)", "out=NULL"},
      {"rcp_match_audit", "same_pair_twice_counts_once",
       [] {
         const rcp_id_pair m[2] = {{3, 2}, {2, 3}};
         return audit(kCohort, 3, nullptr, m, 2);
       },
       OK, "", "2-3"},
      {"rcp_match_audit", "mentor_over_capacity",
       [] {
         const rcp_id_pair m[2] = {{2, 3}, {4, 2}};
         rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
         o.mentors = kMentors;
         o.mentor_count = 2;
         return audit(kMentorCohort, 4, &o, m, 2);
       },
       INV, "rcp_match_audit: mentor 2 has more mentees in the matching than its capacity 1", "out=NULL"},
      {"rcp_match_audit", "bad_candidates_are_reported",
       [] {
         const rcp_candidate c[1] = {{5, 5, 1, 0, 0}};
         return audit(c, 1, nullptr, nullptr, 0);
       },
       INV, "rcp_match_audit: candidate pair (5, 5) is a self-pair", "out=NULL"},
      {"rcp_match_audit", "pinned_null_is_still_an_error",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
         o.pinned_count = 2;
         return audit(kCohort, 3, &o, m, 1);
       },
       NUL, "rcp_match_audit: opts->pinned must not be NULL when opts->pinned_count is 2", "out=NULL"},
      {"rcp_match_audit", "pinned_are_not_read",
       [] {
         const rcp_id_pair m[1] = {{1, 2}};
         static const rcp_id_pair p[1] = {{7, 8}};
         rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
         o.pinned = p;
         o.pinned_count = 1;
         o.objective = "no such objective";
         return audit(kCohort, 3, &o, m, 1);
       },
       OK, "", "1-2"},
      // ------------------------------------------------------- the result
      {"rcp_match_result_count", "result_null",
       [] {
         size_t n = kSizeSentinel;
         rcp_status st = rcp_match_result_count(nullptr, &n);
         return Got{st, "out_count=" + str(n)};
       },
       NUL, "rcp_match_result_count: result must not be NULL", "out_count=0"},
      {"rcp_match_result_count", "out_count_null", [] { return Got{rcp_match_result_count(match_result(), nullptr), ""}; },
       NUL, "rcp_match_result_count: out_count must not be NULL", ""},
      {"rcp_match_result_get", "result_null",
       [] {
         int64_t a = kIdSentinel, b = kIdSentinel;
         double s = kDoubleSentinel;
         rcp_status st = rcp_match_result_get(nullptr, 0, &a, &b, &s);
         return Got{st, "a=" + std::to_string(a) + " b=" + std::to_string(b) + " score=" + num(s)};
       },
       NUL, "rcp_match_result_get: result must not be NULL", "a=0 b=0 score=NaN"},
      {"rcp_match_result_get", "index_count",
       [] {
         int64_t a = kIdSentinel, b = kIdSentinel;
         double s = kDoubleSentinel;
         rcp_status st = rcp_match_result_get(match_result(), 2, &a, &b, &s);
         return Got{st, "a=" + std::to_string(a) + " b=" + std::to_string(b) + " score=" + num(s)};
       },
       INV, "rcp_match_result_get: index 2 is out of range (the result has 2 pairs)", "a=0 b=0 score=NaN"},
      {"rcp_match_result_get", "index_size_max",
       [] { return Got{rcp_match_result_get(match_result(), kSizeMax, nullptr, nullptr, nullptr), ""}; }, INV,
       "rcp_match_result_get: index 18446744073709551615 is out of range (the result has 2 pairs)", ""},
      {"rcp_match_result_get", "all_outputs_null",
       [] { return Got{rcp_match_result_get(match_result(), 1, nullptr, nullptr, nullptr), "nothing written"}; }, OK,
       "", "nothing written"},
      {"rcp_match_result_audit", "result_null",
       [] {
         rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
         info.pairs = kSizeSentinel;
         rcp_status st = rcp_match_result_audit(nullptr, &info);
         return Got{st, "pairs=" + str(info.pairs)};
       },
       NUL, "rcp_match_result_audit: result must not be NULL", "pairs=7777"},
      {"rcp_match_result_audit", "out_null", [] { return Got{rcp_match_result_audit(match_result(), nullptr), ""}; },
       NUL, "rcp_match_result_audit: out must not be NULL", ""},
      {"rcp_match_result_audit", "struct_size_0",
       [] {
         rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
         info.struct_size = 0;
         info.pairs = kSizeSentinel;
         rcp_status st = rcp_match_result_audit(match_result(), &info);
         return Got{st, "pairs=" + str(info.pairs)};
       },
       INV,
       "rcp_match_result_audit: out->struct_size is 0, expected at least " + str(sizeof(rcp_match_audit_info)) +
           " (initialise it with RCP_MATCH_AUDIT_INFO_INIT)",
       "pairs=7777"},
      {"rcp_match_result_audit", "struct_size_8",
       [] {
         rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
         info.struct_size = 8;
         rcp_status st = rcp_match_result_audit(match_result(), &info);
         return Got{st, "struct_size=" + str(info.struct_size)};
       },
       INV,
       "rcp_match_result_audit: out->struct_size is 8, expected at least " + str(sizeof(rcp_match_audit_info)) +
           " (initialise it with RCP_MATCH_AUDIT_INFO_INIT)",
       "struct_size=8"},
      {"rcp_match_result_audit", "struct_from_a_newer_header",
       [] {
         struct {
           rcp_match_audit_info base;
           uint64_t future;
         } newer;
         std::memset(&newer, 0, sizeof newer);
         newer.base.struct_size = sizeof newer;
         newer.future = 0xABCD;
         rcp_status st = rcp_match_result_audit(match_result(), &newer.base);
         return Got{st, "pairs=" + str(newer.base.pairs) + " future=" + std::to_string(newer.future)};
       },
       OK, "", "pairs=2 future=43981"},
      {"rcp_match_result_blocking", "result_null",
       [] {
         int64_t a = kIdSentinel, b = kIdSentinel;
         rcp_status st = rcp_match_result_blocking(nullptr, 0, &a, &b);
         return Got{st, "a=" + std::to_string(a) + " b=" + std::to_string(b)};
       },
       NUL, "rcp_match_result_blocking: result must not be NULL", "a=0 b=0"},
      {"rcp_match_result_blocking", "out_a_null",
       [] {
         int64_t b = kIdSentinel;
         rcp_status st = rcp_match_result_blocking(match_result(), 0, nullptr, &b);
         return Got{st, "b=" + std::to_string(b)};
       },
       NUL, "rcp_match_result_blocking: out_a must not be NULL", "b=0"},
      {"rcp_match_result_blocking", "out_b_null",
       [] {
         int64_t a = kIdSentinel;
         rcp_status st = rcp_match_result_blocking(match_result(), 0, &a, nullptr);
         return Got{st, "a=" + std::to_string(a)};
       },
       NUL, "rcp_match_result_blocking: out_b must not be NULL", "a=0"},
      {"rcp_match_result_blocking", "index_out_of_range",
       [] {
         int64_t a = kIdSentinel, b = kIdSentinel;
         rcp_status st = rcp_match_result_blocking(match_result(), kSizeMax, &a, &b);
         return Got{st, "a=" + std::to_string(a) + " b=" + std::to_string(b)};
       },
       INV, "rcp_match_result_blocking: index 18446744073709551615 is out of range (the result has 1 blocking pairs)",
       "a=0 b=0"},
  };
}

std::vector<Case> all_cases() {
  std::vector<Case> t;
  for (auto part : {status_and_memory_cases, mutator_cases, blob_cases, json_cases, scoring_cases,
                    top_partners_cases, match_cases}) {
    std::vector<Case> p = part();
    for (Case& c : p) t.push_back(std::move(c));
  }
  return t;
}

const std::vector<Case>& table() {
  static const std::vector<Case> t = all_cases();
  return t;
}

// =================================================================== the tests

constexpr const char* kPrimed = "rcp_profile_create: out must not be NULL";

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

double max_seconds() {
  const char* env = std::getenv("RCP_BAD_INPUTS_MAX_SECONDS");
  return env ? std::atof(env) : 30.0;
}

class CApiBadInput : public ::testing::TestWithParam<Case> {};

TEST_P(CApiBadInput, Row) {
  const Case& c = GetParam();
  // A known message first: a successful call must leave it as it is.
  ASSERT_EQ(rcp_profile_create(nullptr), RCP_E_NULL_ARGUMENT);
  ASSERT_STREQ(rcp_errmsg(), kPrimed);

  const auto start = std::chrono::steady_clock::now();
  const Got got = c.call();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string message = rcp_errmsg();

  EXPECT_EQ(got.status, c.status) << "got " << rcp_status_string(got.status) << ": " << message;
  if (c.status == RCP_OK) {
    EXPECT_EQ(message, kPrimed) << "a successful call changed the message";
  } else {
    EXPECT_EQ(message, c.message);
    // Clear: it names the function, then the problem, in valid UTF-8.
    EXPECT_EQ(message.rfind(std::string(c.fn) + ": ", 0), 0u) << message;
    EXPECT_GT(message.size(), std::strlen(c.fn) + 12) << message;
    EXPECT_TRUE(valid_utf8(message)) << message;
    EXPECT_EQ(message.find("internal"), std::string::npos) << message;
  }
  EXPECT_EQ(got.out, c.out);
  const double limit = max_seconds();
  if (limit > 0) {
    EXPECT_LT(seconds, limit) << "the call took " << seconds << " s";
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, CApiBadInput, ::testing::ValuesIn(table()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.fn + 4) + "_" + info.param.name;
                         });

// Every function the header exports has rows; names are unique.
TEST(CApiBadInputTable, CoversEveryExportedFunction) {
  std::ifstream header(RCP_HEADER);
  ASSERT_TRUE(header) << RCP_HEADER;
  std::stringstream text;
  text << header.rdbuf();
  const std::string h = text.str();
  std::set<std::string> exported;
  const std::regex decl(R"(RCP_API[^;(]*?\b(rcp_[a-z0-9_]+)\s*\()");
  for (auto it = std::sregex_iterator(h.begin(), h.end(), decl); it != std::sregex_iterator(); ++it)
    exported.insert((*it)[1]);
  EXPECT_GE(exported.size(), 30u);

  std::set<std::string> covered, names;
  for (const Case& c : table()) {
    covered.insert(c.fn);
    EXPECT_TRUE(names.insert(std::string(c.fn) + "_" + c.name).second) << "duplicate row " << c.fn << " " << c.name;
    EXPECT_TRUE(exported.count(c.fn)) << c.fn << " is not exported by the header";
  }
  for (const std::string& f : exported) EXPECT_TRUE(covered.count(f)) << f << " has no row";
  EXPECT_GE(table().size(), 100u);
}

}  // namespace
