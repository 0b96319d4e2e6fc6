// SQL face of core/match: the table-valued functions
//
//   SELECT a, b, score FROM reciprocity_match(source [, options])
//   SELECT * FROM reciprocity_match_audit(source [, options [, matching]])
//
// Eponymous-only virtual tables in the pattern of SQLite's ext/misc/series.c:
// the arguments are hidden columns that xBestIndex requires as equality
// constraints. `source` is a table or view name, or one read-only SELECT, of
// candidate pairs (a, b, score [, a_gain, b_gain]); `options` is a JSON
// object {"objective": "total"|"fair"|"stable", "mentors": <name or SELECT
// of (id, capacity)>, "pinned": <name or SELECT of (a, b)>}; `matching` (audit
// only) is a name or SELECT of (a, b): the matching to audit, by default the
// one reciprocity_match returns for the same source and options. Both tables
// are DIRECTONLY: they run queries named by their arguments, so a view or
// trigger of an untrusted schema must not be able to call them.
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "core/match.hpp"
#include "functions.hpp"
#include "source_sql.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

namespace {

constexpr const char* kMatchFn = "reciprocity_match";
constexpr const char* kAuditFn = "reciprocity_match_audit";

struct Options {
  std::string objective = "total";
  bool has_mentors = false;
  std::string mentors;
  bool has_pinned = false;
  std::string pinned;
};

Options parse_options(sqlite3_value* v) {
  Options o;
  json::Value doc = options_object(v);
  if (doc.type == json::Value::Type::null) return o;
  bool seen_objective = false;
  for (const auto& entry : doc.object) {
    // Plain references, not a structured binding: C++17 lambdas cannot capture those (clang rejects it).
    const std::string& key = entry.first;
    const json::Value& val = entry.second;
    auto once = [&](bool& seen) {
      if (seen) throw SqlError{"option '" + key + "' is given twice"};
      seen = true;
    };
    auto source_text = [&]() {
      if (val.type != json::Value::Type::string) {
        throw SqlError{"option '" + key + "' must be a table or view name or a SELECT, as a string, not " +
                       val.type_name()};
      }
      return val.string;
    };
    if (key == "objective") {
      once(seen_objective);
      if (val.type != json::Value::Type::string) {
        throw SqlError{std::string("option 'objective' must be a string, not ") + val.type_name() +
                       " (valid objectives: total, fair, stable)"};
      }
      o.objective = val.string;
      (void)parse_match_objective(o.objective);  // unknown names fail here
    } else if (key == "mentors") {
      once(o.has_mentors);
      o.mentors = source_text();
    } else if (key == "pinned") {
      once(o.has_pinned);
      o.pinned = source_text();
    } else {
      throw SqlError{"unknown option '" + shown_key(key) + "' (valid options: mentors, objective, pinned)"};
    }
  }
  return o;
}

std::string pair_text(std::int64_t a, std::int64_t b) {
  return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

// A score or gain of a source row: INTEGER or REAL.
double number_value(sqlite3_value* v, const char* col, std::int64_t a, std::int64_t b) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return static_cast<double>(sqlite3_value_int64(v));
    case SQLITE_FLOAT: return sqlite3_value_double(v);
    case SQLITE_NULL: throw SqlError{"source: pair " + pair_text(a, b) + " has a NULL " + col};
    default:
      throw SqlError{std::string("source: ") + col + " of pair " + pair_text(a, b) + " must be a number, not " +
                     type_name(v)};
  }
}

std::int64_t id_value(sqlite3_value* v, const char* role, const char* col) {
  const int type = sqlite3_value_type(v);
  if (type == SQLITE_INTEGER) return sqlite3_value_int64(v);  // the usual case: no message built
  if (type == SQLITE_NULL) throw SqlError{std::string(role) + " has a NULL " + col};
  return integer_value(v, std::string(role) + " " + col);
}

