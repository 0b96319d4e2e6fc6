-- engine: shell
-- A database file from someone else (issue 7). Every statement below runs in
-- a new `sqlite3` process on the same file. First an "attacker" writes views,
-- triggers, generated columns, CHECK constraints and indexes into it; then a
-- "victim" opens it, loads the extension and sets PRAGMA trusted_schema = OFF
-- (SQLITE_DBCONFIG_TRUSTED_SCHEMA off).
--
-- How the extension flags what it registers (ext/extension.cpp, ext/source_sql.cpp):
--   every scalar and aggregate function: SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
--     (flags 2099200, tests/sql/flags.sql) -> usable in views, triggers,
--     generated columns, CHECK constraints and indexes even with an untrusted schema;
--   reciprocity_top_partners, reciprocity_match, reciprocity_match_audit:
--     SQLITE_VTAB_DIRECTONLY -> never from a view or a trigger, whatever
--     trusted_schema says: they run queries named by their arguments.

-- ------------------------------------------------------------ the attacker
-- An ordinary schema that uses the pure functions ...
CREATE TABLE people(
  id INTEGER PRIMARY KEY,
  js TEXT NOT NULL,
  profile BLOB GENERATED ALWAYS AS (reciprocity_profile_json(js)) STORED,
  gives TEXT GENERATED ALWAYS AS (reciprocity_profile_to_json(reciprocity_profile_json(js))) VIRTUAL,
  CHECK (reciprocity_score(reciprocity_profile_json(js), reciprocity_profile_json(js)) >= 0)
);
INSERT INTO people(id, js) VALUES
  (1, '{"finance": {"level": 5, "want": 1}, "python": {"want": 1}}'),
  (2, '{"python": {"level": 5, "want": 1}, "finance": {"want": 1}}'),
  (3, '{"finance": {"level": 3}, "python": {"want": 1}}');
CREATE INDEX people_fit ON people(reciprocity_score(profile, reciprocity_profile_json('{"finance": {"want": 1}, "python": {"level": 5}}')));
CREATE INDEX people_wanting ON people(id) WHERE reciprocity_benefit(profile, reciprocity_profile_json('{"python": {"level": 5}}')) > 0;
CREATE VIEW pairs AS
  SELECT a.id AS a, b.id AS b, reciprocity_score(a.profile, b.profile) AS score FROM people a JOIN people b ON a.id < b.id;
CREATE VIEW best AS
  SELECT a.id AS id, best_partner(b.id, reciprocity_score(a.profile, b.profile)) AS partner,
         reciprocity_profile(json_each.key, 1, 0) IS NOT NULL AS ok
  FROM people a JOIN people b ON a.id <> b.id JOIN json_each(a.js) GROUP BY a.id;
-- (One table per trigger: SQLite prepares every trigger of a table for an INSERT into it.)
CREATE TABLE log_score(x); CREATE TABLE log_tp(x); CREATE TABLE log_m(x); CREATE TABLE log_ma(x);
CREATE TABLE sink(a INTEGER, b INTEGER);
CREATE TRIGGER on_score AFTER INSERT ON log_score BEGIN
  INSERT INTO sink SELECT a, b FROM pairs WHERE reciprocity_score((SELECT profile FROM people WHERE id = a),
                                                                  (SELECT profile FROM people WHERE id = b)) > 0;
END;
-- ... and views and triggers that would run the table-valued functions.
CREATE VIEW tp AS SELECT * FROM reciprocity_top_partners('people', 3);
CREATE VIEW m AS SELECT * FROM reciprocity_match('pairs');
CREATE VIEW ma AS SELECT * FROM reciprocity_match_audit('pairs');
CREATE TRIGGER on_tp AFTER INSERT ON log_tp BEGIN
  INSERT INTO sink SELECT id, partner FROM reciprocity_top_partners('people', 3);
END;
CREATE TRIGGER on_m AFTER INSERT ON log_m BEGIN
  INSERT INTO sink SELECT a, b FROM reciprocity_match('pairs');
END;
CREATE TRIGGER on_ma AFTER INSERT ON log_ma BEGIN
  INSERT INTO sink SELECT people, pairs FROM reciprocity_match_audit('pairs');
