/* reciprocity — the stable C API (libreciprocity.so.1).
 *
 * Scores two-way ("reverse") mentoring pairs. A *profile* is what one person
 * brings and seeks over an open vocabulary of topics:
 *
 *   level  in [0, 5]  how well the person knows the topic;
 *   want   >= 0       how much the person wants to learn it (normalised per
 *                     person when scoring, so only the ratios matter).
 *
 *   benefit(A <- B) = sum_t w_A(t) * max(0, level_B(t) - level_A(t)) / 5
 *                     (w_A = A's wants normalised to sum to 1; 0 if A wants nothing)
 *   score(A, B)     = M(benefit(A <- B), benefit(B <- A)), M chosen by the mode.
 *
 * Topic names are canonicalised: ASCII white space trimmed, ASCII letters
 * lower-cased, other bytes kept; a name must be valid UTF-8, non-empty, free of
 * NUL bytes and at most 1024 bytes long after that.
 *
 * This header is C99 and usable from C++ (everything is extern "C").
 *
 * ---------------------------------------------------------------------------
 * Conventions (see docs/c-api.md for the long form)
 *
 * Status codes. Every function that can fail returns an rcp_status: RCP_OK (0)
 *   on success, otherwise one code per failure class. New codes may be added in
 *   later minor versions: treat any value other than RCP_OK as a failure.
 *
 * Error messages. After a failure, rcp_errmsg() returns a message for the
 *   calling thread naming the function and the problem, e.g.
 *     "rcp_score: unknown mode 'fast' (valid modes: harmonic, geometric, min, mean, uninorm)".
 *   Each thread has its own message. Successful calls leave it unchanged (as
 *   errno), so read it right after the failing call.
 *
 * Argument order. Constructors take the new handle first
 *   (rcp_profile_create(&p), rcp_profile_from_blob(&p, ...)); every other
 *   function takes its input object(s) first and its outputs last
 *   (rcp_score(a, b, mode, &s)).
 *
 * Outputs on failure. A function that fails sets its non-NULL pointer outputs
 *   to NULL, its size outputs to 0 and its double outputs to NaN, so an ignored
 *   error never looks like a valid result.
 *
 * Ownership. A handle from rcp_profile_create / rcp_profile_from_blob /
 *   rcp_profile_from_json is owned by the caller and released with
 *   rcp_profile_destroy; one from rcp_top_partners with
 *   rcp_top_partners_result_destroy; one from rcp_match / rcp_match_audit with
 *   rcp_match_result_destroy. Buffers returned through `void **` / `char **` outputs
 *   (rcp_profile_to_blob, rcp_profile_to_json, rcp_explain_json) are owned by
 *   the caller and released with rcp_free — never with another allocator's
 *   free(). Strings returned as `const char *` (rcp_version, rcp_errmsg,
 *   rcp_status_string) belong to the library: never free them. Input pointers
 *   are only read during the call; the library keeps no reference to them.
 *
 * Thread safety. The library has no global mutable state. Any number of
 *   threads may use the same profiles at once through the functions taking
 *   `const rcp_profile *` (scoring, benefit, explain, to_blob, to_json, size,
 *   rcp_top_partners).
 *   A function taking a non-const `rcp_profile *` (set, merge, remove, destroy)
 *   must not run concurrently with any other call on that same profile.
 *
 * Exceptions. No C++ exception ever leaves the library; running out of memory
 *   is reported as RCP_E_NOMEM.
 *
 * ABI. The soname is libreciprocity.so.1; within major version 1 functions
 *   and types are only ever added, never changed or removed. Option structs
 *   (rcp_top_partners_options) start with a `size_t struct_size` field set by
 *   a matching RCP_..._INIT macro, so fields can be appended later: the
 *   library reads only the fields the caller's struct_size covers. Functions
 *   added in 1.1 are in the linker version node RECIPROCITY_1.1.
 */
#ifndef RECIPROCITY_H
#define RECIPROCITY_H

#include <stddef.h>
#include <stdint.h>

#include "reciprocity_version.h"

/* RCP_API marks the exported functions. The library is built with hidden
 * visibility; only RCP_API symbols leave it. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(RCP_BUILDING_LIBRARY)
#    define RCP_API __declspec(dllexport)
#  else
#    define RCP_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define RCP_API __attribute__((visibility("default")))
#else
#  define RCP_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ status */

