// Benchmark of rcp::top_partners against the parallel all-pairs brute force.
//
//   top_partners_bench --people 100000 --vocab 20000 --skew 1.0 --k 10 [--threads 2]
//                      [--mode harmonic] [--brute] [--no-fast] [--seed 1]
//                      [--search automatic|accumulators|bitmaps]
//
// Generated organisation: every person holds 5..30 distinct topics drawn from
// a Zipf(skew) popularity over `vocab` topics; each held topic is a learning
// goal with probability 0.3 (want 1..3, level 0..2) and otherwise a skill
// (level 1..5, no want). Profiles live in one arena of blobs (what a caller
// holding BLOBs has); the benchmark times the top_partners call only.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/top_partners.hpp"

namespace {

struct Args {
  std::size_t people = 10000;
  std::size_t vocab = 20000;
  double skew = 1.0;
  std::uint64_t k = 10;
  unsigned threads = 0;
  std::string mode = "harmonic";
  bool brute = false;
  bool fast = true;
  unsigned seed = 1;
  rcp::TopPartnersOptions::Search search = rcp::TopPartnersOptions::Search::automatic;
};

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
    if (s == "--people") a.people = std::strtoull(next(), nullptr, 10);
    else if (s == "--vocab") a.vocab = std::strtoull(next(), nullptr, 10);
    else if (s == "--skew") a.skew = std::strtod(next(), nullptr);
    else if (s == "--k") a.k = std::strtoull(next(), nullptr, 10);
    else if (s == "--threads") a.threads = static_cast<unsigned>(std::strtoul(next(), nullptr, 10));
    else if (s == "--mode") a.mode = next();
    else if (s == "--seed") a.seed = static_cast<unsigned>(std::strtoul(next(), nullptr, 10));
    else if (s == "--brute") a.brute = true;
    else if (s == "--no-fast") a.fast = false;
    else if (s == "--search") {
      std::string v = next();
      if (v == "accumulators") a.search = rcp::TopPartnersOptions::Search::accumulators;
      else if (v == "bitmaps") a.search = rcp::TopPartnersOptions::Search::bitmaps;
      else if (v != "automatic") {
        std::fprintf(stderr, "--search takes automatic, accumulators or bitmaps\n");
        std::exit(2);
      }
    }
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

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse(argc, argv);
  rcp::Mode mode = rcp::parse_mode(args.mode);
  std::mt19937_64 rng(args.seed);

  // Zipf popularity: P(topic r) ~ 1 / r^skew, r = 1..vocab.
  std::vector<double> cdf(args.vocab);
  double acc = 0.0;
  for (std::size_t r = 0; r < args.vocab; ++r) cdf[r] = acc += 1.0 / std::pow(static_cast<double>(r + 1), args.skew);
  for (double& c : cdf) c /= acc;
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> topics_each(5, 30), skill(1, 5), goal_level(0, 2), goal_want(1, 3);

  auto t0 = std::chrono::steady_clock::now();
  // One arena, reserved up front at the largest possible size (only the pages
  // written count towards RSS), so that growing it never copies.
  std::vector<unsigned char> arena;
  {
    std::size_t name_bytes = 1 + std::to_string(args.vocab).size();
    arena.reserve(args.people * (rcp::kHeaderBytes + 30 * (rcp::kBytesPerTopic + name_bytes)));
  }
  std::vector<std::size_t> ends;
  std::vector<std::size_t> picked;
  std::size_t held = 0;
  for (std::size_t i = 0; i < args.people; ++i) {
    rcp::ProfileBuilder b;
    int m = std::min<int>(topics_each(rng), static_cast<int>(args.vocab));
    picked.clear();
    while (picked.size() < static_cast<std::size_t>(m)) {
      std::size_t r = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), unit(rng)) - cdf.begin());
      if (r >= args.vocab) r = args.vocab - 1;
      if (std::find(picked.begin(), picked.end(), r) != picked.end()) continue;
      picked.push_back(r);
      std::string name = "t" + std::to_string(r);
      if (unit(rng) < 0.3) b.set(name, goal_level(rng), goal_want(rng));
      else b.set(name, skill(rng), 0.0);
    }
    held += picked.size();
    rcp::Profile p = b.build();
    arena.insert(arena.end(), p.blob().begin(), p.blob().end());
    ends.push_back(arena.size());
  }
  std::vector<rcp::Person> people(args.people);
  for (std::size_t i = 0; i < args.people; ++i) {
    std::size_t begin = i ? ends[i - 1] : 0;
    people[i].id = static_cast<std::int64_t>(i + 1);
    people[i].profile = rcp::ProfileView::parse_or_throw(arena.data() + begin, ends[i] - begin);
  }
  std::vector<std::size_t>().swap(ends);
  std::printf("generated %zu people, vocabulary %zu, skew %.2f, %.1f topics each, %.1f MiB of blobs in %.2f s; peak RSS so far %ld MiB\n",
              args.people, args.vocab, args.skew, static_cast<double>(held) / static_cast<double>(args.people),
              static_cast<double>(arena.size()) / 1048576.0, seconds_since(t0), peak_rss_mib());
  std::fflush(stdout);

  rcp::TopPartnersOptions opt;
  opt.k = args.k;
  opt.mode = mode;
  opt.threads = args.threads;
  opt.search = args.search;
  rcp::TopPartnersResult fast;
  if (args.fast) {
    auto t1 = std::chrono::steady_clock::now();
    double c1 = cpu_seconds();
    fast = rcp::top_partners(people, opt);
    double s = seconds_since(t1), cpu = cpu_seconds() - c1;
    std::printf("top_partners  k=%llu mode=%s threads=%u: %.3f s wall, %.3f s CPU, per person %.1f candidates met (bounded), %.1f scored exactly; %zu partners, peak RSS %ld MiB\n",
                static_cast<unsigned long long>(args.k), rcp::mode_name(mode), args.threads, s, cpu,
                static_cast<double>(fast.candidates_met) / static_cast<double>(args.people),
                static_cast<double>(fast.candidates_scored) / static_cast<double>(args.people), fast.partner.size(),
                peak_rss_mib());
  }
  if (args.brute) {
    auto t1 = std::chrono::steady_clock::now();
    double c1 = cpu_seconds();
    rcp::TopPartnersResult ref = rcp::top_partners_brute_force(people, opt);
    double s = seconds_since(t1), cpu = cpu_seconds() - c1;
    std::printf("brute force   k=%llu mode=%s threads=%u: %.3f s wall, %.3f s CPU, %.1f candidates scored per person\n",
                static_cast<unsigned long long>(args.k), rcp::mode_name(mode), args.threads, s, cpu,
                static_cast<double>(ref.candidates_scored) / static_cast<double>(args.people));
    if (args.fast) {
      bool same = ref.offsets == fast.offsets && ref.partner == fast.partner &&
                  std::memcmp(ref.score.data(), fast.score.data(), ref.score.size() * sizeof(double)) == 0 &&
                  ref.score.size() == fast.score.size();
      std::printf("results identical to brute force: %s\n", same ? "yes" : "NO");
      if (!same) return 1;
    }
  }
  return 0;
}
