// rcp::top_partners must equal the all-pairs brute force exactly: same
// partners, same order, scores bit for bit, for every mode, k, thread count,
// with exclusions, on random and adversarial organisations.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/top_partners.hpp"

namespace rcp {
namespace {

constexpr Mode kModes[] = {Mode::harmonic, Mode::geometric, Mode::min, Mode::mean, Mode::uninorm};

// How an organisation is generated.
struct Shape {
  std::size_t people = 500;
  std::size_t vocab = 200;
  double skew = 1.0;          // Zipf popularity of topics
  int min_topics = 3, max_topics = 20;
  double goal_share = 0.3;    // share of held topics that are learning goals
  bool real_levels = false;   // levels and wants as arbitrary reals instead of integers
  double no_wants = 0.0;      // share of people who want nothing
  bool common_topic = false;  // everyone holds "common" at a random level
  bool same_want = false;     // everyone wants "same" (level 0..2)
  double duplicates = 0.0;    // share of people who copy an earlier profile (ties)
  double empty = 0.0;         // share of empty profiles
  unsigned seed = 1;
};

struct Org {
  std::vector<Profile> profiles;
  std::vector<Person> people;
  std::vector<std::pair<std::int64_t, std::int64_t>> exclude;
};

Org make_org(const Shape& s) {
  std::mt19937_64 rng(s.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> cdf(s.vocab);
  double acc = 0.0;
  for (std::size_t r = 0; r < s.vocab; ++r) cdf[r] = acc += 1.0 / std::pow(static_cast<double>(r + 1), s.skew);
  for (double& c : cdf) c /= acc;
  auto level = [&](double lo, double hi) {
    return s.real_levels ? lo + (hi - lo) * unit(rng) : std::floor(lo + (hi - lo + 1) * unit(rng));
  };
  Org org;
  for (std::size_t i = 0; i < s.people; ++i) {
    if (i > 0 && unit(rng) < s.duplicates) {
      org.profiles.push_back(org.profiles[static_cast<std::size_t>(unit(rng) * static_cast<double>(i))]);
      continue;
    }
    ProfileBuilder b;
    if (unit(rng) >= s.empty) {
      bool wants = unit(rng) >= s.no_wants;
      int m = s.min_topics + static_cast<int>(unit(rng) * (s.max_topics - s.min_topics + 1));
      for (int j = 0; j < m; ++j) {
        std::size_t r = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), unit(rng)) - cdf.begin());
        r = std::min(r, s.vocab - 1);
        std::string name = "topic " + std::to_string(r);
        if (wants && unit(rng) < s.goal_share) {
          double w = s.real_levels ? 0.05 + 3.0 * unit(rng) : std::floor(1 + 3 * unit(rng));
          b.set(name, std::min(5.0, level(0, 2)), w);
        } else {
          b.set(name, std::min(5.0, level(1, 5)), 0.0);
        }
      }
      if (s.common_topic) b.set("common", std::min(5.0, level(0, 5)), wants && unit(rng) < 0.5 ? 1.0 : 0.0);
      if (s.same_want && wants) b.set("same", std::min(5.0, level(0, 2)), s.real_levels ? 0.1 + unit(rng) : 2.0);
    }
    org.profiles.push_back(b.build());
  }
  // Ids: sparse, negative and positive, in shuffled order.
  std::vector<std::int64_t> ids(s.people);
  for (std::size_t i = 0; i < s.people; ++i) ids[i] = static_cast<std::int64_t>(i * 7919 % 100003) - 50000;
  std::shuffle(ids.begin(), ids.end(), rng);
  for (std::size_t i = 0; i < s.people; ++i) org.people.push_back(Person{ids[i], org.profiles[i].view()});
  // Exclusions: a "manager" each, some random pairs, self pairs and unknown ids.
  for (std::size_t i = 0; i < s.people; ++i) {
    std::size_t j = static_cast<std::size_t>(unit(rng) * static_cast<double>(s.people));
    org.exclude.emplace_back(ids[i], ids[j]);
    if (unit(rng) < 0.1) org.exclude.emplace_back(ids[i], 999999999);
  }
  return org;
}

