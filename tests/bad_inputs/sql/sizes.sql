-- valgrind: skip (million-row inputs: 333 s under valgrind; ctest and ASan run it)
-- Bad-input catalogue, SQL face (issue 7): sizes. Each input is built in SQL
-- and must give the right result or a clear error quickly (this file takes
-- about 10 s of CPU), never a crash, an out-of-memory or a minutes-long run:
-- profiles of 10^6 topics (from JSON and from the aggregate; scored,
-- explained, truncated, corrupted) and one over the 1,048,576-topic limit;
-- JSON nested 10,000 deep; ~100 MB JSON texts (100 MB of white space, 50
-- million numbers) as profiles, and 10 MB ones (a huge string, 5 million
-- numbers) as profiles and options; a 10 MB source query and one of a million
-- semicolons; best_partners over 200,000 rows with k = 2^63 - 1.

-- --------------------------------------------------------- 10^6 topics
-- p (from JSON text built by json_group_object): topic ti has level i % 6 and
-- want i % 3; q (from the aggregate, names in upper case with white space):
-- level 5 - i % 6, want 1. Exactly (fractions over all i): benefit(p <- q) =
-- 0.166667, benefit(q <- p) = 0.2999996.
CREATE TABLE big AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
SELECT reciprocity_profile_json(json_group_object('t' || i, json_object('level', i % 6, 'want', i % 3))) AS p,
       reciprocity_profile('T' || i || ' ', 5 - i % 6, 1) AS q FROM n;
SELECT length(p), length(q) FROM big;
-- => 34888912|34888912
SELECT reciprocity_benefit(p, q), reciprocity_benefit(q, p), reciprocity_score(p, q) FROM big;
-- => 0.166667|0.2999996|0.2142858877545554
SELECT length(reciprocity_profile_to_json(p)), length(reciprocity_explain(p, q)) FROM big;
-- => 27888900|83240969
-- One byte short, one byte over, a NaN level 8 MB into the blob (the first level: of 't1').
SELECT reciprocity_score(substr(p, 1, length(p) - 1), q) FROM big;
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 34888911 bytes, the header says 34888912
SELECT reciprocity_profile_to_json(CAST(q || 'x' AS BLOB)) FROM big;
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: wrong length: 34888913 bytes, the header says 34888912
SELECT reciprocity_benefit(p, CAST(substr(q, 1, 8000016) || x'000000000000F87F' || substr(q, 8000025) AS BLOB)) FROM big;
-- !! reciprocity_benefit: argument 2 is not a reciprocity profile: level NaN for topic 't1' is outside [0, 5]
-- One topic over the limit.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1048577)
SELECT reciprocity_profile('t' || i, 1, 1) FROM n;
-- !! reciprocity_profile: a profile holds at most 1048576 topics
DROP TABLE big;

-- ------------------------------------------------- nesting 10,000 deep
SELECT reciprocity_profile_json(printf('%.*c', 10000, '[') || printf('%.*c', 10000, ']'));
-- !! reciprocity_profile_json: malformed JSON at byte 65: nested deeper than 64 levels
SELECT reciprocity_profile_json(replace(printf('%.*c', 10000, 'x'), 'x', '{"a":') || '1' || printf('%.*c', 10000, '}'));
-- !! reciprocity_profile_json: malformed JSON at byte 325: nested deeper than 64 levels
SELECT reciprocity_profile_json('{"python": {"level": ' || printf('%.*c', 10000, '[') || printf('%.*c', 10000, ']') || '}}');
-- !! reciprocity_profile_json: malformed JSON at byte 84: nested deeper than 64 levels
SELECT * FROM reciprocity_top_partners('SELECT 1 AS id, NULL AS profile', 1, printf('%.*c', 10000, '[') || printf('%.*c', 10000, ']'));
-- !! reciprocity_top_partners: options: malformed JSON at byte 65: nested deeper than 64 levels
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5)', '{"objective": ' || replace(printf('%.*c', 10000, 'x'), 'x', '{"a":') || '1' || printf('%.*c', 10000, '}') || '}');
-- !! reciprocity_match: options: malformed JSON at byte 334: nested deeper than 64 levels
-- 62 levels inside a topic's field is still JSON: it is the wrong type.
SELECT reciprocity_profile_json('{"python": {"level": ' || printf('%.*c', 62, '[') || printf('%.*c', 62, ']') || '}}');
-- !! reciprocity_profile_json: level for topic 'python' must be a number, not an array

-- ------------------------------------------------------- ~100 MB of JSON
-- 100 MB of white space around {}: the empty profile.
SELECT hex(reciprocity_profile_json(printf('%.*c', 100000000, ' ') || '{}'));
-- => 52637050010000000000000000000000
-- A 10 MB topic name (10 MB where 100 MB would only take longer to build: each byte is read once).
SELECT reciprocity_profile_json('{"' || printf('%.*c', 10000000, 'x') || '": {"level": 1}}');
-- !! reciprocity_profile_json: topic name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is longer than 1024 bytes (10000000)
-- 1 MB of digits: out of range, not Infinity.
SELECT reciprocity_profile_json('{"python": {"level": 1' || printf('%.*c', 1000000, '0') || '}}');
-- !! reciprocity_profile_json: malformed JSON at byte 21: number out of range
-- 50 million numbers (100 MB): refused for its size before a tree of gigabytes is built.
SELECT reciprocity_profile_json('{"python": {"want": [' || replace(printf('%.*c', 50000000, 'x'), 'x', '0,') || '0]}}');
-- !! reciprocity_profile_json: JSON text has more than 3145729 values, more than a profile of at most 1048576 topics can have
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5)', '[' || replace(printf('%.*c', 5000000, 'x'), 'x', '0,') || '0]');
-- !! reciprocity_match: options: JSON text has more than 1000 values
-- 10 MB of options that are one object: read, and its unknown key reported.
SELECT * FROM reciprocity_top_partners('SELECT 1 AS id, NULL AS profile', 1, '{"exclude": "x", "note": "' || printf('%.*c', 10000000, 'x') || '"}');
-- !! reciprocity_top_partners: unknown option 'note' (valid options: exclude, mode, threads)

-- -------------------------------------------------- 10 MB source query
SELECT count(*) FROM reciprocity_top_partners('SELECT 1 AS id, NULL AS profile; /*' || printf('%.*c', 10000000, ' ') || '*/', 1);
-- => 0
SELECT count(*) FROM reciprocity_top_partners('SELECT 1 AS id, NULL AS profile' || printf('%.*c', 1000000, ';'), 1);
-- => 0

-- ---------------------------------- best_partners over 200,000 candidates
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
SELECT length(best_partners(i, 1.0 / i, 9223372036854775807)), best_partners(i, 1.0 / i, 2), best_partner(i, 1.0 / i) FROM n;
-- => 8741856|[{"id":1,"score":1},{"id":2,"score":0.5}]|1
