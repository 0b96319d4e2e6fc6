#include "profile.hpp"

#include <algorithm>
#include <cmath>
#include <new>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "error.hpp"
#include "json.hpp"

namespace rcp {

namespace {

bool is_ascii_space(unsigned char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Length of the valid UTF-8 sequence starting at p[0] (p[0] >= 0x80), or 0.
std::size_t utf8_seq(const unsigned char* p, std::size_t n) noexcept {
  unsigned char c = p[0];
  auto cont = [&](std::size_t i) { return (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (n < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] >= 0xA0) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (n < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

// Why a name is not canonical, or nullptr if it is.
const char* canonical_problem(const unsigned char* p, std::size_t n) noexcept {
  if (n == 0) return "is empty";
  if (n > kMaxTopicBytes) return "is longer than 1024 bytes";
  if (is_ascii_space(p[0]) || is_ascii_space(p[n - 1])) return "has surrounding white space";
  for (std::size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0) return "contains a NUL byte";
      if (c >= 'A' && c <= 'Z') return "has upper-case letters";
      ++i;
      continue;
    }
    std::size_t len = utf8_seq(p + i, n - i);
    if (len == 0) return "is not valid UTF-8";
    i += len;
  }
  return nullptr;
}

// A pre-check over a whole byte range: true if every byte is ASCII, not NUL
// and not an upper-case letter. A false answer is settled name by name.
// `p` must have at least 16 readable bytes before it (the blob header).
bool all_plain_lower_ascii(const unsigned char* p, std::size_t n) noexcept {
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128(), below_a = _mm_set1_epi8('A' - 1), above_z = _mm_set1_epi8('Z' + 1);
  auto bad_bits = [&](__m128i v) {
    // Non-ASCII bytes are negative as signed bytes: their sign bit shows in
    // movemask, and they never fall in the signed range ['A', 'Z'].
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, below_a), _mm_cmplt_epi8(v, above_z));
    return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, zero), upper), v));
  };
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    if (bad_bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)))) return false;
  }
  if (i < n) {
    // The last 16 bytes of the range, overlapping what was checked; only the
    // top (n - i) lanes belong to the range.
    int bits = bad_bits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));
    if (bits >> (16 - (n - i))) return false;
  }
  return true;
#else
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & highs) return false;
    std::uint64_t zero = (w - ones) & ~w & highs;
    std::uint64_t upper = (w + 0x3F * ones) & ~(w + 0x25 * ones) & highs;
    if (zero | upper) return false;
  }
  for (; i < n; ++i) {
    unsigned char c = p[i];
    if (c == 0 || c >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
#endif
}

// s cut to at most `max` bytes (then "...") on a character boundary, valid
// UTF-8 without NUL (SQLite cuts a message at a NUL; Python cannot decode
// invalid UTF-8): a NUL or an invalid byte shows as '?', and with
// blank_controls other control characters as ' '.
std::string safe_text(std::string_view s, std::size_t max, bool blank_controls) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t limit = s.size() > max ? max - 3 : s.size();
  std::string out;
  for (std::size_t i = 0; i < limit;) {
    std::size_t len = p[i] < 0x80 ? 1 : utf8_seq(p + i, s.size() - i);
    if (len == 0 || p[i] == 0) {
      out += '?';
      ++i;
      continue;
    }
    if (i + len > limit) break;
    if (blank_controls && (p[i] < 0x20 || p[i] == 0x7F)) out += ' ';
    else out.append(s.substr(i, len));
    i += len;
  }
  if (limit < s.size()) out += "...";
  return out;
}

// For messages: a name in quotes, at most 64 bytes of it.
std::string quoted(std::string_view s) { return "'" + safe_text(s, 64, false) + "'"; }

std::string fmt(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  std::string s;
  json::append_number(s, v);
  return s;
}

bool set_why(std::string* why, std::string msg) {
  if (why) *why = std::move(msg);
  return false;
}

}  // namespace

