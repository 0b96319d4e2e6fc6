// Helpers shared by the C++ benchmark programs in bench/ (header-only):
// command-line reading, clocks and resource figures, and the generator of
// Zipf-distributed profiles.
//
// The generator is part of what the benchmarks measure: for a given seed and
// flags it must keep drawing from the RNG in the same order, so that every
// program keeps producing the same profiles (and the same totals) as before.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/profile.hpp"

namespace rcp::bench {

// ---------------------------------------------------------------------------
// Command line

// Walks argv[1..] one argument at a time:
//
//   ArgReader in(argc, argv);
//   while (in.next()) {
//     if (in.is("--people")) people = in.size_value();
//     else if (in.is("--brute")) brute = true;
//     else in.unknown();
//   }
//
// value() and its typed forms consume the argument after the current one and
// exit with status 2 ("missing value after --x") when there is none.
class ArgReader {
 public:
  ArgReader(int argc, char** argv) : argc_(argc), argv_(argv) {}

  // Moves to the next argument; false when there are no more.
  bool next() {
    if (++i_ >= argc_) return false;
    arg_ = argv_[i_];
    return true;
  }
  const std::string& arg() const { return arg_; }
  bool is(const char* name) const { return arg_ == name; }
  // Whether a value follows the current argument.
  bool has_value() const { return i_ + 1 < argc_; }

  const char* value() {
    if (!has_value()) {
      std::fprintf(stderr, "missing value after %s\n", arg_.c_str());
      std::exit(2);
    }
    return argv_[++i_];
  }
  std::size_t size_value() { return std::strtoull(value(), nullptr, 10); }
  std::uint64_t u64_value() { return std::strtoull(value(), nullptr, 10); }
  unsigned unsigned_value() { return static_cast<unsigned>(std::strtoul(value(), nullptr, 10)); }
  int int_value() { return std::atoi(value()); }
  double double_value() { return std::strtod(value(), nullptr); }

  // Reports the current argument as unknown and exits with status 2.
  [[noreturn]] void unknown() const {
    std::fprintf(stderr, "unknown argument %s\n", arg_.c_str());
    std::exit(2);
  }

 private:
  int argc_;
  char** argv_;
  int i_ = 0;
  std::string arg_;
};

// ---------------------------------------------------------------------------
// Clocks and resources

// Wall-clock seconds since t0.
inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// User + system CPU seconds of this process (all threads) so far.
inline double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Peak resident set size of this process so far, in MiB.
inline long peak_rss_mib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

// The load average as "load 1.23 0.98 0.75" ("load ?" when unavailable), to
// print next to timings taken on a machine that may be shared.
inline std::string load() {
  double l[3] = {0, 0, 0};
  if (getloadavg(l, 3) < 0) return "load ?";
  char buf[64];
  std::snprintf(buf, sizeof buf, "load %.2f %.2f %.2f", l[0], l[1], l[2]);
  return buf;
}

// ---------------------------------------------------------------------------
// Generated profiles

// Draws profiles: every person holds 5..30 distinct topics (at most `vocab`)
// drawn from a Zipf(skew) popularity over `vocab` topics named t0, t1, ...
// (P(topic r) ~ 1 / (r + 1)^skew); each held topic is a learning goal with
// probability 0.3 (want 1..3, level 0..2) and otherwise a skill (level 1..5,
// no want).
//
// RNG draws per person, in order: the topic count, then per topic drawn the
// rank, and for a topic not already held the goal/skill coin and its level
// (and want). Do not reorder: the benchmarks' results depend on it.
class ZipfProfileGenerator {
 public:
  ZipfProfileGenerator(std::size_t vocab, double skew) : vocab_(vocab), cdf_(vocab) {
    double acc = 0.0;
    for (std::size_t r = 0; r < vocab_; ++r) cdf_[r] = acc += 1.0 / std::pow(static_cast<double>(r + 1), skew);
    for (double& c : cdf_) c /= acc;
  }

  // One profile; `held`, when given, is increased by the number of topics it holds.
  template <class Rng>
  rcp::Profile operator()(Rng& rng, std::size_t* held = nullptr) {
    rcp::ProfileBuilder b;
    const int m = std::min<int>(topics_each_(rng), static_cast<int>(vocab_));
    picked_.clear();
    while (picked_.size() < static_cast<std::size_t>(m)) {
      std::size_t r = static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), unit_(rng)) - cdf_.begin());
      if (r >= vocab_) r = vocab_ - 1;
      if (std::find(picked_.begin(), picked_.end(), r) != picked_.end()) continue;
      picked_.push_back(r);
      const std::string name = "t" + std::to_string(r);
      if (unit_(rng) < 0.3) b.set(name, goal_level_(rng), goal_want_(rng));
      else b.set(name, skill_(rng), 0.0);
    }
    if (held) *held += picked_.size();
    return b.build();
  }

 private:
  std::size_t vocab_;
  std::vector<double> cdf_;
  std::uniform_real_distribution<double> unit_{0.0, 1.0};
  std::uniform_int_distribution<int> topics_each_{5, 30}, skill_{1, 5}, goal_level_{0, 2}, goal_want_{1, 3};
  std::vector<std::size_t> picked_;
};

// n profiles from a fresh ZipfProfileGenerator(vocab, skew).
template <class Rng>
std::vector<rcp::Profile> zipf_profiles(std::size_t n, std::size_t vocab, double skew, Rng& rng) {
  ZipfProfileGenerator gen(vocab, skew);
  std::vector<rcp::Profile> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(gen(rng));
  return out;
}

}  // namespace rcp::bench
