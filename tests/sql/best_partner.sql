-- best_partner(candidate_id, score) and best_partners(candidate_id, score, k): aggregates.

CREATE TABLE s(person INTEGER, cand, score);
INSERT INTO s VALUES
  (1, 10, 0.5), (1, 11, 0.9), (1, 12, 0.9), (1, 13, 0.2),   -- tie 11/12 at 0.9 -> 11
  (2, 20, 0),   (2, 21, NULL), (2, NULL, 0.7),              -- nothing valid -> NULL / []
  (3, 'bob', 0.4), (3, 'alice', 0.4), (3, 'carol', 0.1),    -- text ids, tie -> 'alice'
  (4, 'x', 0.3), (4, 7, 0.3),                               -- integers sort before text -> 7
  (5, 50, 0.2), (5, 50, 0.6), (5, 51, 0.5),                 -- 50 twice: keeps its max 0.6
  (6, 60, '0.25'), (6, 61, 0.125);                          -- a numeric text score is a number

SELECT person, best_partner(cand, score) FROM s GROUP BY person ORDER BY person;
-- => 1|11
-- => 2|NULL
-- => 3|alice
-- => 4|7
-- => 5|50
-- => 6|60
SELECT person, typeof(best_partner(cand, score)) FROM s WHERE person IN (1, 3) GROUP BY person ORDER BY person;
-- => 1|integer
-- => 3|text

SELECT person, best_partners(cand, score, 2) FROM s GROUP BY person ORDER BY person;
-- => 1|[{"id":11,"score":0.9},{"id":12,"score":0.9}]
-- => 2|[]
-- => 3|[{"id":"alice","score":0.4},{"id":"bob","score":0.4}]
-- => 4|[{"id":7,"score":0.3},{"id":"x","score":0.3}]
-- => 5|[{"id":50,"score":0.6},{"id":51,"score":0.5}]
-- => 6|[{"id":60,"score":0.25},{"id":61,"score":0.125}]
-- k larger than the input: all of them, score descending then id ascending.
SELECT best_partners(cand, score, 100) FROM s WHERE person = 1;
-- => [{"id":11,"score":0.9},{"id":12,"score":0.9},{"id":10,"score":0.5},{"id":13,"score":0.2}]
SELECT best_partners(cand, score, 1) FROM s WHERE person = 1;
-- => [{"id":11,"score":0.9}]
-- k given as numeric text is read as an integer.
SELECT best_partners(cand, score, '1') FROM s WHERE person = 5;
-- => [{"id":50,"score":0.6}]
-- Empty input: NULL and [] (an aggregate without GROUP BY still gives one row).
SELECT best_partner(cand, score), best_partners(cand, score, 3) FROM s WHERE 0;
-- => NULL|[]
-- GROUP BY over no rows gives no rows.
SELECT person, best_partner(cand, score) FROM s WHERE 0 GROUP BY person;
-- => (no rows)
-- The JSON subtype: json1 embeds the array.
SELECT json_object('top', best_partners(cand, score, 1)) FROM s WHERE person = 3;
-- => {"top":[{"id":"alice","score":0.4}]}
SELECT json_extract(best_partners(cand, score, 3), '$[1].id') FROM s WHERE person = 1;
-- => 12
-- Text ids are escaped in the JSON.
SELECT best_partners(id, 1, 1) FROM (SELECT 'say "hi"' AS id);
-- => [{"id":"say \"hi\"","score":1}]
-- With reciprocity_score: the best partner of A among B, C, D.
SELECT best_partner(b.id, reciprocity_score(a.p, b.p))
FROM (SELECT 1 AS id, reciprocity_profile_json('{"finance": {"level": 1, "want": 3}, "python": {"level": 5}}') AS p) a,
     (SELECT 2 AS id, reciprocity_profile_json('{"finance": {"level": 5}, "python": {"level": 1, "want": 2}}') AS p
      UNION ALL SELECT 3, reciprocity_profile_json('{"finance": {"level": 5}, "python": {"level": 0, "want": 2}}')
      UNION ALL SELECT 4, reciprocity_profile_json('{}')) b;
-- => 3

-- Errors.
SELECT best_partner(1.5, 0.3);
-- !! best_partner: candidate_id must be an integer or text, not a real
SELECT best_partner(x'01', 0.3);
-- !! best_partner: candidate_id must be an integer or text, not a blob
SELECT best_partner(1, 'high');
-- !! best_partner: score must be a number, not text
SELECT best_partner(1, -0.5);
-- !! best_partner: score must be >= 0, got -0.5
SELECT best_partner(1, -1e-9);
-- !! best_partner: score must be >= 0, got -1e-09
SELECT best_partner(1, 9e999);
-- !! best_partner: score must be a finite number
SELECT best_partners(1, 0.5, 0);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, -3);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 2.5);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 2.0);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, NULL);
-- !! best_partners: k must be a positive integer
SELECT best_partners(1, 0.5, 'two');
-- !! best_partners: k must be a positive integer
SELECT best_partners(cand, score, person) FROM s WHERE person IN (1, 3);
-- !! best_partners: k must be the same on every row
SELECT best_partners(1, -1, 2);
-- !! best_partners: score must be >= 0, got -1
SELECT best_partners(2.5, 1, 2);
-- !! best_partners: candidate_id must be an integer or text, not a real
-- A row with a NULL id is skipped before its score is looked at.
SELECT best_partner(NULL, 'not a number'), best_partners(NULL, -1, 1);
-- => NULL|[]
SELECT best_partner(1);
-- !! wrong number of arguments to function best_partner()
SELECT best_partners(1, 2);
-- !! wrong number of arguments to function best_partners()
