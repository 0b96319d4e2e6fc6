#include "top_partners.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
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
constexpr int kBuckets = 5;          // wanters of a topic, grouped by floor(level): [0,1) ... [4,5]
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

struct Giver {
  Index person;
  float level;  // rounded up
};
struct Wanter {
  Index person;
  float weight;  // normalised want, rounded up
  float level;   // rounded down
};

// One (person, topic) in compact form, for a cheap and safe bound of a pair's
// score before the exact rcp::score: levels as [lo, hi] in fiftieths.
constexpr double kLevelSteps = 50.0;
struct Held {
  std::uint32_t topic;
  float weight;         // normalised want, rounded up; 0 when not wanted
  std::uint8_t lo, hi;  // floor and ceil of level * 50
};

struct StepTable {
  double value[256];
  StepTable() {
    for (int i = 0; i < 256; ++i) value[i] = i / kLevelSteps;
  }
};
const StepTable kSteps;
inline double from_steps(std::uint8_t s) { return kSteps.value[s]; }
std::uint8_t steps_down(double level) {
  int s = static_cast<int>(std::floor(level * kLevelSteps));
  while (s > 0 && from_steps(static_cast<std::uint8_t>(s)) > level) --s;
  return static_cast<std::uint8_t>(s);
}
std::uint8_t steps_up(double level) {
  int s = static_cast<int>(std::ceil(level * kLevelSteps));
  while (s < 250 && from_steps(static_cast<std::uint8_t>(s)) < level) ++s;
  return static_cast<std::uint8_t>(s);
}

struct TopicIndex {
  std::size_t topics = 0;
  std::vector<std::uint32_t> person_offsets;  // n + 1: person i's topics are held[...]
  std::vector<Held> held;                     // in profile order
  std::vector<std::uint32_t> giver_offsets;   // topics + 1
  std::vector<Giver> givers;                  // per topic: level desc, person asc
  std::vector<std::uint32_t> wanter_offsets;  // topics * kBuckets + 1: per (topic, bucket)
  std::vector<Wanter> wanters;                // per (topic, bucket): weight desc, person asc
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

TopicIndex build_index(const Person* people, std::size_t n, unsigned threads) {
  TopicIndex ix;
  std::size_t total = 0;
  for (std::size_t i = 0; i < n; ++i) total += people[i].profile.size();
  if (total > std::numeric_limits<std::uint32_t>::max()) {
    fail(ErrorCode::too_large, "at most " + std::to_string(std::numeric_limits<std::uint32_t>::max()) + " topics over all profiles");
  }
  ix.person_offsets.resize(n + 1);
  ix.held.resize(total);
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ix.person_offsets[i] = static_cast<std::uint32_t>(pos);
    const ProfileView& p = people[i].profile;
    for (std::size_t j = 0; j < p.size(); ++j) {
      auto it = ids.try_emplace(p.topic(j), static_cast<std::uint32_t>(ids.size())).first;
      const double level = p.level(j), want = p.want(j);
      ix.held[pos++] = Held{it->second, want > 0.0 ? float_up(want / p.want_sum()) : 0.0f, steps_down(level),
                            steps_up(level)};
    }
  }
  ix.person_offsets[n] = static_cast<std::uint32_t>(pos);
  const std::size_t topics = ix.topics = ids.size();
  std::unordered_map<std::string_view, std::uint32_t>().swap(ids);

