// rcp::match and rcp::audit: exhaustive oracles on small random instances for
// every objective (with pinned pairs and capacities), row-order invariance,
// the audit against a brute-force blocking-pair count, and every error
// message.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/match.hpp"
#include "core/stable_roommates.hpp"

namespace {

using rcp::MatchCandidate;
using rcp::MatchInput;
using rcp::MatchPair;
using Pair = std::pair<std::int64_t, std::int64_t>;

// ------------------------------------------------------------ the oracle

// A candidate graph in the oracle's own terms: ids, and per unordered pair
// (min, max) the score and each side's gain.
struct Graph {
  std::vector<std::int64_t> ids;
  struct Val {
    double score, g_lo, g_hi;
  };
  std::map<Pair, Val> cand;
  std::map<std::int64_t, std::int64_t> cap;  // mentors only

  bool has(std::int64_t x, std::int64_t y) const { return cand.count({std::min(x, y), std::max(x, y)}) > 0; }
  const Val& val(std::int64_t x, std::int64_t y) const { return cand.at({std::min(x, y), std::max(x, y)}); }
  double gain(std::int64_t x, std::int64_t y) const { return x < y ? val(x, y).g_lo : val(x, y).g_hi; }
  // x ranks y above z.
  bool prefers(std::int64_t x, std::int64_t y, std::int64_t z) const {
    return std::make_tuple(gain(x, y), val(x, y).score, -y) > std::make_tuple(gain(x, z), val(x, z).score, -z);
  }
  std::int64_t capacity(std::int64_t x) const {
    auto it = cap.find(x);
    return it == cap.end() ? 1 : it->second;
  }
};

Graph graph_of(const MatchInput& in) {
  Graph g;
  std::set<std::int64_t> ids;
  for (const auto& c : in.candidates) {
    ids.insert(c.a);
    ids.insert(c.b);
    double ga = in.gains ? c.a_gain : c.score, gb = in.gains ? c.b_gain : c.score;
    if (c.a < c.b) g.cand[{c.a, c.b}] = {c.score, ga, gb};
    else g.cand[{c.b, c.a}] = {c.score, gb, ga};
  }
  if (in.capacitated)
    for (const auto& m : in.mentors) {
      ids.insert(m.id);
      g.cap[m.id] = m.capacity;
    }
  g.ids.assign(ids.begin(), ids.end());
  return g;
}

// Blocking pairs of a matching (pairs as (min, max)), by brute force.
std::vector<Pair> brute_blocking(const Graph& g, const std::vector<Pair>& m) {
  std::map<std::int64_t, std::vector<std::int64_t>> partners;
  std::set<Pair> in_m;
  for (auto [x, y] : m) {
    partners[x].push_back(y);
    partners[y].push_back(x);
    in_m.insert({std::min(x, y), std::max(x, y)});
  }
  auto wants = [&](std::int64_t x, std::int64_t y) {
    const auto& ps = partners[x];
    if (static_cast<std::int64_t>(ps.size()) < g.capacity(x)) return true;
    for (auto z : ps)
      if (g.prefers(x, y, z)) return true;  // better than some partner, hence than the worst
    return false;
  };
  std::vector<Pair> out;
  for (const auto& [k, v] : g.cand) {
    (void)v;
    if (in_m.count(k)) continue;
    if (wants(k.first, k.second) && wants(k.second, k.first)) out.push_back(k);
  }
  return out;
}

// Every matching (pairs as (min, max)) of the candidate pairs among `people`,
// one-to-one.
void all_matchings(const Graph& g, const std::vector<std::int64_t>& people,
                   const std::function<void(const std::vector<Pair>&)>& visit) {
  std::vector<Pair> cur;
  std::set<std::int64_t> used;
  std::function<void(std::size_t)> rec = [&](std::size_t i) {
    while (i < people.size() && used.count(people[i])) ++i;
    if (i == people.size()) {
      visit(cur);
      return;
    }
    std::int64_t x = people[i];
    used.insert(x);
    rec(i + 1);  // x unmatched
    for (std::size_t j = i + 1; j < people.size(); ++j) {
      std::int64_t y = people[j];
      if (used.count(y) || !g.has(x, y)) continue;
      used.insert(y);
      cur.push_back({x, y});
      rec(i + 1);
      cur.pop_back();
      used.erase(y);
    }
    used.erase(x);
  };
  rec(0);
}

double total_of(const Graph& g, const std::vector<Pair>& m) {
  double t = 0;
  for (auto [x, y] : m) t += g.val(x, y).score;
  return t;
}

std::vector<Pair> pairs_of(const std::vector<MatchPair>& ps) {
  std::vector<Pair> out;
  for (const auto& p : ps) out.push_back({std::min(p.a, p.b), std::max(p.a, p.b)});
  return out;
}

// A random instance: n people with scattered ids, each pair a candidate with
// probability p, scores and gains multiples of 1/16 (exact sums).
MatchInput random_input(std::mt19937_64& rng, int n, double p, bool gains) {
  MatchInput in;
  std::set<std::int64_t> idset;
  std::uniform_int_distribution<std::int64_t> idd(-50, 200);
  while (static_cast<int>(idset.size()) < n) idset.insert(idd(rng));
  std::vector<std::int64_t> ids(idset.begin(), idset.end());
  std::shuffle(ids.begin(), ids.end(), rng);
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<int> sd(0, 16);
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (coin(rng) < p) in.candidates.push_back({ids[i], ids[j], sd(rng) / 16.0, sd(rng) / 16.0, sd(rng) / 16.0});
  in.gains = gains;
  return in;
}

// Random pinned pairs: a few disjoint candidate pairs.
void pin_some(std::mt19937_64& rng, MatchInput& in, int max_pins) {
  std::vector<MatchCandidate> cs = in.candidates;
  std::shuffle(cs.begin(), cs.end(), rng);
  std::set<std::int64_t> used;
  std::uniform_int_distribution<int> kd(0, max_pins);
  int k = kd(rng);
  for (const auto& c : cs) {
    if (static_cast<int>(in.pinned.size()) >= k) break;
    if (used.count(c.a) || used.count(c.b)) continue;
    used.insert(c.a);
    used.insert(c.b);
    if (rng() & 1) in.pinned.push_back({c.a, c.b});
    else in.pinned.push_back({c.b, c.a});
  }
}

// People not in a pinned pair, and the pinned pairs as (min, max).
std::vector<std::int64_t> free_people(const Graph& g, const MatchInput& in, std::vector<Pair>* pinned) {
  std::set<std::int64_t> gone;
  for (auto [a, b] : in.pinned) {
    gone.insert(a);
    gone.insert(b);
    pinned->push_back({std::min(a, b), std::max(a, b)});
  }
  std::vector<std::int64_t> out;
  for (auto x : g.ids)
    if (!gone.count(x)) out.push_back(x);
  return out;
}

// Checks the audit fields of a result against the oracle.
void check_audit(const Graph& g, const std::vector<Pair>& m, const rcp::MatchAudit& a) {
  EXPECT_EQ(a.blocking, brute_blocking(g, m));
  EXPECT_EQ(a.stable, a.blocking.empty());
  EXPECT_EQ(a.pairs, m.size());
  EXPECT_EQ(a.people, g.ids.size());
  EXPECT_DOUBLE_EQ(a.total, total_of(g, m));
  std::map<std::int64_t, double> outcome;
  for (auto x : g.ids) outcome[x] = -1;
  for (auto [x, y] : m)
    for (auto z : {x, y})
      outcome[z] = outcome[z] < 0 ? g.val(x, y).score : std::min(outcome[z], g.val(x, y).score);
  std::size_t unmatched = 0;
  bool any = false;
  std::tuple<double, int, std::int64_t> best{};
  for (auto [x, o] : outcome) {
    if (o < 0) ++unmatched;
    auto key = std::make_tuple(o < 0 ? 0.0 : o, o < 0 ? 0 : 1, x);
    if (!any || key < best) best = key, any = true;
  }
  EXPECT_EQ(a.unmatched, unmatched);
  EXPECT_EQ(a.has_worst_off, any);
  if (any) {
    EXPECT_EQ(a.worst_off, std::get<2>(best));
    EXPECT_EQ(a.worst_off_score, std::get<0>(best));
  }
  double weakest = 0;
  for (std::size_t i = 0; i < m.size(); ++i)
    weakest = i == 0 ? g.val(m[i].first, m[i].second).score : std::min(weakest, g.val(m[i].first, m[i].second).score);
  EXPECT_EQ(a.weakest_score, weakest);
}

// Result pairs: valid, sorted, contain the pinned pairs, scores from the input.
void check_shape(const Graph& g, const MatchInput& in, const rcp::MatchResult& r) {
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < r.pairs.size(); ++i) {
    const auto& p = r.pairs[i];
    ASSERT_LT(p.a, p.b);
    ASSERT_TRUE(g.has(p.a, p.b));
    EXPECT_EQ(p.score, g.val(p.a, p.b).score);
    EXPECT_TRUE(seen.insert(p.a).second);
    EXPECT_TRUE(seen.insert(p.b).second);
    if (i) {
      EXPECT_LT(std::make_pair(r.pairs[i - 1].a, r.pairs[i - 1].b), std::make_pair(p.a, p.b));
    }
  }
  auto got = pairs_of(r.pairs);
  for (auto [a, b] : in.pinned)
    EXPECT_TRUE(std::count(got.begin(), got.end(), Pair{std::min(a, b), std::max(a, b)})) << a << "," << b;
}

