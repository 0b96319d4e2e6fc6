-- Bad-input catalogue, SQL face (issue 7): the table-valued functions
-- reciprocity_match(source [, options]) and
-- reciprocity_match_audit(source [, options [, matching]]).
-- Missing and extra arguments; sources that are not text, not a table,
-- missing, quoted, with a semicolon, a second statement or a NUL byte, with
-- the wrong columns; candidate rows with NULL, REAL, text or BLOB ids or
-- scores, self-pairs, a pair twice with different scores or gains, negative,
-- +-Inf, NaN (NULL in SQL), tiny and too large scores and gains; options
-- that are not JSON, not an object, unknown keys, keys twice, unknown or
-- mistyped objectives; mentors with capacities of 0, < 0, 2^63 - 1, REAL,
-- text, NULL, a mentor twice, no mentors, pairs without or with two mentors;
-- pinned pairs not among the candidates, twice, over capacity; matchings to
-- audit that are not candidates or pair someone twice; DIRECTONLY.

CREATE TABLE c(a INTEGER, b INTEGER, score REAL);
INSERT INTO c VALUES (1, 2, 0.5), (2, 3, 0.25), (3, 4, 0.75);

SELECT a, b, score FROM reciprocity_match('c');
-- => 1|2|0.5
-- => 3|4|0.75

-- ------------------------------------------------------------------ arguments
SELECT * FROM reciprocity_match;
-- !! reciprocity_match: needs a source, as in reciprocity_match('candidates')
SELECT * FROM reciprocity_match();
-- !! reciprocity_match: needs a source, as in reciprocity_match('candidates')
SELECT * FROM reciprocity_match('c', NULL, NULL);
-- !! too many arguments on reciprocity_match() - max 2
SELECT * FROM reciprocity_match_audit;
-- !! reciprocity_match_audit: needs a source, as in reciprocity_match_audit('candidates')
SELECT * FROM reciprocity_match_audit('c', NULL, NULL, NULL);
-- !! too many arguments on reciprocity_match_audit() - max 3
SELECT * FROM reciprocity_match WHERE source > 'c';
-- !! reciprocity_match: needs a source, as in reciprocity_match('candidates')
SELECT count(*) FROM reciprocity_match WHERE source = 'c' AND options IS NULL;
-- => 2

-- --------------------------------------------------------------------- source
SELECT * FROM reciprocity_match(NULL);
-- !! reciprocity_match: source must be a table or view name or a SELECT, as text, not NULL
SELECT * FROM reciprocity_match(1);
-- !! reciprocity_match: source must be a table or view name or a SELECT, as text, not an integer
SELECT * FROM reciprocity_match_audit(3.5);
-- !! reciprocity_match_audit: source must be a table or view name or a SELECT, as text, not a real
SELECT * FROM reciprocity_match(x'63');
-- !! reciprocity_match: source must be a table or view name or a SELECT, as text, not a blob
SELECT * FROM reciprocity_match('');
-- !! reciprocity_match: source must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_match('nobody');
-- !! reciprocity_match: source: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_match('c; DROP TABLE c');
-- !! reciprocity_match: source must be the name of a table or view, or a SELECT statement; got 'c; DROP TABLE c'
SELECT * FROM reciprocity_match('c"');
-- !! reciprocity_match: source must be the name of a table or view, or a SELECT statement; got 'c"'
SELECT * FROM reciprocity_match('SELECT 1; SELECT 2');
-- !! reciprocity_match: source must be a single statement
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5)' || char(0) || '; DROP TABLE c');
-- !! reciprocity_match: source contains a NUL byte
SELECT * FROM reciprocity_match('WITH x AS (SELECT 1) UPDATE c SET score = 0');
-- !! reciprocity_match: source must be a read-only SELECT
SELECT * FROM reciprocity_match('SELECT a, b, :s AS score FROM c');
-- !! reciprocity_match: source must not have parameters
SELECT count(*) FROM c;
-- => 3
-- Columns: a, b, score [, a_gain, b_gain] by name, or 3 or 5 unnamed columns.
SELECT * FROM reciprocity_match('SELECT 1');
-- !! reciprocity_match: source must have columns a, b and score, and optionally a_gain and b_gain (it has no column a)
SELECT * FROM reciprocity_match('SELECT 1, 2, 0.5, 0.1');
-- !! reciprocity_match: source must have columns a, b and score, and optionally a_gain and b_gain (it has no column a)
SELECT * FROM reciprocity_match('SELECT 1 AS a, 2 AS b');
-- !! reciprocity_match: source must have columns a, b and score, and optionally a_gain and b_gain (it has no column score)
SELECT * FROM reciprocity_match('SELECT 1 AS a, 2 AS b, 0.5 AS score, 0.1 AS a_gain');
-- !! reciprocity_match: source has a column a_gain but no column b_gain (give both gains or neither)
SELECT * FROM reciprocity_match('SELECT 1 AS a, 2 AS b, 0.5 AS score, 0.1 AS b_gain');
-- !! reciprocity_match: source has a column b_gain but no column a_gain (give both gains or neither)

