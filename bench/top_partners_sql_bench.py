#!/usr/bin/python3
"""Top partners for everyone in SQL, three ways, in one run.

A generated organisation (the shape of bench/top_partners_bench.cpp: every
person holds 5..30 distinct topics drawn from a Zipf(skew) popularity over a
vocabulary; a held topic is a learning goal with probability 0.3 (want 1..3,
level 0..2), otherwise a skill (level 1..5, want 0)) stored as an HR analyst
would have it:

    skills(person_id, topic, level, want)          one row per person and topic
    profiles(id, profile)                          reciprocity_profile(topic, level, want) per person

Then the top k partners of everyone (harmonic reciprocity, score > 0 only,
score descending then partner id ascending) are computed

  (a) with the extension:  SELECT * FROM reciprocity_top_partners('profiles', k)
  (b) in plain SQL, as an analyst would write it without the extension: the
      skills table joined to itself on the topic (an index on (topic, level)
      finds, for each learning goal, the people who know the topic better),
      the per-topic gains summed per pair with GROUP BY, both directions
      combined into the harmonic mean, and each person's partners ranked with
      row_number() OVER (PARTITION BY ...)
  (c) with the best_partners aggregate over the self-join of profiles, as
      docs/sql-functions.md shows (every pair scored with reciprocity_score)

and checked: (a) and (b) give identical (id, partner, rank) rows with scores
equal within 1e-12 (in practice bit for bit: the plain SQL sums integer
want * gap products and divides once, as the core does); (c) gives the same
partners and ranks, its scores within 1e-12 of (a) after the JSON round trip.

Wall and CPU times of each method (CPU of the whole process, all threads),
the work each does (candidates), and the ratios (b)/(a), (c)/(a).

Usage (Debian's python3; its sqlite3 module can load extensions):
    /usr/bin/python3 bench/top_partners_sql_bench.py [--ext build/reciprocity.so]
        [--people 10000] [--vocab 20000] [--skew 1.0] [--k 10] [--seed 1]
        [--methods a,b,c] [--max-seconds 1200]

(b) or (c) is interrupted after --max-seconds and reported as not finished.
With the C API library next to the extension (<build>/capi/libreciprocity.so.1,
or --capi PATH), the same call is also made through the C API, untimed by SQL,
to report how many candidates (a) bounded and scored per person.
"""

import argparse
import bisect
import ctypes
import itertools
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --------------------------------------------------------------- generator

def generate_skills(people, vocab, skew, seed):
    """Rows (person_id, topic, level, want) of a generated organisation, ids
    1..people. The shape of bench/top_partners_bench.cpp (not its exact
    numbers: Python's Mersenne Twister is used, seeded with `seed`)."""
    rng = random.Random(seed)
    acc = list(itertools.accumulate(1.0 / float(r) ** skew for r in range(1, vocab + 1)))
    total = acc[-1]
    cdf = [c / total for c in acc]
    names = [f"t{r}" for r in range(vocab)]
    rows = []
    rand, randint = rng.random, rng.randint
    for pid in range(1, people + 1):
        m = min(randint(5, 30), vocab)
        picked = set()
        while len(picked) < m:
            r = bisect.bisect_left(cdf, rand())
            if r >= vocab:
                r = vocab - 1
            if r in picked:
                continue
            picked.add(r)
            if rand() < 0.3:
                rows.append((pid, names[r], randint(0, 2), randint(1, 3)))
            else:
                rows.append((pid, names[r], randint(1, 5), 0))
    return rows


SKILLS_SCHEMA = """
CREATE TABLE skills(
  person_id INTEGER NOT NULL,
  topic     TEXT    NOT NULL,
  level     INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),   -- what the person knows, 0..5
  want      INTEGER NOT NULL CHECK (want >= 0),               -- how much they want to learn it, 0 = not at all
  PRIMARY KEY (person_id, topic)
) WITHOUT ROWID;
"""

PROFILES = """
CREATE TABLE profiles(id INTEGER PRIMARY KEY, profile BLOB NOT NULL);
INSERT INTO profiles SELECT person_id, reciprocity_profile(topic, level, want) FROM skills GROUP BY person_id;
"""


