#include "top_partners.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "error.hpp"

namespace rcp {

namespace {

using Index = std::uint32_t;  // a person's position in the input
constexpr std::size_t kMaxIndex = std::numeric_limits<Index>::max();
constexpr std::size_t kChunk = 64;   // people per work unit
constexpr double kSlack = 1e-9;      // relative inflation of every bound
constexpr double kTiny = 1e-300;     // absolute inflation of every bound

// Conservative float copies of doubles, for the index: bounds must never be
// below the value they stand for.
float float_up(double v) {
  float f = static_cast<float>(v);
  if (static_cast<double>(f) < v) f = std::nextafter(f, std::numeric_limits<float>::infinity());
  return f;
}
float float_down(double v) {
  float f = static_cast<float>(v);
  if (static_cast<double>(f) > v) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
  return f;
}
inline double inflate(double v) { return v * (1.0 + kSlack) + kTiny; }

// Wanters of a topic are grouped by floor(level): [0,1) ... [3,4), [4,5].
constexpr int kBuckets = 5;
int bucket_of(double level) {
  int b = static_cast<int>(level);  // level in [0, 5]
  return b < kBuckets ? b : kBuckets - 1;
}

// An upper bound of rcp::combine over all (x, y) with x <= X, y <= Y, as
// computed by rcp::score. harmonic, geometric, min and mean are monotone and
// well conditioned, so an inflated value bounds them. uninorm's floating-point
// value is unstable where a benefit reaches 1 (0/0-like), so near there it is
// not bounded at all.
double combine_bound(double X, double Y, Mode m) {
  X = inflate(X);
  Y = inflate(Y);
  if (m == Mode::uninorm && (X >= 1.0 - 1e-6 || Y >= 1.0 - 1e-6)) return std::numeric_limits<double>::infinity();
  return inflate(combine(std::min(X, 1.0), std::min(Y, 1.0), m));
}

// The bound of the score from scaled sums x and y of gains:
// f(min(x * scale, 1), min(y * scale, 1)), inflated: f is monotone and
// computed within a few roundings.
template <typename F>
auto clamped(double scale, F f) {
  return [scale, f](double x, double y) {
    return f(std::min(x * scale, 1.0), std::min(y * scale, 1.0)) * (1.0 + kSlack) + kTiny;
  };
}

// The matching test of clamped's bound: test(x, y, g) on the same clamped values.
template <typename T>
auto clamped_test(double scale, T test) {
  return [scale, test](double x, double y, double g) { return test(std::min(x * scale, 1.0), std::min(y * scale, 1.0), g); };
}

// The k best (score, partner) seen so far, worst on top of a heap. Partners
// are offered at most once each.
class Best {
 public:
  Best(const Person* people, std::uint64_t k) : people_(people), k_(k) {}
  void clear() { heap_.clear(); }
  bool full() const { return heap_.size() == k_; }
  double threshold() const { return heap_.front().score; }  // only when full()
  void offer(double s, Index who) {
    if (!(s > 0.0)) return;
    Entry e{s, who};
    if (heap_.size() < k_) {
      heap_.push_back(e);
      std::push_heap(heap_.begin(), heap_.end(), cmp());
    } else if (better(e, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), cmp());
      heap_.back() = e;
      std::push_heap(heap_.begin(), heap_.end(), cmp());
    }
  }
  // Best first; empties the heap.
  template <typename Out>
  void drain(Out&& out) {
    std::sort(heap_.begin(), heap_.end(), cmp());
    for (const Entry& e : heap_) out(e.who, e.score);
    heap_.clear();
  }

 private:
  struct Entry {
    double score;
    Index who;
  };
  bool better(const Entry& a, const Entry& b) const {
    if (a.score != b.score) return a.score > b.score;
    return people_[a.who].id < people_[b.who].id;
  }
  struct Cmp {
    const Best* self;
    bool operator()(const Entry& a, const Entry& b) const { return self->better(a, b); }
  };
  Cmp cmp() const { return Cmp{this}; }
  const Person* people_;
  std::uint64_t k_;
  std::vector<Entry> heap_;
};

// Exclusions as sorted partner lists per person.
struct Exclusions {
  std::vector<std::size_t> offsets;  // empty when there are none
  std::vector<Index> partners;
};

// Input checks shared by the index and the brute force; returns exclusions.
Exclusions validate(const Person* people, std::size_t n, const TopPartnersOptions& opt) {
  if (opt.k == 0) fail(ErrorCode::invalid_argument, "k must be a positive integer");
  if (n > kMaxIndex) fail(ErrorCode::too_large, "at most " + std::to_string(kMaxIndex) + " people");
  std::vector<Index> by_id(n);
  for (std::size_t i = 0; i < n; ++i) by_id[i] = static_cast<Index>(i);
  std::sort(by_id.begin(), by_id.end(), [&](Index a, Index b) { return people[a].id < people[b].id; });
  for (std::size_t i = 1; i < n; ++i) {
    if (people[by_id[i]].id == people[by_id[i - 1]].id) {
      fail(ErrorCode::invalid_argument, "duplicate id " + std::to_string(people[by_id[i]].id));
    }
  }
  Exclusions ex;
  if (opt.exclude.empty()) return ex;
  auto find = [&](std::int64_t id, Index* out) {
    auto it = std::lower_bound(by_id.begin(), by_id.end(), id, [&](Index a, std::int64_t v) { return people[a].id < v; });
    if (it == by_id.end() || people[*it].id != id) return false;
    *out = *it;
    return true;
  };
  std::vector<std::pair<Index, Index>> pairs;
  pairs.reserve(2 * opt.exclude.size());
  for (const auto& [a, b] : opt.exclude) {
    Index x, y;
    if (a == b || !find(a, &x) || !find(b, &y)) continue;
    pairs.emplace_back(x, y);
    pairs.emplace_back(y, x);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  ex.offsets.assign(n + 1, 0);
  for (const auto& p : pairs) ++ex.offsets[p.first + 1];
  for (std::size_t i = 0; i < n; ++i) ex.offsets[i + 1] += ex.offsets[i];
  ex.partners.reserve(pairs.size());
  for (const auto& p : pairs) ex.partners.push_back(p.second);
  return ex;
}

// ------------------------------------------------------------------- the index

// Levels of givers are rounded up to fiftieths (a byte), so that a topic's
// givers, sorted by level, form at most 251 runs of equal level.
constexpr double kLevelSteps = 50.0;

struct StepTable {
  double value[256];
  StepTable() {
    for (int i = 0; i < 256; ++i) value[i] = i / kLevelSteps;
  }
};
const StepTable kSteps;
inline double from_steps(std::uint8_t s) { return kSteps.value[s]; }
std::uint8_t steps_up(double level) {
  int s = static_cast<int>(std::ceil(level * kLevelSteps));
  while (s < 250 && from_steps(static_cast<std::uint8_t>(s)) < level) ++s;
  return static_cast<std::uint8_t>(s);
}

// A run of givers of one topic with the same (rounded up) level.
struct Run {
  std::uint32_t begin;  // into TopicIndex::givers
  double level;         // >= the true level of everyone in the run
};

// Structure of arrays: the passes over the lists read person indices only
// (4 bytes an entry); the values are read for the few people on both sides.
struct TopicIndex {
  std::size_t topics = 0;
  std::vector<std::uint32_t> person_offsets;  // n + 1: person i's topics are topic_of[...]
  std::vector<std::uint32_t> topic_of;        // in profile order
  std::vector<std::uint32_t> giver_offsets;   // topics + 1: into givers
  std::vector<Index> givers;                  // per topic: level desc, person asc
  std::vector<std::uint32_t> run_offsets;     // topics + 1: into runs
  std::vector<Run> runs;                      // per topic: level desc
  std::vector<std::uint32_t> wanter_offsets;  // topics * kBuckets + 1: per (topic, bucket)
  std::vector<Index> wanters;                 // per (topic, bucket): level asc, person asc
  std::vector<float> wanter_weight;           // normalised want, rounded up
  std::vector<float> wanter_level;            // level, rounded down
};

template <typename Fn>
void parallel_for(std::size_t count, unsigned threads, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) fn(i);
  };
  std::vector<std::thread> pool;
  std::exception_ptr error;
  std::mutex mu;
  auto safe = [&] {
    try {
      work();
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!error) error = std::current_exception();
      next.store(count);
    }
  };
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(safe);
  safe();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
}