// Opens a two-column source (by name, or by position when it has exactly two
// columns).
Stmt open_two(sqlite3* db, const std::string& raw, const char* role, const char* c1, const char* c2, int* i1, int* i2) {
  Stmt s = prepare_source(db, raw, role);
  *i1 = find_column(s.get(), c1);
  *i2 = find_column(s.get(), c2);
  if ((*i1 < 0 || *i2 < 0) && sqlite3_column_count(s.get()) == 2) {
    *i1 = 0;
    *i2 = 1;
  }
  if (*i1 < 0 || *i2 < 0) {
    throw SqlError{std::string(role) + " must have columns " + c1 + " and " + c2 + " (it has no column " +
                   (*i1 < 0 ? c1 : c2) + ")"};
  }
  return s;
}

// Pairs (a, b) of `raw`; rows with a NULL are skipped.
std::vector<std::pair<std::int64_t, std::int64_t>> read_pairs(sqlite3* db, const std::string& raw, const char* role) {
  int ca = -1, cb = -1;
  Stmt s = open_two(db, raw, role, "a", "b", &ca, &cb);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  const std::string ra = std::string(role) + " a", rb = std::string(role) + " b";
  while (step_source(db, s.get(), role)) {
    sqlite3_value* av = sqlite3_column_value(s.get(), ca);
    sqlite3_value* bv = sqlite3_column_value(s.get(), cb);
    if (sqlite3_value_type(av) == SQLITE_NULL || sqlite3_value_type(bv) == SQLITE_NULL) continue;
    out.emplace_back(integer_value(av, ra), integer_value(bv, rb));
  }
  return out;
}

// Reads the source and the options' tables into a MatchInput.
MatchInput read_input(sqlite3* db, sqlite3_value* source, const Options& o) {
  MatchInput in;
  in.objective = o.objective;
  if (sqlite3_value_type(source) != SQLITE_TEXT) {
    throw SqlError{std::string("source must be a table or view name or a SELECT, as text, not ") + type_name(source)};
  }
  Stmt s = prepare_source(db, text_value(source), "source");
  const int n = sqlite3_column_count(s.get());
  int ca = find_column(s.get(), "a"), cb = find_column(s.get(), "b"), cs = find_column(s.get(), "score");
  int cga = -1, cgb = -1;
  if (ca >= 0 && cb >= 0 && cs >= 0) {
    cga = find_column(s.get(), "a_gain");
    cgb = find_column(s.get(), "b_gain");
    if ((cga < 0) != (cgb < 0)) {
      throw SqlError{std::string("source has a column ") + (cga < 0 ? "b_gain" : "a_gain") + " but no column " +
                     (cga < 0 ? "a_gain" : "b_gain") + " (give both gains or neither)"};
    }
  } else if (n == 3 || n == 5) {  // unnamed columns: by position
    ca = 0, cb = 1, cs = 2;
    if (n == 5) cga = 3, cgb = 4;
  } else {
    const char* missing = ca < 0 ? "a" : cb < 0 ? "b" : "score";
    throw SqlError{std::string("source must have columns a, b and score, and optionally a_gain and b_gain (it has no "
                               "column ") +
                   missing + ")"};
  }
  in.gains = cga >= 0;
  while (step_source(db, s.get(), "source")) {
    MatchCandidate c;
    c.a = id_value(sqlite3_column_value(s.get(), ca), "source", "a");
    c.b = id_value(sqlite3_column_value(s.get(), cb), "source", "b");
    c.score = number_value(sqlite3_column_value(s.get(), cs), "score", c.a, c.b);
    if (in.gains) {
      c.a_gain = number_value(sqlite3_column_value(s.get(), cga), "a_gain", c.a, c.b);
      c.b_gain = number_value(sqlite3_column_value(s.get(), cgb), "b_gain", c.a, c.b);
    }
    in.candidates.push_back(c);
  }
  s.reset();

  if (o.has_mentors) {
    in.capacitated = true;
    int ci = -1, cc = -1;
    Stmt m = open_two(db, o.mentors, "mentors", "id", "capacity", &ci, &cc);
    while (step_source(db, m.get(), "mentors")) {
      MentorCapacity mc;
      mc.id = id_value(sqlite3_column_value(m.get(), ci), "mentors", "id");
      mc.capacity = id_value(sqlite3_column_value(m.get(), cc), "mentors", "capacity");
      in.mentors.push_back(mc);
    }
  }
  if (o.has_pinned) in.pinned = read_pairs(db, o.pinned, "pinned");
  return in;
}