def load_skills(conn, rows):
    conn.executescript(SKILLS_SCHEMA)
    with conn:
        conn.executemany("INSERT INTO skills VALUES (?, ?, ?, ?)", rows)


# --------------------------------------------------------------- (a) extension

def query_extension(k, options=None):
    if options is None:
        return f"SELECT id, partner, score, rank FROM reciprocity_top_partners('profiles', {int(k)})"
    return (f"SELECT id, partner, score, rank FROM reciprocity_top_partners('profiles', {int(k)}, "
            f"'{json.dumps(options)}')")


# --------------------------------------------------------------- (b) plain SQL

# What an analyst prepares once: an index to find "who knows topic t better
# than level l" by a range scan, and each person's sum of wants (benefits use
# wants normalised per person).
PLAIN_PREP = """
CREATE INDEX skills_topic_level ON skills(topic, level, person_id);
CREATE TABLE want_sums(person_id INTEGER PRIMARY KEY, total INTEGER NOT NULL);
INSERT INTO want_sums SELECT person_id, sum(want) FROM skills GROUP BY person_id HAVING sum(want) > 0;
ANALYZE;
"""

# benefit(A <- B) = sum over topics A wants of want_A(t) * (level_B(t) - level_A(t)) / (5 * sum of A's wants),
# over the topics where B knows more. The sums of want * gap are integers
# (exact), divided once, so the numbers are those of the core bit for bit
# (the harmonic mean clamped to [min, max] as the core does; the clamp only
# undoes a rounding of 2xy/(x+y) past min or max, which would otherwise
# reorder exactly tied partners). Each unordered pair is grouped once
# (a < b), with what a gets and what b gets side by side.
PLAIN_TOP = """
WITH gains AS NOT MATERIALIZED (   -- one row per (learning goal, person who knows that topic better)
  SELECT r.person_id AS receiver, g.person_id AS giver, r.want * (g.level - r.level) AS gain
  FROM skills AS r
  JOIN skills AS g ON g.topic = r.topic AND g.level > r.level
  WHERE r.want > 0
),
pair_gains AS (            -- per unordered pair a < b: sum of want * gap for each side
  SELECT min(receiver, giver) AS a, max(receiver, giver) AS b,
         sum(CASE WHEN receiver < giver THEN gain ELSE 0 END) AS a_sum,
         sum(CASE WHEN receiver > giver THEN gain ELSE 0 END) AS b_sum
  FROM gains
  GROUP BY 1, 2
  HAVING a_sum > 0 AND b_sum > 0                          -- both sides gain
),
benefits AS (
  SELECT p.a, p.b, p.a_sum / (5.0 * wa.total) AS x, p.b_sum / (5.0 * wb.total) AS y
  FROM pair_gains AS p
  JOIN want_sums AS wa ON wa.person_id = p.a
  JOIN want_sums AS wb ON wb.person_id = p.b
),
scored AS (                -- harmonic mean, kept within [min, max] as the core does
  SELECT a, b, max(min(x, y), min(max(x, y), 2.0 * x * y / (x + y))) AS score FROM benefits
),
directed AS (
  SELECT a AS id, b AS partner, score FROM scored
  UNION ALL
  SELECT b, a, score FROM scored
),
ranked AS (
  SELECT id, partner, score, row_number() OVER (PARTITION BY id ORDER BY score DESC, partner) AS rank
  FROM directed
)
SELECT id, partner, score, rank FROM ranked WHERE rank <= {k} ORDER BY id, rank
"""


def query_plain(k):
    return PLAIN_TOP.format(k=int(k))


# --------------------------------------------------------------- (c) best_partners

def query_best_partners(k):
    return ("SELECT a.id, best_partners(b.id, reciprocity_score(a.profile, b.profile), "
            f"{int(k)}) FROM profiles AS a JOIN profiles AS b ON b.id <> a.id GROUP BY a.id")


def rows_from_best_partners(result):
    rows = []
    for pid, text in result:
        for rank, item in enumerate(json.loads(text), 1):
            rows.append((pid, item["id"], item["score"], rank))
    return rows