// Work units for parallel_for over `items` small items.
std::size_t blocks_for(std::size_t items, unsigned threads) { return std::min<std::size_t>(items, std::size_t{threads} * 8); }

TopicIndex build_index(const Person* people, std::size_t n, unsigned threads) {
  TopicIndex ix;
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += people[i].profile.size();
  if (total > std::numeric_limits<std::uint32_t>::max()) {
    fail(ErrorCode::too_large, "at most " + std::to_string(std::numeric_limits<std::uint32_t>::max()) + " topics over all profiles");
  }
  ix.person_offsets.resize(n + 1);
  ix.topic_of.resize(total);
  {
    std::unordered_map<std::string_view, std::uint32_t> ids;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n; ++i) {
      ix.person_offsets[i] = static_cast<std::uint32_t>(pos);
      const ProfileView& p = people[i].profile;
      for (std::size_t j = 0; j < p.size(); ++j) {
        ix.topic_of[pos++] = ids.try_emplace(p.topic(j), static_cast<std::uint32_t>(ids.size())).first->second;
      }
    }
    ix.person_offsets[n] = static_cast<std::uint32_t>(pos);
    ix.topics = ids.size();
  }
  const std::size_t topics = ix.topics;

  ix.giver_offsets.assign(topics + 1, 0);
  ix.wanter_offsets.assign(topics * kBuckets + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const ProfileView& p = people[i].profile;
    for (std::size_t j = 0; j < p.size(); ++j) {
      std::uint32_t t = ix.topic_of[ix.person_offsets[i] + j];
      if (p.level(j) > 0.0) ++ix.giver_offsets[t + 1];
      if (p.want(j) > 0.0) ++ix.wanter_offsets[t * kBuckets + bucket_of(p.level(j)) + 1];
    }
  }
  for (std::size_t t = 0; t < topics; ++t) ix.giver_offsets[t + 1] += ix.giver_offsets[t];
  for (std::size_t s = 0; s < topics * kBuckets; ++s) ix.wanter_offsets[s + 1] += ix.wanter_offsets[s];
  const std::size_t nw = ix.wanter_offsets[topics * kBuckets];
  ix.wanters.resize(nw);
  ix.wanter_weight.resize(nw);
  ix.wanter_level.resize(nw);
  ix.givers.resize(ix.giver_offsets[topics]);
  std::vector<std::uint8_t> steps(ix.givers.size());  // givers' levels, rounded up to fiftieths
  {
    std::vector<std::uint32_t> gfill(ix.giver_offsets.begin(), ix.giver_offsets.end() - 1);
    std::vector<std::uint32_t> wfill(ix.wanter_offsets.begin(), ix.wanter_offsets.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const ProfileView& p = people[i].profile;
      for (std::size_t j = 0; j < p.size(); ++j) {
        std::uint32_t t = ix.topic_of[ix.person_offsets[i] + j];
        double level = p.level(j), want = p.want(j);
        if (level > 0.0) {
          const std::uint32_t g = gfill[t]++;
          ix.givers[g] = static_cast<Index>(i);
          steps[g] = steps_up(level);
        }
        if (want > 0.0) {
          const std::uint32_t w = wfill[t * kBuckets + bucket_of(level)]++;
          ix.wanters[w] = static_cast<Index>(i);
          ix.wanter_weight[w] = float_up(want / p.want_sum());
          ix.wanter_level[w] = float_down(level);
        }
      }
    }
  }
  // Wanters were filled in person order; a stable sort of each (topic,
  // bucket) by level puts the ones below any given level first, so a
  // person's take list is a prefix found by binary search (levels that are
  // not whole numbers share a bucket).
  const std::size_t segments = topics * kBuckets, segment_blocks = blocks_for(segments, threads);
  parallel_for(segment_blocks, threads, [&](std::size_t blk) {
    std::vector<std::uint32_t> order;
    std::vector<Index> who;
    std::vector<float> weight, level;
    for (std::size_t s = segments * blk / segment_blocks; s < segments * (blk + 1) / segment_blocks; ++s) {
      const std::uint32_t lo = ix.wanter_offsets[s], hi = ix.wanter_offsets[s + 1];
      const float* lv = ix.wanter_level.data();
      if (std::is_sorted(lv + lo, lv + hi)) continue;
      order.resize(hi - lo);
      for (std::uint32_t i = 0; i < hi - lo; ++i) order[i] = lo + i;
      std::stable_sort(order.begin(), order.end(), [lv](std::uint32_t x, std::uint32_t y) { return lv[x] < lv[y]; });
      who.clear();
      weight.clear();
      level.clear();
      for (std::uint32_t i : order) {
        who.push_back(ix.wanters[i]);
        weight.push_back(ix.wanter_weight[i]);
        level.push_back(ix.wanter_level[i]);
      }
      std::copy(who.begin(), who.end(), ix.wanters.begin() + lo);
      std::copy(weight.begin(), weight.end(), ix.wanter_weight.begin() + lo);
      std::copy(level.begin(), level.end(), ix.wanter_level.begin() + lo);
    }
  });
  // Givers were filled in person order; a stable counting sort by level step
  // gives (level desc, person asc) and the runs. Topics go to threads in contiguous
  // blocks, each with its own scratch.
  std::vector<std::uint32_t> run_count(topics + 1, 0);
  const std::size_t blocks = blocks_for(topics, threads);
  parallel_for(blocks, threads, [&](std::size_t blk) {
    std::vector<Index> scratch;
    std::uint32_t count[256];
    for (std::size_t t = topics * blk / blocks; t < topics * (blk + 1) / blocks; ++t) {
      const std::uint32_t lo = ix.giver_offsets[t], hi = ix.giver_offsets[t + 1];
      std::fill(count, count + 256, 0);
      for (std::uint32_t g = lo; g < hi; ++g) ++count[255 - steps[g]];
      std::uint32_t runs = 0, at = 0;
      for (int s = 0; s < 256; ++s) {
        runs += count[s] != 0;
        std::uint32_t c = count[s];
        count[s] = at;
        at += c;
      }
      run_count[t + 1] = runs;
      scratch.resize(hi - lo);
      for (std::uint32_t g = lo; g < hi; ++g) scratch[count[255 - steps[g]]++] = ix.givers[g];
      // steps in the new order: count[s] is now the end of step 255 - s.
      std::uint32_t from = 0;
      for (int s = 0; s < 256; ++s) {
        for (std::uint32_t j = from; j < count[s]; ++j) steps[lo + j] = static_cast<std::uint8_t>(255 - s);
        from = count[s];
      }
      std::copy(scratch.begin(), scratch.end(), ix.givers.begin() + lo);
    }
  });
  ix.run_offsets.assign(topics + 1, 0);
  for (std::size_t t = 0; t < topics; ++t) ix.run_offsets[t + 1] = ix.run_offsets[t] + run_count[t + 1];
  std::vector<std::uint32_t>().swap(run_count);
  ix.runs.resize(ix.run_offsets[topics]);
  parallel_for(topics, threads, [&](std::size_t t) {
    std::uint32_t r = ix.run_offsets[t];
    for (std::uint32_t g = ix.giver_offsets[t]; g < ix.giver_offsets[t + 1]; ++g) {
      if (g == ix.giver_offsets[t] || steps[g] != steps[g - 1]) ix.runs[r++] = Run{g, from_steps(steps[g])};
    }
  });
  return ix;
}

