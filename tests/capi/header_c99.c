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

/* Counts its calls; cancels when *user says so. */
static int progress_calls = 0;
static int on_progress(void *user, size_t done, size_t total) {
  ++progress_calls;
  (void)done;
  (void)total;
  return *(const int *)user ? 0 : 1;
}

int main(void) {
  rcp_profile *a = NULL, *b = NULL;
  double s = -1.0;
  char *json = NULL;
  rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
  rcp_top_partners_result *top = NULL;
  const rcp_profile *people[2];
  const int64_t ids[2] = {10, 20};
  rcp_id_pair exclude[1];
  const int64_t *partners = NULL;
  const double *scores = NULL;
  size_t count = 0, n = 0;
  int64_t id = 0;
  int cancel = 0;

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

  /* Top partners: the options struct and its _INIT macro are C99. */
  people[0] = a;
  people[1] = b;
  CHECK(opts.struct_size == sizeof(rcp_top_partners_options));
  CHECK(opts.mode == NULL && opts.threads == 0 && opts.exclude == NULL && opts.progress == NULL);
  opts.mode = "min";
  opts.progress = on_progress;
  opts.progress_user = &cancel;
  CHECK(rcp_top_partners(people, ids, 2, 5, &opts, &top) == RCP_OK);
  CHECK(progress_calls >= 2);
  CHECK(rcp_top_partners_result_count(top, &n) == RCP_OK && n == 2);
  CHECK(rcp_top_partners_result_get(top, 1, &id, &count, &partners, &scores) == RCP_OK);
  CHECK(id == 20 && count == 1 && partners[0] == 10 && fabs(scores[0] - 0.6) < 1e-12);
  rcp_top_partners_result_destroy(top);
  exclude[0].a = 20;
  exclude[0].b = 10;
  opts.exclude = exclude;
  opts.exclude_count = 1;
  CHECK(rcp_top_partners(people, ids, 2, 5, &opts, &top) == RCP_OK);
  CHECK(rcp_top_partners_result_get(top, 0, NULL, &count, &partners, &scores) == RCP_OK);
  CHECK(count == 0 && partners == NULL && scores == NULL);
  rcp_top_partners_result_destroy(top);
  cancel = 1;
  CHECK(rcp_top_partners(people, ids, 2, 5, &opts, &top) == RCP_E_CANCELLED);
  CHECK(top == NULL);
  CHECK(strcmp(rcp_errmsg(), "rcp_top_partners: cancelled by the progress callback") == 0);
  CHECK(strcmp(rcp_status_string(RCP_E_CANCELLED), "cancelled") == 0);
  rcp_top_partners_result_destroy(NULL);

  /* Cohort matching: the candidate, options and audit structs and their
   * _INIT macros are C99. */
  {
    const rcp_candidate cands[3] = {{1, 2, 0.9, 0.0, 0.0}, {2, 3, 1.0, 0.0, 0.0}, {3, 4, 0.8, 0.0, 0.0}};
    const rcp_mentor mentors[1] = {{1, 2}};
    rcp_match_options mo = RCP_MATCH_OPTIONS_INIT;
    rcp_match_audit_info info = RCP_MATCH_AUDIT_INFO_INIT;
    rcp_match_result *m = NULL;
    int64_t x = 0, y = 0;
    double sc = 0.0;
    CHECK(mo.struct_size == sizeof(rcp_match_options) && info.struct_size == sizeof(rcp_match_audit_info));
    CHECK(mo.objective == NULL && mo.gains == 0 && mo.mentors == NULL && mo.pinned == NULL);
    CHECK(rcp_match(cands, 3, &mo, &m) == RCP_OK);
    CHECK(rcp_match_result_count(m, &n) == RCP_OK && n == 2);
    CHECK(rcp_match_result_get(m, 1, &x, &y, &sc) == RCP_OK && x == 3 && y == 4 && sc == 0.8);
    CHECK(rcp_match_result_audit(m, &info) == RCP_OK);
    CHECK(info.pairs == 2 && info.blocking_pairs == 1 && !info.stable && info.explanation[0] != '\0');
    CHECK(rcp_match_result_blocking(m, 0, &x, &y) == RCP_OK && x == 2 && y == 3);
    rcp_match_result_destroy(m);
    mo.objective = "stable";
    CHECK(rcp_match(cands, 3, &mo, &m) == RCP_OK);
    CHECK(rcp_match_result_audit(m, &info) == RCP_OK && info.stable && strcmp(info.explanation, "") == 0);
    rcp_match_result_destroy(m);
    mo.objective = NULL;
    mo.mentors = mentors;
    mo.mentor_count = 1;
    CHECK(rcp_match(cands, 3, &mo, &m) == RCP_E_INVALID_ARGUMENT && m == NULL);
    CHECK(strcmp(rcp_errmsg(), "rcp_match: candidate pair (2, 3) has no mentor (with mentors given, every pair "
                               "joins a mentor and a mentee)") == 0);
    CHECK(rcp_match_audit(cands, 3, NULL, NULL, 0, &m) == RCP_OK);
    CHECK(rcp_match_result_audit(m, &info) == RCP_OK && info.unmatched == 4 && info.has_worst_off);
    rcp_match_result_destroy(m);
    rcp_match_result_destroy(NULL);
  }

  rcp_profile_destroy(a);
  rcp_profile_destroy(b);
  rcp_profile_destroy(NULL);
  printf("header_c99: ok (%s)\n", rcp_version());
  return 0;
}
