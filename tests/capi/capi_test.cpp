// GoogleTest over the whole C API (include/reciprocity.h), through the shared
// library only: every function, every reachable error path with its exact
// message, failure-injected allocation, concurrent scoring, and BLOBs written
// by the SQLite extension.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "reciprocity.h"

// ------------------------------------------------------- allocation failures
// The library's operator new resolves to these replacements (the executable
// exports them), so a test can make the n-th allocation from now fail.
#include "alloc_failure.hpp"

namespace {
int g_sentinel;  // its address: a non-NULL value that failing calls must reset
}

namespace {

// ------------------------------------------------------------------ helpers

struct ProfileDeleter {
  void operator()(rcp_profile* p) const { rcp_profile_destroy(p); }
};
using Handle = std::unique_ptr<rcp_profile, ProfileDeleter>;

Handle make(const char* json) {
  rcp_profile* p = nullptr;
  rcp_status st = rcp_profile_from_json(&p, json);
  EXPECT_EQ(st, RCP_OK) << rcp_errmsg();
  return Handle(p);
}

std::string to_json(const rcp_profile* p) {
  char* s = nullptr;
  EXPECT_EQ(rcp_profile_to_json(p, &s), RCP_OK) << rcp_errmsg();
  std::string out = s ? s : "<null>";
  rcp_free(s);
  return out;
}

std::vector<unsigned char> to_blob(const rcp_profile* p) {
  void* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(rcp_profile_to_blob(p, &data, &size), RCP_OK) << rcp_errmsg();
  const auto* b = static_cast<const unsigned char*>(data);
  std::vector<unsigned char> out(b, b + size);
  rcp_free(data);
  return out;
}

size_t size_of(const rcp_profile* p) {
  size_t n = 99;
  EXPECT_EQ(rcp_profile_size(p, &n), RCP_OK);
  return n;
}

double score(const rcp_profile* a, const rcp_profile* b, const char* mode = nullptr) {
  double s = -1;
  EXPECT_EQ(rcp_score(a, b, mode, &s), RCP_OK) << rcp_errmsg();
  return s;
}

// A = {python 4, finance 1 want 3}, B = {python 1 want 2, finance 5}:
// benefit(A <- B) = (5 - 1) / 5 = 0.8, benefit(B <- A) = (4 - 1) / 5 = 0.6.
constexpr const char* kA = R"({"python": {"level": 4}, "finance": {"level": 1, "want": 3}})";
constexpr const char* kB = R"({"Python ": {"level": 1, "want": 2}, "finance": {"level": 5}})";

// ------------------------------------------------------------------ version

TEST(CApiVersion, MatchesHeaderMacros) {
  EXPECT_STREQ(rcp_version(), RCP_VERSION_STRING);
  EXPECT_EQ(rcp_version_number(), RCP_VERSION_NUMBER);
  EXPECT_EQ(RCP_VERSION_NUMBER, RCP_VERSION_MAJOR * 10000 + RCP_VERSION_MINOR * 100 + RCP_VERSION_PATCH);
  char expect[64];
  std::snprintf(expect, sizeof expect, "%d.%d.%d", RCP_VERSION_MAJOR, RCP_VERSION_MINOR, RCP_VERSION_PATCH);
  EXPECT_STREQ(rcp_version(), expect);
}

TEST(CApiVersion, MatchesTheVersionFile) {
  FILE* f = std::fopen(RCP_VERSION_FILE, "r");
  ASSERT_NE(f, nullptr);
  char line[64] = {0};
  ASSERT_NE(std::fgets(line, sizeof line, f), nullptr);
  std::fclose(f);
  std::string v(line);
  while (!v.empty() && (v.back() == '\n' || v.back() == ' ' || v.back() == '\r')) v.pop_back();
  EXPECT_EQ(v, rcp_version());
}

TEST(CApiStatus, StringsAndValues) {
  EXPECT_EQ(RCP_OK, 0);
  EXPECT_EQ(RCP_E_INVALID_ARGUMENT, 1);
  EXPECT_EQ(RCP_E_BAD_PROFILE, 2);
  EXPECT_EQ(RCP_E_TOO_LARGE, 3);
  EXPECT_EQ(RCP_E_NOMEM, 4);
  EXPECT_EQ(RCP_E_INTERNAL, 5);
  EXPECT_EQ(RCP_E_NULL_ARGUMENT, 6);
  EXPECT_EQ(RCP_E_CANCELLED, 7);
  EXPECT_STREQ(rcp_status_string(RCP_OK), "ok");
  EXPECT_STREQ(rcp_status_string(RCP_E_INVALID_ARGUMENT), "invalid argument");
  EXPECT_STREQ(rcp_status_string(RCP_E_BAD_PROFILE), "bad profile");
  EXPECT_STREQ(rcp_status_string(RCP_E_TOO_LARGE), "too large");
  EXPECT_STREQ(rcp_status_string(RCP_E_NOMEM), "out of memory");
  EXPECT_STREQ(rcp_status_string(RCP_E_INTERNAL), "internal error");
  EXPECT_STREQ(rcp_status_string(RCP_E_NULL_ARGUMENT), "NULL argument");
  EXPECT_STREQ(rcp_status_string(RCP_E_CANCELLED), "cancelled");
  EXPECT_STREQ(rcp_status_string(static_cast<rcp_status>(42)), "unknown status");
}

TEST(CApiErrmsg, EmptyInAFreshThreadAndKeptAfterSuccess) {
  std::thread([] { EXPECT_STREQ(rcp_errmsg(), ""); }).join();
  EXPECT_EQ(rcp_profile_create(nullptr), RCP_E_NULL_ARGUMENT);
  rcp_profile* p = nullptr;
  ASSERT_EQ(rcp_profile_create(&p), RCP_OK);
  EXPECT_STREQ(rcp_errmsg(), "rcp_profile_create: out must not be NULL");  // success leaves it
  rcp_profile_destroy(p);
}

// ---------------------------------------------------------------- lifecycle

TEST(CApiProfile, CreateSetSizeDestroy) {
  rcp_profile* p = nullptr;
  ASSERT_EQ(rcp_profile_create(&p), RCP_OK);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(size_of(p), 0u);
  EXPECT_EQ(to_json(p), "{}");
  EXPECT_EQ(rcp_profile_set(p, "  Python\t", 4, 0), RCP_OK);
  EXPECT_EQ(rcp_profile_set(p, "finance", 1, 3), RCP_OK);
  EXPECT_EQ(size_of(p), 2u);
  EXPECT_EQ(to_json(p), R"({"finance":{"level":1,"want":3},"python":{"level":4}})");
  // set replaces (lower values too), canonicalising the name
  EXPECT_EQ(rcp_profile_set(p, "PYTHON", 2, 0.5), RCP_OK);
  EXPECT_EQ(to_json(p), R"({"finance":{"level":1,"want":3},"python":{"level":2,"want":0.5}})");
  rcp_profile_destroy(p);
  rcp_profile_destroy(nullptr);  // no-op
}

TEST(CApiProfile, MergeKeepsTheLargerValues) {
  Handle p = make("{}");
  ASSERT_EQ(rcp_profile_merge(p.get(), "go", 3, 1), RCP_OK);
  ASSERT_EQ(rcp_profile_merge(p.get(), "Go", 2, 4), RCP_OK);
  EXPECT_EQ(to_json(p.get()), R"({"go":{"level":3,"want":4}})");
}

TEST(CApiProfile, Remove) {
  Handle p = make(kA);
  int removed = -1;
  ASSERT_EQ(rcp_profile_remove(p.get(), " PYTHON", &removed), RCP_OK);
  EXPECT_EQ(removed, 1);
  EXPECT_EQ(to_json(p.get()), R"({"finance":{"level":1,"want":3}})");
  ASSERT_EQ(rcp_profile_remove(p.get(), "python", &removed), RCP_OK);
  EXPECT_EQ(removed, 0);
  ASSERT_EQ(rcp_profile_remove(p.get(), "finance", nullptr), RCP_OK);  // out_removed is optional
  EXPECT_EQ(size_of(p.get()), 0u);
}

TEST(CApiProfile, JsonRoundTrip) {
  Handle p = make(R"({"b": {"level": 2.5, "want": null}, "A": {"want": 1}, "a": {"level": 1}})");
  EXPECT_EQ(to_json(p.get()), R"({"a":{"level":1,"want":1},"b":{"level":2.5}})");
  Handle q = make(to_json(p.get()).c_str());
  EXPECT_EQ(to_blob(p.get()), to_blob(q.get()));
}

TEST(CApiProfile, BlobRoundTripAndFormat) {
  Handle a = make(kA);
  std::vector<unsigned char> blob = to_blob(a.get());
  ASSERT_GE(blob.size(), 16u);
  EXPECT_EQ(std::memcmp(blob.data(), "RcpP", 4), 0);
  EXPECT_EQ(blob.size(), 16u + 2 * 28 + std::strlen("financepython"));
  rcp_profile* b = nullptr;
  ASSERT_EQ(rcp_profile_from_blob(&b, blob.data(), blob.size()), RCP_OK);
  Handle hb(b);
  EXPECT_EQ(to_blob(b), blob);
  EXPECT_EQ(to_json(b), to_json(a.get()));
  // the copy is independent of the caller's buffer
  std::fill(blob.begin(), blob.end(), 0);
  EXPECT_EQ(size_of(b), 2u);
  // a profile from a blob can be edited further
  ASSERT_EQ(rcp_profile_set(b, "art", 5, 0), RCP_OK);
  EXPECT_EQ(to_json(b), R"({"art":{"level":5},"finance":{"level":1,"want":3},"python":{"level":4}})");
}

TEST(CApiProfile, EmptyProfileBlob) {
  rcp_profile* p = nullptr;
  ASSERT_EQ(rcp_profile_create(&p), RCP_OK);
  Handle h(p);
  std::vector<unsigned char> blob = to_blob(p);
  const unsigned char expect[16] = {'R', 'c', 'p', 'P', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  ASSERT_EQ(blob.size(), 16u);
  EXPECT_EQ(std::memcmp(blob.data(), expect, 16), 0);
}

// ------------------------------------------------------------------ scoring

TEST(CApiScore, AllModes) {
  Handle a = make(kA), b = make(kB);
  EXPECT_NEAR(score(a.get(), b.get()), 2 * 0.8 * 0.6 / 1.4, 1e-12);
  EXPECT_NEAR(score(a.get(), b.get(), "harmonic"), 2 * 0.8 * 0.6 / 1.4, 1e-12);
  EXPECT_NEAR(score(a.get(), b.get(), " Geometric "), std::sqrt(0.48), 1e-12);
  EXPECT_NEAR(score(a.get(), b.get(), "min"), 0.6, 1e-12);
  EXPECT_NEAR(score(a.get(), b.get(), "MEAN"), 0.7, 1e-12);
  EXPECT_NEAR(score(a.get(), b.get(), "uninorm"), 0.48 / (0.48 + 0.2 * 0.4), 1e-12);
  EXPECT_DOUBLE_EQ(score(a.get(), b.get()), score(b.get(), a.get()));
}

TEST(CApiScore, Benefit) {
  Handle a = make(kA), b = make(kB);
  double v = -1;
  ASSERT_EQ(rcp_benefit(a.get(), b.get(), &v), RCP_OK);
  EXPECT_NEAR(v, 0.8, 1e-12);
  ASSERT_EQ(rcp_benefit(b.get(), a.get(), &v), RCP_OK);
  EXPECT_NEAR(v, 0.6, 1e-12);
  Handle empty = make("{}");
  ASSERT_EQ(rcp_benefit(empty.get(), a.get(), &v), RCP_OK);
  EXPECT_EQ(v, 0.0);
}

TEST(CApiScore, ExplainJson) {
  Handle a = make(kA), b = make(kB);
  char* s = nullptr;
  ASSERT_EQ(rcp_explain_json(a.get(), b.get(), "min", &s), RCP_OK) << rcp_errmsg();
  ASSERT_NE(s, nullptr);
  EXPECT_STREQ(s,
               R"({"mode":"min","score":0.6,"balance":0.7499999999999999,)"
               R"("a_gets":{"benefit":0.8,"topics":[{"topic":"finance","giver_level":5,"receiver_level":1,"want":3,"weight":1,"contribution":0.8}]},)"
               R"("b_gets":{"benefit":0.6,"topics":[{"topic":"python","giver_level":4,"receiver_level":1,"want":2,"weight":1,"contribution":0.6}]}})");
  rcp_free(s);
  ASSERT_EQ(rcp_explain_json(a.get(), b.get(), nullptr, &s), RCP_OK);
  EXPECT_EQ(std::string(s).rfind(R"({"mode":"harmonic",)", 0), 0u) << s;
  rcp_free(s);
  rcp_free(nullptr);  // no-op
}

// -------------------------------------------------------------- error paths

// Checks a failed call: status, exact message.
#define EXPECT_FAIL(call, status, message) \
  do {                                     \
    EXPECT_EQ((call), (status));           \
    EXPECT_STREQ(rcp_errmsg(), (message)); \
  } while (0)

TEST(CApiErrors, NullArguments) {
  Handle a = make(kA), b = make(kB);
  rcp_profile* p = a.get();
  rcp_profile* out = reinterpret_cast<rcp_profile*>(&p);  // a non-NULL sentinel that must be reset
  double d = 1.0;
  size_t n = 7;
  void* data = &n;
  char* text = reinterpret_cast<char*>(&n);
  int removed = 5;

  EXPECT_FAIL(rcp_profile_create(nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_create: out must not be NULL");

  EXPECT_FAIL(rcp_profile_set(nullptr, "x", 1, 1), RCP_E_NULL_ARGUMENT, "rcp_profile_set: p must not be NULL");
  EXPECT_FAIL(rcp_profile_set(p, nullptr, 1, 1), RCP_E_NULL_ARGUMENT, "rcp_profile_set: topic must not be NULL");
  EXPECT_FAIL(rcp_profile_merge(nullptr, "x", 1, 1), RCP_E_NULL_ARGUMENT, "rcp_profile_merge: p must not be NULL");
  EXPECT_FAIL(rcp_profile_merge(p, nullptr, 1, 1), RCP_E_NULL_ARGUMENT, "rcp_profile_merge: topic must not be NULL");
  EXPECT_FAIL(rcp_profile_remove(nullptr, "x", &removed), RCP_E_NULL_ARGUMENT, "rcp_profile_remove: p must not be NULL");
  EXPECT_EQ(removed, 0);
  EXPECT_FAIL(rcp_profile_remove(p, nullptr, nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_remove: topic must not be NULL");

  EXPECT_FAIL(rcp_profile_size(nullptr, &n), RCP_E_NULL_ARGUMENT, "rcp_profile_size: p must not be NULL");
  EXPECT_EQ(n, 0u);
  EXPECT_FAIL(rcp_profile_size(p, nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_size: out must not be NULL");

  EXPECT_FAIL(rcp_profile_from_blob(nullptr, "x", 1), RCP_E_NULL_ARGUMENT, "rcp_profile_from_blob: out must not be NULL");
  EXPECT_FAIL(rcp_profile_from_blob(&out, nullptr, 16), RCP_E_NULL_ARGUMENT, "rcp_profile_from_blob: data must not be NULL");
  EXPECT_EQ(out, nullptr);

  n = 7;
  EXPECT_FAIL(rcp_profile_to_blob(nullptr, &data, &n), RCP_E_NULL_ARGUMENT, "rcp_profile_to_blob: p must not be NULL");
  EXPECT_EQ(data, nullptr);
  EXPECT_EQ(n, 0u);
  EXPECT_FAIL(rcp_profile_to_blob(p, nullptr, &n), RCP_E_NULL_ARGUMENT, "rcp_profile_to_blob: out_data must not be NULL");
  EXPECT_FAIL(rcp_profile_to_blob(p, &data, nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_to_blob: out_size must not be NULL");
  EXPECT_EQ(data, nullptr);

  out = reinterpret_cast<rcp_profile*>(&p);
  EXPECT_FAIL(rcp_profile_from_json(nullptr, "{}"), RCP_E_NULL_ARGUMENT, "rcp_profile_from_json: out must not be NULL");
  EXPECT_FAIL(rcp_profile_from_json(&out, nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_from_json: json must not be NULL");
  EXPECT_EQ(out, nullptr);
  EXPECT_FAIL(rcp_profile_to_json(nullptr, &text), RCP_E_NULL_ARGUMENT, "rcp_profile_to_json: p must not be NULL");
  EXPECT_EQ(text, nullptr);
  EXPECT_FAIL(rcp_profile_to_json(p, nullptr), RCP_E_NULL_ARGUMENT, "rcp_profile_to_json: out_json must not be NULL");

  EXPECT_FAIL(rcp_score(nullptr, b.get(), nullptr, &d), RCP_E_NULL_ARGUMENT, "rcp_score: a must not be NULL");
  EXPECT_TRUE(std::isnan(d));
  EXPECT_FAIL(rcp_score(p, nullptr, nullptr, &d), RCP_E_NULL_ARGUMENT, "rcp_score: b must not be NULL");
  EXPECT_FAIL(rcp_score(p, b.get(), nullptr, nullptr), RCP_E_NULL_ARGUMENT, "rcp_score: out must not be NULL");
  d = 1.0;
  EXPECT_FAIL(rcp_benefit(nullptr, b.get(), &d), RCP_E_NULL_ARGUMENT, "rcp_benefit: receiver must not be NULL");
  EXPECT_TRUE(std::isnan(d));
  EXPECT_FAIL(rcp_benefit(p, nullptr, &d), RCP_E_NULL_ARGUMENT, "rcp_benefit: giver must not be NULL");
  EXPECT_FAIL(rcp_benefit(p, b.get(), nullptr), RCP_E_NULL_ARGUMENT, "rcp_benefit: out must not be NULL");
  text = reinterpret_cast<char*>(&n);
  EXPECT_FAIL(rcp_explain_json(nullptr, b.get(), nullptr, &text), RCP_E_NULL_ARGUMENT, "rcp_explain_json: a must not be NULL");
  EXPECT_EQ(text, nullptr);
  EXPECT_FAIL(rcp_explain_json(p, nullptr, nullptr, &text), RCP_E_NULL_ARGUMENT, "rcp_explain_json: b must not be NULL");
  EXPECT_FAIL(rcp_explain_json(p, b.get(), nullptr, nullptr), RCP_E_NULL_ARGUMENT, "rcp_explain_json: out_json must not be NULL");

  EXPECT_EQ(to_json(p), to_json(make(kA).get()));  // nothing changed
}

TEST(CApiErrors, BadValuesLeaveTheProfileUnchanged) {
  Handle h = make(kA);
  rcp_profile* p = h.get();
  const std::string before = to_json(p);
  const double nan = std::nan(""), inf = INFINITY;

  EXPECT_FAIL(rcp_profile_set(p, "python", 7, 0), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: level 7 for topic 'python' is outside [0, 5]");
  EXPECT_FAIL(rcp_profile_set(p, "Python", -0.5, 0), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: level -0.5 for topic 'python' is outside [0, 5]");
  EXPECT_FAIL(rcp_profile_set(p, "python", nan, 0), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: level NaN for topic 'python' is not a finite number");
  EXPECT_FAIL(rcp_profile_set(p, "python", 1, -1), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: want -1 for topic 'python' is negative");
  EXPECT_FAIL(rcp_profile_set(p, "python", 1, inf), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: want Infinity for topic 'python' is not a finite number");
  EXPECT_FAIL(rcp_profile_set(p, " \t ", 1, 1), RCP_E_INVALID_ARGUMENT, "rcp_profile_set: topic name is empty");
  EXPECT_FAIL(rcp_profile_set(p, "caf\xff", 1, 1), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: topic name is not valid UTF-8");
  std::string long_name(1025, 'x');
  EXPECT_FAIL(rcp_profile_set(p, long_name.c_str(), 1, 1), RCP_E_INVALID_ARGUMENT,
              ("rcp_profile_set: topic name '" + std::string(61, 'x') + "...' is longer than 1024 bytes (1025)").c_str());
  EXPECT_FAIL(rcp_profile_merge(p, "python", 5.5, 0), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_merge: level 5.5 for topic 'python' is outside [0, 5]");
  EXPECT_FAIL(rcp_profile_merge(p, "", 1, 0), RCP_E_INVALID_ARGUMENT, "rcp_profile_merge: topic name is empty");
  EXPECT_FAIL(rcp_profile_remove(p, "  ", nullptr), RCP_E_INVALID_ARGUMENT, "rcp_profile_remove: topic name is empty");
  // wants that overflow a double only fail when the profile is built
  EXPECT_EQ(rcp_profile_set(p, "big", 0, 1e308), RCP_OK);
  EXPECT_FAIL(rcp_profile_set(p, "bigger", 0, 1e308), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_set: wants add up to more than a double holds");
  EXPECT_EQ(size_of(p), 3u);
  EXPECT_EQ(rcp_profile_remove(p, "big", nullptr), RCP_OK);
  EXPECT_EQ(to_json(p), before);
}

TEST(CApiErrors, UnknownMode) {
  Handle a = make(kA), b = make(kB);
  double d = 1;
  EXPECT_FAIL(rcp_score(a.get(), b.get(), "fast", &d), RCP_E_INVALID_ARGUMENT,
              "rcp_score: unknown mode 'fast' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_TRUE(std::isnan(d));
  EXPECT_FAIL(rcp_score(a.get(), b.get(), "", &d), RCP_E_INVALID_ARGUMENT,
              "rcp_score: unknown mode '' (valid modes: harmonic, geometric, min, mean, uninorm)");
  char* s = reinterpret_cast<char*>(&d);
  EXPECT_FAIL(rcp_explain_json(a.get(), b.get(), "max", &s), RCP_E_INVALID_ARGUMENT,
              "rcp_explain_json: unknown mode 'max' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_EQ(s, nullptr);
}

TEST(CApiErrors, BadJson) {
  rcp_profile* p = reinterpret_cast<rcp_profile*>(&g_sentinel);
  EXPECT_FAIL(rcp_profile_from_json(&p, "{\"a\": {\"level\": 1}"), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_from_json: malformed JSON at byte 18: expected ',' or '}'");
  EXPECT_EQ(p, nullptr);
  EXPECT_FAIL(rcp_profile_from_json(&p, "[]"), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_from_json: a JSON profile must be an object of topics, not an array");
  EXPECT_FAIL(rcp_profile_from_json(&p, R"({"a": 3})"), RCP_E_INVALID_ARGUMENT,
              R"(rcp_profile_from_json: topic 'a' must map to an object like {"level": 3, "want": 1}, not a number)");
  EXPECT_FAIL(rcp_profile_from_json(&p, R"({"a": {"level": "high"}})"), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_from_json: level for topic 'a' must be a number, not a string");
  EXPECT_FAIL(rcp_profile_from_json(&p, R"({"a": {"lvl": 1}})"), RCP_E_INVALID_ARGUMENT,
              R"(rcp_profile_from_json: topic 'a' has unknown field 'lvl' (expected "level" and "want"))");
  EXPECT_FAIL(rcp_profile_from_json(&p, R"({"a": {"level": 9}})"), RCP_E_INVALID_ARGUMENT,
              "rcp_profile_from_json: level 9 for topic 'a' is outside [0, 5]");
  EXPECT_EQ(p, nullptr);
}

TEST(CApiErrors, BadBlobs) {
  Handle a = make(kA);
  std::vector<unsigned char> good = to_blob(a.get());
  rcp_profile* p = nullptr;

  EXPECT_FAIL(rcp_profile_from_blob(&p, good.data(), 3), RCP_E_BAD_PROFILE,
              "rcp_profile_from_blob: truncated: 3 bytes, a profile has at least 16");
  EXPECT_FAIL(rcp_profile_from_blob(&p, good.data(), good.size() - 1), RCP_E_BAD_PROFILE,
              ("rcp_profile_from_blob: truncated: " + std::to_string(good.size() - 1) + " bytes, the header says " +
               std::to_string(good.size())).c_str());
  std::vector<unsigned char> longer = good;
  longer.push_back(0);
  EXPECT_FAIL(rcp_profile_from_blob(&p, longer.data(), longer.size()), RCP_E_BAD_PROFILE,
              ("rcp_profile_from_blob: wrong length: " + std::to_string(longer.size()) + " bytes, the header says " +
               std::to_string(good.size())).c_str());
  std::vector<unsigned char> bad = good;
  bad[0] = 'X';
  EXPECT_FAIL(rcp_profile_from_blob(&p, bad.data(), bad.size()), RCP_E_BAD_PROFILE,
              "rcp_profile_from_blob: bad magic bytes");
  bad = good;
  bad[4] = 2;
  EXPECT_FAIL(rcp_profile_from_blob(&p, bad.data(), bad.size()), RCP_E_BAD_PROFILE,
              "rcp_profile_from_blob: unsupported format version 2 (this build reads version 1)");
  bad = good;
  double level = 6;  // level of topic 0 ("finance") lives right after the two keys
  std::memcpy(bad.data() + 16 + 2 * 8, &level, 8);
  EXPECT_FAIL(rcp_profile_from_blob(&p, bad.data(), bad.size()), RCP_E_BAD_PROFILE,
              "rcp_profile_from_blob: level 6 for topic 'finance' is outside [0, 5]");
  EXPECT_EQ(p, nullptr);
}

// A valid blob of `n` topics named by 5 hex digits ("00000", "00001", ...).
std::vector<unsigned char> blob_of_n_topics(std::uint32_t n) {
  const std::uint32_t names = 5 * n;
  std::vector<unsigned char> b(16 + std::size_t{n} * 28 + names);
  std::memcpy(b.data(), "RcpP\x01\x00\x00\x00", 8);
  std::memcpy(b.data() + 8, &n, 4);
  std::memcpy(b.data() + 12, &names, 4);
  unsigned char* keys = b.data() + 16;
  unsigned char* levels = keys + 8 * std::size_t{n};
  unsigned char* wants = levels + 8 * std::size_t{n};
  unsigned char* ends = wants + 8 * std::size_t{n};
  unsigned char* text = ends + 4 * std::size_t{n};
  const double level = 1, want = 1;
  for (std::uint32_t i = 0; i < n; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "%05x", static_cast<unsigned>(i));
    std::uint64_t key = 0;
    for (int k = 0; k < 5; ++k) key |= std::uint64_t{static_cast<unsigned char>(name[k])} << (56 - 8 * k);
    std::uint32_t end = 5 * (i + 1);
    std::memcpy(keys + 8 * std::size_t{i}, &key, 8);
    std::memcpy(levels + 8 * std::size_t{i}, &level, 8);
    std::memcpy(wants + 8 * std::size_t{i}, &want, 8);
    std::memcpy(ends + 4 * std::size_t{i}, &end, 4);
    std::memcpy(text + 5 * std::size_t{i}, name, 5);
  }
  return b;
}

TEST(CApiErrors, TooManyTopics) {
  const std::uint32_t max = 1u << 20;
  std::vector<unsigned char> blob = blob_of_n_topics(max);
  rcp_profile* p = nullptr;
  ASSERT_EQ(rcp_profile_from_blob(&p, blob.data(), blob.size()), RCP_OK) << rcp_errmsg();
  Handle h(p);
  EXPECT_EQ(size_of(p), max);
  EXPECT_FAIL(rcp_profile_set(p, "one-more", 1, 1), RCP_E_TOO_LARGE,
              "rcp_profile_set: a profile holds at most 1048576 topics");
  EXPECT_FAIL(rcp_profile_merge(p, "one-more", 1, 1), RCP_E_TOO_LARGE,
              "rcp_profile_merge: a profile holds at most 1048576 topics");
  EXPECT_EQ(size_of(p), max);
  // one topic over the limit in the blob itself is a bad blob
  std::uint32_t over = max + 1;
  std::memcpy(blob.data() + 8, &over, 4);
  rcp_profile* q = nullptr;
  EXPECT_FAIL(rcp_profile_from_blob(&q, blob.data(), blob.size()), RCP_E_BAD_PROFILE,
              "rcp_profile_from_blob: topic count 1048577 is over the limit of 1048576");
}

TEST(CApiErrors, OutOfMemoryEverywhere) {
  Handle a = make(kA), b = make(kB);
  const std::string a_json = to_json(a.get());
  // For each call: make allocation k fail, for k = 0, 1, ... until the call
  // succeeds. Every failure must be RCP_E_NOMEM with its message, leave the
  // outputs cleared and the profile unchanged.
  auto each_failure = [](const char* fn, auto call) {
    int failures = 0;
    for (long k = 0; k < 10000; ++k) {
      rcp_status st = call(k);
      if (st == RCP_OK) break;
      ++failures;
      EXPECT_EQ(st, RCP_E_NOMEM) << fn << " k=" << k << ": " << rcp_errmsg();
      EXPECT_EQ(std::string(rcp_errmsg()), std::string(fn) + ": out of memory");
    }
    EXPECT_GT(failures, 0) << fn << " never allocated";
  };
  // Each call below arms the failure only around the API call itself.
  each_failure("rcp_profile_create", [](long k) {
    rcp_profile* p = reinterpret_cast<rcp_profile*>(&g_sentinel);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_create(&p);
    }
    if (st != RCP_OK) { EXPECT_EQ(p, nullptr); }
    rcp_profile_destroy(p);
    return st;
  });
  each_failure("rcp_profile_from_json", [](long k) {
    rcp_profile* p = reinterpret_cast<rcp_profile*>(&g_sentinel);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_from_json(&p, kA);
    }
    if (st != RCP_OK) { EXPECT_EQ(p, nullptr); }
    rcp_profile_destroy(p);
    return st;
  });
  const std::vector<unsigned char> blob = to_blob(a.get());
  each_failure("rcp_profile_from_blob", [&](long k) {
    rcp_profile* p = reinterpret_cast<rcp_profile*>(&g_sentinel);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_from_blob(&p, blob.data(), blob.size());
    }
    if (st != RCP_OK) { EXPECT_EQ(p, nullptr); }
    rcp_profile_destroy(p);
    return st;
  });
  each_failure("rcp_profile_set", [&](long k) {
    Handle c = make(kA);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_set(c.get(), "a-rather-long-topic-name-beyond-sso", 2, 1);
    }
    if (st != RCP_OK) { EXPECT_EQ(to_json(c.get()), a_json); }
    return st;
  });
  each_failure("rcp_profile_merge", [&](long k) {
    Handle c = make(kA);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_merge(c.get(), "python", 5, 1);
    }
    if (st != RCP_OK) { EXPECT_EQ(to_json(c.get()), a_json); }
    return st;
  });
  each_failure("rcp_profile_remove", [&](long k) {
    Handle c = make(kA);
    int removed = 7;
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_remove(c.get(), "a-rather-long-topic-name-beyond-sso", &removed);
    }
    EXPECT_EQ(removed, 0);
    if (st != RCP_OK) { EXPECT_EQ(to_json(c.get()), a_json); }
    return st;
  });
  each_failure("rcp_profile_remove", [&](long k) {
    Handle c = make(kA);
    int removed = 7;
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_remove(c.get(), "python", &removed);
    }
    if (st != RCP_OK) {
      EXPECT_EQ(to_json(c.get()), a_json);
      EXPECT_EQ(removed, 0);
    } else {
      EXPECT_EQ(removed, 1);
    }
    return st;
  });
  each_failure("rcp_profile_to_json", [&](long k) {
    char* s = reinterpret_cast<char*>(&g_sentinel);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_profile_to_json(a.get(), &s);
    }
    if (st != RCP_OK) { EXPECT_EQ(s, nullptr); }
    rcp_free(s);
    return st;
  });
  each_failure("rcp_explain_json", [&](long k) {
    char* s = reinterpret_cast<char*>(&g_sentinel);
    rcp_status st;
    {
      AllocFailAfter arm(k);
      st = rcp_explain_json(a.get(), b.get(), "mean", &s);
    }
    if (st != RCP_OK) { EXPECT_EQ(s, nullptr); }
    rcp_free(s);
    return st;
  });
  {
    // Top partners of a small organisation, on the calling thread only.
    Handle c = make(R"({"finance": {"level": 4}, "python": {"want": 1}, "a-long-topic-name-beyond-sso": {"level": 2}})");
    const rcp_profile* people[] = {a.get(), b.get(), c.get()};
    const int64_t ids[] = {10, 20, 30};
    const rcp_id_pair exclude[] = {{10, 30}};
    rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
    opts.threads = 1;
    opts.exclude = exclude;
    opts.exclude_count = 1;
    each_failure("rcp_top_partners", [&](long k) {
      rcp_top_partners_result* r = reinterpret_cast<rcp_top_partners_result*>(&g_sentinel);
      rcp_status st;
      {
        AllocFailAfter arm(k);
        st = rcp_top_partners(people, ids, 3, 2, &opts, &r);
      }
      if (st != RCP_OK) {
        EXPECT_EQ(r, nullptr);
      } else {
        size_t n = 0, count = 9;
        const int64_t* partners = nullptr;
        const double* scores = nullptr;
        EXPECT_EQ(rcp_top_partners_result_count(r, &n), RCP_OK);
        EXPECT_EQ(n, 3u);
        EXPECT_EQ(rcp_top_partners_result_get(r, 0, nullptr, &count, &partners, &scores), RCP_OK);
        EXPECT_EQ(count, 1u);  // 30 is excluded
        if (count == 1) {
          EXPECT_EQ(partners[0], 20);
        }
      }
      rcp_top_partners_result_destroy(r);
      return st;
    });
  }
  // Scoring allocates nothing: it succeeds even with every allocation failing.
  AllocFailAfter none_left(0);
  double d = -1;
  EXPECT_EQ(rcp_score(a.get(), b.get(), nullptr, &d), RCP_OK);
  EXPECT_EQ(rcp_score(a.get(), b.get(), "geometric", &d), RCP_OK);
  EXPECT_EQ(rcp_benefit(a.get(), b.get(), &d), RCP_OK);
  size_t n = 0;
  EXPECT_EQ(rcp_profile_size(a.get(), &n), RCP_OK);
}

// ------------------------------------------------------------------ threads

TEST(CApiThreads, ConcurrentScoringOfSharedProfiles) {
  // 40 profiles over 12 topics with assorted levels and wants.
  std::vector<Handle> profiles;
  const char* topics[] = {"python", "finance", "sql", "sales", "design", "go",
                          "rust",   "law",     "hr",  "ops",   "ml",     "writing"};
  for (int i = 0; i < 40; ++i) {
    rcp_profile* p = nullptr;
    ASSERT_EQ(rcp_profile_create(&p), RCP_OK);
    profiles.emplace_back(p);
    for (int t = 0; t < 12; ++t) {
      if ((i + t) % 3 == 0) continue;
      ASSERT_EQ(rcp_profile_set(p, topics[t], (i * 7 + t * 3) % 6, (i + 2 * t) % 4), RCP_OK) << rcp_errmsg();
    }
  }
  const char* modes[] = {nullptr, "geometric", "min", "mean", "uninorm"};
  std::vector<double> expect;
  for (auto& a : profiles)
    for (auto& b : profiles)
      for (const char* m : modes) expect.push_back(score(a.get(), b.get(), m));

  const int kThreads = 8;
  std::atomic<int> mismatches{0}, errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // each thread's own failure: its message must stay its own
      char mode[32];
      std::snprintf(mode, sizeof mode, "bad-%d", t);
      double d;
      if (rcp_score(profiles[0].get(), profiles[1].get(), mode, &d) != RCP_E_INVALID_ARGUMENT) ++errors;
      std::string mine = rcp_errmsg();
      for (int round = 0; round < 20; ++round) {
        std::size_t k = 0;
        for (auto& a : profiles)
          for (auto& b : profiles)
            for (const char* m : modes) {
              double s = -1;
              if (rcp_score(a.get(), b.get(), m, &s) != RCP_OK) ++errors;
              if (s != expect[k]) ++mismatches;
              ++k;
            }
        char* json = nullptr;
        if (rcp_explain_json(profiles[t].get(), profiles[t + 1].get(), nullptr, &json) != RCP_OK) ++errors;
        rcp_free(json);
      }
      if (mine != rcp_errmsg() || mine.find(mode) == std::string::npos) ++errors;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(errors.load(), 0);
}

// ------------------------------------------------- BLOBs of the SQLite extension

class SqliteBlobs : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_EQ(sqlite3_enable_load_extension(db_, 1), SQLITE_OK);
    char* err = nullptr;
    ASSERT_EQ(sqlite3_load_extension(db_, RCP_SQLITE_EXTENSION, nullptr, &err), SQLITE_OK) << (err ? err : "");
  }
  void TearDown() override { sqlite3_close(db_); }

  // Runs `sql` with optional blob parameters; returns the first column's bytes.
  std::vector<unsigned char> query(const std::string& sql, const std::vector<std::vector<unsigned char>>& blobs = {},
                                   int* type = nullptr) {
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(db_);
    for (std::size_t i = 0; i < blobs.size(); ++i)
      sqlite3_bind_blob(st, static_cast<int>(i + 1), blobs[i].data(), static_cast<int>(blobs[i].size()), SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(st), SQLITE_ROW) << sqlite3_errmsg(db_);
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(st, 0));
    std::vector<unsigned char> out(p, p + sqlite3_column_bytes(st, 0));
    if (type) *type = sqlite3_column_type(st, 0);
    sqlite3_finalize(st);
    return out;
  }
  std::string text(const std::string& sql, const std::vector<std::vector<unsigned char>>& blobs = {}) {
    auto v = query(sql, blobs);
    return std::string(v.begin(), v.end());
  }
  double real(const std::string& sql, const std::vector<std::vector<unsigned char>>& blobs = {}) {
    return std::stod(text(sql, blobs));
  }

  sqlite3* db_ = nullptr;
};

TEST_F(SqliteBlobs, ReadsBlobsWrittenBySql) {
  // The aggregate over rows, as an HR database would hold them.
  int type = 0;
  std::vector<unsigned char> a = query(
      "SELECT reciprocity_profile(column1, column2, column3) FROM (VALUES "
      "('Python', 4, 0), ('finance', 1, 3), ('python', 2, 0))", {}, &type);
  ASSERT_EQ(type, SQLITE_BLOB);
  std::vector<unsigned char> b = query(R"(SELECT reciprocity_profile_json('{"python": {"level": 1, "want": 2}, "finance": {"level": 5}}'))");

  rcp_profile *pa = nullptr, *pb = nullptr;
  ASSERT_EQ(rcp_profile_from_blob(&pa, a.data(), a.size()), RCP_OK) << rcp_errmsg();
  Handle ha(pa);
  ASSERT_EQ(rcp_profile_from_blob(&pb, b.data(), b.size()), RCP_OK) << rcp_errmsg();
  Handle hb(pb);

  // Same bytes as the C API builds for the same profile.
  Handle ca = make(kA), cb = make(kB);
  EXPECT_EQ(to_blob(ca.get()), a);
  EXPECT_EQ(to_blob(cb.get()), b);
  EXPECT_EQ(to_json(pa), text("SELECT reciprocity_profile_to_json(?)", {a}));

  // Same numbers and explanations as SQL, for every mode.
  for (const char* m : {"harmonic", "geometric", "min", "mean", "uninorm"}) {
    double s = -1;
    ASSERT_EQ(rcp_score(pa, pb, m, &s), RCP_OK);
    EXPECT_DOUBLE_EQ(s, real(std::string("SELECT printf('%.17g', reciprocity_score(?, ?, '") + m + "'))", {a, b})) << m;
    char* ex = nullptr;
    ASSERT_EQ(rcp_explain_json(pa, pb, m, &ex), RCP_OK);
    EXPECT_EQ(ex, text(std::string("SELECT reciprocity_explain(?, ?, '") + m + "')", {a, b}));
    rcp_free(ex);
  }
  double ben = -1;
  ASSERT_EQ(rcp_benefit(pa, pb, &ben), RCP_OK);
  EXPECT_DOUBLE_EQ(ben, real("SELECT printf('%.17g', reciprocity_benefit(?, ?))", {a, b}));
}

TEST_F(SqliteBlobs, SqlReadsBlobsWrittenByTheCApi) {
  Handle p = make(R"({"Coaching Kids' Football": {"level": 3, "want": 1}, "négociation": {"level": 2}})");
  std::vector<unsigned char> blob = to_blob(p.get());
  EXPECT_EQ(text("SELECT reciprocity_profile_to_json(?)", {blob}), to_json(p.get()));
  EXPECT_EQ(text("SELECT reciprocity_version()"), rcp_version());
}

// ------------------------------------------------------------- top partners

struct ResultDeleter {
  void operator()(rcp_top_partners_result* r) const { rcp_top_partners_result_destroy(r); }
};
using Result = std::unique_ptr<rcp_top_partners_result, ResultDeleter>;

// Partners of each person, (id, score) best first.
using Ranking = std::vector<std::vector<std::pair<int64_t, double>>>;

// A random organisation: skewed topic popularity, a topic nearly everyone
// knows, people without wants, ids neither dense nor sorted (some negative).
struct Org {
  std::vector<Handle> owned;
  std::vector<const rcp_profile*> profiles;
  std::vector<int64_t> ids;
};

Org random_org(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  const int kTopics = 14;
  Org org;
  for (std::size_t i = 0; i < n; ++i) {
    rcp_profile* p = nullptr;
    EXPECT_EQ(rcp_profile_create(&p), RCP_OK);
    org.owned.emplace_back(p);
    const bool wants_nothing = rng() % 10 == 0;
    EXPECT_EQ(rcp_profile_set(p, "common", static_cast<double>(rng() % 6), wants_nothing ? 0 : rng() % 2), RCP_OK);
    const int topics = 1 + static_cast<int>(rng() % 6);
    for (int t = 0; t < topics; ++t) {
      // topic j with probability ~ 1 / (j + 1)
      int j = static_cast<int>(std::pow(static_cast<double>(kTopics + 1), (rng() % 1000) / 1000.0)) - 1;
      char name[32];
      std::snprintf(name, sizeof name, "topic-%d", j);
      double level = (rng() % 11) / 2.0;
      double want = wants_nothing || rng() % 2 ? 0.0 : 1 + rng() % 3;
      EXPECT_EQ(rcp_profile_set(p, name, level, want), RCP_OK) << rcp_errmsg();
    }
    org.profiles.push_back(p);
    org.ids.push_back(static_cast<int64_t>((i * 7919) % (3 * n)) - static_cast<int64_t>(n));
  }
  return org;
}

// The reference: every pair through rcp_score, score descending then id
// ascending, 0 and excluded pairs skipped, the first k.
Ranking brute_force(const Org& org, std::size_t k, const char* mode, const std::vector<rcp_id_pair>& exclude = {}) {
  std::set<std::pair<int64_t, int64_t>> ex;
  for (const auto& p : exclude) {
    ex.insert({p.a, p.b});
    ex.insert({p.b, p.a});
  }
  Ranking out(org.ids.size());
  for (std::size_t i = 0; i < org.ids.size(); ++i) {
    std::vector<std::pair<int64_t, double>> all;
    for (std::size_t j = 0; j < org.ids.size(); ++j) {
      if (i == j || ex.count({org.ids[i], org.ids[j]})) continue;
      double s = score(org.profiles[i], org.profiles[j], mode);
      if (s > 0) all.emplace_back(org.ids[j], s);
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (all.size() > k) all.resize(k);
    out[i] = all;
  }
  return out;
}

Ranking ranking_of(const rcp_top_partners_result* r) {
  size_t n = 0;
  EXPECT_EQ(rcp_top_partners_result_count(r, &n), RCP_OK);
  Ranking out(n);
  for (size_t i = 0; i < n; ++i) {
    size_t count = 99;
    const int64_t* partners = nullptr;
    const double* scores = nullptr;
    EXPECT_EQ(rcp_top_partners_result_get(r, i, nullptr, &count, &partners, &scores), RCP_OK) << rcp_errmsg();
    for (size_t j = 0; j < count; ++j) out[i].emplace_back(partners[j], scores[j]);
  }
  return out;
}

Ranking top_partners(const Org& org, std::size_t k, const rcp_top_partners_options* opts) {
  rcp_top_partners_result* r = nullptr;
  EXPECT_EQ(rcp_top_partners(org.profiles.data(), org.ids.data(), org.ids.size(), k, opts, &r), RCP_OK) << rcp_errmsg();
  Result owned(r);
  return r ? ranking_of(r) : Ranking();
}

TEST(CApiTopPartners, EqualsAllPairsInEveryModeAndThreadCount) {
  Org org = random_org(300, 7);
  std::size_t nonempty = 0, full = 0;
  for (const char* mode : {(const char*)nullptr, "harmonic", "geometric", "min", "mean", "uninorm"}) {
    Ranking expect = brute_force(org, 5, mode);
    for (unsigned threads : {1u, 2u, 0u}) {
      rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
      opts.mode = mode;
      opts.threads = threads;
      Ranking got = top_partners(org, 5, &opts);
      ASSERT_EQ(got.size(), org.ids.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i], expect[i]) << "person " << org.ids[i] << " mode " << (mode ? mode : "NULL") << " threads "
                                     << threads;
      }
    }
    for (const auto& r : expect) {
      nonempty += !r.empty();
      full += r.size() == 5;
    }
  }
  // The organisation is not trivial: most people have partners, many have 5.
  EXPECT_GT(nonempty, 6 * 300 * 8 / 10);
  EXPECT_GT(full, 6 * 300 / 2);
  // NULL options are the defaults.
  EXPECT_EQ(top_partners(org, 3, nullptr), brute_force(org, 3, "harmonic"));
}

TEST(CApiTopPartners, ResultAccessors) {
  Handle a = make(kA), b = make(kB), c = make(R"({"cooking": {"level": 2}})");
  const rcp_profile* people[] = {a.get(), b.get(), c.get()};
  const int64_t ids[] = {42, -7, 5};
  rcp_top_partners_result* r = nullptr;
  ASSERT_EQ(rcp_top_partners(people, ids, 3, 10, nullptr, &r), RCP_OK) << rcp_errmsg();
  Result owned(r);
  size_t n = 0;
  ASSERT_EQ(rcp_top_partners_result_count(r, &n), RCP_OK);
  EXPECT_EQ(n, 3u);
  int64_t id = 0;
  size_t count = 0;
  const int64_t* partners = nullptr;
  const double* scores = nullptr;
  ASSERT_EQ(rcp_top_partners_result_get(r, 0, &id, &count, &partners, &scores), RCP_OK);
  EXPECT_EQ(id, 42);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(partners[0], -7);
  EXPECT_EQ(scores[0], score(a.get(), b.get()));
  ASSERT_EQ(rcp_top_partners_result_get(r, 1, &id, &count, &partners, &scores), RCP_OK);
  EXPECT_EQ(id, -7);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(partners[0], 42);
  // Nobody gains anything with 5: no partners, NULL arrays.
  ASSERT_EQ(rcp_top_partners_result_get(r, 2, &id, &count, &partners, &scores), RCP_OK);
  EXPECT_EQ(id, 5);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(partners, nullptr);
  EXPECT_EQ(scores, nullptr);
  uint64_t met = 99, scored = 99;
  ASSERT_EQ(rcp_top_partners_result_stats(r, &met, &scored), RCP_OK);
  // Both sides of the one real pair were scored; at most every ordered pair.
  EXPECT_GE(scored, 2u);
  EXPECT_LE(scored, 6u);
  EXPECT_GE(met, scored);
  EXPECT_EQ(rcp_top_partners_result_stats(r, nullptr, nullptr), RCP_OK);

  // Errors of the accessors, outputs cleared.
  id = 1;
  count = 1;
  partners = ids;
  scores = reinterpret_cast<const double*>(&n);
  EXPECT_FAIL(rcp_top_partners_result_get(r, 3, &id, &count, &partners, &scores), RCP_E_INVALID_ARGUMENT,
              "rcp_top_partners_result_get: index 3 is out of range (the result has 3 people)");
  EXPECT_EQ(id, 0);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(partners, nullptr);
  EXPECT_EQ(scores, nullptr);
  EXPECT_FAIL(rcp_top_partners_result_get(nullptr, 0, &id, &count, &partners, &scores), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_get: result must not be NULL");
  EXPECT_FAIL(rcp_top_partners_result_get(r, 0, &id, nullptr, &partners, &scores), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_get: out_count must not be NULL");
  EXPECT_FAIL(rcp_top_partners_result_get(r, 0, &id, &count, nullptr, &scores), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_get: out_partners must not be NULL");
  EXPECT_FAIL(rcp_top_partners_result_get(r, 0, &id, &count, &partners, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_get: out_scores must not be NULL");
  n = 5;
  EXPECT_FAIL(rcp_top_partners_result_count(nullptr, &n), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_count: result must not be NULL");
  EXPECT_EQ(n, 0u);
  EXPECT_FAIL(rcp_top_partners_result_count(r, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_count: out_people must not be NULL");
  met = scored = 5;
  EXPECT_FAIL(rcp_top_partners_result_stats(nullptr, &met, &scored), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners_result_stats: result must not be NULL");
  EXPECT_EQ(met, 0u);
  EXPECT_EQ(scored, 0u);
  rcp_top_partners_result_destroy(nullptr);  // no-op
}

TEST(CApiTopPartners, EmptyPopulation) {
  rcp_top_partners_result* r = nullptr;
  ASSERT_EQ(rcp_top_partners(nullptr, nullptr, 0, 3, nullptr, &r), RCP_OK) << rcp_errmsg();
  Result owned(r);
  size_t n = 9;
  ASSERT_EQ(rcp_top_partners_result_count(r, &n), RCP_OK);
  EXPECT_EQ(n, 0u);
}

TEST(CApiTopPartners, ExclusionsEitherWayRound) {
  Org org = random_org(250, 11);
  std::vector<rcp_id_pair> exclude;
  // Each person's current best partner, one way round or the other, plus ids
  // that are not in the population and pairs (x, x): those are ignored.
  Ranking plain = brute_force(org, 3, nullptr);
  for (std::size_t i = 0; i < org.ids.size(); i += 2) {
    if (plain[i].empty()) continue;
    if (i % 4 == 0) exclude.push_back({org.ids[i], plain[i][0].first});
    else exclude.push_back({plain[i][0].first, org.ids[i]});
  }
  exclude.push_back({1000000, org.ids[0]});
  exclude.push_back({org.ids[1], org.ids[1]});
  rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  opts.exclude = exclude.data();
  opts.exclude_count = exclude.size();
  opts.threads = 2;
  Ranking got = top_partners(org, 3, &opts);
  Ranking expect = brute_force(org, 3, nullptr, exclude);
  EXPECT_EQ(got, expect);
  EXPECT_NE(got, plain);
  // No excluded pair is proposed.
  for (std::size_t i = 0; i < got.size(); ++i)
    for (const auto& [partner, s] : got[i])
      for (const auto& e : exclude)
        EXPECT_FALSE((e.a == org.ids[i] && e.b == partner) || (e.b == org.ids[i] && e.a == partner));
}

struct ProgressLog {
  std::thread::id caller;
  std::vector<std::pair<size_t, size_t>> calls;
  bool other_thread = false;
  std::size_t cancel_at_call = SIZE_MAX;  // return 0 on this call (0-based)
  bool cancel_at_end = false;             // return 0 when done == total
  bool throw_at_first = false;
};

int log_progress(void* user, size_t done, size_t total) {
  auto* log = static_cast<ProgressLog*>(user);
  if (std::this_thread::get_id() != log->caller) log->other_thread = true;
  log->calls.emplace_back(done, total);
  if (log->throw_at_first) throw std::runtime_error("boom");
  if (log->calls.size() - 1 == log->cancel_at_call) return 0;
  if (log->cancel_at_end && done == total) return 0;
  return 1;
}

TEST(CApiTopPartners, ProgressIsReportedOnTheCallingThread) {
  Org org = random_org(400, 3);
  ProgressLog log;
  log.caller = std::this_thread::get_id();
  rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  opts.threads = 2;
  opts.progress = log_progress;
  opts.progress_user = &log;
  Ranking got = top_partners(org, 4, &opts);
  EXPECT_EQ(got, brute_force(org, 4, nullptr));
  ASSERT_GE(log.calls.size(), 2u);
  EXPECT_EQ(log.calls.front(), std::make_pair(size_t{0}, size_t{400}));
  EXPECT_EQ(log.calls.back(), std::make_pair(size_t{400}, size_t{400}));
  for (std::size_t i = 1; i < log.calls.size(); ++i) {
    EXPECT_LE(log.calls[i - 1].first, log.calls[i].first);
    EXPECT_EQ(log.calls[i].second, 400u);
  }
  EXPECT_FALSE(log.other_thread);
}

TEST(CApiTopPartners, ProgressReturningZeroCancels) {
  Org org = random_org(200, 5);
  for (int when = 0; when < 3; ++when) {
    ProgressLog log;
    log.caller = std::this_thread::get_id();
    if (when == 0) log.cancel_at_call = 0;  // right after the index is built
    if (when == 1) log.cancel_at_end = true;  // at the very end: still cancelled
    if (when == 2) log.throw_at_first = true;  // a C++ callback that throws
    rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
    opts.progress = log_progress;
    opts.progress_user = &log;
    rcp_top_partners_result* r = reinterpret_cast<rcp_top_partners_result*>(&g_sentinel);
    EXPECT_FAIL(rcp_top_partners(org.profiles.data(), org.ids.data(), org.ids.size(), 3, &opts, &r), RCP_E_CANCELLED,
                when == 2 ? "rcp_top_partners: cancelled: the progress callback threw an exception: boom"
                          : "rcp_top_partners: cancelled by the progress callback");
    EXPECT_EQ(r, nullptr);
    if (when != 1) {
      EXPECT_EQ(log.calls.size(), 1u);  // not called again once cancelled
    }
  }
}

TEST(CApiTopPartners, Errors) {
  Handle a = make(kA), b = make(kB);
  const rcp_profile* people[] = {a.get(), b.get()};
  const rcp_profile* with_null[] = {a.get(), nullptr};
  const int64_t ids[] = {1, 2}, same[] = {3, 3};
  rcp_top_partners_result* r = reinterpret_cast<rcp_top_partners_result*>(&g_sentinel);
  rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  const std::string modes = " (valid modes: harmonic, geometric, min, mean, uninorm)";

  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, nullptr, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners: out must not be NULL");
  EXPECT_FAIL(rcp_top_partners(nullptr, ids, 2, 1, nullptr, &r), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners: profiles must not be NULL");
  EXPECT_EQ(r, nullptr);
  EXPECT_FAIL(rcp_top_partners(people, nullptr, 2, 1, nullptr, &r), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners: ids must not be NULL");
  EXPECT_FAIL(rcp_top_partners(with_null, ids, 2, 1, nullptr, &r), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners: profiles[1] must not be NULL");
  r = reinterpret_cast<rcp_top_partners_result*>(&g_sentinel);
  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 0, nullptr, &r), RCP_E_INVALID_ARGUMENT,
              "rcp_top_partners: k must be a positive integer");
  EXPECT_EQ(r, nullptr);
  EXPECT_FAIL(rcp_top_partners(people, same, 2, 1, nullptr, &r), RCP_E_INVALID_ARGUMENT,
              "rcp_top_partners: duplicate id 3");

  opts.mode = "fast";
  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_E_INVALID_ARGUMENT,
              ("rcp_top_partners: unknown mode 'fast'" + modes).c_str());
  opts.mode = " MIN ";
  EXPECT_EQ(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_OK);
  rcp_top_partners_result_destroy(r);

  opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  opts.threads = 1025;
  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_E_INVALID_ARGUMENT,
              "rcp_top_partners: opts->threads must be from 0 to 1024 (0: one per core), not 1025");
  opts.threads = 1024;
  EXPECT_EQ(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_OK);
  rcp_top_partners_result_destroy(r);

  opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  opts.exclude_count = 2;
  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_E_NULL_ARGUMENT,
              "rcp_top_partners: opts->exclude must not be NULL when opts->exclude_count is 2");

  // struct_size: too small (an uninitialised or older-than-1.1 struct) ...
  const std::size_t full = sizeof(rcp_top_partners_options);
  for (std::size_t size : {std::size_t{0}, sizeof(size_t), full - 1}) {
    opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
    opts.struct_size = size;
    EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, &opts, &r), RCP_E_INVALID_ARGUMENT,
                ("rcp_top_partners: opts->struct_size is " + std::to_string(size) + ", expected at least " +
                 std::to_string(full) + " (initialise the options with RCP_TOP_PARTNERS_OPTIONS_INIT)").c_str());
  }
  // ... and larger, from a newer header: fine while the fields we do not know
  // are 0, an error once one is set.
  struct Newer {
    rcp_top_partners_options base;
    double future_option;
  } newer;
  std::memset(&newer, 0, sizeof newer);
  newer.base = RCP_TOP_PARTNERS_OPTIONS_INIT;
  newer.base.struct_size = sizeof newer;
  newer.base.mode = "mean";
  ASSERT_EQ(rcp_top_partners(people, ids, 2, 1, &newer.base, &r), RCP_OK) << rcp_errmsg();
  rcp_top_partners_result_destroy(r);
  newer.future_option = 0.5;
  EXPECT_FAIL(rcp_top_partners(people, ids, 2, 1, &newer.base, &r), RCP_E_INVALID_ARGUMENT,
              ("rcp_top_partners: opts->struct_size is " + std::to_string(sizeof newer) + ", larger than this library's " +
               std::to_string(full) + ", and options this library does not know are set (the program needs a newer " +
               "libreciprocity than " + RCP_VERSION_STRING + ")").c_str());
  EXPECT_EQ(r, nullptr);
}

}  // namespace
