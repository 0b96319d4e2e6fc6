// Benchmark of rcp::max_weight_matching (objective `total`) against LEMON's
// MaxWeightedMatching, on reciprocity scores of generated profiles.
//
//   matching_bench [--complete 1000,2000,3000] [--sparse 100000] [--k 20]
//                  [--vocab 300] [--skew 1.0] [--seed 1] [--no-lemon] [--fair]
//
// Profiles: every person holds 5..30 distinct topics drawn from a Zipf(skew)
// popularity over `vocab` topics; each held topic is a learning goal with
// probability 0.3 (want 1..3, level 0..2) and otherwise a skill (level 1..5).
// Weights are score_to_weight(rcp::score(a, b)) (harmonic mode, 2^40 fixed
// point); pairs scoring 0 are left out (they can never add to a total).
//
// Complete case: all pairs of an n-person cohort. Sparse case: each person
// proposes k/2 random partners with a positive score; the undirected union
// gives ~k candidates per person.
//
// Both solvers get the same edge list. Timed for reciprocity: the whole
// max_weight_matching call (validation, canonical sort, solve, result). Timed
// for LEMON: run() only; building its graph is reported separately and not
// counted. Totals are compared for equality. Prints the load average with
// every figure (the machine may be shared).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_util.hpp"
#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"

#ifdef RCP_HAVE_LEMON
#include <lemon/matching.h>
#include <lemon/smart_graph.h>
#endif

