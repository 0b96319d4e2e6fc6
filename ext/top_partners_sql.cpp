// SQL face of core/top_partners: the table-valued function
//
//   SELECT id, partner, score, rank FROM reciprocity_top_partners(source, k [, options])
//
// An eponymous-only virtual table in the pattern of SQLite's ext/misc/series.c:
// the arguments are hidden columns that xBestIndex requires as equality
// constraints. `source` is a table or view name, or one read-only SELECT, of
// (id, profile); `options` is a JSON object: {"exclude": <name or SELECT of
// (a, b)>, "mode": "harmonic", "threads": 2}. The table is DIRECTONLY: it runs
// a query named by its argument, so a view or trigger of an untrusted schema
// must not be able to call it.
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "core/top_partners.hpp"
#include "functions.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

namespace {

constexpr const char* kFn = "reciprocity_top_partners";

enum Column { kId, kPartner, kScore, kRank, kSource, kK, kOptions };

struct Table {
  sqlite3_vtab base;  // first: SQLite casts between the two
  sqlite3* db;
};

struct Cursor {
  sqlite3_vtab_cursor base;  // first
  std::vector<std::int64_t> ids;  // person ids, source order
  TopPartnersResult result;
  std::size_t person = 0;  // current row: person, and entry in result
  std::size_t entry = 0;
  sqlite3_int64 rowid = 0;
};

// ----------------------------------------------------------- running queries

struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

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

std::string shown(const std::string& s) {
  std::string out = s.size() > 60 ? s.substr(0, 57) + "..." : s;
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return out;
}

// Prepares the statement that reads `what` (a name or a SELECT) for the
// argument called `role` ("source", "exclude"), and finds its two columns.
Stmt open_source(sqlite3* db, const std::string& raw, const char* role, const char* col1, const char* col2, int* i1,
                 int* i2) {
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
    std::string why = sqlite3_errmsg(db);
    if (named) throw SqlError{std::string(role) + ": no table or view named '" + text + "' (" + why + ")"};
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
  int n = sqlite3_column_count(stmt.get());
  *i1 = *i2 = -1;
  for (int c = 0; c < n; ++c) {
    const char* cn = sqlite3_column_name(stmt.get(), c);
    if (!cn) throw std::bad_alloc();
    if (sqlite3_stricmp(cn, col1) == 0 && *i1 < 0) *i1 = c;
    else if (sqlite3_stricmp(cn, col2) == 0 && *i2 < 0) *i2 = c;
  }
  if ((*i1 < 0 || *i2 < 0) && n == 2) {  // two unnamed columns: by position
    *i1 = 0;
    *i2 = 1;
  }
  if (*i1 < 0 || *i2 < 0) {
    throw SqlError{std::string(role) + " must have columns " + col1 + " and " + col2 + " (it has no column " +
                   (*i1 < 0 ? col1 : col2) + ")"};
  }
  return stmt;
}

// One step; false at the end. Maps errors of the inner query.
bool step(sqlite3* db, sqlite3_stmt* s, const char* role) {
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  if (rc == SQLITE_NOMEM) throw std::bad_alloc();
  throw SqlError{std::string(role) + ": " + sqlite3_errmsg(db)};
}

std::int64_t integer_value(sqlite3_value* v, const std::string& what) {
  if (sqlite3_value_type(v) != SQLITE_INTEGER) {
    throw SqlError{what + " must be an integer, not " + type_name(v)};
  }
  return sqlite3_value_int64(v);
}

struct Options {
  Mode mode = kDefaultMode;
  unsigned threads = 0;
  bool has_exclude = false;
  std::string exclude;
};

Options parse_options(sqlite3_value* v) {
  Options o;
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return o;
  if (sqlite3_value_type(v) != SQLITE_TEXT) {
    throw SqlError{std::string("options must be a JSON object as text, not ") + type_name(v)};
  }
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  if (!text) throw std::bad_alloc();
  json::Value doc;
  try {
    doc = json::parse(std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(v))));
  } catch (const rcp::Error& e) {
    throw SqlError{std::string("options: ") + e.what()};
  }
  if (doc.type != json::Value::Type::object) {
    throw SqlError{std::string("options must be a JSON object, not ") + doc.type_name()};
  }
  bool seen_mode = false, seen_threads = false;
  for (const auto& [key, val] : doc.object) {
    auto once = [&](bool& seen) {
      if (seen) throw SqlError{"option '" + key + "' is given twice"};
      seen = true;
    };
    if (key == "exclude") {
      once(o.has_exclude);
      if (val.type != json::Value::Type::string) {
        throw SqlError{std::string("option 'exclude' must be a table or view name or a SELECT, as a string, not ") +
                       val.type_name()};
      }
      o.exclude = val.string;
    } else if (key == "mode") {
      once(seen_mode);
      if (val.type != json::Value::Type::string) {
        throw SqlError{std::string("option 'mode' must be a string, not ") + val.type_name() +
                       " (valid modes: " + kModeList + ")"};
      }
      o.mode = parse_mode(val.string);
    } else if (key == "threads") {
      once(seen_threads);
      if (val.type != json::Value::Type::number || !(val.number >= 0.0 && val.number <= 1024.0) ||
          val.number != static_cast<double>(static_cast<unsigned>(val.number))) {
        throw SqlError{"option 'threads' must be an integer from 0 to 1024 (0: one per core)"};
      }
      o.threads = static_cast<unsigned>(val.number);
    } else {
      std::string k = key.size() > 40 ? key.substr(0, 37) + "..." : key;
      throw SqlError{"unknown option '" + k + "' (valid options: exclude, mode, threads)"};
    }
  }
  return o;
}

