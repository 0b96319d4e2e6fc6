// SQL faces of core/topk: best_partner and best_partners (aggregates).
#include <cmath>
#include <memory>

#include "core/json.hpp"
#include "core/topk.hpp"
#include "functions.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

namespace {

// A candidate id as SQL has it: an integer or a text. Ordered as SQLite orders
// them (integers before text, text by bytes), so "smallest id" means what
// ORDER BY id means.
struct SqlId {
  bool is_text = false;
  sqlite3_int64 i = 0;
  std::string s;

  friend bool operator<(const SqlId& x, const SqlId& y) {
    if (x.is_text != y.is_text) return !x.is_text;
    return x.is_text ? x.s < y.s : x.i < y.i;
  }
};

struct PartnerState {
  explicit PartnerState(std::uint64_t k) : top(k) {}
  TopK<SqlId> top;
};

struct StateSlot {
  PartnerState* state;  // owned; created on the first row
};

// Reads (candidate_id, score); returns false when the row is skipped.
// json_ids: the ids go into JSON text, so a text id must be valid UTF-8.
bool read_row(sqlite3_value** argv, SqlId* id, double* score, bool json_ids) {
  switch (sqlite3_value_type(argv[0])) {
    case SQLITE_NULL: return false;
    case SQLITE_INTEGER:
      id->i = sqlite3_value_int64(argv[0]);
      break;
    case SQLITE_TEXT: {
      id->is_text = true;
      const char* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
      if (!t) throw std::bad_alloc();
      id->s.assign(t, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
      if (json_ids && !is_valid_utf8(id->s)) throw SqlError{"candidate_id is text but not valid UTF-8"};
      break;
    }
    default:
      throw SqlError{std::string("candidate_id must be an integer or text, not ") + type_name(argv[0])};
  }
  if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return false;
  double s = number_arg(argv[1], 0.0, "score");
  if (!std::isfinite(s)) throw SqlError{"score must be a finite number"};
  if (s < 0.0) {
    std::string shown;  // shortest form: std::to_string would show -1e-09 as "-0.000000"
    json::append_number(shown, s);
    throw SqlError{"score must be >= 0, got " + shown};
  }
  *score = s;
  return s > 0.0;
}

std::uint64_t read_k(sqlite3_value* v) {
  if (sqlite3_value_numeric_type(v) != SQLITE_INTEGER || sqlite3_value_int64(v) <= 0) {
    throw SqlError{"k must be a positive integer"};
  }
  return static_cast<std::uint64_t>(sqlite3_value_int64(v));
}

void step(sqlite3_context* ctx, sqlite3_value** argv, std::uint64_t k, bool check_k, bool json_ids) {
  auto* slot = static_cast<StateSlot*>(sqlite3_aggregate_context(ctx, sizeof(StateSlot)));
  if (!slot) throw std::bad_alloc();
  if (!slot->state) slot->state = new PartnerState(k);
  else if (check_k && slot->state->top.k() != k) throw SqlError{"k must be the same on every row"};
  SqlId id;
  double s = 0.0;
  if (read_row(argv, &id, &s, json_ids)) slot->state->top.add(id, s);
}

std::unique_ptr<PartnerState> take_state(sqlite3_context* ctx) {
  auto* slot = static_cast<StateSlot*>(sqlite3_aggregate_context(ctx, 0));
  std::unique_ptr<PartnerState> owned(slot ? slot->state : nullptr);
  if (slot) slot->state = nullptr;
  return owned;
}

}  // namespace

// best_partner(candidate_id, score): the candidate with the highest score;
// ties -> smallest id; NULL and 0 scores skipped; NULL when none.
void best_partner_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "best_partner", [&] { step(ctx, argv, 1, false, false); });
}

void best_partner_final(sqlite3_context* ctx) {
  std::unique_ptr<PartnerState> st = take_state(ctx);
  guard(ctx, "best_partner", [&] {
    if (!st || st->top.size() == 0) return sqlite3_result_null(ctx);
    SqlId id = st->top.sorted().front().first;
    if (id.is_text) sqlite3_result_text64(ctx, id.s.data(), id.s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    else sqlite3_result_int64(ctx, id.i);
  });
}

// best_partners(candidate_id, score, k): top-k as a JSON array of
// {"id": ..., "score": ...}, score descending then id ascending.
void best_partners_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "best_partners", [&] { step(ctx, argv, read_k(argv[2]), true, true); });
}

void best_partners_final(sqlite3_context* ctx) {
  std::unique_ptr<PartnerState> st = take_state(ctx);
  guard(ctx, "best_partners", [&] {
    std::string out = "[";
    if (st) {
      bool first = true;
      for (const auto& [id, s] : st->top.sorted()) {
        if (!first) out += ',';
        first = false;
        out += "{\"id\":";
        if (id.is_text) json::append_string(out, id.s);
        else out += std::to_string(id.i);
        out += ",\"score\":";
        json::append_number(out, s);
        out += '}';
      }
    }
    out += ']';
    result_json(ctx, out);
  });
}

}  // namespace rcp::sql
