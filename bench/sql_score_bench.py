#!/usr/bin/python3
"""Scores all pairs of the sample company in SQL, three ways, in one run.

1. floor:      the same self-join calling a trivial built-in, abs(a.id - b.id)
   (and the same self-join only reading both BLOBs, the cost any BLOB-taking
   function pays before it does anything)
2. extension:  reciprocity_score(a.profile, b.profile) on stored profiles
3. plain SQL:  the same model written as an analyst would, with joins and
               GROUP BY over a prepared (person, topic, level, weight) table

It checks that (2) and (3) agree on every pair to 1e-9 (score and both
one-way benefits), then prints a Markdown table for docs/benchmarks.md.

Usage (Debian's python3; its sqlite3 module can load extensions):
    /usr/bin/python3 bench/sql_score_bench.py [--ext build/reciprocity.so] [--db PATH] [--repeat 5]
"""

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROFILES = """
CREATE TABLE profiles(id INTEGER PRIMARY KEY, profile BLOB NOT NULL);
INSERT INTO profiles
SELECT employee_id, reciprocity_profile(skill, level, want)
FROM (SELECT employee_id, skill, proficiency AS level, 0 AS want FROM employee_skills
      UNION ALL
      SELECT employee_id, skill, 0, priority FROM learning_goals)
GROUP BY employee_id;
"""

# The model in plain SQL. Topic names compare trimmed and case-insensitively;
# a topic seen twice keeps its max level and max want; wants are normalised
# per person.
PLAIN_PREP = """
CREATE TABLE pt AS
WITH raw AS (
  SELECT employee_id AS id, lower(trim(skill)) AS topic, proficiency AS level, 0 AS want FROM employee_skills
  UNION ALL
  SELECT employee_id, lower(trim(skill)), 0, priority FROM learning_goals),
agg AS (SELECT id, topic, max(level) AS level, max(want) AS want FROM raw GROUP BY id, topic)
SELECT id, topic, level, want * 1.0 / sum(want) OVER (PARTITION BY id) AS w FROM agg;
CREATE INDEX pt_topic_level ON pt(topic, level);
"""

# benefit(receiver <- giver), for every pair with a gain.
PLAIN_GAINS = """
SELECT r.id AS receiver, g.id AS giver, sum(r.w * (g.level - r.level)) / 5.0 AS benefit
FROM pt AS r JOIN pt AS g ON g.topic = r.topic AND g.level > r.level
WHERE r.w > 0
GROUP BY r.id, g.id
"""

PLAIN_PAIRS = f"""
WITH gains AS ({PLAIN_GAINS})
SELECT x.receiver AS a, x.giver AS b, 2 * x.benefit * y.benefit / (x.benefit + y.benefit) AS score
FROM gains AS x JOIN gains AS y ON y.receiver = x.giver AND y.giver = x.receiver
WHERE x.receiver < x.giver
"""

QUERIES = {
    "floor": "SELECT sum(abs(a.id - b.id)) FROM profiles AS a JOIN profiles AS b ON a.id < b.id",
    # Reading both BLOBs and nothing else: what any BLOB-consuming function pays.
    "fetch both BLOBs": "SELECT sum(length(substr(a.profile, 2, 1)) + length(substr(b.profile, 2, 1))) "
                        "FROM profiles AS a JOIN profiles AS b ON a.id < b.id",
    "extension": "SELECT sum(reciprocity_score(a.profile, b.profile)) FROM profiles AS a JOIN profiles AS b ON a.id < b.id",
    "plain SQL": f"SELECT sum(score) FROM ({PLAIN_PAIRS})",
}


def timed(conn, sql, repeat):
    times, value = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = conn.execute(sql).fetchone()[0]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), value


