// reciprocity core: the k best candidates by score.
//
// Order: score descending, then id ascending (the documented tie-break of
// best_partner / best_partners / top_partners). Scores <= 0 are skipped (no
// two-way gain). An id seen more than once keeps its highest score.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace rcp {

template <typename Id, typename Less = std::less<Id>>
class TopK {
 public:
  explicit TopK(std::uint64_t k) : k_(k) {}

  std::uint64_t k() const noexcept { return k_; }
  std::size_t size() const noexcept { return ranked_.size(); }

  void add(const Id& id, double score) {
    if (!(score > 0.0) || k_ == 0) return;
    if (ranked_.size() == k_ && !better(score, id, *std::prev(ranked_.end()))) return;
    auto seen = best_.find(id);
    if (seen != best_.end()) {
      if (score <= seen->second) return;
      ranked_.erase(Entry{seen->second, id});
      seen->second = score;
    } else {
      best_.emplace(id, score);
    }
    ranked_.insert(Entry{score, id});
    if (ranked_.size() > k_) {
      auto last = std::prev(ranked_.end());
      best_.erase(last->second);
      ranked_.erase(last);
    }
  }

  // Best first.
  std::vector<std::pair<Id, double>> sorted() const {
    std::vector<std::pair<Id, double>> out;
    out.reserve(ranked_.size());
    for (const auto& e : ranked_) out.emplace_back(e.second, e.first);
    return out;
  }

 private:
  using Entry = std::pair<double, Id>;
  static bool better(double s, const Id& id, const Entry& e) {
    if (s != e.first) return s > e.first;
    return Less()(id, e.second);
  }
  struct Order {
    bool operator()(const Entry& x, const Entry& y) const { return better(x.first, x.second, y); }
  };
  std::uint64_t k_;
  std::set<Entry, Order> ranked_;
  std::map<Id, double, Less> best_;
};

}  // namespace rcp
