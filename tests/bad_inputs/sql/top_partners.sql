-- Bad-input catalogue, SQL face (issue 7): the table-valued function
-- reciprocity_top_partners(source, k [, options]).
-- Missing and extra arguments; k of 0, < 0, NULL, REAL, text, +-Inf, 2^63 - 1;
-- sources that are not text, empty, not a table, missing, quoted, with a
-- semicolon, a second statement, a NUL byte, invalid UTF-8, 1 MB of text, a
-- write, parameters, the wrong columns; source rows with NULL, REAL, text or
-- BLOB ids, duplicate ids, bad profiles; options that are not JSON, not an
-- object, with unknown keys, keys twice, wrong value types; exclude tables
-- with the same problems; the argument columns in WHERE; DIRECTONLY.

-- people as in docs/sql-functions.md: 1 teaches python and wants finance, 3 is
-- its mirror image, 5 wants nothing.
CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO people VALUES
  (1, reciprocity_profile_json('{"python": {"level": 5}, "finance": {"want": 1}}')),
  (2, reciprocity_profile_json('{"python": {"level": 1, "want": 1}, "finance": {"level": 4}}')),
  (3, reciprocity_profile_json('{"python": {"want": 2}, "finance": {"level": 5}, "sql": {"level": 3}}')),
  (4, reciprocity_profile_json('{"sql": {"want": 1}, "python": {"level": 4}}')),
  (5, reciprocity_profile_json('{"cooking": {"level": 2}}'));

SELECT id, partner, score, rank FROM reciprocity_top_partners('people', 1);
-- => 1|3|1.0|1
-- => 2|1|0.8|1
-- => 3|1|1.0|1
-- => 4|3|0.6857142857142857|1

-- ----------------------------------------------------------------- arguments
SELECT * FROM reciprocity_top_partners;
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
SELECT * FROM reciprocity_top_partners();
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
SELECT * FROM reciprocity_top_partners('people');
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
SELECT * FROM reciprocity_top_partners('people', 1, NULL, 4);
-- !! too many arguments on reciprocity_top_partners() - max 3
-- The arguments as hidden columns: only `=` passes one.
SELECT count(*) FROM reciprocity_top_partners WHERE source = 'people' AND k = 2;
-- => 6
SELECT count(*) FROM reciprocity_top_partners WHERE source = 'people' AND k > 1;
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
SELECT count(*) FROM reciprocity_top_partners WHERE source LIKE 'people' AND k = 1;
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
SELECT count(*) FROM reciprocity_top_partners WHERE k = 1;
-- !! reciprocity_top_partners: needs a source and k, as in reciprocity_top_partners('people', 10)
-- A source from another table of the query.
SELECT count(*) FROM (SELECT 'people' AS s UNION ALL SELECT 'main.people') AS x, reciprocity_top_partners(x.s, 1);
-- => 8

-- ------------------------------------------------------------------------- k
SELECT * FROM reciprocity_top_partners('people', 0);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', -1);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', -9223372036854775808);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', NULL);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', 1.0);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', 1.5);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', 9e999);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', -9e999);
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', 'one');
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', '');
-- !! reciprocity_top_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people', x'01');
-- !! reciprocity_top_partners: k must be a positive integer
-- k is checked before the source is read.
SELECT * FROM reciprocity_top_partners('nobody', 0);
-- !! reciprocity_top_partners: k must be a positive integer
-- k = 2^63 - 1: everyone's partners with a two-way gain, nothing allocated for k.
SELECT count(*), max(rank) FROM reciprocity_top_partners('people', 9223372036854775807);
-- => 6|2
-- k as text that reads as an integer.
SELECT count(*) FROM reciprocity_top_partners('people', ' 2 ');
-- => 6

