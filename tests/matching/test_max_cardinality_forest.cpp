// Maximum cardinality, then maximum weight (the alternating forest of
// run_max_cardinality) and the `fair` objective built on it: against the
// exhaustive oracle on small graphs chosen to leave many vertices free at the
// weight optimum, and on larger graphs against a reference that solves the
// same objective the plain way (maximum weight on every weight shifted by a
// constant larger than any total, which makes one more pair worth more than
// any difference in weight).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "oracle.hpp"

using rcp::WeightedEdge;
using namespace rcp_test;

namespace {

// Reference: the plain single-tree engine on shifted weights.
rcp::Matching shifted_reference(std::size_t n, const std::vector<WeightedEdge>& canon) {
  std::int64_t maxw = 0;
  for (const auto& e : canon) maxw = std::max(maxw, e.weight);
  const std::int64_t shift = static_cast<std::int64_t>(std::min(n / 2, canon.size())) * maxw + 1;
  std::vector<WeightedEdge> shifted = canon;
  for (auto& e : shifted) e.weight += shift;
  return rcp::detail::make_matching(n, canon, rcp::detail::solve_max_weight_plain(n, shifted));
}

// Reference for `fair`: the largest threshold keeping the maximum cardinality
// (scanned over every distinct weight), then the reference above.
Optimum fair_reference(std::size_t n, const std::vector<WeightedEdge>& canon) {
  const std::size_t nu = rcp::max_cardinality_matching(n, canon).size();
  if (nu == 0) return Optimum{};
  std::set<std::int64_t> ws;
  for (const auto& e : canon) ws.insert(e.weight);
  std::int64_t best = *ws.begin();
  for (const auto t : ws) {
    std::vector<WeightedEdge> sub;
    for (const auto& e : canon)
      if (e.weight >= t) sub.push_back(e);
    if (rcp::max_cardinality_matching(n, sub).size() < nu) break;
    best = t;
  }
  std::vector<WeightedEdge> sub;
  for (const auto& e : canon)
    if (e.weight >= best) sub.push_back(e);
  const auto m = shifted_reference(n, sub);
  return Optimum{m.size(), m.min_weight, m.total};
}

// A sparse random graph with `m` edges (duplicates merged) and weights in
// [lo, hi]: low degrees leave many vertices free in every maximum matching.
std::vector<WeightedEdge> sparse_graph(std::mt19937_64& rng, std::size_t n, std::size_t m, std::int64_t lo,
                                       std::int64_t hi) {
  std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(n - 1));
  std::uniform_int_distribution<std::int64_t> wd(lo, hi);
  std::vector<WeightedEdge> edges;
  std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
  while (edges.size() < m) {
    std::uint32_t u = pick(rng), v = pick(rng);
    if (u == v) continue;
    if (u > v) std::swap(u, v);
    if (!seen.insert({u, v}).second) continue;
    edges.push_back({u, v, wd(rng)});
  }
  return rcp::canonical_edges(n, edges);
}

void check_against_reference(std::size_t n, const std::vector<WeightedEdge>& canon) {
  const auto ref = shifted_reference(n, canon);
  const auto m = rcp::max_weight_matching(n, canon, true);
  ASSERT_TRUE(is_matching(n, canon, m));
  EXPECT_EQ(m.size(), ref.size());
  EXPECT_EQ(m.total, ref.total);
  std::string why;
  rcp::detail::solve_max_weight_certified(n, canon, &why, true);
  EXPECT_EQ(why, "");
  // A caller's maximum matching (fair passes one) changes nothing.
  const auto card = rcp::detail::solve_max_cardinality(n, canon);
  EXPECT_EQ(rcp::detail::solve_max_cardinality_max_weight(n, canon, &card), m.mate);
}

}  // namespace

