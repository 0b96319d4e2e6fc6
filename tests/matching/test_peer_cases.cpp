// Peer test cases, ported as data (inputs and expected outputs):
//  - networkx TestMaxWeightMatching (networkx/algorithms/tests/test_matching.py)
//  - jorisvr/maximum-weight-matching python/test_mwmatching.py (blossom corner
//    cases, maximum-cardinality cases) and its tests/graphs/*.edge graphs with
//    their published optimal totals (tests/matching/data/).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/fair_matching.hpp"
#include "core/max_weight_matching.hpp"
#include "oracle.hpp"

using rcp::WeightedEdge;

namespace {

using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

struct Case {
  const char* name;
  std::vector<WeightedEdge> edges;
  Pairs expected;  // sorted (a < b, ascending)
  bool max_cardinality = false;
};

std::size_t vertex_count(const std::vector<WeightedEdge>& edges) {
  std::size_t n = 0;
  for (const auto& e : edges) n = std::max<std::size_t>(n, std::max(e.u, e.v) + 1);
  return n;
}

Pairs sorted(Pairs p) {
  for (auto& x : p)
    if (x.first > x.second) std::swap(x.first, x.second);
  std::sort(p.begin(), p.end());
  return p;
}

// Expected pairs are written as the peers wrote them; sorted() normalises.
const std::vector<Case>& cases() {
  static const std::vector<Case> k = {
      // networkx TestMaxWeightMatching
      {"nx_single_edge", {{0, 1, 1}}, {{0, 1}}},
      {"nx_two_path", {{0, 1, 10}, {1, 2, 11}}, {{1, 2}}},  // one=0 two=1 three=2
      {"nx_edge_attribute_name", {{0, 1, 11}, {1, 2, 10}}, {{0, 1}}},
      {"nx_path", {{1, 2, 5}, {2, 3, 11}, {3, 4, 5}}, {{2, 3}}},
      {"nx_path_maxcard", {{1, 2, 5}, {2, 3, 11}, {3, 4, 5}}, {{1, 2}, {3, 4}}, true},
      {"nx_square", {{1, 4, 2}, {2, 3, 2}, {1, 2, 1}, {3, 4, 4}}, {{1, 2}, {3, 4}}},
      {"nx_s_blossom", {{1, 2, 8}, {1, 3, 9}, {2, 3, 10}, {3, 4, 7}}, {{1, 2}, {3, 4}}},
      {"nx_s_blossom_2", {{1, 2, 8}, {1, 3, 9}, {2, 3, 10}, {3, 4, 7}, {1, 6, 5}, {4, 5, 6}}, {{1, 6}, {2, 3}, {4, 5}}},
      {"nx_s_t_blossom", {{1, 2, 9}, {1, 3, 8}, {2, 3, 10}, {1, 4, 5}, {4, 5, 4}, {1, 6, 3}}, {{1, 6}, {2, 3}, {4, 5}}},
      {"nx_s_t_blossom_2", {{1, 2, 9}, {1, 3, 8}, {2, 3, 10}, {1, 4, 5}, {4, 5, 3}, {1, 6, 4}}, {{1, 6}, {2, 3}, {4, 5}}},
      {"nx_s_t_blossom_3", {{1, 2, 9}, {1, 3, 8}, {2, 3, 10}, {1, 4, 5}, {4, 5, 3}, {3, 6, 4}}, {{1, 2}, {3, 6}, {4, 5}}},
      {"nx_nested_s_blossom",
       {{1, 2, 9}, {1, 3, 9}, {2, 3, 10}, {2, 4, 8}, {3, 5, 8}, {4, 5, 10}, {5, 6, 6}},
       {{1, 3}, {2, 4}, {5, 6}}},
      {"nx_nested_s_blossom_relabel",
       {{1, 2, 10}, {1, 7, 10}, {2, 3, 12}, {3, 4, 20}, {3, 5, 20}, {4, 5, 25}, {5, 6, 10}, {6, 7, 10}, {7, 8, 8}},
       {{1, 2}, {3, 4}, {5, 6}, {7, 8}}},
      {"nx_nested_s_blossom_expand",
       {{1, 2, 8}, {1, 3, 8}, {2, 3, 10}, {2, 4, 12}, {3, 5, 12}, {4, 5, 14}, {4, 6, 12}, {5, 7, 12}, {6, 7, 14}, {7, 8, 12}},
       {{1, 2}, {3, 5}, {4, 6}, {7, 8}}},
      {"nx_s_blossom_relabel_expand",
       {{1, 2, 23}, {1, 5, 22}, {1, 6, 15}, {2, 3, 25}, {3, 4, 22}, {4, 5, 25}, {4, 8, 14}, {5, 7, 13}},
       {{1, 6}, {2, 3}, {4, 8}, {5, 7}}},
      {"nx_nested_s_blossom_relabel_expand",
       {{1, 2, 19}, {1, 3, 20}, {1, 8, 8}, {2, 3, 25}, {2, 4, 18}, {3, 5, 18}, {4, 5, 13}, {4, 7, 7}, {5, 6, 7}},
       {{1, 8}, {2, 3}, {4, 7}, {5, 6}}},
      {"nx_nasty_blossom1",
       {{1, 2, 45}, {1, 5, 45}, {2, 3, 50}, {3, 4, 45}, {4, 5, 50}, {1, 6, 30}, {3, 9, 35}, {4, 8, 35}, {5, 7, 26}, {9, 10, 5}},
       {{1, 6}, {2, 3}, {4, 8}, {5, 7}, {9, 10}}},
      {"nx_nasty_blossom2",
       {{1, 2, 45}, {1, 5, 45}, {2, 3, 50}, {3, 4, 45}, {4, 5, 50}, {1, 6, 30}, {3, 9, 35}, {4, 8, 26}, {5, 7, 40}, {9, 10, 5}},
       {{1, 6}, {2, 3}, {4, 8}, {5, 7}, {9, 10}}},
      {"nx_nasty_blossom_least_slack",
       {{1, 2, 45}, {1, 5, 45}, {2, 3, 50}, {3, 4, 45}, {4, 5, 50}, {1, 6, 30}, {3, 9, 35}, {4, 8, 28}, {5, 7, 26}, {9, 10, 5}},
       {{1, 6}, {2, 3}, {4, 8}, {5, 7}, {9, 10}}},
      {"nx_nasty_blossom_augmenting",
       {{1, 2, 45}, {1, 7, 45}, {2, 3, 50}, {3, 4, 45}, {4, 5, 95}, {4, 6, 94}, {5, 6, 94}, {6, 7, 50}, {1, 8, 30},
        {3, 11, 35}, {5, 9, 36}, {7, 10, 26}, {11, 12, 5}},
       {{1, 8}, {2, 3}, {4, 6}, {5, 9}, {7, 10}, {11, 12}}},
      {"nx_nasty_blossom_expand_recursively",
       {{1, 2, 40}, {1, 3, 40}, {2, 3, 60}, {2, 4, 55}, {3, 5, 55}, {4, 5, 50}, {1, 8, 15}, {5, 7, 30}, {7, 6, 10},
        {8, 10, 10}, {4, 9, 30}},
       {{1, 2}, {3, 5}, {4, 9}, {6, 7}, {8, 10}}},
      // jorisvr test_mwmatching.py (cases not already above)
      {"jv_test11_singleedge", {{0, 1, 1}}, {{0, 1}}},
      {"jv_test41_nonmax_card",
       {{0, 1, 2}, {0, 4, 3}, {1, 2, 7}, {1, 5, 2}, {2, 3, 9}, {2, 5, 4}, {3, 4, 8}, {3, 5, 4}},
       {{1, 2}, {3, 4}}},
      {"jv_test42_s_nest_partial_expand",
       {{0, 1, 8}, {0, 2, 8}, {1, 2, 9}, {1, 3, 6}, {2, 4, 7}, {3, 4, 8}, {3, 5, 5}},
       {{0, 1}, {2, 4}, {3, 5}}},
      {"jv_test43_s_nest_noexpand",
       {{0, 1, 7}, {0, 2, 7}, {1, 2, 9}, {0, 3, 7}, {0, 4, 7}, {3, 4, 9}, {5, 6, 2}},
       {{1, 2}, {3, 4}, {5, 6}}},
      {"jv_test44_blossom_redundant_edge",
       {{0, 1, 7}, {0, 4, 6}, {1, 2, 9}, {2, 3, 8}, {3, 4, 9}, {2, 5, 1}, {4, 5, 1}},
       {{1, 2}, {3, 4}}},
      {"jv_corner1", {{0, 4, 26}, {1, 3, 31}, {1, 4, 49}}, {{0, 4}, {1, 3}}},
      {"jv_corner2", {{0, 2, 42}, {0, 4, 36}, {2, 3, 26}}, {{0, 4}, {2, 3}}},
      {"jv_corner3", {{0, 4, 43}, {1, 4, 28}, {2, 4, 38}}, {{0, 4}}},
      {"jv_corner4", {{0, 1, 50}, {0, 3, 46}, {0, 4, 45}}, {{0, 1}}},
      {"jv_corner5", {{0, 1, 35}, {0, 3, 36}, {0, 4, 46}}, {{0, 4}}},
      {"jv_corner6", {{0, 1, 50}, {0, 4, 51}, {0, 5, 34}, {1, 2, 43}, {1, 4, 57}, {2, 5, 47}, {3, 4, 17}},
       {{0, 1}, {2, 5}, {3, 4}}},
      {"jv_corner7", {{0, 1, 34}, {0, 3, 19}, {1, 2, 45}, {1, 3, 30}, {1, 4, 37}, {2, 4, 36}}, {{0, 1}, {2, 4}}},
      {"jv_corner8", {{0, 1, 48}, {0, 3, 42}, {0, 4, 57}, {1, 3, 51}, {1, 5, 36}, {2, 3, 23}, {4, 5, 46}},
       {{0, 1}, {2, 3}, {4, 5}}},
      {"jv_corner9", {{0, 1, 21}, {0, 2, 25}, {0, 5, 42}, {1, 4, 40}, {2, 3, 10}, {2, 5, 40}, {3, 5, 31}, {4, 5, 58}},
       {{0, 2}, {1, 4}, {3, 5}}},
      {"jv_corner10", {{0, 2, 7}, {0, 5, 20}, {1, 2, 50}, {1, 4, 46}, {2, 3, 35}, {2, 4, 8}, {2, 5, 25}, {3, 5, 47}},
       {{0, 5}, {1, 4}, {2, 3}}},
      {"jv_corner11", {{0, 1, 42}, {0, 2, 60}, {1, 3, 34}, {1, 4, 58}, {1, 5, 52}, {2, 5, 60}, {3, 5, 34}, {4, 5, 57}},
       {{0, 2}, {1, 4}, {3, 5}}},
      {"jv_corner12", {{0, 1, 23}, {0, 2, 26}, {0, 3, 22}, {0, 4, 41}, {2, 4, 36}}, {{0, 1}, {2, 4}}},
      {"jv_corner13", {{0, 3, 58}, {0, 4, 49}, {1, 5, 34}, {2, 3, 22}, {2, 5, 42}, {4, 5, 36}}, {{0, 4}, {1, 5}, {2, 3}}},
      {"jv_corner14", {{0, 1, 29}, {0, 3, 35}, {0, 4, 42}, {1, 2, 12}, {2, 4, 29}, {3, 4, 44}}, {{0, 1}, {3, 4}}},
      {"jv_corner15", {{0, 4, 53}, {0, 5, 42}, {1, 4, 45}, {2, 4, 59}, {2, 6, 39}, {4, 5, 69}, {4, 6, 52}},
       {{0, 5}, {1, 4}, {2, 6}}},
      {"jv_corner16", {{0, 2, 13}, {1, 2, 11}, {2, 3, 39}, {2, 4, 17}, {3, 4, 35}}, {{0, 2}, {3, 4}}},
      {"jv_test14_maxcard", {{1, 2, 5}, {2, 3, 11}, {3, 4, 5}}, {{1, 2}, {3, 4}}, true},
  };
  return k;
}

std::int64_t total_of(const std::vector<WeightedEdge>& edges, const Pairs& pairs) {
  std::int64_t t = 0;
  for (auto [a, b] : pairs)
    for (const auto& e : edges)
      if ((e.u == a && e.v == b) || (e.u == b && e.v == a)) t += e.weight;
  return t;
}

}  // namespace