def verify(conn):
    """Every pair: score, benefit(a<-b), benefit(b<-a) equal to 1e-9."""
    conn.executescript(f"""
    CREATE TEMP TABLE ext_pairs AS
      SELECT a.id AS a, b.id AS b, reciprocity_score(a.profile, b.profile) AS score,
             reciprocity_benefit(a.profile, b.profile) AS ab, reciprocity_benefit(b.profile, a.profile) AS ba
      FROM profiles AS a JOIN profiles AS b ON a.id < b.id;
    CREATE TEMP TABLE plain_gains AS {PLAIN_GAINS};
    CREATE INDEX plain_gains_pair ON plain_gains(receiver, giver);
    CREATE TEMP TABLE plain_pairs AS {PLAIN_PAIRS};
    CREATE INDEX plain_pairs_pair ON plain_pairs(a, b);
    """)
    worst_score, = conn.execute("""
      SELECT max(abs(e.score - coalesce(p.score, 0))) FROM ext_pairs AS e
      LEFT JOIN plain_pairs AS p ON p.a = e.a AND p.b = e.b""").fetchone()
    worst_benefit, = conn.execute("""
      SELECT max(max(abs(e.ab - coalesce(g1.benefit, 0)), abs(e.ba - coalesce(g2.benefit, 0)))) FROM ext_pairs AS e
      LEFT JOIN plain_gains AS g1 ON g1.receiver = e.a AND g1.giver = e.b
      LEFT JOIN plain_gains AS g2 ON g2.receiver = e.b AND g2.giver = e.a""").fetchone()
    pairs, = conn.execute("SELECT count(*) FROM ext_pairs").fetchone()
    positive, = conn.execute("SELECT count(*) FROM ext_pairs WHERE score > 0").fetchone()
    plain_positive, = conn.execute("SELECT count(*) FROM plain_pairs WHERE score > 0").fetchone()
    return pairs, positive, plain_positive, worst_score, worst_benefit


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", default=os.path.join(ROOT, "build", "reciprocity.so"))
    ap.add_argument("--db", help="an existing sample HR database (default: generate one)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="rcp-bench-")
    src = args.db
    if not src:
        src = os.path.join(tmp, "sample_hr.db")
        subprocess.run([sys.executable, os.path.join(ROOT, "sql", "generate_sample_hr.py"), src], check=True,
                       stdout=subprocess.DEVNULL)
    conn = sqlite3.connect(":memory:")
    conn.execute("ATTACH DATABASE ? AS src", (src,))
    for table in ("employee_skills", "learning_goals"):
        conn.execute(f"CREATE TABLE {table} AS SELECT * FROM src.{table}")
    conn.execute("DETACH DATABASE src")
    conn.enable_load_extension(True)
    conn.load_extension(args.ext)
    conn.enable_load_extension(False)

    t0 = time.perf_counter()
    conn.executescript(PROFILES)
    prep_ext = time.perf_counter() - t0
    t0 = time.perf_counter()
    conn.executescript(PLAIN_PREP)
    prep_plain = time.perf_counter() - t0
    people, = conn.execute("SELECT count(*) FROM profiles").fetchone()
    topics, = conn.execute("SELECT avg(n) FROM (SELECT count(*) AS n FROM pt GROUP BY id)").fetchone()

    pairs, positive, plain_positive, worst_score, worst_benefit = verify(conn)
    ok = worst_score <= 1e-9 and worst_benefit <= 1e-9 and positive == plain_positive
    print(f"sqlite {sqlite3.sqlite_version}, {people} people, {topics:.1f} topics each, {pairs} pairs "
          f"({positive} with a two-way gain)")
    print(f"agreement: max |score diff| = {worst_score:.3g}, max |benefit diff| = {worst_benefit:.3g}, "
          f"pairs > 0: {positive} vs {plain_positive} -> {'OK' if ok else 'MISMATCH'}")
    if not ok:
        sys.exit(1)

    results = {}
    for name in ("floor", "fetch both BLOBs", "extension", "plain SQL", "floor", "fetch both BLOBs", "extension"):
        med, best, value = timed(conn, QUERIES[name], args.repeat)
        prev = results.get(name)
        results[name] = (min(med, prev[0]) if prev else med, min(best, prev[1]) if prev else best, value)
    floor = results["floor"][0]
    ext = results["extension"][0]
    print()
    print(f"| query | median s ({args.repeat} runs) | ns per pair | vs floor | plain SQL / this |")
    print("|---|---|---|---|---|")
    for name in ("floor", "fetch both BLOBs", "extension", "plain SQL"):
        med = results[name][0]
        print(f"| {name} | {med:.3f} | {med * 1e9 / pairs:.0f} | {med / floor:.2f}x | "
              f"{results['plain SQL'][0] / med:.1f}x |")
    print()
    print(f"preparation (not in the table): profiles {prep_ext:.3f} s, plain-SQL topic table + index {prep_plain:.3f} s")
    print(f"sums: extension {results['extension'][2]:.9f}, plain SQL {results['plain SQL'][2]:.9f}")


if __name__ == "__main__":
    main()
