-- Function flags: every function is SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
-- so it may appear in views, CHECK constraints, generated columns and index
-- expressions, even with PRAGMA trusted_schema = OFF.

-- Snapshot of our functions as SQLite lists them. flags 2099200 = 0x200800 =
-- SQLITE_INNOCUOUS (0x200000) | SQLITE_DETERMINISTIC (0x800); type s = scalar, a = aggregate.
SELECT name, builtin, type, enc, narg, flags FROM pragma_function_list
WHERE name LIKE 'reciprocity%' OR name LIKE 'best_partner%' ORDER BY name, narg;
-- => best_partner|0|a|utf8|2|2099200
-- => best_partners|0|a|utf8|3|2099200
-- => reciprocity_benefit|0|s|utf8|2|2099200
-- => reciprocity_explain|0|s|utf8|2|2099200
-- => reciprocity_explain|0|s|utf8|3|2099200
-- => reciprocity_profile|0|a|utf8|3|2099200
-- => reciprocity_profile_json|0|s|utf8|1|2099200
-- => reciprocity_profile_to_json|0|s|utf8|1|2099200
-- => reciprocity_score|0|s|utf8|2|2099200
-- => reciprocity_score|0|s|utf8|3|2099200
-- => reciprocity_version|0|s|utf8|0|2099200

SELECT typeof(reciprocity_version()), reciprocity_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
-- => text|1
SELECT reciprocity_version(1);
-- !! wrong number of arguments to function reciprocity_version()

PRAGMA trusted_schema = OFF;
CREATE TABLE people(
  id INTEGER PRIMARY KEY,
  profile_json TEXT NOT NULL,
  -- a generated column (needs DETERMINISTIC) ...
  profile BLOB GENERATED ALWAYS AS (reciprocity_profile_json(profile_json)) STORED,
  -- ... and a CHECK constraint calling the extension
  CHECK (reciprocity_profile_to_json(reciprocity_profile_json(profile_json)) IS NOT NULL)
);
INSERT INTO people(id, profile_json) VALUES
  (1, '{"finance": {"level": 0, "want": 3}, "python": {"level": 5}}'),
  (2, '{"finance": {"level": 5}, "python": {"level": 2.5, "want": 2}}'),
  (3, '{"finance": {"level": 5}, "python": {"level": 0, "want": 2}}');
-- A bad row fails in the generated column / CHECK with the function's message.
INSERT INTO people(id, profile_json) VALUES (4, '{"python": {"level": 9}}');
-- !! reciprocity_profile_json: level 9 for topic 'python' is outside [0, 5]
-- An index on an expression (needs DETERMINISTIC).
CREATE INDEX people_score_vs_1 ON people(reciprocity_score(profile, reciprocity_profile_json('{"finance": {"level": 0, "want": 3}, "python": {"level": 5}}')));
-- A view (with trusted_schema = OFF it may only call INNOCUOUS functions).
CREATE VIEW pairs AS
  SELECT a.id AS a, b.id AS b, reciprocity_score(a.profile, b.profile) AS score,
         reciprocity_benefit(a.profile, b.profile) AS a_gain, reciprocity_explain(a.profile, b.profile) AS why
  FROM people a JOIN people b ON a.id < b.id;
CREATE VIEW best AS
  SELECT a, best_partner(b, score) AS partner, best_partners(b, score, 2) AS top FROM pairs GROUP BY a;
CREATE TABLE skills(emp INTEGER, skill TEXT, level REAL, want REAL);
INSERT INTO skills VALUES (1, 'Finance', 0, 3), (1, 'python', 5, NULL), (2, 'finance', 5, NULL), (2, 'python', 2.5, 2),
                          (3, 'finance', 5, 0), (3, 'PYTHON', 0, 2);
-- (json_extract would not do here: it is not INNOCUOUS in SQLite 3.40.)
CREATE VIEW profiles AS SELECT emp AS id, reciprocity_profile(skill, level, want) AS p FROM skills GROUP BY emp;
-- Scores: 1-2: 1 gets finance 1 * 5/5 = 1, 2 gets python 1 * 2.5/5 = 0.5 -> harmonic 2 * 0.5 / 1.5 = 2/3
--         1-3: 1 gets 1, 3 gets python 5/5 = 1 -> 1
--         2-3: 2 gets nothing (3 has python 0), 3 gets 2.5/5 = 0.5 -> harmonic 0
SELECT a, b, score, a_gain, json_extract(why, '$.mode') FROM pairs ORDER BY a, b;
-- => 1|2|0.6666666666666666|1.0|harmonic
-- => 1|3|1.0|1.0|harmonic
-- => 2|3|0.0|0.0|harmonic
SELECT a, partner, top FROM best ORDER BY a;
-- => 1|3|[{"id":3,"score":1},{"id":2,"score":0.6666666666666666}]
-- => 2|NULL|[]
SELECT count(*) FROM profiles p JOIN people USING (id) WHERE p.p = people.profile;
-- => 3
-- The expression index is usable (INDEXED BY fails when it is not).
SELECT id FROM people INDEXED BY people_score_vs_1
WHERE reciprocity_score(profile, reciprocity_profile_json('{"finance": {"level": 0, "want": 3}, "python": {"level": 5}}')) > 0.85;
-- => 3
PRAGMA integrity_check;
-- => ok
-- A trigger calling the functions also runs with trusted_schema = OFF.
CREATE TABLE log(msg TEXT);
CREATE TRIGGER people_log AFTER INSERT ON people BEGIN
  INSERT INTO log VALUES (reciprocity_profile_to_json(NEW.profile));
END;
INSERT INTO people(id, profile_json) VALUES (5, '{"AI": {"level": 2}}');
SELECT msg FROM log;
-- => {"ai":{"level":2}}
-- The control: a function that is not INNOCUOUS is refused in a view with trusted_schema = OFF.
CREATE VIEW unsafe AS SELECT load_extension('nothing') AS x;
SELECT * FROM unsafe;
-- !! unsafe use of load_extension()
