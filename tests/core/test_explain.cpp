// explain(): the topics that carry each direction, their order, the balance,
// and contributions that add up to the benefit.
#include <random>

#include "core/score.hpp"
#include "helpers.hpp"

namespace rcp::test {
namespace {

constexpr double kEps = 1e-12;

TEST(Explain, HandComputedPair) {
  // A: finance 1 (want 3), strategy 2 (want 1), python 5; B: finance 5, strategy 4, python 1 (want 2).
  // A gets: finance weight 3/4, contribution 3/4 * 4/5 = 0.6; strategy 1/4 * 2/5 = 0.1 -> 0.7
  // B gets: python weight 1, contribution 1 * 4/5 = 0.8 -> 0.8
  // balance = min/max = 0.7 / 0.8 = 0.875; harmonic score 2 * 0.56 / 1.5
  Profile a = make({{"finance", 1, 3}, {"strategy", 2, 1}, {"python", 5, 0}});
  Profile b = make({{"finance", 5, 0}, {"strategy", 4, 0}, {"python", 1, 2}});
  Explanation e = explain(a.view(), b.view());
  EXPECT_EQ(e.mode, Mode::harmonic);
  EXPECT_NEAR(e.score, 1.12 / 1.5, kEps);
  EXPECT_NEAR(e.balance, 0.875, kEps);
  EXPECT_NEAR(e.a_gets.benefit, 0.7, kEps);
  EXPECT_NEAR(e.b_gets.benefit, 0.8, kEps);
  ASSERT_EQ(e.a_gets.topics.size(), 2u);
  const TopicGain& f = e.a_gets.topics[0];
  EXPECT_EQ(f.topic, "finance");
  EXPECT_EQ(f.giver_level, 5.0);
  EXPECT_EQ(f.receiver_level, 1.0);
  EXPECT_EQ(f.want, 3.0);
  EXPECT_EQ(f.weight, 0.75);
  EXPECT_NEAR(f.contribution, 0.6, kEps);
  const TopicGain& s = e.a_gets.topics[1];
  EXPECT_EQ(s.topic, "strategy");
  EXPECT_EQ(s.giver_level, 4.0);
  EXPECT_EQ(s.receiver_level, 2.0);
  EXPECT_EQ(s.want, 1.0);
  EXPECT_EQ(s.weight, 0.25);
  EXPECT_NEAR(s.contribution, 0.1, kEps);
  ASSERT_EQ(e.b_gets.topics.size(), 1u);
  EXPECT_EQ(e.b_gets.topics[0].topic, "python");
  EXPECT_EQ(e.b_gets.topics[0].giver_level, 5.0);
  EXPECT_EQ(e.b_gets.topics[0].receiver_level, 1.0);
  EXPECT_EQ(e.b_gets.topics[0].want, 2.0);
  EXPECT_EQ(e.b_gets.topics[0].weight, 1.0);
  EXPECT_NEAR(e.b_gets.topics[0].contribution, 0.8, kEps);
  // The score and benefits agree with score() and benefits() in every mode.
  for (Mode m : {Mode::harmonic, Mode::geometric, Mode::min, Mode::mean, Mode::uninorm}) {
    Explanation em = explain(a.view(), b.view(), m);
    EXPECT_EQ(em.mode, m);
    EXPECT_EQ(em.score, score(a.view(), b.view(), m));
  }
}

TEST(Explain, Json) {
  // A: x level 0 want 1; B: x level 2.5 -> A gets 1 * 2.5/5 = 0.5; B gets nothing.
  Profile a = make({{"x", 0, 1}}), b = make({{"x", 2.5, 0}});
  EXPECT_EQ(explanation_to_json(explain(a.view(), b.view(), Mode::mean)),
            "{\"mode\":\"mean\",\"score\":0.25,\"balance\":0,"
            "\"a_gets\":{\"benefit\":0.5,\"topics\":[{\"topic\":\"x\",\"giver_level\":2.5,\"receiver_level\":0,"
            "\"want\":1,\"weight\":1,\"contribution\":0.5}]},"
            "\"b_gets\":{\"benefit\":0,\"topics\":[]}}");
  EXPECT_EQ(explanation_to_json(explain(Profile().view(), Profile().view())),
            "{\"mode\":\"harmonic\",\"score\":0,\"balance\":0,\"a_gets\":{\"benefit\":0,\"topics\":[]},"
            "\"b_gets\":{\"benefit\":0,\"topics\":[]}}");
}

TEST(Explain, OnlyTopicsThatCarryBenefit) {
  // A wants c (B lower), d (B absent), e (equal levels), f (want 0 but B higher): none count.
  // A wants g (B higher): counts. Weights use all of A's wants: c 1, d 1, e 1, g 1 -> 1/4 each.
  Profile a = make({{"c", 3, 1}, {"d", 0, 1}, {"e", 2, 1}, {"f", 0, 0}, {"g", 0, 1}});
  Profile b = make({{"c", 1, 0}, {"e", 2, 0}, {"f", 5, 0}, {"g", 5, 0}});
  Explanation e = explain(a.view(), b.view());
  ASSERT_EQ(e.a_gets.topics.size(), 1u);
  EXPECT_EQ(e.a_gets.topics[0].topic, "g");
  EXPECT_EQ(e.a_gets.topics[0].weight, 0.25);
  EXPECT_NEAR(e.a_gets.benefit, 0.25, kEps);  // 1/4 * 5/5
  EXPECT_TRUE(e.b_gets.topics.empty());         // B wants nothing
  EXPECT_EQ(e.balance, 0.0);
  EXPECT_EQ(e.score, 0.0);
}

TEST(Explain, OrderIsContributionDescendingThenTopicAscending) {
  // A wants b, a, d, c equally (1/4 each); gaps from B: a 2, b 2, c 5, d 1.
  // Contributions: c 0.25, a 0.1, b 0.1, d 0.05 -> c, a, b (tie broken by name), d.
  Profile a = make({{"b", 0, 1}, {"a", 0, 1}, {"d", 0, 1}, {"c", 0, 1}});
  Profile b = make({{"a", 2, 0}, {"b", 2, 0}, {"c", 5, 0}, {"d", 1, 0}});
  Explanation e = explain(a.view(), b.view());
  std::vector<std::string> order;
  for (const auto& t : e.a_gets.topics) order.push_back(t.topic);
  EXPECT_EQ(order, (std::vector<std::string>{"c", "a", "b", "d"}));
  EXPECT_NEAR(e.a_gets.benefit, 0.5, kEps);  // 0.25 + 0.1 + 0.1 + 0.05
}

TEST(Explain, BalanceIsMinOverMax) {
  Profile a = make({{"x", 0, 1}, {"y", 5, 0}}), b = make({{"x", 5, 0}, {"y", 0, 1}});
  EXPECT_EQ(explain(a.view(), b.view()).balance, 1.0);  // 1 and 1
  Profile b2 = make({{"x", 5, 0}, {"y", 4, 1}});         // B gets 1 * 1/5 = 0.2; A gets 1
  EXPECT_NEAR(explain(a.view(), b2.view()).balance, 0.2, kEps);
  EXPECT_NEAR(explain(b2.view(), a.view()).balance, 0.2, kEps);
  EXPECT_EQ(explain(a.view(), a.view()).balance, 0.0);  // both 0
}

TEST(Explain, ContributionsAddUpToTheBenefit) {
  static const char* names[] = {"finance", "python", "ai", "ai tools", "strategy", "stakeholder management",
                                "stakeholder mapping", "sql"};
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> which(0, 7), n(0, 7);
  std::uniform_real_distribution<double> level(0, 5), want(0, 3);
  for (int t = 0; t < 1000; ++t) {
    ProfileBuilder ba, bb;
    for (int i = n(rng); i > 0; --i) ba.merge(names[which(rng)], level(rng), want(rng));
    for (int i = n(rng); i > 0; --i) bb.merge(names[which(rng)], level(rng), want(rng));
    Profile a = ba.build(), b = bb.build();
    Explanation e = explain(a.view(), b.view());
    double sa = 0, sb = 0;
    for (const auto& g : e.a_gets.topics) {
      sa += g.contribution;
      EXPECT_GT(g.contribution, 0.0);
      EXPECT_GT(g.giver_level, g.receiver_level);
      EXPECT_NEAR(g.contribution, g.weight * (g.giver_level - g.receiver_level) / 5, kEps);
    }
    for (const auto& g : e.b_gets.topics) sb += g.contribution;
    EXPECT_NEAR(sa, e.a_gets.benefit, 1e-12);
    EXPECT_NEAR(sb, e.b_gets.benefit, 1e-12);
    EXPECT_EQ(e.a_gets.benefit, benefit(a.view(), b.view()));
    EXPECT_EQ(e.b_gets.benefit, benefit(b.view(), a.view()));
    // Swapping A and B swaps the directions.
    Explanation r = explain(b.view(), a.view());
    EXPECT_EQ(r.a_gets.topics.size(), e.b_gets.topics.size());
    EXPECT_EQ(r.score, e.score);
    EXPECT_EQ(r.balance, e.balance);
  }
}

}  // namespace
}  // namespace rcp::test
