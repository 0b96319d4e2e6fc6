// SQL faces of core/score: reciprocity_score, reciprocity_benefit,
// reciprocity_explain, and reciprocity_version.
#include "core/version.hpp"
#include "functions.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

// reciprocity_score(a, b [, mode]) -> REAL in [0, 1]. The hot path: it reads
// both BLOBs in place and allocates nothing.
void score(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  guard(ctx, "reciprocity_score", [&] {
    ProfileView a, b;
    bool has_a = profile_arg(argv, 0, &a);
    bool has_b = profile_arg(argv, 1, &b);
    Mode m = mode_arg(ctx, argv, argc, 2);
    if (!has_a || !has_b) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, rcp::score(a, b, m));
  });
}

// reciprocity_benefit(receiver, giver) -> REAL in [0, 1], one way.
void benefit(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "reciprocity_benefit", [&] {
    ProfileView receiver, giver;
    bool has_r = profile_arg(argv, 0, &receiver);
    bool has_g = profile_arg(argv, 1, &giver);
    if (!has_r || !has_g) return sqlite3_result_null(ctx);
    sqlite3_result_double(ctx, rcp::benefit(receiver, giver));
  });
}

// reciprocity_explain(a, b [, mode]) -> JSON text.
void explain(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  guard(ctx, "reciprocity_explain", [&] {
    ProfileView a, b;
    bool has_a = profile_arg(argv, 0, &a);
    bool has_b = profile_arg(argv, 1, &b);
    Mode m = mode_arg(ctx, argv, argc, 2);
    if (!has_a || !has_b) return sqlite3_result_null(ctx);
    result_json(ctx, explanation_to_json(rcp::explain(a, b, m)));
  });
}

void version(sqlite3_context* ctx, int, sqlite3_value**) {
  sqlite3_result_text(ctx, RCP_VERSION_STRING, -1, SQLITE_STATIC);
}

}  // namespace rcp::sql
