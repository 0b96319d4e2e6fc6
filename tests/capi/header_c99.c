/* The public header compiled as strict C99 (-std=c99 -pedantic -Werror) inside
 * the build tree, linked against the just-built library. tests/c does the same
 * against the installed files. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reciprocity.h"

/* C99 has no _Static_assert: a negative array size fails the build. */
typedef char rcp_status_is_int_sized[sizeof(rcp_status) == sizeof(int) ? 1 : -1];
typedef char rcp_ok_is_zero[RCP_OK == 0 ? 1 : -1];

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; rcp_errmsg: %s\n", __FILE__, \
              __LINE__, #cond, rcp_errmsg());                                  \
      return 1;                                                                \
    }                                                                          \
  } while (0)

int main(void) {
  rcp_profile *a = NULL, *b = NULL;
  double s = -1.0;
  char *json = NULL;

  CHECK(strcmp(rcp_version(), RCP_VERSION_STRING) == 0);
  CHECK(rcp_version_number() == RCP_VERSION_NUMBER);
  CHECK(rcp_profile_create(&a) == RCP_OK);
  CHECK(rcp_profile_create(&b) == RCP_OK);
  CHECK(rcp_profile_set(a, "python", 4.0, 0.0) == RCP_OK);
  CHECK(rcp_profile_set(a, "finance", 1.0, 3.0) == RCP_OK);
  CHECK(rcp_profile_set(b, "python", 1.0, 2.0) == RCP_OK);
  CHECK(rcp_profile_set(b, "finance", 5.0, 0.0) == RCP_OK);
  CHECK(rcp_score(a, b, NULL, &s) == RCP_OK);
  CHECK(fabs(s - 2.0 * 0.8 * 0.6 / 1.4) < 1e-12);
  CHECK(rcp_score(a, b, "nope", &s) == RCP_E_INVALID_ARGUMENT);
  CHECK(isnan(s));
  CHECK(strcmp(rcp_errmsg(),
               "rcp_score: unknown mode 'nope' (valid modes: harmonic, geometric, min, mean, uninorm)") == 0);
  CHECK(rcp_explain_json(a, b, "min", &json) == RCP_OK);
  CHECK(strncmp(json, "{\"mode\":\"min\",\"score\":0.6,", 26) == 0);
  rcp_free(json);
  rcp_profile_destroy(a);
  rcp_profile_destroy(b);
  rcp_profile_destroy(NULL);
  printf("header_c99: ok (%s)\n", rcp_version());
  return 0;
}