TEST(MatchOracle, TotalAndFairMatchExhaustiveSearch) {
  std::mt19937_64 rng(20240501);
  for (int iter = 0; iter < 1500; ++iter) {
    const int n = 2 + static_cast<int>(rng() % 9);  // 2..10
    const double p = (rng() % 4 + 1) / 4.0;
    MatchInput in = random_input(rng, n, p, false);
    pin_some(rng, in, 2);
    Graph g = graph_of(in);
    std::vector<Pair> pinned;
    auto people = free_people(g, in, &pinned);
    double pinned_total = total_of(g, pinned);

    // total: the largest sum over the matchings of the rest.
    double best_total = 0;
    // fair: (pairs, weakest, total), lexicographically largest, on the rest.
    std::tuple<std::size_t, double, double> best_fair{0, 0, 0};
    all_matchings(g, people, [&](const std::vector<Pair>& m) {
      double t = total_of(g, m);
      best_total = std::max(best_total, t);
      double w = 0;
      for (std::size_t i = 0; i < m.size(); ++i) w = i ? std::min(w, g.val(m[i].first, m[i].second).score) : g.val(m[i].first, m[i].second).score;
      best_fair = std::max(best_fair, std::make_tuple(m.size(), w, t));
    });

    in.objective = "total";
    auto r = rcp::match(in);
    check_shape(g, in, r);
    EXPECT_DOUBLE_EQ(r.audit.total, pinned_total + best_total) << "iter " << iter;
    check_audit(g, pairs_of(r.pairs), r.audit);

    in.objective = "fair";
    auto f = rcp::match(in);
    check_shape(g, in, f);
    std::vector<Pair> rest;
    for (auto q : pairs_of(f.pairs))
      if (!std::count(pinned.begin(), pinned.end(), q)) rest.push_back(q);
    double w = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) w = i ? std::min(w, g.val(rest[i].first, rest[i].second).score) : g.val(rest[i].first, rest[i].second).score;
    EXPECT_EQ(std::make_tuple(rest.size(), w, total_of(g, rest)), best_fair) << "iter " << iter;
    check_audit(g, pairs_of(f.pairs), f.audit);
    if (HasFailure()) return;
  }
}

