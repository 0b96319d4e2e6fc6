// reciprocity core: the matching façade and the audit (see match.hpp).
#include "core/match.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <tuple>
#include <utility>

#include "core/error.hpp"
#include "core/fair_matching.hpp"
#include "core/id_index.hpp"
#include "core/json.hpp"
#include "core/max_weight_matching.hpp"
#include "core/profile.hpp"
#include "core/stable_roommates.hpp"

namespace rcp {

namespace {

std::string num(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  std::string s;
  json::append_number(s, v);
  return s;
}

std::string pair_text(std::int64_t a, std::int64_t b) {
  return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

[[noreturn]] void bad(const std::string& m) { fail(ErrorCode::invalid_argument, m); }

// One candidate in canonical form: dense indices u < v (= id order).
struct Cand {
  std::uint32_t u = 0;
  std::uint32_t v = 0;
  double score = 0.0;
  double gu = 0.0;  // u's own gain
  double gv = 0.0;  // v's own gain
};

// The validated, canonical problem.
struct Problem {
  IdIndex people;                    // ids ascending; dense index <-> id
  std::vector<Cand> cands;           // sorted by (u, v), unique
  bool capacitated = false;
  std::vector<std::int64_t> cap;     // per person: 1, or the mentor's capacity
  std::vector<char> mentor;          // per person

  const std::vector<std::int64_t>& ids() const { return people.ids(); }
  std::uint32_t index(std::int64_t id) const { return people.find(id); }  // id must be present
  bool has(std::int64_t id) const { return people.contains(id); }
  // Candidate index of the pair {x, y} (ids), or -1.
  std::ptrdiff_t find(std::int64_t x, std::int64_t y) const {
    if (x == y || !has(x) || !has(y)) return -1;
    std::uint32_t u = index(x), v = index(y);
    if (u > v) std::swap(u, v);
    auto it = std::lower_bound(cands.begin(), cands.end(), std::make_pair(u, v),
                               [](const Cand& c, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                 return std::tie(c.u, c.v) < std::tie(k.first, k.second);
                               });
    if (it == cands.end() || it->u != u || it->v != v) return -1;
    return it - cands.begin();
  }
  // Display order of a candidate: (mentor, mentee) or (min id, max id).
  std::pair<std::int64_t, std::int64_t> shown(const Cand& c) const {
    if (capacitated && mentor[c.v]) return {ids()[c.v], ids()[c.u]};
    return {ids()[c.u], ids()[c.v]};
  }
};

bool value_ok(double x) { return std::isfinite(x) && x >= 0.0; }

std::string value_message(const char* what, double x, std::int64_t a, std::int64_t b, const char* kind) {
  return "candidate pair " + pair_text(a, b) + " has " + what + " " + num(x) + "; " + kind +
         " must be finite numbers >= 0";
}

// Candidates in (u, v, score, gu, gv) order: two stable counting passes (by
// v, then by u; n people), then each run of one pair given more than once
// by its values.
void sort_cands(std::vector<Cand>& cands, std::size_t n) {
  std::vector<Cand> tmp(cands.size());
  std::vector<std::size_t> at(n + 1);
  auto pass = [&](const std::vector<Cand>& from, std::vector<Cand>& to, std::uint32_t Cand::*key) {
    std::fill(at.begin(), at.end(), 0);
    for (const Cand& c : from) ++at[c.*key + 1];
    for (std::size_t i = 0; i < n; ++i) at[i + 1] += at[i];
    for (const Cand& c : from) to[at[c.*key]++] = c;
  };
  pass(cands, tmp, &Cand::v);
  pass(tmp, cands, &Cand::u);
  for (std::size_t i = 0; i < cands.size();) {
    std::size_t j = i + 1;
    while (j < cands.size() && cands[j].u == cands[i].u && cands[j].v == cands[i].v) ++j;
    if (j - i > 1) {
      std::sort(cands.begin() + static_cast<std::ptrdiff_t>(i), cands.begin() + static_cast<std::ptrdiff_t>(j),
                [](const Cand& x, const Cand& y) { return std::tie(x.score, x.gu, x.gv) < std::tie(y.score, y.gu, y.gv); });
    }
    i = j;
  }
}

Problem prepare(const MatchInput& in) {
  Problem p;
  // Ids: everyone in the candidates, and the mentors.
  {
    std::vector<std::int64_t> ids;
    ids.reserve(in.candidates.size() * 2 + in.mentors.size());
    for (const auto& c : in.candidates) {
      ids.push_back(c.a);
      ids.push_back(c.b);
    }
    if (in.capacitated)
      for (const auto& m : in.mentors) ids.push_back(m.id);
    p.people = IdIndex(std::move(ids));
  }
  if (p.ids().size() > kMaxMatchingVertices) fail(ErrorCode::too_large, "too many people for a matching");

  // Candidates in canonical order; validated in that order so the first
  // error reported does not depend on the row order.
  p.cands.reserve(in.candidates.size());
  for (const auto& c : in.candidates) {
    Cand k;
    std::uint32_t ia = p.index(c.a), ib = p.index(c.b);
    k.score = c.score;
    double ga = in.gains ? c.a_gain : c.score, gb = in.gains ? c.b_gain : c.score;
    if (ia <= ib) {
      k.u = ia, k.v = ib, k.gu = ga, k.gv = gb;
    } else {
      k.u = ib, k.v = ia, k.gu = gb, k.gv = ga;
    }
    p.cands.push_back(k);
  }
  // Values first (sorting needs them finite); of several bad rows, the one
  // with the smallest pair (then the smallest message) is reported.
  {
    bool found = false;
    std::pair<std::uint32_t, std::uint32_t> worst_key;
    std::string worst_msg;
    for (const Cand& c : p.cands) {
      std::int64_t a = p.ids()[c.u], b = p.ids()[c.v];
      std::string m;
      if (c.u == c.v) {
        m = "candidate pair " + pair_text(a, b) + " is a self-pair";
      } else if (!value_ok(c.score)) {
        m = value_message("score", c.score, a, b, "scores");
      } else if (in.gains && !value_ok(c.gu)) {
        m = value_message("a_gain", c.gu, a, b, "gains");
      } else if (in.gains && !value_ok(c.gv)) {
        m = value_message("b_gain", c.gv, a, b, "gains");
      } else {
        continue;
      }
      auto key = std::make_pair(c.u, c.v);
      if (!found || key < worst_key || (key == worst_key && m < worst_msg)) {
        found = true;
        worst_key = key;
        worst_msg = m;
      }
    }
    if (found) bad(worst_msg);
  }
  sort_cands(p.cands, p.ids().size());
  std::size_t out = 0;
  for (std::size_t i = 0; i < p.cands.size(); ++i) {
    const Cand& c = p.cands[i];
    std::int64_t a = p.ids()[c.u], b = p.ids()[c.v];
    if (out > 0 && p.cands[out - 1].u == c.u && p.cands[out - 1].v == c.v) {
      const Cand& d = p.cands[out - 1];
      if (d.score != c.score) {
        bad("candidate pair " + pair_text(a, b) + " is given twice with different scores (" + num(d.score) + " and " +
            num(c.score) + ")");
      }
      if (d.gu != c.gu || d.gv != c.gv) bad("candidate pair " + pair_text(a, b) + " is given twice with different gains");
      continue;  // an equal duplicate counts once
    }
    p.cands[out++] = c;
  }
  p.cands.resize(out);
  // Scores over the largest a matching takes: the weight conversion refuses
  // the largest score if any, and then names the first such pair.
  double top = 0.0;
  for (const Cand& c : p.cands) top = std::max(top, c.score);
  bool too_large = false;
  try {
    (void)score_to_weight(top);
  } catch (const Error&) {
    too_large = true;
  }
  for (const Cand& c : p.cands) {
    if (!too_large) break;
    try {
      (void)score_to_weight(c.score);
    } catch (const Error&) {
      bad("candidate pair " + pair_text(p.ids()[c.u], p.ids()[c.v]) + " has score " + num(c.score) +
          ", over the largest score a matching takes (4096)");
    }
  }

  p.cap.assign(p.ids().size(), 1);
  p.mentor.assign(p.ids().size(), 0);
  p.capacitated = in.capacitated;
  if (in.capacitated) {
    if (in.mentors.empty()) {
      bad("mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the "
          "mentees, everyone else)");
    }
    std::vector<MentorCapacity> ms = in.mentors;
    std::sort(ms.begin(), ms.end(), [](const MentorCapacity& x, const MentorCapacity& y) { return x.id < y.id; });
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (i > 0 && ms[i].id == ms[i - 1].id) bad("mentor " + std::to_string(ms[i].id) + " is listed twice");
      if (ms[i].capacity < 1) {
        bad("mentor " + std::to_string(ms[i].id) + " has capacity " + std::to_string(ms[i].capacity) +
            "; capacities must be integers >= 1");
      }
      std::uint32_t k = p.index(ms[i].id);
      p.mentor[k] = 1;
      p.cap[k] = ms[i].capacity;
    }
    for (const Cand& c : p.cands) {
      std::int64_t a = p.ids()[c.u], b = p.ids()[c.v];
      if (p.mentor[c.u] && p.mentor[c.v]) {
        bad("candidate pair " + pair_text(a, b) +
            " joins two mentors (with mentors given, every pair joins a mentor and a mentee)");
      }
      if (!p.mentor[c.u] && !p.mentor[c.v]) {
        bad("candidate pair " + pair_text(a, b) +
            " has no mentor (with mentors given, every pair joins a mentor and a mentee)");
      }
    }
  }
  return p;
}

// Ranks: does x prefer the partner of candidate c over that of candidate d?
// (Both candidates contain x.)
struct Ranker {
  const Problem& p;
  std::tuple<double, double, std::int64_t> key(std::uint32_t x, const Cand& c) const {
    bool xu = c.u == x;
    double g = xu ? c.gu : c.gv;
    std::uint32_t y = xu ? c.v : c.u;
    return {g, c.score, -p.ids()[y]};
  }
};

// The audit of a matching given as candidate indices (valid: capacities
// respected, no repeats). Pairs must come sorted in output order.
MatchAudit audit_indices(const Problem& p, const std::vector<std::size_t>& chosen, MatchObjective objective,
                         const StableResult* engine) {
  const std::size_t n = p.ids().size();
  MatchAudit a;
  a.people = n;
  a.pairs = chosen.size();
  std::vector<char> in_m(p.cands.size(), 0);
  std::vector<std::size_t> count(n, 0);
  // The worst (lowest-ranked) partner of each person, as a candidate index.
  std::vector<std::ptrdiff_t> worst(n, -1);
  std::vector<double> weakest(n, 0.0);
  Ranker r{p};
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    std::size_t ci = chosen[k];
    const Cand& c = p.cands[ci];
    in_m[ci] = 1;
    a.total += c.score;
    if (k == 0 || c.score < a.weakest_score) a.weakest_score = c.score;
    for (std::uint32_t x : {c.u, c.v}) {
      if (count[x] == 0 || c.score < weakest[x]) weakest[x] = c.score;
      ++count[x];
      if (worst[x] < 0 || r.key(x, c) < r.key(x, p.cands[static_cast<std::size_t>(worst[x])])) {
        worst[x] = static_cast<std::ptrdiff_t>(ci);
      }
    }
  }
  // Worst-off: lowest outcome, then unmatched first, then smallest id.
  for (std::size_t x = 0; x < n; ++x) {
    bool matched = count[x] > 0;
    double outcome = matched ? weakest[x] : 0.0;
    if (!matched) ++a.unmatched;
    if (!a.has_worst_off || outcome < a.worst_off_score ||
        (outcome == a.worst_off_score && a.worst_off_matched && !matched)) {
      a.has_worst_off = true;
      a.worst_off = p.ids()[x];
      a.worst_off_score = outcome;
      a.worst_off_matched = matched;
    }
  }
  auto wants = [&](std::uint32_t x, const Cand& c) {
    if (static_cast<std::int64_t>(count[x]) < p.cap[x]) return true;
    return r.key(x, c) > r.key(x, p.cands[static_cast<std::size_t>(worst[x])]);
  };
  for (std::size_t ci = 0; ci < p.cands.size(); ++ci) {
    if (in_m[ci]) continue;
    const Cand& c = p.cands[ci];
    if (wants(c.u, c) && wants(c.v, c)) a.blocking.emplace_back(p.ids()[c.u], p.ids()[c.v]);
  }
  a.stable = a.blocking.empty();
  if (!a.stable) {
    std::string first = pair_text(a.blocking[0].first, a.blocking[0].second);
    std::string count_text = std::to_string(a.blocking.size()) + " blocking pair" + (a.blocking.size() == 1 ? "" : "s");
    if (objective == MatchObjective::stable && engine && !engine->stable) {
      a.explanation = engine->explanation;
    } else if (objective == MatchObjective::stable && engine) {
      a.explanation = "the pairs around the pinned ones are stable, but " + count_text +
                      " involve pinned people; the first is " + first;
    } else {
      a.explanation = "not stable: " + count_text + "; the first is " + first +
                      " (both would rather be together than with their partners)";
    }
  }
  return a;
}

// Candidate indices of `pairs` (ids), checked: each a candidate, capacities
// respected, equal duplicates merged. `what` names the list in messages.
std::vector<std::size_t> resolve(const Problem& p, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs,
                                 const char* what) {
  std::vector<std::size_t> idx;
  idx.reserve(pairs.size());
  for (const auto& [x, y] : pairs) {
    std::ptrdiff_t ci = p.find(x, y);
    if (ci < 0) bad(std::string(what) + " pair " + pair_text(x, y) + " is not a candidate pair");
    idx.push_back(static_cast<std::size_t>(ci));
  }
  std::sort(idx.begin(), idx.end());
  idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
  // Capacities, checked in canonical order.
  std::vector<std::int64_t> used(p.ids().size(), 0);
  std::vector<std::ptrdiff_t> first(p.ids().size(), -1);
  const bool pinned = std::string(what) == "pinned";
  for (std::size_t ci : idx) {
    const Cand& c = p.cands[ci];
    for (std::uint32_t x : {c.u, c.v}) {
      ++used[x];
      if (used[x] > p.cap[x]) {
        auto s0 = p.shown(p.cands[static_cast<std::size_t>(first[x])]);
        auto s1 = p.shown(c);
        if (p.mentor[x]) {
          bad("mentor " + std::to_string(p.ids()[x]) + (pinned ? " is pinned to more mentees" : " has more mentees in the matching") +
              " than its capacity " + std::to_string(p.cap[x]));
        }
        bad((p.capacitated ? "mentee " : "person ") + std::to_string(p.ids()[x]) +
            (pinned ? " is pinned twice: " : " is in two pairs of the matching: ") + pair_text(s0.first, s0.second) +
            " and " + pair_text(s1.first, s1.second));
      }
      if (first[x] < 0) first[x] = static_cast<std::ptrdiff_t>(ci);
    }
  }
  return idx;
}

// Candidate indices sorted in output order.
void sort_output(const Problem& p, std::vector<std::size_t>& idx) {
  std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return p.shown(p.cands[x]) < p.shown(p.cands[y]); });
}

}  // namespace

