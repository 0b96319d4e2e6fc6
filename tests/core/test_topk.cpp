// TopK: score descending, ties by id ascending, an id keeps its best score,
// scores <= 0 skipped.
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "core/topk.hpp"

namespace rcp {
namespace {

using Ranked = std::vector<std::pair<int, double>>;

TEST(TopK, OrderIsScoreDescendingThenIdAscending) {
  TopK<int> top(10);
  top.add(5, 0.5);
  top.add(3, 0.9);
  top.add(9, 0.5);
  top.add(1, 0.5);
  top.add(7, 0.1);
  EXPECT_EQ(top.sorted(), (Ranked{{3, 0.9}, {1, 0.5}, {5, 0.5}, {9, 0.5}, {7, 0.1}}));
}

TEST(TopK, KeepsOnlyK) {
  TopK<int> top(2);
  for (int id = 1; id <= 6; ++id) top.add(id, id / 10.0);
  EXPECT_EQ(top.sorted(), (Ranked{{6, 0.6}, {5, 0.5}}));
  EXPECT_EQ(top.size(), 2u);
  EXPECT_EQ(top.k(), 2u);
}

TEST(TopK, TiesAtTheCutGoToTheSmallestIds) {
  TopK<int> top(2);
  for (int id : {8, 4, 6, 2, 9}) top.add(id, 0.5);
  EXPECT_EQ(top.sorted(), (Ranked{{2, 0.5}, {4, 0.5}}));
}

TEST(TopK, AnIdSeenTwiceKeepsItsMaxScore) {
  TopK<int> top(3);
  top.add(1, 0.2);
  top.add(1, 0.7);  // raised
  top.add(1, 0.4);  // lower: ignored
  top.add(2, 0.5);
  EXPECT_EQ(top.sorted(), (Ranked{{1, 0.7}, {2, 0.5}}));
  // An id evicted from the top and seen again with a higher score comes back once.
  TopK<int> one(1);
  one.add(1, 0.3);
  one.add(2, 0.6);  // evicts 1
  one.add(1, 0.2);  // still worse than 2
  EXPECT_EQ(one.sorted(), (Ranked{{2, 0.6}}));
  one.add(1, 0.8);
  EXPECT_EQ(one.sorted(), (Ranked{{1, 0.8}}));
  one.add(2, 0.8);  // tie: smaller id 1 stays
  EXPECT_EQ(one.sorted(), (Ranked{{1, 0.8}}));
}

TEST(TopK, SkipsScoresAtOrBelowZeroAndNaN) {
  TopK<int> top(5);
  top.add(1, 0.0);
  top.add(2, -0.5);
  top.add(3, -0.0);
  top.add(4, std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(top.size(), 0u);
  EXPECT_TRUE(top.sorted().empty());
  top.add(5, std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(top.sorted(), (Ranked{{5, std::numeric_limits<double>::denorm_min()}}));
}

TEST(TopK, KLargerThanTheInput) {
  TopK<int> top(1000);
  top.add(2, 0.3);
  top.add(1, 0.3);
  EXPECT_EQ(top.sorted(), (Ranked{{1, 0.3}, {2, 0.3}}));
  TopK<int> huge(std::numeric_limits<std::uint64_t>::max());
  huge.add(1, 1.0);
  EXPECT_EQ(huge.size(), 1u);
}

TEST(TopK, KZeroKeepsNothing) {
  TopK<int> top(0);
  top.add(1, 1.0);
  EXPECT_EQ(top.size(), 0u);
}

TEST(TopK, StringIdsAndCustomOrder) {
  TopK<std::string> top(3);
  top.add("bob", 0.5);
  top.add("alice", 0.5);
  top.add("carol", 0.9);
  top.add("dave", 0.5);
  auto got = top.sorted();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first, "carol");
  EXPECT_EQ(got[1].first, "alice");
  EXPECT_EQ(got[2].first, "bob");
  // A custom id order decides ties: largest id first.
  TopK<int, std::greater<int>> rev(2);
  for (int id : {1, 2, 3}) rev.add(id, 0.5);
  EXPECT_EQ(rev.sorted(), (Ranked{{3, 0.5}, {2, 0.5}}));
}

}  // namespace
}  // namespace rcp