-- ------------------------------------------------------------- candidate rows
SELECT * FROM reciprocity_match('VALUES (NULL, 2, 0.5)');
-- !! reciprocity_match: source has a NULL a
SELECT * FROM reciprocity_match('VALUES (1, NULL, 0.5)');
-- !! reciprocity_match: source has a NULL b
SELECT * FROM reciprocity_match('VALUES (1.5, 2, 0.5)');
-- !! reciprocity_match: source a must be an integer, not a real
SELECT * FROM reciprocity_match('VALUES (''1'', 2, 0.5)');
-- !! reciprocity_match: source a must be an integer, not text
SELECT * FROM reciprocity_match('VALUES (1, x''02'', 0.5)');
-- !! reciprocity_match: source b must be an integer, not a blob
SELECT * FROM reciprocity_match('VALUES (1, 2, NULL)');
-- !! reciprocity_match: source: pair (1, 2) has a NULL score
-- NaN is NULL in SQL: a NULL score.
SELECT * FROM reciprocity_match('VALUES (1, 2, 9e999 - 9e999)');
-- !! reciprocity_match: source: pair (1, 2) has a NULL score
SELECT * FROM reciprocity_match('VALUES (1, 2, ''0.5'')');
-- !! reciprocity_match: source: score of pair (1, 2) must be a number, not text
SELECT * FROM reciprocity_match('VALUES (1, 2, x''00'')');
-- !! reciprocity_match: source: score of pair (1, 2) must be a number, not a blob
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5, 0.1, NULL)');
-- !! reciprocity_match: source: pair (1, 2) has a NULL b_gain
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5, ''x'', 0.1)');
-- !! reciprocity_match: source: a_gain of pair (1, 2) must be a number, not text
SELECT * FROM reciprocity_match('VALUES (1, 1, 0.5)');
-- !! reciprocity_match: candidate pair (1, 1) is a self-pair
-- Of several bad pairs, the smallest (a, b) is reported, whatever the row order.
SELECT * FROM reciprocity_match('VALUES (3, 4, 0.5), (5, 6, -1), (1, 1, 0.5), (2, 1, -2)');
-- !! reciprocity_match: candidate pair (1, 1) is a self-pair
SELECT * FROM reciprocity_match('VALUES (1, 2, -1)');
-- !! reciprocity_match: candidate pair (1, 2) has score -1; scores must be finite numbers >= 0
SELECT * FROM reciprocity_match('VALUES (2, 1, 9e999)');
-- !! reciprocity_match: candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0
SELECT * FROM reciprocity_match('VALUES (1, 2, -9e999)');
-- !! reciprocity_match: candidate pair (1, 2) has score -Infinity; scores must be finite numbers >= 0
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5, -0.1, 0.2)');
-- !! reciprocity_match: candidate pair (1, 2) has a_gain -0.1; gains must be finite numbers >= 0
-- Gains follow their pair when it is written (b, a).
SELECT * FROM reciprocity_match('VALUES (2, 1, 0.5, 0.1, 9e999)');
-- !! reciprocity_match: candidate pair (1, 2) has a_gain Infinity; gains must be finite numbers >= 0
SELECT * FROM reciprocity_match('VALUES (1, 2, 4096.000000001)');
-- !! reciprocity_match: candidate pair (1, 2) has score 4096.000000001, over the largest score a matching takes (4096)
SELECT * FROM reciprocity_match('VALUES (1, 2, 9223372036854775807)');
-- !! reciprocity_match: candidate pair (1, 2) has score 9223372036854775808, over the largest score a matching takes (4096)
-- A pair twice: the same values count once; different ones are an error, either way round.
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5), (2, 1, 0.5), (1, 2, 0.5)');
-- => 1|2|0.5
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5), (2, 1, 0.25)');
-- !! reciprocity_match: candidate pair (1, 2) is given twice with different scores (0.25 and 0.5)
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5, 0.1, 0.2), (2, 1, 0.5, 0.1, 0.2)');
-- !! reciprocity_match: candidate pair (1, 2) is given twice with different gains
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5, 0.1, 0.2), (2, 1, 0.5, 0.2, 0.1)');
-- => 1|2|0.5
-- Edge values: 4096 is allowed; -0 and 0 form no pair; ids at both ends of the range.
SELECT * FROM reciprocity_match('VALUES (1, 2, 4096), (3, 4, -0.0), (5, 6, 0)');
-- => 1|2|4096.0
SELECT * FROM reciprocity_match('VALUES (9223372036854775807, -9223372036854775808, 0.5)');
-- => -9223372036854775808|9223372036854775807|0.5
-- A score below half the engines' fixed-point step (2^-40, core/max_weight_matching.hpp)
-- weighs 0 and adds nothing to a total: no pair ...
SELECT count(*) FROM reciprocity_match('VALUES (1, 2, 1e-300)');
-- => 0
-- ... but fair makes as many pairs as it can.
SELECT a, b, score FROM reciprocity_match('VALUES (1, 2, 1e-300)', '{"objective": "fair"}');
-- => 1|2|1e-300
SELECT count(*) FROM reciprocity_match('SELECT 1 AS a, 2 AS b, 0.5 AS score WHERE 0');
-- => 0

