-- reciprocity_score(a, b [, mode]) and reciprocity_benefit(receiver, giver).
--
-- The pair used below (DESIGN §1):
--   A: finance level 1 want 3, strategy level 2 want 1, python level 5
--   B: finance level 5, strategy level 4, python level 1 want 2
--   benefit(A <- B) = 3/4 * (5-1)/5 + 1/4 * (4-2)/5 = 0.6 + 0.1 = 0.7
--   benefit(B <- A) = 2/2 * (5-1)/5                  = 0.8

CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, profile BLOB);
INSERT INTO people VALUES
  (1, 'A', reciprocity_profile_json('{"finance": {"level": 1, "want": 3}, "strategy": {"level": 2, "want": 1}, "python": {"level": 5}}')),
  (2, 'B', reciprocity_profile_json('{"finance": {"level": 5}, "strategy": {"level": 4}, "Python": {"level": 1, "want": 2}}')),
  (3, 'C', reciprocity_profile_json('{"cooking": {"level": 5, "want": 1}}')),
  (4, 'D', reciprocity_profile_json('{}')),
  (5, 'E', NULL);

SELECT round(reciprocity_benefit(a.profile, b.profile), 12), round(reciprocity_benefit(b.profile, a.profile), 12)
FROM people a, people b WHERE a.id = 1 AND b.id = 2;
-- => 0.7|0.8

-- Every mode, x = 0.7, y = 0.8:
--   harmonic  2xy/(x+y)         = 1.12/1.5           = 0.74666666666...
--   geometric sqrt(xy)          = sqrt(0.56)         = 0.74833147735...
--   min                         = 0.7
--   mean      (x+y)/2           = 0.75
--   uninorm   xy/(xy+(1-x)(1-y)) = 0.56/(0.56+0.06)  = 0.90322580645...
SELECT mode, round(reciprocity_score(a.profile, b.profile, mode), 12)
FROM people a, people b, (SELECT 'harmonic' AS mode UNION ALL SELECT 'geometric' UNION ALL SELECT 'min'
                          UNION ALL SELECT 'mean' UNION ALL SELECT 'uninorm') m
WHERE a.id = 1 AND b.id = 2 ORDER BY mode;
-- => geometric|0.748331477355
-- => harmonic|0.746666666667
-- => mean|0.75
-- => min|0.7
-- => uninorm|0.903225806452
-- The default is harmonic; a mode is trimmed and case-insensitive; a NULL mode is the default.
SELECT reciprocity_score(a.profile, b.profile) = reciprocity_score(a.profile, b.profile, 'harmonic'),
       reciprocity_score(a.profile, b.profile, ' Uninorm ') = reciprocity_score(a.profile, b.profile, 'uninorm'),
       reciprocity_score(a.profile, b.profile, NULL) = reciprocity_score(a.profile, b.profile)
FROM people a, people b WHERE a.id = 1 AND b.id = 2;
-- => 1|1|1
-- Symmetric in every mode.
SELECT count(*) FROM people a, people b,
  (SELECT 'harmonic' AS mode UNION ALL SELECT 'geometric' UNION ALL SELECT 'min' UNION ALL SELECT 'mean' UNION ALL SELECT 'uninorm') m
WHERE reciprocity_score(a.profile, b.profile, mode) IS NOT reciprocity_score(b.profile, a.profile, mode);
-- => 0
-- A gains from C nothing (C knows cooking, A wants finance/strategy); C gains nothing from A either.
SELECT reciprocity_score(a.profile, c.profile), reciprocity_benefit(a.profile, c.profile), reciprocity_benefit(c.profile, a.profile)
FROM people a, people c WHERE a.id = 1 AND c.id = 3;
-- => 0.0|0.0|0.0
-- Identical profiles: no gaps, score 0 in every mode.
SELECT reciprocity_score(profile, profile, 'mean'), reciprocity_score(profile, profile, 'uninorm') FROM people WHERE id = 1;
-- => 0.0|0.0
-- The empty profile D: nothing either way.
SELECT reciprocity_score(a.profile, d.profile) FROM people a, people d WHERE a.id = 1 AND d.id = 4;
-- => 0.0
-- One-sided: the second gains 1 * (5-1)/5 = 0.8, the first nothing: only mean is above 0 (0.8/2).
SELECT round(reciprocity_score(reciprocity_profile_json('{"x": {"level": 5}}'), reciprocity_profile_json('{"x": {"level": 1, "want": 1}}'), m), 12)
FROM (SELECT 'harmonic' AS m UNION ALL SELECT 'geometric' UNION ALL SELECT 'min' UNION ALL SELECT 'mean' UNION ALL SELECT 'uninorm');
-- => 0.0
-- => 0.0
-- => 0.0
-- => 0.4
-- => 0.0
-- uninorm corner: x = 1, y = 0 is 0/0 in the formula, defined as 0; x = y = 1 gives 1.
SELECT reciprocity_score(reciprocity_profile_json('{"x": {"level": 0, "want": 1}, "y": {"level": 5}}'),
                         reciprocity_profile_json('{"x": {"level": 5}}'), 'uninorm');