TEST(MatchingPeerCases, NetworkxAndJorisvrBlossomCases) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    const std::size_t n = vertex_count(c.edges);
    const auto m = rcp::max_weight_matching(n, c.edges, c.max_cardinality);
    EXPECT_EQ(m.pairs, sorted(c.expected));
    EXPECT_EQ(m.total, total_of(c.edges, c.expected));
    // Reversed input order and flipped orientation: the same pairs.
    auto rev = c.edges;
    std::reverse(rev.begin(), rev.end());
    for (auto& e : rev) std::swap(e.u, e.v);
    EXPECT_EQ(rcp::max_weight_matching(n, rev, c.max_cardinality).pairs, m.pairs);
  }
}

TEST(MatchingPeerCases, FloatingPointWeights) {
  // networkx test_floating_point_weights / jorisvr test15_float, through the
  // fixed-point helper.
  const double w12 = M_PI, w23 = std::exp(1.0), w13 = 3.0, w14 = std::sqrt(2.0);
  std::vector<WeightedEdge> e = {{1, 2, rcp::score_to_weight(w12)},
                                 {2, 3, rcp::score_to_weight(w23)},
                                 {1, 3, rcp::score_to_weight(w13)},
                                 {1, 4, rcp::score_to_weight(w14)}};
  const auto m = rcp::max_weight_matching(5, e);
  EXPECT_EQ(m.pairs, (Pairs{{1, 4}, {2, 3}}));
  EXPECT_NEAR(rcp::weight_to_score(m.total), w23 + w14, 1e-11);
}

