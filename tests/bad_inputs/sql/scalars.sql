-- Bad-input catalogue, SQL face (issue 7): the scalar functions
-- reciprocity_score, reciprocity_benefit, reciprocity_explain,
-- reciprocity_profile_to_json and reciprocity_version.
-- Wrong argument counts, every wrong SQL type where a profile or a mode is
-- expected (INTEGER, REAL including +-Inf, TEXT, BLOB), NULLs, empty text and
-- empty blobs, modes with NUL bytes, invalid UTF-8 and 1 MB of text, and the
-- profile checks running even when the other argument is NULL.
-- SQLite has no REAL NaN value: 9e999 - 9e999 is NULL, so a "NaN" argument is
-- a NULL one; NaN inside a profile BLOB is in profiles_and_blobs.sql.

-- A (an executive) and B (a junior) of docs/sql-functions.md: benefit(A <- B)
-- = 0.7, benefit(B <- A) = 0.8, harmonic score 0.7466666666666666.
CREATE TABLE p(name TEXT PRIMARY KEY, blob BLOB);
INSERT INTO p VALUES
  ('a', reciprocity_profile_json('{"finance": {"level": 1, "want": 3}, "strategy": {"level": 2, "want": 1}, "python": {"level": 5}}')),
  ('b', reciprocity_profile_json('{"finance": {"level": 5}, "strategy": {"level": 4}, "python": {"level": 1, "want": 2}}')),
  ('empty', reciprocity_profile_json('{}'));
CREATE VIEW ab AS SELECT (SELECT blob FROM p WHERE name = 'a') AS a, (SELECT blob FROM p WHERE name = 'b') AS b,
                         (SELECT blob FROM p WHERE name = 'empty') AS e;

-- The reference results the bad inputs below must not disturb.
SELECT reciprocity_score(a, b), reciprocity_benefit(a, b), reciprocity_benefit(b, a) FROM ab;
-- => 0.7466666666666666|0.7|0.8

-- ---------------------------------------------------------------- argument counts
SELECT reciprocity_score();
-- !! wrong number of arguments to function reciprocity_score()
SELECT reciprocity_score(a) FROM ab;
-- !! wrong number of arguments to function reciprocity_score()
SELECT reciprocity_score(a, b, 'min', 'max') FROM ab;
-- !! wrong number of arguments to function reciprocity_score()
SELECT reciprocity_benefit(a) FROM ab;
-- !! wrong number of arguments to function reciprocity_benefit()
SELECT reciprocity_benefit(a, b, 'harmonic') FROM ab;
-- !! wrong number of arguments to function reciprocity_benefit()
SELECT reciprocity_explain(a) FROM ab;
-- !! wrong number of arguments to function reciprocity_explain()
SELECT reciprocity_explain(a, b, NULL, NULL) FROM ab;
-- !! wrong number of arguments to function reciprocity_explain()
SELECT reciprocity_profile_to_json();
-- !! wrong number of arguments to function reciprocity_profile_to_json()
SELECT reciprocity_profile_to_json(a, b) FROM ab;
-- !! wrong number of arguments to function reciprocity_profile_to_json()
SELECT reciprocity_version(1);
-- !! wrong number of arguments to function reciprocity_version()
SELECT reciprocity_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
-- => 1

-- ------------------------------------------------- profile arguments of the wrong type
SELECT reciprocity_score(1, b) FROM ab;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(a, 0.5) FROM ab;
-- !! reciprocity_score: argument 2 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(9e999, b) FROM ab;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(a, -9e999) FROM ab;
-- !! reciprocity_score: argument 2 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
-- A profile's JSON text is not a profile: it must go through reciprocity_profile_json.
SELECT reciprocity_score('{"python": {"level": 5}}', b) FROM ab;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score('', '') ;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
-- The blob's bytes as text are text, even when they are the right bytes.
SELECT reciprocity_score(CAST(a AS TEXT), b) FROM ab;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(a, x'') FROM ab;
-- !! reciprocity_score: argument 2 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
SELECT reciprocity_score(x'00', x'') ;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16
SELECT reciprocity_score(zeroblob(16), b) FROM ab;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: bad magic bytes
SELECT reciprocity_benefit(1, 2);
-- !! reciprocity_benefit: argument 1 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_benefit(a, 'b') FROM ab;
-- !! reciprocity_benefit: argument 2 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_benefit(x'', a) FROM ab;
-- !! reciprocity_benefit: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
SELECT reciprocity_explain(a, 2.5) FROM ab;
-- !! reciprocity_explain: argument 2 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_explain(x'52637050', b) FROM ab;
-- !! reciprocity_explain: argument 1 is not a reciprocity profile: truncated: 4 bytes, a profile has at least 16
SELECT reciprocity_profile_to_json(42);
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile_to_json(9e999);
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile_to_json('');
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile_to_json(x'');
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
-- 1 MB of zero bytes: rejected at the magic, not read through.
SELECT reciprocity_profile_to_json(zeroblob(1000000));
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: bad magic bytes

