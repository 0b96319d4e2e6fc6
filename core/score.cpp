#include "score.hpp"

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "json.hpp"

namespace rcp {

Mode parse_mode(std::string_view name) {
  std::string s;
  for (char c : name) s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  auto b = s.find_first_not_of(" \t\n\r\f\v");
  auto e = s.find_last_not_of(" \t\n\r\f\v");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  if (s == "harmonic") return Mode::harmonic;
  if (s == "geometric") return Mode::geometric;
  if (s == "min") return Mode::min;
  if (s == "mean") return Mode::mean;
  if (s == "uninorm") return Mode::uninorm;
  std::string shown(name.substr(0, 64));
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80) c = '?';
  fail(ErrorCode::invalid_argument, "unknown mode '" + shown + "' (valid modes: " + kModeList + ")");
}

const char* mode_name(Mode m) noexcept {
  switch (m) {
    case Mode::harmonic: return "harmonic";
    case Mode::geometric: return "geometric";
    case Mode::min: return "min";
    case Mode::mean: return "mean";
    case Mode::uninorm: return "uninorm";
  }
  return "harmonic";
}

double combine(double x, double y, Mode m) noexcept {
  switch (m) {
    case Mode::harmonic: {
      // The harmonic mean lies between min and max; the clamp only undoes
      // rounding (2xy/(x+y) gives 0.8000000000000002 for x = y = 0.8).
      if (!(x + y > 0.0)) return 0.0;
      double h = 2.0 * x * y / (x + y), lo = x < y ? x : y, hi = x < y ? y : x;
      return h < lo ? lo : h > hi ? hi : h;
    }
    case Mode::geometric: return std::sqrt(x * y);
    case Mode::min: return x < y ? x : y;
    case Mode::mean: return (x + y) / 2.0;
    case Mode::uninorm: {
      double p = x * y, q = (1.0 - x) * (1.0 - y);
      return p + q > 0.0 ? p / (p + q) : 0.0;
    }
  }
  return 0.0;
}

namespace {

// Do topics i of a and j of b (equal sort keys) have the same name? Keys hold
// the first 8 bytes, so names of up to 8 bytes with equal keys and lengths are
// equal without looking further.
inline int compare_names(const ProfileView& a, std::size_t i, const ProfileView& b, std::size_t j) noexcept {
  std::string_view x = a.topic(i), y = b.topic(j);
  if (x.size() <= 8 && y.size() <= 8) return x.size() == y.size() ? 0 : (x.size() < y.size() ? -1 : 1);
  return x.compare(y);
}

inline double normalise(double weighted_gain_sum, double want_sum) noexcept {
  // Rounding can land one ulp above 1 (e.g. wants 4 and 0.2495592256534228,
  // both gaps 5): clamp, the result is documented to lie in [0, 1].
  return want_sum > 0.0 ? std::min(1.0, weighted_gain_sum / (kMaxLevel * want_sum)) : 0.0;
}

// Wants are only relative. Summing want * gap and dividing once by
// 5 * want_sum is accurate while the want sum stays far from the ends of the
// double range; outside [2^-900, 2^900] (e.g. a want of 1e308, whose product
// with a gap overflows to inf and gives NaN, or subnormal wants, whose
// products lose most bits) the wants are first scaled by an exact power of two.
inline double want_scale(double want_sum) noexcept {
  if (want_sum == 0.0 || (want_sum >= 0x1p-900 && want_sum <= 0x1p900)) return 1.0;
  return std::ldexp(1.0, std::min(1000, -std::ilogb(want_sum)));  // 2^1074 would overflow
}

// The merge behind benefits(); sa and sb scale the wants of a and b (1.0 in
// the common case, where the multiplications fold away).
inline Benefits merge_benefits(const ProfileView& a, const ProfileView& b, double sa, double sb) noexcept {
  // Only topics both profiles hold can carry benefit: a topic A wants that B
  // does not hold has level_B = 0, so max(0, 0 - level_A) = 0. One merge on
  // the sort keys, confirming equal keys on the whole name, serves both
  // directions.
  double ga = 0.0, gb = 0.0;  // sum of want * gap, per receiver
  std::size_t i = 0, j = 0;
  const std::size_t na = a.size(), nb = b.size();
  while (i < na && j < nb) {
    std::uint64_t ka = a.key(i), kb = b.key(j);
    if (ka == kb) {
      int c = compare_names(a, i, b, j);
      if (c == 0) {
        double d = b.level(j) - a.level(i);
        ga += a.want(i) * sa * (d > 0.0 ? d : 0.0);
        gb += b.want(j) * sb * (d < 0.0 ? -d : 0.0);
        ++i;
        ++j;
      } else {
        i += c < 0;
        j += c > 0;
      }
      continue;
    }
    i += ka < kb;
    j += kb < ka;
  }
  return {normalise(ga, a.want_sum() * sa), normalise(gb, b.want_sum() * sb)};
}

}  // namespace

