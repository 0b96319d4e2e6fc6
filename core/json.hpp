// reciprocity core: a small, strict JSON reader and writer helpers.
//
// Used for JSON profiles, explanations and option objects. The reader accepts
// RFC 8259 JSON only (no comments, no trailing commas, no NaN), limits nesting
// depth, rejects invalid UTF-8 and lone surrogates, and reports the byte
// offset of the first error.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rcp::json {

constexpr int kMaxDepth = 64;

struct Value {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<Value> array;
  std::vector<std::pair<std::string, Value>> object;  // in document order; duplicates kept

  const char* type_name() const noexcept;
};

// Throws rcp::Error(invalid_argument, "malformed JSON at byte N: ..."), and
// rcp::Error(too_large, "JSON text has more than N values") past max_values
// values (scalars, arrays and objects, the document included): the tree takes
// about 100 bytes a value, so a caller that bounds it bounds the memory any
// text can claim (a 100 MB "[0,0,...]" would otherwise take some 8 GB).
Value parse(std::string_view text, std::size_t max_values = static_cast<std::size_t>(-1));

// Appends `s` as a JSON string literal (quotes included). `s` must be UTF-8.
void append_string(std::string& out, std::string_view s);
// Appends a finite double in its shortest round-trip form ("4", "0.25", "1e-07").
void append_number(std::string& out, double v);

}  // namespace rcp::json
