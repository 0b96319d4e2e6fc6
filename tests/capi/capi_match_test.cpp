// GoogleTest of the C API's cohort matching (rcp_match, rcp_match_audit and
// the result accessors), through the shared library: results equal the
// core's rcp::match / rcp::audit on random instances of every objective, with
// mentors and pinned pairs; every error path with its exact message;
// struct_size handling; NULL arguments. The core is linked statically as the
// oracle (its symbols are hidden in the library, so the two copies never mix).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/match.hpp"
#include "reciprocity.h"

// ------------------------------------------------------- allocation failures
// The library's operator new resolves to these replacements (the executable
// exports them), so a test can make the n-th allocation from now fail.
#include "alloc_failure.hpp"

namespace {

int g_sentinel;  // its address: a non-NULL value that failing calls must reset

#define EXPECT_FAIL(call, status, message) \
  do {                                     \
    EXPECT_EQ((call), (status));           \
    EXPECT_STREQ(rcp_errmsg(), (message)); \
  } while (0)

struct ResultDeleter {
  void operator()(rcp_match_result* r) const { rcp_match_result_destroy(r); }
};
using Result = std::unique_ptr<rcp_match_result, ResultDeleter>;

// Everything a result says, read through the accessors.
struct Read {
  std::vector<rcp::MatchPair> pairs;
  rcp_match_audit_info info;
  std::string explanation;
  std::vector<std::pair<std::int64_t, std::int64_t>> blocking;
};

Read read(const rcp_match_result* r) {
  Read out;
  size_t n = 99;
  EXPECT_EQ(rcp_match_result_count(r, &n), RCP_OK);
  for (size_t i = 0; i < n; ++i) {
    rcp::MatchPair p;
    EXPECT_EQ(rcp_match_result_get(r, i, &p.a, &p.b, &p.score), RCP_OK) << rcp_errmsg();
    out.pairs.push_back(p);
  }
  out.info = rcp_match_audit_info RCP_MATCH_AUDIT_INFO_INIT;
  EXPECT_EQ(rcp_match_result_audit(r, &out.info), RCP_OK) << rcp_errmsg();
  EXPECT_NE(out.info.explanation, nullptr);
  if (out.info.explanation) out.explanation = out.info.explanation;
  for (size_t j = 0; j < out.info.blocking_pairs; ++j) {
    int64_t a = 0, b = 0;
    EXPECT_EQ(rcp_match_result_blocking(r, j, &a, &b), RCP_OK) << rcp_errmsg();
    out.blocking.emplace_back(a, b);
  }
  return out;
}

void expect_same(const Read& c, const std::vector<rcp::MatchPair>& pairs, const rcp::MatchAudit& a) {
  ASSERT_EQ(c.pairs.size(), pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(c.pairs[i].a, pairs[i].a);
    EXPECT_EQ(c.pairs[i].b, pairs[i].b);
    EXPECT_EQ(c.pairs[i].score, pairs[i].score);  // bit for bit
  }
  EXPECT_EQ(c.info.people, a.people);
  EXPECT_EQ(c.info.pairs, a.pairs);
  EXPECT_EQ(c.info.total, a.total);
  EXPECT_EQ(c.info.weakest_score, a.weakest_score);
  EXPECT_EQ(c.info.has_worst_off, a.has_worst_off ? 1 : 0);
  if (a.has_worst_off) {
    EXPECT_EQ(c.info.worst_off, a.worst_off);
    EXPECT_EQ(c.info.worst_off_score, a.worst_off_score);
  }
  EXPECT_EQ(c.info.unmatched, a.unmatched);
  EXPECT_EQ(c.info.blocking_pairs, a.blocking.size());
  EXPECT_EQ(c.blocking, a.blocking);
  EXPECT_EQ(c.info.stable, a.stable ? 1 : 0);
  EXPECT_EQ(c.explanation, a.explanation);
}

// A random instance: n people with ids spread over int64, a random subset of
// the pairs as candidates (some rows reversed), scores on a coarse grid so
// that ties happen, gains when asked.
struct Instance {
  std::vector<rcp_candidate> c;
  std::vector<rcp_mentor> mentors;
  std::vector<rcp_id_pair> pinned;
  rcp::MatchInput in;
};

Instance random_instance(std::mt19937_64& rng, int n, bool gains, bool mentors, bool pinned) {
  Instance x;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < n; ++i) ids.push_back(static_cast<std::int64_t>(rng() % 2000) * 1000003 - 1000000000 + i);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<bool> is_mentor(n, false);
  if (mentors) {
    for (int i = 0; i < n; ++i) is_mentor[i] = u(rng) < 0.35;
    is_mentor[0] = true;
    for (int i = 0; i < n; ++i) {
      if (is_mentor[i]) x.mentors.push_back({ids[i], static_cast<std::int64_t>(1 + rng() % 3)});
    }
  }
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (mentors && is_mentor[i] == is_mentor[j]) continue;
      if (u(rng) < 0.4) continue;
      rcp_candidate c;
      c.a = ids[i];
      c.b = ids[j];
      c.score = std::round(u(rng) * 8) / 8;
      c.a_gain = gains ? std::round(u(rng) * 4) / 4 : 0.0;
      c.b_gain = gains ? std::round(u(rng) * 4) / 4 : 0.0;
      if (rng() % 2) {
        std::swap(c.a, c.b);
        std::swap(c.a_gain, c.b_gain);
      }
      x.c.push_back(c);
    }
  }
  if (pinned && !x.c.empty()) {
    const rcp_candidate& c = x.c[rng() % x.c.size()];
    x.pinned.push_back({c.b, c.a});
  }
  x.in.gains = gains;
  for (const rcp_candidate& c : x.c) x.in.candidates.push_back({c.a, c.b, c.score, c.a_gain, c.b_gain});
  x.in.capacitated = mentors;
  for (const rcp_mentor& m : x.mentors) x.in.mentors.push_back({m.id, m.capacity});
  for (const rcp_id_pair& p : x.pinned) x.in.pinned.emplace_back(p.a, p.b);
  return x;
}