# --------------------------------------------------------------- helpers

class Timeout(Exception):
    pass


def run_query(conn, sql, max_seconds=None):
    """(rows, wall s, CPU s of the process). Interrupts after max_seconds."""
    deadline = None if max_seconds is None else time.perf_counter() + max_seconds
    if deadline is not None:
        conn.set_progress_handler(lambda: 1 if time.perf_counter() > deadline else 0, 200000)
    c0, t0 = time.process_time(), time.perf_counter()
    try:
        rows = conn.execute(sql).fetchall()
    except sqlite3.OperationalError as e:
        if deadline is not None and "interrupted" in str(e):
            raise Timeout(time.perf_counter() - t0) from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return rows, time.perf_counter() - t0, time.process_time() - c0


def timed_script(conn, sql):
    t0 = time.perf_counter()
    conn.executescript(sql)
    return time.perf_counter() - t0


def load_extension(conn, ext):
    conn.enable_load_extension(True)
    conn.load_extension(os.path.abspath(ext))
    conn.enable_load_extension(False)


def loadavg():
    return "load average %.2f, %.2f, %.2f" % os.getloadavg()


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def compare(reference, other, tol=1e-12):
    """(identical (id, partner, rank) rows?, max |score diff|, scores equal bit for bit, first difference)."""
    same = len(reference) == len(other)
    worst, exact, first = 0.0, 0, None
    for i, (r, o) in enumerate(zip(reference, other)):
        if (r[0], r[1], r[3]) != (o[0], o[1], o[3]):
            same = False
            if first is None:
                first = (i, r, o)
            continue
        d = abs(r[2] - o[2])
        worst = max(worst, d)
        exact += r[2] == o[2]
    if first is None and len(reference) != len(other):
        first = (min(len(reference), len(other)), "row count", (len(reference), len(other)))
    return same and worst <= tol, worst, exact, first


# --------------------------------------------------------------- C API counters

class _TopPartnersOptions(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_size_t), ("mode", ctypes.c_char_p), ("threads", ctypes.c_uint),
                ("exclude", ctypes.c_void_p), ("exclude_count", ctypes.c_size_t),
                ("progress", ctypes.c_void_p), ("progress_user", ctypes.c_void_p)]


def capi_top_partners(lib_path, ids, blobs, k, threads=0):
    """rcp_top_partners through the C API on the same BLOBs: (wall s of the
    call, candidates met, candidates scored, pairs proposed)."""
    lib = ctypes.CDLL(lib_path)
    vp, sz = ctypes.c_void_p, ctypes.c_size_t
    lib.rcp_profile_from_blob.argtypes = [ctypes.POINTER(vp), ctypes.c_char_p, sz]
    lib.rcp_profile_destroy.argtypes = [vp]
    lib.rcp_errmsg.restype = ctypes.c_char_p
    lib.rcp_top_partners.argtypes = [ctypes.POINTER(vp), ctypes.POINTER(ctypes.c_int64), sz, sz,
                                     ctypes.POINTER(_TopPartnersOptions), ctypes.POINTER(vp)]
    lib.rcp_top_partners_result_stats.argtypes = [vp, ctypes.POINTER(ctypes.c_uint64),
                                                  ctypes.POINTER(ctypes.c_uint64)]
    lib.rcp_top_partners_result_count.argtypes = [vp, ctypes.POINTER(sz)]
    lib.rcp_top_partners_result_get.argtypes = [vp, sz, ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(sz),
                                                ctypes.POINTER(vp), ctypes.POINTER(vp)]
    lib.rcp_top_partners_result_destroy.argtypes = [vp]
    n = len(ids)
    profiles = (vp * n)()
    try:
        for i, blob in enumerate(blobs):
            p = vp()
            if lib.rcp_profile_from_blob(ctypes.byref(p), blob, len(blob)) != 0:
                raise RuntimeError(lib.rcp_errmsg().decode())
            profiles[i] = p
        id_array = (ctypes.c_int64 * n)(*ids)
        opts = _TopPartnersOptions(ctypes.sizeof(_TopPartnersOptions), None, threads, None, 0, None, None)
        res = vp()
        t0 = time.perf_counter()
        if lib.rcp_top_partners(profiles, id_array, n, k, ctypes.byref(opts), ctypes.byref(res)) != 0:
            raise RuntimeError(lib.rcp_errmsg().decode())
        wall = time.perf_counter() - t0
        met, scored = ctypes.c_uint64(), ctypes.c_uint64()
        lib.rcp_top_partners_result_stats(res, ctypes.byref(met), ctypes.byref(scored))
        pairs = 0
        count, pid, partners, scores = sz(), ctypes.c_int64(), vp(), vp()
        for i in range(n):
            lib.rcp_top_partners_result_get(res, i, ctypes.byref(pid), ctypes.byref(count),
                                            ctypes.byref(partners), ctypes.byref(scores))
            pairs += count.value
        lib.rcp_top_partners_result_destroy(res)
        return wall, met.value, scored.value, pairs
    finally:
        for p in profiles:
            if p:
                lib.rcp_profile_destroy(p)