// Runs the whole computation for xFilter.
void compute(sqlite3* db, Cursor* cur, sqlite3_value* source, sqlite3_value* kv, sqlite3_value* options) {
  if (sqlite3_value_numeric_type(kv) != SQLITE_INTEGER || sqlite3_value_int64(kv) <= 0) {
    throw SqlError{"k must be a positive integer"};
  }
  TopPartnersOptions opt;
  opt.k = static_cast<std::uint64_t>(sqlite3_value_int64(kv));
  if (sqlite3_value_type(source) != SQLITE_TEXT) {
    throw SqlError{std::string("source must be a table or view name or a SELECT, as text, not ") + type_name(source)};
  }
  Options o = parse_options(options);
  opt.mode = o.mode;
  opt.threads = o.threads;

  // Read (id, profile): copy each blob into one arena, then view it there.
  std::string src(reinterpret_cast<const char*>(sqlite3_value_text(source)),
                  static_cast<std::size_t>(sqlite3_value_bytes(source)));
  int ci = -1, cp = -1;
  Stmt s = open_source(db, src, "source", "id", "profile", &ci, &cp);
  std::vector<unsigned char> arena;
  std::vector<std::size_t> ends;
  std::vector<std::int64_t> ids;
  while (step(db, s.get(), "source")) {
    sqlite3_value* idv = sqlite3_column_value(s.get(), ci);
    if (sqlite3_value_type(idv) == SQLITE_NULL) throw SqlError{"source has a NULL id"};
    std::int64_t id = integer_value(idv, "source id");
    sqlite3_value* pv = sqlite3_column_value(s.get(), cp);
    int type = sqlite3_value_type(pv);
    if (type == SQLITE_NULL) {  // no profile: the empty one, nothing to give or take
      static const Profile kEmpty;
      arena.insert(arena.end(), kEmpty.blob().begin(), kEmpty.blob().end());
      ends.push_back(arena.size());
      ids.push_back(id);
      continue;
    }
    if (type != SQLITE_BLOB) {
      throw SqlError{"profile of id " + std::to_string(id) + " is not a reciprocity profile (it is " + type_name(pv) +
                     "; make one with reciprocity_profile or reciprocity_profile_json)"};
    }
    const auto* data = static_cast<const unsigned char*>(sqlite3_value_blob(pv));
    std::size_t size = static_cast<std::size_t>(sqlite3_value_bytes(pv));
    std::string why;
    if (!ProfileView::parse(data, size, nullptr, &why)) {
      throw SqlError{"profile of id " + std::to_string(id) + " is not a reciprocity profile: " + why};
    }
    arena.insert(arena.end(), data, data + size);
    ends.push_back(arena.size());
    ids.push_back(id);
  }
  s.reset();
  std::vector<Person> people(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::size_t begin = i ? ends[i - 1] : 0;
    people[i].id = ids[i];
    people[i].profile = ProfileView::parse_or_throw(arena.data() + begin, ends[i] - begin);
  }
  std::vector<std::size_t>().swap(ends);

  if (o.has_exclude) {
    int ca = -1, cb = -1;
    Stmt e = open_source(db, o.exclude, "exclude", "a", "b", &ca, &cb);
    while (step(db, e.get(), "exclude")) {
      sqlite3_value* av = sqlite3_column_value(e.get(), ca);
      sqlite3_value* bv = sqlite3_column_value(e.get(), cb);
      if (sqlite3_value_type(av) == SQLITE_NULL || sqlite3_value_type(bv) == SQLITE_NULL) continue;
      opt.exclude.emplace_back(integer_value(av, "exclude a"), integer_value(bv, "exclude b"));
    }
  }

  cur->result = top_partners(people, opt);  // throws on duplicate ids
  cur->ids = std::move(ids);
}

