// reciprocity core: the `stable` objective — stable roommates on incomplete
// lists (Irving 1985), blocking pairs, and best-pair-first.
//
// Who ranks whom. The candidate pairs define acceptability: a pair is
// acceptable (to both sides) iff it is a candidate pair. Each person ranks the
// partners they were given by *their own* gain ("what's in it for me"):
//
//     x ranks y above z  iff  (gain_x(y), score(x,y), -id(y))  >  (gain_x(z), score(x,z), -id(z))
//
// lexicographically: own gain descending, then the symmetric score
// descending, then the smaller partner id first. Ids are distinct, so every
// list is strict. Gains and scores are compared as exact doubles (no
// tolerance), so the ranking is deterministic. A candidate with zero own gain
// is still acceptable (last in the list); filter such pairs out of the
// candidates if they must never be formed.
//
// Blocking pair. Given a matching M, an acceptable pair {x, y} not in M blocks
// it when x is unmatched or ranks y above M(x), and y is unmatched or ranks x
// above M(y). A matching is stable when nothing blocks it.
//
// stable_roommates() runs Irving's algorithm extended to incomplete lists
// (Irving 1985; Gusfield & Irving 1989, §4.5.2):
//   phase 1: proposals; a person who receives a proposal deletes everyone
//            below the proposer from their list (both ways). A person whose
//            list runs empty here is unmatched in every stable matching.
//   phase 2: while some list has two or more entries, find a rotation
//            (x_i, y_i = first(x_i)), y_{i+1} = second(x_i),
//            x_{i+1} = last(y_{i+1}) and eliminate it (y_{i+1} deletes every
//            successor of x_i). If a list runs empty in phase 2, no stable
//            matching exists: the result says so, names the phase, the
//            rotation and the person whose list ran empty.
//   Otherwise every list has at most one entry: that is the stable matching.
// Every entry is deleted at most once and the list pointers only move one
// way, so the work is O(m) for m candidate pairs (plus the O(m log d) sort).
// The stable matching returned is the one this algorithm reaches from the
// canonical order (people indexed by ascending id, free people proposing in
// that order, rotations searched from the smallest index first).
//
// When no stable matching exists, the result still carries a matching,
// labelled `stable = false`, with as few blocking pairs as a seeded local
// search finds (it need not be the minimum, which is NP-hard to find; Abraham,
// Biró & Manlove 2005). The search starts from (1) Irving's algorithm rerun
// without the people whose lists ran empty (one more left out per failing
// round, at most 64 rounds), which pairs everyone else stably, the people
// left out then paired with free acceptable people by rank sum; (2)
// best-pair-first by score; (3) a greedy by rank sum; (4) seeded random
// maximal matchings (restarts beyond the first three); each
// step picks a blocking pair {x, y} of the current matching, pairs x with y,
// and pairs their two former partners with each other when that pair is
// acceptable; a step is kept when it does not increase the number of blocking
// pairs (and, rarely, at random, when it does); the best matching seen is
// returned (ties: the earlier one). It stops early at one blocking pair,
// which is then the proven minimum. A fixed seed makes it deterministic.
//
// Why best-pair-first is stable for a *symmetric* score. Suppose every person
// ranks partners by the symmetric score s, ties broken by the same global
// order on pairs that best_pair_first() uses (score descending, then
// (min id, max id) ascending; restricted to the pairs of one person this is
// "score descending, then partner id ascending"). Best-pair-first walks the
// pairs in that global order and takes a pair when both people are still
// free. Take any acceptable pair {x, y} it did not take. When the walk reached
// {x, y}, one of them, say x, was already taken by a pair {x, z} that comes
// earlier in the global order, i.e. x ranks z above y. So x does not prefer y
// to its partner, and {x, y} does not block. Hence no pair blocks: the greedy
// matching is stable. (With WIIFM rankings — each side's own gain — this
// argument fails, since x and y may rank the pair differently, which is why
// the `stable` objective needs Irving's algorithm.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rcp {

