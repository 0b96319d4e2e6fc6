// Shared source-reading helpers of the table-valued functions (source_sql.hpp).
#include "source_sql.hpp"

#include <cctype>
#include <cstring>
#include <new>
#include <string_view>

namespace rcp::sql {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// "name" or "schema.name", each a plain identifier; fills the parts.
bool plain_name(const std::string& s, std::string* schema, std::string* name) {
  auto ident = [](const std::string& t) {
    if (t.empty() || !is_ident_start(t[0])) return false;
    for (char c : t)
      if (!is_ident_char(c)) return false;
    return true;
  };
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) {
    if (!ident(s)) return false;
    schema->clear();
    *name = s;
    return true;
  }
  std::string a = s.substr(0, dot), b = s.substr(dot + 1);
  if (!ident(a) || !ident(b)) return false;
  *schema = a;
  *name = b;
  return true;
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool starts_with_keyword(const std::string& s, const char* kw) {
  std::size_t n = std::strlen(kw);
  if (s.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != kw[i]) return false;
  return s.size() == n || !is_ident_char(s[n]);
}

// User text and SQLite's messages about it (which may quote all of it) in a
// message: capped, one line, valid UTF-8.
std::string shown(const std::string& s) { return message_text(s, 60); }
std::string shown_error(const char* m) { return message_text(m ? m : "", 200); }

}  // namespace

Stmt prepare_source(sqlite3* db, const std::string& raw, const char* role) {
  // SQLite would stop reading at a NUL and silently ignore the rest.
  if (raw.find('\0') != std::string::npos) throw SqlError{std::string(role) + " contains a NUL byte"};
  std::string text = trim(raw);
  std::string schema, name, sql;
  bool named = plain_name(text, &schema, &name);
  if (named) {
    // Plain identifiers only, so quoting cannot be escaped.
    sql = "SELECT * FROM " + (schema.empty() ? std::string() : "\"" + schema + "\".") + "\"" + name + "\"";
  } else if (starts_with_keyword(text, "SELECT") || starts_with_keyword(text, "WITH") ||
             starts_with_keyword(text, "VALUES")) {
    sql = text;
  } else {
    throw SqlError{std::string(role) + " must be the name of a table or view, or a SELECT statement; got '" +
                   shown(text) + "'"};
  }
  sqlite3_stmt* raw_stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw_stmt, &tail);
  Stmt stmt(raw_stmt);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) throw std::bad_alloc();
    std::string why = shown_error(sqlite3_errmsg(db));
    // Only "no such table: <name>" means the name is missing; a view that is
    // there but cannot run (say, an unsafe function or table in it) fails as
    // SQLite says.
    if (named && sqlite3_errmsg(db) == "no such table: " + text) {
      throw SqlError{std::string(role) + ": no table or view named '" + shown(text) + "' (" + why + ")"};
    }
    throw SqlError{std::string(role) + ": " + why};
  }
  if (!stmt) throw SqlError{std::string(role) + " is empty"};
  // Nothing but white space, comments and semicolons may follow.
  while (tail && *tail) {
    sqlite3_stmt* extra = nullptr;
    const char* next = nullptr;
    rc = sqlite3_prepare_v2(db, tail, -1, &extra, &next);
    Stmt keep(extra);
    if (rc != SQLITE_OK || extra) throw SqlError{std::string(role) + " must be a single statement"};
    if (next == tail) break;
    tail = next;
  }
  if (!sqlite3_stmt_readonly(stmt.get())) throw SqlError{std::string(role) + " must be a read-only SELECT"};
  if (sqlite3_bind_parameter_count(stmt.get()) > 0) throw SqlError{std::string(role) + " must not have parameters"};
  return stmt;
}

int find_column(sqlite3_stmt* stmt, const char* name) {
  int n = sqlite3_column_count(stmt);
  for (int c = 0; c < n; ++c) {
    const char* cn = sqlite3_column_name(stmt, c);
    if (!cn) throw std::bad_alloc();
    if (sqlite3_stricmp(cn, name) == 0) return c;
  }
  return -1;
}

