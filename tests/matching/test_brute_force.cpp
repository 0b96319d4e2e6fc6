// Every objective against the exhaustive oracle on thousands of seeded random
// instances with n <= 12, plus permutation invariance.
#include <gtest/gtest.h>

#include <numeric>

#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "oracle.hpp"

using rcp::WeightedEdge;
using namespace rcp_test;

namespace {

struct Family {
  const char* name;
  double p;
  std::int64_t lo, hi;
};

// Small weight ranges force many ties; the large one exercises 2^40 scale.
const Family kFamilies[] = {
    {"sparse-ties", 0.3, 1, 3},      {"dense-ties", 0.8, 0, 4},
    {"complete-ties", 1.0, 1, 2},    {"sparse-wide", 0.35, 1, 1000},
    {"dense-wide", 0.9, 0, 100},     {"large", 0.6, 0, std::int64_t{1} << 40},
    {"zero-heavy", 0.7, 0, 1},       {"complete-large", 1.0, 1, std::int64_t{1} << 40},
};

void check_instance(std::size_t n, const std::vector<WeightedEdge>& edges, const std::string& what) {
  SCOPED_TRACE(what);
  const auto total = rcp::max_weight_matching(n, edges);
  ASSERT_TRUE(is_matching(n, edges, total));
  EXPECT_EQ(total.total, brute_total(n, edges).total);
  for (auto w : total.weights) EXPECT_GT(w, 0) << "a weight-0 pair was matched";

  const auto cw = rcp::max_weight_matching(n, edges, true);
  ASSERT_TRUE(is_matching(n, edges, cw));
  const auto cw_opt = brute_card_weight(n, edges);
  EXPECT_EQ(cw.size(), cw_opt.pairs);
  EXPECT_EQ(cw.total, cw_opt.total);

  const auto card = rcp::max_cardinality_matching(n, edges);
  ASSERT_TRUE(is_matching(n, edges, card));
  EXPECT_EQ(card.size(), cw_opt.pairs);

  const auto fair = rcp::fair_matching(n, edges);
  ASSERT_TRUE(is_matching(n, edges, fair));
  const auto f_opt = brute_fair(n, edges);
  EXPECT_EQ(fair.size(), f_opt.pairs);
  EXPECT_EQ(fair.min_weight, f_opt.bottleneck);
  EXPECT_EQ(fair.total, f_opt.total);

  // The dual certificate of the plain engine holds (positive edges only, as
  // the total objective solves them).
  std::vector<WeightedEdge> positive;
  for (const auto& e : rcp::canonical_edges(n, edges))
    if (e.weight > 0) positive.push_back(e);
  std::string why;
  rcp::detail::solve_max_weight_certified(n, positive, &why);
  EXPECT_EQ(why, "");
  // And for maximum cardinality (all edges, weights shifted).
  rcp::detail::solve_max_weight_certified(n, rcp::canonical_edges(n, edges), &why, true);
  EXPECT_EQ(why, "");
}

}  // namespace

TEST(MatchingBruteForce, AllObjectivesSmallGraphs) {
  std::mt19937_64 rng(20240611);
  int instances = 0;
  for (const auto& f : kFamilies) {
    for (int rep = 0; rep < 450; ++rep) {
      const std::size_t n = 1 + rng() % 12;
      auto edges = random_graph(rng, n, f.p, f.lo, f.hi);
      check_instance(n, edges, std::string(f.name) + " #" + std::to_string(rep) + " n=" + std::to_string(n));
      ++instances;
      if (HasFatalFailure() || HasNonfatalFailure()) return;
    }
  }
  EXPECT_EQ(instances, 3600);
}

TEST(MatchingBruteForce, PermutationInvariance) {
  std::mt19937_64 rng(7);
  for (int rep = 0; rep < 600; ++rep) {
    const std::size_t n = 2 + rng() % 11;
    const auto& f = kFamilies[rep % 8];
    auto edges = random_graph(rng, n, f.p, f.lo, f.hi);
    SCOPED_TRACE("rep " + std::to_string(rep));
    const auto a_total = rcp::max_weight_matching(n, edges);
    const auto a_card = rcp::max_weight_matching(n, edges, true);
    const auto a_fair = rcp::fair_matching(n, edges);

    // Same edges, shuffled and randomly oriented: the same pairs.
    auto shuffled = edges;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    for (auto& e : shuffled)
      if (rng() & 1) std::swap(e.u, e.v);
    // Exact duplicates are accepted once.
    if (!shuffled.empty()) shuffled.push_back(shuffled[rng() % shuffled.size()]);
    EXPECT_EQ(rcp::max_weight_matching(n, shuffled).pairs, a_total.pairs);
    EXPECT_EQ(rcp::max_weight_matching(n, shuffled, true).pairs, a_card.pairs);
    EXPECT_EQ(rcp::fair_matching(n, shuffled).pairs, a_fair.pairs);

    // Vertices relabelled: the same optimal values.
    std::vector<std::uint32_t> perm(n);
    std::iota(perm.begin(), perm.end(), 0u);
    std::shuffle(perm.begin(), perm.end(), rng);
    auto relabelled = edges;
    for (auto& e : relabelled) e = WeightedEdge{perm[e.u], perm[e.v], e.weight};
    const auto b_total = rcp::max_weight_matching(n, relabelled);
    const auto b_card = rcp::max_weight_matching(n, relabelled, true);
    const auto b_fair = rcp::fair_matching(n, relabelled);
    EXPECT_EQ(b_total.total, a_total.total);
    EXPECT_EQ(b_card.total, a_card.total);
    EXPECT_EQ(b_card.size(), a_card.size());
    EXPECT_EQ(b_fair.total, a_fair.total);
    EXPECT_EQ(b_fair.size(), a_fair.size());
    EXPECT_EQ(b_fair.min_weight, a_fair.min_weight);
    if (HasFailure()) return;
  }
}

// Medium graphs (no oracle): the plain engine's dual certificate, and the
// dense (pricing) path agrees with the plain engine.
TEST(MatchingBruteForce, CertificateAndPricingOnMediumGraphs) {
  std::mt19937_64 rng(99);
  for (int rep = 0; rep < 40; ++rep) {
    const std::size_t n = 60 + rng() % 200;
    const double p = (rep % 4 == 0) ? 1.0 : (rep % 4 == 1 ? 0.5 : 0.05);
    const std::int64_t hi = (rep % 3 == 0) ? 5 : (rep % 3 == 1 ? 1000 : std::int64_t{1} << 40);
    auto edges = rcp::canonical_edges(n, random_graph(rng, n, p, 1, hi));
    SCOPED_TRACE("rep " + std::to_string(rep) + " n=" + std::to_string(n));
    std::string why;
    auto plain = rcp::detail::solve_max_weight_certified(n, edges, &why);
    EXPECT_EQ(why, "");
    rcp::detail::solve_max_weight_certified(n, edges, &why, true);
    EXPECT_EQ(why, "");
    auto priced = rcp::detail::solve_max_weight(n, edges);
    const auto a = rcp::detail::make_matching(n, edges, plain);
    const auto b = rcp::detail::make_matching(n, edges, priced);
    EXPECT_EQ(a.total, b.total);
    if (HasFailure()) return;
  }
}