MatchObjective parse_match_objective(std::string_view name) {
  if (name == "total") return MatchObjective::total;
  if (name == "fair") return MatchObjective::fair;
  if (name == "stable") return MatchObjective::stable;
  bad("unknown objective '" + message_text(name, 43) + "' (valid objectives: total, fair, stable)");
}

const char* match_objective_name(MatchObjective objective) noexcept {
  switch (objective) {
    case MatchObjective::total: return "total";
    case MatchObjective::fair: return "fair";
    case MatchObjective::stable: return "stable";
  }
  return "total";
}

MatchResult match(const MatchInput& in) {
  MatchResult res;
  res.objective = parse_match_objective(in.objective);
  if (in.capacitated && res.objective != MatchObjective::total) {
    bad(std::string("objective '") + match_objective_name(res.objective) +
        "' does not take mentors (capacities are solved for the largest total: use objective 'total')");
  }
  const Problem p = prepare(in);
  const std::size_t n = p.ids().size();
  std::vector<std::size_t> chosen = resolve(p, in.pinned, "pinned");

  // Remove the pinned people, or the capacity they use.
  std::vector<std::int64_t> left = p.cap;
  for (std::size_t ci : chosen) {
    --left[p.cands[ci].u];
    --left[p.cands[ci].v];
  }
  std::vector<std::size_t> rest;  // candidate indices still available
  for (std::size_t ci = 0; ci < p.cands.size(); ++ci) {
    if (left[p.cands[ci].u] > 0 && left[p.cands[ci].v] > 0) rest.push_back(ci);
  }

  StableResult stable;
  const StableResult* engine = nullptr;
  auto lookup = [&](std::int64_t x, std::int64_t y) {
    std::ptrdiff_t ci = p.find(x, y);
    if (ci < 0) fail(ErrorCode::internal, "matching engine returned a pair that is not a candidate");
    return static_cast<std::size_t>(ci);
  };
  if (p.capacitated) {
    std::vector<MentorCapacity> mentors;
    for (std::size_t x = 0; x < n; ++x)
      if (p.mentor[x] && left[x] > 0) mentors.push_back({p.ids()[x], left[x]});
    std::vector<MentorMenteeCandidate> cs;
    cs.reserve(rest.size());
    for (std::size_t ci : rest) {
      auto s = p.shown(p.cands[ci]);
      cs.push_back({s.first, s.second, p.cands[ci].score});
    }
    if (!mentors.empty()) {
      CapacitatedResult r = capacitated_matching(mentors, cs);
      for (const auto& q : r.pairs) chosen.push_back(lookup(q.mentor, q.mentee));
    }
  } else if (res.objective == MatchObjective::stable) {
    std::vector<StableCandidate> cs;
    cs.reserve(rest.size());
    for (std::size_t ci : rest) {
      const Cand& c = p.cands[ci];
      cs.push_back({p.ids()[c.u], p.ids()[c.v], c.score, c.gu, c.gv});
    }
    stable = stable_roommates(cs);
    engine = &stable;
    for (const auto& q : stable.pairs) chosen.push_back(lookup(q.a, q.b));
  } else {
    std::vector<WeightedEdge> edges;
    edges.reserve(rest.size());
    for (std::size_t ci : rest) edges.push_back({p.cands[ci].u, p.cands[ci].v, score_to_weight(p.cands[ci].score)});
    Matching m = res.objective == MatchObjective::fair ? fair_matching(n, edges) : max_weight_matching(n, edges);
    for (const auto& [u, v] : m.pairs) chosen.push_back(lookup(p.ids()[u], p.ids()[v]));
  }

  sort_output(p, chosen);
  res.pairs.reserve(chosen.size());
  for (std::size_t ci : chosen) {
    auto s = p.shown(p.cands[ci]);
    res.pairs.push_back({s.first, s.second, p.cands[ci].score});
  }
  res.audit = audit_indices(p, chosen, res.objective, engine);
  return res;
}

MatchAudit audit(const MatchInput& in, const std::vector<std::pair<std::int64_t, std::int64_t>>& matching) {
  const Problem p = prepare(in);
  std::vector<std::size_t> chosen = resolve(p, matching, "matching");
  sort_output(p, chosen);
  return audit_indices(p, chosen, MatchObjective::total, nullptr);
}

}  // namespace rcp