rcp_match_options options_of(const Instance& x, const char* objective) {
  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  o.objective = objective;
  o.gains = x.in.gains ? 1 : 0;
  if (x.in.capacitated) {
    o.mentors = x.mentors.data();
    o.mentor_count = x.mentors.size();
  }
  o.pinned = x.pinned.empty() ? nullptr : x.pinned.data();
  o.pinned_count = x.pinned.size();
  return o;
}

TEST(CApiMatch, EqualsTheCoreOnRandomInstancesOfEveryObjective) {
  std::mt19937_64 rng(20261126);
  int formed = 0;
  for (const char* objective : {"total", "fair", "stable"}) {
    for (int round = 0; round < 300; ++round) {
      const int n = 1 + static_cast<int>(rng() % 14);
      const bool gains = round % 2 == 1, pinned = round % 3 == 2;
      const bool mentors = std::string(objective) == "total" && round % 4 == 3;
      Instance x = random_instance(rng, n, gains, mentors, pinned);
      x.in.objective = objective;
      rcp_match_options o = options_of(x, objective);
      rcp_match_result* r = nullptr;
      rcp::MatchResult want;
      std::string core_error;
      try {
        want = rcp::match(x.in);
      } catch (const rcp::Error& e) {
        core_error = e.what();
      }
      rcp_status st = rcp_match(x.c.data(), x.c.size(), &o, &r);
      Result hold(r);
      if (!core_error.empty()) {  // e.g. a pinned mentee of a full mentor: the same error
        EXPECT_EQ(st, RCP_E_INVALID_ARGUMENT);
        EXPECT_EQ(std::string(rcp_errmsg()), "rcp_match: " + core_error);
        continue;
      }
      ASSERT_EQ(st, RCP_OK) << rcp_errmsg();
      SCOPED_TRACE(std::string(objective) + " round " + std::to_string(round));
      expect_same(read(r), want.pairs, want.audit);
      formed += static_cast<int>(want.pairs.size());

      // The audit of the same pairs through rcp_match_audit, in another order
      // and orientation, gives the same audit and pairs.
      std::vector<rcp_id_pair> m;
      for (auto it = want.pairs.rbegin(); it != want.pairs.rend(); ++it) m.push_back({it->b, it->a});
      rcp_match_result* ar = nullptr;
      ASSERT_EQ(rcp_match_audit(x.c.data(), x.c.size(), &o, m.empty() ? nullptr : m.data(), m.size(), &ar), RCP_OK)
          << rcp_errmsg();
      Result hold_a(ar);
      std::vector<std::pair<std::int64_t, std::int64_t>> mp;
      for (const auto& p : want.pairs) mp.emplace_back(p.a, p.b);
      rcp::MatchAudit wa = rcp::audit(x.in, mp);
      expect_same(read(ar), want.pairs, wa);
    }
  }
  EXPECT_GT(formed, 1000);
}

