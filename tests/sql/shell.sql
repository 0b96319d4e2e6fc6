-- engine: shell
-- The extension in the sqlite3 shell: every statement below runs in a new
-- `sqlite3` process on the same database file, after `.load <path>`.

-- Loading it explicitly, with and without naming the entry point, works too.
.load {extension} sqlite3_reciprocity_init
SELECT reciprocity_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
-- => 1

-- The shell prints REALs with 15 significant digits (0.7466666666666667 -> 0.746666666666667).
SELECT reciprocity_score(reciprocity_profile_json('{"finance": {"level": 1, "want": 3}, "strategy": {"level": 2, "want": 1}, "python": {"level": 5}}'),
                         reciprocity_profile_json('{"finance": {"level": 5}, "strategy": {"level": 4}, "python": {"level": 1, "want": 2}}'));
-- => 0.746666666666667

-- A schema that uses the functions, saved in the file ...
CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB CHECK (reciprocity_profile_to_json(profile) IS NOT NULL));
INSERT INTO people VALUES (1, reciprocity_profile_json('{"finance": {"level": 0, "want": 1}, "python": {"level": 5}}')),
                          (2, reciprocity_profile_json('{"finance": {"level": 5}, "python": {"level": 0, "want": 1}}')),
                          (3, reciprocity_profile_json('{"finance": {"level": 2.5}}'));
CREATE VIEW pairs AS SELECT a.id AS a, b.id AS b, reciprocity_score(a.profile, b.profile) AS score
                     FROM people a JOIN people b ON a.id <> b.id;
-- ... is read by later processes that load the extension again.
SELECT a, best_partner(b, score), best_partners(b, score, 5) FROM pairs GROUP BY a ORDER BY a;
-- => 1|2|[{"id":2,"score":1}]
-- => 2|1|[{"id":1,"score":1}]
-- => 3||[]
SELECT reciprocity_profile_to_json(profile) FROM people WHERE id = 3;
-- => {"finance":{"level":2.5}}
PRAGMA integrity_check;
-- => ok

-- The function list as the shell sees it.
SELECT name, narg, flags FROM pragma_function_list WHERE name LIKE 'reciprocity%' OR name LIKE 'best_partner%' ORDER BY name, narg;
-- => best_partner|2|2099200
-- => best_partners|3|2099200
-- => reciprocity_benefit|2|2099200
-- => reciprocity_explain|2|2099200
-- => reciprocity_explain|3|2099200
-- => reciprocity_profile|3|2099200
-- => reciprocity_profile_json|1|2099200
-- => reciprocity_profile_to_json|1|2099200
-- => reciprocity_score|2|2099200
-- => reciprocity_score|3|2099200
-- => reciprocity_version|0|2099200

-- Errors reach the shell with the function's message.
INSERT INTO people VALUES (4, x'00');
-- !! reciprocity_profile_to_json: argument 1 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16
SELECT reciprocity_score(profile, profile, 'best') FROM people;
-- !! reciprocity_score: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)
-- A wrong entry point name is the shell's error.
.load {extension} no_such_entry_point
-- !! undefined symbol: no_such_entry_point