END;
-- Views meant as the `source` (or another argument) of a call the victim
-- makes: one hides a table-valued function, one calls a function that is not
-- INNOCUOUS (json_extract, in SQLite 3.40).
CREATE VIEW people_via_match AS SELECT p.id, p.profile FROM people p JOIN reciprocity_match('pairs') m ON m.a = p.id;
CREATE VIEW pairs_via_tp AS SELECT id AS a, partner AS b, score FROM reciprocity_top_partners('people', 3) WHERE id < partner;
CREATE VIEW people_json AS SELECT id, profile, json_extract(js, '$.finance.level') AS level FROM people;
CREATE VIEW pairs_json AS SELECT a, b, score, json_extract('{}', '$') AS x FROM pairs;
-- A table-valued function cannot hide in a generated column, a CHECK
-- constraint or an index at all: those forbid subqueries.
CREATE TABLE g(x, y AS ((SELECT count(*) FROM reciprocity_top_partners('people', 1))));
-- !! subqueries prohibited in generated columns
CREATE TABLE c(x CHECK ((SELECT count(*) FROM reciprocity_match('pairs')) >= 0));
-- !! subqueries prohibited in CHECK constraints
CREATE INDEX i ON people(id) WHERE (SELECT count(*) FROM reciprocity_match_audit('pairs')) > 0;
-- !! subqueries prohibited in partial index WHERE clauses
CREATE INDEX i ON people((SELECT 1 FROM reciprocity_top_partners('people', 1)));
-- !! subqueries prohibited in index expressions

-- --------------------------------------------- the victim, trusted_schema off
-- The table-valued functions cannot be made to run from the file's views ...
PRAGMA trusted_schema = OFF; SELECT * FROM tp;
-- !! unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; SELECT * FROM m;
-- !! unsafe use of virtual table "reciprocity_match"
PRAGMA trusted_schema = OFF; SELECT * FROM ma;
-- !! unsafe use of virtual table "reciprocity_match_audit"
-- ... nor from its triggers (the INSERT that would fire one fails as a whole) ...
PRAGMA trusted_schema = OFF; INSERT INTO log_tp VALUES (1);
-- !! unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; INSERT INTO log_m VALUES (1);
-- !! unsafe use of virtual table "reciprocity_match"
PRAGMA trusted_schema = OFF; INSERT INTO log_ma VALUES (1);
-- !! unsafe use of virtual table "reciprocity_match_audit"
SELECT (SELECT count(*) FROM log_tp), (SELECT count(*) FROM log_m), (SELECT count(*) FROM log_ma), (SELECT count(*) FROM sink);
-- => 0|0|0|0
-- ... nor through a view named as an argument: the extension prepares
-- "SELECT * FROM <view>", and SQLite refuses the view's contents.
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_top_partners('people_via_match', 3);
-- !! reciprocity_top_partners: source: unsafe use of virtual table "reciprocity_match"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people_via_match', 3);
-- !! reciprocity_top_partners: source: unsafe use of virtual table "reciprocity_match"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_top_partners('people', 3, '{"exclude": "pairs_via_tp"}');
-- !! reciprocity_top_partners: exclude: unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match('pairs_via_tp');
-- !! reciprocity_match: source: unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match('pairs', '{"pinned": "pairs_via_tp"}');
-- !! reciprocity_match: pinned: unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match_audit('pairs_via_tp');
-- !! reciprocity_match_audit: source: unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match_audit('pairs', NULL, 'people_via_match');
-- !! reciprocity_match_audit: matching: unsafe use of virtual table "reciprocity_match"
-- A view calling a function that is not INNOCUOUS is refused the same way.
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_top_partners('people_json', 3);
-- !! reciprocity_top_partners: source: unsafe use of json_extract()
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match('pairs_json');
-- !! reciprocity_match: source: unsafe use of json_extract()
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_match_audit('pairs_json');
-- !! reciprocity_match_audit: source: unsafe use of json_extract()

