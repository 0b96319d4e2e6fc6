// The stable objective: Irving's algorithm against an exhaustive oracle on
// thousands of seeded random instances (n <= 12), instances from the
// literature, best-pair-first, blocking pairs and input checks.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/stable_roommates.hpp"

namespace {

using Prefs = std::vector<std::vector<int>>;

// ---- an independent oracle on rank matrices -------------------------------

struct Ranks {
  int n;
  std::vector<std::vector<int>> r;  // r[x][y] = rank of y for x, or -1 (not acceptable)
  explicit Ranks(const Prefs& p) : n(static_cast<int>(p.size())), r(p.size(), std::vector<int>(p.size(), -1)) {
    for (int x = 0; x < n; ++x)
      for (std::size_t i = 0; i < p[x].size(); ++i) r[x][p[x][i]] = static_cast<int>(i);
  }
  // x prefers y to its partner px (-1 = unmatched).
  bool prefers(int x, int y, int px) const { return px < 0 || r[x][y] < r[x][px]; }
};

int count_blocking(const Ranks& k, const std::vector<int>& partner) {
  int c = 0;
  for (int x = 0; x < k.n; ++x)
    for (int y = x + 1; y < k.n; ++y)
      if (k.r[x][y] >= 0 && partner[x] != y && k.prefers(x, y, partner[x]) && k.prefers(y, x, partner[y])) ++c;
  return c;
}

// All stable matchings, by backtracking over people in index order (each is
// matched to a later free acceptable person or left unmatched); a branch is
// cut as soon as two decided people block each other.
std::vector<std::vector<int>> all_stable(const Ranks& k) {
  std::vector<std::vector<int>> out;
  std::vector<int> partner(k.n, -2);  // -2 undecided, -1 unmatched
  std::function<bool(int)> ok_with_decided = [&](int x) {
    for (int z = 0; z < k.n; ++z) {
      if (z == x || partner[z] == -2 || k.r[x][z] < 0 || partner[x] == z) continue;
      if (k.prefers(x, z, partner[x]) && k.prefers(z, x, partner[z])) return false;
    }
    return true;
  };
  std::function<void()> rec = [&]() {
    int x = 0;
    while (x < k.n && partner[x] != -2) ++x;
    if (x == k.n) {
      out.push_back(partner);
      return;
    }
    for (int y = x + 1; y < k.n; ++y) {
      if (partner[y] != -2 || k.r[x][y] < 0) continue;
      partner[x] = y;
      partner[y] = x;
      if (ok_with_decided(x) && ok_with_decided(y)) rec();
      partner[x] = partner[y] = -2;
    }
    partner[x] = -1;
    if (ok_with_decided(x)) rec();
    partner[x] = -2;
  };
  rec();
  return out;
}

// The fewest blocking pairs over all matchings (small n only).
int min_blocking(const Ranks& k) {
  int best = 1 << 30;
  std::vector<int> partner(k.n, -2);
  std::function<void()> rec = [&]() {
    int x = 0;
    while (x < k.n && partner[x] != -2) ++x;
    if (x == k.n) {
      best = std::min(best, count_blocking(k, partner));
      return;
    }
    for (int y = x + 1; y < k.n; ++y) {
      if (partner[y] != -2 || k.r[x][y] < 0) continue;
      partner[x] = y;
      partner[y] = x;
      rec();
      partner[x] = partner[y] = -2;
    }
    partner[x] = -1;
    rec();
    partner[x] = -2;
  };
  rec();
  return best;
}

bool is_matching_within(const Ranks& k, const std::vector<int>& partner) {
  if (static_cast<int>(partner.size()) != k.n) return false;
  for (int x = 0; x < k.n; ++x) {
    int y = partner[x];
    if (y == -1) continue;
    if (y < 0 || y >= k.n || y == x || partner[y] != x || k.r[x][y] < 0) return false;
  }
  return true;
}

Prefs random_prefs(std::mt19937_64& rng, int n, double density) {
  Prefs p(n);
  std::bernoulli_distribution edge(density);
  for (int x = 0; x < n; ++x)
    for (int y = x + 1; y < n; ++y)
      if (edge(rng)) {
        p[x].push_back(y);
        p[y].push_back(x);
      }
  for (auto& l : p) std::shuffle(l.begin(), l.end(), rng);
  return p;
}

// Letters to indices: "BCD" -> {1, 2, 3}.
Prefs from_letters(const std::vector<std::string>& rows) {
  Prefs p;
  for (const auto& r : rows) {
    p.emplace_back();
    for (char c : r) p.back().push_back(c - 'A');
  }
  return p;
}
// 1-based rows to indices.
Prefs from_one_based(const std::vector<std::vector<int>>& rows) {
  Prefs p;
  for (const auto& r : rows) {
    p.emplace_back();
    for (int v : r) p.back().push_back(v - 1);
  }
  return p;
}

std::vector<int> partner_of(int n, const std::vector<std::pair<int, int>>& pairs) {
  std::vector<int> p(n, -1);
  for (auto [a, b] : pairs) p[a] = b, p[b] = a;
  return p;
}

// ---- exhaustive oracle on thousands of random instances -------------------

TEST(StableRoommatesOracle, RandomPreferenceListsAgreeWithExhaustiveSearch) {
  std::mt19937_64 rng(20240611);
  int with_stable = 0, without = 0, optimal_heuristic = 0, heuristic_checked = 0;
  for (int it = 0; it < 4000; ++it) {
    int n = 1 + static_cast<int>(rng() % 12);
    double density = 0.25 + 0.75 * std::uniform_real_distribution<double>(0, 1)(rng);
    Prefs p = random_prefs(rng, n, density);
    Ranks k(p);
    auto stable = all_stable(k);
    rcp::StableIndexResult r = rcp::stable_roommates_prefs(p);
    ASSERT_TRUE(is_matching_within(k, r.partner)) << "instance " << it;
    int blocking = count_blocking(k, r.partner);
    ASSERT_EQ(static_cast<std::size_t>(blocking), r.blocking_pairs) << "instance " << it;
    ASSERT_EQ(static_cast<std::size_t>(blocking), rcp::blocking_pairs_prefs(p, r.partner).size());
    if (!stable.empty()) {
      ++with_stable;
      ASSERT_TRUE(r.stable) << "instance " << it << ": a stable matching exists but none was reported";
      ASSERT_EQ(blocking, 0) << "instance " << it;
      ASSERT_TRUE(r.explanation.empty());
      // The same people are unmatched in every stable matching (SRI); ours too.
      for (const auto& s : stable)
        for (int x = 0; x < n; ++x) ASSERT_EQ(s[x] < 0, r.partner[x] < 0) << "instance " << it;
      // Phase-1 outcasts are unmatched in every stable matching.
      for (int x : r.unmatched_in_phase1) ASSERT_EQ(stable[0][x], -1);
    } else {
      ++without;
      ASSERT_FALSE(r.stable) << "instance " << it << ": no stable matching exists but one was reported";
      ASSERT_GT(blocking, 0);
      ASSERT_EQ(r.failed_phase, 2);
      ASSERT_GE(r.emptied, 0);
      ASSERT_FALSE(r.rotation.empty());
      ASSERT_NE(r.explanation.find("no stable matching exists"), std::string::npos);
      if (n <= 9) {
        int best = min_blocking(k);
        ASSERT_GE(blocking, best);
        ++heuristic_checked;
        optimal_heuristic += blocking == best;
      }
    }
  }
  // Both outcomes must be well represented for the test to mean something.
  EXPECT_GT(with_stable, 1000);
  EXPECT_GT(without, 200);
  // The local search is a heuristic, but on these small instances it finds
  // the true minimum almost always.
  ASSERT_GT(heuristic_checked, 100);
  EXPECT_GE(optimal_heuristic * 100, heuristic_checked * 95)
      << optimal_heuristic << " of " << heuristic_checked << " at the minimum";
  std::printf("stable: %d instances with a stable matching, %d without; heuristic at the minimum in %d of %d\n",
              with_stable, without, optimal_heuristic, heuristic_checked);
}

// WIIFM rankings from candidate pairs with ties in gains and scores: the
// oracle ranks by the documented rule (own gain desc, score desc, id asc)
// written independently here.
TEST(StableRoommatesOracle, CandidatePairsWithTiesAndPermutedInput) {
  std::mt19937_64 rng(77);
  const double levels[] = {0.0, 0.25, 0.5, 0.5, 0.75, 1.0};
  for (int it = 0; it < 1500; ++it) {
    int n = 2 + static_cast<int>(rng() % 11);
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> used;
    while (static_cast<int>(ids.size()) < n) {
      std::int64_t id = static_cast<std::int64_t>(rng() % 2000) - 1000;
      if (used.insert(id).second) ids.push_back(id);
    }
    std::vector<rcp::StableCandidate> cands;
    std::bernoulli_distribution edge(0.6);
    for (int x = 0; x < n; ++x)
      for (int y = x + 1; y < n; ++y)
        if (edge(rng))
          cands.push_back({ids[x], ids[y], levels[rng() % 6], levels[rng() % 6], levels[rng() % 6]});
    // Oracle ranks over indices sorted by id.
    std::vector<std::int64_t> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    auto idx = [&](std::int64_t id) {
      return static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), id) - sorted.begin());
    };
    struct Item {
      double gain, score;
      std::int64_t other_id;
      int other;
    };
    std::vector<std::vector<Item>> items(n);
    for (const auto& c : cands) {
      items[idx(c.a)].push_back({c.a_gain, c.score, c.b, idx(c.b)});
      items[idx(c.b)].push_back({c.b_gain, c.score, c.a, idx(c.a)});
    }
    Prefs p(n);
    for (int x = 0; x < n; ++x) {
      std::sort(items[x].begin(), items[x].end(), [](const Item& u, const Item& v) {
        if (u.gain != v.gain) return u.gain > v.gain;
        if (u.score != v.score) return u.score > v.score;
        return u.other_id < v.other_id;
      });
      for (const auto& i : items[x]) p[x].push_back(i.other);
    }
    Ranks k(p);
    bool exists = !all_stable(k).empty();

    rcp::StableResult r = rcp::stable_roommates(cands);
    std::vector<int> partner(n, -1);
    std::vector<std::pair<std::int64_t, std::int64_t>> m;
    for (const auto& pr : r.pairs) {
      ASSERT_LT(pr.a, pr.b);
      partner[idx(pr.a)] = idx(pr.b);
      partner[idx(pr.b)] = idx(pr.a);
      m.emplace_back(pr.a, pr.b);
    }
    ASSERT_TRUE(std::is_sorted(r.pairs.begin(), r.pairs.end(),
                               [](const rcp::StablePair& u, const rcp::StablePair& v) { return u.a < v.a; }));
    ASSERT_TRUE(is_matching_within(k, partner));
    ASSERT_EQ(r.stable, exists) << "instance " << it;
    int blocking = count_blocking(k, partner);
    ASSERT_EQ(static_cast<std::size_t>(blocking), r.blocking_pairs);
    ASSERT_EQ(static_cast<std::size_t>(blocking), rcp::count_blocking_pairs(cands, m));
    if (exists) {
      ASSERT_EQ(blocking, 0);
    }

    // Same pairs, each given the other way round too, in another order.
    std::vector<rcp::StableCandidate> shuffled = cands;
    for (const auto& c : cands)
      if (rng() % 2) shuffled.push_back({c.b, c.a, c.score, c.b_gain, c.a_gain});
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    rcp::StableResult r2 = rcp::stable_roommates(shuffled);
    ASSERT_EQ(r2.stable, r.stable);
    ASSERT_EQ(r2.pairs.size(), r.pairs.size());
    for (std::size_t i = 0; i < r.pairs.size(); ++i) {
      ASSERT_EQ(r2.pairs[i].a, r.pairs[i].a);
      ASSERT_EQ(r2.pairs[i].b, r.pairs[i].b);
      ASSERT_EQ(r2.pairs[i].score, r.pairs[i].score);
    }
    ASSERT_EQ(r2.explanation, r.explanation);
  }
}