/* The result of every fallible call. Values are stable across releases. */
typedef enum rcp_status {
  RCP_OK = 0,
  /* A value out of range (level outside [0, 5], negative or non-finite want),
   * a bad topic name, an unknown mode, malformed JSON, wants adding up to more
   * than a double holds. */
  RCP_E_INVALID_ARGUMENT = 1,
  /* Bytes that are not a valid profile BLOB (truncated, bad magic, unknown
   * format version, unsorted topics, ...). */
  RCP_E_BAD_PROFILE = 2,
  /* An input over a documented size limit (more than 2^20 topics). */
  RCP_E_TOO_LARGE = 3,
  /* Memory allocation failed. */
  RCP_E_NOMEM = 4,
  /* A bug in the library: please report it with the message. */
  RCP_E_INTERNAL = 5,
  /* A pointer argument that must not be NULL was NULL. */
  RCP_E_NULL_ARGUMENT = 6,
  /* The caller stopped a long call: a progress callback returned 0
   * (since 1.1). */
  RCP_E_CANCELLED = 7
} rcp_status;

/* A short, static, English description of a status ("ok", "invalid argument",
 * "bad profile", "too large", "out of memory", "internal error",
 * "NULL argument", "cancelled"; "unknown status" for any other value). Never
 * NULL; do not free it. */
RCP_API const char *rcp_status_string(rcp_status status);

/* The message of the last failed call made by the calling thread, e.g.
 * "rcp_profile_set: level 7 for topic 'python' is outside [0, 5]"; "" if no
 * call has failed in this thread yet. Never NULL. The pointer stays valid
 * until the next failing call in the same thread; do not free it. */
RCP_API const char *rcp_errmsg(void);

/* ----------------------------------------------------------------- version */

/* The library's version, "MAJOR.MINOR.PATCH" (RCP_VERSION_STRING of the
 * library actually loaded, which may be newer than the headers). Static; do
 * not free it. */
RCP_API const char *rcp_version(void);

/* The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
RCP_API int rcp_version_number(void);

/* ----------------------------------------------------------------- memory */

/* Frees a buffer returned by rcp_profile_to_blob, rcp_profile_to_json or
 * rcp_explain_json. NULL is a no-op. */
RCP_API void rcp_free(void *ptr);

/* ---------------------------------------------------------------- profiles */

/* An opaque profile. Immutable while shared; see "Thread safety" above. */
typedef struct rcp_profile rcp_profile;

/* Creates an empty profile in *out. Errors: RCP_E_NULL_ARGUMENT (out),
 * RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_create(rcp_profile **out);

/* Destroys a profile. NULL is a no-op. */
RCP_API void rcp_profile_destroy(rcp_profile *p);

/* Sets `topic` (a NUL-terminated UTF-8 name, canonicalised as described at the
 * top) to `level` and `want`, replacing any earlier values of that topic.
 * On failure the profile is unchanged. Costs O(n) for a profile of n topics;
 * to build a large profile in one go use rcp_profile_from_json.
 * Errors: RCP_E_NULL_ARGUMENT (p, topic), RCP_E_INVALID_ARGUMENT (bad name,
 * level outside [0, 5], want negative or not finite, wants summing past a
 * double), RCP_E_TOO_LARGE (a 2^20 + 1st topic), RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_set(rcp_profile *p, const char *topic, double level, double want);

/* Like rcp_profile_set, but when the topic is already there keeps the larger
 * level and the larger want (what the SQL aggregate reciprocity_profile does
 * with duplicate rows). Same errors. */
RCP_API rcp_status rcp_profile_merge(rcp_profile *p, const char *topic, double level, double want);

/* Removes `topic` (canonicalised) if present. If out_removed is not NULL it
 * receives 1 when the topic was there, else 0. Errors: RCP_E_NULL_ARGUMENT
 * (p, topic), RCP_E_INVALID_ARGUMENT (bad name), RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_remove(rcp_profile *p, const char *topic, int *out_removed);

/* The number of topics in the profile. Errors: RCP_E_NULL_ARGUMENT (p, out). */
RCP_API rcp_status rcp_profile_size(const rcp_profile *p, size_t *out);

