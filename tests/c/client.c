/* A C99 client of the INSTALLED reciprocity C API (header and library found
 * through pkg-config or find_package), built with
 *   cc -std=c99 -Wall -Wextra -pedantic -Werror
 *
 * Usage: client HEX_A HEX_B SQL_SCORE
 *   HEX_A, HEX_B  two profile BLOBs written by the SQLite extension, in hex
 *                 (A = python 4, finance 1 want 3; B = python 1 want 2, finance 5)
 *   SQL_SCORE     reciprocity_score(A, B) as SQL computed it, printf('%.17g')
 * It reads the BLOBs, scores them, checks the result against SQL and against
 * the same profiles built through the API, and exercises the error path. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <reciprocity.h>

static int failures = 0;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "client.c:%d: CHECK(%s) failed (rcp_errmsg: %s)\n", __LINE__, #cond, rcp_errmsg()); \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

/* Decodes hex into a new buffer; returns NULL on bad input. */
static unsigned char *from_hex(const char *hex, size_t *size) {
  size_t n = strlen(hex), i;
  unsigned char *out;
  if (n % 2 != 0) return NULL;
  out = (unsigned char *)malloc(n / 2 ? n / 2 : 1);
  if (!out) return NULL;
  for (i = 0; i < n / 2; ++i) {
    unsigned int byte;
    if (sscanf(hex + 2 * i, "%2X", &byte) != 1) {
      free(out);
      return NULL;
    }
    out[i] = (unsigned char)byte;
  }
  *size = n / 2;
  return out;
}

int main(int argc, char **argv) {
  unsigned char *blob_a, *blob_b;
  size_t size_a = 0, size_b = 0, n = 0, built_size = 0;
  rcp_profile *a = NULL, *b = NULL, *built = NULL;
  double s = 0.0, sql_score, ben = 0.0;
  void *built_blob = NULL;
  char *json = NULL;

  if (argc != 4) {
    fprintf(stderr, "usage: %s HEX_A HEX_B SQL_SCORE\n", argv[0]);
    return 2;
  }
  blob_a = from_hex(argv[1], &size_a);
  blob_b = from_hex(argv[2], &size_b);
  sql_score = strtod(argv[3], NULL);
  if (!blob_a || !blob_b) {
    fprintf(stderr, "bad hex\n");
    return 2;
  }

  /* Header and library agree on the version. */
  printf("headers %s, library %s\n", RCP_VERSION_STRING, rcp_version());
  CHECK(strcmp(rcp_version(), RCP_VERSION_STRING) == 0);
  CHECK(rcp_version_number() == RCP_VERSION_NUMBER);

  /* BLOBs written by the SQLite extension. */
  CHECK(rcp_profile_from_blob(&a, blob_a, size_a) == RCP_OK);
  CHECK(rcp_profile_from_blob(&b, blob_b, size_b) == RCP_OK);
  CHECK(rcp_profile_size(a, &n) == RCP_OK && n == 2);
  CHECK(rcp_score(a, b, NULL, &s) == RCP_OK);
  printf("score(A, B) = %.17g (SQL: %.17g)\n", s, sql_score);
  CHECK(s == sql_score);
  CHECK(fabs(s - 2.0 * 0.8 * 0.6 / 1.4) < 1e-12);
  CHECK(rcp_benefit(a, b, &ben) == RCP_OK && fabs(ben - 0.8) < 1e-12);

  /* The same profile built through the API has the same bytes. */
  CHECK(rcp_profile_create(&built) == RCP_OK);
  CHECK(rcp_profile_set(built, "Python", 1.0, 2.0) == RCP_OK);
  CHECK(rcp_profile_set(built, "finance", 5.0, 0.0) == RCP_OK);
  CHECK(rcp_profile_to_blob(built, &built_blob, &built_size) == RCP_OK);
  CHECK(built_size == size_b && memcmp(built_blob, blob_b, size_b) == 0);
  rcp_free(built_blob);

  CHECK(rcp_explain_json(a, b, "min", &json) == RCP_OK);
  if (json) printf("explain: %s\n", json);
  rcp_free(json);

  /* An error: status, message, NaN output. */
  CHECK(rcp_score(a, b, "fastest", &s) == RCP_E_INVALID_ARGUMENT);
  CHECK(isnan(s));
  CHECK(strcmp(rcp_errmsg(),
               "rcp_score: unknown mode 'fastest' (valid modes: harmonic, geometric, min, mean, uninorm)") == 0);
  printf("error: %s (%s)\n", rcp_errmsg(), rcp_status_string(RCP_E_INVALID_ARGUMENT));

  rcp_profile_destroy(a);
  rcp_profile_destroy(b);
  rcp_profile_destroy(built);
  free(blob_a);
  free(blob_b);
  printf("%s\n", failures ? "FAILED" : "ok");
  return failures ? 1 : 0;
}