  ix.giver_offsets.assign(topics + 1, 0);
  ix.wanter_offsets.assign(topics * kBuckets + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const ProfileView& p = people[i].profile;
    for (std::size_t j = 0; j < p.size(); ++j) {
      std::uint32_t t = ix.held[ix.person_offsets[i] + j].topic;
      if (p.level(j) > 0.0) ++ix.giver_offsets[t + 1];
      if (p.want(j) > 0.0) ++ix.wanter_offsets[t * kBuckets + bucket_of(p.level(j)) + 1];
    }
  }
  for (std::size_t t = 0; t < topics; ++t) ix.giver_offsets[t + 1] += ix.giver_offsets[t];
  for (std::size_t s = 0; s < topics * kBuckets; ++s) ix.wanter_offsets[s + 1] += ix.wanter_offsets[s];
  ix.givers.resize(ix.giver_offsets[topics]);
  ix.wanters.resize(ix.wanter_offsets[topics * kBuckets]);
  {
    std::vector<std::uint32_t> gfill(ix.giver_offsets.begin(), ix.giver_offsets.end() - 1);
    std::vector<std::uint32_t> wfill(ix.wanter_offsets.begin(), ix.wanter_offsets.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const ProfileView& p = people[i].profile;
      for (std::size_t j = 0; j < p.size(); ++j) {
        std::uint32_t t = ix.held[ix.person_offsets[i] + j].topic;
        double level = p.level(j), want = p.want(j);
        if (level > 0.0) ix.givers[gfill[t]++] = Giver{static_cast<Index>(i), float_up(level)};
        if (want > 0.0) {
          ix.wanters[wfill[t * kBuckets + bucket_of(level)]++] =
              Wanter{static_cast<Index>(i), float_up(want / p.want_sum()), float_down(level)};
        }
      }
    }
  }
  // Filled in person order, so stable sorts by the bound give (bound desc, person asc).
  parallel_for(topics, threads, [&](std::size_t t) {
    std::stable_sort(ix.givers.begin() + ix.giver_offsets[t], ix.givers.begin() + ix.giver_offsets[t + 1],
                     [](const Giver& a, const Giver& b) { return a.level > b.level; });
    for (int b = 0; b < kBuckets; ++b) {
      std::size_t s = t * kBuckets + b;
      std::stable_sort(ix.wanters.begin() + ix.wanter_offsets[s], ix.wanters.begin() + ix.wanter_offsets[s + 1],
                       [](const Wanter& x, const Wanter& y) { return x.weight > y.weight; });
    }
  });
  return ix;
}

// ---------------------------------------------------------- per-person search

// Everything one worker thread reuses from person to person.
class Searcher {
 public:
  Searcher(const Person* people, std::size_t n, const TopicIndex& ix, const Exclusions& ex, const TopPartnersOptions& opt)
      : people_(people),
        ix_(ix),
        ex_(ex),
        mode_(opt.mode),
        best_(people, opt.k),
        seen_(n, 0),
        mark_give_(mode_ != Mode::mean ? n : 0, 0),
        mark_take_(mode_ != Mode::mean ? n : 0, 0),
        a_(ix.topics),
        a_bits_((ix.topics + 63) / 64, 0) {}

  std::uint64_t scored() const { return scored_; }
  std::uint64_t met() const { return met_; }

  template <typename Out>
  void run(Index a, Out&& out) {
    if (++epoch_ == 0) {
      std::fill(seen_.begin(), seen_.end(), 0);
      std::fill(mark_give_.begin(), mark_give_.end(), 0);
      std::fill(mark_take_.begin(), mark_take_.end(), 0);
      epoch_ = 1;
    }
    seen_[a] = epoch_;
    if (!ex_.offsets.empty()) {
      for (std::size_t e = ex_.offsets[a]; e < ex_.offsets[a + 1]; ++e) seen_[ex_.partners[e]] = epoch_;
    }
    a_index_ = a;
    build_lists(a);
    mark_sides();
    search();
    best_.drain(out);
    for (std::uint32_t h = ix_.person_offsets[a]; h < ix_.person_offsets[a + 1]; ++h) {
      a_[ix_.held[h].topic] = Mine{};
      a_bits_[ix_.held[h].topic / 64] = 0;
    }
  }

 private:
  // A list of people who know a topic that A wants, better than A.
  struct GiveList {
    std::uint32_t pos, end;
    std::uint32_t block;  // end of the run of entries with the frontier's level
    double weight;  // A's normalised want
    double level;   // A's level
  };
  // People who want a topic that A knows, in one level bucket.
  struct TakeList {
    std::uint32_t pos, end;
    std::uint32_t block;  // end of the run of entries with the frontier's weight
    double gap;    // (A's level - bucket floor) / 5: the largest gain per unit of want
    double level;  // A's level
  };

