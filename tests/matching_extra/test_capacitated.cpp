// The capacitated objective: the exact optimum against an exhaustive search
// over every feasible assignment (<= 4 mentors, <= 8 mentees), determinism
// under permuted input, input checks, and rows of score 0 (dropped while
// reading when the (mentee, mentor) grid is small, kept otherwise).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/capacitated_matching.hpp"
#include "core/error.hpp"
#include "core/id_index.hpp"

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

// Equal results (pairs and totals) for two inputs that describe the same instance.
void expect_same(const rcp::CapacitatedResult& a, const rcp::CapacitatedResult& b) {
  ASSERT_EQ(a.pairs.size(), b.pairs.size());
  for (std::size_t k = 0; k < a.pairs.size(); ++k) {
    EXPECT_EQ(a.pairs[k].mentor, b.pairs[k].mentor);
    EXPECT_EQ(a.pairs[k].mentee, b.pairs[k].mentee);
  }
  EXPECT_EQ(a.total_fixed, b.total_fixed);
  EXPECT_EQ(a.total, b.total);
  EXPECT_EQ(a.fixed_point_bits, b.fixed_point_bits);
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
    expect_same(r, rcp::capacitated_matching(ms2, cs2));
    if (HasFailure()) return;
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

// 100 mentors x 100 mentees with about 5% of the pairs as rows, a third of
// them at score 0: 10,000 cells against a budget of 8 per row + 4,096, so the
// zero rows are kept (the grid outgrows its budget while reading). Each row
// given three times is the same instance with a budget past 10,000 cells: the
// zero rows are then dropped while reading. Both must give the same result,
// in any row order.
TEST(CapacitatedZeroRows, DroppedOrKeptGiveTheSameResult) {
  std::mt19937_64 rng(17);
  for (int it = 0; it < 40; ++it) {
    std::vector<MentorCapacity> ms;
    for (int j = 0; j < 100; ++j) ms.push_back({1 + j, 1 + static_cast<std::int64_t>(rng() % 3)});
    std::vector<MentorMenteeCandidate> cs;
    for (int i = 0; i < 100; ++i)
      for (int j = 0; j < 100; ++j)
        if (rng() % 20 == 0) {
          double sc = rng() % 3 == 0 ? 0.0 : std::uniform_real_distribution<double>(0, 1)(rng);
          cs.push_back({1 + j, 1000 + i, sc});
        }
    std::shuffle(cs.begin(), cs.end(), rng);
    rcp::CapacitatedResult kept = rcp::capacitated_matching(ms, cs);
    std::vector<MentorMenteeCandidate> thrice;
    for (int r = 0; r < 3; ++r) thrice.insert(thrice.end(), cs.begin(), cs.end());
    std::shuffle(thrice.begin(), thrice.end(), rng);
    rcp::CapacitatedResult dropped = rcp::capacitated_matching(ms, thrice);
    expect_same(kept, dropped);
    // Zero rows put first or last change nothing either.
    std::stable_partition(cs.begin(), cs.end(), [&](const auto& c) { return (c.score == 0) == (it % 2 == 0); });
    expect_same(kept, rcp::capacitated_matching(ms, cs));
    // Nor do extra zero rows for pairs that are already there at 0.
    std::vector<MentorMenteeCandidate> more = cs;
    for (const auto& c : cs)
      if (c.score == 0) more.push_back({c.mentor, c.mentee, -0.0});
    std::shuffle(more.begin(), more.end(), rng);
    expect_same(kept, rcp::capacitated_matching(ms, more));
  }
}

TEST(CapacitatedZeroRows, ClashWithAPositiveRowIsReportedInAnyRowOrder) {
  std::mt19937_64 rng(5);
  // Complete 4 x 30 (grid kept) and 100 x 100 at 5% (grid outgrown).
  for (bool complete : {true, false}) {
    std::vector<MentorCapacity> ms;
    const int M = complete ? 4 : 100, N = complete ? 30 : 100;
    for (int j = 0; j < M; ++j) ms.push_back({1 + j, 2});
    std::vector<MentorMenteeCandidate> cs;
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < M; ++j)
        if (complete || rng() % 20 == 0 || (i == 40 && j < 4) || (i == 70 && j < 4))
          cs.push_back({1 + j, 1000 + i, j % 2 == 0 ? 0.0 : 0.5});
    const int a = complete ? 10 : 40, b = complete ? 20 : 70;  // mentees with a clash, by index
    // Mentee b: a zero row again at 0.5 (mentor 1); mentee a: a 0.5 row again
    // at 0 (mentor 4) and a zero row again at 0.25 (mentor 3). The smallest
    // mentee id, then the smallest mentor id, is reported.
    cs.push_back({1, 1000 + b, 0.5});
    cs.push_back({4, 1000 + a, 0.0});
    cs.push_back({3, 1000 + a, 0.25});
    const std::string expected =
        "candidate pair (mentor 3, mentee " + std::to_string(1000 + a) + ") is given twice with different scores";
    for (int r = 0; r < 10; ++r) {
      std::shuffle(cs.begin(), cs.end(), rng);
      EXPECT_EQ(error_of([&] { rcp::capacitated_matching(ms, cs); }), expected) << complete << " " << r;
    }
    // Without mentee a's clashes, mentee b's.
    cs.erase(std::remove_if(cs.begin(), cs.end(),
                            [&](const auto& c) {
                              return c.mentee == 1000 + a && ((c.mentor == 4 && c.score == 0) || c.score == 0.25);
                            }),
             cs.end());
    for (int r = 0; r < 10; ++r) {
      std::shuffle(cs.begin(), cs.end(), rng);
      EXPECT_EQ(error_of([&] { rcp::capacitated_matching(ms, cs); }),
                "candidate pair (mentor 1, mentee " + std::to_string(1000 + b) +
                    ") is given twice with different scores");
    }
  }
}