-- --------------------------------------------------------------------------- NULLs
SELECT reciprocity_score(NULL, NULL), reciprocity_score(a, NULL), reciprocity_score(NULL, b, 'min') FROM ab;
-- => NULL|NULL|NULL
SELECT reciprocity_benefit(NULL, NULL), reciprocity_benefit(a, NULL), reciprocity_benefit(NULL, b) FROM ab;
-- => NULL|NULL|NULL
SELECT reciprocity_explain(NULL, b), reciprocity_profile_to_json(NULL) FROM ab;
-- => NULL|NULL
-- NaN does not exist as an SQL value: it is NULL, and so is the result.
SELECT reciprocity_score(9e999 - 9e999, b) FROM ab;
-- => NULL
-- A NULL profile does not hide a bad one next to it (both are checked).
SELECT reciprocity_score(NULL, x'00');
-- !! reciprocity_score: argument 2 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16
SELECT reciprocity_benefit('x', NULL);
-- !! reciprocity_benefit: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
-- A NULL mode is the default, harmonic.
SELECT reciprocity_score(a, b, NULL) FROM ab;
-- => 0.7466666666666666

-- ----------------------------------------------------------------------------- modes
SELECT reciprocity_score(a, b, 1) FROM ab;
-- !! reciprocity_score: mode must be text, not an integer (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, 0.5) FROM ab;
-- !! reciprocity_score: mode must be text, not a real (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, 9e999) FROM ab;
-- !! reciprocity_score: mode must be text, not a real (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, x'6d696e') FROM ab;
-- !! reciprocity_score: mode must be text, not a blob (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, '') FROM ab;
-- !! reciprocity_score: unknown mode '' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, '   ') FROM ab;
-- !! reciprocity_score: unknown mode '   ' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, 'max') FROM ab;
-- !! reciprocity_score: unknown mode 'max' (valid modes: harmonic, geometric, min, mean, uninorm)
-- Trimmed and case-insensitive: these are modes.
SELECT reciprocity_score(a, b, ' MIN '), reciprocity_score(a, b, 'Mean'), reciprocity_score(a, b, char(9) || 'min' || char(10)) FROM ab;
-- => 0.7|0.75|0.7
-- A NUL byte inside or after a mode name: not a mode; the NUL shows as '?'.
SELECT reciprocity_score(a, b, 'min' || char(0)) FROM ab;
-- !! reciprocity_score: unknown mode 'min?' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, 'har' || char(0) || 'monic') FROM ab;
-- !! reciprocity_score: unknown mode 'har?monic' (valid modes: harmonic, geometric, min, mean, uninorm)
-- Invalid UTF-8 and non-ASCII letters never reach the message raw.
SELECT reciprocity_score(a, b, CAST(x'ff' AS TEXT)) FROM ab;
-- !! reciprocity_score: unknown mode '?' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(a, b, 'mín') FROM ab;
-- !! reciprocity_score: unknown mode 'm??n' (valid modes: harmonic, geometric, min, mean, uninorm)
-- 1 MB of mode: the message shows its first 64 bytes.
SELECT reciprocity_score(a, b, printf('%.*c', 1000000, 'x')) FROM ab;
-- !! reciprocity_score: unknown mode 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' (valid modes: harmonic, geometric, min, mean, uninorm)
-- The mode is checked even when a profile is NULL, so a bad mode never hides behind a NULL.
SELECT reciprocity_score(NULL, NULL, 'best');
-- !! reciprocity_score: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_explain(NULL, NULL, 7);
-- !! reciprocity_explain: mode must be text, not an integer (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_explain(a, b, 'uni norm') FROM ab;
-- !! reciprocity_explain: unknown mode 'uni norm' (valid modes: harmonic, geometric, min, mean, uninorm)
-- A mode that varies by row is checked on every row: a bad one on a later row is still an error.
SELECT reciprocity_score(a, b, m) FROM ab, (SELECT 'min' AS m UNION ALL SELECT 'nope') ORDER BY m;
-- !! reciprocity_score: unknown mode 'nope' (valid modes: harmonic, geometric, min, mean, uninorm)

-- ------------------------------------------------------- degenerate but valid pairs
-- Empty profiles, a profile with itself: 0, never NaN, in every mode.
SELECT reciprocity_score(e, e), reciprocity_score(e, e, 'uninorm'), reciprocity_score(a, a, 'geometric'), reciprocity_benefit(e, a) FROM ab;
-- => 0.0|0.0|0.0|0.0
-- uninorm's 0/0 (x = 1, y = 0) is 0, not NaN.
SELECT reciprocity_score(reciprocity_profile('t', 0, 1), reciprocity_profile('t', 5, 0), 'uninorm');
-- => 0.0
SELECT reciprocity_explain(e, e) FROM ab;
-- => {"mode":"harmonic","score":0,"balance":0,"a_gets":{"benefit":0,"topics":[]},"b_gets":{"benefit":0,"topics":[]}}
