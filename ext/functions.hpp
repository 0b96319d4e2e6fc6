// The SQL functions of the extension; extension.cpp registers them from one table.
#pragma once

#include <sqlite3ext.h>

namespace rcp::sql {

// profile_sql.cpp
void profile_step(sqlite3_context*, int, sqlite3_value**);
void profile_final(sqlite3_context*);
void profile_json(sqlite3_context*, int, sqlite3_value**);
void profile_to_json(sqlite3_context*, int, sqlite3_value**);

// score_sql.cpp
void score(sqlite3_context*, int, sqlite3_value**);
void benefit(sqlite3_context*, int, sqlite3_value**);
void explain(sqlite3_context*, int, sqlite3_value**);
void version(sqlite3_context*, int, sqlite3_value**);

// best_partner_sql.cpp
void best_partner_step(sqlite3_context*, int, sqlite3_value**);
void best_partner_final(sqlite3_context*);
void best_partners_step(sqlite3_context*, int, sqlite3_value**);
void best_partners_final(sqlite3_context*);

// top_partners_sql.cpp: the table-valued function reciprocity_top_partners
extern const sqlite3_module top_partners_module;

// match_sql.cpp: the table-valued functions reciprocity_match and reciprocity_match_audit
extern const sqlite3_module match_module;
extern const sqlite3_module match_audit_module;

}  // namespace rcp::sql