// Brute force with the largest k; smaller k are its prefixes.
TopPartnersResult truncate(const TopPartnersResult& r, std::uint64_t k) {
  TopPartnersResult out;
  out.offsets.push_back(0);
  for (std::size_t i = 0; i + 1 < r.offsets.size(); ++i) {
    std::size_t b = r.offsets[i], e = std::min<std::size_t>(r.offsets[i + 1], b + k);
    out.partner.insert(out.partner.end(), r.partner.begin() + b, r.partner.begin() + e);
    out.score.insert(out.score.end(), r.score.begin() + b, r.score.begin() + e);
    out.offsets.push_back(out.partner.size());
  }
  return out;
}

void expect_same(const TopPartnersResult& want, const TopPartnersResult& got, const std::string& what) {
  ASSERT_FALSE(got.cancelled) << what;
  ASSERT_EQ(want.offsets, got.offsets) << what;
  ASSERT_EQ(want.partner, got.partner) << what;
  ASSERT_EQ(want.score.size(), got.score.size()) << what;
  ASSERT_EQ(0, std::memcmp(want.score.data(), got.score.data(), want.score.size() * sizeof(double)))
      << what << ": scores differ in their bits";
}

// Every reported score is rcp::score on that pair, and the order is right.
void check_scores(const Org& org, const TopPartnersResult& r, Mode m) {
  std::vector<std::size_t> at;
  std::vector<std::pair<std::int64_t, std::size_t>> by_id;
  for (std::size_t i = 0; i < org.people.size(); ++i) by_id.emplace_back(org.people[i].id, i);
  std::sort(by_id.begin(), by_id.end());
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    for (std::size_t e = r.offsets[i]; e < r.offsets[i + 1]; ++e) {
      auto it = std::lower_bound(by_id.begin(), by_id.end(), std::make_pair(r.partner[e], std::size_t{0}));
      ASSERT_TRUE(it != by_id.end() && it->first == r.partner[e]);
      double s = score(org.people[i].profile, org.people[it->second].profile, m);
      ASSERT_EQ(s, r.score[e]);
      ASSERT_GT(s, 0.0);
      if (e > r.offsets[i]) {
        ASSERT_TRUE(r.score[e - 1] > s || (r.score[e - 1] == s && r.partner[e - 1] < r.partner[e]));
      }
    }
  }
}

void check_org(const Shape& shape, const std::vector<Mode>& modes, const std::vector<std::uint64_t>& ks,
               const std::vector<unsigned>& threads, bool with_exclusions) {
  Org org = make_org(shape);
  for (Mode m : modes) {
    TopPartnersOptions opt;
    opt.mode = m;
    opt.k = *std::max_element(ks.begin(), ks.end());
    opt.threads = 2;
    if (with_exclusions) opt.exclude = org.exclude;
    TopPartnersResult ref = top_partners_brute_force(org.people, opt);
    check_scores(org, ref, m);
    std::size_t run = 0;
    for (std::uint64_t k : ks) {
      // Every k with the first thread count, and each thread count once.
      for (std::size_t t = 0; t < threads.size(); ++t) {
        if (t > 0 && (run++ % threads.size()) != t) continue;
        opt.k = k;
        opt.threads = threads[t];
        std::string what = std::string(mode_name(m)) + " k=" + std::to_string(k) + " threads=" +
                           std::to_string(threads[t]) + " seed=" + std::to_string(shape.seed);
        expect_same(truncate(ref, k), top_partners(org.people, opt), what);
        // Automatic mixes both ways of gathering candidates, person by
        // person; each forced on its own gives the same result.
        const bool odd = (k + t) % 2 == 1;
        opt.search = odd ? TopPartnersOptions::Search::accumulators : TopPartnersOptions::Search::bitmaps;
        expect_same(truncate(ref, k), top_partners(org.people, opt), what + (odd ? " accumulators" : " bitmaps"));
        opt.search = TopPartnersOptions::Search::automatic;
      }
    }
  }
}

