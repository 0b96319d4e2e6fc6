// Shared plumbing of the SQLite extension: argument conversion and error
// mapping. Every callback runs its body through guard(), so no C++ exception
// ever reaches SQLite.
#pragma once

#include <sqlite3ext.h>

#include <new>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/profile.hpp"
#include "core/score.hpp"

SQLITE_EXTENSION_INIT3

namespace rcp::sql {

// An error already phrased for the user; guard() prefixes the function name.
struct SqlError {
  std::string message;
};

inline const char* type_name(sqlite3_value* v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return "an integer";
    case SQLITE_FLOAT: return "a real";
    case SQLITE_TEXT: return "text";
    case SQLITE_BLOB: return "a blob";
    default: return "NULL";
  }
}

// Runs body(); maps every exception to an SQL error "<fn>: <message>".
template <typename Body>
void guard(sqlite3_context* ctx, const char* fn, Body&& body) noexcept {
  try {
    body();
    return;
  } catch (const SqlError& e) {
    std::string m = std::string(fn) + ": " + e.message;
    sqlite3_result_error(ctx, m.c_str(), -1);
  } catch (const rcp::Error& e) {
    if (e.code() == ErrorCode::no_memory) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    std::string m = std::string(fn) + ": " + e.what();
    sqlite3_result_error(ctx, m.c_str(), -1);
    if (e.code() == ErrorCode::too_large) sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (...) {
    std::string m = std::string(fn) + ": internal error";
    sqlite3_result_error(ctx, m.c_str(), -1);
  }
}

// Argument `index` (0-based) as a profile view over SQLite's own bytes.
// Returns false for NULL (the caller returns NULL); throws otherwise.
inline bool profile_arg(sqlite3_value** argv, int index, ProfileView* out) {
  sqlite3_value* v = argv[index];
  int type = sqlite3_value_type(v);
  if (type == SQLITE_NULL) return false;
  if (type != SQLITE_BLOB) {
    throw SqlError{"argument " + std::to_string(index + 1) + " is not a reciprocity profile (it is " + type_name(v) +
                   "; make one with reciprocity_profile or reciprocity_profile_json)"};
  }
  const void* data = sqlite3_value_blob(v);
  int size = sqlite3_value_bytes(v);
  // A join meets the same stored profiles again and again: remember, per
  // thread, which byte strings validated (see ProfileParseCache).
  static thread_local ProfileParseCache cache;
  if (cache.parse(data, static_cast<std::size_t>(size), out)) return true;
  std::string why;
  ProfileView::parse(data, static_cast<std::size_t>(size), nullptr, &why);
  throw SqlError{"argument " + std::to_string(index + 1) + " is not a reciprocity profile: " + why};
}

// A number argument: INTEGER, REAL, or text that reads as a number. NULL -> fallback.
inline double number_arg(sqlite3_value* v, double fallback, const std::string& what) {
  switch (sqlite3_value_numeric_type(v)) {
    case SQLITE_NULL: return fallback;
    case SQLITE_INTEGER: return static_cast<double>(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return sqlite3_value_double(v);
    default: throw SqlError{what + " must be a number, not " + type_name(v)};
  }
}

// The optional mode argument, parsed once per statement when constant.
inline Mode mode_arg(sqlite3_context* ctx, sqlite3_value** argv, int argc, int index) {
  if (index >= argc || sqlite3_value_type(argv[index]) == SQLITE_NULL) return kDefaultMode;
  if (auto* cached = static_cast<Mode*>(sqlite3_get_auxdata(ctx, index))) return *cached;
  if (sqlite3_value_type(argv[index]) != SQLITE_TEXT) {
    throw SqlError{std::string("mode must be text, not ") + type_name(argv[index]) + " (valid modes: " + kModeList + ")"};
  }
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[index]));
  Mode m = parse_mode(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[index]))));
  auto* keep = static_cast<Mode*>(sqlite3_malloc(sizeof(Mode)));
  if (keep) {
    *keep = m;
    sqlite3_set_auxdata(ctx, index, keep, sqlite3_free);
  }
  return m;
}

// Results: text (JSON) and blobs, each checked against SQLite's length limit.
inline void result_json(sqlite3_context* ctx, const std::string& s) {
  sqlite3_result_text64(ctx, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  sqlite3_result_subtype(ctx, 'J');  // json1 then embeds it as JSON, not as a string
}
inline void result_blob(sqlite3_context* ctx, const std::vector<unsigned char>& b) {
  sqlite3_result_blob64(ctx, b.data(), b.size(), SQLITE_TRANSIENT);
}


}  // namespace rcp::sql