TEST(MatchingPeerCases, MaxCardinalityWithTwoOptima) {
  // jorisvr test43_maxcard accepts either of two matchings; a third one,
  // {0-4, 1-5, 2-3} = 3 + 2 + 9, has the same total 14 and is optimal too
  // (this graph has exactly these three maximum-cardinality optima).
  std::vector<WeightedEdge> e = {{0, 1, 2}, {0, 4, 3}, {1, 2, 7}, {1, 5, 2}, {2, 3, 9}, {2, 5, 4}, {3, 4, 8}, {3, 5, 4}};
  const auto m = rcp::max_weight_matching(6, e, true);
  EXPECT_TRUE(m.pairs == (Pairs{{0, 1}, {2, 5}, {3, 4}}) || m.pairs == (Pairs{{0, 4}, {1, 2}, {3, 5}}) ||
              m.pairs == (Pairs{{0, 4}, {1, 5}, {2, 3}}))
      << testing::PrintToString(m.pairs);
  EXPECT_EQ(rcp_test::brute_card_weight(6, e).total, 14);
  EXPECT_EQ(m.size(), 3u);
  EXPECT_EQ(m.total, 14);
}

TEST(MatchingPeerCases, EmptyGraph) {
  EXPECT_EQ(rcp::max_weight_matching(0, std::vector<WeightedEdge>{}).size(), 0u);
  const auto m = rcp::max_weight_matching(3, std::vector<WeightedEdge>{});
  EXPECT_EQ(m.mate, (std::vector<std::int32_t>{-1, -1, -1}));
  EXPECT_EQ(m.total, 0);
  EXPECT_EQ(m.min_weight, 0);
  EXPECT_EQ(rcp::fair_matching(3, std::vector<WeightedEdge>{}).size(), 0u);
}