// ---- instances from the literature (data from daffidwilde/matching's
// tests/stable_roommates/test_examples.py and the examples in
// mrblasco/stableRoommateMatching's stableRoommate.R) ------------------------

void expect_stable_instance(const Prefs& p, const std::vector<std::pair<int, int>>& known_stable, const char* name) {
  Ranks k(p);
  auto all = all_stable(k);
  ASSERT_FALSE(all.empty()) << name;
  rcp::StableIndexResult r = rcp::stable_roommates_prefs(p);
  ASSERT_TRUE(r.stable) << name;
  EXPECT_EQ(count_blocking(k, r.partner), 0) << name;
  if (!known_stable.empty()) {
    std::vector<int> expected = partner_of(static_cast<int>(p.size()), known_stable);
    EXPECT_EQ(count_blocking(k, expected), 0) << name << ": the published answer is stable";
    if (all.size() == 1) {
      EXPECT_EQ(r.partner, expected) << name << ": the stable matching is unique";
    }
  }
}

TEST(StableRoommatesLiterature, Irving1985SixPeople) {
  // A: D F B E C, B: F C E A D, C: D E A F B, D: B F E A C, E: D B C F A,
  // F: E A D B C. Published answer: {A, F}, {B, C}, {D, E}.
  Prefs p = from_letters({"DFBEC", "FCEAD", "DEAFB", "BFEAC", "DBCFA", "EADBC"});
  Ranks k(p);
  auto all = all_stable(k);
  ASSERT_EQ(all.size(), 1u) << "this instance has exactly one stable matching";
  expect_stable_instance(p, {{0, 5}, {1, 2}, {3, 4}}, "Irving 1985");
  EXPECT_EQ(rcp::stable_roommates_prefs(p).partner, partner_of(6, {{0, 5}, {1, 2}, {3, 4}}));
}