TEST(MatchOracle, StableFindsAStableMatchingWhenOneExists) {
  std::mt19937_64 rng(777);
  int with = 0, without = 0;
  for (int iter = 0; iter < 1500; ++iter) {
    const int n = 2 + static_cast<int>(rng() % 9);
    const double p = (rng() % 4 + 1) / 4.0;
    MatchInput in = random_input(rng, n, p, iter % 3 != 0);
    pin_some(rng, in, iter % 2);
    Graph g = graph_of(in);
    std::vector<Pair> pinned;
    auto people = free_people(g, in, &pinned);
    // Is there a matching of the rest with no blocking pair among the rest?
    Graph rest_graph = g;
    rest_graph.cand.clear();
    for (const auto& [k, v] : g.cand)
      if (std::count(people.begin(), people.end(), k.first) && std::count(people.begin(), people.end(), k.second))
        rest_graph.cand[k] = v;
    bool exists = false;
    all_matchings(rest_graph, people, [&](const std::vector<Pair>& m) {
      if (!exists && brute_blocking(rest_graph, m).empty()) exists = true;
    });
    in.objective = "stable";
    auto r = rcp::match(in);
    check_shape(g, in, r);
    std::vector<Pair> rest;
    for (auto q : pairs_of(r.pairs))
      if (!std::count(pinned.begin(), pinned.end(), q)) rest.push_back(q);
    EXPECT_EQ(brute_blocking(rest_graph, rest).empty(), exists) << "iter " << iter;
    check_audit(g, pairs_of(r.pairs), r.audit);
    if (in.pinned.empty()) {
      EXPECT_EQ(r.audit.stable, exists);
      if (!exists) {
        EXPECT_NE(r.audit.explanation.find("no stable matching exists"), std::string::npos);
      } else {
        EXPECT_EQ(r.audit.explanation, "");
      }
    }
    (exists ? with : without)++;
    if (HasFailure()) return;
  }
  EXPECT_GT(with, 100);
  EXPECT_GT(without, 10);
}

