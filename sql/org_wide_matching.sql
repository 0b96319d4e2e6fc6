-- Organisation-wide two-way mentoring in SQL: pair everyone at once.
--
-- Input: a table skills(person_id, topic, level, want), one row per person and
-- topic: level 0..5 (what the person knows), want >= 0 (how much they want to
-- learn it; 0 = not at all). In the sample HR schema (sql/schema.sql) it is
--   SELECT employee_id AS person_id, skill AS topic, proficiency AS level, 0 AS want FROM employee_skills
--   UNION ALL
--   SELECT employee_id, skill, 0, priority FROM learning_goals
-- (reciprocity_profile keeps the larger level and the larger want of a topic
-- seen twice).
--
-- Steps: profiles; the top 10 partners of everyone (reciprocity_top_partners:
-- exact, without scoring all N^2 pairs); those proposals as candidate pairs,
-- each pair once; the best set of pairs for the whole organisation
-- (reciprocity_match, objective total: an exact maximum-weight matching).
-- Constraints (one's own manager, earlier partners, opt-outs) go into the
-- "exclude" option of reciprocity_top_partners, or into a WHERE clause on
-- the candidates.
--
-- It creates (and first drops, if they exist) the tables org_profiles,
-- org_top_partners, cands and org_matching. On the sample HR database (2,000
-- people; work on a copy):
--
--   cp sql/sample_hr.db /tmp/hr.db && sqlite3 /tmp/hr.db
--   .load build/reciprocity
--   CREATE TEMP VIEW skills AS
--     SELECT employee_id AS person_id, skill AS topic, proficiency AS level, 0 AS want FROM employee_skills
--     UNION ALL SELECT employee_id, skill, 0, priority FROM learning_goals;
--   .read sql/org_wide_matching.sql
--
-- gives 16,399 candidate pairs and 923 pairs (92.3% of the 2,000 people
-- paired, total score 388.714) in about 0.2 s.
--
-- bench/org_wide_matching.py runs these steps one by one (split at the
-- "-- step:" lines) and times each.

-- step: profiles
DROP TABLE IF EXISTS org_profiles;
CREATE TABLE org_profiles(id INTEGER PRIMARY KEY, profile BLOB NOT NULL);
INSERT INTO org_profiles
SELECT person_id, reciprocity_profile(topic, level, want) FROM skills GROUP BY person_id;

-- step: top partners
-- The 10 best partners of everyone, best first (score > 0: both sides gain).
DROP TABLE IF EXISTS org_top_partners;
CREATE TABLE org_top_partners(id INTEGER NOT NULL, partner INTEGER NOT NULL, score REAL NOT NULL, rank INTEGER NOT NULL);
INSERT INTO org_top_partners
SELECT id, partner, score, rank FROM reciprocity_top_partners('org_profiles', 10);

-- step: candidate pairs
-- Each proposed pair once (a < b): a pair proposed by both sides is one row.
DROP TABLE IF EXISTS cands;
CREATE TABLE cands(a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
INSERT INTO cands
SELECT min(id, partner), max(id, partner), max(score) FROM org_top_partners GROUP BY 1, 2;

-- step: match
-- Everyone in at most one pair, the largest total score.
DROP TABLE IF EXISTS org_matching;
CREATE TABLE org_matching(a INTEGER NOT NULL, b INTEGER NOT NULL, score REAL NOT NULL);
INSERT INTO org_matching
SELECT a, b, score FROM reciprocity_match('cands', '{"objective": "total"}');

-- step: summary
SELECT (SELECT count(*) FROM org_profiles)                                AS people,
       (SELECT count(*) FROM cands)                                       AS candidate_pairs,
       (SELECT count(*) FROM (SELECT a FROM cands UNION SELECT b FROM cands)) AS people_with_a_candidate,
       (SELECT count(DISTINCT partner) FROM org_top_partners)             AS people_proposed,
       count(*)                                                           AS pairs,
       round(sum(score), 3)                                               AS total_score,
       round(avg(score), 4)                                               AS mean_pair_score,
       round(200.0 * count(*) / (SELECT count(*) FROM org_profiles), 1)   AS pct_people_paired
FROM org_matching;
