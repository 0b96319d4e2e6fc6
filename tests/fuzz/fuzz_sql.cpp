// libFuzzer target: the SQL functions of the extension, driven through an
// in-memory SQLite database. The extension's sources are linked in and
// registered with sqlite3_auto_extension(sqlite3_reciprocity_init).
//
// Input bytes (tests/fuzz/corpus/fuzz_sql/ has examples):
//   byte 0      which statement (index into kQueries, modulo its size)
//   then fields separated by 0x1F, at most 4, bound to ?1..?4. The first
//   byte of a field is its type: 'b' BLOB, 't' TEXT, 'i' INTEGER (the rest
//   read as a decimal), 'r' REAL (decimal), anything else NULL.
// Every statement runs to completion or to an error; SQLite and ASan/UBSan
// catch the rest. Tables `people(id, profile)` and `cands(a, b, score)` hold
// fixed rows plus rows made from the fields, for the table-valued functions.
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern "C" int sqlite3_reciprocity_init(sqlite3* db, char** pzErrMsg, const sqlite3_api_routines* pApi);

namespace {

const char* const kQueries[] = {
    "SELECT reciprocity_score(?1, ?2)",
    "SELECT reciprocity_score(?1, ?2, ?3)",
    "SELECT reciprocity_benefit(?1, ?2)",
    "SELECT reciprocity_explain(?1, ?2)",
    "SELECT reciprocity_explain(?1, ?2, ?3)",
    "SELECT reciprocity_profile_json(?1)",
    "SELECT reciprocity_profile_to_json(?1)",
    "SELECT reciprocity_profile_to_json(reciprocity_profile_json(?1))",
    "SELECT reciprocity_score(reciprocity_profile_json(?1), reciprocity_profile_json(?2), ?3)",
    "SELECT reciprocity_explain(reciprocity_profile_json(?1), reciprocity_profile_json(?2), ?3)",
    "SELECT reciprocity_profile(?1, ?2, ?3)",
    "SELECT reciprocity_profile_to_json(reciprocity_profile(column1, column2, column3)) FROM "
    "(VALUES (?1, ?2, ?3), (?3, ?1, ?2), ('python', 4, 0), (?4, 1, 1))",
    "SELECT best_partner(column1, column2) FROM (VALUES (?1, ?2), (?3, ?4), (7, 0.5))",
    "SELECT best_partners(column1, column2, ?3) FROM (VALUES (?1, ?2), (?2, ?1), (1, 0.5), (2, 0.25))",
    "SELECT best_partners(column1, column2, ?1) FROM (VALUES (?2, ?3), (?3, ?4))",
    "SELECT * FROM reciprocity_top_partners('people', ?1)",
    "SELECT * FROM reciprocity_top_partners('people', ?1, ?2)",
    "SELECT * FROM reciprocity_top_partners(?1, ?2, ?3)",
    "SELECT * FROM reciprocity_match('cands', ?1)",
    "SELECT * FROM reciprocity_match(?1, ?2)",
    "SELECT * FROM reciprocity_match_audit('cands', ?1)",
    "SELECT * FROM reciprocity_match_audit('cands', ?1, ?2)",
    "SELECT * FROM reciprocity_match_audit(?1, ?2, ?3)",
    "SELECT reciprocity_version(), reciprocity_score(?1, ?1, ?2)",
};
constexpr std::size_t kNumQueries = sizeof kQueries / sizeof kQueries[0];

const char kSetup[] =
    "CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);"
    "INSERT INTO people VALUES"
    " (1, reciprocity_profile_json('{\"python\": {\"level\": 5}, \"finance\": {\"want\": 1}}')),"
    " (2, reciprocity_profile_json('{\"python\": {\"level\": 1, \"want\": 1}, \"finance\": {\"level\": 4}}')),"
    " (3, reciprocity_profile_json('{\"python\": {\"want\": 2}, \"finance\": {\"level\": 5}}')),"
    " (4, NULL);"
    "CREATE TABLE cands(a INTEGER, b INTEGER, score REAL);"
    "INSERT INTO cands VALUES (1, 2, 0.5), (2, 3, 0.75), (1, 3, 0.25), (3, 4, 1.0);"
    "CREATE TABLE mentors(id INTEGER, capacity INTEGER);"
    "INSERT INTO mentors VALUES (1, 2);";

struct Field {
  char type = 'n';
  std::string bytes;
};

void bind(sqlite3_stmt* st, int i, const Field& f) {
  switch (f.type) {
    case 'b':
      sqlite3_bind_blob(st, i, f.bytes.data(), static_cast<int>(f.bytes.size()), SQLITE_TRANSIENT);
      break;
    case 't':
      sqlite3_bind_text(st, i, f.bytes.data(), static_cast<int>(f.bytes.size()), SQLITE_TRANSIENT);
      break;
    case 'i':
      sqlite3_bind_int64(st, i, std::strtoll(f.bytes.c_str(), nullptr, 10));
      break;
    case 'r':
      sqlite3_bind_double(st, i, std::strtod(f.bytes.c_str(), nullptr));
      break;
    default:
      sqlite3_bind_null(st, i);
  }
}

sqlite3* open_db();

// Every statement prepares (checked once, at start-up), so none is dead.
void check_queries() {
  sqlite3* db = open_db();
  for (const char* sql : kQueries) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "cannot prepare %s: %s\n", sql, sqlite3_errmsg(db));
      std::abort();
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
}