// Rows of score 0 are checked like any other: the first bad row in input
// order is reported, whatever its score.
TEST(CapacitatedZeroRows, AreValidatedLikeTheOthers) {
  const std::vector<MentorCapacity> ms = {{1, 2}, {2, 1}};
  auto first_error = [&](std::vector<MentorMenteeCandidate> cs) {
    return error_of([&] { rcp::capacitated_matching(ms, cs); });
  };
  EXPECT_EQ(first_error({{1, 10, 0.5}, {1, 1, 0.0}, {7, 10, 0.0}}), "candidate pair (mentor 1, mentee 1) is a self-pair");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {7, 10, 0.0}, {1, 1, 0.0}}), "candidate pair (mentor 7, mentee 10): 7 is not a mentor");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {1, 11, -0.0}, {1, 12, -1e-300}}), "candidate pair (mentor 1, mentee 12): score is negative");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {2, 11, -1.0 / 0.0}}), "candidate pair (mentor 2, mentee 11): score is infinite");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {2, 11, std::nan("")}, {1, 1, 0.0}}), "candidate pair (mentor 2, mentee 11): score is NaN");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {1, 2, 0.0}}),
            "candidate pair (mentor 1, mentee 2): 2 is a mentor, not a mentee (mentees have capacity 1 and no row in mentors)");
  EXPECT_EQ(first_error({{1, 10, 0.0}, {2, 1, 0.0}, {1, 10, 0.5}}),
            "candidate pair (mentor 2, mentee 1): 1 is a mentor, not a mentee (mentees have capacity 1 and no row in mentors)");
  // Row checks come before the duplicate check, and the scale check before it too.
  EXPECT_EQ(first_error({{1, 10, 0.0}, {1, 10, 0.5}, {1, 1, 0.0}}), "candidate pair (mentor 1, mentee 1) is a self-pair");
  try {
    rcp::capacitated_matching(ms, {{1, 10, 0.0}, {1, 10, 1e300}});
    ADD_FAILURE() << "expected too_large";
  } catch (const rcp::Error& e) {
    EXPECT_EQ(e.code(), rcp::ErrorCode::too_large);
  }
  // Mentees seen only at score 0 count as mentees (unmatched).
  auto r = rcp::capacitated_matching(ms, {{1, 10, 0.0}, {2, 11, 0.0}, {1, 12, 0.3}});
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].mentee, 12);
}

TEST(IdInterner, NumbersIdsInFirstSeenOrder) {
  rcp::IdInterner in;
  std::mt19937_64 rng(11);
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::uint32_t> expected;
  for (int k = 0; k < 20000; ++k) {
    // Consecutive, spread and extreme ids, with repeats.
    std::int64_t id = k % 3 == 0 ? static_cast<std::int64_t>(rng() % 5000)
                                 : k % 3 == 1 ? static_cast<std::int64_t>(rng())
                                              : (rng() % 2 ? std::numeric_limits<std::int64_t>::min() + k % 7
                                                           : std::numeric_limits<std::int64_t>::max() - k % 7);
    auto it = expected.find(id);
    std::uint32_t want = it == expected.end() ? static_cast<std::uint32_t>(expected.size()) : it->second;
    if (it == expected.end()) {
      expected[id] = want;
      ids.push_back(id);
    }
    ASSERT_EQ(in.intern(id), want);
  }
  EXPECT_EQ(in.size(), expected.size());
  EXPECT_EQ(in.ids(), ids);
}

}  // namespace