  void build_lists(Index a) {
    give_.clear();
    take_.clear();
    const ProfileView& p = people_[a].profile;
    const std::uint32_t base = ix_.person_offsets[a];
    for (std::size_t j = 0; j < p.size(); ++j) {
      const std::uint32_t t = ix_.held[base + j].topic;
      const double level = p.level(j), want = p.want(j);
      a_[t].level = level;
      a_bits_[t / 64] |= std::uint64_t{1} << (t % 64);
      if (want > 0.0) a_[t].weight = std::max(want / p.want_sum(), kTiny);
      if (want > 0.0) {
        auto first = ix_.givers.begin() + ix_.giver_offsets[t], last = ix_.givers.begin() + ix_.giver_offsets[t + 1];
        auto stop = std::partition_point(first, last, [&](const Giver& g) { return static_cast<double>(g.level) > level; });
        if (stop != first) {
          give_.push_back(GiveList{static_cast<std::uint32_t>(first - ix_.givers.begin()),
                                   static_cast<std::uint32_t>(stop - ix_.givers.begin()), 0, want / p.want_sum(), level});
          find_block(give_.back());
        }
      }
      if (level > 0.0) {
        for (int b = 0; b < kBuckets && b < level; ++b) {
          std::size_t s = std::size_t{t} * kBuckets + b;
          if (ix_.wanter_offsets[s] == ix_.wanter_offsets[s + 1]) continue;
          take_.push_back(TakeList{ix_.wanter_offsets[s], ix_.wanter_offsets[s + 1], 0, (level - b) / kMaxLevel, level});
          find_block(take_.back());
        }
      }
    }
    // The knapsack bound fills the largest gaps first.
    std::sort(take_.begin(), take_.end(), [](const TakeList& x, const TakeList& y) { return x.gap > y.gap; });
  }

  void find_block(GiveList& g) const {
    if (g.pos >= g.end) return;
    const float lv = ix_.givers[g.pos].level;
    auto first = ix_.givers.begin() + g.pos, last = ix_.givers.begin() + g.end;
    g.block = static_cast<std::uint32_t>(std::partition_point(first, last, [&](const Giver& e) { return e.level >= lv; }) -
                                         ix_.givers.begin());
  }
  void find_block(TakeList& t) const {
    if (t.pos >= t.end) return;
    const float w = ix_.wanters[t.pos].weight;
    auto first = ix_.wanters.begin() + t.pos, last = ix_.wanters.begin() + t.end;
    t.block = static_cast<std::uint32_t>(std::partition_point(first, last, [&](const Wanter& e) { return e.weight >= w; }) -
                                         ix_.wanters.begin());
  }

  double give_frontier(const GiveList& g) const {
    if (g.pos >= g.end) return 0.0;
    return inflate(g.weight * (static_cast<double>(ix_.givers[g.pos].level) - g.level) / kMaxLevel);
  }
  double take_cap(const TakeList& t) const {
    return t.pos < t.end ? static_cast<double>(ix_.wanters[t.pos].weight) : 0.0;
  }

  // What anyone not yet met gains from A at most: B's normalised wants add
  // up to at most 1, each is at most its list's frontier, each unit earns at
  // most its list's gap.
  double take_bound(double* marginal_gap) const {
    double room = 1.0, y = 0.0;
    *marginal_gap = 0.0;
    for (const TakeList& t : take_) {
      double cap = take_cap(t);
      if (cap <= 0.0) continue;
      double w = std::min(room, cap);
      y += w * t.gap;
      room -= w;
      if (room <= 0.0) {
        *marginal_gap = t.gap;
        break;
      }
    }
    return y;
  }

