/* The SQL test files without Python, for valgrind (scripts/valgrind.sh).
 *
 *   sql_driver EXTENSION FILE.sql [DATABASE]
 *
 * Loads the extension into one connection (DATABASE, ":memory:" by default)
 * and runs every statement of FILE.sql as tests/sql/run_sql_test.py splits
 * them: a statement ends at the line where it is complete; blank lines and
 * "--" comment lines between statements are skipped; "-- limit: NAME N" sets
 * sqlite3_limit(SQLITE_LIMIT_NAME, N) for what follows; in a file that starts
 * with "-- engine: shell", a line starting with "." is a dot-command of its
 * own: ".load PATH [ENTRY]" and ".limit NAME N" are run ({extension} stands
 * for EXTENSION), any other is skipped. Every row of every result is read
 * (each column as text or blob, as a client would).
 *
 * Rows are not compared (run_sql_test.py does that under ctest), but every
 * statement must fail exactly when the file expects an error ("-- !!"):
 * otherwise this run would not be the run the file describes. Exit status:
 * 0 when it does, 3 on a disagreement, 2 when the file or the extension cannot
 * be used (1 is left to valgrind's --error-exitcode). At the end the connection is closed and sqlite3_shutdown() called,
 * so that what SQLite keeps is freed and anything still allocated is ours.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
  const char* name;
  int id;
} kLimits[] = {
    {"length", SQLITE_LIMIT_LENGTH},
    {"sql_length", SQLITE_LIMIT_SQL_LENGTH},
    {"column", SQLITE_LIMIT_COLUMN},
    {"expr_depth", SQLITE_LIMIT_EXPR_DEPTH},
    {"compound_select", SQLITE_LIMIT_COMPOUND_SELECT},
    {"vdbe_op", SQLITE_LIMIT_VDBE_OP},
    {"function_arg", SQLITE_LIMIT_FUNCTION_ARG},
    {"attached", SQLITE_LIMIT_ATTACHED},
    {"like_pattern_length", SQLITE_LIMIT_LIKE_PATTERN_LENGTH},
    {"variable_number", SQLITE_LIMIT_VARIABLE_NUMBER},
    {"trigger_depth", SQLITE_LIMIT_TRIGGER_DEPTH},
    {"worker_threads", SQLITE_LIMIT_WORKER_THREADS},
};

static const char* g_file;
static const char* g_ext;

/* A statement (or directive) and whether the file expects it to fail. */
typedef struct {
  int line;
  char* text;
  int kind; /* 0 SQL, 1 dot-command, 2 limit directive */
  int expect_error;
} Case;

static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char* buf = malloc(cap + 1);
  for (;;) {
    if (!buf) break;
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (n < cap) break;
    cap *= 2;
    char* more = realloc(buf, cap + 1);
    if (!more) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = more;
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  return buf;
}

static const char* skip_space(const char* s) {
  while (*s == ' ' || *s == '\t' || *s == '\r') ++s;
  return s;
}

static int starts_with(const char* s, const char* prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* Sets a limit by its shell name ("length", ...); 0 when the name is unknown. */
static int set_limit(sqlite3* db, const char* name, const char* value) {
  for (size_t i = 0; i < sizeof kLimits / sizeof kLimits[0]; ++i) {
    if (sqlite3_stricmp(name, kLimits[i].name) == 0) {
      sqlite3_limit(db, kLimits[i].id, atoi(value));
      return 1;
    }
  }
  return 0;
}

/* Runs one SQL text (possibly several statements); 1 when one failed. */
static int run_sql(sqlite3* db, const char* sql, long* rows) {
  const char* tail = sql;
  while (tail && *tail) {
    sqlite3_stmt* st = NULL;
    const char* next = NULL;
    if (sqlite3_prepare_v2(db, tail, -1, &st, &next) != SQLITE_OK) return 1;
    if (!st) break; /* only white space or comments left */
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      ++*rows;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        if (sqlite3_column_type(st, c) == SQLITE_BLOB) (void)sqlite3_column_blob(st, c);
        else (void)sqlite3_column_text(st, c);
        (void)sqlite3_column_bytes(st, c);
      }
    }
    int fin = sqlite3_finalize(st);
    if (rc != SQLITE_DONE || fin != SQLITE_OK) return 1;
    tail = next;
  }
  return 0;
}