const std::vector<Mode> kAllModes(std::begin(kModes), std::end(kModes));
const std::vector<std::uint64_t> kKs = {1, 5, 10, 50};
const std::vector<unsigned> kThreads = {1, 2, 4};

TEST(TopPartners, ZipfOrganisationsAllModes) {
  for (unsigned seed : {1u, 2u}) {
    Shape s;
    s.people = 800;
    s.vocab = 300;
    s.seed = seed;
    check_org(s, kAllModes, kKs, kThreads, seed == 2);
  }
}

TEST(TopPartners, LargeOrganisation3000) {
  Shape s;
  s.people = 3000;
  s.vocab = 1000;
  s.min_topics = 5;
  s.max_topics = 30;
  s.seed = 7;
  check_org(s, {Mode::harmonic, Mode::mean}, {1, 10, 50}, {1, 2, 4}, true);
  s.people = 2000;
  s.skew = 0.5;
  s.seed = 8;
  check_org(s, {Mode::geometric, Mode::uninorm, Mode::min}, {10}, {4}, false);
}

// A small vocabulary everyone draws from: most people are candidates of
// most others (more than 2,048 each), so the search seeds a floor for the
// k-th best from a sample before ordering its candidates.
TEST(TopPartners, DenseOrganisationSeedsAFloor) {
  Shape s;
  s.people = 3000;
  s.vocab = 20;
  s.skew = 0.5;
  s.min_topics = 15;
  s.max_topics = 20;
  s.goal_share = 0.4;
  s.real_levels = true;
  s.duplicates = 0.05;
  s.seed = 11;
  {
    Org org = make_org(s);
    TopPartnersOptions opt;
    opt.k = 10;
    TopPartnersResult r = top_partners(org.people, opt);
    ASSERT_GT(r.candidates_met / org.people.size(), 2048u) << "the seeded path is not exercised";
  }
  // harmonic stands for the modes pruned like it (geometric, min); mean
  // gathers candidates on either side; uninorm is not pruned near 1.
  check_org(s, {Mode::harmonic, Mode::mean, Mode::uninorm}, {1, 10, 100}, {2}, true);
}

TEST(TopPartners, FlatPopularityRealLevels) {
  Shape s;
  s.people = 700;
  s.vocab = 2000;
  s.skew = 0.5;
  s.real_levels = true;
  s.seed = 3;
  check_org(s, kAllModes, kKs, kThreads, true);
}

TEST(TopPartners, OneTopicEveryoneHas) {
  Shape s;
  s.people = 600;
  s.vocab = 40;
  s.common_topic = true;
  s.seed = 4;
  check_org(s, kAllModes, kKs, kThreads, true);
}

TEST(TopPartners, EveryoneWantsTheSameThing) {
  Shape s;
  s.people = 600;
  s.vocab = 60;
  s.same_want = true;
  s.real_levels = true;
  s.seed = 5;
  check_org(s, kAllModes, kKs, kThreads, false);
}

TEST(TopPartners, PeopleWithNoWantsAndEmptyProfiles) {
  Shape s;
  s.people = 600;
  s.vocab = 100;
  s.no_wants = 0.6;
  s.empty = 0.1;
  s.seed = 6;
  check_org(s, kAllModes, kKs, kThreads, true);
}

TEST(TopPartners, TiesFromDuplicatedProfiles) {
  Shape s;
  s.people = 600;
  s.vocab = 20;
  s.min_topics = 1;
  s.max_topics = 4;
  s.duplicates = 0.7;
  s.seed = 9;
  check_org(s, kAllModes, kKs, kThreads, true);
}