// ---------------------------------------------------------- per-person search

// For a person A, a partner B scores above 0 only if B knows a topic A wants
// better than A (B is on A's give side) and, outside mode mean, wants a topic
// A knows better than B (B is on A's take side). Every entry of both sides
// adds its gain (rounded up) to B's float accumulators, one pair per person
// and thread, all zero between people: no branch per entry. With long lists
// (at least n / kFuseShare entries) the longer side is added first and the
// pass over the shorter side also notes who gains both ways; one sweep then
// clears every accumulator. Otherwise a second walk of the shorter side
// collects the people with a gain both ways and resets them, and a walk of
// the longer side resets the rest. The accumulated bounds
// are tight up to rounding, so the exact rcp::score is computed, in
// descending order of the bound, only until the bound falls below the
// current k-th best; with many candidates, a floor for the k-th best taken
// from a sample drops most of them first. No profile is read except for the
// exact scores. The cost per person is about two memory updates per list
// entry: small for varied vocabularies, large when a few topics are held by
// most people (docs/benchmarks.md).
class Searcher {
 public:
  Searcher(const Person* people, std::size_t n, const TopicIndex& ix, const Exclusions& ex, const TopPartnersOptions& opt)
      : people_(people),
        ix_(ix),
        ex_(ex),
        mode_(opt.mode),
        k_(opt.k),
        best_(people, opt.k),
        n_(n),
        search_(opt.search) {
    if (search_ == TopPartnersOptions::Search::automatic && n > kAccumulatorPeople) {
      search_ = TopPartnersOptions::Search::bitmaps;
    }
    if (search_ != TopPartnersOptions::Search::bitmaps) acc_.assign(n, Acc{0.0f, 0.0f});
    if (search_ != TopPartnersOptions::Search::accumulators) {
      slot_.assign(n, 0);
      if (mode_ != Mode::mean) {
        side_bits_.assign((n + 63) / 64, 0);
        both_bits_.assign((n + 63) / 64, 0);
      }
    }
  }

  std::uint64_t scored() const { return scored_; }
  std::uint64_t met() const { return met_; }
  std::uint64_t entries() const { return entries_; }

