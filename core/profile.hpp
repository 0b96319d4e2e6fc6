// reciprocity core: profiles and their binary format.
//
// A profile is what one person brings (level per topic, in [0, 5]) and seeks
// (want per topic, >= 0, normalised per person when scoring). See DESIGN.md §1
// and docs/profile-format.md for the byte layout.
//
// There is one representation: the versioned blob. `Profile` owns one,
// `ProfileView` reads one in place (a SQLite BLOB, a C buffer, Python bytes)
// after validating it. Scoring works on views, so it never copies or allocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rcp {

constexpr double kMaxLevel = 5.0;
constexpr std::size_t kMaxTopics = std::size_t{1} << 20;  // topics in one profile
constexpr std::size_t kMaxTopicBytes = 1024;              // bytes in one canonical topic name

// Format v1 constants (docs/profile-format.md).
constexpr unsigned char kMagic[4] = {'R', 'c', 'p', 'P'};
constexpr std::uint16_t kFormatVersion = 1;
constexpr std::size_t kHeaderBytes = 16;
constexpr std::size_t kBytesPerTopic = 8 + 8 + 8 + 4;  // key, level, want, name end

// The canonical form of a topic name: ASCII white space trimmed at both ends,
// ASCII letters lower-cased; other bytes kept. Throws rcp::Error
// (invalid_argument) when the result is empty, longer than kMaxTopicBytes,
// contains a NUL byte or is not valid UTF-8.
std::string canonical_topic(std::string_view raw);

// The 64-bit sort key of a canonical name: its first 8 bytes, big-endian,
// zero-padded. Ordering by (key, then whole name) is plain byte order.
std::uint64_t topic_key(std::string_view canonical) noexcept;

// Checks a level and a want; throws invalid_argument naming the topic.
void check_level_want(std::string_view topic, double level, double want);

// True if `s` is valid UTF-8 (NUL bytes allowed).
bool is_valid_utf8(std::string_view s) noexcept;

// User text for a message: at most `max` bytes (a longer text is cut to
// max - 3 bytes, never inside a UTF-8 character, plus "..."), a NUL or an
// invalid UTF-8 byte shown as '?' and other control bytes as ' ', so the
// message stays one readable line of valid UTF-8 (SQLite cuts a message at a
// NUL; Python cannot decode invalid UTF-8). `max` must be at least 4.
std::string message_text(std::string_view s, std::size_t max);

// A validated, read-only view over profile bytes. It does not own them.
class ProfileView {
 public:
  ProfileView() = default;

  // Validates `size` bytes at `data` as a profile. On success fills *out and
  // returns true. On failure returns false and, if `why` is not null, stores
  // the reason there. Never throws, never allocates unless `why` is set.
  static bool parse(const void* data, std::size_t size, ProfileView* out, std::string* why = nullptr) noexcept;

  // Like parse, but throws rcp::Error(bad_profile, reason) on failure.
  static ProfileView parse_or_throw(const void* data, std::size_t size);

  // The slow, message-producing validator that parse() falls back to when its
  // lean check rejects. Both accept exactly the same byte strings (a test
  // checks it on every single-byte mutation of sample blobs).
  static bool parse_reference(const void* data, std::size_t size, ProfileView* out, std::string* why) noexcept;

  std::size_t size() const noexcept { return n_; }
  bool empty() const noexcept { return n_ == 0; }
  double want_sum() const noexcept { return want_sum_; }

  std::uint64_t key(std::size_t i) const noexcept { return load<std::uint64_t>(keys_ + 8 * i); }
  double level(std::size_t i) const noexcept { return load<double>(levels_ + 8 * i); }
  double want(std::size_t i) const noexcept { return load<double>(wants_ + 8 * i); }
  std::string_view topic(std::size_t i) const noexcept {
    std::uint32_t begin = i == 0 ? 0 : load<std::uint32_t>(ends_ + 4 * (i - 1));
    std::uint32_t end = load<std::uint32_t>(ends_ + 4 * i);
    return {reinterpret_cast<const char*>(names_) + begin, end - begin};
  }
  // Index of a canonical topic, or size() when absent. O(log n).
  std::size_t find(std::string_view canonical) const noexcept;

  const unsigned char* bytes() const noexcept { return data_; }
  // Views the same layout at another address (a copy of the bytes).
  ProfileView rebased(const unsigned char* data) const noexcept;
  std::size_t byte_size() const noexcept { return bytes_; }

