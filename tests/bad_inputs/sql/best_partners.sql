-- Bad-input catalogue, SQL face (issue 7): the aggregates best_partner(candidate_id, score)
-- and best_partners(candidate_id, score, k).
-- Wrong argument counts; ids that are REAL or BLOB, empty, with NUL bytes,
-- invalid UTF-8 or 1 MB long; scores that are text, blobs, negative, +-Inf,
-- NULL or NaN (NULL in SQL); k of 0, < 0, NULL, REAL, text, +-Inf, 2^63 - 1,
-- 2^63 and varying between rows; duplicate candidates.

SELECT best_partner(1);
-- !! wrong number of arguments to function best_partner()
SELECT best_partner(1, 0.5, 2);
-- !! wrong number of arguments to function best_partner()
SELECT best_partners(1, 0.5);
-- !! wrong number of arguments to function best_partners()
SELECT best_partners(1, 0.5, 2, 2);
-- !! wrong number of arguments to function best_partners()

-- ------------------------------------------------------------------ candidate ids
SELECT best_partner(1.5, 0.5);
-- !! best_partner: candidate_id must be an integer or text, not a real
SELECT best_partner(9e999, 0.5);
-- !! best_partner: candidate_id must be an integer or text, not a real
SELECT best_partner(x'01', 0.5);
-- !! best_partner: candidate_id must be an integer or text, not a blob
SELECT best_partners(x'', 0.5, 2);
-- !! best_partners: candidate_id must be an integer or text, not a blob
SELECT best_partners(2.0, 0.5, 2);
-- !! best_partners: candidate_id must be an integer or text, not a real
-- Text ids are kept byte for byte: empty, NUL inside, 1 MB.
SELECT best_partner('', 0.5) = '', hex(best_partner('a' || char(0) || 'b', 0.5)), length(best_partner(printf('%.*c', 1000000, 'x'), 0.5));
-- => 1|610062|1000000
SELECT best_partners(column1, 0.5, 3) FROM (VALUES (''), ('a"b\' || char(10) || char(0)));
-- => [{"id":"","score":0.5},{"id":"a\"b\\\n\u0000","score":0.5}]
-- best_partner returns the id as given, invalid UTF-8 included ...
SELECT hex(best_partner(CAST(x'ff' AS TEXT), 0.5));
-- => FF
-- ... but best_partners writes JSON, which must be valid UTF-8.
SELECT best_partners(CAST(x'ff' AS TEXT), 0.5, 2);
-- !! best_partners: candidate_id is text but not valid UTF-8
SELECT best_partners(column1, 0.5, 2) FROM (VALUES ('ok'), ('a' || CAST(x'c3' AS TEXT)));
-- !! best_partners: candidate_id is text but not valid UTF-8
SELECT best_partners('é', 0.5, 2);
-- => [{"id":"é","score":0.5}]
-- Integers at both ends of the range; ties go to the smallest id, integers before text.
SELECT best_partner(column1, 1) FROM (VALUES (9223372036854775807), ('-1'), (-9223372036854775808));
-- => -9223372036854775808
SELECT best_partners(column1, 1, 5) FROM (VALUES (9223372036854775807), ('b'), (-9223372036854775808), ('a'));
-- => [{"id":-9223372036854775808,"score":1},{"id":9223372036854775807,"score":1},{"id":"a","score":1},{"id":"b","score":1}]
-- A NULL id skips the row before its score is looked at.
SELECT best_partner(NULL, 'junk'), best_partners(NULL, x'00', 2);
-- => NULL|[]

-- ------------------------------------------------------------------------ scores
SELECT best_partner(1, 'high');
-- !! best_partner: score must be a number, not text
SELECT best_partner(1, '');
-- !! best_partner: score must be a number, not text
SELECT best_partner(1, x'3f');
-- !! best_partner: score must be a number, not a blob
SELECT best_partners(1, '0.5x', 2);
-- !! best_partners: score must be a number, not text
SELECT best_partner(1, -0.5);
-- !! best_partner: score must be >= 0, got -0.5
SELECT best_partner(1, -1e-9);
-- !! best_partner: score must be >= 0, got -1e-09
SELECT best_partners(1, -9223372036854775808, 2);
-- !! best_partners: score must be >= 0, got -9223372036854775808
SELECT best_partner(1, 9e999);
-- !! best_partner: score must be a finite number
SELECT best_partner(1, -9e999);
-- !! best_partner: score must be a finite number
SELECT best_partners(1, ' 1e999 ', 2);
-- !! best_partners: score must be a finite number
-- NULL, NaN (NULL in SQL), 0 and -0: skipped; numeric text counts.
SELECT best_partner(column1, column2) FROM (VALUES (1, NULL), (2, 9e999 - 9e999), (3, 0), (4, -0.0));
-- => NULL
SELECT best_partners(column1, column2, 2) FROM (VALUES (1, NULL), (2, 9e999 - 9e999), (3, 0), (4, '0.25'));
-- => [{"id":4,"score":0.25}]
-- Huge but finite scores rank normally.
SELECT best_partners(column1, column2, 2) FROM (VALUES (1, 1.7976931348623157e308), (2, 9223372036854775807), (3, 5e-324));
-- => [{"id":1,"score":1.7976931348623157e+308},{"id":2,"score":9223372036854775808}]
-- The same candidate twice counts once, with its highest score.
SELECT best_partners(column1, column2, 3) FROM (VALUES (7, 0.25), (7, 0.75), (8, 0.5), (7, 0.5));
-- => [{"id":7,"score":0.75},{"id":8,"score":0.5}]

-- ----------------------------------------------------------------------------- k
SELECT best_partners(1, 0.5, 0);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, -1);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, -9223372036854775808);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, NULL);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 2.0);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 2.5);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 9e999);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, -9e999);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 'two');
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, '');
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, x'02');
-- !! best_partners: k must be a positive integer
-- 2^63 is past the integers: a REAL.
SELECT best_partners(1, 0.5, 9223372036854775808);
-- !! best_partners: k must be a positive integer
-- k = 2^63 - 1: every candidate, nothing allocated for k.
SELECT best_partners(column1, column2, 9223372036854775807) FROM (VALUES (1, 0.5), (2, 0.7), (3, 0.6));
-- => [{"id":2,"score":0.7},{"id":3,"score":0.6},{"id":1,"score":0.5}]
-- k as text that reads as an integer.
SELECT best_partners(column1, 0.5, ' 1 ') FROM (VALUES (2), (1));
-- => [{"id":1,"score":0.5}]
-- A NULL k is an error even on a row that is skipped.
SELECT best_partners(NULL, NULL, 0);
-- !! best_partners: k must be a positive integer
-- k must be the same on every row; 2 and '2' are the same k.
SELECT best_partners(column1, 0.5, column2) FROM (VALUES (1, 2), (2, 3));
-- !! best_partners: k must be the same on every row
SELECT best_partners(column1, 0.5, column2) FROM (VALUES (1, 2), (2, NULL));
-- !! best_partners: k must be a positive integer
SELECT best_partners(column1, 0.5, column2) FROM (VALUES (1, 2), (2, '2'));
-- => [{"id":1,"score":0.5},{"id":2,"score":0.5}]
-- An empty group: [] (not NULL) and NULL.
SELECT best_partners(1, 0.5, 2), best_partner(1, 0.5) FROM (SELECT 1 WHERE 0);
-- => []|NULL
-- Per group: a bad row fails the whole query, whichever group it is in.
SELECT column1, best_partner(column2, column3) FROM (VALUES (1, 10, 0.5), (2, 20, -1)) GROUP BY column1;
-- !! best_partner: score must be >= 0, got -1
-- Not window functions (SQLite's own message names the function).
SELECT best_partner(column1, column2) OVER () FROM (VALUES (1, 0.5), (2, 0.7));
-- !! best_partner() may not be used as a window function
SELECT best_partners(column1, column2, 1) OVER (ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 0.5), (2, 0.7));
-- !! best_partners() may not be used as a window function
SELECT reciprocity_profile('a', 1, 1) OVER ();
-- !! reciprocity_profile() may not be used as a window function