bool is_valid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = p[i] < 0x80 ? 1 : utf8_seq(p + i, s.size() - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string message_text(std::string_view s, std::size_t max) { return safe_text(s, max, true); }

std::string canonical_topic(std::string_view raw) {
  std::size_t b = 0, e = raw.size();
  while (b < e && is_ascii_space(static_cast<unsigned char>(raw[b]))) ++b;
  while (e > b && is_ascii_space(static_cast<unsigned char>(raw[e - 1]))) --e;
  std::string out(raw.substr(b, e - b));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (out.empty()) fail(ErrorCode::invalid_argument, "topic name is empty");
  const char* problem = canonical_problem(reinterpret_cast<const unsigned char*>(out.data()), out.size());
  if (problem) {
    if (out.size() > kMaxTopicBytes) {
      fail(ErrorCode::invalid_argument, "topic name " + quoted(out) + " is longer than " +
                                            std::to_string(kMaxTopicBytes) + " bytes (" +
                                            std::to_string(out.size()) + ")");
    }
    std::string shown = out;
    for (char& c : shown)
      if (c == '\0') c = '?';
    // Invalid UTF-8 must not reach messages verbatim.
    if (std::string(problem) == "is not valid UTF-8") fail(ErrorCode::invalid_argument, "topic name is not valid UTF-8");
    fail(ErrorCode::invalid_argument, "topic name " + quoted(shown) + " " + problem);
  }
  return out;
}

std::uint64_t topic_key(std::string_view c) noexcept {
  std::uint64_t k = 0;
  std::size_t n = c.size() < 8 ? c.size() : 8;
  for (std::size_t i = 0; i < n; ++i) k |= std::uint64_t{static_cast<unsigned char>(c[i])} << (56 - 8 * i);
  return k;
}

void check_level_want(std::string_view topic, double level, double want) {
  if (!std::isfinite(level)) fail(ErrorCode::invalid_argument, "level " + fmt(level) + " for topic " + quoted(topic) + " is not a finite number");
  if (level < 0.0 || level > kMaxLevel) fail(ErrorCode::invalid_argument, "level " + fmt(level) + " for topic " + quoted(topic) + " is outside [0, 5]");
  if (!std::isfinite(want)) fail(ErrorCode::invalid_argument, "want " + fmt(want) + " for topic " + quoted(topic) + " is not a finite number");
  if (want < 0.0) fail(ErrorCode::invalid_argument, "want " + fmt(want) + " for topic " + quoted(topic) + " is negative");
}

// ---------------------------------------------------------------- ProfileView

void ProfileView::set_layout(const unsigned char* p, std::size_t size, std::size_t n) noexcept {
  data_ = p;
  bytes_ = size;
  n_ = n;
  keys_ = p + kHeaderBytes;
  levels_ = keys_ + 8 * n;
  wants_ = levels_ + 8 * n;
  ends_ = wants_ + 8 * n;
  names_ = ends_ + 4 * n;
}

ProfileView ProfileView::rebased(const unsigned char* data) const noexcept {
  ProfileView v = *this;
  v.set_layout(data, bytes_, n_);
  return v;
}

namespace {
// The first 8 bytes of the name at names[begin, begin+len), as a key. The name
// area ends the blob, so only the last names can be too close to its end for
// one 8-byte load.
inline std::uint64_t name_key(const unsigned char* names, std::size_t names_len, std::size_t begin,
                              std::size_t len) noexcept {
  std::uint64_t w;
  if (begin + 8 <= names_len) {
    std::memcpy(&w, names + begin, 8);
  } else {
    // Load the 8 bytes that end the area (the header lies before it, so this
    // stays inside the blob) and shift the ones from `begin` down.
    std::memcpy(&w, names + names_len - 8, 8);
    w >>= 8 * (begin + 8 - names_len);
  }
  w = __builtin_bswap64(w);
  if (len < 8) w &= ~std::uint64_t{0} << (8 * (8 - len));
  return w;
}

// 1 for the bytes is_ascii_space() accepts.
constexpr struct EdgeSpace {
  bool v[256];
  constexpr EdgeSpace() : v() {
    for (int c = 0; c < 256; ++c) v[c] = c == ' ' || (c >= '\t' && c <= '\r');
  }
  constexpr bool operator[](std::size_t c) const { return v[c]; }
} kEdgeSpace{};
}  // namespace

// The lean check used on every read: same verdicts as parse_reference, no messages.
bool ProfileView::parse_fast(const void* data, std::size_t size, ProfileView* out) noexcept {
  const auto* p = static_cast<const unsigned char*>(data);
  if (p == nullptr || size < kHeaderBytes || std::memcmp(p, kMagic, 4) != 0) return false;
  if (load<std::uint16_t>(p + 4) != kFormatVersion || load<std::uint16_t>(p + 6) != 0) return false;
  const std::uint32_t n = load<std::uint32_t>(p + 8);
  const std::uint32_t names_len = load<std::uint32_t>(p + 12);
  if (n > kMaxTopics) return false;
  if (kHeaderBytes + std::uint64_t{n} * kBytesPerTopic + names_len != size) return false;
  ProfileView v;
  v.set_layout(p, size, n);

  // Non-negative doubles order like their bit patterns, and a set sign bit
  // (negative values, -0.0) makes a pattern larger than any of them: a level
  // is in [+0, 5] iff its bits are at most those of 5.0, a want is finite and
  // >= +0 iff its bits are below those of +Inf. NaNs lie above +Inf.
  constexpr std::uint64_t kFiveBits = 0x4014000000000000ULL, kInfBits = 0x7FF0000000000000ULL;
  bool ok = true;
  double sum = 0.0;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint64_t l = load<std::uint64_t>(v.levels_ + 8 * std::size_t{i});
    std::uint64_t w = load<std::uint64_t>(v.wants_ + 8 * std::size_t{i});
    ok &= (l <= kFiveBits) & (w < kInfBits);
    sum += load<double>(v.wants_ + 8 * std::size_t{i});
  }
  if (!ok || !(sum <= 1.7976931348623157e308)) return false;

  // Name ends: each name 1..kMaxTopicBytes long, the last ending the area.
  // (An end below its predecessor wraps to a huge length.)
  std::uint32_t prev_end = 0;
  bool bad = false;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t end = load<std::uint32_t>(v.ends_ + 4 * std::size_t{i});
    bad |= end - prev_end - 1 >= kMaxTopicBytes;
    prev_end = end;
  }
  if (bad || prev_end != names_len) return false;

  // Keys: each the prefix of its name, strictly ascending (equal keys are
  // settled by the names below); no name starts or ends with white space.
  std::uint64_t prev_key = 0;
  bool tie = false;
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t end = load<std::uint32_t>(v.ends_ + 4 * std::size_t{i});
    std::uint64_t key = load<std::uint64_t>(v.keys_ + 8 * std::size_t{i});
    bad |= key != name_key(v.names_, names_len, begin, end - begin);
    bad |= kEdgeSpace[key >> 56] | kEdgeSpace[v.names_[end - 1]];
    bad |= key < prev_key;
    tie |= (key == prev_key) & (i > 0);
    prev_key = key;
    begin = end;
  }
  if (bad) return false;
  if (tie) {
    for (std::uint32_t i = 1; i < n; ++i) {
      if (v.key(i - 1) == v.key(i) && !(v.topic(i - 1) < v.topic(i))) return false;
    }
  }
  if (!all_plain_lower_ascii(v.names_, names_len)) {
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string_view t = v.topic(i);
      if (canonical_problem(reinterpret_cast<const unsigned char*>(t.data()), t.size())) return false;
    }
  }
  v.want_sum_ = sum;
  *out = v;
  return true;
}

