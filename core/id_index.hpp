// reciprocity core: people's int64 ids to dense indices 0..n-1, for the
// matching façade and engines: in id order (IdIndex), or in first-seen order
// while reading rows once (IdInterner).
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

// Ids to dense indices in first-seen order, one id at a time, for inputs
// read in a single pass (the number of distinct ids is not known up front, so
// IdIndex's table cannot be sized): an open-addressing hash table, kept at
// most half full. ids() lists the ids in the order they were first seen.
class IdInterner {
 public:
  static constexpr std::uint32_t npos = IdIndex::npos;

  // The index of id, giving it the next index if it is new.
  std::uint32_t intern(std::int64_t id) {
    if (2 * (ids_.size() + 1) > slots_.size()) grow();
    const std::uint32_t index = place(id);
    if (index == ids_.size()) ids_.push_back(id);
    return index;
  }
  // First-seen order: index -> id.
  const std::vector<std::int64_t>& ids() const noexcept { return ids_; }
  std::size_t size() const noexcept { return ids_.size(); }

 private:
  struct Slot {
    std::int64_t id = 0;
    std::uint32_t index = npos;
  };
  // The slot holding id, or the empty one that takes it as index ids_.size().
  std::uint32_t place(std::int64_t id) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t h = home(id);; h = (h + 1) & mask) {
      Slot& s = slots_[h];
      if (s.index == npos) {
        s = {id, static_cast<std::uint32_t>(ids_.size())};
        return s.index;
      }
      if (s.id == id) return s.index;
    }
  }
  void grow() {
    const std::size_t size = slots_.empty() ? 16 : 2 * slots_.size();
    shift_ = 64;
    for (std::size_t s = size; s > 1; s >>= 1) --shift_;
    slots_.assign(size, Slot{});
    for (std::uint32_t k = 0; k < ids_.size(); ++k) {
      std::size_t h = home(ids_[k]);
      while (slots_[h].index != npos) h = (h + 1) & (size - 1);
      slots_[h] = {ids_[k], k};
    }
  }
  // Fibonacci hashing: the top bits of the product, well mixed even for
  // consecutive ids.
  std::size_t home(std::int64_t id) const noexcept {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15u) >> shift_);
  }

  std::vector<std::int64_t> ids_;
  std::vector<Slot> slots_;  // a power of two in size
  unsigned shift_ = 64;      // 64 - log2(slots_.size()): the hash is the product's top bits
};

}  // namespace rcp