TEST(CApiMatch, AuditOfAnyMatchingEqualsTheCore) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    const bool mentors = round % 3 == 0;
    Instance x = random_instance(rng, 2 + static_cast<int>(rng() % 11), round % 2 == 0, mentors, false);
    // A random valid matching: greedy over the candidates in a shuffled order.
    std::vector<rcp_candidate> order = x.c;
    std::shuffle(order.begin(), order.end(), rng);
    std::map<std::int64_t, std::int64_t> room;  // places left
    for (const rcp_mentor& mm : x.mentors) room[mm.id] = mm.capacity;
    auto places = [&](std::int64_t id) -> std::int64_t& {
      auto it = room.find(id);
      if (it == room.end()) it = room.emplace(id, 1).first;
      return it->second;
    };
    std::vector<rcp_id_pair> m;
    std::vector<std::pair<std::int64_t, std::int64_t>> mp;
    for (const rcp_candidate& c : order) {
      if (rng() % 3 == 0 || places(c.a) == 0 || places(c.b) == 0) continue;
      --places(c.a);
      --places(c.b);
      m.push_back({c.a, c.b});
      mp.emplace_back(c.a, c.b);
    }
    rcp_match_options o = options_of(x, nullptr);
    rcp_match_result* r = nullptr;
    ASSERT_EQ(rcp_match_audit(x.c.data(), x.c.size(), &o, m.empty() ? nullptr : m.data(), m.size(), &r), RCP_OK)
        << rcp_errmsg();
    Result hold(r);
    rcp::MatchAudit want = rcp::audit(x.in, mp);
    Read got = read(r);
    // The pairs: the matching, canonical orientation, sorted, with scores.
    std::vector<rcp::MatchPair> pairs;
    for (const rcp_id_pair& p : m) {
      for (const rcp_candidate& c : x.c) {
        if ((c.a == p.a && c.b == p.b) || (c.a == p.b && c.b == p.a)) {
          rcp::MatchPair q{std::min(c.a, c.b), std::max(c.a, c.b), c.score};
          bool b_mentor = false;
          for (const rcp_mentor& mm : x.mentors) b_mentor |= mm.id == q.b;
          if (mentors && b_mentor) std::swap(q.a, q.b);
          pairs.push_back(q);
          break;
        }
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& u, const auto& v) { return u.a != v.a ? u.a < v.a : u.b < v.b; });
    expect_same(got, pairs, want);
  }
}

TEST(CApiMatch, SmallExampleEveryObjective) {
  // 1-2 strong, 3-4 strong, 2-3 the strongest: total takes 1-2 and 3-4
  // (0.9 + 0.8 > 1.0), fair the same.
  const rcp_candidate c[] = {{1, 2, 0.9, 0, 0}, {2, 3, 1.0, 0, 0}, {3, 4, 0.8, 0, 0}};
  for (const char* objective : {static_cast<const char*>(nullptr), "total", "fair"}) {
    rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
    o.objective = objective;
    rcp_match_result* r = nullptr;
    ASSERT_EQ(rcp_match(c, 3, &o, &r), RCP_OK) << rcp_errmsg();
    Result hold(r);
    Read got = read(r);
    ASSERT_EQ(got.pairs.size(), 2u);
    EXPECT_EQ(got.pairs[0].a, 1);
    EXPECT_EQ(got.pairs[0].b, 2);
    EXPECT_EQ(got.pairs[1].a, 3);
    EXPECT_EQ(got.pairs[1].b, 4);
    EXPECT_DOUBLE_EQ(got.info.total, 1.7);
    EXPECT_EQ(got.info.weakest_score, 0.8);
    EXPECT_EQ(got.info.unmatched, 0u);
    EXPECT_EQ(got.info.stable, 0);  // 2 and 3 would rather be together
    ASSERT_EQ(got.blocking.size(), 1u);
    EXPECT_EQ(got.blocking[0], std::make_pair(std::int64_t{2}, std::int64_t{3}));
    EXPECT_NE(got.explanation, "");
  }
  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  o.objective = "stable";
  rcp_match_result* r = nullptr;
  ASSERT_EQ(rcp_match(c, 3, &o, &r), RCP_OK) << rcp_errmsg();
  Result hold(r);
  Read got = read(r);
  ASSERT_EQ(got.pairs.size(), 1u);
  EXPECT_EQ(got.pairs[0].a, 2);
  EXPECT_EQ(got.pairs[0].b, 3);
  EXPECT_EQ(got.info.stable, 1);
  EXPECT_EQ(got.explanation, "");
  EXPECT_EQ(got.info.unmatched, 2u);
  EXPECT_EQ(got.info.has_worst_off, 1);
  EXPECT_EQ(got.info.worst_off, 1);
  EXPECT_EQ(got.info.worst_off_score, 0.0);
}

