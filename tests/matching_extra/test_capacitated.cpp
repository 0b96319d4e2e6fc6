// The capacitated objective: the exact optimum against an exhaustive search
// over every feasible assignment (<= 4 mentors, <= 8 mentees), determinism
// under permuted input, and input checks.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/capacitated_matching.hpp"
#include "core/error.hpp"

namespace {

using rcp::MentorCapacity;
using rcp::MentorMenteeCandidate;

// Exhaustive: every mentee takes "nobody" or one of its candidate mentors
// with room left; the best total of fixed-point weights (weights <= 0 count
// as not allowed, as documented).
std::int64_t exhaustive(int mentors, std::vector<std::int64_t> cap, int mentees,
                        const std::vector<std::vector<std::int64_t>>& w /* [mentee][mentor], -1 = no pair */) {
  std::int64_t best = 0;
  std::function<void(int, std::int64_t)> rec = [&](int i, std::int64_t total) {
    if (i == mentees) {
      best = std::max(best, total);
      return;
    }
    rec(i + 1, total);
    for (int j = 0; j < mentors; ++j)
      if (w[i][j] > 0 && cap[j] > 0) {
        --cap[j];
        rec(i + 1, total + w[i][j]);
        ++cap[j];
      }
  };
  rec(0, 0);
  return best;
}

void check_feasible(const std::vector<MentorCapacity>& ms, const std::vector<MentorMenteeCandidate>& cs,
                    const rcp::CapacitatedResult& r) {
  std::map<std::pair<std::int64_t, std::int64_t>, double> score;
  for (const auto& c : cs) score[{c.mentor, c.mentee}] = c.score;
  std::map<std::int64_t, std::int64_t> cap, used;
  for (const auto& m : ms) cap[m.id] = m.capacity;
  std::set<std::int64_t> mentees;
  std::int64_t fixed = 0;
  for (std::size_t k = 0; k < r.pairs.size(); ++k) {
    const auto& p = r.pairs[k];
    if (k > 0) {
      const auto& q = r.pairs[k - 1];
      ASSERT_TRUE(q.mentor < p.mentor || (q.mentor == p.mentor && q.mentee < p.mentee)) << "sorted output";
    }
    auto it = score.find({p.mentor, p.mentee});
    ASSERT_NE(it, score.end()) << "a returned pair is a candidate";
    ASSERT_EQ(it->second, p.score);
    ASSERT_GT(p.score, 0.0);
    ASSERT_TRUE(mentees.insert(p.mentee).second) << "a mentee has at most one mentor";
    ASSERT_LE(++used[p.mentor], cap[p.mentor]) << "capacity respected";
    fixed += rcp::capacitated_fixed_weight(p.score, r.fixed_point_bits);
  }
  ASSERT_EQ(fixed, r.total_fixed);
}

TEST(CapacitatedOracle, ExhaustiveOptimumOnRandomSmallInstances) {
  std::mt19937_64 rng(99);
  const double levels[] = {0.0, 0.1, 0.25, 0.25, 0.5, 0.7, 1.0};
  int nontrivial = 0;
  for (int it = 0; it < 3000; ++it) {
    int M = 1 + static_cast<int>(rng() % 4), N = 1 + static_cast<int>(rng() % 8);
    std::vector<MentorCapacity> ms;
    for (int j = 0; j < M; ++j) ms.push_back({100 + 3 * j, 1 + static_cast<std::int64_t>(rng() % 3)});
    std::vector<MentorMenteeCandidate> cs;
    double density = 0.3 + 0.7 * std::uniform_real_distribution<double>(0, 1)(rng);
    bool tied = rng() % 2;
    std::vector<std::vector<std::int64_t>> w(N, std::vector<std::int64_t>(M, -1));
    std::vector<std::vector<double>> s(N, std::vector<double>(M, -1));
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < M; ++j)
        if (std::uniform_real_distribution<double>(0, 1)(rng) < density) {
          double sc = tied ? levels[rng() % 7] : std::uniform_real_distribution<double>(0, 1)(rng);
          cs.push_back({ms[j].id, 500 - 7 * i, sc});
          s[i][j] = sc;
        }
    std::shuffle(cs.begin(), cs.end(), rng);
    rcp::CapacitatedResult r = rcp::capacitated_matching(ms, cs);
    ASSERT_EQ(r.fixed_point_bits, 40);
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < M; ++j)
        if (s[i][j] >= 0) w[i][j] = rcp::capacitated_fixed_weight(s[i][j], r.fixed_point_bits);
    std::vector<std::int64_t> cap;
    for (const auto& m : ms) cap.push_back(m.capacity);
    std::int64_t best = exhaustive(M, cap, N, w);
    ASSERT_EQ(r.total_fixed, best) << "instance " << it;
    check_feasible(ms, cs, r);
    nontrivial += r.pairs.size() >= 3;