TEST(MatchingPeerCases, BadInputIsRejectedClearly) {
  // Where the peers accept input we reject by design (self-loops, negative
  // weights: a reciprocity score is never negative), the error says why.
  auto message = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const rcp::Error& e) {
      EXPECT_EQ(e.code(), rcp::ErrorCode::invalid_argument);
      return e.what();
    }
    return "no error";
  };
  using V = std::vector<WeightedEdge>;
  EXPECT_EQ(message([] { rcp::max_weight_matching(2, V{{0, 0, 100}}); }),
            "self-pair (0, 0): a person cannot pair with themself");
  EXPECT_EQ(message([] { rcp::max_weight_matching(4, V{{1, 2, 2}, {1, 3, -2}}); }), "pair (1, 3) has negative weight -2");
  EXPECT_EQ(message([] { rcp::max_weight_matching(3, V{{0, 1, 2}, {1, 3, 1}}); }),
            "pair (1, 3): vertex 3 is out of range (3 vertices)");
  EXPECT_EQ(message([] { rcp::fair_matching(3, V{{0, 1, 2}, {1, 2, 1}, {2, 1, 3}}); }),
            "pair (1, 2) is given twice with different weights (1 and 3)");
  EXPECT_EQ(message([] { rcp::max_cardinality_matching(3, V{{0, 1, (std::int64_t{1} << 52) + 1}}); }),
            "pair (0, 1) has weight 4503599627370497 above the limit 4503599627370496");
  EXPECT_EQ(message([] { rcp::score_to_weight(std::nan("")); }),
            "score is NaN; a matching weight must be a number >= 0");
  EXPECT_EQ(message([] { rcp::score_to_weight(-0.5); }), "score -0.500000 is negative; a matching weight must be >= 0");
  EXPECT_EQ(message([] { rcp::score_to_weight(1e300); }),
            "score 1.0000000000000001e+300 is out of range for a matching weight (at most 4096 at 40 fraction bits)");
  EXPECT_EQ(message([] { rcp::score_to_weight(HUGE_VAL); }),
            "score inf is out of range for a matching weight (at most 4096 at 40 fraction bits)");
  // Same pair twice with the same weight: accepted once.
  const auto m = rcp::max_weight_matching(3, V{{0, 1, 5}, {1, 0, 5}, {1, 2, 4}});
  EXPECT_EQ(m.pairs, (Pairs{{0, 1}}));
  EXPECT_EQ(m.total, 5);
}

