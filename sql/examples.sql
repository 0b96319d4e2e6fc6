-- reciprocity: example queries over the sample HR database.
--
-- Copy them, or run them all in the sqlite3 shell from the repository root:
--   /usr/bin/python3 sql/generate_sample_hr.py --force sql/sample_hr.db
--   sqlite3 sql/sample_hr.db
--   sqlite> .load build/reciprocity
--   sqlite> .read sql/examples.sql
-- (In Python: conn.enable_load_extension(True); conn.load_extension("build/reciprocity").)
--
-- The tables are those of sql/schema.sql: departments, employees(id, name,
-- title, grade, department_id, manager_id, hire_date), employee_skills(
-- employee_id, skill, proficiency 1-5) and learning_goals(employee_id, skill,
-- priority 1-5). Nothing in them is specific to reciprocity.

-- Shell display settings (sqlite3 shell only; leave them out elsewhere).
.headers on
.mode box --wrap 0


-- ---------------------------------------------------------------------------
-- (1) Profiles: one per person, built from the two tables HR already has.
--
-- A profile holds, per topic, a level in [0, 5] (how well the person knows it)
-- and a want >= 0 (how much they want to learn it). The aggregate
-- reciprocity_profile(topic, level, want) builds it from rows:
--   * a skill row gives level = proficiency, want = 0;
--   * a learning-goal row gives level = NULL (0), want = priority.
-- A topic on both sides (someone at "SQL" 2 who wants to learn more SQL) keeps
-- the larger level and the larger want. Topic names compare trimmed and
-- case-insensitively, so "SQL" and "sql " are the same topic.
-- Store the profiles once; scoring then reads the BLOBs without re-parsing
-- the skills tables.

DROP TABLE IF EXISTS profiles;
CREATE TABLE profiles (
  employee_id INTEGER PRIMARY KEY REFERENCES employees(id),
  profile     BLOB NOT NULL
);
INSERT INTO profiles(employee_id, profile)
SELECT employee_id, reciprocity_profile(skill, level, want)
FROM (SELECT employee_id, skill, proficiency AS level, 0 AS want FROM employee_skills
      UNION ALL
      SELECT employee_id, skill, NULL AS level, priority AS want FROM learning_goals)
GROUP BY employee_id;

-- (1b) A profile in readable form. reciprocity_profile_to_json gives
-- {"topic": {"level": L, "want": W}, ...} (want only when above 0); json_each
-- turns it into one row per topic. Topic names are stored canonical: trimmed
-- and lower-cased.
SELECT t.key AS topic,
       json_extract(t.value, '$.level') AS level,
       coalesce(json_extract(t.value, '$.want'), 0) AS want
FROM profiles p
JOIN employees e ON e.id = p.employee_id,
     json_each(reciprocity_profile_to_json(p.profile)) AS t
WHERE e.name = 'Oscar Olsen'
ORDER BY want DESC, level DESC, topic;


-- ---------------------------------------------------------------------------
-- (2) The 20 best two-way pairs across departments.
--
-- reciprocity_score(a, b) is in [0, 1]: by default the harmonic mean of what
-- A gains from B and what B gains from A, so a pair where only one side gains
-- scores 0. Each pair is scored once (a < b). A manager and their own report
-- are never paired, in either direction. The explanation (JSON) is computed
-- for the 20 pairs kept only, and gives what each side gains and from which
-- topics (the first three are listed here).

