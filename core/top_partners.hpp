// reciprocity core: exact top-k partners for everyone in a population.
//
// For every person, the k partners with the highest reciprocity score, in the
// order of best_partners (score descending, then partner id ascending),
// skipping partners with score 0 and excluded pairs. The result is identical
// to scoring all N^2 pairs with rcp::score: same partners, same scores bit for
// bit (every reported score *is* rcp::score on that pair), whatever the thread
// count.
//
// How it avoids N^2: topics are interned; each topic has a list of the people
// who know it (in runs of equal level, highest first; levels rounded up to
// fiftieths) and lists of the people who want it (one per integer level
// bucket), person indices only (4 bytes an entry), with the values in side
// arrays. For a person A, a partner B can score above 0 only if B knows
// something A wants better than A does (B is on A's "give" side) and, except
// in mode `mean`, wants something A knows better than B does (B is on A's
// "take" side). Every entry of A's lists adds its gain, rounded up, to B's
// accumulators (a float pair per person and thread); the people with a gain
// both ways get an upper bound of the score that is tight up to rounding.
// The exact rcp::score is computed, in descending order of the bound, only
// until the bound falls below the current k-th best (with many candidates, a
// floor for the k-th best from a sample first drops most of them). Bounds
// are inflated by a relative slack that covers the float sums and index
// values are rounded outwards, so rounding can never prune a true partner;
// uninorm is not pruned where a benefit bound reaches 1. The work per person
// is the length of its lists: small for varied vocabularies, large when a
// few topics are held by most people (see docs/benchmarks.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "profile.hpp"
#include "score.hpp"

namespace rcp {

// One member of the population. `profile` views bytes the caller keeps alive
// for the duration of the call (a Profile's view(), a SQLite BLOB, ...).
struct Person {
  std::int64_t id = 0;
  ProfileView profile;
};

struct TopPartnersOptions {
  std::uint64_t k = 10;        // partners per person, >= 1
  Mode mode = kDefaultMode;
  unsigned threads = 0;        // worker threads; 0 = std::thread::hardware_concurrency()
  // Pairs that must not be proposed, by id, either way round. Ids that are not
  // in the population and pairs (x, x) are ignored.
  std::vector<std::pair<std::int64_t, std::int64_t>> exclude;
  // Called on the calling thread only: after the index is built, then about
  // every `progress_interval_ms` while people are processed, with (people
  // done, people in total). Return false to cancel: the call stops soon after
  // and returns a result with cancelled = true and no partners. Exceptions
  // thrown by the callback cancel the call and propagate.
  std::function<bool(std::size_t done, std::size_t total)> progress;
  unsigned progress_interval_ms = 100;
  // How each person's candidates are gathered; the result is the same.
  // automatic: float accumulators for everyone when a person's lists are
  // long against the population (up to 2^18 people: they must fit in a
  // core's cache), else a bitmap of the shorter side. Tests and benchmarks
  // force one or the other.
  enum class Search { automatic, accumulators, bitmaps };
  Search search = Search::automatic;
};

struct TopPartnersResult {
  bool cancelled = false;
  // Person i (input order) has partners partner[offsets[i] .. offsets[i+1])
  // with scores score[...], best first. offsets has n + 1 entries.
  std::vector<std::size_t> offsets;
  std::vector<std::int64_t> partner;
  std::vector<double> score;
  // Work done, over all people (for benchmarks): partners met in the index
  // (people on both sides of a person, each gets an accumulated bound),
  // exact rcp::score computations, and index entries walked (each adds one
  // topic's gain to one partner's bound; 0 for the brute force).
  std::uint64_t candidates_met = 0;
  std::uint64_t candidates_scored = 0;
  std::uint64_t index_entries = 0;

  std::size_t people() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Throws rcp::Error(invalid_argument) for k == 0 ("k must be a positive
// integer") or a duplicate id ("duplicate id 42"); too_large past 2^32 - 1
// people or topic entries in total.
TopPartnersResult top_partners(const Person* people, std::size_t n, const TopPartnersOptions& options);

inline TopPartnersResult top_partners(const std::vector<Person>& people, const TopPartnersOptions& options) {
  return top_partners(people.data(), people.size(), options);
}

// The reference: all N^2 pairs with rcp::score, on `threads` threads. Same
// contract and result as top_partners; for tests and benchmarks.
TopPartnersResult top_partners_brute_force(const Person* people, std::size_t n, const TopPartnersOptions& options);

inline TopPartnersResult top_partners_brute_force(const std::vector<Person>& people, const TopPartnersOptions& options) {
  return top_partners_brute_force(people.data(), people.size(), options);
}

}  // namespace rcp
