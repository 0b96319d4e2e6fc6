// reciprocity core: one-way benefit, two-way reciprocity score, explanation.
//
//   benefit(A <- B) = sum_t  w_A(t) * max(0, level_B(t) - level_A(t)) / 5
//       with w_A the wants of A normalised to sum to 1 (0 if A wants nothing)
//   score(A, B)     = M(benefit(A <- B), benefit(B <- A))
//
// Everything here reads ProfileViews and allocates nothing, except explain().
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile.hpp"

namespace rcp {

enum class Mode { harmonic, geometric, min, mean, uninorm };

constexpr Mode kDefaultMode = Mode::harmonic;
constexpr const char* kModeList = "harmonic, geometric, min, mean, uninorm";

// "harmonic", "geometric", "min", "mean", "uninorm" (trimmed, any case).
// Throws invalid_argument: "unknown mode 'x' (valid modes: harmonic, ...)".
Mode parse_mode(std::string_view name);
const char* mode_name(Mode m) noexcept;

// M(x, y) for x, y in [0, 1]. harmonic 2xy/(x+y), geometric sqrt(xy), min,
// mean (x+y)/2, uninorm xy/(xy+(1-x)(1-y)). harmonic and uninorm are 0 where
// their formula is 0/0 (one side gains nothing).
double combine(double x, double y, Mode m) noexcept;

struct Benefits {
  double a_gets = 0.0;  // benefit(A <- B)
  double b_gets = 0.0;  // benefit(B <- A)
};

// Both one-way benefits in one merge over the two sorted topic lists.
Benefits benefits(const ProfileView& a, const ProfileView& b) noexcept;
double benefit(const ProfileView& receiver, const ProfileView& giver) noexcept;
double score(const ProfileView& a, const ProfileView& b, Mode m = kDefaultMode) noexcept;

// One topic that carries benefit from giver to receiver.
struct TopicGain {
  std::string topic;
  double giver_level = 0.0;
  double receiver_level = 0.0;
  double want = 0.0;          // the receiver's want, as given
  double weight = 0.0;        // the receiver's normalised want
  double contribution = 0.0;  // weight * (giver_level - receiver_level) / 5
};

struct DirectionGains {
  double benefit = 0.0;
  std::vector<TopicGain> topics;  // contribution descending, then topic ascending
};

struct Explanation {
  Mode mode = kDefaultMode;
  double score = 0.0;
  double balance = 0.0;  // min/max of the two benefits; 0 when both are 0
  DirectionGains a_gets;  // what A gains from B
  DirectionGains b_gets;  // what B gains from A
};

Explanation explain(const ProfileView& a, const ProfileView& b, Mode m = kDefaultMode);

// {"mode":"harmonic","score":…,"balance":…,"a_gets":{"benefit":…,"topics":[{"topic":…,
//  "giver_level":…,"receiver_level":…,"want":…,"weight":…,"contribution":…},…]},"b_gets":{…}}
std::string explanation_to_json(const Explanation& e);

}  // namespace rcp
