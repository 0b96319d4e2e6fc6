// Shared by the GoogleTest suites that drive SQL directly (top_partners, match):
// run a statement and get its rows as text, or its error, in an in-memory
// database with the extension loaded.
#pragma once

#include <gtest/gtest.h>
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

// A fixture: an in-memory database with the extension (RCP_EXTENSION_PATH)
// loaded. Suites add their tables in SetUp after calling this one's.
class ExtensionDb : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(SQLITE_OK, sqlite3_open(":memory:", &db_));
    sqlite3_enable_load_extension(db_, 1);
    char* err = nullptr;
    ASSERT_EQ(SQLITE_OK, sqlite3_load_extension(db_, RCP_EXTENSION_PATH, nullptr, &err)) << (err ? err : "");
  }
  void TearDown() override { sqlite3_close(db_); }

  void exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    ASSERT_EQ(SQLITE_OK, rc) << (err ? err : "");
  }
  std::vector<std::string> rows(const std::string& sql) { return sql_rows(db_, sql); }
  std::string error(const std::string& sql) { return sql_error(db_, sql); }

  sqlite3* db_ = nullptr;
};

}  // namespace rcp::test