/* Creates a profile in *out from `size` bytes of the versioned profile BLOB
 * format (docs/profile-format.md) — the bytes the SQLite extension stores.
 * The bytes are validated and copied; the caller keeps ownership of `data`.
 * Errors: RCP_E_NULL_ARGUMENT (out, data), RCP_E_BAD_PROFILE, RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_from_blob(rcp_profile **out, const void *data, size_t size);

/* Serialises a profile to the BLOB format: *out_data receives a new buffer of
 * *out_size bytes, byte-for-byte what the SQLite extension would store for the
 * same profile. Free *out_data with rcp_free. Errors: RCP_E_NULL_ARGUMENT
 * (p, out_data, out_size), RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_to_blob(const rcp_profile *p, void **out_data, size_t *out_size);

/* Creates a profile in *out from NUL-terminated JSON text such as
 * {"python": {"level": 4}, "finance": {"level": 1, "want": 3}}. A missing or
 * null level/want counts as 0; a topic given twice keeps the larger values.
 * Errors: RCP_E_NULL_ARGUMENT (out, json), RCP_E_INVALID_ARGUMENT (malformed
 * JSON, wrong shape, bad values), RCP_E_TOO_LARGE, RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_from_json(rcp_profile **out, const char *json);

/* The JSON form of a profile (topics in byte order, "want" only when above 0):
 * *out_json receives a new NUL-terminated string; free it with rcp_free.
 * Errors: RCP_E_NULL_ARGUMENT (p, out_json), RCP_E_NOMEM. */
RCP_API rcp_status rcp_profile_to_json(const rcp_profile *p, char **out_json);

/* ----------------------------------------------------------------- scoring */

/* The two-way reciprocity score of a and b, in [0, 1], into *out. `mode`
 * names the combining mean: "harmonic" (the default, used when mode is NULL),
 * "geometric", "min", "mean" or "uninorm" (trimmed, any case). Allocates
 * nothing for a NULL or short mode name.
 * Errors: RCP_E_NULL_ARGUMENT (a, b, out), RCP_E_INVALID_ARGUMENT (unknown
 * mode). */
RCP_API rcp_status rcp_score(const rcp_profile *a, const rcp_profile *b, const char *mode, double *out);

/* The one-way benefit receiver <- giver, in [0, 1], into *out.
 * Errors: RCP_E_NULL_ARGUMENT (receiver, giver, out). */
RCP_API rcp_status rcp_benefit(const rcp_profile *receiver, const rcp_profile *giver, double *out);

/* Explains score(a, b, mode) as JSON: *out_json receives a new NUL-terminated
 * string, freed with rcp_free, shaped
 *   {"mode":"harmonic","score":…,"balance":…,
 *    "a_gets":{"benefit":…,"topics":[{"topic":…,"giver_level":…,
 *              "receiver_level":…,"want":…,"weight":…,"contribution":…},…]},
 *    "b_gets":{…}}
 * (the same text as SQL's reciprocity_explain). NULL mode = "harmonic".
 * Errors: RCP_E_NULL_ARGUMENT (a, b, out_json), RCP_E_INVALID_ARGUMENT
 * (unknown mode), RCP_E_NOMEM. */
RCP_API rcp_status rcp_explain_json(const rcp_profile *a, const rcp_profile *b, const char *mode, char **out_json);

/* ----------------------------------------------- top partners for everyone
 * (since 1.1; symbols in the version node RECIPROCITY_1.1) */

/* A pair of person ids, e.g. one that must not be proposed. */
typedef struct rcp_id_pair {
  int64_t a;
  int64_t b;
} rcp_id_pair;

/* A progress callback: called on the thread that called rcp_top_partners,
 * never on a worker thread, after the index is built with done = 0, then about
 * every 100 ms while people are processed, and once at the end with
 * done = total: `done` of `total` people have their partners. `user` is the
 * options' progress_user. Return nonzero to go on, 0 to cancel: the call then
 * stops soon after and fails with RCP_E_CANCELLED (also when 0 comes from the
 * final call). The callback may call other rcp_ functions, but must not
 * modify or destroy the profiles being ranked. */
typedef int (*rcp_progress_fn)(void *user, size_t done, size_t total);

/* Options of rcp_top_partners. Initialise with RCP_TOP_PARTNERS_OPTIONS_INIT,
 * then set the fields you need:
 *
 *     rcp_top_partners_options opts = RCP_TOP_PARTNERS_OPTIONS_INIT;
 *     opts.mode = "geometric";
 *
 * struct_size tells the library which fields the caller's version of this
 * struct has; later versions only append fields. */
