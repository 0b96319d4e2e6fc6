#!/usr/bin/python3
"""reciprocity_match (objective `total`) against networkx.max_weight_matching,
on the complete graph of a generated cohort (issue 5: "≥ 1,000× networkx at
1,000").

    /usr/bin/python3 bench/networkx_matching_bench.py [--n 1000] [--ext build/reciprocity.so]
                     [--vocab 300] [--skew 1.0] [--seed 1] [--repeat 5]

Profiles: the same kind as bench/matching_bench.cpp (the same distribution,
drawn with Python's random, so not the same people): every person holds
5..30 distinct topics drawn from a Zipf(skew) popularity over `vocab` topics;
each held topic is a learning goal with probability 0.3 (want 1..3, level
0..2) and otherwise a skill (level 1..5). The profiles are built in SQLite
with the aggregate reciprocity_profile, and every pair is scored with
reciprocity_score (harmonic); the pairs with a score above 0 are the
candidate pairs (a table `cands(a, b, score)`), the same edge list for both
solvers.

Timed, in one run:
  * reciprocity: `SELECT a, b, score FROM reciprocity_match('cands',
    '{"objective": "total"}')`, fetched to Python — the whole SQL call, reading
    the candidate table included; best of --repeat runs (median shown too);
  * networkx: `networkx.max_weight_matching(G)` (maxcardinality=False, the
    same objective) on a Graph holding the same edges with float weights;
    building the Graph is reported separately and not counted; one run.

The two totals must agree to 1e-9 relative (networkx compares floats;
reciprocity uses fixed-point integers inside); the bench exits 1 otherwise.
Prints the ratio (wall clock, and CPU time of this process, which is steadier
on a busy machine: both solvers run on one thread) and the load (`uptime`)
before and after: the machine may be shared.

Needs the Debian package python3-networkx (scripts/install-deps.sh installs it).
"""

import argparse
import bisect
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "load average: %.2f, %.2f, %.2f" % os.getloadavg()


def generate(n, vocab, skew, rng):
    """[(person, topic, level, want)] rows, as in bench/matching_bench.cpp."""
    cdf, acc = [], 0.0
    for r in range(vocab):
        acc += 1.0 / (r + 1) ** skew
        cdf.append(acc)
    cdf = [c / acc for c in cdf]
    rows = []
    for person in range(1, n + 1):
        m = min(rng.randint(5, 30), vocab)
        picked = set()
        while len(picked) < m:
            r = min(bisect.bisect_left(cdf, rng.random()), vocab - 1)
            if r in picked:
                continue
            picked.add(r)
            if rng.random() < 0.3:
                rows.append((person, f"t{r}", rng.randint(0, 2), rng.randint(1, 3)))
            else:
                rows.append((person, f"t{r}", rng.randint(1, 5), 0))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--ext", default=os.path.join("build", "reciprocity.so"))
    ap.add_argument("--vocab", type=int, default=300)
    ap.add_argument("--skew", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    try:
        import networkx as nx
    except ImportError:
        sys.exit("networkx_matching_bench: needs networkx (Debian: apt-get install python3-networkx)")

    ext = args.ext
    if not os.path.exists(ext) and not os.path.isabs(ext) and os.path.exists(os.path.join(ROOT, ext)):
        ext = os.path.join(ROOT, ext)
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(os.path.abspath(ext))
    db.enable_load_extension(False)

    print(f"networkx {nx.__version__}, SQLite {sqlite3.sqlite_version}, extension {ext}")
    print(f"before: {uptime()}")
    t0 = time.perf_counter()
    rows = generate(args.n, args.vocab, args.skew, random.Random(args.seed))
    db.executescript("CREATE TABLE topics(person INTEGER, topic TEXT, level REAL, want REAL);")
    db.executemany("INSERT INTO topics VALUES (?, ?, ?, ?)", rows)
    db.executescript("""
        CREATE TABLE people(id INTEGER PRIMARY KEY, profile BLOB);
        INSERT INTO people SELECT person, reciprocity_profile(topic, level, want) FROM topics GROUP BY person;
        CREATE TABLE cands(a INTEGER, b INTEGER, score REAL);
        INSERT INTO cands SELECT a, b, score FROM (
            SELECT x.id AS a, y.id AS b, reciprocity_score(x.profile, y.profile) AS score
            FROM people x JOIN people y ON y.id > x.id) WHERE score > 0;
    """)
    edges = db.execute("SELECT a, b, score FROM cands").fetchall()
    all_pairs = args.n * (args.n - 1) // 2
    print(f"n = {args.n}: {len(edges):,} candidate pairs with score > 0 of {all_pairs:,} "
          f"(vocab {args.vocab}, skew {args.skew}, seed {args.seed}); generated and scored in "
          f"{time.perf_counter() - t0:.2f} s")

    # reciprocity_match, best of --repeat.
    query = "SELECT a, b, score FROM reciprocity_match('cands', '{\"objective\": \"total\"}')"
    times, cpu, result = [], [], None
    for _ in range(max(1, args.repeat)):
        t, c = time.perf_counter(), time.process_time()
        result = db.execute(query).fetchall()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    rcp_best, rcp_median, rcp_cpu = min(times), statistics.median(times), min(cpu)
    rcp_total = sum(score for _, _, score in result)
    print(f"reciprocity_match total: {len(result)} pairs, total {rcp_total:.12f}; "
          f"best {rcp_best * 1e3:.1f} ms, median {rcp_median * 1e3:.1f} ms of {len(times)} runs "
          f"(CPU time: best {rcp_cpu * 1e3:.1f} ms)")

    # For context: what reading the candidate table alone costs in SQLite.
    scan = []
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        db.execute("SELECT count(*), sum(score) FROM cands").fetchone()
        scan.append(time.perf_counter() - t)
    print(f"(a plain SQL scan of cands, for comparison: best {min(scan) * 1e3:.1f} ms)")

    # networkx, once.
    t = time.perf_counter()
    g = nx.Graph()
    g.add_weighted_edges_from(edges)
    build = time.perf_counter() - t
    print(f"networkx: Graph of {g.number_of_nodes()} nodes and {g.number_of_edges():,} edges built in "
          f"{build:.2f} s (not counted); running max_weight_matching ...", flush=True)
    t, c = time.perf_counter(), time.process_time()
    mate = nx.max_weight_matching(g, maxcardinality=False)
    nx_time, nx_cpu = time.perf_counter() - t, time.process_time() - c
    nx_total = sum(g[u][v]["weight"] for u, v in mate)
    print(f"networkx max_weight_matching: {len(mate)} pairs, total {nx_total:.12f}; {nx_time:.2f} s "
          f"(CPU time {nx_cpu:.2f} s)")

    rel = abs(rcp_total - nx_total) / max(abs(nx_total), 1e-300)
    ok = rel <= 1e-9
    print(f"totals {'agree' if ok else 'DIFFER'}: relative difference {rel:.2e} (limit 1e-9)")
    print(f"ratio: networkx / reciprocity_match = {nx_time / rcp_best:,.0f}x (best), "
          f"{nx_time / rcp_median:,.0f}x (median); in CPU time {nx_cpu / rcp_cpu:,.0f}x")
    print(f"after: {uptime()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
