// benefit, the five combination modes, and the model's edge cases (DESIGN §1).
#include <cmath>
#include <limits>
#include <random>

#include "core/score.hpp"
#include "helpers.hpp"

namespace rcp::test {
namespace {

constexpr double kEps = 1e-12;
const Mode kModes[] = {Mode::harmonic, Mode::geometric, Mode::min, Mode::mean, Mode::uninorm};

// The reverse-mentoring pair used throughout:
//   A (an executive): finance level 1 want 3, strategy level 2 want 1, python level 5
//   B (a junior):     finance level 5, strategy level 4, python level 1 want 2
// A's wants sum to 4 -> normalised finance 3/4, strategy 1/4. B's sum to 2 -> python 1.
//   benefit(A <- B) = 3/4 * (5 - 1)/5 + 1/4 * (4 - 2)/5 = 0.6 + 0.1 = 0.7
//   benefit(B <- A) = 1 * (5 - 1)/5                               = 0.8
Profile exec_a() { return make({{"finance", 1, 3}, {"strategy", 2, 1}, {"python", 5, 0}}); }
Profile junior_b() { return make({{"finance", 5, 0}, {"strategy", 4, 0}, {"python", 1, 2}}); }

TEST(Benefit, HandComputedOneWay) {
  Profile a = exec_a(), b = junior_b();
  EXPECT_NEAR(benefit(a.view(), b.view()), 0.7, kEps);
  EXPECT_NEAR(benefit(b.view(), a.view()), 0.8, kEps);
  Benefits g = benefits(a.view(), b.view());
  EXPECT_EQ(g.a_gets, benefit(a.view(), b.view()));
  EXPECT_EQ(g.b_gets, benefit(b.view(), a.view()));
}

TEST(Score, HandComputedEveryMode) {
  Profile a = exec_a(), b = junior_b();
  // x = 0.7, y = 0.8
  // harmonic  2xy/(x+y)            = 2 * 0.56 / 1.5          = 0.746666...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::harmonic), 1.12 / 1.5, kEps);
  EXPECT_NEAR(score(a.view(), b.view(), Mode::harmonic), 0.7466666666666667, kEps);
  // geometric sqrt(xy)             = sqrt(0.56)              = 0.748331477...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::geometric), 0.7483314773547883, kEps);
  // min                            = 0.7
  EXPECT_NEAR(score(a.view(), b.view(), Mode::min), 0.7, kEps);
  // mean (x+y)/2                   = 0.75
  EXPECT_NEAR(score(a.view(), b.view(), Mode::mean), 0.75, kEps);
  // uninorm xy/(xy+(1-x)(1-y))     = 0.56 / (0.56 + 0.3*0.2) = 0.56 / 0.62 = 0.903225806...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::uninorm), 0.56 / 0.62, kEps);
  EXPECT_NEAR(score(a.view(), b.view(), Mode::uninorm), 0.9032258064516129, kEps);
  // The default mode is harmonic.
  EXPECT_EQ(score(a.view(), b.view()), score(a.view(), b.view(), Mode::harmonic));
}

TEST(Score, HandComputedPartialGaps) {
  // A wants finance 3 (level 1) and ai 1 (level 0); B has finance 5, ai 0.5.
  //   benefit(A <- B) = 3/4 * 4/5 + 1/4 * 0.5/5 = 0.6 + 0.025 = 0.625
  // B wants ai 1 (level 0.5) and negotiation 1 (level 2); A has ai 0, negotiation 4.5.
  //   benefit(B <- A) = 1/2 * 0 (A's ai is lower) + 1/2 * 2.5/5 = 0.25
  Profile a = make({{"finance", 1, 3}, {"ai", 0, 1}, {"negotiation", 4.5, 0}});
  Profile b = make({{"finance", 5, 0}, {"ai", 0.5, 1}, {"negotiation", 2, 1}});
  EXPECT_NEAR(benefit(a.view(), b.view()), 0.625, kEps);
  EXPECT_NEAR(benefit(b.view(), a.view()), 0.25, kEps);
  // harmonic 2 * 0.625 * 0.25 / 0.875 = 0.3125 / 0.875 = 0.357142857...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::harmonic), 0.35714285714285715, kEps);
  // geometric sqrt(0.15625) = 0.395284707...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::geometric), 0.3952847075210474, kEps);
  EXPECT_NEAR(score(a.view(), b.view(), Mode::min), 0.25, kEps);
  // mean (0.625 + 0.25) / 2 = 0.4375
  EXPECT_NEAR(score(a.view(), b.view(), Mode::mean), 0.4375, kEps);
  // uninorm 0.15625 / (0.15625 + 0.375 * 0.75) = 0.15625 / 0.4375 = 0.357142857...
  EXPECT_NEAR(score(a.view(), b.view(), Mode::uninorm), 0.35714285714285715, kEps);
}

TEST(Combine, Formulas) {
  EXPECT_NEAR(combine(0.5, 0.25, Mode::harmonic), 2 * 0.125 / 0.75, kEps);  // 1/3
  EXPECT_NEAR(combine(0.25, 1, Mode::geometric), 0.5, kEps);
  EXPECT_EQ(combine(0.3, 0.2, Mode::min), 0.2);
  EXPECT_EQ(combine(0.3, 0.2, Mode::mean), 0.25);
  // uninorm 0.8 * 0.6 / (0.48 + 0.2 * 0.4) = 0.48 / 0.56 = 0.857142...
  EXPECT_NEAR(combine(0.8, 0.6, Mode::uninorm), 0.48 / 0.56, kEps);
}

TEST(Combine, UninormCorners) {
  // (1, 0) is 0/0 in the formula: defined as 0 (one side gains nothing).
  EXPECT_EQ(combine(1, 0, Mode::uninorm), 0.0);
  EXPECT_EQ(combine(0, 1, Mode::uninorm), 0.0);
  EXPECT_EQ(combine(0, 0, Mode::uninorm), 0.0);   // 0 / (0 + 1)
  EXPECT_EQ(combine(1, 1, Mode::uninorm), 1.0);   // 1 / (1 + 0)
  EXPECT_EQ(combine(0.5, 0.5, Mode::uninorm), 0.5);
  // 0.5 is the neutral element: U(0.5, y) = 0.5y / (0.5y + 0.5(1-y)) = y.
  for (double y : {0.1, 0.3, 0.9}) EXPECT_NEAR(combine(0.5, y, Mode::uninorm), y, kEps);
  // Above 0.5 both ways reinforce: U(0.8, 0.8) = 0.64 / (0.64 + 0.04) > 0.8.
  EXPECT_NEAR(combine(0.8, 0.8, Mode::uninorm), 0.64 / 0.68, kEps);
}

TEST(Combine, ZeroSides) {
  EXPECT_EQ(combine(0, 0, Mode::harmonic), 0.0);  // 0/0 defined as 0
  EXPECT_EQ(combine(0.9, 0, Mode::harmonic), 0.0);
  EXPECT_EQ(combine(0.9, 0, Mode::geometric), 0.0);
  EXPECT_EQ(combine(0.9, 0, Mode::min), 0.0);
  EXPECT_EQ(combine(0.9, 0, Mode::mean), 0.45);  // one-way mentoring still counts
  for (Mode m : kModes) EXPECT_EQ(combine(1, 1, m), 1.0) << mode_name(m);
}

TEST(Mode, ParseAndName) {
  EXPECT_EQ(parse_mode("harmonic"), Mode::harmonic);
  EXPECT_EQ(parse_mode("geometric"), Mode::geometric);
  EXPECT_EQ(parse_mode("min"), Mode::min);
  EXPECT_EQ(parse_mode("mean"), Mode::mean);
  EXPECT_EQ(parse_mode("uninorm"), Mode::uninorm);
  EXPECT_EQ(parse_mode("  Harmonic\t"), Mode::harmonic);
  EXPECT_EQ(parse_mode("UNINORM"), Mode::uninorm);
  for (Mode m : kModes) EXPECT_EQ(parse_mode(mode_name(m)), m);
  EXPECT_STREQ(kModeList, "harmonic, geometric, min, mean, uninorm");
}

TEST(Mode, UnknownModeMessages) {
  EXPECT_EQ(error_of([] { parse_mode("max"); }),
            "unknown mode 'max' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_EQ(error_of([] { parse_mode(""); }), "unknown mode '' (valid modes: harmonic, geometric, min, mean, uninorm)");
  // Shown as given (not trimmed), non-ASCII and control bytes as '?', cut at 64 bytes.
  EXPECT_EQ(error_of([] { parse_mode(" harm\xC3\xB6nic\n"); }),
            "unknown mode ' harm??nic?' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_EQ(error_of([] { parse_mode(std::string(100, 'x')); }),
            "unknown mode '" + std::string(64, 'x') + "' (valid modes: harmonic, geometric, min, mean, uninorm)");
  EXPECT_EQ(error_of([] { parse_mode("har monic"); }),
            "unknown mode 'har monic' (valid modes: harmonic, geometric, min, mean, uninorm)");
}

TEST(EdgeCases, NoWants) {
  // Neither wants anything: both benefits 0, every mode 0.
  Profile a = make({{"finance", 5, 0}}), b = make({{"finance", 1, 0}});
  for (Mode m : kModes) EXPECT_EQ(score(a.view(), b.view(), m), 0.0) << mode_name(m);
  // Only B wants: benefit(B <- A) = 1 * 4/5 = 0.8, benefit(A <- B) = 0.
  Profile b2 = make({{"finance", 1, 2}});
  EXPECT_EQ(benefit(a.view(), b2.view()), 0.0);
  EXPECT_NEAR(benefit(b2.view(), a.view()), 0.8, kEps);
  EXPECT_EQ(score(a.view(), b2.view(), Mode::harmonic), 0.0);
  EXPECT_EQ(score(a.view(), b2.view(), Mode::geometric), 0.0);
  EXPECT_EQ(score(a.view(), b2.view(), Mode::min), 0.0);
  EXPECT_NEAR(score(a.view(), b2.view(), Mode::mean), 0.4, kEps);
  EXPECT_EQ(score(a.view(), b2.view(), Mode::uninorm), 0.0);  // 0 / (0 + 0.2 * 1)
  // The empty profile.
  for (Mode m : kModes) EXPECT_EQ(score(Profile().view(), b2.view(), m), 0.0);  // A has no finance
  EXPECT_EQ(benefit(Profile().view(), Profile().view()), 0.0);
}

TEST(EdgeCases, NoOverlap) {
  // A wants python, B knows only finance; B wants finance... which A lacks.
  Profile a = make({{"python", 0, 1}, {"strategy", 5, 0}});
  Profile b = make({{"finance", 5, 1}, {"ai", 4, 0}});
  EXPECT_EQ(benefit(a.view(), b.view()), 0.0);
  EXPECT_EQ(benefit(b.view(), a.view()), 0.0);
  for (Mode m : kModes) EXPECT_EQ(score(a.view(), b.view(), m), 0.0) << mode_name(m);
}

TEST(EdgeCases, IdenticalProfilesGainNothing) {
  Profile a = exec_a();
  for (Mode m : kModes) EXPECT_EQ(score(a.view(), a.view(), m), 0.0) << mode_name(m);
  Profile copy = exec_a();
  EXPECT_EQ(benefit(a.view(), copy.view()), 0.0);
}

TEST(EdgeCases, GiverBelowReceiverGivesNothing) {
  // A wants finance at level 3; B has finance 2: max(0, 2 - 3) = 0, not negative.
  Profile a = make({{"finance", 3, 1}}), b = make({{"finance", 2, 0}});
  EXPECT_EQ(benefit(a.view(), b.view()), 0.0);
}

TEST(EdgeCases, TopicCaseAndWhiteSpace) {
  Profile a = make({{" Python ", 0, 1}, {"FINANCE", 5, 0}});
  Profile b = make({{"python", 5, 0}, {"\tFinance\n", 0, 1}});
  // benefit(A <- B) = 1 * 5/5 = 1, benefit(B <- A) = 1 * 5/5 = 1.
  EXPECT_EQ(benefit(a.view(), b.view()), 1.0);
  EXPECT_EQ(benefit(b.view(), a.view()), 1.0);
  for (Mode m : kModes) EXPECT_EQ(score(a.view(), b.view(), m), 1.0) << mode_name(m);
}

TEST(EdgeCases, DuplicateTopicsMerge) {
  // A lists python twice: (level 1, want 1) and (level 0, want 3) -> level 1, want 3.
  // A also wants ai 1 (level 0). Wants sum 4: python 3/4, ai 1/4.
  // B: python 5, ai 5 -> benefit(A <- B) = 3/4 * 4/5 + 1/4 * 5/5 = 0.6 + 0.25 = 0.85
  Profile a = make({{"python", 1, 1}, {"Python", 0, 3}, {"ai", 0, 1}});
  Profile b = make({{"python", 5, 0}, {"ai", 5, 0}});
  EXPECT_NEAR(benefit(a.view(), b.view()), 0.85, kEps);
  // With set() instead of merge(), the last entry replaces: python (0, 3).
  ProfileBuilder sb;
  sb.set("python", 1, 1);
  sb.set("Python", 0, 3);
  sb.set("ai", 0, 1);
  // 3/4 * 5/5 + 1/4 * 5/5 = 1
  EXPECT_EQ(benefit(sb.build().view(), b.view()), 1.0);
}

TEST(EdgeCases, WantsAreNormalisedPerPerson) {
  Profile giver = [] {
    ProfileBuilder b;
    for (int i = 0; i < 20; ++i) b.merge("topic " + std::to_string(i), 5, 0);
    return b.build();
  }();
  // Two wants, both fully covered: benefit 1.
  Profile two = make({{"topic 0", 0, 1}, {"topic 1", 0, 1}});
  // Twenty wants, all fully covered: also 1 -- listing more does not weigh more.
  ProfileBuilder tb;
  for (int i = 0; i < 20; ++i) tb.merge("topic " + std::to_string(i), 0, 1);
  Profile twenty = tb.build();
  EXPECT_EQ(benefit(two.view(), giver.view()), 1.0);
  EXPECT_EQ(benefit(twenty.view(), giver.view()), 1.0);
  // The giver covers 2 of the 20: 2/20 * 5/5 = 0.1.
  Profile giver2 = make({{"topic 0", 5, 0}, {"topic 1", 5, 0}});
  EXPECT_NEAR(benefit(twenty.view(), giver2.view()), 0.1, kEps);
  // Only relative sizes matter: wants (3, 1), (30, 10), (0.3, 0.1) give the same benefit.
  //   3/4 * 4/5 + 1/4 * 0 = 0.6
  Profile g = make({{"x", 5, 0}, {"y", 0, 0}});
  for (double scale : {1.0, 10.0, 0.1, 1e-6, 1e6}) {
    Profile r = make({{"x", 1, 3 * scale}, {"y", 0, 1 * scale}});
    EXPECT_NEAR(benefit(r.view(), g.view()), 0.6, kEps) << scale;
  }
}

TEST(EdgeCases, SharedKeyPrefixes) {
  // Names that share their first 8 bytes (equal sort keys) must still match exactly.
  Profile a = make({{"stakeholder management", 0, 1}, {"stakeholder mapping", 5, 0}, {"ai", 0, 1}});
  Profile b = make({{"stakeholder mapping", 0, 1}, {"stakeholder management", 5, 0}, {"ai tools", 5, 0}});
  // A: wants management (1) and ai (1); B has management 5, no "ai" (only "ai tools").
  //   benefit(A <- B) = 1/2 * 5/5 = 0.5
  // B: wants mapping (1); A has mapping 5 -> 1.
  EXPECT_NEAR(benefit(a.view(), b.view()), 0.5, kEps);
  EXPECT_EQ(benefit(b.view(), a.view()), 1.0);
}

TEST(EdgeCases, ExtremeWantsStayExact) {
  // Wants of 1e308 (want * gap would overflow) and subnormal wants (products
  // lose bits) give the same benefits as ordinary wants.
  Profile giver = make({{"a", 5, 0}, {"b", 0.3, 0}});
  const double tiny = std::numeric_limits<double>::denorm_min();
  for (double w : {1.0, 1e308, 1e300, 1e-300, 3e-323, tiny}) {
    Profile one = make({{"a", 0, w}});
    EXPECT_EQ(benefit(one.view(), giver.view()), 1.0) << w;          // 1 * 5/5
    double h = w > 1e300 ? w / 2 : w;  // two of 1e308 would not add up in a double
    Profile half = make({{"a", 0, h}, {"c", 0, h}});
    EXPECT_NEAR(benefit(half.view(), giver.view()), 0.5, kEps) << w;  // 1/2 * 5/5
    Profile b = make({{"b", 0, w}});
    EXPECT_NEAR(benefit(b.view(), giver.view()), 0.06, kEps) << w;    // 1 * 0.3/5
  }
  // A huge want next to an ordinary one: 1e308 / (1e308 + 1) ~ 1.
  Profile mixed = make({{"a", 0, 1e308}, {"c", 0, 1}});
  EXPECT_NEAR(benefit(mixed.view(), giver.view()), 1.0, kEps);
}

TEST(Range, RoundingNeverLeavesZeroOne) {
  // Wants 4 and 0.2495592256534228 with full gaps: the sum of want * 5 rounds
  // one ulp above 5 * (sum of wants); the result is clamped to exactly 1.
  Profile a = make({{"x", 0, 4}, {"y", 0, 0.2495592256534228}, {"z", 5, 0}});
  Profile b = make({{"x", 5, 0}, {"y", 5, 0}, {"z", 0, 1}});
  EXPECT_EQ(benefit(a.view(), b.view()), 1.0);
  for (Mode m : kModes) EXPECT_EQ(score(a.view(), b.view(), m), 1.0) << mode_name(m);
}

Profile random_profile(std::mt19937_64& rng) {
  static const char* names[] = {"finance", "python", "ai", "ai tools", "strategy", "negotiation",
                                "stakeholder management", "stakeholder mapping", "sql", "coaching"};
  std::uniform_int_distribution<int> count(0, 8), coin(0, 3), which(0, 9);
  std::uniform_real_distribution<double> level(0, 5), want(0, 5);
  ProfileBuilder b;
  int n = count(rng);
  for (int i = 0; i < n; ++i) {
    double l = coin(rng) == 0 ? std::round(level(rng)) : level(rng);
    double w = coin(rng) < 2 ? 0.0 : (coin(rng) == 0 ? std::round(want(rng)) : want(rng));
    b.merge(names[which(rng)], l, w);
  }
  return b.build();
}

TEST(Properties, SymmetricAndInRange) {
  std::mt19937_64 rng(12345);
  for (int t = 0; t < 3000; ++t) {
    Profile a = random_profile(rng), b = random_profile(rng);
    Benefits ab = benefits(a.view(), b.view()), ba = benefits(b.view(), a.view());
    EXPECT_EQ(ab.a_gets, ba.b_gets);
    EXPECT_EQ(ab.b_gets, ba.a_gets);
    for (Mode m : kModes) {
      double s = score(a.view(), b.view(), m);
      EXPECT_EQ(s, score(b.view(), a.view(), m)) << mode_name(m);  // exactly symmetric
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 1.0);
    }
    EXPECT_GE(ab.a_gets, 0.0);
    EXPECT_LE(ab.a_gets, 1.0);
    // Ordering of the modes: min <= harmonic <= geometric <= mean.
    double mn = score(a.view(), b.view(), Mode::min), h = score(a.view(), b.view(), Mode::harmonic),
           g = score(a.view(), b.view(), Mode::geometric), me = score(a.view(), b.view(), Mode::mean);
    EXPECT_LE(mn, h + kEps);
    EXPECT_LE(h, g + kEps);
    EXPECT_LE(g, me + kEps);
  }
}

TEST(Properties, MatchesTheFormulaWrittenNaively) {
  // benefit(A <- B) = sum_t wA(t)/sum(wA) * max(0, lB(t) - lA(t)) / 5, over A's topics.
  std::mt19937_64 rng(99);
  for (int t = 0; t < 2000; ++t) {
    Profile a = random_profile(rng), b = random_profile(rng);
    const ProfileView &va = a.view(), &vb = b.view();
    double sum = 0, acc = 0;
    for (std::size_t i = 0; i < va.size(); ++i) sum += va.want(i);
    for (std::size_t i = 0; i < va.size(); ++i) {
      std::size_t j = vb.find(va.topic(i));
      double lb = j < vb.size() ? vb.level(j) : 0.0;
      acc += va.want(i) * std::max(0.0, lb - va.level(i)) / 5.0;
    }
    double expect = sum > 0 ? acc / sum : 0.0;
    EXPECT_NEAR(benefit(va, vb), expect, 1e-12);
  }
}

TEST(Combine, HarmonicStaysBetweenMinAndMax) {
  // 2xy/(x+y) rounds to 0.8000000000000002 for x = y = 0.8; the mean of two
  // equal gains is that gain.
  EXPECT_EQ(combine(0.8, 0.8, Mode::harmonic), 0.8);
  EXPECT_LE(combine(0.8, 0.8, Mode::harmonic), combine(0.8, 0.8, Mode::geometric));
  for (double x : {0.1, 0.3, 0.7, 0.9, 1.0 / 3}) {
    for (double y : {0.1, 0.2, 0.6, 0.8, 1.0}) {
      double h = combine(x, y, Mode::harmonic);
      EXPECT_GE(h, std::min(x, y));
      EXPECT_LE(h, std::max(x, y));
      EXPECT_NEAR(h, 2 * x * y / (x + y), 1e-15);
    }
  }
}

}  // namespace
}  // namespace rcp::test