-- -------------------------------------------------------------------- options
SELECT * FROM reciprocity_match('c', 1);
-- !! reciprocity_match: options must be a JSON object as text, not an integer
SELECT * FROM reciprocity_match('c', x'7b7d');
-- !! reciprocity_match: options must be a JSON object as text, not a blob
SELECT * FROM reciprocity_match('c', '');
-- !! reciprocity_match: options: malformed JSON at byte 0: unexpected end of text
SELECT * FROM reciprocity_match('c', 'objective=fair');
-- !! reciprocity_match: options: malformed JSON at byte 0: unexpected character
SELECT * FROM reciprocity_match('c', '["total"]');
-- !! reciprocity_match: options must be a JSON object, not an array
SELECT * FROM reciprocity_match('c', '{"mentor": "x"}');
-- !! reciprocity_match: unknown option 'mentor' (valid options: mentors, objective, pinned)
SELECT * FROM reciprocity_match('c', '{"a\u0000b": 1}');
-- !! reciprocity_match: unknown option 'a?b' (valid options: mentors, objective, pinned)
SELECT * FROM reciprocity_match('c', '{"objective": "total", "objective": "fair"}');
-- !! reciprocity_match: option 'objective' is given twice
SELECT * FROM reciprocity_match('c', '{"mentors": "x", "mentors": "y"}');
-- !! reciprocity_match: option 'mentors' is given twice
SELECT * FROM reciprocity_match('c', '{"pinned": "x", "pinned": "y"}');
-- !! reciprocity_match: option 'pinned' is given twice
SELECT * FROM reciprocity_match('c', '{"objective": "best"}');
-- !! reciprocity_match: unknown objective 'best' (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"objective": ""}');
-- !! reciprocity_match: unknown objective '' (valid objectives: total, fair, stable)
-- Objectives are exact names (unlike modes).
SELECT * FROM reciprocity_match('c', '{"objective": " Total"}');
-- !! reciprocity_match: unknown objective ' Total' (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"objective": "tot\u0000al"}');
-- !! reciprocity_match: unknown objective 'tot?al' (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"objective": "' || printf('%.*c', 39, 'o') || 'ééé"}');
-- !! reciprocity_match: unknown objective 'ooooooooooooooooooooooooooooooooooooooo...' (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"objective": 1}');
-- !! reciprocity_match: option 'objective' must be a string, not a number (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"objective": null}');
-- !! reciprocity_match: option 'objective' must be a string, not null (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match('c', '{"mentors": 1}');
-- !! reciprocity_match: option 'mentors' must be a table or view name or a SELECT, as a string, not a number
SELECT * FROM reciprocity_match('c', '{"pinned": {}}');
-- !! reciprocity_match: option 'pinned' must be a table or view name or a SELECT, as a string, not an object
-- Options are read before the source.
SELECT * FROM reciprocity_match('nobody', '{"objective": "best"}');
-- !! reciprocity_match: unknown objective 'best' (valid objectives: total, fair, stable)

-- -------------------------------------------------------------------- mentors
SELECT * FROM reciprocity_match('c', '{"mentors": ""}');
-- !! reciprocity_match: mentors must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_match('c', '{"mentors": "nobody"}');
-- !! reciprocity_match: mentors: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_match('c', '{"mentors": "c; DROP TABLE c"}');
-- !! reciprocity_match: mentors must be the name of a table or view, or a SELECT statement; got 'c; DROP TABLE c'
SELECT * FROM reciprocity_match('c', '{"mentors": "SELECT 1 AS id"}');
-- !! reciprocity_match: mentors must have columns id and capacity (it has no column capacity)
SELECT * FROM reciprocity_match('c', '{"mentors": "SELECT 1, 2, 3"}');
-- !! reciprocity_match: mentors must have columns id and capacity (it has no column id)
SELECT * FROM reciprocity_match('c', '{"mentors": "SELECT 1 AS id, 2 AS capacity WHERE 0"}');
-- !! reciprocity_match: mentors are given but the list is empty (capacities need two sides: mentors with a capacity, and the mentees, everyone else)
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 0), (3, 1)"}');
-- !! reciprocity_match: mentor 1 has capacity 0; capacities must be integers >= 1
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, -1), (3, 1)"}');
-- !! reciprocity_match: mentor 1 has capacity -1; capacities must be integers >= 1
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, -9223372036854775808)"}');
-- !! reciprocity_match: mentor 1 has capacity -9223372036854775808; capacities must be integers >= 1
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 1.5)"}');
-- !! reciprocity_match: mentors capacity must be an integer, not a real
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 2.0)"}');
-- !! reciprocity_match: mentors capacity must be an integer, not a real
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, ''2'')"}');
-- !! reciprocity_match: mentors capacity must be an integer, not text
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 9e999)"}');
-- !! reciprocity_match: mentors capacity must be an integer, not a real
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, NULL)"}');
-- !! reciprocity_match: mentors has a NULL capacity
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (NULL, 1)"}');
-- !! reciprocity_match: mentors has a NULL id
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1.0, 1)"}');
-- !! reciprocity_match: mentors id must be an integer, not a real
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 1), (1, 2)"}');
-- !! reciprocity_match: mentor 1 is listed twice
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (2, 1)"}');
-- !! reciprocity_match: candidate pair (3, 4) has no mentor (with mentors given, every pair joins a mentor and a mentee)
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (2, 1), (3, 1)"}');
-- !! reciprocity_match: candidate pair (2, 3) joins two mentors (with mentors given, every pair joins a mentor and a mentee)
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 1), (3, 1)", "objective": "fair"}');
-- !! reciprocity_match: objective 'fair' does not take mentors (capacities are solved for the largest total: use objective 'total')
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 1), (3, 1)", "objective": "stable"}');
-- !! reciprocity_match: objective 'stable' does not take mentors (capacities are solved for the largest total: use objective 'total')
-- Capacities of 2^63 - 1 (the flow never adds them up), and a mentor with no candidate.
SELECT a, b, score FROM reciprocity_match('VALUES (1, 2, 0.5), (1, 3, 0.5), (4, 2, 0.5), (4, 3, 0.25)',
  '{"mentors": "VALUES (1, 9223372036854775807), (4, 9223372036854775807), (99, 5)"}');