namespace {

using rcp::bench::load;
using rcp::bench::seconds_since;

struct Args {
  std::vector<std::size_t> complete{1000, 2000, 3000};
  std::size_t sparse = 100000;
  std::uint64_t k = 20;
  std::size_t vocab = 300;
  double skew = 1.0;
  unsigned seed = 1;
  bool lemon = true;
  bool fair = false;
};

std::vector<std::size_t> parse_list(const char* s) {
  std::vector<std::size_t> out;
  std::string t(s);
  std::size_t pos = 0;
  while (pos <= t.size()) {
    std::size_t comma = t.find(',', pos);
    if (comma == std::string::npos) comma = t.size();
    if (comma > pos) out.push_back(std::strtoull(t.substr(pos, comma - pos).c_str(), nullptr, 10));
    pos = comma + 1;
  }
  return out;
}

Args parse(int argc, char** argv) {
  Args a;
  rcp::bench::ArgReader in(argc, argv);
  while (in.next()) {
    if (in.is("--complete")) a.complete = parse_list(in.value());
    else if (in.is("--sparse")) a.sparse = in.size_value();
    else if (in.is("--k")) a.k = in.u64_value();
    else if (in.is("--vocab")) a.vocab = in.size_value();
    else if (in.is("--skew")) a.skew = in.double_value();
    else if (in.is("--seed")) a.seed = in.unsigned_value();
    else if (in.is("--no-lemon")) a.lemon = false;
    else if (in.is("--fair")) a.fair = true;
    else in.unknown();
  }
  return a;
}

struct LemonResult {
  double build_s = 0, run_s = 0;
  long long total = 0;
};

#ifdef RCP_HAVE_LEMON
LemonResult run_lemon(std::size_t n, const std::vector<rcp::WeightedEdge>& edges) {
  LemonResult r;
  auto t0 = std::chrono::steady_clock::now();
  lemon::SmartGraph g;
  g.reserveNode(static_cast<int>(n));
  g.reserveEdge(static_cast<int>(edges.size()));
  std::vector<lemon::SmartGraph::Node> nodes(n);
  for (std::size_t i = 0; i < n; ++i) nodes[i] = g.addNode();
  lemon::SmartGraph::EdgeMap<long long> w(g);
  for (const auto& e : edges) w[g.addEdge(nodes[e.u], nodes[e.v])] = e.weight;
  r.build_s = seconds_since(t0);
  auto t1 = std::chrono::steady_clock::now();
  lemon::MaxWeightedMatching<lemon::SmartGraph, lemon::SmartGraph::EdgeMap<long long>> mwm(g, w);
  mwm.run();
  r.run_s = seconds_since(t1);
  r.total = mwm.matchingWeight();
  return r;
}
#endif

void run_case(const char* name, std::size_t n, const std::vector<rcp::WeightedEdge>& edges, const Args& args) {
  std::printf("%s: n = %zu, %zu candidate pairs (score > 0)\n", name, n, edges.size());
  std::string load_before = load();
  auto t0 = std::chrono::steady_clock::now();
  const rcp::Matching m = rcp::max_weight_matching(n, edges);
  const double ours = seconds_since(t0);
  const auto st = rcp::detail::last_matching_stats();
  std::printf("  reciprocity total: %.3f s  [%s]  pairs %zu, total %lld (%.6f), searches %zu, pricing rounds %zu (%zu edges)\n",
              ours, load_before.c_str(), m.size(), static_cast<long long>(m.total), rcp::weight_to_score(m.total),
              st.searches, st.pricing_rounds, st.priced_edges);
  if (args.fair) {
    auto t2 = std::chrono::steady_clock::now();
    const rcp::Matching f = rcp::fair_matching(n, edges);
    std::printf("  reciprocity fair:  %.3f s  [%s]  pairs %zu, weakest %.6f, total %.6f\n", seconds_since(t2),
                load().c_str(), f.size(), rcp::weight_to_score(f.min_weight), rcp::weight_to_score(f.total));
  }
#ifdef RCP_HAVE_LEMON
  if (args.lemon) {
    load_before = load();
    const LemonResult l = run_lemon(n, edges);
    std::printf("  LEMON MaxWeightedMatching: run %.3f s (+ %.3f s graph build, not counted)  [%s]  total %lld\n",
                l.run_s, l.build_s, load_before.c_str(), l.total);
    std::printf("  ratio LEMON / reciprocity: %.1fx   totals %s\n", l.run_s / ours,
                l.total == m.total ? "EQUAL" : "DIFFER (BUG)");
  }
#else
  (void)args;
#endif
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::mt19937_64 rng(args.seed);
  std::printf("matching_bench: vocab %zu, skew %.2f, seed %u, %s\n", args.vocab, args.skew, args.seed, load().c_str());

  for (const std::size_t n : args.complete) {
    auto t0 = std::chrono::steady_clock::now();
    const auto profiles = rcp::bench::zipf_profiles(n, args.vocab, args.skew, rng);
    std::vector<rcp::WeightedEdge> edges;
    edges.reserve(n * (n - 1) / 2);
    for (std::uint32_t a = 0; a < n; ++a)
      for (std::uint32_t b = a + 1; b < n; ++b) {
        const double s = rcp::score(profiles[a].view(), profiles[b].view());
        if (s > 0.0) edges.push_back({a, b, rcp::score_to_weight(s)});
      }
    std::printf("(generated %zu profiles and %zu pair scores in %.2f s)\n", n, n * (n - 1) / 2, seconds_since(t0));
    run_case("complete", n, edges, args);
  }

  if (args.sparse > 0) {
    const std::size_t n = args.sparse;
    auto t0 = std::chrono::steady_clock::now();
    const auto profiles = rcp::bench::zipf_profiles(n, args.vocab, args.skew, rng);
    // Each person proposes k/2 random partners with a positive score; with
    // the proposals they receive that makes ~k candidates each.
    std::vector<rcp::WeightedEdge> edges;
    std::uniform_int_distribution<std::uint32_t> pick(0, static_cast<std::uint32_t>(n - 1));
    for (std::uint32_t i = 0; i < n; ++i) {
      std::size_t found = 0;
      for (int tries = 0; tries < 1000 && found < args.k / 2; ++tries) {
        const std::uint32_t j = pick(rng);
        if (j == i) continue;
        const double s = rcp::score(profiles[i].view(), profiles[j].view());
        if (s <= 0.0) continue;
        edges.push_back({i, j, rcp::score_to_weight(s)});
        ++found;
      }
    }
    // One edge per unordered pair (both directions may list it).
    edges = rcp::canonical_edges(n, edges);
    // Present it in a shuffled order, as a SQL source would.
    std::shuffle(edges.begin(), edges.end(), rng);
    std::printf("(generated %zu profiles and %.1f candidates each in %.2f s)\n", n,
                2.0 * static_cast<double>(edges.size()) / static_cast<double>(n), seconds_since(t0));
    run_case("sparse", n, edges, args);
  }
  return 0;
}