typedef struct rcp_top_partners_options {
  size_t struct_size;           /* sizeof(rcp_top_partners_options), set by the _INIT macro */
  const char *mode;             /* as for rcp_score; NULL = "harmonic" */
  unsigned threads;             /* worker threads, 0 to 1024; 0 = one per core */
  const rcp_id_pair *exclude;   /* pairs never proposed, either way round; ids not */
  size_t exclude_count;         /*   among `ids` and pairs (x, x) are ignored */
  rcp_progress_fn progress;     /* NULL = no progress reports */
  void *progress_user;          /* passed to progress as `user` */
} rcp_top_partners_options;

#define RCP_TOP_PARTNERS_OPTIONS_INIT \
  { sizeof(rcp_top_partners_options), NULL, 0u, NULL, 0u, NULL, NULL }

/* The result of rcp_top_partners: for each person (in input order) the
 * partners, best first. Opaque, immutable; owned by the caller and released
 * with rcp_top_partners_result_destroy. Any number of threads may read it at
 * once. */
typedef struct rcp_top_partners_result rcp_top_partners_result;

/* For each of the n people profiles[i] (with id ids[i]), the k partners among
 * the others with the highest rcp_score(profiles[i], partner, mode): score
 * descending, then partner id ascending; partners with score 0 and excluded
 * pairs are never proposed, so a person may get fewer than k (or none). The
 * result equals scoring all n^2 pairs with rcp_score — same partners, same
 * scores bit for bit, whatever the thread count — but an index over topics
 * skips the pairs that cannot score, so 100,000 people take seconds.
 *
 * `profiles` and `ids` are arrays of n entries (either may be NULL when n is
 * 0); ids must be distinct. (A C array of rcp_profile * needs a cast to
 * const rcp_profile *const *.) `opts` may be NULL for the defaults. The profiles
 * are read during the call only (concurrent reads are fine, see "Thread
 * safety"); nothing is kept. On success *out receives a new result (free it
 * with rcp_top_partners_result_destroy); on failure *out is set to NULL.
 *
 * Errors: RCP_E_NULL_ARGUMENT (out; profiles or ids when n > 0; a NULL
 * profiles[i]; opts->exclude NULL with a nonzero exclude_count),
 * RCP_E_INVALID_ARGUMENT (k = 0, a duplicate id, unknown mode, threads over
 * 1024, opts->struct_size smaller than the 1.1 struct, over 4096 (not
 * initialised), or larger than this library's with the unknown fields set),
 * RCP_E_TOO_LARGE (over 2^32 - 1 people or topic entries in total, checked
 * before the arrays are read; an exclude_count that no array can have),
 * RCP_E_CANCELLED (the progress callback returned 0), RCP_E_NOMEM. */
RCP_API rcp_status rcp_top_partners(const rcp_profile *const *profiles, const int64_t *ids, size_t n, size_t k,
                                    const rcp_top_partners_options *opts, rcp_top_partners_result **out);

/* The number of people in the result (n of the call) into *out_people.
 * Errors: RCP_E_NULL_ARGUMENT (result, out_people). */
RCP_API rcp_status rcp_top_partners_result_count(const rcp_top_partners_result *result, size_t *out_people);

/* The partners of person `index` (0 <= index < count, input order): their id
 * into *out_id (if out_id is not NULL), their number into *out_count, and
 * arrays of *out_count partner ids and scores, best first (the partner at
 * position j has rank j + 1). The arrays belong to the result: valid until
 * rcp_top_partners_result_destroy, never freed by the caller. A person
 * without partners gets count 0 and NULL arrays.
 * Errors: RCP_E_NULL_ARGUMENT (result, out_count, out_partners, out_scores),
 * RCP_E_INVALID_ARGUMENT (index out of range). */
RCP_API rcp_status rcp_top_partners_result_get(const rcp_top_partners_result *result, size_t index, int64_t *out_id,
                                               size_t *out_count, const int64_t **out_partners,
                                               const double **out_scores);

/* Work counters over all people, for benchmarks: partners met in the index
 * (each gets a cheap bound) into *out_met and exact scores computed into
 * *out_scored (either pointer may be NULL). Errors: RCP_E_NULL_ARGUMENT
 * (result). */
RCP_API rcp_status rcp_top_partners_result_stats(const rcp_top_partners_result *result, uint64_t *out_met,
                                                 uint64_t *out_scored);

/* Destroys a result. NULL is a no-op. */
RCP_API void rcp_top_partners_result_destroy(rcp_top_partners_result *result);

