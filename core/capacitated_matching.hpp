// reciprocity core: capacitated two-sided matching (mentors take up to c
// mentees each, mentees take one mentor) with the maximum total score.
//
// Problem. Mentors j with capacity c_j >= 1, mentees with capacity 1, and
// candidate pairs (mentor, mentee, score). Choose pairs so that no mentor has
// more than c_j mentees and no mentee more than one mentor, maximising the sum
// of the scores. Pairs are optional: people may stay unmatched, and a pair
// with score <= 0 is never used. This is a min-cost flow (source -> mentee ->
// mentor -> sink) / a transportation problem.
//
// Exactness. Scores are turned into int64 fixed-point weights
// W = llround(score * 2^bits) with bits = options.fixed_point_bits (40 by
// default), lowered automatically when the largest score or the number of
// mentees would make the solver's integers overflow (so that
// max W * (mentees + 1) <= 2^58; it stays 40 for scores in [0, 1] up to
// ~250,000 mentees). The optimum is exact for these integer weights:
// `total_fixed` is the maximum of sum W over all feasible choices. Pairs whose
// W is 0 are not used. Floats appear only at the edges.
//
// Algorithm. The forward auction with epsilon-scaling (Bertsekas 1988; the
// "similar objects" form: mentor j is min(c_j, its candidates) slots that
// share its arcs, a bidder sees the cheapest slot and the second cheapest
// counts as another object) on the assignment problem where every mentee also
// has a private "stay unmatched" object of value 0. Weights are multiplied by
// K = mentees + 1 so that a final epsilon of 1 certifies optimality
// (mentees * epsilon < K). Epsilon starts at max weight / 8 and is divided by
// 8 per phase; a phase starts from the previous assignment minus the mentees
// no longer within epsilon of their best choice. Because slots may stay
// empty (an asymmetric problem), every phase ends with reverse-auction steps
// (Bertsekas & Castañon 1993) on each empty object priced above
// lambda = the lowest price of an occupied object (doing them only in the
// last phase makes prices descend by epsilon = 1 steps: far too slow). They
// restore complementary slackness: every mentee within epsilon of its best
// choice, empty objects priced <= lambda <= occupied ones. That, with
// mentees * epsilon < K, proves the total optimal. Measured: faster than
// LEMON's NetworkSimplex and CostScaling on reciprocity scores (see
// bench/matching_extra_bench.cpp); slower than NetworkSimplex when most
// weights are exactly equal or capacities are in the hundreds (auction
// price wars among ties); the worst case is pseudo-polynomial.
//
// Determinism. Mentors and mentees are indexed by ascending id, each mentee's
// arcs by ascending mentor id, bidders queue in index order, and ties between
// equally good choices go to the earliest (the "unmatched" option first, then
// the smallest mentor id). The result therefore depends only on the set of
// mentors and candidate pairs, never on their order. When several choices
// reach the same optimal total, which one is returned is fixed by that
// canonical order (not by a stated lexicographic rule).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rcp {

struct MentorCapacity {
  std::int64_t id = 0;
  std::int64_t capacity = 1;  // >= 1
};

// One candidate (mentor, mentee) pair. The same pair may be given twice only
// with the same score.
struct MentorMenteeCandidate {
  std::int64_t mentor = 0;
  std::int64_t mentee = 0;
  double score = 0.0;  // finite, >= 0
};

struct CapacitatedOptions {
  int fixed_point_bits = 40;  // in [1, 52]; lowered automatically, see above
};

struct CapacitatedPair {
  std::int64_t mentor = 0;
  std::int64_t mentee = 0;
  double score = 0.0;
};

struct CapacitatedResult {
  std::vector<CapacitatedPair> pairs;  // sorted by (mentor, mentee)
  double total = 0.0;                  // sum of the pairs' scores, added in that order
  std::int64_t total_fixed = 0;        // sum of their fixed-point weights: the exact optimum
  int fixed_point_bits = 0;            // the bits actually used
};

// Throws rcp::Error(invalid_argument) with a clear message for: a capacity
// < 1, a mentor listed twice, a pair whose mentor is not among `mentors`, a
// pair whose mentee is a mentor, a self-pair, a NaN, infinite or negative
// score, a pair given twice with different scores, fixed_point_bits out of
// range.
CapacitatedResult capacitated_matching(const std::vector<MentorCapacity>& mentors,
                                       const std::vector<MentorMenteeCandidate>& candidates,
                                       const CapacitatedOptions& options = {});

// The fixed-point weight capacitated_matching uses for `score` at `bits`.
std::int64_t capacitated_fixed_weight(double score, int bits);

// ---- The solver on dense indices and integer weights (what the above calls
// after canonicalising; exposed for tests and benchmarks). ------------------

struct TransportArc {
  int mentee = 0;          // [0, mentees)
  int mentor = 0;          // [0, capacity.size())
  std::int64_t weight = 0; // arcs with weight <= 0 are ignored
};

// Returns mentor_of[mentee] (-1: unmatched) maximising the sum of the
// weights, each mentor j taking at most capacity[j] mentees. Requires
// capacity[j] >= 0, no repeated (mentee, mentor) arc, and
// max weight * (mentees + 1) <= 2^58 (else invalid_argument / too_large).
// Arcs may come in any order; the result depends only on the set of arcs.
std::vector<int> max_weight_capacitated(const std::vector<std::int64_t>& capacity, int mentees,
                                        const std::vector<TransportArc>& arcs);

}  // namespace rcp
