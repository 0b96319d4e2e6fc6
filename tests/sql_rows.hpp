// Shared by the GoogleTest suites that drive SQL directly (top_partners, match):
// run a statement and get its rows as text, or its error.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

namespace rcp::test {

// Rows as text "a|b|c" (NULL as "NULL"), then "error: <message>" if it failed.
inline std::vector<std::string> sql_rows(sqlite3* db, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    out.push_back(std::string("error: ") + sqlite3_errmsg(db));
    return out;
  }
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    std::string r;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      if (c) r += '|';
      const unsigned char* t = sqlite3_column_text(s, c);
      r += t ? reinterpret_cast<const char*>(t) : "NULL";
    }
    out.push_back(r);
  }
  if (rc != SQLITE_DONE) out.push_back(std::string("error: ") + sqlite3_errmsg(db));
  sqlite3_finalize(s);
  return out;
}

// The last line of sql_rows: the error, or "no error" when there were no rows.
inline std::string sql_error(sqlite3* db, const std::string& sql) {
  auto r = sql_rows(db, sql);
  return r.empty() ? "no error" : r.back();
}

}  // namespace rcp::test