bool step_source(sqlite3* db, sqlite3_stmt* s, const char* role) {
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (rc == SQLITE_NOMEM) throw std::bad_alloc();
  throw SqlError{std::string(role) + ": " + shown_error(sqlite3_errmsg(db))};
}

std::int64_t integer_value(sqlite3_value* v, std::string_view what) {
  if (sqlite3_value_type(v) != SQLITE_INTEGER) {
    throw SqlError{std::string(what) + " must be an integer, not " + type_name(v)};
  }
  return sqlite3_value_int64(v);
}

std::string text_value(sqlite3_value* v) {
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  if (!text) {
    if (sqlite3_value_type(v) == SQLITE_NULL) return std::string();
    throw std::bad_alloc();
  }
  return std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

json::Value options_object(sqlite3_value* v) {
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return json::Value();
  if (sqlite3_value_type(v) != SQLITE_TEXT) {
    throw SqlError{std::string("options must be a JSON object as text, not ") + type_name(v)};
  }
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  if (!text) throw std::bad_alloc();
  json::Value doc;
  try {
    // An options object has a handful of values; the bound keeps a huge text
    // from building a huge tree before it is rejected.
    doc = json::parse(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(v))), 1000);
  } catch (const rcp::Error& e) {
    throw SqlError{std::string("options: ") + e.what()};
  }
  if (doc.type != json::Value::Type::object) {
    throw SqlError{std::string("options must be a JSON object, not ") + doc.type_name()};
  }
  return doc;
}

// The xBestIndex of every table-valued function here: `source` (hidden column first_arg) is required, the
// `nargs - 1` optional arguments after it are used when given. idxNum has bit
// i set when argument i arrives, in argv order.
int best_index_args(sqlite3_vtab* vt, sqlite3_index_info* info, int first_arg, int nargs) {
  if (nargs > 3) return SQLITE_ERROR;
  int where[3] = {-1, -1, -1};
  bool present[3] = {false, false, false};
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn < first_arg) continue;
    int arg = c.iColumn - first_arg;
    // Only `=` passes an argument; SQLite checks other operators on the
    // rows (the argument columns read NULL), so they are left to it.
    if (arg >= nargs || c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    present[arg] = true;
    if (!c.usable) continue;
    where[arg] = i;
  }
  (void)vt;
  if (!present[0]) {
    // No source here: a plan SQLite must not pick when another exists (the
    // OR optimisation asks with only some of the terms). When it is the
    // only plan, xFilter reports the missing source.
    info->idxNum = 0;
    info->estimatedCost = 1e300;
    info->estimatedRows = 1;
    return SQLITE_OK;
  }
  for (int arg = 0; arg < nargs; ++arg)
    if (present[arg] && where[arg] < 0) return SQLITE_CONSTRAINT;
  int argv = 0, idx = 0;
  for (int arg = 0; arg < nargs; ++arg) {
    if (where[arg] < 0) continue;
    info->aConstraintUsage[where[arg]].argvIndex = ++argv;
    info->aConstraintUsage[where[arg]].omit = 1;
    idx |= 1 << arg;
  }
  info->idxNum = idx;
  info->estimatedCost = 1e6;
  info->estimatedRows = 1000;
  return SQLITE_OK;
}

// xConnect of every table-valued function here: declares the schema, marks
// the table DIRECTONLY (no view or trigger can make it run its queries).
int connect_with(sqlite3* db, sqlite3_vtab** out, const char* schema) {
  int rc = sqlite3_declare_vtab(db, schema);
  if (rc != SQLITE_OK) return rc;
  auto* t = static_cast<Table*>(sqlite3_malloc(sizeof(Table)));
  if (!t) return SQLITE_NOMEM;
  std::memset(t, 0, sizeof(Table));
  t->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *out = &t->base;
  return SQLITE_OK;
}

}  // namespace rcp::sql