TEST(MatchOracle, CapacitiesMatchExhaustiveAssignment) {
  std::mt19937_64 rng(4242);
  for (int iter = 0; iter < 800; ++iter) {
    const int mentors = 1 + static_cast<int>(rng() % 3), mentees = 1 + static_cast<int>(rng() % 6);
    MatchInput in;
    in.capacitated = true;
    std::vector<std::int64_t> ms, es;
    for (int j = 0; j < mentors; ++j) {
      ms.push_back(100 - 7 * j);
      in.mentors.push_back({ms.back(), 1 + static_cast<std::int64_t>(rng() % 3)});
    }
    for (int i = 0; i < mentees; ++i) es.push_back(3 * i + static_cast<std::int64_t>(rng() % 3) + (i % 2 ? 200 : 0));
    std::map<Pair, double> score;  // (mentor, mentee)
    for (auto m : ms)
      for (auto e : es)
        if (rng() % 3) {
          double s = static_cast<double>(rng() % 17) / 16.0;
          score[{m, e}] = s;
          if (rng() & 1) in.candidates.push_back({m, e, s, 0, 0});
          else in.candidates.push_back({e, m, s, 0, 0});  // either orientation
        }
    // Pin at most one pair.
    if (!score.empty() && rng() % 2) {
      auto it = score.begin();
      std::advance(it, static_cast<long>(rng() % score.size()));
      in.pinned.push_back(it->first);
    }
    std::map<std::int64_t, std::int64_t> cap;
    for (const auto& m : in.mentors) cap[m.id] = m.capacity;
    // Exhaustive: each mentee picks a mentor or none.
    double best = -1;
    std::vector<std::int64_t> choice(es.size(), 0);
    std::function<void(std::size_t, double)> rec = [&](std::size_t i, double t) {
      if (i == es.size()) {
        best = std::max(best, t);
        return;
      }
      bool pinned_here = !in.pinned.empty() && in.pinned[0].second == es[i];
      if (!pinned_here) rec(i + 1, t);
      for (auto m : ms) {
        if (!score.count({m, es[i]}) || cap[m] == 0) continue;
        if (pinned_here && in.pinned[0].first != m) continue;
        --cap[m];
        rec(i + 1, t + score[{m, es[i]}]);
        ++cap[m];
      }
    };
    rec(0, 0.0);
    auto r = rcp::match(in);
    EXPECT_DOUBLE_EQ(r.audit.total, best) << "iter " << iter;
    std::map<std::int64_t, int> load;
    std::set<std::int64_t> taken;
    for (std::size_t k = 0; k < r.pairs.size(); ++k) {
      const auto& p = r.pairs[k];
      ASSERT_TRUE(score.count({p.a, p.b})) << "mentor first";
      EXPECT_EQ(p.score, (score[{p.a, p.b}]));
      EXPECT_TRUE(taken.insert(p.b).second);
      EXPECT_LE(++load[p.a], cap[p.a]);
      if (k) {
        EXPECT_LT(std::make_pair(r.pairs[k - 1].a, r.pairs[k - 1].b), std::make_pair(p.a, p.b));
      }
    }
    for (auto q : in.pinned) EXPECT_TRUE(std::count_if(r.pairs.begin(), r.pairs.end(), [&](const MatchPair& p) {
      return p.a == q.first && p.b == q.second;
    }));
    // Audit vs brute force with capacities.
    Graph g = graph_of(in);
    check_audit(g, pairs_of(r.pairs), r.audit);
    if (HasFailure()) return;
  }
}