WITH scored AS (
  SELECT pa.employee_id AS a, pb.employee_id AS b,
         reciprocity_score(pa.profile, pb.profile) AS score
  FROM profiles pa
  JOIN employees ea ON ea.id = pa.employee_id
  JOIN profiles pb ON pb.employee_id > pa.employee_id      -- each pair once
  JOIN employees eb ON eb.id = pb.employee_id
  WHERE ea.department_id <> eb.department_id               -- across departments
    AND ea.manager_id IS NOT eb.id                         -- b is not a's manager
    AND eb.manager_id IS NOT ea.id                         -- a is not b's manager
),
top AS (
  SELECT a, b, score FROM scored ORDER BY score DESC, a, b LIMIT 20
),
explained AS (
  SELECT top.a, top.b, top.score, reciprocity_explain(pa.profile, pb.profile) AS why
  FROM top
  JOIN profiles pa ON pa.employee_id = top.a
  JOIN profiles pb ON pb.employee_id = top.b
)
SELECT ea.name || ' (' || da.name || ')' AS a,
       eb.name || ' (' || db.name || ')' AS b,
       round(x.score, 3) AS score,
       round(json_extract(x.why, '$.a_gets.benefit'), 3) AS a_gains,
       round(json_extract(x.why, '$.b_gets.benefit'), 3) AS b_gains,
       (SELECT group_concat(json_extract(t.value, '$.topic'), ', ')
        FROM json_each(x.why, '$.a_gets.topics') AS t WHERE t.key < 3) AS a_learns,
       (SELECT group_concat(json_extract(t.value, '$.topic'), ', ')
        FROM json_each(x.why, '$.b_gets.topics') AS t WHERE t.key < 3) AS b_learns
FROM explained x
JOIN employees ea ON ea.id = x.a JOIN departments da ON da.id = ea.department_id
JOIN employees eb ON eb.id = x.b JOIN departments db ON db.id = eb.department_id
ORDER BY x.score DESC, x.a, x.b;


-- ---------------------------------------------------------------------------
-- (3) Each person's best partner, with best_partner(candidate_id, score).
--
-- best_partner is an aggregate: over the candidates it is given, the id with
-- the highest score (ties: the smallest id); candidates scoring 0 (no two-way
-- gain) are skipped, and it is NULL when no candidate is left.
-- Write it as a correlated subquery, one person at a time: SQLite then streams
-- the candidates straight into the aggregate. (A GROUP BY over the whole
-- self-join makes SQLite sort millions of rows that carry both profiles.)
-- Shown here for the Finance department; drop the marked line for everyone
-- (4 million pairs for 2,000 people: a few seconds).

SELECT e.name, e.title,
       partner.name AS best_partner, partner.title AS partner_title, pd.name AS partner_department,
       round(reciprocity_score(me.profile, pp.profile), 3) AS score
FROM (SELECT p.employee_id AS id, p.profile,
             (SELECT best_partner(c.employee_id, reciprocity_score(p.profile, c.profile))
              FROM profiles c JOIN employees ce ON ce.id = c.employee_id
              WHERE ce.department_id <> pe.department_id       -- another department
                AND ce.id IS NOT pe.manager_id                 -- not my manager
                AND ce.manager_id IS NOT pe.id) AS partner_id  -- not my report
      FROM profiles p JOIN employees pe ON pe.id = p.employee_id
      WHERE pe.department_id = (SELECT id FROM departments WHERE name = 'Finance')  -- drop for everyone
     ) AS me
JOIN employees e ON e.id = me.id
LEFT JOIN employees partner ON partner.id = me.partner_id
LEFT JOIN departments pd ON pd.id = partner.department_id
LEFT JOIN profiles pp ON pp.employee_id = me.partner_id
ORDER BY e.grade DESC, e.name;


-- ---------------------------------------------------------------------------
-- (4) Top-3 partners per person, with best_partners(candidate_id, score, k).
--
-- best_partners returns a JSON array [{"id": ..., "score": ...}, ...], best
-- first (score descending, then id ascending), at most k entries; json_each
-- turns it into rows. Here: a reverse-mentoring programme for the leadership
-- team (grade 6 and up), whose candidate mentors are people from another
-- department at least three grades below. Change the two marked lines for
-- other cohorts.

WITH shortlist AS (
  SELECT l.id AS leader,
         (SELECT best_partners(m.id, reciprocity_score(lp.profile, mp.profile), 3)
          FROM employees m JOIN profiles mp ON mp.employee_id = m.id
          WHERE m.grade <= l.grade - 3                       -- the candidates
            AND m.department_id <> l.department_id
            AND m.manager_id IS NOT l.id) AS top3
  FROM employees l JOIN profiles lp ON lp.employee_id = l.id
  WHERE l.grade >= 6                                         -- the cohort
)
SELECT l.name AS leader, l.title AS leader_title,
       r.key + 1 AS rank,
       m.name AS mentor, m.title AS mentor_title, md.name AS mentor_department,
       round(json_extract(r.value, '$.score'), 3) AS score