// One candidate pair for the stable objective. Unordered: (a, b) and (b, a)
// are the same pair (given both ways, the values must agree).
struct StableCandidate {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double score = 0.0;   // the symmetric reciprocity score: first tie-break
  double a_gain = 0.0;  // what a gets from b: a's ranking key
  double b_gain = 0.0;  // what b gets from a: b's ranking key
};

// One pair of a result: a < b.
struct StablePair {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double score = 0.0;
};

struct StableOptions {
  // Only used when no stable matching exists (the local search).
  std::uint64_t seed = 1;
  unsigned restarts = 8;              // starting matchings searched from; 0: no
                                      // local search, the best start is returned
  std::size_t steps_per_restart = 0;  // 0: 20 * people + 1000
};

struct StableResult {
  bool stable = false;              // true: `pairs` is a stable matching
  std::vector<StablePair> pairs;    // sorted by a; a < b in each
  std::size_t blocking_pairs = 0;   // blocking pairs of `pairs` (0 when stable)
  // When stable == false: why. failed_phase is 2 (phase 1 never fails on
  // incomplete lists); `emptied` is the person whose list ran empty while the
  // rotation `rotation` (its x_0, x_1, ... by id) was eliminated.
  int failed_phase = 0;
  std::int64_t emptied = 0;
  std::vector<std::int64_t> rotation;
  std::string explanation;          // empty when stable
  // People whose lists ran empty in phase 1: unmatched in every stable
  // matching (when one exists), by id ascending.
  std::vector<std::int64_t> unmatched_in_phase1;
};

// Irving's algorithm on the candidates' WIIFM rankings (see above). Throws
// rcp::Error(invalid_argument) on a self-pair, a NaN, infinite or negative
// score or gain, or a pair given twice with different values.
StableResult stable_roommates(const std::vector<StableCandidate>& candidates, const StableOptions& options = {});

// Best-pair-first on the symmetric score alone: pairs sorted by score
// descending, then (min id, max id) ascending; a pair is taken when both are
// still free. Pairs with score <= 0 are taken too (they are acceptable); drop
// them from the input if they must not be formed. Same validation as above
// (gains are ignored). Stable for score rankings (see above).
std::vector<StablePair> best_pair_first(const std::vector<StableCandidate>& candidates);

// Blocking pairs of `matching` under the candidates' WIIFM rankings, each as
// (min id, max id), sorted. `matching` pairs are unordered; throws
// invalid_argument when a person is in two pairs, a pair is a self-pair or a
// pair is not a candidate pair. People absent from the matching are
// unmatched.
std::vector<std::pair<std::int64_t, std::int64_t>> blocking_pairs(
    const std::vector<StableCandidate>& candidates, const std::vector<std::pair<std::int64_t, std::int64_t>>& matching);
std::size_t count_blocking_pairs(const std::vector<StableCandidate>& candidates,
                                 const std::vector<std::pair<std::int64_t, std::int64_t>>& matching);

// ---- The same on dense indices, for callers that already hold preference
// lists (and for tests with instances from the literature). ----------------

// prefs[x] lists x's acceptable partners, most preferred first: indices in
// [0, n), no repeats, no x itself, and acceptability must be mutual (y in
// prefs[x] iff x in prefs[y]); otherwise invalid_argument.
struct StableIndexResult {
  bool stable = false;
  std::vector<int> partner;  // partner[x] or -1
  std::size_t blocking_pairs = 0;
  int failed_phase = 0;
  int emptied = -1;
  std::vector<int> rotation;
  std::vector<int> unmatched_in_phase1;
  std::string explanation;
};
StableIndexResult stable_roommates_prefs(const std::vector<std::vector<int>>& prefs,
                                         const StableOptions& options = {});

// Blocking pairs {x, y} (x < y) of partner[] (partner[x] = y or -1; must be
// symmetric and acceptable) under prefs, sorted.
std::vector<std::pair<int, int>> blocking_pairs_prefs(const std::vector<std::vector<int>>& prefs,
                                                      const std::vector<int>& partner);

}  // namespace rcp