TEST(StableRoommatesLiterature, MatchingIssue64SixPeople) {
  // charlie, peter, elise, paul, kelly, sam = 0..5.
  Prefs p = {{1, 3, 5, 4, 2}, {4, 2, 5, 3, 0}, {1, 5, 4, 0, 3}, {2, 0, 5, 1, 4}, {1, 0, 5, 2, 3}, {0, 3, 4, 2, 1}};
  // Published answer: charlie-sam, peter-kelly, elise-paul.
  expect_stable_instance(p, {{0, 5}, {1, 4}, {2, 3}}, "matching issue 64");
}

TEST(StableRoommatesLiterature, WikipediaSixPeople) {
  Prefs p = from_one_based({{3, 4, 2, 6, 5}, {6, 5, 4, 1, 3}, {2, 4, 5, 1, 6}, {5, 2, 3, 6, 1}, {3, 1, 2, 4, 6},
                            {5, 1, 3, 4, 2}});
  // Published answer: {1, 6}, {2, 4}, {3, 5}.
  expect_stable_instance(p, {{0, 5}, {1, 3}, {2, 4}}, "Wikipedia");
}

TEST(StableRoommatesLiterature, IrvingEightPeopleSeveralStableMatchings) {
  Prefs p = from_one_based({{2, 5, 4, 6, 7, 8, 3},
                            {3, 6, 1, 7, 8, 5, 4},
                            {4, 7, 2, 8, 5, 6, 1},
                            {1, 8, 3, 5, 6, 7, 2},
                            {6, 1, 8, 2, 3, 4, 7},
                            {7, 2, 5, 3, 4, 1, 8},
                            {8, 3, 6, 4, 1, 2, 5},
                            {5, 4, 7, 1, 2, 3, 6}});
  Ranks k(p);
  auto all = all_stable(k);
  EXPECT_GT(all.size(), 1u) << "several stable matchings: only stability is asserted";
  expect_stable_instance(p, {}, "Irving 8");
  rcp::StableIndexResult r = rcp::stable_roommates_prefs(p);
  EXPECT_NE(std::find(all.begin(), all.end(), r.partner), all.end());
}

