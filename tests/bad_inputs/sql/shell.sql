-- engine: shell
-- Bad-input catalogue, SQL face (issue 7): the same bad inputs in the sqlite3
-- shell, each statement in a new process on one database file. The messages
-- are the same as through Python's sqlite3; a hostile schema saved in the file
-- (a view or a trigger that calls a table-valued function with a destructive
-- source) cannot make a later session run it.

CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO people VALUES (1, reciprocity_profile_json('{"python": {"level": 5}, "finance": {"want": 1}}')),
                          (2, reciprocity_profile_json('{"python": {"want": 1}, "finance": {"level": 4}}'));
SELECT reciprocity_score(1, 2);
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_profile(CAST(x'ff' AS TEXT), 1, 1);
-- !! reciprocity_profile: topic name is not valid UTF-8
SELECT reciprocity_profile_json('{"py\u0000thon": {"level": 1}}');
-- !! reciprocity_profile_json: topic name 'py?thon' contains a NUL byte
SELECT best_partners(1, 0.5, 0);
-- !! best_partners: k must be a positive integer
SELECT * FROM reciprocity_top_partners('people; DROP TABLE people', 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got 'people; DROP TABLE people'
SELECT * FROM reciprocity_top_partners(CAST(x'ff' AS TEXT), 1);
-- !! reciprocity_top_partners: source must be the name of a table or view, or a SELECT statement; got '?'
SELECT * FROM reciprocity_match('VALUES (1, 1, 0.5)');
-- !! reciprocity_match: candidate pair (1, 1) is a self-pair
-- A schema that tries to run a table-valued function on whoever opens the file.
CREATE VIEW trap AS SELECT * FROM reciprocity_top_partners('SELECT id, profile FROM people', 1);
CREATE TABLE log(x);
CREATE TRIGGER trap_trigger AFTER INSERT ON log BEGIN SELECT * FROM reciprocity_match('VALUES (1, 2, 0.5)'); END;
SELECT * FROM trap;
-- !! unsafe use of virtual table "reciprocity_top_partners"
INSERT INTO log VALUES (1);
-- !! unsafe use of virtual table "reciprocity_match"
SELECT count(*) FROM people;
-- => 2
SELECT id, partner, score FROM reciprocity_top_partners('people', 1);
-- => 1|2|0.888888888888889
-- => 2|1|0.888888888888889
