// reciprocity core: the `fair` matching objective.
//
// Lexicographic, in this order:
//   1. as many people paired as possible (maximum cardinality over all the
//      candidate pairs, weight-0 pairs included);
//   2. then the weakest pair as strong as possible (maximise the minimum pair
//      weight, the bottleneck, among the maximum-cardinality matchings);
//   3. then the largest total among those.
//
// Method: the maximum cardinality nu of the whole candidate graph; a binary
// search over the distinct weights for the largest threshold t such that the
// pairs of weight >= t still admit a matching of nu pairs (an unweighted
// Edmonds check per step, warm-started from the matching of a higher
// threshold); then maximum weight among the maximum-cardinality matchings of
// the pairs of weight >= t, augmenting the maximum-weight matching of those
// pairs up to nu (the matching of nu pairs found at t gives the target; see
// detail::solve_max_cardinality_max_weight). Exact; O(log(distinct weights))
// cardinality checks plus one weighted solve.
//
// Input validation, determinism and tie-break as in max_weight_matching.hpp.
#pragma once

#include <cstddef>
#include <vector>

#include "core/max_weight_matching.hpp"

namespace rcp {

Matching fair_matching(std::size_t n, const WeightedEdge* edges, std::size_t m);
inline Matching fair_matching(std::size_t n, const std::vector<WeightedEdge>& edges) {
  return fair_matching(n, edges.data(), edges.size());
}

}  // namespace rcp