TEST(StableRoommatesLiterature, EightPeopleWithoutStableMatching) {
  Prefs p = from_one_based({{2, 3, 5, 6, 7, 4, 8},
                            {6, 3, 1, 4, 8, 7, 5},
                            {1, 7, 2, 5, 8, 4, 6},
                            {2, 5, 8, 3, 7, 6, 1},
                            {1, 6, 4, 3, 2, 8, 7},
                            {1, 7, 5, 2, 3, 4, 8},
                            {8, 6, 3, 4, 1, 5, 2},
                            {4, 2, 7, 1, 5, 3, 6}});
  Ranks k(p);
  ASSERT_TRUE(all_stable(k).empty());
  rcp::StableIndexResult r = rcp::stable_roommates_prefs(p);
  EXPECT_FALSE(r.stable);
  EXPECT_EQ(r.failed_phase, 2);
  EXPECT_EQ(static_cast<int>(r.blocking_pairs), count_blocking(k, r.partner));
  EXPECT_EQ(static_cast<int>(r.blocking_pairs), min_blocking(k));
}

TEST(StableRoommatesLiterature, FourPeopleWithoutStableMatching) {
  // A: B C D, B: C A D, C: A B D, D: A B C. Whoever is with D has a partner
  // who ranks D last and is the first choice of someone in the A-B-C cycle.
  std::vector<rcp::StableCandidate> c;
  // Gains encode the rankings: rank 0 -> 0.9, rank 1 -> 0.6, rank 2 -> 0.3.
  Prefs p = from_letters({"BCD", "CAD", "ABD", "ABC"});
  auto gain = [&](int x, int y) {
    for (std::size_t i = 0; i < p[x].size(); ++i)
      if (p[x][i] == y) return 0.9 - 0.3 * static_cast<double>(i);
    return -1.0;
  };
  for (int x = 0; x < 4; ++x)
    for (int y = x + 1; y < 4; ++y) c.push_back({x + 1, y + 1, 0.5, gain(x, y), gain(y, x)});
  rcp::StableResult r = rcp::stable_roommates(c);
  EXPECT_FALSE(r.stable);
  EXPECT_EQ(r.failed_phase, 2);
  EXPECT_EQ(r.blocking_pairs, 1u) << "one blocking pair is the minimum here";
  EXPECT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(rcp::count_blocking_pairs(c, {{r.pairs[0].a, r.pairs[0].b}, {r.pairs[1].a, r.pairs[1].b}}), 1u);
  EXPECT_NE(r.explanation.find("no stable matching exists"), std::string::npos) << r.explanation;
  EXPECT_NE(r.explanation.find("NOT stable"), std::string::npos) << r.explanation;
  // D (id 4) is rejected by all in phase 1: it is the phase-1 outcast, and
  // the rotation that fails is among A, B, C.
  EXPECT_EQ(r.unmatched_in_phase1, std::vector<std::int64_t>{4});
  std::vector<std::int64_t> rot = r.rotation;
  std::sort(rot.begin(), rot.end());
  EXPECT_EQ(rot, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_TRUE(r.emptied >= 1 && r.emptied <= 3);
  Ranks k(p);
  EXPECT_TRUE(all_stable(k).empty());
  EXPECT_EQ(min_blocking(k), 1);
}

TEST(StableRoommatesLiterature, OddCycleOfThree) {
  Prefs p = {{1, 2}, {2, 0}, {0, 1}};
  rcp::StableIndexResult r = rcp::stable_roommates_prefs(p);
  EXPECT_FALSE(r.stable);
  EXPECT_EQ(r.blocking_pairs, 1u);
  EXPECT_EQ(std::count(r.partner.begin(), r.partner.end(), -1), 1);
}

// ---- best-pair-first -------------------------------------------------------

TEST(BestPairFirst, StableForSymmetricScoreRankings) {
  std::mt19937_64 rng(5);
  const double levels[] = {0.1, 0.2, 0.2, 0.4, 0.8};
  for (int it = 0; it < 1000; ++it) {
    int n = 2 + static_cast<int>(rng() % 11);
    std::vector<rcp::StableCandidate> cands;
    for (int x = 0; x < n; ++x)
      for (int y = x + 1; y < n; ++y)
        if (rng() % 3) {
          double s = levels[rng() % 5];
          cands.push_back({x * 7 + 3, y * 7 + 3, s, s, s});  // gains = score: ranking by the score
        }
    auto g = rcp::best_pair_first(cands);
    std::vector<std::pair<std::int64_t, std::int64_t>> m;
    for (const auto& p : g) m.emplace_back(p.a, p.b);
    ASSERT_EQ(rcp::count_blocking_pairs(cands, m), 0u) << "instance " << it;
    // Irving agrees that a stable matching exists.
    ASSERT_TRUE(rcp::stable_roommates(cands).stable);
  }
}

TEST(BestPairFirst, TakesHighestScoreFirstWithIdTieBreak) {
  std::vector<rcp::StableCandidate> c = {
      {1, 2, 0.5, 0, 0}, {3, 4, 0.5, 0, 0}, {2, 3, 0.9, 0, 0}, {1, 4, 0.2, 0, 0}, {4, 5, 0.5, 0, 0}};
  auto g = rcp::best_pair_first(c);
  // {2,3} (0.9) first; of the 0.5 ties in (min id, max id) order {1,2} and
  // {3,4} are blocked, {4,5} is taken; {1,4} (0.2) is then blocked.
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].a, 2);
  EXPECT_EQ(g[0].b, 3);
  EXPECT_EQ(g[0].score, 0.9);
  EXPECT_EQ(g[1].a, 4);
  EXPECT_EQ(g[1].b, 5);
}

