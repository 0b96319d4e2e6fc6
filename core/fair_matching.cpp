// reciprocity core: the `fair` matching objective (see fair_matching.hpp).
#include "core/fair_matching.hpp"

#include <algorithm>
#include <cstdint>

#include "core/error.hpp"

namespace rcp {

namespace {

std::size_t cardinality(const std::vector<std::int32_t>& mate) {
  std::size_t c = 0;
  for (std::size_t v = 0; v < mate.size(); ++v)
    if (mate[v] >= 0 && static_cast<std::size_t>(mate[v]) > v) ++c;
  return c;
}

std::vector<WeightedEdge> at_least(const std::vector<WeightedEdge>& edges, std::int64_t t) {
  std::vector<WeightedEdge> out;
  for (const auto& e : edges)
    if (e.weight >= t) out.push_back(e);
  return out;
}

}  // namespace

Matching fair_matching(std::size_t n, const WeightedEdge* edges, std::size_t m) {
  const std::vector<WeightedEdge> canon = canonical_edges(n, edges, m);
  const std::vector<std::int32_t> full = detail::solve_max_cardinality(n, canon);
  const std::size_t nu = cardinality(full);
  if (nu == 0) return detail::make_matching(n, canon, std::vector<std::int32_t>(n, -1));

  std::vector<std::int64_t> w;
  w.reserve(canon.size());
  for (const auto& e : canon) w.push_back(e.weight);
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());

  // Largest index lo with a matching of nu pairs among weights >= w[lo].
  std::size_t lo = 0, hi = w.size() - 1;
  std::vector<std::int32_t> warm;  // a matching of a threshold above every later test
  std::vector<std::int32_t> at_lo = full;  // a matching of nu pairs among weights >= w[lo]
  std::vector<char> covered(n);
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    const std::vector<WeightedEdge> sub = at_least(canon, w[mid]);
    bool ok = sub.size() >= nu;
    if (ok) {
      // Quick rejection: fewer than 2 nu vertices touched by these pairs.
      std::fill(covered.begin(), covered.end(), 0);
      std::size_t touched = 0;
      for (const auto& e : sub) {
        touched += !covered[e.u] + !covered[e.v];
        covered[e.u] = covered[e.v] = 1;
      }
      ok = touched >= 2 * nu;
    }
    if (ok) {
      std::vector<std::int32_t> mate = detail::solve_max_cardinality(n, sub, warm.empty() ? nullptr : &warm);
      ok = cardinality(mate) == nu;
      if (ok) {
        at_lo = std::move(mate);
      } else {
        warm = std::move(mate);
      }
    }
    if (ok) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const std::vector<WeightedEdge> sub = at_least(canon, w[lo]);
  Matching r = detail::make_matching(n, canon, detail::solve_max_cardinality_max_weight(n, sub, &at_lo));
  if (r.size() != nu || r.min_weight != w[lo]) fail(ErrorCode::internal, "fair matching: inconsistent bottleneck");
  return r;
}

}  // namespace rcp