-- => 1|3|0.5
-- => 4|2|0.5

-- --------------------------------------------------------------------- pinned
SELECT * FROM reciprocity_match('c', '{"pinned": "nobody"}');
-- !! reciprocity_match: pinned: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_match('c', '{"pinned": "c; SELECT 1"}');
-- !! reciprocity_match: pinned must be the name of a table or view, or a SELECT statement; got 'c; SELECT 1'
SELECT * FROM reciprocity_match('c', '{"pinned": "SELECT ?, 1"}');
-- !! reciprocity_match: pinned must not have parameters
SELECT * FROM reciprocity_match('c', '{"pinned": "SELECT 1 AS a"}');
-- !! reciprocity_match: pinned must have columns a and b (it has no column b)
SELECT * FROM reciprocity_match('c', '{"pinned": "SELECT 1, 2, 3"}');
-- !! reciprocity_match: pinned must have columns a and b (it has no column a)
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1.0, 2)"}');
-- !! reciprocity_match: pinned a must be an integer, not a real
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1, ''2'')"}');
-- !! reciprocity_match: pinned b must be an integer, not text
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1, 4)"}');
-- !! reciprocity_match: pinned pair (1, 4) is not a candidate pair
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1, 1)"}');
-- !! reciprocity_match: pinned pair (1, 1) is not a candidate pair
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1, 99)"}');
-- !! reciprocity_match: pinned pair (1, 99) is not a candidate pair
SELECT * FROM reciprocity_match('c', '{"pinned": "VALUES (1, 2), (2, 3)"}');
-- !! reciprocity_match: person 2 is pinned twice: (1, 2) and (2, 3)
SELECT * FROM reciprocity_match('c', '{"mentors": "VALUES (1, 2), (3, 1)", "pinned": "VALUES (1, 2), (3, 2)"}');
-- !! reciprocity_match: mentee 2 is pinned twice: (1, 2) and (3, 2)
SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5), (1, 3, 0.5)', '{"mentors": "VALUES (1, 1)", "pinned": "VALUES (1, 2), (1, 3)"}');
-- !! reciprocity_match: mentor 1 is pinned to more mentees than its capacity 1
-- NULL rows are skipped; the same pair twice, either way round, is one pin; a pin holds against the optimum.
SELECT a, b, score FROM reciprocity_match('c', '{"pinned": "VALUES (NULL, 1), (3, 2), (2, 3)", "objective": "stable"}');
-- => 2|3|0.25