  // Outside mode mean a partner must be in a give list *and* a take list.
  // A side whose lists are short is marked in full: people met elsewhere who
  // are not marked on it score 0 and are skipped without a look. When only
  // one side is marked, only the other side is walked: every partner is on
  // both, so walking one side meets them all.
  void mark_sides() {
    check_give_ = check_take_ = false;
    walk_give_ = walk_take_ = true;
    if (mark_give_.empty() || give_.empty() || take_.empty()) return;
    std::size_t gives = 0, takes = 0;
    for (const GiveList& g : give_) gives += g.end - g.pos;
    for (const TakeList& t : take_) takes += t.end - t.pos;
    const std::size_t budget = std::max<std::size_t>(8192, mark_give_.size() / 4);
    if (gives <= budget && (takes <= budget || gives <= takes)) {
      for (const GiveList& g : give_)
        for (std::uint32_t i = g.pos; i < g.end; ++i) mark_give_[ix_.givers[i].person] = epoch_;
      check_give_ = true;
    }
    if (takes <= budget && (gives <= budget || takes < gives)) {
      for (const TakeList& t : take_) {
        for (std::uint32_t i = t.pos; i < t.end; ++i) {
          const Wanter& e = ix_.wanters[i];
          if (static_cast<double>(e.level) < t.level) mark_take_[e.person] = epoch_;
        }
      }
      check_take_ = true;
    }
    if (check_give_ != check_take_) {
      walk_give_ = !check_give_;
      walk_take_ = !check_take_;
    }
  }

  // Meeting people is memory bound: fetch the offsets of the person 16
  // entries ahead, and the compact profile of the one 8 ahead.
  template <typename Entry>
  void prefetch(const std::vector<Entry>& list, std::uint32_t pos, std::uint32_t end) const {
    if (pos + 16 < end) {
      Index p = list[pos + 16].person;
      __builtin_prefetch(&ix_.person_offsets[p]);
      __builtin_prefetch(&seen_[p]);
    }
    if (pos + 8 < end) {
      Index p = list[pos + 8].person;
      const Held* h = &ix_.held[ix_.person_offsets[p]];
      __builtin_prefetch(h);
      __builtin_prefetch(reinterpret_cast<const char*>(h) + 64);
      __builtin_prefetch(reinterpret_cast<const char*>(h) + 128);
    }
  }

  // A person met in a list: a cheap, safe bound of the pair's score from the
  // compact index first, the exact rcp::score only when it may enter the top k.
  void meet(Index b) {
    if (seen_[b] == epoch_) return;
    seen_[b] = epoch_;
    if (check_give_ && mark_give_[b] != epoch_) return;
    if (check_take_ && mark_take_[b] != epoch_) return;
    ++met_;
    double x = 0.0, y = 0.0;
    bool gives = false, takes = false;
    for (std::uint32_t i = ix_.person_offsets[b], e = ix_.person_offsets[b + 1]; i < e; ++i) {
      const Held& h = ix_.held[i];
      if (!(a_bits_[h.topic / 64] >> (h.topic % 64) & 1)) continue;  // not A's topic: no gain either way
      const double la = a_[h.topic].level, wa = a_[h.topic].weight;
      if (wa > 0.0) {
        double g = from_steps(h.hi) - la;
        if (g > 0.0) {
          x += wa * g;
          gives = true;
        }
      }
      if (h.weight > 0.0f) {
        double g = la - from_steps(h.lo);
        if (g > 0.0) {
          y += static_cast<double>(h.weight) * g;
          takes = true;
        }
      }
    }
    if (mode_ != Mode::mean ? !(gives && takes) : !(gives || takes)) return;
    if (best_.full() &&
        combine_bound(std::min(x / kMaxLevel, 1.0), std::min(y / kMaxLevel, 1.0), mode_) < best_.threshold()) {
      return;
    }
    ++scored_;
    best_.offer(rcp::score(people_[a_index_].profile, people_[b].profile, mode_), b);
  }

