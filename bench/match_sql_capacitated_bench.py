#!/usr/bin/env python3
"""reciprocity_match with mentors through SQL, on a table holding every pair of a cohort.

    /usr/bin/python3 bench/match_sql_capacitated_bench.py --ext build-bench/reciprocity.so [--mentors 1000] [--mentees 3000]

Every (mentor, mentee) pair is a row of `cands` (a, b, score): a uniform random score, or 0 for 82 % of
the rows (about the share of pairs with no two-way gain in the generated cohorts of matching_extra_bench).
Times, best of 3: a plain scan of the table, reciprocity_match over the whole table, and over the rows
with a score above 0 only. Both calls must give the same number of pairs and the same total.
"""
import argparse
import random
import sqlite3
import time


def best(con, sql, repeat=3):
    times, row = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        row = con.execute(sql).fetchone()
        times.append(time.perf_counter() - t)
    return min(times), row


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", required=True, help="path to reciprocity.so")
    ap.add_argument("--mentors", type=int, default=1000)
    ap.add_argument("--mentees", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(args.ext)
    m, e = args.mentors, args.mentees
    con.execute("CREATE TABLE mentors(id INTEGER PRIMARY KEY, capacity INTEGER)")
    con.executemany("INSERT INTO mentors VALUES (?, 3)", [(i,) for i in range(1, m + 1)])
    con.execute("CREATE TABLE cands(a INTEGER, b INTEGER, score REAL)")

    def rows():
        for a in range(1, m + 1):
            for b in range(m + 1, m + e + 1):
                s = rng.random()
                yield (a, b, 0.0 if s < 0.82 else s)

    con.executemany("INSERT INTO cands VALUES (?, ?, ?)", rows())
    con.commit()
    n = con.execute("SELECT count(*) FROM cands").fetchone()[0]
    print(f"{m} mentors (capacity 3) x {e} mentees: {n:,} candidate rows")
    scan, _ = best(con, "SELECT count(*), sum(score) FROM cands")
    whole, r1 = best(con, """SELECT count(*), sum(score) FROM reciprocity_match('cands', '{"mentors": "mentors"}')""")
    positive, r2 = best(con, """SELECT count(*), sum(score) FROM reciprocity_match(
        'SELECT a, b, score FROM cands WHERE score > 0', '{"mentors": "mentors"}')""")
    print(f"plain scan of the table:               {scan:.3f} s")
    print(f"reciprocity_match, every row:          {whole:.3f} s  -> {r1[0]} pairs, total {r1[1]:.6f}")
    print(f"reciprocity_match, rows scoring > 0:   {positive:.3f} s  -> {r2[0]} pairs, total {r2[1]:.6f}")
    if r1[0] != r2[0] or abs(r1[1] - r2[1]) > 1e-9:
        raise SystemExit("the two calls disagree")


if __name__ == "__main__":
    main()
