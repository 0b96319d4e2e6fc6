// Exhaustive oracle for matchings of small graphs (n <= 16): a DP over vertex
// subsets, for every objective of core/max_weight_matching.hpp and
// core/fair_matching.hpp.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <utility>
#include <vector>

#include "core/max_weight_matching.hpp"

namespace rcp_test {

struct Optimum {
  std::size_t pairs = 0;
  std::int64_t bottleneck = 0;  // fair only
  std::int64_t total = 0;
};

// Best (pairs, total) under `better` over all matchings of the graph.
template <class Better>
std::pair<std::size_t, std::int64_t> subset_dp(std::size_t n, const std::vector<rcp::WeightedEdge>& edges,
                                               Better better) {
  std::vector<std::vector<std::int64_t>> w(n, std::vector<std::int64_t>(n, -1));
  for (const auto& e : edges) w[e.u][e.v] = w[e.v][e.u] = e.weight;
  const std::size_t full = std::size_t{1} << n;
  std::vector<std::pair<std::size_t, std::int64_t>> best(full, {0, 0});
  for (std::size_t mask = 1; mask < full; ++mask) {
    std::size_t i = 0;
    while (!(mask >> i & 1)) ++i;
    const std::size_t rest = mask & ~(std::size_t{1} << i);
    auto b = best[rest];
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!(rest >> j & 1) || w[i][j] < 0) continue;
      auto c = best[rest & ~(std::size_t{1} << j)];
      c.first += 1;
      c.second += w[i][j];
      if (better(c, b)) b = c;
    }
    best[mask] = b;
  }
  return best[full - 1];
}

inline Optimum brute_total(std::size_t n, const std::vector<rcp::WeightedEdge>& edges) {
  auto r = subset_dp(n, edges, [](auto a, auto b) { return a.second > b.second; });
  return Optimum{0, 0, r.second};
}

inline Optimum brute_card_weight(std::size_t n, const std::vector<rcp::WeightedEdge>& edges) {
  auto r = subset_dp(n, edges, [](auto a, auto b) { return a.first > b.first || (a.first == b.first && a.second > b.second); });
  return Optimum{r.first, 0, r.second};
}

// (pairs, bottleneck, total) lexicographically maximal: the bottleneck is the
// largest threshold t whose edges >= t still give the maximum cardinality.
inline Optimum brute_fair(std::size_t n, const std::vector<rcp::WeightedEdge>& edges) {
  const auto all = brute_card_weight(n, edges);
  if (all.pairs == 0) return Optimum{};
  std::set<std::int64_t> ws;
  for (const auto& e : edges) ws.insert(e.weight);
  Optimum best{};
  for (auto t : ws) {
    std::vector<rcp::WeightedEdge> sub;
    for (const auto& e : edges)
      if (e.weight >= t) sub.push_back(e);
    const auto r = brute_card_weight(n, sub);
    if (r.pairs == all.pairs) best = Optimum{r.pairs, t, r.total};
  }
  return best;
}

// A random simple graph: each pair present with probability p; weights
// uniform in [lo, hi].
inline std::vector<rcp::WeightedEdge> random_graph(std::mt19937_64& rng, std::size_t n, double p, std::int64_t lo,
                                                   std::int64_t hi) {
  std::vector<rcp::WeightedEdge> edges;
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::uniform_int_distribution<std::int64_t> wd(lo, hi);
  for (std::uint32_t u = 0; u < n; ++u)
    for (std::uint32_t v = u + 1; v < n; ++v)
      if (coin(rng) < p) edges.push_back({u, v, wd(rng)});
  return edges;
}

// Checks that mate[] is a matching of the given graph; returns its pairs.
inline bool is_matching(std::size_t n, const std::vector<rcp::WeightedEdge>& edges, const rcp::Matching& m) {
  if (m.mate.size() != n) return false;
  std::set<std::pair<std::uint32_t, std::uint32_t>> have;
  for (const auto& e : edges) have.insert({std::min(e.u, e.v), std::max(e.u, e.v)});
  std::int64_t total = 0;
  for (std::size_t i = 0; i < m.pairs.size(); ++i) {
    auto [a, b] = m.pairs[i];
    if (a >= b || !have.count({a, b})) return false;
    if (m.mate[a] != static_cast<std::int32_t>(b) || m.mate[b] != static_cast<std::int32_t>(a)) return false;
    total += m.weights[i];
  }
  std::size_t matched = 0;
  for (std::size_t v = 0; v < n; ++v)
    if (m.mate[v] >= 0) ++matched;
  return matched == 2 * m.pairs.size() && total == m.total;
}

}  // namespace rcp_test