bool ProfileView::parse(const void* data, std::size_t size, ProfileView* out, std::string* why) noexcept {
  ProfileView v;
  if (parse_fast(data, size, &v)) {
    if (out) *out = v;
    return true;
  }
  if (why) {
    if (parse_reference(data, size, nullptr, why)) *why = "internal error: the two profile validators disagree";
  }
  return false;
}

bool ProfileParseCache::parse(const void* data, std::size_t size, ProfileView* out) noexcept {
  if (size > kMaxEntryBytes || size < kHeaderBytes) return ProfileView::parse_fast(data, size, out);
  // The slot comes from a few words sampled across the bytes (not from their
  // address: SQLite may hand every row's BLOB over in one reused buffer).
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = size * 0x9E3779B97F4A7C15ULL;
  for (std::size_t at : {std::size_t{8}, std::size_t{16}, size / 2 - 4, size - 8}) {
    h = (h ^ ProfileView::load<std::uint64_t>(p + (at + 8 <= size ? at : size - 8))) * 0xBF58476D1CE4E5B9ULL;
  }
  std::size_t index = static_cast<std::size_t>(h >> 40) % kSlots;
  if (!slots_.empty()) {
    Slot& slot = slots_[index];
    if (slot.bytes.size() == size && std::memcmp(data, slot.bytes.data(), size) == 0) {
      ProfileView v;
      v.set_layout(static_cast<const unsigned char*>(data), size, ProfileView::load<std::uint32_t>(slot.bytes.data() + 8));
      v.want_sum_ = slot.want_sum;
      *out = v;
      return true;
    }
  }
  if (!ProfileView::parse_fast(data, size, out)) return false;
  try {
    if (slots_.empty()) slots_.resize(kSlots);
    Slot& slot = slots_[index];
    if (bytes_ - slot.bytes.capacity() + size <= kMaxBytes) {
      bytes_ -= slot.bytes.capacity();
      slot.bytes.assign(static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + size);
      bytes_ += slot.bytes.capacity();
      slot.want_sum = out->want_sum_;
    }
  } catch (...) {  // out of memory: the cache simply does not remember
  }
  return true;
}