/* ------------------------------------------------------- cohort matching
 * (since 1.1; symbols in the version node RECIPROCITY_1.1)
 *
 * rcp_match pairs a whole cohort at once from candidate pairs: the provably
 * best set of two-way pairs under an objective, plus an audit (who would
 * rather be with someone else, who is worst off). The same engine as SQL's
 * reciprocity_match; docs/c-api.md and docs/sql-functions.md have the long
 * form. */

/* One candidate pair. A pair that is not a candidate is never formed, so hard
 * constraints are rows left out. (a, b) and (b, a) are the same pair; the
 * same pair may appear twice only with the same values (for a reversed row,
 * a_gain is the other person's gain). score: finite, >= 0, at most 4096.
 * a_gain = what a gets from b, b_gain = what b gets from a (each side's own
 * benefit): read only when the options' `gains` is nonzero (then finite and
 * >= 0), otherwise ignored and the score stands in for both. */
typedef struct rcp_candidate {
  int64_t a;
  int64_t b;
  double score;
  double a_gain;
  double b_gain;
} rcp_candidate;

/* A mentor and how many mentees it takes (capacity >= 1). */
typedef struct rcp_mentor {
  int64_t id;
  int64_t capacity;
} rcp_mentor;

/* Options of rcp_match and rcp_match_audit. Initialise with
 * RCP_MATCH_OPTIONS_INIT, then set the fields you need:
 *
 *     rcp_match_options opts = RCP_MATCH_OPTIONS_INIT;
 *     opts.objective = "fair";
 *
 * struct_size tells the library which fields the caller's version of this
 * struct has; later versions only append fields. */
typedef struct rcp_match_options {
  size_t struct_size;          /* sizeof(rcp_match_options), set by the _INIT macro */
  const char *objective;       /* "total" (NULL), "fair" or "stable"; see rcp_match */
  int gains;                   /* nonzero: the candidates' a_gain / b_gain are given */
  const rcp_mentor *mentors;   /* non-NULL: a two-sided problem, mentors with capacities, */
  size_t mentor_count;         /*   everyone else a mentee (capacity 1); NULL = one-sided */
  const rcp_id_pair *pinned;   /* pairs that must be in the result, either orientation */
  size_t pinned_count;         /*   (rcp_match only; rcp_match_audit ignores them) */
} rcp_match_options;

#define RCP_MATCH_OPTIONS_INIT \
  { sizeof(rcp_match_options), NULL, 0, NULL, 0u, NULL, 0u }

/* The result of rcp_match / rcp_match_audit: the pairs and their audit.
 * Opaque, immutable; owned by the caller and released with
 * rcp_match_result_destroy. Any number of threads may read it at once. */
typedef struct rcp_match_result rcp_match_result;

/* Matches the cohort of the n candidates (`candidates` may be NULL when n is
 * 0). Objectives (opts->objective):
 *   "total"  the largest sum of scores (exact maximum-weight matching in a
 *            general graph; pairs of score 0 are not formed). With mentors:
 *            the largest total where each mentor takes up to its capacity.
 *   "fair"   as many pairs as possible, then the weakest pair as strong as
 *            possible, then the largest total.
 *   "stable" Irving's stable roommates on each person's own ranking (their
 *            gain, then the score, then the smaller id); when no stable
 *            matching exists, the one with the fewest blocking pairs found,
 *            with the audit's stable flag 0 and an explanation.
 * With mentors every candidate must join one mentor and one mentee (either
 * orientation); only "total" takes mentors. Pinned pairs must be candidates
 * and stay in the result; the rest is optimised around them. The same
 * candidates in any row order give the same pairs. `opts` may be NULL for the
 * defaults. On success *out receives a new result (free it with
 * rcp_match_result_destroy); on failure *out is set to NULL.
 *
 * Errors: RCP_E_NULL_ARGUMENT (out; candidates when n > 0; opts->pinned NULL
 * with a nonzero pinned_count; opts->mentors NULL with a nonzero
 * mentor_count), RCP_E_INVALID_ARGUMENT (a self-pair, a pair given twice with
 * different values, a negative, non-finite or too large score or gain, an
 * unknown objective, an empty mentor list, a bad capacity, a pair without
 * exactly one mentor, mentors with "fair" or "stable", a pinned pair that is
 * not a candidate or a person pinned twice, opts->struct_size smaller than
 * the 1.1 struct, over 4096 (not initialised) or larger with unknown fields
 * set; the message says which), RCP_E_TOO_LARGE (n, mentor_count or
 * pinned_count larger than any array can be; too many people), RCP_E_NOMEM. */