TEST(CApiMatch, MentorsAndPinned) {
  // Mentor 1 (capacity 2) and mentor 2 (capacity 1); mentees 10, 11, 12.
  const rcp_candidate c[] = {{1, 10, 0.9, 0, 0}, {11, 1, 0.8, 0, 0}, {1, 12, 0.7, 0, 0}, {2, 12, 0.5, 0, 0},
                             {2, 10, 0.6, 0, 0}};
  const rcp_mentor mentors[] = {{1, 2}, {2, 1}};
  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  o.mentors = mentors;
  o.mentor_count = 2;
  rcp_match_result* r = nullptr;
  ASSERT_EQ(rcp_match(c, 5, &o, &r), RCP_OK) << rcp_errmsg();
  Read got = read(r);
  rcp_match_result_destroy(r);
  // 1-10 + 1-11 + 2-12 = 2.2 beats 1-10 + 1-12 + ... and 2-10 + 1-11 + 1-12 = 2.1
  ASSERT_EQ(got.pairs.size(), 3u);
  EXPECT_EQ(got.pairs[0].a, 1);
  EXPECT_EQ(got.pairs[0].b, 10);
  EXPECT_EQ(got.pairs[1].a, 1);
  EXPECT_EQ(got.pairs[1].b, 11);
  EXPECT_EQ(got.pairs[2].a, 2);
  EXPECT_EQ(got.pairs[2].b, 12);
  EXPECT_DOUBLE_EQ(got.info.total, 2.2);

  const rcp_id_pair pinned[] = {{10, 2}};
  o.pinned = pinned;
  o.pinned_count = 1;
  ASSERT_EQ(rcp_match(c, 5, &o, &r), RCP_OK) << rcp_errmsg();
  got = read(r);
  rcp_match_result_destroy(r);
  ASSERT_EQ(got.pairs.size(), 3u);
  EXPECT_EQ(got.pairs[0].a, 1);
  EXPECT_EQ(got.pairs[0].b, 11);
  EXPECT_EQ(got.pairs[1].a, 1);
  EXPECT_EQ(got.pairs[1].b, 12);
  EXPECT_EQ(got.pairs[2].a, 2);
  EXPECT_EQ(got.pairs[2].b, 10);
  EXPECT_DOUBLE_EQ(got.info.total, 2.1);
}

TEST(CApiMatch, GainsAreReadOnlyWhenTheFlagIsSet) {
  // By score, 1 prefers 2; by its own gain, 1 prefers 3.
  const double nan = std::nan("");
  rcp_candidate c[] = {{1, 2, 0.9, 0.1, 0.9}, {1, 3, 0.5, 0.8, 0.8}};
  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  o.objective = "stable";
  rcp_match_result* r = nullptr;
  ASSERT_EQ(rcp_match(c, 2, &o, &r), RCP_OK) << rcp_errmsg();
  Read got = read(r);
  rcp_match_result_destroy(r);
  ASSERT_EQ(got.pairs.size(), 1u);
  EXPECT_EQ(got.pairs[0].b, 2);
  o.gains = 1;
  ASSERT_EQ(rcp_match(c, 2, &o, &r), RCP_OK) << rcp_errmsg();
  got = read(r);
  rcp_match_result_destroy(r);
  ASSERT_EQ(got.pairs.size(), 1u);
  EXPECT_EQ(got.pairs[0].b, 3);
  // Without the flag, the gains are not even looked at.
  c[0].a_gain = nan;
  o.gains = 0;
  EXPECT_EQ(rcp_match(c, 2, &o, &r), RCP_OK) << rcp_errmsg();
  rcp_match_result_destroy(r);
  o.gains = 1;
  EXPECT_FAIL(rcp_match(c, 2, &o, &r), RCP_E_INVALID_ARGUMENT,
              "rcp_match: candidate pair (1, 2) has a_gain NaN; gains must be finite numbers >= 0");
}

TEST(CApiMatch, EmptyCohort) {
  rcp_match_result* r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
  ASSERT_EQ(rcp_match(nullptr, 0, nullptr, &r), RCP_OK) << rcp_errmsg();
  Read got = read(r);
  rcp_match_result_destroy(r);
  EXPECT_TRUE(got.pairs.empty());
  EXPECT_EQ(got.info.people, 0u);
  EXPECT_EQ(got.info.has_worst_off, 0);
  EXPECT_EQ(got.info.worst_off, 0);
  EXPECT_EQ(got.info.stable, 1);
  ASSERT_EQ(rcp_match_audit(nullptr, 0, nullptr, nullptr, 0, &r), RCP_OK) << rcp_errmsg();
  rcp_match_result_destroy(r);
  rcp_match_result_destroy(nullptr);
}