  template <typename T>
  static T load(const unsigned char* p) noexcept {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }

 private:
  friend class ProfileParseCache;
  static bool parse_fast(const void* data, std::size_t size, ProfileView* out) noexcept;
  void set_layout(const unsigned char* p, std::size_t size, std::size_t n) noexcept;
  const unsigned char* data_ = nullptr;
  std::size_t bytes_ = 0;
  std::size_t n_ = 0;
  double want_sum_ = 0.0;
  const unsigned char* keys_ = nullptr;
  const unsigned char* levels_ = nullptr;
  const unsigned char* wants_ = nullptr;
  const unsigned char* ends_ = nullptr;
  const unsigned char* names_ = nullptr;
};

// Remembers blobs that validated, so bytes seen again (the same stored
// profile met on every pass of a join) are checked with one memcmp against
// the remembered copy instead of a full validation. A hit needs byte-for-byte
// equality with bytes that passed parse(), so it is exactly as strict. A few
// sampled words of the bytes only pick the slot to look in. Direct-mapped:
// kSlots slots, blobs up to kMaxEntryBytes, at most kMaxBytes in all. Not
// thread-safe: keep one per thread.
class ProfileParseCache {
 public:
  static constexpr std::size_t kSlots = 16384;
  static constexpr std::size_t kMaxEntryBytes = 4096;
  static constexpr std::size_t kMaxBytes = 16u << 20;

  bool parse(const void* data, std::size_t size, ProfileView* out) noexcept;

 private:
  struct Slot {
    std::vector<unsigned char> bytes;
    double want_sum = 0.0;
  };
  std::vector<Slot> slots_;
  std::size_t bytes_ = 0;
};

// An immutable profile that owns its blob.
class Profile {
 public:
  Profile();  // the empty profile
  Profile(const Profile& other) : blob_(other.blob_) { reparse(); }
  // A moved-from Profile reads as empty (its view no longer points anywhere).
  Profile(Profile&& other) noexcept : blob_(std::move(other.blob_)) {
    reparse();
    other.view_ = ProfileView();
  }
  Profile& operator=(const Profile& other) {
    blob_ = other.blob_;
    reparse();
    return *this;
  }
  Profile& operator=(Profile&& other) noexcept {
    if (this != &other) {
      blob_ = std::move(other.blob_);
      reparse();
      other.view_ = ProfileView();
    }
    return *this;
  }

  // Validates and copies a blob; throws rcp::Error(bad_profile) if invalid.
  static Profile from_blob(const void* data, std::size_t size);

  const ProfileView& view() const noexcept { return view_; }
  const std::vector<unsigned char>& blob() const noexcept { return blob_; }
  std::size_t size() const noexcept { return view_.size(); }

  friend bool operator==(const Profile& a, const Profile& b) noexcept { return a.blob_ == b.blob_; }
  friend bool operator!=(const Profile& a, const Profile& b) noexcept { return !(a == b); }

 private:
  friend class ProfileBuilder;
  explicit Profile(std::vector<unsigned char> blob);
  void reparse() noexcept;
  std::vector<unsigned char> blob_;
  ProfileView view_;
};

// Collects topics, then builds a Profile. Topic names are canonicalised.
class ProfileBuilder {
 public:
  // Adds a topic. Seen before (after canonicalisation): keeps the larger level
  // and the larger want. Throws invalid_argument on a bad name or value.
  void merge(std::string_view topic, double level, double want);
  // Sets a topic, replacing whatever it had.
  void set(std::string_view topic, double level, double want);
  // Removes a topic; returns whether it was there.
  bool remove(std::string_view topic);

  std::size_t size() const noexcept { return entries_.size(); }
  void clear() noexcept { entries_.clear(); }

  // Throws too_large past kMaxTopics topics, invalid_argument when the wants
  // add up to more than a double holds.
  Profile build() const;

 private:
  struct Entry {
    double level;
    double want;
  };
  void upsert(std::string_view topic, double level, double want, bool keep_max);
  std::map<std::string, Entry, std::less<>> entries_;
};

// JSON form: {"python": {"level": 4}, "finance": {"level": 1, "want": 3}}.
// A missing or null level/want counts as 0; a topic given twice (after
// canonicalisation) keeps the larger level and want; other keys are errors.
Profile profile_from_json(std::string_view json);
// The JSON form back: topics in byte order, "want" only when it is above 0.
std::string profile_to_json(const ProfileView& p);

}  // namespace rcp
