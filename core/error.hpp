// reciprocity core: the one exception type the core throws.
//
// Messages never name a public function: each front end (SQL, C, Python)
// prefixes its own function name, e.g. "reciprocity_score: " + what().
#pragma once

#include <stdexcept>
#include <string>

namespace rcp {

// Failure classes. The C API maps them 1:1 to status codes.
enum class ErrorCode {
  invalid_argument = 1,  // a value out of range, a malformed JSON text, a bad mode name, k <= 0, ...
  bad_profile = 2,       // bytes that are not a valid profile blob
  too_large = 3,         // an input over a documented size limit
  no_memory = 4,         // allocation failed
  internal = 5,          // a bug: should never happen
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

[[noreturn]] inline void fail(ErrorCode code, const std::string& message) { throw Error(code, message); }

}  // namespace rcp