  template <typename Out>
  void run(Index a, Out&& out) {
    build_lists(a);
    entries_ += give_entries_ + take_entries_;
    // Accumulators pay off when the lists are long against the population
    // (many people on both sides); a bitmap of the shorter side otherwise.
    const bool bitmaps = search_ == TopPartnersOptions::Search::bitmaps ||
                         (search_ == TopPartnersOptions::Search::automatic &&
                          (give_entries_ + take_entries_) * kDenseShare < n_);
    if (bitmaps) {
      touched_.clear();
      if (mode_ != Mode::mean) {
        accumulate_both();
      } else {
        accumulate_any();
      }
      cands_.clear();
      const bool need_both = mode_ != Mode::mean;
      for (const Partner& p : touched_) {
        if (need_both ? !(p.x > 0.0 && p.y > 0.0) : !(p.x > 0.0 || p.y > 0.0)) continue;
        cands_.push_back(Cand{p.x, float_up(p.y), p.who});
      }
      rank_and_score(a, cands_.data(), cands_.data() + cands_.size());
    } else {
      const std::size_t count = accumulate();
      rank_and_score(a, cand_buf_.get(), cand_buf_.get() + count);
    }
    best_.drain(out);
  }

 private:
  struct Partner {
    Index who;
    double x, y;  // 5 * bounds of benefit(A <- B) and benefit(B <- A), so far
  };
  struct Acc {
    float x, y;  // 5 * bounds of benefit(A <- B) and benefit(B <- A), so far
  };
  // An accumulator is +0.0f or a sum of gains above 0 (never -0.0f or NaN),
  // so comparing its bits is comparing its value, without a float compare.
  static bool is_zero(float v) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits == 0;
  }
  struct Cand {
    double bound;  // first 5 * the bound of benefit(A <- B), then the bound of the score
    float y;       // 5 * the bound of benefit(B <- A)
    Index who;
  };
  // The givers of a topic A wants, above A's level: runs [run, run_end) of
  // givers [pos, end).
  struct GiveList {
    std::uint32_t pos, end;
    std::uint32_t run, run_end;
    double weight;  // A's normalised want (at least kTiny)
    double level;   // A's level
  };
  // The wanters of a topic A knows, in one level bucket.
  struct TakeList {
    std::uint32_t pos, end;  // the entries below A's level
    double level;   // A's level
    float level_up; // A's level, rounded up to a float
  };

  void build_lists(Index a) {
    give_.clear();
    take_.clear();
    give_entries_ = take_entries_ = 0;
    const ProfileView& p = people_[a].profile;
    const std::uint32_t base = ix_.person_offsets[a];
    for (std::size_t j = 0; j < p.size(); ++j) {
      const std::uint32_t t = ix_.topic_of[base + j];
      const double level = p.level(j), want = p.want(j);
      if (want > 0.0) {
        // Runs with a level above A's: a prefix of the topic's runs.
        std::uint32_t r = ix_.run_offsets[t], r_end = ix_.run_offsets[t + 1], stop = r;
        while (stop < r_end && ix_.runs[stop].level > level) ++stop;
        if (stop != r) {
          const std::uint32_t end = stop < r_end ? ix_.runs[stop].begin : ix_.giver_offsets[t + 1];
          give_.push_back(GiveList{ix_.giver_offsets[t], end, r, stop, std::max(want / p.want_sum(), kTiny), level});
          give_entries_ += end - ix_.giver_offsets[t];
          for (std::uint32_t o = 0; o < kAhead && ix_.giver_offsets[t] + o < end; o += 16) __builtin_prefetch(&ix_.givers[ix_.giver_offsets[t] + o]);
        }
      }
      if (level > 0.0) {
        for (int b = 0; b < kBuckets && b < level; ++b) {
          std::size_t s = std::size_t{t} * kBuckets + b;
          if (ix_.wanter_offsets[s] == ix_.wanter_offsets[s + 1]) continue;
          // Every level in bucket b < 4 is below b + 1; bucket 4 holds 5.
          // Otherwise the entries below A's level are a prefix (level asc).
          const std::uint32_t lo = ix_.wanter_offsets[s];
          std::uint32_t hi = ix_.wanter_offsets[s + 1];
          if (b == kBuckets - 1 || b + 1 > level) {
            const float* lv = ix_.wanter_level.data();
            hi = static_cast<std::uint32_t>(std::partition_point(lv + lo, lv + hi, [level](float v) { return static_cast<double>(v) < level; }) - lv);
            if (hi == lo) continue;
          }
          take_.push_back(TakeList{lo, hi, level, float_up(level)});
          take_entries_ += hi - lo;
          for (std::uint32_t o = lo; o < hi && o < lo + kAhead; o += 16) __builtin_prefetch(&ix_.wanters[o]);
        }
      }
    }
  }

  // The first lines of each list are fetched ahead while the lists are set up.
  static constexpr std::uint32_t kAhead = 64;  // entries (4 cache lines)

  // Adds every give entry's gain (5 * its share of benefit(A <- B), rounded
  // up) to the giver's x.
  // With kCollect, also appends the people whose first x arrives here while
  // their y is already above 0 (the other side was added first) to ids, and
  // returns how many.
  template <bool kCollect>
  std::size_t add_give(Acc* acc, Index* ids = nullptr) const {
    const Index* givers = ix_.givers.data();
    const Run* runs = ix_.runs.data();
    std::size_t count = 0;
    for (const GiveList& g : give_) {
      for (std::uint32_t r = g.run; r < g.run_end; ++r) {
        const Index* p = givers + runs[r].begin;
        const Index* e = givers + (r + 1 < g.run_end ? runs[r + 1].begin : g.end);
        const float gain = float_up(g.weight * (runs[r].level - g.level));
        for (; p != e; ++p) {
          if constexpr (kCollect) {
            const Index b = *p;
            const Acc old = acc[b];
            acc[b].x = old.x + gain;
            ids[count] = b;
            count += is_zero(old.x) & !is_zero(old.y);
          } else {
            acc[*p].x += gain;
          }
        }
      }
    }
    return count;
  }
  // Adds every take entry's gain (below A's level) to the wanter's y.
  // With kCollect, as add_give with the roles of x and y swapped.
  template <bool kCollect>
  std::size_t add_take(Acc* acc, Index* ids = nullptr) const {
    const Index* wanters = ix_.wanters.data();
    const float* levels = ix_.wanter_level.data();
    const float* weights = ix_.wanter_weight.data();
    constexpr float kMin = std::numeric_limits<float>::denorm_min();
    std::size_t count = 0;
    auto add = [&](std::uint32_t i, float gain) {
      if constexpr (kCollect) {
        const Index b = wanters[i];
        const Acc old = acc[b];
        acc[b].y = old.y + gain;
        ids[count] = b;
        count += is_zero(old.y) & !is_zero(old.x);
      } else {
        acc[wanters[i]].y += gain;
      }
    };
    for (const TakeList& t : take_) {
      const float la = t.level_up;
      for (std::uint32_t i = t.pos; i < t.end; ++i) add(i, std::max(weights[i] * (la - levels[i]), kMin));
    }
    return count;
  }
  // All accumulators to +0.0f (all bits zero) in one sweep.
  void wipe_accumulators() { std::memset(static_cast<void*>(acc_.data()), 0, acc_.size() * sizeof(Acc)); }
  // Calls fn(person) for every entry of a side (whatever its level: anyone
  // with a gain has an entry that counted).
  template <typename Fn>
  void each_giver(Fn&& fn) const {
    const Index* givers = ix_.givers.data();
    for (const GiveList& g : give_) {
      for (const Index* p = givers + g.pos; p != givers + g.end; ++p) fn(*p);
    }
  }
  template <typename Fn>
  void each_wanter(Fn&& fn) const {
    const Index* wanters = ix_.wanters.data();
    for (const TakeList& t : take_) {
      for (const Index* p = wanters + t.pos; p != wanters + t.end; ++p) fn(*p);
    }
  }

  // Every list entry adds its gain to the partner's accumulator (one float
  // pair per person, all zero between people; no branch per entry). Then
  // the entries of one side are walked again to collect the people with a
  // gain both ways (mode mean: either way; both sides) and reset them, and
  // the other side's entries are reset.
  // Returns the number of candidates, in cand_buf_.
  std::size_t accumulate() {
    Acc* acc = acc_.data();
    std::size_t room = give_entries_ + take_entries_;
    if (cand_cap_ < room) {
      cand_cap_ = std::max(room, 2 * cand_cap_);
      cand_buf_.reset(new Cand[cand_cap_]);
    }
    Cand* out = cand_buf_.get();
    std::size_t count = 0;
    const bool need_both = mode_ != Mode::mean;
    const std::size_t entries = give_entries_ + take_entries_;
    if (need_both && !give_.empty() && !take_.empty() && entries * kFuseShare >= n_) {
      // Long lists: the longer side is added first, the shorter side then
      // notes the people it reaches first who already have a gain the other
      // way, and every accumulator is cleared in one sweep.
      const std::size_t shorter = std::min(give_entries_, take_entries_);
      if (id_cap_ < shorter) {
        id_cap_ = std::max(shorter, 2 * id_cap_);
        id_buf_.reset(new Index[id_cap_]);
      }
      Index* ids = id_buf_.get();
      if (take_entries_ <= give_entries_) {
        add_give<false>(acc);
        count = add_take<true>(acc, ids);
      } else {
        add_take<false>(acc);
        count = add_give<true>(acc, ids);
      }
      for (std::size_t i = 0; i < count; ++i) {
        const Acc v = acc[ids[i]];
        out[i] = Cand{v.x, v.y, ids[i]};
      }
      wipe_accumulators();
    } else if (!need_both || (!give_.empty() && !take_.empty())) {
      add_give<false>(acc);
      add_take<false>(acc);
      auto collect = [&](Index b) {
        const Acc v = acc[b];
        acc[b] = Acc{0.0f, 0.0f};
        out[count] = Cand{v.x, v.y, b};
        count += need_both ? (v.x > 0.0f && v.y > 0.0f) : (v.x > 0.0f || v.y > 0.0f);
      };
      auto reset = [acc](Index b) { acc[b] = Acc{0.0f, 0.0f}; };
      // The longer side is only reset: past n / kWipeShare entries, clearing
      // every accumulator in one sequential sweep is cheaper than a store per
      // entry.
      const std::size_t longer = std::max(give_entries_, take_entries_);
      const bool wipe = longer * kWipeShare >= n_;
      if (!need_both) {
        each_giver(collect);
        each_wanter(collect);
      } else if (take_entries_ <= give_entries_) {
        each_wanter(collect);
        if (!wipe) each_giver(reset);
      } else {
        each_giver(collect);
        if (!wipe) each_wanter(reset);
      }
      if (need_both && wipe) wipe_accumulators();
    }
    return count;
  }

  // ------------------------------------------------ the bitmap search
  // For short lists against the population, or when a float pair per person
  // no longer fits in a core's cache (more than kAccumulatorPeople people):
  // the shorter side is marked in a bitmap of N bits, the other side is
  // walked against it, and only the people found on both sides get an
  // accumulator (in touched_, found through slot_); the shorter side is
  // walked again to add its gains and clear the marks.
  static bool test_bit(const std::uint64_t* bits, Index b) { return bits[b >> 6] >> (b & 63) & 1; }
  static void set_bit(std::uint64_t* bits, Index b) { bits[b >> 6] |= std::uint64_t{1} << (b & 63); }
  static void clear_bit(std::uint64_t* bits, Index b) { bits[b >> 6] &= ~(std::uint64_t{1} << (b & 63)); }

  double take_gain_exact(const TakeList& t, std::uint32_t i) const {
    return static_cast<double>(ix_.wanter_weight[i]) * (t.level - static_cast<double>(ix_.wanter_level[i]));
  }

  // Calls fn(person, gain) for every give entry: gain = 5 * its share of
  // benefit(A <- B), rounded up.
  template <typename Fn>
  void each_give_entry(Fn&& fn) const {
    const Index* givers = ix_.givers.data();
    const Run* runs = ix_.runs.data();
    for (const GiveList& g : give_) {
      for (std::uint32_t r = g.run; r < g.run_end; ++r) {
        const std::uint32_t lo = runs[r].begin;
        const std::uint32_t hi = r + 1 < g.run_end ? runs[r + 1].begin : g.end;
        const double gain = g.weight * (runs[r].level - g.level);
        for (std::uint32_t i = lo; i < hi; ++i) {
          fn(givers[i], gain);
        }
      }
    }
  }
  // Calls fn(person, entry) for every take entry below A's level.
  template <typename Fn>
  void each_take_entry(Fn&& fn) const {
    const Index* wanters = ix_.wanters.data();
    for (const TakeList& t : take_) {
      for (std::uint32_t i = t.pos; i < t.end; ++i) fn(wanters[i], t, i);
    }
  }

  Partner& join(Index b) {
    slot_[b] = static_cast<std::uint32_t>(touched_.size());
    touched_.push_back(Partner{b, 0.0, 0.0});
    return touched_.back();
  }

  void accumulate_both() {
    if (give_.empty() || take_.empty()) return;
    std::uint64_t* side = side_bits_.data();
    std::uint64_t* both = both_bits_.data();
    if (take_entries_ <= give_entries_) {
      // Mark the take side; walk the give side against it; walk the take
      // side again to add its gains and clear the marks.
      each_take_entry([&](Index b, const TakeList&, std::uint32_t) { set_bit(side, b); });
      each_give_entry([&](Index b, double gain) {
        if (!test_bit(side, b)) return;
        if (!test_bit(both, b)) {
          set_bit(both, b);
          join(b).x += gain;
        } else {
          touched_[slot_[b]].x += gain;
        }
      });
      each_take_entry([&](Index b, const TakeList& t, std::uint32_t i) {
        clear_bit(side, b);
        if (test_bit(both, b)) touched_[slot_[b]].y += take_gain_exact(t, i);
      });
    } else {
      each_give_entry([&](Index b, double) { set_bit(side, b); });
      each_take_entry([&](Index b, const TakeList& t, std::uint32_t i) {
        if (!test_bit(side, b)) return;
        if (!test_bit(both, b)) {
          set_bit(both, b);
          join(b).y += take_gain_exact(t, i);
        } else {
          touched_[slot_[b]].y += take_gain_exact(t, i);
        }
      });
      each_give_entry([&](Index b, double gain) {
        clear_bit(side, b);
        if (test_bit(both, b)) touched_[slot_[b]].x += gain;
      });
    }
    for (const Partner& p : touched_) clear_bit(both, p.who);
  }

  // Mode mean: anyone on either side. slot_ as a sparse set (no clearing).
  Partner& find_or_join(Index b) {
    const std::uint32_t s = slot_[b];
    if (s < touched_.size() && touched_[s].who == b) return touched_[s];
    return join(b);
  }
  void accumulate_any() {
    each_give_entry([&](Index b, double gain) { find_or_join(b).x += gain; });
    each_take_entry([&](Index b, const TakeList& t, std::uint32_t i) { find_or_join(b).y += take_gain_exact(t, i); });
  }

  bool excluded(Index a, Index b) const {
    if (a == b) return true;
    if (ex_.offsets.empty()) return false;
    auto first = ex_.partners.begin() + static_cast<std::ptrdiff_t>(ex_.offsets[a]);
    auto last = ex_.partners.begin() + static_cast<std::ptrdiff_t>(ex_.offsets[a + 1]);
    return first != last && std::binary_search(first, last, b);
  }

  void prefetch_profile(Index b) const {
    const ProfileView& p = people_[b].profile;
    const char* q = reinterpret_cast<const char*>(p.bytes());
    const std::size_t bytes = std::min<std::size_t>(p.byte_size(), 1024);
    for (std::size_t o = 0; o < bytes; o += 64) __builtin_prefetch(q + o);
  }

  // Everyone touched has bounds of both benefits from all their list entries;
  // exact scores in descending order of the bound on the score, until it
  // falls below the k-th best. The bounds are tight, so the k highest bounds
  // (found in linear time) are scored first to set the k-th best; of the
  // rest only those whose bound can still reach it are sorted and scored.
  void rank_and_score(Index a, Cand* begin, Cand* end) {
    if (!ex_.offsets.empty()) {
      end = std::remove_if(begin, end, [&](const Cand& c) { return excluded(a, c.who); });
    }
    met_ += static_cast<std::uint64_t>(end - begin);
    // Float sums of at most (lists) terms, each within a few roundings of its
    // value: scaled with enough relative slack to stay upper bounds.
    const double scale = (1.0 + static_cast<double>(give_.size() + take_.size() + 4) * 0x1p-22) * (1.0 + kSlack) / kMaxLevel;
    // Each mode also gets a test without division or square root that
    // f(x, y) >= g may hold (true whenever it does, up to a relative 1e-9,
    // which the caller leaves room for; used for g > 1e-100 only, where
    // the products that matter cannot underflow), to drop most candidates
    // before their bound is computed.
    switch (mode_) {
      case Mode::harmonic:
        // rcp::combine clamps the harmonic mean into [min, max]; where 2xy
        // underflows (benefits near 1e-300) the score is min(x, y).
        return rank_with(a, begin, end, clamped(scale, [](double x, double y) { return std::max(2.0 * x * y / (x + y), std::min(x, y)); }),
                         clamped_test(scale, [](double x, double y, double g) { return 2.0 * x * y >= g * (x + y); }));
      case Mode::geometric:
        return rank_with(a, begin, end, clamped(scale, [](double x, double y) { return std::sqrt(x * y); }),
                         clamped_test(scale, [](double x, double y, double g) { return x * y >= g * g; }));
      case Mode::min:
        return rank_with(a, begin, end, clamped(scale, [](double x, double y) { return std::min(x, y); }),
                         clamped_test(scale, [](double x, double y, double g) { return std::min(x, y) >= g; }));
      case Mode::mean:
        return rank_with(a, begin, end, clamped(scale, [](double x, double y) { return (x + y) / 2.0; }),
                         clamped_test(scale, [](double x, double y, double g) { return x + y >= 2.0 * g; }));
      case Mode::uninorm:
        return rank_with(a, begin, end, [scale](double x, double y) { return combine_bound(x * scale, y * scale, Mode::uninorm); },
                         [](double, double, double) { return true; });
    }
  }

  template <typename Bound, typename Reach>
  void rank_with(Index a, Cand* begin, Cand* end, Bound bound, Reach reach) {
    auto higher = [](const Cand& p, const Cand& q) { return p.bound > q.bound; };
    const ProfileView& pa = people_[a].profile;
    auto score_one = [&](const Cand& c) {
      ++scored_;
      best_.offer(rcp::score(pa, people_[c.who].profile, mode_), c.who);
    };
    const std::size_t count = static_cast<std::size_t>(end - begin);
    // Many candidates: the k best exact scores among the highest bounds of
    // an even sample are k real partners' scores, so the k-th of them is a
    // floor for the k-th best; candidates whose bound is below it are
    // dropped while the bounds are computed (no branch per candidate).
    double floor = -std::numeric_limits<double>::infinity();
    if (count >= kSeedFrom && k_ <= kSeedSample / 4) {
      const std::size_t step = count / kSeedSample;
      sample_.clear();
      for (std::size_t i = 0; i < count; i += step) {
        Cand c = begin[i];
        c.bound = bound(c.bound, static_cast<double>(c.y));
        sample_.push_back(c);
      }
      const auto kk = static_cast<std::ptrdiff_t>(k_);
      std::nth_element(sample_.begin(), sample_.begin() + kk, sample_.end(), higher);
      for (std::ptrdiff_t i = 0; i < kk; ++i) prefetch_profile(sample_[static_cast<std::size_t>(i)].who);
      for (std::ptrdiff_t i = 0; i < kk; ++i) score_one(sample_[static_cast<std::size_t>(i)]);
      if (best_.full()) floor = best_.threshold();
      best_.clear();
    }
    Cand* kept = begin;
    // bound >= floor needs f(x, y) >= (floor - kTiny) / (1 + kSlack); g is
    // a little lower, so that the test errs on the side of keeping.
    const double g = (floor - kTiny) / (1.0 + kSlack) * (1.0 - 1e-9);
    if (g > 1e-100) {
      for (const Cand* c = begin; c != end; ++c) {
        if (!reach(c->bound, static_cast<double>(c->y), g)) continue;
        Cand d = *c;
        d.bound = bound(d.bound, static_cast<double>(d.y));
        *kept = d;
        kept += d.bound >= floor;
      }
    } else {
      for (const Cand* c = begin; c != end; ++c) {
        Cand d = *c;
        d.bound = bound(d.bound, static_cast<double>(d.y));
        *kept = d;
        kept += d.bound >= floor;
      }
    }
    end = kept;
    const std::size_t m = static_cast<std::size_t>(end - begin);
    if (m <= k_) {
      for (const Cand* c = begin; c != end; ++c) prefetch_profile(c->who);
      for (const Cand* c = begin; c != end; ++c) score_one(*c);
      return;
    }
    // The k highest bounds, in one pass with a heap of k (few candidates
    // beat its top, so the branch is predictable), are scored first; their
    // bounds become -infinity.
    auto lower = [](const std::pair<double, std::size_t>& p, const std::pair<double, std::size_t>& q) { return p.first > q.first; };
    top_.clear();
    for (std::size_t i = 0; i < m; ++i) {
      const double b = begin[i].bound;
      if (top_.size() < k_) {
        top_.emplace_back(b, i);
        std::push_heap(top_.begin(), top_.end(), lower);
      } else if (b > top_.front().first) {
        std::pop_heap(top_.begin(), top_.end(), lower);
        top_.back() = {b, i};
        std::push_heap(top_.begin(), top_.end(), lower);
      }
    }
    for (const auto& e : top_) prefetch_profile(begin[e.second].who);
    for (const auto& e : top_) {
      score_one(begin[e.second]);
      begin[e.second].bound = -std::numeric_limits<double>::infinity();
    }
    // The others whose bound reaches the k-th best (all of them while fewer
    // than k have a score above 0), best bound first, until one falls below.
    const double t = best_.full() ? best_.threshold() : std::numeric_limits<double>::lowest();
    Cand* rest = begin;
    for (const Cand* c = begin; c != end; ++c) {
      *rest = *c;
      rest += c->bound >= t;
    }
    std::sort(begin, rest, higher);
    for (Cand* it = begin; it != rest; ++it) {
      if (best_.full() && it->bound < best_.threshold()) break;
      if (it + 1 != rest) prefetch_profile((it + 1)->who);
      score_one(*it);
    }
  }

  const Person* people_;
  const TopicIndex& ix_;
  const Exclusions& ex_;
  Mode mode_;
  std::uint64_t k_;
  Best best_;
  std::uint64_t scored_ = 0, met_ = 0, entries_ = 0;
  std::vector<GiveList> give_;
  std::vector<TakeList> take_;
  std::size_t give_entries_ = 0, take_entries_ = 0;
  std::vector<Acc> acc_;  // per person; all zero between people
  // Large populations (see above).
  static constexpr std::size_t kAccumulatorPeople = 1 << 18;  // 2 MiB of float pairs
  static constexpr std::size_t kDenseShare = 16;
  static constexpr std::size_t kWipeShare = 4;
  static constexpr std::size_t kFuseShare = 8;   // see accumulate()
  std::size_t n_;
  TopPartnersOptions::Search search_;
  std::vector<std::uint32_t> slot_;                   // B's place in touched_ (valid while B is on both sides)
  std::vector<std::uint64_t> side_bits_, both_bits_;  // all clear between people
  std::vector<Partner> touched_;
  std::vector<Cand> cands_;
  static constexpr std::size_t kSeedFrom = 2048, kSeedSample = 512;
  std::vector<Cand> sample_;
  std::vector<std::pair<double, std::size_t>> top_;  // (bound, position): the k highest bounds, lowest on top
  std::unique_ptr<Cand[]> cand_buf_;  // collection space, one slot per list entry
  std::size_t cand_cap_ = 0;
  std::unique_ptr<Index[]> id_buf_;  // collection space, one slot per entry of the shorter side
  std::size_t id_cap_ = 0;

};