RCP_API rcp_status rcp_match(const rcp_candidate *candidates, size_t n, const rcp_match_options *opts,
                             rcp_match_result **out);

/* Audits a matching of your own: the `count` pairs of `matching` (either
 * orientation; NULL when count is 0) against the candidates, opts->gains and
 * opts->mentors (opts->objective and opts->pinned are not used). The result's
 * pairs are the matching, put in the same order and orientation as
 * rcp_match's (a < b sorted; with mentors (mentor, mentee)), each with its
 * candidate score. Errors: those of rcp_match (except the pinned pairs',
 * which are not read; still, opts->pinned NULL with a nonzero pinned_count is
 * an error), RCP_E_NULL_ARGUMENT (matching when count > 0),
 * RCP_E_INVALID_ARGUMENT (a matching pair that is not a candidate, a person in
 * two pairs, a mentor over its capacity), RCP_E_TOO_LARGE (a count larger
 * than any array can be). */
RCP_API rcp_status rcp_match_audit(const rcp_candidate *candidates, size_t n, const rcp_match_options *opts,
                                   const rcp_id_pair *matching, size_t count, rcp_match_result **out);

/* The number of pairs into *out_count. Errors: RCP_E_NULL_ARGUMENT (result,
 * out_count). */
RCP_API rcp_status rcp_match_result_count(const rcp_match_result *result, size_t *out_count);

/* Pair `index` (0 <= index < count): a < b sorted by (a, b); with mentors
 * (mentor, mentee) sorted by (mentor, mentee). Any of out_a, out_b, out_score
 * may be NULL. Errors: RCP_E_NULL_ARGUMENT (result), RCP_E_INVALID_ARGUMENT
 * (index out of range). */
RCP_API rcp_status rcp_match_result_get(const rcp_match_result *result, size_t index, int64_t *out_a, int64_t *out_b,
                                        double *out_score);

/* The audit of the matching in the result (for rcp_match: of its pairs).
 * Blocking pairs are read with rcp_match_result_blocking. */
typedef struct rcp_match_audit_info {
  size_t struct_size;      /* set by the caller: sizeof(rcp_match_audit_info) */
  size_t people;           /* everyone in the candidates (and mentors) */
  size_t pairs;            /* pairs in the matching */
  double total;            /* sum of the pair scores */
  double weakest_score;    /* lowest pair score; 0 when there is no pair */
  int has_worst_off;       /* 0 when there are no people (then worst_off and its score 0) */
  int64_t worst_off;       /* the person with the lowest outcome (their weakest pair's */
  double worst_off_score;  /*   score, 0 when unmatched); ties: unmatched, then smaller id */
  size_t unmatched;        /* people with no pair */
  size_t blocking_pairs;   /* candidate pairs not in the matching whose two people would
                              both rather be together */
  int stable;              /* 1 when there is no blocking pair */
  const char *explanation; /* "" when stable; owned by the result */
} rcp_match_audit_info;

#define RCP_MATCH_AUDIT_INFO_INIT \
  { sizeof(rcp_match_audit_info), 0u, 0u, 0.0, 0.0, 0, 0, 0.0, 0u, 0u, 0, NULL }

/* Fills *out (whose struct_size the caller sets, e.g. with
 * RCP_MATCH_AUDIT_INFO_INIT; only the fields it covers are written).
 * Errors: RCP_E_NULL_ARGUMENT (result, out), RCP_E_INVALID_ARGUMENT
 * (out->struct_size smaller than the 1.1 struct). */
RCP_API rcp_status rcp_match_result_audit(const rcp_match_result *result, rcp_match_audit_info *out);

/* Blocking pair `index` (0 <= index < blocking_pairs) as (smaller id, larger
 * id), sorted. Errors: RCP_E_NULL_ARGUMENT (result, out_a, out_b),
 * RCP_E_INVALID_ARGUMENT (index out of range). */
RCP_API rcp_status rcp_match_result_blocking(const rcp_match_result *result, size_t index, int64_t *out_a,
                                             int64_t *out_b);

/* Destroys a result. NULL is a no-op. */
RCP_API void rcp_match_result_destroy(rcp_match_result *result);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* RECIPROCITY_H */