Benefits benefits(const ProfileView& a, const ProfileView& b) noexcept {
  double sa = want_scale(a.want_sum()), sb = want_scale(b.want_sum());
  if (sa == 1.0 && sb == 1.0) return merge_benefits(a, b, 1.0, 1.0);  // the common case, folded
  return merge_benefits(a, b, sa, sb);
}

double benefit(const ProfileView& receiver, const ProfileView& giver) noexcept {
  return benefits(receiver, giver).a_gets;
}

double score(const ProfileView& a, const ProfileView& b, Mode m) noexcept {
  Benefits g = benefits(a, b);
  return combine(g.a_gets, g.b_gets, m);
}

Explanation explain(const ProfileView& a, const ProfileView& b, Mode m) {
  Explanation e;
  e.mode = m;
  Benefits g = benefits(a, b);
  e.a_gets.benefit = g.a_gets;
  e.b_gets.benefit = g.b_gets;
  e.score = combine(g.a_gets, g.b_gets, m);
  double hi = std::max(g.a_gets, g.b_gets), lo = std::min(g.a_gets, g.b_gets);
  e.balance = hi > 0.0 ? lo / hi : 0.0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    std::uint64_t ka = a.key(i), kb = b.key(j);
    int c = ka < kb ? -1 : ka > kb ? 1 : compare_names(a, i, b, j);
    if (c != 0) {
      i += c < 0;
      j += c > 0;
      continue;
    }
    double la = a.level(i), lb = b.level(j);
    if (lb > la && a.want(i) > 0.0) {
      double w = a.want(i) / a.want_sum();
      e.a_gets.topics.push_back({std::string(a.topic(i)), lb, la, a.want(i), w, w * (lb - la) / kMaxLevel});
    } else if (la > lb && b.want(j) > 0.0) {
      double w = b.want(j) / b.want_sum();
      e.b_gets.topics.push_back({std::string(b.topic(j)), la, lb, b.want(j), w, w * (la - lb) / kMaxLevel});
    }
    ++i;
    ++j;
  }
  auto order = [](const TopicGain& x, const TopicGain& y) {
    return x.contribution != y.contribution ? x.contribution > y.contribution : x.topic < y.topic;
  };
  std::sort(e.a_gets.topics.begin(), e.a_gets.topics.end(), order);
  std::sort(e.b_gets.topics.begin(), e.b_gets.topics.end(), order);
  return e;
}

namespace {
void append_direction(std::string& out, const DirectionGains& d) {
  out += "{\"benefit\":";
  json::append_number(out, d.benefit);
  out += ",\"topics\":[";
  for (std::size_t k = 0; k < d.topics.size(); ++k) {
    const TopicGain& t = d.topics[k];
    if (k) out += ',';
    out += "{\"topic\":";
    json::append_string(out, t.topic);
    out += ",\"giver_level\":";
    json::append_number(out, t.giver_level);
    out += ",\"receiver_level\":";
    json::append_number(out, t.receiver_level);
    out += ",\"want\":";
    json::append_number(out, t.want);
    out += ",\"weight\":";
    json::append_number(out, t.weight);
    out += ",\"contribution\":";
    json::append_number(out, t.contribution);
    out += '}';
  }
  out += "]}";
}
}  // namespace

std::string explanation_to_json(const Explanation& e) {
  std::string out = "{\"mode\":\"";
  out += mode_name(e.mode);
  out += "\",\"score\":";
  json::append_number(out, e.score);
  out += ",\"balance\":";
  json::append_number(out, e.balance);
  out += ",\"a_gets\":";
  append_direction(out, e.a_gets);
  out += ",\"b_gets\":";
  append_direction(out, e.b_gets);
  out += '}';
  return out;
}

}  // namespace rcp