FROM shortlist s
JOIN employees l ON l.id = s.leader
JOIN json_each(s.top3) AS r
JOIN employees m ON m.id = json_extract(r.value, '$.id')
JOIN departments md ON md.id = m.department_id
ORDER BY l.grade DESC, l.name, rank;


-- ---------------------------------------------------------------------------
-- (5) The explanation of one pair: what A gets, and what B gets.
--
-- reciprocity_explain(a, b) returns
--   {"mode", "score", "balance",
--    "a_gets": {"benefit", "topics": [{"topic", "giver_level", "receiver_level",
--                                      "want", "weight", "contribution"}, ...]},
--    "b_gets": {...}}
-- balance is the smaller benefit over the larger (1 = both gain as much).
-- weight is the receiver's want normalised over all their wants, and
-- contribution = weight * (giver_level - receiver_level) / 5; the
-- contributions of one side add up to its benefit. Topics are sorted by
-- contribution. Here: the CTO and a customer success specialist.

-- (5a) The pair at a glance.
WITH pair AS (
  SELECT (SELECT id FROM employees WHERE name = 'Oscar Olsen') AS a,
         (SELECT id FROM employees WHERE name = 'Amara Nakamura') AS b
),
x AS (
  SELECT pair.a, pair.b, reciprocity_explain(pa.profile, pb.profile) AS why
  FROM pair
  JOIN profiles pa ON pa.employee_id = pair.a
  JOIN profiles pb ON pb.employee_id = pair.b
)
SELECT ea.name AS a, eb.name AS b,
       json_extract(x.why, '$.mode') AS mode,
       round(json_extract(x.why, '$.score'), 3) AS score,
       round(json_extract(x.why, '$.balance'), 3) AS balance,
       round(json_extract(x.why, '$.a_gets.benefit'), 3) AS a_gains,
       round(json_extract(x.why, '$.b_gets.benefit'), 3) AS b_gains
FROM x JOIN employees ea ON ea.id = x.a JOIN employees eb ON eb.id = x.b;

-- (5b) Topic by topic: who learns what from whom.
WITH pair AS (
  SELECT (SELECT id FROM employees WHERE name = 'Oscar Olsen') AS a,
         (SELECT id FROM employees WHERE name = 'Amara Nakamura') AS b
),
x AS (
  SELECT pair.a, pair.b, reciprocity_explain(pa.profile, pb.profile) AS why
  FROM pair
  JOIN profiles pa ON pa.employee_id = pair.a
  JOIN profiles pb ON pb.employee_id = pair.b
),
gains AS (
  SELECT x.a AS learner, x.b AS teacher, t.key AS rank, t.value AS topic
  FROM x, json_each(x.why, '$.a_gets.topics') AS t
  UNION ALL
  SELECT x.b, x.a, t.key, t.value
  FROM x, json_each(x.why, '$.b_gets.topics') AS t
)
SELECT learner.name AS learner, teacher.name AS teacher,
       json_extract(g.topic, '$.topic') AS topic,
       json_extract(g.topic, '$.giver_level') AS teacher_level,
       json_extract(g.topic, '$.receiver_level') AS learner_level,
       json_extract(g.topic, '$.want') AS priority,
       round(json_extract(g.topic, '$.contribution'), 3) AS contribution
FROM gains g
JOIN employees learner ON learner.id = g.learner
JOIN employees teacher ON teacher.id = g.teacher
ORDER BY learner.id = (SELECT a FROM pair) DESC, g.rank;

-- (5c) The same pair under each way of combining the two benefits
-- (harmonic is the default; mean allows classic one-way mentoring).
WITH modes(mode) AS (VALUES ('harmonic'), ('geometric'), ('min'), ('mean'), ('uninorm'))
SELECT m.mode,
       round(reciprocity_score(pa.profile, pb.profile, m.mode), 3) AS score
FROM modes m, profiles pa, profiles pb
WHERE pa.employee_id = (SELECT id FROM employees WHERE name = 'Oscar Olsen')
  AND pb.employee_id = (SELECT id FROM employees WHERE name = 'Amara Nakamura');