// Small graphs where the weight optimum leaves many vertices free: paths and
// stars with heavy middles, many weight-0 pairs, few distinct weights (ties).
TEST(MatchingMaxCardinalityForest, AgainstBruteForce) {
  std::mt19937_64 rng(424242);
  for (int rep = 0; rep < 3000; ++rep) {
    const std::size_t n = 2 + rng() % 11;
    std::vector<WeightedEdge> edges;
    switch (rep % 4) {
      case 0:
        edges = random_graph(rng, n, 0.25, 0, 1);
        break;
      case 1:
        edges = random_graph(rng, n, 0.3, 0, 3);
        break;
      case 2: {
        // A path whose inner edges are heavy and outer edges light.
        for (std::uint32_t v = 0; v + 1 < n; ++v)
          edges.push_back({v, v + 1, (v % 2 == 1) ? 100 + static_cast<std::int64_t>(rng() % 5) : 1});
        for (const auto& e : random_graph(rng, n, 0.1, 0, 200)) {
          if (e.v != e.u + 1) edges.push_back(e);
        }
        break;
      }
      default:
        edges = random_graph(rng, n, 0.5, 0, std::int64_t{1} << 40);
        break;
    }
    SCOPED_TRACE("rep " + std::to_string(rep) + " n=" + std::to_string(n));
    const auto cw = rcp::max_weight_matching(n, edges, true);
    ASSERT_TRUE(is_matching(n, edges, cw));
    const auto opt = brute_card_weight(n, edges);
    EXPECT_EQ(cw.size(), opt.pairs);
    EXPECT_EQ(cw.total, opt.total);
    std::string why;
    rcp::detail::solve_max_weight_certified(n, rcp::canonical_edges(n, edges), &why, true);
    EXPECT_EQ(why, "");
    const auto fair = rcp::fair_matching(n, edges);
    const auto f_opt = brute_fair(n, edges);
    EXPECT_EQ(fair.size(), f_opt.pairs);
    EXPECT_EQ(fair.min_weight, f_opt.bottleneck);
    EXPECT_EQ(fair.total, f_opt.total);
    if (HasFailure()) return;
  }
}

// Sparse graphs of hundreds to thousands of vertices: many trees grow at
// once, most never augment, and trees are dissolved after augmentations.
TEST(MatchingMaxCardinalityForest, SparseGraphsAgainstShiftedWeights) {
  std::mt19937_64 rng(31337);
  for (int rep = 0; rep < 60; ++rep) {
    const std::size_t n = 200 + rng() % 1800;
    const std::size_t m = n * (1 + rng() % 5) / 2 + 1;
    const std::int64_t hi = (rep % 3 == 0) ? 3 : (rep % 3 == 1 ? 1000 : std::int64_t{1} << 30);
    const auto canon = sparse_graph(rng, n, m, rep % 2 == 0 ? 0 : 1, hi);
    SCOPED_TRACE("rep " + std::to_string(rep) + " n=" + std::to_string(n) + " m=" + std::to_string(m));
    check_against_reference(n, canon);
    if (HasFailure()) return;
  }
}

// The dense path prices candidates; a maximum matching of the full list must
// be among them from the start. Two odd cliques joined by one light pair: the
// strongest candidates of every vertex stay inside its clique, yet the
// maximum cardinality needs that pair.
TEST(MatchingMaxCardinalityForest, DensePricingKeepsTheMaximumCardinality) {
  const std::uint32_t k = 65;
  std::vector<WeightedEdge> edges;
  for (std::uint32_t side = 0; side < 2; ++side)
    for (std::uint32_t a = 0; a < k; ++a)
      for (std::uint32_t b = a + 1; b < k; ++b) edges.push_back({side * k + a, side * k + b, 1000 + (a * 7 + b * 13) % 50});
  edges.push_back({k - 1, k, 1});
  const std::size_t n = 2 * k;
  const auto canon = rcp::canonical_edges(n, edges);
  const auto m = rcp::max_weight_matching(n, canon, true);
  EXPECT_GT(rcp::detail::last_matching_stats().pricing_rounds, 0u);
  EXPECT_EQ(m.size(), k);
  EXPECT_EQ(m.mate[k - 1], static_cast<std::int32_t>(k));
  check_against_reference(n, canon);

  std::mt19937_64 rng(5);
  for (int rep = 0; rep < 12; ++rep) {
    const std::size_t nn = 70 + rng() % 130;
    const auto dense = rcp::canonical_edges(nn, random_graph(rng, nn, 0.6, 0, rep % 2 ? 4 : 100000));
    SCOPED_TRACE("dense rep " + std::to_string(rep) + " n=" + std::to_string(nn));
    check_against_reference(nn, dense);
    if (HasFailure()) return;
  }
}

TEST(MatchingMaxCardinalityForest, FairOnLargerGraphs) {
  std::mt19937_64 rng(2718);
  for (int rep = 0; rep < 30; ++rep) {
    const std::size_t n = 100 + rng() % 700;
    const std::size_t m = n * (2 + rng() % 6) / 2;
    const auto canon = sparse_graph(rng, n, m, 0, rep % 2 == 0 ? 20 : 100000);
    SCOPED_TRACE("rep " + std::to_string(rep) + " n=" + std::to_string(n));
    const auto f = rcp::fair_matching(n, canon);
    ASSERT_TRUE(is_matching(n, canon, f));
    const auto ref = fair_reference(n, canon);
    EXPECT_EQ(f.size(), ref.pairs);
    EXPECT_EQ(f.min_weight, ref.bottleneck);
    EXPECT_EQ(f.total, ref.total);
    if (HasFailure()) return;
  }
}