// --------------------------------------------------------- invariances

TEST(MatchDeterminism, AnyRowOrderAndOrientationGivesTheSamePairs) {
  std::mt19937_64 rng(99);
  for (int iter = 0; iter < 300; ++iter) {
    const int n = 2 + static_cast<int>(rng() % 30);
    MatchInput in = random_input(rng, n, 0.5, iter % 2 == 0);
    pin_some(rng, in, 2);
    for (const char* obj : {"total", "fair", "stable"}) {
      in.objective = obj;
      auto base = rcp::match(in);
      MatchInput shuffled = in;
      std::shuffle(shuffled.candidates.begin(), shuffled.candidates.end(), rng);
      for (auto& c : shuffled.candidates)
        if (rng() & 1) {
          std::swap(c.a, c.b);
          std::swap(c.a_gain, c.b_gain);
        }
      // Equal duplicates, either way round, count once.
      if (!shuffled.candidates.empty()) {
        auto c = shuffled.candidates[rng() % shuffled.candidates.size()];
        std::swap(c.a, c.b);
        std::swap(c.a_gain, c.b_gain);
        shuffled.candidates.push_back(c);
      }
      std::shuffle(shuffled.pinned.begin(), shuffled.pinned.end(), rng);
      auto again = rcp::match(shuffled);
      ASSERT_EQ(base.pairs.size(), again.pairs.size()) << obj;
      for (std::size_t i = 0; i < base.pairs.size(); ++i) {
        EXPECT_EQ(base.pairs[i].a, again.pairs[i].a);
        EXPECT_EQ(base.pairs[i].b, again.pairs[i].b);
        EXPECT_EQ(base.pairs[i].score, again.pairs[i].score);
      }
      EXPECT_EQ(base.audit.blocking, again.audit.blocking);
      EXPECT_EQ(base.audit.total, again.audit.total);
      EXPECT_EQ(base.audit.explanation, again.audit.explanation);
    }
    if (HasFailure()) return;
  }
}

TEST(MatchDeterminism, CapacitatedRowOrder) {
  MatchInput in;
  in.capacitated = true;
  in.mentors = {{10, 2}, {20, 1}};
  in.candidates = {{10, 1, 0.5, 0, 0}, {2, 10, 0.5, 0, 0}, {20, 1, 0.5, 0, 0}, {3, 20, 0.5, 0, 0}, {10, 3, 0.5, 0, 0}};
  auto base = rcp::match(in);
  std::mt19937_64 rng(5);
  for (int i = 0; i < 50; ++i) {
    MatchInput s = in;
    std::shuffle(s.candidates.begin(), s.candidates.end(), rng);
    std::shuffle(s.mentors.begin(), s.mentors.end(), rng);
    auto r = rcp::match(s);
    ASSERT_EQ(r.pairs.size(), base.pairs.size());
    for (std::size_t k = 0; k < r.pairs.size(); ++k) {
      EXPECT_EQ(r.pairs[k].a, base.pairs[k].a);
      EXPECT_EQ(r.pairs[k].b, base.pairs[k].b);
    }
  }
  EXPECT_EQ(base.audit.total, 1.5);
}

// --------------------------------------------------------------- audit