// The argument values of xFilter by position (nullptr when not given).
void args_of(int idxNum, int argc, sqlite3_value** argv, int nargs, sqlite3_value** out) {
  int k = 0;
  for (int arg = 0; arg < nargs; ++arg) {
    out[arg] = nullptr;
    if ((idxNum >> arg & 1) && k < argc) out[arg] = argv[k++];
  }
}


// ------------------------------------------------------ reciprocity_match

enum MatchColumn { kA, kB, kScore, kMatchSource, kMatchOptions };

struct MatchCursor {
  sqlite3_vtab_cursor base;  // first
  std::vector<MatchPair> pairs;
  std::size_t pos = 0;
};

int match_connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  return connect_with(db, out, "CREATE TABLE x(a INTEGER, b INTEGER, score REAL, source HIDDEN, options HIDDEN)");
}

int match_best_index(sqlite3_vtab* vt, sqlite3_index_info* info) {
  return best_index_args(vt, info, kMatchSource, 2);
}

int match_filter(sqlite3_vtab_cursor* cur, int idxNum, const char*, int argc, sqlite3_value** argv) {
  MatchCursor* c = reinterpret_cast<MatchCursor*>(cur);
  Table* t = reinterpret_cast<Table*>(cur->pVtab);
  c->pairs.clear();
  c->pos = 0;
  return vtab_guard(cur->pVtab, kMatchFn, [&] {
    sqlite3_value* args[2];
    args_of(idxNum, argc, argv, 2, args);
    if (!args[0]) throw SqlError{"needs a source, as in reciprocity_match('candidates')"};
    Options o = parse_options(args[1]);
    MatchInput in = read_input(t->db, args[0], o);
    c->pairs = match(in).pairs;
  });
}

int match_next(sqlite3_vtab_cursor* cur) {
  ++reinterpret_cast<MatchCursor*>(cur)->pos;
  return SQLITE_OK;
}

int match_eof(sqlite3_vtab_cursor* cur) {
  MatchCursor* c = reinterpret_cast<MatchCursor*>(cur);
  return c->pos >= c->pairs.size();
}

int match_column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int col) {
  MatchCursor* c = reinterpret_cast<MatchCursor*>(cur);
  const MatchPair& p = c->pairs[c->pos];
  switch (col) {
    case kA: sqlite3_result_int64(ctx, p.a); break;
    case kB: sqlite3_result_int64(ctx, p.b); break;
    case kScore: sqlite3_result_double(ctx, p.score); break;
    default: sqlite3_result_null(ctx); break;  // hidden argument columns
  }
  return SQLITE_OK;
}

int match_rowid(sqlite3_vtab_cursor* cur, sqlite_int64* out) {
  *out = static_cast<sqlite_int64>(reinterpret_cast<MatchCursor*>(cur)->pos + 1);
  return SQLITE_OK;
}

// ------------------------------------------------ reciprocity_match_audit

enum AuditColumn {
  kPeople,
  kPairs,
  kTotal,
  kWeakestScore,
  kWorstOff,
  kWorstOffScore,
  kUnmatched,
  kBlockingPairs,
  kBlocking,
  kStable,
  kExplanation,
  kAuditSource,
  kAuditOptions,
  kAuditMatching
};

struct AuditCursor {
  sqlite3_vtab_cursor base;  // first
  MatchAudit audit;
  bool done = true;
};

int audit_connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  return connect_with(db, out,
                      "CREATE TABLE x(people INTEGER, pairs INTEGER, total REAL, weakest_score REAL,"
                      " worst_off INTEGER, worst_off_score REAL, unmatched INTEGER, blocking_pairs INTEGER,"
                      " blocking TEXT, stable INTEGER, explanation TEXT,"
                      " source HIDDEN, options HIDDEN, matching HIDDEN)");
}

int audit_best_index(sqlite3_vtab* vt, sqlite3_index_info* info) {
  return best_index_args(vt, info, kAuditSource, 3);
}

