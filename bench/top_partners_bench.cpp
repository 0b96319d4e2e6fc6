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
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "bench/bench_util.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"
#include "core/top_partners.hpp"

namespace {

using rcp::bench::cpu_seconds;
using rcp::bench::peak_rss_mib;
using rcp::bench::seconds_since;

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
  rcp::bench::ArgReader in(argc, argv);
  while (in.next()) {
    if (in.is("--people")) a.people = in.size_value();
    else if (in.is("--vocab")) a.vocab = in.size_value();
    else if (in.is("--skew")) a.skew = in.double_value();
    else if (in.is("--k")) a.k = in.u64_value();
    else if (in.is("--threads")) a.threads = in.unsigned_value();
    else if (in.is("--mode")) a.mode = in.value();
    else if (in.is("--seed")) a.seed = in.unsigned_value();
    else if (in.is("--brute")) a.brute = true;
    else if (in.is("--no-fast")) a.fast = false;
    else if (in.is("--search")) {
      std::string v = in.value();
      if (v == "accumulators") a.search = rcp::TopPartnersOptions::Search::accumulators;
      else if (v == "bitmaps") a.search = rcp::TopPartnersOptions::Search::bitmaps;
      else if (v != "automatic") {
        std::fprintf(stderr, "--search takes automatic, accumulators or bitmaps\n");
        std::exit(2);
      }
    }
    else in.unknown();
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  Args args = parse(argc, argv);
  rcp::Mode mode = rcp::parse_mode(args.mode);
  std::mt19937_64 rng(args.seed);

  rcp::bench::ZipfProfileGenerator generate(args.vocab, args.skew);

  auto t0 = std::chrono::steady_clock::now();
  // One arena, reserved up front at the largest possible size (only the pages
  // written count towards RSS), so that growing it never copies.
  std::vector<unsigned char> arena;
  {
    std::size_t name_bytes = 1 + std::to_string(args.vocab).size();
    arena.reserve(args.people * (rcp::kHeaderBytes + 30 * (rcp::kBytesPerTopic + name_bytes)));
  }
  std::vector<std::size_t> ends;
  std::size_t held = 0;
  for (std::size_t i = 0; i < args.people; ++i) {
    rcp::Profile p = generate(rng, &held);
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
    // What the search cost is made of: every index entry adds one gain to
    // one partner's bound (docs/benchmarks.md).
    std::printf("index entries walked: %.0f per person, %.3g in all; %.2f ns of CPU per entry, everything included\n",
                static_cast<double>(fast.index_entries) / static_cast<double>(args.people),
                static_cast<double>(fast.index_entries),
                fast.index_entries ? cpu * 1e9 / static_cast<double>(fast.index_entries) : 0.0);
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