/* Runs a dot-command; 1 when it failed, -1 when it is not one we run. */
static int run_dot(sqlite3* db, const char* line) {
  char cmd[64] = "", a1[4096] = "", a2[4096] = "";
  int n = sscanf(line, ".%63s %4095s %4095s", cmd, a1, a2);
  if (n >= 2 && strcmp(cmd, "load") == 0) {
    char path[4096];
    if (strcmp(a1, "{extension}") == 0) snprintf(path, sizeof path, "%s", g_ext);
    else snprintf(path, sizeof path, "%s", a1);
    char* err = NULL;
    int rc = sqlite3_load_extension(db, path, n >= 3 ? a2 : NULL, &err);
    sqlite3_free(err);
    return rc != SQLITE_OK;
  }
  if (n == 3 && strcmp(cmd, "limit") == 0) return set_limit(db, a1, a2) ? 0 : 1;
  return -1;
}

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: %s EXTENSION FILE.sql [DATABASE]\n", argv[0]);
    return 2;
  }
  g_ext = argv[1];
  g_file = argv[2];
  char* text = read_file(g_file);
  if (!text) {
    fprintf(stderr, "%s: cannot read\n", g_file);
    return 2;
  }
  int shell = starts_with(text, "-- engine: shell\n") || starts_with(text, "-- engine: shell\r");

  /* Split into cases, as run_sql_test.py does. */
  size_t ncases = 0, capcases = 64;
  Case* cases = malloc(capcases * sizeof(Case));
  char* buf = NULL;
  size_t blen = 0;
  int start = 0, no = 0;
  char* line = text;
  while (line && cases) {
    char* nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    ++no;
    const char* s = skip_space(line);
    if (!buf && (starts_with(s, "-- =>") || starts_with(s, "-- !!") || starts_with(s, "-- limit:"))) {
      if (starts_with(s, "-- limit:")) {
        if (ncases == capcases) cases = realloc(cases, (capcases *= 2) * sizeof(Case));
        if (!cases) break;
        cases[ncases++] = (Case){no, strdup(s + strlen("-- limit:")), 2, 0};
      } else if (ncases == 0) {
        fprintf(stderr, "%s:%d: expectation before any statement\n", g_file, no);
        return 2;
      } else if (starts_with(s, "-- !!")) {
        cases[ncases - 1].expect_error = 1;
      }
    } else if (!buf && (*s == '\0' || starts_with(s, "--"))) {
      /* blank or comment */
    } else {
      size_t add = strlen(line);
      char* grown = realloc(buf, blen + add + 2);
      if (!grown) break;
      if (!buf) start = no;
      buf = grown;
      if (blen) buf[blen++] = '\n';
      memcpy(buf + blen, line, add + 1);
      blen += add;
      int dot = shell && start == no && *s == '.';
      if (dot || sqlite3_complete(buf)) {
        if (ncases == capcases) cases = realloc(cases, (capcases *= 2) * sizeof(Case));
        if (!cases) break;
        cases[ncases++] = (Case){start, buf, dot ? 1 : 0, 0};
        buf = NULL;
        blen = 0;
      }
    }
    line = nl ? nl + 1 : NULL;
  }
  if (!cases || line) {
    fprintf(stderr, "%s: out of memory\n", g_file);
    return 2;
  }
  if (buf) {
    fprintf(stderr, "%s:%d: unterminated statement\n", g_file, start);
    return 2;
  }

  sqlite3* db = NULL;
  if (sqlite3_open(argc == 4 ? argv[3] : ":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot open the database: %s\n", g_file, db ? sqlite3_errmsg(db) : "out of memory");
    return 2;
  }
  sqlite3_enable_load_extension(db, 1);
  char* err = NULL;
  if (sqlite3_load_extension(db, g_ext, NULL, &err) != SQLITE_OK) {
    fprintf(stderr, "%s: cannot load %s: %s\n", g_file, g_ext, err ? err : "?");
    sqlite3_free(err);
    return 2;
  }

  long rows = 0;
  int statements = 0, errors = 0, disagree = 0;
  for (size_t i = 0; i < ncases; ++i) {
    Case* c = &cases[i];
    int failed;
    if (c->kind == 2) {
      char name[64] = "", value[64] = "";
      if (sscanf(c->text, "%63s %63s", name, value) != 2 || !set_limit(db, name, value)) {
        fprintf(stderr, "%s:%d: bad limit directive '%s'\n", g_file, c->line, c->text);
        return 2;
      }
      continue;
    }
    ++statements;
    if (c->kind == 1) {
      failed = run_dot(db, c->text);
      if (failed < 0) {
        fprintf(stderr, "%s:%d: dot-command not run here: %s\n", g_file, c->line, c->text);
        continue;
      }
    } else {
      failed = run_sql(db, c->text, &rows);
    }
    errors += failed;
    if (failed != c->expect_error) {
      ++disagree;
      fprintf(stderr, "%s:%d: %s: %.100s\n", g_file, c->line,
              failed ? "unexpected error" : "expected an error, got none", c->text);
      if (failed) fprintf(stderr, "  error: %s\n", sqlite3_errmsg(db));
    }
  }
  int close_rc = sqlite3_close(db);
  for (size_t i = 0; i < ncases; ++i) free(cases[i].text);
  free(cases);
  free(text);
  sqlite3_shutdown();
  printf("%s: %d statements, %ld rows, %d errors (as expected: %s)\n", g_file, statements, rows, errors,
         disagree ? "NO" : "yes");
  if (close_rc != SQLITE_OK) {
    fprintf(stderr, "%s: sqlite3_close: %d (a statement left unfinalized)\n", g_file, close_rc);
    return 3;
  }
  return disagree ? 3 : 0;
}