// ---- input checks ------------------------------------------------------------

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

TEST(StableRoommatesChecks, BadCandidates) {
  using C = rcp::StableCandidate;
  EXPECT_NE(error_of([] { rcp::stable_roommates({C{3, 3, 0.5, 0.1, 0.1}}); }).find("self-pair"), std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates({C{1, 2, std::nan(""), 0.1, 0.1}}); }).find("score is NaN"),
            std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates({C{1, 2, 0.5, -0.1, 0.1}}); }).find("a_gain is negative"),
            std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates({C{1, 2, 0.5, 0.1, 1.0 / 0.0}}); }).find("b_gain is infinite"),
            std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates({C{1, 2, 0.5, 0.1, 0.2}, C{2, 1, 0.5, 0.1, 0.2}}); })
                .find("(1, 2) is given twice with different values"),
            std::string::npos);
  // The same pair both ways with consistent values is fine.
  EXPECT_EQ(rcp::stable_roommates({C{1, 2, 0.5, 0.1, 0.2}, C{2, 1, 0.5, 0.2, 0.1}}).pairs.size(), 1u);
  std::vector<C> c = {C{1, 2, 0.5, 0.1, 0.2}, C{2, 3, 0.5, 0.1, 0.2}};
  EXPECT_NE(error_of([&] { rcp::count_blocking_pairs(c, {{1, 3}}); }).find("not a candidate pair"), std::string::npos);
  EXPECT_NE(error_of([&] { rcp::count_blocking_pairs(c, {{1, 2}, {2, 3}}); }).find("more than one pair"),
            std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates_prefs({{1}, {}}); }).find("mutual"), std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates_prefs({{0}}); }).find("itself"), std::string::npos);
  EXPECT_NE(error_of([] { rcp::stable_roommates_prefs({{1, 1}, {0}}); }).find("twice"), std::string::npos);
}

