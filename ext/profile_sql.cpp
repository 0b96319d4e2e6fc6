// SQL faces of core/profile: reciprocity_profile (aggregate),
// reciprocity_profile_json, reciprocity_profile_to_json.
#include <memory>

#include "functions.hpp"
#include "sql_util.hpp"

namespace rcp::sql {

namespace {

struct ProfileState {
  ProfileBuilder* builder;  // owned; created on the first row
};

ProfileState* profile_state(sqlite3_context* ctx, bool create) {
  return static_cast<ProfileState*>(sqlite3_aggregate_context(ctx, create ? sizeof(ProfileState) : 0));
}

}  // namespace

// reciprocity_profile(topic, level, want): rows -> profile BLOB.
// NULL topic rows are skipped (a LEFT JOIN of someone with no skills);
// NULL level/want count as 0; a topic seen twice keeps the max level and want.
void profile_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "reciprocity_profile", [&] {
    ProfileState* st = profile_state(ctx, true);
    if (!st) throw std::bad_alloc();
    if (!st->builder) st->builder = new ProfileBuilder();
    int ttype = sqlite3_value_type(argv[0]);
    if (ttype == SQLITE_NULL) return;
    if (ttype != SQLITE_TEXT && ttype != SQLITE_INTEGER) {
      throw SqlError{std::string("topic must be text, not ") + type_name(argv[0])};
    }
    const char* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    if (!t) throw std::bad_alloc();
    std::string_view raw(t, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    // Canonical first: a bad name is reported as such, and messages never
    // carry raw bytes (NUL, invalid UTF-8) or a character cut in half.
    std::string topic = canonical_topic(raw);
    std::size_t cut = topic.size();
    if (cut > 64) {
      cut = 61;
      while (cut > 0 && (static_cast<unsigned char>(topic[cut]) & 0xC0) == 0x80) --cut;
    }
    std::string label = topic.substr(0, cut) + (cut < topic.size() ? "..." : "");
    double level = number_arg(argv[1], 0.0, "level for topic '" + label + "'");
    double want = number_arg(argv[2], 0.0, "want for topic '" + label + "'");
    st->builder->merge(topic, level, want);
  });
}

void profile_final(sqlite3_context* ctx) {
  ProfileState* st = profile_state(ctx, false);
  std::unique_ptr<ProfileBuilder> owned(st ? st->builder : nullptr);
  if (st) st->builder = nullptr;
  guard(ctx, "reciprocity_profile", [&] {
    // No rows at all: the empty profile (like count() gives 0, not NULL).
    Profile p = owned ? owned->build() : Profile();
    result_blob(ctx, p.blob());
  });
}

// reciprocity_profile_json(text) -> profile BLOB.
void profile_json(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "reciprocity_profile_json", [&] {
    int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_NULL) return sqlite3_result_null(ctx);
    if (type != SQLITE_TEXT) throw SqlError{std::string("argument 1 must be JSON text, not ") + type_name(argv[0])};
    const char* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    if (!t) throw std::bad_alloc();
    Profile p = profile_from_json(std::string_view(t, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
    result_blob(ctx, p.blob());
  });
}

// reciprocity_profile_to_json(profile) -> JSON text.
void profile_to_json(sqlite3_context* ctx, int, sqlite3_value** argv) {
  guard(ctx, "reciprocity_profile_to_json", [&] {
    ProfileView p;
    if (!profile_arg(argv, 0, &p)) return sqlite3_result_null(ctx);
    result_json(ctx, rcp::profile_to_json(p));
  });
}

}  // namespace rcp::sql