TEST(TopPartners, FullLevelsAndTinyWants) {
  // Benefits of exactly 1 and wants many orders of magnitude apart: where the
  // floating-point bounds are most fragile.
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<int> pick(0, 5);
  std::vector<Profile> profiles;
  for (int i = 0; i < 300; ++i) {
    ProfileBuilder b;
    for (int t = 0; t < 6; ++t) {
      int r = pick(rng);
      double level = r < 3 ? 0.0 : 5.0;
      double want = r == 0 ? 1.0 : r == 1 ? 1e-300 : r == 2 ? 1e300 : 0.0;
      b.set("t" + std::to_string(t), level, want);
    }
    profiles.push_back(b.build());
  }
  std::vector<Person> people;
  for (std::size_t i = 0; i < profiles.size(); ++i) people.push_back(Person{static_cast<std::int64_t>(i), profiles[i].view()});
  for (Mode m : kAllModes) {
    TopPartnersOptions opt;
    opt.mode = m;
    opt.k = 7;
    expect_same(top_partners_brute_force(people, opt), top_partners(people, opt), mode_name(m));
  }
}

// Benefits near 1e-300: 2xy underflows to 0 and rcp::combine's harmonic
// mean falls back to min(x, y), so a bound computed as 2xy / (x + y) is
// below the score. Person 1 gains 3e-300 from both 2 and 3, and gives 3e-300
// to 2 but 2e-300 to 3: its best partner is 2 (found by a review's
// differential test; the bitmap search used to return 3).
TEST(TopPartners, HarmonicOfBenefitsThatUnderflow) {
  ProfileBuilder a, b, c;
  a.set("t1", 0.0, 3e-300);
  a.set("t2", 0.0, 1.0);
  a.set("t3", 5.0, 0.0);
  b.set("t3", 0.0, 3e-300);
  b.set("t4", 0.0, 1.0);
  b.set("t1", 5.0, 0.0);
  c.set("t3", 0.0, 2e-300);
  c.set("t4", 0.0, 1.0);
  c.set("t1", 5.0, 0.0);
  Profile pa = a.build(), pb = b.build(), pc = c.build();
  std::vector<Person> people{{1, pa.view()}, {3, pc.view()}, {2, pb.view()}};
  for (auto search : {TopPartnersOptions::Search::automatic, TopPartnersOptions::Search::accumulators,
                      TopPartnersOptions::Search::bitmaps}) {
    for (Mode m : kAllModes) {
      TopPartnersOptions opt;
      opt.k = 1;
      opt.mode = m;
      opt.search = search;
      TopPartnersResult ref = top_partners_brute_force(people, opt);
      expect_same(ref, top_partners(people, opt), std::string(mode_name(m)) + " search " + std::to_string(static_cast<int>(search)));
      if (m == Mode::harmonic) {
        ASSERT_EQ(ref.offsets[1] - ref.offsets[0], 1u);
        EXPECT_EQ(ref.partner[ref.offsets[0]], 2);
      }
    }
  }
}

TEST(TopPartners, ExclusionsAreSymmetricAndNeverProposed) {
  Shape s;
  s.people = 200;
  s.seed = 12;
  Org org = make_org(s);
  TopPartnersOptions opt;
  opt.k = 5;
  TopPartnersResult plain = top_partners(org.people, opt);
  // Exclude each person's best partner, written once in one direction.
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    if (plain.offsets[i + 1] > plain.offsets[i]) opt.exclude.emplace_back(plain.partner[plain.offsets[i]], org.people[i].id);
  }
  TopPartnersResult r = top_partners(org.people, opt);
  for (std::size_t i = 0; i < org.people.size(); ++i) {
    for (std::size_t e = r.offsets[i]; e < r.offsets[i + 1]; ++e) {
      for (const auto& [a, b] : opt.exclude) {
        ASSERT_FALSE((a == org.people[i].id && b == r.partner[e]) || (b == org.people[i].id && a == r.partner[e]));
      }
    }
  }
  expect_same(top_partners_brute_force(org.people, opt), r, "exclusions");
}

TEST(TopPartners, Errors) {
  Profile p = profile_from_json(R"({"a": {"level": 3}, "b": {"want": 1}})");
  std::vector<Person> people = {{7, p.view()}, {8, p.view()}, {7, p.view()}};
  TopPartnersOptions opt;
  try {
    top_partners(people, opt);
    FAIL() << "duplicate id accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_STREQ(e.what(), "duplicate id 7");
  }
  people.pop_back();
  opt.k = 0;
  try {
    top_partners(people, opt);
    FAIL() << "k = 0 accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_STREQ(e.what(), "k must be a positive integer");
  }
}