    // Permuted input (mentors too), some pairs given twice: identical output.
    std::vector<MentorMenteeCandidate> cs2 = cs;
    for (const auto& c : cs)
      if (rng() % 3 == 0) cs2.push_back(c);
    std::shuffle(cs2.begin(), cs2.end(), rng);
    std::vector<MentorCapacity> ms2 = ms;
    std::shuffle(ms2.begin(), ms2.end(), rng);
    rcp::CapacitatedResult r2 = rcp::capacitated_matching(ms2, cs2);
    ASSERT_EQ(r2.pairs.size(), r.pairs.size());
    for (std::size_t k = 0; k < r.pairs.size(); ++k) {
      ASSERT_EQ(r2.pairs[k].mentor, r.pairs[k].mentor);
      ASSERT_EQ(r2.pairs[k].mentee, r.pairs[k].mentee);
    }
    ASSERT_EQ(r2.total_fixed, r.total_fixed);
    ASSERT_EQ(r2.total, r.total);
  }
  EXPECT_GT(nontrivial, 1000);
}

// Low-level solver: random integer weights with many ties, exhaustive check.
TEST(CapacitatedOracle, IntegerWeightsWithTies) {
  std::mt19937_64 rng(3);
  for (int it = 0; it < 3000; ++it) {
    int M = 1 + static_cast<int>(rng() % 4), N = 1 + static_cast<int>(rng() % 8);
    std::vector<std::int64_t> cap(M);
    for (auto& c : cap) c = static_cast<std::int64_t>(rng() % 4);  // 0 allowed here
    std::vector<rcp::TransportArc> arcs;
    std::vector<std::vector<std::int64_t>> w(N, std::vector<std::int64_t>(M, -1));
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < M; ++j)
        if (rng() % 3) {
          std::int64_t x = static_cast<std::int64_t>(rng() % 5) - 1;  // -1..3
          arcs.push_back({i, j, x});
          w[i][j] = x;
        }
    std::shuffle(arcs.begin(), arcs.end(), rng);
    std::vector<int> of = rcp::max_weight_capacitated(cap, N, arcs);
    ASSERT_EQ(static_cast<int>(of.size()), N);
    std::int64_t total = 0;
    std::vector<std::int64_t> used(M, 0);
    for (int i = 0; i < N; ++i) {
      if (of[i] < 0) continue;
      ASSERT_GT(w[i][of[i]], 0);
      total += w[i][of[i]];
      ASSERT_LE(++used[of[i]], cap[of[i]]);
    }
    ASSERT_EQ(total, exhaustive(M, cap, N, w)) << "instance " << it;
  }
}

