// reciprocity core: exact maximum-weight matching in a general graph.
//
// Anyone may pair with anyone (reverse and peer mentoring), so the candidate
// graph is not bipartite: this is Edmonds' weighted blossom algorithm,
// primal-dual, on integer (fixed-point) weights, so that the optimum is exact.
//
// Objectives
//   max_weight_matching(n, edges)          the largest total weight (not
//                                          necessarily perfect, not necessarily
//                                          of maximum cardinality). Edges of
//                                          weight 0 are never matched: they add
//                                          nothing to the total.
//   max_weight_matching(n, edges, true)    among the matchings with the most
//                                          pairs, the largest total (weight-0
//                                          edges count for cardinality).
//   max_cardinality_matching(n, edges)     the most pairs, weights ignored.
//   fair_matching(n, edges)                see fair_matching.hpp.
//
// Input. Vertices are 0 .. n-1. An edge is an unordered pair {u, v} with a
// weight in [0, kMaxMatchingWeight]. Rejected with ErrorCode::invalid_argument:
// a self-pair (u == v), a vertex >= n, a negative or over-range weight, the same
// pair given twice with different weights. The same pair given twice with the
// same weight counts once. Too many vertices/edges, or weights whose sums would
// not fit in 64 bits: ErrorCode::too_large.
//
// Determinism and tie-break. The edge list is first put in canonical order
// (each edge as (min, max), sorted by (u, v)); the solver is deterministic on
// that order. So the same edge set in any order and any orientation gives the
// same pairs. Among several optimal matchings the one returned is the one the
// algorithm reaches on the canonical list: vertices are tried as search roots
// in increasing index order, and ties between equally good steps go to the
// smaller vertex / edge index. For maximum cardinality, the maximum-weight
// matching is then augmented by an alternating forest grown from all the
// free vertices at once, with the same tie-break between equal events. It
// depends on the vertex numbering, so a caller that wants the result to
// depend only on its ids numbers them canonically (e.g. ids in ascending
// order -> 0 .. n-1).
//
// Fixed point. Scores are floats; score_to_weight(s) = round(s * 2^40)
// (kWeightFractionBits) turns them into exact integers: 2^40 steps per unit
// keep 12 significant decimal digits, far beyond what a reciprocity score
// carries, and leave 2^22 headroom for n/2 of them to be summed.
//
// Complexity. O(n m log n) worst case: each search grows one alternating tree
// from one free vertex with lazily updated duals (only the vertices and
// blossoms the search labels are touched and reset) and binary heaps for the
// next event; blossoms persist between searches. Maximum cardinality adds one
// forest (trees persist across its augmentations; only the two trees an
// augmentation joins are dissolved), so vertices left free cost one tree
// each, not one search over the graph each. Dense inputs (average degree
// above ~48) are solved by pricing: the matching is computed on the strongest
// candidates of each vertex, the optimal duals are checked against every
// input edge, and violated edges are added until none is left; the result is
// exactly optimal for the full edge list (LP duality), usually after one or
// two rounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rcp {

// Fixed-point scale used by score_to_weight: weight = round(score * 2^40).
constexpr int kWeightFractionBits = 40;
// Largest edge weight accepted (2^52, i.e. scores up to 4096 at 2^40).
constexpr std::int64_t kMaxMatchingWeight = std::int64_t{1} << 52;
// Largest number of vertices / edges accepted.
constexpr std::size_t kMaxMatchingVertices = (std::size_t{1} << 31) - 2;
constexpr std::size_t kMaxMatchingEdges = (std::size_t{1} << 30) - 1;

// round(score * 2^fraction_bits), halves away from zero. Throws
// invalid_argument for NaN, infinity, a negative score, fraction_bits outside
// [0, 52], or a result above kMaxMatchingWeight ("score 1e+300 is out of range
// for a matching weight (at most 4096 at 40 fraction bits)").
std::int64_t score_to_weight(double score, int fraction_bits = kWeightFractionBits);
// weight / 2^fraction_bits.
double weight_to_score(std::int64_t weight, int fraction_bits = kWeightFractionBits) noexcept;

struct WeightedEdge {
  std::uint32_t u = 0;
  std::uint32_t v = 0;
  std::int64_t weight = 0;
};

inline bool operator==(const WeightedEdge& a, const WeightedEdge& b) noexcept {
  return a.u == b.u && a.v == b.v && a.weight == b.weight;
}

