#!/usr/bin/python3
"""Checks the sample HR database that sql/generate_sample_hr.py writes.

Usage: check_sample_db.py --generator sql/generate_sample_hr.py --workdir DIR

Generates the database twice into DIR and checks: the two are identical
(deterministic), the generator refuses to overwrite without --force, the size
and ranges of every table, the reporting line (one CEO, managers senior to
their reports, everyone reaches the CEO), the seniority pattern of skills and
goals, and that reverse-mentoring pairs exist: a junior who knows something a
senior wants to learn, while the senior knows something the junior wants.
"""
import argparse
import datetime
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import time

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL: " + what)
    return cond


def generate(python, generator, out, *extra):
    t0 = time.monotonic()
    r = subprocess.run([python, generator, *extra, out], capture_output=True, text=True)
    return r, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generator", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    first = os.path.join(args.workdir, "first.db")
    second = os.path.join(args.workdir, "second.db")

    # --- generation, determinism, overwrite protection ----------------------
    r, secs = generate(args.python, args.generator, first)
    if not check(r.returncode == 0, "generator failed: " + r.stderr.strip()):
        return 1
    print("generated %s in %.2fs: %s" % (first, secs, r.stderr.strip()))
    check(secs < 30, "generator took %.1fs (expected a couple of seconds)" % secs)

    r, _ = generate(args.python, args.generator, second)
    check(r.returncode == 0, "second generation failed: " + r.stderr.strip())
    with sqlite3.connect(first) as a, sqlite3.connect(second) as b:
        dump_a, dump_b = list(a.iterdump()), list(b.iterdump())
    check(dump_a == dump_b, "two generations differ (dump)")
    print("two generations: identical dumps (%d lines)" % len(dump_a))
    with open(first, "rb") as fa, open(second, "rb") as fb:
        print("two generations: files are %s" % ("byte-identical" if fa.read() == fb.read() else "different bytes"))

    before = os.stat(second).st_mtime_ns
    r, _ = generate(args.python, args.generator, second)
    check(r.returncode != 0 and "--force" in r.stderr, "overwriting without --force must be refused")
    check(os.stat(second).st_mtime_ns == before, "refused overwrite still touched the file")
    r, _ = generate(args.python, args.generator, second, "--force")
    check(r.returncode == 0, "--force must replace the file: " + r.stderr.strip())
    leftovers = [f for f in os.listdir(args.workdir) if f not in ("first.db", "second.db")]
    check(not leftovers, "temporary files left behind: %r" % leftovers)

    # The generator's topic lists, to check the seniority pattern.
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    spec = importlib.util.spec_from_file_location("generate_sample_hr", args.generator)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)

    con = sqlite3.connect(first)
    one = lambda sql, *p: con.execute(sql, p).fetchone()[0]

    # --- integrity and sizes -----------------------------------------------
    check(one("PRAGMA integrity_check") == "ok", "integrity_check")
    check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign keys")
    n = one("SELECT count(*) FROM employees")
    check(1900 <= n <= 2100, "about 2,000 employees, got %d" % n)
    depts = {r[0] for r in con.execute("SELECT name FROM departments")}
    for d in ("Finance", "Engineering", "Sales", "Marketing", "HR", "Operations", "Legal", "Product", "Data",
              "Customer Success"):
        check(d in depts, "department %s missing" % d)
    check(one("SELECT count(*) FROM employees WHERE department_id NOT IN (SELECT id FROM departments)") == 0,
          "employees in unknown departments")
    check(one("SELECT count(*) FROM departments d WHERE NOT EXISTS "
              "(SELECT 1 FROM employees e WHERE e.department_id = d.id)") == 0, "empty departments")
    check(one("SELECT count(DISTINCT name) FROM employees") == n, "employee names are unique")
    print("employees: %d in %d departments" % (n, len(depts)))

    lo, hi = con.execute("SELECT min(c), max(c) FROM (SELECT count(*) AS c FROM employees e "
                         "LEFT JOIN employee_skills s ON s.employee_id = e.id GROUP BY e.id)").fetchone()
    check(lo >= 8 and hi <= 25, "8-25 skills per person, got %d-%d" % (lo, hi))
    lo_g, hi_g = con.execute("SELECT min(c), max(c) FROM (SELECT count(g.skill) AS c FROM employees e "
                             "LEFT JOIN learning_goals g ON g.employee_id = e.id GROUP BY e.id)").fetchone()
    check(lo_g >= 1, "everyone has a learning goal, min %d" % lo_g)
    print("skills per person: %d-%d; goals per person: %d-%d" % (lo, hi, lo_g, hi_g))
    check(one("SELECT count(*) FROM employee_skills WHERE proficiency NOT BETWEEN 1 AND 5 "
              "OR typeof(proficiency) <> 'integer'") == 0, "proficiency in 1-5")
    check(one("SELECT count(*) FROM learning_goals WHERE priority NOT BETWEEN 1 AND 5 "
              "OR typeof(priority) <> 'integer'") == 0, "priority in 1-5")
    for v in range(1, 6):
        check(one("SELECT count(*) FROM employee_skills WHERE proficiency = ?", v) > 0, "proficiency %d used" % v)
        check(one("SELECT count(*) FROM learning_goals WHERE priority = ?", v) > 0, "priority %d used" % v)
    check(one("SELECT count(*) FROM learning_goals g JOIN employee_skills s USING (employee_id, skill) "
              "WHERE s.proficiency >= 4") == 0, "nobody wants to learn what they master")
    check(one("SELECT count(*) FROM learning_goals g JOIN employee_skills s USING (employee_id, skill)") > 0,
          "some goals are to improve a skill one has at a low level")

    # --- hire dates and grades ---------------------------------------------
    for (d,) in con.execute("SELECT DISTINCT hire_date FROM employees"):
        try:
            day = datetime.date.fromisoformat(d)
        except ValueError:
            check(False, "bad hire_date %r" % d)
            continue
        check(gen.FOUNDED <= day <= gen.AS_OF, "hire_date %s outside the company's life" % d)
    grades = dict(con.execute("SELECT grade, count(*) FROM employees GROUP BY grade"))
    check(sorted(grades) == list(range(1, 9)), "grades 1-8 all used: %r" % grades)
    print("grades: %r" % grades)

    # --- the reporting line -------------------------------------------------
    check(one("SELECT count(*) FROM employees WHERE manager_id IS NULL") == 1, "exactly one person without manager")
    check(one("SELECT grade FROM employees WHERE manager_id IS NULL") == 8, "the top is the CEO (grade 8)")
    managers = one("SELECT count(DISTINCT manager_id) FROM employees")
    check(managers >= 100, "managers exist (%d)" % managers)
    check(one("SELECT count(*) FROM employees e JOIN employees m ON m.id = e.manager_id "
              "WHERE m.grade <= e.grade") == 0, "every manager is senior to their reports")
    check(one("SELECT count(*) FROM employees e JOIN employees m ON m.id = e.manager_id "
              "WHERE e.grade <= 4 AND m.grade <> 5 AND m.manager_id IS NOT NULL") == 0,
          "individual contributors report to managers (or, in the CEO's office, to the CEO)")
    for g, boss in ((7, 8), (6, 7), (5, 6)):
        check(one("SELECT count(*) FROM employees e JOIN employees m ON m.id = e.manager_id "
                  "WHERE e.grade = ? AND m.grade <> ? AND m.grade <> 8", g, boss) == 0,
              "grade %d reports to grade %d" % (g, boss))
    reached = one("WITH RECURSIVE down(id) AS (SELECT id FROM employees WHERE manager_id IS NULL "
                  "UNION SELECT e.id FROM employees e JOIN down ON e.manager_id = down.id) SELECT count(*) FROM down")
    check(reached == n, "everyone reaches the CEO (%d of %d)" % (reached, n))
    print("managers: %d; reporting line reaches all %d" % (managers, reached))

    # --- seniors strong in business topics, juniors in new ones -------------
    def avg_level(topics, grades_sql):
        marks = ",".join("?" * len(topics))
        return one("SELECT avg(s.proficiency) FROM employee_skills s JOIN employees e ON e.id = s.employee_id "
                   "WHERE s.skill IN (%s) AND e.grade %s" % (marks, grades_sql), *topics)

    def goal_share(topics, grades_sql):
        marks = ",".join("?" * len(topics))
        return one("SELECT avg(g.skill IN (%s)) FROM learning_goals g JOIN employees e ON e.id = g.employee_id "
                   "WHERE e.grade %s" % (marks, grades_sql), *topics)

    biz_sen, biz_jun = avg_level(gen.BUSINESS, ">= 5"), avg_level(gen.BUSINESS, "<= 2")
    new_sen, new_jun = avg_level(gen.NEW, ">= 5"), avg_level(gen.NEW, "<= 2")
    print("business topics: seniors %.2f, juniors %.2f; new topics: seniors %.2f, juniors %.2f"
          % (biz_sen, biz_jun, new_sen, new_jun))
    check(biz_sen >= biz_jun + 1.5, "seniors are clearly stronger in business topics")
    check(new_jun >= new_sen + 1.5, "juniors are clearly stronger in new topics")
    check(goal_share(gen.BUSINESS, "<= 2") > goal_share(gen.BUSINESS, ">= 5"), "juniors want business topics more")
    check(goal_share(gen.NEW, ">= 5") > goal_share(gen.NEW, "<= 2"), "seniors want new topics more")

    # --- reverse-mentoring pairs exist --------------------------------------
    # lower-grade L and higher-grade H (two grades or more apart, different
    # departments): L knows better a topic H wants, and H knows better a topic
    # L wants.
    people = {i: (g, d) for i, g, d in con.execute("SELECT id, grade, department_id FROM employees")}
    level = {i: {} for i in people}
    want = {i: {} for i in people}
    for i, t, v in con.execute("SELECT employee_id, lower(skill), proficiency FROM employee_skills"):
        level[i][t] = v
    for i, t, v in con.execute("SELECT employee_id, lower(skill), priority FROM learning_goals"):
        want[i][t] = v
    knowers = {}
    for i, skills in level.items():
        for t, v in skills.items():
            knowers.setdefault(t, []).append((i, v))

    def teaches(giver, receiver):
        return any(level[giver].get(t, 0) > level[receiver].get(t, 0) for t in want[receiver])

    pairs = set()
    for h, (gh, dh) in people.items():
        for t in want[h]:
            for l, v in knowers.get(t, ()):
                gl, dl = people[l]
                if gh - gl >= 2 and dl != dh and v > level[h].get(t, 0) and teaches(h, l):
                    pairs.add((l, h))
    execs = {p for p in pairs if people[p[1]][0] >= 7}
    print("reverse-mentoring pairs (junior teaches senior and back, two grades or more apart): %d, "
          "%d of them with a VP or the CEO" % (len(pairs), len(execs)))
    check(len(pairs) >= 1000, "reverse-mentoring pairs exist")
    check(len(execs) >= 10, "reverse-mentoring pairs with executives exist")
    con.close()

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