bool ProfileView::parse_reference(const void* data, std::size_t size, ProfileView* out, std::string* why) noexcept {
  try {
    const auto* p = static_cast<const unsigned char*>(data);
    if (p == nullptr || size < kHeaderBytes) {
      return set_why(why, "truncated: " + std::to_string(size) + " bytes, a profile has at least " +
                              std::to_string(kHeaderBytes));
    }
    if (std::memcmp(p, kMagic, 4) != 0) return set_why(why, "bad magic bytes");
    std::uint16_t version = load<std::uint16_t>(p + 4);
    std::uint16_t flags = load<std::uint16_t>(p + 6);
    if (version != kFormatVersion) {
      return set_why(why, "unsupported format version " + std::to_string(version) + " (this build reads version " +
                              std::to_string(kFormatVersion) + ")");
    }
    if (flags != 0) return set_why(why, "unknown flags " + std::to_string(flags));
    std::uint32_t n = load<std::uint32_t>(p + 8);
    std::uint32_t names_len = load<std::uint32_t>(p + 12);
    if (n > kMaxTopics) return set_why(why, "topic count " + std::to_string(n) + " is over the limit of " + std::to_string(kMaxTopics));
    std::uint64_t expect = kHeaderBytes + std::uint64_t{n} * kBytesPerTopic + names_len;
    if (expect != size) {
      return set_why(why, (size < expect ? "truncated: " : "wrong length: ") + std::to_string(size) +
                              " bytes, the header says " + std::to_string(expect));
    }
    ProfileView v;
    v.data_ = p;
    v.bytes_ = size;
    v.n_ = n;
    v.keys_ = p + kHeaderBytes;
    v.levels_ = v.keys_ + 8 * std::size_t{n};
    v.wants_ = v.levels_ + 8 * std::size_t{n};
    v.ends_ = v.wants_ + 8 * std::size_t{n};
    v.names_ = v.ends_ + 4 * std::size_t{n};

    // Name bytes: one fast pass over the whole area; names that fail it are
    // checked one by one below.
    bool plain = all_plain_lower_ascii(v.names_, names_len);

    double sum = 0.0;
    std::uint32_t prev_end = 0;
    std::uint64_t prev_key = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
      std::uint32_t end = load<std::uint32_t>(v.ends_ + 4 * std::size_t{i});
      if (end <= prev_end || end > names_len || end - prev_end > kMaxTopicBytes) {
        return set_why(why, "bad name offsets at topic " + std::to_string(i));
      }
      const unsigned char* name = v.names_ + prev_end;
      std::size_t len = end - prev_end;
      std::string_view sv(reinterpret_cast<const char*>(name), len);
      if (is_ascii_space(name[0]) || is_ascii_space(name[len - 1])) {
        return set_why(why, "topic " + std::to_string(i) + " is not canonical: it has surrounding white space");
      }
      if (!plain) {
        if (const char* problem = canonical_problem(name, len)) {
          return set_why(why, "topic " + std::to_string(i) + " is not canonical: it " + problem);
        }
      }
      std::uint64_t key = load<std::uint64_t>(v.keys_ + 8 * std::size_t{i});
      if (key != topic_key(sv)) return set_why(why, "topic " + std::to_string(i) + " has a wrong sort key");
      if (i > 0) {
        bool ordered = prev_key < key;
        if (prev_key == key) {
          std::uint32_t pb = i >= 2 ? load<std::uint32_t>(v.ends_ + 4 * std::size_t{i - 2}) : 0;
          std::string_view prev(reinterpret_cast<const char*>(v.names_ + pb), prev_end - pb);
          ordered = prev < sv;
        }
        if (!ordered) return set_why(why, "topics are not sorted and unique at topic " + std::to_string(i));
      }
      double level = load<double>(v.levels_ + 8 * std::size_t{i});
      double want = load<double>(v.wants_ + 8 * std::size_t{i});
      if (!(level >= 0.0 && level <= kMaxLevel)) {
        return set_why(why, "level " + fmt(level) + " for topic " + quoted(sv) + " is outside [0, 5]");
      }
      if (!(want >= 0.0 && want <= 1.7976931348623157e308)) {
        return set_why(why, "want " + fmt(want) + " for topic " + quoted(sv) + " is not a finite number >= 0");
      }
      // One profile, one blob: the builder writes +0.0, never -0.0.
      if (std::signbit(level)) return set_why(why, "level for topic " + quoted(sv) + " is -0 (zero is stored as +0)");
      if (std::signbit(want)) return set_why(why, "want for topic " + quoted(sv) + " is -0 (zero is stored as +0)");
      sum += want;
      prev_end = end;
      prev_key = key;
    }
    if (prev_end != names_len) return set_why(why, "name area has trailing bytes");
    if (!std::isfinite(sum)) return set_why(why, "wants add up to more than a double holds");
    v.want_sum_ = sum;
    if (out) *out = v;
    return true;
  } catch (...) {  // only std::bad_alloc from building a message
    if (why) why->clear();
    return false;
  }
}

