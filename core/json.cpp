#include "json.hpp"

#include <charconv>
#include <cmath>

#include "error.hpp"

namespace rcp::json {

const char* Value::type_name() const noexcept {
  switch (type) {
    case Type::null: return "null";
    case Type::boolean: return "a boolean";
    case Type::number: return "a number";
    case Type::string: return "a string";
    case Type::array: return "an array";
    case Type::object: return "an object";
  }
  return "?";
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, std::size_t max_values) : s_(text), values_left_(max_values), max_values_(max_values) {}

  Value parse_document() {
    Value v;
    skip_ws();
    parse_value(v, 0);
    skip_ws();
    if (pos_ != s_.size()) error("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void error(const std::string& what) const {
    fail(ErrorCode::invalid_argument, "malformed JSON at byte " + std::to_string(pos_) + ": " + what);
  }

  void skip_ws() noexcept {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool consume(char c) noexcept {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect_word(std::string_view w) {
    if (s_.substr(pos_, w.size()) != w) error("unexpected character");
    pos_ += w.size();
  }

  void parse_value(Value& v, int depth) {
    if (depth > kMaxDepth) error("nested deeper than " + std::to_string(kMaxDepth) + " levels");
    if (values_left_ == 0) fail(ErrorCode::too_large, "JSON text has more than " + std::to_string(max_values_) + " values");
    --values_left_;
    if (pos_ >= s_.size()) error("unexpected end of text");
    char c = s_[pos_];
    switch (c) {
      case '{': parse_object(v, depth); break;
      case '[': parse_array(v, depth); break;
      case '"':
        v.type = Value::Type::string;
        parse_string(v.string);
        break;
      case 't':
        expect_word("true");
        v.type = Value::Type::boolean;
        v.boolean = true;
        break;
      case 'f':
        expect_word("false");
        v.type = Value::Type::boolean;
        v.boolean = false;
        break;
      case 'n':
        expect_word("null");
        v.type = Value::Type::null;
        break;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          parse_number(v);
        } else {
          error("unexpected character");
        }
    }
  }

  void parse_object(Value& v, int depth) {
    v.type = Value::Type::object;
    ++pos_;  // '{'
    skip_ws();
    if (consume('}')) return;
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') error("expected a string key");
      std::string key;
      parse_string(key);
      skip_ws();
      if (!consume(':')) error("expected ':'");
      skip_ws();
      v.object.emplace_back(std::move(key), Value{});
      parse_value(v.object.back().second, depth + 1);
      skip_ws();
      if (consume('}')) return;
      if (!consume(',')) error("expected ',' or '}'");
    }
  }

  void parse_array(Value& v, int depth) {
    v.type = Value::Type::array;
    ++pos_;  // '['
    skip_ws();
    if (consume(']')) return;
    for (;;) {
      skip_ws();
      v.array.emplace_back();
      parse_value(v.array.back(), depth + 1);
      skip_ws();
      if (consume(']')) return;
      if (!consume(',')) error("expected ',' or ']'");
    }
  }

  void parse_number(Value& v) {
    std::size_t start = pos_;
    consume('-');
    if (consume('0')) {
    } else if (pos_ < s_.size() && s_[pos_] >= '1' && s_[pos_] <= '9') {
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    } else {
      error("invalid number");
    }
    if (consume('.')) {
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') error("invalid number");
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (!consume('+')) consume('-');
      if (pos_ >= s_.size() || s_[pos_] < '0' || s_[pos_] > '9') error("invalid number");
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    double d = 0;
    auto res = std::from_chars(s_.data() + start, s_.data() + pos_, d);
    if (res.ec == std::errc::result_out_of_range) {
      pos_ = start;
      error("number out of range");
    }
    if (res.ec != std::errc() || res.ptr != s_.data() + pos_) {
      pos_ = start;
      error("invalid number");
    }
    v.type = Value::Type::number;
    v.number = d;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  unsigned parse_hex4() {
    if (pos_ + 4 > s_.size()) error("truncated \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
      else error("invalid \\u escape");  // at the byte that is not a hex digit
      ++pos_;
    }
    return v;
  }

  // Length of the valid UTF-8 sequence at pos_, or 0.
  std::size_t utf8_len() const noexcept {
    auto u = [&](std::size_t i) { return static_cast<unsigned char>(s_[i]); };
    std::size_t n = s_.size() - pos_;
    unsigned char c = u(pos_);
    auto cont = [&](std::size_t i) { return (u(i) & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return n >= 2 && cont(pos_ + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
      if (n < 3 || !cont(pos_ + 1) || !cont(pos_ + 2)) return 0;
      if (c == 0xE0 && u(pos_ + 1) < 0xA0) return 0;   // overlong
      if (c == 0xED && u(pos_ + 1) >= 0xA0) return 0;  // surrogate
      return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (n < 4 || !cont(pos_ + 1) || !cont(pos_ + 2) || !cont(pos_ + 3)) return 0;
      if (c == 0xF0 && u(pos_ + 1) < 0x90) return 0;  // overlong
      if (c == 0xF4 && u(pos_ + 1) >= 0x90) return 0;  // > U+10FFFF
      return 4;
    }
    return 0;
  }

  void parse_string(std::string& out) {
    ++pos_;  // opening quote
    for (;;) {
      if (pos_ >= s_.size()) error("unterminated string");
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return;
      }
      if (c < 0x20) error("control character in string");
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) error("unterminated string");
        char e = s_[pos_++];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            unsigned cp = parse_hex4();
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              if (pos_ + 2 > s_.size() || s_[pos_] != '\\' || s_[pos_ + 1] != 'u') error("lone surrogate in \\u escape");
              pos_ += 2;
              unsigned lo = parse_hex4();
              if (lo < 0xDC00 || lo > 0xDFFF) error("lone surrogate in \\u escape");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              error("lone surrogate in \\u escape");
            }
            append_utf8(out, cp);
            break;
          }
          default: --pos_; error("invalid escape");
        }
        continue;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      std::size_t len = utf8_len();
      if (len == 0) error("invalid UTF-8");
      out.append(s_.data() + pos_, len);
      pos_ += len;
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::size_t values_left_;  // the budget of parse(text, max_values)
  const std::size_t max_values_;
};

}  // namespace

Value parse(std::string_view text, std::size_t max_values) { return Parser(text, max_values).parse_document(); }

void append_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) fail(ErrorCode::internal, "non-finite number in JSON output");
  if (v == 0.0) v = 0.0;  // no "-0"
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

}  // namespace rcp::json
