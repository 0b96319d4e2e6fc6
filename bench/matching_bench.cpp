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
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"

#ifdef RCP_HAVE_LEMON
#include <lemon/matching.h>
#include <lemon/smart_graph.h>
#endif

namespace {

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
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "missing value after %s\n", s.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (s == "--complete") a.complete = parse_list(next());
    else if (s == "--sparse") a.sparse = std::strtoull(next(), nullptr, 10);
    else if (s == "--k") a.k = std::strtoull(next(), nullptr, 10);
    else if (s == "--vocab") a.vocab = std::strtoull(next(), nullptr, 10);
    else if (s == "--skew") a.skew = std::strtod(next(), nullptr);
    else if (s == "--seed") a.seed = static_cast<unsigned>(std::strtoul(next(), nullptr, 10));
    else if (s == "--no-lemon") a.lemon = false;
    else if (s == "--fair") a.fair = true;
    else {
      std::fprintf(stderr, "unknown argument %s\n", s.c_str());
      std::exit(2);
    }
  }
  return a;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string load() {
  double l[3] = {0, 0, 0};
  if (getloadavg(l, 3) < 0) return "load ?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "load %.2f %.2f %.2f", l[0], l[1], l[2]);
  return buf;
}

std::vector<rcp::Profile> generate(std::size_t n, const Args& args, std::mt19937_64& rng) {
  std::vector<double> cdf(args.vocab);
  double acc = 0.0;
  for (std::size_t r = 0; r < args.vocab; ++r) cdf[r] = acc += 1.0 / std::pow(static_cast<double>(r + 1), args.skew);
  for (double& c : cdf) c /= acc;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> topics_each(5, 30), skill(1, 5), goal_level(0, 2), goal_want(1, 3);
  std::vector<rcp::Profile> out;
  out.reserve(n);
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < n; ++i) {
    rcp::ProfileBuilder b;
    const int m = std::min<int>(topics_each(rng), static_cast<int>(args.vocab));
    picked.clear();
    while (picked.size() < static_cast<std::size_t>(m)) {
      std::size_t r = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), unit(rng)) - cdf.begin());
      if (r >= args.vocab) r = args.vocab - 1;
      if (std::find(picked.begin(), picked.end(), r) != picked.end()) continue;
      picked.push_back(r);
      const std::string name = "t" + std::to_string(r);
      if (unit(rng) < 0.3) b.set(name, goal_level(rng), goal_want(rng));
      else b.set(name, skill(rng), 0.0);
    }
    out.push_back(b.build());
  }
  return out;
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
    const auto profiles = generate(n, args, rng);
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
    const auto profiles = generate(n, args, rng);
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