TEST(MatchingPeerCases, FixedPoint) {
  EXPECT_EQ(rcp::score_to_weight(0.0), 0);
  EXPECT_EQ(rcp::score_to_weight(1.0), std::int64_t{1} << 40);
  EXPECT_EQ(rcp::score_to_weight(0.5), std::int64_t{1} << 39);
  EXPECT_EQ(rcp::score_to_weight(1.0, 0), 1);
  EXPECT_EQ(rcp::score_to_weight(2.5, 0), 3);  // halves away from zero
  EXPECT_EQ(rcp::score_to_weight(4096.0), rcp::kMaxMatchingWeight);
  EXPECT_DOUBLE_EQ(rcp::weight_to_score(rcp::score_to_weight(0.123456789)), std::ldexp(std::round(std::ldexp(0.123456789, 40)), -40));
  EXPECT_THROW(rcp::score_to_weight(1.0, 53), rcp::Error);
}

namespace {

std::vector<WeightedEdge> read_dimacs(const std::string& path, std::size_t* n) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::vector<WeightedEdge> edges;
  std::string line;
  *n = 0;
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string tag;
    ss >> tag;
    if (tag == "p") {
      std::string kind;
      std::size_t m = 0;
      ss >> kind >> *n >> m;
    } else if (tag == "e") {
      std::uint32_t u = 0, v = 0;
      std::int64_t w = 0;
      ss >> u >> v >> w;
      edges.push_back({u - 1, v - 1, w});
    }
  }
  return edges;
}

}  // namespace

TEST(MatchingPeerCases, JorisvrGraphsExpectedTotals) {
  const std::string dir = RCP_MATCHING_DATA_DIR;
  std::ifstream list(dir + "/expected_totals.txt");
  ASSERT_TRUE(list.good());
  std::string name;
  std::int64_t expected = 0;
  int graphs = 0;
  std::string line;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    ss >> name >> expected;
    SCOPED_TRACE(name);
    std::size_t n = 0;
    const auto edges = read_dimacs(dir + "/" + name + ".edge", &n);
    const auto m = rcp::max_weight_matching(n, edges);
    EXPECT_EQ(m.total, expected);
    EXPECT_TRUE(rcp_test::is_matching(n, edges, m));
    std::string why;
    rcp::detail::solve_max_weight_certified(n, rcp::canonical_edges(n, edges), &why);
    EXPECT_EQ(why, "");
    ++graphs;
  }
  EXPECT_EQ(graphs, 6);
}