TEST(CapacitatedExamples, HandWorked) {
  // Mentor 1 (capacity 2) is everyone's favourite; mentor 2 (capacity 1)
  // must take the mentee who loses least by moving.
  std::vector<MentorCapacity> ms = {{1, 2}, {2, 1}};
  std::vector<MentorMenteeCandidate> cs = {{1, 10, 0.9}, {1, 11, 0.8}, {1, 12, 0.7}, {2, 10, 0.1},
                                           {2, 11, 0.6}, {2, 12, 0.2}};
  auto r = rcp::capacitated_matching(ms, cs);
  // Options: {1:10,11; 2:12} = 1.9, {1:10,12; 2:11} = 2.2, {1:11,12; 2:10} = 1.6.
  ASSERT_EQ(r.pairs.size(), 3u);
  EXPECT_EQ(r.pairs[0].mentor, 1);
  EXPECT_EQ(r.pairs[0].mentee, 10);
  EXPECT_EQ(r.pairs[1].mentor, 1);
  EXPECT_EQ(r.pairs[1].mentee, 12);
  EXPECT_EQ(r.pairs[2].mentor, 2);
  EXPECT_EQ(r.pairs[2].mentee, 11);
  EXPECT_NEAR(r.total, 2.2, 1e-12);
  // Zero scores are never used; a mentor may stay below capacity.
  auto z = rcp::capacitated_matching({{1, 3}}, {{1, 2, 0.0}, {1, 3, 0.4}});
  ASSERT_EQ(z.pairs.size(), 1u);
  EXPECT_EQ(z.pairs[0].mentee, 3);
  EXPECT_TRUE(rcp::capacitated_matching({{1, 3}}, {}).pairs.empty());
  EXPECT_TRUE(rcp::capacitated_matching({}, {}).pairs.empty());
}

TEST(CapacitatedExamples, LargeScoresLowerTheFixedPointBits) {
  std::vector<MentorCapacity> ms = {{1, 1}};
  auto r = rcp::capacitated_matching(ms, {{1, 2, 1e6}, {1, 3, 2e6}});
  EXPECT_LT(r.fixed_point_bits, 40);
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].mentee, 3);
  EXPECT_EQ(r.total, 2e6);
}

template <typename F>
std::string error_of(F f) {
  try {
    f();
  } catch (const rcp::Error& e) {
    EXPECT_EQ(e.code(), rcp::ErrorCode::invalid_argument);
    return e.what();
  }
  return "";
}

TEST(CapacitatedChecks, ClearErrors) {
  auto has = [](const std::string& what, const char* part) {
    EXPECT_NE(what.find(part), std::string::npos) << "'" << what << "' should contain '" << part << "'";
  };
  has(error_of([] { rcp::capacitated_matching({{1, 0}}, {}); }), "mentor 1: capacity 0 is below 1");
  has(error_of([] { rcp::capacitated_matching({{1, -2}}, {}); }), "capacity -2 is below 1");
  has(error_of([] { rcp::capacitated_matching({{1, 1}, {1, 2}}, {}); }), "mentor 1 is listed twice");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{5, 2, 0.5}}); }), "5 is not a mentor");
  has(error_of([] { rcp::capacitated_matching({{1, 1}, {2, 1}}, {{1, 2, 0.5}}); }),
      "2 is a mentor, not a mentee");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{1, 1, 0.5}}); }), "self-pair");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{1, 2, std::nan("")}}); }), "score is NaN");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{1, 2, -0.5}}); }), "score is negative");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{1, 2, 1.0 / 0.0}}); }), "score is infinite");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {{1, 2, 0.5}, {1, 2, 0.6}}); }),
      "given twice with different scores");
  has(error_of([] { rcp::capacitated_matching({{1, 1}}, {}, rcp::CapacitatedOptions{0}); }), "fixed_point_bits");
  // The same pair twice with the same score is accepted.
  EXPECT_EQ(rcp::capacitated_matching({{1, 1}}, {{1, 2, 0.5}, {1, 2, 0.5}}).pairs.size(), 1u);
  has(error_of([] { rcp::max_weight_capacitated({1}, 2, {{0, 0, 1}, {0, 0, 2}}); }), "given twice");
  has(error_of([] { rcp::max_weight_capacitated({1}, 2, {{2, 0, 1}}); }), "out of range");
}

}  // namespace