// All pairs, for the reference.
class BruteSearcher {
 public:
  BruteSearcher(const Person* people, std::size_t n, const Exclusions& ex, const TopPartnersOptions& opt)
      : people_(people), n_(n), ex_(ex), mode_(opt.mode), best_(people, opt.k) {}
  std::uint64_t scored() const { return scored_; }
  std::uint64_t met() const { return scored_; }
  std::uint64_t entries() const { return 0; }
  template <typename Out>
  void run(Index a, Out&& out) {
    std::size_t e = ex_.offsets.empty() ? 0 : ex_.offsets[a];
    std::size_t e_end = ex_.offsets.empty() ? 0 : ex_.offsets[a + 1];
    for (std::size_t b = 0; b < n_; ++b) {
      while (e < e_end && ex_.partners[e] < b) ++e;
      if (b == a || (e < e_end && ex_.partners[e] == b)) continue;
      ++scored_;
      best_.offer(rcp::score(people_[a].profile, people_[b].profile, mode_), static_cast<Index>(b));
    }
    best_.drain(out);
  }

 private:
  const Person* people_;
  std::size_t n_;
  const Exclusions& ex_;
  Mode mode_;
  Best best_;
  std::uint64_t scored_ = 0;
};

unsigned thread_count(const TopPartnersOptions& opt, std::size_t n) {
  unsigned t = opt.threads ? opt.threads : std::thread::hardware_concurrency();
  if (t == 0) t = 1;
  std::size_t chunks = (n + kChunk - 1) / kChunk;
  if (chunks < t) t = static_cast<unsigned>(chunks ? chunks : 1);
  return t;
}

