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
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "core/top_partners.hpp"
#include "functions.hpp"
#include "source_sql.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

namespace {

constexpr const char* kFn = "reciprocity_top_partners";

enum Column { kId, kPartner, kScore, kRank, kSource, kK, kOptions };


struct Cursor {
  sqlite3_vtab_cursor base;  // first
  std::vector<std::int64_t> ids;  // person ids, source order
  TopPartnersResult result;
  std::size_t person = 0;  // current row: person, and entry in result
  std::size_t entry = 0;
  sqlite3_int64 rowid = 0;
};

// ----------------------------------------------------------- running queries

// Prepares the statement that reads `what` (a name or a SELECT) for the
// argument called `role` ("source", "exclude"), and finds its two columns.
Stmt open_source(sqlite3* db, const std::string& raw, const char* role, const char* col1, const char* col2, int* i1,
                 int* i2) {
  Stmt stmt = prepare_source(db, raw, role);
  int n = sqlite3_column_count(stmt.get());
  *i1 = find_column(stmt.get(), col1);
  *i2 = find_column(stmt.get(), col2);
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

bool step(sqlite3* db, sqlite3_stmt* s, const char* role) { return step_source(db, s, role); }

struct Options {
  Mode mode = kDefaultMode;
  unsigned threads = 0;
  bool has_exclude = false;
  std::string exclude;
};

Options parse_options(sqlite3_value* v) {
  Options o;
  json::Value doc = options_object(v);
  if (doc.type == json::Value::Type::null) return o;
  bool seen_mode = false, seen_threads = false;
  for (const auto& entry : doc.object) {
    // Plain references, not a structured binding: C++17 lambdas cannot capture those (clang rejects it).
    const std::string& key = entry.first;
    const json::Value& val = entry.second;
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
      throw SqlError{"unknown option '" + shown_key(key) + "' (valid options: exclude, mode, threads)"};
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

template <typename Body>
int vtab_guard(sqlite3_vtab* vt, Body&& body) noexcept {
  return rcp::sql::vtab_guard(vt, kFn, std::forward<Body>(body));
}

// --------------------------------------------------------------- the module

int connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  return connect_with(db, out,
                      "CREATE TABLE x(id INTEGER, partner INTEGER, score REAL, rank INTEGER,"
                      " source HIDDEN, k HIDDEN, options HIDDEN)");
}

// Source and k are required (xFilter says so when one is missing), options
// are used when given.
int best_index(sqlite3_vtab* vt, sqlite3_index_info* info) { return best_index_args(vt, info, kSource, 3); }

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
    if ((idxNum & 3) != 3 || argc < 2) {
      throw SqlError{std::string("needs a source and k, as in ") + kFn + "('people', 10)"};
    }
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
    /* xOpen */ open_cursor<Cursor>,
    /* xClose */ close_cursor<Cursor>,
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