-- ---------------------------------------------------------------------- audit
SELECT people, pairs, total, unmatched, blocking_pairs, stable, explanation FROM reciprocity_match_audit('c', NULL, NULL);
-- => 4|2|1.25|0|0|1|NULL
SELECT * FROM reciprocity_match_audit('c', NULL, 1);
-- !! reciprocity_match_audit: matching must be a table or view name or a SELECT, as text, not an integer
SELECT * FROM reciprocity_match_audit('c', NULL, x'00');
-- !! reciprocity_match_audit: matching must be a table or view name or a SELECT, as text, not a blob
SELECT * FROM reciprocity_match_audit('c', NULL, '');
-- !! reciprocity_match_audit: matching must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_match_audit('c', NULL, 'nobody');
-- !! reciprocity_match_audit: matching: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_match_audit('c', NULL, 'c; DROP TABLE c');
-- !! reciprocity_match_audit: matching must be the name of a table or view, or a SELECT statement; got 'c; DROP TABLE c'
SELECT * FROM reciprocity_match_audit('c', NULL, 'SELECT 1, 2; SELECT 3, 4');
-- !! reciprocity_match_audit: matching must be a single statement
SELECT * FROM reciprocity_match_audit('c', NULL, 'VALUES (1, 2)' || char(0) || ', (3, 4)');
-- !! reciprocity_match_audit: matching contains a NUL byte
SELECT * FROM reciprocity_match_audit('c', NULL, 'SELECT 1 AS a');
-- !! reciprocity_match_audit: matching must have columns a and b (it has no column b)
SELECT * FROM reciprocity_match_audit('c', NULL, 'VALUES (1.0, 2)');
-- !! reciprocity_match_audit: matching a must be an integer, not a real
SELECT * FROM reciprocity_match_audit('c', NULL, 'VALUES (1, 3)');
-- !! reciprocity_match_audit: matching pair (1, 3) is not a candidate pair
SELECT * FROM reciprocity_match_audit('c', NULL, 'VALUES (1, 1)');
-- !! reciprocity_match_audit: matching pair (1, 1) is not a candidate pair
SELECT * FROM reciprocity_match_audit('c', NULL, 'VALUES (1, 2), (2, 3)');
-- !! reciprocity_match_audit: person 2 is in two pairs of the matching: (1, 2) and (2, 3)
SELECT * FROM reciprocity_match_audit('c', '{"mentors": "VALUES (1, 1), (3, 1)"}', 'VALUES (1, 2), (3, 2)');
-- !! reciprocity_match_audit: mentee 2 is in two pairs of the matching: (1, 2) and (3, 2)
SELECT * FROM reciprocity_match_audit('VALUES (1, 2, 0.5), (1, 3, 0.5)', '{"mentors": "VALUES (1, 1)"}', 'VALUES (1, 2), (1, 3)');
-- !! reciprocity_match_audit: mentor 1 has more mentees in the matching than its capacity 1
-- With a matching, options are still validated ...
SELECT * FROM reciprocity_match_audit('c', '{"objective": "nope"}', 'VALUES (1, 2)');
-- !! reciprocity_match_audit: unknown objective 'nope' (valid objectives: total, fair, stable)
SELECT * FROM reciprocity_match_audit('c', 'nope', 'VALUES (1, 2)');
-- !! reciprocity_match_audit: options: malformed JSON at byte 0: unexpected character
SELECT * FROM reciprocity_match_audit('VALUES (1, 2, 9e999)', NULL, 'VALUES (1, 2)');
-- !! reciprocity_match_audit: candidate pair (1, 2) has score Infinity; scores must be finite numbers >= 0
-- ... but pinned is not used: a pin that is not a candidate does not matter.
SELECT pairs, blocking, stable FROM reciprocity_match_audit('c', '{"pinned": "VALUES (1, 4)"}', 'VALUES (1, 2), (3, 4)');
-- => 2|[]|1
SELECT * FROM reciprocity_match_audit('c', '{"pinned": "VALUES (1, 4)"}');
-- !! reciprocity_match_audit: pinned pair (1, 4) is not a candidate pair
-- A pair twice (either way round) is one pair; NULL rows and an empty matching are allowed.
SELECT pairs, total, worst_off, worst_off_score, unmatched, blocking FROM reciprocity_match_audit('c', NULL, 'VALUES (1, 2), (2, 1), (NULL, 3)');
-- => 1|0.5|3|0.0|2|[[3,4]]
SELECT pairs, total, worst_off, unmatched, blocking_pairs, stable FROM reciprocity_match_audit('c', NULL, 'SELECT 1 AS a, 2 AS b WHERE 0');
-- => 0|0.0|1|4|3|0
-- No candidates at all: no people, worst_off NULL.
SELECT people, pairs, worst_off, worst_off_score, stable FROM reciprocity_match_audit('SELECT 1 AS a, 2 AS b, 0.5 AS score WHERE 0');
-- => 0|0|NULL|NULL|1

-- ----------------------------------------------------------------- DIRECTONLY
CREATE VIEW m AS SELECT * FROM reciprocity_match('c');
SELECT count(*) FROM m;
-- !! unsafe use of virtual table "reciprocity_match"
CREATE TABLE log(x);
CREATE TRIGGER t AFTER INSERT ON log BEGIN SELECT * FROM reciprocity_match_audit('c'); END;
INSERT INTO log VALUES (1);
-- !! unsafe use of virtual table "reciprocity_match_audit"
