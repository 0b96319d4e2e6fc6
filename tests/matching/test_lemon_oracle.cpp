// LEMON's MaxWeightedMatching (Debian liblemon-dev, test-only) as an oracle:
// random dense and sparse graphs up to n = 2,000; the totals must be equal.
// Also checks the maximum-cardinality objective against LEMON's
// MaxWeightedPerfectMatching where a perfect matching exists, and the
// cardinality engine against LEMON's MaxMatching.
#include <gtest/gtest.h>

#include <lemon/matching.h>
#include <lemon/smart_graph.h>

#include <random>

#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "oracle.hpp"

using rcp::WeightedEdge;

namespace {

struct LemonGraph {
  lemon::SmartGraph g;
  lemon::SmartGraph::EdgeMap<long long> w{g};
  LemonGraph(std::size_t n, const std::vector<WeightedEdge>& edges) {
    std::vector<lemon::SmartGraph::Node> nodes(n);
    for (auto& x : nodes) x = g.addNode();
    for (const auto& e : edges) w[g.addEdge(nodes[e.u], nodes[e.v])] = e.weight;
  }
};

long long lemon_total(std::size_t n, const std::vector<WeightedEdge>& edges) {
  LemonGraph lg(n, edges);
  lemon::MaxWeightedMatching<lemon::SmartGraph, lemon::SmartGraph::EdgeMap<long long>> m(lg.g, lg.w);
  m.run();
  return m.matchingWeight();
}

int lemon_cardinality(std::size_t n, const std::vector<WeightedEdge>& edges) {
  LemonGraph lg(n, edges);
  lemon::MaxMatching<lemon::SmartGraph> m(lg.g);
  m.run();
  return m.matchingSize();
}

}  // namespace

TEST(MatchingLemonOracle, RandomDenseAndSparseTotalsEqual) {
  std::mt19937_64 rng(424242);
  struct Shape {
    std::size_t n;
    double p;
    std::int64_t hi;
    int reps;
  };
  // Kept to a modest total runtime: LEMON takes seconds on the complete n = 2,000 graph.
  const Shape shapes[] = {
      {50, 1.0, 10, 20},   {100, 0.3, 1000, 20}, {200, 1.0, std::int64_t{1} << 40, 5},
      {300, 0.05, 7, 10},  {500, 0.02, std::int64_t{1} << 40, 5}, {1000, 0.3, std::int64_t{1} << 30, 2},
      {1000, 0.006, 100, 3}, {2000, 0.01, std::int64_t{1} << 40, 2}, {2000, 1.0, std::int64_t{1} << 40, 1},
  };
  int graphs = 0;
  for (const auto& s : shapes) {
    for (int r = 0; r < s.reps; ++r) {
      const auto edges = rcp_test::random_graph(rng, s.n, s.p, 0, s.hi);
      SCOPED_TRACE("n=" + std::to_string(s.n) + " p=" + std::to_string(s.p) + " rep " + std::to_string(r));
      const auto ours = rcp::max_weight_matching(s.n, edges);
      EXPECT_EQ(ours.total, lemon_total(s.n, edges));
      EXPECT_TRUE(rcp_test::is_matching(s.n, edges, ours));
      ++graphs;
    }
  }
  EXPECT_EQ(graphs, 68);
}

TEST(MatchingLemonOracle, CardinalityAndMaxCardinalityWeight) {
  std::mt19937_64 rng(77);
  for (int r = 0; r < 20; ++r) {
    const std::size_t n = 100 + rng() % 900;
    const double p = (r % 2) ? 3.0 / static_cast<double>(n) : 0.02;
    const auto edges = rcp_test::random_graph(rng, n, p, 1, 1000);
    SCOPED_TRACE("rep " + std::to_string(r) + " n=" + std::to_string(n));
    const int card = lemon_cardinality(n, edges);
    EXPECT_EQ(static_cast<int>(rcp::max_cardinality_matching(n, edges).size()), card);
    const auto cw = rcp::max_weight_matching(n, edges, true);
    EXPECT_EQ(static_cast<int>(cw.size()), card);
    EXPECT_EQ(static_cast<int>(rcp::fair_matching(n, edges).size()), card);
    if (2 * card == static_cast<int>(n)) {
      // A perfect matching exists: maximum cardinality + weight = LEMON's perfect optimum.
      LemonGraph lg(n, edges);
      lemon::MaxWeightedPerfectMatching<lemon::SmartGraph, lemon::SmartGraph::EdgeMap<long long>> pm(lg.g, lg.w);
      ASSERT_TRUE(pm.run());
      EXPECT_EQ(cw.total, pm.matchingWeight());
    }
  }
}