ProfileView ProfileView::parse_or_throw(const void* data, std::size_t size) {
  ProfileView v;
  std::string why;
  if (!parse(data, size, &v, &why)) fail(ErrorCode::bad_profile, why.empty() ? "invalid profile" : why);
  return v;
}

std::size_t ProfileView::find(std::string_view c) const noexcept {
  std::uint64_t k = topic_key(c);
  std::size_t lo = 0, hi = n_;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    std::uint64_t mk = key(mid);
    bool less = mk < k || (mk == k && topic(mid) < c);
    if (less) lo = mid + 1;
    else hi = mid;
  }
  if (lo < n_ && key(lo) == k && topic(lo) == c) return lo;
  return n_;
}

// -------------------------------------------------------------------- Profile

namespace {
std::vector<unsigned char> empty_blob() {
  std::vector<unsigned char> b(kHeaderBytes, 0);
  std::memcpy(b.data(), kMagic, 4);
  std::uint16_t version = kFormatVersion;
  std::memcpy(b.data() + 4, &version, 2);
  return b;
}
}  // namespace

Profile::Profile() : blob_(empty_blob()) { reparse(); }

Profile::Profile(std::vector<unsigned char> blob) : blob_(std::move(blob)) {
  if (!ProfileView::parse(blob_.data(), blob_.size(), &view_)) fail(ErrorCode::internal, "built an invalid profile");
}

void Profile::reparse() noexcept {
  if (!ProfileView::parse(blob_.data(), blob_.size(), &view_)) view_ = ProfileView();
}

Profile Profile::from_blob(const void* data, std::size_t size) {
  ProfileView::parse_or_throw(data, size);
  const auto* p = static_cast<const unsigned char*>(data);
  return Profile(std::vector<unsigned char>(p, p + size));
}

// ------------------------------------------------------------- ProfileBuilder

void ProfileBuilder::upsert(std::string_view topic, double level, double want, bool keep_max) {
  std::string c = canonical_topic(topic);
  check_level_want(c, level, want);
  auto it = entries_.find(c);
  if (it != entries_.end()) {
    it->second = keep_max ? Entry{std::max(it->second.level, level), std::max(it->second.want, want)} : Entry{level, want};
    return;
  }
  if (entries_.size() >= kMaxTopics) {
    fail(ErrorCode::too_large, "a profile holds at most " + std::to_string(kMaxTopics) + " topics");
  }
  entries_.emplace(std::move(c), Entry{level, want});
}

void ProfileBuilder::merge(std::string_view topic, double level, double want) { upsert(topic, level, want, true); }

void ProfileBuilder::set(std::string_view topic, double level, double want) { upsert(topic, level, want, false); }

bool ProfileBuilder::remove(std::string_view topic) {
  return entries_.erase(canonical_topic(topic)) > 0;
}