TEST(StableRoommatesChecks, EmptyAndTiny) {
  EXPECT_TRUE(rcp::stable_roommates({}).stable);
  EXPECT_TRUE(rcp::stable_roommates({}).pairs.empty());
  auto r = rcp::stable_roommates({{10, 20, 0.3, 0.0, 0.0}});
  ASSERT_TRUE(r.stable);
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].a, 10);
  EXPECT_EQ(r.pairs[0].b, 20);
  EXPECT_EQ(r.pairs[0].score, 0.3);
}

// A WIIFM example where best-pair-first by score is not stable but Irving is.
TEST(StableRoommatesWiifm, OwnGainRanksNotTheScore) {
  using C = rcp::StableCandidate;
  // 1-2 has the best score, but 1 gains more from 3 and 3 gains more from 1.
  std::vector<C> c = {C{1, 2, 0.9, 0.5, 0.9}, C{1, 3, 0.6, 0.8, 0.8}, C{2, 4, 0.5, 0.5, 0.5}, C{3, 4, 0.1, 0.1, 0.1}};
  auto g = rcp::best_pair_first(c);
  std::vector<std::pair<std::int64_t, std::int64_t>> m;
  for (const auto& p : g) m.emplace_back(p.a, p.b);
  EXPECT_EQ(rcp::count_blocking_pairs(c, m), 1u);  // {1, 3} blocks {1,2},{3,4}
  auto r = rcp::stable_roommates(c);
  ASSERT_TRUE(r.stable);
  ASSERT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.pairs[0].a, 1);
  EXPECT_EQ(r.pairs[0].b, 3);
  EXPECT_EQ(r.pairs[1].a, 2);
  EXPECT_EQ(r.pairs[1].b, 4);
}

}  // namespace