void run(sqlite3* db, const char* sql, const std::vector<Field>& fields) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) return;  // e.g. an interrupted prepare
  int n = sqlite3_bind_parameter_count(st);
  for (int i = 1; i <= n; ++i) {
    if (static_cast<std::size_t>(i) <= fields.size()) bind(st, i, fields[i - 1]);
  }
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW && ++rows < 10000) {
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      // Read every value in its own type, so a text or blob is touched.
      if (sqlite3_column_type(st, c) == SQLITE_BLOB || sqlite3_column_type(st, c) == SQLITE_TEXT) {
        const unsigned char* p = static_cast<const unsigned char*>(sqlite3_column_blob(st, c));
        int len = sqlite3_column_bytes(st, c);
        volatile unsigned sum = 0;
        for (int k = 0; k < len; ++k) sum += p[k];
      }
    }
  }
  sqlite3_finalize(st);
}

sqlite3* open_db() {
  sqlite3* db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) std::abort();
  // Bound the work of one input: a fuzzer-written source query may loop.
  static int ticks;
  ticks = 0;
  sqlite3_progress_handler(db, 1000, [](void*) { return ++ticks > 5000 ? 1 : 0; }, nullptr);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1 << 20);
  char* err = nullptr;
  if (sqlite3_exec(db, kSetup, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "setup failed: %s\n", err ? err : "?");
    std::abort();
  }
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sqlite3_auto_extension(reinterpret_cast<void (*)()>(sqlite3_reciprocity_init));
  check_queries();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 4096) return 0;
  const char* sql = kQueries[data[0] % kNumQueries];
  std::vector<Field> fields;
  std::size_t i = 1;
  while (i <= size && fields.size() < 4) {
    std::size_t j = i;
    while (j < size && data[j] != 0x1F) ++j;
    Field f;
    if (j > i) {
      f.type = static_cast<char>(data[i]);
      f.bytes.assign(reinterpret_cast<const char*>(data + i + 1), j - i - 1);
    }
    fields.push_back(std::move(f));
    i = j + 1;
  }

  sqlite3* db = open_db();
  // Rows made from the fields: a person whose profile is field 1, a candidate pair.
  run(db, "INSERT OR IGNORE INTO people VALUES (10, ?1)", fields);
  run(db, "INSERT INTO cands VALUES (?3, ?4, ?2)", fields);
  run(db, sql, fields);
  sqlite3_close(db);
  return 0;
}