TEST(Audit, AnyMatchingAgainstBruteForceAndTheStableEngine) {
  std::mt19937_64 rng(31337);
  for (int iter = 0; iter < 2000; ++iter) {
    const int n = 2 + static_cast<int>(rng() % 12);
    MatchInput in = random_input(rng, n, 0.6, iter % 2 == 0);
    Graph g = graph_of(in);
    // A random matching of the candidates.
    std::vector<MatchCandidate> cs = in.candidates;
    std::shuffle(cs.begin(), cs.end(), rng);
    std::set<std::int64_t> used;
    std::vector<Pair> m;
    for (const auto& c : cs) {
      if (used.count(c.a) || used.count(c.b) || rng() % 3 == 0) continue;
      used.insert(c.a);
      used.insert(c.b);
      m.push_back(rng() & 1 ? Pair{c.a, c.b} : Pair{c.b, c.a});
    }
    auto a = rcp::audit(in, m);
    std::vector<Pair> canon;
    for (auto [x, y] : m) canon.push_back({std::min(x, y), std::max(x, y)});
    std::sort(canon.begin(), canon.end());
    check_audit(g, canon, a);
    // The stable-roommates module counts the same blocking pairs.
    std::vector<rcp::StableCandidate> sc;
    for (const auto& c : in.candidates)
      sc.push_back({c.a, c.b, c.score, in.gains ? c.a_gain : c.score, in.gains ? c.b_gain : c.score});
    EXPECT_EQ(a.blocking, rcp::blocking_pairs(sc, m));
    if (a.stable) {
      EXPECT_EQ(a.explanation, "");
    } else {
      EXPECT_EQ(a.explanation.rfind("not stable: ", 0), 0u) << a.explanation;
    }
    if (HasFailure()) return;
  }
}

TEST(Audit, HandMadeCohort) {
  // 1-2 strong, 3-4 weak, 5 alone; 2 and 3 would rather be together.
  MatchInput in;
  in.candidates = {{1, 2, 0.9, 0, 0}, {2, 3, 0.8, 0, 0}, {3, 4, 0.1, 0, 0}, {4, 5, 0.2, 0, 0}};
  auto a = rcp::audit(in, {{1, 2}, {4, 3}});
  EXPECT_EQ(a.pairs, 2u);
  EXPECT_EQ(a.people, 5u);
  EXPECT_EQ(a.unmatched, 1u);
  EXPECT_DOUBLE_EQ(a.total, 1.0);
  EXPECT_EQ(a.weakest_score, 0.1);
  EXPECT_TRUE(a.has_worst_off);
  EXPECT_EQ(a.worst_off, 5);  // unmatched: outcome 0
  EXPECT_EQ(a.worst_off_score, 0.0);
  EXPECT_FALSE(a.worst_off_matched);
  EXPECT_EQ(a.blocking, (std::vector<Pair>{{4, 5}}));
  EXPECT_FALSE(a.stable);
  EXPECT_EQ(a.explanation,
            "not stable: 1 blocking pair; the first is (4, 5) (both would rather be together than with their partners)");
  // Nobody: no worst-off.
  auto e = rcp::audit(MatchInput{}, {});
  EXPECT_FALSE(e.has_worst_off);
  EXPECT_TRUE(e.stable);
  EXPECT_EQ(e.people, 0u);

  auto t = rcp::match(in);
  ASSERT_EQ(t.pairs.size(), 2u);
  EXPECT_EQ(t.pairs[0].a, 1);
  EXPECT_EQ(t.pairs[0].b, 2);
  EXPECT_EQ(t.pairs[1].a, 4);
  EXPECT_EQ(t.pairs[1].b, 5);
  EXPECT_EQ(t.audit.worst_off, 3);
}

TEST(Stable, NoStableMatchingIsLabelled) {
  // A:BCD, B:CAD, C:ABD, D:ABC as gains (higher = preferred), ids 1..4.
  MatchInput in;
  in.gains = true;
  in.objective = "stable";
  auto g = [](int rank) { return 1.0 - rank / 4.0; };
  // rank of y in x's list: A=1 B=2 C=3 D=4
  std::map<int, std::vector<int>> pref = {{1, {2, 3, 4}}, {2, {3, 1, 4}}, {3, {1, 2, 4}}, {4, {1, 2, 3}}};
  auto rank = [&](int x, int y) {
    auto& l = pref[x];
    return static_cast<int>(std::find(l.begin(), l.end(), y) - l.begin());
  };
  for (int x = 1; x <= 4; ++x)
    for (int y = x + 1; y <= 4; ++y) in.candidates.push_back({x, y, 0.5, g(rank(x, y)), g(rank(y, x))});
  auto r = rcp::match(in);
  EXPECT_FALSE(r.audit.stable);
  EXPECT_EQ(r.audit.explanation.rfind("no stable matching exists", 0), 0u) << r.audit.explanation;
  EXPECT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.audit.blocking.size(), 1u);  // the minimum for this instance
  // Without gains the symmetric score ranks: best-pair-first is stable.
  in.gains = false;
  for (std::size_t i = 0; i < in.candidates.size(); ++i) in.candidates[i].score = 0.1 * static_cast<double>(i + 1);
  EXPECT_TRUE(rcp::match(in).audit.stable);
}

