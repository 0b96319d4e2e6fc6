-- reciprocity demo: the best two-way mentoring pairs of the sample company.
--
-- Run by scripts/demo.sh; by hand, from the repository root:
--   /usr/bin/python3 sql/generate_sample_hr.py --force sql/sample_hr.db
--   sqlite3 sql/sample_hr.db -cmd '.load build/reciprocity' < sql/demo.sql
--
-- It stores everyone's profile in a table `profiles` (kept, for your own
-- queries), scores every cross-department pair that is not a manager and
-- their direct report, finds each person's best partner, and prints the
-- strongest pairs in which each person is the other's best partner, with
-- what each side learns. sql/examples.sql explains the queries step by step.

.bail on
.headers on
.mode box --wrap 0

-- 1. One profile per person, from the HR tables as they are: what someone
--    knows (employee_skills: level = proficiency, want 0) and what they want
--    to learn (learning_goals: level 0, want = priority).
DROP TABLE IF EXISTS profiles;
CREATE TABLE profiles (
  employee_id INTEGER PRIMARY KEY REFERENCES employees(id),
  profile     BLOB NOT NULL
);
INSERT INTO profiles(employee_id, profile)
SELECT employee_id, reciprocity_profile(skill, level, want)
FROM (SELECT employee_id, skill, proficiency AS level, 0 AS want FROM employee_skills
      UNION ALL
      SELECT employee_id, skill, NULL, priority FROM learning_goals)
GROUP BY employee_id;

-- 2. Every pair once (a < b) across departments, never a manager with their
--    own report; only pairs where both sides gain (score > 0) are kept.
DROP TABLE IF EXISTS temp.pair_scores;
CREATE TEMP TABLE pair_scores AS
SELECT a, b, score
FROM (SELECT pa.employee_id AS a, pb.employee_id AS b,
             reciprocity_score(pa.profile, pb.profile) AS score
      FROM profiles pa
      JOIN employees ea ON ea.id = pa.employee_id
      JOIN profiles pb ON pb.employee_id > pa.employee_id
      JOIN employees eb ON eb.id = pb.employee_id
      WHERE ea.department_id <> eb.department_id
        AND ea.manager_id IS NOT eb.id
        AND eb.manager_id IS NOT ea.id)
WHERE score > 0;

-- 3. Each person's best partner (ties: smallest id), both directions.
DROP TABLE IF EXISTS temp.best;
CREATE TEMP TABLE best AS
SELECT id, best_partner(other, score) AS partner
FROM (SELECT a AS id, b AS other, score FROM pair_scores
      UNION ALL
      SELECT b, a, score FROM pair_scores)
GROUP BY id;

-- 4. Mutual best partners (each is the other's first choice), the more
--    senior person as A, with the explanation of what each side gets.
DROP TABLE IF EXISTS temp.matches;
CREATE TEMP TABLE matches AS
SELECT m.a, m.b, reciprocity_explain(pa.profile, pb.profile) AS why
FROM (SELECT CASE WHEN e1.grade > e2.grade OR (e1.grade = e2.grade AND e1.id < e2.id) THEN e1.id ELSE e2.id END AS a,
             CASE WHEN e1.grade > e2.grade OR (e1.grade = e2.grade AND e1.id < e2.id) THEN e2.id ELSE e1.id END AS b
      FROM best x
      JOIN best y ON y.id = x.partner AND y.partner = x.id
      JOIN employees e1 ON e1.id = x.id
      JOIN employees e2 ON e2.id = y.id
      WHERE x.id < y.id) AS m
JOIN profiles pa ON pa.employee_id = m.a
JOIN profiles pb ON pb.employee_id = m.b;

-- What each side learns: the top three topics of one direction of an
-- explanation, spelled as in the giver's skills ("TikTok", not "tiktok").
DROP VIEW IF EXISTS temp.match_topics;
CREATE TEMP VIEW match_topics AS
SELECT m.a, m.b, 'a' AS side, t.key AS rank,
       coalesce(s.skill, json_extract(t.value, '$.topic')) AS topic
FROM matches m, json_each(m.why, '$.a_gets.topics') AS t
LEFT JOIN employee_skills s ON s.employee_id = m.b AND s.skill = json_extract(t.value, '$.topic')
UNION ALL
SELECT m.a, m.b, 'b', t.key,
       coalesce(s.skill, json_extract(t.value, '$.topic'))
FROM matches m, json_each(m.why, '$.b_gets.topics') AS t
LEFT JOIN employee_skills s ON s.employee_id = m.a AND s.skill = json_extract(t.value, '$.topic');

.print
.print "  reciprocity demo: two-way mentoring in a sample company of 2,000 people"
.print

SELECT (SELECT printf('%,d', count(*)) FROM employees) AS "Employees",
       (SELECT count(*) FROM departments) AS "Departments",
       (SELECT printf('%,d', count(*)) FROM pair_scores) AS "Pairs where both gain",
       (SELECT printf('%,d', count(partner)) FROM best) AS "People with a partner",
       (SELECT count(*) FROM matches) AS "Mutual best matches",
       (SELECT count(*) FROM matches JOIN employees ea ON ea.id = a JOIN employees eb ON eb.id = b
         WHERE ea.grade - eb.grade >= 2) AS "of which reverse mentoring";

.print
.print "  The 15 strongest mutual best matches: each is the other's best partner, across departments,"
.print "  never a manager with their own report. A is the more senior; under each person, what they learn."
.print

SELECT row_number() OVER (ORDER BY s DESC, a) AS "#",
       pair AS "Pair, and what each learns from the other",
       printf('%.2f', s) AS "Score",
       printf('%.2f', bal) AS "Balance",
       kind AS "Kind"
FROM (
  SELECT m.a,
         json_extract(m.why, '$.score') AS s,
         json_extract(m.why, '$.balance') AS bal,
         printf('A  %s · %s · %s · G%d', ea.name, ea.title, da.name, ea.grade) || char(10) ||
         '     learns ' || (SELECT group_concat(topic, ', ') FROM
                            (SELECT topic FROM match_topics t
                             WHERE t.a = m.a AND t.b = m.b AND t.side = 'a' AND t.rank < 3 ORDER BY t.rank)) || char(10) ||
         printf('B  %s · %s · %s · G%d', eb.name, eb.title, db.name, eb.grade) || char(10) ||
         '     learns ' || (SELECT group_concat(topic, ', ') FROM
                            (SELECT topic FROM match_topics t
                             WHERE t.a = m.a AND t.b = m.b AND t.side = 'b' AND t.rank < 3 ORDER BY t.rank)) AS pair,
         CASE WHEN ea.grade - eb.grade >= 2 THEN 'reverse' || char(10) || printf('G%d teaches G%d', eb.grade, ea.grade)
              WHEN ea.grade > eb.grade THEN 'near-peer'
              ELSE 'peer' END AS kind
  FROM matches m
  JOIN employees ea ON ea.id = m.a JOIN departments da ON da.id = ea.department_id
  JOIN employees eb ON eb.id = m.b JOIN departments db ON db.id = eb.department_id
)
ORDER BY s DESC, a
LIMIT 15;

.print "  Score: the two-way benefit, the harmonic mean of what A gains and what B gains (0 to 1)."
.print "  Balance: the smaller gain over the larger (1 = both gain as much). Grades: G1 associate ... G8 CEO."
.print "  Reverse: the junior (two grades or more below) mentors the senior in return."
.print