int audit_filter(sqlite3_vtab_cursor* cur, int idxNum, const char*, int argc, sqlite3_value** argv) {
  AuditCursor* c = reinterpret_cast<AuditCursor*>(cur);
  Table* t = reinterpret_cast<Table*>(cur->pVtab);
  c->audit = MatchAudit();
  c->done = true;
  return vtab_guard(cur->pVtab, kAuditFn, [&] {
    sqlite3_value* args[3];
    args_of(idxNum, argc, argv, 3, args);
    if (!args[0]) throw SqlError{"needs a source, as in reciprocity_match_audit('candidates')"};
    Options o = parse_options(args[1]);
    MatchInput in = read_input(t->db, args[0], o);
    if (args[2] && sqlite3_value_type(args[2]) != SQLITE_NULL) {
      if (sqlite3_value_type(args[2]) != SQLITE_TEXT) {
        throw SqlError{std::string("matching must be a table or view name or a SELECT, as text, not ") +
                       type_name(args[2])};
      }
      auto pairs = read_pairs(t->db, text_value(args[2]), "matching");
      c->audit = audit(in, pairs);
    } else {
      c->audit = match(in).audit;
    }
    c->done = false;
  });
}

int audit_next(sqlite3_vtab_cursor* cur) {
  reinterpret_cast<AuditCursor*>(cur)->done = true;
  return SQLITE_OK;
}

int audit_eof(sqlite3_vtab_cursor* cur) { return reinterpret_cast<AuditCursor*>(cur)->done; }

int audit_column(sqlite3_vtab_cursor* cur, sqlite3_context* ctx, int col) {
  const MatchAudit& a = reinterpret_cast<AuditCursor*>(cur)->audit;
  switch (col) {
    case kPeople: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(a.people)); break;
    case kPairs: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(a.pairs)); break;
    case kTotal: sqlite3_result_double(ctx, a.total); break;
    case kWeakestScore: sqlite3_result_double(ctx, a.weakest_score); break;
    case kWorstOff:
      if (a.has_worst_off) sqlite3_result_int64(ctx, a.worst_off);
      else sqlite3_result_null(ctx);
      break;
    case kWorstOffScore:
      if (a.has_worst_off) sqlite3_result_double(ctx, a.worst_off_score);
      else sqlite3_result_null(ctx);
      break;
    case kUnmatched: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(a.unmatched)); break;
    case kBlockingPairs: sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(a.blocking.size())); break;
    case kBlocking: {
      std::string s = "[";
      for (std::size_t i = 0; i < a.blocking.size(); ++i) {
        if (i) s += ',';
        s += "[" + std::to_string(a.blocking[i].first) + "," + std::to_string(a.blocking[i].second) + "]";
      }
      s += "]";
      result_json(ctx, s);
      break;
    }
    case kStable: sqlite3_result_int(ctx, a.stable ? 1 : 0); break;
    case kExplanation:
      if (a.explanation.empty()) sqlite3_result_null(ctx);
      else sqlite3_result_text64(ctx, a.explanation.data(), a.explanation.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: sqlite3_result_null(ctx); break;  // hidden argument columns
  }
  return SQLITE_OK;
}

int audit_rowid(sqlite3_vtab_cursor*, sqlite_int64* out) {
  *out = 1;
  return SQLITE_OK;
}

}  // namespace

// Eponymous-only (no xCreate), read-only.
extern const sqlite3_module match_module = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ match_connect,
    /* xBestIndex */ match_best_index,
    /* xDisconnect */ disconnect,
    /* xDestroy */ nullptr,
    /* xOpen */ open_cursor<MatchCursor>,
    /* xClose */ close_cursor<MatchCursor>,
    /* xFilter */ match_filter,
    /* xNext */ match_next,
    /* xEof */ match_eof,
    /* xColumn */ match_column,
    /* xRowid */ match_rowid,
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

extern const sqlite3_module match_audit_module = {
    /* iVersion */ 0,
    /* xCreate */ nullptr,
    /* xConnect */ audit_connect,
    /* xBestIndex */ audit_best_index,
    /* xDisconnect */ disconnect,
    /* xDestroy */ nullptr,
    /* xOpen */ open_cursor<AuditCursor>,
    /* xClose */ close_cursor<AuditCursor>,
    /* xFilter */ audit_filter,
    /* xNext */ audit_next,
    /* xEof */ audit_eof,
    /* xColumn */ audit_column,
    /* xRowid */ audit_rowid,
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