TEST(Pinned, KeptAndTheRestOptimisedAround) {
  MatchInput in;
  in.candidates = {{1, 2, 0.9, 0, 0}, {1, 3, 0.1, 0, 0}, {2, 4, 0.2, 0, 0}, {3, 4, 0.8, 0, 0}};
  in.pinned = {{3, 1}};
  auto r = rcp::match(in);
  ASSERT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.pairs[0].a, 1);
  EXPECT_EQ(r.pairs[0].b, 3);
  EXPECT_EQ(r.pairs[1].a, 2);
  EXPECT_EQ(r.pairs[1].b, 4);
  EXPECT_DOUBLE_EQ(r.audit.total, 0.3);
  in.objective = "stable";
  auto s = rcp::match(in);
  EXPECT_FALSE(s.audit.stable);  // (1, 2) and (3, 4) block the pinned pair
  EXPECT_EQ(s.audit.explanation,
            "the pairs around the pinned ones are stable, but 2 blocking pairs involve pinned people; the first is (1, 2)");
}

// ---------------------------------------------------------------- errors

std::string error_of(const MatchInput& in) {
  try {
    rcp::match(in);
  } catch (const rcp::Error& e) {
    EXPECT_EQ(e.code(), rcp::ErrorCode::invalid_argument);
    return e.what();
  }
  return "no error";
}

std::string audit_error_of(const MatchInput& in, const std::vector<Pair>& m) {
  try {
    rcp::audit(in, m);
  } catch (const rcp::Error& e) {
    EXPECT_EQ(e.code(), rcp::ErrorCode::invalid_argument);
    return e.what();
  }
  return "no error";
}