// Runs make_searcher()'s search over every person on `threads` threads (the
// calling thread is one of them and the only one that calls progress), and
// assembles the result in input order.
template <typename MakeSearcher>
TopPartnersResult drive(const Person* people, std::size_t n, const TopPartnersOptions& opt, unsigned threads,
                        MakeSearcher&& make_searcher) {
  using Clock = std::chrono::steady_clock;
  TopPartnersResult res;
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  struct ChunkOut {
    bool done = false;
    std::vector<std::uint32_t> counts;
    std::vector<Index> who;
    std::vector<double> score;
  };
  std::vector<ChunkOut> pending(chunks);
  std::size_t next_commit = 0;
  res.offsets.reserve(n + 1);
  res.offsets.push_back(0);
  const std::size_t guess = n * static_cast<std::size_t>(std::min<std::uint64_t>(opt.k, 16));
  res.partner.reserve(guess);
  res.score.reserve(guess);

  std::atomic<std::size_t> next_chunk{0}, people_done{0};
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> scored{0}, met{0}, entries{0};
  std::mutex mu;  // guards pending, next_commit, res, error
  std::exception_ptr error;

  auto commit = [&](std::size_t c, ChunkOut&& out) {
    std::lock_guard<std::mutex> lock(mu);
    pending[c] = std::move(out);
    pending[c].done = true;
    while (next_commit < chunks && pending[next_commit].done) {
      ChunkOut& o = pending[next_commit];
      std::size_t k = 0;
      for (std::uint32_t cnt : o.counts) {
        for (std::uint32_t j = 0; j < cnt; ++j, ++k) {
          res.partner.push_back(people[o.who[k]].id);
          res.score.push_back(o.score[k]);
        }
        res.offsets.push_back(res.partner.size());
      }
      std::vector<std::uint32_t>().swap(o.counts);
      std::vector<Index>().swap(o.who);
      std::vector<double>().swap(o.score);
      ++next_commit;
    }
  };

  auto last_report = Clock::now();
  auto worker = [&](bool reporter) {
    try {
      auto searcher = make_searcher();
      for (;;) {
        if (stop.load(std::memory_order_relaxed)) break;
        std::size_t c = next_chunk.fetch_add(1);
        if (c >= chunks) break;
        ChunkOut out;
        std::size_t lo = c * kChunk, hi = std::min(n, lo + kChunk);
        out.counts.reserve(hi - lo);
        for (std::size_t i = lo; i < hi; ++i) {
          std::uint32_t cnt = 0;
          searcher.run(static_cast<Index>(i), [&](Index who, double s) {
            out.who.push_back(who);
            out.score.push_back(s);
            ++cnt;
          });
          out.counts.push_back(cnt);
        }
        commit(c, std::move(out));
        people_done.fetch_add(hi - lo);
        if (reporter && opt.progress) {
          auto now = Clock::now();
          if (now - last_report >= std::chrono::milliseconds(opt.progress_interval_ms)) {
            last_report = now;
            if (!opt.progress(people_done.load(), n)) stop.store(true);
          }
        }
      }
      scored.fetch_add(searcher.scored());
      met.fetch_add(searcher.met());
      entries.fetch_add(searcher.entries());
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
  };

  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, false);
  } catch (...) {
    stop.store(true);
    for (auto& th : pool) th.join();
    throw;
  }
  worker(true);
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
  if (stop.load() || next_commit != chunks) {
    TopPartnersResult cancelled;
    cancelled.cancelled = true;
    return cancelled;
  }
  res.candidates_scored = scored.load();
  res.candidates_met = met.load();
  res.index_entries = entries.load();
  if (opt.progress) opt.progress(n, n);
  return res;
}

}  // namespace

TopPartnersResult top_partners(const Person* people, std::size_t n, const TopPartnersOptions& options) {
  Exclusions ex = validate(people, n, options);
  const unsigned threads = thread_count(options, n);
  TopicIndex ix = build_index(people, n, threads);
  if (options.progress && !options.progress(0, n)) {
    TopPartnersResult cancelled;
    cancelled.cancelled = true;
    return cancelled;
  }
  return drive(people, n, options, threads, [&] { return Searcher(people, n, ix, ex, options); });
}

TopPartnersResult top_partners_brute_force(const Person* people, std::size_t n, const TopPartnersOptions& options) {
  Exclusions ex = validate(people, n, options);
  const unsigned threads = thread_count(options, n);
  if (options.progress && !options.progress(0, n)) {
    TopPartnersResult cancelled;
    cancelled.cancelled = true;
    return cancelled;
  }
  return drive(people, n, options, threads, [&] { return BruteSearcher(people, n, ex, options); });
}

}  // namespace rcp