-- The pure functions stay usable everywhere in the file: views (as such and
-- as a source), the generated columns and CHECK constraint of an INSERT,
-- both indexes, a trigger.
PRAGMA trusted_schema = OFF; SELECT a, b, score FROM pairs ORDER BY a, b;
-- => 1|2|0.5
-- => 1|3|0.0
-- => 2|3|0.461538461538462
PRAGMA trusted_schema = OFF; SELECT id, partner, ok FROM best ORDER BY id;
-- => 1|2|1
-- => 2|1|1
-- => 3|2|1
PRAGMA trusted_schema = OFF; INSERT INTO people(id, js) VALUES (4, '{"python": {"level": 4}}'); SELECT gives FROM people WHERE id = 4;
-- => {"python":{"level":4}}
PRAGMA trusted_schema = OFF; INSERT INTO people(id, js) VALUES (5, '{"python": {"level": 6}}');
-- !! reciprocity_profile_json: level 6 for topic 'python' is outside [0, 5]
PRAGMA trusted_schema = OFF; SELECT id FROM people INDEXED BY people_fit
WHERE reciprocity_score(profile, reciprocity_profile_json('{"finance": {"want": 1}, "python": {"level": 5}}')) > 0.4 ORDER BY id;
-- => 1
-- => 3
PRAGMA trusted_schema = OFF; SELECT id FROM people INDEXED BY people_wanting
WHERE reciprocity_benefit(profile, reciprocity_profile_json('{"python": {"level": 5}}')) > 0 ORDER BY id;
-- => 1
-- => 3
PRAGMA trusted_schema = OFF; INSERT INTO log_score VALUES (1); SELECT a, b FROM sink ORDER BY a, b;
-- => 1|2
-- => 2|3
PRAGMA trusted_schema = OFF; PRAGMA integrity_check;
-- => ok
-- The victim's own direct calls work, with the file's views as sources when
-- those only use pure functions.
PRAGMA trusted_schema = OFF; SELECT id, partner, rank FROM reciprocity_top_partners('people', 3) ORDER BY id, rank;
-- => 1|2|1
-- => 2|1|1
-- => 2|3|2
-- => 3|2|1
PRAGMA trusted_schema = OFF; SELECT a, b, score FROM reciprocity_match('pairs');
-- => 1|2|0.5
PRAGMA trusted_schema = OFF; SELECT people, pairs, total FROM reciprocity_match_audit('pairs');
-- => 4|1|0.5

-- With trusted_schema on (SQLite's default) the views and triggers are still
-- refused: DIRECTONLY does not depend on it. The json_extract view is allowed.
PRAGMA trusted_schema = ON; SELECT * FROM tp;
-- !! unsafe use of virtual table "reciprocity_top_partners"
PRAGMA trusted_schema = ON; INSERT INTO log_ma VALUES (1);
-- !! unsafe use of virtual table "reciprocity_match_audit"
PRAGMA trusted_schema = ON; SELECT count(*) FROM reciprocity_top_partners('people_via_match', 3);
-- !! reciprocity_top_partners: source: unsafe use of virtual table "reciprocity_match"
PRAGMA trusted_schema = ON; SELECT count(*) FROM reciprocity_top_partners('people_json', 3);
-- => 4

-- What the flags cannot prevent: a table in the file with the same name as a
-- table-valued function hides it (SQLite looks up the schema first). A view
-- only breaks the call; an FTS5 table, which takes an argument too, answers
-- it with the file's own rows, trusted_schema off or not. Schema-qualified
-- as temp.<name> (the file cannot put tables in temp) the call reaches the
-- extension.
CREATE VIEW reciprocity_top_partners AS SELECT 1 AS id, 2 AS partner, 1.0 AS score, 1 AS rank;
CREATE VIRTUAL TABLE reciprocity_match USING fts5(a, b, score);
INSERT INTO reciprocity_match VALUES ('pairs', 666, 1.0);
PRAGMA trusted_schema = OFF; SELECT * FROM reciprocity_top_partners('people', 3);
-- !! 'reciprocity_top_partners' is not a function
PRAGMA trusted_schema = OFF; SELECT a, b, score FROM reciprocity_match('pairs');
-- => pairs|666|1.0
PRAGMA trusted_schema = OFF; SELECT id, partner, rank FROM temp.reciprocity_top_partners('people', 1) ORDER BY id;
-- => 1|2|1
-- => 2|1|1
-- => 3|2|1
PRAGMA trusted_schema = OFF; SELECT a, b, score FROM temp.reciprocity_match('pairs');
-- => 1|2|0.5
