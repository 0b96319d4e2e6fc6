// libFuzzer target: rcp::match and rcp::audit on fuzzer-decoded cohorts.
//
// Input bytes (tests/fuzz/corpus/fuzz_match/ has examples):
//   byte 0   flags: bits 0-1 objective (0 total, 1 fair, 2 stable, 3 "bogus"),
//            bit 2 gains, bit 3 capacitated, bit 4 pinned
//   if capacitated: byte mentor mask (ids 0..7), byte capacities (2 bits each, +1,
//            for the first 4 mentors; later ones capacity 1)
//   if pinned: byte count (% 3), then one byte per pin: index of a candidate
//   then 5 bytes per candidate: a % 10, b % 10, score / 16, a_gain / 32, b_gain / 32
//            (at most 45 candidates)
// Invariants when match() succeeds: every pair is a candidate, pairs are
// disjoint (a mentor up to its capacity), pinned pairs are kept, the order is
// sorted, audit(input, pairs) equals result.audit, the audit's counts and
// total agree with the pairs; for "total" without mentors or pins the total
// is the maximum (checked by an exhaustive DP over the <= 10 people); a
// stable matching has no blocking pair.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/match.hpp"

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant failed: %s\n", what);
    std::abort();
  }
}

bool same_audit(const rcp::MatchAudit& x, const rcp::MatchAudit& y) {
  return x.people == y.people && x.pairs == y.pairs && x.total == y.total && x.weakest_score == y.weakest_score &&
         x.has_worst_off == y.has_worst_off && x.worst_off == y.worst_off &&
         x.worst_off_score == y.worst_off_score && x.worst_off_matched == y.worst_off_matched &&
         x.unmatched == y.unmatched && x.blocking == y.blocking && x.stable == y.stable;
}

// Exhaustive maximum-weight matching over <= 10 people (ids 0..9).
double best_total(const std::map<std::pair<int, int>, double>& w) {
  std::vector<double> dp(1u << 10, 0.0);
  // dp[mask] = best over people not in mask... iterate masks of used people.
  for (int mask = (1 << 10) - 1; mask >= 0; --mask) {
    int i = 0;
    while (i < 10 && (mask >> i & 1)) ++i;
    if (i == 10) { dp[mask] = 0; continue; }
    double best = dp[mask | 1 << i];  // i stays single
    for (const auto& [ab, s] : w) {
      int a = ab.first, b = ab.second;
      int other = a == i ? b : (b == i ? a : -1);
      if (other < 0 || (mask >> other & 1)) continue;
      best = std::max(best, s + dp[mask | 1 << i | 1 << other]);
    }
    dp[mask] = best;
  }
  return dp[0];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::size_t pos = 0;
  auto next = [&]() -> unsigned { return pos < size ? data[pos++] : 0u; };
  unsigned flags = next();
  rcp::MatchInput in;
  static const char* const kObjectives[] = {"total", "fair", "stable", "bogus"};
  in.objective = kObjectives[flags & 3];
  in.gains = flags & 4;
  in.capacitated = flags & 8;
  bool pinned = flags & 16;
  std::map<std::int64_t, std::int64_t> capacity;
  if (in.capacitated) {
    unsigned mask = next(), caps = next();
    int k = 0;
    for (int id = 0; id < 8; ++id) {
      if (!(mask >> id & 1)) continue;
      std::int64_t c = k < 4 ? 1 + ((caps >> (2 * k)) & 3) : 1;
      ++k;
      in.mentors.push_back({id, c});
      capacity[id] = c;
    }
  }
  std::vector<unsigned> pin_idx;
  if (pinned) {
    unsigned n = next() % 3;
    for (unsigned i = 0; i < n; ++i) pin_idx.push_back(next());
  }
  while (pos + 5 <= size && in.candidates.size() < 45) {
    rcp::MatchCandidate c;
    c.a = data[pos] % 10;
    c.b = data[pos + 1] % 10;
    c.score = data[pos + 2] / 16.0;
    c.a_gain = data[pos + 3] / 32.0;
    c.b_gain = data[pos + 4] / 32.0;
    pos += 5;
    in.candidates.push_back(c);
  }
  for (unsigned i : pin_idx) {
    if (in.candidates.empty()) break;
    const auto& c = in.candidates[i % in.candidates.size()];
    in.pinned.emplace_back(c.a, c.b);
  }

  rcp::MatchResult r;
  try {
    r = rcp::match(in);
  } catch (const rcp::Error& e) {
    check(e.code() == rcp::ErrorCode::invalid_argument, "match errors are invalid_argument");
    return 0;
  }

  std::map<std::pair<std::int64_t, std::int64_t>, double> cand;  // (min, max) -> score
  for (const auto& c : in.candidates) cand[{std::min(c.a, c.b), std::max(c.a, c.b)}] = c.score;
  std::map<std::int64_t, std::int64_t> used;
  std::vector<std::pair<std::int64_t, std::int64_t>> matching;
  double total = 0.0;
  for (std::size_t i = 0; i < r.pairs.size(); ++i) {
    const auto& p = r.pairs[i];
    auto key = std::make_pair(std::min(p.a, p.b), std::max(p.a, p.b));
    auto it = cand.find(key);
    check(it != cand.end(), "every pair is a candidate");
    check(it->second == p.score, "a pair carries its candidate's score");
    if (!in.capacitated) check(p.a < p.b, "a < b");
    if (in.capacitated) check(capacity.count(p.a) && !capacity.count(p.b), "(mentor, mentee)");
    if (i > 0) {
      const auto& q = r.pairs[i - 1];
      check(std::make_pair(q.a, q.b) < std::make_pair(p.a, p.b), "pairs sorted and distinct");
    }
    ++used[p.a];
    ++used[p.b];
    total += p.score;
    matching.emplace_back(p.a, p.b);
  }
  for (const auto& [id, n] : used) {
    auto c = capacity.find(id);
    check(n <= (c == capacity.end() ? 1 : c->second), "pairs are disjoint (mentors up to capacity)");
  }
  for (const auto& [a, b] : in.pinned) {
    bool found = false;
    for (const auto& p : r.pairs) found |= (p.a == a && p.b == b) || (p.a == b && p.b == a);
    check(found, "pinned pairs are kept");
  }
  check(r.audit.pairs == r.pairs.size(), "audit.pairs");
  check(r.audit.total == total, "audit.total is the sum in pair order");
  check(r.audit.stable == r.audit.blocking.empty(), "stable iff no blocking pair");
  rcp::MatchAudit a = rcp::audit(in, matching);
  check(same_audit(a, r.audit), "audit(input, pairs) equals the result's audit");
  if (in.objective == "total" && !in.capacitated && in.pinned.empty()) {
    std::map<std::pair<int, int>, double> w;
    for (const auto& [ab, s] : cand) w[{int(ab.first), int(ab.second)}] = s;
    double best = best_total(w);
    check(std::fabs(best - total) <= 1e-9 * std::max(1.0, best), "total is the maximum");
  }
  return 0;
}
