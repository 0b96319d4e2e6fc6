// LEMON's NetworkSimplex as an oracle for the capacitated objective: random
// dense and sparse bipartite instances up to ~2,000 nodes; the optimum totals
// (integer fixed-point weights) must be equal.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include "core/capacitated_matching.hpp"

namespace {

// source -> mentee (cap 1), mentee -> mentor (cap 1, cost -w), mentor -> sink
// (cap c), source -> sink bypass (cap mentees): min cost = -max total.
std::int64_t lemon_optimum(const std::vector<std::int64_t>& cap, int mentees, const std::vector<rcp::TransportArc>& arcs) {
  lemon::SmartDigraph g;
  using Arc = lemon::SmartDigraph::Arc;
  using Node = lemon::SmartDigraph::Node;
  Node s = g.addNode(), t = g.addNode();
  std::vector<Node> e(mentees), m(cap.size());
  for (auto& v : e) v = g.addNode();
  for (auto& v : m) v = g.addNode();
  lemon::SmartDigraph::ArcMap<long long> upper(g), cost(g);
  auto add = [&](Node a, Node b, long long u, long long c) {
    Arc x = g.addArc(a, b);
    upper[x] = u;
    cost[x] = c;
  };
  for (int i = 0; i < mentees; ++i) add(s, e[i], 1, 0);
  for (const auto& a : arcs)
    if (a.weight > 0) add(e[a.mentee], m[a.mentor], 1, -a.weight);
  for (std::size_t j = 0; j < cap.size(); ++j) add(m[j], t, cap[j], 0);
  add(s, t, mentees, 0);
  lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
  ns.upperMap(upper).costMap(cost).stSupply(s, t, mentees);
  EXPECT_EQ(ns.run(), decltype(ns)::OPTIMAL);
  return -ns.totalCost<long long>();
}

TEST(CapacitatedLemon, EqualOptimaOnRandomDenseAndSparseInstances) {
  std::mt19937_64 rng(2024);
  int cases = 0;
  for (int it = 0; it < 60; ++it) {
    // Up to ~2,000 nodes: mentors 5..500, mentees 10..1500.
    int M = 5 + static_cast<int>(rng() % 496);
    int N = 10 + static_cast<int>(rng() % 1491);
    bool dense = it % 3 == 0;
    if (dense) {  // keep dense instances to <= ~300k arcs
      M = std::min(M, 200);
      N = std::min(N, 1500);
    }
    std::vector<std::int64_t> cap(M);
    for (auto& c : cap) c = 1 + static_cast<std::int64_t>(rng() % 5);
    std::vector<rcp::TransportArc> arcs;
    // Weight styles: reciprocity-like doubles at 2^40, small integers (ties),
    // or a few distinct values.
    int style = static_cast<int>(rng() % 3);
    auto weight = [&]() -> std::int64_t {
      if (style == 0)
        return rcp::capacitated_fixed_weight(std::uniform_real_distribution<double>(0, 1)(rng), 40);
      if (style == 1) return static_cast<std::int64_t>(rng() % 100);
      return static_cast<std::int64_t>(1 + rng() % 3);
    };
    if (dense) {
      for (int i = 0; i < N; ++i)
        for (int j = 0; j < M; ++j) arcs.push_back({i, j, weight()});
    } else {
      int d = 1 + static_cast<int>(rng() % 20);
      for (int i = 0; i < N; ++i) {
        std::vector<int> picks;
        for (int k = 0; k < d && k < M; ++k) {
          int j = static_cast<int>(rng() % static_cast<std::uint64_t>(M));
          if (std::find(picks.begin(), picks.end(), j) != picks.end()) continue;
          picks.push_back(j);
          arcs.push_back({i, j, weight()});
        }
      }
    }
    std::vector<int> of = rcp::max_weight_capacitated(cap, N, arcs);
    std::vector<std::vector<std::pair<int, std::int64_t>>> w(N);
    for (const auto& a : arcs) w[a.mentee].push_back({a.mentor, a.weight});
    std::int64_t ours = 0;
    std::vector<std::int64_t> used(M, 0);
    for (int i = 0; i < N; ++i) {
      if (of[i] < 0) continue;
      auto it2 = std::find_if(w[i].begin(), w[i].end(), [&](const auto& p) { return p.first == of[i]; });
      ASSERT_NE(it2, w[i].end());
      ASSERT_GT(it2->second, 0);
      ours += it2->second;
      ASSERT_LE(++used[of[i]], cap[of[i]]);
    }
    ASSERT_EQ(ours, lemon_optimum(cap, N, arcs))
        << "instance " << it << (dense ? " dense " : " sparse ") << M << " x " << N << " style " << style;
    ++cases;
  }
  EXPECT_EQ(cases, 60);
}

}  // namespace