-- -------------------------------------------------------------------- source
SELECT * FROM reciprocity_top_partners(NULL, 1);
-- !! reciprocity_top_partners: source must be a table or view name or a SELECT, as text, not NULL
SELECT * FROM reciprocity_top_partners(1, 1);
-- !! reciprocity_top_partners: source must be a table or view name or a SELECT, as text, not an integer
SELECT * FROM reciprocity_top_partners(1.5, 1);
-- !! reciprocity_top_partners: source must be a table or view name or a SELECT, as text, not a real
SELECT * FROM reciprocity_top_partners(x'706565706c65', 1);
-- !! reciprocity_top_partners: source must be a table or view name or a SELECT, as text, not a blob
SELECT * FROM reciprocity_top_partners('', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_top_partners('   ', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_top_partners('nobody', 1);
-- !! reciprocity_top_partners: source: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_top_partners('nodb.people', 1);
-- !! reciprocity_top_partners: source: no table or view named 'nodb.people' (no such table: nodb.people)
SELECT * FROM reciprocity_top_partners('main.people.id', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'main.people.id'
-- Quotes, semicolons and second statements are never built into SQL.
SELECT * FROM reciprocity_top_partners('people; DROP TABLE people', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'people; DROP TABLE people'
SELECT * FROM reciprocity_top_partners('peo"ple', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'peo"ple'
SELECT * FROM reciprocity_top_partners('"people"', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got '"people"'
SELECT * FROM reciprocity_top_partners('people"; DROP TABLE people; --', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'people"; DROP TABLE people; --'
SELECT * FROM reciprocity_top_partners('[people]', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got '[people]'
SELECT * FROM reciprocity_top_partners('people''', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'people''
SELECT * FROM reciprocity_top_partners('SELECT 1; SELECT 2', 1);
-- !! reciprocity_top_partners: source must be a single statement
SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people; DROP TABLE people', 1);
-- !! reciprocity_top_partners: source must be a single statement
-- A NUL byte would make SQLite stop reading and drop the rest unseen.
SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people' || char(0) || '; DROP TABLE people', 1);
-- !! reciprocity_top_partners: source contains a NUL byte
SELECT * FROM reciprocity_top_partners('people' || char(0), 1);
-- !! reciprocity_top_partners: source contains a NUL byte
-- Trailing semicolons and comments are fine.
SELECT count(*) FROM reciprocity_top_partners('SELECT id, profile FROM people; ;-- the end', 1);
-- => 4
SELECT * FROM reciprocity_top_partners('DELETE FROM people', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'DELETE FROM people'
SELECT * FROM reciprocity_top_partners('WITH x AS (SELECT 1) DELETE FROM people', 1);
-- !! reciprocity_top_partners: source must be a read-only SELECT
SELECT * FROM reciprocity_top_partners('PRAGMA table_info(people)', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'PRAGMA table_info(people)'
SELECT * FROM reciprocity_top_partners('SELECT id, ? AS profile FROM people', 1);
-- !! reciprocity_top_partners: source must not have parameters
SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people WHERE', 1);
-- !! reciprocity_top_partners: source: incomplete input
-- Nothing above ran: people is intact.
SELECT count(*) FROM people;
-- => 5
-- Invalid UTF-8 and 1 MB never reach the message raw or whole.
SELECT * FROM reciprocity_top_partners(CAST(x'ff' AS TEXT), 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got '?'
SELECT * FROM reciprocity_top_partners('SELECT ' || CAST(x'ff' AS TEXT), 1);
-- !! reciprocity_top_partners: source: no such column: ?
SELECT * FROM reciprocity_top_partners(printf('%.*c', 1000000, 'x'), 1);
-- !! reciprocity_top_partners: source: no table or view named 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (no such table: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...)
SELECT * FROM reciprocity_top_partners('SELECT ''' || printf('%.*c', 1000000, 'x') || '''', 1);
-- !! reciprocity_top_partners: source must have columns id and profile (it has no column id)
-- Columns: by name, or the two columns of a two-column SELECT by position.
SELECT * FROM reciprocity_top_partners('SELECT 1', 1);
-- !! reciprocity_top_partners: source must have columns id and profile (it has no column id)
SELECT * FROM reciprocity_top_partners('SELECT 1, 2, 3', 1);
-- !! reciprocity_top_partners: source must have columns id and profile (it has no column id)
SELECT * FROM reciprocity_top_partners('SELECT id FROM people', 1);
-- !! reciprocity_top_partners: source must have columns id and profile (it has no column profile)
SELECT * FROM reciprocity_top_partners('SELECT id AS profile, profile AS id FROM people', 1);
-- !! reciprocity_top_partners: source id must be an integer, not a blob
SELECT count(*) FROM reciprocity_top_partners('SELECT profile, 0 AS x, id FROM people', 1);
-- => 4
-- Source rows.
SELECT * FROM reciprocity_top_partners('VALUES (NULL, NULL)', 1);
-- !! reciprocity_top_partners: source has a NULL id
SELECT * FROM reciprocity_top_partners('VALUES (1.0, NULL)', 1);
-- !! reciprocity_top_partners: source id must be an integer, not a real
SELECT * FROM reciprocity_top_partners('VALUES (''1'', NULL)', 1);
-- !! reciprocity_top_partners: source id must be an integer, not text
SELECT * FROM reciprocity_top_partners('VALUES (x''01'', NULL)', 1);
-- !! reciprocity_top_partners: source id must be an integer, not a blob
SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people UNION ALL SELECT 3, NULL', 1);
-- !! reciprocity_top_partners: duplicate id 3
SELECT * FROM reciprocity_top_partners('VALUES (7, ''{}'')', 1);
-- !! reciprocity_top_partners: profile of id 7 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT * FROM reciprocity_top_partners('VALUES (7, 1)', 1);
-- !! reciprocity_top_partners: profile of id 7 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT * FROM reciprocity_top_partners('VALUES (7, 9e999)', 1);
-- !! reciprocity_top_partners: profile of id 7 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT * FROM reciprocity_top_partners('VALUES (7, x'''')', 1);
-- !! reciprocity_top_partners: profile of id 7 is not a reciprocity profile: truncated: 0 bytes, a profile has at least 16
SELECT * FROM reciprocity_top_partners('VALUES (-9223372036854775808, zeroblob(16))', 1);
-- !! reciprocity_top_partners: profile of id -9223372036854775808 is not a reciprocity profile: bad magic bytes
-- An error inside the source query is reported as the source's.
SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people WHERE reciprocity_score(profile, 1) > 0', 1);
-- !! reciprocity_top_partners: source: reciprocity_score: argument 2 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT * FROM reciprocity_top_partners('SELECT abs(-9223372036854775808) AS id, NULL AS profile', 1);
-- !! reciprocity_top_partners: source: integer overflow
-- NULL profiles are empty profiles; no rows, no people: no rows out.
SELECT count(*) FROM reciprocity_top_partners('VALUES (1, NULL), (2, NULL)', 1);
-- => 0
SELECT count(*) FROM reciprocity_top_partners('SELECT id, profile FROM people WHERE 0', 1);
-- => 0
-- The same people under two ids: the same partner (never themselves) with the same score.
SELECT id, partner, score FROM reciprocity_top_partners('SELECT id, profile FROM people UNION ALL SELECT id + 10, profile FROM people', 1) WHERE id IN (1, 11);
-- => 1|3|1.0
-- => 11|3|1.0

-- ------------------------------------------------------------------- options
SELECT count(*) FROM reciprocity_top_partners('people', 1, NULL);
-- => 4
SELECT * FROM reciprocity_top_partners('people', 1, 1);
-- !! reciprocity_top_partners: options must be a JSON object as text, not an integer
SELECT * FROM reciprocity_top_partners('people', 1, 9e999);
-- !! reciprocity_top_partners: options must be a JSON object as text, not a real
SELECT * FROM reciprocity_top_partners('people', 1, x'7b7d');
-- !! reciprocity_top_partners: options must be a JSON object as text, not a blob
SELECT * FROM reciprocity_top_partners('people', 1, '');
-- !! reciprocity_top_partners: options: malformed JSON at byte 0: unexpected end of text
SELECT * FROM reciprocity_top_partners('people', 1, 'mode=min');
-- !! reciprocity_top_partners: options: malformed JSON at byte 0: unexpected character
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": "min"');
-- !! reciprocity_top_partners: options: malformed JSON at byte 14: expected ',' or '}'
SELECT * FROM reciprocity_top_partners('people', 1, CAST(x'ff' AS TEXT));
-- !! reciprocity_top_partners: options: malformed JSON at byte 0: unexpected character
SELECT * FROM reciprocity_top_partners('people', 1, '[]');
-- !! reciprocity_top_partners: options must be a JSON object, not an array
SELECT * FROM reciprocity_top_partners('people', 1, 'null');
-- !! reciprocity_top_partners: options must be a JSON object, not null
SELECT * FROM reciprocity_top_partners('people', 1, '"min"');
-- !! reciprocity_top_partners: options must be a JSON object, not a string
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclud": "x"}');
-- !! reciprocity_top_partners: unknown option 'exclud' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"Mode": "min"}');
-- !! reciprocity_top_partners: unknown option 'Mode' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"a\u0000b": 1}');
-- !! reciprocity_top_partners: unknown option 'a?b' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"' || printf('%.*c', 36, 'x') || 'ééé": 1}');
-- !! reciprocity_top_partners: unknown option 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"' || printf('%.*c', 1000000, 'k') || '": 1}');
-- !! reciprocity_top_partners: unknown option 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...' (valid options: exclude, mode, threads)
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": "min", "mode": "min"}');
-- !! reciprocity_top_partners: option 'mode' is given twice
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": "best"}');
-- !! reciprocity_top_partners: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": ""}');
-- !! reciprocity_top_partners: unknown mode '' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": "min\u0000"}');
-- !! reciprocity_top_partners: unknown mode 'min?' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": 1}');
-- !! reciprocity_top_partners: option 'mode' must be a string, not a number (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT * FROM reciprocity_top_partners('people', 1, '{"mode": null}');
-- !! reciprocity_top_partners: option 'mode' must be a string, not null (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": -1}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": 1.5}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": 1025}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": 1e300}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": "2"}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
SELECT * FROM reciprocity_top_partners('people', 1, '{"threads": null}');
-- !! reciprocity_top_partners: option 'threads' must be an integer from 0 to 1024 (0: one per core)
-- The edges of threads, and a mode written in any case with white space: the same rows.
SELECT count(*), sum(score) FROM reciprocity_top_partners('people', 1, '{"threads": 1024, "mode": " HARMONIC "}');
-- => 4|3.4857142857142858
SELECT count(*), sum(score) FROM reciprocity_top_partners('people', 1, '{"threads": -0, "mode": "harmonic"}');
-- => 4|3.4857142857142858

-- ------------------------------------------------------------------- exclude
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": 1}');
-- !! reciprocity_top_partners: option 'exclude' must be a table or view name or a SELECT, as a string, not a number
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": null}');
-- !! reciprocity_top_partners: option 'exclude' must be a table or view name or a SELECT, as a string, not null
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": [[1, 3]]}');
-- !! reciprocity_top_partners: option 'exclude' must be a table or view name or a SELECT, as a string, not an array
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "x", "exclude": "y"}');
-- !! reciprocity_top_partners: option 'exclude' is given twice
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": ""}');
-- !! reciprocity_top_partners: exclude must be the name of a table or view, or a SELECT statement; got ''
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "nobody"}');
-- !! reciprocity_top_partners: exclude: no table or view named 'nobody' (no such table: nobody)
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "people; DROP TABLE people"}');
-- !! reciprocity_top_partners: exclude must be the name of a table or view, or a SELECT statement; got 'people; DROP TABLE people'
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "SELECT 1 AS a, 3 AS b; DROP TABLE people"}');
-- !! reciprocity_top_partners: exclude must be a single statement
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "peo\"ple"}');
-- !! reciprocity_top_partners: exclude must be the name of a table or view, or a SELECT statement; got 'peo"ple'
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "VALUES (1, 3)\u0000; DROP TABLE people"}');
-- !! reciprocity_top_partners: exclude contains a NUL byte
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "' || printf('%.*c', 56, 'x') || 'ééé"}');
-- !! reciprocity_top_partners: exclude must be the name of a table or view, or a SELECT statement; got 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "SELECT ?, 1"}');
-- !! reciprocity_top_partners: exclude must not have parameters
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "WITH x AS (SELECT 1) DELETE FROM people"}');
-- !! reciprocity_top_partners: exclude must be a read-only SELECT
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "SELECT 1 AS a"}');
-- !! reciprocity_top_partners: exclude must have columns a and b (it has no column b)
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "SELECT 1, 2, 3"}');
-- !! reciprocity_top_partners: exclude must have columns a and b (it has no column a)
-- people has two columns, so they are taken as (a, b): the profile is no id.
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "people"}');
-- !! reciprocity_top_partners: exclude b must be an integer, not a blob
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "VALUES (1.0, 3)"}');
-- !! reciprocity_top_partners: exclude a must be an integer, not a real
SELECT * FROM reciprocity_top_partners('people', 1, '{"exclude": "VALUES (1, ''3'')"}');
-- !! reciprocity_top_partners: exclude b must be an integer, not text
-- NULL rows, self-pairs, unknown ids and repeats in exclude are harmless; (3, 1) excludes (1, 3) both ways.
SELECT id, partner, rank FROM reciprocity_top_partners('people', 1, '{"exclude": "VALUES (1, NULL), (NULL, NULL), (1, 1), (1, 99), (3, 1), (3, 1)"}');
-- => 1|2|1
-- => 2|1|1
-- => 3|4|1
-- => 4|3|1

-- ----------------------------------------------------------------- DIRECTONLY
CREATE VIEW top AS SELECT * FROM reciprocity_top_partners('people', 1);
SELECT count(*) FROM top;
-- !! unsafe use of virtual table "reciprocity_top_partners"
