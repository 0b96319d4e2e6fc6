// Shared plumbing of the table-valued functions that read a `source` argument:
// a validated table/view name or ONE read-only SELECT (no string-built SQL
// from values), and the error mapping of their virtual tables.
#pragma once

#include <sqlite3ext.h>

#include <cstdint>
#include <memory>
#include <new>
#include <string>

#include "core/error.hpp"
#include "core/json.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

// Prepares the statement that reads `raw`: "name" or "schema.name" (plain
// identifiers, quoted when used, so quoting cannot be escaped), or one
// read-only SELECT / WITH / VALUES without parameters. `role` names the
// argument in messages ("source", "exclude", ...).
Stmt prepare_source(sqlite3* db, const std::string& raw, const char* role);

// The first column of `stmt` called `name` (case-insensitive), or -1.
int find_column(sqlite3_stmt* stmt, const char* name);

// One step; false at the end. Maps errors of the inner query.
bool step_source(sqlite3* db, sqlite3_stmt* s, const char* role);

// An INTEGER value, else "<what> must be an integer, not <type>".
std::int64_t integer_value(sqlite3_value* v, std::string_view what);

// The text of a value (any type is read as SQLite converts it).
std::string text_value(sqlite3_value* v);

// An option key for "unknown option '...'": capped, valid UTF-8, no NUL.
inline std::string shown_key(const std::string& key) { return message_text(key, 40); }

// An options argument: NULL -> a null Value; else it must be JSON object text
// ("options must be a JSON object as text, not ...", "options: malformed ...",
// "options must be a JSON object, not ...").
json::Value options_object(sqlite3_value* v);

// Runs body for a virtual-table callback; maps exceptions to the vtab's error
// message "<fn>: <message>" and an SQLite code.
// The vtab of every table-valued function here.
struct Table {
  sqlite3_vtab base;  // first: SQLite casts between the two
  sqlite3* db;
};

// Declares `schema`, marks the table DIRECTONLY and allocates a Table.
int connect_with(sqlite3* db, sqlite3_vtab** out, const char* schema);

// xDisconnect, xOpen and xClose of every table-valued function here; C is
// the function's cursor type (its sqlite3_vtab_cursor member comes first).
inline int disconnect(sqlite3_vtab* vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}
template <typename C>
int open_cursor(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  C* c = new (std::nothrow) C();
  if (!c) return SQLITE_NOMEM;
  *out = &c->base;
  return SQLITE_OK;
}
template <typename C>
int close_cursor(sqlite3_vtab_cursor* cur) {
  delete reinterpret_cast<C*>(cur);
  return SQLITE_OK;
}

// xBestIndex for a table-valued function whose arguments are the hidden
// columns first_arg .. first_arg + nargs - 1 (nargs <= 3): the first one (the
// source) is required, the others are used when given; idxNum has bit i set
// when argument i arrives, in argv order. Without a source it offers a plan
// of prohibitive cost instead of failing (SQLite's OR optimisation asks with
// only some of the WHERE terms); xFilter reports a missing source.
int best_index_args(sqlite3_vtab* vt, sqlite3_index_info* info, int first_arg, int nargs);

template <typename Body>
int vtab_guard(sqlite3_vtab* vt, const char* fn, Body&& body) noexcept {
  auto set = [&](const std::string& m) {
    sqlite3_free(vt->zErrMsg);
    vt->zErrMsg = sqlite3_mprintf("%s: %s", fn, m.c_str());
  };
  try {
    body();
    return SQLITE_OK;
  } catch (const SqlError& e) {
    set(e.message);
    return SQLITE_ERROR;
  } catch (const rcp::Error& e) {
    if (e.code() == ErrorCode::no_memory) return SQLITE_NOMEM;
    set(e.what());
    return e.code() == ErrorCode::too_large ? SQLITE_TOOBIG : SQLITE_ERROR;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    set("internal error");
    return SQLITE_ERROR;
  }
}

}  // namespace rcp::sql