TEST(TopPartners, EmptyPopulationAndLoners) {
  TopPartnersOptions opt;
  TopPartnersResult r = top_partners(std::vector<Person>{}, opt);
  EXPECT_FALSE(r.cancelled);
  EXPECT_EQ(r.offsets, std::vector<std::size_t>{0});
  Profile p = profile_from_json(R"({"a": {"level": 3, "want": 1}})");
  r = top_partners(std::vector<Person>{{1, p.view()}}, opt);
  EXPECT_EQ(r.offsets, (std::vector<std::size_t>{0, 0}));
}

TEST(TopPartners, ProgressAndCancel) {
  Shape s;
  s.people = 2000;
  s.seed = 13;
  Org org = make_org(s);
  TopPartnersOptions opt;
  opt.threads = 2;
  opt.progress_interval_ms = 0;
  std::size_t calls = 0, last = 0;
  bool monotone = true;
  opt.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, org.people.size());
    monotone &= done >= last;
    last = done;
    ++calls;
    return true;
  };
  TopPartnersResult r = top_partners(org.people, opt);
  EXPECT_FALSE(r.cancelled);
  EXPECT_GE(calls, 2u);
  EXPECT_TRUE(monotone);
  EXPECT_EQ(last, org.people.size());

  std::atomic<int> seen{0};
  opt.progress = [&](std::size_t, std::size_t) { return ++seen < 2; };
  r = top_partners(org.people, opt);
  EXPECT_TRUE(r.cancelled);
  EXPECT_TRUE(r.partner.empty());
  EXPECT_EQ(seen.load(), 2);

  opt.progress = [&](std::size_t, std::size_t) -> bool { throw std::runtime_error("stop"); };
  EXPECT_THROW(top_partners(org.people, opt), std::runtime_error);
}

// The index rounds givers' levels up to fiftieths and groups wanters by
// integer level: levels on, just below and just above those boundaries (and
// the person's own level equal to a partner's) must not change any result.
TEST(TopPartners, LevelsAtRoundingBoundaries) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto boundary_level = [&](double hi) {
    double base = std::floor(unit(rng) * (hi * 50.0 + 1.0)) / 50.0;
    switch (static_cast<int>(unit(rng) * 4)) {
      case 0: return std::min(hi, base);
      case 1: return std::max(0.0, std::nextafter(base, -1.0));
      case 2: return std::min(hi, std::nextafter(base, 6.0));
      default: return std::min(hi, std::floor(base));
    }
  };
  std::vector<Profile> profiles;
  for (int i = 0; i < 600; ++i) {
    ProfileBuilder b;
    int m = 3 + static_cast<int>(unit(rng) * 10);
    for (int j = 0; j < m; ++j) {
      std::string name = "t" + std::to_string(static_cast<int>(std::pow(unit(rng), 2.0) * 40));
      if (unit(rng) < 0.4) {
        b.set(name, boundary_level(5.0), unit(rng) < 0.1 ? 1e-7 : 0.5 + unit(rng));
      } else {
        b.set(name, boundary_level(5.0), 0.0);
      }
    }
    profiles.push_back(b.build());
  }
  std::vector<Person> people;
  for (std::size_t i = 0; i < profiles.size(); ++i) people.push_back(Person{static_cast<std::int64_t>(i) * 3 - 900, profiles[i].view()});
  for (Mode m : kModes) {
    TopPartnersOptions opt;
    opt.mode = m;
    opt.k = 20;
    opt.threads = 2;
    TopPartnersResult ref = top_partners_brute_force(people, opt);
    for (std::uint64_t k : {1u, 20u}) {
      for (unsigned threads : {1u, 3u}) {
        opt.k = k;
        opt.threads = threads;
        expect_same(truncate(ref, k), top_partners(people, opt),
                    std::string(mode_name(m)) + " k=" + std::to_string(k) + " threads=" + std::to_string(threads));
      }
    }
  }
}

}  // namespace
}  // namespace rcp