// Validates and canonicalises: every edge as u < v, sorted by (u, v), equal
// duplicates merged. Throws as described above. O(m + n) (two counting-sort
// passes).
std::vector<WeightedEdge> canonical_edges(std::size_t n, const WeightedEdge* edges, std::size_t m);
inline std::vector<WeightedEdge> canonical_edges(std::size_t n, const std::vector<WeightedEdge>& edges) {
  return canonical_edges(n, edges.data(), edges.size());
}

struct Matching {
  // The pairs (a, b) with a < b, ascending by a.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  // mate[v] = v's partner, or -1 when v is unmatched. Size n.
  std::vector<std::int32_t> mate;
  // The input weight of each pair, in the order of `pairs`.
  std::vector<std::int64_t> weights;
  // Sum of the pair weights.
  std::int64_t total = 0;
  // Smallest pair weight (the weakest pair); 0 when there is no pair.
  std::int64_t min_weight = 0;

  std::size_t size() const noexcept { return pairs.size(); }
};

// Maximum-weight matching; with max_cardinality, maximum weight among the
// maximum-cardinality matchings. Deterministic (see above).
Matching max_weight_matching(std::size_t n, const WeightedEdge* edges, std::size_t m,
                             bool max_cardinality = false);
inline Matching max_weight_matching(std::size_t n, const std::vector<WeightedEdge>& edges,
                                    bool max_cardinality = false) {
  return max_weight_matching(n, edges.data(), edges.size(), max_cardinality);
}

// Maximum-cardinality matching, weights ignored (they are still validated and
// reported in the result). Edmonds' unweighted blossom algorithm, O(n m).
Matching max_cardinality_matching(std::size_t n, const WeightedEdge* edges, std::size_t m);
inline Matching max_cardinality_matching(std::size_t n, const std::vector<WeightedEdge>& edges) {
  return max_cardinality_matching(n, edges.data(), edges.size());
}

namespace detail {

// Builds a Matching from mate[] over canonical edges (looks the weights up).
Matching make_matching(std::size_t n, const std::vector<WeightedEdge>& canonical,
                       const std::vector<std::int32_t>& mate);

// The engines, on canonical edges (sorted by (u, v), u < v, no duplicates).
// Return mate[] (partner or -1).
//
// Maximum-weight matching; all weights must be >= 0 and <= 2^59 / ... (the
// callers check). Edges of weight 0 may or may not be matched.
std::vector<std::int32_t> solve_max_weight(std::size_t n, const std::vector<WeightedEdge>& canonical);
// Maximum-cardinality matching. `warm` (optional, size n) is a valid matching
// of the same graph to start from.
std::vector<std::int32_t> solve_max_cardinality(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                                const std::vector<std::int32_t>* warm = nullptr);
// Maximum weight among the maximum-cardinality matchings: solved for weight
// first, then augmented along maximum-weight augmenting paths up to the
// maximum cardinality (an alternating forest grown from all the free vertices
// at once). `max_matching` (optional, mate[] of size n): a maximum-cardinality
// matching of the same graph, when the caller has one; otherwise the
// unweighted engine finds one. Throws too_large as check_max_cardinality_range.
std::vector<std::int32_t> solve_max_cardinality_max_weight(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                                           const std::vector<std::int32_t>* max_matching = nullptr);

// Statistics of the last solve on this thread (for benchmarks and tests).
struct MatchingStats {
  std::size_t searches = 0;        // alternating-tree searches
  std::size_t pricing_rounds = 0;  // dense path: solves on a growing candidate set (0 = not used)
  std::size_t priced_edges = 0;    // dense path: edges in the final candidate set
};
MatchingStats last_matching_stats() noexcept;

// Test hooks: solve without the dense pricing path (always the plain engine);
// the same, then check the optimality certificate (dual feasibility and
// complementary slackness); *error receives "" when it holds, else the reason.
std::vector<std::int32_t> solve_max_weight_plain(std::size_t n, const std::vector<WeightedEdge>& canonical);
std::vector<std::int32_t> solve_max_weight_certified(std::size_t n, const std::vector<WeightedEdge>& canonical,
                                                     std::string* error, bool max_cardinality = false);
// Throws too_large when the weights are too large for the maximum-cardinality
// solve: (min(n / 2, m) + 1) * (largest weight) must stay below 2^58, so that
// its duals fit in 64 bits.
void check_max_cardinality_range(std::size_t n, const std::vector<WeightedEdge>& canonical);

}  // namespace detail

}  // namespace rcp