-- => 0.0
SELECT reciprocity_score(reciprocity_profile_json('{"x": {"level": 0, "want": 1}, "y": {"level": 5}}'),
                         reciprocity_profile_json('{"x": {"level": 5}, "y": {"level": 0, "want": 1}}'), 'uninorm');
-- => 1.0
-- Topic case and white space: "  PYTHON" is "python".
SELECT reciprocity_score(reciprocity_profile('  PYTHON', 0, 1), reciprocity_profile('python', 5, 0), 'mean');
-- => 0.5
-- Wants are normalised: 20 wants weigh what 2 do. Giver covers 2 of 20 fully: 2/20 * 5/5 = 0.1.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
SELECT round(reciprocity_benefit((SELECT reciprocity_profile('t' || i, 0, 1) FROM n),
                                 reciprocity_profile_json('{"t1": {"level": 5}, "t2": {"level": 5}}')), 12),
       reciprocity_benefit((SELECT reciprocity_profile('t' || i, 0, 1) FROM n WHERE i <= 2),
                           reciprocity_profile_json('{"t1": {"level": 5}, "t2": {"level": 5}}'));
-- => 0.1|1.0
-- Rounding never leaves [0, 1]: wants 4 and 0.2495592256534228, both gaps 5, give exactly 1.
SELECT reciprocity_benefit(reciprocity_profile_json('{"x": {"want": 4}, "y": {"want": 0.2495592256534228}}'),
                           reciprocity_profile_json('{"x": {"level": 5}, "y": {"level": 5}}'));
-- => 1.0
-- Extreme wants: 1e308 and subnormal wants give ordinary results (1 * 5/5, 1 * 0.3/5).
SELECT reciprocity_benefit(reciprocity_profile('a', 0, 1e308), reciprocity_profile('a', 5, 0)),
       round(reciprocity_benefit(reciprocity_profile('a', 0, 3e-323), reciprocity_profile('a', 0.3, 0)), 12);
-- => 1.0|0.06

-- NULL handling: a NULL profile gives NULL.
SELECT reciprocity_score(NULL, profile), reciprocity_score(profile, NULL), reciprocity_score(NULL, NULL, 'min'),
       reciprocity_benefit(NULL, profile), reciprocity_benefit(profile, NULL)
FROM people WHERE id = 1;
-- => NULL|NULL|NULL|NULL|NULL
SELECT count(*), count(reciprocity_score(a.profile, b.profile)) FROM people a, people b;
-- => 25|16

-- Errors.
SELECT reciprocity_score(profile, profile, 'max') FROM people WHERE id = 1;
-- !! reciprocity_score: unknown mode 'max' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(profile, profile, '') FROM people WHERE id = 1;
-- !! reciprocity_score: unknown mode '' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score(profile, profile, 1) FROM people WHERE id = 1;
-- !! reciprocity_score: mode must be text, not an integer (valid modes: harmonic, geometric, min, mean, uninorm)
-- The mode is checked even when a profile is NULL.
SELECT reciprocity_score(NULL, NULL, 'best');
-- !! reciprocity_score: unknown mode 'best' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_score('python', profile) FROM people WHERE id = 1;
-- !! reciprocity_score: argument 1 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(profile, 3.5) FROM people WHERE id = 1;
-- !! reciprocity_score: argument 2 is not a reciprocity profile (it is a real; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_score(x'00', NULL);
-- !! reciprocity_score: argument 1 is not a reciprocity profile: truncated: 1 bytes, a profile has at least 16
-- A's blob: 16 + 3 topics * 28 + 21 name bytes (finance, python, strategy) = 121.
SELECT reciprocity_score(profile, substr(profile, 1, 20)) FROM people WHERE id = 1;
-- !! reciprocity_score: argument 2 is not a reciprocity profile: truncated: 20 bytes, the header says 121
SELECT reciprocity_benefit(profile, 1) FROM people WHERE id = 1;
-- !! reciprocity_benefit: argument 2 is not a reciprocity profile (it is an integer; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_benefit(x'52637050020000000000000000000000', NULL);
-- !! reciprocity_benefit: argument 1 is not a reciprocity profile: unsupported format version 2 (this build reads version 1)
-- Wrong argument counts are SQLite's own errors.
SELECT reciprocity_score(NULL);
-- !! wrong number of arguments to function reciprocity_score()
SELECT reciprocity_benefit(NULL, NULL, 'mean');
-- !! wrong number of arguments to function reciprocity_benefit()