TEST(MatchErrors, ExactMessages) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  auto with = [](std::vector<MatchCandidate> cs) {
    MatchInput in;
    in.candidates = std::move(cs);
    return in;
  };
  EXPECT_EQ(error_of(with({{3, 3, 0.5, 0, 0}})), "candidate pair (3, 3) is a self-pair");
  EXPECT_EQ(error_of(with({{1, 2, 0.5, 0, 0}, {2, 1, 0.25, 0, 0}})),
            "candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)");
  EXPECT_EQ(error_of(with({{1, 2, 0.5, 0, 0}, {2, 1, 0.5, 0, 0}, {1, 2, 0.5, 0, 0}})), "no error");
  EXPECT_EQ(error_of(with({{1, 2, -1, 0, 0}})), "candidate pair (1, 2) has score -1; scores must be finite numbers >= 0");
  EXPECT_EQ(error_of(with({{2, 1, nan, 0, 0}})), "candidate pair (1, 2) has score NaN; scores must be finite numbers >= 0");
  EXPECT_EQ(error_of(with({{1, 2, inf, 0, 0}})),
            "candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0");
  EXPECT_EQ(error_of(with({{1, 2, 5000, 0, 0}})),
            "candidate pair (1, 2) has score 5000, over the largest score a matching takes (4096)");
  // The smallest bad pair is reported, whatever the row order.
  EXPECT_EQ(error_of(with({{7, 8, -2, 0, 0}, {5, 5, 1, 0, 0}})), "candidate pair (5, 5) is a self-pair");
  EXPECT_EQ(error_of(with({{5, 5, 1, 0, 0}, {7, 8, -2, 0, 0}})), "candidate pair (5, 5) is a self-pair");

  MatchInput g = with({{2, 1, 0.5, -0.5, 0.25}});
  g.gains = true;
  EXPECT_EQ(error_of(g), "candidate pair (1, 2) has b_gain -0.5; gains must be finite numbers >= 0");
  g = with({{1, 2, 0.5, 0.1, 0.2}, {2, 1, 0.5, 0.1, 0.2}});
  g.gains = true;
  EXPECT_EQ(error_of(g), "candidate pair (1, 2) is given twice with different gains");
  g.candidates[1] = {2, 1, 0.5, 0.2, 0.1};
  EXPECT_EQ(error_of(g), "no error");

  MatchInput o = with({{1, 2, 0.5, 0, 0}});
  o.objective = "best";
  EXPECT_EQ(error_of(o), "unknown objective 'best' (valid objectives: total, fair, stable)");

  MatchInput c = with({{1, 2, 0.5, 0, 0}});
  c.capacitated = true;
  EXPECT_EQ(error_of(c),
            "mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the "
            "mentees, everyone else)");
  c.mentors = {{1, 0}};
  EXPECT_EQ(error_of(c), "mentor 1 has capacity 0; capacities must be integers >= 1");
  c.mentors = {{1, 2}, {1, 3}};
  EXPECT_EQ(error_of(c), "mentor 1 is listed twice");
  c.mentors = {{1, 2}, {2, 3}};
  EXPECT_EQ(error_of(c), "candidate pair (1, 2) joins two mentors (with mentors given, every pair joins a mentor and a mentee)");
  c.mentors = {{9, 2}};
  EXPECT_EQ(error_of(c), "candidate pair (1, 2) has no mentor (with mentors given, every pair joins a mentor and a mentee)");
  c.mentors = {{1, 2}};
  c.objective = "fair";
  EXPECT_EQ(error_of(c),
            "objective 'fair' does not take mentors (capacities are solved for the largest total: use objective 'total')");
  c.objective = "stable";
  EXPECT_EQ(error_of(c),
            "objective 'stable' does not take mentors (capacities are solved for the largest total: use objective 'total')");

  MatchInput p = with({{1, 2, 0.5, 0, 0}, {2, 3, 0.5, 0, 0}, {3, 4, 0.5, 0, 0}});
  p.pinned = {{1, 3}};
  EXPECT_EQ(error_of(p), "pinned pair (1, 3) is not a candidate pair");
  p.pinned = {{4, 4}};
  EXPECT_EQ(error_of(p), "pinned pair (4, 4) is not a candidate pair");
  p.pinned = {{2, 3}, {1, 2}};
  EXPECT_EQ(error_of(p), "person 2 is pinned twice: (1, 2) and (2, 3)");
  p.pinned = {{2, 3}, {3, 2}};  // the same pair twice: once
  EXPECT_EQ(error_of(p), "no error");

  MatchInput cp = with({{1, 10, 0.5, 0, 0}, {1, 11, 0.5, 0, 0}, {2, 11, 0.5, 0, 0}});
  cp.capacitated = true;
  cp.mentors = {{1, 1}, {2, 1}};
  cp.pinned = {{1, 10}, {11, 1}};
  EXPECT_EQ(error_of(cp), "mentor 1 is pinned to more mentees than its capacity 1");
  cp.pinned = {{1, 11}, {2, 11}};
  EXPECT_EQ(error_of(cp), "mentee 11 is pinned twice: (1, 11) and (2, 11)");

  // The audit's own checks.
  MatchInput a = with({{1, 2, 0.5, 0, 0}, {2, 3, 0.5, 0, 0}});
  EXPECT_EQ(audit_error_of(a, {{1, 3}}), "matching pair (1, 3) is not a candidate pair");
  EXPECT_EQ(audit_error_of(a, {{1, 2}, {3, 2}}), "person 2 is in two pairs of the matching: (1, 2) and (2, 3)");
  EXPECT_EQ(audit_error_of(a, {{1, 2}, {2, 1}}), "no error");
  a.capacitated = true;
  a.mentors = {{2, 1}};
  EXPECT_EQ(audit_error_of(a, {{1, 2}, {3, 2}}), "mentor 2 has more mentees in the matching than its capacity 1");
  a.mentors = {{2, 2}};
  EXPECT_EQ(audit_error_of(a, {{1, 2}, {3, 2}}), "no error");
  EXPECT_EQ(audit_error_of(with({{1, 1, 0.5, 0, 0}}), {}), "candidate pair (1, 1) is a self-pair");
}

}  // namespace
