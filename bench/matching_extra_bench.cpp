// Benchmark of the capacitated and stable objectives.
//
//   matching_extra_bench [--case all|dense|sparse|stable] [--bits 40] [--seed 1] [--no-lemon] [--repeat 1]
//
// --repeat N times every solver N times and reports the best (both ours and
// LEMON's).
//
// dense:  1,000 mentors (capacity 3) x 3,000 mentees, every pair a candidate
//         (3M arcs), scored with rcp::score (harmonic) on generated profiles.
// sparse: 30,000 mentors (capacity 3) x 90,000 mentees, 20 candidate mentors
//         per mentee (random mentors with a positive score), 1.8M arcs.
//         Both: ours (rcp::max_weight_capacitated on int64 fixed-point
//         weights, and the whole rcp::capacitated_matching call with its
//         validation and canonicalisation) against LEMON 1.3 NetworkSimplex
//         and CostScaling on the same integer weights (graph built before
//         the clock starts: only run() is timed). Totals must be equal.
// stable: 2,000 people, ~50 candidates each; each ranks by their own gain
//         (rcp::benefits); rcp::stable_roommates (whole call) and Irving's
//         algorithm alone on prebuilt lists.
//
// Profiles: every person holds 5..30 topics from a Zipf(1.0) popularity over
// 2,000 topics; a held topic is a learning goal with probability 0.3 (want
// 1..3, level 0..2), otherwise a skill (level 1..5). Build with
// -DRCP_BUILD_BENCH=ON; LEMON from Debian's liblemon-dev (optional).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#ifdef RCP_HAVE_LEMON
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>
#endif

#include "bench/bench_util.hpp"
#include "core/capacitated_matching.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/stable_roommates.hpp"