TEST(CApiMatch, AccessorErrors) {
  const rcp_candidate c[] = {{1, 2, 0.5, 0, 0}, {2, 3, 0.75, 0, 0}, {3, 4, 0.5, 0, 0}};
  rcp_match_result* r = nullptr;
  ASSERT_EQ(rcp_match(c, 3, nullptr, &r), RCP_OK) << rcp_errmsg();
  Result hold(r);
  size_t n = 7;
  int64_t a = 5, b = 6;
  double s = 1.0;
  EXPECT_FAIL(rcp_match_result_count(nullptr, &n), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_count: result must not be NULL");
  EXPECT_EQ(n, 0u);
  EXPECT_FAIL(rcp_match_result_count(r, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_count: out_count must not be NULL");
  EXPECT_FAIL(rcp_match_result_get(nullptr, 0, &a, &b, &s), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_get: result must not be NULL");
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 0);
  EXPECT_TRUE(std::isnan(s));
  a = 5, b = 6, s = 1.0;
  EXPECT_FAIL(rcp_match_result_get(r, 2, &a, &b, &s), RCP_E_INVALID_ARGUMENT,
              "rcp_match_result_get: index 2 is out of range (the result has 2 pairs)");
  EXPECT_EQ(a, 0);
  EXPECT_TRUE(std::isnan(s));
  EXPECT_EQ(rcp_match_result_get(r, 1, nullptr, &b, nullptr), RCP_OK);  // any output may be NULL
  EXPECT_EQ(b, 4);

  rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
  EXPECT_FAIL(rcp_match_result_audit(nullptr, &info), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_audit: result must not be NULL");
  EXPECT_FAIL(rcp_match_result_audit(r, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_audit: out must not be NULL");
  const std::size_t full = sizeof(rcp_match_audit_info);
  for (std::size_t size : {std::size_t{0}, sizeof(size_t), full - 1}) {
    info = rcp_match_audit_info RCP_MATCH_AUDIT_INFO_INIT;
    info.struct_size = size;
    EXPECT_FAIL(rcp_match_result_audit(r, &info), RCP_E_INVALID_ARGUMENT,
                ("rcp_match_result_audit: out->struct_size is " + std::to_string(size) + ", expected at least " +
                 std::to_string(full) + " (initialise it with RCP_MATCH_AUDIT_INFO_INIT)").c_str());
  }
  // A larger struct (a newer header): the fields this library knows are
  // written, the rest left alone.
  struct Newer {
    rcp_match_audit_info base;
    double future_field;
  } newer;
  newer.base = rcp_match_audit_info RCP_MATCH_AUDIT_INFO_INIT;
  newer.base.struct_size = sizeof newer;
  newer.future_field = 42.0;
  ASSERT_EQ(rcp_match_result_audit(r, &newer.base), RCP_OK) << rcp_errmsg();
  EXPECT_EQ(newer.base.struct_size, sizeof newer);
  EXPECT_EQ(newer.base.pairs, 2u);
  EXPECT_EQ(newer.base.blocking_pairs, 1u);
  EXPECT_EQ(newer.future_field, 42.0);

  EXPECT_FAIL(rcp_match_result_blocking(nullptr, 0, &a, &b), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_blocking: result must not be NULL");
  EXPECT_FAIL(rcp_match_result_blocking(r, 0, nullptr, &b), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_blocking: out_a must not be NULL");
  EXPECT_FAIL(rcp_match_result_blocking(r, 0, &a, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_match_result_blocking: out_b must not be NULL");
  a = 5, b = 6;
  EXPECT_FAIL(rcp_match_result_blocking(r, 1, &a, &b), RCP_E_INVALID_ARGUMENT,
              "rcp_match_result_blocking: index 1 is out of range (the result has 1 blocking pairs)");
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 0);
  ASSERT_EQ(rcp_match_result_blocking(r, 0, &a, &b), RCP_OK);
  EXPECT_EQ(a, 2);
  EXPECT_EQ(b, 3);
}

// Every error path of rcp_match, with the exact message; *out is NULL after.
TEST(CApiMatch, Errors) {
  const double nan = std::nan(""), inf = HUGE_VAL;
  auto fails = [](std::vector<rcp_candidate> c, const rcp_match_options* o, rcp_status status, const std::string& msg) {
    rcp_match_result* r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
    EXPECT_EQ(rcp_match(c.empty() ? nullptr : c.data(), c.size(), o, &r), status) << msg;
    EXPECT_EQ(std::string(rcp_errmsg()), "rcp_match: " + msg);
    EXPECT_EQ(r, nullptr);
  };
  const auto INV = RCP_E_INVALID_ARGUMENT;
  fails({{3, 3, 0.5, 0, 0}}, nullptr, INV, "candidate pair (3, 3) is a self-pair");
  fails({{1, 2, 0.5, 0, 0}, {2, 1, 0.25, 0, 0}}, nullptr, INV,
        "candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)");
  fails({{1, 2, -1, 0, 0}}, nullptr, INV, "candidate pair (1, 2) has score -1; scores must be finite numbers >= 0");
  fails({{2, 1, nan, 0, 0}}, nullptr, INV, "candidate pair (1, 2) has score NaN; scores must be finite numbers >= 0");
  fails({{1, 2, inf, 0, 0}}, nullptr, INV,
        "candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0");
  fails({{1, 2, 5000, 0, 0}}, nullptr, INV,
        "candidate pair (1, 2) has score 5000, over the largest score a matching takes (4096)");

  rcp_match_options g = RCP_MATCH_OPTIONS_INIT;
  g.gains = 1;
  fails({{2, 1, 0.5, -0.5, 0.25}}, &g, INV, "candidate pair (1, 2) has b_gain -0.5; gains must be finite numbers >= 0");
  fails({{1, 2, 0.5, 0.1, 0.2}, {2, 1, 0.5, 0.1, 0.2}}, &g, INV,
        "candidate pair (1, 2) is given twice with different gains");

  rcp_match_options o = RCP_MATCH_OPTIONS_INIT;
  o.objective = "best";
  fails({{1, 2, 0.5, 0, 0}}, &o, INV, "unknown objective 'best' (valid objectives: total, fair, stable)");
  o.objective = "";
  fails({{1, 2, 0.5, 0, 0}}, &o, INV, "unknown objective '' (valid objectives: total, fair, stable)");

  rcp_match_options m = RCP_MATCH_OPTIONS_INIT;
  rcp_mentor mentors[2] = {{1, 2}, {1, 3}};
  m.mentors = mentors;
  m.mentor_count = 0;
  fails({{1, 2, 0.5, 0, 0}}, &m, INV,
        "mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the "
        "mentees, everyone else)");
  m.mentor_count = 2;
  fails({{1, 2, 0.5, 0, 0}}, &m, INV, "mentor 1 is listed twice");
  mentors[0] = {1, 0};
  m.mentor_count = 1;
  fails({{1, 2, 0.5, 0, 0}}, &m, INV, "mentor 1 has capacity 0; capacities must be integers >= 1");
  mentors[0] = {1, 2};
  mentors[1] = {2, 3};
  m.mentor_count = 2;
  fails({{1, 2, 0.5, 0, 0}}, &m, INV,
        "candidate pair (1, 2) joins two mentors (with mentors given, every pair joins a mentor and a mentee)");
  mentors[0] = {9, 2};
  m.mentor_count = 1;
  fails({{1, 2, 0.5, 0, 0}}, &m, INV,
        "candidate pair (1, 2) has no mentor (with mentors given, every pair joins a mentor and a mentee)");
  mentors[0] = {1, 2};
  m.objective = "fair";
  fails({{1, 2, 0.5, 0, 0}}, &m, INV,
        "objective 'fair' does not take mentors (capacities are solved for the largest total: use objective 'total')");
  m.objective = "stable";
  fails({{1, 2, 0.5, 0, 0}}, &m, INV,
        "objective 'stable' does not take mentors (capacities are solved for the largest total: use objective "
        "'total')");

  const std::vector<rcp_candidate> path = {{1, 2, 0.5, 0, 0}, {2, 3, 0.5, 0, 0}, {3, 4, 0.5, 0, 0}};
  rcp_match_options p = RCP_MATCH_OPTIONS_INIT;
  rcp_id_pair pins[2] = {{1, 3}, {0, 0}};
  p.pinned = pins;
  p.pinned_count = 1;
  fails(path, &p, INV, "pinned pair (1, 3) is not a candidate pair");
  pins[0] = {2, 3};
  pins[1] = {1, 2};
  p.pinned_count = 2;
  fails(path, &p, INV, "person 2 is pinned twice: (1, 2) and (2, 3)");
  pins[1] = {3, 2};  // the same pair twice: once
  rcp_match_result* r = nullptr;
  ASSERT_EQ(rcp_match(path.data(), path.size(), &p, &r), RCP_OK) << rcp_errmsg();
  rcp_match_result_destroy(r);

  // NULL arguments.
  const rcp_candidate one[] = {{1, 2, 0.5, 0, 0}};
  EXPECT_FAIL(rcp_match(one, 1, nullptr, nullptr), RCP_E_NULL_ARGUMENT, "rcp_match: out must not be NULL");
  r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
  EXPECT_FAIL(rcp_match(nullptr, 1, nullptr, &r), RCP_E_NULL_ARGUMENT, "rcp_match: candidates must not be NULL");
  EXPECT_EQ(r, nullptr);
  rcp_match_options nm = RCP_MATCH_OPTIONS_INIT;
  nm.mentor_count = 3;
  EXPECT_FAIL(rcp_match(one, 1, &nm, &r), RCP_E_NULL_ARGUMENT,
              "rcp_match: opts->mentors must not be NULL when opts->mentor_count is 3");
  rcp_match_options np = RCP_MATCH_OPTIONS_INIT;
  np.pinned_count = 2;
  EXPECT_FAIL(rcp_match(one, 1, &np, &r), RCP_E_NULL_ARGUMENT,
              "rcp_match: opts->pinned must not be NULL when opts->pinned_count is 2");

  // struct_size: too small (an uninitialised or older-than-1.1 struct) ...
  const std::size_t full = sizeof(rcp_match_options);
  for (std::size_t size : {std::size_t{0}, sizeof(size_t), full - 1}) {
    rcp_match_options s = RCP_MATCH_OPTIONS_INIT;
    s.struct_size = size;
    r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
    EXPECT_FAIL(rcp_match(one, 1, &s, &r), RCP_E_INVALID_ARGUMENT,
                ("rcp_match: opts->struct_size is " + std::to_string(size) + ", expected at least " +
                 std::to_string(full) + " (initialise the options with RCP_MATCH_OPTIONS_INIT)").c_str());
    EXPECT_EQ(r, nullptr);
    EXPECT_FAIL(rcp_match_audit(one, 1, &s, nullptr, 0, &r), RCP_E_INVALID_ARGUMENT,
                ("rcp_match_audit: opts->struct_size is " + std::to_string(size) + ", expected at least " +
                 std::to_string(full) + " (initialise the options with RCP_MATCH_OPTIONS_INIT)").c_str());
  }
  // ... and larger, from a newer header: fine while the fields we do not know
  // are 0, an error once one is set.
  struct Newer {
    rcp_match_options base;
    double future_option;
  } newer;
  std::memset(&newer, 0, sizeof newer);
  newer.base = rcp_match_options RCP_MATCH_OPTIONS_INIT;
  newer.base.struct_size = sizeof newer;
  newer.base.objective = "fair";
  ASSERT_EQ(rcp_match(one, 1, &newer.base, &r), RCP_OK) << rcp_errmsg();
  rcp_match_result_destroy(r);
  newer.future_option = 0.5;
  EXPECT_FAIL(rcp_match(one, 1, &newer.base, &r), RCP_E_INVALID_ARGUMENT,
              ("rcp_match: opts->struct_size is " + std::to_string(sizeof newer) + ", larger than this library's " +
               std::to_string(full) + ", and options this library does not know are set (the program needs a newer " +
               "libreciprocity than " + RCP_VERSION_STRING + ")").c_str());
  EXPECT_EQ(r, nullptr);
}

TEST(CApiMatch, AuditErrors) {
  const rcp_candidate c[] = {{1, 2, 0.5, 0, 0}, {2, 3, 0.5, 0, 0}};
  auto fails = [&](std::vector<rcp_id_pair> m, const rcp_match_options* o, rcp_status status, const std::string& msg) {
    rcp_match_result* r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
    EXPECT_EQ(rcp_match_audit(c, 2, o, m.empty() ? nullptr : m.data(), m.size(), &r), status) << msg;
    EXPECT_EQ(std::string(rcp_errmsg()), "rcp_match_audit: " + msg);
    EXPECT_EQ(r, nullptr);
  };
  fails({{1, 3}}, nullptr, RCP_E_INVALID_ARGUMENT, "matching pair (1, 3) is not a candidate pair");
  fails({{1, 2}, {3, 2}}, nullptr, RCP_E_INVALID_ARGUMENT,
        "person 2 is in two pairs of the matching: (1, 2) and (2, 3)");
  rcp_mentor mentors[] = {{2, 1}};
  rcp_match_options m = RCP_MATCH_OPTIONS_INIT;
  m.mentors = mentors;
  m.mentor_count = 1;
  fails({{1, 2}, {3, 2}}, &m, RCP_E_INVALID_ARGUMENT, "mentor 2 has more mentees in the matching than its capacity 1");
  mentors[0].capacity = 2;
  rcp_match_result* r = nullptr;
  const rcp_id_pair twice[] = {{1, 2}, {3, 2}, {2, 1}};  // a pair twice counts once
  ASSERT_EQ(rcp_match_audit(c, 2, &m, twice, 3, &r), RCP_OK) << rcp_errmsg();
  Read got = read(r);
  rcp_match_result_destroy(r);
  ASSERT_EQ(got.pairs.size(), 2u);
  EXPECT_EQ(got.pairs[0].a, 2);  // (mentor, mentee)
  EXPECT_EQ(got.pairs[0].b, 1);
  EXPECT_EQ(got.pairs[1].a, 2);
  EXPECT_EQ(got.pairs[1].b, 3);
  EXPECT_EQ(got.info.total, 1.0);

  const rcp_candidate self[] = {{1, 1, 0.5, 0, 0}};
  r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
  EXPECT_FAIL(rcp_match_audit(self, 1, nullptr, nullptr, 0, &r), RCP_E_INVALID_ARGUMENT,
              "rcp_match_audit: candidate pair (1, 1) is a self-pair");
  EXPECT_EQ(r, nullptr);
  EXPECT_FAIL(rcp_match_audit(c, 2, nullptr, nullptr, 0, nullptr), RCP_E_NULL_ARGUMENT,
              "rcp_match_audit: out must not be NULL");
  EXPECT_FAIL(rcp_match_audit(nullptr, 2, nullptr, nullptr, 0, &r), RCP_E_NULL_ARGUMENT,
              "rcp_match_audit: candidates must not be NULL");
  EXPECT_FAIL(rcp_match_audit(c, 2, nullptr, nullptr, 1, &r), RCP_E_NULL_ARGUMENT,
              "rcp_match_audit: matching must not be NULL");
  rcp_match_options np = RCP_MATCH_OPTIONS_INIT;
  np.mentor_count = 1;
  EXPECT_FAIL(rcp_match_audit(c, 2, &np, nullptr, 0, &r), RCP_E_NULL_ARGUMENT,
              "rcp_match_audit: opts->mentors must not be NULL when opts->mentor_count is 1");
  // Pinned pairs are not used by the audit, not even checked.
  const rcp_id_pair pins[] = {{7, 8}};
  rcp_match_options p = RCP_MATCH_OPTIONS_INIT;
  p.pinned = pins;
  p.pinned_count = 1;
  ASSERT_EQ(rcp_match_audit(c, 2, &p, nullptr, 0, &r), RCP_OK) << rcp_errmsg();
  rcp_match_result_destroy(r);
}

// Allocation k fails, for k = 0, 1, ... until the call succeeds: every
// failure is RCP_E_NOMEM with its message and *out NULL.
TEST(CApiMatch, OutOfMemoryEverywhere) {
  std::mt19937_64 rng(11);
  Instance x = random_instance(rng, 12, true, false, true);
  Instance cap = random_instance(rng, 12, false, true, false);
  const rcp_id_pair m[] = {{x.c[0].a, x.c[0].b}};
  for (int which = 0; which < 5; ++which) {
    int failures = 0;
    const char* fn = which < 4 ? "rcp_match" : "rcp_match_audit";
    for (long k = 0; k < 100000; ++k) {
      rcp_match_result* r = reinterpret_cast<rcp_match_result*>(&g_sentinel);
      rcp_status st;
      if (which < 3) {
        const char* objectives[3] = {"total", "fair", "stable"};
        rcp_match_options o = options_of(x, objectives[which]);
        AllocFailAfter arm(k);
        st = rcp_match(x.c.data(), x.c.size(), &o, &r);
      } else if (which == 3) {
        rcp_match_options o = options_of(cap, "total");
        AllocFailAfter arm(k);
        st = rcp_match(cap.c.data(), cap.c.size(), &o, &r);
      } else {
        rcp_match_options o = options_of(x, nullptr);
        AllocFailAfter arm(k);
        st = rcp_match_audit(x.c.data(), x.c.size(), &o, m, 1, &r);
      }
      if (st == RCP_OK) {
        rcp_match_result_destroy(r);
        break;
      }
      ++failures;
      ASSERT_EQ(st, RCP_E_NOMEM) << fn << " " << which << " k=" << k << ": " << rcp_errmsg();
      EXPECT_EQ(std::string(rcp_errmsg()), std::string(fn) + ": out of memory");
      EXPECT_EQ(r, nullptr);
    }
    EXPECT_GT(failures, 0) << fn << " never allocated";
  }
}

}  // namespace
