-- Resource limits (issue 7).
--
-- 1. SQLITE_LIMIT_LENGTH: every TEXT or BLOB result of the extension goes
--    through sqlite3_result_text64 / sqlite3_result_blob64, which check the
--    connection's length limit: a result one byte over it fails with SQLite's
--    own "string or blob too big" (SQLITE_TOOBIG), never a cut value. The
--    limit is lowered with "-- limit: length N" (sqlite3_limit).
-- 2. Inputs that would make big allocations: a huge k, a huge capacity, deep
--    JSON, a JSON options text of many values. (The inputs that take seconds,
--    a profile of 2^20 + 1 topics, a JSON profile over its budget of
--    3,145,729 values, are in tests/bad_inputs/sql/sizes.sql; the exact
--    budgets in tests/core/test_json.cpp.)

-- Set-up, at the default limit (1,000,000,000 bytes).
CREATE TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 40) INSERT INTO n SELECT i FROM c;
-- Two profiles of 30 topics t01..t30: blobs of 16 + 30 * (28 + 3) = 946 bytes;
-- JSON of 1,801 bytes (17-digit levels and wants) and of 541 bytes.
CREATE TABLE p(id INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO p SELECT 1, reciprocity_profile(printf('t%02d', i), 1.2345678901234567, 2.3456789012345678) FROM n WHERE i <= 30;
INSERT INTO p SELECT 2, reciprocity_profile(printf('t%02d', i), 5, 0) FROM n WHERE i <= 30;
-- A third one, of 40 topics: 1,256 bytes, stored while the limit allows it.
INSERT INTO p SELECT 3, reciprocity_profile(printf('t%02d', i), 2, 1) FROM n;
SELECT id, length(profile), length(reciprocity_profile_to_json(profile)) FROM p ORDER BY id;
-- => 1|946|1801
-- => 2|946|541
-- => 3|1256|1081
SELECT length(reciprocity_explain(a.profile, b.profile)) FROM p a, p b WHERE a.id = 1 AND b.id = 2;
-- => 4867
-- Candidate pairs (100000 + i, 200000 + i) and (100000 + i, 300000 + i): with
-- the empty matching all 80 are blocking, a 1,281-byte JSON list.
CREATE TABLE cands(a INTEGER, b INTEGER, score REAL);
INSERT INTO cands SELECT 100000 + i, 200000 + i, 0.5 FROM n UNION ALL SELECT 100000 + i, 300000 + i, 0.25 FROM n;
SELECT people, pairs, blocking_pairs, length(blocking) FROM reciprocity_match_audit('cands', NULL, 'SELECT 1 AS a, 2 AS b WHERE 0');
-- => 120|0|80|1281
-- Four people without a stable matching (1 prefers 2, 2 prefers 3, 3 prefers 1,
-- all three rank 4 last): the audit explains it in 221 bytes.
CREATE TABLE roommates(a INTEGER, b INTEGER, score REAL, a_gain REAL, b_gain REAL);
INSERT INTO roommates VALUES (1, 2, 0.5, 0.9, 0.5), (2, 3, 0.5, 0.9, 0.5), (1, 3, 0.5, 0.5, 0.9),
                             (1, 4, 0.5, 0.1, 0.3), (2, 4, 0.5, 0.1, 0.2), (3, 4, 0.5, 0.1, 0.1);
SELECT stable, blocking, length(explanation) FROM reciprocity_match_audit('roommates', '{"objective": "stable"}');
-- => 0|[[2,3]]|221

-- limit: length 1000

-- BLOB results: reciprocity_profile_json (a 721-byte text gives a 1,256-byte
-- profile) and the reciprocity_profile aggregate.
SELECT length('{' || group_concat(printf('"t%02d":{"level":1}', i), ',') || '}') FROM n;
-- => 721
SELECT reciprocity_profile_json('{' || group_concat(printf('"t%02d":{"level":1}', i), ',') || '}') FROM n;
-- !! string or blob too big
SELECT reciprocity_profile(printf('t%02d', i), 1, 0) FROM n;
-- !! string or blob too big
-- TEXT results: reciprocity_profile_to_json, reciprocity_explain, best_partners.
SELECT reciprocity_profile_to_json(profile) FROM p WHERE id = 1;
-- !! string or blob too big
SELECT reciprocity_explain(a.profile, b.profile) FROM p a, p b WHERE a.id = 1 AND b.id = 2;
-- !! string or blob too big
SELECT reciprocity_explain(a.profile, b.profile, 'min') FROM p a, p b WHERE a.id = 1 AND b.id = 2;
-- !! string or blob too big
SELECT best_partners(i * 1000000, 0.123456789012345, 40) FROM n;
-- !! string or blob too big
-- The same functions under the limit still work.
SELECT length(profile), length(reciprocity_profile_to_json(profile)) FROM p WHERE id = 2;
-- => 946|541
SELECT length(reciprocity_profile_json('{' || group_concat(printf('"t%02d":{"level":1}', i), ',') || '}')) FROM n WHERE i <= 30;
-- => 946
SELECT length(best_partners(i * 1000000, 0.123456789012345, 20)) FROM n;
-- => 832
-- A stored value longer than the limit cannot even be read (SQLite checks
-- the limit when it loads a column), so no function gets it as an argument.
SELECT reciprocity_score(profile, profile) FROM p WHERE id = 3;
-- !! string or blob too big
SELECT count(*) FROM reciprocity_top_partners('p', 5);
-- !! reciprocity_top_partners: source: string or blob too big
-- The table-valued functions: TEXT columns of reciprocity_match_audit.
SELECT blocking FROM reciprocity_match_audit('cands', NULL, 'SELECT 1 AS a, 2 AS b WHERE 0');
-- !! string or blob too big
-- A query that does not read the column does not make it.
SELECT people, pairs, blocking_pairs FROM reciprocity_match_audit('cands', NULL, 'SELECT 1 AS a, 2 AS b WHERE 0');
-- => 120|0|80
-- The integer and real columns have no length: top partners and a matching.
SELECT id, partner, rank FROM reciprocity_top_partners('SELECT * FROM p WHERE id < 3', 5, '{"mode": "mean"}') ORDER BY id;
-- => 1|2|1
-- => 2|1|1
SELECT count(*), sum(score) FROM reciprocity_match('cands');
-- => 40|20.0

-- Exactly at the limit a result is whole; one byte over, it is an error.
-- limit: length 1801
SELECT length(reciprocity_profile_to_json(profile)) FROM p WHERE id = 1;
-- => 1801
-- limit: length 1800
SELECT reciprocity_profile_to_json(profile) FROM p WHERE id = 1;
-- !! string or blob too big
-- limit: length 946
SELECT length(reciprocity_profile(printf('t%02d', i), 5, 0)) FROM n WHERE i <= 30;
-- => 946
SELECT length(profile) FROM p WHERE id = 2 AND profile = (SELECT reciprocity_profile(printf('t%02d', i), 5, 0) FROM n WHERE i <= 30);
-- => 946
-- limit: length 945
SELECT reciprocity_profile(printf('t%02d', i), 5, 0) FROM n WHERE i <= 30;
-- !! string or blob too big
-- limit: length 221
SELECT stable, length(explanation) FROM reciprocity_match_audit('roommates', '{"objective": "stable"}');
-- => 0|221
-- limit: length 220
SELECT explanation FROM reciprocity_match_audit('roommates', '{"objective": "stable"}');
-- !! string or blob too big
SELECT stable, blocking FROM reciprocity_match_audit('roommates', '{"objective": "stable"}');
-- => 0|[[2,3]]

-- limit: length 1000000000

-- A huge k or capacity allocates nothing up front: the results are the
-- ordinary ones.
CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO people VALUES (1, reciprocity_profile_json('{"a": {"level": 5, "want": 1}, "b": {"want": 1}}')),
                          (2, reciprocity_profile_json('{"b": {"level": 5, "want": 1}, "a": {"want": 1}}')),
                          (3, reciprocity_profile_json('{"a": {"level": 3}, "b": {"want": 1}}'));
SELECT id, partner, rank FROM reciprocity_top_partners('people', 9223372036854775807) ORDER BY id, rank;
-- => 1|2|1
-- => 2|1|1
-- => 2|3|2
-- => 3|2|1
SELECT best_partners(id, 0.5, 9223372036854775807) FROM people;
-- => [{"id":1,"score":0.5},{"id":2,"score":0.5},{"id":3,"score":0.5}]
CREATE TABLE mentoring(a INTEGER, b INTEGER, score REAL);
INSERT INTO mentoring VALUES (1, 11, 0.5), (1, 12, 0.25), (2, 12, 0.75);
SELECT a, b, score FROM reciprocity_match('mentoring', '{"mentors": "SELECT 1 AS id, 9223372036854775807 AS capacity UNION ALL SELECT 2, 9223372036854775807"}');
-- => 1|11|0.5
-- => 2|12|0.75
SELECT people, pairs, total FROM reciprocity_match_audit('mentoring', '{"mentors": "VALUES (1, 9223372036854775807), (2, 9223372036854775807)"}');
-- => 4|2|1.25

-- JSON nesting is capped at 64 levels (65 nested arrays are 65 deep: bytes 0..64).
SELECT reciprocity_profile_json(replace(hex(zeroblob(40)), '0', '['));
-- !! reciprocity_profile_json: malformed JSON at byte 65: nested deeper than 64 levels
SELECT * FROM reciprocity_top_partners('people', 1, replace(hex(zeroblob(40)), '0', '['));
-- !! reciprocity_top_partners: options: malformed JSON at byte 65: nested deeper than 64 levels

-- An options text holds at most 1,000 JSON values: {"x": [0, ...]} with n
-- zeros has n + 2. At 1,000 the text is read (and the key refused); at
-- 1,001 reading stops.
SELECT * FROM reciprocity_top_partners('people', 1, '{"x": [' || replace(hex(zeroblob(997)), '00', '0,') || '0]}');
-- !! reciprocity_top_partners: unknown option 'x' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"x": [' || replace(hex(zeroblob(998)), '00', '0,') || '0]}');
-- !! reciprocity_top_partners: options: JSON text has more than 1000 values
SELECT * FROM reciprocity_match('mentoring', '{"x": [' || replace(hex(zeroblob(998)), '00', '0,') || '0]}');
-- !! reciprocity_match: options: JSON text has more than 1000 values
SELECT * FROM reciprocity_match_audit('mentoring', '{"x": [' || replace(hex(zeroblob(998)), '00', '0,') || '0]}');
-- !! reciprocity_match_audit: options: JSON text has more than 1000 values
