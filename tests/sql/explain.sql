-- reciprocity_explain(a, b [, mode]): JSON text.
--
--   A: x level 0 want 3, y level 1 want 1, z level 5
--   B: x level 5, y level 3.5, z level 0 want 1
--   A gets: x weight 3/4 * (5-0)/5 = 0.75, y weight 1/4 * (3.5-1)/5 = 0.125  -> benefit 0.875
--   B gets: z weight 1 * (5-0)/5 = 1                                          -> benefit 1
--   balance = min/max = 0.875; mean score = (0.875 + 1)/2 = 0.9375

CREATE TABLE p(id INTEGER PRIMARY KEY, profile BLOB);
INSERT INTO p VALUES
  (1, reciprocity_profile_json('{"x": {"level": 0, "want": 3}, "y": {"level": 1, "want": 1}, "z": {"level": 5}}')),
  (2, reciprocity_profile_json('{"x": {"level": 5}, "y": {"level": 3.5}, "z": {"level": 0, "want": 1}}'));

SELECT reciprocity_explain(a.profile, b.profile, 'mean') FROM p a, p b WHERE a.id = 1 AND b.id = 2;
-- => {"mode":"mean","score":0.9375,"balance":0.875,"a_gets":{"benefit":0.875,"topics":[{"topic":"x","giver_level":5,"receiver_level":0,"want":3,"weight":0.75,"contribution":0.75},{"topic":"y","giver_level":3.5,"receiver_level":1,"want":1,"weight":0.25,"contribution":0.125}]},"b_gets":{"benefit":1,"topics":[{"topic":"z","giver_level":5,"receiver_level":0,"want":1,"weight":1,"contribution":1}]}}
-- Swapped: the directions swap.
SELECT reciprocity_explain(b.profile, a.profile, 'mean') FROM p a, p b WHERE a.id = 1 AND b.id = 2;
-- => {"mode":"mean","score":0.9375,"balance":0.875,"a_gets":{"benefit":1,"topics":[{"topic":"z","giver_level":5,"receiver_level":0,"want":1,"weight":1,"contribution":1}]},"b_gets":{"benefit":0.875,"topics":[{"topic":"x","giver_level":5,"receiver_level":0,"want":3,"weight":0.75,"contribution":0.75},{"topic":"y","giver_level":3.5,"receiver_level":1,"want":1,"weight":0.25,"contribution":0.125}]}}
-- Default mode harmonic: 2 * 0.875 * 1 / 1.875 = 0.93333...; the score equals reciprocity_score.
SELECT json_extract(e, '$.mode'), round(json_extract(e, '$.score'), 12),
       json_extract(e, '$.score') = reciprocity_score(a.profile, b.profile)
FROM (SELECT reciprocity_explain(a.profile, b.profile) AS e, a.profile AS pa, b.profile AS pb FROM p a, p b WHERE a.id = 1 AND b.id = 2),
     p a, p b WHERE a.id = 1 AND b.id = 2;
-- => harmonic|0.933333333333|1
-- In every mode the score matches reciprocity_score, and the contributions add up to the benefits.
SELECT m,
       json_extract(reciprocity_explain(a.profile, b.profile, m), '$.score') = reciprocity_score(a.profile, b.profile, m),
       (SELECT sum(json_extract(value, '$.contribution')) FROM json_each(reciprocity_explain(a.profile, b.profile, m), '$.a_gets.topics'))
         = json_extract(reciprocity_explain(a.profile, b.profile, m), '$.a_gets.benefit')
FROM p a, p b, (SELECT 'harmonic' AS m UNION ALL SELECT 'geometric' UNION ALL SELECT 'min' UNION ALL SELECT 'mean' UNION ALL SELECT 'uninorm')
WHERE a.id = 1 AND b.id = 2 ORDER BY m;
-- => geometric|1|1
-- => harmonic|1|1
-- => mean|1|1
-- => min|1|1
-- => uninorm|1|1
-- Mode names are shown canonical.
SELECT json_extract(reciprocity_explain(profile, profile, '  GEOMETRIC '), '$.mode') FROM p WHERE id = 1;
-- => geometric
-- Nothing to gain: empty topic lists, balance 0.
SELECT reciprocity_explain(profile, profile) FROM p WHERE id = 1;
-- => {"mode":"harmonic","score":0,"balance":0,"a_gets":{"benefit":0,"topics":[]},"b_gets":{"benefit":0,"topics":[]}}
-- Topics are ordered by contribution, then by name: a 1/3 * 5/5, b and c 1/3 * 2/5 each (tie: b before c).
SELECT json_extract(value, '$.topic'), round(json_extract(value, '$.contribution'), 12)
FROM json_each(reciprocity_explain(reciprocity_profile_json('{"c": {"want": 1}, "b": {"want": 1}, "a": {"want": 1}}'),
                                   reciprocity_profile_json('{"a": {"level": 5}, "b": {"level": 2}, "c": {"level": 2}}')),
               '$.a_gets.topics');
-- => a|0.333333333333
-- => b|0.133333333333
-- => c|0.133333333333
-- The JSON subtype: json1 embeds the explanation as an object.
SELECT json_type(json_object('e', reciprocity_explain(profile, profile)), '$.e') FROM p WHERE id = 1;
-- => object

-- NULL handling.
SELECT reciprocity_explain(NULL, profile), reciprocity_explain(profile, NULL, 'min') FROM p WHERE id = 1;
-- => NULL|NULL

-- Errors.
SELECT reciprocity_explain(profile, profile, 'median') FROM p WHERE id = 1;
-- !! reciprocity_explain: unknown mode 'median' (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_explain(profile, profile, x'00') FROM p WHERE id = 1;
-- !! reciprocity_explain: mode must be text, not a blob (valid modes: harmonic, geometric, min, mean, uninorm)
SELECT reciprocity_explain(profile, '{}') FROM p WHERE id = 1;
-- !! reciprocity_explain: argument 2 is not a reciprocity profile (it is text; make one with reciprocity_profile or reciprocity_profile_json)
SELECT reciprocity_explain(x'52637050010001000000000000000000', NULL);
-- !! reciprocity_explain: argument 1 is not a reciprocity profile: unknown flags 1
SELECT reciprocity_explain();
-- !! wrong number of arguments to function reciprocity_explain()