def default_capi(ext):
    path = os.path.join(os.path.dirname(os.path.abspath(ext)), "capi", "libreciprocity.so.1")
    return path if os.path.exists(path) else None


def plain_join_rows(rows):
    """How many (learning goal, better holder) rows the plain-SQL join produces."""
    by_level, goals = {}, {}
    for _, topic, level, want in rows:
        by_level[(topic, level)] = by_level.get((topic, level), 0) + 1
        if want > 0:
            goals[(topic, level)] = goals.get((topic, level), 0) + 1
    return sum(c * sum(by_level.get((t, lv), 0) for lv in range(level + 1, 6)) for (t, level), c in goals.items())


# --------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ext", default=os.path.join(ROOT, "build", "reciprocity.so"))
    ap.add_argument("--capi", help="libreciprocity.so.1 for the candidate counters "
                                   "(default: <dir of --ext>/capi/libreciprocity.so.1 if present; 'none' to skip)")
    ap.add_argument("--people", type=int, default=10000)
    ap.add_argument("--vocab", type=int, default=20000)
    ap.add_argument("--skew", type=float, default=1.0)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--methods", default="a,b,c", help="which of a, b, c to run (default: all)")
    ap.add_argument("--max-seconds", type=float, default=1200.0,
                    help="interrupt (b) or (c) after this long and report it unfinished (default 1200)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of (a) (default 3; the median is used)")
    args = ap.parse_args()
    methods = set(args.methods.split(","))

    print(f"sqlite {sqlite3.sqlite_version}, python {sys.version.split()[0]}, {os.cpu_count()} cores; "
          f"start: {loadavg()}", flush=True)
    t0 = time.perf_counter()
    rows = generate_skills(args.people, args.vocab, args.skew, args.seed)
    gen = time.perf_counter() - t0
    conn = sqlite3.connect(":memory:")
    load_extension(conn, args.ext)
    t0 = time.perf_counter()
    load_skills(conn, rows)
    load = time.perf_counter() - t0
    prep_profiles = timed_script(conn, PROFILES)
    goals = sum(1 for r in rows if r[3] > 0)
    print(f"organisation: {args.people:,} people, vocabulary {args.vocab:,}, skew {args.skew}, seed {args.seed}: "
          f"{len(rows):,} skills rows ({len(rows) / args.people:.1f} topics each, {goals:,} learning goals); "
          f"generated in {gen:.2f} s, loaded in {load:.2f} s", flush=True)
    print(f"profiles table (reciprocity_profile aggregate): {prep_profiles:.2f} s", flush=True)

    results, times = {}, {}
    k = args.k

    if "a" in methods:
        runs = []
        for _ in range(max(1, args.repeat)):
            out, wall, cpu = run_query(conn, query_extension(k))
            runs.append((wall, cpu))
        results["a"] = out
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        times["a"] = (wall, cpu)
        print(f"(a) reciprocity_top_partners('profiles', {k}): {wall:.3f} s wall, {cpu:.3f} s CPU "
              f"(median of {len(runs)}: {', '.join(f'{w:.3f}' for w, _ in runs)} s); {len(out):,} rows; "
              f"{loadavg()}", flush=True)
        out1, wall1, cpu1 = run_query(conn, query_extension(k, {"threads": 1}))
        times["a1"] = (wall1, cpu1)
        assert out1 == out
        print(f"    same with '{{\"threads\": 1}}': {wall1:.3f} s wall, {cpu1:.3f} s CPU; {loadavg()}", flush=True)
        capi = args.capi or default_capi(args.ext)
        if capi and capi != "none":
            ids, blobs = zip(*conn.execute("SELECT id, profile FROM profiles ORDER BY id"))
            cwall, met, scored, pairs = capi_top_partners(capi, list(ids), list(blobs), k)
            print(f"    candidates (C API rcp_top_partners on the same profiles, {cwall:.3f} s): "
                  f"{met / args.people:.1f} met in the index (bounded) and {scored / args.people:.1f} "
                  f"scored exactly per person, of {args.people - 1:,} possible", flush=True)
            assert pairs == len(out)

    if "b" in methods:
        prep_plain = timed_script(conn, PLAIN_PREP)
        join_rows = plain_join_rows(rows)
        print(f"(b) plain SQL: preparation (index on skills(topic, level, person_id), want_sums, ANALYZE) "
              f"{prep_plain:.2f} s; the join produces {join_rows:,} (goal, better holder) rows "
              f"({join_rows / args.people:,.0f} per person)", flush=True)
        plan = conn.execute("EXPLAIN QUERY PLAN " + query_plain(k)).fetchall()
        for row in plan:
            print(f"      plan: {row[3]}")
        try:
            out, wall, cpu = run_query(conn, query_plain(k), args.max_seconds)
            results["b"] = out
            times["b"] = (wall, cpu)
            print(f"(b) plain SQL (self-join, GROUP BY pair, row_number): {wall:.2f} s wall, {cpu:.2f} s CPU; "
                  f"{len(out):,} rows; peak RSS {peak_rss_mib():.0f} MiB; {loadavg()}", flush=True)
        except Timeout as t:
            print(f"(b) plain SQL: NOT FINISHED, interrupted after {t.args[0]:.0f} s; {loadavg()}", flush=True)

    if "c" in methods:
        try:
            out, wall, cpu = run_query(conn, query_best_partners(k), args.max_seconds)
            results["c"] = rows_from_best_partners(out)
            times["c"] = (wall, cpu)
            pairs = args.people * (args.people - 1)
            print(f"(c) best_partners over the self-join: {wall:.2f} s wall, {cpu:.2f} s CPU; "
                  f"{pairs:,} pairs scored ({args.people - 1:,} candidates per person, "
                  f"{wall * 1e9 / pairs:.0f} ns per pair); {len(results['c']):,} partners; {loadavg()}",
                  flush=True)
        except Timeout as t:
            print(f"(c) best_partners: NOT FINISHED, interrupted after {t.args[0]:.0f} s; {loadavg()}", flush=True)

    ok = True
    if "a" in results:
        for m, name in (("b", "plain SQL"), ("c", "best_partners")):
            if m not in results:
                continue
            same, worst, exact, first = compare(results["a"], results[m])
            ok &= same
            print(f"check (a) vs ({m}) {name}: {'IDENTICAL' if same else 'DIFFERENT'} (id, partner, rank) rows, "
                  f"{len(results['a']):,} vs {len(results[m]):,}; max |score diff| {worst:.3g}; "
                  f"{exact:,} scores equal bit for bit" + ("" if first is None else f"; first difference {first}"))
        print()
        print("| method | wall s | CPU s | ratio to (a) wall | ratio to (a) CPU |")
        print("|---|---|---|---|---|")
        wa, ca = times["a"]
        for m, name in (("a", "(a) reciprocity_top_partners (default threads)"),
                        ("a1", "(a) same, threads 1"),
                        ("b", "(b) plain SQL"), ("c", "(c) best_partners self-join")):
            if m in times:
                w, c = times[m]
                print(f"| {name} | {w:.3f} | {c:.3f} | {w / wa:.1f}x | {c / ca:.1f}x |")
    print(f"\nend: {loadavg()}; peak RSS {peak_rss_mib():.0f} MiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