  void search() {
    const bool need_both = mode_ != Mode::mean;
    for (;;) {
      double X = 0.0;
      bool any_give = false, any_take = false;
      for (const GiveList& g : give_) {
        if (g.pos < g.end) {
          any_give = true;
          X += give_frontier(g);
        }
      }
      for (const TakeList& t : take_) any_take |= t.pos < t.end;
      if (need_both ? !(any_give && any_take) : !(any_give || any_take)) return;
      double marginal = 0.0;
      double Y = any_take ? inflate(take_bound(&marginal)) : 0.0;
      X = std::min(X, 1.0);
      if (best_.full() && combine_bound(X, Y, mode_) < best_.threshold()) return;

      // Advance the list whose next block of equal frontier lowers the bound
      // most per person met (a heuristic: any order is exact).
      const double now = combine(X, std::min(Y, 1.0), mode_);
      double best_rate = -1.0;
      int pick_give = -1, pick_take = -1;
      std::uint32_t pick_len = 0;
      for (std::size_t i = 0; walk_give_ && i < give_.size(); ++i) {
        const GiveList& g = give_[i];
        if (g.pos >= g.end) continue;
        std::uint32_t len = g.block - g.pos;
        double after_front = g.block >= g.end ? 0.0 : inflate(g.weight * (static_cast<double>(ix_.givers[g.block].level) - g.level) / kMaxLevel);
        double after = combine(std::min(X - give_frontier(g) + after_front, 1.0), std::min(Y, 1.0), mode_);
        double rate = (now - after) / len;
        if (rate > best_rate) {
          best_rate = rate;
          pick_give = static_cast<int>(i);
          pick_take = -1;
          pick_len = len;
        }
      }
      for (std::size_t i = 0; walk_take_ && i < take_.size(); ++i) {
        const TakeList& t = take_[i];
        if (t.pos >= t.end) continue;
        std::uint32_t len = t.block - t.pos;
        double after_cap = t.block >= t.end ? 0.0 : static_cast<double>(ix_.wanters[t.block].weight);
        // Freed capacity is refilled at the marginal gap of the knapsack.
        double dy = t.gap > marginal ? (take_cap(t) - after_cap) * (t.gap - marginal) : 0.0;
        double after = combine(std::min(X, 1.0), std::min(std::max(Y - dy, 0.0), 1.0), mode_);
        double rate = (now - after) / len;
        if (rate > best_rate) {
          best_rate = rate;
          pick_take = static_cast<int>(i);
          pick_give = -1;
          pick_len = len;
        }
      }
      const std::uint32_t step = std::clamp<std::uint32_t>(pick_len, 64, 1024);
      if (pick_give >= 0) {
        GiveList& g = give_[pick_give];
        std::uint32_t stop = std::min(g.end, g.pos + step);
        for (; g.pos < stop; ++g.pos) {
          prefetch(ix_.givers, g.pos, g.end);
          meet(ix_.givers[g.pos].person);
        }
        if (g.pos >= g.block) find_block(g);
      } else if (pick_take >= 0) {
        TakeList& t = take_[pick_take];
        std::uint32_t stop = std::min(t.end, t.pos + step);
        for (; t.pos < stop; ++t.pos) {
          prefetch(ix_.wanters, t.pos, t.end);
          const Wanter& e = ix_.wanters[t.pos];
          // Knows the topic as well as A: gains nothing from A here.
          if (static_cast<double>(e.level) >= t.level) continue;
          meet(e.person);
        }
        if (t.pos >= t.block) find_block(t);
      } else {
        return;  // unreachable: some list is open
      }
    }
  }

  const Person* people_;
  const TopicIndex& ix_;
  const Exclusions& ex_;
  Mode mode_;
  Best best_;
  std::vector<std::uint32_t> seen_;
  // epoch_ when in one of A's give (take) lists; not used in mode mean.
  std::vector<std::uint32_t> mark_give_, mark_take_;
  bool check_give_ = false, check_take_ = false;  // meet() requires the mark
  bool walk_give_ = true, walk_take_ = true;      // the search walks these lists

  std::uint32_t epoch_ = 0;
  std::uint64_t scored_ = 0, met_ = 0;
  struct Mine {
    double weight = 0.0;  // A's normalised want (0: not wanted)
    double level = 0.0;   // A's level (0: not held)
  };
  std::vector<Mine> a_;                 // by topic
  std::vector<std::uint64_t> a_bits_;   // by topic: A holds it (a small, cache-resident filter)
  Index a_index_ = 0;
  std::vector<GiveList> give_;
  std::vector<TakeList> take_;
};

// All pairs, for the reference.
class BruteSearcher {
 public:
  BruteSearcher(const Person* people, std::size_t n, const Exclusions& ex, const TopPartnersOptions& opt)
      : people_(people), n_(n), ex_(ex), mode_(opt.mode), best_(people, opt.k) {}
  std::uint64_t scored() const { return scored_; }
  std::uint64_t met() const { return scored_; }
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
  std::atomic<std::uint64_t> scored{0}, met{0};
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