// Runs body; maps exceptions to the vtab's error message and an SQLite code.
template <typename Body>
int vtab_guard(sqlite3_vtab* vt, Body&& body) noexcept {
  auto set = [&](const std::string& m) {
    sqlite3_free(vt->zErrMsg);
    vt->zErrMsg = sqlite3_mprintf("%s: %s", kFn, m.c_str());
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

// --------------------------------------------------------------- the module

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  int rc = sqlite3_declare_vtab(db,
                                "CREATE TABLE x(id INTEGER, partner INTEGER, score REAL, rank INTEGER,"
                                " source HIDDEN, k HIDDEN, options HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  auto* t = static_cast<Table*>(sqlite3_malloc(sizeof(Table)));
  if (!t) return SQLITE_NOMEM;
  std::memset(t, 0, sizeof(Table));
  t->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
  *out = &t->base;
  return SQLITE_OK;
}

int disconnect(sqlite3_vtab* vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

// The arguments must arrive as usable equality constraints: source and k
// always, options when given. idxNum says which arrive, in argv order.
int best_index(sqlite3_vtab* vt, sqlite3_index_info* info) {
  int where[3] = {-1, -1, -1};  // constraint index per argument
  bool present[3] = {false, false, false};
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    if (c.iColumn < kSource) continue;
    int arg = c.iColumn - kSource;
    present[arg] = true;
    if (c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) continue;
    where[arg] = i;
  }
  if (!present[0] || !present[1]) {
    sqlite3_free(vt->zErrMsg);
    vt->zErrMsg = sqlite3_mprintf("%s: needs a source and k, as in %s('people', 10)", kFn, kFn);
    return SQLITE_ERROR;
  }
  if (where[0] < 0 || where[1] < 0 || (present[2] && where[2] < 0)) return SQLITE_CONSTRAINT;
  int argv = 0, idx = 0;
  for (int arg = 0; arg < 3; ++arg) {
    if (where[arg] < 0) continue;
    info->aConstraintUsage[where[arg]].argvIndex = ++argv;
    info->aConstraintUsage[where[arg]].omit = 1;
    idx |= 1 << arg;
  }
  info->idxNum = idx;
  info->estimatedCost = 1e6;
  info->estimatedRows = 100000;
  return SQLITE_OK;
}

int open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  Cursor* c = new (std::nothrow) Cursor();
  if (!c) return SQLITE_NOMEM;
  *out = &c->base;
  return SQLITE_OK;
}

int close(sqlite3_vtab_cursor* cur) {
  delete reinterpret_cast<Cursor*>(cur);
  return SQLITE_OK;
}

// Moves to the next person who has partners, from (person, entry).
void settle(Cursor* c) {
  while (c->person < c->ids.size() && c->entry >= c->result.offsets[c->person + 1]) ++c->person;
}

int filter(sqlite3_vtab_cursor* cur, int idxNum, const char*, int argc, sqlite3_value** argv) {
  Cursor* c = reinterpret_cast<Cursor*>(cur);
  Table* t = reinterpret_cast<Table*>(cur->pVtab);
  c->ids.clear();
  c->result = TopPartnersResult();
  c->person = c->entry = 0;
  c->rowid = 1;
  return vtab_guard(cur->pVtab, [&] {
    if ((idxNum & 3) != 3 || argc < 2) throw SqlError{"needs a source and k"};
    compute(t->db, c, argv[0], argv[1], (idxNum & 4) && argc >= 3 ? argv[2] : nullptr);
    settle(c);
  });
}

int next(sqlite3_vtab_cursor* cur) {
  Cursor* c = reinterpret_cast<Cursor*>(cur);
  ++c->entry;
  ++c->rowid;
  settle(c);
  return SQLITE_OK;
}

int eof(sqlite3_vtab_cursor* cur) {
  Cursor* c = reinterpret_cast<Cursor*>(cur);
  return c->person >= c->ids.size();
}

int column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int col) {
  Cursor* c = reinterpret_cast<Cursor*>(cur);
  switch (col) {
    case kId: sqlite3_result_int64(ctx, c->ids[c->person]); break;
    case kPartner: sqlite3_result_int64(ctx, c->result.partner[c->entry]); break;
    case kScore: sqlite3_result_double(ctx, c->result.score[c->entry]); break;
    case kRank:
      sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(c->entry - c->result.offsets[c->person] + 1));
      break;
    default: sqlite3_result_null(ctx); break;  // hidden argument columns
  }
  return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor* cur, sqlite_int64* out) {
  *out = reinterpret_cast<Cursor*>(cur)->rowid;
  return SQLITE_OK;
}

}  // namespace

// Eponymous-only (no xCreate), read-only.
extern const sqlite3_module top_partners_module = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ connect,
    /* xBestIndex */ best_index,
    /* xDisconnect */ disconnect,
    /* xDestroy */ nullptr,
    /* xOpen */ open,
    /* xClose */ close,
    /* xFilter */ filter,
    /* xNext */ next,
    /* xEof */ eof,
    /* xColumn */ column,
    /* xRowid */ rowid,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

}  // namespace rcp::sql
