// reciprocity core: people's int64 ids to dense indices 0..n-1 in id order,
// for the matching façade and engines.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace rcp {

class IdIndex {
 public:
  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  IdIndex() = default;
  // From ids with repeats. Ids spanning a range not much wider than their
  // count (employee numbers, row ids) are deduplicated by direct addressing,
  // which also makes find() a table lookup; others are sorted, and find()
  // searches them.
  explicit IdIndex(std::vector<std::int64_t> ids) : ids_(std::move(ids)) {
    if (ids_.empty()) return;
    const auto [lo, hi] = std::minmax_element(ids_.begin(), ids_.end());
    const std::uint64_t range = static_cast<std::uint64_t>(*hi) - static_cast<std::uint64_t>(*lo);
    if (range >= 4 * static_cast<std::uint64_t>(ids_.size()) + 4096) {
      std::sort(ids_.begin(), ids_.end());
      ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
      return;
    }
    base_ = *lo;
    direct_.assign(static_cast<std::size_t>(range) + 1, npos);
    for (std::int64_t id : ids_) direct_[offset(id)] = 0;
    ids_.clear();
    for (std::size_t off = 0; off < direct_.size(); ++off) {
      if (direct_[off] == npos) continue;
      direct_[off] = static_cast<std::uint32_t>(ids_.size());
      ids_.push_back(static_cast<std::int64_t>(static_cast<std::uint64_t>(base_) + off));
    }
  }

  // Ascending, unique: index -> id.
  const std::vector<std::int64_t>& ids() const noexcept { return ids_; }
  std::size_t size() const noexcept { return ids_.size(); }

  // The index of id, or npos.
  std::uint32_t find(std::int64_t id) const noexcept {
    if (!direct_.empty()) {
      const std::uint64_t off = offset(id);
      return off < direct_.size() ? direct_[off] : npos;
    }
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? static_cast<std::uint32_t>(it - ids_.begin()) : npos;
  }
  bool contains(std::int64_t id) const noexcept { return find(id) != npos; }

 private:
  std::uint64_t offset(std::int64_t id) const noexcept {
    return static_cast<std::uint64_t>(id) - static_cast<std::uint64_t>(base_);  // wraps below base: out of range
  }
  std::vector<std::int64_t> ids_;
  std::int64_t base_ = 0;
  std::vector<std::uint32_t> direct_;
};

}  // namespace rcp
