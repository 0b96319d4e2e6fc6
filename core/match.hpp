// reciprocity core: the one façade for matching a cohort, and the audit of a
// matching. Every face (SQL, C, Python) calls rcp::match / rcp::audit; the
// engines behind it are max_weight_matching.hpp (`total`), fair_matching.hpp
// (`fair`), stable_roommates.hpp (`stable`) and capacitated_matching.hpp
// (mentors with capacities).
//
// Input
//   candidates  unordered pairs (a, b, score [, a_gain, b_gain]) of int64 ids.
//               A pair that is not a candidate is never formed: hard
//               constraints (same reporting line, earlier pairs, opt-outs) are
//               simply rows left out. (a, b) and (b, a) are the same pair; the
//               same pair may be given twice only with the same values (for a
//               reversed row, its a_gain is the other person's gain). Scores
//               and gains must be finite and >= 0; scores at most 4096.
//               a_gain = what a gets from b, b_gain = what b gets from a (each
//               side's own benefit, "WIIFM"); with `gains` false they are
//               ignored and the score stands in for both.
//   objective   "total": the largest sum of scores (maximum-weight matching in
//                        a general graph; pairs of score 0 add nothing and are
//                        not formed).
//               "fair":  as many pairs as possible, then the weakest pair as
//                        strong as possible, then the largest total.
//               "stable": Irving's stable roommates on each person's own
//                        ranking (see "Rankings" below); when no stable
//                        matching exists, the matching with the fewest blocking
//                        pairs the engine finds, labelled stable = false.
//   mentors     (capacitated = true) ids with a capacity >= 1: a two-sided
//               problem where each mentor takes up to `capacity` mentees and
//               each mentee (anyone not in the list) one mentor. Every
//               candidate must join exactly one mentor and one non-mentor, in
//               either orientation ((mentor, mentee) or (mentee, mentor) are
//               both accepted). Only the "total" objective takes mentors.
//   pinned      pairs (a, b), either orientation, that must be in the result
//               (already agreed). Each must be a candidate pair; a person may
//               be pinned once (a mentor up to its capacity). The pinned
//               pairs are kept as they are and the rest is optimised around
//               them: pinned people (and the used capacity of pinned mentors)
//               are removed before the engine runs on the remaining pairs.
//
// Output: pairs (a, b, score) with a < b, sorted by (a, b); with mentors,
// (mentor, mentee, score) sorted by (mentor, mentee). Plus the audit.
//
// Determinism. Ids are mapped to dense indices in ascending id order and the
// candidates put in canonical order (a < b, sorted) before any engine runs,
// so the same candidate set in any row order and orientation gives the same
// pairs. Tie-breaks among equally good matchings are those of the engines,
// which all prefer smaller ids (see their headers).
//
// Rankings (audit and `stable`). Person x ranks partner y above z iff
//   (gain_x(y), score(x,y), -id(y)) > (gain_x(z), score(x,z), -id(z))
// lexicographically (gains = the scores when not given).
//
// Audit (for any matching, against the candidates):
//   blocking     a candidate pair {x, y} not in the matching blocks it when
//                each of x and y has a free place (unmatched; a mentor below
//                its capacity) or ranks the other above their worst current
//                partner. Listed as (min id, max id), sorted. This is the same
//                rule for every objective; `total` and `fair` do not aim for
//                stability, so they may have blocking pairs.
//   stable       no blocking pair.
//   people       everyone in the candidates (and mentors).
//   unmatched    people with no pair.
//   worst_off    the person with the worst outcome: a person's outcome is the
//                score of their weakest pair, and 0 when unmatched. Lowest
//                outcome first; ties: an unmatched person before a matched
//                one, then the smaller id. So when anyone is left out, the
//                worst-off is the smallest-id unmatched person, score 0.
//                Absent (has_worst_off = false) when there are no people.
//   weakest_score  the lowest pair score (0 when there is no pair): what the
//                `fair` objective maximises.
//   total        the sum of the pair scores (added in pair order).
//   explanation  empty when stable. For `stable` without a stable matching,
//                the engine's explanation (which rotation emptied whose list);
//                otherwise the number of blocking pairs and the first one.
//
// Errors: rcp::Error(ErrorCode::invalid_argument, message); the messages are
// listed in tests/match/test_match.cpp and docs/sql-functions.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/capacitated_matching.hpp"

namespace rcp {

enum class MatchObjective { total, fair, stable };

// "total" | "fair" | "stable"; else invalid_argument
// "unknown objective 'x' (valid objectives: total, fair, stable)".
MatchObjective parse_match_objective(std::string_view name);
const char* match_objective_name(MatchObjective objective) noexcept;

struct MatchCandidate {
  std::int64_t a = 0;
  std::int64_t b = 0;
  double score = 0.0;
  double a_gain = 0.0;  // what a gets from b (used when MatchInput::gains)
  double b_gain = 0.0;  // what b gets from a
};

struct MatchInput {
  std::vector<MatchCandidate> candidates;
  bool gains = false;                   // a_gain / b_gain are given
  std::string objective = "total";
  bool capacitated = false;             // mentors are given (possibly empty: an error)
  std::vector<MentorCapacity> mentors;  // (id, capacity >= 1)
  std::vector<std::pair<std::int64_t, std::int64_t>> pinned;
};

struct MatchPair {
  std::int64_t a = 0;  // the smaller id; with mentors: the mentor
  std::int64_t b = 0;  // the larger id; with mentors: the mentee
  double score = 0.0;
};

struct MatchAudit {
  std::size_t people = 0;
  std::size_t pairs = 0;
  double total = 0.0;
  double weakest_score = 0.0;
  bool has_worst_off = false;
  std::int64_t worst_off = 0;
  double worst_off_score = 0.0;
  bool worst_off_matched = false;
  std::size_t unmatched = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> blocking;  // (min id, max id), sorted
  bool stable = true;
  std::string explanation;
};

struct MatchResult {
  MatchObjective objective = MatchObjective::total;
  std::vector<MatchPair> pairs;
  MatchAudit audit;
};

MatchResult match(const MatchInput& input);

// Audits `matching` (pairs in either orientation) against input.candidates,
// input.gains and input.mentors; input.objective and input.pinned are not
// used. Errors: a pair that is not a candidate, a person in two pairs (a
// mentor over its capacity), and every input error of match().
MatchAudit audit(const MatchInput& input, const std::vector<std::pair<std::int64_t, std::int64_t>>& matching);

}  // namespace rcp