namespace {

using rcp::bench::load;
using rcp::bench::seconds_since;

// Zipf(1.0) over 2,000 topics (see rcp::bench::ZipfProfileGenerator).
std::vector<rcp::Profile> make_profiles(std::size_t n, std::mt19937_64& rng) {
  return rcp::bench::zipf_profiles(n, 2000, 1.0, rng);
}

#ifdef RCP_HAVE_LEMON
struct LemonTimes {
  double ns = -1, cs = -1;
  long long ns_total = 0, cs_total = 0;
};

LemonTimes run_lemon(const std::vector<std::int64_t>& cap, int mentees, const std::vector<rcp::TransportArc>& arcs) {
  using G = lemon::SmartDigraph;
  G g;
  G::Node s = g.addNode(), t = g.addNode();
  std::vector<G::Node> e(mentees), m(cap.size());
  for (auto& v : e) v = g.addNode();
  for (auto& v : m) v = g.addNode();
  g.reserveArc(static_cast<int>(arcs.size() + mentees + cap.size() + 1));
  G::ArcMap<long long> upper(g), cost(g);
  auto add = [&](G::Node a, G::Node b, long long u, long long c) {
    G::Arc x = g.addArc(a, b);
    upper[x] = u;
    cost[x] = c;
  };
  for (int i = 0; i < mentees; ++i) add(s, e[i], 1, 0);
  for (const auto& a : arcs)
    if (a.weight > 0) add(e[a.mentee], m[a.mentor], 1, -a.weight);
  for (std::size_t j = 0; j < cap.size(); ++j) add(m[j], t, cap[j], 0);
  add(s, t, mentees, 0);
  LemonTimes r;
  {
    lemon::NetworkSimplex<G, long long, long long> ns(g);
    ns.upperMap(upper).costMap(cost).stSupply(s, t, mentees);
    auto t0 = std::chrono::steady_clock::now();
    auto st = ns.run();
    r.ns = seconds_since(t0);
    r.ns_total = st == decltype(ns)::OPTIMAL ? -ns.totalCost<long long>() : -1;
  }
  {
    lemon::CostScaling<G, long long, long long> cs(g);
    cs.upperMap(upper).costMap(cost).stSupply(s, t, mentees);
    auto t0 = std::chrono::steady_clock::now();
    auto st = cs.run();
    r.cs = seconds_since(t0);
    r.cs_total = st == decltype(cs)::OPTIMAL ? -cs.totalCost<long long>() : -1;
  }
  return r;
}
#endif

int capacitated_case(const char* name, std::size_t mentors, std::size_t mentees, std::size_t per_mentee, int bits,
                     bool lemon, int repeat, std::mt19937_64& rng) {
  auto t0 = std::chrono::steady_clock::now();
  std::vector<rcp::Profile> mp = make_profiles(mentors, rng), ep = make_profiles(mentees, rng);
  std::vector<rcp::MentorCapacity> ms(mentors);
  for (std::size_t j = 0; j < mentors; ++j) ms[j] = {static_cast<std::int64_t>(j + 1), 3};
  std::vector<rcp::MentorMenteeCandidate> cands;
  std::vector<rcp::TransportArc> arcs;
  const std::int64_t mentee_base = 10000000;
  for (std::size_t i = 0; i < mentees; ++i) {
    auto add = [&](std::size_t j) {
      double s = rcp::score(mp[j].view(), ep[i].view());
      cands.push_back({static_cast<std::int64_t>(j + 1), mentee_base + static_cast<std::int64_t>(i), s});
      arcs.push_back({static_cast<int>(i), static_cast<int>(j), rcp::capacitated_fixed_weight(s, bits)});
    };
    if (per_mentee == 0) {
      for (std::size_t j = 0; j < mentors; ++j) add(j);
    } else {
      std::vector<std::size_t> picks;
      for (int tries = 0; picks.size() < per_mentee && tries < 400; ++tries) {
        std::size_t j = static_cast<std::size_t>(rng() % mentors);
        if (std::find(picks.begin(), picks.end(), j) != picks.end()) continue;
        if (rcp::score(mp[j].view(), ep[i].view()) <= 0.0 && tries < 300) continue;
        picks.push_back(j);
        add(j);
      }
    }
  }
  std::size_t positive = 0;
  for (const auto& a : arcs) positive += a.weight > 0;
  std::printf("%s: %zu mentors (capacity 3) x %zu mentees, %zu candidate pairs (%zu with score > 0), generated in %.2f s\n",
              name, mentors, mentees, arcs.size(), positive, seconds_since(t0));
  std::vector<std::int64_t> cap(mentors, 3);

  // Every time below is the best of `repeat` runs (the machine may be shared).
  std::vector<int> of;
  double ours = 1e300;
  for (int r = 0; r < repeat; ++r) {
    auto t1 = std::chrono::steady_clock::now();
    of = rcp::max_weight_capacitated(cap, static_cast<int>(mentees), arcs);
    ours = std::min(ours, seconds_since(t1));
  }
  std::string ours_load = load();
  std::vector<std::vector<std::pair<int, std::int64_t>>> w(mentees);
  for (const auto& a : arcs) w[a.mentee].push_back({a.mentor, a.weight});
  long long total = 0;
  std::size_t matched = 0;
  for (std::size_t i = 0; i < mentees; ++i)
    if (of[i] >= 0) {
      ++matched;
      for (const auto& [j, x] : w[i])
        if (j == of[i]) total += x;
    }
  std::printf("  ours  max_weight_capacitated (auction)  %.3f s  [%s]  total %lld, %zu mentees matched\n", ours,
              ours_load.c_str(), total, matched);

  rcp::CapacitatedOptions opt;
  opt.fixed_point_bits = bits;
  rcp::CapacitatedResult full;
  double full_s = 1e300;
  for (int r = 0; r < repeat; ++r) {
    auto t2 = std::chrono::steady_clock::now();
    full = rcp::capacitated_matching(ms, cands, opt);
    full_s = std::min(full_s, seconds_since(t2));
  }
  std::printf("  ours  capacitated_matching (whole call) %.3f s  [%s]  total %lld = %.6f, bits %d\n", full_s,
              load().c_str(), static_cast<long long>(full.total_fixed), full.total, full.fixed_point_bits);
  int rc = full.total_fixed == total ? 0 : 1;
  if (rc) std::printf("  MISMATCH between the two calls\n");
#ifdef RCP_HAVE_LEMON
  if (lemon) {
    LemonTimes lt = run_lemon(cap, static_cast<int>(mentees), arcs);
    for (int r = 1; r < repeat; ++r) {
      LemonTimes again = run_lemon(cap, static_cast<int>(mentees), arcs);
      lt.ns = std::min(lt.ns, again.ns);
      lt.cs = std::min(lt.cs, again.cs);
    }
    std::printf("  LEMON NetworkSimplex                    %.3f s  total %lld %s\n", lt.ns, lt.ns_total,
                lt.ns_total == total ? "(equal)" : "(DIFFERENT)");
    std::printf("  LEMON CostScaling                       %.3f s  total %lld %s\n", lt.cs, lt.cs_total,
                lt.cs_total == total ? "(equal)" : "(DIFFERENT)");
    double best = std::min(lt.ns, lt.cs);
    std::printf("  ratio: faster of LEMON / ours = %.2fx (solver), %.2fx (whole call)  [%s]\n", best / ours, best / full_s,
                load().c_str());
    if (lt.ns_total != total) rc = 1;
  }
#else
  (void)lemon;
#endif
  return rc;
}

int stable_case(std::mt19937_64& rng) {
  const std::size_t n = 2000, d = 50;
  std::vector<rcp::Profile> ps = make_profiles(n, rng);
  std::vector<std::vector<int>> adj(n);
  auto adjacent = [&](std::size_t x, std::size_t y) {
    return std::find(adj[x].begin(), adj[x].end(), static_cast<int>(y)) != adj[x].end();
  };
  for (std::size_t x = 0; x < n; ++x)
    for (int tries = 0; adj[x].size() < d && tries < 2000; ++tries) {
      std::size_t y = static_cast<std::size_t>(rng() % n);
      if (y == x || adj[y].size() >= d || adjacent(x, y)) continue;
      adj[x].push_back(static_cast<int>(y));
      adj[y].push_back(static_cast<int>(x));
    }
  std::vector<rcp::StableCandidate> cands;
  for (std::size_t x = 0; x < n; ++x)
    for (int y : adj[x])
      if (static_cast<std::size_t>(y) > x) {
        rcp::Benefits b = rcp::benefits(ps[x].view(), ps[static_cast<std::size_t>(y)].view());
        cands.push_back({static_cast<std::int64_t>(x + 1), static_cast<std::int64_t>(y + 1),
                         rcp::combine(b.a_gets, b.b_gets, rcp::kDefaultMode), b.a_gets, b.b_gets});
      }
  std::printf("stable: %zu people, %zu candidate pairs (%.1f per person)\n", n, cands.size(),
              2.0 * static_cast<double>(cands.size()) / static_cast<double>(n));
  auto t0 = std::chrono::steady_clock::now();
  rcp::StableResult r = rcp::stable_roommates(cands);
  double s = seconds_since(t0);
  std::printf("  ours  stable_roommates (whole call)      %.4f s  [%s]  stable=%s, %zu pairs, %zu blocking\n", s,
              load().c_str(), r.stable ? "yes" : "no", r.pairs.size(), r.blocking_pairs);
  if (!r.stable) std::printf("  %s\n", r.explanation.c_str());

  // Irving alone on prebuilt lists (same WIIFM order as the whole call).
  std::vector<std::vector<int>> prefs(n);
  {
    struct It {
      double g, s;
      int o;
    };
    std::vector<std::vector<It>> items(n);
    for (const auto& c : cands) {
      items[c.a - 1].push_back({c.a_gain, c.score, static_cast<int>(c.b - 1)});
      items[c.b - 1].push_back({c.b_gain, c.score, static_cast<int>(c.a - 1)});
    }
    for (std::size_t x = 0; x < n; ++x) {
      std::sort(items[x].begin(), items[x].end(), [](const It& u, const It& v) {
        if (u.g != v.g) return u.g > v.g;
        if (u.s != v.s) return u.s > v.s;
        return u.o < v.o;
      });
      for (const auto& i : items[x]) prefs[x].push_back(i.o);
    }
  }
  rcp::StableOptions no_search;
  no_search.restarts = 0;
  auto t1 = std::chrono::steady_clock::now();
  rcp::StableIndexResult ri = rcp::stable_roommates_prefs(prefs, no_search);
  double si = seconds_since(t1);
  std::printf("  ours  stable_roommates_prefs (lists given, no local search) %.4f s  [%s]  stable=%s, %zu blocking\n",
              si, load().c_str(), ri.stable ? "yes" : "no", ri.blocking_pairs);
  auto t1b = std::chrono::steady_clock::now();
  rcp::StableResult rn = rcp::stable_roommates(cands, no_search);
  std::printf("  ours  stable_roommates (whole call, no local search) %.4f s  [%s]  stable=%s, %zu blocking\n",
              seconds_since(t1b), load().c_str(), rn.stable ? "yes" : "no", rn.blocking_pairs);
  // Everyone ranking by the symmetric score instead: a stable matching always
  // exists, so this times Irving's two phases alone.
  std::vector<rcp::StableCandidate> sym = cands;
  for (auto& c : sym) c.a_gain = c.b_gain = c.score;
  auto t1c = std::chrono::steady_clock::now();
  rcp::StableResult rs = rcp::stable_roommates(sym);
  std::printf("  ours  stable_roommates, score rankings (whole call) %.4f s  [%s]  stable=%s, %zu pairs\n",
              seconds_since(t1c), load().c_str(), rs.stable ? "yes" : "no", rs.pairs.size());
  // Same instance with everyone ranking by the symmetric score: best-pair-first.
  auto t2 = std::chrono::steady_clock::now();
  auto g = rcp::best_pair_first(cands);
  std::printf("  ours  best_pair_first                    %.4f s  %zu pairs\n", seconds_since(t2), g.size());
  return ri.stable == r.stable ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string which = "all";
  int bits = 40;
  unsigned seed = 1;
  bool lemon = true;
  int repeat = 1;
  rcp::bench::ArgReader in(argc, argv);
  while (in.next()) {
    if (in.is("--case") && in.has_value()) which = in.value();
    else if (in.is("--bits") && in.has_value()) bits = in.int_value();
    else if (in.is("--seed") && in.has_value()) seed = in.unsigned_value();
    else if (in.is("--no-lemon")) lemon = false;
    else if (in.is("--repeat") && in.has_value()) repeat = std::max(1, in.int_value());
    else {
      std::fprintf(stderr, "usage: %s [--case all|dense|sparse|stable] [--bits 40] [--seed 1] [--no-lemon] [--repeat 1]\n", argv[0]);
      return 2;
    }
  }
  std::mt19937_64 rng(seed);
  int rc = 0;
  if (which == "all" || which == "stable") rc |= stable_case(rng);
  if (which == "all" || which == "dense") rc |= capacitated_case("dense", 1000, 3000, 0, bits, lemon, repeat, rng);
  if (which == "all" || which == "sparse") rc |= capacitated_case("sparse", 30000, 90000, 20, bits, lemon, repeat, rng);
  return rc;
}
