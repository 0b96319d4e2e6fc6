#!/usr/bin/python3
"""Organisation-wide matching in SQL at 100,000 people, step by step.

Runs the steps of sql/org_wide_matching.sql (split at its "-- step:" lines)
on a skills(person_id, topic, level, want) table and times each:

  profiles        reciprocity_profile aggregate per person
  top partners    reciprocity_top_partners('org_profiles', 10) into a table
  candidate pairs each proposed pair once (a < b)
  match           reciprocity_match('cands', '{"objective": "total"}')
  summary         pairs formed, total score, share of people paired

on two organisations of --people people (default 100,000):

  generated      the generator of bench/top_partners_sql_bench.py (shape of
                 bench/top_partners_bench.cpp), vocabulary --vocab (20,000),
                 skew --skew (0.5)
  stackoverflow  the 1,000 real survey respondents replicated with noise, as
                 in bench/stackoverflow_scale_bench.py

Usage (Debian's python3; its sqlite3 module can load extensions):
    /usr/bin/time -v /usr/bin/python3 bench/org_wide_matching.py --ext build/reciprocity.so \\
        [--people 100000] [--vocab 20000] [--skew 0.5] [--seed 1] [--data generated,stackoverflow]
        [--k 10] [--threads N] [--db-dir DIR]

--k and --threads N change the reciprocity_top_partners('org_profiles', 10) call
of the walkthrough (k; '{"threads": N}' added; default there: one thread per
core). --db-dir keeps each database as a file
there (default: in memory).
"""

import argparse
import os
import re
import sqlite3
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import top_partners_sql_bench as tpb  # noqa: E402
import stackoverflow_scale_bench as sob  # noqa: E402

SQL_FILE = os.path.join(ROOT, "sql", "org_wide_matching.sql")


def read_steps(path, k=10, threads=None):
    """[(step name, SQL)] of the walkthrough, with k and the threads option
    put into its reciprocity_top_partners('org_profiles', 10) call."""
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"^-- step: (.+)$", text, flags=re.M)
    steps = [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]
    call = "reciprocity_top_partners('org_profiles', 10)"
    assert sum(sql.count(call) for _, sql in steps) == 1, f"{path}: expected one {call}"
    new = f"reciprocity_top_partners('org_profiles', {int(k)}"
    new += ")" if threads is None else f", '{{\"threads\": {int(threads)}}}')"
    return [(name, sql.replace(call, new)) for name, sql in steps]


def run_organisation(name, label, rows, args, steps):
    print(f"\n== {label}: {args.people:,} people, {len(rows):,} skills rows "
          f"({len(rows) / args.people:.1f} topics each); {tpb.loadavg()}", flush=True)
    path = ":memory:"
    if args.db_dir:
        path = os.path.join(args.db_dir, f"org_wide_{name}.db")
        if os.path.exists(path):
            os.remove(path)
    conn = sqlite3.connect(path)
    tpb.load_extension(conn, args.ext)
    t0 = time.perf_counter()
    tpb.load_skills(conn, rows)
    print(f"  skills table loaded: {time.perf_counter() - t0:.2f} s (not counted below)", flush=True)
    total_wall = total_cpu = 0.0
    summary = None
    for step, sql in steps:
        c0, t0 = time.process_time(), time.perf_counter()
        if step == "summary":
            cur = conn.execute(sql.strip().rstrip(";"))
            summary = dict(zip([d[0] for d in cur.description], cur.fetchone()))
        else:
            conn.executescript(sql)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if step != "summary":
            total_wall += wall
            total_cpu += cpu
        print(f"  {step:<16} {wall:8.2f} s wall {cpu:8.2f} s CPU; {tpb.loadavg()}", flush=True)
    print(f"  {'total':<16} {total_wall:8.2f} s wall {total_cpu:8.2f} s CPU (profiles .. match)")
    s = summary
    top_rows, = conn.execute("SELECT count(*) FROM org_top_partners").fetchone()
    if s["people"] != args.people:
        print(f"  ({args.people - s['people']:,} people have no skills rows, hence no profile; shares below are "
              f"of all {args.people:,})")
    print(f"  proposals: {top_rows:,} rows of top_partners -> {s['candidate_pairs']:,} candidate pairs "
          f"({2 * s['candidate_pairs'] / args.people:.1f} per person), {s['people_with_a_candidate']:,} people "
          f"with a candidate ({100.0 * s['people_with_a_candidate'] / args.people:.1f}%), "
          f"{s['people_proposed']:,} distinct people proposed as someone's partner "
          f"({100.0 * s['people_proposed'] / args.people:.1f}%)")
    print(f"  matching: {s['pairs']:,} pairs, total score {s['total_score']}, mean pair score "
          f"{s['mean_pair_score']}, {2 * s['pairs']:,} people paired = {200.0 * s['pairs'] / args.people:.1f}% of everyone, "
          f"{100.0 * 2 * s['pairs'] / max(1, s['people_with_a_candidate']):.1f}% of those with a candidate")
    conn.close()
    return total_wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", default=os.path.join(ROOT, "build", "reciprocity.so"))
    ap.add_argument("--people", type=int, default=100000)
    ap.add_argument("--vocab", type=int, default=20000)
    ap.add_argument("--skew", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default="generated,stackoverflow")
    ap.add_argument("--k", type=int, default=10, help="partners per person proposed (default 10)")
    ap.add_argument("--threads", type=int, help="threads option of reciprocity_top_partners (default: not given)")
    ap.add_argument("--db-dir", help="keep the databases as files in this directory (default: in memory)")
    ap.add_argument("--sql", default=SQL_FILE)
    args = ap.parse_args()
    steps = read_steps(args.sql, args.k, args.threads)
    print(f"sqlite {sqlite3.sqlite_version}, {os.cpu_count()} cores, steps of {os.path.relpath(args.sql, ROOT)}: "
          f"{', '.join(n for n, _ in steps)}; start: {tpb.loadavg()}", flush=True)
    for data in args.data.split(","):
        t0 = time.perf_counter()
        if data == "generated":
            rows = tpb.generate_skills(args.people, args.vocab, args.skew, args.seed)
            label = f"generated (vocabulary {args.vocab:,}, skew {args.skew}, seed {args.seed})"
        elif data == "stackoverflow":
            rows, _ = sob.replicate(sob.read_respondents(sob.so.DEFAULT_CSV), args.people, args.seed)
            label = f"stackoverflow (1,000 respondents replicated with noise, seed {args.seed})"
        else:
            sys.exit(f"unknown --data {data!r} (generated, stackoverflow)")
        print(f"\n[{data}: rows made in {time.perf_counter() - t0:.2f} s]", end="")
        run_organisation(data, label, rows, args, steps)
        del rows
    print(f"\nend: {tpb.loadavg()}; peak RSS {tpb.peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