Profile ProfileBuilder::build() const {
  std::size_t n = entries_.size();
  std::size_t names_len = 0;
  double sum = 0.0;
  for (const auto& [name, e] : entries_) {
    names_len += name.size();
    sum += e.want;
  }
  if (!std::isfinite(sum)) fail(ErrorCode::invalid_argument, "wants add up to more than a double holds");
  if (names_len > 0xFFFFFFFFu) fail(ErrorCode::too_large, "topic names are too long in total");
  std::vector<unsigned char> b(kHeaderBytes + n * kBytesPerTopic + names_len);
  std::memcpy(b.data(), kMagic, 4);
  std::uint16_t version = kFormatVersion, flags = 0;
  std::uint32_t n32 = static_cast<std::uint32_t>(n), nl32 = static_cast<std::uint32_t>(names_len);
  std::memcpy(b.data() + 4, &version, 2);
  std::memcpy(b.data() + 6, &flags, 2);
  std::memcpy(b.data() + 8, &n32, 4);
  std::memcpy(b.data() + 12, &nl32, 4);
  unsigned char* keys = b.data() + kHeaderBytes;
  unsigned char* levels = keys + 8 * n;
  unsigned char* wants = levels + 8 * n;
  unsigned char* ends = wants + 8 * n;
  unsigned char* names = ends + 4 * n;
  // std::map orders std::string by unsigned byte value, which is the format's
  // (key, name) order because names hold no NUL byte.
  std::size_t i = 0;
  std::uint32_t end = 0;
  for (const auto& [name, e] : entries_) {
    std::uint64_t key = topic_key(name);
    double level = e.level + 0.0, want = e.want + 0.0;  // + 0.0 turns -0 into +0
    std::memcpy(keys + 8 * i, &key, 8);
    std::memcpy(levels + 8 * i, &level, 8);
    std::memcpy(wants + 8 * i, &want, 8);
    std::memcpy(names + end, name.data(), name.size());
    end += static_cast<std::uint32_t>(name.size());
    std::memcpy(ends + 4 * i, &end, 4);
    ++i;
  }
  return Profile(std::move(b));
}

// ----------------------------------------------------------------------- JSON

namespace {
double json_field(const json::Value& v, std::string_view topic, const char* field) {
  if (v.type == json::Value::Type::null) return 0.0;
  if (v.type != json::Value::Type::number) {
    fail(ErrorCode::invalid_argument, std::string(field) + " for topic " + quoted(topic) + " must be a number, not " + v.type_name());
  }
  return v.number;
}
}  // namespace

Profile profile_from_json(std::string_view text) {
  // The most values a profile of kMaxTopics topics takes (the document, and a
  // topic's object, level and want): bounds the parse tree, whatever the size
  // of the text (see json::parse).
  constexpr std::size_t kMaxJsonValues = 1 + 3 * kMaxTopics;
  json::Value doc;
  try {
    doc = json::parse(text, kMaxJsonValues);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::too_large) throw;
    fail(ErrorCode::too_large, std::string(e.what()) + ", more than a profile of at most " + std::to_string(kMaxTopics) +
                                   " topics can have");
  }
  if (doc.type != json::Value::Type::object) {
    fail(ErrorCode::invalid_argument, std::string("a JSON profile must be an object of topics, not ") + doc.type_name());
  }
  ProfileBuilder b;
  for (const auto& [topic, spec] : doc.object) {
    if (spec.type != json::Value::Type::object) {
      fail(ErrorCode::invalid_argument, "topic " + quoted(topic) + " must map to an object like {\"level\": 3, \"want\": 1}, not " + spec.type_name());
    }
    double level = 0.0, want = 0.0;
    for (const auto& [field, value] : spec.object) {
      if (field == "level") level = json_field(value, topic, "level");
      else if (field == "want") want = json_field(value, topic, "want");
      else fail(ErrorCode::invalid_argument, "topic " + quoted(topic) + " has unknown field " + quoted(field) + " (expected \"level\" and \"want\")");
    }
    b.merge(topic, level, want);
  }
  return b.build();
}

std::string profile_to_json(const ProfileView& p) {
  std::string out = "{";
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (i) out += ',';
    json::append_string(out, p.topic(i));
    out += ":{\"level\":";
    json::append_number(out, p.level(i));
    if (p.want(i) > 0.0) {
      out += ",\"want\":";
      json::append_number(out, p.want(i));
    }
    out += '}';
  }
  out += '}';
  return out;
}

}  // namespace rcp
