// The loadable SQLite extension: reciprocity.so, entry point sqlite3_reciprocity_init.
// Every SQL function is registered from the one table below.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <cstdio>

#include "functions.hpp"

namespace rcp::sql {
namespace {

// Pure functions: same result for the same arguments, safe in views, indexes and triggers.
constexpr int kPure = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
#ifdef SQLITE_RESULT_SUBTYPE
constexpr int kJson = kPure | SQLITE_RESULT_SUBTYPE;
#else
constexpr int kJson = kPure;
#endif

struct Entry {
  const char* name;
  int argc;
  int flags;
  void (*scalar)(sqlite3_context*, int, sqlite3_value**);
  void (*step)(sqlite3_context*, int, sqlite3_value**);
  void (*final)(sqlite3_context*);
};

constexpr Entry kFunctions[] = {
    {"reciprocity_profile", 3, kPure, nullptr, profile_step, profile_final},
    {"reciprocity_profile_json", 1, kPure, profile_json, nullptr, nullptr},
    {"reciprocity_profile_to_json", 1, kJson, profile_to_json, nullptr, nullptr},
    {"reciprocity_score", 2, kPure, score, nullptr, nullptr},
    {"reciprocity_score", 3, kPure, score, nullptr, nullptr},
    {"reciprocity_benefit", 2, kPure, benefit, nullptr, nullptr},
    {"reciprocity_explain", 2, kJson, explain, nullptr, nullptr},
    {"reciprocity_explain", 3, kJson, explain, nullptr, nullptr},
    {"reciprocity_version", 0, kPure, version, nullptr, nullptr},
    {"best_partner", 2, kPure, nullptr, best_partner_step, best_partner_final},
    {"best_partners", 3, kJson, nullptr, best_partners_step, best_partners_final},
};

// Table-valued functions (eponymous virtual tables).
struct Module {
  const char* name;
  const sqlite3_module* module;
};

constexpr Module kModules[] = {
    {"reciprocity_top_partners", &top_partners_module},
    {"reciprocity_match", &match_module},
    {"reciprocity_match_audit", &match_audit_module},
};

}  // namespace
}  // namespace rcp::sql

extern "C" __attribute__((visibility("default"))) int sqlite3_reciprocity_init(sqlite3* db, char** pzErrMsg,
                                                                             const sqlite3_api_routines* pApi) {
  SQLITE_EXTENSION_INIT2(pApi);
  for (const auto& f : rcp::sql::kFunctions) {
    int rc = sqlite3_create_function_v2(db, f.name, f.argc, f.flags, nullptr, f.scalar, f.step, f.final, nullptr);
    if (rc != SQLITE_OK) {
      if (pzErrMsg) *pzErrMsg = sqlite3_mprintf("reciprocity: cannot register %s/%d: %s", f.name, f.argc, sqlite3_errstr(rc));
      return rc;
    }
  }
  for (const auto& m : rcp::sql::kModules) {
    int rc = sqlite3_create_module_v2(db, m.name, m.module, nullptr, nullptr);
    if (rc != SQLITE_OK) {
      if (pzErrMsg) *pzErrMsg = sqlite3_mprintf("reciprocity: cannot register %s: %s", m.name, sqlite3_errstr(rc));
      return rc;
    }
  }
  return SQLITE_OK;
}
